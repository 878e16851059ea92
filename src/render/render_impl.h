/* render_impl.h - what render.c (drawing, PNG) shares with pdf.c (the PDF
 * surface: page boxes, tags, outline, links). Private to src/render. */
#ifndef REPRINT_RENDER_IMPL_H
#define REPRINT_RENDER_IMPL_H

#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "render.h"

/* A face cut down to the glyphs the pages draw (embed.c). */
typedef struct FaceCut {
    unsigned char *data; /* the font file, NULL: not cut (open the whole face) */
    size_t len;
    uint32_t *new_id;    /* glyph id as shaped → id in the cut face (EMBED_GLYPHS entries) */
} FaceCut;

enum { EMBED_GLYPHS = 65536 }; /* glyph ids an OpenType face can have */

typedef struct FaceTable {
    FT_Library ft;            /* the process's library (see freetype_library) */
    cairo_font_face_t **face; /* one per text face id, NULL until used */
    FaceCut *cut;             /* one per text face id */
    int n;
} FaceTable;

static inline double pt(int32_t units)
{
    return units / 1024.0;
}

bool faces_init(FaceTable *ft, const TextCtx *t);
void faces_fini(FaceTable *ft);
/* Cuts each face the pages draw with down to the glyphs they use
 * (embed.c); the faces are then opened from the cuts, and glyph ids
 * translated through FaceCut.new_id as they are drawn. */
void faces_cut(FaceTable *ft, const TextCtx *t, const Pages *p);
void set_font_options(cairo_t *cr);
/* The whole face f, opened from its file (not cut): NULL after reporting. */
cairo_font_face_t *face_open_file(FaceTable *ft, Diag *d, const FontFace *f);

/* Top of an item (its em box for text), in points. */
double item_top(const PageItem *it);

/* Draws one item in black, in page coordinates (origin at the trim's
 * top-left). Rules and frames that touch the trim are extended by bleed
 * points past it; ITEM_LINK draws nothing. */
void draw_item(cairo_t *cr, FaceTable *ft, Diag *d, const TextCtx *t, const Layout *l,
               const PageItem *it, double bleed);
/* Media edge to trim in points, on every side: 0 for trim-size pages;
 * print and proof pages add the layout's bleed, and --marks the marks'
 * room beyond it. The one rule for the PDF and the PNG page size. */
double trim_offset(const Layout *l, const RenderOpts *o);
/* Draws all items of a page with no tags, in page coordinates; for print
 * (o->print) rules and frames at the trim run on into the bleed and, with
 * o->marks, the crop marks are drawn outside it in o->mark_rgb (NULL:
 * black). The print PDF and every PNG draw pages with it. */
void draw_page(cairo_t *cr, FaceTable *ft, Diag *d, const TextCtx *t, const Layout *l,
               const Page *pg, const RenderOpts *o);

/* ---- proof.c: the editor's proof (--proof) -------------------------------- */

typedef struct Proof Proof;

/* What the proof needs for all pages: which line of which paragraph each
 * text item is (to ask para_line_flags), the grid's baseline, the face of
 * its labels. Free with proof_free(). */
Proof *proof_new(Diag *d, const Pages *p, const TextCtx *t, FaceTable *ft, const RenderOpts *o);
void proof_free(Proof *pf);
/* Draws, in page coordinates (origin at the trim's top-left), what lies
 * under the text of page index pg: bleed edge, trim, type area, columns,
 * baseline grid. */
void proof_under(cairo_t *cr, const Proof *pf, int pg);
/* Draws what lies over it: the margin marks of flagged lines, boxes round
 * overfull lines and missing glyphs, the legend in the top margin. */
void proof_over(cairo_t *cr, const Proof *pf, int pg);

#endif
