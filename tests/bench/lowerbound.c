/* lowerbound.c - the floor for `make bench`: what shaping all of an issue's
 * text with HarfBuzz and writing the same glyphs with Cairo costs, with no
 * line breaking, page composition or typography at all.
 *
 *   lowerbound FONT_FILE FACE_INDEX OUT.pdf [--subset] ARTICLE.md...
 *
 * Reads the articles (front matter and Markdown markers dropped), shapes
 * every paragraph with one face (the body face), sets the glyphs in lines of
 * the body measure (409.5 pt, 18 pt pitch, 37 lines a page on 210 × 285 mm)
 * and writes them with cairo_show_text_glyphs, as render/ does. With
 * --subset the face is first cut down with hb-subset to the glyphs used
 * (glyph ids kept), to show what Cairo's own per-glyph work costs on a
 * full CJK font. Prints one line: "shape MS write MS subset MS glyphs N pages N".
 */
#include <cairo-ft.h>
#include <cairo-pdf.h>
#include <hb-ft.h>
#include <hb-subset.h>
#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <ft2build.h>
#include FT_FREETYPE_H

enum { MAX_PARAS = 1 << 20 };

typedef struct Para {
    char *text;
    int len;
    hb_buffer_t *buf;
} Para;

static double now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec * 1e3 + (double)t.tv_nsec / 1e6;
}

static char *read_all(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        perror(path);
        exit(2);
    }
    fseek(fp, 0, SEEK_END);
    long n = ftell(fp);
    fseek(fp, 0, SEEK_SET);
    char *s = malloc((size_t)n + 1);
    if (!s || fread(s, 1, (size_t)n, fp) != (size_t)n)
        exit(2);
    s[n] = '\0';
    fclose(fp);
    return s;
}

/* Splits one article into paragraphs (blank-line separated), skipping the
 * front matter and leading Markdown markers. */
static int split_paras(char *s, Para *out, int n)
{
    if (strncmp(s, "---\n", 4) == 0) {
        char *end = strstr(s + 4, "\n---\n");
        s = end ? end + 5 : s + strlen(s);
    }
    for (char *p = strtok(s, "\n"); p && n < MAX_PARAS; p = strtok(NULL, "\n")) {
        while (*p == '#' || *p == '*' || *p == '>' || *p == ' ')
            p++;
        if (*p)
            out[n++] = (Para){.text = p, .len = (int)strlen(p)};
    }
    return n;
}

static double shape_all(hb_font_t *font, Para *para, int n, long *glyphs)
{
    double t0 = now_ms();
    for (int i = 0; i < n; i++) {
        hb_buffer_t *b = hb_buffer_create();
        hb_buffer_add_utf8(b, para[i].text, para[i].len, 0, para[i].len);
        hb_buffer_set_direction(b, HB_DIRECTION_LTR);
        hb_buffer_set_script(b, HB_SCRIPT_HAN);
        hb_buffer_set_language(b, hb_language_from_string("zh-Hans", -1));
        hb_shape(font, b, NULL, 0);
        *glyphs += hb_buffer_get_length(b);
        para[i].buf = b;
    }
    return now_ms() - t0;
}

/* Cuts the face down to the glyphs used, keeping glyph ids. */
static hb_blob_t *subset_face(hb_face_t *face, Para *para, int n)
{
    hb_subset_input_t *in = hb_subset_input_create_or_fail();
    hb_set_t *gids = hb_subset_input_glyph_set(in);
    for (int i = 0; i < n; i++) {
        unsigned len;
        hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(para[i].buf, &len);
        for (unsigned g = 0; g < len; g++)
            hb_set_add(gids, gi[g].codepoint);
    }
    /* Only what a PDF embedding needs: no layout tables, no hinting. */
    hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_RETAIN_GIDS | HB_SUBSET_FLAGS_NO_HINTING);
    static const char *drop[] = {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "VORG",
                                 "vhea", "vmtx", "DSIG", "meta", "STAT"};
    hb_set_t *tags = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (size_t i = 0; i < sizeof drop / sizeof drop[0]; i++)
        hb_set_add(tags, hb_tag_from_string(drop[i], 4));
    hb_face_t *sub = hb_subset_or_fail(face, in);
    hb_subset_input_destroy(in);
    if (!sub) {
        fprintf(stderr, "lowerbound: hb-subset failed\n");
        exit(2);
    }
    hb_blob_t *blob = hb_face_reference_blob(sub);
    hb_face_destroy(sub);
    return blob;
}

static int write_pdf(FT_Face ft, const char *out, Para *para, int n)
{
    const double w = 210 / 25.4 * 72, h = 285 / 25.4 * 72, measure = 409.5, pitch = 18;
    const double left = 28 / 25.4 * 72, top = 22 / 25.4 * 72;
    cairo_surface_t *s = cairo_pdf_surface_create(out, w, h);
    cairo_t *cr = cairo_create(s);
    cairo_font_options_t *fo = cairo_font_options_create();
    cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
    cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
    cairo_set_font_options(cr, fo);
    cairo_font_options_destroy(fo);
    cairo_font_face_t *cf = cairo_ft_font_face_create_for_ft_face(ft, 0);
    cairo_set_font_face(cr, cf);
    cairo_set_font_size(cr, 10.5);
    double scale = 10.5 / ft->units_per_EM;
    int line = 0, pages = 1;
    cairo_glyph_t *gl = malloc(sizeof *gl * 4096);
    cairo_text_cluster_t *cl = malloc(sizeof *cl * 4096);
    for (int i = 0; i < n; i++) {
        unsigned len;
        hb_glyph_info_t *gi = hb_buffer_get_glyph_infos(para[i].buf, &len);
        hb_glyph_position_t *gp = hb_buffer_get_glyph_positions(para[i].buf, &len);
        unsigned g = 0;
        while (g < len) {
            /* one line: glyphs until the measure is full */
            double x = 0, y = top + pitch * (line + 1);
            int k = 0;
            unsigned first = g;
            while (g < len && k < 4096 && x + gp[g].x_advance * scale <= measure) {
                gl[k] = (cairo_glyph_t){gi[g].codepoint, left + x, y};
                x += gp[g].x_advance * scale;
                k++, g++;
            }
            if (k == 0)
                g++; /* a glyph wider than the line: skip it */
            unsigned b0 = gi[first].cluster, b1 = g < len ? gi[g].cluster : (unsigned)para[i].len;
            int nc = 0;
            for (int j = 0; j < k; j++) {
                unsigned c0 = gi[first + j].cluster;
                unsigned c1 = first + j + 1 < len ? gi[first + j + 1].cluster : (unsigned)para[i].len;
                cl[nc++] = (cairo_text_cluster_t){(int)(c1 - c0), 1};
            }
            if (k)
                cairo_show_text_glyphs(cr, para[i].text + b0, (int)(b1 - b0), gl, k, cl, nc, 0);
            if (++line == 37) {
                cairo_show_page(cr);
                line = 0;
                pages++;
            }
        }
    }
    cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_finish(s);
    int bad = cairo_surface_status(s) != CAIRO_STATUS_SUCCESS;
    cairo_surface_destroy(s);
    cairo_font_face_destroy(cf);
    free(gl), free(cl);
    if (bad) {
        fprintf(stderr, "lowerbound: cannot write %s\n", out);
        exit(2);
    }
    return pages;
}

int main(int argc, char **argv)
{
    if (argc < 5) {
        fprintf(stderr, "usage: lowerbound FONT INDEX OUT.pdf [--subset] ARTICLE.md...\n");
        return 2;
    }
    int index = atoi(argv[2]), first = 4, subset = 0;
    if (strcmp(argv[4], "--subset") == 0)
        subset = 1, first = 5;
    Para *para = malloc(sizeof *para * MAX_PARAS);
    int n = 0;
    for (int i = first; i < argc; i++)
        n = split_paras(read_all(argv[i]), para, n);

    hb_blob_t *blob = hb_blob_create_from_file(argv[1]);
    hb_face_t *face = hb_face_create(blob, (unsigned)index);
    hb_font_t *font = hb_font_create(face);
    long glyphs = 0;
    double shape = shape_all(font, para, n, &glyphs);

    double t0 = now_ms(), cut = 0;
    FT_Library lib;
    FT_Init_FreeType(&lib);
    FT_Face ft;
    hb_blob_t *small = NULL;
    if (subset) {
        small = subset_face(face, para, n);
        cut = now_ms() - t0;
        unsigned len;
        const char *data = hb_blob_get_data(small, &len);
        if (FT_New_Memory_Face(lib, (const FT_Byte *)data, (FT_Long)len, 0, &ft))
            return 2;
    } else if (FT_New_Face(lib, argv[1], index, &ft)) {
        fprintf(stderr, "lowerbound: cannot open %s\n", argv[1]);
        return 2;
    }
    int pages = write_pdf(ft, argv[3], para, n);
    double write = now_ms() - t0 - cut;
    printf("shape %.1f write %.1f subset %.1f glyphs %ld pages %d\n", shape, write, cut, glyphs,
           pages);
    for (int i = 0; i < n; i++)
        hb_buffer_destroy(para[i].buf);
    hb_font_destroy(font), hb_face_destroy(face), hb_blob_destroy(blob), hb_blob_destroy(small);
    return 0;
}
