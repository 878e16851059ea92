/* test_para.c - the line breaker on synthetic glyphs (no fonts needed):
 * every CJK character is 10pt wide, ASCII 5pt. */
#include <stdio.h>
#include <string.h>

#include "../harness.h"
#include "base/utf8.h"
#include "para/para.h"
#include "text/charclass.h"
#include "synth.h"

#define PT SYNTH_PT
#define EM SYNTH_EM

#define synth synth_shape

static ParaLines *set(Arena *ar, Diag *d, const char *text, int chars, int indent, Align align)
{
    ParaOpts o = {.measure = chars * EM, .first_indent = indent * EM, .align = align};
    return para_break(ar, d, synth(ar, text), &o, srcloc("t.md", 1, 1));
}

static int32_t line_end(const ParaLines *p, int i)
{
    const Line *l = &p->line[i];
    int last = l->g1 - 1;
    const Glyph *g = &p->shaped->glyph[last];
    int32_t end = l->x[last - l->g0] + g->advance;
    if (g->cls & CC_BLANK_RIGHT)
        end -= g->size / 2; /* a line-end mark is set half width */
    return end;
}

static unsigned first_cls(const ParaLines *p, int i)
{
    return p->shaped->glyph[p->line[i].g0].cls;
}

static unsigned last_cls(const ParaLines *p, int i)
{
    return p->shaped->glyph[p->line[i].g1 - 1].cls;
}

static void test_flush_and_rules(Arena *ar, Diag *d)
{
    const char *text = "习近平指出，统一战线是党克敌制胜、执政兴国的重要法宝，是团结海内外全体"
                       "中华儿女实现中华民族伟大复兴的重要法宝，必须长期坚持。人心向背、力量对比"
                       "是决定党和人民事业成败的关键，是最大的政治。“团结——批评——团结”的优良传统。";
    ParaLines *p = set(ar, d, text, 18, 2, ALIGN_JUSTIFY);
    CHECK(p->n >= 5);
    for (int i = 0; i < p->n; i++) {
        CHECK(!(first_cls(p, i) & CC_NO_START));
        CHECK(!(last_cls(p, i) & CC_NO_END));
        if (!p->line[i].last) {
            CHECK_INT(line_end(p, i), 18 * EM);
            CHECK(p->line[i].max_gap < EM * 14 / 100);
        }
        const Glyph *g = &p->shaped->glyph[p->line[i].g0];
        CHECK(!(g->cp == 0x2014 && p->line[i].g0 > 0 && g[-1].cp == 0x2014));
    }
    CHECK_INT(p->line[0].x[0], 2 * EM); /* 2 em first-line indent */
}

static void test_push_in(Arena *ar, Diag *d)
{
    /* 18 units fill the line; the 19th is 。, which may not start the next
     * line: it is pushed in (the ， inside gives up its blank half). */
    ParaLines *p = set(ar, d, "一二三，四五六七八九十一二三四五六七。后面的文字", 18, 0,
                       ALIGN_JUSTIFY);
    CHECK_INT(p->line[0].g1, 19);
    CHECK_INT(line_end(p, 0), 18 * EM);
    CHECK_INT(p->line[0].x[4] - p->line[0].x[3], EM / 2); /* ， set half width */
    /* Without a mark to compress, the last character goes down with the 。 (push-out). */
    p = set(ar, d, "一二三四五六七八九十一二三四五六七八。后面的文字", 18, 0, ALIGN_JUSTIFY);
    CHECK_INT(p->line[0].g1, 17);
    CHECK_INT(line_end(p, 0), 18 * EM);
}

static void test_han_latin(Arena *ar, Diag *d)
{
    ParaLines *p = set(ar, d, "今后5年我国", 18, 0, ALIGN_JUSTIFY);
    const Line *l = &p->line[0];
    CHECK_INT(l->x[2] - l->x[1], EM + EM / 4);     /* 后|5: ¼ em */
    CHECK_INT(l->x[3] - l->x[2], EM / 2 + EM / 4); /* 5|年 */
}

static void test_overfull(Arena *ar, Diag *d)
{
    int before = d->warnings;
    ParaLines *p = set(ar, d, "见https://example.org/a/very/long/path/that/never/breaks", 10, 0,
                       ALIGN_JUSTIFY);
    bool any = false;
    for (int i = 0; i < p->n; i++)
        any |= p->line[i].overfull;
    CHECK(any);
    CHECK(d->warnings > before);
}

static void test_balanced_title(Arena *ar, Diag *d)
{
    ParaLines *p = set(ar, d, "擦亮政协工作创新品牌　加强专门协商机构建设", 18, 0, ALIGN_CENTER);
    CHECK_INT(p->n, 2);
    CHECK_INT(p->line[1].g0, 11); /* broken at the gap */
}

static void test_line_flags(Arena *ar, Diag *d)
{
    /* 16 Han characters before a 17-em word that may not break: the first
     * line is stretched by 2 em over 15 gaps, 0.133 em each: loose. */
    ParaLines *p = set(ar, d, "一二三四五六七八九十一二三四五六abcdefghijklmnopqrstuvwxyzabcdefgh",
                       18, 0, ALIGN_JUSTIFY);
    CHECK_INT(p->n, 2);
    CHECK_INT(para_line_flags(p, 0), LINE_LOOSE);
    CHECK_INT(para_line_flags(p, 1), 0);
    CHECK_INT(p->at.line, 1);
    p = set(ar, d, "一二三四五六七八九十一二三四五六七八。后面的文字", 18, 0, ALIGN_JUSTIFY);
    CHECK_INT(para_line_flags(p, 0), LINE_PUSHED_OUT);
    int before = d->warnings;
    p = set(ar, d, "见https://example.org/a/very/long/path/that/never/breaks", 10, 0,
            ALIGN_JUSTIFY);
    unsigned any = 0;
    for (int i = 0; i < p->n; i++)
        any |= para_line_flags(p, i);
    CHECK(any & LINE_OVERFULL);
    CHECK(d->warnings > before);
}

static void test_runt_flag(Arena *ar, Diag *d)
{
    /* Greedy: 18 characters, then 九。 alone (孤字); total fit: 17 + 3. */
    const char *text = "一二三四五六七八九十一二三四五六七八九。";
    ParaLines *p = set(ar, d, text, 18, 0, ALIGN_JUSTIFY);
    CHECK_INT(p->n, 2);
    CHECK(!p->runt);
    ParaOpts o = p->opts;
    o.first_fit = true;
    ParaLines *greedy = para_break(ar, d, p->shaped, &o, p->at);
    CHECK_INT(greedy->n, 2);
    CHECK(greedy->runt);
}

int main(void)
{
    Arena ar;
    arena_init(&ar);
    Diag d;
    diag_init(&d, NULL, "test");
    test_flush_and_rules(&ar, &d);
    test_push_in(&ar, &d);
    test_han_latin(&ar, &d);
    test_overfull(&ar, &d);
    test_balanced_title(&ar, &d);
    test_line_flags(&ar, &d);
    test_runt_flag(&ar, &d);
    arena_fini(&ar);
    return harness_summary();
}
