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
         "overfull": (255, 0, 0), "missing": (153, 0, 0), "query": (0, 153, 153)}

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
# (Imported by the checks below for png().)
if __name__ == "__main__":
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
# (object numbers aside: the proof's drawings add objects of their own)
pdfinfo -struct-text "$TMP/dist.pdf" 2>/dev/null | sed 's/Object [0-9]* 0/Object N 0/' >"$TMP/dist.struct"
pdfinfo -struct-text "$pdf" 2>/dev/null | sed 's/Object [0-9]* 0/Object N 0/' >"$TMP/proof.struct"
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

# ---- content warnings of reprint check: a 查 mark on each line holding one ----
mkdir -p "$TMP/query"
cp tests/bad/no-glyph/issue.yaml "$TMP/query/"
printf -- '---\ntitle: 标题\n---\n\n第一段有半角逗号,在这里。\n\n第二段一切正常。\n\n第三段有两个  空格。\n' \
    >"$TMP/query/a.md"
$REPRINT check "$TMP/query" >"$TMP/query.report"
$REPRINT build "$TMP/query" --proof -o "$TMP/query.pdf" 2>/dev/null
pdftoppm -r 72 -aa no -aaVector no "$TMP/query.pdf" "$TMP/query"
python3 "$TMP/marks.py" "$TMP"/query-*.ppm >"$TMP/query.marks"
check_eq "query: check reports the two warnings" "$(grep -c ': warning: ' "$TMP/query.report")" 2
check_eq "query: a 查 mark on each of their two lines" "$(marks query "$TMP/query.marks")" 2
check_eq "query: no 查 mark where check warns of nothing (the overfull issue)" \
    "$(marks query "$TMP/bad.marks")" 0

# ---- the legend fits its page ---------------------------------------------------
# The legend lies in the top margin between the type area's edges (so
# inside the trim), clear of what the page sets there: on every page of the
# bundled issue and of the A5 example design (docs/examples/a5-pocket.yaml,
# a measure narrower than the legend's one row) with its vertical running
# heads and with horizontal ones, which leave a third of its top margin.
# Read from the proof rendered without anti-aliasing: the legend is all the
# colour there (set text and its rules are black; the trim and the bleed
# edge are left out by position); the running heads' em boxes from the
# text layer (mutool stext), their rule from the black pixels.
cat >"$TMP/legend.py" <<'EOF'
import re, subprocess, sys

def trim_box(pdf):
    """(left, top, right) of the TrimBox of page 1, y down from the media's top."""
    out = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "1", pdf], capture_output=True, text=True).stdout
    media = [float(v) for v in re.search(r"MediaBox:\s+(.*)", out).group(1).split()]
    trim = [float(v) for v in re.search(r"TrimBox:\s+(.*)", out).group(1).split()]
    return trim[0], media[3] - trim[3], trim[2]

def set_above(pdf, y_max):
    """Per page, the em boxes (baseline - size to + size/5) of the characters set above y_max."""
    xml = subprocess.run(["mutool", "draw", "-F", "stext", "-o", "-", pdf], capture_output=True, text=True).stdout
    pages = []
    for page in xml.split("<page ")[1:]:
        em = []
        for size, chars in re.findall(r'<font [^>]*size="([\d.]+)"[^>]*>(.*?)</font>', page, re.S):
            size = float(size)
            for quad, y in re.findall(r'<char quad="([^"]+)" x="[^"]+" y="([^"]+)"', chars):
                xs, y = [float(v) for v in quad.split()][0::2], float(y)
                if y - size < y_max:
                    em.append((min(xs), y - size, max(xs), y + size / 5))
        pages.append(em)
    return pages

def bbox(pts):
    if not pts:
        return None
    return min(p[0] for p in pts), min(p[1] for p in pts), max(p[0] for p in pts), max(p[1] for p in pts)

def meets(a, b, gap):
    return bool(a and b) and a[0] <= b[2] + gap and b[0] <= a[2] + gap and a[1] <= b[3] + gap and b[1] <= a[3] + gap

# legend.py PDF DPI TOP INNER OUTER MEASURE PAGE.ppm...: the design's top,
# inner and outer margins and measure in points; page 1 is a right-hand
# page. Prints per page: N legend|none inside|OUTSIDE clear|OVERLAP head|-
pdf, dpi, top_margin, inner, outer, measure = sys.argv[1], *map(float, sys.argv[2:7])
k = dpi / 72
left, top, right = trim_box(pdf)
area_top = top + top_margin
em = set_above(pdf, area_top)
for n, path in enumerate(sys.argv[7:]):
    _, dims, _, px = open(path, "rb").read().split(b"\n", 3)
    w, h = map(int, dims.split())
    legend, ink = [], []
    for y in range(2, int(area_top * k) - 1):          # inside the bleed edge, above the type area
        if abs(y - top * k) <= 1:                       # the trim line
            continue
        for x in range(2, w - 2):
            if abs(x - left * k) <= 1 or abs(x - right * k) <= 1:
                continue
            rgb = px[(y * w + x) * 3:(y * w + x) * 3 + 3]
            if rgb == b"\0\0\0":
                ink.append((x / k, y / k))
            elif rgb != b"\xff\xff\xff":
                legend.append((x / k, y / k))
    lb = bbox(legend)
    x0 = left + (inner if n % 2 == 0 else outer)
    inside = lb is not None and lb[0] >= x0 - 1 / k and lb[2] <= x0 + measure + 1 / k and lb[1] > top + 1 / k
    clear = not meets(lb, bbox(ink), 1 / k) and not any(meets(lb, e, 0) for e in em[n])
    print(n + 1, "legend" if lb else "none", "inside" if inside else "OUTSIDE",
          "clear" if clear else "OVERLAP", "head" if em[n] else "-", lb)
EOF
# legend_checks NAME LEGEND-OUTPUT: every page has its legend, inside, clear
legend_checks() {
    pages=$(wc -l <"$2")
    check "$1: a legend above the type area on every page ($pages)" sh -c "test $pages -gt 0 && ! grep -q ' none ' '$2'"
    check_eq "$1: legend between the type area's edges, inside the trim" "$(grep -c OUTSIDE "$2")" 0
    check_eq "$1: legend clear of what the top margin holds" "$(grep -c OVERLAP "$2")" 0
}
python3 "$TMP/legend.py" "$pdf" 50 62.3622 79.3701 106.2992 409.5 "$TMP"/page-*.ppm >"$TMP/legend"
legend_checks "legend, bundled design" "$TMP/legend"
cp docs/examples/a5-pocket.yaml "$TMP/a5.yaml"
sed 's/^  mode: vertical/  mode: horizontal/' docs/examples/a5-pocket.yaml >"$TMP/a5h.yaml"
for design in a5 a5h; do
    $REPRINT build $ISSUE --layout "$TMP/$design.yaml" --proof -o "$TMP/$design.pdf" 2>/dev/null
    pdftoppm -r 72 -aa no -aaVector no "$TMP/$design.pdf" "$TMP/$design"
    # A5: top 15 mm, inner 18 mm, outer 22 mm, measure 30 × 9.5 pt
    python3 "$TMP/legend.py" "$TMP/$design.pdf" 72 42.5197 51.0236 62.3622 285 "$TMP/$design"-*.ppm >"$TMP/$design.legend"
    legend_checks "legend, $design" "$TMP/$design.legend"
done
check "legend, a5h: the horizontal running heads are in the top margin" \
    test "$(grep -c ' head ' "$TMP/a5h.legend")" -gt 80

# ---- PNG previews of a print build -------------------------------------------------
# --print --png: each PNG is the print PDF's page (MediaBox at the dpi),
# with the bleed and, with --marks, the crop marks where the PDF has them
# (pdftoppm's rendering of the same page): in each corner outside the
# BleedBox, the ink's extent in both is the same within a pixel.
cat >"$TMP/corners.py" <<'EOF'
import sys
sys.path.insert(0, sys.argv[0].rsplit("/", 1)[0])
from marks import png, ppm

def corners(path, bleed):
    """Per quarter of the page, the extent of the ink outside the bleed box (x0, y0, x1, y1)."""
    data = open(path, "rb").read()
    w, h, px = png(data) if data[:4] == b"\x89PNG" else ppm(data)
    left, top, right, bottom = bleed
    ink = {}
    for y in range(h):
        for x in range(w) if y < top or y >= bottom else [*range(left), *range(right, w)]:
            if px[(y * w + x) * 3:(y * w + x) * 3 + 3] != b"\xff\xff\xff":
                ink.setdefault((x >= w // 2, y >= h // 2), []).append((x, y))
    return [ink.get(q) and (min(p[0] for p in ink[q]), min(p[1] for p in ink[q]),
                            max(p[0] for p in ink[q]), max(p[1] for p in ink[q]))
            for q in ((False, False), (True, False), (False, True), (True, True))]

# corners.py PNG PPM BLEED-LEFT BLEED-TOP BLEED-RIGHT BLEED-BOTTOM (pixels, y down)
bleed = [int(v) for v in sys.argv[3:7]]
mine, theirs = corners(sys.argv[1], bleed), corners(sys.argv[2], bleed)
print(mine, theirs)
sys.exit(not all(a and b and all(abs(p - q) <= 1 for p, q in zip(a, b)) for a, b in zip(mine, theirs)))
EOF
# png_size FILE → "W H" (file(1)); media_px PDF DPI → the MediaBox of page 1 in pixels
png_size() { file "$1" | sed 's/.*PNG image data, \([0-9]*\) x \([0-9]*\),.*/\1 \2/'; }
media_px() { pdfinfo -box -f 1 -l 1 "$1" | awk -v k="$2" '/MediaBox/ { printf "%d %d", $(NF-1) * k / 72 + 0.5, $NF * k / 72 + 0.5 }'; }
for mode in print marks; do
    opts="--print"
    [ $mode = marks ] && opts="--print --marks"
    $REPRINT build $ISSUE $opts -o "$TMP/$mode.pdf" --png "$TMP/$mode-png" --dpi 50 2>/dev/null
    check_eq "$mode PNG: a page per PDF page" "$(ls "$TMP/$mode-png" | wc -l)" \
        "$(pdfinfo "$TMP/$mode.pdf" | sed -n 's/^Pages: *//p')"
    check_eq "$mode PNG: the size of the PDF's page (MediaBox at 50 dpi)" \
        "$(png_size "$TMP/$mode-png/page-003.png")" "$(media_px "$TMP/$mode.pdf" 50)"
done
check "print PNG: larger than the reader's (trim + bleed)" test \
    "$(png_size "$TMP/print-png/page-003.png" | cut -d' ' -f1)" -gt "$(png_size "$TMP/dist-png/page-003.png" | cut -d' ' -f1)"
pdftoppm -r 50 -f 3 -l 3 "$TMP/marks.pdf" "$TMP/marks-pdf"
# the BleedBox in pixels, y down: "left top right bottom", the edges rounded outwards
set -- $(pdfinfo -box -f 3 -l 3 "$TMP/marks.pdf" | awk '/MediaBox/ { h = $NF } /BleedBox/ {
    printf "%d %d %d %d", $(NF-3) * 50 / 72, (h - $NF) * 50 / 72, $(NF-1) * 50 / 72 + 1, (h - $(NF-2)) * 50 / 72 + 1 }')
check "marks PNG: crop marks in the four corners, where pdftoppm draws the PDF's" \
    python3 "$TMP/corners.py" "$TMP/marks-png/page-003.png" "$TMP"/marks-pdf-*3.ppm "$@"

# ---- options ------------------------------------------------------------------
$REPRINT build $ISSUE --proof --print -o "$TMP/x.pdf" >/dev/null 2>&1
check_eq "--proof --print: exit 2" $? 2
check "--proof --print: no file" test ! -e "$TMP/x.pdf"
finish
