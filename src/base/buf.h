/* buf.h - growable byte buffer (heap), always NUL-terminated. */
#ifndef REPRINT_BUF_H
#define REPRINT_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct Buf {
    char *data; /* NUL-terminated; NULL until the first append */
    size_t len; /* bytes used, excluding the NUL */
    size_t cap; /* bytes allocated */
} Buf;

void buf_init(Buf *b);
void buf_fini(Buf *b);
void buf_reset(Buf *b);
void buf_put(Buf *b, const char *s, size_t len);
void buf_puts(Buf *b, const char *s);
void buf_putc(Buf *b, char c);
void buf_printf(Buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void buf_vprintf(Buf *b, const char *fmt, va_list ap);
/* Returns the contents ("" if empty); valid until the next change to b. */
const char *buf_str(const Buf *b);
/* Hands the heap string to the caller and leaves b empty. */
char *buf_detach(Buf *b);

#endif
