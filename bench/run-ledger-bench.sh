#!/usr/bin/env bash
# Measures the ledger's write path against pgbench on the same PostgreSQL in the same run, checks that
# the ledger stayed correct, and writes docs/benchmarks.md with the date, the machine and the command.
#
#   bench/run-ledger-bench.sh                 # everything with the defaults below, about 4 minutes
#   DURATION_S=5 bench/run-ledger-bench.sh    # a quick look (the figures are then noisier)
#
# Every setting is an environment variable:
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=   the server (trust authentication by default)
#   PGBENCH_SCALE=10 PGBENCH_CLIENTS=16 PGBENCH_JOBS=2 PGBENCH_SECONDS=30    the reference run
#   DURATION_S=15 WARMUP_S=4 CLIENTS=16,64 BATCH_CLIENTS=4 BATCH_SIZE=100 FUNDS=100   the ledger run
#   H2_MODES="DELAYED WRITTEN SYNCED" H2_SCENARIOS=single-random,batch-random   the embedded H2 runs (H2_MODES= skips)
#   OUT=docs/benchmarks.md   MVN_OFFLINE=1 (build with -o)   SKIP_BUILD=1 (reuse bench/target/mingzhang-bench.jar)
#   QUIET_BUSY_MAX=15 QUIET_WAIT_S=300   before measuring, wait (at most that long) for the machine to be idle:
#                                        below QUIET_BUSY_MAX percent busy over 3 s. 0 skips the wait.
#
# It creates and drops its own scratch databases (mz_pgbench_scratch, mz_bench_*); it never touches others.
set -euo pipefail

here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-16}
PGBENCH_JOBS=${PGBENCH_JOBS:-2}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
DURATION_S=${DURATION_S:-15}
WARMUP_S=${WARMUP_S:-4}
CLIENTS=${CLIENTS:-16,64}
BATCH_CLIENTS=${BATCH_CLIENTS:-4}
BATCH_SIZE=${BATCH_SIZE:-100}
FUNDS=${FUNDS:-100}
OUT=${OUT:-docs/benchmarks.md}
PGBENCH_DB=mz_pgbench_scratch

for tool in psql pgbench; do
  command -v "$tool" >/dev/null || { echo "run-ledger-bench: $tool is missing (apt-get install postgresql-client)" >&2; exit 2; }
done
psql -d postgres -Atqc 'SELECT 1' >/dev/null \
  || { echo "run-ledger-bench: cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER" >&2; exit 2; }

started=$(date +%s)
log() { printf '[%3ds] %s\n' $(( $(date +%s) - started )) "$*"; }

# Busy and total CPU ticks of the whole machine, from the first line of /proc/stat.
cpu_ticks() { awk '/^cpu / { total = $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; print total - $5 - $6, total }' /proc/stat; }
busy_percent_since() { # busy_percent_since BUSY TOTAL (an earlier cpu_ticks reading)
  set -- "$1" "$2" $(cpu_ticks)
  awk -v b="$(( $3 - $1 ))" -v t="$(( $4 - $2 ))" 'BEGIN { printf "%.0f", (t > 0 ? 100 * b / t : 0) }'
}
# Figures taken while something else keeps the machine busy say little: wait for a quiet moment first.
wait_for_quiet() {
  local max=${QUIET_BUSY_MAX:-15} limit=${QUIET_WAIT_S:-300} waited=0 busy
  [ "$max" -gt 0 ] || return 0
  while :; do
    read -r b t < <(cpu_ticks); sleep 3; busy=$(busy_percent_since "$b" "$t")
    [ "$busy" -lt "$max" ] && { [ "$waited" -gt 0 ] && log "machine quiet ($busy% busy) after ${waited}s"; return 0; }
    [ "$waited" -ge "$limit" ] && { log "WARNING: machine still ${busy}% busy after ${limit}s; measuring anyway"; return 0; }
    [ "$waited" -eq 0 ] && log "machine ${busy}% busy with other work; waiting up to ${limit}s for it to settle"
    waited=$(( waited + 3 ))
  done
}

# --- build ------------------------------------------------------------------------------------------------
jdk=$(.mvn/find-jdk.sh)
java="$jdk/bin/java"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  log "building bench/target/mingzhang-bench.jar"
  ./mvnw -q ${MVN_OFFLINE:+-o} -DskipTests package -pl bench -am
fi

# --- the reference: pgbench's TPC-B-like transaction ------------------------------------------------------
log "pgbench: initialising scale $PGBENCH_SCALE in $PGBENCH_DB"
psql -d postgres -qc "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)" -c "CREATE DATABASE $PGBENCH_DB"
trap 'psql -d postgres -qc "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
pgbench -i -q -s "$PGBENCH_SCALE" "$PGBENCH_DB" 2>&1 | tail -n 1
pgbench_cmd="pgbench -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS -T $PGBENCH_SECONDS -M prepared $PGBENCH_DB"
wait_for_quiet
log "pgbench: $pgbench_cmd"
read -r busy0 total0 < <(cpu_ticks)
pgbench_out=$($pgbench_cmd 2>&1)
pgbench_busy=$(busy_percent_since "$busy0" "$total0")
printf '%s\n' "$pgbench_out" | sed -n '/^transaction type/,$p'
# PostgreSQL 14+ prints "tps = N (without initial connection time)"; older versions "(excluding connections establishing)".
pgbench_tps=$(printf '%s\n' "$pgbench_out" | sed -n 's/^tps = \([0-9.]*\) (\(without initial connection time\|excluding connections establishing\)).*/\1/p')
pgbench_latency=$(printf '%s\n' "$pgbench_out" | sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p')
[ -n "$pgbench_tps" ] || { echo "run-ledger-bench: no tps in pgbench's output" >&2; exit 1; }
psql -d postgres -qc "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)"

# --- the ledger --------------------------------------------------------------------------------------------
fragment=$(mktemp)
trap 'rm -f "$fragment"; rm -rf "${h2_dir:-}"; psql -d postgres -qc "DROP DATABASE IF EXISTS $PGBENCH_DB WITH (FORCE)" >/dev/null 2>&1 || true' EXIT
bench_args=(--admin-url "jdbc:postgresql://$PGHOST:$PGPORT/postgres" --user "$PGUSER" --password "$PGPASSWORD"
  --duration-s "$DURATION_S" --warmup-s "$WARMUP_S" --clients "$CLIENTS" --batch-clients "$BATCH_CLIENTS"
  --batch-size "$BATCH_SIZE" --funds "$FUNDS" --pgbench-tps "$pgbench_tps" --markdown "$fragment")
java_opts=(-Xms1g -Xmx4g)
log "ledger: java ${java_opts[*]} -jar bench/target/mingzhang-bench.jar ${bench_args[*]}"
bench_status=0
wait_for_quiet
"$java" "${java_opts[@]}" -jar bench/target/mingzhang-bench.jar "${bench_args[@]}" || bench_status=$?
[ -s "$fragment" ] || { echo "run-ledger-bench: the ledger bench wrote no results (exit $bench_status)" >&2; exit 1; }

# --- the embedded H2, at each durability ----------------------------------------------------------------------
H2_MODES=${H2_MODES-DELAYED WRITTEN SYNCED}
H2_SCENARIOS=${H2_SCENARIOS:-single-random,batch-random}
h2_dir=$(mktemp -d)
for mode in $H2_MODES; do
  h2_args=(--database h2 --h2-durability "$mode" --scenarios "$H2_SCENARIOS" --duration-s "$DURATION_S" --warmup-s "$WARMUP_S"
    --clients "$CLIENTS" --batch-clients "$BATCH_CLIENTS" --batch-size "$BATCH_SIZE" --funds "$FUNDS"
    --pgbench-tps "$pgbench_tps" --summary "$h2_dir/$mode.csv")
  log "H2 $mode: java ${java_opts[*]} -jar bench/target/mingzhang-bench.jar ${h2_args[*]}"
  wait_for_quiet
  "$java" "${java_opts[@]}" -jar bench/target/mingzhang-bench.jar "${h2_args[@]}" > "$h2_dir/$mode.log" || bench_status=$?
  echo "  $(tr '\n' ' ' < "$h2_dir/$mode.csv")$(tail -n 1 "$h2_dir/$mode.log")"
done
# One row per scenario, one column per durability: transfers/s, then the writer's time per batch (transfers per
# commit over transfers per second: the writer commits one batch after another).
h2_table() {
  printf '| Scenario | Clients × transfers per request |'
  for mode in $H2_MODES; do printf ' %s |' "$mode"; done
  printf ' SYNCED vs pgbench | Correct |\n|---|---:|'
  for mode in $H2_MODES; do printf '%s' '---:|'; done
  printf -- '---:|---|\n'
  first=$(echo "$H2_MODES" | awk '{ print $1 }')
  while IFS=, read -r name clients _; do
    per_request=1; case "$name" in batch*) per_request=$BATCH_SIZE ;; esac
    printf '| `%s` | %s × %s |' "$name" "$clients" "$per_request"
    correct=true
    for mode in $H2_MODES; do
      line=$(grep "^$name,$clients," "$h2_dir/$mode.csv")
      printf ' %s |' "$(echo "$line" | awk -F, '{ n = sprintf("%.0f", $3); while (n ~ /[0-9]{4}/) sub(/[0-9]{3}($|,)/, ",&", n); sub(/,,/, ",", n)
        printf "%s/s, %.2f ms per batch", n, ($3 > 0 ? 1000 * $6 / $3 : 0) }')"
      [ "$(echo "$line" | cut -d, -f7)" = true ] || correct=false
    done
    synced=$(grep "^$name,$clients," "$h2_dir/SYNCED.csv" 2>/dev/null | cut -d, -f3)
    printf ' %s | %s |\n' "$(awk -v t="${synced:-0}" -v p="$pgbench_tps" 'BEGIN { printf "%.2f×", t / p }')" \
      "$( [ "$correct" = true ] && echo correct || echo '**FAILED**')"
  done < "$h2_dir/$first.csv"
}

# --- docs/benchmarks.md --------------------------------------------------------------------------------------
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo | head -n 1)
memory_gib=$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)
pg_version=$(psql -d postgres -Atqc 'SHOW server_version')
pg_settings=$(psql -d postgres -Atqc "SELECT string_agg(name || ' = ' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections', 'commit_delay')")
jdk_version=$("$java" -version 2>&1 | head -n 1)
commit=$(git rev-parse --short HEAD 2>/dev/null || echo unknown)
dirty=$(git status --porcelain -- migrations ledger-core bench 2>/dev/null | grep -v '^??' | wc -l || true)
elapsed=$(( $(date +%s) - started ))
mkdir -p "$(dirname "$OUT")"
# The sections the HTTP benchmarks write (between their markers) and what follows them are theirs: keep them.
kept=$(awk '/^<!-- [a-z-]+:begin/ { keep = 1 } keep { print }' "$OUT" 2>/dev/null || true)
{
  cat <<EOF
# Benchmarks

How fast the ledger acknowledges transfers on PostgreSQL and on the embedded H2 (at each durability setting),
next to pgbench on the same server in the same run, and whether the ledger was still correct afterwards. Generated by \`bench/run-ledger-bench.sh\`; do not
edit by hand, rerun it.

## Run

- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), took ${elapsed} s
- Machine: $(nproc) processors ($cpu), ${memory_gib} GiB memory, $(uname -sr)
- PostgreSQL $pg_version on $PGHOST:$PGPORT, same machine: $pg_settings
- JDK: $jdk_version
- Code: commit $commit$( [ "$dirty" -gt 0 ] && echo " plus $dirty uncommitted changes in migrations/, ledger-core/ or bench/" )
- Command: \`$(env | grep -E '^(DURATION_S|WARMUP_S|CLIENTS|BATCH_CLIENTS|BATCH_SIZE|FUNDS|PGBENCH_[A-Z]+)=' | sort | tr '\n' ' ')bench/run-ledger-bench.sh\`

## Reference: pgbench

\`pgbench -i -s $PGBENCH_SCALE\`, then \`$pgbench_cmd\` (TPC-B-like: three updates, one select, one insert per
transaction, each transaction committed on its own, synchronous commit as the server is configured):
**$(printf '%.0f' "$pgbench_tps") tps** without connection time, average latency ${pgbench_latency:-?} ms; the machine
was ${pgbench_busy}% busy meanwhile (pgbench, the server and anything else).

## Ledger

Each scenario runs in a fresh database with $FUNDS funds (each with the full chart of accounts and a seed
deposit on its bank account), ${WARMUP_S} s of warm-up, then ${DURATION_S} s measured. A client is a thread that
submits a request (one transfer, or $BATCH_SIZE transfers submitted at once) and waits for every
acknowledgement before it sends the next, like an HTTP client. A transfer counts when its acknowledgement
(which comes only after its batch has committed) arrives inside the measured window; its latency runs from
its \`submit\` to that acknowledgement.

- \`single-random\`: one transfer per request between two random accounts of a random fund (any two of the
  unguarded accounts, or spending from the fund's bank account).
- \`single-hot\`: one transfer per request, every one crediting the same guarded bank account (1002) of one
  fund and debiting one of its expense accounts.
- \`batch$BATCH_SIZE-random\`, \`batch$BATCH_SIZE-hot\`: the same transfers, $BATCH_SIZE per request.

"Transfers per commit" is the writer's mean group-commit size (stored transfers over distinct batch
timestamps). "vs pgbench" divides transfers per second by pgbench's transactions per second.

EOF
  cat "$fragment"
  cat <<EOF

"Acknowledged = stored" compares the transfers and fen the clients saw accepted with the rows in
\`journal_transaction\` and \`journal_leg\`; the hash chain is recomputed over every transaction (the seed
deposits included); the trial balance over all funds must have equal debit and credit totals; every
account's balance row must equal the sums over its journal legs.

## Embedded H2: what durability costs

The same scenarios on the embedded default (an H2 file, on this machine's disk), once per durability setting
(\`Database.H2Durability\`, see docs/reliability.md): \`DELAYED\` is H2's own default (WRITE_DELAY 500: a crash
loses up to half a second of acknowledged writes; measured only to show the cost, never used), \`WRITTEN\` writes
each commit to the file before it returns (survives kill -9), \`SYNCED\` also forces the file to the disk (fsync,
\`CHECKPOINT SYNC\`) after every batch before any of it is acknowledged: what the service runs with. Each cell is
transfers per second and the writer's time per batch (transfers per commit divided by transfers per second); the
difference between two columns is what that durability costs per group commit.

$( [ -n "$H2_MODES" ] && h2_table || echo "(not run: H2_MODES was empty)")

## Profiling

\`bench/profile-writer.sh batch-random\` (or any other scenario) runs one scenario under Java Flight Recorder
and prints where the writer thread's time went: waiting for PostgreSQL per step of the write path
(prefetch, inserts, balance updates, commit) and its own CPU per step and library (jOOQ, pgjdbc, hashing).
EOF
  # The bulk-import figures come from bench/import/run-import-bench.sh; keep its last section.
  if [ -f bench/import/results.md ]; then
    echo
    cat bench/import/results.md
  fi
  if [ -n "$kept" ]; then
    echo
    echo "$kept"
  fi
} > "$OUT"
log "wrote $OUT"
exit "$bench_status"
