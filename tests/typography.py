#!/usr/bin/env python3
"""Typographic checks of a built issue, read back from the PDF and the
line dump.

Usage: typography.py LINES_DUMP PDFTOTEXT_RAW [EM_PT]

From the PDF text (pdftotext -raw, one line per set line):
  - no line starts with a mark that may not start a line (、，。；：？！ and
    closing brackets and quotes, · ～ ／), none ends with an opening one;
  - —— and …… are never split across two lines.
From the line dump:
  - no body paragraph ends in a last line of one or two characters (孤字);
  - every line that is not a paragraph's last is set to the full measure;
  - no gap is widened by 0.14 em or more (text extractors would see a space).
Prints the figures and "N passed, N failed".
"""
import re
import sys

import checks

NO_START = set('、，。．；：？！”’）〕］｝】〗》〉」』·・～／%‰℃')
NO_END = set('“‘（〔［｛【〖《〈「『')


pushed = 0


def lines_dump(path):
    global pushed
    paras, cur = [], []
    for line in open(path, encoding='utf-8'):
        m = re.match(r'\s*\d+ \| (.*) \| natural ([\d.]+) set ([\d.]+) maxgap ([\d.]+)(.*)', line)
        if not m:
            if cur:
                paras.append(cur)
            cur = []
            continue
        text, natural, width, gap, flags = m.groups()
        pushed += 'pushed-out' in flags
        if 'ragged' in flags and 'last' not in flags:
            continue  # titles, heads, notes: not justified
        cur.append((text, float(natural), float(width), float(gap), 'last' in flags))
    if cur:
        paras.append(cur)
    return paras


def main():
    em = float(sys.argv[3]) if len(sys.argv) > 3 else 10.5
    paras = lines_dump(sys.argv[1])
    pdf_lines = [l.replace('\f', '').rstrip('\n') for l in open(sys.argv[2], encoding='utf-8')]
    pdf_lines = [l for l in pdf_lines if len(l.strip()) > 1]  # vertical heads: one per line
    results = []

    starts = [l for l in pdf_lines if l[0] in NO_START]
    ends = [l for l in pdf_lines if l[-1] in NO_END]
    split = [(a, b) for a, b in zip(pdf_lines, pdf_lines[1:])
             if (a.endswith('—') and not a.endswith('——') and b.startswith('—'))
             or (a.endswith('…') and not a.endswith('……') and b.startswith('…'))]
    results.append(('line-start violations', starts))
    results.append(('line-end violations', ends))
    results.append(('split dashes or ellipses', split))

    runts = [p[-1][0] for p in paras if len(p) > 1 and len(p[-1][0].strip()) <= 2]
    results.append(('last lines of <= 2 characters', runts))
    # The measures in use: body columns (18 characters) and the full measure
    # (39), each less the indent-free line-start trim of an opening bracket.
    widths = {round(em * 18, 2), round(em * 39, 2)}
    not_flush = [(t, w) for p in paras for t, n, w, g, last in p
                 if not last and all(abs(w - m) > 0.01 for m in widths)]
    results.append(('non-last lines not set to a measure', not_flush))
    gaps = [g for p in paras for t, n, w, g, last in p if not last]
    print('lines pushed out (gave a character to the next line): %d' % pushed)
    wide = [g for g in gaps if g >= 0.14 * em]
    results.append(('gaps widened by >= 0.14 em', wide))
    print('per-gap expansion: max %.3f em, mean %.4f em over %d justified lines' %
          (max(gaps) / em, sum(gaps) / len(gaps) / em, len(gaps)))
    return checks.report(results)


if __name__ == '__main__':
    sys.exit(main())
