/* check.h - the editor's report (reprint check): what the composed issue
 * looks like, article by article, and where to look.
 *
 * It reads what the earlier stages left: the paragraphs as set (para's
 * line flags: loose, tight, pushed out, overfull; marks compressed; set a
 * line longer or shorter for the page), the pages the lines landed on, the
 * glyphs the fonts lacked, and every diagnostic reported on the way (a
 * DiagSink files them under their article by file name). To count the
 * 孤字 that total fit avoided, each justified paragraph is broken again
 * greedily and the two last lines compared.
 */
#ifndef REPRINT_CHECK_H
#define REPRINT_CHECK_H

#include <stdbool.h>
#include <stdio.h>

#include "base/diag.h"
#include "doc/doc.h"
#include "page/page.h"
#include "text/text.h"

/* Messages gathered while the issue was loaded and composed. */
typedef struct CheckLog CheckLog;

CheckLog *check_log_new(void);
void check_log_free(CheckLog *log);
/* A DiagSink: pass it with the log as its context. */
void check_log_add(void *log, DiagLevel level, SrcLoc at, const char *message);

/* Where a content warning is: the start of its paragraph as the page stage
 * records it (ParaLines.at; the path borrowed from the Doc) and the byte
 * of that paragraph's text, so the proof can mark the line it lands on. */
typedef struct CheckNote {
    SrcLoc para;
    int byte;
} CheckNote;

/* The content warnings of doc (lint.c) as notes; *n of them; free() it. */
CheckNote *check_notes(const Doc *doc, int *n);

/* Counts for one article (or the furniture, or the whole issue). */
typedef struct CheckCounts {
    int first_folio, last_folio; /* printed page numbers; 0: none / front matter */
    int pages;                   /* pages it has lines on */
    int paragraphs, lines;       /* set (headline block and notes included) */
    int loose, tight, pushed_out, overfull; /* lines, by para_line_flags */
    int compressed;              /* punctuation marks set narrower than their glyph */
    int runts_avoided;           /* paragraphs whose greedy setting ends in a 孤字 */
    int runts;                   /* paragraphs that still end in one */
    int reset;                   /* paragraphs set a line longer or shorter for the page */
    int missing_glyphs;          /* characters set in a fallback face or as .notdef */
    int warnings, errors;
} CheckCounts;

typedef struct CheckReport CheckReport;

/* Builds the report of doc composed into p; the content warnings (lint.c)
 * are added to log, which may be NULL. */
CheckReport *check_report(const Doc *doc, const Pages *p, const TextCtx *t, CheckLog *log);
void check_report_free(CheckReport *r);

/* The whole issue's counts. */
const CheckCounts *check_totals(const CheckReport *r);
/* Lines to look at: loose, tight or overfull. */
int check_lines_to_look_at(const CheckReport *r);
/* Pages to look at: a foot left empty while the section goes on overleaf. */
int check_pages_to_look_at(const CheckReport *r);

/* The report for people (a table, then lines to look at, then messages)
 * and for machines (one JSON object). */
void check_print_text(const CheckReport *r, FILE *out);
void check_print_json(const CheckReport *r, FILE *out);

#endif
