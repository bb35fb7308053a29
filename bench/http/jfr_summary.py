#!/usr/bin/env python3
"""Summarises a Java Flight Recorder file of the service as Markdown: where the CPU samples fall by thread group
(request handlers, the ledger writer, Netty's event loops) and by component (JSON, auth, SQL driver, jOOQ, ledger
core, Micronaut, Netty...), the hottest methods, the JVM's and the machine's CPU load, and the exceptions thrown.

usage: jfr_summary.py JFR_BINARY RECORDING.jfr [GIFTS]   (GIFTS: 201 answers during the recording, for per-gift figures)

Samples are jdk.ExecutionSample events (a Java thread caught running Java code, every 10 ms with settings=profile;
time in native code, waiting or in GC is not sampled). A sample's component is found by walking its stack from the
top frame down to the first frame of a library or of our code that the table below names; JDK frames on the way
(HashMap, String, MessageDigest...) are counted with their caller.
"""
import collections
import re
import subprocess
import sys

jfr, recording = sys.argv[1], sys.argv[2]
gifts = int(sys.argv[3]) if len(sys.argv) > 3 and sys.argv[3] else 0

COMPONENTS = [  # first match, from the top frame down
    ("org.postgresql.", "SQL: PostgreSQL driver (pgjdbc)"),
    ("org.h2.", "SQL: H2 engine"),
    ("com.zaxxer.hikari.", "SQL: connection pool"),
    ("org.jooq.", "SQL: jOOQ (rendering, binding, mapping)"),
    ("com.fasterxml.jackson.", "JSON (Jackson / Micronaut serde)"),
    ("io.micronaut.serde.", "JSON (Jackson / Micronaut serde)"),
    ("io.micronaut.json.", "JSON (Jackson / Micronaut serde)"),
    ("io.micronaut.jackson.", "JSON (Jackson / Micronaut serde)"),
    ("org.mingzhang.api.auth.", "auth (org.mingzhang.api.auth: token lookup, roles)"),
    ("org.mingzhang.api.", "api: controllers, validation, views"),
    ("org.mingzhang.store.", "ledger-core: jOOQ stores (our code)"),
    ("org.mingzhang.", "ledger-core: writer, journal, gifts, matching"),
    ("io.netty.", "HTTP I/O (Netty)"),
    ("io.micronaut.", "Micronaut: routing, filters, binding"),
    ("ch.qos.logback.", "logging"),
    ("org.slf4j.", "logging"),
]


def component(frames):
    for cls, _ in frames:
        for prefix, name in COMPONENTS:
            if cls.startswith(prefix):
                return name
    return "JDK / other (no library frame)"


def group(thread, virtual):
    if thread == "mingzhang-ledger-writer":
        return "ledger writer (mingzhang-ledger-writer)"
    if virtual or thread.startswith("virtual-"):
        return "request handlers (virtual threads)"
    if "eventLoopGroup" in thread:
        return "Netty event loops"
    if thread.startswith("ForkJoinPool-"):
        return "virtual-thread carriers"
    return "other: " + re.sub(r"\d+", "N", thread)


def package(cls):
    parts = cls.split(".")
    n = 2 if parts[0] in ("java", "javax", "jdk", "sun") else 3
    return ".".join(parts[:n])


def events(kind, depth):
    """Yields (fields, frames) per event of the kind, from `jfr print` (text, streamed)."""
    proc = subprocess.Popen([jfr, "print", "--events", kind, "--stack-depth", str(depth), recording],
                            stdout=subprocess.PIPE, text=True, errors="replace")
    fields, frames, in_stack = {}, [], False
    for line in proc.stdout:
        s = line.strip()
        if s.endswith("{") and not s.startswith("stackTrace"):
            fields, frames, in_stack = {}, [], False
        elif s.startswith("stackTrace = ["):
            in_stack = True
        elif in_stack:
            if s == "]":
                in_stack = False
            elif s != "..." and "(" in s:
                name = s.split("(", 1)[0]
                if "." in name:
                    frames.append(tuple(name.rsplit(".", 1)))
        elif s == "}":
            yield fields, frames
        elif " = " in s:
            key, value = s.split(" = ", 1)
            fields[key] = value
    proc.wait()


def thread_of(value):
    m = re.match(r'"(.*)" \(javaThreadId = \d+(, virtual)?\)', value or "")
    return (m.group(1), bool(m.group(2))) if m else (value or "?", False)


def pct(a, b):
    return f"{100.0 * a / b:.1f}%" if b else "-"


samples = 0
by_group = collections.Counter()
by_component = collections.Counter()
by_group_component = collections.Counter()
by_method = collections.Counter()
by_package = collections.Counter()
by_own = collections.Counter()
inclusive = collections.Counter()
for fields, frames in events("jdk.ExecutionSample", 512):
    if not frames:
        continue
    samples += 1
    thread, virtual = thread_of(fields.get("sampledThread"))
    g, c = group(thread, virtual), component(frames)
    by_group[g] += 1
    by_component[c] += 1
    by_group_component[(g, c)] += 1
    by_method[(frames[0][0] + "." + frames[0][1], g)] += 1
    by_package[package(frames[0][0])] += 1
    own = next((f"{cls.rsplit('.', 1)[-1]}.{m}" for cls, m in frames if cls.startswith("org.mingzhang.")), "(none: outside our code)")
    by_own[(own, g)] += 1
    for name in {f"{cls.rsplit('.', 1)[-1]}.{m}" for cls, m in frames
                 if cls.startswith("org.mingzhang.") and not cls.rsplit('.', 1)[-1].startswith("$")}:  # not Micronaut's generated
        inclusive[(name, g)] += 1

out = []
w = out.append
w(f"{samples} CPU samples (jdk.ExecutionSample){f', {gifts} gifts answered 201 meanwhile' if gifts else ''}.")
w("")
groups = [g for g, _ in by_group.most_common()]
w("By thread group and component (share of all samples; a component is the first library or our own code found "
  "walking down from the top frame):")
w("")
w("| component | all threads | " + " | ".join(groups) + " |")
w("|---|---:|" + "---:|" * len(groups))
for c, n in by_component.most_common():
    w(f"| {c} | {pct(n, samples)} | " + " | ".join(pct(by_group_component[(g, c)], samples) for g in groups) + " |")
w("| **all components** | 100% | " + " | ".join(pct(by_group[g], samples) for g in groups) + " |")
w("")
w("Hottest methods (top frame, self time):")
w("")
w("| method | thread group | samples |")
w("|---|---|---:|")
for (m, g), n in by_method.most_common(15):
    w(f"| `{m}` | {g} | {pct(n, samples)} |")
w("")
w("Our code nearest the top of the stack (the first `org.mingzhang` frame walking down: which of our methods the time "
  "is spent in or below, SQL and JSON included):")
w("")
w("| our method | thread group | samples |")
w("|---|---|---:|")
for (m, g), n in by_own.most_common(12):
    w(f"| `{m}` | {g} | {pct(n, samples)} |")
w("")
w("Our methods by inclusive time (share of all samples with the method anywhere on the stack; nested calls overlap):")
w("")
w("| our method | thread group | samples |")
w("|---|---|---:|")
for (m, g), n in inclusive.most_common(15):
    w(f"| `{m}` | {g} | {pct(n, samples)} |")
w("")
w("Top frame by package (self time): " + ", ".join(f"{p} {pct(n, samples)}" for p, n in by_package.most_common(12)) + ".")
w("")

# CPU load: the JVM's and the machine's (jdk.CPULoad, every second) and per thread group (jdk.ThreadCPULoad).
loads = [(float(f.get("jvmUser", "0%").rstrip("%")) + float(f.get("jvmSystem", "0%").rstrip("%")),
          float(f.get("machineTotal", "0%").rstrip("%"))) for f, _ in events("jdk.CPULoad", 1)]
loads = loads[1:] or loads  # the first reading of a recording is all zeros
thread_loads = collections.defaultdict(list)
for f, _ in events("jdk.ThreadCPULoad", 1):
    thread, virtual = thread_of(f.get("eventThread"))
    thread_loads[thread].append(float(f.get("user", "0%").rstrip("%")) + float(f.get("system", "0%").rstrip("%")))
if loads:
    jvm = sum(l[0] for l in loads) / len(loads)
    machine = sum(l[1] for l in loads) / len(loads)
    per_group = collections.Counter()
    for thread, values in thread_loads.items():
        per_group[group(thread, False)] += sum(values) / len(values)
    w(f"CPU load (share of the whole machine, mean of jdk.CPULoad each second): the service's JVM {jvm:.0f}%, the machine "
      f"{machine:.0f}% (the rest is the load generator, PostgreSQL and anything else). By platform thread "
      "(jdk.ThreadCPULoad; request handlers run as virtual threads on the carriers; GC and the JIT are not Java threads): "
      + ", ".join(f"{g} {v:.0f}%" for g, v in per_group.most_common(6) if v >= 0.5) + ".")
    w("")

# The single writer's wall time (org.mingzhang.WriterBatch, one event a batch): what CPU samples cannot show, the
# writer waiting for its callers or for the database.
UNITS = {"ns": 1e-6, "us": 1e-3, "ms": 1.0, "s": 1000.0, "min": 60000.0}


def span_ms(value):
    number, unit = (value or "0 ns").split()
    return float(number.replace(",", "")) * UNITS[unit]


PARTS = [("waited", "waiting for a first command (the writer idle)"),
         ("gathered", "gathering the commands that the last batch's callers send next"),
         ("read", "reading ahead (the journal's prefetch, request keys, the projections' rows)"),
         ("decided", "deciding every command in memory, the projections' rows"),
         ("committed", "writing the batch, committing, forcing it to disk")]
batches = list(events("org.mingzhang.WriterBatch", 1))
if batches:
    totals = collections.Counter()
    for f, _ in batches:
        for key, _ in PARTS:
            totals[key] += span_ms(f.get(key))
        totals["duration"] += span_ms(f.get("duration"))
        totals["commands"] += int(f.get("commands", "0"))
    wall = totals["waited"] + totals["duration"]
    rest = totals["duration"] - sum(totals[key] for key, _ in PARTS if key != "waited")
    n = len(batches)
    w(f"Where the single writer's wall time went (its own event `org.mingzhang.WriterBatch`, one a batch): {n:,} batches of "
      f"{totals['commands'] / n:.1f} commands on average, {wall / n:.2f} ms a batch from one batch's end to the next's:")
    w("")
    w("| the writer was | ms a batch | share of its wall time |")
    w("|---|---:|---:|")
    for key, label in PARTS:
        w(f"| {label} | {totals[key] / n:.2f} | {pct(totals[key], wall)} |")
    w(f"| answering the callers, and the rest | {rest / n:.2f} | {pct(rest, wall)} |")
    w("")

exceptions = collections.Counter()
for f, frames in events("jdk.JavaExceptionThrow", 1):
    exceptions[f.get("thrownClass", "?").split(" (")[0]] += 1
if exceptions:
    w("Exceptions thrown (jdk.JavaExceptionThrow): " + ", ".join(f"`{c}` {n:,}" for c, n in exceptions.most_common(5))
      + (f" ({sum(exceptions.values()) / gifts:.2f} per gift)" if gifts else "") + ".")
print("\n".join(out))
