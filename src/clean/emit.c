/* emit.c - issue.yaml, the article files and clean-report.txt.
 *
 * YAML and Markdown are written as text: strings always double-quoted
 * (only " and \ need escaping in them), Markdown escaped in classify.c.
 * Each file goes to a temporary name and is renamed when complete.
 */
#include "clean/clean_int.h"

#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "base/file.h"

/* ---- Names ------------------------------------------------------------------------ */

void clean_article_filename(const CleanDoc *doc, int i, Buf *out)
{
    int a = doc->order[i];
    buf_printf(out, "%02d-%s.md", i + 1, doc->articles[a].is_box ? "box" : "article");
}

/* The first value the running heads agree on for a field. */
static const char *head_field(const CleanDoc *doc, size_t offset)
{
    for (int h = 0; h < doc->nheads; h++) {
        const char *v = *(const char *const *)((const char *)&doc->heads[h] + offset);
        if (v)
            return v;
    }
    return NULL;
}

static const char *section_title(const CleanDoc *doc, int a)
{
    int s = doc->articles[a].section;
    return s >= 0 && doc->heads[s].section ? doc->heads[s].section : "";
}

/* ---- issue.yaml ------------------------------------------------------------------------ */

static void yaml_value(Buf *out, const char *key, const char *s)
{
    buf_printf(out, "%s: \"", key);
    for (; s && *s; s++) {
        if (*s == '"' || *s == '\\')
            buf_putc(out, '\\');
        buf_putc(out, *s);
    }
    buf_puts(out, "\"\n");
}

/* A monthly's issue number is its month: 2022年第8期 → 2022-08-01. */
static void issue_date(const char *issue, char date[16])
{
    int year = 0, number = 0;
    date[0] = '\0';
    if (issue && sscanf(issue, "%d年第%d期", &year, &number) == 2 && year > 1800 &&
        year < 3000 && number >= 1 && number <= 12)
        snprintf(date, 16, "%04d-%02d-01", year, number);
}

static void write_sections(const CleanDoc *doc, Buf *out)
{
    buf_puts(out, "sections:\n");
    const char *open = NULL;
    for (int i = 0; i < doc->nout; i++) {
        const char *title = section_title(doc, doc->order[i]);
        if (!open || strcmp(open, title) != 0) {
            buf_puts(out, "  - ");
            yaml_value(out, "title", title);
            buf_puts(out, "    articles:\n");
            open = title;
        }
        buf_puts(out, "      - ");
        clean_article_filename(doc, i, out);
        buf_putc(out, '\n');
    }
}

void clean_issue_yaml(const CleanDoc *doc, Buf *out)
{
    const char *issue = head_field(doc, offsetof(RunningHead, issue));
    char date[16];
    issue_date(issue, date);
    buf_printf(out, "# Cleaned by `reprint clean` from %s; clean-report.txt lists what to check.\n",
               doc->path);
    yaml_value(out, "magazine", doc->magazine);
    yaml_value(out, "issue", issue);
    yaml_value(out, "serial", head_field(doc, offsetof(RunningHead, serial)));
    yaml_value(out, "date", date);
    buf_puts(out, "language: zh-Hans\n");
    if (doc->layout)
        yaml_value(out, "layout", doc->layout);
    else
        buf_puts(out, "layout: default  # the design in layout/ to set this issue with\n");
    write_sections(doc, out);
}

/* ---- Report ------------------------------------------------------------------------------- */

void clean_report_text(const CleanDoc *doc, Buf *out)
{
    int n = doc->nreport;
    ReportEntry *sorted = xmalloc(sizeof(ReportEntry) * (size_t)(n + 1));
    /* Insertion sort: stable, so entries on one line keep their order. */
    for (int i = 0; i < n; i++) {
        int j = i;
        while (j > 0 && sorted[j - 1].line > doc->report[i].line) {
            sorted[j] = sorted[j - 1];
            j--;
        }
        sorted[j] = doc->report[i];
    }
    buf_printf(out, "# clean-report.txt: %d places where `reprint clean` was not sure, by raw line\n"
                    "# number of %s. Check each against the printed issue.\n",
               n, doc->path);
    for (int i = 0; i < n; i++) {
        if (sorted[i].line > 0)
            buf_printf(out, "%s:%d: %s\n", doc->path, sorted[i].line, sorted[i].msg);
        else
            buf_printf(out, "%s: %s\n", doc->path, sorted[i].msg);
    }
    free(sorted);
}

/* ---- Files --------------------------------------------------------------------------------- */

/* mkdir -p. */
static bool make_dirs(Diag *d, const char *dir)
{
    char *path = xstrdup(dir);
    bool ok = true;
    for (char *p = path + 1; ok; p++) {
        bool end = *p == '\0';
        if (*p != '/' && !end)
            continue;
        *p = '\0';
        if (mkdir(path, 0777) != 0 && errno != EEXIST) {
            diag_error(d, srcloc_file(path), "cannot create directory: %s", strerror(errno));
            ok = false;
        }
        if (end)
            break;
        *p = '/';
    }
    free(path);
    return ok;
}

static bool write_file(Diag *d, const char *dir, const char *name, const Buf *content)
{
    char *path = file_join(dir, name);
    AtomicFile f = {0};
    const char *tmp = atomic_begin(&f, d, path);
    bool ok = false;
    if (tmp) {
        FILE *fp = fopen(tmp, "wb");
        ok = fp && fwrite(buf_str(content), 1, content->len, fp) == content->len;
        ok = fp && fclose(fp) == 0 && ok;
        if (!ok)
            diag_error(d, srcloc_file(path), "cannot write: %s", strerror(errno));
    }
    if (ok)
        ok = atomic_commit(&f, d);
    else
        atomic_abort(&f);
    free(path);
    return ok;
}

/* True if name looks like an article file of ours (NN-….md). */
static bool article_name(const char *name)
{
    size_t n = strlen(name);
    return n > 6 && name[0] >= '0' && name[0] <= '9' && name[1] >= '0' && name[1] <= '9' &&
           name[2] == '-' && strcmp(name + n - 3, ".md") == 0;
}

/* Warns about article files an earlier run left that this one did not
 * write: issue.yaml no longer lists them. They are not deleted (an editor
 * may have worked on them). */
static void warn_stale(const CleanDoc *doc, Diag *d, const char *out_dir)
{
    DIR *dir = opendir(out_dir);
    struct dirent *e;
    Buf name;
    buf_init(&name);
    while (dir && (e = readdir(dir)) != NULL) {
        if (!article_name(e->d_name))
            continue;
        bool ours = false;
        for (int i = 0; i < doc->nout && !ours; i++) {
            buf_reset(&name);
            clean_article_filename(doc, i, &name);
            ours = strcmp(buf_str(&name), e->d_name) == 0;
        }
        if (!ours) {
            char *path = file_join(out_dir, e->d_name);
            diag_warn(d, srcloc_file(path), "left from an earlier run; not in issue.yaml");
            free(path);
        }
    }
    if (dir)
        closedir(dir);
    buf_fini(&name);
}

int clean_write(CleanDoc *doc, Diag *d, const char *out_dir)
{
    if (!make_dirs(d, out_dir))
        return 2;
    Buf name, text;
    buf_init(&name);
    buf_init(&text);
    bool ok = true;
    for (int i = 0; i < doc->nout && ok; i++) {
        buf_reset(&name);
        buf_reset(&text);
        clean_article_filename(doc, i, &name);
        clean_article_markdown(doc, i, &text);
        ok = write_file(d, out_dir, buf_str(&name), &text);
    }
    buf_reset(&text);
    clean_issue_yaml(doc, &text);
    ok = ok && write_file(d, out_dir, "issue.yaml", &text);
    buf_reset(&text);
    clean_report_text(doc, &text);
    ok = ok && write_file(d, out_dir, "clean-report.txt", &text);
    buf_fini(&name);
    buf_fini(&text);
    if (ok)
        warn_stale(doc, d, out_dir);
    return ok ? 0 : 2;
}
