# Interrupted builds: SIGINT, SIGTERM or SIGHUP while the PDF is being
# written leave no temporary file and the previous output as it was.
. tests/lib.sh
R=$(pwd)/$REPRINT
ISSUE=content/tianjin-zhengxie-2022-08
OUT="$TMP/issue.pdf"

$R build tests/fixtures/mini -o "$OUT" 2>/dev/null
cp "$OUT" "$TMP/previous.pdf"

# wait_for DIR PATTERN TRIES: polls every 5 ms until a file of DIR matches
# PATTERN (a temporary file: the writing has begun), at most TRIES times.
wait_for() {
    i=0
    while [ $i -lt "$3" ] && ! ls "$1" | grep -q "$2"; do
        sleep 0.005
        i=$((i + 1))
    done
}

# Starts a build over $OUT, waits until its temporary file exists (the
# render has begun), sends the signal, and reports the exit status.
interrupt() {
    sig=$1
    # A non-interactive shell starts background jobs with SIGINT ignored;
    # env --default-signal gives the build the disposition a terminal would.
    env --default-signal=INT $R build $ISSUE -o "$OUT" 2>/dev/null &
    pid=$!
    wait_for "$TMP" 'issue.pdf.tmp-' 400
    kill -s "$sig" $pid 2>/dev/null
    wait $pid
    echo $?
}

interrupted=0
for case in INT:2 TERM:15 HUP:1; do
    sig=${case%:*}
    rc=$(interrupt $sig 2>/dev/null)
    check "SIG$sig: no temporary file left" sh -c "! ls '$TMP' | grep -q tmp-"
    if [ "$rc" = 0 ]; then
        # The build won the race; the output must then be whole.
        check "SIG$sig: finished build wrote a whole PDF" pdfinfo "$OUT"
        cp "$TMP/previous.pdf" "$OUT"
    else
        interrupted=$((interrupted + 1))
        check_eq "SIG$sig: killed by the signal" "$rc" "$((128 + ${case#*:}))"
        check "SIG$sig: previous output intact" cmp "$OUT" "$TMP/previous.pdf"
    fi
done
check "at least one build was interrupted mid-render" test $interrupted -gt 0

# PNGs too: interrupted while the pictures are written (at 300 dpi, one
# picture takes long enough to be caught), no temporary picture is left
# and every page-NNN.png there is a whole PNG.
mkdir -p "$TMP/png"
env --default-signal=INT $R build $ISSUE -o "$TMP/png.pdf" --png "$TMP/png" --dpi 300 2>/dev/null &
pid=$!
wait_for "$TMP/png" 'tmp-' 2000
kill -s INT $pid 2>/dev/null
wait $pid
check_eq "PNGs: SIGINT while a picture is written: killed" $? 130
check "PNGs: no temporary picture left" sh -c "! ls '$TMP/png' | grep -q tmp-"
check "PNGs: every picture left is whole" python3 -c "import glob, sys
sys.exit(any(not open(f, 'rb').read().endswith(b'IEND\xaeB\x60\x82') for f in glob.glob('$TMP/png/*.png')))"

# nohup: an ignored SIGHUP stays ignored (the build finishes).
sh -c "trap '' HUP; exec $R build $ISSUE -o '$TMP/nohup.pdf'" 2>/dev/null &
pid=$!
wait_for "$TMP" 'nohup.pdf.tmp-' 400
kill -s HUP $pid 2>/dev/null
wait $pid 2>/dev/null
check_eq "ignored SIGHUP stays ignored" $? 0
finish
