/* test_style.c - layouts: the bundled design, and every kind of error with
 * its location. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "style/style.h"

static const char *path = "/tmp/reprint-test-layout.yaml";

/* Loads text as a layout; returns the first message ("" if none). */
static const char *load(const char *text, Layout **out)
{
    static char line[512];
    FILE *f = fopen(path, "w");
    fputs(text, f);
    fclose(f);
    FILE *msgs = tmpfile();
    Diag d;
    diag_init(&d, msgs, "reprint");
    Arena ar;
    arena_init(&ar);
    Layout *l = style_load(&ar, &d, path);
    if (out)
        *out = l;
    rewind(msgs);
    line[0] = '\0';
    if (fgets(line, sizeof line, msgs))
        line[strcspn(line, "\n")] = '\0';
    fclose(msgs);
    if (!out)
        arena_fini(&ar);
    const char *p = strstr(line, "reprint-test-layout.yaml");
    return p ? p : line;
}

static char *bundled(void)
{
    FILE *f = fopen("tests/fixtures/layout.yaml", "r");
    static char text[16384];
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    text[n] = '\0';
    return text;
}

/* The bundled layout with one line replaced. */
static const char *with(const char *from, const char *to)
{
    static char out[16384];
    const char *text = bundled();
    const char *at = strstr(text, from);
    if (!at)
        return "";
    snprintf(out, sizeof out, "%.*s%s%s", (int)(at - text), text, to, at + strlen(from));
    return out;
}

static void test_bundled(void)
{
    Layout *l = NULL;
    CHECK_STR(load(bundled(), &l), "");
    CHECK(l != NULL);
    if (!l)
        return;
    CHECK_INT(l->lines_per_page, 37);
    CHECK_INT(style_column_width(l, 2), 18 * 10752);
    CHECK_INT(style_column_width(l, 1), 39 * 10752);
    CHECK_INT(l->role[ROLE_TITLE].weight, 700);
    CHECK_INT(l->role[ROLE_BODY].indent, 2);
    CHECK_INT(l->punct, PUNCT_LINE_END_HALF);
    CHECK_INT(l->heads, HEADS_VERTICAL);
}

static void test_errors(void)
{
    CHECK_STR(load(with("size: 10.5pt, lines: 1, indent: 2", "size: 0pt, lines: 1, indent: 2"), NULL),
              "reprint-test-layout.yaml:23:68: error: \"size\" must be greater than zero");
    CHECK_STR(load(with("line_pitch: 18pt", "line_pitch: 18px"), NULL),
              "reprint-test-layout.yaml:15:15: error: \"line_pitch\" must be a length such as "
              "10.5pt or 20mm");
    CHECK_STR(load(with("chars_per_line: 39", "chars_per_line: 60"), NULL),
              "reprint-test-layout.yaml:16:19: error: 60 characters of 10.5pt (630.0pt) do not fit the "
              "type area (409.6pt)");
    CHECK_STR(load(with("gutter: 3", "gutter: -3"), NULL),
              "reprint-test-layout.yaml:18:11: error: \"gutter\" must be between 0 and 20, not -3");
    CHECK_STR(load(with("mode: vertical", "mode: sideways"), NULL),
              "reprint-test-layout.yaml:20:9: error: \"mode\" must be vertical or horizontal");
    CHECK_STR(load(with("name:", "colour: red\nname:"), NULL),
              "reprint-test-layout.yaml:4:1: error: unknown key \"colour\" in a layout");
    CHECK_STR(load(with("weight: medium, size: 10.5pt", "weight: heavy, size: 10.5pt"), NULL),
              "reprint-test-layout.yaml:24:52: error: \"weight\" must be light, regular, medium, "
              "semibold, bold or black");
    CHECK_STR(load(with("  folio:", "  folios:"), NULL),
              "reprint-test-layout.yaml:37:3: error: unknown key \"folios\" in roles");
    CHECK_STR(load(with("height: 285mm", "height: 20mm"), NULL),
              "reprint-test-layout.yaml:10:8: error: the margins leave no room on the page");
    CHECK_STR(load("page: [\n", NULL),
              "reprint-test-layout.yaml:2:1: error: YAML: did not find expected node content");
}

int main(void)
{
    test_bundled();
    test_errors();
    remove(path);
    return harness_summary();
}
