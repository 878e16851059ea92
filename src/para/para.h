/* para.h - lines from shaped glyphs: the engine's own line breaker.
 *
 * Units are glyph clusters; the gaps between them are break opportunities
 * as the character classes allow (text/charclass.h). Punctuation is
 * compressed where two marks meet and at line edges (GB/T 15834 §5.1.10:
 * a mark at a line end is set half width; an opening bracket at a line
 * start loses its blank half). Han–Latin gaps are ¼ em. Lines are filled
 * first-fit, preferring push-in (shrinking punctuation to keep a mark that
 * may not start a line) to push-out; justification spreads the remaining
 * space evenly over the gaps that may stretch, never inside a Latin word or
 * between the halves of —— and …….
 */
#ifndef REPRINT_PARA_H
#define REPRINT_PARA_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "style/style.h"
#include "text/text.h"

typedef struct Line {
    int g0, g1;        /* glyph range [g0, g1) of the Shaped */
    int32_t *x;        /* x of glyph g0+i from the line's left edge (g1-g0 entries) */
    int32_t width;     /* set width: the measure for justified lines */
    int32_t natural;   /* width before justification */
    int32_t max_gap;   /* largest space added between two units (for QA) */
    bool last;         /* last line of its paragraph */
    bool overfull;     /* nothing fitted: the line is wider than the measure */
} Line;

typedef struct ParaOpts {
    int32_t measure;       /* line length */
    int32_t first_indent;  /* indent of the first line */
    Align align;
} ParaOpts;

typedef struct ParaLines {
    const Shaped *shaped;
    Line *line;
    int n;
} ParaLines;

/* Breaks s into lines. Overfull lines are warnings at `at`. Lines live in arena. */
ParaLines *para_break(Arena *arena, Diag *d, const Shaped *s, const ParaOpts *opts, SrcLoc at);

/* --dump=lines: each line's text, natural and set width, largest gap. */
void para_dump_lines(const ParaLines *p, FILE *out);

#endif
