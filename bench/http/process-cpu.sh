#!/usr/bin/env bash
# Processor time of each process of a running HTTP benchmark, one by one: the service's JVM and every PostgreSQL
# process (the writer's backend is the busiest of the benchmark's database). bench/http/cpu_watch.py sums the
# database's backends; this splits them, to tell the one backend that writes from the readers (docs/benchmarks.md,
# ninth pass). Run it beside the benchmark, given the benchmark's log:
#   DATABASES=postgresql DOCS=0 PROFILE=0 WARMUP_S=30 DURATION_S=20 bench/http/run-http-bench.sh > /tmp/b.log 2>&1 &
#   bench/http/process-cpu.sh /tmp/b.log
# It waits for the measured run, skips its first 3 s, reads /proc for 10 s and prints each process that used more than
# 0.2% of a processor (in processors, and its title), then the whole machine's busy share and how much the service
# wrote a second.
set -euo pipefail
log=$1
for _ in $(seq 1 300); do grep -q "measured" "$log" 2>/dev/null && break; sleep 1; done
sleep 3
service=$(grep -o "service pid [0-9]*" "$log" | tail -1 | awk '{print $3}')
hz=$(getconf CLK_TCK)
snapshot() {
  for p in $(pgrep -f "^postgres: ") $service; do
    [ -r "/proc/$p/stat" ] || continue
    # utime + stime: fields 14 and 15, counted after the ")" that ends the command's name
    echo "$p $(sed 's/.*) //' "/proc/$p/stat" | awk '{print $12 + $13}') $(tr '\0' ' ' < "/proc/$p/cmdline" | cut -c1-70 | tr ' ' '_')"
  done | sort
}
# The service's writes too (/proc/<pid>/io): wchar is every byte it wrote, answers and logs included; write_bytes what
# went to the file system. Divided by the run's gifts a second, it is what a gift costs in writes (eleventh pass: H2).
io() { awk '/^(wchar|write_bytes):/ { printf "%s ", $2 }' "/proc/$service/io" 2>/dev/null || true; }
before=$(snapshot); machine0=$(head -1 /proc/stat); io0=$(io)
sleep 10
after=$(snapshot); machine1=$(head -1 /proc/stat); io1=$(io)
join <(echo "$before") <(echo "$after") | awk -v hz="$hz" '{ used = ($4 - $2) / hz / 10; if (used > 0.002) printf "%s %.3f processors %s\n", $1, used, $3 }' | sort -k2 -nr
echo "$machine0 $machine1" | awk '{ b0 = $2 + $3 + $4 + $7 + $8; t0 = b0 + $5 + $6; b1 = $13 + $14 + $15 + $18 + $19; t1 = b1 + $16 + $17
  printf "machine busy %.0f%%\n", 100 * (b1 - b0) / (t1 - t0) }'
echo "$io0 $io1" | awk 'NF == 4 { printf "service wrote %.1f MB/s (wchar), %.1f MB/s to the file system (write_bytes)\n", ($3 - $1) / 10e6, ($4 - $2) / 10e6 }'
