/* clean_int.h - types shared by the files of the clean stage (not public).
 *
 * The stage works in four passes over one CleanDoc:
 *   raw.c        bytes → validated Lines with squeezed text and widths
 *   furniture.c  running heads found, removed and learnt (folio, section, issue)
 *   lines.c      per-line column measure; headline, box and body lines
 *   blocks.c     body lines → paragraph fragments (line-break rules)
 *   articles.c   fragments + headlines → articles (end marks, interleaving)
 *   classify.c   article blocks → front matter and Markdown paragraphs
 *   emit.c       issue.yaml, article files, report
 * Everything lives in the CleanDoc's arena.
 */
#ifndef REPRINT_CLEAN_INT_H
#define REPRINT_CLEAN_INT_H

#include <stdbool.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/buf.h"
#include "base/diag.h"
#include "clean/clean.h"

/* ---- Lines ----------------------------------------------------------------- */

typedef enum LineKind {
    LK_BLANK,     /* empty or spaces only */
    LK_FURNITURE, /* part of a running head */
    LK_BODY,      /* running text, notes, section heads */
    LK_HEADLINE,  /* 引题/主题/副题/byline */
    LK_BOX,       /* a line of a 【…】 box */
} LineKind;

enum LineFlag {
    LF_GLUED = 1 << 0,      /* no blank line between it and the previous text line */
    LF_LEAD_SPACE = 1 << 1, /* the raw line starts with a space */
    LF_PAGE_BREAK = 1 << 2, /* a running head lies between it and the previous text line */
    LF_END_MARK = 1 << 3,   /* contains the end mark ■ */
    LF_SPACED = 1 << 4,     /* letter-spaced: the line was stretched to fill its width */
    LF_TRAIL_GAP = 1 << 5,  /* ends in two spaces or more after CJK: maybe a printed gap */
};

typedef struct Line {
    int no;          /* raw line number, 1-based */
    const char *raw; /* raw text without its newline */
    char *body;      /* squeezed as running text */
    char *title;     /* squeezed as a title line (gaps kept as U+3000) */
    int width;       /* width of body in quarter ems */
    int measure;     /* local column measure in quarter ems (0 = unknown) */
    int unsure;      /* spaces the squeezer could not classify */
    LineKind kind;
    unsigned flags;  /* LineFlag bits */
    int cluster;     /* lines sharing a cluster id follow each other without blank lines */
    int cut_tail;    /* bytes of raw cut off its end as furniture (a glued running head) */
} Line;

/* ---- Running heads --------------------------------------------------------- */

typedef struct RunningHead {
    int line;          /* raw line number where it starts */
    const char *folio; /* page number as printed, or NULL */
    const char *section;
    const char *issue;  /* e.g. 2022年第8期, or NULL */
    const char *serial; /* e.g. 总第419期, or NULL */
} RunningHead;

/* ---- Paragraph fragments (blocks.c) ----------------------------------------- */

/* How a line sits in its column. */
typedef enum Shape {
    SHAPE_SHORT,    /* well short of the measure: a last line */
    SHAPE_INDENTED, /* about two characters short: a first line */
    SHAPE_FULL,     /* the whole measure */
} Shape;

/* How a fragment's last line ends. */
typedef enum Dangle {
    DANGLE_NONE,  /* a short line: the paragraph is over */
    DANGLE_MAYBE, /* a full line ending a sentence: probably over */
    DANGLE_SURE,  /* a full line mid-sentence: it goes on elsewhere */
    DANGLE_END,   /* ends with the end mark ■ */
} Dangle;

/* Lines of one paragraph between two interruptions (headline, running
 * head, a change of text block). */
typedef struct Frag {
    int first, last;    /* indices into doc->lines, inclusive; non-body lines inside are skipped */
    bool after_break;   /* an interruption precedes it */
    bool page_break;    /* a running head precedes it */
    bool after_headline; /* a headline precedes it */
    bool discont;       /* starts a paragraph right after one that stopped mid-sentence */
    Shape first_shape;  /* shape of its first line */
    Dangle dangle;      /* how its last line ends */
    struct Frag *next;  /* next fragment of the same paragraph */
} Frag;

typedef enum ItemKind { ITEM_FRAG, ITEM_HEADLINE, ITEM_BOX, ITEM_HEAD } ItemKind;

/* Phase-1 output, in raw order. */
typedef struct Item {
    ItemKind kind;
    Frag *frag;      /* ITEM_FRAG */
    int first, last; /* ITEM_HEADLINE / ITEM_BOX: line index range */
    int head;        /* ITEM_HEAD: index into doc->heads */
} Item;

/* ---- Articles (articles.c) ---------------------------------------------------- */

typedef enum BlockKind {
    BK_PARA,     /* a body paragraph (or section head) */
    BK_HEADLINE, /* a headline block */
    BK_NOTE,     /* a note after the end mark */
    BK_BOX,      /* the lines of a 【…】 box */
} BlockKind;

typedef struct Block {
    BlockKind kind;
    int article;       /* index of the owning article */
    int order;         /* line index of its first line: reading order */
    Frag *frag, *tail; /* BK_PARA / BK_NOTE: its fragments */
    int first, last;   /* BK_HEADLINE / BK_BOX: line index range */
    Dangle dangle;     /* how it ends so far */
    bool seg_start;    /* first paragraph after a headline that began a new paragraph */
    bool joined;       /* received a continuation across an interruption */
    bool pending;      /* a heading or headline waiting for the text it belongs to */
    bool heading;      /* a paragraph without sentence end: a head or a title line */
    bool editor;       /* an editor's note (编者按) */
} Block;

typedef struct Article {
    bool closed;       /* its end mark was seen */
    bool is_box;
    bool has_headline;
    int chapter;       /* number of its last 一、 head, 0 if none */
    int part;          /* number of its last （一） head since then, 0 if none */
    int section;       /* index into doc->heads of its running head, -1 if none */
    int first_order;   /* line index of its first block (set when emitting) */
} Article;

/* ---- The document --------------------------------------------------------------- */

typedef struct ReportEntry {
    int line;        /* raw line number, 0 = whole issue */
    const char *key; /* the issue.yaml key it is about, or NULL */
    const char *msg; /* arena string */
} ReportEntry;

/* Where the text of one raw line went, so that a report entry can name
 * the file and line an editor has to open (clean_analyse fills them). */
typedef struct LineHome {
    int article; /* index into doc->articles; -1: nowhere (blank, furniture) */
    int md_line; /* line of that article's file holding it, 1-based; 0 = unknown */
} LineHome;

struct CleanDoc {
    Arena arena;
    const char *path;       /* raw file name, for messages */
    Line *lines;
    int nlines;
    RunningHead *heads;
    int nheads, cap_heads;
    const char *magazine;   /* learnt from the running heads, or NULL */
    const char *layout;     /* the design issue.yaml names; NULL: "default" */
    Item *items;
    int nitems, cap_items;
    Block **blocks;
    int nblocks, cap_blocks;
    Article *articles;
    int narticles, cap_articles;
    int measure;            /* the issue's most common measure, quarter ems */
    int *order;             /* article indices in reading order (emit) */
    int nout;               /* articles written (non-empty) */
    ReportEntry *report;
    int nreport, cap_report;
    LineHome *homes;        /* per line index; NULL until the articles are placed */
};

/* ---- Shared helpers --------------------------------------------------------------- */

/* Adds a report entry for raw line `line` (0 = none). */
void doc_report(CleanDoc *doc, int line, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
/* Adds a report entry about the value of `key` in issue.yaml. */
void doc_report_issue(CleanDoc *doc, const char *key, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Grows an arena array so that index n fits (doubling); returns it. */
void *doc_grow(CleanDoc *doc, void *array, int n, int *cap, size_t elem);

/* First code point of s (0 if empty) and of its last character. */
int32_t text_first_cp(const char *s);
int32_t text_last_cp(const char *s);
/* Number of code points in s. */
int text_count(const char *s);
/* True for CJK punctuation marks (full-width). */
bool cp_is_cjk_punct(int32_t cp);
/* True for opening/closing quotes and brackets. */
bool cp_is_closer(int32_t cp);
/* True if s contains any of the UTF-8 characters listed in set. */
bool text_has_any(const char *s, const char *set);
/* True if s starts with the UTF-8 string prefix. */
bool text_starts(const char *s, const char *prefix);
/* True for the notes printed after the end mark: （摘自…）, （作者：…）,
 * 发言人：…, 课题组成员：… (a parenthesis or a short label and ：). */
bool text_is_note(const char *s);
/* Number of a 一、 or （一） head at the start of s (1 for 一), 0 if none. */
int head_number(const char *s);
/* Line shape for a line of width w (quarter ems) in measure m. */
Shape line_shape(const Line *l);

/* Passes. */
bool raw_split(CleanDoc *doc, Diag *d, const char *text, size_t len);
void furniture_find(CleanDoc *doc);
void lines_classify(CleanDoc *doc);
void blocks_build(CleanDoc *doc);
void articles_build(CleanDoc *doc);

/* articles.c: true if article a has a body paragraph (not a head). */
bool article_has_body(const CleanDoc *doc, int a);

/* lines.c: 1 if article a was set across the page in one column while the
 * issue's usual measure is a column of several, else 0 (the default). */
int article_columns(const CleanDoc *doc, int a);

/* emit.c: number of sections issue.yaml lists (a run of articles under
 * one running head's section name is one). */
int issue_section_count(const CleanDoc *doc);

/* classify.c: the Markdown of article a (front matter + body). If homes
 * is not NULL, homes[i] is set for every line i whose text it holds. */
void classify_article(const CleanDoc *doc, int a, Buf *out, LineHome *homes);
/* classify.c: appends the text of a paragraph block, lines joined. */
void block_text(const CleanDoc *doc, const Block *b, Buf *out);

#endif
