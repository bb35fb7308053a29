package org.mingzhang.bench.crash;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The books the harness keeps beside the service: the funds and projects it set up, the users it acts as, and every
 * write it sent with what became of it. The workers draw their next operation from it; the audit checks the service
 * against it.
 */
final class World {

    static final ZoneOffset CST = ZoneOffset.ofHours(8);
    static final String SEED_FUND = "SEED";
    static final List<String> COMMUNITY_FUNDS = List.of("SQ1", "SQ2");
    static final String MATCHING_POOL = "MATCH";
    /** What each spending project receives at set-up, so that its small payments never run out. */
    static final long SPENDING_PROJECT_GIFT_FEN = 900_000_000L;
    private static final String[] CHANNELS = {"BANK_TRANSFER", "WECHAT_PAY", "ALIPAY", "CASH"};
    private static final String[] BUDGET_LINES = {"材料", "人工"};

    final String runId;
    String accountant;
    String committee;
    /** Projects that take gifts (FUNDRAISING), and projects that pay out (IN_PROGRESS). */
    final List<String> raisingProjects = new ArrayList<>();
    final List<String> spendingProjects = new ArrayList<>();
    final Queue<Write> writes = new ConcurrentLinkedQueue<>();
    /** Acknowledged gifts not (yet) asked to be refunded: the refunds draw from here. */
    private final List<Write> refundable = new ArrayList<>();
    /** Gifts whose refund was acknowledged: a second refund of one must be refused. */
    private final List<Long> refunded = new ArrayList<>();
    private final AtomicLong sequence = new AtomicLong();
    final AtomicInteger poolsThisCycle = new AtomicInteger();
    volatile int cycle;

    World(String runId) {
        this.runId = runId;
    }

    String next(String what) {
        return runId + "-" + what + "-" + sequence.incrementAndGet();
    }

    Write record(Write w) {
        writes.add(w);
        return w;
    }

    synchronized void refundable(Write gift) {
        refundable.add(gift);
    }

    /** An acknowledged gift, taken out of the refundable ones, or null. */
    synchronized Write takeRefundable(ThreadLocalRandom random) {
        if (refundable.isEmpty()) {
            return null;
        }
        int i = random.nextInt(refundable.size());
        Write last = refundable.remove(refundable.size() - 1);
        return i == refundable.size() ? last : refundable.set(i, last);
    }

    synchronized void refunded(long giftId) {
        refunded.add(giftId);
    }

    synchronized Long someRefunded(ThreadLocalRandom random) {
        return refunded.isEmpty() ? null : refunded.get(random.nextInt(refunded.size()));
    }

    static String now() {
        return OffsetDateTime.now(CST).truncatedTo(ChronoUnit.SECONDS).minusSeconds(1).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String inDays(int days) {
        return OffsetDateTime.now(CST).truncatedTo(ChronoUnit.SECONDS).plusDays(days).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    static String yuan(long fen) {
        return (fen / 100) + "." + String.format("%02d", fen % 100);
    }

    /** Amounts biased to the edges a ledger gets wrong: one fen, round sums, odd fen. */
    static long amountFen(ThreadLocalRandom random) {
        return switch (random.nextInt(6)) {
            case 0 -> 1;
            case 1 -> 100 * (1 + random.nextInt(1_000));
            default -> 1 + random.nextLong(200_000);
        };
    }

    // --- request bodies ---------------------------------------------------------------------------------------

    static ObjectNode object() {
        return Http.JSON.createObjectNode();
    }

    String giftBody(String fund, String project, long fen, String mark, ThreadLocalRandom random) {
        ObjectNode donor = object().put("name", "居民" + random.nextInt(500)).put("kind", "PERSON")
                .put("phone", "139" + String.format("%08d", random.nextInt(100_000_000)));
        ObjectNode gift = object().put("fundCode", fund).put("amount", yuan(fen)).put("channel", CHANNELS[random.nextInt(CHANNELS.length)])
                .put("receivedAt", now()).put("note", mark);
        if (project != null) {
            gift.put("projectCode", project);
        }
        gift.set("donor", donor);
        return gift.toString();
    }

    static String projectBody(String code, String fund, String pool) {
        ObjectNode p = object().put("code", code).put("fundCode", fund).put("title", "崩溃测试项目 " + code).put("category", "便民维修")
                .put("need", "楼道照明").put("targetAmount", "10000000.00").put("plan", "边募集边实施")
                .put("fundraisingOpensAt", inDays(-1)).put("fundraisingClosesAt", inDays(365));
        p.putArray("goals").add("更换照明");
        ArrayNode budget = p.putArray("budget");
        budget.addObject().put("item", BUDGET_LINES[0]).put("amount", "6000000.00");
        budget.addObject().put("item", BUDGET_LINES[1]).put("amount", "4000000.00");
        p.putArray("team").addObject().put("name", "王师傅").put("role", "负责人");
        if (pool != null) {
            p.put("matchingPoolCode", pool);
        }
        return p.toString();
    }

    static String poolBody(String code, long budgetFen, String settlement) {
        ObjectNode p = object().put("code", code).put("name", "配捐 " + code).put("sponsorFundCode", SEED_FUND)
                .put("budget", yuan(budgetFen)).put("mode", "FLAT").put("opensAt", inDays(-1)).put("closesAt", inDays(365))
                .put("settlement", settlement).put("perDonationCap", "1000.00").put("perProjectCap", "200000.00");
        ArrayNode tiers = p.putArray("tiers");
        tiers.addObject().put("minRaised", "0.00").put("rate", "0.10");
        tiers.addObject().put("minRaised", "10000.00").put("rate", "0.20");
        tiers.addObject().put("minRaised", "30000.00").put("rate", "0.30");
        return p.toString();
    }

    static String disbursementBody(ThreadLocalRandom random, long fen, String invoiceNo) {
        return object().put("budgetItem", BUDGET_LINES[random.nextInt(BUDGET_LINES.length)]).put("amount", yuan(fen))
                .put("payee", "某建材公司").put("purpose", "材料款").put("invoiceNo", invoiceNo).toString();
    }

    static String communityFundOf(String project) {
        return project.substring(0, project.indexOf('-'));
    }
}
