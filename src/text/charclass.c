/* charclass.c - the class table; see charclass.h and
 * reference/cjk-typesetting.md (clreq line-start/line-end rules). */
#include "charclass.h"

/* Marks that never start a line: clreq's closing punctuation and
 * GB/T 15834 marks set after a character. */
static bool never_starts(int32_t c)
{
    switch (c) {
    case 0x3001: case 0x3002: case 0xFF0C: case 0xFF0E: case 0xFF1A: case 0xFF1B:
    case 0xFF01: case 0xFF1F: /* 、。，．：；！？ */
    case 0x201D: case 0x2019: case 0xFF09: case 0x3009: case 0x300B: case 0x300D:
    case 0x300F: case 0x3011: case 0x3015: case 0x3017: case 0xFF3D: case 0xFF5D:
    case 0x00B7: case 0x30FB: case 0xFF5E: case 0xFF0F: case 0x2014: case 0x2026:
    case 0x2025: case 0x3005: case 0x309D: case 0x309E: case 0x30FC: case 0xFF05:
    case 0x2030: case 0x2103: case 0x00B0: case 0x2032: case 0x2033:
    /* The rest of the strict set of css-text's zh line-break tests (WPT
     * css/css-text/i18n/zh, the "strict" files): centred marks, postfixes, hyphens,
     * inseparables, iteration marks. */
    case 0xFF65: case 0x203C: case 0x2047: case 0x2048: case 0x2049: case 0x2035:
    case 0x2109: case 0xFE6A: case 0xFFE0: case 0x2010: case 0x2013: case 0x301C:
    case 0x30A0: case 0x2024: case 0x22EF: case 0xFE19: case 0x10AF6: case 0x303B:
    case 0x30FD: case 0x30FE:
    case ',': case '.': case ':': case ';': case '!': case '?': case ')': case ']':
    case '}': case '%':
        return true;
    default:
        return false;
    }
}

/* Marks that never end a line: opening brackets and quotes. */
static bool never_ends(int32_t c)
{
    switch (c) {
    case 0x201C: case 0x2018: case 0xFF08: case 0x3008: case 0x300A: case 0x300C:
    case 0x300E: case 0x3010: case 0x3014: case 0x3016: case 0xFF3B: case 0xFF5B:
    case '(': case '[': case '{':
        return true;
    default:
        return false;
    }
}

static unsigned punct_blank(int32_t c)
{
    if (never_ends(c) && c > 0x7F)
        return CC_BLANK_LEFT;
    if (c == 0x00B7 || c == 0x30FB)
        return CC_BLANK_BOTH;
    if (c == 0x2014 || c == 0x2026 || c == 0x2025 || c == 0xFF5E || c == 0xFF0F || c < 0x80)
        return 0;
    return never_starts(c) && c >= 0x2000 ? CC_BLANK_RIGHT : 0;
}

static bool is_han(int32_t c)
{
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x20000 && c <= 0x3134F) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3100 && c <= 0x312F) || c == 0x3007 ||
           c == 0x25A0 || c == 0x203B || c == 0x25CF || c == 0x2605 ||
           (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF5A) ||
           (c >= 0x2160 && c <= 0x217F) || (c >= 0x2460 && c <= 0x24FF);
}

unsigned charclass_of(int32_t c)
{
    unsigned cls = 0;
    if (c == ' ' || c == '\t' || c == 0x3000)
        return CC_SPACE; /* U+3000 is the printed gap inside titles and names */
    if (c == 0x200B || c == 0x200D || c == 0xFEFF || c == 0x00AD)
        return CC_NO_GLYPH_OK;
    if (never_starts(c))
        cls |= CC_NO_START;
    if (never_ends(c))
        cls |= CC_NO_END;
    if (c == 0x2014 || c == 0x2026 || c == 0x2025 || c == 0x22EF || c == 0x2E3A)
        cls |= CC_INSEP;
    cls |= punct_blank(c);
    if (is_han(c))
        cls |= CC_HAN;
    else if (c < 0x3000 && !(cls & (CC_INSEP | CC_BLANK_RIGHT | CC_BLANK_LEFT | CC_BLANK_BOTH)))
        cls |= CC_WORD; /* Latin, Greek, Cyrillic, digits, ASCII symbols */
    return cls;
}

bool charclass_may_break(unsigned a, int32_t ca, unsigned b, int32_t cb)
{
    if (b & CC_SPACE)
        return false; /* break after the space, never before it */
    if (a & CC_SPACE)
        return !(b & CC_NO_START);
    if ((a & CC_NO_END) || (b & CC_NO_START))
        return false;
    if ((a & CC_INSEP) && (b & CC_INSEP) && ca == cb)
        return false;
    if ((a & CC_WORD) && (b & CC_WORD))
        return false; /* Latin words and numbers stay whole */
    return true;
}

bool charclass_wants_space(unsigned a, unsigned b)
{
    bool a_han = (a & CC_HAN) && !(a & (CC_NO_START | CC_NO_END));
    bool b_han = (b & CC_HAN) && !(b & (CC_NO_START | CC_NO_END));
    return (a_han && (b & CC_WORD) && !(b & CC_NO_START)) ||
           ((a & CC_WORD) && b_han && !(a & CC_NO_END));
}
