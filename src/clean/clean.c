/* clean.c - the clean stage's entry points: analyse, write, run.
 *
 * clean_analyse runs the passes in order (see clean_int.h) and puts the
 * articles in reading order; clean_write and the accessors read the result.
 */
#include "clean/clean.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "base/utf8.h"
#include "clean/clean_int.h"

/* ---- Shared helpers ---------------------------------------------------------------- */

static void add_report(CleanDoc *doc, int line, const char *key, const char *fmt, va_list ap)
{
    Buf b;
    buf_init(&b);
    buf_vprintf(&b, fmt, ap);
    doc->report = doc_grow(doc, doc->report, doc->nreport, &doc->cap_report, sizeof(ReportEntry));
    doc->report[doc->nreport++] =
        (ReportEntry){line, key, arena_strdup(&doc->arena, buf_str(&b))};
    buf_fini(&b);
}

void doc_report(CleanDoc *doc, int line, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_report(doc, line, NULL, fmt, ap);
    va_end(ap);
}

void doc_report_issue(CleanDoc *doc, const char *key, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_report(doc, 0, key, fmt, ap);
    va_end(ap);
}

void *doc_grow(CleanDoc *doc, void *array, int n, int *cap, size_t elem)
{
    if (n < *cap)
        return array;
    int grown = *cap ? *cap * 2 : 16;
    void *bigger = arena_grow(&doc->arena, array, (size_t)n, (size_t)grown, elem);
    *cap = grown;
    return bigger;
}

/* ---- Reading order --------------------------------------------------------------------- */

/* Articles in the order their first block appears; empty ones are left out. */
static void order_articles(CleanDoc *doc)
{
    for (int a = 0; a < doc->narticles; a++)
        doc->articles[a].first_order = -1;
    for (int i = 0; i < doc->nblocks; i++) {
        Article *art = &doc->articles[doc->blocks[i]->article];
        if (art->first_order < 0 || doc->blocks[i]->order < art->first_order)
            art->first_order = doc->blocks[i]->order;
    }
    doc->order = ARENA_ARRAY(&doc->arena, int, doc->narticles + 1);
    doc->nout = 0;
    for (int a = 0; a < doc->narticles; a++) {
        if (doc->articles[a].first_order < 0)
            continue;
        int j = doc->nout++;
        while (j > 0 && doc->articles[doc->order[j - 1]].first_order > doc->articles[a].first_order) {
            doc->order[j] = doc->order[j - 1];
            j--;
        }
        doc->order[j] = a;
    }
}

/* Notes where the text of each raw line went (doc->homes), so that the
 * report can send the editor to the file and line that hold it. */
static void locate_lines(CleanDoc *doc)
{
    doc->homes = ARENA_ARRAY(&doc->arena, LineHome, doc->nlines + 1);
    for (int i = 0; i < doc->nlines; i++)
        doc->homes[i] = (LineHome){.article = -1, .md_line = 0};
    Buf scratch;
    buf_init(&scratch);
    for (int i = 0; i < doc->nout; i++) {
        buf_reset(&scratch);
        classify_article(doc, doc->order[i], &scratch, doc->homes);
    }
    buf_fini(&scratch);
}

static const char *plural(int n, const char *one, const char *many)
{
    return n == 1 ? one : many;
}

/* The sections of issue.yaml come from the running heads; several heads
 * usually name the same section, so both counts are given. */
static void report_sections(CleanDoc *doc)
{
    if (!doc->magazine) {
        doc_report_issue(doc, "magazine", "no running heads found: magazine, issue and sections "
                         "are empty");
        return;
    }
    int sections = issue_section_count(doc);
    doc_report_issue(doc, "sections", "%d %s taken from the %d running %s found%s; an article "
                     "gets the section of the last running head before it: check against the "
                     "contents page", sections, plural(sections, "section", "sections"),
                     doc->nheads, plural(doc->nheads, "head", "heads"),
                     sections < doc->nheads ? " (several heads name the same section)" : "");
}

/* Reports articles the reader of the output should look at as a whole. */
static void check_articles(CleanDoc *doc)
{
    for (int i = 0; i < doc->nout; i++) {
        int a = doc->order[i];
        const Article *art = &doc->articles[a];
        int line = doc->lines[art->first_order].no;
        if (!art->is_box && !art->has_headline)
            doc_report(doc, line, "article %d has no headline; its title was taken from its "
                       "first head or left empty", i + 1);
        if (!art->is_box && !article_has_body(doc, a))
            doc_report(doc, line, "article %d has no text of its own; merge it with its "
                       "neighbour", i + 1);
        if (!art->closed && !art->is_box)
            doc_report(doc, line, "article %d has no end mark ■", i + 1);
    }
    report_sections(doc);
    doc_report_issue(doc, "date", "the date is derived from the issue number: check it");
}

/* ---- Public API -------------------------------------------------------------------------- */

CleanDoc *clean_analyse(Diag *d, const char *path, const char *text, size_t len)
{
    CleanDoc *doc = xcalloc(1, sizeof *doc);
    arena_init(&doc->arena);
    doc->path = arena_strdup(&doc->arena, path);
    if (!raw_split(doc, d, text, len)) {
        clean_doc_free(doc);
        return NULL;
    }
    furniture_find(doc);
    lines_classify(doc);
    for (int i = 0; i < doc->nlines; i++)
        if (doc->lines[i].kind == LK_BODY && doc->lines[i].unsure)
            doc_report(doc, doc->lines[i].no, "single space between Han characters removed; "
                       "check whether the original printed a gap there");
    blocks_build(doc);
    articles_build(doc);
    order_articles(doc);
    check_articles(doc);
    locate_lines(doc);
    return doc;
}

void clean_doc_free(CleanDoc *doc)
{
    if (!doc)
        return;
    arena_fini(&doc->arena);
    free(doc);
}

int clean_article_count(const CleanDoc *doc)
{
    return doc->nout;
}

void clean_article_markdown(const CleanDoc *doc, int i, Buf *out)
{
    classify_article(doc, doc->order[i], out, NULL);
}

int clean_report_count(const CleanDoc *doc)
{
    return doc->nreport;
}

void clean_text_without_furniture(const CleanDoc *doc, Buf *out)
{
    for (int i = 0; i < doc->nlines; i++) {
        const Line *l = &doc->lines[i];
        if (l->kind != LK_FURNITURE)
            buf_put(out, l->raw, strlen(l->raw) - (size_t)l->cut_tail);
        buf_putc(out, '\n');
    }
}

/* The one line clean prints on success (not with -q): what it wrote where,
 * and how much there is to check. */
static void say_written(const CleanDoc *doc, Diag *d, const char *out_dir)
{
    if (!d->out || d->quiet)
        return;
    int boxes = 0;
    for (int i = 0; i < doc->nout; i++)
        boxes += doc->articles[doc->order[i]].is_box;
    int articles = doc->nout - boxes;
    fprintf(d->out, "%s: wrote %d %s", d->prog ? d->prog : "reprint", articles,
            plural(articles, "article", "articles"));
    if (boxes)
        fprintf(d->out, " and %d %s", boxes, plural(boxes, "box", "boxes"));
    fprintf(d->out, " into %s; clean-report.txt lists %d %s to check\n", out_dir, doc->nreport,
            plural(doc->nreport, "place", "places"));
}

int clean_run(Diag *d, const char *raw_path, const char *out_dir, const char *layout)
{
    size_t len;
    char *text = file_read(d, raw_path, &len);
    if (!text)
        return 2;
    int errors = d->errors;
    CleanDoc *doc = clean_analyse(d, raw_path, text, len);
    free(text);
    if (!doc)
        return 1;
    doc->layout = layout;
    if (!layout)
        doc_report_issue(doc, "layout", "the layout is \"default\", which names no design: set "
                         "it (or clean with --layout NAME)");
    int status = 0;
    if (doc->nout == 0) {
        diag_error(d, srcloc_file(raw_path), "no text found");
        status = 1;
    } else {
        status = clean_write(doc, d, out_dir);
    }
    if (status == 0)
        say_written(doc, d, out_dir);
    clean_doc_free(doc);
    return status ? status : (d->errors > errors ? 1 : 0);
}
