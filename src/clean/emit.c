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

/* True if output article i opens a section in issue.yaml: the first, or
 * one whose section name differs from its predecessor's. */
static bool opens_section(const CleanDoc *doc, int i)
{
    return i == 0 || strcmp(section_title(doc, doc->order[i - 1]),
                            section_title(doc, doc->order[i])) != 0;
}

int issue_section_count(const CleanDoc *doc)
{
    int n = 0;
    for (int i = 0; i < doc->nout; i++)
        n += opens_section(doc, i);
    return n;
}

static void write_sections(const CleanDoc *doc, Buf *out)
{
    buf_puts(out, "sections:\n");
    for (int i = 0; i < doc->nout; i++) {
        const char *title = section_title(doc, doc->order[i]);
        if (opens_section(doc, i)) {
            buf_puts(out, "  - ");
            yaml_value(out, "title", title);
            buf_puts(out, "    articles:\n");
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

/* Line of yaml on which top-level key starts, 0 if it has none. */
static int yaml_key_line(const char *yaml, const char *key)
{
    size_t kl = strlen(key);
    int line = 1;
    for (const char *p = yaml; *p; line++) {
        if (strncmp(p, key, kl) == 0 && p[kl] == ':')
            return line;
        p = strchr(p, '\n');
        if (!p)
            break;
        p++;
    }
    return 0;
}

/* " → FILE:LINE:" naming where the text an entry is about went (or
 * " → FILE:" when only the file is known); nothing if it went nowhere
 * (page furniture). yaml is the text of issue.yaml. */
static void entry_home(const CleanDoc *doc, const ReportEntry *e, const char *yaml, Buf *out)
{
    int md_line = 0;
    if (e->key) {
        buf_puts(out, " \xE2\x86\x92 issue.yaml");
        md_line = yaml_key_line(yaml, e->key);
    } else if (e->line > 0 && doc->homes && doc->homes[e->line - 1].article >= 0) {
        const LineHome *h = &doc->homes[e->line - 1];
        int i = 0;
        while (i < doc->nout && doc->order[i] != h->article)
            i++;
        if (i == doc->nout)
            return;
        buf_puts(out, " \xE2\x86\x92 ");
        clean_article_filename(doc, i, out);
        md_line = h->md_line;
    } else {
        return;
    }
    if (md_line > 0)
        buf_printf(out, ":%d", md_line);
    buf_putc(out, ':');
}

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
                    "# number of %s; \xE2\x86\x92 names the file of this directory (and its line)\n"
                    "# that holds the text. Check each against the printed issue.\n",
               n, doc->path);
    Buf yaml;
    buf_init(&yaml);
    clean_issue_yaml(doc, &yaml);
    for (int i = 0; i < n; i++) {
        buf_puts(out, doc->path);
        if (sorted[i].line > 0)
            buf_printf(out, ":%d", sorted[i].line);
        buf_putc(out, ':');
        entry_home(doc, &sorted[i], buf_str(&yaml), out);
        buf_printf(out, " %s\n", sorted[i].msg);
    }
    buf_fini(&yaml);
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

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n >= k && strcmp(s + n - k, suffix) == 0;
}

/* The file that shows dir already holds an issue: issue.yaml, else the
 * first .md by name; NULL if there is none (or no dir). Caller frees. */
static char *issue_file_in(const char *dir)
{
    char *yaml = file_join(dir, "issue.yaml");
    bool has_yaml = file_exists(yaml);
    free(yaml);
    if (has_yaml)
        return xstrdup("issue.yaml");
    char *first = NULL;
    DIR *dp = opendir(dir);
    struct dirent *e;
    while (dp && (e = readdir(dp)) != NULL)
        if (ends_with(e->d_name, ".md") && (!first || strcmp(e->d_name, first) < 0)) {
            free(first);
            first = xstrdup(e->d_name);
        }
    if (dp)
        closedir(dp);
    return first;
}

/* clean writes a fresh skeleton: into a directory the editor has worked
 * in, it would overwrite every edit (and leave stale article files that
 * issue.yaml no longer lists), so it refuses. Removing the directory is
 * the editor's explicit choice, not an option that is easy to add by habit. */
static bool refuse_issue_dir(Diag *d, const char *out_dir)
{
    char *held = issue_file_in(out_dir);
    if (held)
        diag_error(d, srcloc_file(out_dir), "already holds an issue (%s); clean writes a fresh "
                   "skeleton and would overwrite your edits: give a new directory, or remove "
                   "this one first", held);
    bool refused = held != NULL;
    free(held);
    return refused;
}

int clean_write(CleanDoc *doc, Diag *d, const char *out_dir)
{
    if (refuse_issue_dir(d, out_dir))
        return 1;
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
    return ok ? 0 : 2;
}
