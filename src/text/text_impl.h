/* text_impl.h - internals shared by the text stage's files. */
#ifndef REPRINT_TEXT_IMPL_H
#define REPRINT_TEXT_IMPL_H

#include "text.h"

#include <fontconfig/fontconfig.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>
#include <pango/pangoft2.h>

#define MAX_FACES 64
#define BLANK_CACHE 1024 /* (role, size, character) → blank; a power of two */

typedef struct BlankEntry {
    int32_t cp;    /* 0: empty slot */
    int32_t size;
    int role;
    int32_t blank; /* units */
} BlankEntry;

struct TextCtx {
    FcConfig *config;       /* owned until handed to the font map */
    PangoFontMap *fontmap;  /* owns config once set */
    PangoContext *context;
    const Layout *layout;   /* borrowed */
    PangoFontDescription *desc[ROLE_COUNT];
    int role_face[ROLE_COUNT];
    FontFace face[MAX_FACES];
    int n_faces;
    BlankEntry blank[BLANK_CACHE]; /* what 'halt' takes off each mark, per role and size */
};

int font_face_id(TextCtx *t, const char *file, int index, const char *family, const char *style);
PangoFontDescription *font_description(const Role *r);

#endif
