/* manifest.c - issue.yaml → Doc, loading every article it lists.
 *
 * Required keys are checked, unknown keys rejected, and each article file
 * is resolved relative to issue.yaml. A file listed twice, a missing file
 * and a broken article are errors at the manifest line that names them;
 * loading goes on so one run reports every problem.
 */
#include "doc.h"

#include <stdlib.h>
#include <string.h>

#include "base/file.h"
#include "yamltree.h"

static const char *const manifest_keys[] = {"magazine", "issue",  "serial",   "date",
                                            "language", "layout", "sections", NULL};
static const char *const section_keys[] = {"title", "toc", "columns", "articles", NULL};

static bool required_string(Doc *doc, Diag *d, const YamlNode *root, const char *key, char **out)
{
    const YamlNode *node = yaml_get(root, key);
    if (!node) {
        diag_error(d, srcloc(doc->manifest_path, 1, 0), "issue.yaml has no \"%s\"", key);
        return false;
    }
    if (!yaml_string(&doc->arena, d, node, key, out))
        return false;
    if (!*out)
        *out = "";
    return true;
}

static bool valid_date(const char *s)
{
    int y, m, dd;
    char tail;
    return strlen(s) == 10 && sscanf(s, "%4d-%2d-%2d%c", &y, &m, &dd, &tail) == 3 && m >= 1 &&
           m <= 12 && dd >= 1 && dd <= 31;
}

/* A name without '/' and '.yaml' is a design of the project's layout/. */
static void resolve_layout(Doc *doc, const char *name, const char *project_layout_dir)
{
    size_t n = strlen(name);
    bool is_path = strchr(name, '/') || (n > 5 && strcmp(name + n - 5, ".yaml") == 0);
    char *path;
    if (is_path) {
        path = file_join(doc->dir, name);
    } else {
        char *file = xmalloc(n + 6);
        memcpy(file, name, n);
        memcpy(file + n, ".yaml", 6);
        path = file_join(project_layout_dir, file);
        free(file);
    }
    doc->layout_path = arena_strdup(&doc->arena, path);
    free(path);
}

static Article *load_article(Doc *doc, Diag *d, const YamlNode *item)
{
    char *path = file_join(doc->dir, item->value);
    size_t len;
    Diag quiet = *d;
    quiet.out = NULL;
    char *text = file_read(&quiet, path, &len);
    Article *a = NULL;
    if (!text) {
        diag_error(d, item->at, "cannot read article \"%s\"", item->value);
    } else {
        char *kept = arena_strndup(&doc->arena, text, len);
        a = doc_parse_article(&doc->arena, d, path, kept, len);
        free(text);
    }
    free(path);
    return a;
}

/* The file names listed so far, to report one listed twice: an open-
 * addressing hash set, so an issue of thousands of articles loads in linear
 * time. Keys are borrowed from the manifest's YAML tree. */
typedef struct NameSet {
    const char **slot; /* NULL = empty */
    size_t cap;        /* a power of two, at least twice the names */
} NameSet;

static void nameset_init(NameSet *set, size_t names)
{
    set->cap = 16;
    while (set->cap < 2 * names)
        set->cap *= 2;
    set->slot = xcalloc(set->cap, sizeof *set->slot);
}

static size_t name_hash(const char *s)
{
    size_t h = 1469598103934665603u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ (unsigned char)*s) * 1099511628211u;
    return h;
}

/* Adds name; returns false when it was already there. */
static bool nameset_add(NameSet *set, const char *name)
{
    size_t i = name_hash(name) & (set->cap - 1);
    for (; set->slot[i]; i = (i + 1) & (set->cap - 1))
        if (strcmp(set->slot[i], name) == 0)
            return false;
    set->slot[i] = name;
    return true;
}

static bool nameset_has(const NameSet *set, const char *name)
{
    size_t i = name_hash(name) & (set->cap - 1);
    for (; set->slot[i]; i = (i + 1) & (set->cap - 1))
        if (strcmp(set->slot[i], name) == 0)
            return true;
    return false;
}

static void load_articles(Doc *doc, Diag *d, Section *s, const YamlNode *list, NameSet *seen)
{
    if (!list || list->kind != YAML_SEQUENCE) {
        diag_error(d, list ? list->at : s->at, "a section needs \"articles\", a list of files");
        return;
    }
    s->article = ARENA_ARRAY(&doc->arena, Article *, list->n);
    for (int i = 0; i < list->n; i++) {
        const YamlNode *item = list->item[i];
        if (item->kind != YAML_SCALAR || !item->value[0]) {
            diag_error(d, item->at, "each article must be a file name");
            continue;
        }
        if (nameset_has(seen, item->value)) {
            diag_error(d, item->at, "article \"%s\" is listed twice", item->value);
            continue;
        }
        Article *a = load_article(doc, d, item);
        if (a) {
            s->article[s->n_articles++] = a;
            nameset_add(seen, item->value);
        }
    }
}

static void load_section(Doc *doc, Diag *d, Section *s, const YamlNode *node, NameSet *seen)
{
    s->at = node->at;
    s->title = "";
    if (!yaml_expect_mapping(d, node, "a section"))
        return;
    yaml_known_keys(d, node, "a section", section_keys);
    if (!yaml_get(node, "title"))
        diag_error(d, node->at, "a section needs a \"title\" (\"\" where the issue printed none)");
    yaml_string(&doc->arena, d, yaml_get(node, "title"), "title", &s->title);
    if (!s->title)
        s->title = "";
    yaml_lines(&doc->arena, d, yaml_get(node, "toc"), "toc", &s->toc.item, &s->toc.at, &s->toc.n);
    yaml_int(d, yaml_get(node, "columns"), "columns", 1, 4, &s->columns);
    load_articles(doc, d, s, yaml_get(node, "articles"), seen);
}

static void load_sections(Doc *doc, Diag *d, const YamlNode *list)
{
    if (!list || list->kind != YAML_SEQUENCE || list->n == 0) {
        diag_error(d, list ? list->at : srcloc(doc->manifest_path, 1, 0),
                   "issue.yaml needs \"sections\", a non-empty list");
        return;
    }
    doc->section = ARENA_ARRAY(&doc->arena, Section, list->n);
    size_t names = 0;
    for (int i = 0; i < list->n; i++) {
        const YamlNode *articles = yaml_get(list->item[i], "articles");
        if (articles && articles->kind == YAML_SEQUENCE)
            names += (size_t)articles->n;
    }
    NameSet seen;
    nameset_init(&seen, names);
    for (int i = 0; i < list->n; i++)
        load_section(doc, d, &doc->section[doc->n_sections++], list->item[i], &seen);
    free(seen.slot);
}

static void read_manifest(Doc *doc, Diag *d, const YamlNode *root, const char *layout_dir)
{
    yaml_known_keys(d, root, "issue.yaml", manifest_keys);
    required_string(doc, d, root, "magazine", &doc->magazine);
    required_string(doc, d, root, "issue", &doc->issue);
    required_string(doc, d, root, "serial", &doc->serial);
    required_string(doc, d, root, "language", &doc->language);
    if (required_string(doc, d, root, "date", &doc->date) && !valid_date(doc->date))
        diag_error(d, yaml_get(root, "date")->at, "\"date\" must be YYYY-MM-DD");
    char *layout = NULL;
    if (required_string(doc, d, root, "layout", &layout)) {
        doc->layout_at = yaml_get(root, "layout")->at;
        if (!layout[0])
            diag_error(d, doc->layout_at, "\"layout\" must name a design");
        else
            resolve_layout(doc, layout, layout_dir);
    }
    load_sections(doc, d, yaml_get(root, "sections"));
}

Doc *doc_load(Diag *d, const char *issue_dir, const char *project_layout_dir)
{
    Doc *doc = xcalloc(1, sizeof(Doc));
    arena_init(&doc->arena);
    doc->dir = arena_strdup(&doc->arena, issue_dir);
    char *mpath = file_join(issue_dir, "issue.yaml");
    doc->manifest_path = arena_strdup(&doc->arena, mpath);
    free(mpath);
    size_t len;
    char *text = file_read(d, doc->manifest_path, &len);
    if (!text) {
        doc_free(doc);
        return NULL;
    }
    char *kept = arena_strndup(&doc->arena, text, len);
    free(text);
    YamlNode *root = yaml_parse(&doc->arena, d, doc->manifest_path, kept, len, 1);
    if (!root || !yaml_expect_mapping(d, root, "issue.yaml")) {
        doc_free(doc);
        return NULL;
    }
    read_manifest(doc, d, root, project_layout_dir);
    return doc;
}

void doc_free(Doc *doc)
{
    if (!doc)
        return;
    arena_fini(&doc->arena);
    free(doc);
}
