/* page.h - composing the issue into pages.
 *
 * Input: the document tree, the layout and the text stage (to shape what
 * it places). Output: pages of positioned items in page coordinates
 * (units, origin at the trim's top-left, y down). Every body line sits on
 * the page's baseline grid: grid line k of the type area has its em box
 * centred in the band [top + k·pitch, top + (k+1)·pitch). Headline blocks,
 * heads and notes take whole grid lines, so neighbouring columns always
 * share baselines.
 */
#ifndef REPRINT_PAGE_H
#define REPRINT_PAGE_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

#include "base/arena.h"
#include "base/diag.h"
#include "doc/doc.h"
#include "para/para.h"
#include "style/style.h"
#include "text/text.h"

typedef enum ItemKind {
    ITEM_TEXT,  /* glyphs */
    ITEM_RULE,  /* a line */
    ITEM_FRAME, /* a rectangle (boxes) */
    ITEM_LINK   /* an area that links to the start of article `target` (contents page) */
} ItemKind;

typedef struct PageItem {
    ItemKind kind;
    /* ITEM_TEXT: glyphs [g0, g1) of s at (x[i], y[i]) (baseline origin) */
    const Shaped *s;
    int g0, g1;
    int32_t *x, *y;
    RoleId role;
    int grid_line;         /* body lines: the grid line they sit on; -1 otherwise */
    /* ITEM_RULE: a line from (x0,y0) to (x1,y1); ITEM_FRAME, ITEM_LINK: a rectangle */
    int32_t x0, y0, x1, y1, weight;
    int article;           /* index into Pages.mark of the article it belongs to; -1: furniture */
    int target;            /* ITEM_LINK: index into Pages.mark */
} PageItem;

typedef struct Page {
    int folio;             /* printed page number; 0 for the front matter (cover,
                              contents on 封二), which is not numbered */
    const char *label;     /* running-head section or article title */
    PageItem *item;
    int n_items, cap_items;
} Page;

/* One outline entry: an article and the page it starts on. */
typedef struct PageMark {
    const Article *article;
    const Section *section;
    int page;              /* index into Pages.page */
} PageMark;

typedef struct Pages {
    Arena arena;           /* owns pages, items, shaped text and lines */
    Page *page;
    int n_pages, cap_pages;
    PageMark *mark;
    int n_marks, cap_marks;
    const ParaLines **para; /* every paragraph set, in order (for --dump=lines) */
    int n_paras, cap_paras;
    const Layout *layout;
    int n_front;           /* pages before page 1 (cover, contents, a blank to
                              keep page 1 a right-hand page); folio 0 */
    int cover_page;        /* index of the cover, -1 if none */
    int contents_page;     /* index of the (first) contents page, -1 if none */
    int n_contents;        /* pages the contents take */
} Pages;

/* Composes the whole issue. Warnings and errors go through d. first_fit
 * breaks lines greedily instead of by total fit (to compare the two).
 * Free with page_free(). */
Pages *page_build(Diag *d, const Doc *doc, const Layout *layout, TextCtx *text, bool first_fit);
void page_free(Pages *p);

/* Page index 0 (page 1) is a right-hand (odd) page, and so every other one. */
static inline bool page_is_right_hand(int page)
{
    return page % 2 == 0;
}

/* Left edge of the type area of page index `page` (from the trim's left):
 * the inner margin on a right-hand page, the outer one on a left-hand page. */
int32_t page_area_left(const Layout *l, int page);

/* --dump=pages: per page its folio, label and items (text, position). */
void page_dump(const Pages *p, FILE *out);

/* --dump=lines: every paragraph's lines as para_dump_lines prints them. */
void page_dump_lines(const Pages *p, FILE *out);

#endif
