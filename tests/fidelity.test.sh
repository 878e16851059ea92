# Fidelity of content/ against the raw seed (see tests/fidelity.py).
. tests/lib.sh
[ -f "$SEED" ] || { echo "no seed at $SEED"; exit 77; }
$REPRINT build content/tianjin-zhengxie-2022-08 --dump=tree >"$TMP/tree" || { fail "tree dump"; finish; }
python3 tests/fidelity.py "$SEED" <"$TMP/tree"
