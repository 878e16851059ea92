/* fuzz_manifest.c - libFuzzer target: issue.yaml through doc_load, in a
 * temporary directory that also holds two small articles (a.md, b.md) the
 * manifest may name. The input is the manifest. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/diag.h"
#include "doc/doc.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static char dir[] = "/tmp/reprint-fuzz-XXXXXX";
static char manifest[sizeof dir + 16];

static void put(const char *name, const void *data, size_t size)
{
    char path[sizeof dir + 16];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *fp = fopen(path, "wb");
    if (!fp || fwrite(data, 1, size, fp) != size)
        abort();
    fclose(fp);
}

static void setup(void)
{
    if (!mkdtemp(dir))
        abort();
    static const char a[] = "---\nkind: article\ntitle: \"标题\"\n---\n\n正文。\n";
    static const char b[] = "---\nkind: box\ntitle: [\"一\", \"二\"]\nnotes: [\"注\"]\n---\n\n## 一、\n\n**头**正文。■\n";
    put("a.md", a, sizeof a - 1);
    put("b.md", b, sizeof b - 1);
    snprintf(manifest, sizeof manifest, "%s/issue.yaml", dir);
}

static void teardown(void)
{
    char path[sizeof dir + 16];
    const char *names[] = {"a.md", "b.md", "issue.yaml"};
    for (int i = 0; i < 3; i++) {
        snprintf(path, sizeof path, "%s/%s", dir, names[i]);
        unlink(path);
    }
    rmdir(dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!manifest[0]) {
        setup();
        atexit(teardown);
    }
    put("issue.yaml", data, size);
    Diag d;
    diag_init(&d, NULL, "fuzz");
    Doc *doc = doc_load(&d, dir, "layout");
    doc_free(doc);
    return 0;
}
