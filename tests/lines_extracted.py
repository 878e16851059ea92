#!/usr/bin/env python3
"""Every line reprint set (--dump=lines) comes back whole from the PDF.

Usage: lines_extracted.py LINES_DUMP PDFTOTEXT_RAW_OUTPUT
pdftotext invents a space where two glyphs stand apart and breaks a line
where they overlap; so an exact match of every set line means copy-paste
gives back the text, with no space between Han characters. The ideographic
space U+3000 of titles and names comes out as a plain space.
"""
import re
import sys

extracted = set(re.sub(' +', ' ', l.replace('\f', '').rstrip()) for l in open(sys.argv[2], encoding='utf-8'))
missing = total = 0
for line in open(sys.argv[1], encoding='utf-8'):
    m = re.match(r'\s*\d+ \| (.*) \| natural', line)
    if not m:
        continue
    total += 1
    text = re.sub(' +', ' ', m.group(1).replace('\u3000', ' ').rstrip())
    if text not in extracted:
        missing += 1
        if missing <= 20:
            print('not extracted as set: %r' % text)
han_gap = re.compile(r'[\u4e00-\u9fff] (?=[\u4e00-\u9fff])')
spurious = sum(len(han_gap.findall(l)) for l in extracted)
print('%d of %d set lines extracted exactly; %d spaces between Han characters in the PDF text'
      % (total - missing, total, spurious))
sys.exit(1 if missing else 0)
