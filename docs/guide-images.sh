#!/bin/sh
# Makes the pictures of docs/guide.md from the current build: each is a
# page reprint typeset, rendered by poppler from the PDF reprint wrote —
# nothing drawn by hand. `make guide-images` runs it; OUT=dir writes
# elsewhere (the test does, to compare the set of pictures).
#
# Which pages: chosen from `reprint check --json`, not by number, so the
# pictures follow the layout when it changes: the first page where one
# article ends and the next begins, the page with the most lines to look
# at (for the proof), the cover and the first contents page.
set -eu
R=${REPRINT:-build/reprint}
ISSUE=content/tianjin-zhengxie-2022-08
OUT=${OUT:-docs/images}
TMP=$(mktemp -d)
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$OUT"

$R check $ISSUE --json >"$TMP/report.json" || true
set -- $(python3 - "$TMP/report.json" <<'PY'
import collections, json, sys
r = json.load(open(sys.argv[1]))
front = r["pages"] - r["numbered_pages"]
arts = [a["counts"] for a in r["articles"] if a["kind"] == "article"]
shared = [b["first_page"] for a, b in zip(arts, arts[1:]) if a["last_page"] == b["first_page"]]
looks = collections.Counter(l["page"] for a in r["articles"] for l in a["lines_to_look_at"])
proof = looks.most_common(1)[0][0] if looks else 1
print(front + (shared[0] if shared else 1), front + proof)
PY
)
page=$1 proof=$2

# render PDF PAGE DPI NAME
render() {
    pdftoppm -png -singlefile -r "$3" -f "$2" -l "$2" "$1" "$OUT/$4"
}

$R build $ISSUE -q -o "$TMP/issue.pdf"
render "$TMP/issue.pdf" "$page" 60 guide-page
render "$TMP/issue.pdf" 1 40 guide-cover
render "$TMP/issue.pdf" 2 40 guide-contents
$R build $ISSUE -q --proof -o "$TMP/proof.pdf"
render "$TMP/proof.pdf" "$proof" 75 guide-proof
$R build $ISSUE -q --print --marks -o "$TMP/print.pdf"
# the top-left corner, where the crop marks, the bleed and the trim meet
pdftoppm -png -singlefile -r 100 -f "$page" -l "$page" -x 0 -y 0 -W 520 -H 380 \
    "$TMP/print.pdf" "$OUT/guide-print"
$R build $ISSUE -q --layout docs/examples/a5-pocket.yaml -o "$TMP/a5.pdf"
render "$TMP/a5.pdf" "$page" 60 guide-a5
echo "guide pictures: body page $page, proof page $proof (PDF pages) in $OUT"
