#!/usr/bin/env bash
# Processor time of the service's threads, every 10 s for as long as the service runs, threads grouped by name (the
# digits that number a pool's threads dropped: "C2_CompilerThre", "mingzhang-ledge" for the writer and its readers,
# "ForkJoinPool" for the virtual threads' carriers, "default-eventLo" for Netty's loops, "GC_Thread"). It shows what
# process-cpu.sh cannot: which thread of the JVM is busy, whether the JIT compiler still works during the measured run,
# and whether one thread bounds the service (docs/benchmarks.md, tenth pass). Run it beside the benchmark, given the
# benchmark's log:
#   DATABASES=h2 DOCS=0 PROFILE=0 WARMUP_S=180 DURATION_S=20 bench/http/run-http-bench.sh > /tmp/b.log 2>&1 &
#   bench/http/thread-cpu.sh /tmp/b.log
# Each line: seconds since the service was found, then each group using more than 0.02 of a processor, in processors.
# (Linux names a thread by its first 15 characters; /proc/<pid>/task/<tid>/stat fields 14 and 15, user and system.)
set -euo pipefail
log=$1
for _ in $(seq 1 300); do grep -q "service pid" "$log" 2>/dev/null && break; sleep 1; done
pid=$(grep -o "service pid [0-9]*" "$log" | tail -1 | awk '{print $3}')
hz=$(getconf CLK_TCK)
snapshot() {
  for t in /proc/"$pid"/task/*; do
    echo "$(sed 's/.*) //' "$t/stat" 2>/dev/null | awk '{print $12 + $13}') $(tr ' ' '_' < "$t/comm" 2>/dev/null)"
  done 2>/dev/null | awk 'NF == 2 { group = $2; sub(/[#0-9-]+$/, "", group); ticks[group] += $1 } END { for (g in ticks) print g, ticks[g] }' | sort
}
before=$(snapshot); start=$(date +%s)
while kill -0 "$pid" 2>/dev/null; do
  sleep 10
  after=$(snapshot) || break
  echo "t=$(( $(date +%s) - start )) s $(join <(echo "$before") <(echo "$after") \
    | awk -v hz="$hz" '{ used = ($3 - $2) / hz / 10; if (used > 0.02) printf "%s=%.2f ", $1, used }')"
  before=$after
done
