#!/usr/bin/env bash
# Reintroduces each defect of the bookings review (issue 9) in turn and runs the restricted-money property against it:
# every patch here must make the property fail, and the code as it is must pass. Run from the repository's root:
#   ledger-core/src/test/mutations/run.sh            (H2; add "postgres" to run the PostgreSQL property instead)
# Each patch is applied to the work tree and taken back out, whatever happens; a dirty tree under ledger-core/src/main
# is refused, so that nothing of yours is mixed in.
set -euo pipefail
cd "$(dirname "$0")/../../../.."
here=ledger-core/src/test/mutations
test_class=H2RestrictedMoneyPropertiesTest
pg=()
if [[ "${1:-}" == "postgres" ]]; then
    test_class=PostgresRestrictedMoneyPropertiesTest
    pg=(-Dmingzhang.test.pg.url="${MINGZHANG_TEST_PG_URL:-jdbc:postgresql://127.0.0.1:5432/postgres}")
fi
if ! git diff --quiet -- ledger-core/src/main; then
    echo "ledger-core/src/main has changes of its own; commit or stash them first" >&2
    exit 2
fi
./mvnw -o -q -B install -DskipTests -pl migrations >/dev/null 2>&1
property() {
    ./mvnw -o -q -B test -pl ledger-core -Dtest="$test_class" -Dsurefire.failIfNoSpecifiedTests=false "${pg[@]}" \
        >"$1" 2>&1
}
log=$(mktemp -d)
status=0
if property "$log/unchanged.txt"; then
    echo "unchanged code: the property passes"
else
    echo "unchanged code: the property FAILS (see $log/unchanged.txt)"
    status=1
fi
for patch in "$here"/*.patch; do
    name=$(basename "$patch" .patch)
    git apply "$patch"
    trap 'git apply -R "$patch"' EXIT
    if property "$log/$name.txt"; then
        echo "$name: NOT caught, the property passes with the defect back"
        status=1
    else
        what=$(grep -m1 -E 'AssertionError|Expecting|expected|IllegalStateException' "$log/$name.txt" | sed 's/^[[:space:]]*//' | cut -c1-160)
        echo "$name: caught ($what)"
    fi
    git apply -R "$patch"
    trap - EXIT
done
echo "logs in $log"
exit $status
