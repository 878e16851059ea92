/* articles.c - fragments and headlines → articles.
 *
 * Walks the items of blocks.c in raw order, keeping a "current" article:
 *  - a fragment that looks like the middle of a paragraph (a full first
 *    line right after an interruption) continues a paragraph that stopped
 *    mid-sentence (DANGLE_SURE) in the last few pages: that is how text
 *    comes back after a running head, a headline in mid-column, or an
 *    article interleaved with another (find_target says which);
 *  - headlines and one-line heads wait ("pending") for the text after
 *    them, and go with it;
 *  - ■ closes an article; the notes after it (（摘自…）, 发言人：…) are its;
 *  - a new paragraph after ■ starts a new article, and so does one that
 *    follows a heading while the current article is in mid-sentence (the
 *    current article goes on later; the new text belongs to another);
 *  - numbered heads keep their order: （七） goes to the open article
 *    whose last head was （六）.
 * When text continues a paragraph of an article that was already closed,
 * the stretch of that article that led to the paragraph belonged to
 * another article interleaved with it; it is moved there ("segment").
 * Every guess is written to the report with its raw line numbers.
 */
#include "clean/clean_int.h"

#include <string.h>

#include "base/utf8.h"

enum {
    TARGET_WINDOW = 400, /* raw lines: interleaving never spans more than a few pages */
    HEADING_LINES = 3,   /* a head runs over three lines at most */
};

typedef struct Builder {
    CleanDoc *doc;
    int cur;       /* current article, -1 before the first */
    int notes_of;  /* article whose end-mark notes are being read, -1 if none */
    int head;      /* latest running head, -1 before the first */
    Block **pending;
    int npending, cap_pending;
} Builder;

static const Line *first_line(const CleanDoc *doc, const Frag *f)
{
    return &doc->lines[f->first];
}

static int line_no(const CleanDoc *doc, int index)
{
    return doc->lines[index].no;
}

/* ---- Articles and blocks ---------------------------------------------------------- */

static int new_article(Builder *b)
{
    CleanDoc *doc = b->doc;
    doc->articles = doc_grow(doc, doc->articles, doc->narticles, &doc->cap_articles,
                             sizeof(Article));
    Article *a = &doc->articles[doc->narticles];
    memset(a, 0, sizeof *a);
    a->section = b->head;
    return doc->narticles++;
}

static Block *new_block(Builder *b, BlockKind kind, int order, int article)
{
    CleanDoc *doc = b->doc;
    Block *blk = ARENA_NEW(&doc->arena, Block);
    blk->kind = kind;
    blk->order = order;
    blk->article = article;
    doc->blocks = doc_grow(doc, doc->blocks, doc->nblocks, &doc->cap_blocks, sizeof(Block *));
    doc->blocks[doc->nblocks++] = blk;
    return blk;
}

static Block *frag_block(Builder *b, Frag *f, BlockKind kind, int article)
{
    Block *blk = new_block(b, kind, f->first, article);
    blk->frag = blk->tail = f;
    blk->dangle = f->dangle;
    return blk;
}

static void close_article(Builder *b, int a)
{
    b->doc->articles[a].closed = true;
    b->notes_of = a;
}

bool article_has_body(const CleanDoc *doc, int a)
{
    for (int i = doc->nblocks - 1; i >= 0; i--) {
        const Block *blk = doc->blocks[i];
        if (blk->article == a && blk->kind == BK_PARA && !blk->heading && !blk->editor &&
            !blk->pending)
            return true;
    }
    return false;
}

/* The body block of article a that its text last reached (largest order;
 * blocks are created in raw order, so the first found from the end). */
static Block *last_body(const CleanDoc *doc, int a)
{
    for (int i = doc->nblocks - 1; i >= 0; i--) {
        Block *blk = doc->blocks[i];
        if (blk->article == a && blk->kind == BK_PARA && !blk->heading && !blk->editor)
            return blk;
    }
    return NULL;
}

/* ---- Pending headlines and heads ---------------------------------------------------- */

static void pend(Builder *b, Block *blk)
{
    blk->pending = true;
    b->pending = doc_grow(b->doc, b->pending, b->npending, &b->cap_pending, sizeof(Block *));
    b->pending[b->npending++] = blk;
}

static bool pending_has_headline(const Builder *b)
{
    for (int i = 0; i < b->npending; i++)
        if (b->pending[i]->kind == BK_HEADLINE)
            return true;
    return false;
}

/* Keeps track of the last 一、 and （一） heads of an article. */
static void count_head(const CleanDoc *doc, Article *art, const Frag *f)
{
    const char *s = first_line(doc, f)->body;
    int n = head_number(s);
    if (n && clean_head_pattern(s) == CLEAN_HEAD_CHAPTER)
        art->chapter = n, art->part = 0;
    else if (n)
        art->part = n;
}

/* Gives the waiting headlines and heads to article a. */
static void place_pending(Builder *b, int a)
{
    Article *art = &b->doc->articles[a];
    if (b->npending > 0 && pending_has_headline(b) && art->has_headline)
        doc_report(b->doc, line_no(b->doc, b->pending[0]->order),
                   "a second headline for the same article; check which article it belongs to");
    for (int i = 0; i < b->npending; i++) {
        Block *blk = b->pending[i];
        blk->article = a;
        blk->pending = false;
        if (blk->kind == BK_HEADLINE)
            art->has_headline = true;
        else
            count_head(b->doc, art, blk->frag);
    }
    b->npending = 0;
}

/* ---- What a fragment is ---------------------------------------------------------------- */

/* Total width of a fragment's body lines, in quarter ems. */
static int frag_width(const CleanDoc *doc, const Frag *f)
{
    int w = 0;
    for (int i = f->first; i <= f->last; i++)
        if (doc->lines[i].kind == LK_BODY)
            w += doc->lines[i].width;
    return w;
}

/* A complete short paragraph without sentence end: a head or a title. */
static bool is_heading_frag(const CleanDoc *doc, const Frag *f)
{
    const Line *last = &doc->lines[f->last];
    return f->dangle == DANGLE_NONE && !clean_ends_sentence(last->body) &&
           frag_width(doc, f) <= last->measure * HEADING_LINES;
}

static bool sure_target_exists(const CleanDoc *doc, int line)
{
    for (int i = doc->nblocks - 1; i >= 0; i--) {
        const Block *blk = doc->blocks[i];
        if (line - line_no(doc, blk->order) > TARGET_WINDOW)
            break;
        if (blk->kind == BK_PARA && blk->dangle == DANGLE_SURE)
            return true;
    }
    return false;
}

/* after: f follows an interruption (or the notes after an end mark). */
static bool looks_continuation(const CleanDoc *doc, const Frag *f, bool after)
{
    const Line *l = first_line(doc, f);
    if (!after || clean_head_pattern(l->body) != CLEAN_HEAD_NONE ||
        text_starts(l->body, "编者按"))
        return false;
    if (f->first_shape == SHAPE_FULL)
        return true;
    return f->first_shape == SHAPE_SHORT && clean_ends_sentence(l->body) &&
           sure_target_exists(doc, l->no);
}

/* ---- Continuations ---------------------------------------------------------------------- */

/* The paragraph a continuation (fragment f) goes on, among those that
 * stopped mid-sentence within the window: after a headline the oldest
 * (the headline sat between two articles' columns, and the text that
 * stopped first resumes first), otherwise the newest (the same column goes
 * on after a running head). Failing that, the current article's last
 * paragraph if it stopped on a full line. *open counts the candidates. */
static Block *find_target(Builder *b, const Frag *f, int *open)
{
    const CleanDoc *doc = b->doc;
    int line = first_line(doc, f)->no;
    Block *best = NULL;
    *open = 0;
    for (int i = doc->nblocks - 1; i >= 0; i--) {
        Block *blk = doc->blocks[i];
        if (line - line_no(doc, blk->order) > TARGET_WINDOW)
            break;
        if (blk->kind != BK_PARA || blk->pending || blk->dangle != DANGLE_SURE)
            continue;
        (*open)++;
        if (!best || (f->after_headline ? blk->order < best->order : blk->order > best->order))
            best = blk;
    }
    if (!best && b->cur >= 0) {
        Block *last = last_body(doc, b->cur);
        if (last && last->dangle == DANGLE_MAYBE)
            best = last;
    }
    return best;
}

/* Index in doc->blocks of the first block of the segment that ends with
 * blocks[k] (see the file comment). */
static int segment_start(const CleanDoc *doc, int k)
{
    int a = doc->blocks[k]->article;
    for (int j = k - 1; j >= 0; j--) {
        const Block *blk = doc->blocks[j];
        if (blk->article != a || blk->kind != BK_PARA)
            continue;
        if (blk->seg_start)
            return j;
        if (blk->joined)
            break;
    }
    int s = k;
    for (int j = k - 1; j >= 0; j--) {
        const Block *blk = doc->blocks[j];
        if (blk->article != a || blk->kind != BK_PARA)
            continue;
        if (!blk->heading)
            break;
        s = j;
    }
    return s;
}

/* Moves the stretch of closed article that led to paragraph t into article to. */
static void move_segment(Builder *b, Block *t, int to)
{
    CleanDoc *doc = b->doc;
    int k = 0, from = t->article;
    while (doc->blocks[k] != t)
        k++;
    int s = segment_start(doc, k);
    for (int j = s; j <= k; j++)
        if (doc->blocks[j]->article == from && doc->blocks[j]->kind == BK_PARA)
            doc->blocks[j]->article = to;
    doc_report(doc, line_no(doc, doc->blocks[s]->order),
               "interleaved articles: lines %d-%d were taken as the start of another article "
               "(its paragraph goes on after an end mark); check where that article begins",
               line_no(doc, doc->blocks[s]->order), line_no(doc, t->frag->first));
}

static void append_frag(Block *t, Frag *f)
{
    t->tail->next = f;
    t->tail = f;
    t->dangle = f->dangle;
    t->joined = true;
}

static void continue_into(Builder *b, Block *t, Frag *f, int open)
{
    CleanDoc *doc = b->doc;
    int dest = -1, line = first_line(doc, f)->no;
    bool cur_open = b->cur >= 0 && !doc->articles[b->cur].closed && !doc->articles[b->cur].is_box;
    if (b->npending) {
        dest = cur_open ? b->cur : new_article(b);
        place_pending(b, dest);
    }
    if (doc->articles[t->article].closed) {
        int to = dest >= 0 && !article_has_body(doc, dest) ? dest : new_article(b);
        move_segment(b, t, to);
    }
    if (t->article != b->cur || open > 1)
        doc_report(doc, line, "interleaved text: taken to continue the paragraph at line %d%s",
                   line_no(doc, t->order), open > 1 ? " (one of several unfinished)" : "");
    else if (t->dangle == DANGLE_MAYBE)
        doc_report(doc, line, "taken to continue the paragraph at line %d, which may have "
                   "ended", line_no(doc, t->order));
    append_frag(t, f);
    b->cur = t->article;
    if (f->dangle == DANGLE_END)
        close_article(b, b->cur);
}

/* ---- New paragraphs ------------------------------------------------------------------------ */

/* The first numbered head among the waiting heads and fragment f: its
 * text, or NULL. */
static const char *first_numbered(const Builder *b, const Frag *f)
{
    for (int i = 0; i < b->npending; i++)
        if (b->pending[i]->kind == BK_PARA &&
            head_number(first_line(b->doc, b->pending[i]->frag)->body))
            return first_line(b->doc, b->pending[i]->frag)->body;
    const char *s = first_line(b->doc, f)->body;
    return head_number(s) ? s : NULL;
}

static bool numbering_fits(const Article *art, const char *head)
{
    int n = head_number(head);
    int last = clean_head_pattern(head) == CLEAN_HEAD_CHAPTER ? art->chapter : art->part;
    return n <= 1 || last == n - 1;
}

/* Article a, unless the numbered heads say the text goes on another open
 * article: （七） follows the article whose last head was （六）. */
static int by_numbering(Builder *b, const Frag *f, int a)
{
    CleanDoc *doc = b->doc;
    const char *head = first_numbered(b, f);
    if (!head || numbering_fits(&doc->articles[a], head))
        return a;
    for (int o = doc->narticles - 1; o >= 0; o--) {
        const Article *art = &doc->articles[o];
        if (o != a && !art->closed && !art->is_box && numbering_fits(art, head) &&
            (clean_head_pattern(head) == CLEAN_HEAD_CHAPTER ? art->chapter : art->part) > 0) {
            doc_report(doc, first_line(doc, f)->no, "interleaved articles: the numbering of "
                       "the heads puts this text in the article at line %d",
                       line_no(doc, last_body(doc, o) ? last_body(doc, o)->order : 0));
            return o;
        }
    }
    return a;
}

/* The most recent open article without a headline whose text reached the
 * last pages, or -1: where text goes that follows a headline but
 * continues nothing that is open. */
static int open_without_headline(const Builder *b, int line)
{
    const CleanDoc *doc = b->doc;
    for (int o = doc->narticles - 1; o >= 0; o--) {
        const Article *art = &doc->articles[o];
        const Block *last = last_body(doc, o);
        if (!art->closed && !art->is_box && !art->has_headline && last &&
            line - line_no(doc, last->order) <= TARGET_WINDOW)
            return o;
    }
    return -1;
}

/* Which article a new paragraph (fragment f) belongs to; stray: f looked
 * like the middle of a paragraph but nothing was open to continue. */
static int choose_article(Builder *b, const Frag *f, bool stray)
{
    CleanDoc *doc = b->doc;
    int line = first_line(doc, f)->no;
    if (b->cur < 0 || doc->articles[b->cur].closed || doc->articles[b->cur].is_box) {
        int o = stray && pending_has_headline(b) ? open_without_headline(b, line) : -1;
        if (o >= 0)
            doc_report(doc, line, "after this headline the text belongs to the article at "
                       "line %d, whose paragraph was probably joined to other text", 
                       line_no(doc, last_body(doc, o)->order));
        return o >= 0 ? o : new_article(b);
    }
    Block *last = last_body(doc, b->cur);
    bool dangling = last && last->dangle == DANGLE_SURE;
    if (f->discont) {
        doc_report(doc, line, "possible interleaving: the paragraph at line %d stops "
                   "mid-sentence and a new one starts here", last ? line_no(doc, last->order) : 0);
        return by_numbering(b, f, b->cur);
    }
    if (dangling && (b->npending || f->page_break)) {
        doc_report(doc, line, "the article at line %d stops mid-sentence; a new article is "
                   "taken to start here", line_no(doc, last->order));
        return new_article(b);
    }
    if (pending_has_headline(b) && doc->articles[b->cur].has_headline)
        return new_article(b);
    return by_numbering(b, f, b->cur);
}

static void new_paragraph(Builder *b, Frag *f, bool stray)
{
    bool headline = pending_has_headline(b);
    int a = choose_article(b, f, stray);
    bool mid = article_has_body(b->doc, a);
    place_pending(b, a);
    count_head(b->doc, &b->doc->articles[a], f);
    Block *blk = frag_block(b, f, BK_PARA, a);
    blk->seg_start = headline && mid;
    b->cur = a;
    if (f->dangle == DANGLE_END)
        close_article(b, a);
}

static void handle_frag(Builder *b, Frag *f)
{
    CleanDoc *doc = b->doc;
    const char *text = first_line(doc, f)->body;
    if (b->notes_of >= 0 && text_is_note(text)) {
        frag_block(b, f, BK_NOTE, b->notes_of);
        return;
    }
    bool after_notes = b->notes_of >= 0;
    b->notes_of = -1;
    bool stray = false;
    if (looks_continuation(doc, f, f->after_break || after_notes)) {
        int open;
        Block *t = find_target(b, f, &open);
        if (t) {
            continue_into(b, t, f, open);
            return;
        }
        stray = f->after_break;
        if (stray)
            doc_report(doc, first_line(doc, f)->no,
                       "looks like the middle of a paragraph, but no paragraph is open");
    }
    if (text_starts(text, "编者按") || is_heading_frag(doc, f)) {
        Block *blk = frag_block(b, f, BK_PARA, -1);
        blk->editor = text_starts(text, "编者按");
        blk->heading = !blk->editor;
        pend(b, blk);
        return;
    }
    new_paragraph(b, f, stray);
}

/* A box is an article of its own; waiting headlines wait for the text
 * after it. */
static void handle_box(Builder *b, const Item *it)
{
    int a = new_article(b);
    Block *blk = new_block(b, BK_BOX, it->first, a);
    blk->first = it->first;
    blk->last = it->last;
    b->doc->articles[a].is_box = true;
    b->doc->articles[a].closed = true;
    b->cur = a;
    b->notes_of = -1;
}

static void handle_item(Builder *b, const Item *it)
{
    switch (it->kind) {
    case ITEM_FRAG:
        handle_frag(b, it->frag);
        break;
    case ITEM_HEADLINE: {
        Block *blk = new_block(b, BK_HEADLINE, it->first, -1);
        blk->first = it->first;
        blk->last = it->last;
        pend(b, blk);
        b->notes_of = -1;
        break;
    }
    case ITEM_BOX:
        handle_box(b, it);
        break;
    case ITEM_HEAD:
        b->head = it->head;
        break;
    }
}

/* Leftovers: waiting headlines at the very end, paragraphs never finished,
 * articles before the first running head. */
static void finish(Builder *b)
{
    CleanDoc *doc = b->doc;
    if (b->npending) {
        bool open = b->cur >= 0 && !doc->articles[b->cur].closed;
        place_pending(b, open ? b->cur : new_article(b));
    }
    for (int i = 0; i < doc->nblocks; i++)
        if (doc->blocks[i]->kind == BK_PARA && doc->blocks[i]->dangle == DANGLE_SURE)
            doc_report(doc, line_no(doc, doc->blocks[i]->tail->last),
                       "paragraph stops mid-sentence and nothing was found to continue it");
    for (int a = 0; a < doc->narticles; a++)
        if (doc->articles[a].section < 0 && doc->nheads > 0)
            doc->articles[a].section = 0;
}

void articles_build(CleanDoc *doc)
{
    Builder b = {.doc = doc, .cur = -1, .notes_of = -1, .head = -1};
    for (int i = 0; i < doc->nitems; i++)
        handle_item(&b, &doc->items[i]);
    finish(&b);
}
