#!/usr/bin/env bash
# Restart with many gifts in the books (issue 10). For each database (the embedded H2 default, then PostgreSQL in a
# fresh scratch database): the runnable jar is started; a community fund, a seed fund, a matching pool and PROJECTS
# FUNDRAISING projects that name it are made through the API; GIFTS restricted gifts, round robin over the projects, are
# put in the books through the bulk import (POST /api/v1/donations/import, CSV, CHUNK rows per request, IMPORT_PARALLEL
# requests at a time); the service is stopped (SIGTERM) and started again with RESTART_HEAP (-Xmx256m); the time until
# /health answers is measured (at most START_LIMIT_S), then the next gift must be answered 201; the heap used after
# start (jcmd GC.heap_info, before and after a full GC), the import rate and the bytes on disk per gift (the H2 file;
# PostgreSQL's pg_database_size) are reported. Writes bench/restart/results.md and the "Restart" section of
# docs/benchmarks.md.
#
#   bench/restart/run-restart-bench.sh              # 1,000,000 gifts per database
#   bench/restart/run-restart-bench.sh 20000        # a quick check (docs left alone unless DOCS=1)
#
# Every setting is an environment variable (GIFTS also as the first argument):
#   DATABASES="h2 postgresql"  GIFTS=1000000  PROJECTS=100  CHUNK=100000 (at most 100,000)  IMPORT_PARALLEL=1
#   IMPORT_HEAP="-Xmx2g"  RESTART_HEAP="-Xmx256m"  START_LIMIT_S=30  PORT=18330
#   JAR= (a prebuilt jar; default: build from the work tree)  JAR_NOTE=   OUT=bench/restart/results.md
#   DOCS= (1 writes docs/benchmarks.md; default only with GIFTS >= 1000000)
#   QUIET_BUSY_MAX=15 QUIET_WAIT_S=300 (wait for an idle machine before the restart)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=
# It creates and drops its own scratch databases (mz_restart_*); it touches no other database.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."
. bench/http/lib.sh

GIFTS=${1:-${GIFTS:-1000000}}
DATABASES=${DATABASES:-h2 postgresql}
PROJECTS=${PROJECTS:-100}
CHUNK=${CHUNK:-100000}
IMPORT_PARALLEL=${IMPORT_PARALLEL:-1}
IMPORT_HEAP=${IMPORT_HEAP:--Xmx2g}
RESTART_HEAP=${RESTART_HEAP:--Xmx256m}
START_LIMIT_S=${START_LIMIT_S:-30}
PORT=${PORT:-18330}
OUT=${OUT:-bench/restart/results.md}
[ "$CHUNK" -le 100000 ] || die "CHUNK must be at most 100000 (the import's limit)"
if [ -z "${DOCS:-}" ]; then DOCS=0; [ "$GIFTS" -ge 1000000 ] && DOCS=1; fi
for tool in psql python3 curl; do command -v "$tool" >/dev/null || die "$tool is missing"; done
psql -d postgres -Atqc 'SELECT 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"

bench_begin restart-bench

# Bytes the books take on disk: the H2 file, or the PostgreSQL database.
disk_bytes() { # DB DATADIR DBNAME
  if [ "$1" = h2 ]; then stat -c %s "$2/mingzhang.mv.db"; else psql -d postgres -Atqc "SELECT pg_database_size('$3')"; fi
}
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }
# Heap used, in MiB, from jcmd GC.heap_info (G1: "garbage-first heap   total reserved N, committed N, used N" in K).
heap_used_mib() { # PID
  { "$jcmd" "$1" GC.heap_info 2>/dev/null || true; } | awk '/heap .*used/ { for (i = 1; i <= NF; i++) if ($i == "used") { v = $(i + 1); sub(/[,K]+$/, "", v); printf "%.0f", v / 1024; exit } }'
}

status=0
rows=$work/rows.md; : > "$rows"
notes=$work/notes.md; : > "$notes"
for db in $DATABASES; do
  choose_database "$db" mz_restart_bench
  port=$PORT; PORT=$(( PORT + 1 ))
  data=$work/data-$db
  # shellcheck disable=SC2086
  serve "$db" "$port" "$data" "${envs[@]}" -- $IMPORT_HEAP
  log "$label: service pid $server_pid on $base ($IMPORT_HEAP)"
  first_start=$(wait_health 120 "$(date +%s%N)") || die "$label: the service did not start"
  prefix=R$(( RANDOM % 90 + 10 ))
  log "$label: fixture (a fund, a seed fund, a matching pool, $PROJECTS FUNDRAISING projects)"
  fixture "$prefix" "$PROJECTS"
  plist=$(IFS=,; echo "${projects[*]}")
  received=$(gift_time)
  bytes_empty=$(disk_bytes "$db" "$data" "$dbname")

  # --- the import -------------------------------------------------------------------------------------------------
  log "$label: importing $GIFTS gifts, $CHUNK rows per request, $IMPORT_PARALLEL at a time"
  chunks=$(( (GIFTS + CHUNK - 1) / CHUNK ))
  : > "$work/import-$db.log"
  import_chunk() { # INDEX
    local first=$(( $1 * CHUNK + 1 )) n=$CHUNK csv t0 created
    [ $(( first + n - 1 )) -gt "$GIFTS" ] && n=$(( GIFTS - first + 1 ))
    csv=$work/chunk-$db-$1.csv
    gift_csv "$fund" "$plist" "$first" "$n" "gift-$prefix" "$received" > "$csv"
    t0=$(date +%s%N)
    created=$(import_csv "$csv" "$acc") || { echo "chunk $1 FAILED" >> "$work/import-$db.log"; rm -f "$csv"; return 1; }
    echo "chunk $1 rows $n created $created seconds $(awk -v d="$(( $(date +%s%N) - t0 ))" 'BEGIN { printf "%.2f", d / 1e9 }')" >> "$work/import-$db.log"
    rm -f "$csv"
  }
  t_import=$(date +%s%N)
  failed=0
  for (( c = 0; c < chunks; c += IMPORT_PARALLEL )); do
    pids=()
    for (( k = c; k < c + IMPORT_PARALLEL && k < chunks; k++ )); do import_chunk "$k" & pids+=($!); done
    for p in "${pids[@]}"; do wait "$p" || failed=1; done
    [ "$failed" = 0 ] || break
    log "$label: $(awk '$1 == "chunk" && $5 == "created" { n += $6 } END { print n + 0 }' "$work/import-$db.log") gifts booked, last chunk $(tail -n 1 "$work/import-$db.log" | awk '{ print $8 }') s"
  done
  import_s=$(awk -v d="$(( $(date +%s%N) - t_import ))" 'BEGIN { printf "%.1f", d / 1e9 }')
  booked=$(awk '$1 == "chunk" && $5 == "created" { n += $6 } END { print n + 0 }' "$work/import-$db.log")
  [ "$failed" = 0 ] && [ "$booked" -eq "$GIFTS" ] || die "$label: the import booked $booked of $GIFTS gifts (see $work/import-$db.log)"
  import_rate=$(awk -v n="$booked" -v s="$import_s" 'BEGIN { printf "%.0f", n / s }')
  first_chunk_s=$(awk '$1 == "chunk" && $2 == 0 { print $8 }' "$work/import-$db.log")
  last_chunk_s=$(awk -v l=$(( chunks - 1 )) '$1 == "chunk" && $2 == l { print $8 }' "$work/import-$db.log")
  log "$label: $booked gifts in $import_s s = $import_rate gifts/s (first chunk $first_chunk_s s, last $last_chunk_s s)"
  bytes_live=$(disk_bytes "$db" "$data" "$dbname")

  # --- stop, restart small --------------------------------------------------------------------------------------
  t_stop=$(date +%s%N)
  stop_server "$server_pid"
  stop_s=$(awk -v d="$(( $(date +%s%N) - t_stop ))" 'BEGIN { printf "%.1f", d / 1e9 }')
  bytes=$(disk_bytes "$db" "$data" "$dbname")
  log "$label: stopped in $stop_s s; on disk $(mib "$bytes") ($(mib "$bytes_live") before the stop, $(mib "$bytes_empty") before the import)"
  wait_for_quiet
  log "$label: restarting with $RESTART_HEAP"
  t_start=$(date +%s%N)
  # shellcheck disable=SC2086
  serve "$db-restart" "$port" "$data" "${envs[@]}" -- $RESTART_HEAP
  start_s=$(wait_health "$START_LIMIT_S" "$t_start") || start_s=""
  started_log=$(grep -m1 -o 'Startup completed in [0-9]*ms' "$server_log" || true)
  oom=$(grep -c 'OutOfMemoryError' "$server_log" || true)
  if [ -z "$start_s" ]; then
    gone_s=$(awk -v d="$(( $(date +%s%N) - t_start ))" 'BEGIN { printf "%.0f", d / 1e9 }')
    if kill -0 "$server_pid" 2>/dev/null; then why="no /health within ${START_LIMIT_S} s"
    else why="the process exited about ${gone_s} s after the start, before /health answered"; fi
    if [ "$oom" -gt 0 ]; then why="$why; OutOfMemoryError in the log"; fi
    log "$label: FAILED: $why (see $server_log)"; tail -n 30 "$server_log" >&2
    status=1
    printf '| %s | %s | %s s | %s | %s | %s | **FAILED: %s** | - | - | - | - |\n' "$label" "$(thousands "$booked")" "$import_s" \
      "$(thousands "$import_rate")" "$(mib "$bytes")" \
      "$(awk -v b="$bytes" -v n="$booked" 'BEGIN { printf "%.0f", b / n }') ($(awk -v b="$bytes" -v e="$bytes_empty" -v n="$booked" 'BEGIN { printf "%.0f", (b - e) / n }'))" \
      "$why" >> "$rows"
    stop_server "$server_pid"
    # Diagnosis, not a figure: do the same books start with the import's heap?
    log "$label: for the diagnosis, starting once more with $IMPORT_HEAP"
    t_start=$(date +%s%N)
    # shellcheck disable=SC2086
    serve "$db-restart-big-heap" "$port" "$data" "${envs[@]}" -- $IMPORT_HEAP
    if big_s=$(wait_health 120 "$t_start"); then
      diag="with $IMPORT_HEAP instead the same books started in $big_s s"
    else
      diag="with $IMPORT_HEAP the same books did not start either ($(grep -m1 -o -E '(OutOfMemoryError|Exception: [^;]{0,160})' "$server_log" || echo 'see the log'))"
    fi
    log "$label: $diag"
    stop_server "$server_pid"
    restart_log=$work/server-$db-restart.log
    cause=$(grep -E '^Caused by: ' "$restart_log" | tail -n 1 | cut -c 12-300 || true)
    [ -n "$cause" ] || cause=$(grep -m1 -o -E '[a-zA-Z.]*(OutOfMemoryError|Exception)[^;]{0,200}' "$restart_log" || true)
    at=$(grep -E '^\s+at org\.mingzhang\.' "$restart_log" | grep -v 'Application.main' | sed 's/^[[:space:]]*at //' | awk '!seen[$0]++' | head -n 3 | paste -sd '<' - | sed 's/</ ← /g' || true)
    echo "- $label: the restart with $RESTART_HEAP failed: ${why}. The root cause in the log: \`${cause:-?}\`$( [ -n "$at" ] && echo ", from \`$at\`"). As a diagnosis, $diag." >> "$notes"
    if [ -n "$dbname" ]; then pg_drop "$dbname"; fi
    continue
  fi
  log "$label: /health answered $start_s s after the start ($started_log)"
  # The next gift.
  t_gift=$(date +%s%N)
  gift_code=$(curl -s -o "$work/next-gift-$db.json" -w '%{http_code}' -X POST "$base/api/v1/donations" \
    -H "Authorization: Bearer $acc" -H 'Content-Type: application/json' -H "Idempotency-Key: next-$prefix-$(uuid)" \
    --data-binary "{\"fundCode\":\"$fund\",\"projectCode\":\"${projects[0]}\",\"amount\":\"88.00\",\"channel\":\"WECHAT_PAY\",
      \"donor\":{\"name\":\"重启后第一位\",\"kind\":\"PERSON\",\"phone\":\"13600000000\"},\"receivedAt\":\"$(gift_time)\"}")
  gift_ms=$(awk -v d="$(( $(date +%s%N) - t_gift ))" 'BEGIN { printf "%.0f", d / 1e6 }')
  receipt=$(json_field "['receiptNo']" < "$work/next-gift-$db.json" 2>/dev/null || echo "?")
  if [ "$gift_code" != 201 ]; then
    log "$label: FAILED: the next gift answered $gift_code: $(head -c 600 "$work/next-gift-$db.json")"; status=1
    gift_cell="**$gift_code** (not 201)"
  else
    gift_cell="201 in $gift_ms ms"
    # Receipts are numbered without gaps per fund and year: the next one tells that every gift is still there.
    seq=$(echo "$receipt" | sed -n 's/.*-0*\([0-9][0-9]*\)$/\1/p')
    if [ "$seq" = $(( booked + 1 )) ]; then gift_cell="$gift_cell, receipt $receipt"
    else log "$label: FAILED: the next gift got receipt $receipt, not number $(( booked + 1 ))"; status=1; gift_cell="$gift_cell, **receipt $receipt, not number $(( booked + 1 ))**"; fi
  fi
  log "$label: the next gift answered $gift_code in $gift_ms ms (receipt $receipt)"
  heap_now=$(heap_used_mib "$server_pid")
  "$jcmd" "$server_pid" GC.run >/dev/null 2>&1 || true
  heap_live=$(heap_used_mib "$server_pid")
  rss=$(awk '/^VmRSS/ { printf "%.0f", $2 / 1024 }' "/proc/$server_pid/status" 2>/dev/null || echo "?")
  log "$label: heap used $heap_now MiB, $heap_live MiB after a full GC; resident $rss MiB"
  per_gift=$(awk -v b="$bytes" -v n="$booked" 'BEGIN { printf "%.0f", b / n }')
  per_gift_inc=$(awk -v b="$bytes" -v e="$bytes_empty" -v n="$booked" 'BEGIN { printf "%.0f", (b - e) / n }')
  printf '| %s | %s | %s s | %s | %s | %s (%s) | **%s s** | %s | %s MiB (%s MiB after a full GC) | %s MiB | %s |\n' "$label" "$(thousands "$booked")" \
    "$import_s" "$(thousands "$import_rate")" "$(mib "$bytes")" "$per_gift" "$per_gift_inc" "$start_s" "$gift_cell" "$heap_now" "$heap_live" "$rss" \
    "$first_start s" >> "$rows"
  echo "- $label: import chunks of $CHUNK took $(awk '$1 == "chunk" { printf "%s%s", sep, $8; sep = ", " }' "$work/import-$db.log") s; stopping took $stop_s s; the service's own line: \`${started_log:-?}\`$( [ "$db" = h2 ] && echo "; the H2 file held $(mib "$bytes_live") before the stop")." >> "$notes"
  finish_database "$label" "$server_log" "$server_pid" "$dbname"
done

command_line=$(command_line 'DATABASES|PROJECTS|CHUNK|IMPORT_PARALLEL|IMPORT_HEAP|RESTART_HEAP|START_LIMIT_S|JAR' bench/restart/run-restart-bench.sh $GIFTS)
{
  echo "## Restart: $(thousands "$GIFTS") gifts in the books, then $RESTART_HEAP (issue 10)"
  echo
  echo "$(thousands "$GIFTS") restricted gifts, round robin over $PROJECTS FUNDRAISING projects of one community fund in one"
  echo "matching pool, put in the books through the bulk import (\`POST /api/v1/donations/import\`, $(thousands "$CHUNK") rows per"
  echo "request, $IMPORT_PARALLEL at a time, service with \`$IMPORT_HEAP\`); then the service is stopped (SIGTERM) and started"
  echo "again with \`$RESTART_HEAP\` on the same books (both after the JVM options \`./run\` gives the service, \`$service_jvm_opts\`). \"Start\" is from launching the JVM to \`/health\` answering 200 (limit"
  echo "${START_LIMIT_S} s); then one more restricted gift must be answered 201, with the receipt number that follows the imported gifts'. Heap used from \`jcmd <pid> GC.heap_info\` after that"
  echo "gift, and again after \`jcmd <pid> GC.run\` (the live set). On disk: the H2 file \`mingzhang.mv.db\` after the stop, or"
  echo "\`pg_database_size\` of the scratch database; per gift, the whole size over the gifts (in brackets: the growth"
  echo "since the fixture, over the gifts)."
  echo
  echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), took $(( $(date +%s) - bench_started )) s"
  echo "- Machine: $(machine_line); data on $(df -T "$work" | awk 'NR == 2 { print $2 }')"
  echo "- PostgreSQL $(psql -d postgres -Atqc 'SHOW server_version') on $PGHOST:$PGPORT, same machine"
  echo "- JDK: $("$java" -version 2>&1 | head -n 1)"
  echo "- Code: $jar_note"
  echo "- Command: \`$command_line\`"
  echo
  echo "| database | gifts | import | gifts/s | on disk | bytes per gift | start with $RESTART_HEAP | next gift | heap used after start | resident | first start (empty books) |"
  echo "|---|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|"
  cat "$rows"
  echo
  cat "$notes"
} > "$OUT"
cat "$OUT"
if [ "$DOCS" = 1 ]; then docs_section restart-bench "$OUT"; else log "a short run: docs/benchmarks.md left as it is (DOCS=1 writes it)"; fi
log "results in $OUT; raw logs in $work"
trap - EXIT
bench_cleanup
exit "$status"
