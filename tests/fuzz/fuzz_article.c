/* fuzz_article.c - libFuzzer target: one article file (front matter +
 * Markdown) through doc_parse_article, then the content warnings of
 * `reprint check` (src/check/lint.c) over what it parsed; diagnostics
 * discarded. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "base/arena.h"
#include "base/diag.h"
#include "check/check_impl.h"
#include "doc/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The report's log lives in check.c, which needs the whole typesetter;
 * lint only hands it messages, so here they are just counted. */
void check_log_note(CheckLog *log, DiagLevel level, SrcLoc at, SrcLoc para, int byte,
                    const char *message)
{
    (void)level, (void)at, (void)para, (void)byte;
    log->n += message[0] != 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    Arena arena;
    arena_init(&arena);
    /* The article keeps slices of its text, so it lives in the arena, and
     * the parser may rely on a terminating NUL as file_read() gives one. */
    char *text = arena_strndup(&arena, (const char *)data, size);
    Diag d;
    diag_init(&d, NULL, "fuzz");
    Article *a = doc_parse_article(&arena, &d, "a.md", text, size);
    if (a) {
        Article *list[1] = {a};
        Section s = {.title = "", .article = list, .n_articles = 1};
        Doc doc = {.section = &s, .n_sections = 1};
        CheckLog log = {0};
        check_lint(&log, &doc);
    }
    arena_fini(&arena);
    return 0;
}
