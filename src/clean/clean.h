/* clean.h - the clean stage: raw PDF text extraction → content skeleton.
 *
 * Input: the text a PDF extractor got out of a printed issue (one printed
 * line per text line, blank lines between them, justification spaces
 * between characters, running heads printed one character per line,
 * headline blocks and interleaved articles wherever the extractor met
 * them). Output: content/<issue>/ as docs/content-format.md describes it
 * (issue.yaml + one Markdown file per article) and clean-report.txt, which
 * lists with raw line numbers every place the cleaner was not sure of.
 *
 * Invariant: every character of the raw text that is not page furniture
 * ends up in exactly one place of the output (only spaces change).
 * Depends on base/ and libc only.
 */
#ifndef REPRINT_CLEAN_H
#define REPRINT_CLEAN_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"
#include "base/diag.h"

/* Cleans the raw extraction at raw_path into out_dir (created if missing):
 * issue.yaml, one NN-slug.md per article, clean-report.txt. issue.yaml
 * names the design `layout` (NULL: a placeholder, reported). A directory
 * that already holds an issue (issue.yaml or a .md) is refused, since the
 * editor's work would be overwritten. Returns 0 on success (and, unless
 * d->quiet, prints one line saying what was written), 1 on input errors or
 * a refused directory, 2 on environment errors; messages go through d.
 * Files are written to temporaries and renamed, so an error leaves no
 * half-written file behind. */
int clean_run(Diag *d, const char *raw_path, const char *out_dir, const char *layout);

/* ---- The analysed issue (for tests and tools) ---------------------------- */

/* Everything the cleaner learnt about one raw text; owns all its memory. */
typedef struct CleanDoc CleanDoc;

/* Analyses text (len bytes, need not be NUL-terminated) read from path
 * (used in messages only). Input errors (invalid UTF-8, NUL bytes, control
 * characters) are reported through d as path:line:col (columns in
 * characters); then it returns NULL. */
CleanDoc *clean_analyse(Diag *d, const char *path, const char *text, size_t len);
void clean_doc_free(CleanDoc *doc);

/* Writes issue.yaml, the articles and clean-report.txt into out_dir
 * (created if missing). Returns 0; 1 after refusing a directory that
 * already holds an issue (nothing written); or 2 after reporting an
 * environment error through d. */
int clean_write(CleanDoc *doc, Diag *d, const char *out_dir);

/* Number of articles found (a 【…】 box counts as one). */
int clean_article_count(const CleanDoc *doc);
/* Appends article i's file contents (front matter + Markdown body) to out. */
void clean_article_markdown(const CleanDoc *doc, int i, Buf *out);
/* Appends the file name chosen for article i ("NN-slug.md") to out. */
void clean_article_filename(const CleanDoc *doc, int i, Buf *out);
/* Appends the contents of issue.yaml to out. */
void clean_issue_yaml(const CleanDoc *doc, Buf *out);
/* Appends the contents of clean-report.txt to out: one line per entry,
 * "RAW:LINE: → FILE:LINE: message", the → part naming the output file and
 * line that hold the text (left out where the text went nowhere). */
void clean_report_text(const CleanDoc *doc, Buf *out);
/* Number of entries in the report (places the cleaner was not sure of). */
int clean_report_count(const CleanDoc *doc);
/* Appends the raw text with the page furniture (running heads, folios)
 * taken out: what the output must contain, character for character, up
 * to spaces. */
void clean_text_without_furniture(const CleanDoc *doc, Buf *out);

/* ---- Rules, exposed for unit tests ---------------------------------------- */

/* How to treat a space run between two CJK characters. */
typedef enum CleanSpaceMode {
    CLEAN_SPACES_BODY,  /* running text: single spaces are justification, 2+ a printed gap */
    CLEAN_SPACES_TITLE, /* a title or byline: any gap is printed, unless the line is letter-spaced */
} CleanSpaceMode;

/* Squeezes the spaces of one raw line (without its newline) into out:
 * leading/trailing spaces go; spaces between CJK characters (Han and CJK
 * punctuation) and between CJK and Latin/digits go; a printed gap between
 * two CJK parts becomes one U+3000; spaces between Latin words stay.
 * Returns the number of spaces it could not classify with confidence (a
 * single space between two Han characters in an otherwise unspaced line). */
int clean_squeeze_spaces(const char *line, CleanSpaceMode mode, Buf *out);

/* Printed width of s in quarter ems: CJK characters and number forms 4,
 * Latin capitals 3, other Latin letters and digits 2, a kept space 1,
 * plus 1 at each CJK/Latin boundary (the gap the original set). */
int clean_text_width(const char *s);

/* True if s (a squeezed line) ends a sentence: its last character, after
 * closing quotes and brackets, is 。！？…■：； */
bool clean_ends_sentence(const char *s);

/* Kinds of head a paragraph can start with. */
typedef enum CleanHeadPattern {
    CLEAN_HEAD_NONE,
    CLEAN_HEAD_CHAPTER, /* 一、 */
    CLEAN_HEAD_SECTION, /* （一） */
    CLEAN_HEAD_ORDINAL, /* 第一， */
    CLEAN_HEAD_ENUM,    /* 一是 */
} CleanHeadPattern;

/* Which head pattern s starts with. */
CleanHeadPattern clean_head_pattern(const char *s);

#endif
