/* pdfpost_impl.h - the parts of the post-step that need no libqpdf:
 * content-stream rewriting, the XMP packet, ICC profile headers. */
#ifndef REPRINT_PDFPOST_IMPL_H
#define REPRINT_PDFPOST_IMPL_H

#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "pdfpost.h"

enum { CONTENT_CMYK = 1, CONTENT_ARTIFACTS = 2 };

/* The page resource name of the registration colour space that
 * CONTENT_CMYK uses for PDFPOST_REGISTRATION_RGB. */
#define CONTENT_REGISTRATION "/CSReg"

/* Returns the content stream in[0, len) rewritten as flags ask (see
 * content.c); heap-allocated, its length in *out_len. */
char *content_filter(const char *in, size_t len, int flags, size_t *out_len);

typedef struct XmpInfo {
    PdfKind kind;
    const char *title, *author, *subject, *language; /* UTF-8, as in Info */
    const char *creator, *producer;
    const char *date;         /* ISO 8601 with time zone */
    const char *document_id;  /* "uuid:…" */
    const char *instance_id;
} XmpInfo;

/* Appends the whole XMP packet (xpacket wrapper included) to b. */
void xmp_build(Buf *b, const XmpInfo *x);

typedef struct IccInfo {
    char space[5];          /* data colour space: "CMYK", "RGB ", "GRAY" */
    int components;         /* 4, 3, 1; 0 if the space is none of these */
    char description[128];  /* 'desc' tag (ICC v2 text or v4 mluc, ASCII part) */
} IccInfo;

/* Reads what an output intent needs from an ICC profile in memory; false
 * if it is not an ICC profile. */
bool icc_read(const unsigned char *data, size_t len, IccInfo *out);

/* 128-bit FNV-1a-style hash of data as a UUID string "uuid:8-4-4-4-12",
 * salted so document and instance ids differ (out: 42 bytes). */
void hash_uuid(const unsigned char *data, size_t len, uint64_t salt, char out[48]);

#endif
