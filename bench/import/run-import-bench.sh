#!/usr/bin/env bash
# Times the bulk gift import (POST /api/v1/donations/import) of a generated 100,000-row CSV with about 1%
# bad rows, through the runnable jar, once on the embedded H2 default and once on PostgreSQL, each first
# as new gifts and then as a replay of the same file. Prints a Markdown table for docs/benchmarks.md.
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

echo "| database | run | wall time | rows | created | replayed | refused | invalid |"
echo "| --- | --- | --- | --- | --- | --- | --- | --- |"
serve 18091
bench/import/bench_import.sh "http://127.0.0.1:18091" "$token" "$ROWS" | sed -n 's/^\(first\|replay\): \([0-9.]*\)s wall; {.rows.: \([0-9]*\), .created.: \([0-9]*\), .replayed.: \([0-9]*\), .refused.: \([0-9]*\), .invalid.: \([0-9]*\)}/| H2 (embedded) | \1 | \2 s | \3 | \4 | \5 | \6 | \7 |/p'
stop 18091
psql -q -h "$PGHOST" -p "$PGPORT" -U "$PGUSER" -d postgres -c "CREATE DATABASE $db" >/dev/null
serve 18092 MINGZHANG_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$db" MINGZHANG_DB_USER="$PGUSER"
bench/import/bench_import.sh "http://127.0.0.1:18092" "$token" "$ROWS" | sed -n 's/^\(first\|replay\): \([0-9.]*\)s wall; {.rows.: \([0-9]*\), .created.: \([0-9]*\), .replayed.: \([0-9]*\), .refused.: \([0-9]*\), .invalid.: \([0-9]*\)}/| PostgreSQL | \1 | \2 s | \3 | \4 | \5 | \6 | \7 |/p'
