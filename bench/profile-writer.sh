#!/usr/bin/env bash
# Runs one ledger scenario under Java Flight Recorder and prints where the writer thread's time goes:
# waiting for PostgreSQL per step of the write path, and its own CPU per step and library.
#
#   bench/profile-writer.sh batch-random          # or single-random, single-hot, batch-hot
#   CLIENTS=64 DURATION_S=10 bench/profile-writer.sh single-random
#
# Same settings as run-ledger-bench.sh (PGHOST, PGPORT, PGUSER, PGPASSWORD, SKIP_BUILD, MVN_OFFLINE).
# Extra JVM options for the bench (say -Dsome.flag=x) go in JAVA_OPTS.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
cd "$here"
scenario=${1:?usage: bench/profile-writer.sh single-random|single-hot|batch-random|batch-hot}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres} PGPASSWORD=${PGPASSWORD:-}
CLIENTS=${CLIENTS:-16}
DURATION_S=${DURATION_S:-10}
WARMUP_S=${WARMUP_S:-4}
java="$(.mvn/find-jdk.sh)/bin/java"
if [ "${SKIP_BUILD:-0}" != 1 ]; then
  ./mvnw -q ${MVN_OFFLINE:+-o} -DskipTests package -pl bench -am
fi
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Every socket read and write of the writer, with its stack, and CPU samples every 10 ms.
cat > "$work/writer.jfc" <<'JFC'
<?xml version="1.0" encoding="UTF-8"?>
<configuration version="2.0">
  <event name="jdk.SocketRead"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">0 ms</setting></event>
  <event name="jdk.SocketWrite"><setting name="enabled">true</setting><setting name="stackTrace">true</setting><setting name="threshold">0 ms</setting></event>
  <event name="jdk.ExecutionSample"><setting name="enabled">true</setting><setting name="period">10 ms</setting></event>
</configuration>
JFC
# The recording starts when the scenario's warm-up does not matter: the writer's events are all kept
# and divided by all the transfers it wrote, warm-up included.
"$java" ${JAVA_OPTS:-} -XX:StartFlightRecording:filename="$work/writer.jfr",settings="$work/writer.jfc" \
  -jar bench/target/mingzhang-bench.jar --admin-url "jdbc:postgresql://$PGHOST:$PGPORT/postgres" --user "$PGUSER" \
  --password "$PGPASSWORD" --scenarios "$scenario" --clients "$CLIENTS" --duration-s "$DURATION_S" --warmup-s "$WARMUP_S" \
  2>/dev/null | tee "$work/out.txt" | grep -v '^|' | sed -n '/^==/,/CORRECT\|FAILED/p'
transfers=$(sed -n 's/.*acknowledged \([0-9,]*\) .*/\1/p' "$work/out.txt" | head -n 1 | tr -d ,)
per_commit=$(sed -n 's/.*, \([0-9.]*\) transfers per commit.*/\1/p' "$work/out.txt" | head -n 1)
commits=$(awk -v t="$transfers" -v p="$per_commit" 'BEGIN { printf "%d", t / p }')
echo
"$java" -cp bench/target/mingzhang-bench.jar org.mingzhang.bench.WriterProfile "$work/writer.jfr" "$transfers" "$commits"
