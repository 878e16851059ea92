/* style.h - a design (layout/NAME.yaml) resolved into page geometry and roles.
 *
 * Every number of the design comes from the layout file; nothing here has
 * a default that a design would want to change silently, so missing keys
 * are errors. Geometry is in Pango units (1/1024 pt) throughout.
 */
#ifndef REPRINT_STYLE_H
#define REPRINT_STYLE_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/diag.h"

#define STYLE_UNIT 1024 /* units per point, the same as PANGO_SCALE */

typedef enum RoleId {
    ROLE_BODY,
    ROLE_KICKER,
    ROLE_TITLE,
    ROLE_SUBTITLE,
    ROLE_BYLINE,
    ROLE_HEADING,
    ROLE_SUBHEADING,
    ROLE_RUNIN,
    ROLE_EDITOR_NOTE,
    ROLE_SOURCE,
    ROLE_NOTES,
    ROLE_BOX_TITLE,
    ROLE_BOX_BODY,
    ROLE_RUNNING_HEAD,
    ROLE_FOLIO,
    ROLE_SECTION_HEAD,
    ROLE_COUNT
} RoleId;

typedef enum Align { ALIGN_JUSTIFY, ALIGN_LEFT, ALIGN_CENTER, ALIGN_RIGHT } Align;

typedef struct Role {
    const char *name;   /* as in the layout file */
    const char *family; /* fontconfig family name, e.g. "Noto Serif CJK SC" */
    int weight;         /* CSS/fontconfig-style weight: 400 regular, 700 bold */
    int32_t size;       /* font size */
    int lines;          /* grid lines each printed line of this role occupies */
    int space_before;   /* grid lines left empty above the role's block */
    int space_after;    /* grid lines left empty below it */
    int indent;         /* first-line indent in characters (em of this size) */
    Align align;
    bool defined;       /* the layout file defines this role */
} Role;

/* Punctuation widths (clreq §3.1.6): 行末半角 (default), 全角, 开明, none. */
typedef enum PunctStyle { PUNCT_LINE_END_HALF, PUNCT_FULL, PUNCT_KAIMING, PUNCT_NONE } PunctStyle;

typedef enum HeadMode { HEADS_VERTICAL, HEADS_HORIZONTAL } HeadMode;

typedef struct Layout {
    const char *path;
    const char *name;
    /* page */
    int32_t page_width, page_height, bleed;
    int32_t margin_top, margin_bottom, margin_inner, margin_outer;
    /* body grid */
    int32_t line_pitch;  /* baseline to baseline */
    int chars_per_line;  /* the full measure, in body characters */
    int columns;         /* default columns of an article */
    int gutter;          /* between columns, in body characters */
    int lines_per_page;  /* computed: grid lines in the type area */
    PunctStyle punct;    /* punctuation style of all text */
    /* running heads */
    HeadMode heads;
    int32_t head_offset; /* distance of vertical heads from the type area (outer margin) */
    Role role[ROLE_COUNT];
    /* front matter (optional keys `cover` and `contents`): pages before
     * page 1 of the body, without folios */
    bool cover;              /* a typographic cover (封面) from the manifest */
    int32_t cover_masthead;  /* size of the magazine's name (title face) */
    int32_t cover_lead_size; /* size of the lead titles (title face) */
    int cover_leads;         /* how many articles the cover names */
    bool contents;           /* a contents page (目录) on the cover's reverse (封二) */
    int contents_columns;    /* columns of its entries */
    const char *contents_title; /* its heading as printed (目　录); also its running head */
    /* print output (optional `print:`; only --print needs it) */
    const char *print_profile;   /* CMYK ICC profile of the press (relative to the layout) */
    const char *print_condition; /* its OutputConditionIdentifier, e.g. FOGRA39 */
} Layout;

/* Reads and checks a layout file; NULL after reporting errors through d. */
Layout *style_load(Arena *arena, Diag *d, const char *path);

/* Role name as used in layout files ("body", "kicker", …). */
const char *style_role_name(RoleId id);

/* Width of the measure for n of the layout's columns. */
int32_t style_column_width(const Layout *l, int columns);
/* Body character size (the em of the grid). */
static inline int32_t style_em(const Layout *l)
{
    return l->role[ROLE_BODY].size;
}

/* Width of the type area: the full measure of chars_per_line characters. */
static inline int32_t style_measure(const Layout *l)
{
    return (int32_t)l->chars_per_line * style_em(l);
}

#endif
