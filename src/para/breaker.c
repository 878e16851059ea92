/* breaker.c - choosing line ends.
 *
 * Total fit (Knuth–Plass) for justified text. Every break opportunity of
 * the paragraph is a node; a line from node i to node j costs
 *     (LINE_PENALTY + badness)² + penalties
 * where badness grows with the cube of how far each gap of the line must
 * stretch or shrink (against a nominal 0.1 em); a line may shrink only as
 * far as its punctuation and Han–Latin gaps can give, and shrinking costs
 * half as much, so push-in wins over push-out (先挤进，后推出). The last line does not stretch; a last
 * line of one or two characters (孤字) costs RUNT. The cheapest path from
 * the first node to the last is taken. A node from which no line fits
 * (an unbreakable run longer than the measure) gets an emergency cut.
 *
 * First fit, line by line, serves ragged and centred text and the
 * comparison the typography tests make.
 */
#include "para_impl.h"

#include <float.h>
#include <stdlib.h>

#define LINE_PENALTY 10.0
#define RUNT 1e6          /* last line of ≤ 2 characters, or one and punctuation */
#define SAME_END 2000.0   /* two lines in a row ending in the same 。 or ， */
#define EMERGENCY 1e12
#define TRACKING 50.0     /* base cost of tightening every gap of a line */
#define TOLERANCE 200.0   /* the worst line a longer or shorter setting may have
                             (about 0.13 em per gap) */

static bool heavy_end(int32_t cp)
{
    return cp == 0x3002 || cp == 0xFF0C || cp == 0x3001;
}

/* 100·r³, r being the change per gap against a nominal 0.1 em. Shrinking
 * within what punctuation and Han–Latin gaps can give costs half as much
 * as stretching. Tightening every gap (by at most 1/32 em) is the last
 * resort: it costs TRACKING plus 100·r³ of the share of that reserve used,
 * so pushing a character out wins unless the line would be very loose. */
static double badness(const Fit *f, int32_t measure, int32_t em, bool last)
{
    int32_t diff = measure - f->natural;
    if (diff == 0 || (diff > 0 && last))
        return 0;
    if (diff < 0 && -diff > f->shrink + f->track)
        return -1; /* does not fit */
    bool tracked = diff < 0 && -diff > f->shrink;
    if (tracked) {
        double r = (double)(-diff - f->shrink) / f->track;
        return TRACKING + 100 * r * r * r;
    }
    if (f->slots == 0)
        return diff > 0 ? 100000 : 0; /* nothing can stretch: as bad as it gets */
    double r = (diff > 0 ? diff : -diff) / ((double)f->slots * em / 10.0);
    double b = r > 10 ? 100000 : 100 * r * r * r;
    return diff > 0 ? b : b / 2;
}

bool breaker_runt(const Unit *u, int s, int e)
{
    int chars = 0, marks = 0;
    for (int k = s; k < e; k++) {
        if (u[k].cls & CC_SPACE)
            continue;
        chars++;
        marks += unit_is_mark(u[k].cls) || (u[k].cls & CC_NO_START);
    }
    return chars <= 2 || chars - marks <= 1;
}

/* Best paths to every node; with counted lines, one layer per number of
 * lines so far (to set a paragraph a line longer or shorter on request). */
/* A line a longer or shorter setting may use: badness within TOLERANCE,
 * no gap widened to 0.13 em or more (text extractors see a space from
 * 0.14 em), and not a 孤字 last line. */
static bool good_line(const Fit *f, int32_t measure, int32_t em, bool last, const Unit *u, int s,
                      int e)
{
    int32_t diff = measure - f->natural;
    if (last)
        return !breaker_runt(u, s, e);
    if (diff > 0 && (f->slots == 0 || (int64_t)diff * 100 >= (int64_t)f->slots * em * 13))
        return false;
    return badness(f, measure, em, false) <= TOLERANCE;
}

typedef struct Path {
    int n;        /* nodes 0..n */
    int layers;   /* 1: lines not counted; else paths of 0..layers-1 lines */
    bool strict;  /* only good lines: no badness over TOLERANCE, no 孤字 */
    double *cost; /* best total demerits, per layer and node (DBL_MAX: unreached) */
    int *prev;    /* the node before it on that path (in the layer below) */
} Path;

#define AT(p, k, j) ((size_t)(k) * (size_t)((p)->n + 1) + (size_t)(j))

static void path_init(Path *p, int n, int layers)
{
    size_t size = (size_t)layers * ((size_t)n + 1);
    p->n = n;
    p->layers = layers;
    p->strict = false;
    p->cost = xmalloc(sizeof(double) * size);
    p->prev = xmalloc(sizeof(int) * size);
    for (size_t i = 0; i < size; i++)
        p->cost[i] = DBL_MAX, p->prev[i] = -1;
    p->cost[0] = 0;
}

static void path_fini(Path *p)
{
    free(p->cost);
    free(p->prev);
}

static void relax(Path *p, int i, int j, double d)
{
    if (p->layers == 1) {
        if (p->cost[i] + d < p->cost[j])
            p->cost[j] = p->cost[i] + d, p->prev[j] = i;
        return;
    }
    for (int k = 0; k + 1 < p->layers; k++) {
        double c = p->cost[AT(p, k, i)];
        if (c != DBL_MAX && c + d < p->cost[AT(p, k + 1, j)])
            p->cost[AT(p, k + 1, j)] = c + d, p->prev[AT(p, k + 1, j)] = i;
    }
}

static bool reached(const Path *p, int s)
{
    for (int k = 0; k < p->layers; k++)
        if (p->cost[AT(p, k, s)] != DBL_MAX)
            return true;
    return false;
}

/* Longest prefix of the line from s that fits, break opportunity or not. */
static int emergency_end(const Unit *u, int n, int s, const ParaOpts *o, int32_t indent)
{
    int e = s + 1;
    while (e < n && line_measure(u, s, e + 1, indent, o->punct).natural <= o->measure)
        e++;
    return e;
}

/* Relaxes every line that can start at node s; returns how many fit. */
static int lines_from(const Unit *u, int n, int s, const ParaOpts *o, Path *p)
{
    int32_t indent = s == 0 ? o->first_indent : 0;
    int32_t em = 2 * u[s].half;
    int fits = 0;
    for (int e = s + 1; e <= n; e++) {
        /* Measured at every unit (it is O(1)), so a long run without a break
         * opportunity ends the search as soon as it passes the measure. */
        Fit f = line_measure(u, s, e, indent, o->punct);
        if (f.natural - f.shrink - f.track > o->measure + em)
            break;
        if (e < n && !u[e].brk_before)
            continue;
        bool last = e == n;
        double b = badness(&f, o->measure, em, last);
        if (b < 0 || (p->strict && !good_line(&f, o->measure, em, last, u, s, e)))
            continue;
        double d = (LINE_PENALTY + b) * (LINE_PENALTY + b);
        if (last && breaker_runt(u, s, e))
            d += RUNT;
        if (s > 0 && heavy_end(u[e - 1].cp) && u[s - 1].cp == u[e - 1].cp)
            d += SAME_END;
        relax(p, s, e, d);
        fits++;
    }
    return fits;
}

static void run_paths(const Unit *u, int n, const ParaOpts *o, Path *p)
{
    for (int s = 0; s < n; s++) {
        if (!reached(p, s))
            continue;
        if (lines_from(u, n, s, o, p) == 0)
            relax(p, s, emergency_end(u, n, s, o, s == 0 ? o->first_indent : 0), EMERGENCY);
    }
}

/* Walks back from node n in layer k (0 when lines are not counted). */
static int backtrack(const Path *p, int k, int *ends, double *cost)
{
    int count = 0;
    for (int j = p->n, l = k; j > 0; j = p->prev[AT(p, l, j)], l -= p->layers > 1)
        count++;
    int i = count;
    for (int j = p->n, l = k; j > 0; j = p->prev[AT(p, l, j)], l -= p->layers > 1) {
        int from = p->prev[AT(p, l, j)];
        ends[--i] = j;
        cost[i] = p->cost[AT(p, l, j)] - p->cost[AT(p, l - (p->layers > 1), from)];
    }
    return count;
}

#define LOOSENESS_MAX_LINES 120 /* longer paragraphs are set at their best only */

int breaker_total_fit(const Unit *u, int n, const ParaOpts *o, int *ends, double *cost)
{
    Path p;
    path_init(&p, n, 1);
    run_paths(u, n, o, &p);
    int best = backtrack(&p, 0, ends, cost);
    path_fini(&p);
    int want = best + o->looseness;
    if (o->looseness == 0 || want < 1 || best > LOOSENESS_MAX_LINES)
        return best;
    path_init(&p, n, want + 1);
    p.strict = true;
    run_paths(u, n, o, &p);
    double c = p.cost[AT(&p, want, n)];
    int count = best;
    if (c < EMERGENCY) /* a feasible setting in that many lines */
        count = backtrack(&p, want, ends, cost);
    path_fini(&p);
    return count;
}

/* ---- first fit ---------------------------------------------------------- */

/* End of the line from s: of the candidates, the longest that fits without
 * shrinking and the first that fits only by shrinking compete; push-in wins
 * when it pulls in less than the other would stretch. */
static int first_fit_end(const Unit *u, int n, int s, const ParaOpts *o, int32_t measure)
{
    int32_t indent = s == 0 ? o->first_indent : 0;
    int loose = -1, tight = -1;
    int32_t stretch = 0, squeeze = 0;
    for (int e = s + 1; e <= n; e++) {
        Fit f = line_measure(u, s, e, indent, o->punct);
        if (f.natural - f.shrink > measure + 2 * u[s].half)
            break; /* past the measure by more than any trim: no later end fits */
        if (e < n && !u[e].brk_before)
            continue;
        if (f.natural - f.shrink > measure)
            break;
        if (f.natural <= measure) {
            loose = e, stretch = measure - f.natural;
            continue;
        }
        tight = e, squeeze = f.natural - measure;
        break;
    }
    if (tight >= 0 && (loose < 0 || squeeze < stretch))
        return tight;
    if (loose >= 0)
        return loose;
    ParaOpts at = *o;
    at.measure = measure;
    return emergency_end(u, n, s, &at, indent);
}

int breaker_first_fit(const Unit *u, int n, const ParaOpts *o, int32_t measure, int *ends)
{
    int count = 0;
    for (int s = 0; s < n; s = ends[count++])
        ends[count] = first_fit_end(u, n, s, o, measure);
    return count;
}
