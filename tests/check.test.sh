# reprint check (the editor's report), -q and -v: the report read back
# against the line dump and the PDF (tests/check_report.py), content
# warnings at their exact file:line:col, exit codes, options per command.
. tests/lib.sh
R=$(pwd)/$REPRINT
ISSUE=content/tianjin-zhengxie-2022-08

# ---- the bundled issue: the report agrees with the other stages --------
$R check $ISSUE --json >"$TMP/report.json"
check_eq "check --json: exit 0" $? 0
$R build $ISSUE --dump=lines >"$TMP/lines.txt"
$R build $ISSUE -o "$TMP/issue.pdf" -q
pages=$(pdfinfo "$TMP/issue.pdf" | awk '/^Pages:/ {print $2}')
python3 tests/check_report.py "$TMP/report.json" "$TMP/lines.txt" "$pages" >"$TMP/py.txt"
check_eq "report agrees with the line dump and the PDF: $(tail -n 1 "$TMP/py.txt")" $? 0
grep '^FAIL' "$TMP/py.txt"
check "total fit avoided 孤字 that greedy breaking leaves" python3 -c "
import json,sys; t=json.load(open('$TMP/report.json'))['totals']
sys.exit(not (t['runts_avoided'] > 0 and t['runts'] == 0))"
$R check $ISSUE --first-fit --json >"$TMP/ff.json"
check "--first-fit: 孤字 left, none avoided" python3 -c "
import json,sys; t=json.load(open('$TMP/ff.json'))['totals']
sys.exit(not (t['runts'] > 0 and t['runts_avoided'] == 0))"
# pages to look at = the page feet tests/pages.py measures from the PDF
mutool draw -F stext -o "$TMP/issue.stext" "$TMP/issue.pdf" 2>/dev/null
feet=$(python3 tests/pages.py "$TMP/issue.stext" layout/tianjin-zhengxie.yaml 天津政协 2022年第8期 \
    总第419期 $ISSUE | sed -n 's/^page feet left empty before a headline overleaf: .* pages //p')
got=$(python3 -c "import json; print([(p['pdf_page'], p['empty_foot_lines']) for p in json.load(open('$TMP/report.json'))['pages_to_look_at']])")
check_eq "pages to look at = the empty page feet read from the PDF" "$got" "$feet"
$R check $ISSUE >"$TMP/report.txt"
check "text report: closing line" grep -Eq '^[0-9]+ errors?, [0-9]+ warnings?, [0-9]+ lines? and [0-9]+ pages? to look at$' "$TMP/report.txt"
check "text report: a row per article" test "$(grep -c "^[0-9].* $ISSUE/.*\.md " "$TMP/report.txt")" -eq \
    "$(python3 -c "import json; print(len(json.load(open('$TMP/report.json'))['articles']))")"

# ---- content warnings, at the character ----------------------------------
cp -r tests/fixtures/mini "$TMP/lint"
f="$TMP/lint/19-tan-shichang.md"
n=$(wc -l <"$f")
printf '\n中文,文字  之间 有空格（未闭合，还有》多余。\n\n他说"好"，然后...走了。\n' >>"$f"
line=$((n + 2))
$R check "$TMP/lint" >"$TMP/lint.txt" 2>"$TMP/lint.err"
check_eq "warnings alone: exit 0" $? 0
check "warnings go to the report, not stderr" test ! -s "$TMP/lint.err"
for want in \
    "$f:$line:3: warning: half-width \",\" in Chinese text (GB/T 15834 sets \"，\")" \
    "$f:$line:6: warning: two spaces in a row" \
    "$f:$line:10: warning: a space between Chinese characters" \
    "$f:$line:14: warning: \"（\" not closed" \
    "$f:$line:21: warning: \"》\" without an opening \"《\"" \
    "$f:$((line + 2)):3: warning: half-width '\"' in Chinese text (GB/T 15834 sets '“ or ”')" \
    "$f:$((line + 2)):9: warning: an ellipsis of full stops (GB/T 15834 sets \"……\")"; do
    check "content warning: ${want#"$f":}" grep -qxF "$want" "$TMP/lint.txt"
done
$R check "$TMP/lint" --strict >/dev/null 2>&1
check_eq "--strict with warnings: exit 1" $? 1
$R check tests/fixtures/mini --json | python3 -c "import json,sys; json.load(sys.stdin)"
check_eq "mini issue: valid JSON" $? 0
# a quotation over two title lines is one quotation
check "a quotation over two printed lines is not flagged" sh -c \
    "! grep -q '25-jianwu.*without an opening' '$TMP/report.txt'"

# a character the body face lacks (CJK Extension B) is counted and located
cp -r tests/fixtures/mini "$TMP/glyph"
printf '\n这里有一个罕见字符\360\252\233\212。\n' >>"$TMP/glyph/19-tan-shichang.md"
gline=$(( $(wc -l <"$TMP/glyph/19-tan-shichang.md") ))
$R check "$TMP/glyph" --json >"$TMP/glyph.json"
check "a missing glyph: counted, warned at its character" python3 -c "
import json,sys; d=json.load(open('$TMP/glyph.json'))
ms=[m for a in d['articles'] for m in a['messages']]
sys.exit(not (d['totals']['missing_glyphs'] == 1 and len(ms) == 1 and ms[0]['at']['line'] == $gline
              and ms[0]['at']['column'] == 10 and 'U+2A6CA' in ms[0]['message']))"

# ---- errors ----------------------------------------------------------------
cp -r tests/fixtures/mini "$TMP/broken"
printf -- '---\nkind: article\ntitle: [unclosed\n---\n' >"$TMP/broken/19-tan-shichang.md"
$R check "$TMP/broken" >"$TMP/broken.out" 2>"$TMP/broken.err"
check_eq "an error in the content: exit 1" $? 1
check "the error on stderr with file:line:col" grep -q "19-tan-shichang.md:[0-9]*:[0-9]*: error:" "$TMP/broken.err"
$R check "$TMP/nowhere" >/dev/null 2>&1
check_eq "missing issue: exit 1" $? 1
cp -r tests/fixtures/mini "$TMP/nodesign"
sed -i 's/^layout: .*/layout: default/' "$TMP/nodesign/issue.yaml"
ln=$(grep -n '^layout:' "$TMP/nodesign/issue.yaml" | cut -d: -f1)
$R build "$TMP/nodesign" -o "$TMP/nd.pdf" 2>"$TMP/nd.err"
check_eq "a design that is not there: exit 1" $? 1
check "…named at issue.yaml:$ln:9, with the designs there are" \
    grep -q "nodesign/issue.yaml:$ln:9: error: no design file .*default.yaml; the designs in .* are: .*tianjin-zhengxie" "$TMP/nd.err"
$R build "$TMP/nodesign" -o "$TMP/nd.pdf" --layout layout/tianjin-zhengxie.yaml 2>/dev/null
check_eq "…and --layout overrides it: exit 0" $? 0

# ---- options ---------------------------------------------------------------
$R check $ISSUE --png "$TMP/x" >/dev/null 2>&1; check_eq "check --png: exit 2" $? 2
$R build $ISSUE --json >/dev/null 2>&1; check_eq "build --json: exit 2" $? 2
$R build $ISSUE -q -v >/dev/null 2>&1; check_eq "-q with -v: exit 2" $? 2
$R build $ISSUE --proof --print >/dev/null 2>&1; check_eq "--proof with --print: exit 2" $? 2
$R clean "$SEED" --json >/dev/null 2>&1; check_eq "clean --json: exit 2" $? 2
check "check needs an issue directory" sh -c "$R check 2>&1 | grep -q 'check needs an issue directory'"

# ---- -q and -v ---------------------------------------------------------------
$R build "$TMP/lint" -o "$TMP/q.pdf" -q 2>"$TMP/q.err"
check_eq "build -q: exit 0" $? 0
check "build -q: nothing on stderr" test ! -s "$TMP/q.err"
$R build tests/fixtures/mini -o "$TMP/v.pdf" -v 2>"$TMP/v.err"
check "build -v: says what it wrote" grep -q "^reprint: wrote $TMP/v.pdf: [0-9]* pages, [0-9]* KB$" "$TMP/v.err"
check "build -v: stage times" grep -q "^reprint: time: render" "$TMP/v.err"
$R build tests/fixtures/mini -o "$TMP/n.pdf" 2>"$TMP/n.err"
check "build without -v, not a terminal: silent" test ! -s "$TMP/n.err"

# ---- progress on a terminal ---------------------------------------------------
# `script` gives the command a terminal; the bundled issue with PNGs takes
# well over the 200 ms before the progress line shows.
if command -v script >/dev/null; then
    script -qec "$R build $ISSUE -o '$TMP/t.pdf' --png '$TMP/tpng' --dpi 30" /dev/null >"$TMP/tty.out"
    check_eq "on a terminal: exit 0" $? 0
    check "on a terminal: pages counted" grep -q "reprint: drawing PDF page [0-9]* of [0-9]*" "$TMP/tty.out"
    check "on a terminal: PNG pages counted" grep -q "reprint: writing PNG page [0-9]* of [0-9]*" "$TMP/tty.out"
    check "on a terminal: the line is erased at the end" python3 -c "import sys; sys.exit(not open('$TMP/tty.out', 'rb').read().endswith(b'\\r\\x1b[K'))"
    script -qec "$R build $ISSUE -o '$TMP/t.pdf' --png '$TMP/tpng' --dpi 30 -q" /dev/null >"$TMP/tty-q.out"
    check "on a terminal with -q: silent" test ! -s "$TMP/tty-q.out"
fi
finish
