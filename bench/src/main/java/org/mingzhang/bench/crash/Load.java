package org.mingzhang.bench.crash;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Clients that write without pause, each one request at a time as an accountant's script would: gifts (half of
 * them restricted to a project), refunds of acknowledged gifts, disbursements taken through request, approval and
 * payment, matching pools created and closed, and reads. Every write and every answer is recorded in the
 * {@link World}; what the service answers is judged by {@link Verdicts}.
 */
final class Load {

    /** Pools created per cycle at most: each pool is a fund of its own, with a chart of accounts to audit. */
    static final int POOLS_PER_CYCLE_MAX = 2;

    private final Http http;
    private final World world;
    private final Verdicts verdicts;
    private final int clients;
    private final List<Thread> threads = new ArrayList<>();
    private volatile boolean running;
    final AtomicLong requests = new AtomicLong();
    final AtomicLong acknowledged = new AtomicLong();
    /** Times at which a write was acknowledged, for the recovery after a fault. */
    final Queue<Long> acknowledgedAtNanos = new ConcurrentLinkedQueue<>();

    Load(Http http, World world, Verdicts verdicts, int clients) {
        this.http = http;
        this.world = world;
        this.verdicts = verdicts;
        this.clients = clients;
    }

    void start() {
        running = true;
        for (int i = 0; i < clients; i++) {
            threads.add(Thread.ofPlatform().name("load-" + i).start(this::drive));
        }
    }

    /** Lets every client finish its request in hand, and waits for them. */
    void stop() throws InterruptedException {
        running = false;
        for (Thread t : threads) {
            t.join();
        }
        threads.clear();
    }

    private void drive() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        while (running) {
            int dice = random.nextInt(100);
            if (dice < 47) {
                gift(random);
            } else if (dice < 50) {
                refusedGift(random);
            } else if (dice < 58) {
                refund(random);
            } else if (dice < 60) {
                secondRefund(random);
            } else if (dice < 80) {
                disbursement(random);
            } else if (dice < 83) {
                pool(random);
            } else {
                read(random);
            }
        }
    }

    private Http.Answer send(Write w) {
        Http.Answer a = http.send(w.method, w.path, w.token, w.key, w.body);
        requests.incrementAndGet();
        verdicts.judge(w.method + " " + w.path, a);
        w.answered(a);
        if (a.ok()) {
            acknowledged.incrementAndGet();
            acknowledgedAtNanos.add(System.nanoTime());
        } else if (a.status() == Http.Answer.REFUSED_CONNECTION) {
            // The service is down (killed, until the harness notices): do not hammer its closed port.
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        return a;
    }

    void gift(ThreadLocalRandom random) {
        String fund = World.COMMUNITY_FUNDS.get(random.nextInt(World.COMMUNITY_FUNDS.size()));
        String project = null;
        if (random.nextBoolean()) {
            List<String> ofFund = world.raisingProjects.stream().filter(p -> p.startsWith(fund + "-")).toList();
            project = ofFund.get(random.nextInt(ofFund.size()));
        }
        String mark = world.next("gift");
        Write w = world.record(new Write(Write.Kind.GIFT, "POST", "/api/v1/donations", world.accountant, mark,
                world.giftBody(fund, project, World.amountFen(random), mark, random), mark, project, world.cycle, null));
        if (send(w).ok()) {
            world.refundable(w);
        }
    }

    /** A gift the service must refuse (a project that does not exist) and must not write. */
    private void refusedGift(ThreadLocalRandom random) {
        String fund = World.COMMUNITY_FUNDS.get(random.nextInt(World.COMMUNITY_FUNDS.size()));
        String mark = world.next("gift");
        send(world.record(new Write(Write.Kind.GIFT, "POST", "/api/v1/donations", world.accountant, mark,
                world.giftBody(fund, fund + "-NONE", World.amountFen(random), mark, random), mark, null, world.cycle, null)));
    }

    private void refund(ThreadLocalRandom random) {
        Write gift = world.takeRefundable(random);
        if (gift == null) {
            gift(random);
            return;
        }
        if (send(refundOf(gift.answeredId(), gift.projectCode)).ok()) {
            world.refunded(gift.answeredId());
        }
    }

    /** A refund of a gift refunded already, under a new key: the service must refuse it and reverse nothing twice. */
    private void secondRefund(ThreadLocalRandom random) {
        Long gift = world.someRefunded(random);
        if (gift == null) {
            refund(random);
            return;
        }
        send(refundOf(gift, null));
    }

    private Write refundOf(long giftId, String projectCode) {
        String key = world.next("refund");
        return world.record(new Write(Write.Kind.REFUND, "POST", "/api/v1/donations/" + giftId + "/refund", world.accountant,
                key, "{\"reason\":\"捐赠人要求退款\"}", key, projectCode, world.cycle, giftId));
    }

    private void disbursement(ThreadLocalRandom random) {
        String project = world.spendingProjects.get(random.nextInt(world.spendingProjects.size()));
        String invoice = world.next("inv");
        Write request = world.record(new Write(Write.Kind.DISBURSEMENT_REQUEST, "POST", "/api/v1/projects/" + project + "/disbursements",
                world.accountant, null, World.disbursementBody(random, World.amountFen(random), invoice), invoice, project,
                world.cycle, null));
        if (!send(request).ok() || !running) {
            return;
        }
        long id = request.answeredId();
        Write approval = world.record(new Write(Write.Kind.DISBURSEMENT_APPROVAL, "POST", "/api/v1/disbursements/" + id + "/approve",
                world.committee, null, "{\"reason\":\"同意\"}", invoice, project, world.cycle, id));
        if (!send(approval).ok() || !running) {
            return;
        }
        String key = world.next("pay");
        send(world.record(new Write(Write.Kind.DISBURSEMENT_PAYMENT, "POST", "/api/v1/disbursements/" + id + "/pay",
                world.accountant, key, "{}", invoice, project, world.cycle, id)));
    }

    private void pool(ThreadLocalRandom random) {
        if (world.poolsThisCycle.incrementAndGet() > POOLS_PER_CYCLE_MAX) {
            gift(random);
            return;
        }
        String code = world.next("P").toUpperCase().replace("-", "");
        String key = world.next("pool");
        Write creation = world.record(new Write(Write.Kind.POOL_CREATION, "POST", "/api/v1/matching-pools", world.accountant, key,
                World.poolBody(code, 100_000 + random.nextLong(1_000_000), "PRO_RATA_AT_POOL_CLOSE"), code, null, world.cycle, null));
        if (!send(creation).ok() || !running) {
            return;
        }
        String closeKey = world.next("close");
        send(world.record(new Write(Write.Kind.POOL_CLOSE, "POST", "/api/v1/matching-pools/" + code + "/close", world.accountant,
                closeKey, "{}", code, null, world.cycle, null)));
    }

    private void read(ThreadLocalRandom random) {
        String path = switch (random.nextInt(4)) {
            case 0 -> "/api/v1/projects/" + world.raisingProjects.get(random.nextInt(world.raisingProjects.size()));
            case 1 -> "/api/v1/funds/" + World.COMMUNITY_FUNDS.get(random.nextInt(World.COMMUNITY_FUNDS.size()));
            case 2 -> "/api/v1/ledger/funds/" + World.COMMUNITY_FUNDS.get(random.nextInt(World.COMMUNITY_FUNDS.size()))
                    + "/trial-balance";
            default -> "/api/v1/matching-pools/" + World.MATCHING_POOL;
        };
        Http.Answer a = http.get(path, world.accountant);
        requests.incrementAndGet();
        verdicts.judge("GET " + path, a);
    }
}
