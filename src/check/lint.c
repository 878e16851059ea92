/* lint.c - content warnings: what a copy editor would query in the text.
 *
 * Only things the typesetter cannot decide: the text is reproduced as
 * cleaned, so these are questions for the editor, not corrections.
 *   - half-width punctuation touching Chinese text (GB/T 15834 sets
 *     ，；：？！（）“”‘’ full width there; between digits, as in 1:2, it
 *     stays), and an ellipsis of full stops (... or 。。。 for ……);
 *   - a space between two Chinese characters, or two spaces in a row
 *     (what a PDF extractor leaves where the original was spaced out);
 *   - a closing mark without its opening one, or a bracket left open at
 *     the paragraph's end (quotation marks may stay open: a quotation over
 *     several paragraphs opens each and closes only the last).
 */
#include "check_impl.h"

#include <stdio.h>
#include <string.h>

#include "base/utf8.h"
#include "text/charclass.h"

typedef struct Where {
    CheckLog *log;
    const Article *a;
    const Block *b;   /* the block, or NULL for a field (at, column offsets) */
    SrcLoc at;
} Where;

static void warn_at(const Where *w, const char *text, int offset, const char *msg)
{
    SrcLoc at = w->at;
    if (w->b)
        at = doc_locate(w->a, w->b, offset);
    else if (at.col > 0)
        at.col += utf8_count(text, (size_t)offset);
    /* the paragraph as the page stage knows it (ParaLines.at), for the proof */
    SrcLoc para = w->b ? doc_locate(w->a, w->b, 0) : w->at;
    check_log_note(w->log, DIAG_WARNING, at, para, offset, msg);
}

/* Chinese text: Han characters and full-width marks. */
static bool is_chinese(int32_t cp)
{
    return utf8_is_han(cp) || (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0x2018 && cp <= 0x201F) || cp == 0x2014 || cp == 0x2026;
}

/* The code point before/after byte offset i, skipping ASCII spaces; 0 at an end. */
static int32_t neighbour(const char *s, int len, int i, int dir)
{
    if (dir < 0) {
        int k = i;
        while (k > 0 && s[k - 1] == ' ')
            k--;
        if (k == 0)
            return 0;
        int start = k - 1;
        while (start > 0 && ((unsigned char)s[start] & 0xC0) == 0x80)
            start--;
        int n;
        return utf8_decode(s + start, (size_t)(len - start), &n);
    }
    int k = i + 1;
    while (k < len && s[k] == ' ')
        k++;
    if (k >= len)
        return 0;
    int n;
    return utf8_decode(s + k, (size_t)(len - k), &n);
}

static const char *full_width_of(char c)
{
    switch (c) {
    case ',': return "，";
    case ';': return "；";
    case ':': return "：";
    case '?': return "？";
    case '!': return "！";
    case '(': return "（";
    case ')': return "）";
    case '"': return "“ or ”";
    case '\'': return "‘ or ’";
    }
    return NULL;
}

/* Three or more full stops (ASCII or 。) for an ellipsis. */
static void lint_ellipsis(const Where *w, const char *s, int len)
{
    for (int i = 0; i < len;) {
        int n = 0, k = i, size = s[i] == '.' ? 1 : strncmp(s + i, "。", 3) == 0 ? 3 : 0;
        while (size && k + size <= len && strncmp(s + k, s + i, (size_t)size) == 0)
            k += size, n++;
        if (n >= 3 && (is_chinese(neighbour(s, len, i, -1)) || is_chinese(neighbour(s, len, k - 1, 1))))
            warn_at(w, s, i, "an ellipsis of full stops (GB/T 15834 sets \"……\")");
        i = k > i ? k : i + 1;
    }
}

static void lint_ascii(const Where *w, const char *s, int len)
{
    lint_ellipsis(w, s, len);
    for (int i = 0; i < len; i++) {
        const char *full = full_width_of(s[i]);
        if (full && (is_chinese(neighbour(s, len, i, -1)) || is_chinese(neighbour(s, len, i, 1)))) {
            char msg[96];
            char q = s[i] == '"' ? '\'' : '"'; /* quote the mark with the other quote */
            snprintf(msg, sizeof msg, "half-width %c%c%c in Chinese text (GB/T 15834 sets %c%s%c)", q,
                     s[i], q, q, full, q);
            warn_at(w, s, i, msg);
        }
    }
}

static void lint_spaces(const Where *w, const char *s, int len)
{
    for (int i = 0; i < len; i++) {
        if (s[i] != ' ')
            continue;
        int k = i;
        while (k < len && s[k] == ' ')
            k++;
        if (k - i >= 2)
            warn_at(w, s, i, k - i == 2 ? "two spaces in a row" : "several spaces in a row");
        else if (utf8_is_han(neighbour(s, len, i, -1)) && utf8_is_han(neighbour(s, len, i, 1)))
            warn_at(w, s, i, "a space between Chinese characters");
        i = k - 1;
    }
}

/* Paired marks: opening and closing code points, and whether the opening
 * one may stay open at the end (quotation marks). */
static const struct Pair {
    int32_t open, close;
    const char *open_s, *close_s;
    bool may_stay_open;
} pairs[] = {
    {0x201C, 0x201D, "“", "”", true},  {0x2018, 0x2019, "‘", "’", true},
    {0xFF08, 0xFF09, "（", "）", false}, {0x300A, 0x300B, "《", "》", false},
    {0x3010, 0x3011, "【", "】", false}, {0x3008, 0x3009, "〈", "〉", false},
};

static void warn_pair(const Where *w, const char *s, int i, const char *fmt, const char *x,
                      const char *y)
{
    char msg[96];
    snprintf(msg, sizeof msg, fmt, x, y);
    warn_at(w, s, i, msg);
}

#define N_PAIRS (sizeof pairs / sizeof pairs[0])

/* Open marks carried from line to line of one paragraph or title. */
typedef struct Open {
    int depth[N_PAIRS];
    Where where[N_PAIRS]; /* where the last one still open was opened */
    const char *text[N_PAIRS];
    int offset[N_PAIRS];
} Open;

static void lint_pairs(const Where *w, const char *s, int len, Open *o)
{
    for (int i = 0; i < len;) {
        int n;
        int32_t cp = utf8_decode(s + i, (size_t)(len - i), &n);
        for (size_t k = 0; k < N_PAIRS; k++) {
            const struct Pair *p = &pairs[k];
            if (cp == p->open) {
                o->depth[k]++;
                o->where[k] = *w, o->text[k] = s, o->offset[k] = i;
            } else if (cp == p->close && o->depth[k] == 0) {
                warn_pair(w, s, i, "\"%s\" without an opening \"%s\"", p->close_s, p->open_s);
            } else if (cp == p->close) {
                o->depth[k]--;
            }
        }
        i += n > 0 ? n : 1;
    }
}

static void lint_unclosed(const Open *o)
{
    for (size_t k = 0; k < N_PAIRS; k++)
        if (o->depth[k] > 0 && !pairs[k].may_stay_open)
            warn_pair(&o->where[k], o->text[k], o->offset[k], "\"%s\" not closed%s",
                      pairs[k].open_s, "");
}

static void lint_text(const Where *w, const char *s, int len, Open *o)
{
    lint_ascii(w, s, len);
    lint_spaces(w, s, len);
    lint_pairs(w, s, len, o);
}

/* joined: the items are the printed lines of one title, so a mark opened
 * on one line may close on the next; otherwise each is a paragraph. */
static void lint_list(CheckLog *log, const Article *a, const TextList *l, bool joined)
{
    Open o = {0};
    for (int i = 0; i < l->n; i++) {
        Where w = {log, a, NULL, l->at[i]};
        lint_text(&w, l->item[i], (int)strlen(l->item[i]), &o);
        if (!joined) {
            lint_unclosed(&o);
            o = (Open){0};
        }
    }
    lint_unclosed(&o);
}

static void lint_article(CheckLog *log, const Article *a)
{
    lint_list(log, a, &a->title, true);
    lint_list(log, a, &a->subtitle, true);
    lint_list(log, a, &a->editor_note, false);
    lint_list(log, a, &a->notes, false);
    for (int i = 0; i < a->n_blocks; i++) {
        Where w = {log, a, &a->block[i], a->block[i].at};
        Open o = {0};
        lint_text(&w, a->block[i].text, a->block[i].len, &o);
        lint_unclosed(&o);
    }
}

void check_lint(CheckLog *log, const Doc *doc)
{
    for (int i = 0; i < doc->n_sections; i++)
        for (int k = 0; k < doc->section[i].n_articles; k++)
            lint_article(log, doc->section[i].article[k]);
}
