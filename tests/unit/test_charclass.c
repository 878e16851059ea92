/* test_charclass.c - the line-start/line-end table (clreq, GB level). */
#include "../harness.h"
#include "text/charclass.h"

static void test_prohibitions(void)
{
    /* Never at a line start: 、，。；：？！, closing brackets and quotes, ·～／ —— …… */
    const int never_start[] = {0x3001, 0xFF0C, 0x3002, 0xFF1B, 0xFF1A, 0xFF1F, 0xFF01, 0x201D,
                               0x2019, 0xFF09, 0x300B, 0x300D, 0x3011, 0x00B7, 0xFF5E, 0xFF0F,
                               0x2014, 0x2026};
    for (unsigned i = 0; i < sizeof never_start / sizeof never_start[0]; i++)
        CHECK(charclass_of(never_start[i]) & CC_NO_START);
    /* Never at a line end: opening brackets and quotes. */
    const int never_end[] = {0x201C, 0x2018, 0xFF08, 0x300A, 0x300C, 0x3010};
    for (unsigned i = 0; i < sizeof never_end / sizeof never_end[0]; i++)
        CHECK(charclass_of(never_end[i]) & CC_NO_END);
    CHECK(!(charclass_of(0x4E2D) & (CC_NO_START | CC_NO_END)));
}

static void test_breaks(void)
{
    unsigned han = charclass_of(0x4E2D), stop = charclass_of(0x3002);
    unsigned open = charclass_of(0x201C), dash = charclass_of(0x2014);
    unsigned digit = charclass_of('5'), letter = charclass_of('a'), space = charclass_of(' ');
    CHECK(charclass_may_break(han, 0x4E2D, han, 0x4E2D));
    CHECK(!charclass_may_break(han, 0x4E2D, stop, 0x3002));  /* 。 never starts */
    CHECK(!charclass_may_break(open, 0x201C, han, 0x4E2D));  /* “ never ends */
    CHECK(!charclass_may_break(dash, 0x2014, dash, 0x2014)); /* —— never splits */
    CHECK(!charclass_may_break(digit, '2', digit, '0'));     /* numbers stay whole */
    CHECK(!charclass_may_break(letter, 'a', letter, 'b'));
    CHECK(charclass_may_break(han, 0x5E74, digit, '5'));
    CHECK(charclass_may_break(space, ' ', letter, 'b'));
    CHECK(!charclass_may_break(letter, 'a', space, ' '));
    CHECK(charclass_may_break(charclass_of(0x3000), 0x3000, han, 0x4E2D));
}

static void test_punctuation_sides(void)
{
    CHECK(charclass_of(0x3002) & CC_BLANK_RIGHT);
    CHECK(charclass_of(0xFF0C) & CC_BLANK_RIGHT);
    CHECK(charclass_of(0x201D) & CC_BLANK_RIGHT);
    CHECK(charclass_of(0x300A) & CC_BLANK_LEFT);
    CHECK(charclass_of(0x00B7) & CC_BLANK_BOTH);
    CHECK(!(charclass_of(0x2014) & (CC_BLANK_LEFT | CC_BLANK_RIGHT)));
}

static void test_han_latin_space(void)
{
    unsigned han = charclass_of(0x5E74), digit = charclass_of('5'), stop = charclass_of(0x3002);
    CHECK(charclass_wants_space(han, digit));
    CHECK(charclass_wants_space(digit, han));
    CHECK(!charclass_wants_space(digit, stop));
    CHECK(!charclass_wants_space(han, han));
}

int main(void)
{
    test_prohibitions();
    test_breaks();
    test_punctuation_sides();
    test_han_latin_space();
    return harness_summary();
}
