/* render.c - Cairo drawing of composed pages; see render.h.
 *
 * The same drawing code serves the PDF and the PNG surfaces. Geometry
 * arrives in units of 1/1024 pt and becomes points here, the only place
 * where it turns into floating point.
 */
#include "render.h"
#include "render_impl.h"

#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/progress.h"
#include "base/buf.h"
#include "base/file.h"

#include <ft2build.h>
#include FT_FREETYPE_H

/* One FreeType library for the life of the process: Cairo caches font
 * faces (and their FT_Face) beyond our last reference to them, so the
 * library they belong to must outlive every surface. */
static FT_Library freetype_library(void)
{
    static FT_Library lib;
    if (!lib && FT_Init_FreeType(&lib) != 0)
        lib = NULL;
    return lib;
}

static const cairo_user_data_key_t ft_face_key;

/* What a Cairo font face holds on to: the FreeType face and, for a face
 * opened from memory, its bytes. */
typedef struct FaceHold {
    FT_Face face;
    unsigned char *data;
} FaceHold;

static void done_ft_face(void *hold)
{
    FaceHold *h = hold;
    FT_Done_Face(h->face);
    free(h->data);
    free(h);
}

/* A Cairo face that owns h (and frees it with the face). */
static cairo_font_face_t *hold_face(FaceHold *h)
{
    cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(h->face, 0);
    cairo_font_face_set_user_data(cf, &ft_face_key, h, done_ft_face);
    return cf;
}

cairo_font_face_t *face_open_file(FaceTable *ft, Diag *d, const FontFace *f)
{
    FaceHold *h = xcalloc(1, sizeof *h);
    if (FT_New_Face(ft->ft, f->file, f->index, &h->face) != 0) {
        diag_error(d, srcloc_file(f->file), "cannot open font file");
        free(h);
        return NULL;
    }
    return hold_face(h);
}

static cairo_font_face_t *face_for(FaceTable *ft, Diag *d, const TextCtx *t, int id)
{
    if (ft->face[id])
        return ft->face[id];
    FaceCut *cut = &ft->cut[id];
    FaceHold *h = xcalloc(1, sizeof *h);
    if (cut->data &&
        FT_New_Memory_Face(ft->ft, cut->data, (FT_Long)cut->len, 0, &h->face) == 0) {
        h->data = cut->data; /* FreeType reads it for as long as the face lives */
        cut->data = NULL;
        ft->face[id] = hold_face(h);
    } else {
        free(h);
        free(cut->data), cut->data = NULL;
        free(cut->new_id), cut->new_id = NULL;
        ft->face[id] = face_open_file(ft, d, text_face(t, id));
    }
    return ft->face[id];
}

bool faces_init(FaceTable *ft, const TextCtx *t)
{
    ft->n = text_face_count(t);
    ft->face = xcalloc((size_t)ft->n + 1, sizeof(cairo_font_face_t *));
    ft->cut = xcalloc((size_t)ft->n + 1, sizeof(FaceCut));
    ft->ft = freetype_library();
    return ft->ft != NULL;
}

void faces_fini(FaceTable *ft)
{
    for (int i = 0; i < ft->n; i++) {
        if (ft->face[i])
            cairo_font_face_destroy(ft->face[i]);
        free(ft->cut[i].data);
        free(ft->cut[i].new_id);
    }
    free(ft->face);
    free(ft->cut);
}

/* ---- text ------------------------------------------------------------- */

/* Byte where the cluster after glyph g ends. */
static int cluster_end(const Shaped *s, int g)
{
    for (int k = g + 1; k < s->n; k++)
        if (s->glyph[k].cluster_start)
            return s->glyph[k].byte;
    return s->len;
}

/* True if glyph g stands noticeably apart from the glyph before it (a
 * justified or Han–Latin gap) or overlaps it (compressed punctuation).
 * Text extractors turn gaps into spaces and overlaps into line breaks
 * unless both sides belong to one cluster, which Cairo writes as one
 * ActualText span: so copy-paste gives back exactly the text. */
static bool spaced_apart(const PageItem *it, int g)
{
    const Glyph *prev = &it->s->glyph[g - 1], *cur = &it->s->glyph[g];
    int32_t prev_end = it->x[g - 1 - it->g0] - prev->x_offset + prev->advance;
    int32_t gap = it->x[g - it->g0] - cur->x_offset - prev_end;
    return gap > cur->size / 10 || gap < -cur->size / 10;
}

/* Draws glyphs [a, b) of one face and size as one text-with-clusters
 * call; new_id translates glyph ids for a cut face (NULL: as shaped). */
static void show_run(cairo_t *cr, const PageItem *it, int a, int b, const uint32_t *new_id)
{
    const Shaped *s = it->s;
    int n = b - a;
    cairo_glyph_t *glyphs = xmalloc(sizeof(cairo_glyph_t) * (size_t)n);
    cairo_text_cluster_t *clusters = xmalloc(sizeof(cairo_text_cluster_t) * (size_t)n);
    int n_clusters = 0;
    int byte0 = s->glyph[a].byte, byte1 = cluster_end(s, b - 1);
    for (int g = a; g < b; g++) {
        const Glyph *gl = &s->glyph[g];
        unsigned long id = new_id && gl->id < EMBED_GLYPHS ? new_id[gl->id] : gl->id;
        glyphs[g - a] = (cairo_glyph_t){id, pt(it->x[g - it->g0]), pt(it->y[g - it->g0])};
        if (g == a || (gl->cluster_start && !spaced_apart(it, g))) {
            clusters[n_clusters++] = (cairo_text_cluster_t){cluster_end(s, g) - gl->byte, 0};
        } else if (gl->cluster_start) {
            clusters[n_clusters - 1].num_bytes += cluster_end(s, g) - gl->byte;
        }
        clusters[n_clusters - 1].num_glyphs++;
    }
    cairo_show_text_glyphs(cr, s->text + byte0, byte1 - byte0, glyphs, n, clusters, n_clusters, 0);
    free(glyphs);
    free(clusters);
}

static void draw_text(cairo_t *cr, FaceTable *ft, Diag *d, const TextCtx *t, const PageItem *it)
{
    const Shaped *s = it->s;
    int a = it->g0;
    while (a < it->g1) {
        int b = a + 1;
        while (b < it->g1 && s->glyph[b].face == s->glyph[a].face &&
               s->glyph[b].size == s->glyph[a].size)
            b++;
        cairo_font_face_t *face = face_for(ft, d, t, s->glyph[a].face);
        if (face) {
            cairo_set_font_face(cr, face);
            cairo_set_font_size(cr, pt(s->glyph[a].size));
            show_run(cr, it, a, b, ft->cut[s->glyph[a].face].new_id);
        }
        a = b;
    }
}

double item_top(const PageItem *it)
{
    if (it->kind != ITEM_TEXT || it->g1 <= it->g0)
        return pt(it->y0 < it->y1 ? it->y0 : it->y1);
    return pt(it->y[0] - it->s->glyph[it->g0].size);
}

/* Moves a coordinate that touches or passes the trim edge [0, edge] out to
 * the bleed edge, so rules and frames that run to the trim still cover it
 * after the guillotine's tolerance. */
static double into_bleed(int32_t v, int32_t edge, double bleed)
{
    if (v <= 0)
        return pt(v) - bleed;
    if (v >= edge)
        return pt(v) + bleed;
    return pt(v);
}

void draw_item(cairo_t *cr, FaceTable *ft, Diag *d, const TextCtx *t, const Layout *l,
               const PageItem *it, double bleed)
{
    if (it->kind == ITEM_TEXT) {
        if (it->g1 > it->g0)
            draw_text(cr, ft, d, t, it);
        return;
    }
    if (it->kind == ITEM_LINK) /* an area, not ink: PDF links are added by pdf.c */
        return;
    double x0 = into_bleed(it->x0, l->page_width, bleed);
    double x1 = into_bleed(it->x1, l->page_width, bleed);
    double y0 = into_bleed(it->y0, l->page_height, bleed);
    double y1 = into_bleed(it->y1, l->page_height, bleed);
    cairo_set_line_width(cr, pt(it->weight));
    if (it->kind == ITEM_RULE) {
        cairo_move_to(cr, x0, y0);
        cairo_line_to(cr, x1, y1);
    } else {
        cairo_rectangle(cr, x0, y0, x1 - x0, y1 - y0);
    }
    cairo_stroke(cr);
}

/* ---- page size and crop marks ------------------------------------------ */

/* Crop marks: they start MARK_GAP beyond the bleed edge, run MARK_LEN
 * outwards and leave MARK_PAPER of paper beyond their end (points). */
enum { MARK_GAP = 3, MARK_LEN = 15, MARK_PAPER = 3 };
static const double mark_weight = 0.25; /* pt, the usual hairline for trim marks */

double trim_offset(const Layout *l, const RenderOpts *o)
{
    if (!o->print && !o->proof)
        return 0;
    return pt(l->bleed) + (o->marks ? MARK_GAP + MARK_LEN + MARK_PAPER : 0);
}

/* Trim marks at the four corners, outside the bleed, in page coordinates
 * (origin at the trim's top-left); rgb NULL: in the current colour. */
static void draw_marks(cairo_t *cr, const Layout *l, const double *rgb)
{
    double w = pt(l->page_width), h = pt(l->page_height);
    double a = pt(l->bleed) + MARK_GAP, b = a + MARK_LEN;
    double xs[2] = {0, w}, ys[2] = {0, h};
    if (rgb)
        cairo_set_source_rgb(cr, rgb[0], rgb[1], rgb[2]);
    cairo_set_line_width(cr, mark_weight);
    for (int cx = 0; cx < 2; cx++) {
        for (int cy = 0; cy < 2; cy++) {
            double sx = cx ? 1 : -1, sy = cy ? 1 : -1;
            cairo_move_to(cr, xs[cx] + sx * a, ys[cy]);
            cairo_line_to(cr, xs[cx] + sx * b, ys[cy]);
            cairo_move_to(cr, xs[cx], ys[cy] + sy * a);
            cairo_line_to(cr, xs[cx], ys[cy] + sy * b);
        }
    }
    cairo_stroke(cr);
}

void draw_page(cairo_t *cr, FaceTable *ft, Diag *d, const TextCtx *t, const Layout *l,
               const Page *pg, const RenderOpts *o)
{
    double bleed = o->print ? pt(l->bleed) : 0;
    cairo_set_source_rgb(cr, 0, 0, 0);
    for (int i = 0; i < pg->n_items; i++)
        draw_item(cr, ft, d, t, l, &pg->item[i], bleed);
    if (o->print && o->marks)
        draw_marks(cr, l, o->mark_rgb);
}

void set_font_options(cairo_t *cr)
{
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
}

/* ---- PNG -------------------------------------------------------------- */

/* Page i as a PNG: the page the PDF of the same options has (trim, or
 * trim + bleed and the marks' room: trim_offset), drawn as it draws it; a
 * proof's (pf not NULL) marks under and over the items. */
static bool write_png(Diag *d, const Pages *p, const TextCtx *t, FaceTable *ft,
                      const RenderOpts *o, const Proof *pf, int i, const char *dir, int dpi)
{
    const Layout *l = p->layout;
    double scale = dpi / 72.0, offset = trim_offset(l, o);
    int w = (int)((pt(l->page_width) + 2 * offset) * scale + 0.5);
    int h = (int)((pt(l->page_height) + 2 * offset) * scale + 0.5);
    cairo_surface_t *img = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
    cairo_t *cr = cairo_create(img);
    cairo_set_source_rgb(cr, 1, 1, 1);
    cairo_paint(cr);
    cairo_scale(cr, scale, scale);
    cairo_translate(cr, offset, offset);
    set_font_options(cr);
    if (pf)
        proof_under(cr, pf, i);
    draw_page(cr, ft, d, t, l, &p->page[i], o);
    if (pf)
        proof_over(cr, pf, i);
    cairo_destroy(cr);
    /* Each picture appears whole or not at all, as the PDF does. */
    Buf path;
    buf_init(&path);
    buf_printf(&path, "%s/page-%03d.png", dir, i + 1);
    AtomicFile f = {0};
    const char *tmp = atomic_begin(&f, d, buf_str(&path));
    cairo_status_t st = tmp ? cairo_surface_write_to_png(img, tmp) : CAIRO_STATUS_WRITE_ERROR;
    if (tmp && st != CAIRO_STATUS_SUCCESS)
        diag_error(d, srcloc_file(buf_str(&path)), "cannot write: %s", cairo_status_to_string(st));
    bool ok = tmp && st == CAIRO_STATUS_SUCCESS && atomic_commit(&f, d);
    if (!ok)
        atomic_abort(&f);
    cairo_surface_destroy(img);
    buf_fini(&path);
    return ok;
}

bool render_png(Diag *d, const Pages *p, const TextCtx *t, const RenderOpts *o, const char *dir,
                int dpi)
{
    static const RenderOpts plain = {0};
    if (!o)
        o = &plain;
    FaceTable ft;
    if (!faces_init(&ft, t))
        return false;
    Proof *pf = o->proof ? proof_new(d, p, t, &ft, o) : NULL;
    bool ok = true;
    for (int i = 0; i < p->n_pages && ok; i++) {
        ok = write_png(d, p, t, &ft, o, pf, i, dir, dpi);
        progress_step("writing PNG page", i + 1, p->n_pages);
    }
    proof_free(pf);
    faces_fini(&ft);
    return ok;
}
