# The docs stay true: every link and picture they name exists, every
# picture in docs/images is used, the guide's pictures are the ones
# docs/guide-images.sh makes from the current build (same names, same
# sizes), and every reprint command the guide shows runs, in order, as a
# new user would type it (on a copy of the seed as raw.txt).
. tests/lib.sh
R=$(pwd)/$REPRINT

# ---- links and pictures ----------------------------------------------------
for md in README.md docs/*.md; do
    dir=$(dirname "$md")
    for target in $(grep -o '](\([^)#:]*\)' "$md" | sed 's/^](//' | sort -u); do
        check "$md links to $target" test -e "$dir/$target"
    done
done
for png in docs/images/*.png; do
    [ -e "$png" ] || continue
    check "$png is used by a doc" grep -q "images/$(basename "$png")" docs/guide.md
done

# ---- the pictures are the build's --------------------------------------------
OUT="$TMP/images" REPRINT="$REPRINT" sh docs/guide-images.sh >/dev/null 2>"$TMP/images.err"
check_eq "guide-images.sh runs" $? 0
for png in $(grep -o 'images/[a-z0-9-]*\.png' docs/guide.md | sort -u); do
    made="$TMP/images/$(basename "$png")"
    check "$png is made by guide-images.sh" test -s "$made"
    want=$(file -b "$made" | grep -o '[0-9]* x [0-9]*')
    got=$(file -b "docs/$png" 2>/dev/null | grep -o '[0-9]* x [0-9]*')
    check_eq "$png has the size the build gives ($want): make guide-images" "$got" "$want"
done

# ---- the guide's commands --------------------------------------------------
mkdir -p "$TMP/user/content" "$TMP/user/docs"
cp "$SEED" "$TMP/user/raw.txt"
ln -s "$(pwd)/content/tianjin-zhengxie-2022-08" "$TMP/user/content/"
ln -s "$(pwd)/docs/examples" "$TMP/user/docs/examples"
grep '^build/reprint ' docs/guide.md | sed 's/ *#.*$//' >"$TMP/commands"
check "the guide shows reprint commands" test "$(wc -l <"$TMP/commands")" -ge 8
while read -r cmd; do
    (cd "$TMP/user" && eval "$R ${cmd#build/reprint }" >/dev/null 2>"$TMP/cmd.err")
    rc=$?
    check_eq "guide: $cmd" "$rc" 0
    [ "$rc" = 0 ] || head -n 3 "$TMP/cmd.err"
done <"$TMP/commands"
check "guide: the proof PNGs are there" test -s "$TMP/user/proof/page-001.png"
check "guide: the print file has a TrimBox" sh -c "pdfinfo -box '$TMP/user/my-issue-print.pdf' | grep -q TrimBox"
finish
