/* subset.c - a face cut down to the glyphs a document uses (hb-subset).
 *
 * Cairo 1.16 embeds a font by reading its whole CFF table (17.6 MB for a
 * Noto CJK face, twice) and maps every new glyph back to a character
 * through the cmap; handed a face that holds only the glyphs the pages
 * draw, the same work takes a fraction of the time and memory
 * (docs/performance.md). Layout tables go (the text is shaped already),
 * CFF charstrings are flattened (HarfBuzz 6.0 subsets subroutines slowly,
 * and Cairo's own subsetter then has none to walk), hinting stays.
 *
 * Each call opens its own HarfBuzz face from the file and shares nothing
 * with the shaping state, so calls for different faces may run on
 * different threads at once.
 */
#include "text_impl.h"

#include <hb-subset.h>
#include <stdlib.h>
#include <string.h>

/* Tables a PDF embedding never reads (layout, vertical metrics: the text
 * is shaped and set horizontally). */
static const char *const dropped_tables[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH",
                                             "VORG", "vhea", "vmtx", "DSIG", "meta", "STAT"};

/* What to keep. hb-subset keeps, for every glyph asked for by id, each
 * code point that maps to it (月 U+6708 brings ⽉ U+2F49 along), and a PDF
 * writer that maps a glyph back to a character through the cmap may then
 * pick the wrong one (Cairo 1.16 did, for 104 characters of the bundled
 * issue, even with the whole face). So a glyph that is the nominal glyph
 * of a character the text set is asked for through that character, which
 * keeps the cmap to the document's own characters; only the others (forms
 * chosen by shaping: full-width quotes, dashes) go in by id. */
static void fill_input(hb_face_t *face, hb_subset_input_t *in, const uint32_t *gids,
                       size_t n_gids, const uint32_t *cps, size_t n_cps)
{
    hb_set_t *by_id = hb_set_create(), *nominal = hb_set_create();
    for (size_t i = 0; i < n_gids; i++)
        hb_set_add(by_id, gids[i]);
    hb_font_t *font = hb_font_create(face);
    hb_set_t *unicodes = hb_subset_input_unicode_set(in);
    for (size_t i = 0; i < n_cps; i++) {
        hb_codepoint_t g;
        if (hb_font_get_nominal_glyph(font, cps[i], &g) && hb_set_has(by_id, g)) {
            hb_set_add(unicodes, cps[i]);
            hb_set_add(nominal, g);
        }
    }
    hb_font_destroy(font);
    hb_set_subtract(by_id, nominal);
    hb_set_union(hb_subset_input_glyph_set(in), by_id);
    hb_set_destroy(by_id);
    hb_set_destroy(nominal);
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_DESUBROUTINIZE);
    hb_set_t *drop = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof dropped_tables / sizeof dropped_tables[0]; i++)
        hb_set_add(drop, hb_tag_from_string(dropped_tables[i], 4));
}

/* The bytes of the cut face, and the new id of each glyph asked for;
 * NULL if any of them did not make it. */
static unsigned char *cut(hb_face_t *face, const hb_subset_input_t *in, const uint32_t *gids,
                          size_t n_gids, uint32_t *new_ids, size_t *len)
{
    hb_subset_plan_t *plan = hb_subset_plan_create_or_fail(face, in);
    if (!plan)
        return NULL;
    const hb_map_t *map = hb_subset_plan_old_to_new_glyph_mapping(plan);
    bool all = true;
    for (size_t i = 0; i < n_gids; i++)
        all &= (new_ids[i] = hb_map_get(map, gids[i])) != HB_MAP_VALUE_INVALID;
    hb_face_t *sub = all ? hb_subset_plan_execute_or_fail(plan) : NULL;
    hb_subset_plan_destroy(plan);
    hb_blob_t *blob = sub ? hb_face_reference_blob(sub) : NULL;
    unsigned blob_len = 0;
    const char *data = blob ? hb_blob_get_data(blob, &blob_len) : NULL;
    unsigned char *out = NULL;
    if (data && blob_len) {
        out = xmalloc(blob_len);
        memcpy(out, data, blob_len);
        *len = blob_len;
    }
    hb_blob_destroy(blob);
    hb_face_destroy(sub);
    return out;
}

unsigned char *text_subset_face(const TextCtx *t, int face_id, const uint32_t *gids,
                                size_t n_gids, const uint32_t *cps, size_t n_cps,
                                uint32_t *new_ids, size_t *len)
{
    const FontFace *f = text_face(t, face_id);
    hb_blob_t *blob = hb_blob_create_from_file_or_fail(f->file);
    if (!blob)
        return NULL;
    hb_face_t *face = hb_face_create(blob, (unsigned)f->index);
    hb_blob_destroy(blob);
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    unsigned char *out = NULL;
    if (in) {
        fill_input(face, in, gids, n_gids, cps, n_cps);
        out = cut(face, in, gids, n_gids, new_ids, len);
        hb_subset_input_destroy(in);
    }
    hb_face_destroy(face);
    return out;
}
