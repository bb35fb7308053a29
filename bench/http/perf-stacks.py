#!/usr/bin/env python3
"""Which share of a process's `perf` samples had each named function on its stack (inclusive time).

Used on the writer's PostgreSQL backend under the HTTP benchmark (docs/benchmarks.md, ninth pass):
    perf record -F 999 -g -p <the backend's pid> -o /tmp/pg.perf -- sleep 10
    perf script -i /tmp/pg.perf > /tmp/pg.perf.txt
    bench/http/perf-stacks.py /tmp/pg.perf.txt
The backend is the busiest `postgres: ... mz_http_bench_...` process during the measured run. Prints, besides the
functions below, the planning done at the protocol level (not under SPI or PL/pgSQL) and under the row-by-row
foreign-key checks (SPI_execute_snapshot).
"""
import re
import sys

FUNCTIONS = ["pg_plan_queries", "GetCachedPlan", "SPI_execute_snapshot", "plpgsql_exec_trigger", "AfterTriggerEndQuery",
             "ExecInsertIndexTuples", "ExecCheckIndexConstraints", "array_in", "CommitTransactionCommand", "XLogFlush",
             "heap_insert", "heap_update", "standard_ExecutorStart", "ExecInitNode", "PortalRun"]


def stacks(path):
    """The samples of `perf script`'s text: a header line, then one frame a line, then a blank line."""
    found, frames = [], None
    for line in open(path, encoding='utf-8', errors='replace'):
        if line and not line[0].isspace():
            if frames:
                found.append(frames)
            frames = []
            continue
        parts = line.strip().split(None, 1)
        if frames is not None and len(parts) == 2:
            frames.append(re.sub(r'\+0x[0-9a-f]+$', '', parts[1].split(' (')[0]))
    if frames:
        found.append(frames)
    return found


def main(path):
    samples = stacks(path)
    if not samples:
        sys.exit('no samples in ' + path)

    def share(test):
        return 100 * sum(1 for s in samples if test(s)) / len(samples)

    print(f'{len(samples)} samples')
    for f in FUNCTIONS:
        print(f'{f:30s} {share(lambda s: f in s):5.1f}%')
    print(f'{"planning, protocol level":30s} {share(lambda s: "pg_plan_queries" in s and "SPI_execute_snapshot" not in s and "plpgsql_exec_trigger" not in s):5.1f}%')
    print(f'{"planning, foreign-key checks":30s} {share(lambda s: "pg_plan_queries" in s and "SPI_execute_snapshot" in s):5.1f}%')


if __name__ == '__main__':
    main(sys.argv[1])
