/* text.h - fonts and shaping: the only stage that knows fontconfig, Pango
 * and HarfBuzz.
 *
 * text_open() loads the project's fontconfig configuration and resolves
 * every role of the layout to one face file; a role whose family is not
 * installed is an error, never a silent fallback. text_shape() itemizes
 * and shapes a paragraph once with Pango (language zh-Hans, so the CJK
 * forms of quotes are chosen) and hands back plain glyph data: glyph ids,
 * advances, the byte each cluster starts at and the character class of
 * that character. Later stages never call back into Pango.
 */
#ifndef REPRINT_TEXT_H
#define REPRINT_TEXT_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "style/style.h"

typedef struct TextCtx TextCtx;

/* A font file as resolved by fontconfig. */
typedef struct FontFace {
    const char *family; /* family name as requested */
    const char *style;  /* fontconfig style of the resolved face */
    const char *file;   /* path of the font file */
    int index;          /* face index inside a collection (.ttc) */
} FontFace;

typedef struct Glyph {
    uint32_t id;         /* glyph index in its face */
    int32_t advance;     /* natural advance (units) */
    int32_t x_offset, y_offset;
    int32_t byte;        /* byte offset in the paragraph of this glyph's cluster */
    int32_t size;        /* font size (units) */
    int16_t face;        /* index into the face table (text_face) */
    int16_t role;        /* RoleId the glyph was set in */
    unsigned cls;        /* charclass flags of the cluster's first character */
    int32_t blank;       /* punctuation: the blank part of its advance that may be
                            compressed, as the face's 'halt' feature tells (0: none) */
    int32_t cp;          /* that character */
    bool cluster_start;  /* first glyph of its cluster */
} Glyph;

/* A stretch of the paragraph set in one role (a run-in head, the body). */
typedef struct TextSpan {
    int start, end;       /* byte range */
    RoleId role;
    const char *features; /* OpenType features ("vert" for stacked vertical text), or NULL */
    int32_t size;         /* font size if not the role's (0) */
} TextSpan;

typedef struct Shaped {
    const char *text; /* the paragraph (borrowed) */
    int len;
    Glyph *glyph;     /* in logical order */
    int n;
} Shaped;

/* Opens fonts through the configuration file conf_path and resolves the
 * roles of layout. language is a BCP 47 tag. NULL after reporting errors. */
TextCtx *text_open(Diag *d, const char *conf_path, const Layout *layout, const char *language);
void text_close(TextCtx *t);

int text_face_count(const TextCtx *t);
const FontFace *text_face(const TextCtx *t, int id);
/* The face a role resolved to. */
const FontFace *text_role_face(const TextCtx *t, RoleId role);
/* The glyph stands for a character its role's face lacks (.notdef, or
 * another face's glyph): what the shaper warns about as "no glyph".
 * Spaces, format characters and a cluster's later glyphs never are. */
bool text_glyph_missing(const TextCtx *t, const Glyph *g);

/* Shapes text (len bytes) with spans covering it. Characters without a
 * glyph in their face are warnings at `at` plus their column offset (text
 * is one source line). The result lives in arena. */
Shaped *text_shape(TextCtx *t, Arena *arena, Diag *d, const char *text, int len,
                   const TextSpan *spans, int n_spans, SrcLoc at);

/* Face face_id cut down with hb-subset to the glyphs gids (n_gids of
 * them, no duplicates), for embedding: layout tables go, and the cmap
 * keeps only the characters cps (those the text set with these glyphs)
 * whose nominal glyph is kept, so mapping a glyph back to a character
 * gives the document's character. Glyphs are renumbered: new_ids[i]
 * receives the id of gids[i] in the cut face. Returns the font file (a
 * bare OpenType face, index 0), *len bytes, to free(); NULL if HarfBuzz
 * cannot cut it (use the whole face then). Touches no shaping state:
 * calls for different faces may run on several threads at once. */
unsigned char *text_subset_face(const TextCtx *t, int face_id, const uint32_t *gids,
                                size_t n_gids, const uint32_t *cps, size_t n_cps,
                                uint32_t *new_ids, size_t *len);

/* --dump=runs: one line per glyph run (face, size, text, advances). */
void text_dump_runs(const Shaped *s, const TextCtx *t, FILE *out);

#endif
