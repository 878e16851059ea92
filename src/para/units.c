/* units.c - glyph clusters → units with their widths under a punctuation
 * style, break opportunities, Han–Latin gaps and what may stretch.
 *
 * Punctuation styles (clreq §3.1.6 "punctuation width adjustment"):
 *   行末半角  full width inside a line, half width at its end (default)
 *   全角     full width everywhere; a line-end mark gives its blank half
 *            only to pull a line in
 *   开明     sentence-final 。？！ full width, every other mark half width
 *   none     no adjustment at all
 * In all but none, two marks side by side take 1.5 em and an opening
 * bracket at a line start loses its blank half. A mark's blank is what the
 * face's 'halt' feature takes off it (text stage): Noto CJK's 。，“” have a
 * half-em blank, a proportional quote has none and is never compressed.
 */
#include "para_impl.h"

#include <stdlib.h>

bool unit_is_mark(unsigned cls)
{
    return cls & (CC_BLANK_RIGHT | CC_BLANK_LEFT | CC_BLANK_BOTH);
}

/* A mark that still has its blank to give. */
static bool full_width(const Unit *u)
{
    return u->blank > 0 && !u->halved;
}

static bool sentence_final(int32_t cp)
{
    return cp == 0x3002 || cp == 0xFF1F || cp == 0xFF01;
}

/* Sets a mark half width by removing its blank side. */
static void halve(Unit *u)
{
    if (!full_width(u))
        return;
    u->width -= u->blank;
    if (u->cls & CC_BLANK_LEFT)
        u->trim_left += u->blank;
    u->halved = true;
}

/* Two marks side by side take 1.5 em: the first loses its right blank, or,
 * for two opening marks, the second loses its left blank. Not across a
 * change of face: compressed glyphs overlap their neighbours' advance, which
 * the renderer hides from text extraction only within one font run. */
static void compress_pair(Unit *a, Unit *b)
{
    if (a->face != b->face)
        return;
    if ((a->cls & CC_BLANK_RIGHT) && full_width(a) && unit_is_mark(b->cls))
        halve(a);
    else if ((a->cls & CC_BLANK_LEFT) && (b->cls & CC_BLANK_LEFT))
        halve(b);
}

static void apply_style(Unit *u, int n, PunctStyle style)
{
    if (style == PUNCT_NONE)
        return;
    for (int k = 0; k < n; k++) {
        bool mark = u[k].cls & (CC_BLANK_RIGHT | CC_BLANK_LEFT);
        if (style == PUNCT_KAIMING && mark && !sentence_final(u[k].cp))
            halve(&u[k]);
    }
    for (int k = 1; k < n; k++)
        compress_pair(&u[k - 1], &u[k]);
}

static void link_units(Unit *u, int n)
{
    for (int k = 1; k < n; k++) {
        Unit *a = &u[k - 1], *b = &u[k];
        b->brk_before = charclass_may_break(a->cls, a->cp, b->cls, b->cp);
        if (charclass_wants_space(a->cls, b->cls))
            b->gap = b->half / 2;
        bool in_word = (a->cls & CC_WORD) && (b->cls & CC_WORD);
        bool in_dash = (a->cls & CC_INSEP) && (b->cls & CC_INSEP) && a->cp == b->cp;
        b->stretch = !in_word && !in_dash;
    }
}

static void sum_units(Unit *u, int n, PunctStyle style)
{
    for (int k = 0; k < n; k++) {
        u[k + 1].sum = u[k].sum;
        u[k + 1].sum.width += u[k].width;
        u[k + 1].sum.gap += u[k].gap;
        /* Only inner units ever give their blank; the first and the last
         * have no neighbour on one side for unit_shrink to look at. */
        u[k + 1].sum.shrink += k > 0 && k < n - 1 ? unit_shrink(u, k, style) : 0;
        u[k + 1].sum.gap_shrink += u[k].gap / 2;
        u[k + 1].sum.track += u[k].stretch ? u[k].half / 16 : 0;
        u[k + 1].sum.slots += u[k].stretch;
    }
}

Unit *units_build(const Shaped *s, PunctStyle style, int *n_out)
{
    Unit *u = xcalloc((size_t)s->n + 1, sizeof(Unit));
    int n = 0;
    for (int i = 0; i < s->n; i++) {
        const Glyph *g = &s->glyph[i];
        if (g->cluster_start || n == 0) {
            u[n] = (Unit){.g0 = i, .g1 = i, .cls = g->cls, .cp = g->cp, .half = g->size / 2,
                          .blank = g->blank, .face = g->face};
            n++;
        }
        u[n - 1].g1 = i + 1;
        u[n - 1].width += g->advance;
    }
    apply_style(u, n, style);
    link_units(u, n);
    sum_units(u, n, style);
    *n_out = n;
    return u;
}

int32_t unit_start_trim(const Unit *u, PunctStyle style)
{
    if (style == PUNCT_NONE)
        return 0;
    return (u->cls & CC_BLANK_LEFT) && full_width(u) ? u->blank : 0;
}

int32_t unit_end_trim(const Unit *u, PunctStyle style)
{
    if (u->cls & CC_SPACE)
        return u->width;
    if (style == PUNCT_NONE || style == PUNCT_FULL)
        return 0;
    return (u->cls & CC_BLANK_RIGHT) && full_width(u) ? u->blank : 0;
}

int32_t unit_shrink(const Unit *u, int k, PunctStyle style)
{
    if (style == PUNCT_NONE || !unit_is_mark(u[k].cls) || !full_width(&u[k]))
        return 0;
    int side = (u[k].cls & CC_BLANK_LEFT) ? k - 1 : k + 1;
    return u[side].face == u[k].face ? u[k].blank : 0;
}

/* Units [s, e) as one line, from the sums: inner marks (not the first or
 * the last) may give their blank, gaps after the first unit may shrink. */
Fit line_measure(const Unit *u, int s, int e, int32_t indent, PunctStyle style)
{
    Fit f = {indent - unit_start_trim(&u[s], style) - unit_end_trim(&u[e - 1], style), 0, 0, 0};
    f.natural += (int32_t)(u[e].sum.width - u[s].sum.width + u[e].sum.gap - u[s + 1].sum.gap);
    if (e - 1 > s + 1)
        f.shrink += (int32_t)(u[e - 1].sum.shrink - u[s + 1].sum.shrink);
    f.shrink += (int32_t)(u[e].sum.gap_shrink - u[s + 1].sum.gap_shrink);
    f.track = (int32_t)(u[e].sum.track - u[s + 1].sum.track);
    f.slots = u[e].sum.slots - u[s + 1].sum.slots;
    /* In 全角 style a line-end mark still gives its blank half to pull a line in. */
    if (style == PUNCT_FULL && (u[e - 1].cls & CC_BLANK_RIGHT) && full_width(&u[e - 1]))
        f.shrink += u[e - 1].blank;
    return f;
}
