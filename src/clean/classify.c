/* classify.c - an article's blocks → front matter and Markdown body.
 *
 * Headline lines are split into units (lines printed together, i.e. one
 * cluster; a line starting with —— begins a new one). The last short line
 * is the byline; of the rest, the last unit is the title (主题), a first
 * unit without a printed gap the kicker (引题), the others and anything
 * from —— on the subtitle (副题). An article without a headline takes its
 * leading unnumbered heads as its title.
 *
 * Body paragraphs: heads without sentence end become ## (一、…, or an
 * unnumbered head) or ### (（一）…); a paragraph opening with 第一，/一是/
 * （一） and a short first sentence gets that sentence as a run-in head,
 * **…** with its final 。 or ： left outside (CommonMark does not close
 * emphasis between a punctuation mark and a letter). Text is escaped so
 * that nothing in it reads as Markdown.
 */
#include "clean/clean_int.h"

#include <string.h>

#include "base/utf8.h"

enum {
    BYLINE_MAX = 6,        /* characters in a personal byline */
    BYLINE_ORG_MAX = 10,   /* characters in a byline naming a body (…政协) */
    RUNIN_MAX = 60,        /* characters in a run-in head */
    RUNIN_ENUM_MAX = 30,   /* characters in a 一是… run-in head */
};

/* The raw lines a front matter value came from: the text lines of a
 * block, or else n line indices (headline lines). */
typedef struct Span {
    const Block *block;
    const int *line;
    int n;
} Span;

typedef struct StrList {
    const char **s; /* arena array */
    Span *from;     /* where each came from (for the report) */
    int n, cap;
} StrList;

/* Single values (kicker, byline, source) are lists of at most one. */
typedef struct Front {
    int columns; /* 0: the section's default */
    StrList kicker, title, subtitle, byline, editor_note, source, notes;
} Front;

/* Temporary strings of one article; freed when it is written. */
typedef struct Work {
    const CleanDoc *doc;
    int article;
    Arena arena; /* everything below; freed when the article is written */
    Front front;
    const Block **body; /* body blocks in reading order */
    int nbody;
    const Block *box_titled; /* the box whose 【…】 line is the title */
    /* Where each raw line went, for the report (homes NULL: not wanted). */
    LineHome *homes;
    size_t base; /* where this article's text starts in the output */
} Work;

static void list_add(Work *w, StrList *l, const char *s, Span from)
{
    if (l->n == l->cap) {
        int cap = l->cap ? l->cap * 2 : 8;
        l->s = arena_grow(&w->arena, l->s, (size_t)l->n, (size_t)cap, sizeof *l->s);
        l->from = arena_grow(&w->arena, l->from, (size_t)l->n, (size_t)cap, sizeof *l->from);
        l->cap = cap;
    }
    l->s[l->n] = s;
    l->from[l->n++] = from;
}

static Span block_span(const Block *b)
{
    return (Span){.block = b};
}

static Span lines_span(const int *line, int n)
{
    return (Span){.line = line, .n = n};
}

/* ---- Where the raw lines went ------------------------------------------------------------ */

/* Line of the article's file on which the next text appended to out starts. */
static int next_line(const Work *w, const Buf *out)
{
    int n = 1;
    for (size_t i = w->base; i < out->len; i++)
        n += out->data[i] == '\n';
    return n;
}

static void note_line(Work *w, int i, int md_line)
{
    if (w->homes)
        w->homes[i] = (LineHome){w->article, md_line};
}

/* Notes md_line as the home of every text line of block b. */
static void note_block(Work *w, const Block *b, int md_line)
{
    const CleanDoc *doc = w->doc;
    if (b->kind == BK_HEADLINE || b->kind == BK_BOX) {
        LineKind want = b->kind == BK_HEADLINE ? LK_HEADLINE : LK_BOX;
        for (int i = b->first; i <= b->last; i++)
            if (doc->lines[i].kind == want)
                note_line(w, i, md_line);
        return;
    }
    for (const Frag *f = b->frag; f; f = f->next)
        for (int i = f->first; i <= f->last; i++)
            if (doc->lines[i].kind == LK_BODY)
                note_line(w, i, md_line);
}

/* Notes md_line as the home of the raw lines a front matter value came from. */
static void note_span(Work *w, const Span *from, int md_line)
{
    if (from->block)
        note_block(w, from->block, md_line);
    for (int i = 0; i < from->n; i++)
        note_line(w, from->line[i], md_line);
}

/* ---- Text of blocks ---------------------------------------------------------------------- */

static bool ascii_alnum(int32_t cp)
{
    return cp > 0 && cp < 0x80 &&
           ((cp >= '0' && cp <= '9') || (cp >= 'A' && cp <= 'Z') || (cp >= 'a' && cp <= 'z'));
}

/* Appends s to out, joining lines as Chinese needs: with nothing between,
 * except one space between two Latin words broken at the line end. */
static void join_line(Buf *out, const char *s)
{
    if (out->len && ascii_alnum(text_last_cp(buf_str(out))) && ascii_alnum(text_first_cp(s)) &&
        !(text_last_cp(buf_str(out)) <= '9' && text_first_cp(s) <= '9'))
        buf_putc(out, ' ');
    buf_puts(out, s);
}

void block_text(const CleanDoc *doc, const Block *b, Buf *out)
{
    /* Notes are set ragged, not justified: a space in them was printed. */
    bool note = b->kind == BK_NOTE;
    for (const Frag *f = b->frag; f; f = f->next)
        for (int i = f->first; i <= f->last; i++)
            if (doc->lines[i].kind == LK_BODY)
                join_line(out, note ? doc->lines[i].title : doc->lines[i].body);
}

static const char *block_string(Work *w, const Block *b)
{
    Buf t;
    buf_init(&t);
    block_text(w->doc, b, &t);
    const char *s = arena_strdup(&w->arena, buf_str(&t));
    buf_fini(&t);
    return s;
}

/* ---- Headlines ------------------------------------------------------------------------------ */

/* Headline lines printed together: a run of line indices. */
typedef struct Unit {
    const int *line;
    int n;
} Unit;

static bool has_gap(const CleanDoc *doc, const Unit *u)
{
    for (int i = 0; i < u->n; i++)
        if (strstr(doc->lines[u->line[i]].title, "\xE3\x80\x80"))
            return true;
    return false;
}

/* A byline: a short name (褚　斌, 习近平) or a body (东丽区政协). */
static bool is_byline(const char *s)
{
    int n = 0;
    size_t i = 0, len = strlen(s);
    while (i < len) {
        int size;
        int32_t cp = utf8_decode(s + i, len - i, &size);
        if (cp != 0x3000 && cp != 0xB7 && !utf8_is_han(cp))
            return false;
        n += cp != 0x3000;
        i += (size_t)size;
    }
    size_t sl = strlen("政协");
    bool org = len >= sl && strcmp(s + len - sl, "政协") == 0;
    return n >= 2 && (n <= BYLINE_MAX || (org && n <= BYLINE_ORG_MAX));
}

/* Collects the headline lines of the article into units (*units, arena);
 * returns how many. */
static int headline_units(Work *w, Unit **units)
{
    const CleanDoc *doc = w->doc;
    int total = 0, n = 0, prev_cluster = -1;
    for (int b = 0; b < doc->nblocks; b++)
        if (doc->blocks[b]->article == w->article && doc->blocks[b]->kind == BK_HEADLINE)
            total += doc->blocks[b]->last - doc->blocks[b]->first + 1;
    int *lines = ARENA_ARRAY(&w->arena, int, total + 1);
    *units = ARENA_ARRAY(&w->arena, Unit, total + 1);
    for (int b = 0, k = 0; b < doc->nblocks; b++) {
        const Block *blk = doc->blocks[b];
        if (blk->article != w->article || blk->kind != BK_HEADLINE)
            continue;
        for (int i = blk->first; i <= blk->last; i++) {
            const Line *l = &doc->lines[i];
            if (l->kind != LK_HEADLINE)
                continue;
            if (l->cluster != prev_cluster || text_starts(l->title, "——"))
                (*units)[n++] = (Unit){lines + k, 0};
            lines[k++] = i;
            (*units)[n - 1].n++;
            prev_cluster = l->cluster;
        }
    }
    return n;
}

static const char *unit_joined(Work *w, const Unit *u)
{
    Buf b;
    buf_init(&b);
    for (int i = 0; i < u->n; i++)
        buf_puts(&b, w->doc->lines[u->line[i]].title);
    const char *s = arena_strdup(&w->arena, buf_str(&b));
    buf_fini(&b);
    return s;
}

static void unit_lines(Work *w, const Unit *u, StrList *out)
{
    for (int i = 0; i < u->n; i++)
        list_add(w, out, w->doc->lines[u->line[i]].title, lines_span(&u->line[i], 1));
}

/* Takes the byline off the end of the units, if there is one. */
static void take_byline(Work *w, Unit *units, int *n)
{
    Unit *last = &units[*n - 1];
    int total = 0;
    for (int i = 0; i < *n; i++)
        total += units[i].n;
    const char *s = w->doc->lines[last->line[last->n - 1]].title;
    if (total < 2 || !is_byline(s))
        return;
    list_add(w, &w->front.byline, s, lines_span(&last->line[last->n - 1], 1));
    if (--last->n == 0)
        (*n)--;
}

static void assign_headline(Work *w)
{
    Unit *units;
    int n = headline_units(w, &units);
    if (n == 0)
        return;
    take_byline(w, units, &n);
    int sub = 0;
    while (sub < n && !text_starts(w->doc->lines[units[sub].line[0]].title, "——"))
        sub++;
    if (sub == 0)
        sub = n > 1 ? 1 : n; /* a headline that is all 副题: its first unit is the title */
    unit_lines(w, &units[sub - 1], &w->front.title);
    for (int u = 0; u < sub - 1; u++) {
        if (u == 0 && !has_gap(w->doc, &units[0]))
            list_add(w, &w->front.kicker, unit_joined(w, &units[0]),
                     lines_span(units[0].line, units[0].n));
        else
            unit_lines(w, &units[u], &w->front.subtitle);
    }
    for (int u = sub; u < n; u++)
        unit_lines(w, &units[u], &w->front.subtitle);
}

/* ---- Body ----------------------------------------------------------------------------------- */

static void collect_body(Work *w)
{
    const CleanDoc *doc = w->doc;
    w->body = ARENA_ARRAY(&w->arena, const Block *, doc->nblocks + 1);
    for (int i = 0; i < doc->nblocks; i++) {
        const Block *blk = doc->blocks[i];
        if (blk->article != w->article)
            continue;
        if (blk->kind == BK_PARA || blk->kind == BK_BOX)
            w->body[w->nbody++] = blk;
        else if (blk->kind == BK_NOTE) {
            const char *s = block_string(w, blk);
            bool source = w->front.source.n == 0 && text_starts(s, "（") && strstr(s, "摘自");
            list_add(w, source ? &w->front.source : &w->front.notes, s, block_span(blk));
        }
    }
}

/* Without a headline, the leading unnumbered heads are the title. */
static void title_from_body(Work *w)
{
    if (w->front.title.n > 0)
        return;
    for (int i = 0; i < w->nbody && w->body[i]->heading; i++) {
        const char *s = block_string(w, w->body[i]);
        if (clean_head_pattern(s) != CLEAN_HEAD_NONE)
            break;
        list_add(w, &w->front.title, s, block_span(w->body[i]));
        w->body[i] = NULL;
    }
}

static void editor_notes(Work *w)
{
    for (int i = 0; i < w->nbody; i++)
        if (w->body[i] && w->body[i]->editor) {
            list_add(w, &w->front.editor_note, block_string(w, w->body[i]),
                     block_span(w->body[i]));
            w->body[i] = NULL;
        }
}

/* Writes s escaped so that CommonMark reads it as plain text; at_start:
 * s begins a paragraph, where block markers would take effect. */
static void md_escape(Buf *out, const char *s, bool at_start)
{
    if (at_start && (*s == '#' || *s == '-' || *s == '+' || *s == '>' || *s == '=' || *s == '~'))
        buf_putc(out, '\\');
    const char *digits = s;
    while (at_start && *digits >= '0' && *digits <= '9')
        digits++;
    for (const char *p = s; *p; p++) {
        bool list_dot = at_start && p == digits && digits > s && (*p == '.' || *p == ')') &&
                        (p[1] == ' ' || p[1] == '\0');
        bool entity = *p == '&' && ((p[1] >= 'a' && p[1] <= 'z') || (p[1] >= 'A' && p[1] <= 'Z') ||
                                    p[1] == '#');
        if (strchr("*_`[]<\\", *p) || list_dot || entity)
            buf_putc(out, '\\');
        buf_putc(out, *p);
    }
}

/* Byte length of the run-in head at the start of paragraph s (up to, not
 * including, its closing 。/：/！/？), or 0 if it has none. */
static size_t runin_head(const char *s)
{
    CleanHeadPattern p = clean_head_pattern(s);
    if (p == CLEAN_HEAD_NONE)
        return 0;
    size_t i = 0, len = strlen(s);
    int n = 0;
    while (i < len) {
        int size;
        int32_t cp = utf8_decode(s + i, len - i, &size);
        if (cp == 0x3002 || cp == 0xFF1A || cp == 0xFF01 || cp == 0xFF1F)
            break;
        if (p == CLEAN_HEAD_ENUM && cp == 0xFF0C)
            return 0;
        i += (size_t)size, n++;
    }
    int max = p == CLEAN_HEAD_ENUM ? RUNIN_ENUM_MAX : RUNIN_MAX;
    int size;
    if (i >= len || n > max)
        return 0;
    utf8_decode(s + i, len - i, &size);
    return s[i + (size_t)size] ? i : 0; /* a head needs text after it */
}

static void write_paragraph(Work *w, const Block *b, Buf *out)
{
    const char *s = block_string(w, b);
    if (b->heading) {
        buf_puts(out, clean_head_pattern(s) == CLEAN_HEAD_SECTION ? "### " : "## ");
        md_escape(out, s, false);
    } else if (runin_head(s)) {
        size_t h = runin_head(s);
        char *head = arena_strndup(&w->arena, s, h);
        buf_puts(out, "**");
        md_escape(out, head, false);
        buf_puts(out, "**");
        md_escape(out, s + h, false);
    } else {
        md_escape(out, s, true);
    }
    buf_puts(out, "\n\n");
}

/* A box: its 【…】 line is the title, each group of lines an item. */
static void write_box(Work *w, const Block *b, Buf *out)
{
    const CleanDoc *doc = w->doc;
    int cluster = -1, item_line = 0;
    bool open = false;
    for (int i = b == w->box_titled ? b->first + 1 : b->first; i <= b->last; i++) {
        const Line *l = &doc->lines[i];
        if (l->kind != LK_BOX)
            continue;
        if (open && l->cluster != cluster)
            buf_puts(out, "\n\n");
        if (!open || l->cluster != cluster)
            item_line = w->homes ? next_line(w, out) : 0;
        note_line(w, i, item_line);
        md_escape(out, l->title, !open || l->cluster != cluster);
        cluster = l->cluster;
        open = true;
    }
    if (open)
        buf_puts(out, "\n\n");
}

/* ---- Front matter ------------------------------------------------------------------------------ */

static void yaml_string(Buf *out, const char *s)
{
    buf_putc(out, '"');
    for (; *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_putc(out, '\\');
        buf_putc(out, *s);
    }
    buf_putc(out, '"');
}

/* key: "x" for one item, a block list for several, nothing for none;
 * each item's raw lines are noted at the line it is written on. */
static void yaml_list(Work *w, Buf *out, const char *key, const StrList *l, bool always_list)
{
    if (l->n == 0)
        return;
    bool inline_one = l->n == 1 && !always_list;
    if (w->homes && inline_one)
        note_span(w, &l->from[0], next_line(w, out));
    buf_printf(out, "%s:", key);
    if (inline_one) {
        buf_putc(out, ' ');
        yaml_string(out, l->s[0]);
        buf_putc(out, '\n');
        return;
    }
    buf_putc(out, '\n');
    for (int i = 0; i < l->n; i++) {
        if (w->homes)
            note_span(w, &l->from[i], next_line(w, out));
        buf_puts(out, "  - ");
        yaml_string(out, l->s[i]);
        buf_putc(out, '\n');
    }
}

static void write_front(Work *w, Buf *out)
{
    const Front *f = &w->front;
    buf_printf(out, "---\nkind: %s\n", w->doc->articles[w->article].is_box ? "box" : "article");
    yaml_list(w, out, "kicker", &f->kicker, false);
    if (f->title.n == 0)
        buf_puts(out, "title: \"\"\n");
    yaml_list(w, out, "title", &f->title, false);
    yaml_list(w, out, "subtitle", &f->subtitle, false);
    yaml_list(w, out, "byline", &f->byline, false);
    yaml_list(w, out, "editor_note", &f->editor_note, false);
    yaml_list(w, out, "source", &f->source, false);
    yaml_list(w, out, "notes", &f->notes, true);
    if (f->columns)
        buf_printf(out, "columns: %d\n", f->columns);
    buf_puts(out, "---\n\n");
}

/* The box title is its 【…】 line, unless a headline gave it one: then
 * that line opens the body (see write_box). */
static void box_title(Work *w)
{
    for (int i = 0; i < w->nbody; i++)
        if (w->body[i] && w->body[i]->kind == BK_BOX && w->front.title.n == 0) {
            list_add(w, &w->front.title, w->doc->lines[w->body[i]->first].title,
                     lines_span(&w->body[i]->first, 1));
            w->box_titled = w->body[i];
        }
}

void classify_article(const CleanDoc *doc, int a, Buf *out, LineHome *homes)
{
    Work w = {.doc = doc, .article = a, .homes = homes, .base = out->len};
    arena_init(&w.arena);
    w.front.columns = article_columns(doc, a);
    collect_body(&w);
    assign_headline(&w);
    box_title(&w);
    title_from_body(&w);
    editor_notes(&w);
    write_front(&w, out);
    for (int i = 0; i < w.nbody; i++) {
        if (!w.body[i])
            continue;
        if (w.body[i]->kind == BK_BOX) {
            write_box(&w, w.body[i], out);
            continue;
        }
        if (homes)
            note_block(&w, w.body[i], next_line(&w, out));
        write_paragraph(&w, w.body[i], out);
    }
    while (out->len >= 2 && out->data[out->len - 1] == '\n' && out->data[out->len - 2] == '\n')
        out->data[--out->len] = '\0';
    arena_fini(&w.arena);
}
