/* times.c - per-stage wall times; see times.h. */
#include "times.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <time.h>

static bool enabled;
static struct timespec start, last;

static double ms_between(struct timespec a, struct timespec b)
{
    return (double)(b.tv_sec - a.tv_sec) * 1e3 + (double)(b.tv_nsec - a.tv_nsec) / 1e6;
}

void times_start(bool verbose)
{
    const char *env = getenv("REPRINT_TIMES");
    enabled = verbose || (env && env[0] && !(env[0] == '0' && !env[1]));
    clock_gettime(CLOCK_MONOTONIC, &start);
    last = start;
}

void times_mark(const char *stage)
{
    if (!enabled)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    fprintf(stderr, "reprint: time: %s %.1f ms\n", stage, ms_between(last, now));
    last = now;
}

void times_report(void)
{
    if (!enabled)
        return;
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    double cpu = (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
                 (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
    fprintf(stderr, "reprint: time: total %.1f ms wall, %.1f ms cpu, %ld MB peak rss\n",
            ms_between(start, now), cpu, ru.ru_maxrss / 1024);
}
