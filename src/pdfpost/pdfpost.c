/* pdfpost.c - the libqpdf side of the post-step; see pdfpost.h.
 *
 * Uses only libqpdf's C API (qpdf-c.h): objects are read, changed and
 * added through object handles and written by qpdf's writer, so no PDF
 * syntax is produced here except content-stream operators (content.c) and
 * the XMP packet (xmp.c). What each deliverable needs, and why:
 *
 *   Cairo 1.16 defects   dates without "D:", a negative /Count on the
 *                        outline root, no trailer /ID (qpdf's deterministic
 *                        ID: an MD5 of the written file, so reproducible)
 *   PDF/X-4 (ISO 15930-7) TrimBox/BleedBox, output intent GTS_PDFX with an
 *                        embedded CMYK profile, GTS_PDFXVersion, Trapped,
 *                        XMP with pdfxid, no annotations inside the page,
 *                        PDF 1.6, no DeviceRGB (page groups, colours)
 *   PDF/A-2b (ISO 19005-2) output intent GTS_PDFA1, XMP with pdfaid and
 *                        Dublin Core agreeing with Info, annotation print
 *                        flag, EOL before endstream, PDF 1.7
 */
#include "pdfpost.h"
#include "pdfpost_impl.h"

#include <qpdf/qpdf-c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/file.h"

typedef struct Post {
    Diag *d;
    const PdfPostOpts *o;
    const char *path;
    qpdf_data q;
    const unsigned char *input; /* the file Cairo wrote, for the document ids */
    size_t input_len;
} Post;

/* Reports qpdf's error of the last call, if any; true if there was none. */
static bool qpdf_ok(Post *p, QPDF_ERROR_CODE rc)
{
    while (qpdf_more_warnings(p->q))
        diag_warn(p->d, srcloc_file(p->path), "PDF: %s",
                  qpdf_get_error_full_text(p->q, qpdf_next_warning(p->q)));
    if (!(rc & QPDF_ERRORS) && !qpdf_has_error(p->q))
        return true;
    qpdf_error e = qpdf_get_error(p->q);
    diag_error(p->d, srcloc_file(p->path), "cannot finish the PDF: %s",
               e ? qpdf_get_error_full_text(p->q, e) : "libqpdf failed");
    return false;
}

/* A copy of the Info string under key, as UTF-8 ("" if absent). */
static char *info_string(Post *p, qpdf_oh info, const char *key)
{
    qpdf_oh v = qpdf_oh_get_key(p->q, info, key);
    return xstrdup(qpdf_oh_is_string(p->q, v) ? qpdf_oh_get_utf8_value(p->q, v) : "");
}

/* ---- document level ------------------------------------------------------- */

/* "YYYY-MM-DDThh:mm:ss" (UTC) → "D:YYYYMMDDhhmmssZ" (ISO 32000-1 §7.9.4). */
static void pdf_date(const char *iso, char out[32])
{
    char digits[15] = {0};
    int n = 0;
    for (const char *s = iso; *s && n < 14; s++)
        if (*s >= '0' && *s <= '9')
            digits[n++] = *s;
    while (n < 14)
        digits[n++] = '0';
    snprintf(out, 32, "D:%sZ", digits);
}

static void fix_info(Post *p, qpdf_oh info)
{
    char date[32];
    pdf_date(p->o->date, date);
    qpdf_oh_replace_key(p->q, info, "/CreationDate", qpdf_oh_new_string(p->q, date));
    qpdf_oh_replace_key(p->q, info, "/ModDate", qpdf_oh_new_string(p->q, date));
    if (p->o->kind == PDFPOST_PRINT) {
        qpdf_oh_replace_key(p->q, info, "/Trapped", qpdf_oh_new_name(p->q, "/False"));
        qpdf_oh_replace_key(p->q, info, "/GTS_PDFXVersion", qpdf_oh_new_string(p->q, "PDF/X-4"));
    }
}

/* Catalog: Cairo writes the outline root's /Count negative (a closed
 * outline has no such thing); /Lang and the title display are ours. */
static void fix_catalog(Post *p, qpdf_oh root)
{
    qpdf_data q = p->q;
    qpdf_oh outlines = qpdf_oh_get_key(q, root, "/Outlines");
    bool has_outline = qpdf_oh_is_dictionary(q, outlines);
    qpdf_oh count = has_outline ? qpdf_oh_get_key(q, outlines, "/Count") : qpdf_oh_new_null(q);
    if (qpdf_oh_is_integer(q, count) && qpdf_oh_get_int_value(q, count) < 0)
        qpdf_oh_replace_key(q, outlines, "/Count",
                            qpdf_oh_new_integer(q, -qpdf_oh_get_int_value(q, count)));
    if (p->o->kind != PDFPOST_PRINT && has_outline)
        qpdf_oh_replace_key(q, root, "/PageMode", qpdf_oh_new_name(q, "/UseOutlines"));
    if (p->o->language && p->o->language[0])
        qpdf_oh_replace_key(q, root, "/Lang", qpdf_oh_new_unicode_string(q, p->o->language));
    qpdf_oh_replace_key(q, root, "/ViewerPreferences",
                        qpdf_oh_parse(q, "<< /DisplayDocTitle true >>"));
}

/* Cairo 1.16 writes no page-label entry for pages whose label is their
 * page number (its check compares with the previous page), so a document
 * numbered from 1 gets an empty /Nums, and the tree must have an entry for
 * page index 0 (ISO 32000-1 §12.4.2). The missing entry is decimal from 1:
 * what Cairo's comparison took for granted. */
static void fix_page_labels(Post *p, qpdf_oh root)
{
    qpdf_data q = p->q;
    qpdf_oh nums = qpdf_oh_get_key(q, qpdf_oh_get_key(q, root, "/PageLabels"), "/Nums");
    if (!qpdf_oh_is_array(q, nums))
        return;
    qpdf_oh first = qpdf_oh_get_array_n_items(q, nums) > 0 ? qpdf_oh_get_array_item(q, nums, 0)
                                                           : qpdf_oh_new_null(q);
    if (qpdf_oh_is_integer(q, first) && qpdf_oh_get_int_value(q, first) == 0)
        return;
    qpdf_oh_insert_item(q, nums, 0, qpdf_oh_new_integer(q, 0));
    qpdf_oh_insert_item(q, nums, 1, qpdf_oh_parse(q, "<< /S /D /St 1 >>"));
}

/* The XMP packet, from the (fixed) Info dictionary so the two agree. */
static void add_metadata(Post *p, qpdf_oh root, qpdf_oh info)
{
    char date[32], doc_id[48], inst_id[48];
    snprintf(date, sizeof date, "%.19sZ", p->o->date);
    hash_uuid(p->input, p->input_len, 1, doc_id);
    hash_uuid(p->input, p->input_len, 2, inst_id);
    char *field[5];
    static const char *const keys[5] = {"/Title", "/Author", "/Subject", "/Creator", "/Producer"};
    for (int i = 0; i < 5; i++)
        field[i] = info_string(p, info, keys[i]);
    XmpInfo x = {p->o->kind, field[0], field[1], field[2], p->o->language, field[3], field[4],
                 date, doc_id, inst_id};
    Buf b;
    buf_init(&b);
    xmp_build(&b, &x);
    qpdf_oh md = qpdf_oh_new_stream(p->q);
    qpdf_oh_replace_stream_data(p->q, md, (const unsigned char *)b.data, b.len,
                                qpdf_oh_new_null(p->q), qpdf_oh_new_null(p->q));
    qpdf_oh dict = qpdf_oh_get_dict(p->q, md);
    qpdf_oh_replace_key(p->q, dict, "/Type", qpdf_oh_new_name(p->q, "/Metadata"));
    qpdf_oh_replace_key(p->q, dict, "/Subtype", qpdf_oh_new_name(p->q, "/XML"));
    qpdf_oh_replace_key(p->q, root, "/Metadata", md);
    buf_fini(&b);
    for (int i = 0; i < 5; i++)
        free(field[i]);
}

/* The output intent: the profile embedded, identified as PDF/X or PDF/A
 * asks. The profile must have the components the kind needs. */
static bool add_output_intent(Post *p, qpdf_oh root)
{
    bool print = p->o->kind == PDFPOST_PRINT;
    size_t len;
    unsigned char *icc = (unsigned char *)file_read(p->d, p->o->profile, &len);
    IccInfo info;
    if (!icc)
        return false;
    if (!icc_read(icc, len, &info) || info.components != (print ? 4 : 3)) {
        diag_error(p->d, srcloc_file(p->o->profile), "not an ICC profile for %s",
                   print ? "CMYK printing" : "RGB (sRGB)");
        free(icc);
        return false;
    }
    qpdf_data q = p->q;
    qpdf_oh stream = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, stream, icc, len, qpdf_oh_new_null(q), qpdf_oh_new_null(q));
    qpdf_oh_replace_key(q, qpdf_oh_get_dict(q, stream), "/N", qpdf_oh_new_integer(q, info.components));
    qpdf_oh oi = qpdf_oh_parse(q, print ? "<< /Type /OutputIntent /S /GTS_PDFX >>"
                                        : "<< /Type /OutputIntent /S /GTS_PDFA1 >>");
    const char *id = print ? p->o->condition : "sRGB IEC61966-2.1";
    qpdf_oh_replace_key(q, oi, "/OutputConditionIdentifier", qpdf_oh_new_unicode_string(q, id));
    qpdf_oh_replace_key(q, oi, "/RegistryName", qpdf_oh_new_string(q, "http://www.color.org"));
    qpdf_oh_replace_key(q, oi, "/Info", qpdf_oh_new_unicode_string(q, info.description));
    qpdf_oh_replace_key(q, oi, "/DestOutputProfile", stream);
    qpdf_oh list = qpdf_oh_new_array(q);
    qpdf_oh_append_item(q, list, qpdf_make_indirect_object(q, oi));
    qpdf_oh_replace_key(q, root, "/OutputIntents", list);
    free(icc);
    return true;
}

/* ---- pages ---------------------------------------------------------------- */

/* Replaces a stream's data with its content filtered (decoded first). */
static void filter_stream(Post *p, qpdf_oh stream, int flags)
{
    unsigned char *data = NULL;
    size_t len = 0, out_len;
    if (qpdf_oh_get_stream_data(p->q, stream, qpdf_dl_generalized, NULL, &data, &len) & QPDF_ERRORS)
        return;
    char *out = content_filter((const char *)data, len, flags, &out_len);
    qpdf_oh dict = qpdf_oh_get_dict(p->q, stream);
    qpdf_oh_remove_key(p->q, dict, "/DecodeParms");
    qpdf_oh_replace_stream_data(p->q, stream, (unsigned char *)out, out_len,
                                qpdf_oh_new_null(p->q), qpdf_oh_new_null(p->q));
    free(out);
    free(data);
}

/* Form XObjects drawn by the page carry colours too (print only: marked
 * content inside forms belongs to the page that draws them). */
static void filter_forms(Post *p, qpdf_oh page, int flags)
{
    qpdf_data q = p->q;
    qpdf_oh xobjects = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"), "/XObject");
    if (!qpdf_oh_is_dictionary(q, xobjects))
        return;
    qpdf_oh_begin_dict_key_iter(q, xobjects);
    while (qpdf_oh_dict_more_keys(q)) {
        qpdf_oh x = qpdf_oh_get_key(q, xobjects, qpdf_oh_dict_next_key(q));
        if (qpdf_oh_is_stream(q, x) &&
            qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, qpdf_oh_get_dict(q, x), "/Subtype"),
                                       "/Form"))
            filter_stream(p, x, flags);
    }
}

static void filter_page(Post *p, qpdf_oh page)
{
    qpdf_data q = p->q;
    int flags = p->o->kind == PDFPOST_PRINT ? CONTENT_CMYK : CONTENT_ARTIFACTS;
    unsigned char *data = NULL;
    size_t len = 0, out_len;
    if (qpdf_oh_get_page_content_data(q, page, &data, &len) & QPDF_ERRORS)
        return;
    char *out = content_filter((const char *)data, len, flags, &out_len);
    qpdf_oh stream = qpdf_oh_new_stream(q);
    qpdf_oh_replace_stream_data(q, stream, (unsigned char *)out, out_len, qpdf_oh_new_null(q),
                                qpdf_oh_new_null(q));
    qpdf_oh_replace_key(q, page, "/Contents", stream);
    free(out);
    free(data);
    if (flags & CONTENT_CMYK)
        filter_forms(p, page, flags);
}

static double box_value(Post *p, qpdf_oh box, int i)
{
    return qpdf_oh_get_numeric_value(p->q, qpdf_oh_get_array_item(p->q, box, i));
}

static void set_box(Post *p, qpdf_oh page, const char *key, const double r[4])
{
    char text[160];
    snprintf(text, sizeof text, "[%.4f %.4f %.4f %.4f]", r[0], r[1], r[2], r[3]);
    qpdf_oh_replace_key(p->q, page, key, qpdf_oh_parse(p->q, text));
}

/* TrimBox: the trim size centred in the MediaBox (the renderer puts the
 * same bleed and mark space on every side); BleedBox: the trim plus bleed. */
static void set_print_boxes(Post *p, qpdf_oh page)
{
    qpdf_oh media = qpdf_oh_get_key(p->q, page, "/MediaBox");
    double m[4], trim[4], bleed[4];
    for (int i = 0; i < 4; i++)
        m[i] = box_value(p, media, i);
    double dx = (m[2] - m[0] - p->o->trim_width) / 2, dy = (m[3] - m[1] - p->o->trim_height) / 2;
    trim[0] = m[0] + dx, trim[1] = m[1] + dy, trim[2] = m[2] - dx, trim[3] = m[3] - dy;
    for (int i = 0; i < 4; i++) {
        double b = i < 2 ? trim[i] - p->o->bleed : trim[i] + p->o->bleed;
        bleed[i] = i < 2 ? (b > m[i] ? b : m[i]) : (b < m[i] ? b : m[i]);
    }
    set_box(p, page, "/TrimBox", trim);
    set_box(p, page, "/BleedBox", bleed);
}

/* The registration colour (all plates at 100 %) for the crop marks. */
static void add_registration(Post *p, qpdf_oh page)
{
    qpdf_data q = p->q;
    qpdf_oh res = qpdf_oh_get_key(q, page, "/Resources");
    if (!qpdf_oh_is_dictionary(q, res))
        return;
    qpdf_oh spaces = qpdf_oh_get_key(q, res, "/ColorSpace");
    if (!qpdf_oh_is_dictionary(q, spaces)) {
        spaces = qpdf_oh_new_dictionary(q);
        qpdf_oh_replace_key(q, res, "/ColorSpace", spaces);
    }
    qpdf_oh_replace_key(q, spaces, CONTENT_REGISTRATION,
                        qpdf_oh_parse(q, "[/Separation /All /DeviceCMYK << /FunctionType 2"
                                         " /Domain [0 1] /C0 [0 0 0 0] /C1 [1 1 1 1] /N 1 >>]"));
}

/* Print: no annotations, and the page group's blending space CMYK (Cairo
 * declares DeviceRGB on every page). Archive: every annotation printable. */
static void fix_page_dict(Post *p, qpdf_oh page)
{
    qpdf_data q = p->q;
    if (p->o->kind == PDFPOST_PRINT) {
        set_print_boxes(p, page);
        add_registration(p, page);
        qpdf_oh_remove_key(q, page, "/Annots");
        qpdf_oh group = qpdf_oh_get_key(q, page, "/Group");
        if (qpdf_oh_is_dictionary(q, group))
            qpdf_oh_replace_key(q, group, "/CS", qpdf_oh_new_name(q, "/DeviceCMYK"));
        return;
    }
    if (p->o->proof) /* a proof is trim + bleed too: the boxes say where to cut */
        set_print_boxes(p, page);
    qpdf_oh annots = qpdf_oh_get_key(q, page, "/Annots");
    int n = qpdf_oh_is_array(q, annots) ? qpdf_oh_get_array_n_items(q, annots) : 0;
    for (int i = 0; i < n; i++)
        qpdf_oh_replace_key(q, qpdf_oh_get_array_item(q, annots, i), "/F",
                            qpdf_oh_new_integer(q, 4));
}

/* Cairo leaves out /CIDToGIDMap on TrueType-based CID fonts (the PDF
 * default is Identity, which is what it means); PDF/A-2 §6.2.11.3.2 wants
 * it written. */
static void fix_fonts(Post *p, qpdf_oh page)
{
    qpdf_data q = p->q;
    qpdf_oh fonts = qpdf_oh_get_key(q, qpdf_oh_get_key(q, page, "/Resources"), "/Font");
    if (!qpdf_oh_is_dictionary(q, fonts))
        return;
    qpdf_oh_begin_dict_key_iter(q, fonts);
    while (qpdf_oh_dict_more_keys(q)) {
        qpdf_oh font = qpdf_oh_get_key(q, fonts, qpdf_oh_dict_next_key(q));
        qpdf_oh desc = qpdf_oh_get_key(q, font, "/DescendantFonts");
        qpdf_oh cid = qpdf_oh_is_array(q, desc) ? qpdf_oh_get_array_item(q, desc, 0)
                                                : qpdf_oh_new_null(q);
        if (qpdf_oh_is_dictionary(q, cid) &&
            qpdf_oh_is_name_and_equals(q, qpdf_oh_get_key(q, cid, "/Subtype"), "/CIDFontType2") &&
            !qpdf_oh_has_key(q, cid, "/CIDToGIDMap"))
            qpdf_oh_replace_key(q, cid, "/CIDToGIDMap", qpdf_oh_new_name(q, "/Identity"));
    }
}

static void fix_pages(Post *p)
{
    int n = qpdf_get_num_pages(p->q);
    for (int i = 0; i < n; i++) {
        qpdf_oh page = qpdf_get_page_n(p->q, (size_t)i);
        filter_page(p, page);
        fix_page_dict(p, page);
        fix_fonts(p, page);
        qpdf_oh_release_all(p->q);
    }
}

/* ---- reading and writing ---------------------------------------------------- */

static bool write_pdf(Post *p, const char *out)
{
    qpdf_data q = p->q;
    if (!qpdf_ok(p, qpdf_init_write(q, out)))
        return false;
    qpdf_set_deterministic_ID(q, QPDF_TRUE);
    qpdf_set_suppress_original_object_IDs(q, QPDF_TRUE);
    qpdf_set_newline_before_endstream(q, QPDF_TRUE);
    qpdf_force_pdf_version(q, p->o->kind == PDFPOST_PRINT ? "1.6" : "1.7");
    /* Object streams only where no validator of the older profiles looks. */
    qpdf_set_object_stream_mode(q, p->o->kind == PDFPOST_DISTRIBUTION ? qpdf_o_generate
                                                                       : qpdf_o_disable);
    return qpdf_ok(p, qpdf_write(q));
}

/* Everything between reading and writing; false after reporting. */
static bool finish(Post *p)
{
    qpdf_oh root = qpdf_get_root(p->q);
    qpdf_oh info = qpdf_oh_get_key(p->q, qpdf_get_trailer(p->q), "/Info");
    if (!qpdf_oh_is_dictionary(p->q, info)) {
        info = qpdf_make_indirect_object(p->q, qpdf_oh_new_dictionary(p->q));
        qpdf_oh_replace_key(p->q, qpdf_get_trailer(p->q), "/Info", info);
    }
    fix_info(p, info);
    fix_catalog(p, root);
    fix_page_labels(p, root);
    add_metadata(p, root, info);
    if (p->o->kind != PDFPOST_DISTRIBUTION && !add_output_intent(p, root))
        return false;
    fix_pages(p);
    return qpdf_ok(p, 0);
}

bool pdfpost_run(Diag *d, const PdfPostOpts *o, const char *in, const char *out,
                 const char *path)
{
    Post p = {.d = d, .o = o, .path = path};
    char *input = file_read(d, in, &p.input_len);
    if (!input)
        return false;
    p.input = (const unsigned char *)input;
    p.q = qpdf_init();
    qpdf_silence_errors(p.q);
    qpdf_set_suppress_warnings(p.q, QPDF_TRUE);
    /* From memory: qpdf reads the file object by object, and from a file
     * each read is an lseek and a refill of stdio's buffer, which made up
     * half of this step (same output either way). */
    QPDF_ERROR_CODE rc = qpdf_read_memory(p.q, in, input, (unsigned long long)p.input_len, NULL);
    bool ok = qpdf_ok(&p, rc) && finish(&p) && write_pdf(&p, out);
    qpdf_cleanup(&p.q);
    free(input);
    return ok;
}
