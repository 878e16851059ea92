/* file.c - file helpers; see file.h. */
#include "file.h"

#include <errno.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"

char *file_read(Diag *d, const char *path, size_t *len)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        diag_error(d, srcloc_file(path), "cannot open: %s", strerror(errno));
        return NULL;
    }
    Buf b;
    buf_init(&b);
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0)
        buf_put(&b, chunk, n);
    bool failed = ferror(fp);
    int err = errno;
    fclose(fp);
    if (failed) {
        diag_error(d, srcloc_file(path), "cannot read: %s", strerror(err));
        buf_fini(&b);
        return NULL;
    }
    *len = b.len;
    return buf_detach(&b);
}

/* ---- interrupted builds ------------------------------------------------
 * While a temporary output file is open, SIGINT, SIGTERM and SIGHUP remove
 * it before the process dies, so an interrupted build leaves the previous
 * output as it was and no partial file. The handler may only use what is
 * async-signal-safe: it unlinks names copied into fixed slots beforehand. */

enum { CLEANUP_SLOTS = 8 };
static char cleanup_path[CLEANUP_SLOTS][PATH_MAX];
static volatile sig_atomic_t cleanup_armed[CLEANUP_SLOTS];
static const int cleanup_signals[] = {SIGINT, SIGTERM, SIGHUP};

static void cleanup_on_signal(int sig)
{
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        if (cleanup_armed[i])
            unlink(cleanup_path[i]);
    signal(sig, SIG_DFL);
    raise(sig);
}

/* Installs the handler once, leaving alone signals the caller ignores
 * (nohup). */
static void cleanup_install(void)
{
    static bool installed;
    if (installed)
        return;
    installed = true;
    for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0]; i++) {
        struct sigaction old, sa = {.sa_handler = cleanup_on_signal};
        sigemptyset(&sa.sa_mask);
        if (sigaction(cleanup_signals[i], NULL, &old) == 0 && old.sa_handler == SIG_IGN)
            continue;
        sigaction(cleanup_signals[i], &sa, NULL);
    }
}

/* Blocks (block = true) or restores the cleanup signals around the moments
 * a temporary file exists but is not yet (or no longer) in a slot. */
static void cleanup_block(bool block, sigset_t *saved)
{
    if (block) {
        sigset_t set;
        sigemptyset(&set);
        for (size_t i = 0; i < sizeof cleanup_signals / sizeof cleanup_signals[0]; i++)
            sigaddset(&set, cleanup_signals[i]);
        sigprocmask(SIG_BLOCK, &set, saved);
    } else {
        sigprocmask(SIG_SETMASK, saved, NULL);
    }
}

/* Puts path in a free slot; returns the slot or -1 (too long, or all in
 * use: the file is then only removed on ordinary failures). */
static int cleanup_arm(const char *path)
{
    size_t n = strlen(path);
    for (int i = 0; n < PATH_MAX && i < CLEANUP_SLOTS; i++) {
        if (!cleanup_armed[i]) {
            memcpy(cleanup_path[i], path, n + 1);
            cleanup_armed[i] = 1;
            return i;
        }
    }
    return -1;
}

static void cleanup_disarm(const char *path)
{
    for (int i = 0; i < CLEANUP_SLOTS; i++)
        if (cleanup_armed[i] && strcmp(cleanup_path[i], path) == 0)
            cleanup_armed[i] = 0;
}

/* ---- atomic output files --------------------------------------------- */

const char *atomic_begin(AtomicFile *f, Diag *d, const char *path)
{
    f->path = xstrdup(path);
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s.tmp-XXXXXX", path);
    f->tmp_path = buf_detach(&b);
    cleanup_install();
    sigset_t saved;
    cleanup_block(true, &saved);
    int fd = mkstemp(f->tmp_path);
    if (fd >= 0)
        cleanup_arm(f->tmp_path);
    cleanup_block(false, &saved);
    if (fd < 0) {
        diag_error(d, srcloc_file(path), "cannot create output file: %s", strerror(errno));
        free(f->tmp_path);
        f->tmp_path = NULL;
        return NULL;
    }
    mode_t mask = umask(0);
    umask(mask);
    fchmod(fd, 0666 & ~mask);
    close(fd);
    return f->tmp_path;
}

bool atomic_commit(AtomicFile *f, Diag *d)
{
    if (!f->tmp_path)
        return false;
    sigset_t saved;
    cleanup_block(true, &saved);
    int rc = rename(f->tmp_path, f->path);
    int err = errno;
    if (rc == 0)
        cleanup_disarm(f->tmp_path);
    cleanup_block(false, &saved);
    if (rc != 0) {
        diag_error(d, srcloc_file(f->path), "cannot write output file: %s", strerror(err));
        atomic_abort(f);
        return false;
    }
    free(f->tmp_path);
    f->tmp_path = NULL;
    free(f->path);
    f->path = NULL;
    return true;
}

void atomic_abort(AtomicFile *f)
{
    if (f->tmp_path) {
        sigset_t saved;
        cleanup_block(true, &saved);
        unlink(f->tmp_path);
        cleanup_disarm(f->tmp_path);
        cleanup_block(false, &saved);
        free(f->tmp_path);
        f->tmp_path = NULL;
    }
    free(f->path);
    f->path = NULL;
}

char *file_dirname(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return xstrdup(".");
    if (slash == path)
        return xstrdup("/");
    size_t n = (size_t)(slash - path);
    char *s = xmalloc(n + 1);
    memcpy(s, path, n);
    s[n] = '\0';
    return s;
}

char *file_join(const char *dir, const char *name)
{
    if (name[0] == '/' || !dir || !dir[0])
        return xstrdup(name);
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s/%s", dir, name);
    return buf_detach(&b);
}

bool file_exists(const char *path)
{
    struct stat st;
    return stat(path, &st) == 0;
}
