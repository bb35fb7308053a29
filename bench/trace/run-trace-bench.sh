#!/usr/bin/env bash
# The public lookup with many gifts in the books (issue 13): GET /api/v1/public/trace/{traceCode} under load from a
# separate process. For each database (the embedded H2 default, then PostgreSQL in a fresh scratch database): the
# runnable jar is started (with the public rate limit raised, see below); a community fund, a seed fund, a matching pool
# and PROJECTS FUNDRAISING projects that name it are made through the API; GIFTS restricted gifts, round robin over the
# projects, are put in the books through the bulk import (POST /api/v1/donations/import, CHUNK rows per request); then,
# so that a trace has something to show, fundraising is closed on CLOSE_PROJECTS projects (their match settles),
# PAY_PROJECTS of them each get PAYMENTS disbursements requested, approved and paid through the API, and a checkpoint is
# published (POST /api/v1/ledger/checkpoints), so that every gift has an inclusion proof; then the service is restarted on
# the same books (RESTART=1), as it would be found on an ordinary day rather than in the import's wake. SAMPLE trace codes, spread
# evenly over the imported gifts (every GIFTS/SAMPLE-th row of the import, read back by id), are shuffled into a file;
# wrk (a separate process; bench/trace/trace.lua asks for them round robin) runs a warm-up, then the measured run under
# load (THREADS threads, CONNECTIONS connections, with Java Flight Recorder), then a run with one connection (one request
# at a time: the service's own time, without queueing), then, for each of RATES, a run at that fixed rate by
# bench/trace/OpenLoad.java (a separate process too, open loop: each request is sent at its scheduled moment whether or
# not earlier ones were answered, and its latency counts from that moment, so a stall shows as the wait of every request
# behind it). Every answer must be 200.
# Writes bench/trace/results.md and the "Public trace lookup" section of docs/benchmarks.md.
#
#   bench/trace/run-trace-bench.sh              # 1,000,000 gifts per database
#   DATABASES=postgresql bench/trace/run-trace-bench.sh 20000     # a quick check (docs left alone unless DOCS=1)
#
# Every setting is an environment variable (GIFTS also as the first argument):
#   DATABASES="h2 postgresql"  GIFTS=1000000  PROJECTS=100  CHUNK=100000 (at most 100,000)
#   CLOSE_PROJECTS=10  PAY_PROJECTS=5  PAYMENTS=3  SAMPLE=10000
#   THREADS=2 CONNECTIONS=16 (wrk's, under load)  WARMUP_S=30  DURATION_S=30  SINGLE_S=30
#   RESTART=1 (0: measure the service that did the import, without restarting it)
#   RATES="100 250 500" (lookups per second offered by bench/trace/OpenLoad.java, one run each; empty: none)  RATE_S=30
#   PUBLIC_PER_MINUTE=100000000 (MINGZHANG_PUBLIC_PER_MINUTE: the default 600 a minute per address would answer 429 to
#     a benchmark from one address within a second)
#   PROFILE=1 (0: no JFR)  HEAP="-Xms2g -Xmx2g" (after the JVM options ./run gives the service, bench/http/lib.sh)  PORT=18340  JAR= (a prebuilt jar; default: build from the work tree)
#   OUT=bench/trace/results.md  DOCS= (1 writes docs/benchmarks.md; default only with GIFTS >= 1000000)
#   QUIET_BUSY_MAX=15 QUIET_WAIT_S=300 (wait for an idle machine before measuring)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=
# Needs wrk (apt-get install wrk), psql, python3, curl and a JDK 21+.
# It creates and drops its own scratch databases (mz_trace_*); it touches no other database.
set -Eeuo pipefail
cd "$(dirname "$0")/../.."
. bench/http/lib.sh

GIFTS=${1:-${GIFTS:-1000000}}
DATABASES=${DATABASES:-h2 postgresql}
PROJECTS=${PROJECTS:-100}
CHUNK=${CHUNK:-100000}
CLOSE_PROJECTS=${CLOSE_PROJECTS:-10}
PAY_PROJECTS=${PAY_PROJECTS:-5}
PAYMENTS=${PAYMENTS:-3}
SAMPLE=${SAMPLE:-10000}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-16}
WARMUP_S=${WARMUP_S:-30}
DURATION_S=${DURATION_S:-30}
SINGLE_S=${SINGLE_S:-30}
RESTART=${RESTART:-1}
RATES=${RATES-100 250 500}
RATE_S=${RATE_S:-30}
PUBLIC_PER_MINUTE=${PUBLIC_PER_MINUTE:-100000000}
PROFILE=${PROFILE:-1}
HEAP=${HEAP:--Xms2g -Xmx2g}
PORT=${PORT:-18340}
OUT=${OUT:-bench/trace/results.md}
[ "$CHUNK" -le 100000 ] || die "CHUNK must be at most 100000 (the import's limit)"
[ "$CLOSE_PROJECTS" -le "$PROJECTS" ] && [ "$PAY_PROJECTS" -le "$CLOSE_PROJECTS" ] || die "need PAY_PROJECTS <= CLOSE_PROJECTS <= PROJECTS"
[ "$SAMPLE" -le "$GIFTS" ] || SAMPLE=$GIFTS
if [ -z "${DOCS:-}" ]; then DOCS=0; [ "$GIFTS" -ge 1000000 ] && DOCS=1; fi
for tool in wrk psql python3 curl; do command -v "$tool" >/dev/null || die "$tool is missing (wrk: apt-get install wrk)"; done
psql -d postgres -Atqc 'SELECT 1' >/dev/null || die "cannot connect to PostgreSQL at $PGHOST:$PGPORT as $PGUSER"

bench_begin trace-bench
"${java%/java}/javac" -d "$work/openload" bench/trace/OpenLoad.java || die "bench/trace/OpenLoad.java does not compile"
seconds_since() { awk -v d="$(( $(date +%s%N) - $1 ))" 'BEGIN { printf "%.1f", d / 1e9 }'; }

# Imports one CSV file; fails unless every row was created. Appends to IDS_FILE the gift id of one row in every STEP
# rows (counted from 1 over the whole import, FIRST being the file's first): in the k-th run of STEP rows, the row at
# offset k mod STEP, so that the sample goes round all the projects (every STEP-th row alone would, with STEP a multiple
# of PROJECTS, be a gift of the same project each time, gift_csv giving rows to projects round robin). Prints "created".
import_sampled() { # FILE TOKEN FIRST STEP IDS_FILE
  local out code
  out=$(mktemp)
  code=$(curl -s -o "$out" -w '%{http_code}' -X POST "$base/api/v1/donations/import" -H "Authorization: Bearer $2" \
    -H 'Content-Type: text/csv' -H "Idempotency-Key: $(uuid)" --data-binary @"$1")
  [ "$code" = 200 ] || [ "$code" = 201 ] || { log "import answered $code: $(head -c 600 "$out")"; rm -f "$out"; return 1; }
  python3 - "$out" "$3" "$4" "$5" <<'PY' || { rm -f "$out"; return 1; }
import json, sys
d = json.load(open(sys.argv[1]))
first, step = int(sys.argv[2]), int(sys.argv[3])
bad = d["rows"] - d["created"]
if bad:
    rows = [r for r in d["results"] if r.get("status") != "CREATED"][:3]
    sys.exit(f"import: {bad} of {d['rows']} rows not created: {rows}")
with open(sys.argv[4], "a") as ids:
    for r in d["results"]:
        n = first + r["line"] - 3  # line 2 is the file's first gift; n counts from 0
        if n % step == (n // step) % step:
            ids.write(f"{r['id']}\n")
print(d["created"])
PY
  rm -f "$out"
}

# Reads each gift of IDS_FILE (GET /api/v1/donations/{id}, one keep-alive connection) and writes its trace code to
# CODES_FILE, shuffled (a fixed seed: the same run asks in the same order), so that consecutive requests land on gifts
# far apart in the books.
trace_codes() { # IDS_FILE CODES_FILE TOKEN
  python3 - "$base" "$@" <<'PY'
import http.client, json, random, sys, urllib.parse
base, ids_file, codes_file, token = sys.argv[1:5]
u = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(u.hostname, u.port, timeout=60)
codes = []
for line in open(ids_file):
    gift = line.strip()
    if not gift:
        continue
    conn.request("GET", f"/api/v1/donations/{gift}", headers={"Authorization": f"Bearer {token}"})
    r = conn.getresponse()
    body = r.read()
    if r.status != 200:
        sys.exit(f"GET /api/v1/donations/{gift} answered {r.status}: {body[:300]!r}")
    codes.append(json.loads(body)["traceCode"])
random.Random(13).shuffle(codes)
with open(codes_file, "w") as out:
    out.write("".join(c + "\n" for c in codes))
print(len(codes))
PY
}

# One wrk run: wrk_run NAME THREADS CONNECTIONS SECONDS CODES_FILE; its output in $work/wrk-NAME.log, its CPU time
# (user, system seconds) in $work/wrk-time-NAME.
wrk_run() {
  local name=$1 t=$2 c=$3 s=$4 codes=$5
  /usr/bin/time -f '%U %S' -o "$work/wrk-time-$name" \
    wrk -t "$t" -c "$c" -d "${s}s" --timeout 10s --latency -s bench/trace/trace.lua "$base" -- "$codes" "$t" \
    >"$work/wrk-$name.log" 2>&1 || { cat "$work/wrk-$name.log" >&2; die "$label: wrk ($name) failed"; }
}
wrk_value() { awk -v k="$2" '$1 == k { print $2 }' "$work/wrk-$1.log"; }
# "ok" or what went wrong: answers other than 200, socket errors.
wrk_verdict() { # NAME
  local bad errors socket
  bad=$(awk '$1 == "status" && $2 != 200 { n += $3; s = s " " $2 ":" $3 } END { print n + 0 s }' "$work/wrk-$1.log")
  errors=$(sed -n 's/^errors //p' "$work/wrk-$1.log")
  socket=$(echo "$errors" | tr ' ' '\n' | awk -F= '$1 != "status" { n += $2 } END { print n + 0 }')
  if [ "${bad%% *}" -gt 0 ] || [ "$socket" -gt 0 ]; then echo "non-200 answers ${bad}; socket errors: $errors"; else echo ok; fi
}
rate_of() { # NAME: 200 answers per second
  awk '$1 == "status" && $2 == 200 { n += $3 } $1 == "duration_us" { d = $2 } END { printf "%.0f", n / (d / 1e6) }' "$work/wrk-$1.log"
}
ok_count() { awk '$1 == "status" && $2 == 200 { n += $3 } END { print n + 0 }' "$work/wrk-$1.log"; }

# A fixed rate (bench/trace/OpenLoad.java, open loop): RATE requests a second for SECONDS after 5 s of the same unrecorded,
# the trace codes' paths in turn (PATHS: one a line). Writes $work/rate-NAME.log: one line of figures (see OpenLoad).
rate_run() { # NAME RATE SECONDS PATHS
  /usr/bin/time -f '%U %S' -o "$work/rate-time-$1" "$java" -XX:+UseSerialGC -Xmx256m -cp "$work/openload" OpenLoad "$base" "$4" "$2" "$3" 5 \
    >"$work/rate-$1.log" 2>&1 || { tail -n 20 "$work/rate-$1.log" >&2; die "$label: the run at a fixed rate ($1) failed"; }
}

# The results so far (written after each database, so that a run cut short still leaves its finished databases).
write_results() {
  command_line=$(command_line 'DATABASES|PROJECTS|CHUNK|CLOSE_PROJECTS|PAY_PROJECTS|PAYMENTS|SAMPLE|THREADS|CONNECTIONS|WARMUP_S|DURATION_S|SINGLE_S|RESTART|RATES|RATE_S|PUBLIC_PER_MINUTE|PROFILE|HEAP|QUIET_WAIT_S|JAR' bench/trace/run-trace-bench.sh $GIFTS)
  {
    echo "## Public trace lookup: $(thousands "$GIFTS") gifts (issue 13)"
    echo
    echo "\`GET /api/v1/public/trace/{traceCode}\` with $(thousands "$GIFTS") restricted gifts in the books, round robin over $PROJECTS"
    echo "FUNDRAISING projects of one community fund in one matching pool, put in the books through the bulk import"
    echo "(\`POST /api/v1/donations/import\`, $(thousands "$CHUNK") rows per request). Then, so that a trace has something to"
    echo "show: fundraising closed on $CLOSE_PROJECTS projects (their match settled), $PAYMENTS disbursements requested, approved and paid"
    echo "on each of $PAY_PROJECTS of them (each payment attributed to the project's gifts), and a checkpoint published, so that"
    echo "every gift has an RFC 6962 inclusion proof. $(thousands "$SAMPLE") trace codes, one in every $(thousands $(( GIFTS / SAMPLE ))) gifts of the import (going round the projects),"
    echo "so that $CLOSE_PROJECTS in $PROJECTS are gifts of a project whose match settled and $PAY_PROJECTS in $PROJECTS of one that paid,"
    echo "shuffled, are asked for round robin by wrk (\`bench/trace/trace.lua\`), a separate process on the same machine:"
    echo "${WARMUP_S} s of warm-up, then ${DURATION_S} s **under load** ($THREADS threads, $CONNECTIONS keep-alive connections, as fast as the"
    echo "service answers: the latency includes the time a request waits for a free worker), then ${SINGLE_S} s with **one connection**"
    echo "(one request at a time: the service's own time). Every answer must be 200."
    echo
    echo "The service runs with \`MINGZHANG_PUBLIC_PER_MINUTE=$PUBLIC_PER_MINUTE\`: the public rate limit is per client address,"
    echo "600 a minute by default, and every request of the benchmark comes from 127.0.0.1, so with the default nearly every"
    echo "answer would be a 429. The limit's own check (a token bucket per address) still runs on every request. The service runs with the JVM options \`./run\` gives it (\`$service_jvm_opts\`) and \`$HEAP\`."
    echo
    echo "- Date: $(date -u '+%Y-%m-%d %H:%M UTC'), took $(( $(date +%s) - bench_started )) s"
    echo "- Machine: $(machine_line); data on $(df -T "$work" | awk 'NR == 2 { print $2 }'). The machine is shared with other"
    echo "  work (builds, tests): see \"other\" in the CPU table; a busy neighbour makes the run's figures worse, not better."
    echo "- PostgreSQL $(psql -d postgres -Atqc 'SHOW server_version') on $PGHOST:$PGPORT, same machine"
    echo "- JDK: $("$java" -version 2>&1 | head -n 1); wrk: $({ wrk -v 2>&1 || true; } | head -n 1 | awk '{ print $1, $2 }')"
    echo "- Code: $jar_note"
    echo "- Command: \`$command_line\`"
    echo
    echo "| database | gifts | import | p50 under load | p90 | p99 under load | max | lookups/s under load | p50 one at a time | p99 | max | lookups/s one at a time | non-200 (load / one) |"
    echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
    cat "$rows"
    echo
    if [ -n "$RATES" ]; then
      echo "**At a fixed rate** (\`bench/trace/OpenLoad.java\`, open loop: each request sent at its scheduled moment, its latency"
      echo "counted from that moment, so waiting behind a slow answer is counted; exact percentiles over every request),"
      echo "${RATE_S} s at each rate after 5 s unrecorded, one after the other:"
      echo
      echo "| database | offered lookups/s | answered/s | p50 | p90 | p99 | p99.9 | max | not 200 | errors | load generator CPU |"
      echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
      cat "$rate_rows"
      echo
    fi
    echo "Where the machine's CPU went during the run under load (share of all $(nproc) processors; \"other\" is anything else"
    echo "running on the machine), and the service's CPU per lookup:"
    echo
    echo "| database | machine busy | service JVM | PostgreSQL | wrk | other | JVM CPU per lookup |"
    echo "|---|---:|---:|---:|---:|---:|---:|"
    cat "$cpu_rows"
    echo
    cat "$notes"
    echo
    cat "$profiles"
  } > "$OUT"
}

status=0
rows=$work/rows.md; : > "$rows"
cpu_rows=$work/cpu.md; : > "$cpu_rows"
notes=$work/notes.md; : > "$notes"
profiles=$work/profiles.md; : > "$profiles"
rate_rows=$work/rates.md; : > "$rate_rows"
for db in $DATABASES; do
  choose_database "$db" mz_trace_bench
  port=$PORT; PORT=$(( PORT + 1 ))
  data=$work/data-$db
  # shellcheck disable=SC2086
  serve "$db" "$port" "$data" "${envs[@]}" MINGZHANG_PUBLIC_PER_MINUTE="$PUBLIC_PER_MINUTE" -- $HEAP \
    -XX:FlightRecorderOptions:stackdepth=512
  log "$label: service pid $server_pid on $base ($HEAP, MINGZHANG_PUBLIC_PER_MINUTE=$PUBLIC_PER_MINUTE)"
  wait_health 120 "$(date +%s%N)" >/dev/null || die "$label: the service did not start"
  prefix=T$(( RANDOM % 90 + 10 ))
  log "$label: fixture (a fund, a seed fund, a matching pool, $PROJECTS FUNDRAISING projects)"
  fixture "$prefix" "$PROJECTS"
  plist=$(IFS=,; echo "${projects[*]}")
  received=$(gift_time)

  # --- the import, keeping every STEP-th gift's id ----------------------------------------------------------------
  step=$(( GIFTS / SAMPLE ))
  ids=$work/ids-$db.txt; : > "$ids"
  log "$label: importing $GIFTS gifts, $CHUNK rows per request (keeping one gift's id in every $step)"
  chunks=$(( (GIFTS + CHUNK - 1) / CHUNK ))
  : > "$work/import-$db.log"
  t_import=$(date +%s%N)
  for (( c = 0; c < chunks; c++ )); do
    first=$(( c * CHUNK + 1 )); n=$CHUNK
    [ $(( first + n - 1 )) -gt "$GIFTS" ] && n=$(( GIFTS - first + 1 ))
    csv=$work/chunk-$db-$c.csv
    gift_csv "$fund" "$plist" "$first" "$n" "gift-$prefix" "$received" > "$csv"
    t0=$(date +%s%N)
    created=$(import_sampled "$csv" "$acc" "$first" "$step" "$ids") || die "$label: import chunk $c failed"
    echo "chunk $c rows $n created $created seconds $(seconds_since "$t0")" >> "$work/import-$db.log"
    rm -f "$csv"
    log "$label: $(awk '$1 == "chunk" { n += $6 } END { print n + 0 }' "$work/import-$db.log") gifts booked, last chunk $(tail -n 1 "$work/import-$db.log" | awk '{ print $8 }') s"
  done
  import_s=$(seconds_since "$t_import")
  booked=$(awk '$1 == "chunk" { n += $6 } END { print n + 0 }' "$work/import-$db.log")
  [ "$booked" -eq "$GIFTS" ] || die "$label: the import booked $booked of $GIFTS gifts"
  import_rate=$(awk -v n="$booked" -v s="$import_s" 'BEGIN { printf "%.0f", n / s }')
  log "$label: $booked gifts in $import_s s = $import_rate gifts/s"

  # --- what a trace shows: settled matches, payments, a checkpoint -------------------------------------------------
  t_life=$(date +%s%N)
  for (( i = 0; i < CLOSE_PROJECTS; i++ )); do
    p=${projects[$i]}
    st=$(api POST "/api/v1/projects/$p/close-fundraising" "$acc" '{}' 200 | json_field "['status']") || die "close-fundraising $p"
    [ "$st" = IN_PROGRESS ] || die "$p is $st after close-fundraising, not IN_PROGRESS"
  done
  close_s=$(seconds_since "$t_life")
  log "$label: fundraising closed on $CLOSE_PROJECTS projects in $close_s s"
  t_pay=$(date +%s%N)
  paid=0
  for (( i = 0; i < PAY_PROJECTS; i++ )); do
    p=${projects[$i]}
    for (( k = 1; k <= PAYMENTS; k++ )); do
      d=$(api POST "/api/v1/projects/$p/disbursements" "$acc" "{\"budgetItem\":\"灯具与安装\",\"amount\":\"$(( 1000 * k + i )).00\",
        \"payee\":\"某灯具有限公司\",\"purpose\":\"感应灯第${k}批\",\"invoiceNo\":\"No.$prefix$i$k\"}" 201 | json_field "['id']") || die "disbursement of $p"
      api POST "/api/v1/disbursements/$d/approve" "$com" '{"reason":"与预算一致"}' 200 >/dev/null || die "approve disbursement $d"
      st=$(api POST "/api/v1/disbursements/$d/pay" "$acc" '{}' 200 | json_field "['status']") || die "pay disbursement $d"
      [ "$st" = PAID ] || die "disbursement $d is $st after pay"
      paid=$(( paid + 1 ))
    done
  done
  pay_s=$(seconds_since "$t_pay")
  log "$label: $paid disbursements requested, approved and paid in $pay_s s"
  checkpoint=$(api POST /api/v1/ledger/checkpoints "$admin_token" '' 201) || die "$label: no checkpoint"
  tree_size=$(echo "$checkpoint" | sed -n 2p)
  log "$label: checkpoint of $tree_size transactions published"

  # --- the trace codes --------------------------------------------------------------------------------------------
  codes=$work/codes-$db.txt
  t0=$(date +%s%N)
  ncodes=$(trace_codes "$ids" "$codes" "$acc") || die "$label: reading the sampled gifts failed"
  log "$label: $ncodes trace codes read in $(seconds_since "$t0") s"
  # One answer looked at: the largest gift on the first page of the first project's (fundraising closed, paid) has a
  # match, a part of each payment and a proof (a small gift's part of a payment can round to nothing, and then it has
  # no use row: the sampled gifts of that project may all be such).
  sample_code=$(curl -s "$base/api/v1/donations?projectCode=${projects[0]}&limit=100" -H "Authorization: Bearer $acc" \
    | python3 -c 'import json, sys; items = json.load(sys.stdin)["items"]; print(max(items, key=lambda d: float(d["amount"]))["traceCode"] if items else "")')
  [ -n "$sample_code" ] || die "$label: no sampled gift of ${projects[0]}"
  curl -s -o "$work/trace-sample-$db.json" "$base/api/v1/public/trace/$sample_code"
  python3 - "$work/trace-sample-$db.json" "$PAYMENTS" <<'PY' || die "$label: the trace of $sample_code is not what it should be (see $work/trace-sample-$db.json)"
import json, sys
d = json.load(open(sys.argv[1]))
p = d["proof"]
problems = []
if p["leafIndex"] is None or not p["inclusion"] or not p["checkpoint"]:
    problems.append("no inclusion proof")
if len(d["uses"]) != int(sys.argv[2]):
    problems.append(f"{len(d['uses'])} uses, not {sys.argv[2]}")
if d["match"]["amount"] == "0.00":
    problems.append("no match share")
if d["projectStatus"] != "IN_PROGRESS":
    problems.append(f"project {d['projectStatus']}")
if problems:
    sys.exit("; ".join(problems))
PY
  sample_note=$(python3 - "$work/trace-sample-$db.json" <<'PY'
import json, sys
raw = open(sys.argv[1], "rb").read()
d = json.loads(raw)
print(f"{len(d['uses'])} uses, match {d['match']['amount']}, unspent {d['unspent']}, "
      f"{len(d['proof']['inclusion'])} hashes in the inclusion path, {len(raw)} bytes")
PY
)
  log "$label: the trace of $sample_code (project ${projects[0]}): $sample_note"

  # --- the measurements -------------------------------------------------------------------------------------------
  restart_note=""
  if [ "$RESTART" = 1 ]; then
    # The lookups are measured on the books as a service finds them on an ordinary day, not in the wake of the bulk
    # import: in a run without this restart H2 spent 2.8 ms of CPU a lookup (0.4 RejectedExecutionException a lookup from
    # its LOB cleaner among it), against under 0.7 ms on the same books restarted 20 minutes later (docs/benchmarks.md).
    log "$label: restarting the service on the same books"
    stop_server "$server_pid"
    serve "$db" "$port" "$data" "${envs[@]}" MINGZHANG_PUBLIC_PER_MINUTE="$PUBLIC_PER_MINUTE" -- $HEAP \
      -XX:FlightRecorderOptions:stackdepth=512
    restart_s=$(wait_health 600 "$(date +%s%N)") || die "$label: the service did not start again"
    log "$label: serving again after $restart_s s (pid $server_pid)"
    restart_note=" The service was then restarted on the same books and answered \`/health\` after $restart_s s; the lookups were measured after that restart."
  fi
  wait_for_quiet
  log "$label: warm-up, wrk -t $THREADS -c $CONNECTIONS -d ${WARMUP_S}s"
  wrk_run "warm-$db" "$THREADS" "$CONNECTIONS" "$WARMUP_S" "$codes"
  v=$(wrk_verdict "warm-$db"); [ "$v" = ok ] || { log "$label: FAILED in the warm-up: $v"; status=1; }
  if [ "$PROFILE" = 1 ]; then
    "$jcmd" "$server_pid" JFR.start name=trace-bench settings=profile >"$work/jfr-start-$db.log" 2>&1 || die "$label: JFR.start failed"
  fi
  log "$label: under load, wrk -t $THREADS -c $CONNECTIONS -d ${DURATION_S}s --latency"
  cpu_watch_start "$server_pid" "$dbname"
  wrk_run "load-$db" "$THREADS" "$CONNECTIONS" "$DURATION_S" "$codes"
  client_ticks=$(awk '{ printf "%.0f", ($1 + $2) * 100 }' "$work/wrk-time-load-$db")
  read -r busy jvm pgcpu clientcpu other < <(cpu_watch_stop "$client_ticks")
  if [ "$PROFILE" = 1 ]; then
    "$jcmd" "$server_pid" JFR.stop name=trace-bench filename="$work/trace-$db.jfr" >"$work/jfr-stop-$db.log" 2>&1 || die "$label: JFR.stop failed"
  fi
  # PostgreSQL counts the transactions of each database; in autocommit each statement is one: their number over the
  # run with one connection, over the lookups, is the statements a lookup costs (idle backends report their counts
  # within 10 s, hence the pauses).
  xacts() { psql -d postgres -Atqc "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = '$dbname'"; }
  [ -n "$dbname" ] && { sleep 11; xact0=$(xacts); }
  log "$label: one connection, wrk -t 1 -c 1 -d ${SINGLE_S}s --latency"
  wrk_run "single-$db" 1 1 "$SINGLE_S" "$codes"
  per_lookup="-"
  if [ -n "$dbname" ]; then
    sleep 11
    per_lookup=$(awk -v a="$xact0" -v b="$(xacts)" -v n="$(awk '$1 == "requests" { print $2 }' "$work/wrk-single-$db.log")" 'BEGIN { printf "%.1f", (b - a) / n }')
    log "$label: $per_lookup PostgreSQL transactions (statements in autocommit) per lookup"
  fi
  if [ -n "$RATES" ]; then
    paths=$work/paths-$db.txt
    sed 's|^|/api/v1/public/trace/|' "$codes" > "$paths"
    for r in $RATES; do
      log "$label: at a fixed rate of $r lookups/s for ${RATE_S}s (bench/trace/OpenLoad.java)"
      rate_run "$r-$db" "$r" "$RATE_S" "$paths"
      read -r offered achieved p50 p90 p99 p999 mx notok errs total < <(head -n 1 "$work/rate-$r-$db.log")
      gen_cpu=$(awk -v s="$(( RATE_S + 5 ))" -v n="$(nproc)" '{ printf "%.0f%%", ($1 + $2) / s / n * 100 }' "$work/rate-time-$r-$db")
      log "$label: $offered/s offered, $achieved/s answered: p50 $p50 p90 $p90 p99 $p99 p99.9 $p999 max $mx ms; not 200: $notok, errors: $errs; load generator $gen_cpu of the machine"
      [ "$notok" = 0 ] && [ "$errs" = 0 ] && [ "$total" -gt 0 ] || { log "$label: FAILED at $r/s: $(sed -n 2p "$work/rate-$r-$db.log")"; status=1; }
      printf '| %s | %s | %s | %s ms | %s ms | **%s ms** | %s ms | %s ms | %s | %s | %s |\n' "$label" "$(thousands "$r")" "$(thousands "$achieved")" \
        "$p50" "$p90" "$p99" "$p999" "$mx" "$notok" "$errs" "$gen_cpu" >> "$rate_rows"
    done
  fi
  for run in load single; do
    v=$(wrk_verdict "$run-$db")
    [ "$v" = ok ] || { log "$label: FAILED ($run): $v"; grep '^answer' "$work/wrk-$run-$db.log" | head -n 3 >&2 || true; status=1; }
    printf -v "verdict_$run" '%s' "$v"
    printf -v "rate_$run" '%s' "$(rate_of "$run-$db")"
  done
  L() { wrk_value "load-$db" "$1"; }
  S() { wrk_value "single-$db" "$1"; }
  log "$label: under load p50 $(L latency_p50_ms) p90 $(L latency_p90_ms) p99 $(L latency_p99_ms) max $(L latency_max_ms) ms, $rate_load/s ($verdict_load); one at a time p50 $(S latency_p50_ms) p99 $(S latency_p99_ms) ms, $rate_single/s ($verdict_single)"
  printf '| %s | %s | %s s | **%s ms** | %s ms | **%s ms** | %s ms | %s | %s ms | %s ms | %s ms | %s | %s / %s |\n' "$label" \
    "$(thousands "$booked")" "$import_s" "$(L latency_p50_ms)" "$(L latency_p90_ms)" "$(L latency_p99_ms)" "$(L latency_max_ms)" \
    "$(thousands "$rate_load")" "$(S latency_p50_ms)" "$(S latency_p99_ms)" "$(S latency_max_ms)" "$(thousands "$rate_single")" \
    "$( [ "$verdict_load" = ok ] && echo 0 || echo "**$verdict_load**")" "$( [ "$verdict_single" = ok ] && echo 0 || echo "**$verdict_single**")" >> "$rows"
  printf '| %s | %s%% | %s%% | %s%% | %s%% | %s%% | %s |\n' "$label" "$busy" "$jvm" "$pgcpu" "$clientcpu" "$other" \
    "$(awk -v j="$jvm" -v r="$rate_load" -v n="$(nproc)" 'BEGIN { printf "%.2f ms", (r > 0 ? j / 100 * n * 1000 / r : 0) }')" >> "$cpu_rows"
  [ "$per_lookup" = "-" ] || echo "- $label: $per_lookup PostgreSQL transactions per lookup during the run with one connection (\`pg_stat_database\`: \`xact_commit + xact_rollback\` of the scratch database over the lookups; in autocommit each statement is one transaction)." >> "$notes"
  echo "- $label: $(thousands "$booked") gifts imported in $import_s s ($(thousands "$import_rate") gifts/s); fundraising closed on $CLOSE_PROJECTS projects in $close_s s; $paid disbursements paid in $pay_s s; checkpoint of $(thousands "$tree_size") transactions; $ncodes trace codes asked for; a gift of ${projects[0]} traced: $sample_note.$restart_note" >> "$notes"
  if [ "$PROFILE" = 1 ]; then
    { echo "### Profile: $label"; echo
      echo "\`jcmd <pid> JFR.start settings=profile\` for the run under load; summarised by \`bench/http/jfr_summary.py\`."
      echo
      python3 bench/http/jfr_summary.py "$jfr" "$work/trace-$db.jfr" "$(ok_count "load-$db")" \
        | sed -e 's/gifts answered 201 meanwhile/lookups answered 200 meanwhile/' -e 's/ per gift)/ per lookup)/'

      echo
    } >> "$profiles" || { log "$label: the profile summary failed"; status=1; }
  fi
  finish_database "$label" "$server_log" "$server_pid" "$dbname"
  write_results
done

cat "$OUT"
if [ "$DOCS" = 1 ]; then docs_section trace-bench "$OUT"; else log "a short run: docs/benchmarks.md left as it is (DOCS=1 writes it)"; fi
log "results in $OUT; raw logs and recordings in $work"
trap - EXIT
bench_cleanup
exit "$status"
