package org.mingzhang.bench;

/**
 * One measured workload: how many clients, how many transfers each sends before it waits, and whether
 * the transfers spread over many funds' accounts or all spend from one fund's bank account.
 *
 * @param clients client threads, each with one request in flight at a time
 * @param transfersPerRequest transfers a client submits at once before waiting for all of them
 * @param hot true when every transfer credits the same guarded bank account (1002) of one fund
 */
record Scenario(String name, int clients, int transfersPerRequest, boolean hot) {

    Scenario {
        if (clients < 1 || transfersPerRequest < 1) {
            throw new IllegalArgumentException("a scenario needs clients and transfers: " + clients + "/" + transfersPerRequest);
        }
    }

    /** A PostgreSQL database name for this scenario's scratch database. */
    String databaseName() {
        return "mz_bench_" + name.replace('-', '_') + "_c" + clients;
    }

    /** Transfers waiting to be acknowledged at most, over all clients. */
    int inFlightMax() {
        return clients * transfersPerRequest;
    }
}
