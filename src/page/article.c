/* article.c - one article onto the pages: headline block, body columns,
 * notes; columns balanced on the article's last page. */
#include "page_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One unit of the column flow, a whole number of grid lines high. */
typedef struct FlowItem {
    const ParaLines *pl;
    int first, count;  /* lines of pl in this item */
    RoleId role;
    int pad;           /* empty grid lines above the text */
    int height;        /* grid lines taken, pad included */
    bool keep_next;    /* a head: keep with what follows */
    int para_line;     /* FLOW_LINES: which line of its paragraph (0-based) */
    int para_lines;    /* lines in its paragraph (1 for whole blocks) */
} FlowItem;

typedef struct Flow {
    FlowItem *item;
    int n, cap;
} Flow;

static FlowItem *flow_push(Flow *f)
{
    if (f->n == f->cap) {
        f->cap = f->cap ? f->cap * 2 : 64;
        f->item = xrealloc(f->item, sizeof(FlowItem) * (size_t)f->cap);
    }
    FlowItem *it = &f->item[f->n++];
    memset(it, 0, sizeof *it);
    return it;
}

/* How a set paragraph enters the flow. */
typedef enum FlowMode {
    FLOW_LINES, /* line by line: body text may break between columns */
    FLOW_BLOCK, /* whole: notes, headline pieces */
    FLOW_HEAD   /* whole, and kept with the two lines that follow */
} FlowMode;

static void flow_add(Composer *c, Flow *f, const ParaLines *pl, RoleId role, FlowMode mode)
{
    const Role *r = &c->l->role[role];
    compose_keep(c, pl);
    if (mode != FLOW_LINES) {
        FlowItem *it = flow_push(f);
        *it = (FlowItem){pl, 0, pl->n, role, r->space_before,
                         r->space_before + pl->n * r->lines + r->space_after, mode == FLOW_HEAD, 0, 1};
        return;
    }
    for (int i = 0; i < pl->n; i++) {
        FlowItem *it = flow_push(f);
        bool first = i == 0, last = i == pl->n - 1;
        int pad = first ? r->space_before : 0;
        *it = (FlowItem){pl, i, 1, role, pad, pad + r->lines + (last ? r->space_after : 0), false,
                         i, pl->n};
    }
}

/* ---- building the flows -------------------------------------------- */

static void add_paragraph(Composer *c, Flow *f, const Article *a, const Block *b, RoleId body,
                          int32_t measure)
{
    TextSpan spans[2];
    int n = 0;
    if (b->runin_len > 0)
        spans[n++] = (TextSpan){.start = 0, .end = b->runin_len, .role = ROLE_RUNIN};
    if (b->runin_len < b->len)
        spans[n++] = (TextSpan){.start = b->runin_len, .end = b->len, .role = body};
    const Role *r = &c->l->role[body];
    ParaLines *pl = compose_set(c, b->text, b->len, spans, n, measure, r->align,
                                (int32_t)r->indent * r->size, doc_locate(a, b, 0));
    flow_add(c, f, pl, body, FLOW_LINES);
}

static void add_list(Composer *c, Flow *f, const TextList *l, RoleId role, int32_t measure,
                     FlowMode mode)
{
    for (int i = 0; i < l->n; i++)
        flow_add(c, f, compose_set_role(c, l->item[i], role, measure, l->at[i]), role, mode);
}

static void add_field(Composer *c, Flow *f, const char *text, SrcLoc at, RoleId role,
                      int32_t measure, FlowMode mode)
{
    if (text && text[0])
        flow_add(c, f, compose_set_role(c, text, role, measure, at), role, mode);
}

/* Title lines are the printed lines: one that is wider than the measure at
 * its role's size is set smaller to stay one line, never broken. */
static void add_title_lines(Composer *c, Flow *f, const TextList *l, RoleId role, int32_t measure)
{
    const Role *r = &c->l->role[role];
    for (int i = 0; i < l->n; i++) {
        ParaLines *pl = compose_set_role(c, l->item[i], role, measure, l->at[i]);
        if (pl->n > 1) {
            int len = (int)strlen(l->item[i]);
            TextSpan span = {.start = 0, .end = len, .role = role};
            ParaLines *one = compose_set(c, l->item[i], len, &span, 1, INT32_MAX / 4, r->align, 0,
                                         l->at[i]);
            int64_t size = (int64_t)r->size * measure / one->line[0].natural;
            span.size = (int32_t)(size / 256 * 256); /* a quarter point below the fit */
            pl = compose_set(c, l->item[i], len, &span, 1, measure, r->align, 0, l->at[i]);
        }
        flow_add(c, f, pl, role, FLOW_HEAD);
    }
}

static void build_headline(Composer *c, const Article *a, Flow *f)
{
    int32_t w = compose_area_width(c);
    bool box = a->kind == ARTICLE_BOX;
    add_field(c, f, a->kicker, a->at, ROLE_KICKER, w, FLOW_HEAD);
    add_title_lines(c, f, &a->title, box ? ROLE_BOX_TITLE : ROLE_TITLE, w);
    add_list(c, f, &a->subtitle, ROLE_SUBTITLE, w, FLOW_HEAD);
    add_field(c, f, a->byline, a->at, ROLE_BYLINE, w, FLOW_HEAD);
    add_list(c, f, &a->editor_note, ROLE_EDITOR_NOTE, w, FLOW_LINES);
}

static void build_body(Composer *c, const Article *a, int32_t measure, Flow *f)
{
    RoleId body = a->kind == ARTICLE_BOX ? ROLE_BOX_BODY : ROLE_BODY;
    for (int i = 0; i < a->n_blocks; i++) {
        const Block *b = &a->block[i];
        if (b->kind == BLOCK_PARAGRAPH) {
            add_paragraph(c, f, a, b, body, measure);
            continue;
        }
        RoleId role = b->kind == BLOCK_HEADING ? ROLE_HEADING : ROLE_SUBHEADING;
        flow_add(c, f, compose_set_role(c, b->text, role, measure, b->at), role, FLOW_HEAD);
    }
    /* Notes are short: each stays whole, in one column. */
    add_field(c, f, a->end_source, a->at, ROLE_SOURCE, measure, FLOW_BLOCK);
    add_list(c, f, &a->notes, ROLE_NOTES, measure, FLOW_BLOCK);
}

/* ---- placing ---------------------------------------------------------- */

static int total_height(const FlowItem *it, int n)
{
    int h = 0;
    for (int i = 0; i < n; i++)
        h += it[i].height;
    return h;
}

/* Puts the lines of one flow item on the page, its first text line on
 * grid line `line`. */
static void place_item(Composer *c, const FlowItem *it, int32_t x, int line)
{
    const Role *r = &c->l->role[it->role];
    for (int k = 0; k < it->count; k++) {
        int at = line + k * r->lines;
        int32_t base = compose_baseline(c, at, r->lines, r->size);
        compose_place_line(c, it->pl, it->first + k, x, base, it->role,
                           it->role == ROLE_BODY ? at : -1);
    }
}

/* May a column end between it[i-1] and it[i]? Not after a head (it keeps
 * the lines that follow it), not after the first line of a paragraph (an
 * orphan at the foot: 孤行) and not before its last line (a widow at the
 * next column's top). A head followed by a paragraph is thereby kept with
 * two of its lines. */
static bool break_ok(const FlowItem *it, int i)
{
    const FlowItem *a = &it[i - 1], *b = &it[i];
    if (a->keep_next)
        return false;
    bool same_para = a->pl == b->pl && b->para_line == a->para_line + 1;
    if (same_para && a->para_line == 0)
        return false;
    if (same_para && b->para_line == b->para_lines - 1)
        return false;
    return true;
}

/* Grid lines item it takes; the space above a head is dropped at the top
 * of a column. */
static int item_height(const FlowItem *it, bool column_top)
{
    return column_top ? it->height - it->pad : it->height;
}

/* How many items from it[0] one column of h lines takes: as many as fit,
 * backed off to the last place where a column may end. Where no such
 * place fits: none if strict (the text moves on to the next page), else
 * as many as fit (a rule broken rather than a column left empty). *used
 * gets the grid lines taken. */
static int column_fit(const FlowItem *it, int n, int h, bool strict, int *used)
{
    int y = 0, j = 0, best = 0, best_y = 0;
    while (j < n) {
        int height = item_height(&it[j], j == 0);
        if (y + height > h)
            break;
        y += height;
        j++;
        if (j == n || break_ok(it, j))
            best = j, best_y = y;
    }
    if (best == 0 && !strict)
        best = j, best_y = y;
    *used = best_y;
    return best;
}

/* Lays items into cols columns of h grid lines, from item 0; returns how
 * many fit. When place is set, the items are put on the page from grid
 * line top. An item taller than a whole page is placed anyway (it
 * overflows) so that composition always moves on. */
static int fill_columns(Composer *c, const FlowItem *it, int n, int cols, int h, int top,
                        int32_t colw, bool place)
{
    int i = 0;
    int32_t step = colw + (int32_t)c->l->gutter * style_em(c->l);
    for (int col = 0; col < cols && i < n; col++) {
        /* The first column of a partly filled page may stay empty (the
         * text goes on overleaf); a later one, or a whole page, may not. */
        bool strict = col == 0 && h < c->l->lines_per_page;
        int used, k = column_fit(it + i, n - i, h, strict, &used);
        if (k == 0 && h < c->l->lines_per_page)
            break; /* does not fit in an empty column here: next page */
        if (k == 0)
            k = 1;
        for (int y = 0, j = i; place && j < i + k; j++) {
            int pad = j == i ? 0 : it[j].pad;
            place_item(c, &it[j], compose_area_left(c) + col * step, top + y + pad);
            y += item_height(&it[j], j == i);
        }
        i += k;
    }
    return i;
}

/* The lowest column height that holds all items: the balanced height. */
static int balanced_height(Composer *c, const FlowItem *it, int n, int cols, int avail,
                           int32_t colw)
{
    int h = (total_height(it, n) + cols - 1) / cols;
    while (h < avail && fill_columns(c, it, n, cols, h, 0, colw, false) < n)
        h++;
    return h;
}

static void pour(Composer *c, const Flow *f, int cols, int32_t colw)
{
    int i = 0;
    while (i < f->n) {
        int avail = c->l->lines_per_page - c->line;
        if (avail < 2) {
            compose_new_page(c);
            continue;
        }
        const FlowItem *rest = f->item + i;
        int n = f->n - i;
        int h = avail;
        if (total_height(rest, n) <= cols * avail)
            h = balanced_height(c, rest, n, cols, avail, colw);
        int done = fill_columns(c, rest, n, cols, h, c->line, colw, true);
        i += done;
        if (i < f->n || h >= avail)
            compose_new_page(c);
        else
            c->line += h;
        if (done == 0 && avail == c->l->lines_per_page)
            i++; /* an item taller than a page: drop it rather than loop */
    }
}

static void frame_box(Composer *c, int top, int bottom)
{
    PageItem *it = compose_item(c, ITEM_FRAME);
    int32_t pad = style_em(c->l) / 2;
    it->x0 = compose_area_left(c) - pad;
    it->x1 = compose_area_left(c) + compose_area_width(c) + pad;
    it->y0 = c->l->margin_top + (int32_t)top * c->l->line_pitch;
    it->y1 = c->l->margin_top + (int32_t)bottom * c->l->line_pitch;
    it->weight = STYLE_UNIT / 2;
}

void compose_section_opener(Composer *c, const Section *s)
{
    if (!s->title[0])
        return;
    Flow f = {0};
    add_field(c, &f, s->title, s->at, ROLE_SECTION_HEAD, compose_area_width(c), FLOW_BLOCK);
    fill_columns(c, f.item, f.n, 1, c->l->lines_per_page, c->line, compose_area_width(c), true);
    c->line += total_height(f.item, f.n);
    /* 文武线 under the name, in the grid line below it */
    int32_t y = c->l->margin_top + (int32_t)c->line * c->l->line_pitch + c->l->line_pitch / 4;
    compose_double_rule(c, y);
    c->line += 1;
    free(f.item);
}

/* The 编者按 is set apart from the headline and the body by thin rules
 * across the type area on the grid-line edges above and below it. */
static void rule_editor_note(Composer *c, const Flow *head, int top)
{
    int k = top, first = -1, last = -1;
    for (int i = 0; i < head->n; i++) {
        const FlowItem *it = &head->item[i];
        const Role *r = &c->l->role[it->role];
        if (it->role == ROLE_EDITOR_NOTE) {
            if (first < 0)
                first = k + it->pad;
            last = k + it->height - (it->para_line == it->para_lines - 1 ? r->space_after : 0);
        }
        k += it->height;
    }
    if (first < 0)
        return;
    int32_t x0 = compose_area_left(c), x1 = x0 + compose_area_width(c);
    for (int i = 0; i < 2; i++) {
        int32_t y = c->l->margin_top + (int32_t)(i ? last : first) * c->l->line_pitch;
        compose_rule(c, x0, y, x1, y, STYLE_UNIT / 2);
    }
}

void compose_article(Composer *c, const Section *s, const Article *a, MarkFn mark)
{
    bool box = a->kind == ARTICLE_BOX;
    int cols = box ? 1 : a->columns ? a->columns : s->columns ? s->columns : c->l->columns;
    int32_t colw = style_column_width(c->l, cols);
    Flow head = {0}, body = {0};
    build_headline(c, a, &head);
    build_body(c, a, colw, &body);
    int head_h = total_height(head.item, head.n);
    /* A box is never split; an article's headline keeps three lines with it. */
    int keep = box ? total_height(body.item, body.n) : 3;
    if (c->line > 0)
        c->line += 1; /* one grid line between articles */
    if (c->line + head_h + keep > c->l->lines_per_page)
        compose_new_page(c);
    mark(c, s, a);
    int top = c->line;
    fill_columns(c, head.item, head.n, 1, c->l->lines_per_page, c->line, compose_area_width(c),
                 true);
    rule_editor_note(c, &head, c->line);
    c->line += head_h;
    int page_before = c->p->n_pages;
    pour(c, &body, cols, colw);
    if (box && c->p->n_pages == page_before)
        frame_box(c, top, c->line);
    free(head.item);
    free(body.item);
}
