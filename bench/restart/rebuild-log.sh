#!/bin/bash
# How long a start takes when the transparency log must be built from the journal, as the first start after V24 does
# (docs/design/transparency-log.md, "Upgrade"; docs/benchmarks.md, sixteenth pass). Run it on THROWAWAY books, for
# example the H2 data directory that `KEEP_DATA=1 bench/trace/run-trace-bench.sh` leaves:
#
#   bench/restart/rebuild-log.sh DATA_DIR JAR build    # runs and mark removed: the log built from the journal
#   bench/restart/rebuild-log.sh DATA_DIR JAR check    # mark removed only: each stored run checked against the journal
#
# It removes the log's mark (and in `build` mode its runs, with the append-only trigger taken off) through H2's Shell,
# starts JAR with -Xmx256m on DATA_DIR, and prints the seconds until /health answers. H2's Shell runs with H2's jar
# alone, so re-creating the trigger fails ("class not found") and the books are left without it: they are for this
# measurement only. Needs a JDK 21+ at JAVA (default: the temurin-25 of this machine) and the H2 jar in ~/.m2 (or at H2_JAR).
set -e
dir=$1; jar=$2; mode=$3
JAVA=${JAVA:-/usr/lib/jvm/temurin-25-jdk-amd64/bin/java}
H2=${H2_JAR:-$HOME/.m2/repository/com/h2database/h2/2.4.240/h2-2.4.240.jar}
sql="DELETE FROM projection_built WHERE name = 'transparency-log'"
if [ "$mode" = build ]; then
  sql="$sql; DROP TRIGGER log_run_append_only; DELETE FROM log_run; CREATE TRIGGER log_run_append_only BEFORE UPDATE, DELETE ON log_run FOR EACH ROW CALL 'org.mingzhang.store.AppendOnlyTrigger'"
fi
$JAVA -cp $H2 org.h2.tools.Shell -url "jdbc:h2:file:$dir/mingzhang" -user sa -sql "SELECT COUNT(*), SUM(leaves) FROM log_run; SELECT COUNT(*) FROM log_checkpoint; $sql" 
start=$(date +%s.%N)
MINGZHANG_DATA_DIR=$dir MINGZHANG_PORT=18397 MINGZHANG_ADMIN_TOKEN=rebuild-token-0123456789abcdef $JAVA -Xmx256m -jar $jar > /tmp/rebuild-$mode.log 2>&1 &
pid=$!
until curl -sf http://127.0.0.1:18397/health > /dev/null; do sleep 0.1; kill -0 $pid || { echo "service died"; tail -20 /tmp/rebuild-$mode.log; exit 1; }; done
end=$(date +%s.%N)
echo "$mode: /health after $(echo "$end - $start" | bc) s"
grep -i "startup completed" /tmp/rebuild-$mode.log | tail -1
kill $pid; wait $pid || true
$JAVA -cp $H2 org.h2.tools.Shell -url "jdbc:h2:file:$dir/mingzhang" -user sa -sql "SELECT COUNT(*), SUM(leaves) FROM log_run; SELECT * FROM projection_built WHERE name = 'transparency-log'"
