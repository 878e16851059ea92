# The PDF read back through poppler and qpdf: structure, fonts, text,
# page count, running heads, reproducibility. Runs on the test fixture and
# on the bundled issue.
. tests/lib.sh
for tool in qpdf pdffonts pdftotext pdfinfo mutool; do
    command -v $tool >/dev/null || { echo "missing $tool"; exit 77; }
done

pdf_checks() {
    name=$1 dir=$2 pdf=$TMP/$1.pdf
    if ! $REPRINT build "$dir" -o "$pdf" 2>"$TMP/$name.err"; then
        cat "$TMP/$name.err"
        fail "$name: build"
        return
    fi
    pass "$name: build"
    check "$name: qpdf --check" qpdf --check "$pdf"
    pdffonts "$pdf" | tail -n +3 >"$TMP/$name.fonts"
    check "$name: fonts listed" test -s "$TMP/$name.fonts"
    check "$name: every font embedded and subset" \
        awk '{ if ($(NF-4) != "yes" || $(NF-3) != "yes") exit 1 }' "$TMP/$name.fonts"
    check "$name: no Type 3 fonts" sh -c "! grep -q 'Type 3' '$TMP/$name.fonts'"
    pages=$(pdfinfo "$pdf" | awk '/^Pages:/ { print $2 }')
    dumped=$($REPRINT build "$dir" --dump=pages | grep -c '^page ')
    check_eq "$name: page count matches the composed pages" "$pages" "$dumped"
    size=$(pdfinfo "$pdf" | awk '/^Page size:/ { printf "%.0fx%.0f", $3 * 25.4 / 72, $5 * 25.4 / 72 }')
    check_eq "$name: page size is 210x285 mm" "$size" "210x285"
    $REPRINT build "$dir" --dump=lines >"$TMP/$name.lines"
    pdftotext -raw "$pdf" "$TMP/$name.txt"
    check "$name: every set line extracts exactly (no invented spaces)" \
        python3 tests/lines_extracted.py "$TMP/$name.lines" "$TMP/$name.txt"
    # Every page with a folio carries the running head with that folio (the
    # cover and the contents page have none).
    heads_ok=yes
    $REPRINT build "$dir" --dump=pages | awk '/^page / { print $2, $4 }' >"$TMP/folios"
    while read -r p folio; do
        [ "$folio" = 0 ] && continue
        pdftotext -raw -f "$p" -l "$p" "$pdf" - | tr -d '\n\f' >"$TMP/page.txt"
        grep -q "天津政协${folio}" "$TMP/page.txt" || heads_ok="no (page $p, folio $folio)"
    done <"$TMP/folios"
    check_eq "$name: running head (magazine, folio) on every page with a folio" "$heads_ok" yes
    # Tools that read the fonts' own character maps (mutool) must get the
    # document's characters, not look-alike Kangxi radicals (⽉ for 月).
    mutool draw -q -F txt -o "$TMP/$name.mutool.txt" "$pdf" 2>/dev/null
    radicals=$(python3 -c 'import re, sys
print(len(re.findall("[\u2e80-\u2fdf]", open(sys.argv[1], encoding="utf-8").read())))' "$TMP/$name.mutool.txt")
    check_eq "$name: no Kangxi radicals in mutool's text" "$radicals" 0
    $REPRINT build "$dir" -o "$TMP/$name-again.pdf" 2>/dev/null
    check "$name: two builds are byte-identical" cmp "$pdf" "$TMP/$name-again.pdf"
}

pdf_checks mini tests/fixtures/mini
check "mini: title and author metadata" sh -c \
    "pdfinfo '$TMP/mini.pdf' | grep -q '^Title: *《天津政协》2022年第8期（总第419期）' &&
     pdfinfo '$TMP/mini.pdf' | grep -q '^Author: *天津政协'"
check_eq "mini: creation date from the issue date" \
    "$(pdfinfo -isodates "$TMP/mini.pdf" | awk '/^CreationDate:/ { print $2 }')" "2022-08-01T00:00:00Z"
SOURCE_DATE_EPOCH=1700000000 $REPRINT build tests/fixtures/mini -o "$TMP/epoch.pdf"
check_eq "mini: creation date from SOURCE_DATE_EPOCH" \
    "$(pdfinfo -isodates "$TMP/epoch.pdf" | awk '/^CreationDate:/ { print $2 }')" "2023-11-14T22:13:20Z"
pdf_checks issue content/tianjin-zhengxie-2022-08
finish
