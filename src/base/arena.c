/* arena.c - bump allocator; see arena.h. */
#include "arena.h"

#include <stdalign.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define BLOCK_MIN (64 * 1024)

struct ArenaBlock {
    ArenaBlock *prev;
    size_t size;
    alignas(max_align_t) unsigned char data[];
};

static void out_of_memory(size_t size)
{
    fprintf(stderr, "reprint: fatal: out of memory (%zu bytes)\n", size);
    abort();
}

void *xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *xcalloc(size_t n, size_t size)
{
    void *p = calloc(n ? n : 1, size ? size : 1);
    if (!p)
        out_of_memory(n * size);
    return p;
}

void *xrealloc(void *p, size_t size)
{
    void *q = realloc(p, size ? size : 1);
    if (!q)
        out_of_memory(size);
    return q;
}

char *xstrdup(const char *s)
{
    size_t n = strlen(s) + 1;
    return memcpy(xmalloc(n), s, n);
}

void arena_init(Arena *a)
{
    a->head = NULL;
    a->used = 0;
    a->total = 0;
}

void arena_fini(Arena *a)
{
    ArenaBlock *b = a->head;
    while (b) {
        ArenaBlock *prev = b->prev;
        free(b);
        b = prev;
    }
    arena_init(a);
}

void *arena_alloc(Arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) & ~(align - 1);
    if (!a->head || a->used + size > a->head->size) {
        size_t cap = size > BLOCK_MIN ? size : BLOCK_MIN;
        ArenaBlock *b = xmalloc(sizeof(ArenaBlock) + cap);
        b->prev = a->head;
        b->size = cap;
        a->head = b;
        a->used = 0;
    }
    void *p = a->head->data + a->used;
    a->used += size;
    a->total += size;
    memset(p, 0, size);
    return p;
}

char *arena_strndup(Arena *a, const char *s, size_t len)
{
    char *p = arena_alloc(a, len + 1);
    memcpy(p, s, len);
    return p;
}

char *arena_strdup(Arena *a, const char *s)
{
    return arena_strndup(a, s, strlen(s));
}

void *arena_grow(Arena *a, void *old, size_t n, size_t cap, size_t elem)
{
    void *p = arena_alloc(a, cap * elem);
    if (old && n)
        memcpy(p, old, n * elem);
    return p;
}
