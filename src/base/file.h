/* file.h - whole-file reading and all-or-nothing writing. */
#ifndef REPRINT_FILE_H
#define REPRINT_FILE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

/* Reads path into a NUL-terminated heap buffer; *len gets its size.
 * Reports an environment error through d and returns NULL on failure. */
char *file_read(Diag *d, const char *path, size_t *len);

/* An output file that appears under its final name only when committed:
 * data goes to a temporary file in the same directory, renamed on commit. */
typedef struct AtomicFile {
    char *path;     /* final name */
    char *tmp_path; /* temporary name, NULL when none is open */
} AtomicFile;

/* Creates the temporary file; returns its path (to hand to a writer) or NULL.
 * Until commit or abort, SIGINT, SIGTERM or SIGHUP remove the temporary file
 * before the process dies (the handler is installed on first use). */
const char *atomic_begin(AtomicFile *f, Diag *d, const char *path);
/* Renames the temporary file to the final name; false on failure (reported). */
bool atomic_commit(AtomicFile *f, Diag *d);
/* Removes the temporary file, if any; safe to call twice. */
void atomic_abort(AtomicFile *f);

/* Returns the directory part of path ("." if none), heap-allocated. */
char *file_dirname(const char *path);
/* Joins dir and name unless name is absolute; heap-allocated. */
char *file_join(const char *dir, const char *name);
bool file_exists(const char *path);

#endif
