/* check_impl.h - the report's insides, shared by check.c and report.c. */
#ifndef REPRINT_CHECK_IMPL_H
#define REPRINT_CHECK_IMPL_H

#include "check.h"

#include "base/arena.h"
#include "para/para.h"

/* The line flags an editor should look at: push-outs are a normal part of
 * Chinese line breaking (clreq §3.1.7) and only counted. */
#define CHECK_LOOK (LINE_LOOSE | LINE_TIGHT | LINE_OVERFULL)

typedef struct CheckMessage {
    DiagLevel level;
    char *path; /* NULL: no file */
    int line, col;
    char *text;
    SrcLoc para; /* content warnings: the paragraph's start (borrowed from the
                    Doc; path NULL for other messages) */
    int byte;    /* and the byte of the paragraph's text the warning is at */
} CheckMessage;

/* check_log_add with the paragraph a content warning is in. */
void check_log_note(CheckLog *log, DiagLevel level, SrcLoc at, SrcLoc para, int byte,
                    const char *message);

struct CheckLog {
    CheckMessage *msg;
    int n, cap;
};

typedef struct ArticleReport {
    const Article *a;
    const Section *s;
    CheckCounts c;
} ArticleReport;

/* A line to look at. */
typedef struct LookLine {
    int article;      /* index into CheckReport.art; -1: furniture */
    SrcLoc at;        /* its paragraph */
    int line;         /* line number within the paragraph, from 1 */
    unsigned flags;   /* LineFlag bits */
    double gap_em;    /* largest gap added between two characters, in em */
    int folio;        /* printed page number; 0: front matter */
    int pdf_page;     /* page in the PDF (and page-NNN.png), from 1; 0: none */
    const char *text; /* the line's text (len bytes, borrowed from the pages) */
    int len;
} LookLine;

/* A page whose foot was left empty though its section goes on overleaf
 * (the next article's headline did not fit under the last lines). */
typedef struct LookPage {
    int pdf_page, folio;
    int empty;        /* grid lines left empty at the foot */
} LookPage;

struct CheckReport {
    const Doc *doc;
    const Pages *p;
    const TextCtx *t;
    const CheckLog *log;
    Arena scratch;           /* greedy settings made for comparison */
    ArticleReport *art;      /* in the order */
    int n_art;
    CheckCounts furniture;   /* cover, contents, running heads, section names */
    CheckCounts total;
    int n_numbered;          /* pages with a folio */
    LookLine *look;
    int n_look, cap_look;
    LookPage *feet;          /* in page order */
    int n_feet;
    int *msg_article;        /* per log message: index into art, -1 for none */
    int *msg_order;          /* the log's messages in the order */
};

/* lint.c: content warnings into log. */
void check_lint(CheckLog *log, const Doc *doc);

#endif
