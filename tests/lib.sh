# tests/lib.sh - helpers for the shell tests: ok/fail counting and the
# closing "N passed, N failed" line. Source it, call check_* and finish.
PASS=0
FAIL=0
REPRINT=${REPRINT:-build/reprint}
SEED=../shared/seed/000_0767d733b3962005.txt
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT

pass() { PASS=$((PASS + 1)); echo "ok $1"; }
fail() { FAIL=$((FAIL + 1)); echo "FAIL $1"; }

# check NAME COMMAND...: passes when the command succeeds.
check() {
    _name=$1
    shift
    if "$@" >/dev/null 2>&1; then pass "$_name"; else fail "$_name"; fi
}

# check_eq NAME GOT WANT
check_eq() {
    if [ "$2" = "$3" ]; then pass "$1"; else fail "$1: got '$2', want '$3'"; fi
}

finish() {
    echo "$PASS passed, $FAIL failed"
    [ "$FAIL" = 0 ]
    exit $?
}
