/* article.c - one article file: YAML front matter (libyaml) + CommonMark
 * body (cmark) → Article with Blocks.
 *
 * The body keeps only what the magazine prints: paragraphs, ## heads,
 * ### sub-heads, and run-in heads (a paragraph opening with strong
 * emphasis). Other Markdown constructs are flattened into paragraphs with a
 * warning. Soft line breaks join lines with nothing between them, except
 * between two Latin letters or digits, where they stand for a space.
 */
#include "doc.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/utf8.h"
#include "yamltree.h"

/* ---- input checks ---------------------------------------------------- */

/* Rejects text a manuscript cannot contain: invalid UTF-8, NUL and other
 * control characters. Returns false after reporting the first problem. */
static bool check_text(Diag *d, const char *path, const char *text, size_t len)
{
    long bad = utf8_invalid_at(text, len);
    if (bad >= 0) {
        diag_error(d, srcloc_at_offset(path, text, (size_t)bad, 1), "invalid UTF-8 byte 0x%02X",
                   (unsigned char)text[bad]);
        return false;
    }
    for (size_t i = 0; i < len; i++) {
        unsigned char c = (unsigned char)text[i];
        if (c < 0x20 && c != '\n' && c != '\t' && !(c == '\r' && i + 1 < len && text[i + 1] == '\n')) {
            diag_error(d, srcloc_at_offset(path, text, i, 1), "control character U+%04X in text",
                       c);
            return false;
        }
    }
    return true;
}

/* ---- front matter ---------------------------------------------------- */

/* Finds the front matter: the file must open with a line "---" and the
 * block ends at the next line "---" or "...". Sets *fm and *fm_len to the YAML
 * text and *body to what follows; *body_line is the body's first line. */
static bool split_front_matter(Diag *d, const char *path, const char *text, size_t len,
                               const char **fm, size_t *fm_len, const char **body,
                               int *body_line)
{
    if (!(len >= 4 && strncmp(text, "---", 3) == 0 && (text[3] == '\n' || text[3] == '\r'))) {
        diag_error(d, srcloc(path, 1, 1), "an article must start with front matter ('---')");
        return false;
    }
    const char *start = strchr(text, '\n') + 1;
    int line = 2;
    for (const char *p = start; p < text + len;) {
        const char *eol = memchr(p, '\n', (size_t)(text + len - p));
        size_t n = eol ? (size_t)(eol - p) : (size_t)(text + len - p);
        if (n && p[n - 1] == '\r')
            n--;
        if (n == 3 && (strncmp(p, "---", 3) == 0 || strncmp(p, "...", 3) == 0)) {
            *fm = start;
            *fm_len = (size_t)(p - start);
            *body = eol ? eol + 1 : text + len;
            *body_line = line + 1;
            return true;
        }
        p = eol ? eol + 1 : text + len;
        line++;
    }
    diag_error(d, srcloc(path, 1, 1), "unterminated front matter: no closing '---' line");
    return false;
}

static const char *const article_keys[] = {"kind",   "kicker",      "title",  "subtitle",
                                           "byline", "editor_note", "source", "notes",
                                           "toc",    "columns",     NULL};

static bool read_kind(Diag *d, const YamlNode *node, Article *a)
{
    if (!node || yaml_is_null(node))
        return true;
    if (node->kind == YAML_SCALAR && strcmp(node->value, "article") == 0)
        a->kind = ARTICLE_ARTICLE;
    else if (node->kind == YAML_SCALAR && strcmp(node->value, "box") == 0)
        a->kind = ARTICLE_BOX;
    else {
        diag_error(d, node->at, "\"kind\" must be article or box");
        return false;
    }
    return true;
}

static bool read_list(Arena *ar, Diag *d, const YamlNode *fm, const char *key, TextList *out)
{
    return yaml_lines(ar, d, yaml_get(fm, key), key, &out->item, &out->at, &out->n);
}

static bool read_front_matter(Arena *ar, Diag *d, const YamlNode *fm, Article *a)
{
    if (!yaml_expect_mapping(d, fm, "front matter"))
        return false;
    bool ok = yaml_known_keys(d, fm, "front matter", article_keys);
    ok &= read_kind(d, yaml_get(fm, "kind"), a);
    ok &= yaml_string(ar, d, yaml_get(fm, "kicker"), "kicker", &a->kicker);
    ok &= read_list(ar, d, fm, "title", &a->title);
    ok &= read_list(ar, d, fm, "subtitle", &a->subtitle);
    ok &= yaml_string(ar, d, yaml_get(fm, "byline"), "byline", &a->byline);
    ok &= read_list(ar, d, fm, "editor_note", &a->editor_note);
    ok &= yaml_string(ar, d, yaml_get(fm, "source"), "source", &a->end_source);
    ok &= read_list(ar, d, fm, "notes", &a->notes);
    ok &= read_list(ar, d, fm, "toc", &a->toc);
    ok &= yaml_int(d, yaml_get(fm, "columns"), "columns", 1, 4, &a->columns);
    if (ok && a->title.n == 0) {
        diag_error(d, srcloc(a->path, 2, 1), "front matter has no \"title\"");
        ok = false;
    }
    return ok;
}

/* ---- body ------------------------------------------------------------ */

typedef struct BodyBuilder {
    Arena *arena;
    Diag *d;
    Article *a;
    int line0;      /* file line of the body's first line */
    Buf text;       /* text of the block being built */
    TextSeg *segs;  /* its segments (heap, reused) */
    int n_segs, cap_segs;
    int seg_end;    /* byte just past the last segment found in its source line */
    Block *blocks;  /* heap, moved into the arena at the end */
    int n_blocks, cap_blocks;
} BodyBuilder;

static SrcLoc node_loc(const BodyBuilder *bb, cmark_node *node)
{
    return srcloc(bb->a->path, bb->line0 + cmark_node_get_start_line(node) - 1,
                    cmark_node_get_start_column(node));
}

/* Start of line `line` (1-based) of the article's source, or NULL. */
static const char *source_line(const Article *a, int line)
{
    const char *p = a->source;
    for (int l = 1; l < line && p; l++) {
        p = strchr(p, '\n');
        p = p ? p + 1 : NULL;
    }
    return p;
}

/* Byte column of a text node. cmark's inline columns drift on multi-byte
 * text, so the literal is looked up in its source line, after the previous
 * segment of the same line; cmark's column is the fallback (escapes). */
static int text_column(BodyBuilder *bb, int line, cmark_node *node)
{
    const char *src = source_line(bb->a, line);
    const char *lit = cmark_node_get_literal(node);
    int from = bb->n_segs && bb->segs[bb->n_segs - 1].line == line ? bb->seg_end : 0;
    const char *eol = src ? strchr(src + from, '\n') : NULL;
    if (src && lit && lit[0]) {
        const char *hit = strstr(src + from, lit);
        if (hit && (!eol || hit < eol)) {
            bb->seg_end = (int)(hit - src) + (int)strlen(lit);
            return (int)(hit - src) + 1;
        }
    }
    bb->seg_end = from;
    return cmark_node_get_start_column(node);
}

static void add_seg(BodyBuilder *bb, cmark_node *node)
{
    if (bb->n_segs == bb->cap_segs) {
        bb->cap_segs = bb->cap_segs ? bb->cap_segs * 2 : 8;
        bb->segs = xrealloc(bb->segs, sizeof(TextSeg) * (size_t)bb->cap_segs);
    }
    int line = bb->line0 + cmark_node_get_start_line(node) - 1;
    int col = text_column(bb, line, node);
    bb->segs[bb->n_segs++] = (TextSeg){(int)bb->text.len, line, col};
}

static bool is_latin_or_digit(int32_t c)
{
    return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

/* A soft break is nothing in Chinese, a space between Latin words. */
static void add_soft_break(BodyBuilder *bb, cmark_node *node)
{
    cmark_node *next = cmark_node_next(node);
    const char *after = next ? cmark_node_get_literal(next) : NULL;
    if (!bb->text.len || !after || !after[0])
        return;
    int n;
    int32_t first = utf8_decode(after, strlen(after), &n);
    unsigned char last = (unsigned char)bb->text.data[bb->text.len - 1];
    if (last < 0x80 && is_latin_or_digit(last) && is_latin_or_digit(first))
        buf_putc(&bb->text, ' ');
}

static void warn_markup(BodyBuilder *bb, cmark_node *node)
{
    diag_warn(bb->d, node_loc(bb, node), "%s is not part of the content format; set as text",
              cmark_node_get_type_string(node));
}

static void add_inline_list(BodyBuilder *bb, cmark_node *first);

/* Appends the text of the inline children of parent. */
static void add_inlines(BodyBuilder *bb, cmark_node *parent)
{
    add_inline_list(bb, cmark_node_first_child(parent));
}

/* Appends the text of first and the inline siblings after it. */
static void add_inline_list(BodyBuilder *bb, cmark_node *first)
{
    for (cmark_node *n = first; n; n = cmark_node_next(n)) {
        switch (cmark_node_get_type(n)) {
        case CMARK_NODE_TEXT:
        case CMARK_NODE_CODE:
            add_seg(bb, n);
            buf_puts(&bb->text, cmark_node_get_literal(n));
            break;
        case CMARK_NODE_SOFTBREAK:
            add_soft_break(bb, n);
            break;
        case CMARK_NODE_LINEBREAK:
            break;
        case CMARK_NODE_HTML_INLINE:
            warn_markup(bb, n);
            add_seg(bb, n);
            buf_puts(&bb->text, cmark_node_get_literal(n));
            break;
        case CMARK_NODE_LINK:
        case CMARK_NODE_IMAGE:
            warn_markup(bb, n);
            add_inlines(bb, n);
            break;
        default: /* EMPH, STRONG not at the start: their text, unstyled */
            add_inlines(bb, n);
            break;
        }
    }
}

/* Length in bytes of the punctuation that opens text (it joins the run-in
 * head: CommonMark cannot close ** after punctuation before a letter). */
static int leading_punct(const char *text)
{
    int at = 0;
    for (;;) {
        int n;
        int32_t c = utf8_decode(text + at, strlen(text + at), &n);
        bool punct = (c >= 0x3001 && c <= 0x3003) || c == 0xFF0C || c == 0xFF1A ||
                     c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == 0x201D || c == 0x2019 ||
                     c == 0xFF09 || c == 0x300B || c == 0x300D || c == 0x3011;
        if (!punct)
            return at;
        at += n;
    }
}

static Block *new_block(BodyBuilder *bb, BlockKind kind, cmark_node *node)
{
    if (bb->n_blocks == bb->cap_blocks) {
        bb->cap_blocks = bb->cap_blocks ? bb->cap_blocks * 2 : 16;
        bb->blocks = xrealloc(bb->blocks, sizeof(Block) * (size_t)bb->cap_blocks);
    }
    Block *b = &bb->blocks[bb->n_blocks++];
    memset(b, 0, sizeof *b);
    b->kind = kind;
    b->at = node_loc(bb, node);
    buf_reset(&bb->text);
    bb->n_segs = 0;
    return b;
}

/* Moves the built text and segments into the arena; drops empty blocks. */
static void finish_block(BodyBuilder *bb, Block *b)
{
    if (bb->text.len == 0) {
        bb->n_blocks--;
        return;
    }
    b->text = arena_strndup(bb->arena, buf_str(&bb->text), bb->text.len);
    b->len = (int)bb->text.len;
    b->n_segs = bb->n_segs;
    b->segs = ARENA_ARRAY(bb->arena, TextSeg, bb->n_segs);
    if (bb->n_segs) { /* segs is NULL when there are none: no memcpy(…, NULL, 0) */
        memcpy(b->segs, bb->segs, sizeof(TextSeg) * (size_t)bb->n_segs);
        b->at = doc_locate(bb->a, b, 0);
    }
}

static void add_paragraph(BodyBuilder *bb, cmark_node *node)
{
    Block *b = new_block(bb, BLOCK_PARAGRAPH, node);
    cmark_node *first = cmark_node_first_child(node);
    if (first && cmark_node_get_type(first) == CMARK_NODE_STRONG) {
        add_inline_list(bb, cmark_node_first_child(first));
        cmark_node *rest = cmark_node_next(first);
        b->runin_len = (int)bb->text.len;
        if (rest && cmark_node_get_type(rest) == CMARK_NODE_TEXT)
            b->runin_len += leading_punct(cmark_node_get_literal(rest));
        add_inline_list(bb, rest);
    } else {
        add_inline_list(bb, first);
    }
    finish_block(bb, b);
}

static void add_heading(BodyBuilder *bb, cmark_node *node)
{
    int level = cmark_node_get_heading_level(node);
    if (level != 2 && level != 3)
        diag_warn(bb->d, node_loc(bb, node),
                  "heading level %d: use ## for section heads and ### for sub-heads", level);
    Block *b = new_block(bb, level <= 2 ? BLOCK_HEADING : BLOCK_SUBHEADING, node);
    add_inlines(bb, node);
    finish_block(bb, b);
}

/* Code blocks and raw HTML blocks: each line becomes a paragraph. */
static void add_literal_lines(BodyBuilder *bb, cmark_node *node)
{
    const char *lit = cmark_node_get_literal(node);
    int line = 0;
    for (const char *p = lit; p && *p; line++) {
        const char *eol = strchr(p, '\n');
        size_t n = eol ? (size_t)(eol - p) : strlen(p);
        Block *b = new_block(bb, BLOCK_PARAGRAPH, node);
        b->at.line += line + (cmark_node_get_type(node) == CMARK_NODE_CODE_BLOCK);
        buf_put(&bb->text, p, n);
        finish_block(bb, b);
        p = eol ? eol + 1 : p + n;
    }
}

static void add_blocks(BodyBuilder *bb, cmark_node *parent);

static void add_block(BodyBuilder *bb, cmark_node *node)
{
    switch (cmark_node_get_type(node)) {
    case CMARK_NODE_PARAGRAPH:
        add_paragraph(bb, node);
        break;
    case CMARK_NODE_HEADING:
        add_heading(bb, node);
        break;
    case CMARK_NODE_CODE_BLOCK:
    case CMARK_NODE_HTML_BLOCK:
        warn_markup(bb, node);
        add_literal_lines(bb, node);
        break;
    case CMARK_NODE_THEMATIC_BREAK:
        warn_markup(bb, node);
        break;
    default: /* lists, items, block quotes: their paragraphs */
        warn_markup(bb, node);
        add_blocks(bb, node);
        break;
    }
}

static void add_blocks(BodyBuilder *bb, cmark_node *parent)
{
    /* Nesting is bounded by cmark itself; lists in lists only recurse here. */
    for (cmark_node *n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
        if (cmark_node_get_type(n) == CMARK_NODE_ITEM || cmark_node_get_type(n) == CMARK_NODE_LIST)
            add_blocks(bb, n);
        else
            add_block(bb, n);
    }
}

static void parse_body(Arena *ar, Diag *d, Article *a, const char *body, size_t len, int line0)
{
    BodyBuilder bb = {.arena = ar, .d = d, .a = a, .line0 = line0};
    buf_init(&bb.text);
    cmark_node *root = cmark_parse_document(body, len, CMARK_OPT_DEFAULT);
    add_blocks(&bb, root);
    cmark_node_free(root);
    a->n_blocks = bb.n_blocks;
    a->block = ARENA_ARRAY(ar, Block, bb.n_blocks);
    if (bb.n_blocks)
        memcpy(a->block, bb.blocks, sizeof(Block) * (size_t)bb.n_blocks);
    free(bb.blocks);
    free(bb.segs);
    buf_fini(&bb.text);
}

Article *doc_parse_article(Arena *ar, Diag *d, const char *path, const char *text, size_t len)
{
    Article *a = ARENA_NEW(ar, Article);
    a->path = arena_strdup(ar, path);
    a->source = text;
    a->at = srcloc(a->path, 1, 0);
    if (len >= 3 && memcmp(text, "\xEF\xBB\xBF", 3) == 0) {
        diag_error(d, srcloc(a->path, 1, 1), "byte order mark at the start of the file; "
                                               "save it as UTF-8 without BOM");
        return NULL;
    }
    if (!check_text(d, a->path, text, len))
        return NULL;
    const char *fm, *body;
    size_t fm_len;
    int body_line;
    if (!split_front_matter(d, a->path, text, len, &fm, &fm_len, &body, &body_line))
        return NULL;
    YamlNode *root = yaml_parse(ar, d, a->path, fm, fm_len, 2);
    if (!root || !read_front_matter(ar, d, root, a))
        return NULL;
    parse_body(ar, d, a, body, (size_t)(text + len - body), body_line);
    if (a->n_blocks == 0)
        diag_warn(d, srcloc(a->path, body_line, 0), "article has no body text");
    return a;
}

SrcLoc doc_locate(const Article *a, const Block *b, int offset)
{
    int i = 0;
    while (i + 1 < b->n_segs && b->segs[i + 1].text_offset <= offset)
        i++;
    if (b->n_segs == 0)
        return b->at;
    const TextSeg *s = &b->segs[i];
    const char *line = source_line(a, s->line);
    if (!line)
        return b->at;
    int col = utf8_count(line, (size_t)(s->byte_col - 1)) + 1;
    col += utf8_count(b->text + s->text_offset, (size_t)(offset - s->text_offset));
    return srcloc(a->path, s->line, col);
}
