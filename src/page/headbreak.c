/* headbreak.c - where a head that takes more than one line breaks.
 *
 * The line breaker sets unjustified text in lines of even length, but it
 * knows no words: "二、坚持服务中心大局，投身一线彰显担当" would break
 * inside 大局. A layout editor breaks a head where it pauses: after a
 * comma, an enumeration mark, a colon, an ideographic space (or, less
 * gladly, after 的, where a modifier ends). head_lines looks for such
 * cuts that keep every part on one line and the head in no more lines
 * than the breaker's own setting, and takes the most even of them. Where
 * none serves, the breaker's setting stands.
 */
#include "page_impl.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

#define MAX_CUTS 16     /* places a head may break that are looked at */
#define MIN_PART 3      /* characters a line keeps at least (never "一、" alone) */
#define WEAK_CUT 2      /* ems a cut after 的 is charged, against a mark's */

typedef struct Cuts {
    Composer *c;
    const char *text;
    RoleId role;
    int32_t measure;
    Align align;
    SrcLoc at;
    int n;                          /* places: at[0] = 0 … at[n-1] = the text's end */
    int pos[MAX_CUTS + 2];          /* byte offsets */
    int chars[MAX_CUTS + 2];        /* characters before each place */
    bool weak[MAX_CUTS + 2];        /* a cut after 的 */
    ParaLines *set[MAX_CUTS + 2][MAX_CUTS + 2]; /* part [i, j) as one line; NULL: not yet */
    bool tried[MAX_CUTS + 2][MAX_CUTS + 2];
    int lines;                      /* parts wanted */
    int best[HEAD_LINES + 1], cur[HEAD_LINES + 1];
    double best_score;
} Cuts;

/* A head pauses after these: full-width comma, enumeration comma, colon,
 * semicolon, marks of exclamation and question, the ideographic space. */
static bool pause_after(int32_t cp)
{
    return cp == 0xFF0C || cp == 0x3001 || cp == 0xFF1A || cp == 0xFF1B || cp == 0xFF01 ||
           cp == 0xFF1F || cp == 0x3000;
}

/* Closing marks, which may not start a line: no cut before one. */
static bool closing(int32_t cp)
{
    return cp == 0x201D || cp == 0x2019 || cp == 0xFF09 || cp == 0x300B || cp == 0x300D ||
           cp == 0x300F || cp == 0x3011;
}

static void find_places(Cuts *k)
{
    int len = (int)strlen(k->text), chars = 0;
    k->n = 0;
    k->pos[k->n] = 0, k->chars[k->n] = 0, k->weak[k->n++] = false;
    for (int i = 0; i < len;) {
        int size;
        int32_t cp = utf8_decode(k->text + i, (size_t)(len - i), &size);
        i += size > 0 ? size : 1;
        chars++;
        if (i >= len || k->n > MAX_CUTS || !(pause_after(cp) || cp == 0x7684 /* 的 */))
            continue;
        int32_t next = utf8_decode(k->text + i, (size_t)(len - i), &size);
        if (closing(next))
            continue;
        k->pos[k->n] = i, k->chars[k->n] = chars, k->weak[k->n++] = cp == 0x7684;
    }
    k->pos[k->n] = len, k->chars[k->n] = chars, k->weak[k->n++] = false;
}

/* text in role's face, to measure, with no indent (a head has none). */
static ParaLines *set_head(Composer *c, const char *text, RoleId role, int32_t measure,
                           Align align, SrcLoc at)
{
    TextSpan span = {.start = 0, .end = (int)strlen(text), .role = role};
    return compose_set(c, text, span.end, &span, 1, measure, align, 0, at);
}

/* Part [i, j) set as one line, or NULL where it takes more. */
static ParaLines *part(Cuts *k, int i, int j)
{
    if (!k->tried[i][j]) {
        k->tried[i][j] = true;
        int len = k->pos[j] - k->pos[i];
        Arena *a = &k->c->p->arena;
        const char *t = arena_strndup(a, k->text + k->pos[i], (size_t)len);
        ParaLines *pl = set_head(k->c, t, k->role, k->measure, k->align, k->at);
        k->set[i][j] = pl->n == 1 ? pl : NULL;
    }
    return k->set[i][j];
}

/* How uneven the parts cur[0..lines] are (the widest less the narrowest,
 * in ems), plus what weak cuts cost; a weak cut that leaves a part less
 * than half as wide as the widest is not taken (-1): the breaker's even
 * lines read better than "…建设的／长效机制". */
static double score(Cuts *k)
{
    int32_t lo = INT32_MAX, hi = 0;
    double weak = 0;
    for (int p = 0; p < k->lines; p++) {
        int32_t w = part(k, k->cur[p], k->cur[p + 1])->line[0].width;
        lo = w < lo ? w : lo;
        hi = w > hi ? w : hi;
        weak += p > 0 && k->weak[k->cur[p]] ? WEAK_CUT : 0;
    }
    if (weak > 0 && 2 * lo < hi)
        return -1;
    return (double)(hi - lo) / k->c->l->role[k->role].size + weak;
}

/* Every way to end part p (starting at place cur[p]) so that it is one
 * line and the rest can follow in the parts left. */
static void search(Cuts *k, int p)
{
    int from = k->cur[p];
    if (p == k->lines - 1) {
        if (k->chars[k->n - 1] - k->chars[from] < MIN_PART || !part(k, from, k->n - 1))
            return;
        k->cur[p + 1] = k->n - 1;
        double s = score(k);
        if (s >= 0 && s < k->best_score) {
            k->best_score = s;
            memcpy(k->best, k->cur, sizeof k->best);
        }
        return;
    }
    for (int j = from + 1; j < k->n - 1; j++) {
        if (k->chars[j] - k->chars[from] < MIN_PART)
            continue; /* a line of a character or two */
        if (!part(k, from, j))
            break; /* longer parts do not fit either */
        k->cur[p + 1] = j;
        search(k, p + 1);
    }
}

/* The parts as lines of the whole head's own setting, so the head stays
 * one paragraph (one heading when the PDF is tagged): each part's line,
 * its glyphs found in the whole's shaped text. NULL where the glyphs do
 * not match one for one (shaping across a cut). */
static ParaLines *join(Cuts *k, const ParaLines *whole)
{
    const Shaped *s = whole->shaped;
    ParaLines *pl = ARENA_ARRAY(&k->c->p->arena, ParaLines, 1);
    *pl = *whole;
    pl->line = ARENA_ARRAY(&k->c->p->arena, Line, k->lines);
    pl->n = k->lines;
    pl->pushed_out = 0;
    pl->runt = false;
    for (int p = 0, g = 0; p < k->lines; p++) {
        const ParaLines *part_pl = k->set[k->best[p]][k->best[p + 1]];
        Line ln = part_pl->line[0];
        int n = ln.g1 - ln.g0;
        if (g + n > s->n || s->glyph[g].byte != k->pos[k->best[p]])
            return NULL;
        ln.g0 = g, ln.g1 = g + n;
        ln.last = p == k->lines - 1;
        pl->line[p] = ln;
        g += n;
        if (ln.last && g != s->n)
            return NULL;
    }
    return pl;
}

ParaLines *head_lines(Composer *c, const char *text, RoleId role, int32_t measure, Align align,
                      SrcLoc at)
{
    ParaLines *whole = set_head(c, text, role, measure, align, at);
    if (whole->n < 2 || whole->n > HEAD_LINES)
        return whole;
    Cuts *k = xcalloc(1, sizeof *k);
    *k = (Cuts){.c = c, .text = text, .role = role, .measure = measure, .align = align, .at = at,
                .lines = whole->n, .best_score = 1e300};
    find_places(k);
    search(k, 0);
    ParaLines *pl = k->best_score < 1e300 ? join(k, whole) : NULL;
    free(k);
    return pl ? pl : whole;
}
