/* test_utf8.c - UTF-8 decoding, validation, column counting, diagnostics. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "base/buf.h"
#include "base/diag.h"
#include "base/utf8.h"

static void test_decode(void)
{
    int n;
    CHECK_INT(utf8_decode("A", 1, &n), 'A');
    CHECK_INT(n, 1);
    CHECK_INT(utf8_decode("中", 3, &n), 0x4E2D);
    CHECK_INT(n, 3);
    CHECK_INT(utf8_decode("\xF0\xA0\x80\x80", 4, &n), 0x20000);
    CHECK_INT(utf8_decode("\xE4\xB8", 2, &n), -1);     /* truncated */
    CHECK_INT(utf8_decode("\xC0\xAF", 2, &n), -1);     /* overlong */
    CHECK_INT(utf8_decode("\xED\xA0\x80", 3, &n), -1); /* surrogate */
    CHECK_INT(utf8_decode("\xFF", 1, &n), -1);
    char out[4];
    CHECK_INT(utf8_encode(0x3002, out), 3);
    CHECK(memcmp(out, "。", 3) == 0);
}

static void test_validate_and_count(void)
{
    const char *s = "天津政协abc";
    CHECK_INT(utf8_invalid_at(s, strlen(s)), -1);
    CHECK_INT(utf8_invalid_at("ab\x80", 3), 2);
    CHECK_INT(utf8_count(s, strlen(s)), 7);
    CHECK(utf8_is_han(0x4E2D));
    CHECK(!utf8_is_han(0x3002));
}

static void test_diag_columns(void)
{
    FILE *out = tmpfile();
    Diag d;
    diag_init(&d, out, "reprint");
    const char *text = "第一行\n中文abc错";
    SrcLoc at = srcloc_at_offset("a.md", text, strlen("第一行\n中文abc"), 1);
    diag_error(&d, at, "bad %s", "thing");
    diag_warn(&d, srcloc_file(NULL), "no file");
    rewind(out);
    char line[256];
    CHECK_STR(fgets(line, sizeof line, out), "a.md:2:6: error: bad thing\n");
    CHECK_STR(fgets(line, sizeof line, out), "reprint: warning: no file\n");
    CHECK_INT(d.errors, 1);
    CHECK_INT(d.warnings, 1);
    fclose(out);
}

static void test_buf(void)
{
    Buf b;
    buf_init(&b);
    CHECK_STR(buf_str(&b), "");
    for (int i = 0; i < 1000; i++)
        buf_printf(&b, "%d,", i % 10);
    CHECK_INT(b.len, 2000);
    char *s = buf_detach(&b);
    CHECK(strncmp(s, "0,1,2,", 6) == 0);
    free(s);
}

int main(void)
{
    test_decode();
    test_validate_and_count();
    test_diag_columns();
    test_buf();
    return harness_summary();
}
