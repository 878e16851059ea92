/* file.c - file helpers; see file.h. */
#include "file.h"

#include <errno.h>
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

const char *atomic_begin(AtomicFile *f, Diag *d, const char *path)
{
    f->path = xstrdup(path);
    Buf b;
    buf_init(&b);
    buf_printf(&b, "%s.tmp-XXXXXX", path);
    f->tmp_path = buf_detach(&b);
    int fd = mkstemp(f->tmp_path);
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
    if (rename(f->tmp_path, f->path) != 0) {
        diag_error(d, srcloc_file(f->path), "cannot write output file: %s", strerror(errno));
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
        unlink(f->tmp_path);
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
