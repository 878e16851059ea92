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

void doc_report(CleanDoc *doc, int line, const char *fmt, ...)
{
    Buf b;
    buf_init(&b);
    va_list ap;
    va_start(ap, fmt);
    buf_vprintf(&b, fmt, ap);
    va_end(ap);
    doc->report = doc_grow(doc, doc->report, doc->nreport, &doc->cap_report, sizeof(ReportEntry));
    doc->report[doc->nreport++] = (ReportEntry){line, arena_strdup(&doc->arena, buf_str(&b))};
    buf_fini(&b);
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
    if (!doc->magazine)
        doc_report(doc, 0, "no running heads found: magazine, issue and sections are empty");
    else
        doc_report(doc, 0, "sections were taken from the running heads (%d found); an article "
                   "gets the one printed last before it: check against the contents page",
                   doc->nheads);
    doc_report(doc, 0, "issue.yaml: the date is derived from the issue number: check it");
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
    classify_article(doc, doc->order[i], out);
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
        doc_report(doc, 0, "issue.yaml: the layout is \"default\", which names no design: set it "
                   "(or clean with --layout NAME)");
    int status = 0;
    if (doc->nout == 0) {
        diag_error(d, srcloc_file(raw_path), "no text found");
        status = 1;
    } else {
        status = clean_write(doc, d, out_dir);
    }
    clean_doc_free(doc);
    return status ? status : (d->errors > errors ? 1 : 0);
}
