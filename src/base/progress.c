/* progress.c - the progress line; see progress.h. */
#include "progress.h"

#include <time.h>

static FILE *out;
static bool on, showing;
static struct timespec start, last_drawn;

static long ms_since(struct timespec then)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (long)(now.tv_sec - then.tv_sec) * 1000 + (now.tv_nsec - then.tv_nsec) / 1000000;
}

void progress_enable(FILE *to, bool enable)
{
    out = to;
    on = enable && to;
    showing = false;
    clock_gettime(CLOCK_MONOTONIC, &start);
}

static void draw(const char *what, int done, int total)
{
    /* \033[K erases what a longer previous line left behind. */
    if (total > 0)
        fprintf(out, "\rreprint: %s %d of %d\033[K", what, done, total);
    else
        fprintf(out, "\rreprint: %s\033[K", what);
    fflush(out);
    showing = true;
    clock_gettime(CLOCK_MONOTONIC, &last_drawn);
}

void progress_step(const char *what, int done, int total)
{
    if (!on || ms_since(start) < PROGRESS_DELAY_MS)
        return;
    if (showing && done < total && ms_since(last_drawn) < PROGRESS_EVERY_MS)
        return;
    draw(what, done, total);
}

void progress_note(const char *what)
{
    if (on && ms_since(start) >= PROGRESS_DELAY_MS)
        draw(what, 0, 0);
}

void progress_clear(void)
{
    if (!showing)
        return;
    fputs("\r\033[K", out);
    fflush(out);
    showing = false;
}
