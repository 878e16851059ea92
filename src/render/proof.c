/* proof.c - the editor's proof (--proof): what the pages are built on and
 * what to look at, drawn in thin colours round the set text.
 *
 * Under the text: the bleed edge, the trim, the type area, the design's
 * columns and the baseline grid (one hairline per grid line, numbered at
 * the trim's left edge). Over it: beside every line that para_line_flags()
 * flags, or that holds a glyph its face lacks, a coloured swatch and a
 * letter in the margin nearer to the line; a box round overfull lines and
 * missing glyphs; a legend in the top margin, fitted to its room. See
 * docs/output.md, "Proof".
 *
 * Everything here is drawn as paths, never as text, so copy-paste and text
 * extraction give the set text only. The PDF draws it while no leaf
 * element is open, so Cairo leaves it unmarked and the post-step wraps it
 * as an artifact, outside the tag structure.
 */
#include "render_impl.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

/* Beyond the LineFlag bits: a glyph the line's face lacks (the shaper
 * warned about it); a content warning of `reprint check` in the line. */
enum { PROOF_MISSING = 1u << 8, PROOF_QUERY = 1u << 9 };

/* What the margin marks mean. Colour components are multiples of 0.2, so
 * they are whole 8-bit values in any rendering (tests/proof.test.sh
 * counts the swatches by their exact colour). */
typedef struct MarkKind {
    unsigned flag;
    const char *letter;  /* beside the swatch in the margin */
    const char *meaning; /* in the legend */
    double rgb[3];
} MarkKind;

static const MarkKind kinds[] = {
    {LINE_LOOSE, "松", "字距过松", {1, 0.6, 0}},
    {LINE_TIGHT, "紧", "字距压紧", {0.8, 0, 0.8}},
    {LINE_PUSHED_OUT, "推", "推出", {0, 0.4, 1}},
    {LINE_OVERFULL, "溢", "溢出", {1, 0, 0}},
    {PROOF_MISSING, "缺", "缺字", {0.6, 0, 0}},
    {PROOF_QUERY, "查", "内容存疑", {0, 0.6, 0.6}},
};
enum { N_KINDS = sizeof kinds / sizeof kinds[0] };

/* The colour of the mark for flag (one bit). */
static const double *kind_rgb(unsigned flag)
{
    for (int k = 0; k < N_KINDS; k++)
        if (kinds[k].flag == flag)
            return kinds[k].rgb;
    return kinds[0].rgb;
}

/* The drawing of the frame and grid, light enough to read the text over. */
static const double ink_rgb[3] = {0.2, 0.2, 0.2};    /* legend words, trim */
static const double bleed_rgb[3] = {0.6, 0.6, 0.6};  /* bleed edge (dashed) */
static const double area_rgb[3] = {0.2, 0.6, 0.4};   /* type area; columns dashed */
static const double grid_rgb[3] = {0.6, 0.8, 1};     /* baselines */
static const double number_rgb[3] = {0.4, 0.6, 0.8}; /* grid line numbers */

/* Sizes in points. */
static const double hairline = 0.25, frame_line = 0.4;
static const double swatch = 5;       /* side of a margin mark's square */
static const double letter_size = 6;  /* its letter */
static const double mark_gap = 3;     /* between the type area and the first mark */
static const double mark_step = 14;   /* from one mark to the next, outwards */
static const double label_size = 6.5; /* legend */
static const double number_size = 5;  /* grid line numbers */

/* Line i of paragraph pl starts at glyph g0 of s: how a text item finds
 * the line it was placed from. */
typedef struct LineRef {
    const Shaped *s;
    int g0;
    const ParaLines *pl;
    int line;
    bool query; /* a content warning is in it */
} LineRef;

struct Proof {
    const Pages *p;
    const TextCtx *t;
    LineRef *ref; /* sorted by (s, g0) */
    int n_ref;
    int32_t baseline; /* a body baseline below the top of its grid band; -1: no body line */
    cairo_font_face_t *face; /* labels (the running heads' face); NULL: swatches only */
    cairo_surface_t *numbers; /* the grid's numbers, the same on every page: drawn once,
                                 each page shows it (one Form XObject in the PDF) */
    cairo_rectangle_t numbers_at;
    cairo_surface_t *legend[2]; /* the key in one row and in two, drawn once each */
    cairo_rectangle_t legend_at[2];
};

/* ---- finding a text item's line --------------------------------------------- */

static int compare_ref(const void *a, const void *b)
{
    const LineRef *x = a, *y = b;
    uintptr_t sx = (uintptr_t)x->s, sy = (uintptr_t)y->s;
    if (sx != sy)
        return sx < sy ? -1 : 1;
    return (x->g0 > y->g0) - (x->g0 < y->g0);
}

/* One entry per non-empty line of every paragraph the pages hold. */
static void index_lines(Proof *pf)
{
    const Pages *p = pf->p;
    int n = 0;
    for (int i = 0; i < p->n_paras; i++)
        n += p->para[i]->n;
    pf->ref = xcalloc((size_t)n + 1, sizeof *pf->ref);
    for (int i = 0; i < p->n_paras; i++) {
        const ParaLines *pl = p->para[i];
        for (int k = 0; k < pl->n; k++)
            if (pl->line[k].g1 > pl->line[k].g0)
                pf->ref[pf->n_ref++] = (LineRef){pl->shaped, pl->line[k].g0, pl, k, false};
    }
    qsort(pf->ref, (size_t)pf->n_ref, sizeof *pf->ref, compare_ref);
}

static const LineRef *find_line(const Proof *pf, const PageItem *it)
{
    LineRef key = {.s = it->s, .g0 = it->g0};
    return bsearch(&key, pf->ref, (size_t)pf->n_ref, sizeof key, compare_ref);
}

static unsigned item_flags(const Proof *pf, const PageItem *it)
{
    const LineRef *r = find_line(pf, it);
    unsigned f = r ? para_line_flags(r->pl, r->line) | (r->query ? PROOF_QUERY : 0) : 0;
    for (int g = it->g0; g < it->g1; g++)
        if (text_glyph_missing(pf->t, &it->s->glyph[g]))
            f |= PROOF_MISSING;
    return f;
}

/* Where body baselines sit in their grid band, as the page stage set
 * them (from the first body line of the issue), so the grid drawn is the
 * one the text stands on. */
static int32_t find_baseline(const Pages *p)
{
    const Layout *l = p->layout;
    for (int i = 0; i < p->n_pages; i++) {
        for (int k = 0; k < p->page[i].n_items; k++) {
            const PageItem *it = &p->page[i].item[k];
            if (it->kind == ITEM_TEXT && it->grid_line >= 0 && it->g1 > it->g0)
                return it->y[0] - it->s->glyph[it->g0].y_offset -
                       (l->margin_top + (int32_t)it->grid_line * l->line_pitch);
        }
    }
    return -1;
}

static bool same_place(SrcLoc a, SrcLoc b)
{
    return a.path && b.path && a.line == b.line && a.col == b.col && strcmp(a.path, b.path) == 0;
}

/* The line of the paragraph that starts at `para` holding byte `byte`. */
static LineRef *line_of_note(Proof *pf, const ProofNote *note)
{
    const Pages *p = pf->p;
    for (int i = 0; i < p->n_paras; i++) {
        const ParaLines *pl = p->para[i];
        if (!same_place(pl->at, note->para))
            continue;
        int k = pl->n - 1;
        while (k > 0 && pl->shaped->glyph[pl->line[k].g0].byte > note->byte)
            k--;
        if (k < 0 || pl->line[k].g1 <= pl->line[k].g0)
            return NULL;
        LineRef key = {.s = pl->shaped, .g0 = pl->line[k].g0};
        return bsearch(&key, pf->ref, (size_t)pf->n_ref, sizeof key, compare_ref);
    }
    return NULL;
}

static void mark_queries(Proof *pf, const ProofNote *notes, int n)
{
    for (int i = 0; i < n; i++) {
        LineRef *r = line_of_note(pf, &notes[i]);
        if (r)
            r->query = true;
    }
}

static double label(cairo_t *cr, const Proof *pf, double x, double y, double size,
                    const char *text);
static double label_width(cairo_t *cr, const Proof *pf, double size, const char *text);
static void set_rgb(cairo_t *cr, const double rgb[3]);
static void record_legends(Proof *pf);

/* The grid's numbers, from 1 at the trim's left edge beside each grid
 * line's baseline, into a recording surface every page paints once: 37
 * numbers drawn once, not on each of the pages. */
static void draw_numbers(Proof *pf)
{
    const Layout *l = pf->p->layout;
    double off = pt(pf->baseline >= 0 ? pf->baseline : 0), top = pt(l->margin_top) + off;
    double bottom = top + pt((int32_t)(l->lines_per_page - 1) * l->line_pitch);
    pf->numbers_at = (cairo_rectangle_t){0, top - 2 * number_size, 4 * number_size + 4,
                                         bottom - top + 3 * number_size};
    pf->numbers = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, &pf->numbers_at);
    cairo_t *cr = cairo_create(pf->numbers);
    set_font_options(cr);
    set_rgb(cr, number_rgb);
    for (int k = 0; k < l->lines_per_page; k++) {
        char num[16];
        snprintf(num, sizeof num, "%d", k + 1);
        label(cr, pf, 2, top + pt((int32_t)k * l->line_pitch), number_size, num);
    }
    cairo_destroy(cr);
}

Proof *proof_new(Diag *d, const Pages *p, const TextCtx *t, FaceTable *ft, const RenderOpts *o)
{
    Proof *pf = xcalloc(1, sizeof *pf);
    pf->p = p;
    pf->t = t;
    index_lines(pf);
    mark_queries(pf, o->notes, o->n_notes);
    pf->baseline = find_baseline(p);
    pf->face = face_open_file(ft, d, text_role_face(t, ROLE_RUNNING_HEAD));
    draw_numbers(pf);
    record_legends(pf);
    return pf;
}

void proof_free(Proof *pf)
{
    if (!pf)
        return;
    if (pf->numbers)
        cairo_surface_destroy(pf->numbers);
    for (int i = 0; i < 2; i++)
        if (pf->legend[i])
            cairo_surface_destroy(pf->legend[i]);
    if (pf->face)
        cairo_font_face_destroy(pf->face);
    free(pf->ref);
    free(pf);
}

/* ---- drawing helpers -------------------------------------------------------- */

static void set_rgb(cairo_t *cr, const double rgb[3])
{
    cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
}

/* Width of text in the label face at size (0 without a face). */
static double label_width(cairo_t *cr, const Proof *pf, double size, const char *text)
{
    if (!pf->face)
        return 0;
    cairo_text_extents_t e;
    cairo_set_font_face(cr, pf->face);
    cairo_set_font_size(cr, size);
    cairo_text_extents(cr, text, &e);
    return e.x_advance;
}

/* Fills text as outlines with its baseline origin at (x, y): a drawing,
 * not text, so extraction never sees it. Returns its advance. */
static double label(cairo_t *cr, const Proof *pf, double x, double y, double size,
                    const char *text)
{
    if (!pf->face)
        return 0;
    double w = label_width(cr, pf, size, text);
    cairo_move_to(cr, x, y);
    cairo_text_path(cr, text);
    cairo_fill(cr);
    return w;
}

static void stroke_rect(cairo_t *cr, double x, double y, double w, double h, double width,
                        bool dashed)
{
    static const double dash[] = {2, 2};
    cairo_set_line_width(cr, width);
    cairo_set_dash(cr, dash, dashed ? 2 : 0, 0);
    cairo_rectangle(cr, x, y, w, h);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

/* The type area's left edge on page index pg, as the page stage placed it. */
static double area_left(const Layout *l, int pg)
{
    return pt(page_area_left(l, pg));
}

static double area_width(const Layout *l)
{
    return pt(style_measure(l));
}

/* ---- under the text ------------------------------------------------------------ */

/* The bleed edge is the page's edge: drawn half a line inside it. */
static void draw_edges(cairo_t *cr, const Layout *l)
{
    double w = pt(l->page_width), h = pt(l->page_height), b = pt(l->bleed);
    set_rgb(cr, bleed_rgb);
    stroke_rect(cr, -b + hairline / 2, -b + hairline / 2, w + 2 * b - hairline,
                h + 2 * b - hairline, hairline, true);
    set_rgb(cr, ink_rgb);
    stroke_rect(cr, 0, 0, w, h, frame_line, false);
}

/* True if a grid line of page pg starts in the second column or further
 * (x0: where that column begins): the page is set in the design's columns,
 * not across the measure (a one-column article). */
static bool page_has_columns(const Page *page, double x0)
{
    for (int i = 0; i < page->n_items; i++) {
        const PageItem *it = &page->item[i];
        if (it->kind == ITEM_TEXT && it->grid_line >= 0 && it->g1 > it->g0 &&
            pt(it->x[0]) >= x0 - 1)
            return true;
    }
    return false;
}

/* The type area solid; the design's columns dashed inside it where the
 * page uses them. */
static void draw_area(cairo_t *cr, const Proof *pf, int pg)
{
    const Layout *l = pf->p->layout;
    double x = area_left(l, pg), y = pt(l->margin_top);
    double h = pt((int32_t)l->lines_per_page * l->line_pitch);
    set_rgb(cr, area_rgb);
    stroke_rect(cr, x, y, area_width(l), h, frame_line, false);
    if (l->columns < 2)
        return;
    double cw = pt(style_column_width(l, l->columns));
    double gutter = pt((int32_t)l->gutter * style_em(l));
    if (!page_has_columns(&pf->p->page[pg], x + cw + gutter))
        return;
    for (int c = 0; c < l->columns; c++)
        stroke_rect(cr, x + c * (cw + gutter), y, cw, h, hairline, true);
}

/* One hairline per grid line across the type area at the baseline of
 * the line set on it (the band's top where the issue has no body line),
 * numbered from 1 at the trim's left edge. */
static void draw_grid(cairo_t *cr, const Proof *pf, int pg)
{
    const Layout *l = pf->p->layout;
    double x = area_left(l, pg), w = area_width(l);
    double off = pt(pf->baseline >= 0 ? pf->baseline : 0);
    cairo_set_line_width(cr, hairline);
    set_rgb(cr, grid_rgb);
    for (int k = 0; k < l->lines_per_page; k++) {
        double y = pt(l->margin_top + (int32_t)k * l->line_pitch) + off;
        cairo_move_to(cr, x, y);
        cairo_line_to(cr, x + w, y);
    }
    cairo_stroke(cr);
    const cairo_rectangle_t *r = &pf->numbers_at;
    cairo_set_source_surface(cr, pf->numbers, 0, 0);
    cairo_rectangle(cr, r->x, r->y, r->width, r->height);
    cairo_fill(cr);
}

void proof_under(cairo_t *cr, const Proof *pf, int pg)
{
    const Layout *l = pf->p->layout;
    cairo_save(cr);
    draw_edges(cr, l);
    draw_area(cr, pf, pg);
    draw_grid(cr, pf, pg);
    cairo_restore(cr);
}

/* ---- over the text --------------------------------------------------------------- */

/* One margin mark: the swatch next to the type area side, the letter
 * beyond it; (x, y) is the swatch's inner edge on the baseline, dir -1
 * for the left margin, +1 for the right. */
static void draw_mark(cairo_t *cr, const Proof *pf, const MarkKind *k, double x, double y,
                      int dir)
{
    double sx = dir < 0 ? x - swatch : x;
    set_rgb(cr, k->rgb);
    cairo_rectangle(cr, sx, y - swatch, swatch, swatch);
    cairo_fill(cr);
    double lw = label_width(cr, pf, letter_size, k->letter);
    double lx = dir < 0 ? sx - 1 - lw : sx + swatch + 1;
    set_rgb(cr, ink_rgb);
    label(cr, pf, lx, y, letter_size, k->letter);
}

/* The margin a line's marks go in: the side of the type area the line is
 * nearer to; a line across the middle (one column) takes the outer one. */
static int mark_side(const Layout *l, int pg, double x0, double x1)
{
    double mid = area_left(l, pg) + area_width(l) / 2, c = (x0 + x1) / 2;
    if (fabs(c - mid) < area_width(l) / 8)
        return page_is_right_hand(pg) ? 1 : -1; /* the outer margin */
    return c < mid ? -1 : 1;
}

/* Boxes round an overfull line and round each glyph its face lacks; the
 * em box is taken as size above the baseline and a fifth of it below. */
static void draw_boxes(cairo_t *cr, const Proof *pf, const PageItem *it, unsigned flags,
                       double x0, double x1)
{
    double size = pt(it->s->glyph[it->g0].size), base = pt(it->y[0]);
    if (flags & LINE_OVERFULL) {
        set_rgb(cr, kind_rgb(LINE_OVERFULL));
        stroke_rect(cr, x0 - 1, base - size - 1, x1 - x0 + 2, size * 1.2 + 2, frame_line, false);
    }
    if (!(flags & PROOF_MISSING))
        return;
    set_rgb(cr, kind_rgb(PROOF_MISSING));
    for (int g = it->g0; g < it->g1; g++) {
        const Glyph *gl = &it->s->glyph[g];
        if (text_glyph_missing(pf->t, gl))
            stroke_rect(cr, pt(it->x[g - it->g0]), base - size,
                        pt(gl->advance > 0 ? gl->advance : gl->size), size * 1.2, frame_line,
                        false);
    }
}

static void mark_line(cairo_t *cr, const Proof *pf, int pg, const PageItem *it)
{
    unsigned flags = item_flags(pf, it);
    if (!flags)
        return;
    const Layout *l = pf->p->layout;
    const Glyph *last = &it->s->glyph[it->g1 - 1];
    double x0 = pt(it->x[0]), x1 = pt(it->x[it->g1 - 1 - it->g0] + last->advance);
    int dir = mark_side(l, pg, x0, x1);
    double left = area_left(l, pg), right = left + area_width(l);
    /* beyond the line where it runs out of the type area (overfull) */
    double x = dir < 0 ? fmin(left, x0) - mark_gap : fmax(right, x1) + mark_gap;
    for (int k = 0; k < N_KINDS; k++) {
        if (!(flags & kinds[k].flag))
            continue;
        draw_mark(cr, pf, &kinds[k], x, pt(it->y[0]), dir);
        x += dir * mark_step;
    }
    draw_boxes(cr, pf, it, flags, x0, x1);
}

/* ---- the legend ------------------------------------------------------------------- */

/* The legend: a key to the marks (swatch, letter, meaning) and one to the
 * lines drawn under the text (a sample, its meaning). Its natural size is
 * label_size; on one row or, where that is wider than the type area, the
 * lines' key under the marks'. Where even that does not fit the room, it
 * is scaled down as a whole, to legend_min_scale at least. */
static const double legend_gap = 8;        /* between two entries of a row */
static const double legend_clear = 2;      /* from the trim and from what the page prints */
static const double legend_min_scale = 0.7; /* labels 4.5 pt: the smallest still read easily */
static const double legend_pitch = 1.5;    /* baseline to baseline of two rows, in label_size */
static const double legend_descent = 0.2;  /* the labels' ink below the baseline, in label_size */

static const struct LineKey {
    const double *rgb;
    bool dashed;
    const char *meaning;
} line_keys[] = {{ink_rgb, false, "裁切"}, {bleed_rgb, true, "出血"}, {area_rgb, false, "版心"},
                 {area_rgb, true, "分栏"}, {grid_rgb, false, "基线"}};
enum { N_LINE_KEYS = sizeof line_keys / sizeof line_keys[0] };

/* The marks' key from its baseline origin (0, 0); draws it only if draw.
 * Returns its width. */
static double key_marks(cairo_t *cr, const Proof *pf, bool draw)
{
    double x = 0;
    for (int k = 0; k < N_KINDS; k++) {
        if (draw)
            draw_mark(cr, pf, &kinds[k], x, 0, 1);
        x += swatch + 1 + label_width(cr, pf, letter_size, kinds[k].letter) + 2;
        if (draw)
            label(cr, pf, x, 0, label_size, kinds[k].meaning);
        x += label_width(cr, pf, label_size, kinds[k].meaning) + legend_gap;
    }
    return x - legend_gap;
}

/* A 10 pt sample of line k of the key, 2 pt above the baseline at x. */
static void line_sample(cairo_t *cr, int k, double x)
{
    static const double dash[] = {2, 2};
    set_rgb(cr, line_keys[k].rgb);
    cairo_set_line_width(cr, frame_line);
    cairo_set_dash(cr, dash, line_keys[k].dashed ? 2 : 0, 0);
    cairo_move_to(cr, x, -2);
    cairo_line_to(cr, x + 10, -2);
    cairo_stroke(cr);
    cairo_set_dash(cr, NULL, 0, 0);
}

/* The lines' key, as key_marks. */
static double key_lines(cairo_t *cr, const Proof *pf, bool draw)
{
    double x = 0;
    for (int k = 0; k < N_LINE_KEYS; k++) {
        if (draw) {
            line_sample(cr, k, x);
            set_rgb(cr, ink_rgb);
            label(cr, pf, x + 12, 0, label_size, line_keys[k].meaning);
        }
        x += 12 + label_width(cr, pf, label_size, line_keys[k].meaning) + legend_gap;
    }
    return x - legend_gap;
}

/* A free span of the page's height, in page coordinates (y down). */
typedef struct Band {
    double top, bottom;
} Band;

/* Where the legend goes and at what size. */
typedef struct LegendFit {
    int rows;     /* 1, or 2: the lines' key under the marks' */
    double scale; /* of the natural size, at most 1 */
    double y;     /* baseline of the first row, page coordinates */
} LegendFit;

/* The ink of an item from top to bottom (the em box: a glyph's size above
 * its baseline, a fifth of it below; every glyph, for vertical text). */
static Band item_extent(const PageItem *it)
{
    if (it->kind != ITEM_TEXT) {
        double w = pt(it->weight) / 2;
        return (Band){pt(it->y0 < it->y1 ? it->y0 : it->y1) - w,
                      pt(it->y0 > it->y1 ? it->y0 : it->y1) + w};
    }
    Band e = {INFINITY, -INFINITY};
    for (int g = it->g0; g < it->g1; g++) {
        double y = pt(it->y[g - it->g0]), size = pt(it->s->glyph[g].size);
        e.top = fmin(e.top, y - size);
        e.bottom = fmax(e.bottom, y + size * legend_descent);
    }
    return e;
}

/* The top margin above everything page pg prints there (running heads,
 * folios), and the bottom margin below everything printed there. */
static void free_margins(const Proof *pf, int pg, Band *top, Band *bottom)
{
    const Layout *l = pf->p->layout;
    const Page *page = &pf->p->page[pg];
    *top = (Band){0, pt(l->margin_top)};
    *bottom = (Band){pt(l->margin_top + (int32_t)l->lines_per_page * l->line_pitch),
                     pt(l->page_height)};
    for (int i = 0; i < page->n_items; i++) {
        const PageItem *it = &page->item[i];
        if (it->kind == ITEM_LINK || (it->kind == ITEM_TEXT && it->g1 <= it->g0))
            continue;
        Band e = item_extent(it);
        top->bottom = fmin(top->bottom, e.top);
        bottom->top = fmax(bottom->top, e.bottom);
    }
}

/* The legend's height at its natural size, from the first row's top to
 * the last row's descent. */
/* The key drawn once in each arrangement (rows 1 and 2), its first row's
 * baseline at y = 0: each page paints one, translated and scaled to fit. */
static void record_legends(Proof *pf)
{
    cairo_surface_t *probe = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, NULL);
    cairo_t *m = cairo_create(probe);
    set_font_options(m);
    double marks_w = key_marks(m, pf, false), lines_w = key_lines(m, pf, false);
    cairo_destroy(m);
    cairo_surface_destroy(probe);
    for (int rows = 1; rows <= 2; rows++) {
        double w = rows == 1 ? marks_w + legend_gap + lines_w : fmax(marks_w, lines_w);
        cairo_rectangle_t *at = &pf->legend_at[rows - 1];
        *at = (cairo_rectangle_t){-1, -2 * label_size, w + 2,
                                  label_size * (3 + (rows - 1) * legend_pitch)};
        pf->legend[rows - 1] = cairo_recording_surface_create(CAIRO_CONTENT_COLOR_ALPHA, at);
        cairo_t *cr = cairo_create(pf->legend[rows - 1]);
        set_font_options(cr);
        key_marks(cr, pf, true);
        if (rows == 1)
            cairo_translate(cr, marks_w + legend_gap, 0);
        else
            cairo_translate(cr, 0, label_size * legend_pitch);
        key_lines(cr, pf, true);
        cairo_destroy(cr);
    }
}

static double legend_height(int rows)
{
    return label_size * (1 + (rows - 1) * legend_pitch + legend_descent);
}

/* The largest legend of one or two rows (marks_w, lines_w wide at natural
 * size) that fits width and band, less legend_clear on either side of it;
 * centred in the band. One row where two are no larger. */
static LegendFit fit_legend(double marks_w, double lines_w, double width, Band b)
{
    LegendFit best = {.rows = 0, .scale = -1};
    double room = b.bottom - b.top - 2 * legend_clear;
    for (int rows = 1; rows <= 2; rows++) {
        double w = rows == 1 ? marks_w + legend_gap + lines_w : fmax(marks_w, lines_w);
        double s = fmin(1, fmin(width / w, room / legend_height(rows)));
        if (s > best.scale)
            best = (LegendFit){rows, s, 0};
    }
    double h = best.scale * legend_height(best.rows);
    best.y = (b.top + b.bottom - h) / 2 + best.scale * label_size;
    return best;
}

/* The legend of page pg: in the top margin above what the page prints
 * there; where it would be smaller there than legend_min_scale, in the
 * bottom margin; failing both, in the top bleed (on the proof's page,
 * outside the trim) or wherever it is largest. */
static LegendFit place_legend(cairo_t *cr, const Proof *pf, int pg)
{
    const Layout *l = pf->p->layout;
    double marks_w = key_marks(cr, pf, false), lines_w = key_lines(cr, pf, false);
    Band bands[3];
    free_margins(pf, pg, &bands[0], &bands[1]);
    bands[2] = (Band){-pt(l->bleed), 0};
    LegendFit best = {.scale = -1};
    for (int k = 0; k < 3; k++) {
        LegendFit f = fit_legend(marks_w, lines_w, area_width(l), bands[k]);
        if (f.scale >= legend_min_scale)
            return f;
        if (f.scale > best.scale)
            best = f;
    }
    return best;
}

/* The legend from the type area's left edge, scaled as place_legend says. */
static void draw_legend(cairo_t *cr, const Proof *pf, int pg)
{
    LegendFit f = place_legend(cr, pf, pg);
    if (f.scale <= 0)
        return;
    cairo_save(cr);
    cairo_translate(cr, area_left(pf->p->layout, pg), f.y);
    cairo_scale(cr, f.scale, f.scale);
    const cairo_rectangle_t *r = &pf->legend_at[f.rows - 1];
    cairo_set_source_surface(cr, pf->legend[f.rows - 1], 0, 0);
    cairo_rectangle(cr, r->x, r->y, r->width, r->height);
    cairo_fill(cr);
    cairo_restore(cr);
}

void proof_over(cairo_t *cr, const Proof *pf, int pg)
{
    const Page *page = &pf->p->page[pg];
    cairo_save(cr);
    for (int i = 0; i < page->n_items; i++) {
        const PageItem *it = &page->item[i];
        if (it->kind == ITEM_TEXT && it->g1 > it->g0)
            mark_line(cr, pf, pg, it);
    }
    draw_legend(cr, pf, pg);
    cairo_restore(cr);
}
