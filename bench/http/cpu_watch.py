#!/usr/bin/env python3
"""Where the machine's CPU goes while a measurement runs: samples /proc every half second until it gets SIGTERM, then
prints one line of clock ticks used meanwhile: "machine_busy machine_total service postgresql".

usage: cpu_watch.py SERVICE_PID DATABASE > ticks   (SERVICE_PID 0: none; DATABASE empty: the server's background only)

"postgresql" is the server's background processes (checkpointer, WAL writer...) plus the backends connected to
DATABASE, including backends that connect and end while it watches (their ticks are taken at the last sample that
saw them, so up to half a second of each one's life may be missed); other databases' backends are not counted.
"""
import os
import signal
import sys
import time

service, database = sys.argv[1], sys.argv[2]


def machine():
    with open("/proc/stat") as f:
        v = [int(x) for x in f.readline().split()[1:9]]
    total = sum(v)
    return total - v[3] - v[4], total


def ticks(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            rest = f.read().rsplit(")", 1)[1].split()
        return int(rest[11]) + int(rest[12]), rest[19]  # utime + stime, start time (tells a reused pid apart)
    except (OSError, IndexError, ValueError):
        return None


def postgres():
    seen = {}
    for p in os.listdir("/proc"):
        if not p.isdigit():
            continue
        try:
            with open(f"/proc/{p}/comm") as f:
                if f.read().strip() != "postgres":
                    continue
            with open(f"/proc/{p}/cmdline", "rb") as f:
                title = f.read().replace(b"\0", b" ").decode(errors="replace").split()
        except OSError:
            continue
        # a backend: "postgres: 15/main: USER DATABASE HOST(PORT) STATE"; the background: "postgres: 15/main: walwriter"
        backend = len(title) >= 5 and ("(" in title[4] or title[4] == "[local]")
        if backend and title[3] != database:
            continue
        t = ticks(p)
        if t:
            seen[(p, t[1])] = t[0]
    return seen


stop = False


def on_term(*_):
    global stop
    stop = True


signal.signal(signal.SIGTERM, on_term)
busy0, total0 = machine()
service0 = (ticks(service) or (0, ""))[0] if service != "0" else 0
baseline = postgres()  # processes already running: count only what they use from now on
last = dict(baseline)
service_last = service0
while not stop:
    time.sleep(0.5)
    for key, value in postgres().items():
        last[key] = value
    if service != "0":
        t = ticks(service)
        if t:
            service_last = t[0]
busy1, total1 = machine()
for key, value in postgres().items():
    last[key] = value
pg = sum(value - baseline.get(key, 0) for key, value in last.items())
print(busy1 - busy0, total1 - total0, service_last - service0, pg)
