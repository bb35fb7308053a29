#!/usr/bin/env bash
# Answer time of a single restricted gift to a project that already holds many gifts, next to one that holds few, in
# the same matching pool (issue 10: the goal is a median at most 1.5 times the small project's). For each database (the
# embedded H2 default, then PostgreSQL in a fresh scratch database): the runnable jar is started; a community fund, a
# seed fund, a matching pool and FUNDRAISING projects that name it are made through the API; the big project gets
# BIG_GIFTS gifts and every small project (and the warm-up project) SMALL_GIFTS, through the bulk import
# (POST /api/v1/donations/import, CSV, at most 100,000 rows per request); then bench/http/latency_client.py sends single
# gifts one at a time over one keep-alive connection: WARMUP to the warm-up project, then SAMPLES to the big project
# interleaved with SAMPLES to the small ones (round robin over SMALL_PROJECTS of them, so that each still holds about
# SMALL_GIFTS). Every answer must be 201. Writes bench/http/latency-results.md and the "HTTP gift latency" section of
# docs/benchmarks.md.
#
#   bench/http/run-latency-bench.sh                                   # the full run: a few minutes
#   BIG_GIFTS=2000 SAMPLES=50 WARMUP=50 bench/http/run-latency-bench.sh   # a quick check (docs left alone)
#
# Every setting is an environment variable:
#   DATABASES="h2 postgresql"  BIG_GIFTS=20000  SMALL_GIFTS=10  SMALL_PROJECTS=20  WARMUP=300  SAMPLES=300
#   GOAL=1.5  HEAP="-Xms1g -Xmx1g"  PORT=18320  JAR= (a prebuilt jar; default: build from the work tree)
#   OUT=bench/http/latency-results.md   DOCS= (1 writes docs/benchmarks.md; default only with the full-run sizes)
#   QUIET_BUSY_MAX=15 QUIET_WAIT_S=300 (wait for an idle machine before measuring)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=
# It creates and drops its own scratch databases (mz_latency_*); it touches no other database.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."
. bench/http/lib.sh

DATABASES=${DATABASES:-h2 postgresql}
BIG_GIFTS=${BIG_GIFTS:-20000}
SMALL_GIFTS=${SMALL_GIFTS:-10}
SMALL_PROJECTS=${SMALL_PROJECTS:-20}
WARMUP=${WARMUP:-300}
SAMPLES=${SAMPLES:-300}
GOAL=${GOAL:-1.5}
HEAP=${HEAP:--Xms1g -Xmx1g}
PORT=${PORT:-18320}
OUT=${OUT:-bench/http/latency-results.md}
if [ -z "${DOCS:-}" ]; then
  DOCS=0; [ "$BIG_GIFTS" -ge 20000 ] && [ "$SAMPLES" -ge 300 ] && [ "$SMALL_GIFTS" = 10 ] && DOCS=1
fi
for tool in psql python3 curl; do command -v "$tool" >/dev/null || die "$tool is missing"; done
psql -d postgres -Atqc 'SELECT 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"

bench_begin latency-bench

status=0
rows=$work/rows.md; : > "$rows"
for db in $DATABASES; do
  choose_database "$db" mz_latency_bench
  port=$PORT; PORT=$(( PORT + 1 ))
  # shellcheck disable=SC2086
  serve "$db" "$port" "$work/data-$db" "${envs[@]}" -- $HEAP
  log "$label: service pid $server_pid on $base"
  wait_health 120 "$(date +%s%N)" >/dev/null || die "$label: the service did not start"
  prefix=L$(( RANDOM % 90 + 10 ))
  log "$label: fixture (a fund, a seed fund, a matching pool, $(( SMALL_PROJECTS + 2 )) FUNDRAISING projects)"
  fixture "$prefix" $(( SMALL_PROJECTS + 2 ))
  big=${projects[0]}; warm=${projects[1]}; smalls=("${projects[@]:2}")
  received=$(gift_time)
  # The big project's gifts, at most 100,000 rows per import.
  t0=$(date +%s%N); done_rows=0
  while [ "$done_rows" -lt "$BIG_GIFTS" ]; do
    n=$(( BIG_GIFTS - done_rows )); [ "$n" -gt 100000 ] && n=100000
    gift_csv "$fund" "$big" "$(( done_rows + 1 ))" "$n" "big-$prefix" "$received" > "$work/big.csv"
    created=$(import_csv "$work/big.csv" "$acc") || die "$label: importing the big project's gifts"
    done_rows=$(( done_rows + created ))
  done
  fill_s=$(awk -v d="$(( $(date +%s%N) - t0 ))" 'BEGIN { printf "%.1f", d / 1e9 }')
  log "$label: $done_rows gifts imported into $big in $fill_s s"
  small_list=$(IFS=,; echo "$warm,${smalls[*]}")
  gift_csv "$fund" "$small_list" 1 $(( SMALL_GIFTS * (SMALL_PROJECTS + 1) )) "small-$prefix" "$received" > "$work/small.csv"
  import_csv "$work/small.csv" "$acc" >/dev/null || die "$label: importing the small projects' gifts"
  log "$label: $SMALL_GIFTS gifts in each of $warm and ${#smalls[@]} small projects"
  wait_for_quiet
  log "$label: $WARMUP warm-up gifts, then $SAMPLES to $big interleaved with $SAMPLES to the small projects"
  cpu_watch_start "$server_pid" "$dbname"
  /usr/bin/time -f '%U %S' -o "$work/client-time-$db" python3 bench/http/latency_client.py "$base" "$acc" "$fund" "$received" "lat-$prefix" "$WARMUP" "$SAMPLES" \
    "$warm" "$big" "${smalls[@]}" > "$work/latency-$db.json" 2> "$work/latency-$db.err" \
    || { cat "$work/latency-$db.err" >&2; die "$label: a gift was not answered 201"; }
  read -r busy jvm pgcpu clientcpu other < <(cpu_watch_stop "$(awk '{ printf "%.0f", ($1 + $2) * 100 }' "$work/client-time-$db")")
  read -r bmed bp90 bp99 smed sp90 sp99 < <(python3 -c 'import json, sys; d = json.load(open(sys.argv[1]))
print(d["big"]["median_ms"], d["big"]["p90_ms"], d["big"]["p99_ms"], d["small"]["median_ms"], d["small"]["p90_ms"], d["small"]["p99_ms"])' "$work/latency-$db.json")
  ratio=$(awk -v b="$bmed" -v s="$smed" 'BEGIN { printf "%.2f", b / s }')
  ratio90=$(awk -v b="$bp90" -v s="$sp90" 'BEGIN { printf "%.2f", b / s }')
  met=$(awk -v r="$ratio" -v g="$GOAL" 'BEGIN { print (r <= g ? "met" : "**not met**") }')
  log "$label: big ($BIG_GIFTS gifts) median $bmed ms, p90 $bp90 ms; small ($SMALL_GIFTS gifts) median $smed ms, p90 $sp90 ms; ratio ${ratio}× (goal ≤ ${GOAL}×: $met)"
  printf '| %s | %s ms | %s ms | %s ms | %s ms | %s ms | %s ms | **%s×** | %s× | %s | %s s (%s gifts/s) | %s |\n' "$label" \
    "$bmed" "$bp90" "$bp99" "$smed" "$sp90" "$sp99" "$ratio" "$ratio90" "$met" "$fill_s" \
    "$(thousands "$(awk -v n="$done_rows" -v s="$fill_s" 'BEGIN { printf "%.0f", n / s }')")" "$busy% (service $jvm%, PostgreSQL $pgcpu%, client $clientcpu%, other $other%)" >> "$rows"
  finish_database "$label" "$server_log" "$server_pid" "$dbname"
done

command_line=$(command_line 'DATABASES|BIG_GIFTS|SMALL_GIFTS|SMALL_PROJECTS|WARMUP|SAMPLES|GOAL|HEAP|JAR' bench/http/run-latency-bench.sh)
{
  echo "## HTTP gift latency: a project with $(thousands "$BIG_GIFTS") gifts against one with $SMALL_GIFTS (issue 10)"
  echo
  echo "One restricted gift at a time (\`POST /api/v1/donations\`, one keep-alive connection, the next sent only after"
  echo "the answer was read; \`bench/http/latency_client.py\`) to the runnable jar. In one matching pool: a project that"
  echo "already holds $(thousands "$BIG_GIFTS") gifts and $SMALL_PROJECTS projects that hold $SMALL_GIFTS each (filled by the bulk import), plus a"
  echo "warm-up project. After $WARMUP warm-up gifts, $SAMPLES gifts to the big project interleaved with $SAMPLES to the small"
  echo "ones (round robin, so each small project ends with about $(( SMALL_GIFTS + (SAMPLES + SMALL_PROJECTS - 1) / SMALL_PROJECTS )) gifts). Time from sending the request"
  echo "to having read the whole answer, as the client sees it; every answer was 201. The goal: the big project's median"
  echo "at most ${GOAL}× the small one's. The service runs with the JVM options \`./run\` gives it (\`$service_jvm_opts\`) and \`$HEAP\`; \"fill\" is the import of the big project's gifts."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), took $(( $(date +%s) - bench_started )) s"
  echo "- Machine: $(machine_line)"
  echo "- PostgreSQL $(psql -d postgres -Atqc 'SHOW server_version') on $PGHOST:$PGPORT, same machine"
  echo "- JDK: $("$java" -version 2>&1 | head -n 1)"
  echo "- Code: $jar_note"
  echo "- Command: \`$command_line\`"
  echo
  echo "| database | big: median | big: p90 | big: p99 | small: median | small: p90 | small: p99 | median big ÷ small | p90 big ÷ small | goal ≤ ${GOAL}× | fill | machine busy while measuring |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|"
  cat "$rows"
} > "$OUT"
cat "$OUT"
if [ "$DOCS" = 1 ]; then docs_section latency-bench "$OUT"; else log "a short run: docs/benchmarks.md left as it is (DOCS=1 writes it)"; fi
log "results in $OUT; raw logs in $work"
trap - EXIT
bench_cleanup
exit "$status"
