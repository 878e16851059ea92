/* dump.c - the composed pages as text (--dump=pages, --dump=lines). */
#include "page.h"

static void dump_text_item(const PageItem *it, FILE *out)
{
    const Shaped *s = it->s;
    int b0 = s->glyph[it->g0].byte;
    int b1 = it->g1 < s->n ? s->glyph[it->g1].byte : s->len;
    fprintf(out, "  text %-12s x=%.2f y=%.2f", style_role_name(it->role), it->x[0] / 1024.0,
            it->y[0] / 1024.0);
    if (it->grid_line >= 0)
        fprintf(out, " grid=%d", it->grid_line);
    fprintf(out, " \"%.*s\"\n", b1 - b0, s->text + b0);
}

static void dump_shape(const PageItem *it, FILE *out)
{
    static const char *const names[] = {"text", "rule", "frame", "link"};
    fprintf(out, "  %s (%.2f,%.2f)-(%.2f,%.2f)", names[it->kind], it->x0 / 1024.0,
            it->y0 / 1024.0, it->x1 / 1024.0, it->y1 / 1024.0);
    if (it->kind == ITEM_LINK)
        fprintf(out, " -> article %d", it->target);
    fputc('\n', out);
}

void page_dump(const Pages *p, FILE *out)
{
    for (int i = 0; i < p->n_pages; i++) {
        const Page *pg = &p->page[i];
        fprintf(out, "page %d folio %d label \"%s\"\n", i + 1, pg->folio,
                pg->label ? pg->label : "");
        for (int k = 0; k < pg->n_items; k++) {
            const PageItem *it = &pg->item[k];
            if (it->kind == ITEM_TEXT && it->g1 > it->g0)
                dump_text_item(it, out);
            else if (it->kind != ITEM_TEXT)
                dump_shape(it, out);
        }
    }
}

void page_dump_lines(const Pages *p, FILE *out)
{
    for (int i = 0; i < p->n_paras; i++) {
        para_dump_lines(p->para[i], out);
        fputc('\n', out);
    }
}
