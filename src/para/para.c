/* para.c - the para stage's entry point; see para.h.
 *
 *   units_build      glyph clusters → units (units.c)
 *   breaker_*        line ends: total fit, or first fit (breaker.c)
 *   justify_place    glyph positions of each line (justify.c)
 */
#include "para_impl.h"

#include <stdlib.h>

/* Unjustified text (titles, heads, notes) is broken into lines of even length: the
 * narrowest measure that needs no more lines than the full one. Breaking
 * "擦亮政协工作创新品牌　加强专门协商机构建设" that way falls on its gap. */
static int32_t balanced_measure(const Unit *u, int n, const ParaOpts *o, int *ends)
{
    int lines = breaker_first_fit(u, n, o, o->measure, ends);
    if (lines < 2 || o->align == ALIGN_JUSTIFY)
        return o->measure;
    int32_t lo = line_measure(u, 0, n, o->first_indent, o->punct).natural / lines;
    int32_t hi = o->measure;
    while (hi - lo > 256) {
        int32_t mid = lo + (hi - lo) / 2;
        if (breaker_first_fit(u, n, o, mid, ends) <= lines)
            hi = mid;
        else
            lo = mid;
    }
    return hi;
}

static int choose_ends(const Unit *u, int n, const ParaOpts *o, int *ends, double *cost)
{
    if (o->align == ALIGN_JUSTIFY && !o->first_fit)
        return breaker_total_fit(u, n, o, ends, cost);
    return breaker_first_fit(u, n, o, balanced_measure(u, n, o, ends), ends);
}

/* A line gave a character to the next one because of a prohibition: the
 * next unit would have fitted, but may not end the line. */
static bool pushed_out(const Unit *u, int n, int s, int e, const ParaOpts *o)
{
    if (e >= n - 1 || u[e + 1].brk_before)
        return false;
    /* A word that does not fit goes down whole: that is no push-out. */
    if ((u[e].cls & CC_WORD) && (u[e + 1].cls & CC_WORD))
        return false;
    return line_measure(u, s, e + 1, s == 0 ? o->first_indent : 0, o->punct).natural <= o->measure;
}

/* One warning per paragraph, however many lines had to be cut. */
static void warn_cut(Diag *d, SrcLoc at, const ParaLines *p, int first, int count)
{
    const Shaped *s = p->shaped;
    const Line *l = &p->line[first];
    int b0 = s->glyph[l->g0].byte, b1 = l->g1 < s->n ? s->glyph[l->g1].byte : s->len;
    diag_warn(d, at,
              "no break opportunity fits the measure: %d line%s cut, the first reads \"%.*s\"",
              count, count == 1 ? "" : "s", b1 - b0 > 60 ? 60 : b1 - b0, s->text + b0);
}

ParaLines *para_break(Arena *ar, Diag *d, const Shaped *s, const ParaOpts *o, SrcLoc at)
{
    int n;
    Unit *u = units_build(s, o->punct, &n);
    int *ends = xmalloc(sizeof(int) * ((size_t)n + 1));
    double *cost = xcalloc((size_t)n + 1, sizeof(double));
    ParaLines *p = ARENA_NEW(ar, ParaLines);
    p->shaped = s;
    p->at = at;
    p->opts = *o;
    p->n = n ? choose_ends(u, n, o, ends, cost) : 0;
    p->line = ARENA_ARRAY(ar, Line, p->n);
    int cut = 0, first_cut = 0;
    for (int i = 0, start = 0; i < p->n; start = ends[i++]) {
        Line *line = &p->line[i];
        line->last = ends[i] == n;
        justify_place(ar, s, u, start, ends[i], o, line);
        line->demerits = cost[i];
        /* A line that ends where no break is allowed was cut: nothing fitted. */
        line->overfull = ends[i] < n && !u[ends[i]].brk_before;
        line->pushed_out = pushed_out(u, n, start, ends[i], o);
        p->pushed_out += line->pushed_out;
        if (line->overfull && cut++ == 0)
            first_cut = i;
    }
    if (cut)
        warn_cut(d, at, p, first_cut, cut);
    p->runt = p->n > 1 && breaker_runt(u, ends[p->n - 2], n);
    free(ends);
    free(cost);
    free(u);
    return p;
}

unsigned para_line_flags(const ParaLines *p, int i)
{
    const Line *l = &p->line[i];
    int32_t em = l->g1 > l->g0 ? p->shaped->glyph[l->g0].size : 0;
    unsigned f = 0;
    if (l->justified && em > 0 && l->max_gap >= em / PARA_LOOSE_EM_DIV)
        f |= LINE_LOOSE;
    if (l->tightened > 0)
        f |= LINE_TIGHT;
    if (l->pushed_out)
        f |= LINE_PUSHED_OUT;
    if (l->overfull)
        f |= LINE_OVERFULL;
    return f;
}

/* Columns: line number | text | natural width, set width (pt), the largest
 * gap added (pt), the adjustment ratio (per gap, against 0.1 em), marks set
 * narrower than their glyph, the breaker's demerits, and flags (as
 * para_line_flags: loose, pushed-out, tight, OVERFULL). */
void para_dump_lines(const ParaLines *p, FILE *out)
{
    const Shaped *s = p->shaped;
    for (int i = 0; i < p->n; i++) {
        const Line *l = &p->line[i];
        int b0 = s->glyph[l->g0].byte;
        int b1 = l->g1 < s->n ? s->glyph[l->g1].byte : s->len;
        fprintf(out,
                "%3d | %.*s | natural %.2f set %.2f maxgap %.3f ratio %.3f compress %d "
                "demerits %.0f%s%s%s%s%s%s\n",
                i + 1, b1 - b0, s->text + b0, l->natural / 1024.0, l->width / 1024.0,
                l->max_gap / 1024.0, l->ratio, l->compressed, l->demerits,
                l->justified ? "" : " ragged", l->last ? " last" : "",
                (para_line_flags(p, i) & LINE_LOOSE) ? " loose" : "",
                l->pushed_out ? " pushed-out" : "", l->tightened ? " tight" : "",
                l->overfull ? " OVERFULL" : "");
    }
}
