/* heads.c - running heads and folios on every page.
 *
 * Vertical mode follows the original issue: in the outer margin, one
 * upright character under the other, the magazine's name at the top, the
 * folio under it, the section name (or, where the issue printed none, the
 * article's title) in the middle, and 总第…期 on odd pages or the issue
 * (…年第…期) on even pages at the foot. Horizontal mode follows
 * GB/T 3179: magazine and issue on even pages, section on odd pages, above
 * the type area, with the folio at the outer foot.
 */
#include "page_impl.h"

#include <stdio.h>
#include <string.h>

static Shaped *shape_vertical(Composer *c, const char *text, RoleId role)
{
    /* 'vert' gives the vertical forms of brackets and punctuation. */
    TextSpan span = {.start = 0, .end = (int)strlen(text), .role = role, .features = "vert"};
    text = arena_strdup(&c->p->arena, text);
    return text_shape(c->t, &c->p->arena, c->d, text, span.end, &span, 1, srcloc_file(NULL));
}

static int count_clusters(const Shaped *s)
{
    int n = 0;
    for (int i = 0; i < s->n; i++)
        n += s->glyph[i].cluster_start || i == 0;
    return n;
}

/* Sets text in role and places its glyphs one under another from y (top
 * of the first character's em box), centred on x, within `room` (0: no
 * limit): a text that would run longer is set closer, down to touching
 * em boxes, and beyond that cut, ending in an ellipsis. Returns the y
 * below. */
static int32_t place_vertical(Composer *c, const char *text, RoleId role, int32_t x, int32_t y,
                              int32_t room)
{
    const Role *r = &c->l->role[role];
    Shaped *s = shape_vertical(c, text, role);
    int32_t step = r->size + r->size / 8;
    int n = count_clusters(s);
    if (room > 0 && n * step > room)
        step = room / n > r->size ? room / n : r->size;
    if (room > 0 && n * step > room && room / step >= 2) {
        int keep = (int)(room / step) - 1, k = -1, byte = s->len;
        for (int i = 0; i < s->n; i++)
            if ((s->glyph[i].cluster_start || i == 0) && ++k == keep) {
                byte = s->glyph[i].byte;
                break;
            }
        char *cut = arena_alloc(&c->p->arena, (size_t)byte + 4);
        memcpy(cut, s->text, (size_t)byte);
        memcpy(cut + byte, "\xe2\x80\xa6", 4); /* … (vertical: ︙) */
        s = shape_vertical(c, cut, role);
    }
    PageItem *it = compose_item(c, ITEM_TEXT);
    it->s = s, it->g0 = 0, it->g1 = s->n, it->role = role;
    it->x = ARENA_ARRAY(&c->p->arena, int32_t, s->n);
    it->y = ARENA_ARRAY(&c->p->arena, int32_t, s->n);
    for (int i = 0; i < s->n; i++) {
        if (s->glyph[i].cluster_start && i > 0)
            y += step;
        it->x[i] = x - s->glyph[i].advance / 2;
        it->y[i] = y + (int32_t)((int64_t)r->size * CJK_ASCENT / 1000);
    }
    return y + step;
}

static void place_horizontal(Composer *c, const char *text, RoleId role, int32_t x, int32_t base,
                             Align align)
{
    TextSpan span = {.start = 0, .end = (int)strlen(text), .role = role};
    ParaLines *pl = compose_set(c, text, span.end, &span, 1, compose_area_width(c), align, 0,
                                srcloc_file(NULL));
    compose_keep(c, pl);
    compose_place_line(c, pl, 0, x, base, role, -1);
}

static void vertical_heads(Composer *c, int pg)
{
    const Layout *l = c->l;
    const Page *page = &c->p->page[pg];
    bool odd = page_is_right_hand(pg);
    int32_t area_l = compose_area_left(c), area_r = area_l + compose_area_width(c);
    int32_t x = odd ? area_r + l->head_offset : area_l - l->head_offset;
    int32_t y = l->margin_top;
    y = place_vertical(c, c->doc->magazine, ROLE_RUNNING_HEAD, x, y, 0);
    y += l->role[ROLE_FOLIO].size / 2;
    const Role *fr = &l->role[ROLE_FOLIO];
    if (page->folio > 0) { /* the contents on 封二 has none */
        char folio[16];
        snprintf(folio, sizeof folio, "%d", page->folio);
        place_horizontal(c, folio, ROLE_FOLIO, x - compose_area_width(c) / 2,
                         y + (int32_t)((int64_t)fr->size * CJK_ASCENT / 1000), ALIGN_CENTER);
    }
    y += fr->size * 2;
    const char *foot = odd ? c->doc->serial : c->doc->issue;
    int n_chars = 0;
    for (const char *p = foot; *p; p++)
        n_chars += ((unsigned char)*p & 0xC0) != 0x80;
    const Role *r = &l->role[ROLE_RUNNING_HEAD];
    int32_t foot_y = l->page_height - l->margin_bottom - n_chars * (r->size + r->size / 8);
    /* the label keeps two characters' space above the foot's first */
    if (page->label)
        place_vertical(c, page->label, ROLE_RUNNING_HEAD, x, y, foot_y - 2 * r->size - y);
    place_vertical(c, foot, ROLE_RUNNING_HEAD, x, foot_y, 0);
}

static void horizontal_heads(Composer *c, int pg)
{
    const Layout *l = c->l;
    const Page *page = &c->p->page[pg];
    bool odd = page_is_right_hand(pg);
    int32_t left = compose_area_left(c), w = compose_area_width(c);
    int32_t base = l->margin_top - l->head_offset;
    char text[512];
    if (odd)
        snprintf(text, sizeof text, "%s", page->label ? page->label : c->doc->magazine);
    else
        snprintf(text, sizeof text, "%s　%s", c->doc->magazine, c->doc->issue);
    place_horizontal(c, text, ROLE_RUNNING_HEAD, left, base, odd ? ALIGN_RIGHT : ALIGN_LEFT);
    compose_rule(c, left, base + l->role[ROLE_RUNNING_HEAD].size / 3, left + w,
                 base + l->role[ROLE_RUNNING_HEAD].size / 3, STYLE_UNIT / 2);
    if (page->folio == 0)
        return;
    char folio[16];
    snprintf(folio, sizeof folio, "%d", page->folio);
    int32_t fbase = l->page_height - l->margin_bottom + l->head_offset;
    place_horizontal(c, folio, ROLE_FOLIO, left, fbase, odd ? ALIGN_RIGHT : ALIGN_LEFT);
}

/* Every page has its running head but the cover and a blank page; front
 * pages have no folio. */
void heads_add(Composer *c)
{
    for (int pg = 0; pg < c->p->n_pages; pg++) {
        c->cur = pg;
        const Page *page = &c->p->page[pg];
        bool contents = c->p->contents_page >= 0 && pg >= c->p->contents_page &&
                        pg < c->p->contents_page + c->p->n_contents;
        if (pg == c->p->cover_page || (page->folio == 0 && !contents))
            continue;
        if (c->l->heads == HEADS_VERTICAL)
            vertical_heads(c, pg);
        else
            horizontal_heads(c, pg);
    }
}
