/* article.c - one article onto the pages: headline block, body columns,
 * notes; columns balanced on the article's last page.
 *
 * The body is a list of pieces (paragraphs, heads, source, notes), each
 * set once. Pages are composed one at a time. Where a page leaves lines
 * empty at a column foot (the keep rules), columns off balance at the
 * article's end, or a tail of a few lines overleaf, it is composed again
 * with one to four of its paragraphs set a line shorter or longer
 * (looseness), as a layout editor would, and the cheapest page is kept
 * (choose_settings).
 */
#include "page_impl.h"

#include <float.h>
#include <limits.h>
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
    int piece;         /* body items: index of their Piece; -1 in the headline */
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

/* Appends lines [from, n) of pl to the flow (a block: all of it); returns
 * the grid lines they take. */
static int flow_lines(const Layout *l, Flow *f, const ParaLines *pl, RoleId role, FlowMode mode,
                      int from, int piece)
{
    const Role *r = &l->role[role];
    if (mode != FLOW_LINES) {
        FlowItem *it = flow_push(f);
        *it = (FlowItem){pl, 0, pl->n, role, r->space_before,
                         r->space_before + pl->n * r->lines + r->space_after, mode == FLOW_HEAD, 0, 1,
                         piece};
        return it->height;
    }
    int h = 0;
    for (int i = from; i < pl->n; i++) {
        FlowItem *it = flow_push(f);
        bool first = i == 0, last = i == pl->n - 1;
        int pad = first ? r->space_before : 0;
        *it = (FlowItem){pl, i, 1, role, pad, pad + r->lines + (last ? r->space_after : 0), false,
                         i, pl->n, piece};
        h += it->height;
    }
    return h;
}

static void flow_add(Composer *c, Flow *f, const ParaLines *pl, RoleId role, FlowMode mode)
{
    compose_keep(c, pl);
    flow_lines(c->l, f, pl, role, mode, 0, -1);
}

/* ---- the body: pieces that can be set again ------------------------------ */

/* A paragraph, head or note of the body. A paragraph of running text can
 * also be set a line shorter or a line longer than its best (looseness),
 * when every line stays good: the page composer's means to fill a column
 * foot or balance an article's end, as a layout editor would. */
/* Lines longer or shorter a paragraph may be set. Two were tried as well:
 * on the bundled issue no page ever took them, and offering them made the
 * composer some 15 % slower. */
#define MAX_LOOSE 1
#define SETTINGS (2 * MAX_LOOSE + 1)

typedef struct Piece {
    const ParaLines *set[SETTINGS]; /* at looseness + MAX_LOOSE; NULL: not feasible */
    bool tried[SETTINGS];           /* set[k] computed */
    double worse[SETTINGS];         /* how much worse than the best it reads (demerits) */
    int tight[SETTINGS];            /* lines closed up beyond the best's (the last resort) */
    RoleId role;
    FlowMode mode;
    int loose;                      /* the setting in use, -MAX_LOOSE..MAX_LOOSE */
    int slot;                /* its entry in Pages.para (the setting in use) */
    int32_t measure, indent;
    Align align;
    SrcLoc at;
} Piece;

typedef struct Body {
    Piece *piece;
    int n, cap;
    int cols;
    int32_t colw;
    Flow flow; /* the flow from the page being composed on (scratch) */
} Body;

static void body_add(Composer *c, Body *b, ParaLines *pl, RoleId role, FlowMode mode,
                     int32_t measure, SrcLoc at)
{
    if (b->n == b->cap) {
        b->cap = b->cap ? b->cap * 2 : 64;
        b->piece = xrealloc(b->piece, sizeof(Piece) * (size_t)b->cap);
    }
    const Role *r = &c->l->role[role];
    Piece *pc = &b->piece[b->n++];
    *pc = (Piece){.role = role, .mode = mode, .slot = compose_keep(c, pl), .measure = measure,
                  .indent = (int32_t)r->indent * r->size, .align = r->align, .at = at};
    pc->set[MAX_LOOSE] = pl;
    pc->tried[MAX_LOOSE] = true;
}

/* What a setting's lines cost beyond a perfect line each. */
static double excess(const ParaLines *pl)
{
    double d = 0;
    for (int i = 0; i < pl->n; i++)
        d += pl->line[i].demerits > 100 ? pl->line[i].demerits - 100 : 0;
    return d;
}

static int tight_lines(const ParaLines *pl)
{
    int n = 0;
    for (int i = 0; i < pl->n; i++)
        n += pl->line[i].tightened > 0;
    return n;
}

/* The setting of pc at looseness `loose`, NULL where none is feasible
 * (only running text with no overfull line is set again) or where a gap
 * would have to widen too far. */
static const ParaLines *piece_set(Composer *c, Piece *pc, int loose)
{
    int k = loose + MAX_LOOSE;
    if (pc->tried[k])
        return pc->set[k];
    pc->tried[k] = true;
    const ParaLines *best = pc->set[MAX_LOOSE];
    if (pc->mode != FLOW_LINES || best->n == 0)
        return NULL;
    for (int i = 0; i < best->n; i++)
        if (best->line[i].overfull)
            return NULL;
    ParaLines *pl = compose_break(c, best->shaped, pc->measure, pc->align, pc->indent, loose,
                                  pc->at);
    if (pl->n != best->n + loose)
        return NULL;
    /* and no gap as wide as a text extractor would take for a space:
     * pdftotext took the 0.118 em gaps of a 39-character line for spaces
     * (the best settings of 18-character columns reach 0.128 em unharmed,
     * but a setting chosen for the page must be safe on any measure) */
    int32_t wide = c->l->role[pc->role].size * 11 / 100;
    for (int i = 0; i < pl->n; i++)
        if (pl->line[i].max_gap >= wide)
            return NULL;
    pc->set[k] = pl;
    pc->worse[k] = excess(pl) - excess(best);
    pc->tight[k] = tight_lines(pl) - tight_lines(best);
    return pl;
}

static void piece_use(Composer *c, Piece *pc, int loose)
{
    pc->loose = loose;
    c->p->para[pc->slot] = pc->set[loose + MAX_LOOSE];
}

/* The body's flow from line `line` of piece `from` on, each piece in the
 * setting in use, until more than `limit` grid lines are in; returns
 * whether the body goes on beyond them. */
static bool body_flow(Composer *c, Body *b, int from, int line, int limit)
{
    b->flow.n = 0;
    for (int i = from, h = 0; i < b->n; i++, line = 0) {
        if (h > limit)
            return true;
        const Piece *pc = &b->piece[i];
        h += flow_lines(c->l, &b->flow, pc->set[pc->loose + MAX_LOOSE], pc->role, pc->mode, line, i);
    }
    return false;
}

/* ---- building the flows -------------------------------------------- */

static void add_paragraph(Composer *c, Body *body, const Article *a, const Block *b, RoleId role,
                          int32_t measure)
{
    TextSpan spans[2];
    int n = 0;
    if (b->runin_len > 0)
        spans[n++] = (TextSpan){.start = 0, .end = b->runin_len, .role = ROLE_RUNIN};
    if (b->runin_len < b->len)
        spans[n++] = (TextSpan){.start = b->runin_len, .end = b->len, .role = role};
    const Role *r = &c->l->role[role];
    SrcLoc at = doc_locate(a, b, 0);
    ParaLines *pl = compose_set(c, b->text, b->len, spans, n, measure, r->align,
                                (int32_t)r->indent * r->size, at);
    body_add(c, body, pl, role, FLOW_LINES, measure, at);
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

static void body_text(Composer *c, Body *b, const char *text, SrcLoc at, RoleId role,
                      FlowMode mode)
{
    if (text && text[0])
        body_add(c, b, compose_set_role(c, text, role, b->colw, at), role, mode, b->colw, at);
}

/* A head, its lines broken where it pauses (headbreak.c). */
static void body_head(Composer *c, Body *b, const char *text, SrcLoc at, RoleId role)
{
    if (text && text[0])
        body_add(c, b, head_lines(c, text, role, b->colw, c->l->role[role].align, at), role,
                 FLOW_HEAD, b->colw, at);
}

/* Sets the article's body into pieces; with opening_only, only as far as
 * its first paragraph (what decides where the article may start). */
static void build_body(Composer *c, const Article *a, Body *body, bool opening_only)
{
    RoleId role = a->kind == ARTICLE_BOX ? ROLE_BOX_BODY : ROLE_BODY;
    for (int i = 0; i < a->n_blocks; i++) {
        const Block *b = &a->block[i];
        if (b->kind == BLOCK_PARAGRAPH) {
            add_paragraph(c, body, a, b, role, body->colw);
            if (opening_only)
                return;
            continue;
        }
        RoleId head = b->kind == BLOCK_HEADING ? ROLE_HEADING : ROLE_SUBHEADING;
        body_head(c, body, b->text, b->at, head);
    }
    /* Notes are short: each stays whole, in one column. */
    body_text(c, body, a->end_source, a->at, ROLE_SOURCE, FLOW_BLOCK);
    for (int i = 0; i < a->notes.n; i++)
        body_text(c, body, a->notes.item[i], a->notes.at[i], ROLE_NOTES, FLOW_BLOCK);
}

/* ---- placing ---------------------------------------------------------- */

#define MAX_COLS 4 /* the layout allows 1 to 4 columns */

/* Where a page's columns end: the items they hold and the lines they use. */
typedef struct Fill {
    int done;           /* items on the page */
    int h;              /* column height */
    int end[MAX_COLS];  /* column k holds items [end[k-1], end[k]) */
    int used[MAX_COLS]; /* grid lines used in column k */
} Fill;

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

/* Lays items into cols columns of h grid lines, from item 0; fills in *r
 * (r->h = h). When place is set, the items are put on the page from grid
 * line top. An item taller than a whole page is placed anyway (it
 * overflows) so that composition always moves on. */
static void fill_columns(Composer *c, const FlowItem *it, int n, int cols, int h, int top,
                         int32_t colw, bool place, Fill *r)
{
    int i = 0;
    int32_t step = colw + (int32_t)c->l->gutter * style_em(c->l);
    memset(r, 0, sizeof *r);
    r->h = h;
    for (int col = 0; col < cols; col++) {
        r->end[col] = i;
        if (i == n)
            continue;
        /* The first column of a partly filled page may stay empty (the
         * text goes on overleaf); a later one, or a whole page, may not. */
        bool strict = col == 0 && h < c->l->lines_per_page;
        int used, k = column_fit(it + i, n - i, h, strict, &used);
        if (k == 0 && h < c->l->lines_per_page)
            break; /* does not fit in an empty column here: next page */
        if (k == 0)
            k = 1, used = item_height(&it[i], true);
        for (int y = 0, j = i; place && j < i + k; j++) {
            int pad = j == i ? 0 : it[j].pad;
            place_item(c, &it[j], compose_area_left(c) + col * step, top + y + pad);
            y += item_height(&it[j], j == i);
        }
        i += k;
        r->end[col] = i;
        r->used[col] = used;
    }
    r->done = i;
}

/* The lowest column height that holds all items: the balanced height. */
static int balanced_height(Composer *c, const FlowItem *it, int n, int cols, int avail,
                           int32_t colw)
{
    int h = (total_height(it, n) + cols - 1) / cols;
    Fill r;
    for (; h < avail; h++) {
        fill_columns(c, it, n, cols, h, 0, colw, false, &r);
        if (r.done == n)
            break;
    }
    return h;
}

/* ---- choosing the page ---------------------------------------------------- */

/* What a page is charged for, in grid lines' worth: a line missing at a
 * column foot (but on the article's last page), a line of difference
 * beyond one between the columns there, a run-over of only a few lines
 * onto the next page (the "tail"), and each paragraph set other than at
 * its best. */
#define COST_LINE 100.0
#define COST_UNBALANCED 1000.0 /* per line an article's end is off balance beyond one: the
                                  rule gives way only where nothing else can be done */
#define COST_TAIL 60.0   /* per line that a tail of TAIL_LINES or fewer lacks */
#define TAIL_LINES 3     /* column height of a last page that counts as a tail */
#define COST_RUNT 300.0  /* a section's last page a quarter full or less */
#define COST_RUNT_LINE 5.0 /* per line of it: the fewer, the nearer pulling it back */
#define COST_CHANGE 10.0 /* plus up to 5 for how much worse the setting reads */
#define MAX_CHANGES 4    /* paragraphs set again at once */
#define COST_TIGHT 10.0  /* per line a setting closes up (its characters' gaps
                            shrunk, by 1/32 em at most) beyond the best's */

/* An article opening below a headline whose columns stop short because
 * what follows (a head that keeps its lines) goes overleaf: its columns
 * are balanced, as at an article's end, so that neither stands over a
 * hole beside a full one (5 and 2 lines become 4 and 3). A whole page
 * keeps its columns as full as they go. */
static void balance_opening(Composer *c, const Body *b, int avail, Fill *r)
{
    if (avail >= c->l->lines_per_page || r->done == 0)
        return;
    int lo = r->used[0], hi = r->used[0];
    for (int k = 1; k < b->cols; k++) {
        lo = r->used[k] < lo ? r->used[k] : lo;
        hi = r->used[k] > hi ? r->used[k] : hi;
    }
    if (hi - lo <= 1)
        return;
    const FlowItem *it = b->flow.item;
    int h = balanced_height(c, it, r->done, b->cols, avail, b->colw);
    Fill bal;
    fill_columns(c, it, r->done, b->cols, h, 0, b->colw, false, &bal);
    if (h < avail && bal.done == r->done)
        *r = bal;
}

/* Pages after the one being composed that its choice of settings looks
 * at, when the article ends on them: the one after shows a tail, the one
 * after that a runt that only a page further back can pull in. */
#define LOOK_AHEAD 2

/* An article that ends h lines down a page of avail free lines, where the
 * next article's headline and first lines do not fit below it, leaves the
 * page's foot empty: each empty line is charged as much as a line missing
 * in every column. Judged from an earlier page (ahead), where the pages
 * between can still move lines, the hole is charged for the lines that
 * close it the nearer way instead: the end pulled up until the next
 * article fits, or pushed down to the foot; so a page that brings either
 * nearer pays even where the pages after it finish the work. */
static double hole_cost(const Composer *c, const Body *b, int avail, int h, bool ahead)
{
    if (c->next_need == 0 || h >= avail || h + c->next_need <= avail)
        return 0;
    int empty = avail - h, over = h + c->next_need - avail;
    return COST_LINE * b->cols * (ahead && over < empty ? over : empty);
}

/* What an article's last page whose columns hold h lines is charged for
 * the run-over: a tail of TAIL_LINES or fewer reads as a fragment; at a
 * section's end, where nothing follows on the page, a page of a quarter
 * or less is a runt, each of its lines one that had better be pulled
 * back. */
static double tail_cost(const Composer *c, int h)
{
    double cost = h <= TAIL_LINES ? COST_TAIL * (TAIL_LINES + 1 - h) : 0;
    if (c->section_end && h <= c->l->lines_per_page / 4)
        cost += COST_RUNT + COST_RUNT_LINE * h;
    return cost;
}

/* What the page composed from line `line` of piece `from`, with `avail`
 * grid lines free, is charged (settings aside); fills in *r and whether
 * the article ends on it. With ahead > 0, the article's next pages (up to
 * `ahead` of them) are charged too when it ends on one of them; *reach
 * tells whether its end is on this page or one of those. The scratch flow
 * is the page's on return only with ahead 0. */
static double page_cost(Composer *c, Body *b, int from, int line, int avail, int ahead, Fill *r,
                        bool *final, bool *reach)
{
    int cols = b->cols, lpp = c->l->lines_per_page;
    bool more = body_flow(c, b, from, line, cols * (avail + lpp * ahead));
    const Flow *f = &b->flow;
    int total = total_height(f->item, f->n), h = avail;
    if (!more && total <= cols * avail)
        h = balanced_height(c, f->item, f->n, cols, avail, b->colw);
    fill_columns(c, f->item, f->n, cols, h, 0, b->colw, false, r);
    *final = *reach = !more && r->done == f->n;
    double cost = 0;
    if (*final) {
        int lo = r->used[0], hi = r->used[0];
        for (int k = 1; k < cols; k++) {
            lo = r->used[k] < lo ? r->used[k] : lo;
            hi = r->used[k] > hi ? r->used[k] : hi;
        }
        cost = hi - lo > 1 ? COST_UNBALANCED * (hi - lo - 1) : 0;
        return cost + hole_cost(c, b, avail, r->h, ahead < LOOK_AHEAD);
    }
    for (int k = 0; k < cols; k++)
        cost += COST_LINE * (avail - r->used[k]);
    balance_opening(c, b, avail, r);
    if (ahead == 0 || more || total - total_height(f->item, r->done) > cols * lpp * ahead)
        return cost;
    const FlowItem *next = &f->item[r->done];
    Fill over;
    bool ends;
    double later = page_cost(c, b, next->piece, next->first, lpp, ahead - 1, &over, &ends, reach);
    if (*reach)
        cost += later + (ends ? tail_cost(c, over.h) : 0);
    return cost;
}

/* What the settings in use from piece `first` on cost. */
static double settings_cost(const Body *b, int first)
{
    double cost = 0;
    for (int i = first; i < b->n; i++) {
        const Piece *pc = &b->piece[i];
        if (pc->loose == 0)
            continue;
        int k = pc->loose + MAX_LOOSE;
        double w = pc->worse[k] / 10000;
        cost += COST_CHANGE * abs(pc->loose) + (w > 5 ? 5 : w < 0 ? 0 : w);
        cost += pc->tight[k] > 0 ? COST_TIGHT * pc->tight[k] : 0;
    }
    return cost;
}

/* The paragraphs of a page that may be set again, by column. */
typedef struct Choices {
    int first;             /* first piece not yet (partly) on an earlier page */
    int *col[MAX_COLS];    /* candidates in column k, top to bottom */
    int n[MAX_COLS];
} Choices;

typedef struct Search {
    Composer *c;
    Body *b;
    int from, line, avail;
    double best;            /* the best total cost found */
    signed char *best_set;  /* each piece's setting in it, from Choices.first */
    const Choices *ch;
} Search;

static double try_settings(Search *s)
{
    Fill r;
    bool final;
    bool reach;
    double cost = page_cost(s->c, s->b, s->from, s->line, s->avail, LOOK_AHEAD, &r, &final,
                            &reach) +
                  settings_cost(s->b, s->ch->first);
    if (cost < s->best - 1e-9) {
        s->best = cost;
        for (int i = s->ch->first; i < s->b->n; i++)
            s->best_set[i - s->ch->first] = (signed char)s->b->piece[i].loose;
    }
    return cost;
}

/* Sets each of the pieces idx[0..n) at `loose` (where feasible), tries
 * the page, and puts them back. */
static void try_group(Search *s, const int *idx, int n, int loose)
{
    int old[MAX_CHANGES * MAX_COLS];
    int k = 0;
    for (; k < n; k++) {
        Piece *pc = &s->b->piece[idx[k]];
        old[k] = pc->loose;
        if (pc->loose == loose || !piece_set(s->c, pc, loose))
            break;
        pc->loose = loose;
    }
    if (k == n)
        try_settings(s);
    while (k-- > 0)
        s->b->piece[idx[k]].loose = old[k];
}

/* Candidates of column k that can be set at `loose`, cheapest first (or
 * nearest the foot first); returns how many. */
static int column_choices(Search *s, int k, int loose, bool by_cost, int *out)
{
    int n = 0;
    for (int j = 0; j < s->ch->n[k]; j++) {
        int i = s->ch->col[k][by_cost ? j : s->ch->n[k] - 1 - j];
        Piece *pc = &s->b->piece[i];
        if (pc->loose != loose && piece_set(s->c, pc, loose))
            out[n++] = i;
    }
    if (!by_cost)
        return n;
    for (int a = 1; a < n; a++) /* insertion sort: columns hold a few dozen */
        for (int j = a; j > 0; j--) {
            double wa = s->b->piece[out[j - 1]].worse[loose + MAX_LOOSE];
            double wb = s->b->piece[out[j]].worse[loose + MAX_LOOSE];
            if (wb >= wa)
                break;
            int t = out[j];
            out[j] = out[j - 1], out[j - 1] = t;
        }
    return n;
}

/* Every way of taking `left` more pieces from columns k.. (take[k] from
 * column k's list), tried at `loose`. */
static void try_spread(Search *s, int *const *list, const int *len, int cols, int k, int left,
                       int *group, int n, int loose)
{
    if (k == cols) {
        if (left == 0)
            try_group(s, group, n, loose);
        return;
    }
    for (int take = 0; take <= left && take <= len[k]; take++) {
        for (int j = 0; j < take; j++)
            group[n + j] = list[k][j];
        try_spread(s, list, len, cols, k + 1, left - take, group, n + take, loose);
    }
}

/* One round: every single paragraph a line shorter, longer or back at its
 * best; then two to MAX_CHANGES paragraphs together, all shorter or all
 * longer, spread over the columns in every way, taking in each column the
 * cheapest or those nearest the foot. */
static void search_round(Search *s, int cols)
{
    const Choices *ch = s->ch;
    for (int k = 0; k < cols; k++)
        for (int j = 0; j < ch->n[k]; j++)
            for (int loose = -MAX_LOOSE; loose <= MAX_LOOSE; loose++)
                try_group(s, &ch->col[k][j], 1, loose);
    int *list[MAX_COLS], len[MAX_COLS], group[MAX_CHANGES];
    for (int k = 0; k < cols; k++)
        list[k] = xmalloc(sizeof(int) * (size_t)(ch->n[k] + 1));
    for (int loose = -1; loose <= 1; loose += 2)
        for (int by_cost = 0; by_cost < 2; by_cost++) {
            for (int k = 0; k < cols; k++)
                len[k] = column_choices(s, k, loose, by_cost, list[k]);
            for (int n = 2; n <= MAX_CHANGES; n++)
                try_spread(s, list, len, cols, 0, n, group, 0, loose);
        }
    for (int k = 0; k < cols; k++)
        free(list[k]);
}

/* Chooses the settings of the paragraphs on the page composed from line
 * `line` of piece `from`: where the page as set is charged anything, the
 * settings found cheapest, a few rounds deep. */
static void choose_settings(Composer *c, Body *b, int from, int line, int avail)
{
    Fill r;
    bool final;
    bool reach;
    double now = page_cost(c, b, from, line, avail, LOOK_AHEAD, &r, &final, &reach);
    if (now == 0)
        return;
    /* the candidates: the running text that starts on this page */
    body_flow(c, b, from, line, b->cols * avail);
    Choices ch = {.first = line > 0 ? from + 1 : from};
    for (int k = 0; k < b->cols; k++) {
        ch.col[k] = xmalloc(sizeof(int) * (size_t)(r.end[k] - (k ? r.end[k - 1] : 0) + 1));
        for (int i = k ? r.end[k - 1] : 0; i < r.end[k]; i++) {
            int p = b->flow.item[i].piece;
            bool seen = ch.n[k] > 0 && ch.col[k][ch.n[k] - 1] == p;
            for (int j = 0; j < k && !seen; j++)
                seen = ch.n[j] > 0 && ch.col[j][ch.n[j] - 1] == p;
            if (p >= ch.first && !seen && b->piece[p].mode == FLOW_LINES)
                ch.col[k][ch.n[k]++] = p;
        }
    }
    Search s = {.c = c, .b = b, .from = from, .line = line, .avail = avail, .ch = &ch};
    s.best_set = xmalloc((size_t)(b->n - ch.first + 1));
    s.best = DBL_MAX;
    try_settings(&s);
    for (int round = 0; round < 3 && s.best > 0; round++) {
        double before = s.best;
        search_round(&s, b->cols);
        for (int i = ch.first; i < b->n; i++)
            b->piece[i].loose = s.best_set[i - ch.first];
        if (s.best >= before)
            break;
    }
    for (int i = ch.first; i < b->n; i++)
        piece_use(c, &b->piece[i], b->piece[i].loose);
    free(s.best_set);
    for (int k = 0; k < b->cols; k++)
        free(ch.col[k]);
}

static void pour(Composer *c, Body *b)
{
    int from = 0, line = 0, lpp = c->l->lines_per_page;
    while (from < b->n) {
        int avail = lpp - c->line;
        if (avail < 2) {
            compose_new_page(c);
            continue;
        }
        choose_settings(c, b, from, line, avail);
        Fill r;
        bool final;
        bool reach;
        page_cost(c, b, from, line, avail, 0, &r, &final, &reach);
        const Flow *f = &b->flow;
        /* (an opening's balanced columns hold what the full ones would) */
        fill_columns(c, f->item, r.done ? r.done : f->n, b->cols, r.h, c->line, b->colw, true,
                     &r);
        if (r.done == 0 && avail == lpp)
            r.done = 1; /* an item taller than a page: drop it rather than loop */
        if (r.done < f->n) {
            from = f->item[r.done].piece;
            line = f->item[r.done].first;
        } else if (r.done == f->n && final) {
            from = b->n;
        } else {
            from = f->n ? f->item[f->n - 1].piece + 1 : b->n;
            line = 0;
        }
        /* (an article that ends at the foot leaves the page full: what
         * follows opens the next page itself, so no page stays blank) */
        if (!final)
            compose_new_page(c);
        else
            c->line += r.h;
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
    Fill r;
    fill_columns(c, f.item, f.n, 1, c->l->lines_per_page, c->line, compose_area_width(c), true, &r);
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

/* Whether a box of h lines set from the current line follows text on its
 * page and nothing will follow it there: the section ends, or the next
 * article's headline and first lines do not fit below it. A layout editor
 * then sets the box at the page's foot, so that the white falls between
 * the article above and the box, not under the box at the foot. */
static bool nothing_below(const Composer *c, int h)
{
    int lpp = c->l->lines_per_page;
    if (c->line == 0)
        return false; /* alone on its page: it stays at the top */
    return c->section_end || (c->next_need > 0 && c->line + h + c->next_need > lpp);
}

/* The article's columns in the layout: a box has one. */
static int article_columns(const Composer *c, const Section *s, const Article *a)
{
    if (a->kind == ARTICLE_BOX)
        return 1;
    return a->columns ? a->columns : s->columns ? s->columns : c->l->columns;
}

/* The grid lines of body a headline keeps with it on its page: a box's
 * whole body; else three lines, or as many more as the first column needs
 * to end where a column may end (a head first keeps its two lines). */
#define OPENING_LINES 3
static int opening_keep(Composer *c, Body *b, bool box)
{
    body_flow(c, b, 0, 0, INT_MAX);
    const Flow *f = &b->flow;
    if (box)
        return total_height(f->item, f->n);
    int used;
    for (int h = OPENING_LINES; h < c->l->lines_per_page; h++)
        if (column_fit(f->item, f->n, h, true, &used) > 0)
            return h;
    return OPENING_LINES;
}

int compose_article_need(Composer *c, const Section *s, const Article *a)
{
    if (a->kind == ARTICLE_BOX)
        return 0; /* a box that does not fit floats on: it leaves no hole */
    int paras = c->p->n_paras;
    int cols = article_columns(c, s, a);
    Flow head = {0};
    Body body = {.cols = cols, .colw = style_column_width(c->l, cols)};
    build_headline(c, a, &head);
    build_body(c, a, &body, true);
    int need = 1 + total_height(head.item, head.n) + opening_keep(c, &body, false);
    c->p->n_paras = paras; /* measured, not set */
    free(head.item);
    free(body.flow.item);
    free(body.piece);
    return need;
}

bool compose_article(Composer *c, const Section *s, const Article *a, MarkFn mark, bool float_box)
{
    int paras = c->p->n_paras;
    bool box = a->kind == ARTICLE_BOX;
    int cols = article_columns(c, s, a);
    Flow head = {0};
    Body body = {.cols = cols, .colw = style_column_width(c->l, cols)};
    build_headline(c, a, &head);
    build_body(c, a, &body, false);
    int head_h = total_height(head.item, head.n);
    /* A box is never split; an article's headline keeps its first lines. */
    int keep = opening_keep(c, &body, box);
    if (c->line > 0)
        c->line += 1; /* one grid line between articles */
    if (c->line + head_h + keep > c->l->lines_per_page) {
        if (box && float_box && c->line > 0) {
            /* not here: the box floats on to where it fits */
            c->line -= 1;
            c->p->n_paras = paras;
            free(head.item);
            free(body.flow.item);
            free(body.piece);
            return false;
        }
        compose_new_page(c);
    } else if (box && nothing_below(c, head_h + keep)) {
        c->line = c->l->lines_per_page - head_h - keep; /* anchored at the foot */
    }
    mark(c, s, a);
    int top = c->line;
    Fill r;
    fill_columns(c, head.item, head.n, 1, c->l->lines_per_page, c->line, compose_area_width(c),
                 true, &r);
    rule_editor_note(c, &head, c->line);
    c->line += head_h;
    int page_before = c->p->n_pages;
    pour(c, &body);
    if (box && c->p->n_pages == page_before)
        frame_box(c, top, c->line);
    free(head.item);
    free(body.flow.item);
    free(body.piece);
    return true;
}
