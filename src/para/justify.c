/* justify.c - placing a line's glyphs: justification in stages.
 *
 * A line longer than the measure is pulled in: first its inner marks give
 * their blank half, then Han–Latin gaps shrink toward ⅛ em. A shorter
 * line is filled: first Han–Latin gaps grow toward ⅓ em and word spaces by
 * up to half their width, then the rest is spread evenly over every gap
 * that may stretch (never inside —— …… or a Latin word).
 */
#include "para_impl.h"

#include <stdlib.h>

/* adjust[k] is the change of the space before unit s+k. Returns how much
 * the last resort took from gaps between characters (a tight line). */
static int32_t pull_in(const Unit *u, int s, int e, int32_t need, PunctStyle style,
                       int32_t *adjust)
{
    /* In 全角 style the line-end mark gives its blank half first: its glyph
     * stays, the blank hangs past the measure. */
    if (style == PUNCT_FULL && (u[e - 1].cls & CC_BLANK_RIGHT) && !u[e - 1].halved)
        need -= need < u[e - 1].blank ? need : u[e - 1].blank;
    for (int k = s + 1; k < e - 1 && need > 0; k++) {
        int32_t can = unit_shrink(u, k, style);
        int32_t take = need < can ? need : can;
        /* The blank half follows a right-blank mark and precedes a left-blank one. */
        adjust[(u[k].cls & CC_BLANK_LEFT) ? k - s : k + 1 - s] -= take;
        need -= take;
    }
    for (int k = s + 1; k < e && need > 0; k++) {
        int32_t take = need < u[k].gap / 2 ? need : u[k].gap / 2;
        adjust[k - s] -= take;
        need -= take;
    }
    /* Last resort: every gap that may stretch tightens a little (≤ 1/32 em). */
    int slots = 0;
    int32_t tightened = 0;
    for (int k = s + 1; k < e; k++)
        slots += u[k].stretch;
    for (int k = s + 1; k < e && need > 0 && slots > 0; k++) {
        if (!u[k].stretch)
            continue;
        int32_t take = (need + slots - 1) / slots;
        take = take < u[k].half / 16 ? take : u[k].half / 16;
        adjust[k - s] -= take;
        need -= take;
        tightened += take;
        slots--;
    }
    return tightened;
}

/* First stage of filling: Han–Latin gaps to ⅓ em, word spaces by half. */
static int32_t widen_gaps(const Unit *u, int s, int e, int32_t need, int32_t *adjust)
{
    for (int k = s + 1; k < e && need > 0; k++) {
        int32_t can = 0;
        if (u[k].gap > 0)
            can = u[k].half * 2 / 3 - u[k].gap; /* ¼ → ⅓ em */
        else if (u[k - 1].cls & CC_SPACE)
            can = u[k - 1].width / 2;
        int32_t take = need < can ? need : can;
        adjust[k - s] += take;
        need -= take;
    }
    return need;
}

static void spread(const Unit *u, int s, int e, int32_t need, int32_t *adjust)
{
    int slots = 0;
    for (int k = s + 1; k < e; k++)
        slots += u[k].stretch;
    if (slots == 0 || need <= 0)
        return;
    int32_t each = need / slots, rest = need % slots;
    for (int k = s + 1; k < e; k++)
        if (u[k].stretch)
            adjust[k - s] += each + (rest-- > 0 ? 1 : 0);
}

static int32_t largest(const int32_t *adjust, int n)
{
    int32_t max = 0;
    for (int k = 0; k < n; k++)
        if (adjust[k] > max)
            max = adjust[k];
    return max;
}

/* Marks set narrower than their glyph's advance: by the style, beside
 * another mark, at a line edge, or pulled in. */
static int count_compressed(const Shaped *sh, const Unit *u, int s, int e, PunctStyle style,
                            const int32_t *adjust)
{
    int n = 0;
    for (int k = s; k < e; k++) {
        int32_t advance = 0;
        for (int g = u[k].g0; g < u[k].g1; g++)
            advance += sh->glyph[g].advance;
        bool narrower = u[k].width < advance;
        bool edge = (k == s && unit_start_trim(&u[k], style) > 0) ||
                    (k == e - 1 && unit_end_trim(&u[k], style) > 0 && !(u[k].cls & CC_SPACE));
        bool pulled = unit_is_mark(u[k].cls) &&
                      (adjust[k - s] < 0 || (k + 1 < e && adjust[k + 1 - s] < 0));
        n += narrower || edge || pulled;
    }
    return n;
}

void justify_place(Arena *ar, const Shaped *sh, const Unit *u, int s, int e, const ParaOpts *o,
                   Line *line)
{
    int32_t indent = s == 0 ? o->first_indent : 0;
    Fit f = line_measure(u, s, e, indent, o->punct);
    line->g0 = u[s].g0;
    line->g1 = u[e - 1].g1;
    line->natural = f.natural;
    line->x = ARENA_ARRAY(ar, int32_t, line->g1 - line->g0);
    int32_t *adjust = xcalloc((size_t)(e - s), sizeof(int32_t));
    int32_t offset = 0, diff = o->measure - f.natural;
    /* A last line is set at its natural width, unless it overfills the
     * measure or misses it by half an em at most (a line-end mark set half
     * width): then it is made flush, not left looking almost full. */
    bool near_full = diff <= u[e - 1].half;
    bool justified = o->align == ALIGN_JUSTIFY && (!line->last || near_full);
    if (justified && diff < 0) {
        line->pulled_in = -diff;
        line->tightened = pull_in(u, s, e, -diff, o->punct, adjust);
    } else if (justified) {
        spread(u, s, e, widen_gaps(u, s, e, diff, adjust), adjust);
        line->max_gap = largest(adjust, e - s);
    } else if (o->align == ALIGN_CENTER) {
        offset = diff / 2;
    } else if (o->align == ALIGN_RIGHT) {
        offset = diff;
    }
    int32_t x = indent + offset - unit_start_trim(&u[s], o->punct);
    for (int k = s; k < e; k++) {
        x += (k > s ? u[k].gap : 0) + adjust[k - s];
        int32_t gx = x - u[k].trim_left;
        for (int g = u[k].g0; g < u[k].g1; g++) {
            line->x[g - line->g0] = gx;
            gx += sh->glyph[g].advance;
        }
        x += u[k].width;
    }
    line->ratio = f.slots ? (double)diff / ((double)f.slots * u[s].half / 5.0) : 0;
    if (!justified)
        line->ratio = 0;
    line->compressed = count_compressed(sh, u, s, e, o->punct, adjust);
    /* Measured from the positions, so the dump shows what was really set. */
    line->width = x - unit_end_trim(&u[e - 1], o->punct) - offset;
    line->justified = justified;
    free(adjust);
}
