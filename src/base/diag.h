/* diag.h - source locations and user diagnostics.
 *
 * One formatter for every message: "path:line:col: error: message".
 * Lines and columns start at 1; columns count code points, not bytes.
 * Column 0 means "no column" and line 0 "no line"; both are then omitted.
 */
#ifndef REPRINT_DIAG_H
#define REPRINT_DIAG_H

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>

typedef struct SrcLoc {
    const char *path; /* borrowed; NULL means "no file" (program-level message) */
    int line;         /* 1-based, 0 = none */
    int col;          /* 1-based in code points, 0 = none */
} SrcLoc;

typedef enum DiagLevel { DIAG_NOTE, DIAG_WARNING, DIAG_ERROR } DiagLevel;

/* Receives every message, formatted but without its location prefix
 * (reprint check files warnings under their article). */
typedef void (*DiagSink)(void *ctx, DiagLevel level, SrcLoc at, const char *message);

typedef struct Diag {
    FILE *out;       /* where messages go (stderr, or a tmpfile in tests) */
    const char *prog; /* prefix for messages without a file */
    int errors;      /* count of errors reported */
    int warnings;    /* count of warnings reported */
    int max_warnings; /* stop printing warnings after this many (0 = no limit) */
    bool quiet;      /* print errors only (warnings and notes are still counted) */
    DiagSink sink;   /* if set, also gets every message */
    void *sink_ctx;
} Diag;

void diag_init(Diag *d, FILE *out, const char *prog);
/* "path:line:col" as messages start (prog, or "reprint", without a file). */
void diag_print_loc(FILE *out, SrcLoc at, const char *prog);
/* "error", "warning" or "note". */
const char *diag_level_name(DiagLevel level);
void diag_report(Diag *d, DiagLevel level, SrcLoc at, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
void diag_vreport(Diag *d, DiagLevel level, SrcLoc at, const char *fmt, va_list ap);

#define diag_error(d, at, ...) diag_report((d), DIAG_ERROR, (at), __VA_ARGS__)
#define diag_warn(d, at, ...) diag_report((d), DIAG_WARNING, (at), __VA_ARGS__)
#define diag_note(d, at, ...) diag_report((d), DIAG_NOTE, (at), __VA_ARGS__)

static inline SrcLoc srcloc(const char *path, int line, int col)
{
    return (SrcLoc){.path = path, .line = line, .col = col};
}

/* A location that names only a file (or nothing, with path NULL). */
static inline SrcLoc srcloc_file(const char *path)
{
    return (SrcLoc){.path = path, .line = 0, .col = 0};
}

/* Location of byte offset `at` in text that starts at line `line`, column 1
 * of path; columns count code points. */
SrcLoc srcloc_at_offset(const char *path, const char *text, size_t at, int line);

#endif
