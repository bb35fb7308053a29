#!/usr/bin/env bash
# Times the committee's PDFs for a large project (issue 12): 5,000 gifts and 200 payments by default, on H2 in memory.
# Prints a Markdown table (pages, size, median and slowest gathering and rendering) to paste into docs/benchmarks.md.
#
#   bench/reports/run-report-bench.sh                       # GIFTS=5000 PAYMENTS=200 WARMUP=5 RUNS=20
#   GIFTS=20000 bench/reports/run-report-bench.sh           # a bigger project
#   SKIP_BUILD=1 ... reuses bench/target/mingzhang-bench.jar; MVN_OFFLINE=1 builds with -o
set -euo pipefail
here=$(cd "$(dirname "$0")/../.." && pwd)
cd "$here"
JAVA_HOME="$(sh .mvn/find-jdk.sh)"
export JAVA_HOME
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q -B ${MVN_OFFLINE:+-o} -DskipTests -pl bench -am package
fi
echo "date: $(date -u +%Y-%m-%dT%H:%MZ); machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo); $("$JAVA_HOME/bin/java" -version 2>&1 | head -1)"
exec "$JAVA_HOME/bin/java" -DGIFTS="${GIFTS:-5000}" -DPAYMENTS="${PAYMENTS:-200}" -DWARMUP="${WARMUP:-5}" -DRUNS="${RUNS:-20}" \
  -cp bench/target/mingzhang-bench.jar org.mingzhang.bench.ReportBench
