#!/bin/sh
# One-way dependencies between stages (see docs/architecture.md):
#   main → render → page → para → text → style → doc → base;  clean → base;
#   main → check → page (the editor's report reads the composed pages)
#   main → pdfpost → base (the PDF post-step works on files, not pages)
# and library headers only in their stage. Prints "N passed, N failed".
cd "$(dirname "$0")/.." || exit 2
pass=0 fail=0
allowed() {
    case $1 in
    base) echo "base" ;;
    doc) echo "base doc" ;;
    style) echo "base doc style" ;;
    text) echo "base doc style text" ;;
    para) echo "base doc style text para" ;;
    page) echo "base doc style text para page" ;;
    render) echo "base doc style text para page render" ;;
    check) echo "base doc style text para page check" ;;
    clean) echo "base clean" ;;
    pdfpost) echo "base pdfpost" ;;
    esac
}
libs() {
    case $1 in
    doc) echo "yaml.h cmark.h" ;;
    text) echo "pango/ hb fontconfig/ harfbuzz/" ;;
    render) echo "cairo ft2build.h" ;;
    pdfpost) echo "qpdf/" ;;
    esac
}
for dir in src/*/; do
    stage=$(basename "$dir")
    ok=yes
    for inc in $(grep -ho '#include "[a-z]*/' "$dir"*.[ch] | sed 's/#include "//; s#/##' | sort -u); do
        case " $(allowed "$stage") " in *" $inc "*) ;; *) ok=no; echo "$stage includes $inc/";; esac
    done
    for other in src/*/; do
        o=$(basename "$other")
        [ "$o" = "$stage" ] && continue
        for lib in $(libs "$o"); do
            if grep -q "#include <$lib" "$dir"*.[ch]; then
                ok=no
                echo "$stage includes <$lib…>, which belongs to $o"
            fi
        done
    done
    if [ $ok = yes ]; then pass=$((pass + 1)); else fail=$((fail + 1)); fi
done
echo "$pass passed, $fail failed"
[ $fail = 0 ]
