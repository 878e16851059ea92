/* para_impl.h - internals shared by the para stage's files. */
#ifndef REPRINT_PARA_IMPL_H
#define REPRINT_PARA_IMPL_H

#include "para.h"

#include "text/charclass.h"

typedef struct Unit {
    int g0, g1;        /* glyphs of this cluster */
    unsigned cls;      /* charclass flags */
    int32_t cp;        /* its first character */
    int32_t width;     /* advance inside a line, after style and adjacency compression */
    int32_t trim_left; /* blank removed on the left inside a line (shifts the glyphs) */
    int32_t half;      /* half an em of this unit's size */
    int32_t blank;     /* a mark's compressible blank, from the face's 'halt' (0: none) */
    bool halved;       /* that blank is already taken off (style, pairs) */
    int32_t gap;       /* space before this unit inside a line (Han–Latin ¼ em) */
    int face;          /* face of its glyphs */
    bool brk_before;   /* a line may break before this unit */
    bool stretch;      /* the space before this unit may grow in justification */
    /* Sums over the units before this one, so that measuring any candidate
     * line is O(1) (units_build fills them; the array has n + 1 entries). */
    struct {
        int64_t width, gap, shrink, gap_shrink, track;
        int slots;
    } sum;
} Unit;

/* units.c */
Unit *units_build(const Shaped *s, PunctStyle style, int *n_out);
bool unit_is_mark(unsigned cls);
/* Blank removed from a line's first unit (an opening bracket). */
int32_t unit_start_trim(const Unit *u, PunctStyle style);
/* Width removed from a line's last unit (a trailing space, a line-end mark). */
int32_t unit_end_trim(const Unit *u, PunctStyle style);
/* How much unit k can give inside a line to pull the line in; k must have
 * a unit on each side (it is never a line's first or last). */
int32_t unit_shrink(const Unit *u, int k, PunctStyle style);

/* A candidate line [s, e). */
typedef struct Fit {
    int32_t natural; /* width with edge compression and the indent */
    int32_t shrink;  /* how much its punctuation and Han–Latin gaps could give */
    int32_t track;   /* how much tightening every gap by 1/32 em could give */
    int slots;       /* gaps that may stretch (or tighten) */
} Fit;

Fit line_measure(const Unit *u, int s, int e, int32_t indent, PunctStyle style);

/* breaker.c: line ends (exclusive unit indexes) into ends[], returns the
 * count; total fit also stores each line's demerits in cost[]. */
int breaker_total_fit(const Unit *u, int n, const ParaOpts *o, int *ends, double *cost);
/* Units [s, e) as a last line would be a 孤字: ≤ 2 characters, or one and marks. */
bool breaker_runt(const Unit *u, int s, int e);
int breaker_first_fit(const Unit *u, int n, const ParaOpts *o, int32_t measure, int *ends);

/* justify.c */
void justify_place(Arena *ar, const Shaped *sh, const Unit *u, int s, int e, const ParaOpts *o,
                   Line *line);

#endif
