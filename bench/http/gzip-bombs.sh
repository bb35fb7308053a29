#!/usr/bin/env bash
# Gzip bombs against a small heap (docs/reliability.md, "Hostile input"): the service on the embedded H2 with -Xmx256m,
# then BOMBS gift requests at once, each a gzip body of about 200 KB that inflates to MB megabytes of JSON. Every answer
# must be a 413 (the JSON body limit counts the inflated bytes), /health must still answer 200 afterwards, and the log
# must hold no OutOfMemoryError. Prints the answers' statuses counted and exits non-zero when any of that fails.
#
#   bench/http/gzip-bombs.sh                 (builds the jar, or JAR=path/to/mingzhang.jar)
#   BOMBS=32 MB=200 HEAP=-Xmx256m PORT=18340
set -Eeuo pipefail
cd "$(dirname "$0")/../.."
. bench/http/lib.sh

BOMBS=${BOMBS:-32}
MB=${MB:-200}
HEAP=${HEAP:--Xmx256m}
PORT=${PORT:-18340}
for tool in python3 curl; do command -v "$tool" >/dev/null || die "$tool is missing"; done

bench_begin gzip-bombs 'rm -f "$work/bomb.gz"'

python3 - "$MB" >"$work/bomb.gz" <<'EOF'
import sys, zlib
gzip = zlib.compressobj(9, zlib.DEFLATED, 31)  # 31: the gzip wrapper
out = [gzip.compress(b'{"fundCode":"')]
mib = b'A' * (1024 * 1024)
out += [gzip.compress(mib) for _ in range(int(sys.argv[1]))]
out += [gzip.compress(b'"}'), gzip.flush()]
sys.stdout.buffer.write(b''.join(out))
EOF
log "a bomb of $(stat -c %s "$work/bomb.gz") bytes that inflates to $MB MiB"

serve h2 "$PORT" "$work/data-h2" -- $HEAP
wait_health 120 "$(date +%s%N)" >/dev/null || die "the service did not start"
bombs=()
for i in $(seq 1 "$BOMBS"); do
  curl -s -o /dev/null -w '%{http_code}\n' -X POST "$base/api/v1/donations" -H "Authorization: Bearer $admin_token" \
    -H 'Content-Type: application/json' -H 'Content-Encoding: gzip' -H "Idempotency-Key: bomb-$i" \
    --data-binary @"$work/bomb.gz" >"$work/status-$i" &
  bombs+=($!)
done
wait "${bombs[@]}" # not the service, which runs in the background too
statuses=$(cat "$work"/status-* | sort | uniq -c | awk '{ printf "%s%s x %s", sep, $2, $1; sep = ", " }')
health=$(curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$base/health" || true)
oom=$(grep -c OutOfMemoryError "$server_log" || true)
echo "$BOMBS bombs of $MB MiB at once, service with $HEAP: answers $statuses; /health afterwards $health; OutOfMemoryError in the log: $oom"
[ "$(cat "$work"/status-* | grep -vc '^413$' || true)" = 0 ] && [ "$health" = 200 ] && [ "$oom" = 0 ] \
  || die "a bomb was not refused with 413, or the service did not survive it"
