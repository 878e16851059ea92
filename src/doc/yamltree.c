/* yamltree.c - libyaml event stream → YamlNode tree; see yamltree.h. */
#include "yamltree.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

typedef struct Builder {
    Arena *arena;
    Diag *d;
    const char *path;
    int line0; /* line of path where the parsed text starts */
    yaml_parser_t parser;
} Builder;

static SrcLoc mark_loc(const Builder *b, yaml_mark_t mark)
{
    /* libyaml counts lines and columns from 0, columns in characters. */
    return (SrcLoc){.path = b->path, .line = b->line0 + (int)mark.line, .col = (int)mark.column + 1};
}

static YamlNode *new_node(Builder *b, YamlKind kind, yaml_mark_t mark)
{
    YamlNode *n = ARENA_NEW(b->arena, YamlNode);
    n->kind = kind;
    n->at = mark_loc(b, mark);
    return n;
}

static bool next_event(Builder *b, yaml_event_t *ev)
{
    if (yaml_parser_parse(&b->parser, ev))
        return true;
    const char *problem = b->parser.problem ? b->parser.problem : "syntax error";
    diag_error(b->d, mark_loc(b, b->parser.problem_mark), "YAML: %s", problem);
    return false;
}

/* Appends to a node's arrays. Capacity is implicit: the arrays are regrown
 * whenever n reaches a power of two (or is below 4), to the next power. */
static void push(Builder *b, YamlNode *parent, YamlNode *key, YamlNode *item)
{
    int cap = 4;
    while (cap < parent->n + 1)
        cap *= 2;
    if (parent->n < 4 || (parent->n & (parent->n - 1)) == 0) {
        parent->item = arena_grow(b->arena, parent->item, (size_t)parent->n, (size_t)cap,
                                  sizeof(YamlNode *));
        if (parent->kind == YAML_MAPPING)
            parent->key = arena_grow(b->arena, parent->key, (size_t)parent->n, (size_t)cap,
                                     sizeof(YamlNode *));
    }
    if (key)
        parent->key[parent->n] = key;
    parent->item[parent->n++] = item;
}

static YamlNode *parse_node(Builder *b, yaml_event_t *ev, int depth);

/* Parses items until the end event of a sequence or mapping. */
static bool parse_children(Builder *b, YamlNode *node, int depth)
{
    for (;;) {
        yaml_event_t ev;
        if (!next_event(b, &ev))
            return false;
        if (ev.type == YAML_SEQUENCE_END_EVENT || ev.type == YAML_MAPPING_END_EVENT) {
            yaml_event_delete(&ev);
            return true;
        }
        YamlNode *first = parse_node(b, &ev, depth + 1);
        if (!first)
            return false;
        if (node->kind == YAML_SEQUENCE) {
            push(b, node, NULL, first);
            continue;
        }
        if (first->kind != YAML_SCALAR) {
            diag_error(b->d, first->at, "a mapping key must be a plain string");
            return false;
        }
        if (!next_event(b, &ev))
            return false;
        YamlNode *value = parse_node(b, &ev, depth + 1);
        if (!value)
            return false;
        if (yaml_get(node, first->value)) {
            diag_error(b->d, first->at, "duplicate key \"%s\"", first->value);
            return false;
        }
        push(b, node, first, value);
    }
}

/* Consumes ev (always deleted) and everything that belongs to it. */
static YamlNode *parse_node(Builder *b, yaml_event_t *ev, int depth)
{
    YamlNode *node = NULL;
    if (depth > 64) {
        diag_error(b->d, mark_loc(b, ev->start_mark), "YAML nested too deeply");
    } else if (ev->type == YAML_ALIAS_EVENT) {
        diag_error(b->d, mark_loc(b, ev->start_mark), "YAML aliases are not allowed here");
    } else if (ev->type == YAML_SCALAR_EVENT) {
        node = new_node(b, YAML_SCALAR, ev->start_mark);
        node->value = arena_strndup(b->arena, (const char *)ev->data.scalar.value,
                                    ev->data.scalar.length);
        node->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
    } else if (ev->type == YAML_SEQUENCE_START_EVENT || ev->type == YAML_MAPPING_START_EVENT) {
        YamlKind kind = ev->type == YAML_SEQUENCE_START_EVENT ? YAML_SEQUENCE : YAML_MAPPING;
        node = new_node(b, kind, ev->start_mark);
        yaml_event_delete(ev);
        return parse_children(b, node, depth) ? node : NULL;
    } else {
        diag_error(b->d, mark_loc(b, ev->start_mark), "unexpected YAML structure");
    }
    yaml_event_delete(ev);
    return node;
}

/* Skips the stream and document start events; returns the root or NULL. */
static YamlNode *parse_document(Builder *b, yaml_mark_t start)
{
    yaml_event_t ev;
    for (;;) {
        if (!next_event(b, &ev))
            return NULL;
        yaml_event_type_t type = ev.type;
        if (type == YAML_STREAM_START_EVENT || type == YAML_DOCUMENT_START_EVENT) {
            yaml_event_delete(&ev);
            continue;
        }
        if (type == YAML_STREAM_END_EVENT) {
            yaml_event_delete(&ev);
            return new_node(b, YAML_MAPPING, start);
        }
        return parse_node(b, &ev, 0);
    }
}

YamlNode *yaml_parse(Arena *arena, Diag *d, const char *path, const char *text, size_t len,
                     int first_line)
{
    Builder b = {.arena = arena, .d = d, .path = path, .line0 = first_line};
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        /* libyaml would skip it silently; articles reject it, so do we. */
        diag_error(d, srcloc(path, first_line, 1),
                   "byte order mark at the start of the file; save it as UTF-8 without BOM");
        return NULL;
    }
    if (!yaml_parser_initialize(&b.parser)) {
        diag_error(d, srcloc_file(path), "cannot initialise the YAML parser");
        return NULL;
    }
    yaml_parser_set_input_string(&b.parser, (const unsigned char *)text, len);
    yaml_parser_set_encoding(&b.parser, YAML_UTF8_ENCODING);
    yaml_mark_t start = {0, 0, 0};
    YamlNode *root = parse_document(&b, start);
    if (root) {
        yaml_event_t ev;
        if (!next_event(&b, &ev)) {
            root = NULL;
        } else {
            if (ev.type == YAML_DOCUMENT_START_EVENT) {
                diag_error(d, mark_loc(&b, ev.start_mark), "only one YAML document is allowed");
                root = NULL;
            }
            yaml_event_delete(&ev);
        }
    }
    yaml_parser_delete(&b.parser);
    return root;
}

YamlNode *yaml_get(const YamlNode *map, const char *key)
{
    if (!map || map->kind != YAML_MAPPING)
        return NULL;
    for (int i = 0; i < map->n; i++)
        if (strcmp(map->key[i]->value, key) == 0)
            return map->item[i];
    return NULL;
}

bool yaml_is_null(const YamlNode *node)
{
    if (!node || node->kind != YAML_SCALAR || !node->plain)
        return false;
    const char *v = node->value;
    return v[0] == '\0' || strcmp(v, "~") == 0 || strcmp(v, "null") == 0;
}

/* ---- typed access ---------------------------------------------------- */

bool yaml_string(Arena *arena, Diag *d, const YamlNode *node, const char *key, char **out)
{
    (void)arena;
    if (!node || yaml_is_null(node))
        return true;
    if (node->kind != YAML_SCALAR) {
        diag_error(d, node->at, "\"%s\" must be a string", key);
        return false;
    }
    *out = node->value;
    return true;
}

bool yaml_lines(Arena *arena, Diag *d, const YamlNode *node, const char *key, char ***items,
                SrcLoc **at, int *n)
{
    if (!node || yaml_is_null(node))
        return true;
    if (node->kind == YAML_SCALAR) {
        *items = ARENA_ARRAY(arena, char *, 1);
        *at = ARENA_ARRAY(arena, SrcLoc, 1);
        (*items)[0] = node->value;
        (*at)[0] = node->at;
        *n = 1;
        return true;
    }
    if (node->kind != YAML_SEQUENCE) {
        diag_error(d, node->at, "\"%s\" must be a string or a list of strings", key);
        return false;
    }
    *items = ARENA_ARRAY(arena, char *, node->n);
    *at = ARENA_ARRAY(arena, SrcLoc, node->n);
    *n = 0;
    bool ok = true;
    for (int i = 0; i < node->n; i++) {
        const YamlNode *it = node->item[i];
        if (it->kind != YAML_SCALAR) {
            diag_error(d, it->at, "each item of \"%s\" must be a string", key);
            ok = false;
            continue;
        }
        (*items)[*n] = it->value;
        (*at)[(*n)++] = it->at;
    }
    return ok;
}

bool yaml_number(Diag *d, const YamlNode *node, const char *key, double lo, double hi,
                 double *out)
{
    if (!node || yaml_is_null(node))
        return true;
    char *end = NULL;
    double v = 0;
    if (node->kind == YAML_SCALAR && node->value[0])
        v = strtod(node->value, &end);
    if (!end || *end) {
        diag_error(d, node->at, "\"%s\" must be a number", key);
        return false;
    }
    if (v < lo || v > hi) {
        diag_error(d, node->at, "\"%s\" must be between %g and %g, not %g", key, lo, hi, v);
        return false;
    }
    *out = v;
    return true;
}

bool yaml_int(Diag *d, const YamlNode *node, const char *key, int lo, int hi, int *out)
{
    double v = 0;
    if (!node || yaml_is_null(node))
        return true;
    if (!yaml_number(d, node, key, lo, hi, &v))
        return false;
    if (v != (double)(int)v) {
        diag_error(d, node->at, "\"%s\" must be a whole number", key);
        return false;
    }
    *out = (int)v;
    return true;
}

bool yaml_bool(Diag *d, const YamlNode *node, const char *key, bool *out)
{
    if (!node || yaml_is_null(node))
        return true;
    if (node->kind == YAML_SCALAR && strcmp(node->value, "true") == 0) {
        *out = true;
        return true;
    }
    if (node->kind == YAML_SCALAR && strcmp(node->value, "false") == 0) {
        *out = false;
        return true;
    }
    diag_error(d, node->at, "\"%s\" must be true or false", key);
    return false;
}

bool yaml_known_keys(Diag *d, const YamlNode *map, const char *what, const char *const *allowed)
{
    bool ok = true;
    for (int i = 0; i < map->n; i++) {
        const char *k = map->key[i]->value;
        bool known = false;
        for (const char *const *a = allowed; *a && !known; a++)
            known = strcmp(*a, k) == 0;
        if (!known) {
            diag_error(d, map->key[i]->at, "unknown key \"%s\" in %s", k, what);
            ok = false;
        }
    }
    return ok;
}

bool yaml_expect_mapping(Diag *d, const YamlNode *node, const char *what)
{
    if (node && node->kind == YAML_MAPPING)
        return true;
    diag_error(d, node ? node->at : srcloc_file(NULL), "%s must be a mapping of keys", what);
    return false;
}
