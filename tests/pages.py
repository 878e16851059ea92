#!/usr/bin/env python3
"""Page checks of a built issue, read back from the PDF's characters.

Usage: pages.py STEXT LAYOUT_YAML MAGAZINE ISSUE SERIAL [ISSUE_DIR]

STEXT is `mutool draw -F stext` output: every character with its font,
size and baseline origin. From it, with the grid of the layout file:
  - every body line (Noto Serif at the body size) sits on the grid, so
    lines of neighbouring columns share baselines;
  - at an article's end (the end mark, or the columns above the next
    headline) the columns are balanced: their last lines differ by at most
    one grid line;
  - no head (heading, sub-head) is the last line of a column, and no
    headline (kicker, title, byline) is the last thing on a page;
  - no orphan (a paragraph's first line alone at a column foot) and no
    widow (its last line alone at a column top);
  - every page but the cover has the running head in the outer margin
    (magazine name; 总第…期 on odd, …年第…期 on even folios) and the body
    pages have folios 1, 2, 3, … in order; the contents page has the
    running head but no folio (it stands on 封二);
  - every entry of the contents page names an article whose title is on the
    page the entry gives;
  - column feet left short inside an article, pages mostly empty and page
    feet left empty before a headline that went overleaf are printed as
    figures, and each fails beyond what the composer reaches (SHORT_LINES,
    EMPTY_PAGES, EMPTY_FEET). A page foot before a new section is no such
    hole: with ISSUE_DIR, a section whose name is not printed is known by
    its first article's title (issue.yaml and the article's front matter).
Prints the figures and "N passed, N failed".
"""
import os
import re
import sys
import xml.etree.ElementTree as ET

import checks

MM = 72 / 25.4
# What the composer reaches on the bundled issue: a figure may not grow.
SHORT_LINES = 0   # lines of column feet left short inside articles
EMPTY_PAGES = 0   # body pages with text on less than half their grid lines
EMPTY_FEET = 7    # empty lines at page feet before a headline that went overleaf


def length(text, key):
    m = re.search(r'\b%s:\s*([\d.]+)(mm|pt)' % key, text)
    if not m:
        sys.exit('layout has no %s' % key)
    return float(m.group(1)) * (MM if m.group(2) == 'mm' else 1)


class Grid:
    def __init__(self, path):
        text = open(path, encoding='utf-8').read()
        self.top = length(text, 'top')
        self.inner = length(text, 'inner')
        self.outer = length(text, 'outer')
        self.pitch = length(text, 'line_pitch')
        self.height = length(text, 'height')
        self.bottom = length(text, 'bottom')
        body = re.search(r'\bbody:\s*\{[^}]*size:\s*([\d.]+)pt', text)
        self.em = float(body.group(1))
        self.chars = int(re.search(r'chars_per_line:\s*(\d+)', text).group(1))
        self.gutter = int(re.search(r'gutter:\s*(\d+)', text).group(1))
        self.width = self.chars * self.em
        self.colw = (self.chars - self.gutter) // 2 * self.em
        self.lines = int((self.height - self.top - self.bottom) / self.pitch + 1e-6)
        # a body line's baseline in grid line k (em box centred in the band)
        self.base0 = self.top + (self.pitch - self.em) / 2 + self.em * 0.88

    def line_of(self, y):
        return (y - self.base0) / self.pitch


class Seg:
    """A stretch of characters on one baseline, with no wide gap inside."""

    def __init__(self, chars):
        self.chars = chars
        self.x0 = chars[0][0]
        self.x1 = chars[-1][0] + chars[-1][4]
        self.y = chars[0][1]
        self.text = ''.join(c[2] for c in chars)
        fonts = [(c[3], c[4]) for c in chars]
        self.font = max(set(fonts), key=fonts.count)

    def is_body(self, g):
        """Body text: Noto Serif at the body size, or a line of a run-in
        head (Noto Sans at the body size, indented or set to the full
        measure; a sub-head is neither)."""
        name, size = self.font
        if abs(size - g.em) > 0.01:
            return False
        return 'Serif' in name or getattr(self, 'runin', False)

    def is_head(self, g):
        name, size = self.font
        if 'Sans' in name and 'Bold' in name and g.em < size < 1.5 * g.em:
            return True  # a section head (一、…)
        return 'Sans' in name and abs(size - g.em) < 0.01 and not self.is_body(g)

    def is_spanning(self, g):
        """Headline pieces across the columns: titles, kicker, subtitle,
        byline, editor's note, section names."""
        name, size = self.font
        if 'Serif' in name or self.is_head(g) or abs(size - g.em) < 0.01 and 'Sans' in name:
            return 'WenKai' in name and size >= g.em - 0.01
        return size >= g.em - 0.01


def read_pages(path):
    pages = []
    for page in ET.parse(path).getroot().iter('page'):
        chars = []
        for font in page.iter('font'):
            name, size = font.get('name'), float(font.get('size'))
            for ch in font.iter('char'):
                chars.append((float(ch.get('x')), float(ch.get('y')), ch.get('c'), name, size))
        pages.append(chars)
    return pages


def segments(chars, g):
    rows = {}
    for c in chars:
        rows.setdefault(round(c[1], 1), []).append(c)
    segs = []
    for y in sorted(rows):
        row = sorted(rows[y])
        start = 0
        for i in range(1, len(row) + 1):
            if i == len(row) or row[i][0] - row[i - 1][0] > 2.5 * g.em:
                segs.append(Seg(row[start:i]))
                start = i
    return segs


class Page:
    def __init__(self, chars, g):
        self.chars = chars
        inside = [c for c in chars if g.inner - 1 < c[0] < g.outer + g.width + 1]
        self.segs = [s for s in segments(inside, g) if s.text.strip()]
        # a right-hand (odd) page has the inner margin on the left: the type
        # area's left edge is where the lines start
        def within(left):
            starts = (left, left + g.colw + g.gutter * g.em, left + 2 * g.em)
            return sum(1 for c in chars for x in starts if abs(c[0] - x) < 0.05)
        self.odd = within(g.inner) >= within(g.outer)
        self.left = g.inner if self.odd else g.outer
        right = self.left + g.width
        self.margin = [c for c in chars if c[0] < self.left - 2 * g.em or c[0] > right + g.em]
        self.area = [s for s in self.segs if self.left - g.em <= s.x0 and s.x1 <= right + g.em]

    def head_text(self):
        return ''.join(c[2] for c in sorted(self.margin, key=lambda c: (c[1], c[0])))

    def folio(self):
        digits = [c for c in self.margin if c[2].isdigit() and 'Bold' in c[3]]
        return int(''.join(c[2] for c in sorted(digits))) if digits else None


def regions(page, g):
    """Splits the type area at spanning headline pieces into regions of one
    or two columns; returns (columns, lefts, rights), each column a list of
    segments top to bottom, and whether an article ends there."""
    col2 = page.left + g.colw + g.gutter * g.em
    out, cur, box = [], [], False
    for s in sorted(page.area, key=lambda s: (s.y, s.x0)) + [None]:
        # a box's title is centred across the gutter (a head never is)
        boxed = s is not None and s.is_head(g) and s.x0 < col2 - g.gutter * g.em \
            and s.x1 > page.left + g.colw + g.gutter * g.em / 2
        if s is not None and not s.is_spanning(g) and not boxed:
            cur.append(s)
            continue
        if cur:
            two = any(t.x0 >= col2 - g.em for t in cur)
            wide = any(t.x1 > page.left + g.colw + g.em for t in cur)
            if two:
                cols = [[t for t in cur if t.x0 < col2 - g.em], [t for t in cur if t.x0 >= col2 - g.em]]
                lefts, rights = [page.left, col2], [page.left + g.colw, col2 + g.colw]
            else:
                right = page.left + (g.width if wide else g.colw)
                cols, lefts, rights = [cur], [page.left], [right]
            for col, left, right in zip(cols, lefts, rights):
                for t in col:  # run-in heads are indented or run the full measure
                    t.runin = indented(t, left, g) or full(t, right, g)
            # an article's end: a headline follows, or the end mark is here
            end = s is not None or any('■' in t.text for t in cur)
            out.append((cols, lefts, rights, end, box))
        cur, box = [], boxed
    return out


def check_grid(pages, g, report):
    off = []
    for n, p in enumerate(pages):
        for s in p.area:
            if s.is_body(g):
                k = g.line_of(s.y)
                if abs(k - round(k)) > 0.01 or not 0 <= round(k) < g.lines:
                    off.append((n + 1, s.text[:8], round(k, 2)))
    report('body lines off the grid', off)


def indented(s, left, g):
    return s.x0 - left > 1.2 * g.em


def full(s, right, g):
    return s.x1 > right - 0.6 * g.em


def check_column(n, col, left, right, g, found):
    first, last = col[0], col[-1]
    if last.is_head(g):
        found['heads'].append((n + 1, last.text[:8]))
    if last.is_body(g) and indented(last, left, g) and full(last, right, g):
        found['orphans'].append((n + 1, last.text[:8]))
    nxt = col[1] if len(col) > 1 else None
    ends = not full(first, right, g) or (nxt and (indented(nxt, left, g) or not nxt.is_body(g)))
    if first.is_body(g) and not indented(first, left, g) and ends:
        found['widows'].append((n + 1, first.text[:8]))


def check_columns(pages, g, report, body_pages):
    found = {k: [] for k in ('unbalanced', 'heads', 'headlines', 'orphans', 'widows', 'short')}
    for n in body_pages:
        p = pages[n]
        for cols, lefts, rights, end, box in regions(p, g):
            for col, left, right in zip(cols, lefts, rights):
                if not box:  # a box's lines are a list, whole
                    check_column(n, col, left, right, g, found)
            ends = [round(g.line_of(c[-1].y)) for c in cols]
            if not end:  # (a box is one column: its page may end short)
                if len(cols) > 1:
                    found['short'] += [(n + 1, g.lines - 1 - e) for e in ends if e < g.lines - 1]
                continue
            if len(cols) == 2 and abs(ends[0] - ends[1]) > 1:
                found['unbalanced'].append((n + 1, ends[0], ends[1]))
            narrow = len(cols) == 1 and rights[0] - lefts[0] < g.width / 2
            if narrow and len(cols[0]) > 1:
                found['unbalanced'].append((n + 1, 'one column of two', cols[0][-1].text[:6]))
        last = max(p.area, key=lambda s: s.y, default=None)
        if last and last.is_spanning(g) and last.font[1] > g.em:
            found['headlines'].append((n + 1, last.text[:8]))
    # Column feet left short inside an article (a head that needs the next
    # column, a paragraph no looser setting could stretch): a figure, which
    # must not grow beyond what the composer reaches.
    short = sum(h for _, h in found['short'])
    print('column feet short of the last grid line inside an article: %d lines in %d columns %s'
          % (short, len(found['short']), found['short']))
    report('column feet short inside an article beyond %d lines' % SHORT_LINES,
           found['short'] if short > SHORT_LINES else [])
    report('article ends off balance by more than one line', found['unbalanced'])
    report('heads last in a column', found['heads'])
    report('headlines at a page foot', found['headlines'])
    report('orphans (first line alone at a column foot)', found['orphans'])
    report('widows (last line alone at a column top)', found['widows'])


def foot_line(p, g):
    """The last grid line of page p's type area that carries text; -1: none."""
    return max((round(g.line_of(s.y)) for s in p.area), default=-1)


def section_starts(p, g, named=True):
    """Whether page p opens a section: its name, bold and larger than the
    body, flush left at the top of the type area; without named, any
    headline at the top (a section with no name opens with its first
    article's title)."""
    top = min(p.area, key=lambda s: (s.y, s.x0), default=None)
    return bool(top and 'Bold' in top.font[0] and top.font[1] > g.em
                and (not named or abs(top.x0 - p.left) < 0.5 * g.em) and g.line_of(top.y) < 2)


def front_matter(path):
    """The text between an article file's --- lines."""
    text = open(path, encoding='utf-8').read()
    parts = text.split('\n---', 1)
    return parts[0] if text.startswith('---') else ''


def section_openers(issue_dir):
    """The title of each section's first article, as printed (no spaces)."""
    if not issue_dir:
        return []
    titles, first = [], True
    for line in open(os.path.join(issue_dir, 'issue.yaml'), encoding='utf-8'):
        if re.match(r'\s*- title:', line):
            first = True
        m = re.match(r'\s*- (\S+\.md)\s*$', line)
        if m and first:
            first = False
            fm = front_matter(os.path.join(issue_dir, m.group(1)))
            t = re.search(r'^title:\s*"?(.*?)"?\s*$', fm, re.M)
            if t:
                titles.append(re.sub(r'[ 　]', '', t.group(1)))
    return titles


def opens_section(p, g, openers):
    """Whether page p opens a section: its name at the top, or (a section
    whose name is not printed) its first article's title at the top."""
    if section_starts(p, g):
        return True
    top = [s for s in p.area if g.line_of(s.y) < 4 and s.font[1] >= 1.5 * g.em]
    big = re.sub(r'[ 　]', '', ''.join(s.text for s in sorted(top, key=lambda s: (s.y, s.x0))))
    return bool(big) and any(t.startswith(big) or big.startswith(t) for t in openers)


def check_empty(pages, g, report, body_pages, openers):
    """Pages mostly empty (text on less than half the grid lines, as a box
    alone on a page) and page feet left empty (an article's end before a
    headline that went overleaf); a section's last page (the next section
    starts on a new page) and the issue's last page are left out."""
    empty, feet = [], []
    for n in body_pages[:-1]:
        last = foot_line(pages[n], g)
        # (a section's last article may end high on its page: an end
        # mark there is no page of its own)
        ends = any('■' in s.text for s in pages[n].area)
        if last + 1 < g.lines / 2 and not ends:
            empty.append((n + 1, last + 1))
        elif last < g.lines - 1 and not opens_section(pages[n + 1], g, openers):
            feet.append((n + 1, g.lines - 1 - last))
    print('pages mostly empty (page, grid lines used): %d %s' % (len(empty), empty))
    lines = sum(h for _, h in feet)
    print('page feet left empty before a headline overleaf: %d lines on %d pages %s'
          % (lines, len(feet), feet))
    report('pages mostly empty beyond %d' % EMPTY_PAGES, empty if len(empty) > EMPTY_PAGES else [])
    report('empty page-foot lines before a headline overleaf beyond %d' % EMPTY_FEET,
           feet if lines > EMPTY_FEET else [])


def check_heads(pages, g, report, magazine, issue, serial):
    bad, folios = [], []
    expect = 1
    for n, p in enumerate(pages):
        text, folio = p.head_text(), p.folio()
        if n == 0 and not text:
            continue  # the cover
        if not text.startswith(magazine):
            bad.append((n + 1, 'no running head'))
            continue
        if folio is None:
            if expect != 1:
                bad.append((n + 1, 'no folio'))
            continue  # front matter (contents on 封二)
        folios.append(folio)
        if folio != expect:
            bad.append((n + 1, 'folio %d, want %d' % (folio, expect)))
        foot = serial if folio % 2 else issue
        if not text.endswith(foot):
            bad.append((n + 1, 'foot is not ' + foot))
        if (folio % 2 == 1) != p.odd:
            bad.append((n + 1, 'folio %d on the wrong hand' % folio))
        expect = folio + 1
    report('running head and folio on every page but the cover', bad)
    return folios


def contents_entries(pages, g):
    """(title, page number) of every entry of the contents pages: titles at
    the body size, each ending in its page number (digits in a bold face);
    a section's name (a bold face) starts afresh."""
    entries = []
    for p in pages:
        segs = sorted(p.area, key=lambda s: (s.y, s.x0))
        if not segs or segs[0].text.replace(' ', '').replace('　', '')[:2] != '目录':
            continue
        col2 = p.left + g.colw + g.gutter * g.em
        for left in (True, False):
            acc = ''
            for s in segs:
                if (s.x0 < col2 - g.em) != left:
                    continue
                digits = ''.join(c[2] for c in s.chars if c[2].isdigit() and 'Bold' in c[3])
                text = ''.join(c[2] for c in s.chars if 'Bold' not in c[3]
                               and abs(c[4] - g.em) < 0.01)
                if 'Bold' in s.font[0] and not digits:
                    acc = ''  # a section's name
                    continue
                acc += text
                if digits:
                    entries.append((acc, int(digits)))
                    acc = ''
    return entries


def check_contents(pages, g, report, folios):
    entries = contents_entries(pages, g)
    first = len(pages) - len(folios)
    wrong = []
    for title, num in entries:
        want = title.replace('　', '').replace(' ', '')
        if not 1 <= num <= len(folios):
            wrong.append((title[:8], num))
            continue
        page = pages[first + num - 1]
        big = ''.join(c[2] for c in sorted(page.chars, key=lambda c: (c[1], c[0]))
                      if 'Sans' in c[3] and c[4] >= 1.5 * g.em)
        if want not in big.replace('　', '').replace(' ', ''):
            wrong.append((title[:8], num))
    print('contents: %d entries' % len(entries))
    report('contents entries with the right page', wrong if entries else [('no entries', 0)])


def main():
    stext, layout, magazine, issue, serial = sys.argv[1:6]
    openers = section_openers(sys.argv[6] if len(sys.argv) > 6 else None)
    g = Grid(layout)
    pages = [Page(chars, g) for chars in read_pages(stext)]
    results = []

    def report(name, found):
        results.append((name, found))

    folios = check_heads(pages, g, report, magazine, issue, serial)
    body_pages = range(len(pages) - len(folios), len(pages))
    check_grid([pages[n] if n in body_pages else Page([], g) for n in range(len(pages))], g, report)
    check_columns(pages, g, report, body_pages)
    check_contents(pages, g, report, folios)
    check_empty(pages, g, report, body_pages, openers)
    print('pages: %d (%d with folios)' % (len(pages), len(folios)))
    return checks.report(results, examples=6)


if __name__ == '__main__':
    sys.exit(main())
