/* harness.h - the whole unit-test framework: checks, a summary, an exit code.
 *
 * Each test binary prints one line per failed check and ends with
 * "N passed, N failed"; it exits 1 if anything failed.
 */
#ifndef REPRINT_HARNESS_H
#define REPRINT_HARNESS_H

#include <stdio.h>
#include <string.h>

static int harness_passed, harness_failed;

#define CHECK(cond)                                                                    \
    do {                                                                               \
        if (cond) {                                                                    \
            harness_passed++;                                                          \
        } else {                                                                       \
            harness_failed++;                                                          \
            printf("%s:%d: check failed: %s\n", __FILE__, __LINE__, #cond);           \
        }                                                                              \
    } while (0)

#define CHECK_INT(got, want)                                                           \
    do {                                                                               \
        long long g_ = (long long)(got), w_ = (long long)(want);                       \
        if (g_ == w_) {                                                                \
            harness_passed++;                                                          \
        } else {                                                                       \
            harness_failed++;                                                          \
            printf("%s:%d: %s is %lld, want %lld\n", __FILE__, __LINE__, #got, g_, w_); \
        }                                                                              \
    } while (0)

#define CHECK_STR(got, want)                                                           \
    do {                                                                               \
        const char *g_ = (got), *w_ = (want);                                          \
        if (g_ && w_ && strcmp(g_, w_) == 0) {                                         \
            harness_passed++;                                                          \
        } else {                                                                       \
            harness_failed++;                                                          \
            printf("%s:%d: %s is\n  \"%s\"\nwant\n  \"%s\"\n", __FILE__, __LINE__, #got, \
                   g_ ? g_ : "(null)", w_ ? w_ : "(null)");                            \
        }                                                                              \
    } while (0)

static inline int harness_summary(void)
{
    printf("%d passed, %d failed\n", harness_passed, harness_failed);
    return harness_failed ? 1 : 0;
}

#endif
