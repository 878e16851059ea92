#!/bin/sh
# Runs every test of `make check`: the unit-test binaries given as arguments,
# then each tests/*.test.sh script. Every test prints "N passed, N failed"
# as its last line; this script adds them up and prints the total last.
# A test that exits 77 was skipped (a prerequisite is missing).
cd "$(dirname "$0")/.." || exit 2
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

run() {
    name=$1
    shift
    "$@" >"$log" 2>&1
    rc=$?
    summary=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -n 1)
    if [ "$rc" = 77 ]; then
        echo "SKIP $name"
        return
    fi
    if [ -z "$summary" ]; then
        cat "$log"
        echo "FAIL $name (exit $rc, no summary line)"
        total_fail=$((total_fail + 1))
        return
    fi
    p=${summary%% passed*}
    f=${summary#*, }
    f=${f%% failed}
    if [ "$rc" != 0 ] && [ "$f" = 0 ]; then
        f=1
    fi
    total_pass=$((total_pass + p))
    total_fail=$((total_fail + f))
    if [ "$f" != 0 ]; then
        grep -v -E '^(ok|PASS) ' "$log"
        echo "FAIL $name: $summary"
    else
        echo "ok   $name: $summary"
    fi
}

for t in "$@"; do
    run "$(basename "$t")" "$t"
done
for t in tests/*.test.sh; do
    run "$(basename "$t" .test.sh)" sh "$t"
done
echo "$total_pass passed, $total_fail failed"
[ "$total_fail" = 0 ]
