#!/usr/bin/env bash
# Which B-trees a restricted gift's rows enter on H2 (docs/benchmarks.md, twenty-second pass): the service is started
# once on a fresh embedded H2 file, so that Flyway builds the schema, and stopped; then H2's own catalogue
# (information_schema.indexes) lists the indexes of the tables that take a row a gift.
#
#   bench/h2/gift-indexes.sh      (builds the jar, or JAR=path/to/mingzhang.jar)
#   TABLES="JOURNAL_TRANSACTION GIFT JOURNAL_LEG ATTRIBUTION_UNIT PROJECT_DONOR"  PORT=18350
set -Eeuo pipefail
cd "$(dirname "$0")/../.."
. bench/http/lib.sh

TABLES=${TABLES:-JOURNAL_TRANSACTION GIFT JOURNAL_LEG ATTRIBUTION_UNIT PROJECT_DONOR}
PORT=${PORT:-18350}
command -v curl >/dev/null || die "curl is missing"

bench_begin gift-indexes
serve h2 "$PORT" "$work/data-h2"
wait_health 120 "$(date +%s%N)" >/dev/null || die "the service did not start"
stop_server # H2 holds its file's lock while the service runs

in_list=$(printf "'%s'," $TABLES); in_list=${in_list%,}
# The Shell ends with "(N rows, …)": N is the entries a gift's rows add, one per index of each table.
"$java" -cp "$jar" org.h2.tools.Shell -url "jdbc:h2:file:$work/data-h2/mingzhang" -user sa -sql \
  "SELECT table_name, index_name, index_type_name FROM information_schema.indexes WHERE table_name IN ($in_list) ORDER BY 1, 2"
echo "$jar_note"
