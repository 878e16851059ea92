# `reprint clean` on the seed: it runs, writes an issue the build reads,
# reports what it was unsure of, and reproduces most of the finished issue.
. tests/lib.sh
[ -f "$SEED" ] || { echo "no seed at $SEED"; exit 77; }
$REPRINT clean "$SEED" -o "$TMP/cleaned" 2>"$TMP/err"
check_eq "clean: exit 0" $? 0
check "clean: issue.yaml written" test -s "$TMP/cleaned/issue.yaml"
check "clean: report lists places with raw line numbers" \
    grep -q "000_0767d733b3962005.txt:[0-9][0-9]*: " "$TMP/cleaned/clean-report.txt"
check "clean: its output parses" sh -c "$REPRINT build '$TMP/cleaned' --dump=tree >'$TMP/cleaned.tree'"
$REPRINT build content/tianjin-zhengxie-2022-08 --dump=tree >"$TMP/finished.tree"
python3 tests/clean_agreement.py "$TMP/finished.tree" "$TMP/cleaned.tree" 95 | sed '$d'
python3 tests/clean_agreement.py "$TMP/finished.tree" "$TMP/cleaned.tree" 95 >/dev/null
check_eq "clean: reproduces at least 95% of the finished blocks" $? 0
finish
