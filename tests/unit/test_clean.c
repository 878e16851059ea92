/* test_clean.c - the clean stage: one small raw snippet per rule, then the
 * whole seed issue (every Han character of it, running heads aside, must
 * come out exactly once).
 *
 * Snippets imitate the extraction: each printed line followed by a blank
 * line, a column of 18 characters, paragraph first lines two characters
 * short. Filler text comes from a fixed pool so expected paragraphs can be
 * built alongside the raw text.
 *
 * Run from the repository root (the seed is ../shared/seed/…). Exits 77
 * (skipped) if everything passed but the seed was not there.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../harness.h"
#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/file.h"
#include "base/utf8.h"
#include "clean/clean.h"

static const char SEED[] = "../shared/seed/000_0767d733b3962005.txt";

/* ---- Building snippets ------------------------------------------------------------ */

/* Characters that never start a head or a running head. */
static const char *const POOL[] = {"我", "们", "要", "坚", "持", "发", "展", "经", "济",
                                   "社", "会", "建", "设", "人", "民", "群", "众", "工",
                                   "作", "推", "进", "改", "革", "创", "新", "制", "度"};
enum { POOL_SIZE = sizeof POOL / sizeof POOL[0] };

typedef struct Snip {
    Buf raw;    /* the raw extraction being built */
    Buf para;   /* text of the paragraph being built */
    Buf expect; /* expected Markdown body so far */
    int next;   /* next filler character */
} Snip;

static void snip_init(Snip *s)
{
    buf_init(&s->raw);
    buf_init(&s->para);
    buf_init(&s->expect);
    s->next = 0;
}

static void snip_fini(Snip *s)
{
    buf_fini(&s->raw);
    buf_fini(&s->para);
    buf_fini(&s->expect);
}

/* Appends a printed line of n filler characters and tail to the raw text
 * (letter-spaced if spaced) and to the paragraph; blank: a blank line
 * follows, as between the lines of one text block. */
static void put_line(Snip *s, int n, const char *tail, bool spaced, bool blank)
{
    for (int i = 0; i < n; i++) {
        const char *c = POOL[s->next++ % POOL_SIZE];
        buf_puts(&s->raw, c);
        buf_puts(&s->para, c);
        if (spaced && (i + 1 < n || *tail))
            buf_putc(&s->raw, ' ');
    }
    buf_puts(&s->raw, tail);
    buf_puts(&s->para, tail);
    buf_puts(&s->raw, blank ? "\n\n" : "\n");
}

static void line(Snip *s, int n, const char *tail)
{
    put_line(s, n, tail, false, true);
}

/* A raw line that is not part of a paragraph (headline, head, note…). */
static void raw(Snip *s, const char *text)
{
    buf_puts(&s->raw, text);
    buf_puts(&s->raw, "\n\n");
}

/* Ends the paragraph: it is expected in the body as is (each paragraph
 * ends with a newline, and a blank line separates two). */
static void end_para(Snip *s)
{
    buf_printf(&s->expect, "%s%s\n", s->expect.len ? "\n" : "", buf_str(&s->para));
    buf_reset(&s->para);
}

/* A paragraph of the usual shape: first line 16, full lines, short last line. */
static void paragraph(Snip *s, int full_lines, const char *end)
{
    line(s, 16, "");
    for (int i = 0; i < full_lines; i++)
        line(s, 18, "");
    line(s, 6, end);
    end_para(s);
}

static CleanDoc *analyse(Diag *d, const Snip *s)
{
    return clean_analyse(d, "t.txt", buf_str(&s->raw), s->raw.len);
}

/* Markdown of article i as a heap string (caller frees). */
static char *article(const CleanDoc *doc, int i)
{
    Buf b;
    buf_init(&b);
    if (i < clean_article_count(doc))
        clean_article_markdown(doc, i, &b);
    return buf_detach(&b);
}

/* The body of an article file: what follows its front matter. */
static const char *body_of(const char *md)
{
    const char *end = strstr(md, "\n---\n\n");
    return end ? end + strlen("\n---\n\n") : md;
}

/* 1-based line of text on which needle starts, 0 if it is not there. */
static int line_of(const char *text, const char *needle)
{
    const char *at = strstr(text, needle);
    if (!at)
        return 0;
    int n = 1;
    for (const char *p = text; p < at; p++)
        n += *p == '\n';
    return n;
}

/* ---- Rules one by one --------------------------------------------------------------- */

static void test_squeeze(void)
{
    Buf b;
    buf_init(&b);
    struct { const char *in, *out; CleanSpaceMode mode; } cases[] = {
        {"书 记 重 要 讲 话 精 神， 迎 接", "书记重要讲话精神，迎接", CLEAN_SPACES_BODY},
        {"今后 5 年乃至更长时期", "今后5年乃至更长时期", CLEAN_SPACES_BODY},
        {"轨道类型确定为 CRTS Ⅱ 型后", "轨道类型确定为CRTS Ⅱ型后", CLEAN_SPACES_BODY},
        {"三产占比 1.4 :  37.3", "三产占比1.4 :  37.3", CLEAN_SPACES_BODY},
        {"  学以立身  实干强能  ", "学以立身\u3000实干强能", CLEAN_SPACES_BODY},
        {"擦亮政协工作创新品牌 加强专门协商机构建设", "擦亮政协工作创新品牌\u3000加强专门协商机构建设",
         CLEAN_SPACES_TITLE},
        {"（ 作 者： 刘 家 卿 系", "（作者：刘家卿系", CLEAN_SPACES_TITLE},
        {"张   涵", "张\u3000涵", CLEAN_SPACES_TITLE},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        buf_reset(&b);
        clean_squeeze_spaces(cases[i].in, cases[i].mode, &b);
        CHECK_STR(buf_str(&b), cases[i].out);
    }
    buf_reset(&b);
    CHECK_INT(clean_squeeze_spaces("书画摄影展百年辉煌路 启航新征程书画摄影展", CLEAN_SPACES_BODY, &b), 1);
    buf_reset(&b);
    CHECK_INT(clean_squeeze_spaces("习近平强 调，在 新中国 成立特 别是改", CLEAN_SPACES_BODY, &b), 0);
    CHECK_STR(buf_str(&b), "习近平强调，在新中国成立特别是改");
    buf_fini(&b);
}

static void test_width_and_patterns(void)
{
    CHECK_INT(clean_text_width("中国"), 8);
    CHECK_INT(clean_text_width("今后5年"), 4 + 4 + 1 + 2 + 1 + 4);
    CHECK_INT(clean_text_width("CRTS"), 12);
    CHECK(clean_ends_sentence("……作出政协贡献。”"));
    CHECK(clean_ends_sentence("会场。■"));
    CHECK(!clean_ends_sentence("坚定不移推进中华民族伟大复，"));
    CHECK(!clean_ends_sentence("（摘自《人民日报》）"));
    CHECK_INT(clean_head_pattern("一、正确认识国际国内形势"), CLEAN_HEAD_CHAPTER);
    CHECK_INT(clean_head_pattern("十二、总结"), CLEAN_HEAD_CHAPTER);
    CHECK_INT(clean_head_pattern("（三）提升组织功能。"), CLEAN_HEAD_SECTION);
    CHECK_INT(clean_head_pattern("第二，深刻认识"), CLEAN_HEAD_ORDINAL);
    CHECK_INT(clean_head_pattern("一是要加快培育"), CLEAN_HEAD_ENUM);
    CHECK_INT(clean_head_pattern("一般来说，"), CLEAN_HEAD_NONE);
}

/* Lines join into paragraphs by their shape; justification spaces go. */
static void test_paragraphs(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    paragraph(&s, 3, "。");
    put_line(&s, 16, "", true, true); /* a letter-spaced paragraph */
    put_line(&s, 18, "", true, true);
    put_line(&s, 18, "", true, true);
    line(&s, 5, "。■");
    end_para(&s);
    CleanDoc *doc = analyse(&d, &s);
    CHECK(doc != NULL);
    CHECK_INT(clean_article_count(doc), 1);
    char *md = article(doc, 0);
    CHECK_STR(body_of(md), buf_str(&s.expect));
    free(md);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* A running head inside a paragraph goes, and is learnt from. */
static void test_running_head(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    line(&s, 16, "");
    line(&s, 18, "");
    line(&s, 18, "");
    buf_puts(&s.raw, "天\n津\n政\n协\n\n\n\n7\n\n学\n习\n园\n地\n\n总\n第\n9\n期\n\n");
    line(&s, 18, "");
    line(&s, 6, "。■");
    end_para(&s);
    CleanDoc *doc = analyse(&d, &s);
    char *md = article(doc, 0);
    CHECK_STR(body_of(md), buf_str(&s.expect));
    Buf y;
    buf_init(&y);
    clean_issue_yaml(doc, &y);
    CHECK(strstr(buf_str(&y), "magazine: \"天津政协\"") != NULL);
    CHECK(strstr(buf_str(&y), "serial: \"总第9期\"") != NULL);
    CHECK(strstr(buf_str(&y), "title: \"学习园地\"") != NULL);
    buf_reset(&y);
    clean_text_without_furniture(doc, &y);
    CHECK(strstr(buf_str(&y), "津\n政") == NULL);
    buf_fini(&y);
    free(md);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* The report names how many sections issue.yaml got and from how many
 * running heads: every page repeats its section's name. */
static void test_sections_count(void)
{
    static const char head[] = "天\n津\n政\n协\n\n\n\n%d\n\n学\n习\n园\n地\n\n总\n第\n9\n期\n\n";
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    for (int page = 7; page <= 8; page++) {
        line(&s, 16, "");
        line(&s, 18, "");
        line(&s, 6, "。");
        buf_printf(&s.raw, head, page);
    }
    line(&s, 16, "");
    line(&s, 6, "。■");
    CleanDoc *doc = analyse(&d, &s);
    Buf rep, yaml, want;
    buf_init(&rep);
    buf_init(&yaml);
    buf_init(&want);
    clean_report_text(doc, &rep);
    clean_issue_yaml(doc, &yaml);
    buf_printf(&want, "t.txt: \u2192 issue.yaml:%d: 1 section taken from the 2 running heads found "
               "(several heads name the same section); an article gets the section of the last "
               "running head before it", line_of(buf_str(&yaml), "sections:"));
    CHECK(strstr(buf_str(&rep), buf_str(&want)) != NULL);
    buf_fini(&rep);
    buf_fini(&yaml);
    buf_fini(&want);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* A headline block in mid-paragraph goes to the front matter and the
 * paragraph is joined across it. */
static void test_headline_mid_body(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    paragraph(&s, 2, "。");
    line(&s, 16, "");
    line(&s, 18, "");
    buf_puts(&s.raw, "深入推进民主协商\n扎实开展主题学习宣传教育活动\n\n某区政协\n ");
    line(&s, 18, "");
    line(&s, 6, "。■");
    end_para(&s);
    CleanDoc *doc = analyse(&d, &s);
    char *md = article(doc, 0);
    CHECK(strstr(md, "title:\n  - \"深入推进民主协商\"\n  - \"扎实开展主题学习宣传教育活动\"\n") != NULL);
    CHECK(strstr(md, "byline: \"某区政协\"\n") != NULL);
    CHECK_STR(body_of(md), buf_str(&s.expect));
    free(md);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* ■ ends an article; （摘自…） is its source, 发言人：… its note. */
static void test_end_mark_and_notes(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    paragraph(&s, 2, "。■");
    raw(&s, "（摘自《人民日报》2022 年 7 月 1 日第 1 版）");
    raw(&s, "发言人：张某某系市政协常委，某某大学");
    raw(&s, "副校长");
    buf_reset(&s.expect);
    paragraph(&s, 2, "。■");
    raw(&s, "（作者：李某某系市政协委员）");
    CleanDoc *doc = analyse(&d, &s);
    CHECK_INT(clean_article_count(doc), 2);
    char *a = article(doc, 0), *b = article(doc, 1);
    CHECK(strstr(a, "source: \"（摘自《人民日报》2022年7月1日第1版）\"\n") != NULL);
    CHECK(strstr(a, "notes:\n  - \"发言人：张某某系市政协常委，某某大学副校长\"\n") != NULL);
    CHECK(strstr(b, "notes:\n  - \"（作者：李某某系市政协委员）\"\n") != NULL);
    CHECK_STR(body_of(b), buf_str(&s.expect));
    free(a);
    free(b);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* 编者按 goes to the front matter, whatever its measure. */
static void test_editor_note(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    raw(&s, "编者按：为深入学习贯彻会议精神，本刊组织委员围绕重点问题协商议政，形成意见");
    raw(&s, "建议若干条，充分体现了委员们履职尽责的成果，现将部分委员的发言予以摘登。");
    raw(&s, "欢迎读者指正。");
    paragraph(&s, 3, "。");
    paragraph(&s, 3, "。■");
    CleanDoc *doc = analyse(&d, &s);
    char *md = article(doc, 0);
    CHECK(strstr(md, "editor_note: \"编者按：为深入学习贯彻会议精神，本刊组织委员围绕重点问题协商议政，"
                     "形成意见建议若干条，充分体现了委员们履职尽责的成果，现将部分委员的发言予以摘登。"
                     "欢迎读者指正。\"\n") != NULL);
    CHECK_STR(body_of(md), buf_str(&s.expect));
    free(md);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* 一、 and （一） heads stand alone; 第一，… and （二）…： heads run in. */
static void test_heads(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    raw(&s, "一、总的要求");
    paragraph(&s, 2, "。");
    raw(&s, "（一）具体的要求");
    paragraph(&s, 2, "。");
    buf_puts(&s.raw, "第一，坚持正确方向。");
    line(&s, 6, "");
    line(&s, 18, "");
    line(&s, 4, "。");
    buf_reset(&s.para);
    buf_puts(&s.raw, "（二）小标题：");
    line(&s, 9, "");
    line(&s, 5, "。■");
    CleanDoc *doc = analyse(&d, &s);
    char *md = article(doc, 0);
    const char *body = body_of(md);
    CHECK(strncmp(body, "## 一、总的要求\n\n", strlen("## 一、总的要求\n\n")) == 0);
    CHECK(strstr(body, "\n\n### （一）具体的要求\n\n") != NULL);
    CHECK(strstr(body, "\n\n**第一，坚持正确方向**。") != NULL);
    CHECK(strstr(body, "\n\n**（二）小标题**：") != NULL);
    free(md);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* A 【…】 box becomes an article of kind box, one paragraph per item. */
static void test_box(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    paragraph(&s, 3, "。■");
    raw(&s, "【资讯\"速递】");
    buf_puts(&s.raw, "某某活动报道\n视频链接\n\n");
    raw(&s, "某某公众号");
    CleanDoc *doc = analyse(&d, &s);
    CHECK_INT(clean_article_count(doc), 2);
    char *md = article(doc, 1);
    CHECK_STR(md, "---\nkind: box\ntitle: \"【资讯\\\"速递】\"\n---\n\n某某活动报道视频链接\n\n某某公众号\n");
    free(md);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* Two articles sharing pages: each paragraph finds its continuation, the
 * heads and headlines go with their own article, the report says so. */
static void test_interleaved(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip a, b;
    snip_init(&a);
    snip_init(&b);
    b.next = 7;
    raw(&a, "站在庄严的席上");
    raw(&a, "刘某某");
    paragraph(&a, 3, "。");
    line(&a, 16, "");
    line(&a, 18, "");
    line(&a, 18, ""); /* A stops mid-sentence here */
    buf_puts(&a.raw, " 我从山中来\n\n");
    line(&b, 16, "");
    line(&b, 18, "");
    line(&b, 18, ""); /* B stops mid-sentence here */
    buf_put(&a.raw, b.raw.data, b.raw.len);
    buf_reset(&b.raw);
    buf_puts(&a.raw, "投身高铁事业\n张   某\n\n");
    line(&a, 18, "");
    line(&a, 6, "。■");
    end_para(&a);
    raw(&a, "（作者：刘某某系市政协委员）");
    buf_puts(&a.raw, " ");
    line(&b, 18, "");
    line(&b, 6, "。■");
    end_para(&b);
    buf_put(&a.raw, b.raw.data, b.raw.len);
    CleanDoc *doc = analyse(&d, &a);
    CHECK_INT(clean_article_count(doc), 2);
    char *ma = article(doc, 0), *mb = article(doc, 1);
    CHECK(strstr(ma, "title: \"站在庄严的席上\"\nbyline: \"刘某某\"\n") != NULL);
    CHECK(strstr(ma, "notes:\n  - \"（作者：刘某某系市政协委员）\"\n") != NULL);
    CHECK_STR(body_of(ma), buf_str(&a.expect));
    CHECK(strstr(mb, "title: \"投身高铁事业\"\nbyline: \"张\u3000某\"\n") != NULL);
    Buf want;
    buf_init(&want);
    buf_printf(&want, "## 我从山中来\n\n%s", buf_str(&b.expect));
    CHECK_STR(body_of(mb), buf_str(&want));
    Buf rep;
    buf_init(&rep);
    clean_report_text(doc, &rep);
    CHECK(strstr(buf_str(&rep), "interleaved text") != NULL);
    CHECK(clean_report_count(doc) >= 2);
    /* B's paragraph, resumed at raw line 38, is sent to B's file and the
     * line of it that holds the paragraph. */
    Buf where;
    buf_init(&where);
    buf_printf(&where, "t.txt:38: \u2192 02-article.md:%d: interleaved text: taken to continue",
               line_of(mb, buf_str(&b.expect)));
    CHECK(strstr(buf_str(&rep), buf_str(&where)) != NULL);
    buf_fini(&where);
    buf_fini(&rep);
    buf_fini(&want);
    free(ma);
    free(mb);
    clean_doc_free(doc);
    snip_fini(&a);
    snip_fini(&b);
}

/* Characters Markdown would read as markup are escaped. */
static void test_escaping(void)
{
    Diag d;
    diag_init(&d, NULL, "test");
    Snip s;
    snip_init(&s);
    buf_puts(&s.raw, "中办<关于*加强>的意见");
    line(&s, 5, "");
    line(&s, 18, "");
    line(&s, 4, "。■");
    CleanDoc *doc = analyse(&d, &s);
    char *md = article(doc, 0);
    CHECK(strncmp(body_of(md), "中办\\<关于\\*加强>的意见", strlen("中办\\<关于\\*加强>的意见")) == 0);
    free(md);
    clean_doc_free(doc);
    snip_fini(&s);
}

/* ---- Bad input and files -------------------------------------------------------------- */

/* What was written to f (heap string); closes f. */
static char *read_back(FILE *f)
{
    Buf b;
    buf_init(&b);
    rewind(f);
    char chunk[512];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
        buf_put(&b, chunk, n);
    fclose(f);
    return buf_detach(&b);
}

/* Analyses text and returns what was reported (heap string). */
static char *diagnose(const char *text, size_t len, bool *ok)
{
    Diag d;
    FILE *out = tmpfile();
    diag_init(&d, out, "test");
    CleanDoc *doc = clean_analyse(&d, "t.txt", text, len);
    *ok = doc != NULL;
    clean_doc_free(doc);
    return read_back(out);
}

static void test_bad_input(void)
{
    bool ok;
    const char *bad = "好\n好好\xff好\n";
    char *msg = diagnose(bad, strlen(bad), &ok);
    CHECK(!ok);
    CHECK_STR(msg, "t.txt:2:3: error: invalid UTF-8 (byte 0xFF)\n");
    free(msg);
    msg = diagnose("好\0好\n", 8, &ok);
    CHECK(!ok);
    CHECK_STR(msg, "t.txt:1:2: error: NUL byte in text\n");
    free(msg);
    msg = diagnose("好\a\n", 5, &ok);
    CHECK(!ok);
    CHECK_STR(msg, "t.txt:1:2: error: control character U+0007 in text\n");
    free(msg);
    msg = diagnose("\xEF\xBB\xBF好好\r\n", 11, &ok); /* BOM and CRLF are fine */
    CHECK(ok);
    CHECK_STR(msg, "");
    free(msg);
    msg = diagnose("", 0, &ok);
    CHECK(ok);
    free(msg);
}

static void write_text(const char *path, const char *text)
{
    FILE *f = fopen(path, "wb");
    fputs(text, f);
    fclose(f);
}

/* Names of the files in dir, sorted, one per line. */
static char *list_dir(const char *dir)
{
    Buf b;
    buf_init(&b);
    DIR *dp = opendir(dir);
    struct dirent *e;
    while (dp && (e = readdir(dp)) != NULL)
        if (e->d_name[0] != '.')
            buf_printf(&b, "%s\n", e->d_name);
    if (dp)
        closedir(dp);
    return buf_detach(&b);
}

static void remove_dir(const char *dir)
{
    DIR *dp = opendir(dir);
    struct dirent *e;
    while (dp && (e = readdir(dp)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *p = file_join(dir, e->d_name);
        unlink(p);
        free(p);
    }
    if (dp)
        closedir(dp);
    rmdir(dir);
}

/* Names and contents of the files in dir (heap string): to see that
 * nothing in it changed. */
static char *dir_snapshot(const char *dir)
{
    char *names = list_dir(dir);
    Buf b;
    buf_init(&b);
    for (char *name = strtok(names, "\n"); name; name = strtok(NULL, "\n")) {
        char *path = file_join(dir, name);
        size_t len = 0;
        Diag d;
        diag_init(&d, NULL, "test");
        char *text = file_read(&d, path, &len);
        buf_printf(&b, "== %s %zu\n", name, len);
        if (text)
            buf_put(&b, text, len);
        free(text);
        free(path);
    }
    free(names);
    return buf_detach(&b);
}

/* Runs clean_run; returns what it printed (heap string) and its status. */
static char *run_clean(const char *raw_path, const char *out, bool quiet, int *status)
{
    Diag d;
    diag_init(&d, tmpfile(), "test");
    d.quiet = quiet;
    *status = clean_run(&d, raw_path, out, NULL);
    return read_back(d.out);
}

/* clean into a directory the editor has worked in is refused, and
 * nothing in it changes: an issue.yaml or any .md file is enough. */
static void check_refused(const char *rawf, const char *out, const char *held)
{
    char *before = dir_snapshot(out);
    int status;
    char *msg = run_clean(rawf, out, false, &status);
    CHECK_INT(status, 1);
    Buf want;
    buf_init(&want);
    buf_printf(&want, "%s: error: already holds an issue (%s); clean writes a fresh skeleton and "
               "would overwrite your edits: give a new directory, or remove this one first\n",
               out, held);
    CHECK_STR(msg, buf_str(&want));
    char *after = dir_snapshot(out);
    CHECK_STR(after, before);
    buf_fini(&want);
    free(after);
    free(before);
    free(msg);
}

static void test_clean_run(void)
{
    char tmp[] = "/tmp/test_clean_XXXXXX";
    CHECK(mkdtemp(tmp) != NULL);
    char *rawf = file_join(tmp, "raw.txt"), *out = file_join(tmp, "out");
    Snip s;
    snip_init(&s);
    paragraph(&s, 3, "。■");
    write_text(rawf, buf_str(&s.raw));
    int status;
    char *msg = run_clean(rawf, out, false, &status);
    CHECK_INT(status, 0);
    char *files = list_dir(out);
    CHECK(strstr(files, "01-article.md\n") != NULL);
    CHECK(strstr(files, "issue.yaml\n") != NULL);
    CHECK(strstr(files, "clean-report.txt\n") != NULL);
    CHECK(strstr(files, "tmp") == NULL);
    free(files);
    /* One line says what was written; no headline, no running heads, the
     * date and the layout placeholder are the places to check. */
    Buf want;
    buf_init(&want);
    buf_printf(&want, "test: wrote 1 article into %s; clean-report.txt lists 4 places to check\n",
               out);
    CHECK_STR(msg, buf_str(&want));
    free(msg);
    check_refused(rawf, out, "issue.yaml");
    char *yaml = file_join(out, "issue.yaml");
    unlink(yaml);
    check_refused(rawf, out, "01-article.md");
    /* An existing empty directory is fine; -q prints nothing. */
    char *empty = file_join(tmp, "empty");
    mkdir(empty, 0777);
    msg = run_clean(rawf, empty, true, &status);
    CHECK_INT(status, 0);
    CHECK_STR(msg, "");
    free(msg);
    Diag d;
    diag_init(&d, NULL, "test");
    char *below_file = file_join(rawf, "out"); /* a directory inside a file */
    CHECK_INT(clean_run(&d, rawf, below_file, NULL), 2);
    /* Bad input into a fresh directory: an input error, and no directory. */
    char *fresh = file_join(tmp, "fresh");
    write_text(rawf, "好\xfe\n");
    CHECK_INT(clean_run(&d, rawf, fresh, NULL), 1);
    CHECK(!file_exists(fresh));
    CHECK_INT(clean_run(&d, "/nonexistent/raw.txt", fresh, NULL), 2);
    free(below_file);
    remove_dir(out);
    remove_dir(empty);
    remove_dir(tmp);
    buf_fini(&want);
    free(fresh);
    free(empty);
    free(yaml);
    free(rawf);
    free(out);
    snip_fini(&s);
}

/* ---- The seed: every character once --------------------------------------------------- */

enum { HAN_RANGE = 0x32000 };

/* Adds the Han characters of s to count[]; returns how many. */
static long count_han(const char *s, size_t len, int *count)
{
    long n = 0;
    size_t i = 0;
    while (i < len) {
        int size;
        int32_t cp = utf8_decode(s + i, len - i, &size);
        if (cp > 0 && cp < HAN_RANGE && utf8_is_han(cp))
            count[cp]++, n++;
        i += (size_t)size;
    }
    return n;
}

static long count_file(const char *path, int *count)
{
    Diag d;
    diag_init(&d, stderr, "test");
    size_t len;
    char *text = file_read(&d, path, &len);
    long n = text ? count_han(text, len, count) : -1;
    free(text);
    return n;
}

static void check_seed_files(CleanDoc *doc, const char *dir, int *want)
{
    int *got = xcalloc(HAN_RANGE, sizeof(int));
    long total = 0;
    Buf name;
    buf_init(&name);
    for (int i = 0; i < clean_article_count(doc); i++) {
        buf_reset(&name);
        clean_article_filename(doc, i, &name);
        char *path = file_join(dir, buf_str(&name));
        total += count_file(path, got);
        free(path);
    }
    int wrong = 0;
    for (int cp = 0; cp < HAN_RANGE; cp++)
        if (got[cp] != want[cp] && wrong++ < 5)
            printf("  U+%04X: %d in the output, %d in the raw text\n", (unsigned)cp, got[cp],
                   want[cp]);
    CHECK_INT(wrong, 0);
    printf("seed: %ld Han characters in %d articles, %d report entries\n", total,
           clean_article_count(doc), clean_report_count(doc));
    buf_fini(&name);
    free(got);
}

/* Returns false if the seed is not there. */
static bool test_seed(void)
{
    if (!file_exists(SEED)) {
        printf("%s not found: seed test skipped\n", SEED);
        return false;
    }
    Diag d;
    diag_init(&d, stderr, "test");
    size_t len;
    char *text = file_read(&d, SEED, &len);
    CleanDoc *doc = clean_analyse(&d, SEED, text, len);
    CHECK(doc != NULL);
    int *all = xcalloc(HAN_RANGE, sizeof(int)), *want = xcalloc(HAN_RANGE, sizeof(int));
    long raw_han = count_han(text, len, all);
    Buf clean;
    buf_init(&clean);
    clean_text_without_furniture(doc, &clean);
    long text_han = count_han(buf_str(&clean), clean.len, want);
    /* Running heads are a few dozen characters a page, not more. */
    CHECK(raw_han - text_han > 0 && (raw_han - text_han) * 50 < raw_han);
    char tmp[] = "/tmp/test_clean_seed_XXXXXX";
    CHECK(mkdtemp(tmp) != NULL);
    CHECK_INT(clean_write(doc, &d, tmp), 0);
    check_seed_files(doc, tmp, want);
    CHECK(clean_article_count(doc) >= 20 && clean_article_count(doc) <= 40);
    remove_dir(tmp);
    buf_fini(&clean);
    free(all);
    free(want);
    free(text);
    clean_doc_free(doc);
    return true;
}

int main(void)
{
    test_squeeze();
    test_width_and_patterns();
    test_paragraphs();
    test_running_head();
    test_sections_count();
    test_headline_mid_body();
    test_end_mark_and_notes();
    test_editor_note();
    test_heads();
    test_box();
    test_interleaved();
    test_escaping();
    test_bad_input();
    test_clean_run();
    bool seed = test_seed();
    int status = harness_summary();
    return status == 0 && !seed ? 77 : status;
}
