/* test_doc.c - manifest and article parsing: fields, blocks, run-in heads,
 * and every input error with its file:line:col. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../harness.h"
#include "doc/doc.h"

static char dir[] = "/tmp/reprint-test-doc-XXXXXX";

static void write_file(const char *name, const char *text)
{
    char path[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
}

/* Runs fn's parse with messages captured; returns the first message line. */
static const char *first_message(FILE *out, char *line, size_t size)
{
    rewind(out);
    if (!fgets(line, (int)size, out))
        return "";
    line[strcspn(line, "\n")] = '\0';
    /* Drop the directory so expectations are stable. */
    const char *p = strstr(line, dir);
    return p ? p + strlen(dir) + 1 : line;
}

static const char *article_error(const char *text, char *line, size_t size)
{
    Arena ar;
    arena_init(&ar);
    FILE *out = tmpfile();
    Diag d;
    diag_init(&d, out, "reprint");
    doc_parse_article(&ar, &d, "a.md", text, strlen(text));
    const char *msg = first_message(out, line, size);
    static char copy[512];
    snprintf(copy, sizeof copy, "%s", msg);
    fclose(out);
    arena_fini(&ar);
    return copy;
}

static void test_article(void)
{
    const char *text = "---\nkind: article\nkicker: 引题\ntitle:\n  - 第一行\n  - 第二行\n"
                       "notes: [\"发言人：甲\", \"课题组成员：乙\"]\ncolumns: 1\n---\n\n"
                       "## 一、标题\n\n**（一）加强党的领导**。正文\n接着。■\n\n### 小标题\n";
    Arena ar;
    arena_init(&ar);
    Diag d;
    diag_init(&d, NULL, "reprint");
    Article *a = doc_parse_article(&ar, &d, "a.md", text, strlen(text));
    CHECK(a != NULL);
    CHECK_INT(d.errors, 0);
    CHECK_STR(a->kicker, "引题");
    CHECK_INT(a->title.n, 2);
    CHECK_STR(a->title.item[1], "第二行");
    CHECK_INT(a->notes.n, 2);
    CHECK_INT(a->columns, 1);
    CHECK_INT(a->n_blocks, 3);
    CHECK_INT(a->block[0].kind, BLOCK_HEADING);
    CHECK_STR(a->block[1].text, "（一）加强党的领导。正文接着。■");
    CHECK_INT(a->block[1].runin_len, (int)strlen("（一）加强党的领导。"));
    CHECK_INT(a->block[1].at.line, 13);
    CHECK_INT(a->block[1].at.col, 3);
    CHECK_INT(a->block[2].kind, BLOCK_SUBHEADING);
    SrcLoc at = doc_locate(a, &a->block[1], (int)strlen("（一）加强党的领导。正"));
    CHECK_INT(at.line, 13);
    CHECK_INT(at.col, 16); /* 文: ** + 9 characters + ** + 。正 */
    arena_fini(&ar);
}

static void test_toc(void)
{
    const char *text = "---\ntitle: 一个很长的标题\ntoc:\n  - 一个很长\n  - 的标题\n---\n正文\n";
    Arena ar;
    arena_init(&ar);
    Diag d;
    diag_init(&d, NULL, "reprint");
    Article *a = doc_parse_article(&ar, &d, "a.md", text, strlen(text));
    CHECK(a != NULL);
    CHECK_INT(a->title.n, 1);
    CHECK_INT(a->toc.n, 2);
    CHECK_STR(a->toc.item[1], "的标题");
    CHECK_INT(a->toc.at[1].line, 5);
    arena_fini(&ar);
}

static void test_article_errors(void)
{
    char line[512];
    CHECK_STR(article_error("---\ntitle: 甲\nauthor: 乙\n---\n正文\n", line, sizeof line),
              "a.md:3:1: error: unknown key \"author\" in front matter");
    CHECK_STR(article_error("---\ntitle: {a: b}\n---\n正文\n", line, sizeof line),
              "a.md:2:8: error: \"title\" must be a string or a list of strings");
    CHECK_STR(article_error("---\ntitle: 甲\ntoc: {a: b}\n---\n正文\n", line, sizeof line),
              "a.md:3:6: error: \"toc\" must be a string or a list of strings");
    CHECK_STR(article_error("---\ntitle: 甲\n正文\n", line, sizeof line),
              "a.md:1:1: error: unterminated front matter: no closing '---' line");
    CHECK_STR(article_error("正文\n", line, sizeof line),
              "a.md:1:1: error: an article must start with front matter ('---')");
    CHECK_STR(article_error("---\ntitle: 甲\n---\n中文\xff\n", line, sizeof line),
              "a.md:4:3: error: invalid UTF-8 byte 0xFF");
    CHECK_STR(article_error("---\ntitle: 甲\n---\n中\x01文\n", line, sizeof line),
              "a.md:4:2: error: control character U+0001 in text");
    CHECK_STR(article_error("\xEF\xBB\xBF---\ntitle: 甲\n---\n", line, sizeof line),
              "a.md:1:1: error: byte order mark at the start of the file; save it as UTF-8 "
              "without BOM");
    CHECK_STR(article_error("---\ntitle: [甲\n---\n正文\n", line, sizeof line),
              "a.md:3:1: error: YAML: did not find expected ',' or ']'");
    CHECK_STR(article_error("---\nkind: sidebar\ntitle: 甲\n---\n正文\n", line, sizeof line),
              "a.md:2:7: error: \"kind\" must be article or box");
    CHECK_STR(article_error("---\ncolumns: 9\ntitle: 甲\n---\n正文\n", line, sizeof line),
              "a.md:2:10: error: \"columns\" must be between 1 and 4, not 9");
    CHECK_STR(article_error("---\nkind: box\n---\n正文\n", line, sizeof line),
              "a.md:2:1: error: front matter has no \"title\"");
}

static const char *manifest_error(const char *yaml, char *line, size_t size)
{
    write_file("issue.yaml", yaml);
    FILE *out = tmpfile();
    Diag d;
    diag_init(&d, out, "reprint");
    Doc *doc = doc_load(&d, dir, "layout");
    doc_free(doc);
    static char copy[512];
    snprintf(copy, sizeof copy, "%s", first_message(out, line, size));
    fclose(out);
    return copy;
}

#define HEAD "magazine: 天津政协\nissue: 2022年第8期\nserial: 总第419期\ndate: 2022-08-01\n" \
             "language: zh-Hans\nlayout: x\n"

static void test_manifest(void)
{
    char line[512];
    write_file("a.md", "---\ntitle: 甲\n---\n正文\n");
    CHECK_STR(manifest_error(HEAD "sections:\n  - title: \"\"\n    articles: [a.md]\n", line,
                             sizeof line),
              "");
    CHECK_STR(manifest_error(HEAD "sections:\n  - title: x\n    articles: [a.md, b.md]\n", line,
                             sizeof line),
              "issue.yaml:9:22: error: cannot read article \"b.md\"");
    CHECK_STR(manifest_error(HEAD "sections:\n  - title: x\n    articles: [a.md, a.md]\n", line,
                             sizeof line),
              "issue.yaml:9:22: error: article \"a.md\" is listed twice");
    CHECK_STR(manifest_error(HEAD "sections:\n  - title: x\n    toc: [x, y]\n    articles: [a.md]\n",
                             line, sizeof line),
              "");
    CHECK_STR(manifest_error(HEAD "sections:\n  - title: x\n    toc: {a: b}\n    articles: [a.md]\n",
                             line, sizeof line),
              "issue.yaml:9:10: error: \"toc\" must be a string or a list of strings");
    CHECK_STR(manifest_error(HEAD "editor: 乙\nsections:\n  - title: x\n    articles: [a.md]\n",
                             line, sizeof line),
              "issue.yaml:7:1: error: unknown key \"editor\" in issue.yaml");
    CHECK_STR(manifest_error("magazine: 天津政协\n", line, sizeof line),
              "issue.yaml:1: error: issue.yaml has no \"issue\"");
    CHECK_STR(manifest_error(HEAD "sections:\n  - articles: [a.md]\n", line, sizeof line),
              "issue.yaml:8:5: error: a section needs a \"title\" (\"\" where the issue printed "
              "none)");
    CHECK_STR(manifest_error(HEAD "sections: 3\n", line, sizeof line),
              "issue.yaml:7:11: error: issue.yaml needs \"sections\", a non-empty list");
}

int main(void)
{
    if (!mkdtemp(dir))
        return 2;
    test_article();
    test_toc();
    test_article_errors();
    test_manifest();
    char cmd[600];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0)
        printf("could not remove %s\n", dir);
    return harness_summary();
}
