#!/usr/bin/env python3
"""synth.py - synthetic issues for `make bench` (scale) and the bad-input tests.

  synth.py repeat SRC_ISSUE DST N        the issue's articles N times over
  synth.py longpara SRC_ISSUE DST CHARS  one article whose body is one
                                         paragraph of CHARS characters of
                                         the issue's own text
  synth.py tiny DST N                    N one-line articles
"""
import os
import re
import sys


def read_manifest(src):
    """(header lines, [(section title, [article files])]) of a simple issue.yaml."""
    head, sections = [], []
    for line in open(os.path.join(src, "issue.yaml"), encoding="utf-8"):
        m = re.match(r'\s*- title:\s*(.*)$', line)
        a = re.match(r'\s*- (\S+\.md)\s*$', line)
        if m:
            sections.append((m.group(1), []))
        elif a and sections:
            sections[-1][1].append(a.group(1))
        elif not sections and not line.startswith("sections:"):
            head.append(line)
    return head, sections


def write_manifest(dst, head, sections):
    with open(os.path.join(dst, "issue.yaml"), "w", encoding="utf-8") as f:
        f.writelines(head)
        f.write("sections:\n")
        for title, files in sections:
            f.write(f"  - title: {title}\n    articles:\n")
            f.writelines(f"      - {name}\n" for name in files)


def repeat(src, dst, n):
    head, sections = read_manifest(src)
    os.makedirs(dst, exist_ok=True)
    out = []
    for k in range(n):
        for title, files in sections:
            names = []
            for name in files:
                copy = f"r{k:03d}-{name}"
                with open(os.path.join(src, name), encoding="utf-8") as f:
                    text = f.read()
                with open(os.path.join(dst, copy), "w", encoding="utf-8") as f:
                    f.write(text)
                names.append(copy)
            out.append((title, names))
    write_manifest(dst, head, out)


def body_text(src):
    """The plain paragraphs of the issue, front matter and heads dropped."""
    _, sections = read_manifest(src)
    paras = []
    for _, files in sections:
        for name in files:
            text = open(os.path.join(src, name), encoding="utf-8").read()
            text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)
            for p in text.split("\n\n"):
                p = p.strip().replace("\n", "")
                if p and not p.startswith(("#", "*", ">", "-", "|")):
                    paras.append(p)
    return "".join(paras)


def longpara(src, dst, chars):
    head, _ = read_manifest(src)
    text = body_text(src)
    while len(text) < chars:
        text += text
    os.makedirs(dst, exist_ok=True)
    with open(os.path.join(dst, "long.md"), "w", encoding="utf-8") as f:
        f.write(f'---\nkind: article\ntitle: "一段{chars}字的段落"\n---\n\n{text[:chars]}\n')
    write_manifest(dst, head, [('""', ["long.md"])])


def tiny(dst, n):
    os.makedirs(dst, exist_ok=True)
    head = ["magazine: 天津政协\n", "issue: 2022年第8期\n", "serial: 总第419期\n",
            "date: 2022-08-01\n", "language: zh-Hans\n", "layout: tianjin-zhengxie\n"]
    names = []
    for k in range(n):
        name = f"a{k:05d}.md"
        with open(os.path.join(dst, name), "w", encoding="utf-8") as f:
            f.write(f'---\nkind: article\ntitle: "第{k}篇"\n---\n\n短文{k}。\n')
        names.append(name)
    write_manifest(dst, head, [('""', names)])


if __name__ == "__main__":
    cmd = sys.argv[1]
    if cmd == "repeat":
        repeat(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "longpara":
        longpara(sys.argv[2], sys.argv[3], int(sys.argv[4]))
    elif cmd == "tiny":
        tiny(sys.argv[2], int(sys.argv[3]))
    else:
        sys.exit(__doc__)
