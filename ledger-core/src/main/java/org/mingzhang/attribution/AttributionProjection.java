package org.mingzhang.attribution;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.mingzhang.account.Account;
import org.mingzhang.gift.Channel;
import org.mingzhang.gift.Gift;
import org.mingzhang.gift.GiftListener;
import org.mingzhang.gift.GiftStore;
import org.mingzhang.gift.RefundGift;
import org.mingzhang.journal.Books;
import org.mingzhang.journal.KeyedCommand;
import org.mingzhang.journal.LedgerCommand;
import org.mingzhang.journal.LedgerReads;
import org.mingzhang.journal.Projection;
import org.mingzhang.journal.Transaction;
import org.mingzhang.matching.MatchRule;
import org.mingzhang.matching.MatchableGift;
import org.mingzhang.matching.MatchingPool;
import org.mingzhang.matching.MatchingStore;
import org.mingzhang.project.ChargeManagementFee;
import org.mingzhang.project.DisposeLeftover;
import org.mingzhang.project.PayDisbursement;
import org.mingzhang.project.Project;
import org.mingzhang.project.ProjectDecider;
import org.mingzhang.project.ProjectStore;
import org.mingzhang.project.ProjectTransition;
import org.mingzhang.project.TransitionProject;

/**
 * Keeps the attribution of every outflow of a project's money to the gifts whose money it was ({@link Attributor},
 * method version {@value Outflow#METHOD_VERSION}), in the batch transaction of the outflow.
 *
 * <p>What it keeps in memory: nothing between batches. Within a batch, the units of the projects that the batch pays,
 * charges, refunds, matches or moves leftover from or to (read ahead in {@link #readAhead} for the commands that name
 * them, else read when first needed), the gifts the batch recorded, and the units the batch added for new gifts. A
 * project's units are as many as its gifts (two with their match shares), so a batch holds at most the units of the
 * few projects it spends from; a batch of gifts reads none, it only adds one unit per gift. Everything is dropped after
 * {@link #flush}. The first build on books from before the projection folds the journal once at start, with every
 * unit in memory (one per gift and part); it is written and marked built, and never repeated.
 */
public final class AttributionProjection implements Projection, GiftListener {

    /** Gifts read per page when a project's gifts are weighed for a match. */
    private static final int GIFT_PAGE = 10_000;

    private final AttributionStore store;
    private final LedgerReads reads;
    private final ProjectStore projectStore;
    private final ProjectDecider projects;
    private final MatchingStore matching;
    private final GiftStore giftStore;
    /** Projects whose every unit this batch has, read ahead or when first needed. */
    private final Map<Long, Map<Unit.Key, Unit>> loaded = new HashMap<>();
    /** Units the batch added to projects whose units it did not read (new gifts' own units). */
    private final Map<Long, Map<Unit.Key, Unit>> added = new HashMap<>();
    /** Gifts to projects the batch recorded or refunded, as they now are. */
    private final Map<Long, Gift> giftsInBatch = new LinkedHashMap<>();

    public AttributionProjection(AttributionStore store, LedgerReads reads, ProjectStore projectStore, GiftStore gifts,
                                 ProjectDecider projects, MatchingStore matching) {
        this.giftStore = gifts;
        this.store = store;
        this.reads = reads;
        this.projectStore = projectStore;
        this.projects = projects;
        this.matching = matching;
    }

    @Override
    public void reload() {
        clearBatch();
        if (!store.attributionBuilt()) {
            store.rebuildAttribution(build());
        }
    }

    /** The attribution folded from the whole journal, in id order, every unit in memory. */
    private AttributionSaved build() {
        Map<Long, Map<Unit.Key, Unit>> all = new HashMap<>();
        Map<String, Project> byCode = new HashMap<>();
        projectStore.projects().forEach(p -> byCode.put(p.code(), p));
        Map<Long, String> codes = new HashMap<>();
        reads.funds().forEach(f -> reads.accounts(f.id()).forEach(a -> codes.put(a.id(), a.code())));
        Attributor attributor = new Attributor(new Attributor.Context() {
            @Override
            public Attributor.ProjectRef project(String code) {
                Project p = byCode.get(code);
                return p == null ? null : new Attributor.ProjectRef(p.id(), p.fundId());
            }

            @Override
            public String accountCode(long accountId) {
                return codes.get(accountId);
            }

            @Override
            public Map<Unit.Key, Unit> units(long projectId) {
                return all.computeIfAbsent(projectId, k -> new HashMap<>());
            }

            @Override
            public Unit unit(long projectId, Unit.Key key) {
                return units(projectId).get(key);
            }

            @Override
            public void put(Unit unit) {
                units(unit.projectId()).put(unit.key(), unit);
            }

            @Override
            public Map<Long, MatchableGift> giftsOf(long projectId) {
                return storedGifts(projectId);
            }

            @Override
            public MatchRule rule(String poolCode) {
                return matching.pool(poolCode).map(MatchingPool::rule).orElse(null);
            }
        });
        reads.forEachTransaction(attributor::accept);
        attributor.finish();
        List<Unit> units = new ArrayList<>();
        all.values().forEach(m -> units.addAll(m.values()));
        return new AttributionSaved(units, attributor.outflows());
    }

    private void clearBatch() {
        loaded.clear();
        added.clear();
        giftsInBatch.clear();
    }

    /**
     * Reads ahead the units of the projects the batch's commands will spend from, refund from, match, or move leftover
     * between; none for a batch with no such command (a batch of gifts). A command whose project is not known before it
     * is decided (a pool's close settling many projects) has its projects' units read when first needed.
     */
    @Override
    public Runnable readAhead(List<LedgerCommand<?>> commands) {
        // Each entry finds one project's id on the reader thread (a payment's and a refund's need a read of their own).
        List<java.util.function.Supplier<Long>> projectsOf = new ArrayList<>();
        for (LedgerCommand<?> c : commands) {
            LedgerCommand<?> command = c instanceof KeyedCommand<?> keyed ? keyed.command() : c;
            switch (command) {
                case ChargeManagementFee fee -> projectsOf.add(() -> id(fee.code()));
                case DisposeLeftover leftover -> {
                    projectsOf.add(() -> id(leftover.code()));
                    projectsOf.add(() -> id(leftover.targetCode()));
                }
                case TransitionProject move when move.transition() == ProjectTransition.CLOSE_FUNDRAISING ->
                        projectsOf.add(() -> id(move.code()));
                case PayDisbursement pay -> projectsOf.add(() -> projectStore.disbursement(pay.disbursementId())
                        .map(d -> d.projectId()).orElse(null));
                // A gift recorded in this same batch is not stored yet: its project's units are read when first needed.
                case RefundGift refund -> projectsOf.add(() -> giftStore.gift(refund.giftId()).map(Gift::projectId).orElse(null));
                default -> { }
            }
        }
        if (projectsOf.isEmpty()) {
            return null;
        }
        return () -> {
            Set<Long> wanted = new HashSet<>();
            projectsOf.forEach(p -> wanted.add(p.get()));
            wanted.remove(null);
            wanted.removeAll(loaded.keySet());
            if (!wanted.isEmpty()) {
                loaded.putAll(copies(store.units(wanted)));
            }
        };
    }

    private Long id(String code) {
        Project p = code == null ? null : projects.project(code);
        return p == null ? null : p.id();
    }

    private static Map<Long, Map<Unit.Key, Unit>> copies(Map<Long, List<Unit>> read) {
        Map<Long, Map<Unit.Key, Unit>> copies = new HashMap<>();
        read.forEach((id, units) -> {
            Map<Unit.Key, Unit> byKey = new HashMap<>();
            units.forEach(u -> byKey.put(u.key(), u));
            copies.put(id, byKey);
        });
        return copies;
    }

    @Override
    public void giftRecorded(Gift gift, Books books) {
        if (gift.projectId() != null) {
            giftsInBatch.put(gift.id(), gift);
        }
    }

    @Override
    public void giftRefunded(Gift before, Gift after, Books books) {
        if (after.projectId() != null) {
            giftsInBatch.put(after.id(), after);
        }
    }

    @Override
    public void flush(Books books) {
        try {
            Attributor attributor = new Attributor(new BatchContext(books));
            for (Transaction t : books.bookedInBatch()) {
                attributor.accept(t);
            }
            attributor.finish();
            List<Unit> units = attributor.changedUnits();
            if (!units.isEmpty() || !attributor.outflows().isEmpty()) {
                books.write(new AttributionSaved(units, attributor.outflows()));
            }
        } finally {
            clearBatch();
        }
    }

    /** The project's gifts as stored, with those the batch recorded or refunded over them. */
    private Map<Long, MatchableGift> storedGifts(long projectId) {
        Map<Long, MatchableGift> gifts = new HashMap<>();
        long after = 0;
        for (List<Gift> page = projectStoreGifts(projectId, after); !page.isEmpty(); page = projectStoreGifts(projectId, after)) {
            page.forEach(g -> gifts.put(g.id(), matchable(g)));
            after = page.get(page.size() - 1).id();
        }
        return gifts;
    }

    private List<Gift> projectStoreGifts(long projectId, long after) {
        return giftStore.gifts(null, projectId, null, after, GIFT_PAGE);
    }

    /** A gift's attributes as the matching rule weighs them; its amount is replaced by what stands of it at the match. */
    private static MatchableGift matchable(Gift g) {
        return new MatchableGift(String.valueOf(g.id()), g.amountFen(), g.donor().key(), g.donor().name(), g.receivedAt(),
                g.channel() == Channel.IN_KIND, null);
    }

    /** The units of one batch: those read ahead, those read when first needed, and the new gifts' own. */
    private final class BatchContext implements Attributor.Context {
        private final Books books;

        BatchContext(Books books) {
            this.books = books;
        }

        @Override
        public Attributor.ProjectRef project(String code) {
            Project p = projects.project(code);
            return p == null ? null : new Attributor.ProjectRef(p.id(), p.fundId());
        }

        @Override
        public String accountCode(long accountId) {
            return books.account(accountId).map(Account::code).orElseThrow();
        }

        @Override
        public Map<Unit.Key, Unit> units(long projectId) {
            Map<Unit.Key, Unit> units = loaded.get(projectId);
            if (units == null) {
                units = copies(store.units(List.of(projectId))).getOrDefault(projectId, new HashMap<>());
                // A new gift's unit added earlier in the batch is newer than storage.
                units.putAll(added.getOrDefault(projectId, Map.of()));
                added.remove(projectId);
                loaded.put(projectId, units);
            }
            return units;
        }

        @Override
        public Unit unit(long projectId, Unit.Key key) {
            Map<Unit.Key, Unit> units = loaded.get(projectId);
            return units != null ? units.get(key) : added.getOrDefault(projectId, Map.of()).get(key);
        }

        @Override
        public void put(Unit unit) {
            Map<Unit.Key, Unit> units = loaded.get(unit.projectId());
            (units != null ? units : added.computeIfAbsent(unit.projectId(), k -> new HashMap<>())).put(unit.key(), unit);
        }

        @Override
        public Map<Long, MatchableGift> giftsOf(long projectId) {
            Map<Long, MatchableGift> gifts = storedGifts(projectId);
            giftsInBatch.values().stream().filter(g -> g.projectId() == projectId).forEach(g -> gifts.put(g.id(), matchable(g)));
            return gifts;
        }

        @Override
        public MatchRule rule(String poolCode) {
            return matching.pool(poolCode).map(MatchingPool::rule).orElse(null);
        }
    }
}
