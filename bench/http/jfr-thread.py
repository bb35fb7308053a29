#!/usr/bin/env python3
"""One thread's CPU samples in a Java Flight Recorder file of the service: the methods it was in, by share of its
samples, top frame (self) and anywhere on the stack (inclusive). jfr_summary.py groups all threads by component; this
answers where one thread, the writer say, spends its time (docs/benchmarks.md, tenth pass: H2's writer thread).

usage: jfr-thread.py JFR_BINARY RECORDING.jfr THREAD_REGEX [HOW_MANY]
  e.g. bench/http/jfr-thread.py "$JAVA_HOME/bin/jfr" /tmp/mz-http-bench.XXXXXX/http-h2.jfr mingzhang-ledger-writer 80
Samples are jdk.ExecutionSample events whose sampled thread's name matches THREAD_REGEX (virtual threads are named
"virtual-executor-…", Netty's loops "default-eventLoopGroup-…").
"""
import collections
import re
import subprocess
import sys

jfr, recording, thread = sys.argv[1], sys.argv[2], re.compile(sys.argv[3])
how_many = int(sys.argv[4]) if len(sys.argv) > 4 else 60
out = subprocess.run([jfr, "print", "--events", "jdk.ExecutionSample", "--stack-depth", "200", recording],
                     capture_output=True, text=True, check=True).stdout
inclusive, top, samples = collections.Counter(), collections.Counter(), 0
for event in out.split("jdk.ExecutionSample")[1:]:
    name = re.search(r'sampledThread = "([^"]*)"', event)
    frames = re.findall(r'^\s+([\w$.<>/]+)\(', event, re.M)
    if not name or not thread.search(name.group(1)) or not frames:
        continue
    samples += 1
    top[frames[0]] += 1
    for frame in set(frames):
        inclusive[frame] += 1
print(f"{samples} samples of threads matching {thread.pattern}")
print("top frame (self):")
for method, n in top.most_common(25):
    print(f"  {100 * n / samples:5.1f}%  {method}")
print("anywhere on the stack (inclusive):")
for method, n in inclusive.most_common(how_many):
    print(f"  {100 * n / samples:5.1f}%  {method}")
