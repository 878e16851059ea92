/* doc.h - the issue as a document tree: manifest, articles, blocks.
 *
 * doc_load() reads content/<issue>/issue.yaml (libyaml) and every article
 * it lists (YAML front matter + CommonMark body via cmark) into one Doc.
 * Everything lives in the Doc's arena; every node carries a SrcLoc so later
 * stages can point warnings at the manuscript. The tree knows nothing of
 * fonts or pages.
 */
#ifndef REPRINT_DOC_H
#define REPRINT_DOC_H

#include <stdbool.h>

#include "base/arena.h"
#include "base/diag.h"

typedef enum BlockKind {
    BLOCK_PARAGRAPH, /* body paragraph, possibly with a run-in head */
    BLOCK_HEADING,   /* ## standalone section head */
    BLOCK_SUBHEADING /* ### sub-head */
} BlockKind;

/* Where a stretch of a block's text came from in the source. */
typedef struct TextSeg {
    int text_offset; /* byte offset into Block.text where this stretch starts */
    int line;        /* source line of its first byte */
    int byte_col;    /* 1-based byte column of its first byte in that line */
} TextSeg;

typedef struct Block {
    BlockKind kind;
    char *text;     /* plain UTF-8 text, markup removed */
    int len;        /* bytes in text */
    int runin_len;  /* bytes at the start of text that form a run-in head; 0 if none */
    SrcLoc at;      /* first character */
    TextSeg *segs;  /* n_segs stretches, for locating any byte of text */
    int n_segs;
} Block;

/* A list of printed lines (title, subtitle) or paragraphs (editor's note). */
typedef struct TextList {
    char **item;
    SrcLoc *at;
    int n;
} TextList;

typedef enum ArticleKind { ARTICLE_ARTICLE, ARTICLE_BOX } ArticleKind;

typedef struct Article {
    const char *path;    /* as resolved from the manifest */
    const char *source;  /* the whole file, NUL-terminated (for locating text) */
    ArticleKind kind;
    char *kicker;        /* 引题, NULL if none */
    TextList title;      /* 主题 lines; at least one */
    TextList subtitle;   /* 副题 lines */
    TextList toc;        /* its entry in the contents (目录), as printed lines;
                            empty: the title's lines */
    char *byline;        /* NULL if none */
    TextList editor_note; /* 编者按 paragraphs */
    char *end_source;    /* （摘自…）, NULL if none */
    TextList notes;      /* 发言人：… etc. */
    int columns;         /* 0 = the section's default */
    SrcLoc at;           /* the file, line 1 */
    Block *block;        /* body blocks in order */
    int n_blocks;
} Article;

typedef struct Section {
    char *title;         /* "" where the issue printed none */
    TextList toc;        /* its name in the contents as printed lines; empty: the title */
    int columns;         /* 0 = the layout's default */
    Article **article;
    int n_articles;
    SrcLoc at;
} Section;

typedef struct Doc {
    Arena arena;         /* owns everything below */
    char *dir;           /* the issue directory */
    char *manifest_path; /* dir/issue.yaml */
    char *magazine, *issue, *serial, *date, *language;
    char *layout_path;   /* resolved layout file */
    SrcLoc layout_at;    /* where the manifest names the layout */
    Section *section;
    int n_sections;
} Doc;

/* Loads an issue directory. Input errors are reported through d and the
 * load continues where it can; returns NULL only when nothing usable could
 * be read. project_layout_dir is where layout names are looked up. Check
 * d->errors before using the result. Free with doc_free(). */
Doc *doc_load(Diag *d, const char *issue_dir, const char *project_layout_dir);
void doc_free(Doc *doc);

/* Parses one article file (exposed for tests and fuzzing); NULL on errors
 * that leave nothing to typeset. The article lives in arena. */
Article *doc_parse_article(Arena *arena, Diag *d, const char *path, const char *text,
                           size_t len);

/* Source location of byte offset `offset` of b's text (columns in characters). */
SrcLoc doc_locate(const Article *a, const Block *b, int offset);

/* Writes the tree as text (--dump=tree). */
void doc_dump(const Doc *doc, FILE *out);

#endif
