/* para.c - line breaking and justification; see para.h.
 *
 * Outline:
 *   build_units   glyph clusters → units with width, class, the gap before
 *                 them and how far each may shrink
 *   fill          from each line start, take the longest run of units that
 *                 ends at a break opportunity and fits the measure, counting
 *                 edge compression and, if needed, shrinking (push-in)
 *   place         distribute the difference to the measure over the gaps
 *                 and write glyph x positions
 */
#include "para.h"

#include <stdlib.h>
#include <string.h>

#include "text/charclass.h"

typedef struct Unit {
    int g0, g1;        /* glyphs of this cluster */
    unsigned cls;
    int32_t cp;
    int32_t width;     /* advance inside a line, after adjacency compression */
    int32_t trim_left; /* blank removed on the left inside a line (shifts glyphs) */
    int32_t half;      /* half an em of this unit's size */
    int32_t gap;       /* space before this unit inside a line (Han–Latin) */
    int face;          /* face of its glyphs */
    bool brk_before;   /* a line may break before this unit */
    bool stretch;      /* the gap before this unit may grow in justification */
} Unit;

static bool is_mark(unsigned cls)
{
    return cls & (CC_BLANK_RIGHT | CC_BLANK_LEFT | CC_BLANK_BOTH);
}

/* Two marks side by side take 1.5 em: the first loses its right blank, or,
 * for two opening marks, the second loses its left blank. Not across a
 * change of face: compressed glyphs overlap their neighbours' advance, which
 * the renderer hides from text extraction only within one font run. */
static void compress_pair(Unit *a, Unit *b)
{
    if (a->face != b->face)
        return;
    if ((a->cls & CC_BLANK_RIGHT) && a->width >= 2 * a->half && is_mark(b->cls))
        a->width -= a->half;
    else if ((a->cls & CC_BLANK_LEFT) && (b->cls & CC_BLANK_LEFT) && b->trim_left == 0) {
        b->trim_left = b->half;
        b->width -= b->half;
    }
}

static Unit *build_units(const Shaped *s, int *n_out)
{
    Unit *u = xcalloc((size_t)s->n + 1, sizeof(Unit));
    int n = 0;
    for (int i = 0; i < s->n; i++) {
        const Glyph *g = &s->glyph[i];
        if (g->cluster_start || n == 0) {
            u[n] = (Unit){.g0 = i, .g1 = i, .cls = g->cls, .cp = g->cp, .half = g->size / 2,
                          .face = g->face};
            n++;
        }
        u[n - 1].g1 = i + 1;
        u[n - 1].width += g->advance;
    }
    for (int k = 1; k < n; k++) {
        Unit *a = &u[k - 1], *b = &u[k];
        compress_pair(a, b);
        b->brk_before = charclass_may_break(a->cls, a->cp, b->cls, b->cp);
        if (charclass_wants_space(a->cls, b->cls))
            b->gap = b->half / 2;
        bool in_word = (a->cls & CC_WORD) && (b->cls & CC_WORD);
        bool in_dash = (a->cls & CC_INSEP) && (b->cls & CC_INSEP) && a->cp == b->cp;
        b->stretch = !in_word && !in_dash;
    }
    *n_out = n;
    return u;
}

/* ---- measuring a candidate line ------------------------------------- */

typedef struct Fit {
    int32_t natural; /* width with edge compression */
    int32_t shrink;  /* how much more it could give */
} Fit;

static int32_t start_trim(const Unit *u)
{
    return (u->cls & CC_BLANK_LEFT) && u->trim_left == 0 ? u->half : 0;
}

static int32_t end_trim(const Unit *u)
{
    if (u->cls & CC_SPACE)
        return u->width;
    return (u->cls & CC_BLANK_RIGHT) && u->width >= 2 * u->half ? u->half : 0;
}

/* True if unit k, inside a line, is a full-width mark that may be set half
 * width to pull a line in. */
static bool can_shrink(const Unit *u, int k)
{
    int side = (u[k].cls & CC_BLANK_LEFT) ? k - 1 : k + 1;
    return is_mark(u[k].cls) && u[k].width >= 2 * u[k].half && u[side].face == u[k].face;
}

/* Width of units [s, e) as one line; shrink counts inner marks that could
 * be set half width and Han–Latin gaps that could halve (to ⅛ em). */
static Fit measure_line(const Unit *u, int s, int e, int32_t indent)
{
    Fit f = {indent - start_trim(&u[s]) - end_trim(&u[e - 1]), 0};
    for (int k = s; k < e; k++) {
        f.natural += u[k].width + (k > s ? u[k].gap : 0);
        if (k > s && k < e - 1 && can_shrink(u, k))
            f.shrink += u[k].half;
        if (k > s)
            f.shrink += u[k].gap / 2;
    }
    return f;
}

/* End (exclusive) of the line starting at s. Of the break candidates, the
 * longest that fits without shrinking and the first that fits only by
 * shrinking (push-in) compete: push-in wins when it pulls in less than the
 * other would have to stretch, as when a 。 may not start the next line. */
static int fill(const Unit *u, int n, int s, const ParaOpts *o, bool *overfull)
{
    int32_t indent = s == 0 ? o->first_indent : 0;
    int loose = -1, tight = -1;
    int32_t stretch = 0, squeeze = 0;
    for (int e = s + 1; e <= n; e++) {
        if (e < n && !u[e].brk_before)
            continue;
        Fit f = measure_line(u, s, e, indent);
        if (f.natural - f.shrink > o->measure)
            break;
        if (f.natural <= o->measure) {
            loose = e, stretch = o->measure - f.natural;
            continue;
        }
        tight = e, squeeze = f.natural - o->measure;
        break;
    }
    *overfull = loose < 0 && tight < 0;
    if (tight >= 0 && (loose < 0 || squeeze < stretch))
        return tight;
    if (loose >= 0)
        return loose;
    /* Nothing breakable fits: cut where the measure runs out. */
    int e = s + 1;
    while (e < n && measure_line(u, s, e + 1, indent).natural <= o->measure)
        e++;
    return e;
}

/* ---- placing glyphs -------------------------------------------------- */

/* Pulls a line in by diff (< 0): first the marks inside it lose their blank
 * half, then Han–Latin gaps shrink toward ⅛ em. adjust[k] is the change of
 * the space before unit s+k. */
static void shrink(const Unit *u, int s, int e, int32_t diff, int32_t *adjust)
{
    int32_t need = -diff;
    for (int k = s + 1; k < e - 1 && need > 0; k++) {
        if (!can_shrink(u, k))
            continue;
        int32_t take = need < u[k].half ? need : u[k].half;
        /* The blank half follows a right-blank mark and precedes a left-blank one. */
        adjust[(u[k].cls & CC_BLANK_LEFT) ? k - s : k + 1 - s] -= take;
        need -= take;
    }
    for (int k = s + 1; k < e && need > 0; k++) {
        int32_t take = need < u[k].gap / 2 ? need : u[k].gap / 2;
        adjust[k - s] -= take;
        need -= take;
    }
}

/* Sets adjust[k] for each unit s+k: the space added before it so the line
 * fills the measure exactly; max_gap gets the largest addition. */
static void justify(const Unit *u, int s, int e, int32_t diff, int32_t *adjust, int32_t *max_gap)
{
    *max_gap = 0;
    if (diff < 0) {
        shrink(u, s, e, diff, adjust);
        return;
    }
    int slots = 0;
    for (int k = s + 1; k < e; k++)
        slots += u[k].stretch;
    if (slots == 0 || diff == 0)
        return;
    int32_t each = diff / slots, rest = diff % slots;
    for (int k = s + 1; k < e; k++) {
        if (!u[k].stretch)
            continue;
        adjust[k - s] = each + (rest-- > 0 ? 1 : 0);
        if (adjust[k - s] > *max_gap)
            *max_gap = adjust[k - s];
    }
}

static void place(Arena *ar, const Shaped *sh, const Unit *u, int s, int e, const ParaOpts *o,
                  Line *line)
{
    int32_t indent = s == 0 ? o->first_indent : 0;
    Fit f = measure_line(u, s, e, indent);
    line->g0 = u[s].g0;
    line->g1 = u[e - 1].g1;
    line->natural = f.natural;
    line->x = ARENA_ARRAY(ar, int32_t, line->g1 - line->g0);
    int32_t *adjust = xcalloc((size_t)(e - s), sizeof(int32_t));
    int32_t offset = 0;
    bool justified = o->align == ALIGN_JUSTIFY && (!line->last || f.natural > o->measure);
    if (justified)
        justify(u, s, e, o->measure - f.natural, adjust, &line->max_gap);
    else if (o->align == ALIGN_CENTER)
        offset = (o->measure - f.natural) / 2;
    else if (o->align == ALIGN_RIGHT)
        offset = o->measure - f.natural;
    int32_t x = indent + offset - start_trim(&u[s]);
    for (int k = s; k < e; k++) {
        x += (k > s ? u[k].gap : 0) + adjust[k - s];
        int32_t gx = x - u[k].trim_left;
        for (int g = u[k].g0; g < u[k].g1; g++) {
            line->x[g - line->g0] = gx;
            gx += sh->glyph[g].advance;
        }
        x += u[k].width;
    }
    line->width = justified ? o->measure : f.natural;
    free(adjust);
}

/* Line ends for the whole paragraph at measure m; returns the count. */
static int count_lines(const Unit *u, int n, const ParaOpts *o, int32_t m)
{
    ParaOpts at_m = *o;
    at_m.measure = m;
    int lines = 0;
    bool overfull;
    for (int start = 0; start < n; lines++)
        start = fill(u, n, start, &at_m, &overfull);
    return lines;
}

/* Centred text (titles, kickers) is broken into lines of even length: the
 * narrowest measure that needs no more lines than the full one. Breaking
 * "擦亮政协工作创新品牌　加强专门协商机构建设" that way falls on its gap. */
static int32_t balanced_measure(const Unit *u, int n, const ParaOpts *o)
{
    int lines = count_lines(u, n, o, o->measure);
    if (lines < 2 || o->align == ALIGN_JUSTIFY)
        return o->measure;
    int32_t lo = measure_line(u, 0, n, o->first_indent).natural / lines, hi = o->measure;
    while (hi - lo > 256) {
        int32_t mid = lo + (hi - lo) / 2;
        if (count_lines(u, n, o, mid) <= lines)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

ParaLines *para_break(Arena *ar, Diag *d, const Shaped *s, const ParaOpts *o, SrcLoc at)
{
    int n;
    Unit *u = build_units(s, &n);
    ParaLines *p = ARENA_NEW(ar, ParaLines);
    p->shaped = s;
    ParaOpts fit = *o;
    fit.measure = balanced_measure(u, n, o);
    int cap = 0;
    for (int start = 0; start < n;) {
        bool overfull;
        int end = fill(u, n, start, &fit, &overfull);
        if (p->n == cap) {
            cap = cap ? cap * 2 : 16;
            p->line = arena_grow(ar, p->line, (size_t)p->n, (size_t)cap, sizeof(Line));
        }
        Line *line = &p->line[p->n++];
        line->last = end == n;
        line->overfull = overfull;
        place(ar, s, u, start, end, o, line);
        if (overfull)
            diag_warn(d, at, "line overfull by %.1fpt: no break opportunity fits the measure",
                      (line->natural - o->measure) / 1024.0);
        start = end;
    }
    free(u);
    return p;
}

void para_dump_lines(const ParaLines *p, FILE *out)
{
    const Shaped *s = p->shaped;
    for (int i = 0; i < p->n; i++) {
        const Line *l = &p->line[i];
        int b0 = s->glyph[l->g0].byte;
        int b1 = l->g1 < s->n ? s->glyph[l->g1].byte : s->len;
        fprintf(out, "%3d | %.*s | natural %.2f set %.2f maxgap %.3f%s%s\n", i + 1, b1 - b0,
                s->text + b0, l->natural / 1024.0, l->width / 1024.0, l->max_gap / 1024.0,
                l->last ? " last" : "", l->overfull ? " OVERFULL" : "");
    }
}
