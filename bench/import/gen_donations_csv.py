#!/usr/bin/env python3
"""Writes a CSV for POST /api/v1/donations/import: ROWS gifts to FUND, 1 in 5 restricted to PROJECT,
1 in 20 in kind from an enterprise, and about 1% bad rows spread through the file (a third decimal,
an unknown channel, an unknown project, a project whose fundraising window has closed).

usage: gen_donations_csv.py FUND PROJECT CLOSED_PROJECT ROWS KEY_PREFIX > gifts.csv
"""
import csv
import sys
from datetime import datetime, timedelta, timezone

CREDIT_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]


def credit_code(first17):
    """A unified social credit code with its check character (GB 32100), as the service checks it."""
    total = sum(CREDIT_CHARS.index(c) * w for c, w in zip(first17, CREDIT_WEIGHTS))
    return first17 + CREDIT_CHARS[(31 - total % 31) % 31]


fund, project, closed, rows, prefix = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]), sys.argv[5]
cst = timezone(timedelta(hours=8))
received = (datetime.now(cst) - timedelta(hours=1)).replace(microsecond=0).isoformat()
channels = ["BANK_TRANSFER", "CASH", "WECHAT_PAY", "ALIPAY", "CHARITY_SALE"]
out = csv.writer(sys.stdout, lineterminator="\n")
out.writerow(["idempotencyKey", "fundCode", "projectCode", "amount", "channel", "donorName", "donorKind", "donorPhone",
              "donorIdNumber", "donorCreditCode", "anonymous", "publicNameConsent", "receivedAt", "note",
              "inKindDescription", "inKindQuantity", "inKindValuationBasis"])
for i in range(1, rows + 1):
    key = f"{prefix}-{i:06d}"
    amount = f"{i % 997 + 1}.{i % 100:02d}"
    proj = project if i % 5 == 0 else ""
    row = [key, fund, proj, amount, channels[i % 5], f"捐赠人{i % 3000}", "PERSON", f"138{i % 100000000:08d}", "",
           "", "false", "true" if i % 3 == 0 else "false", received, f"第{i}笔, 社区义捐", "", "", ""]
    if i % 20 == 0:
        row[2] = ""
        row[4] = "IN_KIND"
        row[5:10] = [f"某商贸有限公司{i % 50}", "ENTERPRISE", "", "", credit_code(f"91370100MA3C{i % 100000:05d}")]
        row[14:17] = ["大米", f"{i % 40 + 1}袋", "市价每袋50元"]
    bad = i % 400                         # 4 bad rows in 400: 1%
    if bad == 37:
        row[3] = "12.345"                 # INVALID: amount with a third decimal
    elif bad == 137:
        row[4] = "PAYPAL"                 # INVALID: unknown channel
    elif bad == 237:
        row[2] = "NO-SUCH-PROJECT"        # REFUSED: project must exist
    elif bad == 337:
        row[2] = closed                   # REFUSED: received outside the project's window
    out.writerow(row)
