/* charclass.h - character classes for Simplified Chinese line composition.
 *
 * One table for everything the line breaker needs to know about a
 * character: whether it may start or end a line (clreq §3.1.7, GB level),
 * whether it is inseparable (—— ……), Latin/digit word characters that stay
 * whole, and where a punctuation mark's blank half lies (GB/T 15834 marks
 * set on the left half of the em box have their blank on the right).
 * Pango's break attributes are not used: they get quotes and ·～／ wrong.
 */
#ifndef REPRINT_CHARCLASS_H
#define REPRINT_CHARCLASS_H

#include <stdbool.h>
#include <stdint.h>

enum {
    CC_HAN = 1 << 0,       /* ideograph (or kana/bopomofo): break on either side */
    CC_WORD = 1 << 1,      /* Latin letter, digit or ASCII symbol: part of a word */
    CC_SPACE = 1 << 2,     /* a breakable space */
    CC_NO_START = 1 << 3,  /* may not start a line */
    CC_NO_END = 1 << 4,    /* may not end a line */
    CC_INSEP = 1 << 5,     /* —— and ……: never split between two of them */
    CC_BLANK_RIGHT = 1 << 6, /* full-width mark whose right half is blank (。，、”）…) */
    CC_BLANK_LEFT = 1 << 7,  /* full-width mark whose left half is blank (“（《…) */
    CC_BLANK_BOTH = 1 << 8,  /* centred mark with blank quarters (·) */
    CC_NO_GLYPH_OK = 1 << 9  /* format characters that need no glyph */
};

/* Class flags of code point cp. */
unsigned charclass_of(int32_t cp);

/* True if a line may break between a character of class a and one of class
 * b (a first). ca, cb are the code points (for inseparable pairs). */
bool charclass_may_break(unsigned a, int32_t ca, unsigned b, int32_t cb);

/* True if the pair wants Han–Latin spacing (¼ em) between them. */
bool charclass_wants_space(unsigned a, unsigned b);

#endif
