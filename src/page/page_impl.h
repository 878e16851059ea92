/* page_impl.h - internals shared by the page stage's files. */
#ifndef REPRINT_PAGE_IMPL_H
#define REPRINT_PAGE_IMPL_H

#include "page.h"

/* Noto CJK's ideographic em box sits 0.88 em above the baseline and 0.12
 * below; centring that box in a grid band puts every face on the grid. */
#define CJK_ASCENT 880

typedef struct Composer {
    Diag *d;
    const Doc *doc;
    const Layout *l;
    TextCtx *t;
    Pages *p;
    int cur;                /* index of the page that receives items */
    int line;               /* next free grid line on the current page */
    const Section *section; /* being composed */
    const char *label;      /* running-head label for new pages */
    bool first_fit;         /* break lines first-fit (for comparison) */
    int article;            /* index into Pages.mark of the article being set; -1: none */
    int next_need;          /* grid lines the next article needs below the current one's
                               end to start on the same page (the gap, its headline and
                               its first lines); 0: none, or one that floats */
    bool section_end;       /* the article being set is its section's last: its last
                               page's foot stays empty (the next section starts a page) */
    int composed, articles; /* articles composed so far, of all (progress) */
} Composer;

typedef void (*MarkFn)(Composer *c, const Section *s, const Article *a);

Page *compose_new_page(Composer *c);
Page *compose_page(Composer *c);
PageItem *compose_item(Composer *c, ItemKind kind);
int32_t compose_area_left(const Composer *c);
int32_t compose_area_width(const Composer *c);
int32_t compose_baseline(const Composer *c, int k, int lines, int32_t size);
ParaLines *compose_set(Composer *c, const char *text, int len, const TextSpan *spans, int n_spans,
                       int32_t measure, Align align, int32_t indent, SrcLoc at);
/* Breaks shaped text s (again) into lines: looseness as in ParaOpts. */
ParaLines *compose_break(Composer *c, const Shaped *s, int32_t measure, Align align,
                         int32_t indent, int looseness, SrcLoc at);
/* Records a set paragraph that goes on the pages (for --dump=lines/runs). */
int compose_keep(Composer *c, const ParaLines *pl); /* returns its slot in Pages.para */
ParaLines *compose_set_role(Composer *c, const char *text, RoleId role, int32_t measure, SrcLoc at);
void compose_place_line(Composer *c, const ParaLines *pl, int i, int32_t x, int32_t y, RoleId role,
                        int grid_line);
void compose_rule(Composer *c, int32_t x0, int32_t y0, int32_t x1, int32_t y1, int32_t weight);
void compose_double_rule(Composer *c, int32_t y);

/* article.c */
void compose_section_opener(Composer *c, const Section *s);
/* Sets article a from the current grid line. A box that does not fit
 * on the page is, with float_box, not set (returns false): the caller
 * sets it later, where it fits. */
bool compose_article(Composer *c, const Section *s, const Article *a, MarkFn mark, bool float_box);
/* The grid lines article a needs below the end of the one before it to
 * start on the same page (see Composer.next_need); nothing is kept. */
int compose_article_need(Composer *c, const Section *s, const Article *a);

/* front.c */
void front_reserve(Composer *c);
void front_compose(Composer *c);

/* headbreak.c */
#define HEAD_LINES 4 /* lines of a head that head_lines breaks at its pauses */
/* Sets a head (or a line of the contents) in role's face at measure,
 * aligned, with no indent. Where it takes two to HEAD_LINES lines, they
 * break where it pauses (after a comma, an enumeration mark, a colon…) if
 * every part then is one line and the head no longer; else as the line
 * breaker sets it. */
ParaLines *head_lines(Composer *c, const char *text, RoleId role, int32_t measure, Align align,
                      SrcLoc at);

/* heads.c */
void heads_add(Composer *c);

#endif
