# Chinese typography of the bundled issue, read back from the PDF (see
# tests/typography.py): prohibitions, dashes, 孤字, flush lines, gaps.
. tests/lib.sh
command -v pdftotext >/dev/null || { echo "missing pdftotext"; exit 77; }
$REPRINT build content/tianjin-zhengxie-2022-08 -o "$TMP/issue.pdf" 2>/dev/null || { fail build; finish; }
$REPRINT build content/tianjin-zhengxie-2022-08 --dump=lines >"$TMP/lines"
pdftotext -raw "$TMP/issue.pdf" "$TMP/text"
python3 tests/typography.py "$TMP/lines" "$TMP/text"
