#!/usr/bin/env python3
"""Typography read back from the PDF's character positions.

Usage: typography_pdf.py STEXT.xml EM_PT [LINES_DUMP]
STEXT is `mutool draw -F stext` output of the whole document. For the body
text (characters of size EM_PT in lines of at least four characters):
  - no line starts with a mark that may not start one, none ends with an
    opening one;
  - lines that reach the measure end on it within ±0.5 pt (the right edge of
    a line-end mark is its ink half, its blank half being compressed);
  - a full-width mark inside a line advances one em (± the justification
    spread), or less, down to half an em, when it was compressed;
  - a gap between a Han character and a Latin letter or digit is between
    ⅛ em (less 1/32 when a line is tightened) and ⅓ em (plus the spread).
mutool reports every gap as a space of its own; those are skipped.
With LINES_DUMP (--dump=lines), lines set ragged on purpose (boxes, notes,
heads) are not held to the measure. Prints figures and "N passed, N failed".
"""
import collections
import sys
import xml.etree.ElementTree as ET

import checks

NO_START = set('、，。．；：？！”’）〕］｝】〗》〉」』·・～／%％')
NO_END = set('“‘（〔［｛【〖《〈「『')
RIGHT_BLANK = set('、，。；：？！”’）〕］｝】〗》〉」』')
SPREAD = 0.14  # em: justification never adds this much to a gap


def is_han(c):
    return '\u4e00' <= c <= '\u9fff' or '\u3400' <= c <= '\u4dbf'


def is_latin(c):
    return c.isascii() and c.isalnum()


def body_font(root, em):
    """The font most characters of size em are set in."""
    count = collections.Counter()
    for font in root.iter('font'):
        if abs(float(font.get('size')) - em) < 0.01:
            count[font.get('name')] += len(list(font.iter('char')))
    return count.most_common(1)[0][0] if count else None


def body_lines(path, em):
    """Lines of body text: set in the body font (heads and notes are not)."""
    root = ET.parse(path).getroot()
    body = body_font(root, em)
    for page in root.iter('page'):
        for line in page.iter('line'):
            if not any(f.get('name') == body for f in line.iter('font')):
                continue
            chars = []
            after_space = False
            for font in line.iter('font'):
                size = float(font.get('size'))
                for ch in font.iter('char'):
                    if ch.get('c') in (' ', '\u3000'):
                        after_space = True  # mutool marks every gap with a space
                        continue
                    q = [float(v) for v in ch.get('quad').split()]
                    chars.append((ch.get('c'), float(ch.get('x')), q[2], size, after_space))
                    after_space = False
            if len(chars) >= 4 and sum(abs(c[3] - em) < 0.01 for c in chars) > len(chars) / 2:
                yield page.get('id'), chars


def right_edge(chars, em):
    c, x, x1, size, _ = chars[-1]
    return x + size / 2 if c in RIGHT_BLANK else x1


def ragged_texts(path):
    """Texts of the lines the dump marks ragged (not justified on purpose)."""
    out = set()
    for line in open(path, encoding='utf-8'):
        parts = line.split(' | ')
        if len(parts) >= 3 and ' ragged' in parts[-1]:
            out.add(parts[1].replace(' ', '').replace('\u3000', ''))
    return out


def main():
    em = float(sys.argv[2])
    ragged = ragged_texts(sys.argv[3]) if len(sys.argv) > 3 else set()
    lines = list(body_lines(sys.argv[1], em))
    results = []
    starts = [''.join(c[0] for c in l) for _, l in lines if l[0][0] in NO_START]
    ends = [''.join(c[0] for c in l) for _, l in lines if l[-1][0] in NO_END]
    results.append(('line-start violations', starts))
    results.append(('line-end violations', ends))

    # A page's measures are the right edges most of its lines share.
    rights = collections.defaultdict(collections.Counter)
    for page, l in lines:
        rights[page][round(right_edge(l, em), 1)] += 1
    edges = {p: [r for r, n in c.items() if n >= 3] for p, c in rights.items()}
    near = []
    for page, l in lines:
        if ''.join(c[0] for c in l) in ragged:
            continue
        r = right_edge(l, em)
        closest = min(edges[page], key=lambda e: abs(e - r)) if edges[page] else r
        if 0.5 < abs(closest - r) < em:
            near.append((page, ''.join(c[0] for c in l), round(r - closest, 2)))
    results.append(('lines within an em of the measure but not on it (±0.5 pt)', near))

    bad_marks, compressed, partly, full = [], 0, 0, 0
    bad_gaps, gaps = [], []
    for page, l in lines:
        for a, b in zip(l, l[1:]):
            adv = (b[1] - a[1]) / em
            full_width_mark = a[0] in RIGHT_BLANK and a[2] - a[1] > 0.9 * em
            if full_width_mark and is_han(b[0]) and not (b[4] and adv > 1 + SPREAD):
                if abs(adv - 1) <= SPREAD:
                    full += 1
                elif abs(adv - 0.5) <= SPREAD:
                    compressed += 1
                elif 0.5 < adv < 1:
                    partly += 1  # pulled in by less than its blank half
                else:
                    bad_marks.append((page, a[0] + b[0], round(adv, 3)))
            if (is_han(a[0]) and is_latin(b[0])) or (is_latin(a[0]) and is_han(b[0])):
                own = 1.0 if is_han(a[0]) else (a[2] - a[1]) / em
                gap = adv - own
                gaps.append(gap)
                # ¼ em, shrinking to ⅛ (and by 1/32 more when a whole line
                # is tightened), stretching to ⅓ plus the even spread.
                if not (1 / 8 - 1 / 32 - 0.005 <= gap <= 1 / 3 + SPREAD):
                    bad_gaps.append((page, a[0] + b[0], round(gap, 3)))
    results.append(('marks inside a line neither full nor half width', bad_marks))
    results.append(('Han–Latin gaps outside ⅛–⅓ em', bad_gaps))
    all_edges = sorted({e for es in edges.values() for e in es})
    print('%d body lines on %d pages; right edges at %s pt' %
          (len(lines), len(edges), ', '.join(map(str, all_edges[:12]))))
    print('marks before a Han character: %d full width, %d half, %d pulled in partly' %
          (full, compressed, partly))
    if gaps:
        print('Han–Latin gaps: %d, from %.3f to %.3f em, mean %.3f em' %
              (len(gaps), min(gaps), max(gaps), sum(gaps) / len(gaps)))
    return checks.report(results)


if __name__ == '__main__':
    sys.exit(main())
