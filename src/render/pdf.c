/* pdf.c - the PDF surface: pages of the size trim_offset gives (bleed and
 * crop marks are drawn by render.c, as for the PNG), tagged structure,
 * named destinations, links, outline and page labels.
 *
 * Cairo 1.16 marks content only inside *leaf* structure elements (see
 * cairo-pdf-interchange.c, is_leaf_node): what is drawn while only
 * grouping elements (Document, Sect, Art, a P that holds Spans) are open
 * stays unmarked. Furniture (running heads, folios, rules, frames) is drawn
 * that way, and the post-step (src/pdfpost) wraps every unmarked drawing
 * in /Artifact BMC … EMC. A paragraph that is interrupted (by furniture at a
 * page end, or a rule) becomes a P holding one Span per uninterrupted run,
 * so it stays one element across pages.
 *
 * Cairo 1.16 drops links to later pages given by number, so every internal
 * link and outline entry goes to a named destination.
 */
#include "render.h"
#include "render_impl.h"

#include <cairo-pdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/progress.h"
#include "base/times.h"

/* ---- structure ----------------------------------------------------------- */

typedef struct Tagger {
    cairo_t *cr;
    const Pages *p;
    const Section *sect;   /* open Sect, NULL if none */
    int article;           /* open Art (index into p->mark), -1 if none */
    const Shaped *para;    /* paragraph of the open H/P, NULL if none */
    const char *para_tag;  /* "H" or "P" */
    bool grouped;          /* the H/P holds Spans (it is interrupted) */
    bool span_open;        /* grouped: a Span is open */
    bool toc_open;         /* contents page: the TOC is open */
    bool toci_open;        /* … a TOCI (one entry, or one section name) is open */
    bool toci_heading;     /* … and it holds a section name */
} Tagger;

/* Running heads and folios are page furniture: artifacts, not content.
 * On the contents page (toc) the folio-styled numbers are the entries'
 * page references, which are content. */
static bool is_furniture(const PageItem *it, bool toc)
{
    return it->kind != ITEM_TEXT || it->role == ROLE_RUNNING_HEAD ||
           (it->role == ROLE_FOLIO && !toc);
}

static const char *tag_for_role(RoleId role)
{
    switch (role) {
    case ROLE_TITLE:
    case ROLE_BOX_TITLE:
    case ROLE_HEADING:
    case ROLE_SUBHEADING:
    case ROLE_SECTION_HEAD:
        return "H";
    default:
        return "P";
    }
}

/* Ends whatever holds marked content, so the next drawing is unmarked. */
static void close_content(Tagger *tg)
{
    if (tg->para && tg->grouped && tg->span_open) {
        cairo_tag_end(tg->cr, "Span");
        tg->span_open = false;
    } else if (tg->para && !tg->grouped) {
        cairo_tag_end(tg->cr, tg->para_tag);
        tg->para = NULL;
    }
}

static void close_para(Tagger *tg)
{
    close_content(tg);
    if (tg->para)
        cairo_tag_end(tg->cr, tg->para_tag);
    tg->para = NULL;
}

static void close_article(Tagger *tg)
{
    close_para(tg);
    if (tg->article >= 0)
        cairo_tag_end(tg->cr, "Art");
    tg->article = -1;
}

static void close_section(Tagger *tg)
{
    close_article(tg);
    if (tg->sect)
        cairo_tag_end(tg->cr, "Sect");
    tg->sect = NULL;
}

/* The section of the next article item on page pg from item i on; NULL if
 * none (a section opener belongs to the section whose article follows). */
static const Section *section_ahead(const Pages *p, const Page *pg, int i)
{
    for (; i < pg->n_items; i++)
        if (pg->item[i].article >= 0 && !is_furniture(&pg->item[i], false))
            return p->mark[pg->item[i].article].section;
    return NULL;
}

/* Opens the Sect and Art that item i of page pg belongs to. */
static void open_containers(Tagger *tg, const Page *pg, int i)
{
    const PageItem *it = &pg->item[i];
    const Section *s = it->article >= 0 ? tg->p->mark[it->article].section
                                        : section_ahead(tg->p, pg, i);
    if (s != tg->sect) {
        close_section(tg);
        if (s)
            cairo_tag_begin(tg->cr, "Sect", "");
        tg->sect = s;
    }
    if (it->article != tg->article) {
        close_article(tg);
        if (it->article >= 0)
            cairo_tag_begin(tg->cr, "Art", "");
        tg->article = it->article;
    }
}

/* True if paragraph s, whose run starts at item i of page pg, goes on
 * after something else: later on this page or on the next page. */
static bool interrupted(const Pages *p, int pg, int i, const Shaped *s)
{
    const Page *page = &p->page[pg];
    while (i < page->n_items && page->item[i].kind == ITEM_TEXT && page->item[i].s == s)
        i++;
    for (; i < page->n_items; i++)
        if (page->item[i].kind == ITEM_TEXT && page->item[i].s == s)
            return true;
    if (pg + 1 >= p->n_pages)
        return false;
    const Page *next = &p->page[pg + 1];
    for (int k = 0; k < next->n_items; k++)
        if (next->item[k].kind == ITEM_TEXT && next->item[k].s == s)
            return true;
    return false;
}

/* Opens the H/P (or its next Span) for text item i of page pg. */
static void open_text(Tagger *tg, int pg, int i)
{
    const PageItem *it = &tg->p->page[pg].item[i];
    if (it->s != tg->para) {
        close_para(tg);
        tg->para = it->s;
        tg->para_tag = tag_for_role(it->role);
        tg->grouped = interrupted(tg->p, pg, i, it->s);
        tg->span_open = false;
        cairo_tag_begin(tg->cr, tg->para_tag, "");
    }
    if (tg->grouped && !tg->span_open) {
        cairo_tag_begin(tg->cr, "Span", "");
        tg->span_open = true;
    }
}

/* The contents page: its title block stays outside; the rest is a TOC
 * holding one TOCI per section name and one per entry (title lines, page
 * reference, and the link, which ends the entry). */
static void close_toci(Tagger *tg)
{
    close_para(tg);
    if (tg->toci_open)
        cairo_tag_end(tg->cr, "TOCI");
    tg->toci_open = false;
}

static void close_toc(Tagger *tg)
{
    close_toci(tg);
    if (tg->toc_open)
        cairo_tag_end(tg->cr, "TOC");
    tg->toc_open = false;
}

static void open_toc_item(Tagger *tg, const PageItem *it)
{
    if (it->role == ROLE_TITLE || it->role == ROLE_SUBTITLE || it->role == ROLE_KICKER) {
        close_toc(tg);
        return;
    }
    bool heading = it->role == ROLE_HEADING;
    if (!tg->toc_open) {
        close_section(tg);
        cairo_tag_begin(tg->cr, "TOC", "");
        tg->toc_open = true;
    }
    if (tg->toci_open && tg->toci_heading != heading)
        close_toci(tg);
    if (!tg->toci_open) {
        cairo_tag_begin(tg->cr, "TOCI", "");
        tg->toci_open = true;
        tg->toci_heading = heading;
    }
}

/* ---- destinations and links ------------------------------------------------ */

/* Cairo 1.16 takes the positions of destinations and links in page
 * space, not through the current transformation: where the page is larger
 * than the trim (a proof), offset moves them from trim to page space. */

/* The named destination of article m, at its first item on its page. */
static void add_dest(cairo_t *cr, int m, const PageItem *it, double offset)
{
    char attrs[96];
    snprintf(attrs, sizeof attrs, "name='a%d' x=0 y=%.2f", m,
             (item_top(it) > 0 ? item_top(it) : 0) + offset);
    cairo_tag_begin(cr, CAIRO_TAG_DEST, attrs);
    cairo_tag_end(cr, CAIRO_TAG_DEST);
}

static void add_link(cairo_t *cr, const PageItem *it, double offset)
{
    char attrs[160];
    snprintf(attrs, sizeof attrs, "dest='a%d' rect=[%.2f %.2f %.2f %.2f]", it->target,
             pt(it->x0) + offset, pt(it->y0) + offset, pt(it->x1 - it->x0), pt(it->y1 - it->y0));
    cairo_tag_begin(cr, CAIRO_TAG_LINK, attrs);
    cairo_tag_end(cr, CAIRO_TAG_LINK);
}

/* Title lines of an article joined into one outline entry. */
static char *article_title(const Article *a)
{
    Buf b;
    buf_init(&b);
    for (int i = 0; i < a->title.n; i++)
        buf_printf(&b, "%s", a->title.item[i]);
    return buf_detach(&b);
}

/* Outline: each printed section name → its articles; articles of untitled
 * sections at the top level. Entries go to the named destinations. */
static void add_outline(cairo_surface_t *surface, const Pages *p)
{
    const Section *sect = NULL;
    int parent = CAIRO_PDF_OUTLINE_ROOT;
    char link[32];
    for (int m = 0; m < p->n_marks; m++) {
        const PageMark *mk = &p->mark[m];
        snprintf(link, sizeof link, "dest='a%d'", m);
        if (mk->section != sect) {
            sect = mk->section;
            parent = CAIRO_PDF_OUTLINE_ROOT;
            if (sect->title[0])
                parent = cairo_pdf_surface_add_outline(surface, CAIRO_PDF_OUTLINE_ROOT, sect->title,
                                                       link, CAIRO_PDF_OUTLINE_FLAG_OPEN);
        }
        char *title = article_title(mk->article);
        cairo_pdf_surface_add_outline(surface, parent, title, link, 0);
        free(title);
    }
}

/* ---- pages ------------------------------------------------------------------ */

typedef struct PdfJob {
    Diag *d;
    const Pages *p;
    const TextCtx *t;
    const RenderOpts *o;
    FaceTable ft;
    cairo_surface_t *surface;
    cairo_t *cr;
    double offset; /* media edge to trim, points */
    Proof *proof;  /* --proof: the editor's marks; NULL otherwise */
} PdfJob;

/* Page label: the printed folio, so a reader's "go to page 12" finds the
 * page printed 12. Unnumbered front matter: 封面 for a first page, else
 * the page's own label, else roman numerals (never a number that a
 * numbered page also has). */
static void set_page_label(cairo_surface_t *surface, const Page *pg, int index)
{
    static const char *const roman[] = {"i", "ii", "iii", "iv", "v", "vi", "vii", "viii"};
    char num[16];
    if (pg->folio > 0)
        snprintf(num, sizeof num, "%d", pg->folio);
    else if (index == 0)
        snprintf(num, sizeof num, "封面");
    else
        snprintf(num, sizeof num, "%s", index < 8 ? roman[index] : "x");
    cairo_pdf_surface_set_page_label(surface, pg->folio <= 0 && index > 0 && pg->label ? pg->label
                                                                                      : num);
}

/* The dest of every article that starts on page index pg, placed at its
 * first item (i is that item). */
static void add_dests_at(const PdfJob *j, int pg, int i)
{
    const PageItem *it = &j->p->page[pg].item[i];
    if (it->article < 0 || is_furniture(it, false))
        return;
    const PageMark *mk = &j->p->mark[it->article];
    bool first = mk->page == pg;
    for (int k = 0; first && k < i; k++)
        first = j->p->page[pg].item[k].article != it->article;
    if (first)
        add_dest(j->cr, it->article, it, j->offset);
}

/* Draws page pg with its tags; a proof's marks go under and over the
 * items while no leaf element is open, so they stay artifacts. */
static void draw_tagged_page(PdfJob *j, Tagger *tg, int pg)
{
    const Page *page = &j->p->page[pg];
    bool toc = pg == j->p->contents_page;
    if (j->proof) {
        cairo_save(j->cr);
        cairo_translate(j->cr, j->offset, j->offset);
        proof_under(j->cr, j->proof, pg);
    }
    for (int i = 0; i < page->n_items; i++) {
        const PageItem *it = &page->item[i];
        if (is_furniture(it, toc)) {
            close_content(tg);
            if (it->kind == ITEM_LINK)
                add_link(j->cr, it, j->offset);
            if (it->kind == ITEM_LINK && toc)
                close_toci(tg);
        } else {
            if (toc)
                open_toc_item(tg, it);
            else
                open_containers(tg, page, i);
            add_dests_at(j, pg, i);
            open_text(tg, pg, i);
        }
        draw_item(j->cr, &j->ft, j->d, j->t, j->p->layout, it, 0);
    }
    close_content(tg);
    if (j->proof) {
        proof_over(j->cr, j->proof, pg);
        cairo_restore(j->cr);
    }
    if (toc)
        close_toc(tg);
}

/* A print page: the items, rules and frames at the trim running on into
 * the bleed, and the crop marks if asked for (render.c, as the PNG). */
static void draw_print_page(PdfJob *j, int pg)
{
    cairo_save(j->cr);
    cairo_translate(j->cr, j->offset, j->offset);
    draw_page(j->cr, &j->ft, j->d, j->t, j->p->layout, &j->p->page[pg], j->o);
    cairo_restore(j->cr);
}

/* ---- the document -------------------------------------------------------------- */

static void set_metadata(cairo_surface_t *surface, const RenderMeta *m)
{
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_TITLE, m->title);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_AUTHOR, m->author);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_SUBJECT, m->subject);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATOR, "reprint");
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_CREATE_DATE, m->date);
    cairo_pdf_surface_set_metadata(surface, CAIRO_PDF_METADATA_MOD_DATE, m->date);
}

static bool check_surface(Diag *d, cairo_surface_t *surface, const char *path)
{
    cairo_status_t st = cairo_surface_status(surface);
    if (st == CAIRO_STATUS_SUCCESS)
        return true;
    diag_error(d, srcloc_file(path), "cannot write: %s", cairo_status_to_string(st));
    return false;
}

static bool check_context(Diag *d, cairo_t *cr, const char *path)
{
    cairo_status_t st = cairo_status(cr);
    if (st == CAIRO_STATUS_SUCCESS)
        return true;
    diag_error(d, srcloc_file(path), "cannot draw: %s", cairo_status_to_string(st));
    return false;
}

/* Draws every page; the distribution PDF inside one Document element. */
static bool draw_pages(PdfJob *j, const char *path)
{
    Tagger tg = {.cr = j->cr, .p = j->p, .article = -1};
    bool ok = true;
    if (!j->o->print)
        cairo_tag_begin(j->cr, "Document", "");
    for (int i = 0; i < j->p->n_pages && ok; i++) {
        set_page_label(j->surface, &j->p->page[i], i);
        if (j->o->print)
            draw_print_page(j, i);
        else
            draw_tagged_page(j, &tg, i);
        if (!j->o->print && i == j->p->n_pages - 1) {
            close_section(&tg);
            cairo_tag_end(j->cr, "Document");
        }
        cairo_show_page(j->cr);
        ok = check_context(j->d, j->cr, path) && check_surface(j->d, j->surface, path);
        progress_step("drawing PDF page", i + 1, j->p->n_pages);
    }
    return ok;
}

bool render_pdf(Diag *d, const Pages *p, const TextCtx *t, const RenderMeta *meta,
                const RenderOpts *o, const char *file, const char *path)
{
    const Layout *l = p->layout;
    PdfJob j = {.d = d, .p = p, .t = t, .o = o};
    j.offset = trim_offset(l, o);
    j.surface = cairo_pdf_surface_create(file, pt(l->page_width) + 2 * j.offset,
                                         pt(l->page_height) + 2 * j.offset);
    bool ok = check_surface(d, j.surface, path) && faces_init(&j.ft, t);
    if (!ok) {
        cairo_surface_destroy(j.surface);
        return false;
    }
    progress_note("cutting the fonts");
    faces_cut(&j.ft, t, p); /* Cairo then embeds small faces (embed.c) */
    times_mark("cut");
    if (o->proof)
        j.proof = proof_new(d, p, t, &j.ft, o);
    set_metadata(j.surface, meta);
    if (!o->print)
        add_outline(j.surface, p);
    j.cr = cairo_create(j.surface);
    set_font_options(j.cr);
    cairo_set_source_rgb(j.cr, 0, 0, 0);
    ok = draw_pages(&j, path);
    cairo_destroy(j.cr);
    progress_note("embedding the fonts");
    cairo_surface_finish(j.surface);
    ok = ok && check_surface(d, j.surface, path);
    cairo_surface_destroy(j.surface);
    proof_free(j.proof);
    faces_fini(&j.ft);
    return ok;
}
