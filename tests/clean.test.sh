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

# One line on stderr says what was written and how much there is to check.
C=$TMP/cleaned
articles=$(grep -c '^      - [0-9]*-article\.md$' "$C/issue.yaml")
boxes=$(grep -c '^      - [0-9]*-box\.md$' "$C/issue.yaml")
places=$(sed -n 's/^# clean-report.txt: \([0-9]*\) places.*/\1/p' "$C/clean-report.txt")
check_eq "clean: one line says what it wrote" "$(cat "$TMP/err")" \
    "reprint: wrote $articles articles and $boxes box into $C; clean-report.txt lists $places places to check"
$REPRINT clean "$SEED" -o "$TMP/quiet" -q 2>"$TMP/quiet.err"
check_eq "clean -q: exit 0" $? 0
check_eq "clean -q: prints nothing" "$(cat "$TMP/quiet.err")" ""

# Report entries send the editor to the file and line holding the text.
# The sections entry gives both counts, and the line of sections: in issue.yaml.
sections=$(grep -c '^  - title:' "$C/issue.yaml")
heads_line=$(grep -n '^sections:' "$C/issue.yaml" | cut -d: -f1)
check "clean: the sections entry names issue.yaml and both counts" grep -Eq \
    ": → issue.yaml:$heads_line: $sections sections taken from the [0-9]+ running heads found" "$C/clean-report.txt"
check "clean: the seed's first interleaving is sent to 04-article.md, line 9" \
    grep -Fq ":1430: → 04-article.md:9: interleaved articles: lines 1430-1433" "$C/clean-report.txt"
check "clean: a headline line is sent to the subtitle item that holds it" sh -c \
    "grep -F ':4255: → 14-article.md:6: a second headline' '$C/clean-report.txt' &&
     sed -n 6p '$C/14-article.md' | grep -Fq '  - \"市政协召开“一中心两站”工作交流会'"
# Every entry that names a line of an article's body: that line holds the
# raw line's text (spaces and Markdown escapes aside).
python3 - "$SEED" "$C" >"$TMP/homes" <<'EOF'
import re, sys
raw = open(sys.argv[1], encoding='utf-8').read().split('\n')
found = wrong = 0
for entry in open(sys.argv[2] + '/clean-report.txt', encoding='utf-8'):
    m = re.match(r'^.*?:(\d+): \u2192 (\d\d-\w+\.md):(\d+): ', entry)
    if not m:
        continue
    no, name, line = int(m.group(1)), m.group(2), int(m.group(3))
    md = open(sys.argv[2] + '/' + name, encoding='utf-8').read().split('\n')
    if line <= md.index('---', 1) + 1:
        continue  # the front matter: a value as the headline printed it
    text = re.sub(r'[\s\\*#\u3000]', '', md[line - 1])
    found += 1
    if re.sub(r'\s', '', raw[no - 1]) not in text:
        wrong += 1
        print('not at the line named:', entry.strip())
print(found, wrong)
EOF
check "clean: entries naming a body line: that line holds the raw line's text" \
    grep -Eq '^[1-9][0-9]* 0$' "$TMP/homes"

# Cleaning again into an issue the editor has worked on is refused and
# changes nothing.
echo "编辑改过的段落。" >>"$C/01-article.md"
before=$(cd "$C" && cksum -- *)
$REPRINT clean "$SEED" -o "$C" 2>"$TMP/again.err"
check_eq "clean into an edited issue: exit 1" $? 1
check_eq "…says why" "$(cat "$TMP/again.err")" \
    "$C: error: already holds an issue (issue.yaml); clean writes a fresh skeleton and would overwrite your edits: give a new directory, or remove this one first"
check_eq "…and changes nothing" "$(cd "$C" && cksum -- *)" "$before"

# The guide's path: clean naming a design, then check and build at once.
$REPRINT clean "$SEED" -o "$TMP/named" --layout tianjin-zhengxie 2>/dev/null
check "clean --layout: issue.yaml names the design" grep -q '^layout: "*tianjin-zhengxie"*$' "$TMP/named/issue.yaml"
check "clean --layout: no placeholder to report" sh -c "! grep -q 'which names no design' '$TMP/named/clean-report.txt'"
$REPRINT check "$TMP/named" >"$TMP/named.report" 2>"$TMP/named.err"
check_eq "the cleaned issue checks without errors" $? 0
check "…and its report ends with the closing line" grep -Eq '^0 errors, [0-9]+ warnings?,' "$TMP/named.report"
$REPRINT build "$TMP/named" -o "$TMP/named.pdf" -q
check_eq "…and builds" $? 0
finish
