#!/usr/bin/env python3
"""How much of the finished issue `reprint clean` produces unaided.

Usage: clean_agreement.py FINISHED_TREE CLEANED_TREE [MIN_PERCENT]
Both arguments are `reprint build DIR --dump=tree` outputs. Prints the
share of the finished issue's body blocks (paragraphs and heads, run-in
marks included) that the cleaner wrote identically, and of its front-matter
fields, then "N passed, N failed" against MIN_PERCENT for blocks.
"""
import re
import sys

BLOCK = re.compile(r'^    (para|head|subhead) \d+:\d+ (.*)$')
FIELD = re.compile(r'^    (kicker|title|subtitle|byline|editor_note|source|note): (.*)$')


def units(path):
    blocks, fields = [], []
    for line in open(path, encoding='utf-8'):
        m = BLOCK.match(line)
        if m:
            blocks.append(m.group(1) + ' ' + m.group(2))
        m = FIELD.match(line)
        if m:
            fields.append(m.group(1) + ' ' + m.group(2))
    return blocks, fields


def share(want, have):
    pool = {}
    for h in have:
        pool[h] = pool.get(h, 0) + 1
    hits = 0
    for w in want:
        if pool.get(w, 0):
            pool[w] -= 1
            hits += 1
    return hits, len(want)


def main():
    fin_b, fin_f = units(sys.argv[1])
    cl_b, cl_f = units(sys.argv[2])
    minimum = float(sys.argv[3]) if len(sys.argv) > 3 else 0
    hb, nb = share(fin_b, cl_b)
    hf, nf = share(fin_f, cl_f)
    pct = 100.0 * hb / nb if nb else 0
    print('body blocks identical: %d of %d (%.1f%%)' % (hb, nb, pct))
    print('front-matter fields identical: %d of %d (%.1f%%)' % (hf, nf, 100.0 * hf / nf if nf else 0))
    ok = pct >= minimum
    print('%s cleaner reproduces at least %.0f%% of the blocks' % ('ok' if ok else 'FAIL', minimum))
    print('%d passed, %d failed' % (int(ok), int(not ok)))
    return 0 if ok else 1


if __name__ == '__main__':
    sys.exit(main())
