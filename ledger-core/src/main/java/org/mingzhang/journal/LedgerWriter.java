package org.mingzhang.journal;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.mingzhang.account.ChartTemplate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer (group commit). Callers on any thread submit commands into a bounded queue; one
 * thread drains it in batches, decides every command in memory, writes the whole batch in one database
 * transaction, and only then completes each caller's future. A refused command fails alone. If a
 * batch's commit fails, the writer reloads its state from storage and retries the commands one by one,
 * so one poisoned command cannot take its neighbours down with it.
 *
 * <p>When the database cannot be reached ({@link StorageUnavailableException}), the batch fails as a whole at
 * once (retrying its commands one by one could only fail again, each after its own timeout), the writer drops
 * its state, and until the store answers again it fails every command it takes without touching storage,
 * trying storage again after a pause that grows from {@link #RETRY_PAUSE_MS_MIN} to {@link #RETRY_PAUSE_MS_MAX}.
 * A command whose caller stopped waiting ({@link Ledger#execute}'s timeout) before its batch was decided is
 * dropped, never written.
 */
public final class LedgerWriter implements AutoCloseable {

    /**
     * @param queueCapacity commands that may wait; one more is refused with {@link LedgerBusyException}
     * @param batchCommandsMax commands decided and committed together at most
     * @param answerTimeoutMs how long {@link Ledger#execute} waits for a command's outcome before it gives up with
     *                        {@link LedgerTimeoutException}: a caller never hangs on a database that does not answer
     * @param transactionsPerCheckpoint how many transactions lie between two checkpoints of the hash chain
     *                                  ({@link ChainCheckpoint}); tests make it small to reach checkpoints quickly
     * @param regatherMicros how long, at most, the writer waits before a batch for the callers it has just answered to
     *                       send their next commands (0: it never waits); see {@link #REGATHER_MICROS_DEFAULT}
     */
    public record Settings(int queueCapacity, int batchCommandsMax, long answerTimeoutMs, int transactionsPerCheckpoint,
                           long regatherMicros) {
        public static final long ANSWER_TIMEOUT_MS_DEFAULT = 10_000;
        /**
         * Group commit's usual linger (PostgreSQL's {@code commit_delay}, Kafka's {@code linger.ms}), aimed: under load,
         * callers answered by one batch send their next command while the next batch is already being written, so
         * batches split into two halves that alternate, each paying a batch's fixed cost (its round trips and its
         * commit to disk). Waiting for those callers, up to this long and only for as many as were answered, lets
         * them share one batch again. A lone caller is not delayed: the wait ends as soon as its command arrives.
         */
        public static final long REGATHER_MICROS_DEFAULT = 3_000;
        public static final Settings DEFAULT = new Settings(20_000, 1_000);

        public Settings {
            if (queueCapacity < 1 || batchCommandsMax < 1 || answerTimeoutMs < 1) {
                throw new IllegalArgumentException("writer settings must be positive: " + queueCapacity + "/" + batchCommandsMax
                        + "/" + answerTimeoutMs);
            }
            if (regatherMicros < 0 || regatherMicros > 1_000_000) {
                throw new IllegalArgumentException("the writer waits 0 to 1,000,000 µs for answered callers: " + regatherMicros);
            }
            if (transactionsPerCheckpoint < 1 || transactionsPerCheckpoint > ChainCheckpoint.TRANSACTIONS_PER_CHECKPOINT_MAX) {
                throw new IllegalArgumentException("transactions per checkpoint must be 1 to "
                        + ChainCheckpoint.TRANSACTIONS_PER_CHECKPOINT_MAX + ": " + transactionsPerCheckpoint);
            }
        }

        public Settings(int queueCapacity, int batchCommandsMax, long answerTimeoutMs, int transactionsPerCheckpoint) {
            this(queueCapacity, batchCommandsMax, answerTimeoutMs, transactionsPerCheckpoint, REGATHER_MICROS_DEFAULT);
        }

        public Settings(int queueCapacity, int batchCommandsMax, long answerTimeoutMs) {
            this(queueCapacity, batchCommandsMax, answerTimeoutMs, ChainCheckpoint.TRANSACTIONS_PER_CHECKPOINT_DEFAULT);
        }

        public Settings(int queueCapacity, int batchCommandsMax) {
            this(queueCapacity, batchCommandsMax, ANSWER_TIMEOUT_MS_DEFAULT);
        }

        /** These settings with another distance between checkpoints of the chain. */
        public Settings withTransactionsPerCheckpoint(int transactions) {
            return new Settings(queueCapacity, batchCommandsMax, answerTimeoutMs, transactions, regatherMicros);
        }

        /** These settings with another wait for answered callers. */
        public Settings withRegatherMicros(long micros) {
            return new Settings(queueCapacity, batchCommandsMax, answerTimeoutMs, transactionsPerCheckpoint, micros);
        }
    }

    /** The first pause before storage is tried again after it could not be reached; each failure doubles it. */
    static final long RETRY_PAUSE_MS_MIN = 100;
    /** The longest pause between two attempts to reach storage again. */
    static final long RETRY_PAUSE_MS_MAX = 2_000;

    private static final Logger LOG = LoggerFactory.getLogger(LedgerWriter.class);

    private record Queued<T>(LedgerCommand<T> command, CompletableFuture<Outcome<T>> future) {
    }

    private final JournalStore store;
    private final Clock clock;
    private final ChartTemplate chart;
    private final Settings settings;
    private final List<Decider> deciders;
    /** Every projection the writer keeps: the deciders, then the projections that decide nothing. */
    private final List<Projection> projections;
    private final BlockingQueue<Queued<?>> queue;
    /** Runs the projections' reads ahead of a batch ({@link Projection#readAhead}), beside the writer's own. */
    private final ExecutorService readers;
    private final Thread thread;
    private volatile boolean running = true;
    /** Null when the state must be reloaded from storage before the next batch. */
    private LedgerStateMachine machine;
    /** Why storage could not be reached at the last attempt; null while it answers. */
    private StorageUnavailableException unavailable;
    private long retryPauseMs = RETRY_PAUSE_MS_MIN;
    private long retryAtNanos;
    /** Commands waiting when the last batch's callers were answered ({@link #answering}). */
    private int queuedWhenAnswered;
    /** The batch being processed, timed for Java Flight Recorder ({@link WriterBatchEvent}). */
    private WriterBatchEvent timing = new WriterBatchEvent();

    public LedgerWriter(JournalStore store, Clock clock, ChartTemplate chart, Settings settings, List<Decider> deciders) {
        this(store, clock, chart, settings, deciders, List.of());
    }

    /** @param projections projections that decide nothing and follow what the deciders book (they run after the deciders) */
    public LedgerWriter(JournalStore store, Clock clock, ChartTemplate chart, Settings settings, List<Decider> deciders,
                        List<Projection> projections) {
        this.store = store;
        this.clock = clock;
        this.chart = chart;
        this.settings = settings;
        this.deciders = List.copyOf(deciders);
        List<Projection> all = new ArrayList<>(deciders);
        all.addAll(projections);
        this.projections = List.copyOf(all);
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.readers = Executors.newFixedThreadPool(Math.max(1, this.projections.size()), r -> {
            Thread reader = new Thread(r, "mingzhang-ledger-reader");
            reader.setDaemon(true);
            return reader;
        });
        store.claimWriter();
        this.machine = loadMachine();
        this.projections.forEach(Projection::reload);
        this.thread = new Thread(this::run, "mingzhang-ledger-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /** Queues a command; the future completes after the command's batch has committed (or was refused). */
    public <T> CompletableFuture<Outcome<T>> submit(LedgerCommand<T> command) {
        CompletableFuture<Outcome<T>> future = new CompletableFuture<>();
        LedgerCommand<?> decided = unwrapped(command);
        if (!LedgerStateMachine.isJournalCommand(decided) && deciderOf(decided) == null) {
            future.completeExceptionally(new IllegalArgumentException("no decider takes " + command.getClass().getSimpleName()));
        } else if (!running) {
            future.completeExceptionally(new IllegalStateException("the ledger writer has stopped"));
        } else if (!queue.offer(new Queued<>(command, future))) {
            future.completeExceptionally(new LedgerBusyException(settings.queueCapacity()));
        }
        return future;
    }

    Settings settings() {
        return settings;
    }

    private void run() {
        List<Queued<?>> batch = new ArrayList<>(settings.batchCommandsMax());
        // How many commands the next batch should gather: those the last batch answered (their callers' next ones)
        // and those already waiting when it did.
        int expected = 0;
        long idleSince = System.nanoTime();
        while (running || !queue.isEmpty()) {
            try {
                Queued<?> first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first == null) {
                    expected = 0;
                    continue;
                }
                timing = new WriterBatchEvent();
                timing.begin();
                // Read after begin(), so that the parts timed from here fit inside the event's own span.
                long firstAt = System.nanoTime();
                timing.waited = firstAt - idleSince;
                batch.add(first);
                queue.drainTo(batch, settings.batchCommandsMax() - 1);
                regather(batch, expected);
                timing.gathered = System.nanoTime() - firstAt;
                process(batch);
                expected = batch.size() + queuedWhenAnswered;
                timing.commands = batch.size();
                timing.commit();
                idleSince = System.nanoTime();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException | Error e) {
                // process() completes every future itself; reaching here is a bug in the writer, which must not die.
                LOG.error("ledger writer failed outside a batch", e);
                batch.forEach(q -> q.future().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    /**
     * Notes how many commands wait, just before a batch's callers are answered: counted later, the queue could already
     * hold an answered caller's next command, and the writer would wait for one command too many.
     */
    private void answering() {
        queuedWhenAnswered = queue.size();
    }

    /** Waits, up to {@link Settings#regatherMicros}, until the batch holds {@code expected} commands, or is full. */
    private void regather(List<Queued<?>> batch, int expected) throws InterruptedException {
        int wanted = Math.min(settings.batchCommandsMax(), expected);
        long deadline = System.nanoTime() + TimeUnit.MICROSECONDS.toNanos(settings.regatherMicros());
        while (batch.size() < wanted && running) {
            long left = deadline - System.nanoTime();
            Queued<?> next = left > 0 ? queue.poll(left, TimeUnit.NANOSECONDS) : null;
            if (next == null) {
                return;
            }
            batch.add(next);
            queue.drainTo(batch, settings.batchCommandsMax() - batch.size());
        }
    }

    private void process(List<Queued<?>> batch) {
        // A caller that stopped waiting has been told that its command may not have been made: make sure it is not.
        batch.removeIf(q -> q.future().isDone());
        if (batch.isEmpty()) {
            answering();
            return;
        }
        if (unavailable != null && System.nanoTime() - retryAtNanos < 0) {
            answering();
            batch.forEach(q -> q.future().completeExceptionally(unavailable));
            return;
        }
        List<Outcome<?>> outcomes;
        try {
            outcomes = decideAndCommit(batch);
        } catch (StorageUnavailableException e) {
            machine = null;
            if (unavailable == null) {
                LOG.error("the database cannot be reached; failing every write at once until it answers again: {}", e.getMessage());
            } else {
                retryPauseMs = Math.min(RETRY_PAUSE_MS_MAX, retryPauseMs * 2);
            }
            unavailable = e;
            retryAtNanos = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(retryPauseMs);
            answering();
            batch.forEach(q -> q.future().completeExceptionally(e));
            return;
        } catch (RuntimeException e) {
            machine = null;
            endBatchReadsQuietly(e);
            if (batch.size() == 1) {
                LOG.error("ledger command failed: {}", batch.get(0).command(), e);
                answering();
                batch.get(0).future().completeExceptionally(e);
                return;
            }
            LOG.warn("a batch of {} commands failed; retrying them one by one", batch.size(), e);
            timing.retried = true;
            for (Queued<?> one : batch) {
                process(new ArrayList<>(List.of(one)));
            }
            return;
        }
        if (unavailable != null) {
            LOG.info("the database answers again; writes go on");
            unavailable = null;
            retryPauseMs = RETRY_PAUSE_MS_MIN;
        }
        answering();
        for (int i = 0; i < batch.size(); i++) {
            complete(batch.get(i), outcomes.get(i));
        }
    }

    /** A batch failed after its reads ahead: their transaction is ended, and a failure to end it told with the batch's. */
    private void endBatchReadsQuietly(RuntimeException failed) {
        try {
            store.endBatchReads();
        } catch (RuntimeException e) {
            failed.addSuppressed(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> void complete(Queued<T> queued, Outcome<?> outcome) {
        queued.future().complete((Outcome<T>) outcome);
    }

    private List<Outcome<?>> decideAndCommit(List<Queued<?>> batch) {
        long readFrom = System.nanoTime();
        if (machine == null) {
            machine = loadMachine();
            projections.forEach(Projection::reload);
        }
        Set<String> keys = new HashSet<>();
        Set<Long> ids = new HashSet<>();
        Set<RequestKey.Scope> requestKeys = new HashSet<>();
        for (Queued<?> q : batch) {
            if (q.command() instanceof KeyedCommand<?> keyed) {
                requestKeys.add(keyed.key().scope());
            }
            LedgerCommand<?> command = unwrapped(q.command());
            if (command.idempotencyKey() != null) {
                keys.add(command.idempotencyKey());
            }
            switch (command) {
                case Reverse r -> ids.add(r.transactionId());
                case PostPending p -> ids.add(p.pendingId());
                case VoidPending v -> ids.add(v.pendingId());
                default -> {
                    Decider decider = deciderOf(command);
                    if (decider != null) {
                        ids.addAll(decider.transactionsReferredTo(command));
                    }
                }
            }
        }
        // The projections read ahead on other connections while the journal's own reads take the writer's: the reads
        // are independent, and nothing in memory changes until every one has finished. Only a projection with something
        // to read takes a reader thread (for a batch of gifts, two of the ten).
        List<LedgerCommand<?>> commands = batch.stream().<LedgerCommand<?>>map(Queued::command).toList();
        // Every projection says what it wants before any read starts: one that fails to say fails the batch before a
        // read could still change another projection while the writer reloads.
        List<Runnable> reads = new ArrayList<>();
        for (Projection p : projections) {
            Runnable read = p.readAhead(commands);
            if (read != null) {
                reads.add(read);
            }
        }
        List<CompletableFuture<Void>> readAhead = new ArrayList<>(reads.size());
        reads.forEach(read -> readAhead.add(CompletableFuture.runAsync(read, readers)));
        Prefetch prefetch;
        RequestKeys requests;
        try {
            prefetch = keys.isEmpty() && ids.isEmpty() ? Prefetch.EMPTY : store.prefetch(keys, ids);
            requests = new RequestKeys(requestKeys.isEmpty() ? Map.of() : store.keptRequests(requestKeys));
        } finally {
            awaitAll(readAhead);
        }
        long decideFrom = System.nanoTime();
        timing.read += decideFrom - readFrom;
        LedgerStateMachine.Batch context = new LedgerStateMachine.Batch(prefetch, now());
        List<Outcome<?>> outcomes = new ArrayList<>(batch.size());
        Books books = machine.books(context);
        for (Queued<?> q : batch) {
            outcomes.add(q.command() instanceof KeyedCommand<?> keyed ? keyed(keyed, requests, context, books)
                    : decide(q.command(), context, books));
        }
        deciders.forEach(d -> d.assertInvariants(books));
        projections.forEach(p -> p.flush(books));
        long commitFrom = System.nanoTime();
        timing.decided += commitFrom - decideFrom;
        if (!context.writes.isEmpty()) {
            store.commit(context.writes);
        } else {
            store.endBatchReads();
        }
        timing.committed += System.nanoTime() - commitFrom;
        return outcomes;
    }

    /**
     * Waits for every read, failed or not (none may still change a projection when the writer reloads after a failure);
     * then throws what the first failed one threw, as it threw it.
     */
    private static void awaitAll(List<CompletableFuture<Void>> reads) {
        Throwable failed = null;
        for (CompletableFuture<Void> read : reads) {
            try {
                read.join();
            } catch (CompletionException e) {
                Throwable cause = e.getCause() == null ? e : e.getCause();
                if (failed == null) {
                    failed = cause;
                } else {
                    failed.addSuppressed(cause);
                }
            }
        }
        if (failed instanceof RuntimeException r) {
            throw r;
        } else if (failed instanceof Error error) {
            throw error;
        } else if (failed != null) {
            throw new IllegalStateException("a projection's read ahead failed", failed);
        }
    }

    @SuppressWarnings("unchecked")
    private <T> Outcome<T> decide(LedgerCommand<T> command, LedgerStateMachine.Batch context, Books books) {
        Decider decider = deciderOf(command);
        return decider != null ? decider.decide(command, books) : (Outcome<T>) direct(command, context, books);
    }

    /**
     * The request keys a batch has to answer from: those storage kept (read ahead for the batch) and those kept by
     * commands decided earlier in the batch, with the record each answered, so that two commands with one key in one
     * batch behave as they would in two.
     */
    private record RequestKeys(Map<RequestKey.Scope, KeptRequest> stored, Map<RequestKey.Scope, Answered<?>> inBatch) {
        RequestKeys(Map<RequestKey.Scope, KeptRequest> stored) {
            this(stored, new HashMap<>());
        }
    }

    private record Answered<T>(KeptRequest kept, T record) {
    }

    /**
     * The one path of every keyed command ({@link KeyedCommand}): a key the caller used before answers the record
     * its first request made, as it now stands, when the request is the same, and is refused when it is not; both
     * write nothing. A new key decides the command, and when it is accepted keeps the key with its record in the
     * same batch.
     */
    @SuppressWarnings("unchecked")
    private <T> Outcome<T> keyed(KeyedCommand<T> keyed, RequestKeys requests, LedgerStateMachine.Batch context, Books books) {
        RequestKey key = keyed.key();
        Answered<?> inBatch = requests.inBatch().get(key.scope());
        KeptRequest earlier = inBatch != null ? inBatch.kept() : requests.stored().get(key.scope());
        if (earlier != null) {
            if (!earlier.repeatedBy(key, keyed.kind().name())) {
                return earlier.refusal();
            }
            T record = inBatch != null ? (T) inBatch.record() : keyed.kind().find().apply(earlier.recordId())
                    .orElseThrow(() -> new IllegalStateException("request key " + key.scope() + " names "
                            + earlier.recordKind() + " " + earlier.recordId() + ", which storage does not hold"));
            return new Outcome.Accepted<>(record, true);
        }
        Outcome<T> outcome = decide(keyed.command(), context, books);
        if (outcome instanceof Outcome.Accepted<T> accepted && !accepted.replayed()) {
            KeptRequest kept = new KeptRequest(key, keyed.kind().name(), keyed.kind().id(accepted.value()), books.now());
            books.write(kept);
            requests.inBatch().put(key.scope(), new Answered<>(kept, accepted.value()));
        }
        return outcome;
    }

    /** The command a decider or the journal decides: a keyed one's inside. */
    private static LedgerCommand<?> unwrapped(LedgerCommand<?> command) {
        return command instanceof KeyedCommand<?> keyed ? keyed.command() : command;
    }

    /** A client's own journal command: every decider's guard may refuse it first (money of a record moves only through it). */
    private Outcome<?> direct(LedgerCommand<?> command, LedgerStateMachine.Batch context, Books books) {
        // A repeat of a command already applied is the journal's to replay (or to refuse as a key reused), whatever
        // has happened since.
        boolean repeat = command.idempotencyKey() != null && books.earlierWithKey(command.idempotencyKey()).isPresent();
        for (Decider decider : repeat ? List.<Decider>of() : deciders) {
            if (decider instanceof JournalGuard guard) {
                Outcome.Rejected<?> refused = guard.refuse(command, books);
                if (refused != null) {
                    return refused;
                }
            }
        }
        return machine.applyDirect(command, context);
    }

    /** The state from storage, with every fund's chart made whole (and written) before anything is decided on it. */
    private LedgerStateMachine loadMachine() {
        LedgerStateMachine loaded = new LedgerStateMachine(chart, store.load(), settings.transactionsPerCheckpoint());
        WriteBatch completed = loaded.completeCharts();
        if (!completed.isEmpty()) {
            store.commit(completed);
            LOG.info("the chart of accounts gained {} account(s) across the funds; they are opened", completed.newAccounts().size());
        }
        return loaded;
    }

    private Decider deciderOf(LedgerCommand<?> command) {
        for (Decider decider : deciders) {
            if (decider.decides(command)) {
                return decider;
            }
        }
        return null;
    }

    private Instant now() {
        // Storage keeps microseconds; the hash chain must see exactly what storage gives back.
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    /** Stops taking commands, finishes those already queued, and waits for the writer thread. */
    @Override
    public void close() {
        running = false;
        try {
            thread.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            readers.shutdown();
            store.close();
        }
    }
}
