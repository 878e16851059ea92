/* embed.c - the faces a PDF embeds, cut down before Cairo sees them.
 *
 * Cairo 1.16 reads the whole CFF table of a face it embeds (17.6 MB for a
 * Noto CJK face, twice) and maps every new glyph back to a character
 * through the cmap. So each face the pages draw with is first cut to the
 * glyphs they use (text_subset_face), opened from memory, and glyph ids
 * are translated as they are drawn (FaceCut.new_id); the page data stays
 * as composed. Cairo then subsets and embeds faces of a few hundred
 * kilobytes.
 *
 * The cuts are independent, so they run on up to EMBED_THREADS threads
 * (the body face, the largest cut, first). Each face's bytes depend only
 * on the face and its glyphs, so the PDF is the same whatever the threads
 * do. REPRINT_EMBED_THREADS=1 cuts on one thread; REPRINT_NO_CUT=1 hands
 * Cairo the whole faces (to compare, or should a font defeat hb-subset).
 */
#include "render_impl.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"

enum { EMBED_THREADS = 2, MAX_CP = 0x110000 };

/* What the pages draw with one face: glyph ids and the characters set
 * with them, each once. */
typedef struct FaceUse {
    unsigned char *seen_gid, *seen_cp; /* bitmaps; seen_gid NULL: face not drawn */
    uint32_t *gid, *cp;
    size_t n_gid, n_cp, cap_cp;
} FaceUse;

typedef struct CutJob {
    const TextCtx *t;
    FaceTable *ft;
    FaceUse *use;         /* per face */
    int next;             /* next face to cut (under lock) */
    pthread_mutex_t lock;
} CutJob;

static bool test_and_set(unsigned char *bits, uint32_t i)
{
    bool was = bits[i / 8] & (1u << i % 8);
    bits[i / 8] |= (unsigned char)(1u << i % 8);
    return was;
}

static void use_glyph(FaceUse *u, const Glyph *gl)
{
    if (!u->seen_gid) {
        u->seen_gid = xcalloc(EMBED_GLYPHS / 8, 1);
        u->seen_cp = xcalloc(MAX_CP / 8, 1);
        u->gid = xmalloc(sizeof(uint32_t) * EMBED_GLYPHS);
    }
    if (!test_and_set(u->seen_gid, gl->id))
        u->gid[u->n_gid++] = gl->id;
    uint32_t cp = (uint32_t)gl->cp;
    if (gl->cluster_start && cp < MAX_CP && !test_and_set(u->seen_cp, cp)) {
        if (u->n_cp == u->cap_cp) {
            u->cap_cp = u->cap_cp ? 2 * u->cap_cp : 1024;
            u->cp = xrealloc(u->cp, sizeof(uint32_t) * u->cap_cp);
        }
        u->cp[u->n_cp++] = cp;
    }
}

/* Every glyph the pages draw (as draw_text does), by face. */
static void collect_glyphs(CutJob *job, const Pages *p)
{
    for (int pg = 0; pg < p->n_pages; pg++) {
        const Page *page = &p->page[pg];
        for (int i = 0; i < page->n_items; i++) {
            const PageItem *it = &page->item[i];
            for (int g = it->g0; it->kind == ITEM_TEXT && g < it->g1; g++) {
                const Glyph *gl = &it->s->glyph[g];
                if (gl->face >= 0 && gl->face < job->ft->n && gl->id < EMBED_GLYPHS)
                    use_glyph(&job->use[gl->face], gl);
            }
        }
    }
}

static void cut_face(CutJob *job, int f)
{
    const FaceUse *u = &job->use[f];
    FaceCut *cut = &job->ft->cut[f];
    uint32_t *ids = xmalloc(sizeof(uint32_t) * (u->n_gid + 1));
    cut->data = text_subset_face(job->t, f, u->gid, u->n_gid, u->cp, u->n_cp, ids, &cut->len);
    if (cut->data) {
        cut->new_id = xcalloc(EMBED_GLYPHS, sizeof(uint32_t));
        for (size_t i = 0; i < u->n_gid; i++)
            cut->new_id[u->gid[i]] = ids[i];
    }
    free(ids);
}

/* A worker: cuts the next face nobody has taken until none is left. */
static void *cut_faces(void *arg)
{
    CutJob *job = arg;
    for (;;) {
        pthread_mutex_lock(&job->lock);
        int f = job->next;
        while (f < job->ft->n && !job->use[f].seen_gid)
            f++;
        job->next = f + 1;
        pthread_mutex_unlock(&job->lock);
        if (f >= job->ft->n)
            return NULL;
        cut_face(job, f);
    }
}

static int thread_count(int faces)
{
    const char *env = getenv("REPRINT_EMBED_THREADS");
    int n = env && *env ? atoi(env) : EMBED_THREADS;
    if (n > EMBED_THREADS)
        n = EMBED_THREADS;
    return n < 1 ? 1 : n > faces ? faces : n;
}

void faces_cut(FaceTable *ft, const TextCtx *t, const Pages *p)
{
    const char *off = getenv("REPRINT_NO_CUT");
    if (off && *off && strcmp(off, "0") != 0)
        return;
    CutJob job = {.t = t, .ft = ft};
    job.use = xcalloc((size_t)ft->n + 1, sizeof *job.use);
    collect_glyphs(&job, p);
    int faces = 0;
    for (int f = 0; f < ft->n; f++)
        faces += job.use[f].seen_gid != NULL;
    pthread_mutex_init(&job.lock, NULL);
    pthread_t helper[EMBED_THREADS];
    int started = 0;
    for (int i = 1; i < thread_count(faces); i++)
        if (pthread_create(&helper[started], NULL, cut_faces, &job) == 0)
            started++;
    cut_faces(&job); /* this thread works too; a helper that failed to start is no loss */
    for (int i = 0; i < started; i++)
        pthread_join(helper[i], NULL);
    pthread_mutex_destroy(&job.lock);
    for (int f = 0; f < ft->n; f++) {
        FaceUse *u = &job.use[f];
        free(u->seen_gid), free(u->seen_cp), free(u->gid), free(u->cp);
    }
    free(job.use);
}
