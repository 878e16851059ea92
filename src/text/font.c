/* font.c - the project's fontconfig configuration and the face table.
 *
 * Output must not depend on what else a machine has installed, so the
 * configuration (fonts/fonts.conf) names the font directories itself and
 * each role's family is matched exactly: fontconfig always returns *some*
 * font, so a match whose family differs from the request is reported as a
 * missing face.
 */
#include "text_impl.h"

#include <stdlib.h>
#include <string.h>

static bool family_matches(FcPattern *font, const char *family)
{
    FcChar8 *name;
    for (int i = 0; FcPatternGetString(font, FC_FAMILY, i, &name) == FcResultMatch; i++)
        if (strcmp((const char *)name, family) == 0)
            return true;
    return false;
}

/* Returns the face id of (file, index), adding it to the table if new. */
int font_face_id(TextCtx *t, const char *file, int index, const char *family, const char *style)
{
    for (int i = 0; i < t->n_faces; i++)
        if (t->face[i].index == index && strcmp(t->face[i].file, file) == 0)
            return i;
    if (t->n_faces == MAX_FACES)
        return 0;
    FontFace *f = &t->face[t->n_faces];
    f->file = xstrdup(file);
    f->index = index;
    f->family = xstrdup(family);
    f->style = xstrdup(style ? style : "");
    return t->n_faces++;
}

/* Resolves one role to a face file; false after reporting a missing face. */
static bool resolve_role(TextCtx *t, Diag *d, const Layout *l, RoleId id)
{
    const Role *r = &l->role[id];
    FcPattern *pat = FcPatternCreate();
    FcPatternAddString(pat, FC_FAMILY, (const FcChar8 *)r->family);
    FcPatternAddInteger(pat, FC_WEIGHT, FcWeightFromOpenType(r->weight));
    FcConfigSubstitute(t->config, pat, FcMatchPattern);
    FcDefaultSubstitute(pat);
    FcResult res;
    FcPattern *font = FcFontMatch(t->config, pat, &res);
    FcPatternDestroy(pat);
    bool ok = font && family_matches(font, r->family);
    if (!ok) {
        diag_error(d, srcloc_file(l->path),
                   "role \"%s\": font family \"%s\" is not installed (see fonts/fonts.conf)",
                   r->name, r->family);
    } else {
        FcChar8 *file = NULL, *style = NULL;
        int index = 0;
        FcPatternGetString(font, FC_FILE, 0, &file);
        FcPatternGetString(font, FC_STYLE, 0, &style);
        FcPatternGetInteger(font, FC_INDEX, 0, &index);
        t->role_face[id] = font_face_id(t, (const char *)file, index, r->family,
                                        (const char *)style);
    }
    if (font)
        FcPatternDestroy(font);
    return ok;
}

static FcConfig *load_config(Diag *d, const char *conf_path)
{
    FcConfig *config = FcConfigCreate();
    if (!FcConfigParseAndLoad(config, (const FcChar8 *)conf_path, FcTrue) ||
        !FcConfigBuildFonts(config)) {
        diag_error(d, srcloc_file(conf_path), "cannot load the font configuration");
        FcConfigDestroy(config);
        return NULL;
    }
    return config;
}

/* Metrics must be the design's, not hinted to a pixel grid. */
static void unhinted(FcPattern *pattern, gpointer data)
{
    (void)data;
    FcPatternDel(pattern, FC_HINTING);
    FcPatternAddBool(pattern, FC_HINTING, FcFalse);
}

TextCtx *text_open(Diag *d, const char *conf_path, const Layout *layout, const char *language)
{
    FcConfig *config = load_config(d, conf_path);
    if (!config)
        return NULL;
    TextCtx *t = xcalloc(1, sizeof(TextCtx));
    t->config = config;
    t->layout = layout;
    bool ok = true;
    for (int i = 0; i < ROLE_COUNT; i++)
        ok &= resolve_role(t, d, layout, (RoleId)i);
    if (!ok) {
        text_close(t);
        return NULL;
    }
    PangoFontMap *fm = pango_ft2_font_map_new();
    pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(fm), config);
    FcConfigDestroy(config); /* the font map holds its own reference now */
    pango_ft2_font_map_set_resolution(PANGO_FT2_FONT_MAP(fm), 72, 72);
    pango_fc_font_map_set_default_substitute(PANGO_FC_FONT_MAP(fm), unhinted, NULL, NULL);
    t->fontmap = fm;
    t->context = pango_font_map_create_context(fm);
    pango_context_set_language(t->context, pango_language_from_string(language));
    pango_context_set_round_glyph_positions(t->context, FALSE);
    for (int i = 0; i < ROLE_COUNT; i++)
        t->desc[i] = font_description(&layout->role[i]);
    return t;
}

PangoFontDescription *font_description(const Role *r)
{
    PangoFontDescription *desc = pango_font_description_new();
    pango_font_description_set_family(desc, r->family);
    pango_font_description_set_weight(desc, (PangoWeight)r->weight);
    pango_font_description_set_absolute_size(desc, r->size);
    return desc;
}

void text_close(TextCtx *t)
{
    if (!t)
        return;
    for (int i = 0; i < ROLE_COUNT; i++)
        if (t->desc[i])
            pango_font_description_free(t->desc[i]);
    if (t->context)
        g_object_unref(t->context);
    if (t->fontmap) {
        /* Pango 1.50 does not release the configuration when the font map
         * goes; handing it back explicitly does (set_config drops the
         * reference it took on the old one). */
        pango_fc_font_map_shutdown(PANGO_FC_FONT_MAP(t->fontmap));
        pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(t->fontmap), NULL);
        g_object_unref(t->fontmap);
    }
    else if (t->config)
        FcConfigDestroy(t->config);
    for (int i = 0; i < t->n_faces; i++) {
        free((char *)t->face[i].file);
        free((char *)t->face[i].family);
        free((char *)t->face[i].style);
    }
    free(t);
}

int text_face_count(const TextCtx *t)
{
    return t->n_faces;
}

const FontFace *text_face(const TextCtx *t, int id)
{
    return &t->face[id];
}

const FontFace *text_role_face(const TextCtx *t, RoleId role)
{
    return &t->face[t->role_face[role]];
}
