/* report.c - printing the editor's report as text and as JSON. */
#include "check_impl.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* ---- shared pieces ---------------------------------------------------- */

/* The article's title as printed, its lines joined by a space. */
static char *article_title(const Article *a)
{
    Buf b;
    buf_init(&b);
    for (int i = 0; i < a->title.n; i++)
        buf_printf(&b, "%s%s", i ? " " : "", a->title.item[i]);
    return buf_detach(&b);
}

static const char *const flag_names[] = {"loose", "tight", "pushed-out", "overfull"};

static void flags_text(Buf *b, unsigned flags, const char *sep)
{
    bool first = true;
    for (int k = 0; k < 4; k++)
        if (flags & (1u << k)) {
            buf_printf(b, "%s%s", first ? "" : sep, flag_names[k]);
            first = false;
        }
}

static void folio_range(Buf *b, const CheckCounts *c)
{
    if (c->first_folio == 0)
        buf_printf(b, "-");
    else if (c->first_folio == c->last_folio)
        buf_printf(b, "%d", c->first_folio);
    else
        buf_printf(b, "%d-%d", c->first_folio, c->last_folio);
}

/* ---- text ------------------------------------------------------------- */

static void text_row(FILE *out, const CheckCounts *c, const char *what)
{
    Buf pages;
    buf_init(&pages);
    folio_range(&pages, c);
    fprintf(out, "%-7s %5d %5d %5d %5d %5d %5d %5d %5d %5d %5d %5d  %s\n", buf_str(&pages),
            c->lines, c->loose, c->tight, c->pushed_out, c->overfull, c->compressed,
            c->runts_avoided, c->runts, c->reset, c->missing_glyphs, c->warnings + c->errors,
            what);
    buf_fini(&pages);
}

static void text_table(const CheckReport *r, FILE *out)
{
    fprintf(out, "%-7s %5s %5s %5s %5s %5s %5s %5s %5s %5s %5s %5s  %s\n", "pages", "lines",
            "loose", "tight", "push", "over", "comp", "avoid", "runt", "reset", "glyph",
            "diag", "article");
    for (int i = 0; i < r->n_art; i++) {
        char *title = article_title(r->art[i].a);
        Buf what;
        buf_init(&what);
        buf_printf(&what, "%s %s", r->art[i].a->path, title);
        text_row(out, &r->art[i].c, buf_str(&what));
        buf_fini(&what);
        free(title);
    }
    text_row(out, &r->furniture, "(cover, contents, running heads, section names)");
    text_row(out, &r->total, "total");
    fputs("\nlines: lines set; loose: a gap of 1/8 em or more between characters; tight:\n"
          "characters drawn closer (at most 1/32 em); push: lines that gave a character\n"
          "to the next; over: wider than the measure; comp: marks set narrower; avoid:\n"
          "孤字 that greedy breaking would have left; runt: 孤字 left; reset: paragraphs\n"
          "set a line longer or shorter for the page; glyph: characters the font lacks;\n"
          "diag: warnings and errors.\n",
          out);
}

static void text_look(const CheckReport *r, FILE *out)
{
    if (r->n_look == 0)
        return;
    fprintf(out, "\nLines to look at (%d):\n", r->n_look);
    for (int i = 0; i < r->n_look; i++) {
        const LookLine *l = &r->look[i];
        Buf flags;
        buf_init(&flags);
        flags_text(&flags, l->flags & CHECK_LOOK, ", ");
        diag_print_loc(out, l->at, NULL);
        fprintf(out, ": page %d (PDF page %d), line %d of the paragraph: %s", l->folio, l->pdf_page,
                l->line, buf_str(&flags));
        if (l->flags & LINE_LOOSE)
            fprintf(out, " (gap %.3f em)", l->gap_em);
        fprintf(out, ": %.*s\n", l->len, l->text);
        buf_fini(&flags);
    }
}

static void text_feet(const CheckReport *r, FILE *out)
{
    if (r->n_feet == 0)
        return;
    fprintf(out, "\nPages to look at (%d):\n", r->n_feet);
    for (int i = 0; i < r->n_feet; i++) {
        const LookPage *f = &r->feet[i];
        fprintf(out,
                "page %d (PDF page %d): %d grid line%s empty at the foot; the text goes on "
                "overleaf (a line or two less before it, or more, can close it)\n",
                f->folio, f->pdf_page, f->empty, f->empty == 1 ? "" : "s");
    }
}

static void text_messages(const CheckReport *r, FILE *out)
{
    if (!r->log || r->log->n == 0)
        return;
    fprintf(out, "\nMessages (%d):\n", r->log->n);
    for (int k = 0; k < r->log->n; k++) {
        const CheckMessage *m = &r->log->msg[r->msg_order[k]];
        diag_print_loc(out, srcloc(m->path, m->line, m->col), NULL);
        fprintf(out, ": %s: %s\n", diag_level_name(m->level), m->text);
    }
}

void check_print_text(const CheckReport *r, FILE *out)
{
    const Doc *doc = r->doc;
    const CheckCounts *t = &r->total;
    /* Page numbers below are the printed folios; the PDF (and the PNGs
     * page-NNN.png) count the unnumbered front pages too. */
    fprintf(out, "《%s》%s（%s）: %d PDF pages: %d before page 1 (unnumbered), then pages ",
            doc->magazine, doc->issue, doc->serial, t->pages, t->pages - r->n_numbered);
    Buf range;
    buf_init(&range);
    folio_range(&range, t);
    fprintf(out, "%s; %d articles\n\n", buf_str(&range), r->n_art);
    buf_fini(&range);
    text_table(r, out);
    text_look(r, out);
    text_feet(r, out);
    text_messages(r, out);
    fprintf(out, "\n%d error%s, %d warning%s, %d line%s and %d page%s to look at\n", t->errors,
            t->errors == 1 ? "" : "s", t->warnings, t->warnings == 1 ? "" : "s", r->n_look,
            r->n_look == 1 ? "" : "s", r->n_feet, r->n_feet == 1 ? "" : "s");
}

/* ---- JSON --------------------------------------------------------------- */

/* A JSON string: UTF-8 passes through, quotes, backslashes and control
 * characters are escaped. */
static void json_string(FILE *out, const char *s, int len)
{
    fputc('"', out);
    for (int i = 0; s && i < len; i++) {
        unsigned char ch = (unsigned char)s[i];
        if (ch == '"' || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch == '\n')
            fputs("\\n", out);
        else if (ch == '\t')
            fputs("\\t", out);
        else if (ch < 0x20)
            fprintf(out, "\\u%04x", ch);
        else
            fputc(ch, out);
    }
    fputc('"', out);
}

static void json_cstring(FILE *out, const char *s)
{
    if (s)
        json_string(out, s, (int)strlen(s));
    else
        fputs("null", out);
}

static void json_counts(FILE *out, const CheckCounts *c)
{
    fprintf(out,
            "{\"first_page\": %d, \"last_page\": %d, \"pages\": %d, \"paragraphs\": %d, "
            "\"lines\": %d, \"loose\": %d, \"tight\": %d, \"pushed_out\": %d, \"overfull\": %d, "
            "\"compressed\": %d, \"runts_avoided\": %d, \"runts\": %d, \"reset\": %d, "
            "\"missing_glyphs\": %d, \"warnings\": %d, \"errors\": %d}",
            c->first_folio, c->last_folio, c->pages, c->paragraphs, c->lines, c->loose, c->tight,
            c->pushed_out, c->overfull, c->compressed, c->runts_avoided, c->runts, c->reset,
            c->missing_glyphs, c->warnings, c->errors);
}

static void json_loc(FILE *out, const char *path, int line, int col)
{
    fputs("{\"file\": ", out);
    json_cstring(out, path);
    fprintf(out, ", \"line\": %d, \"column\": %d}", line, col);
}

static void json_look(FILE *out, const CheckReport *r, int art)
{
    fputc('[', out);
    bool first = true;
    for (int i = 0; i < r->n_look; i++) {
        const LookLine *l = &r->look[i];
        if (l->article != art)
            continue;
        fputs(first ? "\n      {\"at\": " : ",\n      {\"at\": ", out);
        first = false;
        json_loc(out, l->at.path, l->at.line, l->at.col);
        fprintf(out, ", \"page\": %d, \"pdf_page\": %d, \"line\": %d, \"flags\": [", l->folio,
                l->pdf_page, l->line);
        for (int k = 0, n = 0; k < 4; k++)
            if (l->flags & (1u << k))
                fprintf(out, "%s\"%s\"", n++ ? ", " : "", flag_names[k]);
        fprintf(out, "], \"gap_em\": %.3f, \"text\": ", l->gap_em);
        json_string(out, l->text, l->len);
        fputc('}', out);
    }
    fputs(first ? "]" : "\n    ]", out);
}

static void json_messages(FILE *out, const CheckReport *r, int art)
{
    fputc('[', out);
    bool first = true;
    for (int k = 0; r->log && k < r->log->n; k++) {
        int i = r->msg_order[k];
        if (r->msg_article[i] != art)
            continue;
        const CheckMessage *m = &r->log->msg[i];
        fputs(first ? "\n      {\"level\": " : ",\n      {\"level\": ", out);
        first = false;
        fprintf(out, "\"%s\", \"at\": ", diag_level_name(m->level));
        json_loc(out, m->path, m->line, m->col);
        fputs(", \"message\": ", out);
        json_cstring(out, m->text);
        fputc('}', out);
    }
    fputs(first ? "]" : "\n    ]", out);
}

static void json_article(FILE *out, const CheckReport *r, int i)
{
    const ArticleReport *ar = &r->art[i];
    char *title = article_title(ar->a);
    fputs("    {\"file\": ", out);
    json_cstring(out, ar->a->path);
    fprintf(out, ", \"kind\": \"%s\"", ar->a->kind == ARTICLE_BOX ? "box" : "article");
    fputs(", \"title\": ", out);
    json_cstring(out, title);
    fputs(", \"section\": ", out);
    json_cstring(out, ar->s->title);
    fputs(",\n     \"counts\": ", out);
    json_counts(out, &ar->c);
    fputs(",\n     \"lines_to_look_at\": ", out);
    json_look(out, r, i);
    fputs(",\n     \"messages\": ", out);
    json_messages(out, r, i);
    fputc('}', out);
    free(title);
}

void check_print_json(const CheckReport *r, FILE *out)
{
    const Doc *doc = r->doc;
    fputs("{\n  \"issue\": {\"magazine\": ", out);
    json_cstring(out, doc->magazine);
    fputs(", \"issue\": ", out);
    json_cstring(out, doc->issue);
    fputs(", \"serial\": ", out);
    json_cstring(out, doc->serial);
    fputs(", \"directory\": ", out);
    json_cstring(out, doc->dir);
    fprintf(out, "},\n  \"pages\": %d,\n  \"numbered_pages\": %d,\n  \"totals\": ",
            r->total.pages, r->n_numbered);
    json_counts(out, &r->total);
    fputs(",\n  \"articles\": [\n", out);
    for (int i = 0; i < r->n_art; i++) {
        json_article(out, r, i);
        fputs(i + 1 < r->n_art ? ",\n" : "\n", out);
    }
    fputs("  ],\n  \"pages_to_look_at\": [", out);
    for (int i = 0; i < r->n_feet; i++)
        fprintf(out, "%s\n    {\"page\": %d, \"pdf_page\": %d, \"empty_foot_lines\": %d}",
                i ? "," : "", r->feet[i].folio, r->feet[i].pdf_page, r->feet[i].empty);
    fputs(r->n_feet ? "\n  ],\n  \"furniture\": {\"counts\": " : "],\n  \"furniture\": {\"counts\": ",
          out);
    json_counts(out, &r->furniture);
    fputs(",\n    \"lines_to_look_at\": ", out);
    json_look(out, r, -1);
    fputs(",\n    \"messages\": ", out);
    json_messages(out, r, -1);
    fputs("}\n}\n", out);
}
