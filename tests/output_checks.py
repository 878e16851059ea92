#!/usr/bin/env python3
"""Checks on a finished PDF read through `qpdf --json` (JSON v2), for
tests/output.test.sh. Each subcommand prints what it found and exits 1 on
a failure:

  labels PDF PAGES_DUMP     page labels equal the folios of --dump=pages
  links PDF                 every link goes to a named destination that exists
  outline PDF               outline: sections holding articles, every entry lands on a page
  boxes PDF W H BLEED MARKS TrimBox W×H pt, BleedBox = trim + BLEED, both inside
                            the MediaBox (= BleedBox unless MARKS is 1)
  annots PDF none|printable no annotations / every annotation has the print flag
  artifacts N               (QDF file on stdin) each of the N pages' contents has an artifact
"""
import json
import re
import subprocess
import sys


def load(pdf):
    out = subprocess.run(["qpdf", "--json", pdf], capture_output=True, check=True).stdout
    return json.loads(out)


def objects(d):
    return {k[4:]: v.get("value", v.get("stream", {}).get("dict"))
            for k, v in d["qpdf"][1].items() if k.startswith("obj:")}


def resolve(objs, v):
    while isinstance(v, str) and re.fullmatch(r"\d+ \d+ R", v):
        v = objs.get(v)
    return v


def text(v):
    """qpdf JSON v2 strings are "u:…" (text) or "b:…" (hex bytes)."""
    if isinstance(v, str) and v.startswith("u:"):
        return v[2:]
    return v


def label_of(spec, index_in_range):
    if spec is None:
        return str(index_in_range + 1)
    prefix = text(spec.get("/P", "")) or ""
    if spec.get("/S") == "/D":
        return prefix + str(spec.get("/St", 1) + index_in_range)
    return prefix


def cmd_labels(pdf, dump):
    d = load(pdf)
    folios = [int(m.group(1)) for m in re.finditer(r"^page \d+ folio (-?\d+)", open(dump).read(), re.M)]
    ranges = sorted((r["index"], r["label"]) for r in d["pagelabels"])
    bad = 0
    for i, folio in enumerate(folios):
        start, spec = max(((s, l) for s, l in ranges if s <= i), default=(0, None))
        got = label_of(spec, i - start)
        if folio > 0 and got != str(folio):
            print(f"page {i + 1}: label {got!r}, folio {folio}")
            bad += 1
    print(f"{len(folios)} pages, {sum(f > 0 for f in folios)} numbered, {bad} wrong labels")
    return bad == 0 and len(folios) == len(d["pages"])


def named_dests(objs, root):
    names = resolve(objs, resolve(objs, root.get("/Names", {})).get("/Dests"))
    found, todo = set(), [names] if names else []
    while todo:
        node = resolve(objs, todo.pop())
        arr = node.get("/Names", [])
        found.update(text(arr[i]) for i in range(0, len(arr), 2))
        todo.extend(node.get("/Kids", []))
    return found


def cmd_links(pdf):
    d = load(pdf)
    objs = objects(d)
    root = resolve(objs, d["qpdf"][1]["trailer"]["value"]["/Root"])
    dests = named_dests(objs, root)
    links = [o for o in objs.values() if isinstance(o, dict) and o.get("/Subtype") == "/Link"]
    bad = [l for l in links if text(l.get("/Dest")) not in dests]
    print(f"{len(dests)} named destinations, {len(links)} links, {len(bad)} to nowhere")
    return not bad and len(dests) > 0


def cmd_outline(pdf):
    d = load(pdf)
    entries = [o for p in d["pages"] for o in p["outlines"]]
    objs = objects(d)
    items = [o for o in objs.values() if isinstance(o, dict) and "/Title" in o and "/Parent" in o]
    nested = [o for o in items if "/Count" not in resolve(objs, o["/Parent"])
              or resolve(objs, o["/Parent"]).get("/Type") != "/Outlines"]
    print(f"{len(items)} outline entries, {len(entries)} land on pages, {len(nested)} under a section")
    return len(items) > 0 and len(entries) == len(items) and len(nested) > 0


def cmd_boxes(pdf, w, h, bleed, marks):
    w, h, bleed, marks = float(w), float(h), float(bleed), marks == "1"
    out = subprocess.run(["pdfinfo", "-box", "-f", "1", "-l", "9999", pdf], capture_output=True,
                         text=True, check=True).stdout
    boxes = {}
    for m in re.finditer(r"^Page\s+(\d+)\s+(MediaBox|BleedBox|TrimBox):\s+(.*)$", out, re.M):
        boxes.setdefault(int(m.group(1)), {})[m.group(2)] = [float(x) for x in m.group(3).split()]
    bad = 0
    near = lambda a, b: abs(a - b) < 0.01
    inside = lambda a, b: a[0] >= b[0] - 0.01 and a[1] >= b[1] - 0.01 and a[2] <= b[2] + 0.01 and a[3] <= b[3] + 0.01
    for page, b in sorted(boxes.items()):
        t, bl, me = b.get("TrimBox"), b.get("BleedBox"), b.get("MediaBox")
        ok = t and bl and me and near(t[2] - t[0], w) and near(t[3] - t[1], h)
        ok = ok and all(near(bl[i], t[i] + (-bleed if i < 2 else bleed)) for i in range(4))
        ok = ok and inside(t, bl) and inside(bl, me)
        ok = ok and (marks != (me == bl or all(near(me[i], bl[i]) for i in range(4))))
        if not ok:
            print(f"page {page}: {b}")
            bad += 1
    print(f"{len(boxes)} pages with boxes, {bad} wrong")
    return bad == 0 and len(boxes) > 0


def cmd_annots(pdf, mode):
    d = load(pdf)
    objs = objects(d)
    annots = [o for o in objs.values() if isinstance(o, dict) and o.get("/Type") == "/Annot"
              or isinstance(o, dict) and o.get("/Subtype") in ("/Link", "/Widget")]
    unprintable = [a for a in annots if not (int(a.get("/F", 0)) & 4)]
    print(f"{len(annots)} annotations, {len(unprintable)} without the print flag")
    return not annots if mode == "none" else not unprintable


def cmd_artifacts(n):
    qdf = sys.stdin.buffer.read()
    chunks = re.split(rb"%% Contents for page \d+", qdf)[1:]
    bad = [i + 1 for i, c in enumerate(chunks) if b"/Artifact BMC" not in c.split(b"endstream")[0]]
    print(f"{len(chunks)} pages, without artifacts: {bad}")
    return len(chunks) == int(n) and not bad


if __name__ == "__main__":
    cmds = {"labels": cmd_labels, "links": cmd_links, "outline": cmd_outline,
            "boxes": cmd_boxes, "annots": cmd_annots, "artifacts": cmd_artifacts}
    sys.exit(0 if cmds[sys.argv[1]](*sys.argv[2:]) else 1)
