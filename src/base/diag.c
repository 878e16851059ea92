/* diag.c - the one place that formats diagnostics; see diag.h. */
#include "diag.h"

#include <stdlib.h>

#include "arena.h"
#include "progress.h"
#include "utf8.h"

void diag_init(Diag *d, FILE *out, const char *prog)
{
    d->out = out;
    d->prog = prog;
    d->errors = 0;
    d->warnings = 0;
    d->max_warnings = 0;
    d->quiet = false;
    d->sink = NULL;
    d->sink_ctx = NULL;
}

const char *diag_level_name(DiagLevel level)
{
    switch (level) {
    case DIAG_NOTE:
        return "note";
    case DIAG_WARNING:
        return "warning";
    case DIAG_ERROR:
        return "error";
    }
    return "?";
}

static void to_sink(Diag *d, DiagLevel level, SrcLoc at, const char *fmt, va_list ap)
{
    char small[512];
    va_list again;
    va_copy(again, ap);
    int n = vsnprintf(small, sizeof small, fmt, again);
    va_end(again);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        d->sink(d->sink_ctx, level, at, small);
        return;
    }
    char *big = xmalloc((size_t)n + 1);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    d->sink(d->sink_ctx, level, at, big);
    free(big);
}

void diag_print_loc(FILE *out, SrcLoc at, const char *prog)
{
    if (!at.path)
        fputs(prog ? prog : "reprint", out);
    else if (at.line <= 0)
        fputs(at.path, out);
    else if (at.col <= 0)
        fprintf(out, "%s:%d", at.path, at.line);
    else
        fprintf(out, "%s:%d:%d", at.path, at.line, at.col);
}

void diag_vreport(Diag *d, DiagLevel level, SrcLoc at, const char *fmt, va_list ap)
{
    if (level == DIAG_ERROR)
        d->errors++;
    if (level == DIAG_WARNING)
        d->warnings++;
    if (d->sink) {
        va_list copy;
        va_copy(copy, ap);
        to_sink(d, level, at, fmt, copy);
        va_end(copy);
    }
    if (level == DIAG_WARNING && d->max_warnings && d->warnings > d->max_warnings)
        return;
    if (!d->out || (d->quiet && level != DIAG_ERROR))
        return;
    progress_clear(); /* the message starts on a line of its own */
    diag_print_loc(d->out, at, d->prog);
    fprintf(d->out, ": %s: ", diag_level_name(level));
    vfprintf(d->out, fmt, ap);
    fputc('\n', d->out);
}

void diag_report(Diag *d, DiagLevel level, SrcLoc at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    diag_vreport(d, level, at, fmt, ap);
    va_end(ap);
}

SrcLoc srcloc_at_offset(const char *path, const char *text, size_t at, int line)
{
    size_t line_start = 0;
    for (size_t i = 0; i < at; i++) {
        if (text[i] == '\n') {
            line++;
            line_start = i + 1;
        }
    }
    int col = utf8_count(text + line_start, at - line_start) + 1;
    return (SrcLoc){.path = path, .line = line, .col = col};
}
