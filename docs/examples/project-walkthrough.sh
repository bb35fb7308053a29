#!/usr/bin/env bash
# A project's life against a running Mingzhang (./run), from a residents' need to acceptance: the need, the plan
# that answers it, approval by someone else, gifts, payments against two budget lines (one over its line refused
# and then approved as an explicit overrun, one rejected, one beyond the project's money refused), the results,
# the leftover returned to the fund, acceptance. Each refusal prints its problem. Run it on a fresh data dir.
# usage: docs/examples/project-walkthrough.sh [BASE_URL] [ADMIN_TOKEN_FILE]
set -euo pipefail
BASE=${1:-http://localhost:8080}
ADMIN=$(cat "${2:-data/admin-token}")
user() { curl -s -X POST $BASE/api/v1/users -H "Authorization: Bearer $ADMIN" -H 'Content-Type: application/json' \
  -d "{\"name\":\"$1\",\"roles\":[\"$2\"]}" | sed -E 's/.*"token":"([^"]+)".*/\1/'; }
ACC=$(user 王会计 ACCOUNTANT); COM=$(user 李委员 COMMITTEE); COM2=$(user 赵委员 COMMITTEE)
uuid() { uuidgen 2>/dev/null || cat /proc/sys/kernel/random/uuid; }
post() { curl -s -X POST "$BASE/api/v1$1" -H "Authorization: Bearer $2" -H 'Content-Type: application/json' -H "Idempotency-Key: $(uuid)" -d "$3"; echo; }
get() { curl -s "$BASE/api/v1$1" -H "Authorization: Bearer $ACC"; echo; }
field() { sed -E "s/.*\"$1\":\"?([^\",}]*)\"?.*/\1/"; }

post /funds $ACC '{"code":"LX","name":"市级基金","level":"CITY"}' > /dev/null
post /funds $ACC '{"code":"LXJD","name":"莲溪街道基金","level":"STREET","parentCode":"LX"}' > /dev/null
post /funds $ACC '{"code":"LXSQ","name":"莲溪社区基金","level":"COMMUNITY","parentCode":"LXJD"}' > /dev/null

# 居民点单: the residents' need, and the plan that answers it (委员会接单).
NEED=$(post /needs $ACC '{"fundCode":"LXSQ","title":"北侧土路","description":"雨天泥泞，老人出行不便","raisedBy":"3号楼居民","supporters":23}' | field id)
post /projects $ACC "{\"code\":\"LXSQ-2026-001\",\"fundCode\":\"LXSQ\",\"title\":\"北侧道路硬化\",\"category\":\"便民维修\",
  \"need\":\"雨天泥泞，老人出行不便\",\"goals\":[\"硬化道路300米\",\"雨季无积水\"],\"targetAmount\":\"50000.00\",
  \"budget\":[{\"item\":\"材料\",\"amount\":\"30000.00\"},{\"item\":\"人工\",\"amount\":\"20000.00\"}],\"plan\":\"六月募集，七月施工\",
  \"team\":[{\"name\":\"陈主任\",\"role\":\"负责人\"}],\"fundraisingOpensAt\":\"2026-06-01T00:00:00+08:00\",
  \"fundraisingClosesAt\":\"2026-11-30T23:59:59+08:00\",\"needId\":$NEED}" > /dev/null
get /needs/$NEED
post /projects/LXSQ-2026-001/submit $ACC '{}' > /dev/null
post /projects/LXSQ-2026-001/approve $ACC '{}'                      # the accountant may not approve: 403
post /projects/LXSQ-2026-001/approve $COM '{"reason":"同意"}' > /dev/null

for gift in "30000.00 2026-06-05" "15000.00 2026-06-20"; do set -- $gift
post /donations $ACC "{\"fundCode\":\"LXSQ\",\"projectCode\":\"LXSQ-2026-001\",\"amount\":\"$1\",\"channel\":\"BANK_TRANSFER\",
  \"donor\":{\"name\":\"某企业\",\"kind\":\"ENTERPRISE\"},\"receivedAt\":\"${2}T10:00:00+08:00\"}" > /dev/null
done
post /projects/LXSQ-2026-001/close-fundraising $ACC '{}' > /dev/null

# Payments: requested by the accountant, approved by the committee, paid with an Idempotency-Key.
pay() { post /disbursements/$1/pay $ACC '' > /dev/null; }
req() { post /projects/LXSQ-2026-001/disbursements $ACC "{\"budgetItem\":\"$1\",\"amount\":\"$2\",\"payee\":\"$3\",\"purpose\":\"$4\",\"invoiceNo\":\"$5\"}" | field id; }
D1=$(req 材料 25000.00 某建材公司 水泥沙石 No.0452); post /disbursements/$D1/approve $COM '{}' > /dev/null; pay $D1
D2=$(req 人工 12000.00 某施工队 施工 No.0453); post /disbursements/$D2/approve $COM '{}' > /dev/null; pay $D2
D3=$(req 材料 6000.00 某建材公司 补充材料 No.0460)
post /disbursements/$D3/approve $COM '{}'                            # 1,000.00 over the 材料 line: 422
post /disbursements/$D3/approve $COM '{"approveOverrun":true,"reason":"材料涨价，委员会同意超支"}' > /dev/null; pay $D3
D4=$(req 人工 1000.00 某施工队 加班 No.0461)
post /disbursements/$D4/reject $COM2 '{"reason":"发票不符"}' > /dev/null
post /projects/LXSQ-2026-001/disbursements $ACC '{"budgetItem":"人工","amount":"5000.00","payee":"某","purpose":"人工"}'  # 2,000.00 left: 422
get /projects/LXSQ-2026-001

# Closing: results per goal, the leftover back to the fund, acceptance by the committee.
post /projects/LXSQ-2026-001/complete $ACC '{"results":"道路硬化 300 米，已通车","goalOutcomes":["完成 300 米","雨季无积水"]}' > /dev/null
post /projects/LXSQ-2026-001/leftover $COM '{"disposition":"RETURN_TO_FUND","reason":"结余退回社区基金"}' > /dev/null
post /projects/LXSQ-2026-001/accept $COM2 '{"reason":"验收合格"}' | field status
get /ledger/funds/LXSQ/trial-balance
get /ledger/verify
