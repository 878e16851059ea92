/* fuzz_article.c - libFuzzer target: one article file (front matter +
 * Markdown) through doc_parse_article, diagnostics discarded. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "doc/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena arena;
    arena_init(&arena);
    /* The article keeps slices of its text, so it lives in the arena, and
     * the parser may rely on a terminating NUL as file_read() gives one. */
    char *text = arena_strndup(&arena, (const char *)data, size);
    Diag d;
    diag_init(&d, NULL, "fuzz");
    doc_parse_article(&arena, &d, "a.md", text, size);
    arena_fini(&arena);
    return 0;
}
