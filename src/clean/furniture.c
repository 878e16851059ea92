/* furniture.c - running heads: find them, take them out, learn from them.
 *
 * The original printed its running heads vertically in the outer margin;
 * the extractor gives them back one character per line, e.g.
 *     天 津 政 协 | 9 | 学 习 贯 彻 … 思 想 | 总 第 4 1 9 期
 * (each group of single-character lines with no blank line between them is
 * one "run"; the folio is a line of digits on its own). A group of runs and
 * a folio separated only by blank lines is a running head: the first run
 * names the magazine, the digits are the folio, a run like 总第…期 or
 * …年第…期 is the serial or issue, and the remaining run is the section.
 * Once the magazine name is known, stray pieces of it (a lone 天, or 津政协
 * with the 天 glued to the end of the previous text line) are furniture too.
 */
#include "clean/clean_int.h"

#include <string.h>

#include "base/utf8.h"

enum { MAX_HEAD_BLANKS = 4, MAX_FOLIO_DIGITS = 3 };

/* A single visible character that could be part of vertical text. */
static bool is_vertical(const Line *l)
{
    if (l->kind != LK_BODY || text_count(l->body) != 1)
        return false;
    int32_t cp = text_first_cp(l->body);
    return !cp_is_cjk_punct(cp) && cp != 0x25A0 && cp > ' ';
}

static bool is_digits(const char *s)
{
    int n = 0;
    for (; *s; s++, n++)
        if (*s < '0' || *s > '9')
            return false;
    return n > 0 && n <= MAX_FOLIO_DIGITS;
}

/* Line index just past the run of vertical lines starting at i. */
static int run_end(const CleanDoc *doc, int i)
{
    int j = i + 1;
    while (j < doc->nlines && is_vertical(&doc->lines[j]))
        j++;
    return j;
}

/* Concatenates the characters of lines [i, j) into an arena string. */
static char *run_text(CleanDoc *doc, int i, int j)
{
    Buf b;
    buf_init(&b);
    for (int k = i; k < j; k++)
        buf_puts(&b, doc->lines[k].body);
    char *s = arena_strdup(&doc->arena, buf_str(&b));
    buf_fini(&b);
    return s;
}

/* Copies s with full-width digits made ASCII (furniture only, never text). */
static char *ascii_digits(CleanDoc *doc, const char *s)
{
    Buf b;
    buf_init(&b);
    size_t i = 0, len = strlen(s);
    while (i < len) {
        int n;
        int32_t cp = utf8_decode(s + i, len - i, &n);
        if (cp >= 0xFF10 && cp <= 0xFF19)
            buf_putc(&b, (char)('0' + cp - 0xFF10));
        else
            buf_put(&b, s + i, (size_t)n);
        i += (size_t)n;
    }
    char *out = arena_strdup(&doc->arena, buf_str(&b));
    buf_fini(&b);
    return out;
}

/* Rebuilds "YYYY年第N期" from a vertical run whose characters the
 * extractor may have reordered (２０２2年第期8). */
static const char *parse_issue(CleanDoc *doc, const char *run)
{
    const char *s = ascii_digits(doc, run);
    const char *nian = strstr(s, "年"), *di = strstr(s, "第"), *qi = strstr(s, "期");
    if (!nian || !di || !qi || di < nian)
        return NULL;
    char year[16] = {0}, num[16] = {0};
    for (const char *p = s; p < nian && strlen(year) < 8; p++)
        if (*p >= '0' && *p <= '9')
            year[strlen(year)] = *p;
    for (const char *p = di; *p && strlen(num) < 8; p++)
        if (*p >= '0' && *p <= '9')
            num[strlen(num)] = *p;
    if (!year[0] || !num[0])
        return NULL;
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s年第%s期", year, num);
    char *out = arena_strdup(&doc->arena, buf_str(&b));
    buf_fini(&b);
    return out;
}

/* Files a run of a running head that names the serial or the issue. */
static void head_add_run(CleanDoc *doc, RunningHead *h, const char *run)
{
    if (text_starts(run, "总第") && strstr(run, "期"))
        h->serial = ascii_digits(doc, run);
    else if (parse_issue(doc, run))
        h->issue = parse_issue(doc, run);
}

/* Tries to read a running head starting at line i. Returns the line index
 * past it (and fills *h) or i if there is none. */
static int read_head(CleanDoc *doc, int i, RunningHead *h, const char **first_run)
{
    int j = i, blanks = 0, nruns = 0, long_runs = 0;
    memset(h, 0, sizeof *h);
    h->line = doc->lines[i].no;
    *first_run = NULL;
    while (j < doc->nlines && blanks <= MAX_HEAD_BLANKS) {
        Line *l = &doc->lines[j];
        if (l->kind == LK_BLANK) {
            blanks++, j++;
            continue;
        }
        int end = is_vertical(l) ? run_end(doc, j) : j;
        if (end == j && !is_digits(l->body))
            break;
        blanks = 0;
        if (end - j <= 1 && is_digits(l->body) && !h->folio) {
            h->folio = l->body, j++;
            continue;
        }
        if (end == j)
            break;
        const char *run = run_text(doc, j, end);
        if (!*first_run && end - j >= 2)
            *first_run = run;
        long_runs += end - j >= 2;
        nruns++;
        head_add_run(doc, h, run);
        j = end;
    }
    bool ok = long_runs >= 2 || (long_runs >= 1 && h->folio && nruns >= 1);
    return ok ? j : i;
}

/* Marks the non-blank lines of [i, j) as furniture and flags the next text line. */
static void mark_furniture(CleanDoc *doc, int i, int j)
{
    for (int k = i; k < j; k++)
        if (doc->lines[k].kind != LK_BLANK)
            doc->lines[k].kind = LK_FURNITURE;
    while (j < doc->nlines && doc->lines[j].kind == LK_BLANK)
        j++;
    if (j < doc->nlines)
        doc->lines[j].flags |= LF_PAGE_BREAK;
}

/* The magazine name is the first run the running heads agree on. */
static void learn_magazine(CleanDoc *doc, const char **first_runs)
{
    for (int a = 0; a < doc->nheads; a++) {
        int same = 0;
        for (int b = 0; b < doc->nheads; b++)
            same += first_runs[a] && first_runs[b] && strcmp(first_runs[a], first_runs[b]) == 0;
        if (same >= 2 || (doc->nheads == 1 && first_runs[a])) {
            doc->magazine = first_runs[a];
            break;
        }
    }
}

/* The section is the first long run that is neither the magazine name
 * (or, while that is unknown, the first run) nor the serial or issue. */
static void find_section(CleanDoc *doc, RunningHead *h, int i, int end)
{
    int nlong = 0;
    for (int j = i; j < end;) {
        int e = j;
        while (e < end && doc->lines[e].kind == LK_FURNITURE && text_count(doc->lines[e].body) == 1)
            e++;
        if (e - j >= 2) {
            const char *run = run_text(doc, j, e);
            bool special = (text_starts(run, "总第") && strstr(run, "期")) ||
                           parse_issue(doc, run) != NULL;
            bool magazine = doc->magazine ? strcmp(run, doc->magazine) == 0 : nlong == 0;
            nlong++;
            if (!special && !magazine && !h->section)
                h->section = run;
        }
        j = e > j ? e : j + 1;
    }
}

/* Takes out runs that are a piece of the magazine name: a lone 天, or 津政协
 * with the 天 glued to the end of the previous text line. */
static void strip_partial(CleanDoc *doc, int i, int end);

static void find_partials(CleanDoc *doc)
{
    for (int i = 0; i < doc->nlines && doc->magazine; i++) {
        if (!is_vertical(&doc->lines[i]))
            continue;
        int end = run_end(doc, i);
        strip_partial(doc, i, end);
        i = end - 1;
    }
}

/* Cuts suffix (bytes) off the end of text line k and re-squeezes it. */
static void cut_tail(CleanDoc *doc, int k, size_t bytes)
{
    Line *l = &doc->lines[k];
    size_t len = strlen(l->raw);
    while (len > 0 && (l->raw[len - 1] == ' ' || l->raw[len - 1] == '\t'))
        len--;
    l->cut_tail = (int)(strlen(l->raw) - (len - bytes));
    char *raw = arena_strndup(&doc->arena, l->raw, len - bytes);
    Buf b;
    buf_init(&b);
    l->unsure = clean_squeeze_spaces(raw, CLEAN_SPACES_BODY, &b);
    l->body = arena_strdup(&doc->arena, buf_str(&b));
    buf_reset(&b);
    clean_squeeze_spaces(raw, CLEAN_SPACES_TITLE, &b);
    l->title = arena_strdup(&doc->arena, buf_str(&b));
    buf_fini(&b);
    l->width = clean_text_width(l->body);
}

static void strip_partial(CleanDoc *doc, int i, int end)
{
    const char *run = run_text(doc, i, end), *mag = doc->magazine;
    size_t rl = strlen(run), ml = strlen(mag);
    if (rl >= ml)
        return;
    if (strncmp(mag, run, rl) == 0) {
        mark_furniture(doc, i, end);
        doc_report(doc, doc->lines[i].no, "removed \"%s\" as a piece of the running head", run);
        return;
    }
    if (strcmp(mag + ml - rl, run) != 0 || i == 0)
        return;
    const Line *prev = &doc->lines[i - 1];
    size_t missing = ml - rl, pl = strlen(prev->body);
    if (prev->kind != LK_BODY || pl < missing || strncmp(prev->body + pl - missing, mag, missing))
        return;
    mark_furniture(doc, i, end);
    cut_tail(doc, i - 1, missing);
    doc_report(doc, prev->no, "removed \"%.*s\" at the line end and the next %d lines as the "
               "running head \"%s\"", (int)missing, mag, end - i, mag);
}

void furniture_find(CleanDoc *doc)
{
    const char **first_runs = ARENA_ARRAY(&doc->arena, const char *, doc->nlines + 1);
    int *ends = ARENA_ARRAY(&doc->arena, int, doc->nlines + 1);
    for (int i = 0; i < doc->nlines; i++) {
        Line *l = &doc->lines[i];
        if (!is_vertical(l) && !(l->kind == LK_BODY && is_digits(l->body)))
            continue;
        RunningHead h;
        const char *first;
        int end = read_head(doc, i, &h, &first);
        if (end == i)
            continue;
        doc->heads = doc_grow(doc, doc->heads, doc->nheads, &doc->cap_heads, sizeof h);
        first_runs[doc->nheads] = first;
        ends[doc->nheads] = end;
        doc->heads[doc->nheads++] = h;
        mark_furniture(doc, i, end);
        i = end - 1;
    }
    learn_magazine(doc, first_runs);
    for (int a = 0; a < doc->nheads; a++)
        find_section(doc, &doc->heads[a], doc->heads[a].line - 1, ends[a]);
    find_partials(doc);
}
