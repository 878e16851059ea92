/* fuzz_clean.c - libFuzzer target: raw extracted text through
 * clean_analyse and every output that `reprint clean` would write. */
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/diag.h"
#include "clean/clean.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1); /* as file_read() gives it: NUL-terminated */
    memcpy(text, data, size);
    text[size] = '\0';
    Diag d;
    diag_init(&d, NULL, "fuzz");
    CleanDoc *doc = clean_analyse(&d, "raw.txt", text, size);
    if (doc) {
        Buf b;
        buf_init(&b);
        for (int i = 0; i < clean_article_count(doc); i++) {
            clean_article_markdown(doc, i, &b);
            clean_article_filename(doc, i, &b);
        }
        clean_issue_yaml(doc, &b);
        clean_report_text(doc, &b);
        buf_fini(&b);
        clean_doc_free(doc);
    }
    free(text);
    return 0;
}
