#!/usr/bin/env python3
"""What H2 wrote at each commit, by table and index: reads MVStoreTool's dump of a database file (one "chunk" per
commit, each page with its map id and size) and H2MapNames.java's list of maps, and prints the bytes and pages per
chunk of the newest CHUNKS chunks, by map and by table. Used by commit-anatomy.sh.

usage: commit-anatomy.py DUMP MAP_NAMES [CHUNKS]
"""
import collections
import re
import sys

dump, names_file = sys.argv[1], sys.argv[2]
last = int(sys.argv[3]) if len(sys.argv) > 3 else 100
names = {}
for line in open(names_file):
    map_id, _, what = line.split()
    names[int(map_id, 16)] = what
names.setdefault(0, "(MVStore's layout: chunk list and map roots)")
chunk_bytes = collections.defaultdict(collections.Counter)
chunk_pages = collections.defaultdict(collections.Counter)
chunk = None
chunk_version = {}
page = re.compile(r'\+\w+ (?:leaf|node), map (\w+), \d+ entries, (\d+) bytes')
for line in open(dump):
    if 'chunkHeader' in line:
        chunk = int(re.search(r'chunk:([0-9a-f]+)', line).group(1), 16)
        # Chunk ids are reused once a chunk is dropped; the version orders them as they were written.
        chunk_version[chunk] = int(re.search(r'version:([0-9a-f]+)', line).group(1), 16)
    elif chunk is not None and line.startswith('+'):
        m = page.match(line)
        if m:
            chunk_bytes[chunk][int(m.group(1), 16)] += int(m.group(2))
            chunk_pages[chunk][int(m.group(1), 16)] += 1
# H2 compacts for up to MAX_COMPACT_TIME (200 ms) when the store closes, rewriting old pages into new chunks many times
# a commit's size: those chunks are not commits. Left out: the newest chunks from the first one that holds more than
# four times the median chunk's pages, when it is among the newest tenth (none when the service ran with
# H2_URL_SUFFIX=';MAX_COMPACT_TIME=0').
order = sorted(chunk_bytes, key=lambda c: (chunk_version[c], c))
sizes = sorted(sum(chunk_pages[c].values()) for c in order)
median = sizes[len(sizes) // 2] if sizes else 0
closing = len(order)
for i in range(len(order) - 1, max(-1, len(order) - 1 - len(order) // 10), -1):
    if sum(chunk_pages[order[i]].values()) > 4 * median:
        closing = i
if closing < len(order):
    left_out = order[closing:]
    print(f"left out {len(left_out)} chunks written as the store closed (H2's compaction at close: "
          f"{sum(sum(chunk_pages[c].values()) for c in left_out) / len(left_out):.0f} pages each, "
          f"against a median of {median})\n")
chosen = order[:closing][-last:]
if not chosen:
    sys.exit("no chunks in " + dump)
by_map, pages = collections.Counter(), collections.Counter()
for c in chosen:
    by_map.update(chunk_bytes[c])
    pages.update(chunk_pages[c])
n = len(chosen)
total = sum(by_map.values())
print(f"{n} newest chunks (commits): {total / n / 1024:.0f} KiB and {sum(pages.values()) / n:.0f} pages written per chunk\n")
print("| table or index | KiB per chunk | pages per chunk | share |")
print("|---|---:|---:|---:|")
for m, b in by_map.most_common(25):
    print(f"| {names.get(m, hex(m))} | {b / n / 1024:.1f} | {pages[m] / n:.1f} | {b * 100 / total:.1f}% |")
by_table = collections.Counter()
for m, b in by_map.items():
    by_table[names.get(m, '?').split('.')[0]] += b
print("\n| table (with its indexes) | KiB per chunk | share |")
print("|---|---:|---:|")
for t, b in by_table.most_common(15):
    print(f"| {t} | {b / n / 1024:.1f} | {b * 100 / total:.1f}% |")
