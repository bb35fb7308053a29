#!/usr/bin/env bash
# Times the bulk gift import (POST /api/v1/donations/import) of a generated 100,000-row CSV with about 1%
# bad rows, through the runnable jar, once on the embedded H2 default and once on PostgreSQL, each first
# as new gifts and then as a replay of the same file. Writes the figures to bench/import/results.md and into
# the "Bulk gift import" section of docs/benchmarks.md (bench/run-ledger-bench.sh keeps that section).
# usage: bench/import/run-import-bench.sh [ROWS]   (PostgreSQL: PGHOST/PGPORT/PGUSER, default 127.0.0.1:5432 postgres)
set -euo pipefail
cd "$(dirname "$0")/../.."
ROWS=${1:-100000}
JAVA_HOME="$(sh .mvn/find-jdk.sh)"; export JAVA_HOME
./mvnw -q -B -DskipTests package -pl api -am
jar=$(mktemp -d)/mingzhang.jar; cp api/target/mingzhang.jar "$jar"
PGHOST=${PGHOST:-127.0.0.1}; PGPORT=${PGPORT:-5432}; PGUSER=${PGUSER:-postgres}
token=bench-admin-token-$RANDOM$RANDOM$RANDOM
work=$(mktemp -d)
db=mz_import_bench_$$

serve() { # port, extra env...
  local port=$1; shift
  env MINGZHANG_PORT="$port" MINGZHANG_DATA_DIR="$work/data-$port" MINGZHANG_ADMIN_TOKEN="$token" "$@" \
    "$JAVA_HOME/bin/java" -jar "$jar" > "$work/server-$port.log" 2>&1 &
  echo $! > "$work/pid-$port"
  for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$port/health" >/dev/null && return 0; sleep 1; done
  echo "server on $port did not start; see $work/server-$port.log" >&2; return 1
}
stop() { kill "$(cat "$work/pid-$1")" 2>/dev/null || true; wait "$(cat "$work/pid-$1")" 2>/dev/null || true; }
cleanup() { stop 18091; stop 18092; psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "DROP DATABASE IF EXISTS $db" >/dev/null 2>&1 || true; }
trap cleanup EXIT

started=$(date +%s)
table=$work/table.md
serve 18091
{
bench/import/bench_import.sh "http://127.0.0.1:18091" "$token" "$ROWS" | sed -n 's/^\(first\|replay\): \([0-9.]*\)s wall; {.rows.: \([0-9]*\), .created.: \([0-9]*\), .replayed.: \([0-9]*\), .refused.: \([0-9]*\), .invalid.: \([0-9]*\)}/| H2 (embedded) | \1 | \2 s | \3 | \4 | \5 | \6 | \7 |/p'
} > "$table"
stop 18091
psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "CREATE DATABASE $db" >/dev/null
serve 18092 MINGZHANG_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" MINGZHANG_DB_USER="$PGUSER"
bench/import/bench_import.sh "http://127.0.0.1:18092" "$token" "$ROWS" | sed -n 's/^\(first\|replay\): \([0-9.]*\)s wall; {.rows.: \([0-9]*\), .created.: \([0-9]*\), .replayed.: \([0-9]*\), .refused.: \([0-9]*\), .invalid.: \([0-9]*\)}/| PostgreSQL | \1 | \2 s | \3 | \4 | \5 | \6 | \7 |/p' >> "$table"
stop 18092

results=bench/import/results.md
{
  echo "## Bulk gift import"
  echo
  echo "\`POST /api/v1/donations/import\` of a generated CSV of $ROWS gifts (1 in 5 restricted to a project, 1 in 20 in kind, 1% bad"
  echo "rows: a third decimal, an unknown channel, an unknown project, a project whose window has closed), through the"
  echo "runnable jar, each database's server on this machine; then the same file again, every good row a replay."
  echo "Wall time of the whole request as the client sees it (reading, checking every row, booking, answering)."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), took $(( $(date +%s) - started )) s"
  echo "- Machine: $(nproc) processors ($(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)), $(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo) GiB memory"
  echo "- PostgreSQL $(psql -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -Atqc 'SHOW server_version'); JDK: $("$JAVA_HOME/bin/java" -version 2>&1 | head -n 1)"
  echo "- Code: commit $(git rev-parse --short HEAD)"
  echo "- Command: \`bench/import/run-import-bench.sh $ROWS\`"
  echo
  echo "| database | run | wall time | rows | created | replayed | refused | invalid |"
  echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
  cat "$table"
} > "$results"
# Replace the section in docs/benchmarks.md (it runs up to the HTTP benchmarks' sections).
if [ -f docs/benchmarks.md ]; then
  awk '/^## Bulk gift import/ { exit } { print }' docs/benchmarks.md > "$work/benchmarks.md"
  # The sections the HTTP benchmarks write (between their markers) and what follows them come after it: keep them.
  awk '/^<!-- [a-z-]+:begin/ { keep = 1 } keep { print }' docs/benchmarks.md > "$work/kept.md"
  { cat "$work/benchmarks.md"; cat "$results"; if [ -s "$work/kept.md" ]; then echo; cat "$work/kept.md"; fi; } > docs/benchmarks.md
else
  cp "$results" docs/benchmarks.md
fi
cat "$results"
