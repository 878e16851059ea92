/* synth.h - shaped text without fonts, for the line-breaker tests: every
 * CJK character is one em (10pt) wide, ASCII half an em; one glyph per
 * character, one cluster per glyph; full-width marks have a half-em blank. */
#ifndef REPRINT_TEST_SYNTH_H
#define REPRINT_TEST_SYNTH_H

#include <string.h>

#include "base/arena.h"
#include "base/utf8.h"
#include "text/charclass.h"
#include "text/text.h"

#define SYNTH_PT 1024
#define SYNTH_EM (10 * SYNTH_PT)

static inline Shaped *synth_shape(Arena *ar, const char *text)
{
    Shaped *s = ARENA_NEW(ar, Shaped);
    int len = (int)strlen(text);
    s->text = text;
    s->len = len;
    s->glyph = ARENA_ARRAY(ar, Glyph, len + 1);
    for (int i = 0; i < len;) {
        int n;
        int32_t cp = utf8_decode(text + i, (size_t)(len - i), &n);
        Glyph *g = &s->glyph[s->n++];
        g->cp = cp;
        g->cls = charclass_of(cp);
        g->advance = cp < 0x80 ? SYNTH_EM / 2 : SYNTH_EM;
        g->byte = i;
        g->size = SYNTH_EM;
        g->cluster_start = true;
        /* Like Noto CJK's 'halt': a full-width mark has a half-em blank. */
        if ((g->cls & (CC_BLANK_LEFT | CC_BLANK_RIGHT)) && cp >= 0x2000)
            g->blank = SYNTH_EM / 2;
        g->id = (uint32_t)cp;
        i += n;
    }
    return s;
}

#endif
