/* check.c - gathering the editor's report; see check.h. */
#include "check_impl.h"

#include <stdlib.h>
#include <string.h>


/* ---- the message log ------------------------------------------------- */

CheckLog *check_log_new(void)
{
    return xcalloc(1, sizeof(CheckLog));
}

void check_log_free(CheckLog *log)
{
    if (!log)
        return;
    for (int i = 0; i < log->n; i++) {
        free(log->msg[i].path);
        free(log->msg[i].text);
    }
    free(log->msg);
    free(log);
}

void check_log_add(void *ctx, DiagLevel level, SrcLoc at, const char *message)
{
    check_log_note(ctx, level, at, srcloc_file(NULL), -1, message);
}

void check_log_note(CheckLog *log, DiagLevel level, SrcLoc at, SrcLoc para, int byte,
                    const char *message)
{
    if (log->n == log->cap) {
        log->cap = log->cap ? log->cap * 2 : 32;
        log->msg = xrealloc(log->msg, sizeof(CheckMessage) * (size_t)log->cap);
    }
    /* The path belongs to a document that may be gone when the report is printed. */
    log->msg[log->n++] = (CheckMessage){.level = level,
                                        .path = at.path ? xstrdup(at.path) : NULL,
                                        .line = at.line,
                                        .col = at.col,
                                        .text = xstrdup(message),
                                        .para = para,
                                        .byte = byte};
}

/* ---- which article a thing belongs to -------------------------------- */

/* Index into r->art of the article whose file is path; -1 for none. */
static int article_of_path(const CheckReport *r, const char *path)
{
    if (!path)
        return -1;
    for (int i = 0; i < r->n_art; i++)
        if (r->art[i].a->path == path || strcmp(r->art[i].a->path, path) == 0)
            return i;
    return -1;
}

static CheckCounts *counts_of(CheckReport *r, int art)
{
    return art >= 0 ? &r->art[art].c : &r->furniture;
}

static void list_articles(CheckReport *r)
{
    const Doc *doc = r->doc;
    int n = 0;
    for (int i = 0; i < doc->n_sections; i++)
        n += doc->section[i].n_articles;
    r->art = xcalloc((size_t)n + 1, sizeof(ArticleReport));
    for (int i = 0; i < doc->n_sections; i++) {
        const Section *s = &doc->section[i];
        for (int k = 0; k < s->n_articles; k++)
            r->art[r->n_art++] = (ArticleReport){.a = s->article[k], .s = s};
    }
}

/* ---- pages ------------------------------------------------------------ */

static void count_page(CheckCounts *c, int *last_page, int page, int folio)
{
    if (*last_page == page)
        return;
    *last_page = page;
    c->pages++;
    if (folio > 0 && (c->first_folio == 0 || folio < c->first_folio))
        c->first_folio = folio;
    if (folio > c->last_folio)
        c->last_folio = folio;
}

/* Which pages each article has lines on (PageItem.article is an index into
 * Pages.mark, whose entries name the article). */
static void count_pages(CheckReport *r)
{
    const Pages *p = r->p;
    int *of_mark = xmalloc(sizeof(int) * ((size_t)p->n_marks + 1));
    for (int m = 0; m < p->n_marks; m++) {
        of_mark[m] = -1;
        for (int i = 0; i < r->n_art; i++)
            if (r->art[i].a == p->mark[m].article)
                of_mark[m] = i;
    }
    int *last = xmalloc(sizeof(int) * ((size_t)r->n_art + 1));
    for (int i = 0; i <= r->n_art; i++)
        last[i] = -1;
    for (int pg = 0; pg < p->n_pages; pg++) {
        const Page *page = &p->page[pg];
        for (int k = 0; k < page->n_items; k++) {
            int m = page->item[k].article;
            int art = m >= 0 && m < p->n_marks ? of_mark[m] : -1;
            count_page(counts_of(r, art), &last[art >= 0 ? art : r->n_art], pg, page->folio);
        }
        if (page->folio > 0)
            r->n_numbered++;
    }
    free(last);
    free(of_mark);
}

/* The page index of line `line` of pl: where a page item draws it; -1
 * if none does. */
static int page_of_line(const Pages *p, const ParaLines *pl, int line)
{
    int g0 = pl->line[line].g0;
    for (int pg = 0; pg < p->n_pages; pg++)
        for (int k = 0; k < p->page[pg].n_items; k++) {
            const PageItem *it = &p->page[pg].item[k];
            if (it->kind == ITEM_TEXT && it->s == pl->shaped && it->g0 == g0)
                return pg;
        }
    return -1;
}

/* The grid line text item `it` stands in: body lines know theirs; other
 * text in the type area (a source note, a head) by its baseline; -1 for
 * what stands outside it (running heads, folios). */
static int grid_line_of(const Layout *l, int pg, const PageItem *it)
{
    if (it->grid_line >= 0)
        return it->grid_line;
    if (it->g1 <= it->g0)
        return -1;
    int32_t left = page_area_left(l, pg), x = it->x[0], y = it->y[0] - l->margin_top;
    int32_t width = style_measure(l);
    if (x < left || x > left + width || y < 0)
        return -1;
    int k = y / l->line_pitch;
    return k < l->lines_per_page ? k : -1;
}

/* The lowest grid line a page sets text on; -1 for none. */
static int foot_line(const Layout *l, const Page *page, int pg)
{
    int last = -1;
    for (int k = 0; k < page->n_items; k++)
        if (page->item[k].kind == ITEM_TEXT) {
            int g = grid_line_of(l, pg, &page->item[k]);
            last = g > last ? g : last;
        }
    return last;
}

/* Whether page index pg opens a section (its first article starts there). */
static bool opens_section(const Pages *p, int pg)
{
    for (int m = 0; m < p->n_marks; m++)
        if (p->mark[m].page == pg && (m == 0 || p->mark[m - 1].section != p->mark[m].section))
            return true;
    return false;
}

/* Body pages whose foot stays empty while the text goes on overleaf: not
 * a section's last page (the next section starts a page by design) nor
 * the last. */
static void count_feet(CheckReport *r)
{
    const Pages *p = r->p;
    int lines = p->layout->lines_per_page;
    r->feet = xcalloc((size_t)p->n_pages + 1, sizeof(LookPage));
    for (int pg = 0; pg + 1 < p->n_pages; pg++) {
        int last = foot_line(p->layout, &p->page[pg], pg);
        if (p->page[pg].folio == 0 || last < 0 || last >= lines - 1 || opens_section(p, pg + 1))
            continue;
        r->feet[r->n_feet++] = (LookPage){pg + 1, p->page[pg].folio, lines - 1 - last};
    }
}

/* ---- paragraphs ------------------------------------------------------- */

static int missing_glyphs(const TextCtx *t, const Shaped *s)
{
    int n = 0;
    for (int i = 0; i < s->n; i++)
        n += text_glyph_missing(t, &s->glyph[i]);
    return n;
}

/* Would a greedy setting of pl have ended in a 孤字? */
static bool greedy_runt(CheckReport *r, const ParaLines *pl)
{
    ParaOpts o = pl->opts;
    o.first_fit = true;
    o.looseness = 0;
    Diag silent;
    diag_init(&silent, NULL, NULL);
    ParaLines *greedy = para_break(&r->scratch, &silent, pl->shaped, &o, pl->at);
    return greedy->runt;
}

static void add_look_line(CheckReport *r, int art, const ParaLines *pl, int i, unsigned flags)
{
    if (r->n_look == r->cap_look) {
        r->cap_look = r->cap_look ? r->cap_look * 2 : 32;
        r->look = xrealloc(r->look, sizeof(LookLine) * (size_t)r->cap_look);
    }
    const Line *l = &pl->line[i];
    const Shaped *s = pl->shaped;
    int b0 = s->glyph[l->g0].byte, b1 = l->g1 < s->n ? s->glyph[l->g1].byte : s->len;
    int32_t em = s->glyph[l->g0].size;
    int pg = page_of_line(r->p, pl, i);
    r->look[r->n_look++] = (LookLine){.article = art,
                                      .at = pl->at,
                                      .line = i + 1,
                                      .flags = flags,
                                      .gap_em = em > 0 ? (double)l->max_gap / em : 0,
                                      .folio = pg >= 0 ? r->p->page[pg].folio : 0,
                                      .pdf_page = pg + 1,
                                      .text = s->text + b0,
                                      .len = b1 - b0};
}

static void count_paragraph(CheckReport *r, const ParaLines *pl)
{
    int art = article_of_path(r, pl->at.path);
    CheckCounts *c = counts_of(r, art);
    c->paragraphs++;
    c->lines += pl->n;
    for (int i = 0; i < pl->n; i++) {
        unsigned f = para_line_flags(pl, i);
        c->loose += !!(f & LINE_LOOSE);
        c->tight += !!(f & LINE_TIGHT);
        c->pushed_out += !!(f & LINE_PUSHED_OUT);
        c->overfull += !!(f & LINE_OVERFULL);
        c->compressed += pl->line[i].compressed;
        if (f & CHECK_LOOK)
            add_look_line(r, art, pl, i, f);
    }
    c->runts += pl->runt;
    c->reset += pl->opts.looseness != 0;
    bool total_fit = pl->opts.align == ALIGN_JUSTIFY && !pl->opts.first_fit;
    if (total_fit && pl->n > 1 && !pl->runt && greedy_runt(r, pl))
        c->runts_avoided++;
    c->missing_glyphs += missing_glyphs(r->t, pl->shaped);
}

/* ---- messages and totals ---------------------------------------------- */

/* Messages in the order of the issue: by article, then line and column;
 * those of no article (the manifest, the layout, the program) last. */
static const CheckReport *sorting;

static int by_place(const void *x, const void *y)
{
    int i = *(const int *)x, k = *(const int *)y;
    int ai = sorting->msg_article[i], ak = sorting->msg_article[k];
    const CheckMessage *mi = &sorting->log->msg[i], *mk = &sorting->log->msg[k];
    if (ai != ak)
        return ai < 0 ? 1 : ak < 0 ? -1 : ai - ak;
    if (mi->line != mk->line)
        return mi->line - mk->line;
    if (mi->col != mk->col)
        return mi->col - mk->col;
    return i - k;
}

static void count_messages(CheckReport *r)
{
    if (!r->log)
        return;
    int n = r->log->n;
    r->msg_article = xmalloc(sizeof(int) * ((size_t)n + 1));
    r->msg_order = xmalloc(sizeof(int) * ((size_t)n + 1));
    for (int i = 0; i < n; i++) {
        const CheckMessage *m = &r->log->msg[i];
        int art = article_of_path(r, m->path);
        r->msg_article[i] = art;
        r->msg_order[i] = i;
        CheckCounts *c = counts_of(r, art);
        c->warnings += m->level == DIAG_WARNING;
        c->errors += m->level == DIAG_ERROR;
    }
    sorting = r;
    qsort(r->msg_order, (size_t)n, sizeof(int), by_place);
    sorting = NULL;
}

static void add_counts(CheckCounts *to, const CheckCounts *c)
{
    to->paragraphs += c->paragraphs;
    to->lines += c->lines;
    to->loose += c->loose;
    to->tight += c->tight;
    to->pushed_out += c->pushed_out;
    to->overfull += c->overfull;
    to->compressed += c->compressed;
    to->runts_avoided += c->runts_avoided;
    to->runts += c->runts;
    to->reset += c->reset;
    to->missing_glyphs += c->missing_glyphs;
    to->warnings += c->warnings;
    to->errors += c->errors;
}

static void sum_totals(CheckReport *r)
{
    CheckCounts *t = &r->total;
    for (int i = 0; i < r->n_art; i++)
        add_counts(t, &r->art[i].c);
    add_counts(t, &r->furniture);
    int last = -1; /* every page, once: the whole issue's pages and folio range */
    for (int pg = 0; pg < r->p->n_pages; pg++)
        count_page(t, &last, pg, r->p->page[pg].folio);
}

CheckReport *check_report(const Doc *doc, const Pages *p, const TextCtx *t, CheckLog *log)
{
    CheckReport *r = xcalloc(1, sizeof(CheckReport));
    r->doc = doc;
    r->p = p;
    r->t = t;
    r->log = log;
    arena_init(&r->scratch);
    list_articles(r);
    count_pages(r);
    count_feet(r);
    for (int i = 0; i < p->n_paras; i++)
        count_paragraph(r, p->para[i]);
    if (log)
        check_lint(log, doc);
    count_messages(r);
    sum_totals(r);
    return r;
}

void check_report_free(CheckReport *r)
{
    if (!r)
        return;
    arena_fini(&r->scratch);
    free(r->art);
    free(r->look);
    free(r->feet);
    free(r->msg_article);
    free(r->msg_order);
    free(r);
}

const CheckCounts *check_totals(const CheckReport *r)
{
    return &r->total;
}

int check_lines_to_look_at(const CheckReport *r)
{
    return r->n_look;
}

int check_pages_to_look_at(const CheckReport *r)
{
    return r->n_feet;
}

CheckNote *check_notes(const Doc *doc, int *n)
{
    CheckLog *log = check_log_new();
    check_lint(log, doc);
    CheckNote *notes = xcalloc((size_t)log->n + 1, sizeof(CheckNote));
    *n = 0;
    for (int i = 0; i < log->n; i++)
        if (log->msg[i].para.path)
            notes[(*n)++] = (CheckNote){log->msg[i].para, log->msg[i].byte};
    check_log_free(log);
    return notes;
}
