/* doc_dump.c - the document tree as text (--dump=tree).
 *
 * One line per node, indented by depth; text in full so golden files pin
 * exactly what later stages receive. A run-in head is shown in [brackets].
 */
#include "doc.h"

static void dump_list(FILE *out, const char *name, const TextList *l)
{
    for (int i = 0; i < l->n; i++)
        fprintf(out, "    %s: %s\n", name, l->item[i]);
}

static void dump_field(FILE *out, const char *name, const char *value)
{
    if (value)
        fprintf(out, "    %s: %s\n", name, value);
}

static void dump_block(FILE *out, const Block *b)
{
    static const char *const kind[] = {"para", "head", "subhead"};
    fprintf(out, "    %s %d:%d ", kind[b->kind], b->at.line, b->at.col);
    if (b->runin_len)
        fprintf(out, "[%.*s]%s\n", b->runin_len, b->text, b->text + b->runin_len);
    else
        fprintf(out, "%s\n", b->text);
}

static void dump_article(FILE *out, const Article *a)
{
    fprintf(out, "  %s %s", a->kind == ARTICLE_BOX ? "box" : "article", a->path);
    if (a->columns)
        fprintf(out, " columns=%d", a->columns);
    fputc('\n', out);
    dump_field(out, "kicker", a->kicker);
    dump_list(out, "title", &a->title);
    dump_list(out, "subtitle", &a->subtitle);
    dump_list(out, "toc", &a->toc);
    dump_field(out, "byline", a->byline);
    dump_list(out, "editor_note", &a->editor_note);
    for (int i = 0; i < a->n_blocks; i++)
        dump_block(out, &a->block[i]);
    dump_field(out, "source", a->end_source);
    dump_list(out, "note", &a->notes);
}

void doc_dump(const Doc *doc, FILE *out)
{
    fprintf(out, "issue %s | %s | %s | %s | %s\n", doc->magazine, doc->issue, doc->serial,
            doc->date, doc->language);
    for (int s = 0; s < doc->n_sections; s++) {
        const Section *sec = &doc->section[s];
        fprintf(out, "section \"%s\"", sec->title);
        if (sec->columns)
            fprintf(out, " columns=%d", sec->columns);
        fputc('\n', out);
        for (int i = 0; i < sec->n_articles; i++)
            dump_article(out, sec->article[i]);
    }
}
