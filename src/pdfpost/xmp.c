/* xmp.c - the XMP metadata packet; see pdfpost_impl.h.
 *
 * The packet repeats the Info dictionary (ISO 32000-1 §14.3.2; PDF/A-2
 * §6.6.2.3 asks for the two to agree): Title ↔ dc:title, Author ↔
 * dc:creator, Subject ↔ dc:description, Creator ↔ xmp:CreatorTool,
 * Producer ↔ pdf:Producer, CreationDate/ModDate ↔ xmp:CreateDate/
 * ModifyDate. The print file adds the PDF/X-4 identification (ISO 15930-7:
 * pdfxid, xmpMM document and version ids, rendition class, Trapped), the
 * archive file the PDF/A identification (ISO 19005-2 §6.6.4: pdfaid). The
 * xpacket header carries no bytes= or encoding= attributes (PDF/A forbids
 * them).
 */
#include "pdfpost_impl.h"

#include <string.h>

/* Appends s with the five XML special characters escaped. */
static void put_escaped(Buf *b, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&': buf_puts(b, "&amp;"); break;
        case '<': buf_puts(b, "&lt;"); break;
        case '>': buf_puts(b, "&gt;"); break;
        case '"': buf_puts(b, "&quot;"); break;
        case '\'': buf_puts(b, "&apos;"); break;
        default: buf_putc(b, *s);
        }
    }
}

static void put_element(Buf *b, const char *name, const char *value)
{
    buf_printf(b, "   <%s>", name);
    put_escaped(b, value);
    buf_printf(b, "</%s>\n", name);
}

/* An rdf:Alt (lang x-default), rdf:Seq or rdf:Bag with one item. */
static void put_container(Buf *b, const char *name, const char *kind, const char *value)
{
    buf_printf(b, "   <%s><rdf:%s><rdf:li%s>", name, kind,
               strcmp(kind, "Alt") == 0 ? " xml:lang=\"x-default\"" : "");
    put_escaped(b, value);
    buf_printf(b, "</rdf:li></rdf:%s></%s>\n", kind, name);
}

static void put_description_open(Buf *b, const char *ns, const char *uri)
{
    buf_printf(b, "  <rdf:Description rdf:about=\"\" xmlns:%s=\"%s\">\n", ns, uri);
}

static void put_common(Buf *b, const XmpInfo *x)
{
    put_description_open(b, "dc", "http://purl.org/dc/elements/1.1/");
    put_element(b, "dc:format", "application/pdf");
    put_container(b, "dc:title", "Alt", x->title);
    put_container(b, "dc:creator", "Seq", x->author);
    put_container(b, "dc:description", "Alt", x->subject);
    put_container(b, "dc:language", "Bag", x->language);
    buf_puts(b, "  </rdf:Description>\n");
    put_description_open(b, "xmp", "http://ns.adobe.com/xap/1.0/");
    put_element(b, "xmp:CreateDate", x->date);
    put_element(b, "xmp:ModifyDate", x->date);
    put_element(b, "xmp:MetadataDate", x->date);
    put_element(b, "xmp:CreatorTool", x->creator);
    buf_puts(b, "  </rdf:Description>\n");
    put_description_open(b, "pdf", "http://ns.adobe.com/pdf/1.3/");
    put_element(b, "pdf:Producer", x->producer);
    if (x->kind == PDFPOST_PRINT)
        put_element(b, "pdf:Trapped", "False");
    buf_puts(b, "  </rdf:Description>\n");
}

static void put_ids(Buf *b, const XmpInfo *x)
{
    put_description_open(b, "xmpMM", "http://ns.adobe.com/xap/1.0/mm/");
    put_element(b, "xmpMM:DocumentID", x->document_id);
    put_element(b, "xmpMM:InstanceID", x->instance_id);
    put_element(b, "xmpMM:VersionID", "1");
    put_element(b, "xmpMM:RenditionClass", "default");
    buf_puts(b, "  </rdf:Description>\n");
}

void xmp_build(Buf *b, const XmpInfo *x)
{
    buf_puts(b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n");
    put_common(b, x);
    put_ids(b, x);
    if (x->kind == PDFPOST_PRINT) {
        put_description_open(b, "pdfxid", "http://www.npes.org/pdfx/ns/id/");
        put_element(b, "pdfxid:GTS_PDFXVersion", "PDF/X-4");
        buf_puts(b, "  </rdf:Description>\n");
    } else if (x->kind == PDFPOST_ARCHIVE) {
        put_description_open(b, "pdfaid", "http://www.aiim.org/pdfa/ns/id/");
        put_element(b, "pdfaid:part", "2");
        put_element(b, "pdfaid:conformance", "B");
        buf_puts(b, "  </rdf:Description>\n");
    }
    buf_puts(b, " </rdf:RDF>\n</x:xmpmeta>\n");
    /* Padding lets an editor update the packet in place (XMP part 1 §7.3.2). */
    for (int i = 0; i < 20; i++)
        buf_puts(b, "                                                                   \n");
    buf_puts(b, "<?xpacket end=\"w\"?>");
}
