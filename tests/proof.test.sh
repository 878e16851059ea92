#!/bin/sh
# The editor's proof (build --proof, issue 8): the page is trim + bleed with
# TrimBox and BleedBox, the marks are drawings outside the tag structure
# (the text, the tags, the links read back as in the reader's file), and
# the margin marks are exactly the lines --dump=lines flags. The marks are
# counted where an editor sees them: as squares of their exact colour in
# the rendered page (pdftoppm without anti-aliasing; reprint's own PNG).
. tests/lib.sh
for tool in qpdf pdfinfo pdftotext pdftoppm mutool python3; do
    command -v $tool >/dev/null || { echo "missing $tool"; exit 77; }
done
ISSUE=content/tianjin-zhengxie-2022-08
export SOURCE_DATE_EPOCH=1659312000 # 2022-08-01T00:00:00Z
TRIM_W=595.2756 TRIM_H=807.8740 BLEED=8.5039 # the bundled design: 210 × 285 mm, 3 mm

# Squares of the marks' colours in rendered pages (src/render/proof.c,
# kinds[]): per colour the filled squares (margin marks and one per page in
# the legend) and the outlines (boxes round overfull lines and missing
# glyphs). Reads PPM (pdftoppm) and 8-bit RGB/RGBA PNG (Cairo).
cat >"$TMP/marks.py" <<'EOF'
import sys, zlib
KINDS = {"loose": (255, 153, 0), "tight": (204, 0, 204), "pushed-out": (0, 102, 255),
         "overfull": (255, 0, 0), "missing": (153, 0, 0)}

def ppm(data):
    magic, dims, _, px = data.split(b"\n", 3)
    w, h = map(int, dims.split())
    return w, h, px

def png(data):
    w, h = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    bpp = {2: 3, 6: 4}[data[25]]
    idat, i = b"", 8
    while i < len(data):
        n = int.from_bytes(data[i:i + 4], "big")
        if data[i + 4:i + 8] == b"IDAT":
            idat += data[i + 8:i + 8 + n]
        i += 12 + n
    raw, stride, prev, rows = zlib.decompress(idat), w * bpp, bytearray(w * bpp), []
    for y in range(h):
        f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for x in range(stride):
            a = line[x - bpp] if x >= bpp else 0
            b, c = prev[x], prev[x - bpp] if x >= bpp else 0
            if f == 4:  # Paeth
                pa, pb, pc = abs(b - c), abs(a - c), abs(a + b - 2 * c)
                p = a if pa <= pb and pa <= pc else b if pb <= pc else c
            else:
                p = (0, a, b, (a + b) // 2)[f]
            line[x] = (line[x] + p) & 255
        rows.append(bytes(line if bpp == 3 else b"".join(line[k:k + 3] for k in range(0, stride, 4))))
        prev = line
    return w, h, b"".join(rows)

def shapes(w, h, px, rgb):
    """(filled, outlines): 4-connected areas of exactly this colour."""
    pat, pts, at = bytes(rgb), set(), px.find(bytes(rgb))
    while at >= 0:
        if at % 3 == 0:
            pts.add(at // 3)
        at = px.find(pat, at + 1)
    filled = outlines = 0
    while pts:
        stack, area = [pts.pop()], []
        while stack:
            q = stack.pop()
            area.append(q)
            for r in (q - 1, q + 1, q - w, q + w):
                if r in pts:
                    pts.remove(r)
                    stack.append(r)
        xs, ys = [q % w for q in area], [q // w for q in area]
        box = (max(xs) - min(xs) + 1) * (max(ys) - min(ys) + 1)
        if len(area) >= 0.8 * box and box >= 4:
            filled += 1
        elif len(area) < 0.5 * box:
            outlines += 1
    return filled, outlines

# marks.py FILE...: per kind "KIND MARKS BOXES" over all files, then per
# file "page FILE MARKS" (marks of all kinds), and a line for each file
# without its legend.
total = {k: [0, 0] for k in KINDS}
each, no_legend = [], []
for path in sys.argv[1:]:
    data = open(path, "rb").read()
    w, h, px = png(data) if data[:4] == b"\x89PNG" else ppm(data)
    n = 0
    for k, rgb in KINDS.items():
        filled, outlines = shapes(w, h, px, rgb)
        if filled < 1:
            no_legend.append((path, k))
        total[k][0] += filled - 1  # the legend's square
        total[k][1] += outlines
        n += filled - 1
    each.append((path, n))
for k, (marks, boxes) in total.items():
    print(k, marks, boxes)
for path, n in each:
    print("page", path, n)
for path, k in no_legend:
    print("no legend square", k, path)
EOF

# marks KIND FILE: margin marks of that kind, from the output of marks.py
marks() { awk -v k="$1" '$1 == k { print $2 }' "$2"; }
boxes() { awk -v k="$1" '$1 == k { print $3 }' "$2"; }

# What --dump=lines flags (para_line_flags): loose, tight, pushed-out, OVERFULL.
flagged() { # DUMP → "loose tight pushed-out overfull"
    awk '/ \| / {
        if ($0 ~ / loose/) loose++
        if ($0 ~ / tight/) tight++
        if ($0 ~ / pushed-out/) pushed++
        if ($0 ~ / OVERFULL/) over++
    } END { printf "%d %d %d %d\n", loose, tight, pushed, over }' "$1"
}

# ---- the bundled issue ----------------------------------------------------
if $REPRINT build $ISSUE --proof -o "$TMP/proof.pdf" --png "$TMP/png" --dpi 72 2>"$TMP/proof.err" &&
    $REPRINT build $ISSUE --proof -o "$TMP/again.pdf" 2>/dev/null &&
    $REPRINT build $ISSUE -o "$TMP/dist.pdf" --png "$TMP/dist-png" --dpi 40 2>/dev/null; then
    pass "proof: build (PDF and PNG)"
else
    cat "$TMP/proof.err"
    fail "proof: build (PDF and PNG)"
    finish
fi
pdf=$TMP/proof.pdf
check "proof: two builds are byte-identical" cmp "$pdf" "$TMP/again.pdf"
check "proof: qpdf --check" qpdf --check "$pdf"
check "proof: Ghostscript renders every page" \
    gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -sDEVICE=nullpage "$pdf"
check "proof: TrimBox 210x285 mm, BleedBox +3 mm = MediaBox, every page" \
    python3 tests/output_checks.py boxes "$pdf" $TRIM_W $TRIM_H $BLEED 0
check_eq "proof: page (MediaBox) is the trim + 3 mm on every side" \
    "$(pdfinfo "$pdf" | awk '/^Page size:/ { printf "%.1fx%.1f", $3 * 25.4 / 72, $5 * 25.4 / 72 }')" 216.0x291.0
check_eq "proof: the reader's file has no TrimBox" \
    "$(mutool show "$TMP/dist.pdf" pages/1/TrimBox 2>/dev/null)" null
check_eq "proof: same number of pages as the reader's file" \
    "$(pdfinfo "$pdf" | sed -n 's/^Pages: *//p')" "$(pdfinfo "$TMP/dist.pdf" | sed -n 's/^Pages: *//p')"

# The marks are drawings: the text comes back exactly as from the
# reader's file, the tags are the same, the proof adds no text object.
pdftotext "$TMP/dist.pdf" "$TMP/dist.txt"
pdftotext "$pdf" "$TMP/proof.txt"
check "proof: pdftotext gives the reader's file's text" cmp "$TMP/dist.txt" "$TMP/proof.txt"
check "proof: pdftotext has the body text" grep -q '坚持党的领导' "$TMP/proof.txt"
mutool draw -F txt -o "$TMP/dist.mu" "$TMP/dist.pdf" 2>/dev/null
mutool draw -F txt -o "$TMP/proof.mu" "$pdf" 2>/dev/null
check "proof: mutool gives the reader's file's text" cmp "$TMP/dist.mu" "$TMP/proof.mu"
check_eq "proof: Tagged" "$(pdfinfo "$pdf" | sed -n 's/^Tagged: *//p')" yes
pdfinfo -struct-text "$TMP/dist.pdf" >"$TMP/dist.struct" 2>/dev/null
pdfinfo -struct-text "$pdf" >"$TMP/proof.struct" 2>/dev/null
check "proof: structure tree and its text as in the reader's file" cmp "$TMP/dist.struct" "$TMP/proof.struct"
qpdf --qdf --object-streams=disable "$TMP/dist.pdf" "$TMP/dist.qdf"
qpdf --qdf --object-streams=disable "$pdf" "$TMP/proof.qdf"
text_ops() { grep -aEo '\b(BT|Tj|TJ)\b' "$1" | sort | uniq -c | tr -s ' \n' ' '; }
check_eq "proof: no text object or text shown added (labels are outlines)" \
    "$(text_ops "$TMP/proof.qdf")" "$(text_ops "$TMP/dist.qdf")"
check "proof: furniture and marks are artifacts on every page" sh -c \
    "python3 tests/output_checks.py artifacts $(pdfinfo "$pdf" | sed -n 's/^Pages: *//p') <'$TMP/proof.qdf'"
# Outside artifacts, the proof's pages paint no path: the marks are all inside /Artifact.
check "proof: no path painted in tagged content" python3 - "$TMP/proof.qdf" <<'EOF'
import re, sys
qdf = open(sys.argv[1], "rb").read()
bad = 0
for chunk in re.split(rb"%% Contents for page \d+", qdf)[1:]:
    stack = []
    for tok in re.findall(rb"<[^<>]*>|\([^)]*\)|/[^\s/\[\]()<>]+|[A-Za-z*']+", chunk.split(b"endstream")[0]):
        if tok in (b"BDC", b"BMC"):
            stack.append(last == b"/Artifact")
        elif tok == b"EMC" and stack:
            stack.pop()
        elif tok in (b"f", b"f*", b"S", b"s", b"B", b"B*", b"b", b"b*") and stack and not any(stack):
            bad += 1
        if tok.startswith(b"/"):
            last = tok
print(bad, "paths painted inside content")
sys.exit(bad != 0)
EOF
check "proof: links move with the page (rect = reader's + bleed)" python3 - "$TMP/dist.pdf" "$pdf" $BLEED <<'EOF'
import subprocess, sys
def rects(pdf):
    out = subprocess.run(["mutool", "show", pdf, "pages/2/Annots/1/QuadPoints"], capture_output=True, text=True).stdout
    return [float(x) for x in out.replace("[", " ").replace("]", " ").split()]
a, b, bleed = rects(sys.argv[1]), rects(sys.argv[2]), float(sys.argv[3])
# x grows by the bleed; y (from the bottom) too, as the page grew by twice the bleed
ok = len(a) == 8 and len(b) == 8 and all(abs(b[i] - a[i] - bleed) < 0.02 for i in range(8))
print(a, b)
sys.exit(not ok)
EOF
check_eq "proof: named destinations as in the reader's file" \
    "$(pdfinfo -dests "$pdf" | awk 'NR > 1 { print $1, $NF }' | md5sum)" \
    "$(pdfinfo -dests "$TMP/dist.pdf" | awk 'NR > 1 { print $1, $NF }' | md5sum)"

# Every flagged line has its mark: the squares in the margins, less the
# legend's one per page, are what the dump flags.
$REPRINT build $ISSUE --dump=lines >"$TMP/lines" 2>/dev/null
set -- $(flagged "$TMP/lines")
pdftoppm -r 50 -aa no -aaVector no "$pdf" "$TMP/page"
python3 "$TMP/marks.py" "$TMP"/page-*.ppm >"$TMP/marks"
check "proof: every page has its legend" sh -c "! grep -q 'no legend' '$TMP/marks'"
check "proof: the issue has lines to mark ($1 loose, $2 tight, $3 pushed out)" test $(($1 + $2 + $3)) -gt 0
check_eq "proof: loose marks = loose lines in --dump=lines" "$(marks loose "$TMP/marks")" "$1"
check_eq "proof: tight marks = tight lines" "$(marks tight "$TMP/marks")" "$2"
check_eq "proof: pushed-out marks = pushed-out lines" "$(marks pushed-out "$TMP/marks")" "$3"
check_eq "proof: overfull marks = overfull lines" "$(marks overfull "$TMP/marks")" "$4"
check_eq "proof: no missing-glyph marks (no warnings)" "$(marks missing "$TMP/marks")" \
    "$(grep -c 'no glyph' "$TMP/proof.err")"

# The PNG: trim + bleed, the same marks drawn by Cairo.
size() { python3 -c 'import sys; d = open(sys.argv[1], "rb").read(24); print(int.from_bytes(d[16:20], "big"), int.from_bytes(d[20:24], "big"))' "$1"; }
check "proof: a PNG per page" test "$(ls "$TMP/png" | wc -l)" = "$(ls "$TMP/dist-png" | wc -l)"
check_eq "proof: PNG is trim + bleed (72 dpi)" "$(size "$TMP/png/page-010.png")" "612 825"
check_eq "proof: PNG without --proof is the trim (40 dpi)" "$(size "$TMP/dist-png/page-010.png")" "331 449"
# (decoding PNGs in Python is slow: the two pages with the most marks)
for n in $(awk '$1 == "page" { print $3, $2 }' "$TMP/marks" | sort -rn | head -n 2 |
    sed 's/.*page-0*\([0-9]*\)\.ppm/\1/'); do
    png=$(printf '%s/png/page-%03d.png' "$TMP" "$n")
    python3 "$TMP/marks.py" "$png" >"$TMP/png-marks"
    check_eq "proof: page $n's marks in the PNG are the PDF's" "$(grep '^page' "$TMP/png-marks" | cut -d' ' -f3)" \
        "$(awk -v n="$n" '$1 == "page" && $2 ~ "page-0*" n ".ppm$" { print $3 }' "$TMP/marks")"
done

# ---- overfull lines and missing glyphs (a small issue made here) --------------
mkdir -p "$TMP/bad"
cp tests/bad/no-glyph/issue.yaml "$TMP/bad/"
printf -- '---\ntitle: 标题\n---\n\n正文𓀀，网址：https://www.example.com/%s/index.html 之后还有正文，正文正文正文正文正文正文正文正文正文。\n' \
    "$(printf 'a%.0s' $(seq 120))" >"$TMP/bad/a.md"
$REPRINT build "$TMP/bad" --proof -o "$TMP/bad.pdf" 2>"$TMP/bad.err"
$REPRINT build "$TMP/bad" --dump=lines >"$TMP/bad.lines" 2>/dev/null
set -- $(flagged "$TMP/bad.lines")
pdftoppm -r 72 -aa no -aaVector no "$TMP/bad.pdf" "$TMP/bad"
python3 "$TMP/marks.py" "$TMP"/bad-*.ppm >"$TMP/bad.marks"
check "bad: the test issue has overfull lines ($4)" test "$4" -gt 0
check_eq "bad: overfull marks = OVERFULL lines" "$(marks overfull "$TMP/bad.marks")" "$4"
check_eq "bad: a box round each overfull line" "$(boxes overfull "$TMP/bad.marks")" "$4"
check_eq "bad: a missing-glyph mark" "$(marks missing "$TMP/bad.marks")" 1
check_eq "bad: a box round the missing glyph" "$(boxes missing "$TMP/bad.marks")" 1
check "bad: qpdf --check" qpdf --check "$TMP/bad.pdf"

# ---- options ------------------------------------------------------------------
$REPRINT build $ISSUE --proof --print -o "$TMP/x.pdf" >/dev/null 2>&1
check_eq "--proof --print: exit 2" $? 2
check "--proof --print: no file" test ! -e "$TMP/x.pdf"
finish
