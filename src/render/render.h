/* render.h - pages → PDF or PNG through Cairo (the only stage that does).
 *
 * Text is drawn with cairo_show_text_glyphs(), which takes the UTF-8 text
 * and the cluster map along with the glyphs, so the PDF carries correct
 * Unicode (ToUnicode and, where clusters need it, ActualText). Fonts are
 * opened from the files the text stage resolved; for a PDF, each is first
 * cut down to the glyphs the pages draw (text_subset_face), and Cairo
 * embeds a subset of the cut.
 */
#ifndef REPRINT_RENDER_H
#define REPRINT_RENDER_H

#include <stdbool.h>

#include "base/diag.h"
#include "page/page.h"
#include "text/text.h"

typedef struct RenderMeta {
    const char *title;   /* document title */
    const char *author;  /* magazine */
    const char *subject; /* issue and serial */
    const char *date;    /* creation and modification date, ISO 8601 "YYYY-MM-DDThh:mm:ss" */
} RenderMeta;

/* A place the proof marks as a query (查): a content warning of `reprint
 * check`, found by the paragraph it is in (ParaLines.at) and the byte of
 * that paragraph's text. */
typedef struct ProofNote {
    SrcLoc para;
    int byte;
} ProofNote;

/* What kind of PDF Cairo writes (the post-step in src/pdfpost adds what
 * Cairo cannot: page boxes, output intents, XMP, artifacts). */
typedef struct RenderOpts {
    bool print; /* page = trim + bleed on every side, no tags, links or outline */
    bool marks; /* print: crop marks outside the bleed (the page grows to hold them) */
    const double *mark_rgb; /* the marks' colour (a proxy for registration); NULL: black */
    bool proof; /* an editor's proof: the page shows trim and bleed, the type area
                   and the baseline grid, and marks lines to look at (para_line_flags)
                   in the margin; never with print */
    const ProofNote *notes; /* proof: content warnings to mark (n_notes of them) */
    int n_notes;
} RenderOpts;

/* Writes all pages to a PDF in file; messages name it path (the name the
 * user asked for, when file is a temporary). The default (all options
 * false) is the distribution PDF: trim-size pages, tagged structure
 * (Document → Sect → Art → H/P, furniture left unmarked), an outline
 * (section → article), a named destination per article ("a" + index into
 * Pages.mark), links for ITEM_LINK areas and page labels from the folios.
 * False after reporting errors. */
bool render_pdf(Diag *d, const Pages *p, const TextCtx *t, const RenderMeta *meta,
                const RenderOpts *o, const char *file, const char *path);

/* Writes page-NNN.png files into dir (which must exist) at dpi, each the
 * page the PDF of the same options has: o->print adds the bleed (rules and
 * frames run into it) and o->marks the crop marks, in o->mark_rgb (NULL:
 * black, as a viewer shows the registration colour); o->proof draws the
 * proof's marks as in the PDF. o NULL: trim-size pages. */
bool render_png(Diag *d, const Pages *p, const TextCtx *t, const RenderOpts *o, const char *dir,
                int dpi);

#endif
