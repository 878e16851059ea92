"""Checks `reprint check --json` against what the other stages show.

usage: check_report.py REPORT.json LINES.dump PAGES
  REPORT.json  reprint check ISSUE --json
  LINES.dump   reprint build ISSUE --dump=lines (the same paragraphs as set)
  PAGES        the page count pdfinfo gives for the built PDF

Counts that the report derives from the paragraphs must equal what the
line dump shows; every line to look at must name a real source line and
be a line the dump flags; per-article counts must add up to the totals.
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from checks import report as closing_report  # noqa: E402


class Report:
    """Collects (name, findings) pairs for checks.report."""

    def __init__(self):
        self.results = []

    def ok(self, name, cond, detail=None):
        self.results.append((name, [] if cond else [detail]))

    def eq(self, name, got, want):
        self.results.append((name, [] if got == want else ["got %r, want %r" % (got, want)]))

    def finish(self):
        sys.exit(closing_report(self.results))

FIELDS = ["paragraphs", "lines", "loose", "tight", "pushed_out", "overfull", "compressed",
          "runts_avoided", "runts", "reset", "missing_glyphs", "warnings", "errors"]


def dump_lines(path):
    """The dump's lines: (text, maxgap pt, flags) and the paragraph count."""
    lines, paragraphs = [], 0
    pat = re.compile(r"^\s*(\d+) \| (.*) \| natural \S+ set \S+ maxgap (\S+) ratio \S+ "
                     r"compress (\d+) demerits \S+(.*)$")
    for raw in open(path, encoding="utf-8"):
        m = pat.match(raw.rstrip("\n"))
        if not m:
            continue
        if m.group(1) == "1":
            paragraphs += 1
        lines.append((m.group(2), float(m.group(3)), int(m.group(4)), m.group(5).split()))
    return lines, paragraphs


def main():
    report = json.load(open(sys.argv[1], encoding="utf-8"))
    lines, paragraphs = dump_lines(sys.argv[2])
    pages = int(sys.argv[3])
    r = Report()
    t = report["totals"]

    r.eq("pages as pdfinfo counts them", t["pages"], pages)
    r.eq("paragraphs as the dump has them", t["paragraphs"], paragraphs)
    r.eq("lines as the dump has them", t["lines"], len(lines))
    r.eq("tight lines as the dump flags them", t["tight"], sum("tight" in f for *_, f in lines))
    r.eq("push-outs as the dump flags them", t["pushed_out"],
         sum("pushed-out" in f for *_, f in lines))
    r.eq("overfull lines as the dump flags them", t["overfull"],
         sum("OVERFULL" in f for *_, f in lines))
    r.eq("compressed marks as the dump counts them", t["compressed"], sum(c for _, _, c, _ in lines))
    r.eq("loose lines as the dump flags them", t["loose"], sum("loose" in f for *_, f in lines))

    parts = report["articles"] + [report["furniture"]]
    for field in FIELDS:
        r.eq("articles add up: " + field, sum(a["counts"][field] for a in parts), t[field])

    texts = {text for text, *_ in lines}
    looks = [l for a in parts for l in a["lines_to_look_at"]]
    r.eq("lines to look at = loose + tight + overfull", len(looks),
         t["loose"] + t["tight"] + t["overfull"])
    for look in looks:
        at = look["at"]
        src = open(at["file"], encoding="utf-8").read().split("\n")
        r.ok("%s:%d: the paragraph's line exists" % (at["file"], at["line"]),
             0 < at["line"] <= len(src) and at["column"] >= 1)
        r.ok("%s:%d: its text is a line the dump shows" % (at["file"], at["line"]),
             look["text"] in texts, look["text"])
        r.ok("%s:%d: printed on a numbered page" % (at["file"], at["line"]),
             t["first_page"] <= look["page"] <= t["last_page"], look["page"])
        r.eq("%s:%d: its PDF page counts the unnumbered front pages" % (at["file"], at["line"]),
             look["pdf_page"] - look["page"], report["pages"] - report["numbered_pages"])

    first = [a["counts"]["first_page"] for a in report["articles"]]
    r.ok("every article is on a page", all(p > 0 for p in first))
    flowing = [a["counts"]["first_page"] for a in report["articles"] if a["kind"] != "box"]
    r.ok("articles start in the issue's order (boxes float)",
         all(a <= b for a, b in zip(flowing, flowing[1:])), flowing)
    for a in report["articles"]:
        c = a["counts"]
        r.ok(a["file"] + ": last page ≥ first page, pages ≥ 1",
             c["last_page"] >= c["first_page"] and c["pages"] >= 1)
        r.ok(a["file"] + ": a title", bool(a["title"]))
    r.finish()


main()
