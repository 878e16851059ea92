#!/usr/bin/env python3
"""Fidelity of the cleaned issue against the raw seed.

Usage: reprint build ISSUE --dump=tree | fidelity.py SEED

Reads the document tree that reprint's own parser produced (so markup is
removed exactly as the typesetter sees it) and checks:
 (a) the multiset of Han characters and of CJK punctuation in the content
     equals the seed's minus its running heads;
 (b) every non-furniture line of the seed, with its extraction spaces
     removed, occurs whole inside one paragraph or field of the content;
 (c) prints the counts (articles, paragraphs, heads, Han characters).
Ends with "N passed, N failed" like every test of `make check`.
"""
import collections
import re
import sys

MASTHEAD = '天津政协'


def is_han(ch):
    o = ord(ch)
    return 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0x20000 <= o <= 0x3134F or o == 0x3007


def is_cjk(ch):
    o = ord(ch)
    return (0x3000 <= o <= 0x303F or is_han(ch) or 0xFF00 <= o <= 0xFFEF
            or o in (0x2014, 0x2026, 0x201C, 0x201D, 0x2018, 0x2019, 0x00B7, 0x25A0, 0x203B))


def counted(ch):
    return is_cjk(ch) and ch != '\u3000'


def squeeze(s):
    """Removes spaces next to a CJK character: justification and Han-Latin
    gaps that the extractor turned into spaces."""
    s = s.replace('\u3000', ' ')
    out = []
    for i, ch in enumerate(s):
        if ch == ' ':
            prev = s[:i].rstrip(' ')[-1:]
            nxt = s[i + 1:].lstrip(' ')[:1]
            if not prev or not nxt or is_cjk(prev) or is_cjk(nxt):
                continue
        out.append(ch)
    return ''.join(out).strip()


def furniture(lines):
    """Running heads: runs of >= 6 lines of one character or a short folio
    (blank lines ignored); single masthead characters left over from a head;
    a masthead 天 glued to the end of the line before 津/政/协 lines."""
    mark, strip_last = set(), set()
    short = [bool(l.strip()) and (len(l.strip()) <= 1 or
             (len(l.strip()) <= 3 and l.strip().isdigit())) for l in lines]
    i = 0
    while i < len(lines):
        j, run = i, []
        while j < len(lines) and (short[j] or not lines[j].strip()):
            if short[j]:
                run.append(j)
            j += 1
        if len(run) >= 6:
            mark.update(run)
        i = j + 1 if j == i else j
    for k, l in enumerate(lines):
        if l.strip() in MASTHEAD and len(l.strip()) == 1:
            mark.add(k)
    for k in range(len(lines) - 3):
        nxt = [l.strip() for l in lines[k + 1:k + 8] if l.strip()][:3]
        if lines[k].rstrip().endswith('天') and nxt == ['津', '政', '协']:
            strip_last.add(k)
    return mark, strip_last


def seed_lines(path):
    raw = open(path, encoding='utf-8').read().split('\n')
    mark, strip_last = furniture(raw)
    out = []
    for k, l in enumerate(raw):
        if k in mark or not l.strip():
            continue
        l = l.rstrip()
        if k in strip_last:
            l = l[:-1]
        out.append((k + 1, squeeze(l)))
    return out


BLOCK = re.compile(r'^    (para|head|subhead) \d+:\d+ (.*)$')
FIELD = re.compile(r'^    (kicker|title|subtitle|byline|editor_note|source|note): (.*)$')


def content_units(dump):
    units, counts = [], collections.Counter()
    for line in dump.split('\n'):
        if line.startswith('  article ') or line.startswith('  box '):
            counts['articles' if line.startswith('  article') else 'boxes'] += 1
            continue
        m = BLOCK.match(line)
        if m:
            kind, text = m.groups()
            counts[{'para': 'paragraphs', 'head': 'heads', 'subhead': 'sub-heads'}[kind]] += 1
            if text.startswith('[') and ']' in text:
                counts['run-in heads'] += 1
                text = text[1:].replace(']', '', 1)
            units.append(squeeze(text))
            continue
        m = FIELD.match(line)
        if m:
            units.append(squeeze(m.group(2)))
    return units, counts


def main():
    seed = sys.argv[1]
    lines = seed_lines(seed)
    units, counts = content_units(sys.stdin.read())
    passed = failed = 0
    want = collections.Counter(c for _, l in lines for c in l if counted(c))
    have = collections.Counter(c for u in units for c in u if counted(c))
    missing, extra = want - have, have - want
    if missing or extra:
        failed += 1
        print('FAIL (a) characters differ: missing %r extra %r' %
              (''.join(sorted(missing.elements()))[:300], ''.join(sorted(extra.elements()))[:300]))
    else:
        passed += 1
        print('ok (a) %d Han characters and CJK punctuation marks match the seed' % sum(want.values()))
    blob = '\n'.join(units)
    lost = [(n, l) for n, l in lines if l not in blob]
    for n, l in lost[:40]:
        print('%s:%d: seed line not found whole in one paragraph or field: %s' % (seed, n, l))
    if lost:
        failed += 1
        print('FAIL (b) %d of %d seed lines not found whole' % (len(lost), len(lines)))
    else:
        passed += 1
        print('ok (b) all %d non-furniture seed lines found whole' % len(lines))
    han = sum(1 for u in units for c in u if is_han(c))
    print('(c) %s; %d Han characters' % (', '.join('%d %s' % (v, k) for k, v in sorted(counts.items())), han))
    print('%d passed, %d failed' % (passed, failed))
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
