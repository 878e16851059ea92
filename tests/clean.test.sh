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
check "clean: without --layout, the placeholder is reported" \
    grep -q 'the layout is "default", which names no design' "$TMP/cleaned/clean-report.txt"

# The guide's path: clean naming a design, then check and build at once.
$REPRINT clean "$SEED" -o "$TMP/named" --layout tianjin-zhengxie 2>/dev/null
check "clean --layout: issue.yaml names the design" grep -q '^layout: "*tianjin-zhengxie"*$' "$TMP/named/issue.yaml"
check "clean --layout: no placeholder to report" sh -c "! grep -q 'which names no design' '$TMP/named/clean-report.txt'"
$REPRINT check "$TMP/named" >"$TMP/named.report" 2>"$TMP/named.err"
check_eq "the cleaned issue checks without errors" $? 0
check "…and its report ends with the closing line" grep -Eq '^0 errors, [0-9]+ warnings' "$TMP/named.report"
$REPRINT build "$TMP/named" -o "$TMP/named.pdf" -q
check_eq "…and builds" $? 0
finish
