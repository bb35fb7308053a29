package org.mingzhang.bench;

/**
 * What one scenario measured and what the ledger looked like afterwards.
 *
 * @param measuredTransfers transfers acknowledged inside the measured window
 * @param cpu CPU time spent inside the measured window
 * @param transfersPerSecond transfers acknowledged inside the measured window, per second
 * @param acknowledged transfers acknowledged over the whole run, warm-up included
 * @param meanCommandsPerCommit stored transfers divided by distinct batch timestamps: the writer's mean batch
 * @param chainTransactions transactions the chain verification walked
 * @param expectedTransactions seed deposits plus every acknowledged transfer
 * @param accountsMismatched accounts whose balance row differs from the sums over their journal legs
 */
record ScenarioResult(Scenario scenario, double measuredSeconds, long measuredTransfers, CpuMeter.Usage cpu,
                      double transfersPerSecond, double p50Ms, double p99Ms,
                      long acknowledged, long acknowledgedFen, long rejected, String firstRejection, long failed,
                      String firstFailure, double meanCommandsPerCommit, boolean chainOk, long chainTransactions,
                      long expectedTransactions, double verifySeconds, boolean trialBalanceEqual, long trialDebitFen,
                      long trialCreditFen, int accountsChecked, int accountsMismatched, long storedTransfers,
                      long storedFen) {

    double cpuMicrosPerTransfer(long nanos) {
        return measuredTransfers == 0 ? Double.NaN : nanos / 1_000.0 / measuredTransfers;
    }

    /** A share of the machine's capacity (all processors) over the measured window. */
    double machinePercent(long nanos) {
        return cpu.machineTotalNanos() == 0 ? Double.NaN : 100.0 * nanos / cpu.machineTotalNanos();
    }

    boolean correct() {
        return rejected == 0 && failed == 0 && chainOk && chainTransactions == expectedTransactions && trialBalanceEqual
                && accountsMismatched == 0 && storedTransfers == acknowledged && storedFen == acknowledgedFen;
    }
}
