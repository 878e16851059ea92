/* blocks.c - body lines → paragraph fragments, headline and box items.
 *
 * Paragraph starts are not marked by indentation in the extraction, but
 * the shapes of the lines still show them: inside a paragraph every line
 * fills the column; the first line is about two characters short (its
 * indent); the last line is short and usually ends a sentence. So a break
 * falls after a short line, and before an indented-looking line that
 * follows a finished sentence or does not itself end one.
 *
 * A fragment is the part of a paragraph between two interruptions (a
 * headline, a running head, a new text block). Whether the text after an
 * interruption continues a paragraph from before it is decided later
 * (articles.c), from how the fragment before ended (Dangle) and how the
 * one after starts (Shape).
 */
#include "clean/clean_int.h"

#include <string.h>

#include "base/utf8.h"

static const char *const CHINESE_NUMERALS[] = {"一", "二", "三", "四", "五", "六", "七",
                                               "八", "九", "十", "十一", "十二", NULL};

/* Length in bytes of the Chinese numeral (一…十二) at s, 0 if none. */
static size_t numeral_len(const char *s)
{
    size_t best = 0;
    for (int i = 0; CHINESE_NUMERALS[i]; i++) {
        size_t n = strlen(CHINESE_NUMERALS[i]);
        if (strncmp(s, CHINESE_NUMERALS[i], n) == 0 && n > best)
            best = n;
    }
    return best;
}

/* Value of the Chinese numeral at s (一 → 1 … 十二 → 12), 0 if none. */
static int numeral_value(const char *s)
{
    size_t n = numeral_len(s);
    for (int i = 0; n && CHINESE_NUMERALS[i]; i++)
        if (strlen(CHINESE_NUMERALS[i]) == n && strncmp(s, CHINESE_NUMERALS[i], n) == 0)
            return i + 1;
    return 0;
}

int head_number(const char *s)
{
    switch (clean_head_pattern(s)) {
    case CLEAN_HEAD_CHAPTER:
        return numeral_value(s);
    case CLEAN_HEAD_SECTION:
        return numeral_value(s + strlen("（"));
    default:
        return 0;
    }
}

CleanHeadPattern clean_head_pattern(const char *s)
{
    size_t n = numeral_len(s);
    if (n && text_starts(s + n, "、"))
        return CLEAN_HEAD_CHAPTER;
    if (n && text_starts(s + n, "是"))
        return CLEAN_HEAD_ENUM;
    if (text_starts(s, "（")) {
        size_t m = numeral_len(s + 3);
        if (m && text_starts(s + 3 + m, "）"))
            return CLEAN_HEAD_SECTION;
    }
    if (text_starts(s, "第")) {
        size_t m = numeral_len(s + 3);
        if (m && (text_starts(s + 3 + m, "，") || text_starts(s + 3 + m, "、")))
            return CLEAN_HEAD_ORDINAL;
    }
    return CLEAN_HEAD_NONE;
}

/* A head that stands on a line of its own when set (一、 or （一）). */
static bool standalone_pattern(const char *s)
{
    CleanHeadPattern p = clean_head_pattern(s);
    return p == CLEAN_HEAD_CHAPTER || p == CLEAN_HEAD_SECTION;
}

/* ---- Line pairs -------------------------------------------------------------------- */

/* Whether the paragraph so far is a numbered head whose sentence is not
 * over: such heads are set bold, a little wider, so their lines fall short
 * of the measure. */
typedef enum HeadState {
    HEAD_NONE,
    HEAD_OPEN,  /* 一、… or （一）…: a standalone or a run-in head */
    HEAD_RUNIN, /* 第一，… or 一是…: always a run-in head */
} HeadState;

/* A change of font without a blank line between p and n: a run-in head
 * ending in 。 goes on with its text; a head without one runs over lines. */
static bool font_continues(const Line *p, const Line *n)
{
    Shape ns = line_shape(n);
    if (clean_ends_sentence(p->body))
        return true;
    if (standalone_pattern(n->body))
        return false;
    return ns == SHAPE_FULL || (ns == SHAPE_SHORT && !clean_ends_sentence(n->body));
}

/* Lines of one column with a blank line between them (see the file comment). */
static bool column_continues(const Line *p, const Line *n, HeadState head)
{
    Shape ps = line_shape(p), ns = line_shape(n);
    bool p_ends = clean_ends_sentence(p->body);
    /* 第一，… / 一是… run-in heads are set bold, wider: their lines look short. */
    if (head == HEAD_RUNIN && !p_ends && !standalone_pattern(n->body))
        return true;
    if (ps == SHAPE_SHORT)
        return false;
    if (standalone_pattern(n->body) && (p_ends || ns != SHAPE_FULL))
        return false;
    /* 第二，… after a finished sentence opens the next run-in head. */
    if (p_ends && clean_head_pattern(n->body) == CLEAN_HEAD_ORDINAL)
        return false;
    if (head != HEAD_NONE && !p_ends && ns == SHAPE_INDENTED && n->width >= n->measure - 4)
        return true;
    /* A line ending in ，、；： leaves its sentence open. */
    int32_t last = text_last_cp(p->body);
    if ((last == 0xFF0C || last == 0x3001 || last == 0xFF1B || last == 0xFF1A) &&
        !standalone_pattern(n->body))
        return true;
    /* An indented-looking line that finishes its sentence is more likely
     * a last line than a paragraph of one line. */
    return !(ns == SHAPE_INDENTED && !clean_ends_sentence(n->body));
}

/* True if n continues the paragraph whose last line so far is p, with no
 * interruption between them; font: n follows p without a blank line. */
static bool pair_continues(const Line *p, const Line *n, bool font, HeadState head)
{
    if (p->flags & LF_END_MARK)
        return false;
    /* A short line without any punctuation is a head, not a last line,
     * after a finished sentence or at the start of a new text block. */
    bool bare = !clean_ends_sentence(n->body) && !text_has_any(n->body, "，。、；？！");
    if (line_shape(n) != SHAPE_FULL && bare &&
        (clean_ends_sentence(p->body) || (n->flags & LF_LEAD_SPACE)))
        return false;
    return font ? font_continues(p, n) : column_continues(p, n, head);
}

/* True if the open fragment [first, last] is one parenthetical, （…）,
 * closed at its end: a note such as （摘自…） is over. */
static bool paren_closed(const CleanDoc *doc, int first, int last)
{
    if (!text_starts(doc->lines[first].body, "（") ||
        text_last_cp(doc->lines[last].body) != 0xFF09)
        return false;
    int depth = 0;
    for (int i = first; i <= last; i++) {
        const char *s = doc->lines[i].body;
        for (size_t k = 0; doc->lines[i].kind == LK_BODY && s[k]; k++) {
            depth += text_starts(s + k, "（");
            depth -= text_starts(s + k, "）");
            if (depth <= 0 && (i < last || s[k + 3] != '\0'))
                return false; /* closed before the end: （一）… */
        }
    }
    return true;
}

/* The HeadState of the open fragment [first, last]. A 第一，… head is
 * run-in even when its sentence ended on the first line. */
static HeadState head_state(const CleanDoc *doc, int first, int last)
{
    CleanHeadPattern p = clean_head_pattern(doc->lines[first].body);
    if (p == CLEAN_HEAD_NONE)
        return HEAD_NONE;
    HeadState open = p == CLEAN_HEAD_ORDINAL || p == CLEAN_HEAD_ENUM ? HEAD_RUNIN : HEAD_OPEN;
    if (open == HEAD_RUNIN && first == last)
        return HEAD_RUNIN;
    for (int i = first; i <= last; i++)
        if (doc->lines[i].kind == LK_BODY && text_has_any(doc->lines[i].body, "。！？："))
            return HEAD_NONE;
    return open;
}

/* Notes after the end mark (发言人：…, （作者：…）) end with a sentence,
 * a closing bracket, a short line or the next note; their last line need
 * not end with punctuation. */
static bool note_continues(const CleanDoc *doc, int first, const Line *p, const Line *n)
{
    if (text_is_note(n->body) || (p->flags & LF_END_MARK))
        return false;
    if (text_starts(doc->lines[first].body, "（"))
        return true; /* until its bracket closes (paren_closed) */
    /* Notes are set indented by a character: a line of measure-1 is full. */
    int32_t last = text_last_cp(p->body);
    return !clean_ends_sentence(p->body) &&
           (p->width >= p->measure - 8 || last == 0xFF0C || last == 0x3001);
}

/* ---- Fragments --------------------------------------------------------------------- */

typedef struct FragBuilder {
    CleanDoc *doc;
    Frag *open;        /* fragment being filled, or NULL */
    int last;          /* index of its last body line */
    bool interrupted;  /* something other than body text since `last` */
    bool page_break;   /* a running head since `last` */
    bool headline;     /* a headline since `last` */
    bool in_notes;     /* the open fragment is a note after an end mark */
    bool notes_next;   /* an end mark or a note came last: notes may follow */
    int item_kind;     /* kind of the last item for headline/box grouping, -1 none */
} FragBuilder;

static Item *add_item(CleanDoc *doc, ItemKind kind)
{
    doc->items = doc_grow(doc, doc->items, doc->nitems, &doc->cap_items, sizeof(Item));
    Item *it = &doc->items[doc->nitems++];
    memset(it, 0, sizeof *it);
    it->kind = kind;
    return it;
}

/* True if fragment f, closed by a paragraph break, is a heading: it starts
 * with 一、/（一） and has no sentence in it, or is one full line without
 * one (headings are not indented). */
static bool frag_is_heading(const CleanDoc *doc, const Frag *f)
{
    const Line *first = &doc->lines[f->first];
    for (int i = f->first; i <= f->last; i++) {
        const Line *l = &doc->lines[i];
        if (l->kind == LK_BODY && (clean_ends_sentence(l->body) || text_has_any(l->body, "。！？")))
            return false;
    }
    if (standalone_pattern(first->body))
        return true;
    return f->first == f->last && !f->after_break && line_shape(first) == SHAPE_FULL;
}

static Dangle line_dangle(const Line *l)
{
    if (l->flags & LF_END_MARK)
        return DANGLE_END;
    if (line_shape(l) == SHAPE_SHORT)
        return DANGLE_NONE;
    return clean_ends_sentence(l->body) ? DANGLE_MAYBE : DANGLE_SURE;
}

/* Ends the open fragment; by_break: the paragraph ended (rather than
 * being interrupted, after which it may go on). */
static void close_frag(FragBuilder *fb, bool by_break)
{
    Frag *f = fb->open;
    if (!f)
        return;
    f->last = fb->last;
    f->dangle = line_dangle(&fb->doc->lines[f->last]);
    if (by_break && f->dangle == DANGLE_SURE && frag_is_heading(fb->doc, f))
        f->dangle = DANGLE_NONE;
    fb->notes_next = fb->notes_next || f->dangle == DANGLE_END;
    fb->open = NULL;
}

static void open_frag(FragBuilder *fb, int i, bool after_break, bool discont)
{
    Frag *f = ARENA_NEW(&fb->doc->arena, Frag);
    f->first = f->last = i;
    f->after_break = after_break;
    f->page_break = fb->page_break;
    f->after_headline = fb->headline;
    f->discont = discont;
    f->first_shape = line_shape(&fb->doc->lines[i]);
    fb->in_notes = fb->notes_next && text_is_note(fb->doc->lines[i].body);
    fb->notes_next = fb->in_notes;
    add_item(fb->doc, ITEM_FRAG)->frag = f;
    fb->open = f;
    fb->last = i;
    fb->page_break = false;
    fb->headline = false;
}

static void add_body_line(FragBuilder *fb, int i)
{
    const Line *l = &fb->doc->lines[i];
    /* A line starting with a space right after another begins a new text
     * block: the same paragraph going on, or anything after an interruption. */
    bool new_block = (l->flags & LF_GLUED) && (l->flags & LF_LEAD_SPACE);
    bool font = (l->flags & LF_GLUED) && !new_block;
    if (fb->open && !fb->interrupted) {
        const Line *p = &fb->doc->lines[fb->last];
        bool over = paren_closed(fb->doc, fb->open->first, fb->last);
        bool goes_on = fb->in_notes ? note_continues(fb->doc, fb->open->first, p, l)
                                    : pair_continues(p, l, font,
                                                     head_state(fb->doc, fb->open->first, fb->last));
        if (!over && goes_on) {
            if (p->flags & LF_TRAIL_GAP)
                doc_report(fb->doc, p->no, "the line ends in a wide space and its paragraph "
                           "goes on: check for a printed gap (U+3000) before the next line");
            fb->last = i;
            fb->open->last = i;
            return;
        }
        bool note = fb->in_notes;
        close_frag(fb, true);
        Dangle prev = fb->doc->items[fb->doc->nitems - 1].frag->dangle;
        open_frag(fb, i, new_block, prev == DANGLE_SURE && !new_block && !note);
    } else {
        bool had_text = fb->open || fb->doc->nitems > 0;
        close_frag(fb, false);
        open_frag(fb, i, had_text && (fb->interrupted || new_block), false);
    }
    fb->interrupted = false;
    fb->item_kind = -1;
}

/* Headline and box lines: consecutive ones (blank lines between allowed)
 * form one item. */
static void add_group_line(FragBuilder *fb, int i, ItemKind kind)
{
    close_frag(fb, false);
    Item *prev = fb->doc->nitems ? &fb->doc->items[fb->doc->nitems - 1] : NULL;
    if (fb->item_kind == (int)kind && prev && prev->kind == kind) {
        prev->last = i;
    } else {
        Item *it = add_item(fb->doc, kind);
        it->first = it->last = i;
    }
    fb->item_kind = (int)kind;
    fb->interrupted = true;
    fb->headline = fb->headline || kind == ITEM_HEADLINE;
}

static void add_furniture(FragBuilder *fb, int i)
{
    fb->interrupted = true;
    fb->page_break = true;
    fb->item_kind = -1;
    for (int h = 0; h < fb->doc->nheads; h++)
        if (fb->doc->heads[h].line == fb->doc->lines[i].no)
            add_item(fb->doc, ITEM_HEAD)->head = h;
}

void blocks_build(CleanDoc *doc)
{
    FragBuilder fb = {.doc = doc, .item_kind = -1};
    for (int i = 0; i < doc->nlines; i++) {
        switch (doc->lines[i].kind) {
        case LK_BLANK:
            break;
        case LK_FURNITURE:
            add_furniture(&fb, i);
            break;
        case LK_HEADLINE:
            add_group_line(&fb, i, ITEM_HEADLINE);
            break;
        case LK_BOX:
            add_group_line(&fb, i, ITEM_BOX);
            break;
        case LK_BODY:
            add_body_line(&fb, i);
            break;
        }
    }
    close_frag(&fb, true);
}
