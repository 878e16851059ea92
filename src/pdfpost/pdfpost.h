/* pdfpost.h - what Cairo 1.16 cannot write, added after it with libqpdf
 * (the only stage that includes <qpdf/…>).
 *
 * Cairo writes the pages, fonts, tags, outline, links and labels; this
 * step rewrites the file into one of three deliverables:
 *
 *   distribution  fixed dates (D: prefix), positive outline count, /Lang,
 *                 XMP, unmarked drawings tagged as artifacts, /ID
 *   print         PDF/X-4-style: TrimBox and BleedBox on every page,
 *                 colours rewritten to DeviceCMYK (black text and rules on
 *                 K only; crop marks in registration colour), a GTS_PDFX
 *                 output intent with the press profile,
 *                 XMP with pdfxid, Trapped False, no annotations
 *   archive       PDF/A-2b-style: GTS_PDFA1 output intent (sRGB), XMP with
 *                 pdfaid part 2 conformance B, annotations printable
 *
 * The output depends only on the input and the options (qpdf's
 * deterministic /ID; document ids are hashes of the input), so the same
 * input gives the same bytes.
 */
#ifndef REPRINT_PDFPOST_H
#define REPRINT_PDFPOST_H

#include <stdbool.h>

#include "base/diag.h"

typedef enum PdfKind { PDFPOST_DISTRIBUTION, PDFPOST_PRINT, PDFPOST_ARCHIVE } PdfKind;

/* The sRGB profile of the archive's output intent (Debian icc-profiles-free;
 * ICC v2, which PDF/A-1 validators accept too). */
#define PDFPOST_SRGB_PROFILE "/usr/share/color/icc/sRGB.icc"

/* The RGB colour the renderer gives crop marks (no design uses it): the
 * print post-step turns it into the registration colour, Separation /All,
 * so the marks print on every plate. Exact binary fractions, so the value
 * Cairo writes reads back equal. */
#define PDFPOST_REGISTRATION_RGB {0.25, 0.5, 0.75}

typedef struct PdfPostOpts {
    PdfKind kind;
    const char *date;       /* creation = modification date, "YYYY-MM-DDThh:mm:ss", UTC */
    const char *language;   /* BCP 47, e.g. "zh-Hans" */
    double trim_width;      /* print: trim size in points; the TrimBox is */
    double trim_height;     /*   centred in each page's MediaBox */
    double bleed;           /* print: bleed on every side, points */
    const char *profile;    /* ICC file of the output intent (print: CMYK; archive: RGB) */
    const char *condition;  /* print: OutputConditionIdentifier, e.g. "FOGRA39" */
    bool proof;             /* distribution: the pages are an editor's proof, trim +
                               bleed (TrimBox and BleedBox as in print) */
} PdfPostOpts;

/* Reads the PDF Cairo wrote (in), writes the finished one (out); messages
 * name path. False after reporting errors. */
bool pdfpost_run(Diag *d, const PdfPostOpts *o, const char *in, const char *out,
                 const char *path);

#endif
