/* front.c - the pages before page 1, from the manifest: a typographic
 * cover (封面) and the contents (目录) on its reverse (封二).
 *
 * A magazine numbers its interior pages from the first right-hand page
 * after the cover; the covers (封一–封四) carry no folios. So the front
 * pages have folio 0 and page 1 stays a right-hand page (a blank page is
 * added when the front matter is a single page). The pages are reserved
 * before the body is composed and filled after it, because the contents
 * print the folios the articles landed on.
 */
#include "page_impl.h"

#include <stdio.h>
#include <string.h>

static int compose_contents(Composer *c, bool dry);

void front_reserve(Composer *c)
{
    const Layout *l = c->l;
    Pages *p = c->p;
    p->cover_page = p->contents_page = -1;
    /* How many pages the contents take is known before the folios are. */
    p->n_contents = l->contents ? compose_contents(c, true) : 0;
    int n = (l->cover ? 1 : 0) + p->n_contents;
    n += n % 2; /* page 1 is a right-hand page */
    for (int i = 0; i < n; i++)
        compose_new_page(c)->folio = 0;
    if (l->cover)
        p->cover_page = 0;
    if (l->contents) {
        p->contents_page = l->cover ? 1 : 0;
        for (int i = 0; i < p->n_contents; i++)
            p->page[p->contents_page + i].label = l->contents_title;
    }
    p->n_front = n;
}

/* ---- helpers ------------------------------------------------------------ */

/* Sets text in role's face at size (0: the role's) to measure. Like the
 * running heads, front matter is furniture made from the manifest, not
 * content: it is not recorded for --dump=lines. */
static ParaLines *set_sized(Composer *c, const char *text, RoleId role, int32_t size,
                            int32_t measure, Align align)
{
    TextSpan span = {.start = 0, .end = (int)strlen(text), .role = role, .size = size};
    return compose_set(c, text, span.end, &span, 1, measure, align, 0, srcloc_file(NULL));
}

/* Grid lines a printed line of size takes: its em box and a little air. */
static int lines_for(const Composer *c, int32_t size)
{
    return (int)((size + size / 4 + c->l->line_pitch - 1) / c->l->line_pitch);
}

/* Places every line of pl from grid line k, `lines` grid lines each, at x;
 * returns the grid line below. */
static int place_lines(Composer *c, const ParaLines *pl, RoleId role, int32_t size, int32_t x,
                       int k, int lines)
{
    for (int i = 0; i < pl->n; i++, k += lines)
        compose_place_line(c, pl, i, x, compose_baseline(c, k, lines, size), role, -1);
    return k;
}

static int32_t grid_y(const Composer *c, int k)
{
    return c->l->margin_top + (int32_t)k * c->l->line_pitch;
}

/* Printed title lines, each set on its own to `measure` (broken only
 * where one is wider, at a pause where it has one), the last to
 * `last_measure`; returns how many lines they take, and the settings in
 * out[0..title->n). */
static int title_lines(Composer *c, const TextList *title, RoleId role, int32_t size,
                       int32_t measure, int32_t last_measure, Align align, ParaLines **out)
{
    int lines = 0;
    for (int i = 0; i < title->n; i++) {
        int32_t m = i == title->n - 1 ? last_measure : measure;
        const char *t = title->item[i];
        out[i] = size ? set_sized(c, t, role, size, m, align)
                      : head_lines(c, t, role, m, align, srcloc_file(NULL));
        lines += out[i]->n;
    }
    return lines;
}

/* ---- the cover ---------------------------------------------------------- */

/* The issue line under the masthead: issue and serial, as printed. */
static int cover_issue(Composer *c, int k)
{
    char text[256];
    snprintf(text, sizeof text, "%s　%s", c->doc->issue, c->doc->serial);
    int32_t size = c->l->role[ROLE_KICKER].size;
    ParaLines *pl = set_sized(c, text, ROLE_KICKER, 0, compose_area_width(c), ALIGN_CENTER);
    return place_lines(c, pl, ROLE_KICKER, size, compose_area_left(c), k, 1);
}

/* The mark of article a (marks are in page order: a box may float on). */
static int mark_of(const Pages *p, const Article *a)
{
    int i = 0;
    while (i < p->n_marks - 1 && p->mark[i].article != a)
        i++;
    return i;
}

/* Whether mark i is a lead: the first article of each section comes
 * first, then the others in order, boxes never. */
static bool is_lead(const Pages *p, int i, int round)
{
    const PageMark *m = &p->mark[i];
    int prev = i - 1;
    while (prev >= 0 && p->mark[prev].article->kind == ARTICLE_BOX)
        prev--; /* a box may have floated on among a later section's marks */
    bool first = prev < 0 || p->mark[prev].section != m->section;
    return m->article->kind != ARTICLE_BOX && first == (round == 0);
}

/* The lead titles at the foot of the cover, each printed title line a
 * line of its own. */
static void cover_leads(Composer *c)
{
    const Layout *l = c->l;
    int32_t w = compose_area_width(c), x = compose_area_left(c), size = l->cover_lead_size;
    int lines = lines_for(c, size), k = l->lines_per_page, n = 0;
    const Article *lead[20]; /* the layout allows at most 20 leads */
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < c->p->n_marks && n < l->cover_leads; i++)
            if (is_lead(c->p, i, round))
                lead[n++] = c->p->mark[i].article;
    ParaLines ***set = ARENA_ARRAY(&c->p->arena, ParaLines **, n ? n : 1);
    for (int i = 0; i < n; i++) {
        set[i] = ARENA_ARRAY(&c->p->arena, ParaLines *, lead[i]->title.n ? lead[i]->title.n : 1);
        k -= title_lines(c, &lead[i]->title, ROLE_TITLE, size, w, w, ALIGN_CENTER, set[i]) * lines +
             1;
    }
    for (int i = 0; i < n; i++) {
        for (int j = 0; j < lead[i]->title.n; j++)
            k = place_lines(c, set[i][j], ROLE_TITLE, size, x, k, lines);
        k++;
    }
}

static void compose_cover(Composer *c)
{
    const Layout *l = c->l;
    c->cur = c->p->cover_page;
    int32_t size = l->cover_masthead;
    int lines = lines_for(c, size);
    ParaLines *pl = set_sized(c, c->doc->magazine, ROLE_TITLE, size, compose_area_width(c),
                              ALIGN_CENTER);
    int k = place_lines(c, pl, ROLE_TITLE, size, compose_area_left(c), 1, lines);
    compose_double_rule(c, grid_y(c, k) + l->line_pitch / 2);
    cover_issue(c, k + 1);
    cover_leads(c);
}

/* ---- the contents --------------------------------------------------------- */

/* Entries are set ragged in the 楷体 of the editor's note: set apart from
 * justified body text at a glance. */
#define TOC_ROLE ROLE_EDITOR_NOTE

typedef struct Toc {
    int col, k;        /* column being filled and its next free grid line */
    int top;           /* first grid line of the entries on this page */
    int32_t colw;
    int pages;         /* pages used so far */
    bool dry;          /* only count the pages (before the body is composed) */
} Toc;

/* Moves to the next column, or the next page, when h lines do not fit. */
static void toc_room(Composer *c, Toc *t, int h)
{
    if (t->k == t->top || t->k + h <= c->l->lines_per_page)
        return;
    if (t->col + 1 < c->l->contents_columns) {
        t->col++, t->k = t->top;
        return;
    }
    t->pages++;
    t->col = 0;
    t->top = t->k = 0; /* continuation pages have no heading */
    if (!t->dry)
        c->cur++;
}

static int32_t toc_x(const Composer *c, const Toc *t)
{
    return compose_area_left(c) + t->col * (t->colw + (int32_t)c->l->gutter * style_em(c->l));
}

/* A section's name, kept with its first entry (needs lines of room). */
static void toc_section(Composer *c, Toc *t, const Section *s, int entry_lines)
{
    if (t->k > t->top)
        t->k++; /* a line of space between sections */
    if (!s->title[0])
        return;
    /* the section's toc lines, each set on its own, or its name */
    const Role *r = &c->l->role[ROLE_HEADING];
    int n = s->toc.n ? s->toc.n : 1;
    ParaLines **pl = ARENA_ARRAY(&c->p->arena, ParaLines *, n);
    int lines = 0;
    for (int i = 0; i < n; i++) {
        pl[i] = head_lines(c, s->toc.n ? s->toc.item[i] : s->title, ROLE_HEADING, t->colw,
                           ALIGN_LEFT, srcloc_file(NULL));
        lines += pl[i]->n;
    }
    toc_room(c, t, lines + entry_lines);
    for (int i = 0; i < n; i++) {
        if (t->dry)
            t->k += pl[i]->n * r->lines;
        else
            t->k = place_lines(c, pl[i], ROLE_HEADING, r->size, toc_x(c, t), t->k, r->lines);
    }
}

/* One entry: each printed line of the title on a line of its own, the
 * lines after the first indented by one character, the folio flush right
 * on the last line, and a link over all of it to the article's first page. */
static void toc_entry(Composer *c, Toc *t, ParaLines *const *title, int n_title, int lines,
                      int mark)
{
    toc_room(c, t, lines);
    if (t->dry) {
        t->k += lines;
        return;
    }
    int32_t x = toc_x(c, t), size = c->l->role[TOC_ROLE].size, em = style_em(c->l);
    int k0 = t->k;
    for (int i = 0; i < n_title; i++)
        for (int j = 0; j < title[i]->n; j++, t->k++)
            compose_place_line(c, title[i], j, x + (i || j ? em : 0),
                               compose_baseline(c, t->k, 1, size), TOC_ROLE, -1);
    char folio[16];
    snprintf(folio, sizeof folio, "%d", c->p->page[c->p->mark[mark].page].folio);
    ParaLines *num = set_sized(c, folio, ROLE_FOLIO, 0, t->colw, ALIGN_RIGHT);
    compose_place_line(c, num, 0, x, compose_baseline(c, t->k - 1, 1, size), ROLE_FOLIO, -1);
    /* the link covers the title's lines and the folio */
    PageItem *link = compose_item(c, ITEM_LINK);
    link->x0 = x, link->x1 = x + t->colw;
    link->y0 = grid_y(c, k0), link->y1 = grid_y(c, t->k);
    link->target = mark;
}

/* The heading (the layout's title) and the issue line, over 文武线;
 * returns the grid line below (dry: only computes it). */
static int toc_heading(Composer *c, bool dry)
{
    const Role *r = &c->l->role[ROLE_TITLE];
    ParaLines *title = set_sized(c, c->l->contents_title, ROLE_TITLE, 0, compose_area_width(c),
                                 ALIGN_CENTER);
    char text[256];
    snprintf(text, sizeof text, "%s　%s　%s", c->doc->magazine, c->doc->issue, c->doc->serial);
    ParaLines *issue = set_sized(c, text, ROLE_SUBTITLE, 0, compose_area_width(c), ALIGN_CENTER);
    if (dry)
        return title->n * r->lines + issue->n + 1;
    int k = place_lines(c, title, ROLE_TITLE, r->size, compose_area_left(c), 0, r->lines);
    k = place_lines(c, issue, ROLE_SUBTITLE, c->l->role[ROLE_SUBTITLE].size, compose_area_left(c),
                    k, 1);
    compose_double_rule(c, grid_y(c, k) + c->l->line_pitch / 3);
    return k + 1;
}

/* Sets the contents, or with dry only counts the pages they take. Entries
 * follow the manifest; mark i is the i-th article (every article gets one). */
static int compose_contents(Composer *c, bool dry)
{
    const Layout *l = c->l;
    Toc t = {.colw = style_column_width(l, l->contents_columns), .pages = 1, .dry = dry};
    if (!dry)
        c->cur = c->p->contents_page;
    t.top = t.k = toc_heading(c, dry);
    int32_t em = style_em(l);
    for (int si = 0; si < c->doc->n_sections; si++) {
        const Section *s = &c->doc->section[si];
        bool first = true; /* the section's name goes with its first entry */
        for (int i = 0; i < s->n_articles; i++) {
            const Article *a = s->article[i];
            if (a->kind == ARTICLE_BOX)
                continue; /* boxes are fillers, not listed */
            int mark = mark_of(c->p, a);
            /* lines after the first are indented; the last leaves room for the folio */
            const TextList *entry = a->toc.n ? &a->toc : &a->title;
            ParaLines **title = ARENA_ARRAY(&c->p->arena, ParaLines *, entry->n ? entry->n : 1);
            int lines = title_lines(c, entry, TOC_ROLE, 0, t.colw - em, t.colw - 3 * em, ALIGN_LEFT,
                                    title);
            if (first)
                toc_section(c, &t, s, lines);
            first = false;
            toc_entry(c, &t, title, entry->n, lines, mark);
        }
    }
    return t.pages;
}

void front_compose(Composer *c)
{
    if (c->p->cover_page >= 0)
        compose_cover(c);
    if (c->p->contents_page >= 0)
        compose_contents(c, false);
}
