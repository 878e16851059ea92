#!/usr/bin/env python3
"""make-cases.py DIR - writes the generated bad-input cases into DIR.

Each case is DIR/<name>/ with issue.yaml, its articles and `expected`:
line 1 the exit status, line 2 a regular expression the diagnostics must
match (grep -E); "^$" means no messages at all, ".*" any or none. Cases too big or too binary to keep in git live here.
"""
import os
import sys

HEAD = ("magazine: 天津政协\nissue: 2022年第8期\nserial: 总第419期\n"
        "date: 2022-08-01\nlanguage: zh-Hans\nlayout: {layout}\n")
ARTICLE = '---\nkind: article\ntitle: "标题"\n---\n\n{body}\n'


def case(root, name, status, pattern, body=None, files=None, layout="tianjin-zhengxie",
         articles=("a.md",), raw_yaml=None):
    d = os.path.join(root, name)
    os.makedirs(d, exist_ok=True)
    manifest = raw_yaml if raw_yaml is not None else (
        HEAD.format(layout=layout) + 'sections:\n  - title: ""\n    articles:\n' +
        "".join(f"      - {a}\n" for a in articles))
    with open(os.path.join(d, "issue.yaml"), "wb") as f:
        f.write(manifest.encode() if isinstance(manifest, str) else manifest)
    if body is not None:
        data = ARTICLE.format(body=body).encode() if isinstance(body, str) else body
        with open(os.path.join(d, "a.md"), "wb") as f:
            f.write(data)
    for fname, data in (files or {}).items():
        p = os.path.join(d, fname)
        if data is None:
            os.makedirs(p, exist_ok=True)
            continue
        with open(p, "wb") as f:
            f.write(data.encode() if isinstance(data, str) else data)
    with open(os.path.join(d, "expected"), "w") as f:
        f.write(f"{status}\n{pattern}\n")


def main(root):
    fm = b'---\nkind: article\ntitle: "t"\n---\n\n'
    case(root, "nul-in-body", 1, r"a\.md:6:3: error: .*(NUL|U\+0000)", body=fm + "正文\0正文\n".encode())
    case(root, "control-char", 1, r"a\.md:6:3: error: .*(control|U\+0007)", body=fm + "正文\a正文\n".encode())
    case(root, "nul-in-manifest", 1, r"issue\.yaml:.*error", raw_yaml=b"magazine: \xe5\0\n")
    case(root, "invalid-utf8-front-matter", 1, r"a\.md:[0-9]+:[0-9]+: error: .*(UTF-8|utf-8)",
         body=b'---\nkind: article\ntitle: "\xff\xfe"\n---\n\ntext\n')
    case(root, "invalid-utf8-manifest", 1, r"issue\.yaml:.*error",
         raw_yaml=HEAD.format(layout="tianjin-zhengxie").encode() + b'sections:\n  - title: "\xff"\n')
    case(root, "truncated-utf8-at-end", 1, r"a\.md:6:[0-9]+: error: .*UTF-8", body=fm + "正文".encode() + b"\xe6\xad")
    case(root, "overlong-utf8", 1, r"a\.md:6:[0-9]+: error: .*UTF-8", body=fm + b"\xc0\xaf\n")
    case(root, "surrogate-utf8", 1, r"a\.md:6:[0-9]+: error: .*UTF-8", body=fm + b"\xed\xa0\x80\n")
    case(root, "bom-manifest", 1, r"issue\.yaml:1:1: error: .*byte order mark",
         raw_yaml=b"\xef\xbb\xbf" + HEAD.format(layout="tianjin-zhengxie").encode())
    case(root, "crlf-manifest", 0, r"^$",
         raw_yaml=(HEAD.format(layout="tianjin-zhengxie") + 'sections:\n  - title: ""\n    articles: [a.md]\n').replace("\n", "\r\n").encode(),
         body="正文。")
    case(root, "article-is-a-directory", 1, r'issue\.yaml:[0-9]+:[0-9]+: error: cannot read article "a\.md"',
         files={"a.md": None})
    case(root, "listed-twice-across-sections", 1, r'issue\.yaml:[0-9]+:[0-9]+: error: article "a\.md" is listed twice',
         raw_yaml=HEAD.format(layout="tianjin-zhengxie") + 'sections:\n  - title: ""\n    articles: [a.md]\n'
         '  - title: "二"\n    articles: [a.md]\n', body="正文。")
    case(root, "front-matter-not-mapping", 1, r"a\.md:[0-9]+:[0-9]+: error", body=b"---\n- a\n- b\n---\n\ntext\n")
    case(root, "front-matter-only", 0, r"a\.md:5: warning: article has no body text", body=b'---\nkind: article\ntitle: "t"\n---\n')
    case(root, "unterminated-front-matter-eof", 1, r"a\.md:1:1: error: .*front matter", body=b"---\nkind: article\n")
    case(root, "title-wrong-type", 1, r'a\.md:[0-9]+:[0-9]+: error: .*title', body=b'---\nkind: article\ntitle: {a: 1}\n---\n\ntext\n')
    case(root, "yaml-anchor-bomb", 1, r"issue\.yaml:[0-9]+:[0-9]+: error",
         raw_yaml='a: &a ["x","x"]\nb: &b [*a,*a]\nc: &c [*b,*b]\nd: &d [*c,*c]\nmagazine: *d\n')
    # 1 MB paragraph with no break opportunity: one Latin "word".
    case(root, "megabyte-no-break", 0, r"a\.md:6:1: warning: no break opportunity fits the measure",
         body="正文" + "a" * (1 << 20) + "。")
    case(root, "url-300-chars", 0, r"a\.md:6:1: warning: no break opportunity fits the measure",
         body="见网址https://example.org/" + "abcdefghij" * 29 + "。")
    case(root, "nested-lists-1000", 0, r"^$", body="".join("  " * i + "- 项\n" for i in range(1000)))
    case(root, "nested-quotes-10000", 0, r"a\.md:6:1: warning: block_quote is not part of the content format", body=">" * 10000 + " 引文\n")
    case(root, "nested-quotes-and-lists", 0, r"warning: block_quote is not part of the content format", body="".join("> " * (i % 50) + "- 项\n" for i in range(2000)))
    # layouts with zero and negative sizes
    base = open(os.path.join(os.path.dirname(__file__), "../../layout/tianjin-zhengxie.yaml"),
                encoding="utf-8").read()
    for name, old, new, pattern in [
        ("layout-zero-width", "width: 210mm", "width: 0mm", r"layout\.yaml:[0-9]+:[0-9]+: error: .*width"),
        ("layout-negative-height", "height: 285mm", "height: -285mm", r"layout\.yaml:[0-9]+:[0-9]+: error: .*height"),
        ("layout-zero-pitch", "line_pitch: 18pt", "line_pitch: 0pt", r"layout\.yaml:[0-9]+:[0-9]+: error: .*line_pitch"),
        ("layout-zero-chars", "chars_per_line: 39", "chars_per_line: 0", r"layout\.yaml:[0-9]+:[0-9]+: error: .*chars_per_line"),
        ("layout-negative-columns", "columns: 2", "columns: -2", r"layout\.yaml:[0-9]+:[0-9]+: error: .*columns"),
        ("layout-zero-font-size", "size: 10.5pt, lines: 1, indent: 2}", "size: 0pt, lines: 1, indent: 2}", r"layout\.yaml:[0-9]+:[0-9]+: error: .*size"),
        ("layout-negative-lines", "size: 22pt, lines: 2", "size: 22pt, lines: -2", r"layout\.yaml:[0-9]+:[0-9]+: error: .*lines"),
        ("layout-huge-margins", "inner: 28mm", "inner: 2800mm", r"layout\.yaml:[0-9]+:[0-9]+: error: the margins leave no room on the page"),
    ]:
        assert old in base, old
        case(root, name, 1, pattern, layout="layout.yaml", body="正文。",
             files={"layout.yaml": base.replace(old, new, 1)})
    # 10,000 tiny articles
    d = os.path.join(root, "ten-thousand-articles")
    os.makedirs(d, exist_ok=True)
    names = []
    for k in range(10000):
        names.append(f"a{k:05d}.md")
        with open(os.path.join(d, names[-1]), "w", encoding="utf-8") as f:
            f.write(f'---\nkind: article\ntitle: "第{k}篇"\n---\n\n短文{k}。\n')
    case(root, "ten-thousand-articles", 0, r".*", articles=names)  # warnings allowed (contents overflow)


if __name__ == "__main__":
    main(sys.argv[1])
