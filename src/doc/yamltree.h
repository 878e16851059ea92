/* yamltree.h - a YAML document as a plain tree with source locations.
 *
 * libyaml does the parsing (only yamltree.c includes it); callers in doc/ and
 * style/ walk the tree and report type errors at each node's location.
 * Anchors, aliases and tags are rejected: manifests and layouts are data.
 */
#ifndef REPRINT_YAMLTREE_H
#define REPRINT_YAMLTREE_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/diag.h"

typedef enum YamlKind { YAML_SCALAR, YAML_SEQUENCE, YAML_MAPPING } YamlKind;

typedef struct YamlNode YamlNode;
struct YamlNode {
    YamlKind kind;
    SrcLoc at;      /* where the node starts */
    char *value;    /* scalar text (UTF-8, NUL-terminated); NULL otherwise */
    bool plain;     /* scalar was unquoted (so `null`, `~` and `` mean nothing) */
    int n;          /* number of items (sequence) or pairs (mapping) */
    YamlNode **key; /* mapping: n key scalars */
    YamlNode **item; /* sequence: n items; mapping: n values */
};

/* Parses text (len bytes) as one YAML document. first_line is the line of
 * path where text starts (front matter starts at line 2). Returns the root
 * (an empty mapping for an empty document), or NULL after reporting a
 * syntax error through d. Nodes live in arena. */
YamlNode *yaml_parse(Arena *arena, Diag *d, const char *path, const char *text, size_t len,
                     int first_line);

/* Returns the value of key in a mapping, or NULL. */
YamlNode *yaml_get(const YamlNode *map, const char *key);
/* True if the scalar means "no value": an empty plain scalar, `~` or `null`. */
bool yaml_is_null(const YamlNode *node);

#endif

/* Typed access with diagnostics at the node. Each returns false after
 * reporting "KEY must be …" through d; absent or null nodes leave *out as
 * it was and return true. */
bool yaml_string(Arena *arena, Diag *d, const YamlNode *node, const char *key, char **out);
/* A string, or a list of strings (one per printed line or paragraph). */
bool yaml_lines(Arena *arena, Diag *d, const YamlNode *node, const char *key, char ***items,
                SrcLoc **at, int *n);
bool yaml_int(Diag *d, const YamlNode *node, const char *key, int lo, int hi, int *out);
bool yaml_number(Diag *d, const YamlNode *node, const char *key, double lo, double hi,
                 double *out);
bool yaml_bool(Diag *d, const YamlNode *node, const char *key, bool *out);
/* Reports every key of map not in the NULL-terminated list; false if any. */
bool yaml_known_keys(Diag *d, const YamlNode *map, const char *what, const char *const *allowed);
/* Reports "WHAT must be a mapping" unless node is one. */
bool yaml_expect_mapping(Diag *d, const YamlNode *node, const char *what);
