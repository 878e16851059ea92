/* render_impl.h - what render.c (drawing, PNG) shares with pdf.c (the PDF
 * surface: page boxes, tags, outline, links). Private to src/render. */
#ifndef REPRINT_RENDER_IMPL_H
#define REPRINT_RENDER_IMPL_H

#include <cairo.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "render.h"

typedef struct FaceTable {
    FT_Library ft;            /* the process's library (see freetype_library) */
    cairo_font_face_t **face; /* one per text face id, NULL until used */
    int n;
} FaceTable;

static inline double pt(int32_t units)
{
    return units / 1024.0;
}

bool faces_init(FaceTable *ft, const TextCtx *t);
void faces_fini(FaceTable *ft);
void set_font_options(cairo_t *cr);

/* Draws one item in black, in page coordinates (origin at the trim's
 * top-left). Rules and frames that touch the trim are extended by bleed
 * points past it; ITEM_LINK draws nothing. */
void draw_item(cairo_t *cr, FaceTable *ft, Diag *d, const TextCtx *t, const Layout *l,
               const PageItem *it, double bleed);
/* Draws all items of a page (PNG previews: no bleed, no tags). */
void draw_page(cairo_t *cr, FaceTable *ft, Diag *d, const TextCtx *t, const Layout *l,
               const Page *pg);

#endif
