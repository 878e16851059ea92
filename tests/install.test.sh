# `make install` and `make uninstall` into a staging DESTDIR; the installed
# binary finds its layouts and font configuration from any directory; the
# man page renders without warnings and documents every option --help
# prints.
. tests/lib.sh
TOP=$(pwd)
R=$TOP/$REPRINT
MAN=docs/reprint.1
ISSUE=$TOP/content/tianjin-zhengxie-2022-08
# The build directory of the binary under test (make check passes
# REPRINT=$(B)/reprint). `-o` keeps make from rebuilding it: what is
# installed is exactly the binary the other tests ran.
B=$(dirname "$REPRINT")
DEST=$TMP/dest
P=$DEST/usr
# A make of its own, not a part of the make that runs the tests (whose
# flags, jobserver included, would otherwise come along).
unset MAKEFLAGS MFLAGS MAKELEVEL

# ---- make install ---------------------------------------------------------
make -s -o "$B/reprint" B="$B" DESTDIR="$DEST" PREFIX=/usr install >"$TMP/install.log" 2>&1
check_eq "make install: exit 0" $? 0
check_eq "make install: silent with -s" "$(cat "$TMP/install.log")" ""

# mode path: every file install puts there, and its mode.
want_files() {
    echo "755 bin/reprint"
    echo "644 share/man/man1/reprint.1"
    echo "644 share/reprint/fonts/fonts.conf"
    for f in layout/*.yaml; do echo "644 share/reprint/$f"; done
    echo "644 share/doc/reprint/README.md"
    for f in docs/*.md docs/examples/*.yaml docs/images/*.png; do
        [ -e "$f" ] && echo "644 share/doc/reprint/$f"
    done
}
want_files | sort -k2 >"$TMP/want"
(cd "$P" && find . -type f -printf '%m %P\n' | sort -k2) >"$TMP/got"
check "install: exactly the expected files, with their modes" cmp -s "$TMP/want" "$TMP/got"
cmp -s "$TMP/want" "$TMP/got" || diff "$TMP/want" "$TMP/got" | sed 's/^/    /'
check_eq "install: directories are 755" \
    "$(find "$P" -type d ! -perm 755 | sed "s|^$P/||")" ""
check "install: the binary is the one built" cmp -s "$REPRINT" "$P/bin/reprint"
check "install: fonts.conf is the tree's" cmp -s fonts/fonts.conf "$P/share/reprint/fonts/fonts.conf"
# fonts.conf must not name anything by a relative path that would have to
# come along (a <dir>, <include> or <cachedir> not starting with / or ~).
check_eq "install: fonts.conf names no relative path" \
    "$(grep -oE '<(dir|include|cachedir)[^>]*>[^<]*<' fonts/fonts.conf |
        grep -v 'prefix="xdg"' | sed 's/^<[^>]*>//; s/<$//' | grep -v '^[/~]')" ""

# ---- the installed binary, from another directory --------------------------
IR=$P/bin/reprint
(cd /tmp && env -u REPRINT_DATA "$IR" --version) >"$TMP/version" 2>&1
check "installed: --version" grep -q '^reprint [0-9]' "$TMP/version"
(cd /tmp && env -u REPRINT_DATA "$IR" fonts) >"$TMP/fonts" 2>&1
check_eq "installed: fonts exits 0 from /tmp" $? 0
check "installed: fonts lists the body role" grep -q '^body  *Noto Serif CJK SC' "$TMP/fonts"
check "installed: fonts lists every role" test "$(wc -l <"$TMP/fonts")" -ge 16
(cd /tmp && env -u REPRINT_DATA "$IR" build "$ISSUE" -o "$TMP/issue.pdf") >"$TMP/build.log" 2>&1
check_eq "installed: builds the bundled issue from /tmp" $? 0
check "installed: the PDF is written" test -s "$TMP/issue.pdf"
if command -v pdfinfo >/dev/null; then
    check "installed: the PDF has pages" sh -c "pdfinfo '$TMP/issue.pdf' | grep -q '^Pages: *[1-9]'"
fi
# The default output goes to out/ under the current directory.
mkdir -p "$TMP/cwd"
(cd "$TMP/cwd" && env -u REPRINT_DATA "$IR" build "$ISSUE") >/dev/null 2>&1
check "installed: default output in ./out/" test -s "$TMP/cwd/out/tianjin-zhengxie-2022-08.pdf"
# The layout issue.yaml names really comes from PREFIX/share/reprint: with
# the installed one moved away the build fails and names where it looked.
L=$P/share/reprint/layout/tianjin-zhengxie.yaml
mv "$L" "$L.away"
(cd /tmp && env -u REPRINT_DATA "$IR" build "$ISSUE" -o "$TMP/none.pdf") >/dev/null 2>"$TMP/nolayout"
check_eq "installed: no installed layout: exit 1" $? 1
check "installed: the message names share/reprint/layout/" \
    grep -q 'share/reprint/layout/tianjin-zhengxie.yaml' "$TMP/nolayout"
mv "$L.away" "$L"
# REPRINT_DATA still wins over the installed data.
(cd /tmp && REPRINT_DATA="$TMP/nowhere" "$IR" fonts) >/dev/null 2>"$TMP/nowhere.log"
check "installed: REPRINT_DATA comes first" grep -q "$TMP/nowhere/layout/" "$TMP/nowhere.log"
if command -v man >/dev/null; then
    MANWIDTH=80 man -M "$P/share/man" reprint 2>/dev/null >"$TMP/man.txt"
    check "installed: man -M PREFIX/share/man finds reprint(1)" grep -q 'reprint build' "$TMP/man.txt"
    check "installed: the man page shows its CJK (孤字)" grep -q '孤字' "$TMP/man.txt"
fi

# ---- make uninstall -------------------------------------------------------
make -s B="$B" DESTDIR="$DEST" PREFIX=/usr uninstall >"$TMP/uninstall.log" 2>&1
check_eq "make uninstall: exit 0" $? 0
check_eq "uninstall: no file left" "$(find "$DEST" -type f)" ""
check "uninstall: share/reprint removed" test ! -e "$P/share/reprint"
check "uninstall: share/doc/reprint removed" test ! -e "$P/share/doc/reprint"
# A file that is not ours stays, and so does its directory.
make -s -o "$B/reprint" B="$B" DESTDIR="$DEST" PREFIX=/usr install >/dev/null 2>&1
echo "name: mine" >"$P/share/reprint/layout/mine.yaml"
make -s B="$B" DESTDIR="$DEST" PREFIX=/usr uninstall >/dev/null 2>&1
check_eq "uninstall: keeps a layout added by hand" "$(find "$DEST" -type f | sed "s|^$P/||")" \
    "share/reprint/layout/mine.yaml"

# ---- the man page -----------------------------------------------------------
groff -man -Tutf8 -ww -z "$MAN" >"$TMP/groff.log" 2>&1
check_eq "man: groff -ww exit 0" $? 0
check_eq "man: groff -ww has no warnings" "$(cat "$TMP/groff.log")" ""
if command -v mandoc >/dev/null; then
    mandoc -Tlint -Wall "$MAN" >"$TMP/mandoc.log" 2>&1
    check_eq "man: mandoc -Tlint exit 0" $? 0
    check_eq "man: mandoc -Tlint has no messages" "$(cat "$TMP/mandoc.log")" ""
fi
# The rendered text, with groff's minus and hyphen signs as ASCII '-'.
groff -man -Tutf8 -P-cbou "$MAN" 2>/dev/null | sed 's/\xe2\x88\x92/-/g; s/\xe2\x80\x90/-/g' >"$TMP/man.txt"
for section in NAME SYNOPSIS DESCRIPTION COMMANDS OPTIONS "EXIT STATUS" ENVIRONMENT FILES EXAMPLES "SEE ALSO"; do
    check "man: section $section" grep -q "^$section\$" "$TMP/man.txt"
done
# Every option --help prints: in the OPTIONS section, as an item of its own.
"$R" --help >"$TMP/help" 2>&1
grep -oE '(^|[][ |])--?[a-z][a-z-]*' "$TMP/help" | sed 's/^[][ |]*//' | sort -u >"$TMP/options"
check "man: --help lists options (at least 15)" test "$(wc -l <"$TMP/options")" -ge 15
sed -n '/^OPTIONS$/,/^[A-Z]/p' "$TMP/man.txt" >"$TMP/man-options"
while read -r opt; do
    check "man: $opt has an item in OPTIONS" \
        grep -qE "^       ([-a-z]+, )?$opt([ =,]|\$)" "$TMP/man-options"
done <"$TMP/options"
# Every command of the usage: an item in COMMANDS and a line in SYNOPSIS.
sed -n '/^COMMANDS$/,/^[A-Z]/p' "$TMP/man.txt" >"$TMP/man-commands"
sed -n -e 's/^usage: reprint \([a-z][a-z]*\) .*$/\1/p' \
    -e 's/^  *reprint \([a-z][a-z]*\) .*$/\1/p' "$TMP/help" | sort -u >"$TMP/commands"
check "man: --help's usage names commands (at least 4)" test "$(wc -l <"$TMP/commands")" -ge 4
for cmd in $(cat "$TMP/commands"); do
    check "man: command $cmd in COMMANDS" grep -qE "^       $cmd( |\$)" "$TMP/man-commands"
    check "man: command $cmd in SYNOPSIS" grep -qE "^       reprint $cmd " "$TMP/man.txt"
done
# Every environment variable the program reads (getenv in src/).
grep -rhoE 'getenv\("[A-Za-z_][A-Za-z0-9_]*"\)' src | sed 's/^getenv("//; s/")$//' | sort -u >"$TMP/env"
check "man: src/ reads environment variables (at least 3)" test "$(wc -l <"$TMP/env")" -ge 3
for var in $(cat "$TMP/env"); do
    check "man: ENVIRONMENT names $var" sh -c "sed -n '/^ENVIRONMENT\$/,/^[A-Z]/p' '$TMP/man.txt' | grep -q '^       $var\$'"
done
finish
