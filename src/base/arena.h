/* arena.h - bump allocator for everything a stage builds.
 *
 * Each stage's result owns one Arena; freeing the result is one call.
 * Allocation is zeroed and aborts on out-of-memory, so callers never check
 * for NULL (house style §4).
 */
#ifndef REPRINT_ARENA_H
#define REPRINT_ARENA_H

#include <stddef.h>

typedef struct ArenaBlock ArenaBlock;

typedef struct Arena {
    ArenaBlock *head; /* newest block; older blocks chain behind it */
    size_t used;      /* bytes used in head */
    size_t total;     /* bytes handed out over the arena's life (for statistics) */
} Arena;

void arena_init(Arena *a);
void arena_fini(Arena *a);
/* Returns zeroed memory aligned for any type, valid until arena_fini(). */
void *arena_alloc(Arena *a, size_t size);
/* Copies len bytes of s and appends a NUL. */
char *arena_strndup(Arena *a, const char *s, size_t len);
char *arena_strdup(Arena *a, const char *s);
/* Grows an arena array: returns a copy of old (n elements) with room for cap. */
void *arena_grow(Arena *a, void *old, size_t n, size_t cap, size_t elem);

#define ARENA_NEW(a, T) ((T *)arena_alloc((a), sizeof(T)))
#define ARENA_ARRAY(a, T, n) ((T *)arena_alloc((a), sizeof(T) * (size_t)(n)))

/* Heap helpers that abort on out-of-memory. */
void *xmalloc(size_t size);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t size);
char *xstrdup(const char *s);

#endif
