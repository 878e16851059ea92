/* content.c - rewriting page content streams; see pdfpost_impl.h.
 *
 * A small tokenizer over the content-stream syntax (ISO 32000-1 §7.8.2,
 * §8.2): operands are collected until an operator; strings, hex strings,
 * names, arrays, dictionaries and comments are skipped whole, and inline
 * image data (BI … ID … EI) is passed through untouched. Two rewrites:
 *
 *   CONTENT_CMYK       r g b rg/RG → c m y k k/K; neutral grey becomes
 *                      black ink only (0 0 0 k), so text and rules print
 *                      on the K plate alone (Cairo can only write RGB);
 *                      the crop marks' proxy colour becomes registration
 *                      (CONTENT_REGISTRATION cs 1 scn).
 *   CONTENT_ARTIFACTS  every drawing outside marked content (text object,
 *                      painted path, XObject, shading, inline image) is
 *                      wrapped in /Artifact BMC … EMC: that is how the
 *                      renderer leaves furniture (see src/render/pdf.c).
 *                      Clipping paths are not drawings and stay as they are.
 */
#include "pdfpost_impl.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

enum { MAX_NUMS = 4 };

typedef struct Scan {
    const char *in;
    size_t len, pos;
    size_t operands;      /* where the current operator's operands start */
    double num[MAX_NUMS]; /* the last numeric operands, newest last */
    int n_nums;
    int operand_count;
    int depth;            /* marked-content nesting, artifacts excluded */
    bool in_artifact;     /* our /Artifact BMC is open */
    size_t path_start;    /* where the current path began; SIZE_MAX if none */
    bool path_clips;      /* the current path has a W or W* */
    Buf *out;
    size_t copied;        /* input before this offset has been written */
    int flags;
} Scan;

static bool is_space(char c)
{
    return c == ' ' || c == '\n' || c == '\r' || c == '\t' || c == '\f' || c == '\0';
}

static bool is_delim(char c)
{
    return strchr("()<>[]{}/%", c) != NULL;
}

static void skip_literal_string(Scan *s)
{
    int nest = 0;
    for (; s->pos < s->len; s->pos++) {
        char c = s->in[s->pos];
        if (c == '\\')
            s->pos++;
        else if (c == '(')
            nest++;
        else if (c == ')' && --nest == 0) {
            s->pos++;
            return;
        }
    }
}

static void skip_regular(Scan *s)
{
    while (s->pos < s->len && !is_space(s->in[s->pos]) && !is_delim(s->in[s->pos]))
        s->pos++;
}

/* Copies input up to `to`, then text (if any). */
static void emit_upto(Scan *s, size_t to, const char *text)
{
    if (to > s->copied)
        buf_put(s->out, s->in + s->copied, to - s->copied);
    if (s->copied < to)
        s->copied = to;
    if (text)
        buf_put(s->out, text, strlen(text));
}

/* ---- the rewrites ---------------------------------------------------------- */

static void fmt_num(char *out, size_t n, double v)
{
    if (v < 0.00005)
        v = 0;
    snprintf(out, n, "%.4f", v);
    char *e = out + strlen(out) - 1;
    while (*e == '0')
        *e-- = '\0';
    if (*e == '.')
        *e = '\0';
}

/* r g b → c m y k: neutral greys on K alone; other colours by full
 * under-colour removal (a device conversion, not a colour-managed one). */
static void rgb_to_cmyk(const double rgb[3], double cmyk[4])
{
    double c = 1 - rgb[0], m = 1 - rgb[1], y = 1 - rgb[2];
    double k = c < m ? (c < y ? c : y) : (m < y ? m : y);
    cmyk[0] = c - k, cmyk[1] = m - k, cmyk[2] = y - k, cmyk[3] = k;
    if (rgb[0] == rgb[1] && rgb[1] == rgb[2])
        cmyk[0] = cmyk[1] = cmyk[2] = 0;
}

static bool is_registration(const double rgb[3])
{
    static const double reg[3] = PDFPOST_REGISTRATION_RGB;
    return rgb[0] == reg[0] && rgb[1] == reg[1] && rgb[2] == reg[2];
}

static void rewrite_rgb(Scan *s, bool stroke)
{
    if (s->operand_count != 3 || s->n_nums < 3)
        return;
    if (is_registration(&s->num[s->n_nums - 3])) {
        emit_upto(s, s->operands, stroke ? CONTENT_REGISTRATION " CS 1 SCN"
                                         : CONTENT_REGISTRATION " cs 1 scn");
        s->copied = s->pos;
        return;
    }
    double cmyk[4];
    rgb_to_cmyk(&s->num[s->n_nums - 3], cmyk);
    char num[4][24], text[128];
    for (int i = 0; i < 4; i++)
        fmt_num(num[i], sizeof num[i], cmyk[i]);
    snprintf(text, sizeof text, "%s %s %s %s %s", num[0], num[1], num[2], num[3],
             stroke ? "K" : "k");
    emit_upto(s, s->operands, text);
    s->copied = s->pos;
}

static bool op_is(const char *op, size_t n, const char *name)
{
    return strlen(name) == n && memcmp(op, name, n) == 0;
}

static bool is_path_paint(const char *op, size_t n)
{
    static const char *const ops[] = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n", NULL};
    for (int i = 0; ops[i]; i++)
        if (op_is(op, n, ops[i]))
            return true;
    return false;
}

/* Opens an artifact before the operands of this operator. */
static void artifact_open_at(Scan *s, size_t at)
{
    emit_upto(s, at, "/Artifact BMC\n");
    s->in_artifact = true;
}

static void artifact_close(Scan *s)
{
    emit_upto(s, s->pos, "\nEMC");
    s->in_artifact = false;
}

/* Paths: the artifact opens where the path began, once it is painted. */
static void artifacts_path(Scan *s, const char *op, size_t n)
{
    if (s->path_start == SIZE_MAX && (op_is(op, n, "m") || op_is(op, n, "re"))) {
        s->path_start = s->operands;
        s->path_clips = false;
    } else if (op_is(op, n, "W") || op_is(op, n, "W*")) {
        s->path_clips = true;
    } else if (is_path_paint(op, n) && s->path_start != SIZE_MAX) {
        if (s->depth == 0 && !s->in_artifact && !s->path_clips) {
            artifact_open_at(s, s->path_start);
            artifact_close(s);
        }
        s->path_start = SIZE_MAX;
    }
}

static void artifacts(Scan *s, const char *op, size_t n)
{
    if (op_is(op, n, "BDC") || op_is(op, n, "BMC")) {
        s->depth++;
    } else if (op_is(op, n, "EMC")) {
        s->depth--;
    } else if (s->depth == 0 && !s->in_artifact && op_is(op, n, "BT")) {
        artifact_open_at(s, s->operands);
    } else if (s->in_artifact && op_is(op, n, "ET")) {
        artifact_close(s);
    } else if (s->depth == 0 && !s->in_artifact && (op_is(op, n, "Do") || op_is(op, n, "sh"))) {
        artifact_open_at(s, s->operands);
        artifact_close(s);
    } else {
        artifacts_path(s, op, n);
    }
}

/* ---- the scanner ------------------------------------------------------------- */

/* Inline image: BI <dict> ID <data> EI; the data ends at whitespace + EI +
 * whitespace (or end). Wraps it when it is drawn outside marked content. */
static void skip_inline_image(Scan *s, size_t bi_start)
{
    const char *id = NULL;
    for (size_t i = s->pos; i + 2 < s->len && !id; i++)
        if (s->in[i] == 'I' && s->in[i + 1] == 'D' && is_space(s->in[i - 1]) &&
            is_space(s->in[i + 2]))
            id = s->in + i + 3;
    size_t p = id ? (size_t)(id - s->in) : s->len;
    for (; p + 2 <= s->len; p++)
        if (is_space(s->in[p - 1]) && s->in[p] == 'E' && s->in[p + 1] == 'I' &&
            (p + 2 == s->len || is_space(s->in[p + 2])))
            break;
    s->pos = p + 2 <= s->len ? p + 2 : s->len;
    if ((s->flags & CONTENT_ARTIFACTS) && s->depth == 0 && !s->in_artifact) {
        artifact_open_at(s, bi_start);
        artifact_close(s);
    }
}

static void operator(Scan *s, size_t start)
{
    const char *op = s->in + start;
    size_t n = s->pos - start;
    if (op_is(op, n, "true") || op_is(op, n, "false") || op_is(op, n, "null")) {
        s->operand_count++;
        return;
    }
    if (op_is(op, n, "BI"))
        skip_inline_image(s, start);
    else if ((s->flags & CONTENT_CMYK) && (op_is(op, n, "rg") || op_is(op, n, "RG")))
        rewrite_rgb(s, op[0] == 'R');
    if (s->flags & CONTENT_ARTIFACTS)
        artifacts(s, op, n);
    s->operand_count = 0;
    s->n_nums = 0;
    s->operands = SIZE_MAX;
}

static void number(Scan *s, size_t start)
{
    if (s->n_nums == MAX_NUMS) {
        memmove(s->num, s->num + 1, sizeof(double) * (MAX_NUMS - 1));
        s->n_nums--;
    }
    s->num[s->n_nums++] = strtod(s->in + start, NULL);
    s->operand_count++;
}

/* Reads one token at s->pos and acts on it. */
static void token(Scan *s)
{
    size_t start = s->pos;
    char c = s->in[s->pos];
    if (s->operands == SIZE_MAX && c != '%')
        s->operands = start;
    if (c == '%') {
        while (s->pos < s->len && s->in[s->pos] != '\n' && s->in[s->pos] != '\r')
            s->pos++;
        return;
    }
    if (c == '(') {
        skip_literal_string(s);
    } else if (c == '<' && s->pos + 1 < s->len && s->in[s->pos + 1] == '<') {
        s->pos += 2;
        return; /* dictionary delimiters bracket operands; they are not operands */
    } else if (c == '<') {
        const char *e = memchr(s->in + s->pos, '>', s->len - s->pos);
        s->pos = e ? (size_t)(e - s->in) + 1 : s->len;
    } else if (c == '>' || c == '[' || c == ']' || c == '{' || c == '}') {
        s->pos += (c == '>' && s->pos + 1 < s->len && s->in[s->pos + 1] == '>') ? 2 : 1;
        return;
    } else if (c == '/') {
        s->pos++;
        skip_regular(s);
    } else {
        skip_regular(s);
        if (s->pos == start)
            s->pos++; /* a stray delimiter */
        else if (strchr("+-.0123456789", c))
            number(s, start);
        else
            operator(s, start);
        return;
    }
    s->operand_count++;
}

char *content_filter(const char *in, size_t len, int flags, size_t *out_len)
{
    Buf out;
    buf_init(&out);
    Scan s = {.in = in, .len = len, .operands = SIZE_MAX, .path_start = SIZE_MAX, .out = &out,
              .flags = flags};
    while (s.pos < s.len) {
        if (is_space(s.in[s.pos]))
            s.pos++;
        else
            token(&s);
    }
    emit_upto(&s, s.len, s.in_artifact ? "\nEMC\n" : NULL);
    *out_len = out.len;
    return buf_detach(&out);
}
