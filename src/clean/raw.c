/* raw.c - raw extraction → validated lines: UTF-8 checks, spaces, widths.
 *
 * PDF extractors turn the justification of a CJK line into spaces between
 * every two characters, and the gap a typesetter puts between Han and
 * Latin text into a space as well. Here each line gets two squeezed forms
 * (running text and title) and a printed width in quarter ems, which the
 * later passes compare with the column measure.
 */
#include "clean/clean_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

enum {
    MAX_INPUT_ERRORS = 20,
    IDEOGRAPHIC_SPACE = 0x3000,
    MAX_NOTE_LABEL = 6, /* characters before the ： of a note: 课题组成员： */
};

/* ---- Character helpers ------------------------------------------------------- */

/* Wide (CJK) as opposed to Latin-like: letters, digits and number forms
 * such as Ⅱ keep their spaces between them and lose those next to Han. */
static bool cp_is_wide(int32_t cp)
{
    bool latin = cp < 0x80 || (cp >= 0xC0 && cp <= 0x24F) || (cp >= 0x370 && cp <= 0x4FF) ||
                 (cp >= 0x2150 && cp <= 0x218F);
    return !latin;
}

bool cp_is_cjk_punct(int32_t cp)
{
    static const char marks[] = "，。、；：？！“”‘’（）《》〈〉【】…—·「」『』〔〕／～※■";
    if (cp < 0x80)
        return false;
    char enc[5] = {0};
    utf8_encode(cp, enc);
    return strstr(marks, enc) != NULL;
}

bool cp_is_closer(int32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0xFF09 || cp == 0x300B || cp == 0x3009 ||
           cp == 0x300D || cp == 0x300F || cp == 0x3011 || cp == 0x3015;
}

int32_t text_first_cp(const char *s)
{
    int n;
    return *s ? utf8_decode(s, strlen(s), &n) : 0;
}

int32_t text_last_cp(const char *s)
{
    size_t len = strlen(s);
    if (len == 0)
        return 0;
    size_t i = len - 1;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    int n;
    return utf8_decode(s + i, len - i, &n);
}

int text_count(const char *s)
{
    return utf8_count(s, strlen(s));
}

bool text_has_any(const char *s, const char *set)
{
    size_t i = 0, len = strlen(set);
    while (i < len) {
        int n;
        utf8_decode(set + i, len - i, &n);
        char one[5] = {0};
        memcpy(one, set + i, (size_t)n);
        if (strstr(s, one))
            return true;
        i += (size_t)n;
    }
    return false;
}

bool text_starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

bool text_is_note(const char *s)
{
    if (text_starts(s, "（"))
        return clean_head_pattern(s) != CLEAN_HEAD_SECTION;
    if (text_starts(s, "编者按"))
        return false;
    const char *colon = strstr(s, "：");
    if (!colon || colon == s)
        return false;
    int n = 0;
    for (const char *p = s; p < colon; n++) {
        int size;
        int32_t cp = utf8_decode(p, (size_t)(colon - p), &size);
        if (!utf8_is_han(cp))
            return false;
        p += size;
    }
    return n <= MAX_NOTE_LABEL;
}

/* ---- Widths ------------------------------------------------------------------- */

/* Quarter ems a character takes in a CJK font: capitals are wider than
 * half an em, number forms such as Ⅱ are full width. */
static int glyph_width(int32_t cp)
{
    if (cp >= 'A' && cp <= 'Z')
        return 3;
    if (cp < 0x80 || (cp >= 0xC0 && cp <= 0x4FF))
        return 2;
    return 4;
}

int clean_text_width(const char *s)
{
    size_t i = 0, len = strlen(s);
    int w = 0, prev = -1; /* prev: 1 wide, 0 narrow non-space, -1 none/space */
    while (i < len) {
        int n;
        int32_t cp = utf8_decode(s + i, len - i, &n);
        i += (size_t)n;
        if (cp == ' ') {
            w += 1, prev = -1;
            continue;
        }
        int wide = cp_is_wide(cp);
        w += glyph_width(cp);
        if (prev >= 0 && prev != wide && cp != IDEOGRAPHIC_SPACE)
            w += 1; /* the quarter-em gap between Han and Latin */
        prev = wide;
    }
    return w;
}

bool clean_ends_sentence(const char *s)
{
    size_t len = strlen(s);
    while (len > 0) {
        size_t i = len - 1;
        while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
            i--;
        int n;
        int32_t cp = utf8_decode(s + i, len - i, &n);
        if (!cp_is_closer(cp))
            return cp == 0x3002 || cp == 0xFF01 || cp == 0xFF1F || cp == 0x2026 ||
                   cp == 0x25A0 || cp == 0xFF1A || cp == 0xFF1B || cp == '.' || cp == '!' ||
                   cp == '?';
        len = i;
    }
    return false;
}

/* ---- Squeezing spaces ------------------------------------------------------------ */

/* A line decoded into code points, spaces normalised. */
typedef struct CpLine {
    int32_t *cp;
    int n;
} CpLine;

static CpLine decode_line(const char *line)
{
    size_t len = strlen(line), i = 0;
    CpLine l = {xmalloc((len + 1) * sizeof(int32_t)), 0};
    while (i < len) {
        int n;
        int32_t cp = utf8_decode(line + i, len - i, &n);
        i += (size_t)n;
        if (cp == '\r')
            continue;
        if (cp == '\t' || cp == '\v' || cp == '\f' || cp < 0)
            cp = ' ';
        l.cp[l.n++] = cp;
    }
    return l;
}

/* Counts adjacent pairs of non-punctuation wide characters with exactly one
 * space between them (*spaced) and with none (*tight). */
static void count_pairs(const CpLine *l, int *spaced, int *tight)
{
    *spaced = *tight = 0;
    for (int i = 0; i + 1 < l->n; i++) {
        int32_t a = l->cp[i], b = l->cp[i + 1];
        if (!cp_is_wide(a) || cp_is_cjk_punct(a))
            continue;
        if (cp_is_wide(b) && !cp_is_cjk_punct(b))
            (*tight)++;
        else if (b == ' ' && i + 2 < l->n && cp_is_wide(l->cp[i + 2]) &&
                 !cp_is_cjk_punct(l->cp[i + 2]))
            (*spaced)++;
    }
}

static void put_cp(Buf *out, int32_t cp)
{
    char enc[4];
    buf_put(out, enc, (size_t)utf8_encode(cp, enc));
}

/* Decides what a run of k spaces between a and b becomes; returns true if
 * the decision is a guess worth reporting. */
static bool squeeze_gap(int32_t a, int32_t b, int k, CleanSpaceMode mode, bool sparse,
                        Buf *out)
{
    if (!cp_is_wide(a) && !cp_is_wide(b)) {
        for (int i = 0; i < k; i++)
            buf_putc(out, ' '); /* between Latin words: printed */
        return false;
    }
    if (!cp_is_wide(a) || !cp_is_wide(b))
        return false; /* Han–Latin gap: the engine sets it itself */
    bool plain = !cp_is_cjk_punct(a) && !cp_is_cjk_punct(b);
    if (mode == CLEAN_SPACES_TITLE && (k >= 2 || sparse)) {
        put_cp(out, IDEOGRAPHIC_SPACE);
        return false;
    }
    if (k >= 2 && plain) {
        put_cp(out, IDEOGRAPHIC_SPACE); /* too wide for justification: a printed gap */
        return false;
    }
    return k == 1 && plain && sparse && mode == CLEAN_SPACES_BODY;
}

int clean_squeeze_spaces(const char *line, CleanSpaceMode mode, Buf *out)
{
    CpLine l = decode_line(line);
    int spaced, tight, unsure = 0;
    count_pairs(&l, &spaced, &tight);
    bool sparse = spaced <= 2 && tight >= 4 * (spaced > 0 ? spaced : 1) && tight >= 8;
    if (mode == CLEAN_SPACES_TITLE)
        sparse = spaced * 2 < tight;
    int i = 0, end = l.n;
    while (i < end && l.cp[i] == ' ')
        i++;
    while (end > i && l.cp[end - 1] == ' ')
        end--;
    while (i < end) {
        if (l.cp[i] != ' ') {
            put_cp(out, l.cp[i++]);
            continue;
        }
        int j = i;
        while (j < end && l.cp[j] == ' ')
            j++;
        unsure += squeeze_gap(l.cp[i - 1], l.cp[j], j - i, mode, sparse, out);
        i = j;
    }
    free(l.cp);
    return unsure;
}

/* ---- Validation and splitting ------------------------------------------------------ */

static void input_error(Diag *d, const char *path, const char *text, size_t at, int line,
                        size_t line_start, const char *what)
{
    int col = utf8_count(text + line_start, at - line_start) + 1;
    SrcLoc loc = {.path = path, .line = line, .col = col};
    diag_error(d, loc, "%s", what);
}

/* Checks one code point at text+i; returns false after reporting a problem. */
static bool check_char(Diag *d, const char *path, const char *text, size_t len, size_t i,
                       int line, size_t line_start, int *size)
{
    char what[64];
    int32_t cp = utf8_decode(text + i, len - i, size);
    if (cp < 0) {
        snprintf(what, sizeof what, "invalid UTF-8 (byte 0x%02X)", (unsigned char)text[i]);
    } else if (cp == 0) {
        snprintf(what, sizeof what, "NUL byte in text");
    } else if ((cp < 0x20 && cp != '\t' && cp != '\n' && cp != '\r' && cp != '\f' &&
                cp != '\v') ||
               cp == 0x7F || (cp >= 0x80 && cp < 0xA0)) {
        snprintf(what, sizeof what, "control character U+%04X in text", (unsigned)cp);
    } else {
        return true;
    }
    input_error(d, path, text, i, line, line_start, what);
    return false;
}

static bool validate(Diag *d, const char *path, const char *text, size_t len)
{
    int line = 1, errors = 0;
    size_t i = 0, line_start = 0;
    while (i < len && errors < MAX_INPUT_ERRORS) {
        int n;
        if (!check_char(d, path, text, len, i, line, line_start, &n))
            errors++;
        if (text[i] == '\n')
            line++, line_start = i + 1;
        i += (size_t)n;
    }
    if (errors >= MAX_INPUT_ERRORS && i < len)
        diag_note(d, srcloc_file(path), "too many errors; stopped checking");
    return errors == 0;
}

/* Fills one Line from raw text [s, s+n). */
static void make_line(CleanDoc *doc, Line *l, int no, const char *s, size_t n)
{
    Buf b;
    buf_init(&b);
    l->no = no;
    l->raw = arena_strndup(&doc->arena, s, n);
    l->unsure = clean_squeeze_spaces(l->raw, CLEAN_SPACES_BODY, &b);
    l->body = arena_strdup(&doc->arena, buf_str(&b));
    buf_reset(&b);
    clean_squeeze_spaces(l->raw, CLEAN_SPACES_TITLE, &b);
    l->title = arena_strdup(&doc->arena, buf_str(&b));
    buf_fini(&b);
    l->width = clean_text_width(l->body);
    l->kind = l->body[0] ? LK_BODY : LK_BLANK;
    CpLine cps = decode_line(l->raw);
    int spaced, tight;
    count_pairs(&cps, &spaced, &tight);
    free(cps.cp);
    if (spaced >= 2 && spaced * 2 >= tight)
        l->flags |= LF_SPACED;
    if (n > 0 && (s[0] == ' ' || s[0] == '\t'))
        l->flags |= LF_LEAD_SPACE;
    if (strstr(l->body, "\xE2\x96\xA0")) /* ■ */
        l->flags |= LF_END_MARK;
    if (n >= 3 && s[n - 1] == ' ' && s[n - 2] == ' ' && (unsigned char)s[n - 3] >= 0x80)
        l->flags |= LF_TRAIL_GAP;
}

bool raw_split(CleanDoc *doc, Diag *d, const char *text, size_t len)
{
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0)
        text += 3, len -= 3; /* a byte-order mark is not text */
    if (!validate(d, doc->path, text, len))
        return false;
    int count = 1;
    for (size_t i = 0; i < len; i++)
        count += text[i] == '\n';
    if (len > 0 && text[len - 1] == '\n')
        count--;
    doc->lines = ARENA_ARRAY(&doc->arena, Line, count + 1);
    size_t start = 0;
    for (int no = 1; no <= count; no++) {
        size_t end = start;
        while (end < len && text[end] != '\n')
            end++;
        make_line(doc, &doc->lines[no - 1], no, text + start, end - start);
        start = end + 1;
    }
    doc->nlines = count;
    return true;
}
