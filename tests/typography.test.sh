# Chinese typography of the bundled issue, read back from the PDF:
# prohibitions, dashes, 孤字, flush lines and gap widths from the line dump
# and the extracted text (tests/typography.py), and from the characters'
# positions (tests/typography_pdf.py, through mutool's structured text).
. tests/lib.sh
for tool in pdftotext mutool; do
    command -v $tool >/dev/null || { echo "missing $tool"; exit 77; }
done
$REPRINT build content/tianjin-zhengxie-2022-08 -o "$TMP/issue.pdf" 2>/dev/null || { fail build; finish; }
$REPRINT build content/tianjin-zhengxie-2022-08 --dump=lines >"$TMP/lines"
pdftotext -raw "$TMP/issue.pdf" "$TMP/text"
python3 tests/typography.py "$TMP/lines" "$TMP/text" | sed '$d'
python3 tests/typography.py "$TMP/lines" "$TMP/text" >/dev/null
check_eq "typography of the lines and the raw text" $? 0
mutool draw -q -F stext -o "$TMP/stext" "$TMP/issue.pdf" 2>/dev/null
python3 tests/typography_pdf.py "$TMP/stext" 10.5 "$TMP/lines" | sed '$d'
python3 tests/typography_pdf.py "$TMP/stext" 10.5 "$TMP/lines" >/dev/null
check_eq "typography of the characters' positions" $? 0
# pdftotext in its default (layout-analysing) mode must not invent spaces
# between Han characters either: none of the printed gaps (U+3000)
# comes out as one, and nothing else may.
pdftotext "$TMP/issue.pdf" "$TMP/text-default"
spaces=$(python3 -c 'import re, sys
print(len(re.findall("[\u4e00-\u9fff] [\u4e00-\u9fff]", open(sys.argv[1], encoding="utf-8").read())))' "$TMP/text-default")
check_eq "pdftotext (default mode): lines with a space between Han characters" "$spaces" 0
finish
