/* icc.c - ICC profile headers and content-derived ids; see pdfpost_impl.h.
 *
 * ICC.1:2001-04 (v2) / ICC.1:2010 (v4): a 128-byte header (data colour
 * space at offset 16, signature "acsp" at 36), then a tag count and 12-byte
 * tag entries (signature, offset, size). The description tag 'desc' is a
 * textDescriptionType in v2 (ASCII count at +8, text at +12) and a
 * multiLocalizedUnicodeType 'mluc' in v4 (UTF-16BE records).
 */
#include "pdfpost_impl.h"

#include <stdio.h>
#include <string.h>

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* Copies the ASCII part of a v4 mluc record (UTF-16BE) into out. */
static void mluc_text(const unsigned char *tag, size_t size, char *out, size_t n)
{
    if (size < 28 || be32(tag + 8) == 0)
        return;
    uint32_t len = be32(tag + 20), off = be32(tag + 24);
    size_t k = 0;
    for (uint32_t i = 0; i + 1 < len && off + i + 1 < size && k + 1 < n; i += 2)
        if (tag[off + i] == 0 && tag[off + i + 1] >= 0x20 && tag[off + i + 1] < 0x7f)
            out[k++] = (char)tag[off + i + 1];
    out[k] = '\0';
}

static void read_description(const unsigned char *data, size_t len, IccInfo *out)
{
    uint32_t count = be32(data + 128);
    for (uint32_t i = 0; i < count && 132 + 12 * (size_t)(i + 1) <= len; i++) {
        const unsigned char *e = data + 132 + 12 * i;
        uint32_t off = be32(e + 4), size = be32(e + 8);
        if (memcmp(e, "desc", 4) != 0 || off > len || size > len - off || size < 12)
            continue;
        const unsigned char *tag = data + off;
        if (memcmp(tag, "desc", 4) == 0) {
            uint32_t n = be32(tag + 8);
            if (n > size - 12)
                n = size - 12;
            snprintf(out->description, sizeof out->description, "%.*s", (int)n, tag + 12);
        } else if (memcmp(tag, "mluc", 4) == 0) {
            mluc_text(tag, size, out->description, sizeof out->description);
        }
    }
}

bool icc_read(const unsigned char *data, size_t len, IccInfo *out)
{
    memset(out, 0, sizeof *out);
    if (len < 132 || memcmp(data + 36, "acsp", 4) != 0)
        return false;
    memcpy(out->space, data + 16, 4);
    out->components = memcmp(out->space, "CMYK", 4) == 0   ? 4
                      : memcmp(out->space, "RGB ", 4) == 0 ? 3
                      : memcmp(out->space, "GRAY", 4) == 0 ? 1
                                                           : 0;
    read_description(data, len, out);
    return true;
}

void hash_uuid(const unsigned char *data, size_t len, uint64_t salt, char out[48])
{
    uint64_t h[2] = {0xcbf29ce484222325u ^ salt, 0x84222325cbf29ce4u ^ (salt * 31)};
    for (size_t i = 0; i < len; i++) {
        h[0] = (h[0] ^ data[i]) * 0x100000001b3u;
        h[1] = (h[1] ^ data[i]) * 0x1000193u + (h[0] >> 29);
    }
    /* RFC 4122 version 4 layout (random-looking), variant 10xx. */
    h[0] = (h[0] & ~(uint64_t)0xf000) | 0x4000;
    h[1] = (h[1] & 0x3fffffffffffffffu) | 0x8000000000000000u;
    snprintf(out, 48, "uuid:%08x-%04x-%04x-%04x-%012llx", (unsigned)(h[0] >> 32),
             (unsigned)(h[0] >> 16) & 0xffff, (unsigned)h[0] & 0xffff,
             (unsigned)(h[1] >> 48), (unsigned long long)(h[1] & 0xffffffffffffu));
}
