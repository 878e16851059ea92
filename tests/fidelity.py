#!/usr/bin/env python3
"""Interim fidelity check: content Markdown files against the raw seed.

Usage: fidelity.py SEED [--lines A-B] FILE.md...

(a) the multiset of Han characters and CJK punctuation of the seed lines
    (minus running heads) equals that of the files;
(b) every non-furniture seed line, with extraction spaces removed, occurs
    whole inside one line of the files (markup stripped).
"""
import sys, re, collections, unicodedata

def is_cjk(ch):
    o = ord(ch)
    return (0x3000 <= o <= 0x303F or 0x3400 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF
            or 0xFF00 <= o <= 0xFFEF or 0x2E80 <= o <= 0x2FDF or o in (0x2014, 0x2026,
            0x201C, 0x201D, 0x2018, 0x2019, 0x00B7, 0x25A0, 0x203B, 0x2022, 0x2013, 0x2015))

def counted(ch):
    return is_cjk(ch) and ch != '\u3000'

def squeeze(s):
    """Remove spaces next to a CJK character (extraction artefacts)."""
    s = s.replace('\u3000', ' ')
    out = []
    chars = list(s)
    for i, ch in enumerate(chars):
        if ch == ' ':
            prev = next((c for c in reversed(chars[:i]) if c != ' '), '')
            nxt = next((c for c in chars[i + 1:] if c != ' '), '')
            if prev == '' or nxt == '' or is_cjk(prev) or is_cjk(nxt):
                continue
        out.append(ch)
    return ''.join(out)

def furniture(lines):
    """Indices of running-head lines: >= 6 one-character lines in a row (blanks ignored)."""
    mark = set()
    i, n = 0, len(lines)
    while i < n:
        j, run = i, []
        while j < n and (len(lines[j].strip()) <= 1 or
                         (len(lines[j].strip()) <= 3 and lines[j].strip().isdigit())):
            if lines[j].strip():
                run.append(j)
            j += 1
        if len(run) >= 6:
            mark.update(run)
        i = j + 1 if j == i else j
    return mark

def strip_md(line):
    line = line.rstrip('\n')
    line = re.sub(r'^\s*#+\s*', '', line)
    line = re.sub(r'^\s*-\s+', '', line)
    line = re.sub(r'^[A-Za-z_]+:\s*', '', line)
    line = line.replace('**', '')
    line = re.sub(r'\\(.)', r'\1', line)
    line = line.strip().strip('"\'')
    return line

def main():
    args = sys.argv[1:]
    seed = args.pop(0)
    lo, hi = 1, 10**9
    if args and args[0] == '--lines':
        lo, hi = map(int, args[1].split('-'))
        args = args[2:]
    raw = open(seed, encoding='utf-8').read().split('\n')
    furn = furniture(raw)
    seed_lines = [(i + 1, squeeze(raw[i]).strip()) for i in range(len(raw))
                  if lo <= i + 1 <= hi and i not in furn and raw[i].strip()]
    content = []
    for f in args:
        for line in open(f, encoding='utf-8'):
            if line.strip() == '---':
                continue
            content.append(squeeze(strip_md(line)))
    want = collections.Counter(c for _, l in seed_lines for c in l if counted(c))
    have = collections.Counter(c for l in content for c in l if counted(c))
    ok = True
    missing, extra = want - have, have - want
    if missing:
        ok = False
        print('missing from content:', ''.join(sorted(missing.elements()))[:400])
    if extra:
        ok = False
        print('extra in content:', ''.join(sorted(extra.elements()))[:400])
    blob = '\n'.join(content)
    lost = [(n, l) for n, l in seed_lines if l not in blob]
    for n, l in lost:
        ok = False
        print(f'{seed}:{n}: seed line not found whole in content: {l}')
    print(f'{len(seed_lines)} seed lines, {sum(want.values())} CJK chars in seed, '
          f'{sum(have.values())} in content, {len(lost)} lines not found')
    print('OK' if ok else 'FAIL')
    return 0 if ok else 1

if __name__ == '__main__':
    sys.exit(main())
