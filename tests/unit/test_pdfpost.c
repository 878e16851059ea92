/* test_pdfpost.c - the post-step's parts that need no PDF file: content
 * stream rewriting (K-only black, artifacts), the XMP packet, ICC headers,
 * content-derived ids. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "pdfpost/pdfpost_impl.h"

/* The filtered stream as a NUL-terminated string (freed by the caller). */
static char *filter(const char *in, int flags)
{
    size_t n;
    char *out = content_filter(in, strlen(in), flags, &n);
    CHECK_INT(strlen(out), n);
    return out;
}

#define CHECK_FILTER(in, flags, want)          \
    do {                                       \
        char *got_ = filter((in), (flags));    \
        CHECK_STR(got_, (want));               \
        free(got_);                            \
    } while (0)

static void test_cmyk(void)
{
    CHECK_FILTER("0 0 0 rg /a0 gs", CONTENT_CMYK, "0 0 0 1 k /a0 gs");
    CHECK_FILTER("0 0 0 RG 0.5 w", CONTENT_CMYK, "0 0 0 1 K 0.5 w");
    CHECK_FILTER("0.5 0.5 0.5 rg", CONTENT_CMYK, "0 0 0 0.5 k");    /* grey: K only */
    CHECK_FILTER("1 0 0 rg", CONTENT_CMYK, "0 1 1 0 k");            /* red */
    CHECK_FILTER("1 1 1 rg", CONTENT_CMYK, "0 0 0 0 k");            /* white */
    /* Operators inside strings, names and inline images are data. */
    CHECK_FILTER("(0 0 0 rg) Tj", CONTENT_CMYK, "(0 0 0 rg) Tj");
    CHECK_FILTER("(a\\) 0 0 0 rg) Tj", CONTENT_CMYK, "(a\\) 0 0 0 rg) Tj");
    CHECK_FILTER("<0a0b> Tj 0 0 0 rg", CONTENT_CMYK, "<0a0b> Tj 0 0 0 1 k");
    CHECK_FILTER("BI /W 1 /H 1 ID \x01 0 0 0 rg\x02 EI 0 0 0 rg", CONTENT_CMYK,
                 "BI /W 1 /H 1 ID \x01 0 0 0 rg\x02 EI 0 0 0 1 k");
    CHECK_FILTER("% 0 0 0 rg\n0 0 0 rg", CONTENT_CMYK, "% 0 0 0 rg\n0 0 0 1 k");
    /* The crop marks' proxy colour is registration (all plates). */
    CHECK_FILTER("0.25 0.5 0.75 RG", CONTENT_CMYK, "/CSReg CS 1 SCN");
    /* Without the flag nothing changes. */
    CHECK_FILTER("0 0 0 rg", CONTENT_ARTIFACTS, "0 0 0 rg");
}

static void test_artifacts(void)
{
    /* Marked content stays; unmarked text, paths and XObjects are wrapped. */
    CHECK_FILTER("/P <</MCID 0>> BDC BT (a) Tj ET EMC", CONTENT_ARTIFACTS,
                 "/P <</MCID 0>> BDC BT (a) Tj ET EMC");
    CHECK_FILTER("BT (a) Tj ET", CONTENT_ARTIFACTS, "/Artifact BMC\nBT (a) Tj ET\nEMC");
    CHECK_FILTER("0.5 w 1 2 3 4 re S q", CONTENT_ARTIFACTS,
                 "0.5 w /Artifact BMC\n1 2 3 4 re S\nEMC q");
    CHECK_FILTER("1 2 m 3 4 l S", CONTENT_ARTIFACTS, "/Artifact BMC\n1 2 m 3 4 l S\nEMC");
    CHECK_FILTER("/x5 Do", CONTENT_ARTIFACTS, "/Artifact BMC\n/x5 Do\nEMC");
    /* A clipping path is not a drawing. */
    CHECK_FILTER("0 0 9 9 re W n", CONTENT_ARTIFACTS, "0 0 9 9 re W n");
    /* ActualText spans inside an unmarked text object stay inside it. */
    CHECK_FILTER("BT /Span <</ActualText (x)>> BDC (a) Tj EMC ET", CONTENT_ARTIFACTS,
                 "/Artifact BMC\nBT /Span <</ActualText (x)>> BDC (a) Tj EMC ET\nEMC");
    /* An unterminated text object still gets its EMC. */
    CHECK_FILTER("BT (a) Tj", CONTENT_ARTIFACTS, "/Artifact BMC\nBT (a) Tj\nEMC\n");
}

static void test_xmp(void)
{
    XmpInfo x = {PDFPOST_ARCHIVE, "《A&B》", "天津政协", "s", "zh-Hans", "reprint", "cairo",
                 "2022-08-01T00:00:00Z", "uuid:1", "uuid:2"};
    Buf b;
    buf_init(&b);
    xmp_build(&b, &x);
    CHECK(strstr(b.data, "<rdf:li xml:lang=\"x-default\">《A&amp;B》</rdf:li>") != NULL);
    CHECK(strstr(b.data, "<pdfaid:part>2</pdfaid:part>") != NULL);
    CHECK(strstr(b.data, "<pdfaid:conformance>B</pdfaid:conformance>") != NULL);
    CHECK(strstr(b.data, "pdfxid") == NULL);
    CHECK(strstr(b.data, "bytes=") == NULL); /* PDF/A forbids it in the xpacket header */
    buf_reset(&b);
    x.kind = PDFPOST_PRINT;
    xmp_build(&b, &x);
    CHECK(strstr(b.data, "<pdfxid:GTS_PDFXVersion>PDF/X-4</pdfxid:GTS_PDFXVersion>") != NULL);
    CHECK(strstr(b.data, "<pdf:Trapped>False</pdf:Trapped>") != NULL);
    CHECK(strstr(b.data, "pdfaid") == NULL);
    buf_fini(&b);
}

static void test_icc_and_ids(void)
{
    unsigned char icc[200] = {0};
    memcpy(icc + 16, "CMYK", 4);
    memcpy(icc + 36, "acsp", 4);
    icc[131] = 1; /* one tag: desc at 144, v2 text "Press" */
    memcpy(icc + 132, "desc", 4);
    icc[139] = 144, icc[143] = 20;
    memcpy(icc + 144, "desc", 4);
    icc[155] = 6;
    memcpy(icc + 156, "Press", 6);
    IccInfo info;
    CHECK(icc_read(icc, sizeof icc, &info));
    CHECK_INT(info.components, 4);
    CHECK_STR(info.description, "Press");
    CHECK(!icc_read(icc, 100, &info));
    char a[48], b[48], c[48];
    hash_uuid((const unsigned char *)"x", 1, 1, a);
    hash_uuid((const unsigned char *)"x", 1, 1, b);
    hash_uuid((const unsigned char *)"x", 1, 2, c);
    CHECK_STR(a, b);
    CHECK(strcmp(a, c) != 0);
    CHECK_INT(strlen(a), 41);
}

int main(void)
{
    test_cmyk();
    test_artifacts();
    test_xmp();
    test_icc_and_ids();
    return harness_summary();
}
