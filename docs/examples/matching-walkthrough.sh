#!/usr/bin/env bash
# A walk through gifts and seed-fund matching against a running Mingzhang (./run): a seed fund, a matching
# pool, a community project approved by someone other than its submitter, six gifts with receipts, trace codes
# and the provisional match, then the close of fundraising that settles the match. Run it on a fresh data dir.
# usage: docs/examples/matching-walkthrough.sh [BASE_URL] [ADMIN_TOKEN_FILE]
set -euo pipefail
BASE=${1:-http://localhost:8080}
ADMIN=$(cat "${2:-data/admin-token}")
user() { curl -s -X POST $BASE/api/v1/users -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$1\",\"roles\":[\"$2\"]}" | sed -E 's/.*"token":"([^"]+)".*/\1/'; }
ACC=$(user 王会计 ACCOUNTANT); COM=$(user 李委员 COMMITTEE)
out=$(mktemp -d)
post() { curl -s -X POST "$BASE/api/v1$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid)" -d "$3"; echo; }

# The county seed fund and its money; a street and a community fund below a city fund.
post /funds $ACC '{"code":"YGCSZH","name":"县慈善总会种子基金","level":"SEED"}' > /dev/null
post /ledger/transactions $ACC '{"fundCode":"YGCSZH","memo":"种子资金","postings":[{"accountCode":"1002","debit":"100000.00"},{"accountCode":"410101","credit":"100000.00"}]}' > /dev/null
post /funds $ACC '{"code":"CITY","name":"市级基金","level":"CITY"}' > /dev/null
post /funds $ACC '{"code":"JD","name":"街道基金","level":"STREET","parentCode":"CITY"}' > /dev/null
post /funds $ACC '{"code":"TXSQ","name":"天星社区基金","level":"COMMUNITY","parentCode":"JD"}' > /dev/null

# A matching pool: 8,000.00 moved out of the seed fund; 10% / 20% / 30% by amount raised.
post /matching-pools $ACC '{"code":"YG-2026","name":"2026年社区基金配捐","sponsorFundCode":"YGCSZH","budget":"8000.00","mode":"FLAT",
  "tiers":[{"minRaised":"0.00","rate":"0.10"},{"minRaised":"10000.00","rate":"0.20"},{"minRaised":"30000.00","rate":"0.30"}],
  "perProjectCap":"5000.00","perDonationCap":"2000.00","opensAt":"2026-01-01T00:00:00+08:00","closesAt":"2026-12-31T23:59:59+08:00",
  "settlement":"AT_PROJECT_CLOSE"}'

# A project plan, submitted by the accountant and approved by a committee member.
post /projects $ACC '{"code":"TXSQ-2026-001","fundCode":"TXSQ","title":"楼道照明改造","category":"便民维修","need":"三号楼楼道夜间无照明",
  "goals":["更换36盏感应灯"],"targetAmount":"20000.00","budget":[{"item":"灯具与安装","amount":"20000.00"}],"plan":"五月采购，六月安装",
  "team":[{"name":"王师傅","role":"电工"}],"fundraisingOpensAt":"2026-05-01T00:00:00+08:00","fundraisingClosesAt":"2026-11-30T23:59:59+08:00",
  "matchingPoolCode":"YG-2026"}' > /dev/null
post /projects/TXSQ-2026-001/submit $ACC '{}' > /dev/null
post /projects/TXSQ-2026-001/approve $COM '{}' > /dev/null

# Gifts: each gets a receipt number, a trace code and the project's provisional match.
for i in 1 2 3 4 5 6; do
post /donations $ACC "{\"fundCode\":\"TXSQ\",\"projectCode\":\"TXSQ-2026-001\",\"amount\":\"2500.00\",\"channel\":\"WECHAT_PAY\",
  \"donor\":{\"name\":\"居民$i\",\"kind\":\"PERSON\",\"phone\":\"1380000000$i\"},\"receivedAt\":\"2026-06-0${i}T10:00:00+08:00\"}"  > "$out/gift$i.json"
done
cat "$out/gift6.json"

# Fundraising closes: the match settles (12,000.00 counted → 20% → 2,400.00) and moves from the pool.
post /projects/TXSQ-2026-001/close-fundraising $ACC '{}' > /dev/null
curl -s $BASE/api/v1/projects/TXSQ-2026-001/match -H "Authorization: Bearer $ACC"; echo
curl -s $BASE/api/v1/matching-pools/YG-2026 -H "Authorization: Bearer $ACC"; echo
curl -s $BASE/api/v1/funds/TXSQ -H "Authorization: Bearer $ACC"; echo
curl -s $BASE/api/v1/ledger/verify -H "Authorization: Bearer $ACC"; echo
