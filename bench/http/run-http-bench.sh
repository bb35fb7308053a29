#!/usr/bin/env bash
# Throughput of restricted gifts over HTTP (POST /api/v1/donations), next to pgbench on the same PostgreSQL in the
# same run (issue 10). For each database (the embedded H2 default, then PostgreSQL in a fresh scratch database): the
# runnable jar is started; a community fund, a seed fund, a matching pool and PROJECTS projects in FUNDRAISING that name
# the pool are made through the API; then wrk (a separate process; bench/http/gifts.lua gives every request its own
# Idempotency-Key and spreads the gifts round robin over the projects) runs a warm-up and then the measured run, during
# which Java Flight Recorder profiles the service. Only 201 answers count; any other answer, a replay, a socket error or
# a timeout fails the run loudly. pgbench runs once before the services and once after them; the ratios are taken
# against the higher figure. Writes bench/http/results.md and the "HTTP gifts" section of docs/benchmarks.md.
#
#   bench/http/run-http-bench.sh                                  # the full run: about 5 minutes
#   WARMUP_S=5 DURATION_S=10 PGBENCH_SECONDS=10 bench/http/run-http-bench.sh    # a quick check (docs left alone)
#
# Every setting is an environment variable:
#   DATABASES="h2 postgresql"  PROJECTS=50  CONNECTIONS=32  THREADS=2 (wrk's)  WARMUP_S=60  DURATION_S=30
# The warm-up is a minute because the JIT is not done sooner: after 15 s, C2's compiler threads still took 13-16% of
# the machine during the measured run (jdk.ThreadCPULoad, "CN CompilerThreadN"); after 45 s the service's own CPU per
# gift was half what it was after 15 s. A service runs for days: the figure that matters is the warmed one.
#   PGBENCH_SCALE=10  PGBENCH_CLIENTS=32  PGBENCH_JOBS=2  PGBENCH_SECONDS=30   (pgbench -M prepared, TPC-B-like)
#   PROFILE=1 (0: no JFR)  PROFILE_S=20 (the profiled run, after the measured one)  HEAP="-Xms1g -Xmx1g"  PORT=18310  JAR= (a prebuilt jar; default: build from the work tree)
#   OUT=bench/http/results.md   DOCS= (1 writes docs/benchmarks.md; default only with the full-run durations)
#   QUIET_BUSY_MAX=15 QUIET_WAIT_S=300 (wait for an idle machine before measuring)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=
# Needs wrk (apt-get install wrk), psql and pgbench (postgresql-client), python3, curl and a JDK 21+.
# It creates and drops its own scratch databases (mz_http_*); it touches no other database.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."
. bench/http/lib.sh

DATABASES=${DATABASES:-h2 postgresql}
PROJECTS=${PROJECTS:-50}
CONNECTIONS=${CONNECTIONS:-32}
THREADS=${THREADS:-2}
WARMUP_S=${WARMUP_S:-60}
DURATION_S=${DURATION_S:-30}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-32}
PGBENCH_JOBS=${PGBENCH_JOBS:-2}
PGBENCH_SECONDS=${PGBENCH_SECONDS:-30}
PROFILE=${PROFILE:-1}
PROFILE_S=${PROFILE_S:-20}
HEAP=${HEAP:--Xms1g -Xmx1g}
PORT=${PORT:-18310}
OUT=${OUT:-bench/http/results.md}
if [ -z "${DOCS:-}" ]; then
  DOCS=0; [ "$WARMUP_S" -ge 60 ] && [ "$DURATION_S" -ge 30 ] && [ "$PGBENCH_SECONDS" -ge 30 ] && [ "$CONNECTIONS" = 32 ] && [ "$PROJECTS" = 50 ] && DOCS=1
fi

for tool in wrk psql pgbench python3 curl; do
  command -v "$tool" >/dev/null || die "$tool is missing (wrk: apt-get install wrk; psql, pgbench: apt-get install postgresql-client)"
done
psql -d postgres -Atqc 'SELECT 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"

bench_begin http-bench

# --- pgbench --------------------------------------------------------------------------------------------------------
pgbench_cmd="pgbench -c $PGBENCH_CLIENTS -j $PGBENCH_JOBS -T $PGBENCH_SECONDS -M prepared"
# One pgbench run in a fresh scratch database: sets pgbench_tps_<n> and pgbench_note_<n> (tps, latency and the machine's load).
run_pgbench() {
  local n=$1 pgdb=mz_http_pgbench_$$_$1 tps lat busy pg client other
  pg_scratch "$pgdb"
  log "pgbench -i -q -s $PGBENCH_SCALE $pgdb"
  pgbench -i -q -s "$PGBENCH_SCALE" "$pgdb" >"$work/pgbench-init-$n.log" 2>&1 || { cat "$work/pgbench-init-$n.log" >&2; die "pgbench -i"; }
  wait_for_quiet
  log "$pgbench_cmd <scratch database> (run $n of 2)"
  cpu_watch_start 0 "$pgdb"
  /usr/bin/time -f '%U %S' -o "$work/pgbench-time-$n" $pgbench_cmd "$pgdb" >"$work/pgbench-$n.log" 2>&1 || { cat "$work/pgbench-$n.log" >&2; die "pgbench"; }
  read -r busy _ pg client other < <(cpu_watch_stop "$(awk '{ printf "%.0f", ($1 + $2) * 100 }' "$work/pgbench-time-$n")")
  tps=$(sed -n 's/^tps = \([0-9.]*\) (\(without initial connection time\|excluding connections establishing\)).*/\1/p' "$work/pgbench-$n.log")
  lat=$(sed -n 's/^latency average = \([0-9.]*\) ms.*/\1/p' "$work/pgbench-$n.log")
  [ -n "$tps" ] || { cat "$work/pgbench-$n.log" >&2; die "no tps in pgbench's output"; }
  pg_drop "$pgdb"
  printf -v "pgbench_tps_$n" '%s' "$tps"
  printf -v "pgbench_note_$n" '%.0f tps (average latency %s ms; the machine %s%% busy: PostgreSQL %s%%, pgbench %s%%, other processes %s%%)' \
    "$tps" "$lat" "$busy" "$pg" "$client" "$other"
  log "pgbench run $n: $tps tps, average latency $lat ms; machine ${busy}% busy: PostgreSQL ${pg}%, pgbench ${client}%, other ${other}%"
}
# pgbench runs once before the services and once after them; the reference is the higher of the two, the stricter one
# (on a shared host one run alone can land in a slow minute: 1,252 and 1,717 tps were both seen here within the hour).
run_pgbench 1

# --- the service, per database -----------------------------------------------------------------------------------
status=0
rows=$work/rows.md; : > "$rows"
cpu_rows=$work/cpu.md; : > "$cpu_rows"
profiles=$work/profiles.md; : > "$profiles"
for db in $DATABASES; do
  choose_database "$db" mz_http_bench
  port=$PORT; PORT=$(( PORT + 1 ))
  # shellcheck disable=SC2086
  serve "$db" "$port" "$work/data-$db" "${envs[@]}" -- $HEAP -XX:FlightRecorderOptions:stackdepth=512
  log "$label: service pid $server_pid on $base"
  wait_health 120 "$(date +%s%N)" >/dev/null || die "$label: the service did not start"
  prefix=H$(( RANDOM % 90 + 10 ))
  log "$label: fixture (a fund, a seed fund, a matching pool, $PROJECTS FUNDRAISING projects)"
  fixture "$prefix" "$PROJECTS"
  plist=$(IFS=,; echo "${projects[*]}")
  received=$(gift_time)
  wrk_args=(-t "$THREADS" -c "$CONNECTIONS" --timeout 10s -s bench/http/gifts.lua "$base")
  wait_for_quiet
  log "$label: warm-up, wrk ${wrk_args[*]} -d ${WARMUP_S}s"
  wrk "${wrk_args[@]}" -d "${WARMUP_S}s" -- "$acc" "$fund" "$plist" "$received" "warm-$prefix" >"$work/wrk-warm-$db.log" 2>&1 \
    || { cat "$work/wrk-warm-$db.log" >&2; die "$label: wrk (warm-up) failed"; }
  warm_bad=$(awk '$1 == "status" && $2 != 201 { n += $3 } END { print n + 0 }' "$work/wrk-warm-$db.log")
  [ "$warm_bad" -eq 0 ] || { cat "$work/wrk-warm-$db.log" >&2; log "$label: FAILED: $warm_bad answers other than 201 in the warm-up"; status=1; }
  log "$label: measured, wrk ${wrk_args[*]} -d ${DURATION_S}s"
  cpu_watch_start "$server_pid" "$dbname"
  /usr/bin/time -f '%U %S' -o "$work/wrk-time-$db" \
    wrk "${wrk_args[@]}" -d "${DURATION_S}s" -- "$acc" "$fund" "$plist" "$received" "run-$prefix" >"$work/wrk-$db.log" 2>&1 \
    || { cat "$work/wrk-$db.log" >&2; die "$label: wrk failed"; }
  client_ticks=$(awk '{ printf "%.0f", ($1 + $2) * 100 }' "$work/wrk-time-$db")
  read -r busy jvm pgcpu clientcpu other < <(cpu_watch_stop "$client_ticks")
  if [ "$PROFILE" = 1 ]; then
    # The profile is a run of its own, after the measured one: recording costs the service CPU (a fifth of H2's
    # throughput was measured, docs/benchmarks.md), which must not count against the measured figure.
    "$jcmd" "$server_pid" JFR.start name=http-bench settings=profile +org.mingzhang.WriterBatch#enabled=true \
      >"$work/jfr-start-$db.log" 2>&1 || die "$label: JFR.start failed"
    log "$label: profiled, wrk ${wrk_args[*]} -d ${PROFILE_S}s under Java Flight Recorder"
    wrk "${wrk_args[@]}" -d "${PROFILE_S}s" -- "$acc" "$fund" "$plist" "$received" "prof-$prefix" >"$work/wrk-prof-$db.log" 2>&1 \
      || { cat "$work/wrk-prof-$db.log" >&2; die "$label: wrk (profiled) failed"; }
    "$jcmd" "$server_pid" JFR.stop name=http-bench filename="$work/http-$db.jfr" >"$work/jfr-stop-$db.log" 2>&1 || die "$label: JFR.stop failed"
    prof_created=$(awk '$1 == "status" && $2 == 201 { n += $3 } END { print n + 0 }' "$work/wrk-prof-$db.log")
    prof_bad=$(awk '$1 == "status" && $2 != 201 { n += $3 } END { print n + 0 }' "$work/wrk-prof-$db.log")
    prof_rate=$(awk -v n="$prof_created" -v d="$(awk '$1 == "duration_us" { print $2 }' "$work/wrk-prof-$db.log")" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
    [ "$prof_bad" -eq 0 ] || { log "$label: FAILED: $prof_bad answers other than 201 in the profiled run"; status=1; }
  fi
  sed -n '/^Running/,/^Transfer/p' "$work/wrk-$db.log" >&2
  created=$(awk '$1 == "status" && $2 == 201 { n += $3 } END { print n + 0 }' "$work/wrk-$db.log")
  bad=$(awk '$1 == "status" && $2 != 201 { n += $3; s = s " " $2 ":" $3 } END { print n + 0 s }' "$work/wrk-$db.log")
  replayed=$(awk '$1 == "replayed" { print $2 }' "$work/wrk-$db.log")
  errors=$(sed -n 's/^errors //p' "$work/wrk-$db.log")
  socket_errors=$(echo "$errors" | tr ' ' '\n' | awk -F= '$1 != "status" { n += $2 } END { print n + 0 }')
  duration_us=$(awk '$1 == "duration_us" { print $2 }' "$work/wrk-$db.log")
  p50=$(awk '$1 == "latency_p50_ms" { print $2 }' "$work/wrk-$db.log")
  p90=$(awk '$1 == "latency_p90_ms" { print $2 }' "$work/wrk-$db.log")
  p99=$(awk '$1 == "latency_p99_ms" { print $2 }' "$work/wrk-$db.log")
  rate=$(awk -v n="$created" -v d="$duration_us" 'BEGIN { printf "%.0f", n / (d / 1e6) }')
  verdict=ok
  if [ "${bad%% *}" -gt 0 ] || [ "${replayed:-0}" -gt 0 ] || [ "$socket_errors" -gt 0 ]; then
    verdict="**FAILED**: non-201 answers ${bad}; replays ${replayed:-0}; socket errors: $errors"
    log "$label: FAILED: answers other than 201: ${bad}; replays: ${replayed:-0}; wrk errors: $errors"
    grep '^answer' "$work/wrk-$db.log" | head -n 5 >&2 || true
    status=1
  fi
  # The books after the run: the hash chain over every transaction must verify.
  verify=$(curl -s --max-time 120 "$base/api/v1/ledger/verify?full=true" -H "Authorization: Bearer $acc" || true)
  chain=$(echo "$verify" | python3 -c 'import sys, json; d = json.load(sys.stdin); print(("verified, %d transactions" % d["transactions"]) if d["ok"] else "BROKEN at %s" % d["firstBrokenTransactionId"])' 2>/dev/null || echo "verify failed: ${verify:0:200}")
  case "$chain" in verified*) ;; *) log "$label: FAILED: hash chain $chain"; status=1; verdict="$verdict; hash chain $chain" ;; esac
  log "$label: $created gifts answered 201 in $(awk -v d="$duration_us" 'BEGIN { printf "%.1f", d / 1e6 }') s = $rate gifts/s; p50 $p50 ms, p90 $p90 ms, p99 $p99 ms; $chain; $verdict"
  # The pgbench figure and the ratio are filled in at the end, when both pgbench runs are done (@TPS@, @RATIO:rate@).
  printf '| %s | %s | %s | %s | @TPS@ | @RATIO:%s@ | %s ms | %s ms | %s ms | %s | %s |\n' "$label" "$(thousands "$created")" \
    "$(awk -v d="$duration_us" 'BEGIN { printf "%.1f s", d / 1e6 }')" "$(thousands "$rate")" "$rate" \
    "$p50" "$p90" "$p99" "${bad%% *} / ${replayed:-0} / $socket_errors" "$verdict" >> "$rows"
  printf '| %s | %s%% | %s%% | %s%% | %s%% | %s%% | %s | %s |\n' "$label" "$busy" "$jvm" "$pgcpu" "$clientcpu" "$other" \
    "$(awk -v j="$jvm" -v r="$rate" -v n="$(nproc)" 'BEGIN { printf "%.2f ms", (r > 0 ? j / 100 * n * 1000 / r : 0) }')" \
    "$chain" >> "$cpu_rows"
  if [ "$PROFILE" = 1 ]; then
    { echo "### Profile: $label"; echo
      echo "\`jcmd <pid> JFR.start settings=profile\` (with the writer's own event, \`org.mingzhang.WriterBatch\`) for a run of its own"
      echo "after the measured one, ${PROFILE_S} s of the same load (service started with \`-XX:FlightRecorderOptions:stackdepth=512\`):"
      echo "$(thousands "$prof_created") gifts answered 201, $(thousands "$prof_rate") gifts/s under the recorder against $(thousands "$rate") measured without it."
      echo "Summarised by \`bench/http/jfr_summary.py\` from \`jfr print\`."
      echo
      python3 bench/http/jfr_summary.py "$jfr" "$work/http-$db.jfr" "$prof_created"
      echo
    } >> "$profiles" || { log "$label: the profile summary failed"; status=1; }
  fi
  finish_database "$label" "$server_log" "$server_pid" "$dbname"
done

# --- pgbench again, and the ratios ---------------------------------------------------------------------------------
run_pgbench 2
pgbench_tps=$(awk -v a="$pgbench_tps_1" -v b="$pgbench_tps_2" 'BEGIN { printf "%.0f", (a > b ? a : b) }')
awk -v p="$pgbench_tps" '{
  while (match($0, /@RATIO:[0-9]+@/)) { r = substr($0, RSTART + 7, RLENGTH - 8); $0 = substr($0, 1, RSTART - 1) sprintf("%.2f×", r / p) substr($0, RSTART + RLENGTH) }
  gsub(/@TPS@/, p); print }' "$rows" > "$rows.final"
mv "$rows.final" "$rows"
while IFS='|' read -r _ label _ _ rate _ ratio _; do
  [ -n "$label" ] && log "${label# }:${rate% } gifts/s =${ratio% } the reference's $pgbench_tps tps"
done < "$rows"

# --- results --------------------------------------------------------------------------------------------------------
pg_version=$(psql -d postgres -Atqc 'SHOW server_version')
pg_settings=$(psql -d postgres -Atqc "SELECT string_agg(name || ' = ' || setting || coalesce(unit, ''), ', ' ORDER BY name) FROM pg_settings
  WHERE name IN ('fsync', 'synchronous_commit', 'wal_sync_method', 'shared_buffers', 'max_connections', 'commit_delay')")
command_line=$(command_line 'DATABASES|PROJECTS|CONNECTIONS|THREADS|WARMUP_S|DURATION_S|PGBENCH_[A-Z]+|PROFILE|HEAP|JAR|H2_URL_SUFFIX|PG_URL_PARAMS' bench/http/run-http-bench.sh)
{
  echo "## HTTP gifts: restricted gifts over HTTP against pgbench (issue 10)"
  echo
  echo "Restricted gifts (\`POST /api/v1/donations\` with a \`projectCode\`) sent by wrk over $CONNECTIONS keep-alive connections"
  echo "($THREADS threads) to the runnable jar, each request with its own \`Idempotency-Key\`, round robin over $PROJECTS projects"
  echo "in FUNDRAISING that name one matching pool (FLAT, 10/20/30%), from 20,000 different donors (\`bench/http/gifts.lua\`)."
  echo "Per database: a fresh service and database, the fixture made through the API, ${WARMUP_S} s of warm-up, then"
  echo "${DURATION_S} s measured; a gift counts only when it was answered 201 inside the measured run (non-201 answers, replays"
  echo "and socket errors are counted and fail the run). The service runs with the JVM options \`./run\` gives it (\`$service_jvm_opts\`) and \`$HEAP\`; Java Flight Recorder profiles it in a run of"
  echo "its own after the measured one$( [ "$PROFILE" = 1 ] || echo ' (not this time, PROFILE=0)'). wrk, the service and PostgreSQL share this machine."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), took $(( $(date +%s) - bench_started )) s"
  echo "- Machine: $(machine_line)"
  echo "- PostgreSQL $pg_version on $PGHOST:$PGPORT, same machine: $pg_settings"
  echo "- JDK: $("$java" -version 2>&1 | head -n 1); wrk: $({ wrk -v 2>&1 || true; } | head -n 1 | awk '{ print $1, $2 }')"
  echo "- Code: $jar_note"
  echo "- Command: \`$command_line\`"
  echo
  echo "Reference: \`pgbench -i -s $PGBENCH_SCALE\` in a scratch database, then \`$pgbench_cmd\` (TPC-B-like: three updates,"
  echo "one select, one insert per transaction, each committed on its own), once before the services and once after them, each"
  echo "in a fresh scratch database: $pgbench_note_1 before, $pgbench_note_2 after. The ratios below are"
  echo "taken against the higher of the two, **$pgbench_tps tps**: on a shared host one run alone can land in a slow minute."
  echo
  echo "| database | gifts answered 201 | measured | gifts/s | pgbench tps | gifts/s ÷ tps | p50 | p90 | p99 | non-201 / replays / socket errors | verdict |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|"
  cat "$rows"
  echo
  echo "Where the machine's CPU went during the measured run (share of all $(nproc) processors; \"other\" is anything else"
  echo "running on the machine, a busy neighbour makes that row suspect), the service's CPU per gift, and the hash chain"
  echo "verified over every transaction afterwards:"
  echo
  echo "| database | machine busy | service JVM | PostgreSQL (server + this database's backends) | wrk | other | JVM CPU per gift | hash chain after the run |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|"
  cat "$cpu_rows"
  echo
  cat "$profiles"
} > "$OUT"
cat "$OUT"
if [ "$DOCS" = 1 ]; then docs_section http-bench "$OUT"; else log "a short run: docs/benchmarks.md left as it is (DOCS=1 writes it)"; fi
log "results in $OUT; raw logs and recordings in $work"
trap - EXIT
bench_cleanup
exit "$status"
