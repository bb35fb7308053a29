package org.mingzhang.bench.crash;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the harness checks after every restart (and after every database fault), through the API as a user sees it:
 * <ol>
 *   <li>every write whose answer was lost is resolved as a client would: sent again with its key (the original
 *       answer comes back if it was made, else it is made now), or looked for where it takes no key;</li>
 *   <li>every acknowledged write is there exactly once: each gift once by its note, each disbursement once by its
 *       invoice number, each refund, approval, payment and pool close in the state it was acknowledged in; nothing
 *       refused or never made is there, and nothing is there that no write made;</li>
 *   <li>nothing is half-written: every gift's transaction and every refund is in the journal with the gift's amount,
 *       every journal gift and refund belongs to exactly one gift, every payment's transactions are there; each
 *       project's raised and disbursed figures are the sums of its gifts and payments;</li>
 *   <li>receipt numbers are unique and without gaps per fund and year;</li>
 *   <li>every fund's trial balance is even, and its balance rows equal the replay of its journal legs;</li>
 *   <li>the hash chain verifies, over exactly the transactions seen so far: the journal only ever grows;</li>
 *   <li>no pool figure is negative;</li>
 *   <li>acknowledged writes sent again with their key answer what they first answered.</li>
 * </ol>
 */
final class Audit {

    /** Acknowledged writes of earlier cycles sent again at each audit, besides every one of the last cycle. */
    static final int OLDER_REPLAYS = 20;
    private static final int PAGE = 500;
    private static final long SERVICE_WAIT_MS = 60_000;

    private record Txn(long id, String kind, long amountFen, Long reversesId, String hash) {
    }

    /**
     * One audit's findings.
     *
     * @param lost acknowledged writes not found in the state they were acknowledged in (each is also a problem)
     */
    record Result(List<String> problems, int lost, int resolved, int replayed, long acknowledgedWrites, long donations,
                  long transactions) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private final Http http;
    private final World world;
    /** Every journal transaction seen so far: the journal only grows, so none may ever go missing. */
    private final TreeMap<Long, Txn> journal = new TreeMap<>();
    private List<String> problems;
    private int lost;

    Audit(Http http, World world) {
        this.http = http;
        this.world = world;
    }

    Result run() {
        problems = new ArrayList<>();
        lost = 0;
        int resolved = resolveUnknown();
        List<JsonNode> donations = all("/api/v1/donations");
        List<JsonNode> disbursements = all("/api/v1/disbursements");
        readNewTransactions();

        Map<String, List<JsonNode>> donationsByNote = group(donations, "note");
        Map<String, List<JsonNode>> disbursementsByInvoice = group(disbursements, "invoiceNo");
        checkGifts(donationsByNote);
        checkRefunds(donations);
        checkReceipts(donations);
        checkDisbursements(disbursementsByInvoice);
        checkPools();
        checkJournal(donations, disbursements);
        checkChain();
        checkFunds();
        checkProjects(donations, disbursements);
        int replayed = replay();
        long acknowledged = world.writes.stream().filter(w -> w.state == Write.State.ACKNOWLEDGED).count();
        return new Result(List.copyOf(problems), lost, resolved, replayed, acknowledged, donations.size(), journal.size());
    }

    /** An acknowledged write that is not there as it was acknowledged: the failure this harness exists to find. */
    private void lost(String what) {
        lost++;
        problem("LOST: " + what);
    }

    private void problem(String what) {
        if (problems.size() < 50) {
            problems.add(what);
        }
    }

    // --- 1. writes whose answer was lost ----------------------------------------------------------------------

    private int resolveUnknown() {
        int resolved = 0;
        for (Write w : world.writes) {
            if (w.state != Write.State.UNKNOWN) {
                continue;
            }
            switch (w.kind) {
                case DISBURSEMENT_REQUEST -> {
                    List<JsonNode> found = group(get("/api/v1/projects/" + w.projectCode + "/disbursements").path("items"),
                            "invoiceNo").getOrDefault(w.mark, List.of());
                    if (found.size() > 1) {
                        problem("disbursement request " + w.mark + " stored " + found.size() + " times");
                    }
                    if (found.isEmpty()) {
                        w.state = Write.State.ABSENT;
                    } else {
                        w.acknowledgement = new Http.Answer(201, found.get(0), null, 0, null);
                        w.state = Write.State.ACKNOWLEDGED;
                        w.resolvedByReplay = true;
                    }
                }
                case DISBURSEMENT_APPROVAL -> {
                    String status = get("/api/v1/disbursements/" + w.targetId).path("status").asText();
                    switch (status) {
                        case "APPROVED", "PAID" -> {
                            w.state = Write.State.ACKNOWLEDGED;
                            w.resolvedByReplay = true;
                        }
                        case "PENDING" -> w.state = Write.State.ABSENT;
                        default -> problem("disbursement " + w.targetId + " whose approval was lost is " + status);
                    }
                }
                default -> {
                    Http.Answer a = sendUntilAnswered(w);
                    w.answered(a);
                    if (a.ok()) {
                        w.resolvedByReplay = true;
                    } else if (w.state == Write.State.UNKNOWN) {
                        problem("sending " + w + " again got " + a);
                    }
                }
            }
            resolved++;
        }
        return resolved;
    }

    /** Sends a write again until the service answers other than 503 (it may still be loading after a restart). */
    private Http.Answer sendUntilAnswered(Write w) {
        long deadline = System.currentTimeMillis() + SERVICE_WAIT_MS;
        Http.Answer a;
        do {
            a = http.send(w.method, w.path, w.token, w.key, w.body);
            if (a.status() != 503 && a.status() >= 0) {
                return a;
            }
            pause(200);
        } while (System.currentTimeMillis() < deadline);
        return a;
    }

    // --- 2. exactly once ---------------------------------------------------------------------------------------

    private void checkGifts(Map<String, List<JsonNode>> byNote) {
        Set<String> marks = new HashSet<>();
        for (Write w : world.writes) {
            if (w.kind != Write.Kind.GIFT) {
                continue;
            }
            marks.add(w.mark);
            List<JsonNode> stored = byNote.getOrDefault(w.mark, List.of());
            if (w.state == Write.State.ACKNOWLEDGED) {
                if (stored.isEmpty()) {
                    lost("acknowledged gift " + w.mark + " is not there");
                } else if (stored.size() > 1) {
                    problem("acknowledged gift " + w.mark + " is stored " + stored.size() + " times");
                } else {
                    sameFields("gift " + w.mark, w.acknowledgement.body(), stored.get(0),
                            "id", "receiptNo", "traceCode", "amount", "fundCode", "projectCode", "transactionId");
                }
            } else if (!stored.isEmpty()) {
                problem("gift " + w.mark + " (" + w.state + ": " + w.firstAnswer + ") is stored " + stored.size() + " times");
            }
        }
        byNote.keySet().stream().filter(note -> !marks.contains(note))
                .forEach(note -> problem("a gift no write made: note " + note));
    }

    private void checkRefunds(List<JsonNode> donations) {
        Map<Long, JsonNode> byId = new HashMap<>();
        donations.forEach(d -> byId.put(d.path("id").asLong(), d));
        Set<Long> refundedByWrites = new HashSet<>();
        for (Write w : world.writes) {
            if (w.kind == Write.Kind.REFUND && w.state == Write.State.ACKNOWLEDGED) {
                refundedByWrites.add(w.targetId);
                JsonNode d = byId.get(w.targetId);
                if (d == null || !"REFUNDED".equals(d.path("status").asText()) || d.path("refundTransactionId").isNull()) {
                    lost("acknowledged refund of gift " + w.targetId + " is not there: " + d);
                }
            }
        }
        for (JsonNode d : donations) {
            if ("REFUNDED".equals(d.path("status").asText()) && !refundedByWrites.contains(d.path("id").asLong())) {
                problem("gift " + d.path("id").asLong() + " is refunded, but no refund of it was acknowledged");
            }
        }
    }

    private void checkReceipts(List<JsonNode> donations) {
        Map<String, TreeSet<Integer>> byFundYear = new TreeMap<>();
        for (JsonNode d : donations) {
            String receipt = d.path("receiptNo").asText();
            int dash = receipt.lastIndexOf('-');
            if (!byFundYear.computeIfAbsent(receipt.substring(0, dash), k -> new TreeSet<>())
                    .add(Integer.parseInt(receipt.substring(dash + 1)))) {
                problem("receipt number " + receipt + " given twice");
            }
        }
        byFundYear.forEach((fundYear, numbers) -> {
            if (numbers.first() != 1 || numbers.last() != numbers.size()) {
                problem("receipt numbers of " + fundYear + " have gaps: " + numbers.size() + " numbers from " + numbers.first()
                        + " to " + numbers.last());
            }
        });
    }

    private void checkDisbursements(Map<String, List<JsonNode>> byInvoice) {
        Set<Long> paidByWrites = new HashSet<>();
        for (Write w : world.writes) {
            List<JsonNode> stored = byInvoice.getOrDefault(w.mark, List.of());
            switch (w.kind) {
                case DISBURSEMENT_REQUEST -> {
                    if (w.state == Write.State.ACKNOWLEDGED && stored.isEmpty()) {
                        lost("acknowledged disbursement request " + w.mark + " is not there");
                    } else if (w.state == Write.State.ACKNOWLEDGED ? stored.size() != 1 : !stored.isEmpty()) {
                        problem("disbursement request " + w.mark + " (" + w.state + ") is stored " + stored.size() + " times");
                    } else if (w.state == Write.State.ACKNOWLEDGED) {
                        sameFields("disbursement " + w.mark, w.acknowledgement.body(), stored.get(0), "id", "amount", "projectCode");
                    }
                }
                case DISBURSEMENT_APPROVAL -> {
                    if (w.state == Write.State.ACKNOWLEDGED && (stored.size() != 1
                            || !Set.of("APPROVED", "PAID").contains(stored.get(0).path("status").asText()))) {
                        lost("acknowledged approval of " + w.mark + " is not there: " + stored);
                    }
                }
                case DISBURSEMENT_PAYMENT -> {
                    if (w.state == Write.State.ACKNOWLEDGED) {
                        paidByWrites.add(w.targetId);
                        if (stored.size() != 1 || !"PAID".equals(stored.get(0).path("status").asText())) {
                            lost("acknowledged payment of " + w.mark + " is not there: " + stored);
                        }
                    }
                }
                default -> {
                }
            }
        }
        byInvoice.values().stream().flatMap(List::stream)
                .filter(d -> "PAID".equals(d.path("status").asText()) && !paidByWrites.contains(d.path("id").asLong()))
                .forEach(d -> problem("disbursement " + d.path("id").asLong() + " is paid, but no payment of it was acknowledged"));
    }

    private void checkPools() {
        Set<String> checked = new HashSet<>();
        for (Write w : world.writes) {
            if ((w.kind != Write.Kind.POOL_CREATION && w.kind != Write.Kind.POOL_CLOSE) || w.state != Write.State.ACKNOWLEDGED) {
                continue;
            }
            Http.Answer read = http.get("/api/v1/matching-pools/" + w.mark, world.accountant);
            if (read.status() == 404) {
                lost("acknowledged pool " + w.mark + " is not there");
                continue;
            }
            JsonNode pool = get("/api/v1/matching-pools/" + w.mark);
            if (w.kind == Write.Kind.POOL_CLOSE && !"CLOSED".equals(pool.path("status").asText())) {
                lost("acknowledged close of pool " + w.mark + " is not there: " + pool.path("status"));
            }
            if (checked.add(w.mark)) {
                nonNegative("pool " + w.mark, pool, "budget", "settled", "returned", "reserved", "available");
            }
        }
        nonNegative("pool " + World.MATCHING_POOL, get("/api/v1/matching-pools/" + World.MATCHING_POOL),
                "budget", "settled", "returned", "reserved", "available");
    }

    // --- 3. nothing half-written -------------------------------------------------------------------------------

    private void readNewTransactions() {
        Long cursor = journal.isEmpty() ? null : journal.lastKey();
        while (true) {
            JsonNode page = get("/api/v1/ledger/transactions?limit=" + PAGE + (cursor == null ? "" : "&cursor=" + cursor));
            for (JsonNode t : page.path("items")) {
                long id = t.path("id").asLong();
                journal.put(id, new Txn(id, t.path("kind").asText(), fen(t.path("amount").asText()),
                        t.path("reversesId").isNull() ? null : t.path("reversesId").asLong(), t.path("hash").asText()));
            }
            if (page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()) {
                return;
            }
            cursor = page.path("nextCursor").asLong();
        }
    }

    private void checkJournal(List<JsonNode> donations, List<JsonNode> disbursements) {
        Map<Long, Long> giftOfTransaction = new HashMap<>();
        Set<Long> refundOfGift = new HashSet<>();
        for (JsonNode d : donations) {
            long id = d.path("id").asLong();
            Txn t = journal.get(d.path("transactionId").asLong());
            if (t == null || t.amountFen() != fen(d.path("amount").asText())) {
                problem("gift " + id + " has no journal transaction of its amount: " + t);
            } else if (giftOfTransaction.put(t.id(), id) != null) {
                problem("journal transaction " + t.id() + " belongs to two gifts");
            }
            if (!d.path("refundTransactionId").isNull()) {
                Txn r = journal.get(d.path("refundTransactionId").asLong());
                if (r == null || !r.kind().equals("REFUND") || r.amountFen() != fen(d.path("amount").asText())) {
                    problem("refunded gift " + id + " has no refund of its amount in the journal: " + r);
                } else if (!refundOfGift.add(r.id())) {
                    problem("journal refund " + r.id() + " belongs to two gifts");
                }
            }
        }
        journal.values().stream().filter(t -> t.kind().equals("DONATION") && !giftOfTransaction.containsKey(t.id()))
                .forEach(t -> problem("journal gift transaction " + t.id() + " belongs to no gift"));
        journal.values().stream().filter(t -> t.kind().equals("REFUND") && !refundOfGift.contains(t.id()))
                .forEach(t -> problem("journal refund " + t.id() + " belongs to no refunded gift"));
        Set<Long> reversed = new HashSet<>();
        journal.values().stream().filter(t -> t.reversesId() != null && !reversed.add(t.reversesId()))
                .forEach(t -> problem("journal transaction " + t.reversesId() + " is reversed twice (again by " + t.id() + ")"));
        for (JsonNode d : disbursements) {
            for (String field : List.of("reserveTransactionId", "paymentTransactionId")) {
                if (!d.path(field).isNull() && !journal.containsKey(d.path(field).asLong())) {
                    problem("disbursement " + d.path("id").asLong() + ": " + field + " " + d.path(field).asLong()
                            + " is not in the journal");
                }
            }
            if ("PAID".equals(d.path("status").asText()) && d.path("paymentTransactionId").isNull()) {
                problem("disbursement " + d.path("id").asLong() + " is PAID without a payment transaction");
            }
        }
    }

    private void checkChain() {
        JsonNode verify = get("/api/v1/ledger/verify");
        if (!verify.path("ok").asBoolean()) {
            problem("the hash chain does not verify: " + verify);
        }
        if (verify.path("transactions").asLong() != journal.size()) {
            problem("the journal holds " + verify.path("transactions").asLong() + " transactions; " + journal.size()
                    + " were seen (it only grows)");
        }
        if (!journal.isEmpty() && !verify.path("headHash").asText().equals(journal.lastEntry().getValue().hash())) {
            problem("the chain's head " + verify.path("headHash").asText() + " is not the last transaction seen");
        }
        long expectedId = 1;
        for (long id : journal.keySet()) {
            if (id != expectedId++) {
                problem("journal ids have a gap before " + id);
                break;
            }
        }
    }

    private void checkFunds() {
        String asOf = URLEncoder.encode(World.inDays(1), StandardCharsets.UTF_8);
        for (JsonNode fund : all("/api/v1/funds")) {
            String code = fund.path("code").asText();
            JsonNode rows = get("/api/v1/ledger/funds/" + code + "/trial-balance");
            JsonNode legs = get("/api/v1/ledger/funds/" + code + "/trial-balance?asOf=" + asOf);
            if (!rows.path("totalDebit").asText().equals(rows.path("totalCredit").asText())) {
                problem("fund " + code + ": trial balance uneven: Dr " + rows.path("totalDebit") + " Cr " + rows.path("totalCredit"));
            }
            if (!lines(rows).equals(lines(legs))) {
                problem("fund " + code + ": balance rows differ from the replay of the journal: " + lines(rows) + " vs " + lines(legs));
            }
        }
    }

    private static Map<String, String> lines(JsonNode trialBalance) {
        Map<String, String> lines = new TreeMap<>();
        trialBalance.path("accounts").forEach(a -> lines.put(a.path("code").asText(),
                a.path("debit").asText() + "/" + a.path("credit").asText()));
        return lines;
    }

    private void checkProjects(List<JsonNode> donations, List<JsonNode> disbursements) {
        Map<String, Long> raised = new HashMap<>();
        for (JsonNode d : donations) {
            if (!d.path("projectCode").isNull() && !"REFUNDED".equals(d.path("status").asText())) {
                raised.merge(d.path("projectCode").asText(), fen(d.path("amount").asText()), Long::sum);
            }
        }
        Map<String, Long> paid = new HashMap<>();
        for (JsonNode d : disbursements) {
            if ("PAID".equals(d.path("status").asText())) {
                paid.merge(d.path("projectCode").asText(), fen(d.path("amount").asText()), Long::sum);
            }
        }
        List<String> projects = new ArrayList<>(world.raisingProjects);
        projects.addAll(world.spendingProjects);
        for (String code : projects) {
            JsonNode p = get("/api/v1/projects/" + code);
            if (fen(p.path("raised").asText()) != raised.getOrDefault(code, 0L)) {
                problem("project " + code + " shows raised " + p.path("raised").asText() + "; its gifts sum to "
                        + World.yuan(raised.getOrDefault(code, 0L)));
            }
            if (fen(p.path("disbursed").asText()) != paid.getOrDefault(code, 0L)) {
                problem("project " + code + " shows disbursed " + p.path("disbursed").asText() + "; its payments sum to "
                        + World.yuan(paid.getOrDefault(code, 0L)));
            }
            nonNegative("project " + code, p, "available", "reserved");
        }
    }

    // --- 4. replays ----------------------------------------------------------------------------------------------

    private int replay() {
        List<Write> candidates = new ArrayList<>();
        List<Write> older = new ArrayList<>();
        for (Write w : world.writes) {
            if (w.key == null || w.state != Write.State.ACKNOWLEDGED) {
                continue;
            }
            (w.cycle >= world.cycle ? candidates : older).add(w);
        }
        ThreadLocalRandom random = ThreadLocalRandom.current();
        for (int i = 0; i < OLDER_REPLAYS && !older.isEmpty(); i++) {
            candidates.add(older.remove(random.nextInt(older.size())));
        }
        for (Write w : candidates) {
            Http.Answer again = sendUntilAnswered(w);
            if (again.status() != w.acknowledgement.status()) {
                problem("replay of " + w + " answered " + again + "; first " + w.acknowledgement);
                continue;
            }
            String[] identity = switch (w.kind) {
                case GIFT -> new String[] {"id", "receiptNo", "traceCode", "amount", "fundCode", "projectCode", "transactionId"};
                case REFUND -> new String[] {"id", "status", "refundTransactionId"};
                case DISBURSEMENT_PAYMENT -> new String[] {"id", "status", "amount", "paymentTransactionId"};
                case POOL_CREATION -> new String[] {"code", "budget", "sponsorFundCode", "poolFundCode"};
                case POOL_CLOSE -> new String[] {"code", "status", "returned"};
                default -> new String[] {"id"};
            };
            sameFields("replay of " + w, w.acknowledgement.body(), again.body(), identity);
        }
        return candidates.size();
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    private void sameFields(String what, JsonNode expected, JsonNode actual, String... fields) {
        for (String f : fields) {
            if (!expected.path(f).equals(actual.path(f))) {
                problem(what + ": " + f + " was " + expected.path(f) + ", now " + actual.path(f));
            }
        }
    }

    private void nonNegative(String what, JsonNode node, String... fields) {
        for (String f : fields) {
            if (node.path(f).isMissingNode() || fen(node.path(f).asText()) < 0) {
                problem(what + ": " + f + " is " + node.path(f));
            }
        }
    }

    private JsonNode get(String path) {
        long deadline = System.currentTimeMillis() + SERVICE_WAIT_MS;
        Http.Answer a;
        do {
            a = http.get(path, world.accountant);
            if (a.ok()) {
                return a.body();
            }
            pause(200);
        } while (System.currentTimeMillis() < deadline);
        throw new IllegalStateException("the audit could not read " + path + ": " + a);
    }

    private List<JsonNode> all(String path) {
        List<JsonNode> items = new ArrayList<>();
        String cursor = null;
        while (true) {
            JsonNode page = get(path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE
                    + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8)));
            page.path("items").forEach(items::add);
            if (page.path("nextCursor").isNull() || page.path("nextCursor").isMissingNode()) {
                return items;
            }
            cursor = page.path("nextCursor").asText();
        }
    }

    private static Map<String, List<JsonNode>> group(Iterable<JsonNode> nodes, String field) {
        Map<String, List<JsonNode>> groups = new HashMap<>();
        for (JsonNode n : nodes) {
            if (!n.path(field).isNull() && !n.path(field).isMissingNode()) {
                groups.computeIfAbsent(n.path(field).asText(), k -> new ArrayList<>()).add(n);
            }
        }
        return groups;
    }

    static long fen(String yuan) {
        return new BigDecimal(yuan).movePointRight(2).longValueExact();
    }

    private static void pause(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
