/* utf8.h - UTF-8 decoding, validation and character-column counting. */
#ifndef REPRINT_UTF8_H
#define REPRINT_UTF8_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Decodes one code point at s (at most len bytes). Stores its length in
 * *size and returns it; returns -1 with *size = 1 for an invalid,
 * overlong, surrogate or truncated sequence. */
int32_t utf8_decode(const char *s, size_t len, int *size);
/* Writes cp as UTF-8 into out (4 bytes room); returns the byte count. */
int utf8_encode(int32_t cp, char out[4]);
/* Returns the byte offset of the first invalid sequence, or -1 if s is valid. */
long utf8_invalid_at(const char *s, size_t len);
/* Number of code points in the first len bytes (invalid bytes count as one). */
int utf8_count(const char *s, size_t len);

/* Han ideographs (CJK Unified, extensions A-G, compatibility). */
bool utf8_is_han(int32_t cp);

#endif
