/* test_linebreak.c - our break opportunities against Unicode's
 * LineBreakTest.txt for the classes of Chinese running text; every
 * difference must be one tests/spec/linebreak-deviations.txt intends.
 * Skips (77) when the Debian package unicode-data is not installed. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "text/charclass.h"

#define TEST_FILE "/usr/share/unicode/auxiliary/LineBreakTest.txt"
#define DEVIATIONS "tests/spec/linebreak-deviations.txt"
#define MAX_DEV 512

static const char *const scope[] = {"ID", "CL", "CP", "OP", "NS", "EX", "AL", "NU", "IS",
                                    "PO", "PR", "QU", "B2", "IN", "BA", "HY", "SP", NULL};

typedef struct Deviation {
    unsigned a, b;
    bool seen;
} Deviation;

static Deviation dev[MAX_DEV];
static int n_dev;

static bool in_scope(const char *cls)
{
    for (const char *const *s = scope; *s; s++)
        if (strcmp(*s, cls) == 0)
            return true;
    return false;
}

static void load_deviations(void)
{
    FILE *f = fopen(DEVIATIONS, "r");
    char line[512];
    while (f && fgets(line, sizeof line, f))
        if (line[0] != '#' && n_dev < MAX_DEV &&
            sscanf(line, "%x %x", &dev[n_dev].a, &dev[n_dev].b) == 2)
            n_dev++;
    if (f)
        fclose(f);
}

static Deviation *find_deviation(unsigned a, unsigned b)
{
    for (int i = 0; i < n_dev; i++)
        if (dev[i].a == a && dev[i].b == b)
            return &dev[i];
    return NULL;
}

/* Reads "× A ÷ B ÷  # … (CLA) … (CLB) …"; false for other lines. */
static bool parse_pair(const char *line, unsigned *a, unsigned *b, bool *brk, char *ca, char *cb)
{
    char m1[8], m2[8], m3[8], extra[16];
    if (line[0] == '#' || sscanf(line, "%7s %x %7s %x %7s", m1, a, m2, b, m3) != 5)
        return false;
    if (sscanf(line, "%*s %*x %*s %*x %*s %15s", extra) == 1 && extra[0] != '#')
        return false; /* longer sequences */
    const char *hash = strchr(line, '#');
    const char *p1 = hash ? strchr(hash, '(') : NULL;
    const char *p2 = p1 ? strchr(p1 + 1, '(') : NULL;
    if (!p2 || sscanf(p1, "(%7[A-Z0-9_])", ca) != 1 || sscanf(p2, "(%7[A-Z0-9_])", cb) != 1)
        return false;
    *brk = strcmp(m2, "÷") == 0;
    return true;
}

int main(void)
{
    FILE *f = fopen(TEST_FILE, "r");
    if (!f) {
        printf("no %s (Debian package unicode-data)\n", TEST_FILE);
        return 77;
    }
    load_deviations();
    char line[4096], ca[8], cb[8];
    int pairs = 0;
    while (fgets(line, sizeof line, f)) {
        unsigned a, b;
        bool uax;
        if (!parse_pair(line, &a, &b, &uax, ca, cb) || !in_scope(ca) || !in_scope(cb))
            continue;
        pairs++;
        bool ours = charclass_may_break(charclass_of((int32_t)a), (int32_t)a,
                                        charclass_of((int32_t)b), (int32_t)b);
        Deviation *d = find_deviation(a, b);
        if (d)
            d->seen = true;
        if ((ours == uax) == (d == NULL)) {
            harness_passed++;
            continue;
        }
        harness_failed++;
        printf("%04X %04X (%s %s): UAX #14 %s, ours %s, %s\n", a, b, ca, cb, uax ? "÷" : "×",
               ours ? "÷" : "×", d ? "listed as a deviation but agrees" : "not a listed deviation");
    }
    fclose(f);
    for (int i = 0; i < n_dev; i++)
        CHECK(dev[i].seen);
    printf("%d pairs in scope, %d intended deviations\n", pairs, n_dev);
    return harness_summary();
}
