#!/usr/bin/env bash
# Run E of docs/benchmarks.md ("Public trace lookup: what changed"): the public lookup measured again on books that a
# run of run-trace-bench.sh left behind (its H2 data directory and its file of trace codes), with the JVM options given,
# so that two collectors, or a service long after its import, can be compared on the very same books.
#
#   bench/trace/rerun-on-books.sh DATA_DIR CODES_FILE JAR [JVM options...]    e.g. ... mingzhang.jar -Xms2g -Xmx2g -XX:+UseZGC
#
# Starts the jar on DATA_DIR (port 18399), warms up with wrk (8 connections, 30 s), then prints: one connection for 20 s,
# 16 connections for 20 s (wrk, bench/trace/trace.lua), and 100 and 250 lookups/s for 20 s each (OpenLoad.java, after
# 5 s unrecorded). Needs wrk and a JDK 21+.
set -euo pipefail
cd "$(dirname "$0")/../.."
data=$1 codes=$2 jar=$3; shift 3
jdk=$(sh .mvn/find-jdk.sh)
work=$(mktemp -d /tmp/mz-rerun.XXXXXX)
"$jdk/bin/javac" -d "$work" bench/trace/OpenLoad.java
sed 's|^|/api/v1/public/trace/|' "$codes" > "$work/paths.txt"
MINGZHANG_PORT=18399 MINGZHANG_DATA_DIR="$data" MINGZHANG_ADMIN_TOKEN=bench MINGZHANG_PUBLIC_PER_MINUTE=100000000 \
  "$jdk/bin/java" "$@" -jar "$jar" > "$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 300); do curl -sf -o /dev/null http://127.0.0.1:18399/health && break; sleep 1; done
base=http://127.0.0.1:18399
wrk -t 2 -c 8 -d 30s -s bench/trace/trace.lua "$base" -- "$codes" 2 > /dev/null
echo "== JVM options: $*"
for c in 1 16; do
  echo "wrk, $c connection(s), 20 s: $(wrk -t "$(( c > 1 ? 2 : 1 ))" -c "$c" -d 20s --latency -s bench/trace/trace.lua "$base" -- "$codes" "$(( c > 1 ? 2 : 1 ))" \
    | grep -E 'Requests/sec|latency_p50_ms|latency_p99_ms' | tr -s ' \n' ' ')"
done
echo "OpenLoad: offered answered/s p50 p90 p99 p99.9 max (ms) not-200 errors requests"
for r in 100 250; do "$jdk/bin/java" -XX:+UseSerialGC -Xmx256m -cp "$work" OpenLoad "$base" "$work/paths.txt" "$r" 20 5 | head -n 1; done
