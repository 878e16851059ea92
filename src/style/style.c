/* style.c - layout/NAME.yaml → Layout; see style.h.
 *
 * Lengths are written with units (`210mm`, `10.5pt`); grid quantities
 * (gutter, indent, lines) are whole numbers of characters or grid lines,
 * which is what keeps every line of every column on one baseline grid.
 */
#include "style.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "doc/yamltree.h"

static const char *const role_names[ROLE_COUNT + 1] = {
    "body",        "kicker", "title", "subtitle",  "byline",    "heading",      "subheading",
    "runin",       "editor_note", "source", "notes", "box_title", "box_body", "running_head",
    "folio",       "section_head", NULL};

const char *style_role_name(RoleId id)
{
    return role_names[id];
}

/* Parses "12pt", "3.5mm", "1in" into units; false if malformed. */
static bool parse_length(const char *s, int32_t *out)
{
    char *end;
    double v = strtod(s, &end);
    double pt;
    if (end == s)
        return false;
    if (strcmp(end, "pt") == 0)
        pt = v;
    else if (strcmp(end, "mm") == 0)
        pt = v * 72.0 / 25.4;
    else if (strcmp(end, "cm") == 0)
        pt = v * 72.0 / 2.54;
    else if (strcmp(end, "in") == 0)
        pt = v * 72.0;
    else
        return false;
    if (!(pt >= 0 && pt < 10000))
        return false;
    *out = (int32_t)lround(pt * STYLE_UNIT);
    return true;
}

static bool get_length(Diag *d, const YamlNode *map, const char *key, bool positive, int32_t *out)
{
    const YamlNode *n = yaml_get(map, key);
    if (!n) {
        diag_error(d, map->at, "missing \"%s\"", key);
        return false;
    }
    if (n->kind != YAML_SCALAR || !parse_length(n->value, out)) {
        diag_error(d, n->at, "\"%s\" must be a length such as 10.5pt or 20mm", key);
        return false;
    }
    if (positive && *out <= 0) {
        diag_error(d, n->at, "\"%s\" must be greater than zero", key);
        return false;
    }
    return true;
}

static bool get_int(Diag *d, const YamlNode *map, const char *key, int lo, int hi, int *out)
{
    if (!yaml_get(map, key)) {
        diag_error(d, map->at, "missing \"%s\"", key);
        return false;
    }
    return yaml_int(d, yaml_get(map, key), key, lo, hi, out);
}

static const YamlNode *section(Diag *d, const YamlNode *root, const char *key)
{
    const YamlNode *n = yaml_get(root, key);
    if (!n) {
        diag_error(d, root->at, "layout has no \"%s\"", key);
        return NULL;
    }
    return yaml_expect_mapping(d, n, key) ? n : NULL;
}

static const char *const page_keys[] = {"width", "height", "bleed", NULL};
static const char *const margin_keys[] = {"top", "bottom", "inner", "outer", NULL};
static const char *const grid_keys[] = {"line_pitch", "chars_per_line", "columns", "gutter", NULL};

static bool read_page(Diag *d, const YamlNode *root, Layout *l)
{
    const YamlNode *p = section(d, root, "page"), *m = section(d, root, "margins");
    if (!p || !m)
        return false;
    bool ok = yaml_known_keys(d, p, "page", page_keys) & yaml_known_keys(d, m, "margins", margin_keys);
    ok &= get_length(d, p, "width", true, &l->page_width);
    ok &= get_length(d, p, "height", true, &l->page_height);
    ok &= get_length(d, p, "bleed", false, &l->bleed);
    ok &= get_length(d, m, "top", false, &l->margin_top);
    ok &= get_length(d, m, "bottom", false, &l->margin_bottom);
    ok &= get_length(d, m, "inner", false, &l->margin_inner);
    ok &= get_length(d, m, "outer", false, &l->margin_outer);
    return ok;
}

static bool read_grid(Diag *d, const YamlNode *root, Layout *l)
{
    const YamlNode *g = section(d, root, "grid");
    if (!g)
        return false;
    bool ok = yaml_known_keys(d, g, "grid", grid_keys);
    ok &= get_length(d, g, "line_pitch", true, &l->line_pitch);
    ok &= get_int(d, g, "chars_per_line", 4, 200, &l->chars_per_line);
    ok &= get_int(d, g, "columns", 1, 4, &l->columns);
    ok &= get_int(d, g, "gutter", 0, 20, &l->gutter);
    return ok;
}

static const char *const role_keys[] = {"family", "weight", "size",   "lines", "space_before",
                                        "space_after", "indent", "align", NULL};

static bool read_weight(Diag *d, const YamlNode *r, Role *role)
{
    static const struct { const char *name; int weight; } weights[] = {
        {"light", 300}, {"regular", 400}, {"medium", 500}, {"semibold", 600},
        {"bold", 700},  {"black", 900}};
    const YamlNode *n = yaml_get(r, "weight");
    role->weight = 400;
    if (!n)
        return true;
    for (size_t i = 0; i < sizeof weights / sizeof weights[0]; i++) {
        if (n->kind == YAML_SCALAR && strcmp(n->value, weights[i].name) == 0) {
            role->weight = weights[i].weight;
            return true;
        }
    }
    diag_error(d, n->at, "\"weight\" must be light, regular, medium, semibold, bold or black");
    return false;
}

static bool read_align(Diag *d, const YamlNode *r, Role *role)
{
    static const char *const names[] = {"justify", "left", "center", "right"};
    const YamlNode *n = yaml_get(r, "align");
    role->align = ALIGN_JUSTIFY;
    if (!n)
        return true;
    for (int i = 0; i < 4; i++) {
        if (n->kind == YAML_SCALAR && strcmp(n->value, names[i]) == 0) {
            role->align = (Align)i;
            return true;
        }
    }
    diag_error(d, n->at, "\"align\" must be justify, left, center or right");
    return false;
}

static bool read_role(Arena *ar, Diag *d, const YamlNode *r, Role *role)
{
    if (!yaml_expect_mapping(d, r, role->name))
        return false;
    bool ok = yaml_known_keys(d, r, role->name, role_keys);
    char *family = NULL;
    ok &= yaml_string(ar, d, yaml_get(r, "family"), "family", &family);
    if (!family || !family[0]) {
        diag_error(d, r->at, "role \"%s\" needs a \"family\"", role->name);
        ok = false;
    }
    role->family = family;
    ok &= read_weight(d, r, role) & read_align(d, r, role);
    ok &= get_length(d, r, "size", true, &role->size);
    ok &= get_int(d, r, "lines", 1, 20, &role->lines);
    ok &= yaml_int(d, yaml_get(r, "space_before"), "space_before", 0, 20, &role->space_before);
    ok &= yaml_int(d, yaml_get(r, "space_after"), "space_after", 0, 20, &role->space_after);
    ok &= yaml_int(d, yaml_get(r, "indent"), "indent", 0, 10, &role->indent);
    role->defined = ok;
    return ok;
}

static bool read_roles(Arena *ar, Diag *d, const YamlNode *root, Layout *l)
{
    const YamlNode *roles = section(d, root, "roles");
    if (!roles)
        return false;
    bool ok = yaml_known_keys(d, roles, "roles", role_names);
    for (int i = 0; i < ROLE_COUNT; i++) {
        l->role[i].name = role_names[i];
        const YamlNode *r = yaml_get(roles, role_names[i]);
        if (!r) {
            diag_error(d, roles->at, "layout defines no role \"%s\"", role_names[i]);
            ok = false;
            continue;
        }
        ok &= read_role(ar, d, r, &l->role[i]);
    }
    return ok;
}

static const char *const head_keys[] = {"mode", "offset", NULL};

static bool read_heads(Diag *d, const YamlNode *root, Layout *l)
{
    const YamlNode *h = section(d, root, "running_heads");
    if (!h)
        return false;
    bool ok = yaml_known_keys(d, h, "running_heads", head_keys);
    const YamlNode *mode = yaml_get(h, "mode");
    if (mode && mode->kind == YAML_SCALAR && strcmp(mode->value, "vertical") == 0)
        l->heads = HEADS_VERTICAL;
    else if (mode && mode->kind == YAML_SCALAR && strcmp(mode->value, "horizontal") == 0)
        l->heads = HEADS_HORIZONTAL;
    else {
        diag_error(d, mode ? mode->at : h->at, "\"mode\" must be vertical or horizontal");
        ok = false;
    }
    ok &= get_length(d, h, "offset", false, &l->head_offset);
    return ok;
}

/* Where key of section sect is (or the section, or the file): for
 * messages about values that are valid alone but do not fit together. */
static SrcLoc key_at(const Layout *l, const YamlNode *root, const char *sect, const char *key)
{
    const YamlNode *s = yaml_get(root, sect);
    const YamlNode *k = s ? yaml_get(s, key) : NULL;
    return k ? k->at : s ? s->at : srcloc_file(l->path);
}

/* Checks that the grid fits the page: the measure inside the margins, at
 * least a few lines per page. The type area's depth is rounded down to
 * whole grid lines; what is left stays empty at its foot. */
static bool check_fit(Diag *d, const YamlNode *root, Layout *l)
{
    int32_t area_w = l->page_width - l->margin_inner - l->margin_outer;
    int32_t area_h = l->page_height - l->margin_top - l->margin_bottom;
    int32_t measure = style_measure(l);
    if (area_w <= 0 || area_h <= 0) {
        diag_error(d, key_at(l, root, "margins", "top"), "the margins leave no room on the page");
        return false;
    }
    if (measure > area_w + STYLE_UNIT) {
        diag_error(d, key_at(l, root, "grid", "chars_per_line"),
                   "%d characters of %.1fpt (%.1fpt) do not fit the type area (%.1fpt)",
                   l->chars_per_line, style_em(l) / (double)STYLE_UNIT,
                   measure / (double)STYLE_UNIT, area_w / (double)STYLE_UNIT);
        return false;
    }
    l->lines_per_page = (int)(area_h / l->line_pitch);
    if (l->lines_per_page < 8) {
        diag_error(d, key_at(l, root, "grid", "line_pitch"), "the type area holds only %d grid lines",
                   l->lines_per_page);
        return false;
    }
    if (l->columns > 1 && (l->chars_per_line - (l->columns - 1) * l->gutter) / l->columns < 4) {
        diag_error(d, key_at(l, root, "grid", "columns"),
                   "columns would be narrower than 4 characters");
        return false;
    }
    return true;
}

static const char *const layout_keys[] = {"name",  "page",          "margins",     "grid",
                                          "roles", "running_heads", "punctuation", "print",
                                          "cover", "contents", NULL};

static const char *const cover_keys[] = {"masthead", "lead_size", "leads", NULL};
static const char *const contents_keys[] = {"title", "columns", NULL};

static bool read_cover(Diag *d, const YamlNode *n, Layout *l)
{
    if (!yaml_expect_mapping(d, n, "cover"))
        return false;
    l->cover = true;
    bool ok = yaml_known_keys(d, n, "cover", cover_keys);
    ok &= get_length(d, n, "masthead", true, &l->cover_masthead);
    ok &= get_length(d, n, "lead_size", true, &l->cover_lead_size);
    ok &= get_int(d, n, "leads", 0, 20, &l->cover_leads);
    return ok;
}

static bool read_contents(Arena *ar, Diag *d, const YamlNode *n, Layout *l)
{
    if (!yaml_expect_mapping(d, n, "contents"))
        return false;
    l->contents = true;
    bool ok = yaml_known_keys(d, n, "contents", contents_keys);
    ok &= get_int(d, n, "columns", 1, 4, &l->contents_columns);
    char *title = NULL;
    ok &= yaml_string(ar, d, yaml_get(n, "title"), "title", &title);
    if (!title || !title[0]) {
        diag_error(d, n->at, "\"contents\" needs a \"title\"");
        ok = false;
    }
    l->contents_title = title;
    return ok;
}

/* The front matter is optional: a design without `cover` or `contents`
 * starts with page 1 of the body. */
static bool read_front(Arena *ar, Diag *d, const YamlNode *root, Layout *l)
{
    const YamlNode *cover = yaml_get(root, "cover"), *contents = yaml_get(root, "contents");
    bool ok = true;
    if (cover)
        ok &= read_cover(d, cover, l);
    if (contents)
        ok &= read_contents(ar, d, contents, l);
    return ok;
}

static const char *const print_keys[] = {"profile", "condition", NULL};

/* The press profile for --print: optional here, so designs that are never
 * printed need not name one; a path relative to the layout file. */
static bool read_print(Arena *ar, Diag *d, const YamlNode *root, Layout *l)
{
    const YamlNode *n = yaml_get(root, "print");
    if (!n)
        return true;
    if (!yaml_expect_mapping(d, n, "print") || !yaml_known_keys(d, n, "print", print_keys))
        return false;
    char *profile = NULL, *condition = NULL;
    bool ok = yaml_string(ar, d, yaml_get(n, "profile"), "profile", &profile);
    ok &= yaml_string(ar, d, yaml_get(n, "condition"), "condition", &condition);
    if (ok && (!profile || !profile[0] || !condition || !condition[0])) {
        diag_error(d, n->at, "\"print\" needs a \"profile\" (ICC file) and a \"condition\"");
        return false;
    }
    if (!ok)
        return false;
    char *dir = file_dirname(l->path), *full = file_join(dir, profile);
    l->print_profile = arena_strdup(ar, full);
    l->print_condition = condition;
    free(dir);
    free(full);
    return true;
}

static bool read_punct(Diag *d, const YamlNode *root, Layout *l)
{
    static const char *const names[] = {"行末半角", "全角", "开明", "none"};
    const YamlNode *n = yaml_get(root, "punctuation");
    l->punct = PUNCT_LINE_END_HALF;
    if (!n)
        return true;
    for (int i = 0; i < 4; i++) {
        if (n->kind == YAML_SCALAR && strcmp(n->value, names[i]) == 0) {
            l->punct = (PunctStyle)i;
            return true;
        }
    }
    diag_error(d, n->at, "\"punctuation\" must be 行末半角, 全角, 开明 or none");
    return false;
}

Layout *style_load(Arena *ar, Diag *d, const char *path)
{
    size_t len;
    char *text = file_read(d, path, &len);
    if (!text)
        return NULL;
    char *kept = arena_strndup(ar, text, len);
    free(text);
    Layout *l = ARENA_NEW(ar, Layout);
    l->path = arena_strdup(ar, path);
    YamlNode *root = yaml_parse(ar, d, l->path, kept, len, 1);
    if (!root || !yaml_expect_mapping(d, root, "a layout"))
        return NULL;
    bool ok = yaml_known_keys(d, root, "a layout", layout_keys);
    char *name = "";
    ok &= yaml_string(ar, d, yaml_get(root, "name"), "name", &name);
    l->name = name;
    ok &= read_page(d, root, l);
    ok &= read_grid(d, root, l);
    ok &= read_roles(ar, d, root, l);
    ok &= read_heads(d, root, l);
    ok &= read_punct(d, root, l);
    ok &= read_print(ar, d, root, l);
    ok &= read_front(ar, d, root, l);
    if (!ok || !check_fit(d, root, l))
        return NULL;
    return l;
}

int32_t style_column_width(const Layout *l, int columns)
{
    int chars = (l->chars_per_line - (columns - 1) * l->gutter) / columns;
    return (int32_t)chars * style_em(l);
}
