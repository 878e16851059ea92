/* lines.c - what each text line is: column measure, clusters, headline, box.
 *
 * Measure: the column width in force around a line is the most frequent
 * line width among its neighbours between the same two end marks (an
 * issue may set one article across the page, e.g. 39 characters, and the
 * next in two columns of 18). Widths count a CJK character as 1 and a
 * Latin letter or digit as about 1/2 (clean_text_width). Lines are
 * compared with the measure (line_shape): within half a character it is
 * full; short by two or so, an indented first line; shorter still, a last
 * line.
 *
 * Clusters: the extractor separates the printed lines of one text block
 * with blank lines; lines that follow each other without a blank line come
 * from different blocks or fonts (a headline, a bold run-in head). A line
 * starting with a space begins a new block of its own.
 *
 * Headlines (引题/主题/副题/byline) are recognised from what body lines
 * cannot be: wider than the column without any sentence punctuation, two
 * clustered title-like lines, a printed gap between title parts, or a short
 * title-like line next to another headline line (the byline).
 */
#include "clean/clean_int.h"

#include <string.h>

#include "base/utf8.h"

enum {
    MEASURE_WINDOW = 30,   /* neighbours on each side used to estimate the measure */
    MEASURE_MIN_CHARS = 8, /* lines shorter than this say nothing about the measure */
    MEASURE_MIN_SAMPLES = 8, /* fewer lines than this between end marks: look further */
    DEFAULT_MEASURE = 18,  /* characters, when nothing else is known */
    MAX_BOX_HEAD = 12,     /* characters in a 【…】 box heading */
};

static const char STRONG_PUNCT[] = "，。；？！、";
static const char IDEOGRAPHIC_SPACE_UTF8[] = "\xE3\x80\x80";

/* Thresholds in quarter ems: full within half a character of the measure
 * (1.5 if letter-spaced), short when three characters or more are missing. */
Shape line_shape(const Line *l)
{
    int m = l->measure > 0 ? l->measure : DEFAULT_MEASURE * 4, w = l->width;
    /* A letter-spaced line was stretched to its room: never a last line,
     * and a full one if wider than a first line's room. */
    bool spaced = (l->flags & LF_SPACED) != 0;
    if (w >= m - 2 || (spaced && w >= m - 6))
        return SHAPE_FULL;
    if (w < m - 12 && !spaced)
        return SHAPE_SHORT;
    return SHAPE_INDENTED;
}

/* ---- Measure -------------------------------------------------------------------- */

/* The measure among the widths (whole characters) of samples [lo, hi):
 * the most frequent width, or a smaller one nearly as frequent (lines with
 * punctuation set at half width run a character or two over the measure;
 * no line but a first or last one falls short of it). */
static int width_mode(const int *chars, int lo, int hi)
{
    int count[256] = {0}, best = 0;
    for (int k = lo; k < hi; k++)
        if (chars[k] > 0 && chars[k] < 256)
            count[chars[k]]++;
    for (int c = 1; c < 256; c++)
        if (count[c] > count[best])
            best = c;
    for (int c = best - 2; c < best && c > 0; c++)
        if (count[c] * 10 >= count[best] * 6)
            return c;
    return best;
}

/* Collects the widths (whole characters) of the lines that tell the
 * measure; seg[k] numbers the stretch between two end marks ■ it is in. */
static int measure_samples(const CleanDoc *doc, int *idx, int *chars, int *seg)
{
    int n = 0, s = 0;
    for (int i = 0; i < doc->nlines; i++) {
        const Line *l = &doc->lines[i];
        if (l->kind == LK_BODY && l->width >= MEASURE_MIN_CHARS * 4)
            idx[n] = i, chars[n] = (l->width + 2) / 4, seg[n++] = s;
        s += (l->flags & LF_END_MARK) != 0;
    }
    return n;
}

/* Articles change measure only where one ends, so the window of samples
 * around a line stays between two end marks when it can. */
static void estimate_measure(CleanDoc *doc)
{
    int *idx = ARENA_ARRAY(&doc->arena, int, doc->nlines + 1);
    int *chars = ARENA_ARRAY(&doc->arena, int, doc->nlines + 1);
    int *seg = ARENA_ARRAY(&doc->arena, int, doc->nlines + 1);
    int n = measure_samples(doc, idx, chars, seg);
    int k = 0, here = 0; /* here: end marks before line i */
    for (int i = 0; i < doc->nlines; i++) {
        while (k < n && idx[k] < i)
            k++;
        int lo = k - MEASURE_WINDOW < 0 ? 0 : k - MEASURE_WINDOW;
        int hi = k + MEASURE_WINDOW > n ? n : k + MEASURE_WINDOW;
        int a = lo, b = hi;
        while (a < hi && seg[a] < here)
            a++;
        while (b > a && seg[b - 1] > here)
            b--;
        bool enough = b - a >= MEASURE_MIN_SAMPLES;
        int m = width_mode(chars, enough ? a : lo, enough ? b : hi);
        doc->lines[i].measure = (m > 0 ? m : DEFAULT_MEASURE) * 4;
        here += (doc->lines[i].flags & LF_END_MARK) != 0;
    }
    int m = width_mode(chars, 0, n);
    doc->measure = (m > 0 ? m : DEFAULT_MEASURE) * 4;
}

/* ---- Clusters ------------------------------------------------------------------------ */

static bool is_text(const Line *l)
{
    return l->kind == LK_BODY || l->kind == LK_HEADLINE || l->kind == LK_BOX;
}

static void find_clusters(CleanDoc *doc)
{
    int cluster = 0;
    bool blank = true;
    for (int i = 0; i < doc->nlines; i++) {
        Line *l = &doc->lines[i];
        if (l->kind == LK_BLANK)
            blank = true;
        if (!is_text(l))
            continue;
        if (!blank)
            l->flags |= LF_GLUED;
        if (blank || (l->flags & LF_LEAD_SPACE))
            cluster++;
        l->cluster = cluster;
        blank = false;
    }
}

/* ---- Title-like lines ------------------------------------------------------------------ */

/* No sentence punctuation at all: could be a line of a title. */
static bool title_like(const Line *l)
{
    return !clean_ends_sentence(l->body) && !text_has_any(l->body, STRONG_PUNCT);
}

/* Width with every CJK punctuation mark set at half width, as a
 * justified line may: the least room the line can take. */
static int tight_width(const Line *l)
{
    int w = l->width;
    size_t i = 0, len = strlen(l->body);
    while (i < len) {
        int n;
        int32_t cp = utf8_decode(l->body + i, len - i, &n);
        if (cp_is_cjk_punct(cp))
            w -= 2;
        i += (size_t)n;
    }
    return w;
}

static bool headline_candidate(const Line *l)
{
    int32_t c = text_first_cp(l->body);
    return l->kind == LK_BODY && clean_head_pattern(l->body) == CLEAN_HEAD_NONE &&
           c != 0xFF08 && c != 0x3010 && !(l->flags & LF_END_MARK);
}

/* Number of text lines in the cluster of line i, and whether all are title-like. */
static int cluster_size(const CleanDoc *doc, int i, bool *all_title)
{
    int n = 0;
    *all_title = true;
    for (int j = i; j < doc->nlines; j++) {
        const Line *l = &doc->lines[j];
        if (l->kind == LK_BLANK || (j > i && is_text(l) && l->cluster != doc->lines[i].cluster))
            break;
        if (!is_text(l))
            continue;
        n++;
        *all_title = *all_title && title_like(l) && headline_candidate(l);
    }
    return n;
}

/* A line that running text cannot be (see the file comment). */
static bool headline_by_itself(const CleanDoc *doc, int i)
{
    const Line *l = &doc->lines[i];
    if (!headline_candidate(l))
        return false;
    /* Body lines run to a character over the measure, never more. */
    bool too_wide = tight_width(l) > l->measure + 5 && !text_has_any(l->body, STRONG_PUNCT);
    bool first = i == 0 || doc->lines[i - 1].cluster != l->cluster || !is_text(&doc->lines[i - 1]);
    bool all_title = false;
    int size = first ? cluster_size(doc, i, &all_title) : 0;
    /* A printed gap: wide, or a lone space in a line not letter-spaced. */
    bool wide_gap = strstr(l->body, IDEOGRAPHIC_SPACE_UTF8) != NULL;
    bool lone_gap = !wide_gap && strstr(l->title, IDEOGRAPHIC_SPACE_UTF8) != NULL;
    bool block = size >= 2 || (l->flags & LF_LEAD_SPACE);
    bool lone = lone_gap && strstr(strstr(l->title, IDEOGRAPHIC_SPACE_UTF8) + 3,
                                   IDEOGRAPHIC_SPACE_UTF8) == NULL;
    bool gap = title_like(l) && ((wide_gap && (block || l->width <= l->measure - 8)) ||
                                 (lone && block));
    return too_wide || gap || (first && size >= 2 && all_title);
}

/* Marks every text line of the cluster of line i as headline, as long as
 * they do not end a sentence. */
static void mark_cluster(CleanDoc *doc, int i)
{
    int c = doc->lines[i].cluster;
    for (int j = i; j >= 0 && (doc->lines[j].cluster == c || !is_text(&doc->lines[j])); j--) {
        if (doc->lines[j].kind == LK_BLANK)
            break;
        if (doc->lines[j].kind == LK_BODY && !clean_ends_sentence(doc->lines[j].body))
            doc->lines[j].kind = LK_HEADLINE;
    }
    for (int j = i + 1; j < doc->nlines; j++) {
        Line *l = &doc->lines[j];
        if (l->kind == LK_BLANK || (is_text(l) && l->cluster != c))
            break;
        if (l->kind == LK_BODY && !clean_ends_sentence(l->body))
            l->kind = LK_HEADLINE;
    }
}

/* Index of the nearest text line before (dir -1) or after (dir 1) line i,
 * across blank lines only; -1 if a running head or nothing is in between. */
static int neighbour(const CleanDoc *doc, int i, int dir)
{
    for (int j = i + dir; j >= 0 && j < doc->nlines; j += dir) {
        if (doc->lines[j].kind == LK_BLANK)
            continue;
        return is_text(&doc->lines[j]) ? j : -1;
    }
    return -1;
}

/* A short title-like line on its own: a byline, a one-line title part. */
static bool short_title(const CleanDoc *doc, int i)
{
    const Line *l = &doc->lines[i];
    bool alone = !(l->flags & LF_GLUED) &&
                 (i + 1 >= doc->nlines || doc->lines[i + 1].cluster != l->cluster ||
                  !is_text(&doc->lines[i + 1]));
    return l->kind == LK_BODY && alone && headline_candidate(l) && title_like(l) &&
           l->width <= l->measure - 12 && !text_has_any(l->body, "：");
}

/* True if line i is the rest of a note begun on the text lines before it
 * (发言人：…, （作者：…）): that is no headline, however short. */
static bool ends_note(const CleanDoc *doc, int i)
{
    for (int p = neighbour(doc, i, -1), n = 0; p >= 0 && n < 4; p = neighbour(doc, p, -1), n++) {
        const Line *l = &doc->lines[p];
        if (l->kind != LK_BODY || clean_ends_sentence(l->body))
            return false;
        if (text_is_note(l->body))
            return true;
    }
    return false;
}

/* Spreads headline status to short title-like neighbours; two such lines
 * side by side are a headline on their own (title + byline). */
static void spread_headlines(CleanDoc *doc)
{
    bool changed = true;
    while (changed) {
        changed = false;
        for (int i = 0; i < doc->nlines; i++) {
            if (!short_title(doc, i) || ends_note(doc, i))
                continue;
            int p = neighbour(doc, i, -1), n = neighbour(doc, i, 1);
            bool near = (p >= 0 && doc->lines[p].kind == LK_HEADLINE) ||
                        (n >= 0 && doc->lines[n].kind == LK_HEADLINE) ||
                        (n >= 0 && short_title(doc, n));
            if (near) {
                doc->lines[i].kind = LK_HEADLINE;
                changed = true;
            }
        }
    }
}

/* ---- Boxes ------------------------------------------------------------------------------ */

/* A 【…】 line on its own starts a box; the title-like lines after it,
 * up to the next running head or sentence, are its items. */
static void find_boxes(CleanDoc *doc)
{
    for (int i = 0; i < doc->nlines; i++) {
        Line *l = &doc->lines[i];
        if (l->kind != LK_BODY || !text_starts(l->body, "【") || text_count(l->body) > MAX_BOX_HEAD ||
            text_last_cp(l->body) != 0x3011)
            continue;
        l->kind = LK_BOX;
        for (int j = i + 1; j < doc->nlines; j++) {
            Line *m = &doc->lines[j];
            if (m->kind == LK_BLANK)
                continue;
            if (m->kind != LK_BODY || clean_ends_sentence(m->body) ||
                text_has_any(m->body, "，。；") || (m->flags & LF_PAGE_BREAK))
                break;
            m->kind = LK_BOX;
        }
    }
}

int article_columns(const CleanDoc *doc, int a)
{
    int wide = 0, all = 0;
    for (int i = 0; i < doc->nblocks; i++) {
        const Block *b = doc->blocks[i];
        if (b->article != a || b->kind != BK_PARA)
            continue;
        for (const Frag *f = b->frag; f; f = f->next) {
            int m = doc->lines[f->first].measure;
            all++;
            wide += m * 10 >= doc->measure * 18; /* 39 against 18: twice, and a gutter */
        }
    }
    return all > 0 && wide * 2 > all ? 1 : 0;
}

void lines_classify(CleanDoc *doc)
{
    estimate_measure(doc);
    find_clusters(doc);
    find_boxes(doc);
    for (int i = 0; i < doc->nlines; i++)
        if (doc->lines[i].kind == LK_BODY && headline_by_itself(doc, i))
            mark_cluster(doc, i);
    spread_headlines(doc);
}
