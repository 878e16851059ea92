# The three deliverables of the bundled issue, each read back with the
# tools a printer, a reader and an archive would use (issue 6):
#   distribution (default)  tagged, outline, named destinations, links,
#                           page labels = folios, XMP, /Lang, /ID, fixed Cairo defects
#   --print [--marks]       PDF/X-4 style: boxes, K-only black, CMYK output intent, pdfxid
#   --archive               PDF/A-2b style: pdfaid, sRGB output intent, printable
#                           annotations; Apache PDFBox's preflight (PDF/A-1b) with
#                           only the findings PDF/A-2 allows (ALLOWED below)
# and each byte-identical when built twice with SOURCE_DATE_EPOCH.
. tests/lib.sh
for tool in qpdf pdfinfo pdffonts mutool gs xmllint java python3; do
    command -v $tool >/dev/null || { echo "missing $tool"; exit 77; }
done
ISSUE=content/tianjin-zhengxie-2022-08
PREFLIGHT_CP=/usr/share/java/preflight.jar:/usr/share/java/pdfbox2.jar:/usr/share/java/fontbox2.jar:/usr/share/java/xmpbox.jar:/usr/share/java/commons-logging.jar:/usr/share/java/javax.activation.jar:/usr/share/java/jaxb-api.jar
# PDFBox validates PDF/A-1b; these findings are PDF/A-1 rules that PDF/A-2
# (ISO 19005-2) dropped: 1.4.x cross-reference/object streams (allowed
# since PDF 1.5), 2.2.1 transparency groups (allowed, §6.4), 3.1.11 CIDSet
# (optional, §6.2.11.4.2: only if present must it be complete), 7.11.2
# "part must be 1" (ours says 2).
ALLOWED='1\.4\.[0-9]+|1\.4|2\.2\.1|3\.1\.11|7\.11\.2'
export SOURCE_DATE_EPOCH=1659312000 # 2022-08-01T00:00:00Z

build() { # build NAME OPTIONS...: $TMP/NAME.pdf, twice (for cmp)
    name=$1
    shift
    if $REPRINT build $ISSUE -o "$TMP/$name.pdf" "$@" 2>"$TMP/$name.err" &&
        $REPRINT build $ISSUE -o "$TMP/$name-again.pdf" "$@" 2>/dev/null; then
        pass "$name: build"
    else
        cat "$TMP/$name.err"
        fail "$name: build"
    fi
    check "$name: two builds are byte-identical" cmp "$TMP/$name.pdf" "$TMP/$name-again.pdf"
}

info() { pdfinfo "$1" | sed -n "s/^$2: *//p"; }

common_checks() { # NAME VERSION
    pdf=$TMP/$1.pdf
    check "$1: qpdf --check" qpdf --check "$pdf"
    check_eq "$1: PDF version" "$(info "$pdf" 'PDF version')" "$2"
    check "$1: Ghostscript renders every page" gs -q -dNOPAUSE -dBATCH -dPDFSTOPONERROR -sDEVICE=nullpage "$pdf"
    pdffonts "$pdf" | tail -n +3 >"$TMP/$1.fonts"
    check "$1: every font embedded, subset, with ToUnicode" \
        awk 'END { exit NR == 0 } { if ($(NF-4) != "yes" || $(NF-3) != "yes" || $(NF-2) != "yes") exit 1 }' "$TMP/$1.fonts"
    check "$1: no Type 3 fonts" sh -c "! grep -q 'Type 3' '$TMP/$1.fonts'"
    check "$1: file identifier in the trailer" sh -c "qpdf --show-object=trailer '$pdf' | grep -q '/ID \['"
    check_eq "$1: CreationDate written with D:" "$(mutool show "$pdf" trailer/Info/CreationDate)" "(D:20220801000000Z)"
    check_eq "$1: ModDate written with D:" "$(mutool show "$pdf" trailer/Info/ModDate)" "(D:20220801000000Z)"
    pdfinfo -meta "$pdf" >"$TMP/$1.xmp"
    check "$1: XMP well-formed (xmllint)" xmllint --noout "$TMP/$1.xmp"
    check "$1: XMP dc:title equals Info Title" grep -qF "<rdf:li xml:lang=\"x-default\">$(info "$pdf" Title)</rdf:li>" "$TMP/$1.xmp"
    check "$1: XMP dc:creator equals Info Author" grep -qF "<dc:creator><rdf:Seq><rdf:li>$(info "$pdf" Author)</rdf:li>" "$TMP/$1.xmp"
    check "$1: XMP dates equal Info dates" grep -q '<xmp:CreateDate>2022-08-01T00:00:00Z<' "$TMP/$1.xmp"
}

navigation_checks() { # NAME: what the reader and the archive keep
    pdf=$TMP/$1.pdf
    check_eq "$1: Tagged" "$(info "$pdf" Tagged)" yes
    pdfinfo -struct "$pdf" >"$TMP/$1.struct" 2>/dev/null
    check "$1: structure Document → Sect → Art → H/P" sh -c \
        "head -n 1 '$TMP/$1.struct' | grep -qx 'Document' && grep -q '^  Sect' '$TMP/$1.struct' &&
         grep -q '^    Art' '$TMP/$1.struct' && grep -q '^      H' '$TMP/$1.struct' && grep -q '^      P' '$TMP/$1.struct'"
    check "$1: running heads and folios are artifacts on every page" sh -c \
        "qpdf --qdf --object-streams=disable '$pdf' - | python3 tests/output_checks.py artifacts $(info "$pdf" Pages)"
    check_eq "$1: /Lang" "$(mutool show "$pdf" Root/Lang)" "(zh-Hans)"
    count=$(mutool show "$pdf" Root/Outlines/Count)
    check "$1: outline root count positive ($count)" test "$count" -gt 0
    mutool show "$pdf" outline >"$TMP/$1.outline"
    check "$1: mutool shows the outline, section → article" sh -c \
        "test \$(grep -c '#page=' '$TMP/$1.outline') -ge 27 && grep -q '^[|+-]		' '$TMP/$1.outline'"
    check "$1: outline entries land on pages (qpdf)" python3 tests/output_checks.py outline "$pdf"
    check "$1: one named destination per article (pdfinfo -dests)" sh -c \
        "test \$(pdfinfo -dests '$pdf' | grep -c '\"a[0-9]*\"') -ge 27"
    check "$1: links go to existing named destinations" python3 tests/output_checks.py links "$pdf"
    $REPRINT build $ISSUE --dump=pages >"$TMP/pages.dump" 2>/dev/null
    check "$1: page labels equal the printed folios" python3 tests/output_checks.py labels "$pdf" "$TMP/pages.dump"
}

# ---- distribution --------------------------------------------------------
build dist
common_checks dist 1.7
navigation_checks dist
check_eq "dist: page size is the trim (210x285 mm)" \
    "$(pdfinfo "$TMP/dist.pdf" | awk '/^Page size:/ { printf "%.0fx%.0f", $3 * 25.4 / 72, $5 * 25.4 / 72 }')" 210x285

# ---- print ---------------------------------------------------------------
print_checks() { # NAME MARKS
    pdf=$TMP/$1.pdf
    common_checks "$1" 1.6
    check "$1: TrimBox 210x285 mm, BleedBox +3 mm, inside the MediaBox, every page" \
        python3 tests/output_checks.py boxes "$pdf" 595.2756 807.8740 8.5039 "$2"
    check "$1: no annotations" python3 tests/output_checks.py annots "$pdf" none
    check_eq "$1: output intent GTS_PDFX" "$(mutool show "$pdf" Root/OutputIntents/1/S)" /GTS_PDFX
    check_eq "$1: output condition" "$(mutool show "$pdf" Root/OutputIntents/1/OutputConditionIdentifier)" "(FOGRA39)"
    check_eq "$1: CMYK profile embedded" "$(mutool show "$pdf" Root/OutputIntents/1/DestOutputProfile/N)" 4
    check_eq "$1: Info Trapped" "$(mutool show "$pdf" trailer/Info/Trapped)" /False
    check_eq "$1: Info GTS_PDFXVersion" "$(mutool show "$pdf" trailer/Info/GTS_PDFXVersion)" "(PDF/X-4)"
    check "$1: XMP pdfxid PDF/X-4" grep -q '<pdfxid:GTS_PDFXVersion>PDF/X-4<' "$TMP/$1.xmp"
    check "$1: XMP Trapped, DocumentID, VersionID, RenditionClass" sh -c \
        "grep -q '<pdf:Trapped>False<' '$TMP/$1.xmp' && grep -q '<xmpMM:DocumentID>uuid:' '$TMP/$1.xmp' &&
         grep -q '<xmpMM:VersionID>' '$TMP/$1.xmp' && grep -q '<xmpMM:RenditionClass>' '$TMP/$1.xmp'"
    check "$1: no DeviceRGB left" sh -c "qpdf --qdf --object-streams=disable '$pdf' - | grep -ac DeviceRGB | grep -qx 0"
    # Inside the BleedBox: the crop marks outside it print on every plate.
    gs -q -o - -dUseBleedBox -sDEVICE=inkcov "$pdf" >"$TMP/$1.inkcov" 2>/dev/null
    check "$1: every page black ink only (gs inkcov in the BleedBox: C = M = Y = 0, K > 0)" awk \
        'END { exit NR == 0 || bad } { if ($1 + 0 || $2 + 0 || $3 + 0 || !($4 + 0)) bad = 1 }' "$TMP/$1.inkcov"
}
build print --print
print_checks print 0
build marks --print --marks
print_checks marks 1
check "marks: crop marks in the registration colour (Separation /All)" sh -c \
    "mutool show -b '$TMP/marks.pdf' pages/1/Contents | grep -aq '/CSReg CS 1 SCN' &&
     mutool show '$TMP/marks.pdf' pages/1/Resources/ColorSpace/CSReg | grep -q '/Separation /All'"
pdftoppm -r 18 -f 1 -l 1 -gray "$TMP/marks.pdf" "$TMP/marks" 2>/dev/null
check "marks: crop marks drawn outside the bleed" python3 - "$TMP"/marks-*1.pgm <<'EOF'
import sys
data = open(sys.argv[1], "rb").read().split(b"\n", 3)
w, h = map(int, data[1].split()); px = data[3]
# At 18 dpi the outer 4 pixels of the page are 13.5–29.5 pt beyond the
# trim: past the bleed (8.5 pt), where only the marks (11.5–26.5 pt) draw.
dark = lambda x, y: px[y * w + x] < 200
edge = [(x, y) for y in range(h) for x in range(w) if (x < 4 or x >= w - 4 or y < 4 or y >= h - 4)]
sys.exit(0 if sum(dark(x, y) for x, y in edge) >= 8 else 1)
EOF

# ---- archive -----------------------------------------------------------------
build archive --archive
common_checks archive 1.7
navigation_checks archive
check "archive: XMP pdfaid part 2, conformance B" sh -c \
    "grep -q '<pdfaid:part>2<' '$TMP/archive.xmp' && grep -q '<pdfaid:conformance>B<' '$TMP/archive.xmp'"
check_eq "archive: output intent GTS_PDFA1" "$(mutool show "$TMP/archive.pdf" Root/OutputIntents/1/S)" /GTS_PDFA1
check_eq "archive: sRGB profile embedded" "$(mutool show "$TMP/archive.pdf" Root/OutputIntents/1/DestOutputProfile/N)" 3
check "archive: every annotation has the print flag" python3 tests/output_checks.py annots "$TMP/archive.pdf" printable
java -cp "$PREFLIGHT_CP" org.apache.pdfbox.preflight.Validator_A1b xml "$TMP/archive.pdf" >"$TMP/preflight.xml" 2>"$TMP/preflight.err"
grep -o '<code>[^<]*</code>' "$TMP/preflight.xml" | sed 's/<[^>]*>//g' | sort -u >"$TMP/codes"
grep -vxE "$ALLOWED" "$TMP/codes" >"$TMP/bad-codes"
if [ -s "$TMP/preflight.xml" ] && [ ! -s "$TMP/bad-codes" ]; then
    pass "archive: PDFBox preflight finds only what PDF/A-2 allows ($(tr '\n' ' ' <"$TMP/codes"))"
else
    cat "$TMP/preflight.err" "$TMP/bad-codes"
    grep -A2 -F -f "$TMP/bad-codes" "$TMP/preflight.xml" | head -20
    fail "archive: PDFBox preflight"
fi

# ---- options and failures ------------------------------------------------------
$REPRINT build $ISSUE -o "$TMP/x.pdf" --print --archive >/dev/null 2>&1
check_eq "--print with --archive: exit 2" $? 2
$REPRINT build $ISSUE -o "$TMP/x.pdf" --marks >/dev/null 2>&1
check_eq "--marks without --print: exit 2" $? 2
sed '/^print:/,$d' layout/tianjin-zhengxie.yaml >"$TMP/noprint.yaml"
$REPRINT build $ISSUE -o "$TMP/x.pdf" --print --layout "$TMP/noprint.yaml" >/dev/null 2>"$TMP/err"
check_eq "--print with a layout naming no profile: exit 1" $? 1
check "--print with a layout naming no profile: says so, writes nothing" sh -c \
    "grep -q 'needs the press profile' '$TMP/err' && test ! -e '$TMP/x.pdf' && ! ls '$TMP' | grep -q tmp-"
sed 's#^  profile: .*#  profile: /usr/share/color/icc/sRGB.icc#' layout/tianjin-zhengxie.yaml >"$TMP/rgb.yaml"
$REPRINT build $ISSUE -o "$TMP/x.pdf" --print --layout "$TMP/rgb.yaml" >/dev/null 2>"$TMP/err"
check_eq "--print with an RGB profile: exit 2" $? 2
check "--print with an RGB profile: names it, writes nothing" sh -c \
    "grep -q 'sRGB.icc: error: not an ICC profile for CMYK' '$TMP/err' && test ! -e '$TMP/x.pdf' && ! ls '$TMP' | grep -q tmp-"
finish
