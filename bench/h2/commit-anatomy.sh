#!/usr/bin/env bash
# What H2 writes at each commit, by table and index, in a database file that the service wrote (docs/benchmarks.md, fifth pass).
# H2 writes a commit as one chunk of every page the commit changed (copy-on-write), so the bytes of a chunk by map
# are what each table and index cost the commit. Run it on a copy of the file of a stopped service, for example on the
# books of the HTTP benchmark: KEEP_DATA=1 DATABASES=h2 bench/http/run-http-bench.sh, then the data-h2 folder it names
# (with H2_URL_SUFFIX=';MAX_COMPACT_TIME=0' H2 does not compact at close; otherwise the chunks of that compaction,
# which are not commits, are left out and the output says how many).
#
#   bench/h2/commit-anatomy.sh /tmp/mz-http-bench.XXXX/data-h2/mingzhang.mv.db [CHUNKS=100]
#
# Needs a JDK 21+ (found as ./run finds it), python3 and the H2 jar in the local Maven repository (any build puts it there).
set -euo pipefail
cd "$(dirname "$0")/../.."
file=${1:?usage: bench/h2/commit-anatomy.sh PATH/mingzhang.mv.db [CHUNKS]}
chunks=${2:-100}
java="$(sh .mvn/find-jdk.sh)/bin/java"
version=$(sed -n 's:.*<h2.version>\(.*\)</h2.version>.*:\1:p' pom.xml)
h2jar=~/.m2/repository/com/h2database/h2/$version/h2-$version.jar
[ -f "$h2jar" ] || { echo "no H2 $version jar at $h2jar: build once (./mvnw -q -DskipTests package)" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$file" "$work/copy.mv.db"   # read-only opening still takes H2's file lock: work on a copy
"$java" -cp "$h2jar" org.h2.mvstore.MVStoreTool -dump "$work/copy.mv.db" >"$work/dump.txt"
"$java" -cp "$h2jar" bench/h2/H2MapNames.java "$work/copy" "${H2_USER:-sa}" "${H2_PASSWORD:-}" >"$work/maps.txt"
python3 bench/h2/commit-anatomy.py "$work/dump.txt" "$work/maps.txt" "$chunks"
