# The command line: usage, exit codes, diagnostics for bad input (one case
# per directory of tests/bad/, its first message in `expected`), outputs
# that appear whole or not at all, and golden stage dumps.
. tests/lib.sh
R=$(pwd)/$REPRINT

# ---- usage -------------------------------------------------------------
check "--version" sh -c "$R --version | grep -q '^reprint [0-9]'"
check "--help names every command" sh -c "$R --help | grep -q 'build ISSUE_DIR' && $R --help | grep -q clean && $R --help | grep -q fonts"
$R >/dev/null 2>&1; check_eq "no command: exit 2" $? 2
$R frobnicate >/dev/null 2>&1; check_eq "unknown command: exit 2" $? 2
$R build tests/fixtures/mini --bogus >/dev/null 2>&1; check_eq "unknown option: exit 2" $? 2
$R build tests/fixtures/mini --dump=nothing >/dev/null 2>&1; check_eq "unknown dump: exit 2" $? 2
$R build tests/fixtures/mini --png "$TMP/p" --dpi 5 >/dev/null 2>&1; check_eq "bad --dpi: exit 2" $? 2
$R build "$TMP/nowhere" >/dev/null 2>"$TMP/err"; check_eq "missing issue: exit 1" $? 1
check "missing issue: names issue.yaml" grep -q "nowhere/issue.yaml: error: cannot open" "$TMP/err"
check "fonts lists every role" sh -c "$R fonts | grep -q '^body  *Noto Serif CJK SC' && test \$($R fonts | wc -l) -ge 16"

# ---- bad input ---------------------------------------------------------
for dir in tests/bad/*/; do
    case=$(basename "$dir")
    want=$(cat "$dir/expected")
    rm -f "$TMP/out.pdf"
    got=$(cd tests/bad && "$R" build "$case" -o "$TMP/out.pdf" 2>&1 >/dev/null | head -n 1)
    rm -f "$TMP/out.pdf"
    rc=$(cd tests/bad && "$R" build "$case" -o "$TMP/out.pdf" >/dev/null 2>&1; echo $?)
    check_eq "bad/$case: first message" "$got" "$want"
    case $want in
    *error:*)
        check_eq "bad/$case: exit 1" "$rc" 1
        check "bad/$case: no output file" test ! -e "$TMP/out.pdf" ;;
    *)
        check_eq "bad/$case: exit 0" "$rc" 0
        check "bad/$case: output written" test -s "$TMP/out.pdf" ;;
    esac
done

# ---- outputs appear whole or not at all -----------------------------------
$R build tests/fixtures/mini -o "$TMP/good.pdf" 2>/dev/null
cp "$TMP/good.pdf" "$TMP/keep.pdf"
(cd tests/bad && "$R" build unknown-key -o "$TMP/good.pdf" >/dev/null 2>&1)
check "a failed build keeps the previous good file" cmp "$TMP/good.pdf" "$TMP/keep.pdf"
check "a failed build leaves no temporary file" sh -c "! ls '$TMP' | grep -q tmp-"
$R build tests/fixtures/mini -o "$TMP/no/such/dir/x.pdf" >/dev/null 2>"$TMP/err"
check_eq "output in a missing directory: exit 2" $? 2
check "output in a missing directory: message names it" grep -q "no/such/dir/x.pdf: error: cannot create output file" "$TMP/err"
$R build tests/fixtures/mini -o "$TMP/mini.pdf" --png "$TMP/png" --dpi 30 2>/dev/null
check "--png writes one PNG per page" test "$(ls "$TMP/png" | wc -l)" = "$(pdfinfo "$TMP/mini.pdf" | awk '/^Pages:/ { print $2 }')"

# ---- golden dumps (UPDATE=1 rewrites them; review the diff) -------------
# ---- a contents entry other than the title (toc:) ------------------------
cp -r tests/fixtures/mini "$TMP/toc"
sed -i 's/^title:$/toc:\n  - "碳市场建设的建议"\ntitle:/' "$TMP/toc/19-tan-shichang.md"
$R build "$TMP/toc" -o "$TMP/toc.pdf" 2>/dev/null
check_eq "toc: builds" $? 0
contents=$(pdftotext -f 2 -l 2 "$TMP/toc.pdf" - 2>/dev/null)
check "toc: the contents show the toc line" sh -c "echo '$contents' | grep -q '^碳市场建设的建议'"
check "toc: not the title's lines" sh -c "! echo '$contents' | grep -q '推动我市碳达峰碳中和工作的建议'"
check "toc: the headline keeps the title" sh -c "pdftotext '$TMP/toc.pdf' - | grep -q '推动我市碳达峰碳中和工作的建议'"

for stage in tree runs lines pages; do
    golden=tests/golden/mini.$stage
    $R build tests/fixtures/mini --dump=$stage >"$TMP/dump" 2>/dev/null
    if [ "${UPDATE:-}" = 1 ]; then cp "$TMP/dump" "$golden"; fi
    if diff -u "$golden" "$TMP/dump" >"$TMP/diff"; then
        pass "golden --dump=$stage"
    else
        head -n 40 "$TMP/diff"
        fail "golden --dump=$stage"
    fi
done
finish
