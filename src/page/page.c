/* page.c - the issue → pages; see page.h.
 *
 * page_build walks sections and articles in order:
 *   section      starts on a new page; its name (if printed) opens it
 *   article      headline block (kicker, title lines, subtitle, byline,
 *                editor's note) across all columns, then the body poured
 *                into the article's columns, then source and notes
 *   columns      filled top to bottom, paragraphs set a line shorter or
 *                longer where that fills a column foot; on the last page the
 *                columns are balanced (heights differ by at most one line)
 *   furniture    running heads and folios on every page (heads.c)
 */
#include "page_impl.h"

#include <stdlib.h>
#include <string.h>

#include "base/progress.h"

/* ---- pages and items ------------------------------------------------ */

Page *compose_new_page(Composer *c)
{
    Pages *p = c->p;
    if (p->n_pages == p->cap_pages) {
        p->cap_pages = p->cap_pages ? p->cap_pages * 2 : 32;
        p->page = xrealloc(p->page, sizeof(Page) * (size_t)p->cap_pages);
    }
    Page *pg = &p->page[p->n_pages++];
    memset(pg, 0, sizeof *pg);
    pg->folio = p->n_pages - p->n_front;
    pg->label = c->label;
    c->cur = p->n_pages - 1;
    c->line = 0;
    return pg;
}

Page *compose_page(Composer *c)
{
    return &c->p->page[c->cur];
}

PageItem *compose_item(Composer *c, ItemKind kind)
{
    Page *pg = compose_page(c);
    if (pg->n_items == pg->cap_items) {
        pg->cap_items = pg->cap_items ? pg->cap_items * 2 : 64;
        pg->item = xrealloc(pg->item, sizeof(PageItem) * (size_t)pg->cap_items);
    }
    PageItem *it = &pg->item[pg->n_items++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    it->grid_line = -1;
    it->article = c->article;
    return it;
}

/* ---- geometry ------------------------------------------------------- */

/* Left edge of the type area: odd pages are right-hand pages, with the
 * inner margin on the left. */
int32_t page_area_left(const Layout *l, int page)
{
    return page_is_right_hand(page) ? l->margin_inner : l->margin_outer;
}

int32_t compose_area_left(const Composer *c)
{
    return page_area_left(c->l, c->cur);
}

int32_t compose_area_width(const Composer *c)
{
    return style_measure(c->l);
}

/* Baseline of text of `size` centred in `lines` grid lines from grid line k. */
int32_t compose_baseline(const Composer *c, int k, int lines, int32_t size)
{
    int32_t top = c->l->margin_top + (int32_t)k * c->l->line_pitch;
    int32_t band = (int32_t)lines * c->l->line_pitch;
    return top + (band - size) / 2 + (int32_t)((int64_t)size * CJK_ASCENT / 1000);
}

/* ---- setting text ----------------------------------------------------- */

ParaLines *compose_set(Composer *c, const char *text, int len, const TextSpan *spans, int n_spans,
                       int32_t measure, Align align, int32_t indent, SrcLoc at)
{
    /* The shaped text borrows its string: keep a copy as long as the pages. */
    text = arena_strndup(&c->p->arena, text, (size_t)len);
    Shaped *s = text_shape(c->t, &c->p->arena, c->d, text, len, spans, n_spans, at);
    return compose_break(c, s, measure, align, indent, 0, at);
}

ParaLines *compose_break(Composer *c, const Shaped *s, int32_t measure, Align align,
                         int32_t indent, int looseness, SrcLoc at)
{
    ParaOpts o = {.measure = measure, .first_indent = indent, .align = align,
                  .punct = c->l->punct, .first_fit = c->first_fit, .looseness = looseness};
    return para_break(&c->p->arena, c->d, s, &o, at);
}

int compose_keep(Composer *c, const ParaLines *pl)
{
    Pages *p = c->p;
    if (p->n_paras == p->cap_paras) {
        p->cap_paras = p->cap_paras ? p->cap_paras * 2 : 256;
        p->para = xrealloc(p->para, sizeof(ParaLines *) * (size_t)p->cap_paras);
    }
    p->para[p->n_paras] = pl;
    return p->n_paras++;
}

ParaLines *compose_set_role(Composer *c, const char *text, RoleId role, int32_t measure, SrcLoc at)
{
    const Role *r = &c->l->role[role];
    TextSpan span = {.start = 0, .end = (int)strlen(text), .role = role};
    return compose_set(c, text, span.end, &span, 1, measure, r->align,
                       (int32_t)r->indent * r->size, at);
}

/* Places line i of pl with its left edge at x and baseline y. */
void compose_place_line(Composer *c, const ParaLines *pl, int i, int32_t x, int32_t y, RoleId role,
                        int grid_line)
{
    const Line *ln = &pl->line[i];
    const Shaped *s = pl->shaped;
    PageItem *it = compose_item(c, ITEM_TEXT);
    int n = ln->g1 - ln->g0;
    it->s = s;
    it->g0 = ln->g0;
    it->g1 = ln->g1;
    it->role = role;
    it->grid_line = grid_line;
    it->x = ARENA_ARRAY(&c->p->arena, int32_t, n);
    it->y = ARENA_ARRAY(&c->p->arena, int32_t, n);
    for (int k = 0; k < n; k++) {
        const Glyph *g = &s->glyph[ln->g0 + k];
        it->x[k] = x + ln->x[k] + g->x_offset;
        it->y[k] = y + g->y_offset;
    }
}

void compose_rule(Composer *c, int32_t x0, int32_t y0, int32_t x1, int32_t y1, int32_t weight)
{
    PageItem *it = compose_item(c, ITEM_RULE);
    it->x0 = x0, it->y0 = y0, it->x1 = x1, it->y1 = y1, it->weight = weight;
}

/* 文武线: a thick rule over a thin one across the type area, the classic
 * Chinese divider (section openers, cover, contents), from y. */
void compose_double_rule(Composer *c, int32_t y)
{
    int32_t x0 = compose_area_left(c), x1 = x0 + compose_area_width(c);
    compose_rule(c, x0, y, x1, y, 2 * STYLE_UNIT);
    compose_rule(c, x0, y + 3 * STYLE_UNIT, x1, y + 3 * STYLE_UNIT, STYLE_UNIT / 2);
}

/* ---- the issue -------------------------------------------------------- */

/* The running head names the section; where the issue printed no section
 * name, the title of the article that starts on the page serves. */
static void label_pages(Composer *c, const Section *s, const Article *a)
{
    if (s->title[0] || a->kind == ARTICLE_BOX)
        return;
    c->label = a->title.item[0];
    if (c->p->n_pages > 0)
        compose_page(c)->label = c->label;
}

static void add_mark(Composer *c, const Section *s, const Article *a)
{
    Pages *p = c->p;
    if (p->n_marks == p->cap_marks) {
        p->cap_marks = p->cap_marks ? p->cap_marks * 2 : 32;
        p->mark = xrealloc(p->mark, sizeof(PageMark) * (size_t)p->cap_marks);
    }
    p->mark[p->n_marks++] = (PageMark){a, s, p->n_pages - 1};
    c->article = p->n_marks - 1;
    label_pages(c, s, a);
}

/* A box (【多媒体资讯】) that does not fit where it comes floats, as a
 * layout editor would place it, to the first place after it where it
 * fits: after a later article on its page, or at the end, rather
 * than a page of its own. */
typedef struct Floating {
    const Section *section;
    const Article *article; /* NULL: none waiting */
} Floating;

/* (what follows the box on its page is what follows the article it comes
 * after: Composer.next_need and section_end are left as they were set) */
static void place_floating(Composer *c, Floating *f, bool last)
{
    if (f->article && compose_article(c, f->section, f->article, add_mark, !last))
        f->article = NULL;
}

static void compose_section(Composer *c, const Section *s, Floating *f)
{
    c->section = s;
    c->label = s->title[0] ? s->title : NULL;
    for (int i = 0; i < s->n_articles; i++) {
        const Article *a = s->article[i];
        if (i == 0) {
            compose_new_page(c);
            c->article = -1; /* the section's name belongs to no article */
            compose_section_opener(c, s);
        }
        if (a->kind == ARTICLE_BOX && f->article) {
            c->next_need = 0, c->section_end = false; /* the box that follows floats */
            place_floating(c, f, true);               /* one box waits at a time */
        }
        /* (the next section starts a new page: nothing to make room for) */
        c->section_end = i + 1 == s->n_articles;
        c->next_need = c->section_end ? 0 : compose_article_need(c, s, s->article[i + 1]);
        if (!compose_article(c, s, a, add_mark, true))
            *f = (Floating){s, a};
        else
            place_floating(c, f, false);
        progress_step("composing article", ++c->composed, c->articles);
    }
}

Pages *page_build(Diag *d, const Doc *doc, const Layout *layout, TextCtx *text, bool first_fit)
{
    Pages *p = xcalloc(1, sizeof(Pages));
    arena_init(&p->arena);
    p->layout = layout;
    Composer c = {.d = d, .doc = doc, .l = layout, .t = text, .p = p, .first_fit = first_fit,
                  .article = -1};
    /* The front matter comes first but is filled in last: the contents
     * need the pages the articles landed on. */
    front_reserve(&c);
    for (int i = 0; i < doc->n_sections; i++)
        c.articles += doc->section[i].n_articles;
    Floating f = {0};
    for (int i = 0; i < doc->n_sections; i++)
        compose_section(&c, &doc->section[i], &f);
    c.next_need = 0, c.section_end = true;
    place_floating(&c, &f, true);
    c.article = -1; /* cover, contents, running heads and folios are furniture */
    front_compose(&c);
    heads_add(&c);
    return p;
}

void page_free(Pages *p)
{
    if (!p)
        return;
    for (int i = 0; i < p->n_pages; i++)
        free(p->page[i].item);
    free(p->page);
    free(p->mark);
    free(p->para);
    arena_fini(&p->arena);
    free(p);
}
