#!/usr/bin/env bash
# Times POST /api/v1/donations/import of a generated 100,000-row CSV (1% bad rows) against a running
# server, then the same file again (every good row a replay).
# usage: bench_import.sh BASE_URL ADMIN_TOKEN [ROWS]
set -euo pipefail
BASE=$1; ADMIN=$2; ROWS=${3:-100000}
HERE=$(cd "$(dirname "$0")" && pwd)
j() { python3 -c "import sys,json; print(json.load(sys.stdin)$1)"; }
user() { curl -sf -X POST "$BASE/api/v1/users" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$1\",\"roles\":[\"$2\"]}" | j "['token']"; }
ACC=$(user bench-accountant-$RANDOM ACCOUNTANT); COM=$(user bench-committee-$RANDOM COMMITTEE)
FUND=B$RANDOM$RANDOM
curl -sf -X POST "$BASE/api/v1/funds" -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"code\":\"$FUND\",\"name\":\"压测基金\",\"level\":\"CITY\"}" >/dev/null
project() { # code, opens (days from now), closes (days from now)
  local opens closes
  opens=$(date -u -d "$2 days" +%Y-%m-%dT%H:%M:%S+00:00); closes=$(date -u -d "$3 days" +%Y-%m-%dT%H:%M:%S+00:00)
  curl -sf -X POST "$BASE/api/v1/projects" -H "Authorization: Bearer $ACC" -H 'Content-Type: application/json' -d "{
    \"code\":\"$1\",\"fundCode\":\"$FUND\",\"title\":\"道路硬化\",\"category\":\"便民维修\",\"need\":\"土路泥泞\",
    \"goals\":[\"硬化道路\"],\"targetAmount\":\"50000.00\",\"budget\":[{\"item\":\"材料\",\"amount\":\"50000.00\"}],
    \"plan\":\"募集后施工\",\"team\":[{\"name\":\"王主任\",\"role\":\"负责人\"}],
    \"fundraisingOpensAt\":\"$opens\",\"fundraisingClosesAt\":\"$closes\"}" >/dev/null
  curl -sf -X POST "$BASE/api/v1/projects/$1/submit" -H "Authorization: Bearer $ACC" >/dev/null
  curl -sf -X POST "$BASE/api/v1/projects/$1/approve" -H "Authorization: Bearer $COM" >/dev/null
}
project "$FUND-OPEN" -30 30
project "$FUND-SHUT" -30 -2
CSV=$(mktemp --suffix=.csv)
python3 "$HERE/gen_donations_csv.py" "$FUND" "$FUND-OPEN" "$FUND-SHUT" "$ROWS" "$FUND" > "$CSV"
echo "fund $FUND: $(($(wc -l < "$CSV") - 1)) rows, $(wc -c < "$CSV") bytes"
for run in first replay; do
  OUT=$(mktemp)
  T=$( { /usr/bin/time -f %e curl -s -o "$OUT" -w '%{http_code}' -X POST "$BASE/api/v1/donations/import" \
        -H "Authorization: Bearer $ACC" -H 'Content-Type: text/csv' --data-binary @"$CSV" >/dev/null; } 2>&1 )
  echo "$run: ${T}s wall; $(python3 -c "import json,sys; d=json.load(open('$OUT')); print({k: d[k] for k in ('rows','created','replayed','refused','invalid')})")"
done
echo "gifts in $FUND: $(curl -s "$BASE/api/v1/funds/$FUND" -H "Authorization: Bearer $ACC" | j "['cash']") cash; verify: $(curl -s "$BASE/api/v1/ledger/verify" -H "Authorization: Bearer $ACC")"
