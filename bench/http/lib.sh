# Shared by the scripts under bench/http/, bench/restart/, bench/trace/ and bench/h2/gift-indexes.sh: a run's work directory and its traps,
# finding the JDK and the runnable jar, starting and stopping the service, scratch PostgreSQL databases, and the
# fixture every one of them needs (users, a community fund under a street and a city fund, a seed fund, a matching pool and FUNDRAISING projects
# that name it), all through the public API. Source it from the repository root; it defines functions only.
#
# Settings (environment):
#   JAR=path/to/mingzhang.jar   use this jar instead of building api/target/mingzhang.jar from the work tree
#   JAR_NOTE="commit abc1234"   what that jar was built from, for the results
#   MVN_OFFLINE=1               build with -o
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres PGPASSWORD=   the PostgreSQL server (trust by default)
#   H2_URL_SUFFIX=";PAGE_SIZE=…"  settings appended to the embedded H2 file's URL (an experiment; see choose_database)
#   PG_URL_PARAMS="options=…"    driver parameters appended to PostgreSQL's URL (an experiment; see choose_database)
#   KEEP_DATA=1                 keep the H2 data directories and CSV files in the work directory (removed by default)
#   MINGZHANG_JAVA_OPTS="…"     the JVM options to start the service with, as ./run takes them; default: jvm.options,
#                               what ./run starts it with. A benchmark's own options (its HEAP) come after them.

export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}

bench_started=${bench_started:-$(date +%s)}
log() { printf '[%4ds] %s\n' $(( $(date +%s) - bench_started )) "$*" >&2; }
die() { log "FAILED: $*"; exit 1; }

# A run's start, the same in every script: a work directory /tmp/mz-NAME.XXXXXX (sets work), an admin token for the
# fixture (sets admin_token), the service and scratch databases cleaned up on exit (bench_cleanup, then the optional
# extra command, evaluated at exit), every failing line logged, and the JDK and jar (bench_prepare_jar).
bench_begin() { # NAME [EXTRA_CLEANUP]
  work=$(mktemp -d "/tmp/mz-$1.XXXXXX")
  admin_token=bench-admin-$(uuid)
  trap "bench_cleanup${2:+; $2}" EXIT
  trap 'log "FAILED: line $LINENO: $BASH_COMMAND (exit $?)"' ERR
  log "work directory $work"
  bench_prepare_jar "$work"
}

# JDK 21+ (as ./run finds it) and the jar, copied to the work directory so that a rebuild by someone else during the
# run changes nothing. Sets java, jcmd, jfr, jar, jar_note.
bench_prepare_jar() { # WORKDIR
  local work=$1
  jdk=$(sh .mvn/find-jdk.sh) || exit 2
  export JAVA_HOME=$jdk
  java="$jdk/bin/java"; jcmd="$jdk/bin/jcmd"; jfr="$jdk/bin/jfr"
  if [ -n "${JAR:-}" ]; then
    [ -f "$JAR" ] || die "JAR=$JAR does not exist"
    jar_note="prebuilt jar${JAR_NOTE:+ ($JAR_NOTE)}"
  else
    log "building api/target/mingzhang.jar (./mvnw -q -B -DskipTests package -pl api -am)"
    ./mvnw -q -B ${MVN_OFFLINE:+-o} -DskipTests package -pl api -am >"$work/build.log" 2>&1 \
      || { tail -n 30 "$work/build.log" >&2; die "the build failed (someone's half-done edit? retry, or pass JAR=)"; }
    JAR=api/target/mingzhang.jar
    local dirty
    dirty=$(git status --porcelain -- migrations ledger-core api reports pom.xml 2>/dev/null | wc -l || true)
    jar_note="built from the work tree at commit $(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
    if [ "${dirty:-0}" -gt 0 ]; then jar_note="$jar_note plus $dirty uncommitted changes in migrations/, ledger-core/, api/, reports/"; fi
  fi
  cp "$JAR" "$work/mingzhang.jar"
  jar="$work/mingzhang.jar"
}

machine_line() {
  printf '%s processors (%s), %s GiB memory, %s' "$(nproc)" \
    "$(lscpu 2>/dev/null | sed -n 's/^Model name:[[:space:]]*//p' | head -n 1)" \
    "$(awk '/^MemTotal/ { printf "%.1f", $2 / 1048576 }' /proc/meminfo)" "$(uname -sr)"
}

# Scratch PostgreSQL databases, dropped by bench_cleanup.
scratch_dbs=()
pg_scratch() { # NAME: drops and creates it
  psql -d postgres -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" -c "CREATE DATABASE $1" >/dev/null || die "cannot create database $1"
  scratch_dbs+=("$1")
}
pg_drop() { psql -d postgres -qc "DROP DATABASE IF EXISTS $1 WITH (FORCE)" >/dev/null 2>&1 || true; }

# One database of DATABASES: sets label, dbname (empty for H2) and envs (the service's environment for it); PostgreSQL
# gets a fresh scratch database named PREFIX_<pid>.
choose_database() { # DB PREFIX
  case "$1" in
    h2) label="H2 (embedded)"; envs=(); dbname=
      # H2_URL_SUFFIX (e.g. ";PAGE_SIZE=16384"): the embedded file's URL with settings of an experiment appended.
      if [ -n "${H2_URL_SUFFIX:-}" ]; then
        envs=(MINGZHANG_DB_URL="jdbc:h2:file:$work/data-h2-url/mingzhang$H2_URL_SUFFIX" MINGZHANG_DB_USER=sa)
      fi ;;
    postgresql) label=PostgreSQL; dbname=$2_$$; pg_scratch "$dbname"
      # PG_URL_PARAMS (e.g. "options=-c%20log_min_duration_statement%3D0"): driver parameters of an experiment.
      envs=(MINGZHANG_DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$dbname${PG_URL_PARAMS:+?$PG_URL_PARAMS}"
        MINGZHANG_DB_USER="$PGUSER" MINGZHANG_DB_PASSWORD="$PGPASSWORD") ;;
    *) die "unknown database $1 (h2 or postgresql)" ;;
  esac
}

# After one database's run: says whether the service logged errors, stops it and drops its scratch database.
finish_database() { # LABEL SERVER_LOG SERVER_PID DBNAME
  local errors
  errors=$(grep -c -E ' ERROR |Exception' "$2" || true)
  if [ "$errors" -gt 0 ]; then log "$1: the service logged $errors ERROR/exception lines: see $2"; fi
  stop_server "$3"
  if [ -n "$4" ]; then pg_drop "$4"; fi
}

# The command as it was run: the settings given in the environment (names matching PATTERN), then the script and its
# arguments.
command_line() { # PATTERN SCRIPT [ARGS...]
  local pattern=$1 settings
  shift
  settings=$(env | grep -E "^($pattern|MINGZHANG_JAVA_OPTS)=" | sort | tr '\n' ' ' || true)
  echo "${settings}$*"
}

# The JVM options ./run starts the service with (jvm.options, or MINGZHANG_JAVA_OPTS as ./run takes it): every benchmark
# measures the service as it ships; serve adds the benchmark's own options (its heap) after them.
service_jvm_opts=${MINGZHANG_JAVA_OPTS-$(sed -e 's/#.*//' jvm.options | tr '\n' ' ' | tr -s ' ' | sed -e 's/^ //' -e 's/ $//')}

# The service. serve LABEL PORT DATADIR [ENV=VALUE ...] [-- JVM options ...]; sets server_pid and base.
server_pids=()
serve() {
  local label=$1 port=$2 data=$3; shift 3
  local envs=() opts=()
  while [ $# -gt 0 ]; do
    if [ "$1" = -- ]; then shift; opts=("$@"); break; fi
    envs+=("$1"); shift
  done
  mkdir -p "$data"
  server_log="$work/server-$label.log"
  env MINGZHANG_PORT="$port" MINGZHANG_DATA_DIR="$data" MINGZHANG_ADMIN_TOKEN="$admin_token" "${envs[@]}" \
    "$java" $service_jvm_opts "${opts[@]}" -jar "$jar" >>"$server_log" 2>&1 &
  server_pid=$!
  server_pids+=("$server_pid")
  base="http://127.0.0.1:$port"
}
# Waits until /health answers 200 (or LIMIT seconds pass); prints the seconds it took, with millisecond precision.
wait_health() { # LIMIT_S START_NS
  local limit=$1 t0=$2 now
  while :; do
    if curl -sf -o /dev/null --max-time 1 "$base/health"; then
      now=$(date +%s%N); awk -v d="$(( now - t0 ))" 'BEGIN { printf "%.3f\n", d / 1e9 }'; return 0
    fi
    kill -0 "$server_pid" 2>/dev/null || { log "the service exited; see $server_log"; tail -n 20 "$server_log" >&2; return 1; }
    now=$(date +%s%N)
    [ $(( (now - t0) / 1000000000 )) -ge "$limit" ] && { log "no /health within ${limit}s; see $server_log"; return 1; }
    sleep 0.05
  done
}
stop_server() { # [PID]: SIGTERM, then waits (SIGKILL after 60 s)
  local pid=${1:-$server_pid} i
  kill "$pid" 2>/dev/null || return 0
  for i in $(seq 1 600); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -9 "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
bench_cleanup() {
  local pid db
  if [ -n "${cpu_watch_pid:-}" ]; then kill "$cpu_watch_pid" 2>/dev/null || true; fi
  for pid in "${server_pids[@]}"; do stop_server "$pid"; done
  for db in "${scratch_dbs[@]}"; do pg_drop "$db"; done
  # The books can be large (an H2 file of many GB): kept only when asked for; logs and recordings stay.
  if [ "${KEEP_DATA:-0}" != 1 ] && [ -n "${work:-}" ]; then rm -rf "$work"/data-* "$work"/*.csv; fi
}

# --- the API -----------------------------------------------------------------------------------------------------
uuid() { cat /proc/sys/kernel/random/uuid; }
# api METHOD PATH TOKEN [BODY] [EXPECTED_STATUS]: prints the body; fails loudly on another status.
api() {
  local method=$1 path=$2 token=$3 body=${4:-} want=${5:-} out code
  out=$(mktemp)
  code=$(curl -s -o "$out" -w '%{http_code}' -X "$method" "$base$path" -H "Authorization: Bearer $token" \
    -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuid)" ${body:+--data-binary "$body"})
  if [ -n "$want" ] && [ "$code" != "$want" ]; then
    log "$method $path answered $code, expected $want: $(head -c 600 "$out")"; rm -f "$out"; return 1
  fi
  case "$code" in 2*) ;; *) log "$method $path answered $code: $(head -c 600 "$out")"; rm -f "$out"; return 1 ;; esac
  cat "$out"; rm -f "$out"
}
json_field() { python3 -c "import sys, json; print(json.load(sys.stdin)$1)"; }
china_time() { # OFFSET (for date -d, e.g. "-1 hour"): ISO-8601 in China Standard Time, to the second
  TZ=Asia/Shanghai date -d "$1" +%Y-%m-%dT%H:%M:%S+08:00
}
# When a gift is received: an hour ago (CST), but never before this year's first second (as the tests do).
gift_time() {
  local hour_ago year_start
  hour_ago=$(TZ=Asia/Shanghai date -d '-1 hour' +%s); year_start=$(TZ=Asia/Shanghai date -d "$(TZ=Asia/Shanghai date +%Y)-01-01 00:00:00" +%s)
  [ "$hour_ago" -lt "$year_start" ] && hour_ago=$year_start
  TZ=Asia/Shanghai date -d "@$hour_ago" +%Y-%m-%dT%H:%M:%S+08:00
}

# The fixture. fixture PREFIX PROJECTS: an accountant and a committee member (tokens in acc and com), a COMMUNITY
# fund (fund), a SEED fund with 10,000,000.00 in the bank, a FLAT matching pool of 5,000,000.00 from it (pool),
# and PROJECTS projects PREFIX-P001 ... of the community fund that name the pool, submitted by the accountant and
# approved by the committee member: FUNDRAISING, their window open from 30 days ago for 90 days.
fixture() {
  local prefix=$1 count=$2 i code
  acc=$(api POST /api/v1/users "$admin_token" "{\"name\":\"压测会计$prefix\",\"roles\":[\"ACCOUNTANT\"]}" 201 | json_field "['token']") || die "no accountant"
  com=$(api POST /api/v1/users "$admin_token" "{\"name\":\"压测委员$prefix\",\"roles\":[\"COMMITTEE\"]}" 201 | json_field "['token']") || die "no committee member"
  fund="${prefix}SQ"; seed="${prefix}ZZ"; pool="${prefix}-POOL"
  api POST /api/v1/funds "$acc" "{\"code\":\"$seed\",\"name\":\"县慈善总会种子基金\",\"level\":\"SEED\"}" 201 >/dev/null || die "seed fund"
  api POST /api/v1/funds "$acc" "{\"code\":\"${prefix}CS\",\"name\":\"市级基金\",\"level\":\"CITY\"}" 201 >/dev/null || die "city fund"
  api POST /api/v1/funds "$acc" "{\"code\":\"${prefix}JD\",\"name\":\"街道基金\",\"level\":\"STREET\",\"parentCode\":\"${prefix}CS\"}" 201 >/dev/null || die "street fund"
  api POST /api/v1/funds "$acc" "{\"code\":\"$fund\",\"name\":\"天星社区基金\",\"level\":\"COMMUNITY\",\"parentCode\":\"${prefix}JD\"}" 201 >/dev/null || die "community fund"
  api POST /api/v1/ledger/transactions "$acc" "{\"fundCode\":\"$seed\",\"memo\":\"种子资金\",\"postings\":[{\"accountCode\":\"1002\",\"debit\":\"10000000.00\"},{\"accountCode\":\"410101\",\"credit\":\"10000000.00\"}]}" 201 >/dev/null || die "seed money"
  api POST /api/v1/matching-pools "$acc" "{\"code\":\"$pool\",\"name\":\"县慈善总会社区基金配捐\",\"sponsorFundCode\":\"$seed\",
    \"budget\":\"5000000.00\",\"mode\":\"FLAT\",\"tiers\":[{\"minRaised\":\"0.00\",\"rate\":\"0.10\"},{\"minRaised\":\"10000.00\",\"rate\":\"0.20\"},{\"minRaised\":\"30000.00\",\"rate\":\"0.30\"}],
    \"perProjectCap\":\"50000.00\",\"perDonationCap\":\"1000.00\",\"perDonorCap\":\"5000.00\",\"eligibleCategories\":[\"便民维修\"],
    \"opensAt\":\"$(china_time '-40 days')\",\"closesAt\":\"$(china_time '+100 days')\",\"settlement\":\"AT_PROJECT_CLOSE\"}" 201 >/dev/null || die "matching pool"
  local opens closes
  opens=$(china_time '-30 days'); closes=$(china_time '+60 days')
  projects=()
  for i in $(seq 1 "$count"); do
    code=$(printf '%s-P%03d' "$prefix" "$i")
    api POST /api/v1/projects "$acc" "{\"code\":\"$code\",\"fundCode\":\"$fund\",\"title\":\"楼道照明改造$i\",\"category\":\"便民维修\",
      \"need\":\"楼道夜间无照明\",\"goals\":[\"更换感应灯\"],\"targetAmount\":\"5000000.00\",\"budget\":[{\"item\":\"灯具与安装\",\"amount\":\"5000000.00\"}],
      \"plan\":\"募集后施工\",\"team\":[{\"name\":\"王师傅\",\"role\":\"电工\"}],\"fundraisingOpensAt\":\"$opens\",\"fundraisingClosesAt\":\"$closes\",
      \"matchingPoolCode\":\"$pool\"}" 201 >/dev/null || die "project $code"
    api POST "/api/v1/projects/$code/submit" "$acc" '{}' 200 >/dev/null || die "submit $code"
    local status
    status=$(api POST "/api/v1/projects/$code/approve" "$com" '{"reason":"预算与居民议事会决议一致"}' 200 | json_field "['status']") || die "approve $code"
    [ "$status" = FUNDRAISING ] || die "project $code is $status after approval, not FUNDRAISING"
    projects+=("$code")
  done
}

# A CSV for POST /api/v1/donations/import: ROWS restricted gifts of PROJECT_CODES (comma-separated, round robin),
# keys KEYPREFIX-<n> from FIRST; bank transfers from many donors. gift_csv FUND PROJECT_CODES FIRST ROWS KEYPREFIX RECEIVED_AT
gift_csv() {
  python3 - "$@" <<'PY'
import sys
fund, projects, first, rows, prefix, received = sys.argv[1], sys.argv[2].split(","), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5], sys.argv[6]
out = sys.stdout
out.write("idempotencyKey,fundCode,projectCode,amount,channel,donorName,donorKind,donorPhone,donorIdNumber,donorCreditCode,"
          "anonymous,publicNameConsent,receivedAt,note,inKindDescription,inKindQuantity,inKindValuationBasis\n")
for i in range(first, first + rows):
    out.write(f"{prefix}-{i},{fund},{projects[i % len(projects)]},{i % 500 + 1}.{i % 100:02d},BANK_TRANSFER,捐赠人{i % 50000},PERSON,"
              f"139{i % 100000000:08d},,,false,false,{received},社区义捐,,,\n")
PY
}
# Imports a CSV file; fails unless every row was created (or replayed when REPLAY_OK=1). Prints "created".
import_csv() { # FILE TOKEN
  local out code
  out=$(mktemp)
  code=$(curl -s -o "$out" -w '%{http_code}' -X POST "$base/api/v1/donations/import" -H "Authorization: Bearer $2" \
    -H 'Content-Type: text/csv' -H "Idempotency-Key: $(uuid)" --data-binary @"$1")
  [ "$code" = 200 ] || [ "$code" = 201 ] || { log "import answered $code: $(head -c 600 "$out")"; rm -f "$out"; return 1; }
  python3 - "$out" <<'PY' || { rm -f "$out"; return 1; }
import json, sys
d = json.load(open(sys.argv[1]))
bad = d["rows"] - d["created"] - d["replayed"]
if bad:
    rows = [r for r in d.get("results", d.get("items", [])) if r.get("status") not in ("CREATED", "REPLAYED")][:3]
    sys.exit(f"import: {bad} of {d['rows']} rows not booked: {rows}")
print(d["created"])
PY
  rm -f "$out"
}

# --- the machine's CPU ----------------------------------------------------------------------------------------------
# Busy and total ticks of the whole machine (first line of /proc/stat).
cpu_ticks() { awk '/^cpu / { total = $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9; print total - $5 - $6, total }' /proc/stat; }
# Watching the CPU over a measurement (bench/http/cpu_watch.py samples /proc twice a second):
#   cpu_watch_start SERVICE_PID DATABASE   (0 and "" for none)
#   cpu_watch_stop CLIENT_TICKS            prints "busy service postgresql client other", percentages of the whole
# machine; other = busy minus the three: anything else running on the machine (a build, someone's tests).
cpu_watch_start() {
  cpu_watch_out=$(mktemp)
  python3 bench/http/cpu_watch.py "$1" "$2" > "$cpu_watch_out" &
  cpu_watch_pid=$!
  sleep 0.3
}
cpu_watch_stop() {
  local i
  kill -TERM "$cpu_watch_pid" 2>/dev/null || true
  # (called in a subshell, where wait cannot wait for it: poll until it has written its line and ended)
  for i in $(seq 1 100); do kill -0 "$cpu_watch_pid" 2>/dev/null || break; sleep 0.05; done
  [ -s "$cpu_watch_out" ] || { echo "0 0 0 0 0"; return 0; }
  awk -v c="$1" '{ t = $2; if (t <= 0) t = 1
    busy = 100 * $1 / t; jvm = 100 * $3 / t; pg = 100 * $4 / t; cl = 100 * c / t
    other = busy - jvm - pg - cl; if (other < 0) other = 0
    printf "%.0f %.0f %.0f %.0f %.0f\n", busy, jvm, pg, cl, other }' "$cpu_watch_out"
  rm -f "$cpu_watch_out"
}
busy_since() { # BUSY TOTAL (an earlier cpu_ticks): percent of the machine busy since
  local b t
  read -r b t < <(cpu_ticks)
  awk -v b="$(( b - $1 ))" -v t="$(( t - $2 ))" 'BEGIN { printf "%.0f\n", (t > 0 ? 100 * b / t : 0) }'
}
# Figures taken while something else keeps the machine busy say little: wait (at most QUIET_WAIT_S, default 300) for
# the machine to be below QUIET_BUSY_MAX percent busy (default 15) over 3 s. QUIET_BUSY_MAX=0 skips the wait.
wait_for_quiet() {
  local max=${QUIET_BUSY_MAX:-15} limit=${QUIET_WAIT_S:-300} waited=0 busy b t
  [ "$max" -gt 0 ] || return 0
  while :; do
    read -r b t < <(cpu_ticks); sleep 3
    busy=$(busy_since "$b" "$t")
    if [ "$busy" -lt "$max" ]; then [ "$waited" -gt 0 ] && log "machine quiet ($busy% busy) after ${waited}s"; return 0; fi
    [ "$waited" -ge "$limit" ] && { log "WARNING: machine still ${busy}% busy after ${limit}s; measuring anyway"; return 0; }
    [ "$waited" -eq 0 ] && log "machine ${busy}% busy with other work; waiting up to ${limit}s for it to settle"
    waited=$(( waited + 3 ))
  done
}

# --- docs/benchmarks.md --------------------------------------------------------------------------------------------
# Puts FILE between <!-- NAME:begin --> and <!-- NAME:end --> in docs/benchmarks.md, replacing what stood there, or
# appends it at the end when the markers are missing (bench/run-ledger-bench.sh rewrites the file without them).
docs_section() { # NAME FILE
  local name=$1 file=$2 out=${DOCS_FILE:-docs/benchmarks.md} section
  section=$(mktemp)
  { echo "<!-- $name:begin (generated by a script under bench/; do not edit by hand, rerun it) -->"; echo; cat "$file"; echo
    echo "<!-- $name:end -->"; } > "$section"
  if grep -q "<!-- $name:begin" "$out" 2>/dev/null; then
    awk -v section="$section" -v b="<!-- $name:begin" -v e="<!-- $name:end -->" '
      index($0, b) == 1 { while ((getline line < section) > 0) print line; skip = 1; next }
      index($0, e) == 1 { skip = 0; next }
      !skip { print }' "$out" > "$out.new" && mv "$out.new" "$out"
  else
    { echo; cat "$section"; } >> "$out"
  fi
  rm -f "$section"
  log "wrote the figures into $out (section $name)"
}
thousands() { echo "$1" | awk '{ n = sprintf("%.0f", $1); while (n ~ /[0-9]{4}/) sub(/[0-9]{3}($|,)/, ",&", n); sub(/,,/, ",", n); gsub(/,,/, ",", n); print n }'; }
