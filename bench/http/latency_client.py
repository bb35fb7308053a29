#!/usr/bin/env python3
"""Answer times of single restricted gifts sent one at a time (POST /api/v1/donations, one keep-alive connection, each
request sent only after the previous answer was read): first WARMUP gifts to the warm-up project (not counted), then
SAMPLES gifts to the big project and SAMPLES to the small ones, interleaved (big, small, big, small...) so that any drift
of the machine falls on both alike; the small gifts go round robin over the small projects. Every answer must be 201
(and not a replay); anything else stops the run with the answer printed.

usage: latency_client.py BASE_URL TOKEN FUND RECEIVED_AT KEY_PREFIX WARMUP SAMPLES WARM_PROJECT BIG_PROJECT SMALL_PROJECT...
Prints one JSON object: {"big": {...}, "small": {...}} with n, median_ms, p90_ms, p99_ms, mean_ms, min_ms, max_ms.
"""
import http.client
import json
import statistics
import sys
import time
import urllib.parse

base, token, fund, received, prefix = sys.argv[1:6]
warmup, samples = int(sys.argv[6]), int(sys.argv[7])
warm_project, big = sys.argv[8], sys.argv[9]
smalls = sys.argv[10:]
url = urllib.parse.urlparse(base)
conn = http.client.HTTPConnection(url.hostname, url.port, timeout=60)
counter = 0


def gift(project):
    global counter
    counter += 1
    n = counter
    body = json.dumps({"fundCode": fund, "projectCode": project, "amount": f"{n % 500 + 1}.{n % 100:02d}",
                       "channel": "WECHAT_PAY",
                       "donor": {"name": f"居民{n % 20000}", "kind": "PERSON", "phone": f"137{n % 100000000:08d}"},
                       "receivedAt": received, "note": "社区义捐"}, ensure_ascii=False).encode()
    headers = {"Authorization": "Bearer " + token, "Content-Type": "application/json",
               "Idempotency-Key": f"{prefix}-{n}"}
    t0 = time.perf_counter()
    conn.request("POST", "/api/v1/donations", body, headers)
    reply = conn.getresponse()
    data = reply.read()
    elapsed = (time.perf_counter() - t0) * 1000.0
    if reply.status != 201 or reply.getheader("Idempotent-Replayed"):
        sys.exit(f"gift {n} to {project}: answered {reply.status}"
                 f"{' (a replay)' if reply.getheader('Idempotent-Replayed') else ''}: {data[:600].decode(errors='replace')}")
    return elapsed


def summary(times):
    ordered = sorted(times)

    def pct(p):
        return ordered[min(len(ordered) - 1, int(round(p / 100.0 * len(ordered) + 0.5)) - 1)]
    return {"n": len(times), "median_ms": round(statistics.median(times), 2), "p90_ms": round(pct(90), 2),
            "p99_ms": round(pct(99), 2), "mean_ms": round(statistics.fmean(times), 2), "min_ms": round(ordered[0], 2),
            "max_ms": round(ordered[-1], 2)}


for _ in range(warmup):
    gift(warm_project)
big_times, small_times = [], []
for i in range(samples):
    big_times.append(gift(big))
    small_times.append(gift(smalls[i % len(smalls)]))
print(json.dumps({"big": summary(big_times), "small": summary(small_times)}))
