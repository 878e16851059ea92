/* shape.c - a paragraph → glyphs, shaped once with Pango/HarfBuzz.
 *
 * Pango itemizes by script and font (the spans give each stretch its
 * role's font description) and HarfBuzz shapes each item. We keep what the
 * later stages need and nothing of Pango: glyph id, advance, offsets, the
 * cluster's byte offset and its character class.
 */
#include "text_impl.h"

#include <string.h>

#include "base/utf8.h"
#include "charclass.h"

typedef struct GlyphVec {
    Glyph *g;
    int n, cap;
} GlyphVec;

static Glyph *push_glyph(GlyphVec *v)
{
    if (v->n == v->cap) {
        v->cap = v->cap ? v->cap * 2 : 256;
        v->g = xrealloc(v->g, sizeof(Glyph) * (size_t)v->cap);
    }
    Glyph *g = &v->g[v->n++];
    memset(g, 0, sizeof *g); /* every field defined, whatever add_item sets */
    return g;
}

static PangoAttrList *span_attrs(TextCtx *t, const TextSpan *spans, int n_spans)
{
    PangoAttrList *attrs = pango_attr_list_new();
    for (int i = 0; i < n_spans; i++) {
        PangoAttribute *a = pango_attr_font_desc_new(t->desc[spans[i].role]);
        a->start_index = (guint)spans[i].start;
        a->end_index = (guint)spans[i].end;
        pango_attr_list_insert(attrs, a);
        if (spans[i].size) {
            a = pango_attr_size_new_absolute(spans[i].size);
            a->start_index = (guint)spans[i].start;
            a->end_index = (guint)spans[i].end;
            pango_attr_list_insert(attrs, a);
        }
        if (spans[i].features) {
            a = pango_attr_font_features_new(spans[i].features);
            a->start_index = (guint)spans[i].start;
            a->end_index = (guint)spans[i].end;
            pango_attr_list_insert(attrs, a);
        }
    }
    return attrs;
}

static const TextSpan *span_at(const TextSpan *spans, int n_spans, int byte)
{
    for (int i = 0; i < n_spans; i++)
        if (byte >= spans[i].start && byte < spans[i].end)
            return &spans[i];
    return n_spans ? &spans[0] : NULL;
}

/* Face id of the font Pango chose for an item. */
static int item_face(TextCtx *t, PangoFont *font)
{
    FcPattern *p = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
    FcChar8 *file = NULL, *family = NULL, *style = NULL;
    int index = 0;
    FcPatternGetString(p, FC_FILE, 0, &file);
    FcPatternGetString(p, FC_FAMILY, 0, &family);
    FcPatternGetString(p, FC_STYLE, 0, &style);
    FcPatternGetInteger(p, FC_INDEX, 0, &index);
    return font_face_id(t, file ? (const char *)file : "", index,
                        family ? (const char *)family : "", (const char *)style);
}

/* ---- punctuation blanks ------------------------------------------------- */

/* Advance of cp alone in role at size, with the given OpenType features. */
static int32_t lone_advance(TextCtx *t, RoleId role, int32_t size, int32_t cp, const char *feat)
{
    char text[8];
    int len = utf8_encode(cp, text);
    PangoAttrList *attrs = pango_attr_list_new();
    pango_attr_list_insert(attrs, pango_attr_font_desc_new(t->desc[role]));
    pango_attr_list_insert(attrs, pango_attr_size_new_absolute(size));
    if (feat)
        pango_attr_list_insert(attrs, pango_attr_font_features_new(feat));
    GList *items = pango_itemize(t->context, text, 0, len, attrs, NULL);
    int32_t advance = 0;
    PangoGlyphString *gs = pango_glyph_string_new();
    for (GList *l = items; l; l = l->next) {
        PangoItem *item = l->data;
        pango_shape_with_flags(text + item->offset, item->length, text, len, &item->analysis, gs,
                               PANGO_SHAPE_NONE);
        for (int i = 0; i < gs->num_glyphs; i++)
            advance += gs->glyphs[i].geometry.width;
        pango_item_free(item);
    }
    g_list_free(items);
    pango_glyph_string_free(gs);
    pango_attr_list_unref(attrs);
    return advance;
}

/* How much of a mark's advance is blank and may be compressed: what the
 * face's 'halt' (half-width alternates) takes off it. A face without halt
 * for the mark (a proportional quote, say) gives 0: nothing to compress. */
static int32_t mark_blank(TextCtx *t, RoleId role, int32_t size, int32_t cp)
{
    unsigned h = ((unsigned)cp * 2654435761u ^ (unsigned)size * 40503u ^ (unsigned)role) &
                 (BLANK_CACHE - 1);
    for (int probe = 0; probe < BLANK_CACHE; probe++, h = (h + 1) & (BLANK_CACHE - 1)) {
        BlankEntry *e = &t->blank[h];
        if (e->cp == cp && e->size == size && e->role == (int)role)
            return e->blank;
        if (e->cp == 0) {
            int32_t full = lone_advance(t, role, size, cp, NULL);
            int32_t half = lone_advance(t, role, size, cp, "halt 1");
            *e = (BlankEntry){cp, size, (int)role, full > half ? full - half : 0};
            return e->blank;
        }
    }
    return 0; /* cache full: no compression rather than a wrong one */
}

bool text_glyph_missing(const TextCtx *t, const Glyph *g)
{
    /* a cluster's first glyph stands for its character; spaces and format
     * characters need none */
    if (!g->cluster_start || (g->cls & (CC_SPACE | CC_NO_GLYPH_OK)))
        return false;
    return g->id == 0 || g->face != t->role_face[g->role];
}

static void warn_no_glyph(Diag *d, SrcLoc at, const char *text, int byte, int32_t cp,
                          const char *family)
{
    at.col += utf8_count(text, (size_t)byte);
    diag_warn(d, at, "no glyph for U+%04X in \"%s\"", (unsigned)cp, family);
}

typedef struct ShapeJob {
    TextCtx *t;
    Diag *d;
    const char *text;
    int len;
    const TextSpan *spans;
    int n_spans;
    SrcLoc at;
    GlyphVec out;
} ShapeJob;

static void add_item(ShapeJob *job, PangoItem *item, PangoGlyphString *gs)
{
    int face = item_face(job->t, item->analysis.font);
    for (int i = 0; i < gs->num_glyphs; i++) {
        Glyph *g = push_glyph(&job->out);
        PangoGlyphInfo *gi = &gs->glyphs[i];
        int byte = item->offset + gs->log_clusters[i];
        int n;
        g->cp = utf8_decode(job->text + byte, (size_t)(job->len - byte), &n);
        g->cls = charclass_of(g->cp);
        g->id = gi->glyph;
        g->advance = gi->geometry.width;
        g->x_offset = gi->geometry.x_offset;
        g->y_offset = gi->geometry.y_offset;
        g->byte = byte;
        g->face = (int16_t)face;
        const TextSpan *span = span_at(job->spans, job->n_spans, byte);
        g->role = (int16_t)(span ? span->role : ROLE_BODY);
        g->size = span && span->size ? span->size : job->t->layout->role[g->role].size;
        g->cluster_start = gi->attr.is_cluster_start;
        if (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG)
            g->id = 0;
        if (text_glyph_missing(job->t, g))
            warn_no_glyph(job->d, job->at, job->text, byte, g->cp,
                          job->t->layout->role[g->role].family);
        if (g->cluster_start && (g->cls & (CC_BLANK_LEFT | CC_BLANK_RIGHT)))
            g->blank = mark_blank(job->t, (RoleId)g->role, g->size, g->cp);
    }
}

Shaped *text_shape(TextCtx *t, Arena *arena, Diag *d, const char *text, int len,
                   const TextSpan *spans, int n_spans, SrcLoc at)
{
    ShapeJob job = {t, d, text, len, spans, n_spans, at, {0}};
    PangoAttrList *attrs = span_attrs(t, spans, n_spans);
    GList *items = pango_itemize(t->context, text, 0, len, attrs, NULL);
    PangoGlyphString *gs = pango_glyph_string_new();
    for (GList *l = items; l; l = l->next) {
        PangoItem *item = l->data;
        pango_shape_with_flags(text + item->offset, item->length, text, len, &item->analysis,
                               gs, PANGO_SHAPE_NONE);
        add_item(&job, item, gs);
        pango_item_free(item);
    }
    g_list_free(items);
    pango_glyph_string_free(gs);
    pango_attr_list_unref(attrs);
    Shaped *s = ARENA_NEW(arena, Shaped);
    s->text = text;
    s->len = len;
    s->n = job.out.n;
    s->glyph = ARENA_ARRAY(arena, Glyph, job.out.n);
    if (job.out.n)
        memcpy(s->glyph, job.out.g, sizeof(Glyph) * (size_t)job.out.n);
    free(job.out.g);
    return s;
}

void text_dump_runs(const Shaped *s, const TextCtx *t, FILE *out)
{
    int i = 0;
    while (i < s->n) {
        int j = i;
        while (j < s->n && s->glyph[j].face == s->glyph[i].face &&
               s->glyph[j].role == s->glyph[i].role)
            j++;
        int end = j < s->n ? s->glyph[j].byte : s->len;
        const FontFace *f = text_face(t, s->glyph[i].face);
        fprintf(out, "run %s/%s %.2fpt %d glyphs \"%.*s\" adv", f->family, f->style,
                s->glyph[i].size / 1024.0, j - i, end - s->glyph[i].byte, s->text + s->glyph[i].byte);
        for (int k = i; k < j; k++)
            fprintf(out, " %d", s->glyph[k].advance);
        fputc('\n', out);
        i = j;
    }
}
