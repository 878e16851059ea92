# The pages of the bundled issue, read back from the PDF's characters
# (tests/pages.py): grid, balanced article ends, keep rules, widows and
# orphans, running heads and folios, the contents page's numbers, column
# feet left short, page feet left empty before a headline overleaf. The
# design's front matter (cover, contents) is switched on in a copy.
. tests/lib.sh
command -v mutool >/dev/null || { echo "missing mutool"; exit 77; }
sed 's/^#\(cover:\|contents:\|  masthead:\|  lead_size:\|  leads:\|  title:\|  columns:\)/\1/' \
    layout/tianjin-zhengxie.yaml >"$TMP/layout.yaml"
$REPRINT build content/tianjin-zhengxie-2022-08 --layout "$TMP/layout.yaml" -o "$TMP/issue.pdf" \
    2>"$TMP/err" || { cat "$TMP/err"; fail build; finish; }
mutool draw -F stext -o "$TMP/issue.stext" "$TMP/issue.pdf" 2>/dev/null
python3 tests/pages.py "$TMP/issue.stext" "$TMP/layout.yaml" 天津政协 2022年第8期 总第419期 \
    content/tianjin-zhengxie-2022-08
