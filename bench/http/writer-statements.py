#!/usr/bin/env python3
"""Where a PostgreSQL batch of the writer spends its time, from the server's statement log.

Run the HTTP benchmark with every statement logged, for the service's connections only:
    PG_URL_PARAMS='options=-c%20log_min_duration_statement%3D0' DATABASES=postgresql DOCS=0 PROFILE=0 \\
        WARMUP_S=30 DURATION_S=10 bench/http/run-http-bench.sh
then give this script the part of the server's log written meanwhile and the seconds to read at its end:
    bench/http/writer-statements.py /tmp/pg.log 8
(log_line_prefix '%m [%p] %q%u@%d '). The writer's backend is the one that inserts into journal_transaction; a batch
is one such insert. Printed: wall time and the backend's busy time per batch, the busiest statements, and the time
before each statement that the backend waited for the writer (the gap between two log lines less the statement's own).
"""
import collections
import datetime
import re
import sys

LINE = re.compile(r'^(\S+ \S+) UTC \[(\d+)\] \S+ LOG:  duration: ([\d.]+) ms  (\w+)(?: [^:]*)?: (.*)$')


def at(stamp):
    return datetime.datetime.strptime(stamp, '%Y-%m-%d %H:%M:%S.%f').timestamp()


def main(path, seconds):
    lines = open(path, encoding='utf-8', errors='replace').read().split('\n')
    records = []
    for i, line in enumerate(lines):
        m = LINE.match(line)
        if m:
            stamp, pid, ms, kind, text = m.groups()
            # The writer's pipelined statements are logged with their text on the next line, indented by a tab.
            if not text.strip() and i + 1 < len(lines) and lines[i + 1].startswith('\t'):
                text = lines[i + 1].strip()
            records.append((stamp, pid, ms, kind, text))
    writers = collections.Counter(r[1] for r in records if 'INSERT INTO journal_transaction' in r[4])
    if not writers:
        sys.exit('no insert into journal_transaction in the log')
    pid = writers.most_common(1)[0][0]
    mine = [r for r in records if r[1] == pid]
    start = at(mine[-1][0]) - seconds
    mine = [r for r in mine if at(r[0]) >= start]
    batches = sum(1 for r in mine if r[3] == 'execute' and 'INSERT INTO journal_transaction' in r[4])
    span_ms = (at(mine[-1][0]) - at(mine[0][0])) * 1000
    busy = collections.Counter()
    waited = collections.Counter()
    for before, r in zip([None] + mine, mine):
        text = re.sub(r'\s+', ' ', r[4])[:80]
        key = f'{r[3]:8s} {text}'
        busy[key] += float(r[2])
        if before:
            waited[key] += (at(r[0]) - at(before[0])) * 1000 - float(r[2])
    print(f'backend {pid}: {batches} batches in {span_ms / 1000:.1f} s; per batch {span_ms / batches:.2f} ms of wall time, '
          f'the backend busy {sum(busy.values()) / batches:.2f} ms')
    print('busiest statements, ms per batch:')
    for key, ms in busy.most_common(15):
        print(f'{ms / batches:8.3f}  {key}')
    print('waiting for the writer before each statement, ms per batch:')
    for key, ms in waited.most_common(10):
        print(f'{ms / batches:8.3f}  {key}')


if __name__ == '__main__':
    main(sys.argv[1], float(sys.argv[2]))
