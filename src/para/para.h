/* para.h - lines from shaped glyphs: the engine's own line breaker.
 *
 * Units are glyph clusters; the gaps between them are break opportunities
 * as the character classes allow (text/charclass.h, clreq at the GB level).
 * Punctuation widths follow a named style (GB/T 15834; clreq §3.1.6): two
 * marks side by side take 1.5 em, an opening bracket at a line start loses
 * its blank half, and in the default style a mark at a line end is set half
 * width. Han–Latin gaps are ¼ em (shrinking to ⅛, stretching to ⅓).
 *
 * Justified paragraphs are broken by total fit over the whole paragraph
 * (Knuth–Plass) with clreq's preferences: push-in (compressing punctuation)
 * before push-out, a heavy penalty against a last line of one or two
 * characters (孤字), a light one against consecutive lines ending in the
 * same heavy mark. Justification is staged: shrink punctuation first, then
 * Han–Latin gaps; expand Han–Latin gaps and word spaces first, then spread
 * the rest evenly; never inside —— or …… or a Latin word. Centred text
 * (titles) is broken into lines of even length.
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
    int32_t width;     /* set width: where the last glyph's ink box ends (its
                          end blank and a trailing space not counted) */
    int32_t natural;   /* width before justification */
    int32_t max_gap;   /* largest space added between two units (for QA) */
    int32_t pulled_in; /* how much punctuation and gaps were compressed to fit */
    int32_t tightened; /* of that, what the last resort took from the gaps between
                          characters (≤ 1/32 em each) */
    int compressed;    /* marks set narrower than their glyph (style, pairs, edges, push-in) */
    double ratio;      /* adjustment per gap against 0.1 em: > 0 stretched, < 0 pulled in */
    double demerits;   /* what the breaker charged for this line (0 for first fit) */
    bool last;         /* last line of its paragraph */
    bool justified;    /* stretched or pulled in to the measure */
    bool overfull;     /* nothing fitted: the line is wider than the measure */
    bool pushed_out;   /* it gave its last character to the next line, because the
                          character after it may not start a line */
} Line;

typedef struct ParaOpts {
    int32_t measure;       /* line length */
    int32_t first_indent;  /* indent of the first line */
    Align align;
    PunctStyle punct;      /* punctuation widths */
    bool first_fit;        /* break greedily line by line (for comparison) */
    int looseness;         /* set the paragraph this many lines longer (> 0) or shorter
                              (< 0) than its best, when that is feasible (TeX's
                              \looseness): for the page stage's column balancing */
} ParaOpts;

typedef struct ParaLines {
    const Shaped *shaped;
    SrcLoc at;             /* where the paragraph starts in the source */
    ParaOpts opts;         /* how it was set (to set it again another way) */
    Line *line;
    int n;
    int pushed_out;        /* lines that had to give a character to the next one */
    bool runt;             /* more than one line, and the last is a 孤字 (≤ 2
                              characters, or one and punctuation) */
} ParaLines;

/* Breaks s into lines. Overfull lines are warnings at `at`. Lines live in arena. */
ParaLines *para_break(Arena *arena, Diag *d, const Shaped *s, const ParaOpts *opts, SrcLoc at);

/* What an editor should look at in a line (reprint check, --proof). */
typedef enum LineFlag {
    LINE_LOOSE = 1,      /* a gap between characters grew by PARA_LOOSE_EM_DIV or more */
    LINE_TIGHT = 2,      /* gaps between characters had to shrink (last resort) */
    LINE_PUSHED_OUT = 4, /* gave its last character to the next line */
    LINE_OVERFULL = 8    /* wider than the measure */
} LineFlag;

/* A justified gap of 1/8 em between two Han characters is where readers
 * begin to see a line as spaced out (the breaker keeps gaps below it). */
#define PARA_LOOSE_EM_DIV 8

/* The LineFlag bits of line i of p. */
unsigned para_line_flags(const ParaLines *p, int i);

/* --dump=lines: each line's text, natural and set width, largest gap. */
void para_dump_lines(const ParaLines *p, FILE *out);

#endif
