/* test_para_spec.c - the line breaker against the cases in
 * the .txt files of tests/spec/para (synthetic metrics: CJK 1 em, ASCII ½ em).
 *
 * A case:
 *     === name
 *     measure 6            line length in em
 *     indent 2             first-line indent in em (optional)
 *     style 全角           行末半角 (default), 全角, 开明, none
 *     align center         justify (default), left, center, right
 *     fit first            total (default) or first
 *     looseness 1          one line more (or -1: less) than the best setting
 *     width                also print each line's set width in em
 *     text 文文文文文文・字字
 *     ---
 *     文文文文文
 *     文・字字
 * (a blank line or the next "===" ends the expected lines). With UPDATE=1
 * the actual lines are printed in the same format, to review and paste.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../harness.h"
#include "base/buf.h"
#include "para/para.h"
#include "synth.h"

#define SPEC_DIR "tests/spec/para"

typedef struct Case {
    char name[4096];
    char text[4096];
    ParaOpts opts;
    bool widths;
    Buf expect;
} Case;

static void set_option(Case *c, const char *key, const char *val)
{
    if (strcmp(key, "measure") == 0)
        c->opts.measure = (int32_t)(atof(val) * SYNTH_EM);
    else if (strcmp(key, "indent") == 0)
        c->opts.first_indent = (int32_t)(atof(val) * SYNTH_EM);
    else if (strcmp(key, "style") == 0)
        c->opts.punct = strcmp(val, "全角") == 0   ? PUNCT_FULL
                        : strcmp(val, "开明") == 0 ? PUNCT_KAIMING
                        : strcmp(val, "none") == 0 ? PUNCT_NONE
                                                   : PUNCT_LINE_END_HALF;
    else if (strcmp(key, "align") == 0)
        c->opts.align = strcmp(val, "center") == 0  ? ALIGN_CENTER
                        : strcmp(val, "left") == 0  ? ALIGN_LEFT
                        : strcmp(val, "right") == 0 ? ALIGN_RIGHT
                                                    : ALIGN_JUSTIFY;
    else if (strcmp(key, "fit") == 0)
        c->opts.first_fit = strcmp(val, "first") == 0;
    else if (strcmp(key, "looseness") == 0)
        c->opts.looseness = atoi(val);
    else if (strcmp(key, "width") == 0)
        c->widths = true;
    else if (strcmp(key, "text") == 0)
        snprintf(c->text, sizeof c->text, "%s", val);
    else
        printf("unknown case option \"%s\"\n", key);
}

/* The lines of the case as text, one per line. */
static void run_case(const Case *c, Buf *out)
{
    Arena ar;
    arena_init(&ar);
    Diag d;
    diag_init(&d, NULL, "test");
    const Shaped *s = synth_shape(&ar, c->text);
    ParaLines *p = para_break(&ar, &d, s, &c->opts, srcloc("case", 1, 1));
    for (int i = 0; i < p->n; i++) {
        const Line *l = &p->line[i];
        int b0 = s->glyph[l->g0].byte, b1 = l->g1 < s->n ? s->glyph[l->g1].byte : s->len;
        buf_put(out, s->text + b0, (size_t)(b1 - b0));
        if (c->widths)
            buf_printf(out, " @%.2f", l->width / (double)SYNTH_EM);
        buf_putc(out, '\n');
    }
    arena_fini(&ar);
}

static void finish_case(Case *c, const char *file, bool update)
{
    if (!c->name[0])
        return;
    Buf got;
    buf_init(&got);
    run_case(c, &got);
    if (update) {
        printf("=== %s\n%s\n", c->name, buf_str(&got));
    } else if (strcmp(buf_str(&got), buf_str(&c->expect)) == 0) {
        harness_passed++;
    } else {
        harness_failed++;
        printf("%s: %s\n--- want\n%s--- got\n%s\n", file, c->name, buf_str(&c->expect),
               buf_str(&got));
    }
    buf_fini(&got);
    buf_fini(&c->expect);
    memset(c, 0, sizeof *c);
}

static void run_file(const char *path, bool update)
{
    FILE *f = fopen(path, "r");
    char line[4096];
    Case c;
    memset(&c, 0, sizeof c);
    bool in_expect = false;
    while (f && fgets(line, sizeof line, f)) {
        line[strcspn(line, "\n")] = '\0';
        if (strncmp(line, "=== ", 4) == 0) {
            finish_case(&c, path, update);
            snprintf(c.name, sizeof c.name, "%s", line + 4);
            in_expect = false;
        } else if (strcmp(line, "---") == 0) {
            in_expect = true;
        } else if (in_expect && line[0]) {
            buf_printf(&c.expect, "%s\n", line);
        } else if (!in_expect && line[0] && line[0] != '#') {
            char *sp = strchr(line, ' ');
            if (sp)
                *sp = '\0';
            set_option(&c, line, sp ? sp + 1 : "");
        }
    }
    finish_case(&c, path, update);
    if (f)
        fclose(f);
}

int main(void)
{
    bool update = getenv("UPDATE") && strcmp(getenv("UPDATE"), "1") == 0;
    DIR *dir = opendir(SPEC_DIR);
    if (!dir)
        return 2;
    struct dirent *e;
    char path[512];
    while ((e = readdir(dir))) {
        size_t n = strlen(e->d_name);
        if (n < 4 || strcmp(e->d_name + n - 4, ".txt") != 0)
            continue;
        snprintf(path, sizeof path, "%s/%s", SPEC_DIR, e->d_name);
        run_file(path, update);
    }
    closedir(dir);
    return update ? 0 : harness_summary();
}
