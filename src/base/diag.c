/* diag.c - the one place that formats diagnostics; see diag.h. */
#include "diag.h"

#include "utf8.h"

void diag_init(Diag *d, FILE *out, const char *prog)
{
    d->out = out;
    d->prog = prog;
    d->errors = 0;
    d->warnings = 0;
    d->max_warnings = 0;
}

static const char *level_name(DiagLevel level)
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

void diag_vreport(Diag *d, DiagLevel level, SrcLoc at, const char *fmt, va_list ap)
{
    if (level == DIAG_ERROR)
        d->errors++;
    if (level == DIAG_WARNING) {
        d->warnings++;
        if (d->max_warnings && d->warnings > d->max_warnings)
            return;
    }
    if (!d->out)
        return;
    if (!at.path)
        fprintf(d->out, "%s: ", d->prog ? d->prog : "reprint");
    else if (at.line <= 0)
        fprintf(d->out, "%s: ", at.path);
    else if (at.col <= 0)
        fprintf(d->out, "%s:%d: ", at.path, at.line);
    else
        fprintf(d->out, "%s:%d:%d: ", at.path, at.line, at.col);
    fprintf(d->out, "%s: ", level_name(level));
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
