package org.mingzhang.api.demo;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.mingzhang.api.demo.DemoCounty.Closing;
import org.mingzhang.api.demo.DemoCounty.Payment;
import org.mingzhang.api.demo.DemoCounty.Project;
import org.mingzhang.api.demo.DemoCounty.Stage;
import org.mingzhang.api.demo.DemoCounty.Staff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads {@link DemoCounty} into fresh books through the service's own REST API, as an accountant's script would:
 * the server's admin token makes the demo's staff, and each of them does what their role allows (nobody approves
 * their own submission or request). Every POST carries a deterministic Idempotency-Key ({@code demo-gift-0001}), so
 * that a repeated request books nothing twice. Books that already hold a fund are left alone.
 */
final class DemoLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoLoader.class);
    static final String FUNDS = "/api/v1/funds";
    static final String PROJECTS = "/api/v1/projects";

    private final DemoClient api;
    private final String adminToken;
    private final DemoCalendar calendar;
    private final Map<Staff, String> tokens = new HashMap<>();
    private final Map<String, Long> needIds = new HashMap<>();
    /** The ids of each project's gifts, in the order they were booked. */
    private final Map<String, List<Long>> giftIds = new HashMap<>();
    private final Map<String, Integer> giftsByChannel = new TreeMap<>();
    private final Map<String, Integer> giftsByKind = new TreeMap<>();
    private int giftCount;
    private long giftFen;
    private String traceCode;

    /**
     * @param base       where the service answers, {@code http://127.0.0.1:8080}
     * @param adminToken the server's admin token
     * @param now        when the load happens, to place the county's year on the calendar
     */
    DemoLoader(URI base, String adminToken, Instant now) {
        this.api = new DemoClient(base);
        this.adminToken = adminToken;
        this.calendar = new DemoCalendar(now);
    }

    /**
     * Loads the county and logs what it made. Returns false, having loaded nothing, when the books already hold a fund.
     *
     * @throws DemoRefusal when the service refuses a request; what was loaded before it stays
     */
    boolean load() {
        if (!api.get(adminToken, FUNDS + "?limit=1").get("items").isEmpty()) {
            LOG.info("--demo: the data directory already holds funds; the demo loads only into fresh books");
            return false;
        }
        long started = System.nanoTime();
        if (!calendar.asWritten()) {
            LOG.info("--demo: the county's year ends in late November; its dates are squeezed into the days of {} that have "
                    + "passed", calendar.year());
        } else if (calendar.year() != DemoCounty.YEAR) {
            LOG.info("--demo: the county's dates are moved from {} to {}", DemoCounty.YEAR, calendar.year());
        }
        staff();
        funds();
        List<DemoDonors.Gift> gifts = DemoDonors.gifts(DemoCounty.PROJECTS, DemoCounty.GIVING, DemoCounty.NAMED_GIFTS);
        // The seed fund's backers gave first (January and February); the pool is paid out of what they gave.
        book(gifts, true);
        pool();
        needs();
        for (Project p : DemoCounty.PROJECTS) {
            plan(p);
        }
        book(gifts, false);
        bankCash(gifts);
        for (Project p : DemoCounty.PROJECTS) {
            refunds(p);
        }
        for (Project p : DemoCounty.PROJECTS) {
            run(p);
        }
        summary((System.nanoTime() - started) / 1_000_000);
        return true;
    }

    // --- steps --------------------------------------------------------------------------------------------------

    private void staff() {
        for (Staff s : List.of(DemoCounty.ADMIN, DemoCounty.ACCOUNTANT, DemoCounty.OFFICER, DemoCounty.CHAIR, DemoCounty.MEMBER)) {
            // No Idempotency-Key here: a replayed user creation answers without the token, which the demo needs.
            JsonNode user = api.post(adminToken, "/api/v1/users", Map.of("name", s.name(), "roles", List.of(s.role())), null);
            tokens.put(s, user.get("token").asText());
        }
    }

    private void funds() {
        for (DemoCounty.Fund f : DemoCounty.FUNDS) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("code", f.code());
            body.put("name", f.name());
            body.put("level", f.level());
            if (f.parentCode() != null) {
                body.put("parentCode", f.parentCode());
            }
            api.post(token(DemoCounty.ADMIN), FUNDS, body, "demo-fund-" + f.code());
        }
    }

    private void pool() {
        DemoCounty.Pool p = DemoCounty.POOL;
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", p.code());
        body.put("name", p.name());
        body.put("sponsorFundCode", p.sponsorFundCode());
        body.put("budget", p.budget());
        body.put("mode", p.mode());
        body.put("tiers", p.tiers().stream().map(t -> Map.of("minRaised", t.minRaised(), "rate", t.rate())).toList());
        body.put("perProjectCap", p.perProjectCap());
        body.put("perDonationCap", p.perDonationCap());
        body.put("perDonorCap", p.perDonorCap());
        body.put("eligibleCategories", p.eligibleCategories());
        body.put("eligibleFunds", p.eligibleFunds());
        body.put("opensAt", calendar.at(p.opensAt()));
        body.put("closesAt", calendar.at(p.closesAt()));
        body.put("settlement", p.settlement());
        api.post(token(DemoCounty.ACCOUNTANT), "/api/v1/matching-pools", body, "demo-pool-" + p.code());
    }

    private void needs() {
        for (DemoCounty.Need n : DemoCounty.NEEDS) {
            JsonNode need = api.post(token(DemoCounty.MEMBER), "/api/v1/needs", Map.of("fundCode", n.fundCode(), "title", n.title(),
                    "description", n.description(), "raisedBy", n.raisedBy(), "supporters", n.supporters()), "demo-need-" + n.key());
            needIds.put(n.key(), need.get("id").asLong());
        }
    }

    /** Writes the plan, and takes it as far as the committee goes with it: submitted, then approved or rejected. */
    private void plan(Project p) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", p.code());
        body.put("fundCode", p.fundCode());
        body.put("title", p.title());
        body.put("category", p.category());
        body.put("need", p.need());
        body.put("goals", p.goals());
        body.put("targetAmount", p.targetAmount());
        body.put("budget", p.budget().stream().map(l -> {
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("item", l.item());
            line.put("amount", l.amount());
            if (l.note() != null) {
                line.put("note", l.note());
            }
            return line;
        }).toList());
        body.put("plan", p.plan());
        body.put("team", p.team().stream().map(m -> Map.of("name", m.name(), "role", m.role())).toList());
        body.put("fundraisingOpensAt", calendar.at(p.opensAt()));
        body.put("fundraisingClosesAt", calendar.at(p.closesAt()));
        if (p.poolCode() != null) {
            body.put("matchingPoolCode", p.poolCode());
        }
        if (p.needKey() != null) {
            body.put("needId", needIds.get(p.needKey()));
        }
        if (p.feeRate() != null) {
            body.put("managementFeeRate", p.feeRate());
        }
        String officer = token(DemoCounty.OFFICER);
        api.post(officer, PROJECTS, body, "demo-project-" + p.code());
        if (p.stage() == Stage.DRAFT) {
            return;
        }
        api.post(officer, path(p, "submit"), Map.of("reason", "居民议事会讨论通过，提交委员会审议"), "demo-submit-" + p.code());
        if (p.stage() == Stage.SUBMITTED) {
            return;
        }
        if (p.stage() == Stage.REJECTED) {
            api.post(token(DemoCounty.MEMBER), path(p, "reject"), Map.of("reason", p.rejection()), "demo-reject-" + p.code());
            return;
        }
        api.post(token(DemoCounty.CHAIR), path(p, "approve"), Map.of("reason", "方案可行，预算合理，同意立项募集"),
                "demo-approve-" + p.code());
    }

    /** Books the seed fund's gifts ({@code seed} true) or all the others, oldest first, numbered over all of them. */
    private void book(List<DemoDonors.Gift> gifts, boolean seed) {
        String accountant = token(DemoCounty.ACCOUNTANT);
        for (int i = 0; i < gifts.size(); i++) {
            DemoDonors.Gift g = gifts.get(i);
            if (g.fundCode().equals(DemoCounty.SEED) != seed) {
                continue;
            }
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("fundCode", g.fundCode());
            if (g.projectCode() != null) {
                body.put("projectCode", g.projectCode());
            }
            body.put("amount", yuan(g.amountFen()));
            body.put("channel", g.channel());
            body.put("donor", g.donor());
            body.put("receivedAt", DemoCalendar.format(calendar.place(g.receivedAt())));
            if (g.note() != null) {
                body.put("note", g.note());
            }
            if (g.inKind() != null) {
                body.put("inKind", Map.of("description", g.inKind().description(), "quantity", g.inKind().quantity(),
                        "valuationBasis", g.inKind().valuationBasis()));
            }
            JsonNode gift = api.post(accountant, "/api/v1/donations", body, String.format("demo-gift-%04d", i + 1));
            if (g.projectCode() != null) {
                giftIds.computeIfAbsent(g.projectCode(), k -> new ArrayList<>()).add(gift.get("id").asLong());
                if (traceCode == null && g.projectCode().equals(DemoCounty.PROJECTS.get(0).code())) {
                    traceCode = gift.get("traceCode").asText();
                }
            }
            giftCount++;
            giftFen += g.amountFen();
            giftsByChannel.merge(g.channel(), 1, Integer::sum);
            giftsByKind.merge(g.kind(), 1, Integer::sum);
        }
    }

    /**
     * Takes each fund's cash to the bank in a manual entry (Dr 1002 / Cr 1001): payments leave from the bank, and a
     * federation banks what its collection boxes take.
     */
    private void bankCash(List<DemoDonors.Gift> gifts) {
        Map<String, Long> cashFen = new TreeMap<>();
        gifts.stream().filter(g -> g.channel().equals("CASH"))
                .forEach(g -> cashFen.merge(g.fundCode(), g.amountFen(), Long::sum));
        cashFen.forEach((fund, fen) -> api.post(token(DemoCounty.ACCOUNTANT), "/api/v1/ledger/transactions", Map.of(
                "fundCode", fund, "memo", "现金捐款存入银行", "occurredAt", calendar.at(DemoCounty.CASH_BANKED_AT),
                "postings", List.of(Map.of("accountCode", "1002", "debit", yuan(fen)), Map.of("accountCode", "1001", "credit",
                        yuan(fen)))), "demo-cash-" + fund));
    }

    private void refunds(Project p) {
        for (int i = 0; i < p.refunds().size(); i++) {
            DemoCounty.Refund r = p.refunds().get(i);
            long id = giftIds.get(p.code()).get(r.giftIndex());
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("reason", r.reason());
            if (r.half()) {
                JsonNode gift = api.get(token(DemoCounty.ACCOUNTANT), "/api/v1/donations/" + id);
                body.put("amount", yuan(DemoDonors.fen(gift.get("amount").asText()) / 2));
            }
            api.post(token(DemoCounty.ACCOUNTANT), "/api/v1/donations/" + id + "/refund", body,
                    "demo-refund-" + p.code() + "-" + (i + 1));
        }
    }

    /** Closes fundraising (the match settles), charges the fee, pays, and closes the project as far as its stage. */
    private void run(Project p) {
        if (p.stage().compareTo(Stage.IN_PROGRESS) < 0) {
            return;
        }
        String accountant = token(DemoCounty.ACCOUNTANT);
        api.post(accountant, path(p, "close-fundraising"), Map.of("reason", "募集期结束"), "demo-close-" + p.code());
        if (p.feeRate() != null) {
            api.post(accountant, path(p, "management-fees"), null, "demo-fee-" + p.code());
        }
        for (int i = 0; i < p.payments().size(); i++) {
            pay(p, i + 1, p.payments().get(i));
        }
        if (p.stage() == Stage.IN_PROGRESS) {
            return;
        }
        Closing c = p.closing();
        api.post(accountant, path(p, "complete"), Map.of("results", c.results(), "goalOutcomes", c.goalOutcomes()),
                "demo-complete-" + p.code());
        Map<String, Object> leftover = new LinkedHashMap<>();
        leftover.put("disposition", c.leftoverTargetCode() == null ? "RETURN_TO_FUND" : "TRANSFER_TO_PROJECT");
        if (c.leftoverTargetCode() != null) {
            leftover.put("targetProjectCode", c.leftoverTargetCode());
        }
        leftover.put("reason", c.leftoverReason());
        api.post(token(DemoCounty.MEMBER), path(p, "leftover"), leftover, "demo-leftover-" + p.code());
        if (p.stage() == Stage.ACCEPTED) {
            api.post(token(DemoCounty.CHAIR), path(p, "accept"), Map.of("reason", "结项材料齐全，现场验收合格"),
                    "demo-accept-" + p.code());
        }
    }

    /** Asks for a payment (the officer), decides it (the committee) and pays it (the accountant), as far as it goes. */
    private void pay(Project p, int n, Payment payment) {
        Map<String, Object> request = new LinkedHashMap<>();
        request.put("budgetItem", payment.budgetItem());
        request.put("amount", payment.amount());
        request.put("payee", payment.payee());
        request.put("purpose", payment.purpose());
        if (payment.invoiceNo() != null) {
            request.put("invoiceNo", payment.invoiceNo());
        }
        String suffix = p.code() + "-" + n;
        long id = api.post(token(DemoCounty.OFFICER), path(p, "disbursements"), request, "demo-disbursement-" + suffix)
                .get("id").asLong();
        String decided = "/api/v1/disbursements/" + id;
        switch (payment.end()) {
            case PENDING -> {
                return;
            }
            case REJECTED -> {
                api.post(token(DemoCounty.MEMBER), decided + "/reject", Map.of("reason", payment.reason()),
                        "demo-disbursement-reject-" + suffix);
                return;
            }
            case PAID_OVERRUN -> api.post(token(DemoCounty.CHAIR), decided + "/approve", Map.of("approveOverrun", true,
                    "reason", payment.reason()), "demo-disbursement-approve-" + suffix);
            case PAID -> api.post(token(DemoCounty.CHAIR), decided + "/approve", Map.of("reason", "票据齐全，同意拨付"),
                    "demo-disbursement-approve-" + suffix);
        }
        api.post(token(DemoCounty.ACCOUNTANT), decided + "/pay", null, "demo-pay-" + suffix);
    }

    // --- the summary ----------------------------------------------------------------------------------------------

    private void summary(long elapsedMillis) {
        String admin = token(DemoCounty.ADMIN);
        Map<Stage, List<String>> byStage = new EnumMap<>(Stage.class);
        DemoCounty.PROJECTS.forEach(p -> byStage.computeIfAbsent(p.stage(), k -> new ArrayList<>()).add(p.code()));
        JsonNode pool = api.get(admin, "/api/v1/matching-pools/" + DemoCounty.POOL_CODE);
        String base = api.base().toString().replaceAll("/$", "");
        Project accepted = byStage.get(Stage.ACCEPTED).stream().map(DemoLoader::project).findFirst().orElseThrow();
        Project completed = byStage.get(Stage.COMPLETED).stream().map(DemoLoader::project).findFirst().orElseThrow();
        String from = calendar.year() + "-01-01";
        String to = calendar.year() + "-12-31";
        StringBuilder s = new StringBuilder("--demo: loaded the worked county 沂泉县 in ").append(elapsedMillis).append(" ms\n");
        s.append("  funds: ");
        DemoCounty.FUNDS.forEach(f -> s.append(f.code()).append(' ').append(f.name()).append(" (").append(f.level()).append("); "));
        s.append("\n  matching pool ").append(DemoCounty.POOL_CODE).append(": budget ").append(pool.get("budget").asText())
                .append(" from ").append(DemoCounty.SEED).append(", settled ").append(pool.get("settled").asText())
                .append(", available ").append(pool.get("available").asText()).append('\n');
        s.append("  users: ");
        tokens.keySet().stream().sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(u -> s.append(u.name()).append(' ').append(u.role()).append("; "));
        s.append("(their tokens are not logged; read everything with the admin token)\n");
        s.append("  needs: ").append(DemoCounty.NEEDS.size()).append("; projects by status: ").append(byStage).append('\n');
        s.append("  gifts: ").append(giftCount).append(", ").append(yuan(giftFen)).append(" yuan; by channel ")
                .append(giftsByChannel).append("; by donor kind ").append(giftsByKind).append('\n');
        s.append("  open (Authorization: Bearer <admin token>):\n");
        s.append("    ").append(base).append(PROJECTS).append('/').append(accepted.code()).append("/plan.pdf\n");
        s.append("    ").append(base).append(PROJECTS).append('/').append(accepted.code()).append("/closing-report.pdf  (accepted: final)\n");
        s.append("    ").append(base).append(PROJECTS).append('/').append(completed.code()).append("/closing-report.pdf  (completed, not yet accepted)\n");
        for (String fund : DemoCounty.COMMUNITIES) {
            s.append("    ").append(base).append(FUNDS).append('/').append(fund).append("/disclosure.pdf?from=").append(from)
                    .append("&to=").append(to).append('\n');
        }
        s.append("  public, no token: ").append(base).append("/?project=").append(accepted.code()).append("  ")
                .append(base).append("/?fund=").append(DemoCounty.FUYUAN);
        if (traceCode != null) {
            s.append("  ").append(base).append("/?code=").append(traceCode);
        }
        LOG.info(s.toString());
    }

    /** The tokens of the staff the load made, for a test to act as them. */
    List<String> tokens() {
        return List.copyOf(tokens.values());
    }

    // --- helpers --------------------------------------------------------------------------------------------------

    private String token(Staff staff) {
        return tokens.get(staff);
    }

    private static Project project(String code) {
        return DemoCounty.PROJECTS.stream().filter(p -> p.code().equals(code)).findFirst().orElseThrow();
    }

    private static String path(Project p, String action) {
        return PROJECTS + "/" + p.code() + "/" + action;
    }

    static String yuan(long fen) {
        return String.format("%d.%02d", fen / 100, fen % 100);
    }
}
