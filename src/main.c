/* main.c - the reprint command line: arguments → pipeline → exit status.
 *
 *   reprint build ISSUE_DIR [-o FILE.pdf] [--layout FILE] [--png DIR [--dpi N]]
 *                 [--print [--marks] | --archive] [--dump=tree|runs|lines|pages]
 *   reprint clean RAW.txt -o DIR
 *   reprint fonts [ISSUE_DIR | --layout FILE]
 *
 * Exit status: 0 success (warnings allowed), 1 errors in the input,
 * 2 usage or environment errors.
 */
#include <dirent.h>
#include <errno.h>
#include <stddef.h>
#include <stdbool.h>
#include <limits.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/diag.h"
#include "base/file.h"
#include "base/progress.h"
#include "base/times.h"
#include "check/check.h"
#include "clean/clean.h"
#include "doc/doc.h"
#include "page/page.h"
#include "pdfpost/pdfpost.h"
#include "render/render.h"
#include "style/style.h"
#include "text/text.h"

#define VERSION "0.1.0"

enum { EXIT_INPUT = 1, EXIT_USAGE = 2 };

/* PNG previews: at 110 dpi 10.5pt text is 16 pixels high, where Chinese
 * characters become readable (at 80 they were not). */
#define PNG_DPI 110

static const char usage[] =
    "usage: reprint build ISSUE_DIR [-o FILE.pdf] [--layout FILE] [--png DIR [--dpi N]]\n"
    "                     [--print [--marks] | --archive | --proof]\n"
    "                     [--dump=tree|runs|lines|pages] [--first-fit] [-q | -v]\n"
    "       reprint check ISSUE_DIR [--layout FILE] [--json] [--strict] [--first-fit] [-q | -v]\n"
    "       reprint clean RAW.txt -o DIR [--layout NAME] [-q]\n"
    "       reprint fonts [ISSUE_DIR | --layout FILE] [-q]\n"
    "       reprint --help | --version\n";

static const char help[] =
    "reprint typesets a Chinese magazine issue from its cleaned text into a PDF.\n"
    "\n"
    "Commands:\n"
    "  build ISSUE_DIR      typeset the issue in ISSUE_DIR (issue.yaml + articles)\n"
    "    -o FILE.pdf        output file (default out/<issue dir name>.pdf)\n"
    "    --layout FILE      use this layout instead of the one issue.yaml names\n"
    "    --png DIR          also write one PNG per page into DIR\n"
    "    --dpi N            resolution of the PNGs (default 110)\n"
    "    --print            print file (PDF/X-4 style): trim + bleed, TrimBox/BleedBox,\n"
    "                       black in K only, CMYK output intent from the layout\n"
    "    --marks            with --print: crop marks outside the bleed\n"
    "    --archive          archival file (PDF/A-2b style): XMP, sRGB output intent\n"
    "    --proof            editor's proof (PDF and PNG): trim, bleed, type area and\n"
    "                       baseline grid drawn, lines to look at and content\n"
    "                       warnings marked in the margin\n"
    "    --dump=STAGE       print a stage as text instead of writing files:\n"
    "                       tree (document), runs (shaped text), lines, pages\n"
    "    --first-fit        break lines greedily, not by total fit (to compare)\n"
    "  check ISSUE_DIR      typeset without writing a PDF and report per article:\n"
    "                       pages, lines, loose and tight lines, push-outs,\n"
    "                       compressed marks, 孤字 avoided, missing glyphs, warnings\n"
    "    --json             the report as JSON on stdout\n"
    "    --strict           exit 1 when there are warnings or lines to look at\n"
    "  clean RAW.txt -o DIR turn a raw PDF text extraction into an issue skeleton\n"
    "                       (issue.yaml, one .md per article, clean-report.txt);\n"
    "                       DIR must be new or empty: one that holds an issue is refused\n"
    "    --layout NAME      the design issue.yaml names (a layout/ name or a path)\n"
    "  fonts                print each role's font family, style and file\n"
    "\n"
    "Options of every command:\n"
    "  -q                   quiet: only errors on stderr (no warnings, no progress;\n"
    "                       check still prints its report)\n"
    "  -v                   (build, check) verbose: what was written, the time of each stage\n"
    "\n"
    "Progress (pages done) goes to stderr when it is a terminal.\n"
    "Environment: REPRINT_DATA (directory holding layout/ and fonts/),\n"
    "SOURCE_DATE_EPOCH (the PDF's date, for reproducible files).\n"
    "\n"
    "Exit status: 0 success, 1 errors in the input (check --strict: also warnings),\n"
    "2 usage or environment errors.\n";

typedef struct Options {
    const char *command;
    const char *input;
    const char *output;
    const char *layout;
    const char *png_dir;
    const char *dump;
    int dpi;
    bool first_fit;
    bool print, marks, archive; /* which PDF: distribution unless one is set */
    bool proof;                 /* distribution PDF/PNG with the editor's marks */
    bool json, strict;          /* check: the report as JSON; warnings fail */
    bool quiet, verbose;        /* -q: errors only; -v: what was written, stage times */
} Options;

/* ---- arguments -------------------------------------------------------- */

static int usage_error(const char *fmt, const char *arg)
{
    fprintf(stderr, "reprint: error: ");
    fprintf(stderr, fmt, arg);
    fprintf(stderr, "\n%s", usage);
    return EXIT_USAGE;
}

/* Whether command takes option a (an unknown command takes all: the
 * command's own error is the one to report). */
static bool option_allowed(const char *command, const char *a)
{
    static const char *const allowed[][2] = {
        {"build", " -o --layout --png --dpi --print --marks --archive --proof --dump --first-fit "
                  "-q -v "},
        {"check", " --layout --json --strict --first-fit -q -v "},
        {"clean", " -o --layout -q "},
        {"fonts", " --layout -q "},
    };
    char name[32];
    snprintf(name, sizeof name, " %.*s ", (int)strcspn(a, "="), a);
    for (size_t i = 0; i < sizeof allowed / sizeof allowed[0]; i++)
        if (strcmp(command, allowed[i][0]) == 0)
            return strstr(allowed[i][1], name) != NULL;
    return true;
}

static int parse_flag(Options *o, const char *a)
{
    static const struct {
        const char *name;
        size_t offset;
    } flags[] = {
        {"--first-fit", offsetof(Options, first_fit)}, {"--print", offsetof(Options, print)},
        {"--marks", offsetof(Options, marks)},         {"--archive", offsetof(Options, archive)},
        {"--proof", offsetof(Options, proof)},         {"--json", offsetof(Options, json)},
        {"--strict", offsetof(Options, strict)},       {"-q", offsetof(Options, quiet)},
        {"-v", offsetof(Options, verbose)},
    };
    for (size_t i = 0; i < sizeof flags / sizeof flags[0]; i++)
        if (strcmp(a, flags[i].name) == 0) {
            *(bool *)((char *)o + flags[i].offset) = true;
            return 1;
        }
    return 0;
}

static int parse_option(Options *o, int argc, char **argv, int *i)
{
    const char *a = argv[*i];
    const char **target = NULL;
    if (!option_allowed(o->command, a)) {
        char what[80];
        snprintf(what, sizeof what, "%s has no option \"%%s\"", o->command);
        return usage_error(what, a);
    }
    if (parse_flag(o, a))
        return 0;
    if (strcmp(a, "-o") == 0)
        target = &o->output;
    else if (strcmp(a, "--layout") == 0)
        target = &o->layout;
    else if (strcmp(a, "--png") == 0)
        target = &o->png_dir;
    else if (strncmp(a, "--dump=", 7) == 0) {
        o->dump = a + 7;
        if (strcmp(o->dump, "tree") && strcmp(o->dump, "runs") && strcmp(o->dump, "lines") &&
            strcmp(o->dump, "pages"))
            return usage_error("unknown dump \"%s\" (tree, runs, lines or pages)", o->dump);
        return 0;
    } else if (strcmp(a, "--dpi") == 0) {
        if (++*i >= argc)
            return usage_error("%s needs a value", a);
        char *end;
        long v = strtol(argv[*i], &end, 10);
        if (*end || v < 10 || v > 1200)
            return usage_error("--dpi must be a number from 10 to 1200, not \"%s\"", argv[*i]);
        o->dpi = (int)v;
        return 0;
    } else
        return usage_error("unknown option \"%s\"", a);
    if (++*i >= argc)
        return usage_error("%s needs a value", a);
    *target = argv[*i];
    return 0;
}

static int parse_args(Options *o, int argc, char **argv)
{
    for (int i = 2; i < argc; i++) {
        if (argv[i][0] == '-' && argv[i][1]) {
            int rc = parse_option(o, argc, argv, &i);
            if (rc)
                return rc;
        } else if (!o->input) {
            o->input = argv[i];
        } else {
            return usage_error("unexpected argument \"%s\"", argv[i]);
        }
    }
    if (o->print && o->archive)
        return usage_error("%s", "--print and --archive make different files; choose one");
    if (o->marks && !o->print)
        return usage_error("%s", "--marks needs --print");
    if (o->quiet && o->verbose)
        return usage_error("%s", "-q and -v contradict each other; choose one");
    if (o->proof && (o->print || o->archive))
        return usage_error("%s", "--proof marks a copy for editors; it cannot be a --print or "
                                 "--archive file");
    return 0;
}

/* ---- where the project's data lives ---------------------------------- */

/* The directory holding layout/ and fonts/: $REPRINT_DATA, else
 * share/reprint beside the executable's directory (an installed copy),
 * else the directory above it (the source tree: build/..). The installed
 * copy comes first, so a PREFIX that happens to hold fonts/ cannot win. */
static char *data_dir(void)
{
    const char *env = getenv("REPRINT_DATA");
    if (env && env[0])
        return xstrdup(env);
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n <= 0)
        return xstrdup(".");
    exe[n] = '\0';
    char *bin = file_dirname(exe);
    char *parent = file_dirname(bin); /* not bin/.., which messages would show */
    char *candidates[2] = {file_join(parent, "share/reprint"), xstrdup(parent)};
    free(parent);
    char *found = NULL;
    for (int i = 0; i < 2; i++) {
        char *conf = file_join(candidates[i], "fonts/fonts.conf");
        if (!found && file_exists(conf))
            found = xstrdup(candidates[i]);
        free(conf);
        free(candidates[i]);
    }
    free(bin);
    return found ? found : xstrdup(".");
}

/* ---- build ------------------------------------------------------------ */

/* Creation date: SOURCE_DATE_EPOCH if set (reproducible builds), else the
 * issue's date, so the same input always gives the same bytes. */
static void creation_date(const Doc *doc, char out[32])
{
    const char *epoch = getenv("SOURCE_DATE_EPOCH");
    char *end = NULL;
    long long v = epoch ? strtoll(epoch, &end, 10) : 0;
    if (epoch && end && !*end && v >= 0) {
        time_t t = (time_t)v;
        struct tm tm;
        gmtime_r(&t, &tm);
        strftime(out, 32, "%Y-%m-%dT%H:%M:%S", &tm);
        return;
    }
    snprintf(out, 32, "%.10sT00:00:00", doc->date);
}

/* out/<last component of the issue directory>.pdf */
static char *default_output(const char *issue_dir)
{
    size_t n = strlen(issue_dir);
    while (n > 1 && issue_dir[n - 1] == '/')
        n--;
    size_t start = n;
    while (start > 0 && issue_dir[start - 1] != '/')
        start--;
    Buf b;
    buf_init(&b);
    buf_printf(&b, "out/%.*s.pdf", (int)(n - start), issue_dir + start);
    return buf_detach(&b);
}

/* Post-step options for the kind of PDF asked for; false (reported) when
 * the layout lacks what --print needs. */
static bool post_options(const Options *o, Diag *d, const Doc *doc, const Layout *l,
                         const char *date, PdfPostOpts *po)
{
    *po = (PdfPostOpts){.kind = o->print     ? PDFPOST_PRINT
                                : o->archive ? PDFPOST_ARCHIVE
                                             : PDFPOST_DISTRIBUTION,
                        .date = date, .language = doc->language,
                        .trim_width = l->page_width / (double)STYLE_UNIT,
                        .trim_height = l->page_height / (double)STYLE_UNIT,
                        .bleed = l->bleed / (double)STYLE_UNIT, .proof = o->proof};
    if (o->archive)
        po->profile = PDFPOST_SRGB_PROFILE;
    if (o->print && !l->print_profile) {
        diag_error(d, srcloc_file(l->path), "--print needs the press profile: add "
                                            "print: {profile: FILE.icc, condition: NAME}");
        return false;
    }
    if (o->print)
        po->profile = l->print_profile, po->condition = l->print_condition;
    return true;
}

/* Cairo's PDF goes to a temporary next to out, the post-step writes the
 * final file to another temporary, renamed only when all went well. */
static bool write_pdf(const RenderOpts *base, Diag *d, const Pages *p, const TextCtx *t,
                      const RenderMeta *meta, const PdfPostOpts *po, const char *out)
{
    static const double registration[3] = PDFPOST_REGISTRATION_RGB;
    AtomicFile raw = {0}, f = {0};
    RenderOpts ro = *base;
    ro.mark_rgb = registration; /* the post-step makes it the registration colour */
    const char *raw_tmp = atomic_begin(&raw, d, out);
    const char *tmp = raw_tmp ? atomic_begin(&f, d, out) : NULL;
    bool ok = tmp && render_pdf(d, p, t, meta, &ro, raw_tmp, out);
    times_mark("render");
    if (ok)
        progress_note("finishing the PDF (boxes, intents, metadata)");
    ok = ok && pdfpost_run(d, po, raw_tmp, tmp, out) && atomic_commit(&f, d);
    times_mark("pdfpost");
    atomic_abort(&raw);
    if (!ok)
        atomic_abort(&f);
    return ok;
}

/* What render draws besides the pages: the print geometry and, for a
 * proof, the content warnings of `reprint check` to mark (*notes, to free). */
static RenderOpts render_options(const Options *o, const Doc *doc, ProofNote **notes)
{
    RenderOpts ro = {.print = o->print, .marks = o->marks, .proof = o->proof};
    *notes = NULL;
    if (!o->proof)
        return ro;
    int n;
    CheckNote *found = check_notes(doc, &n);
    *notes = xcalloc((size_t)n + 1, sizeof **notes);
    for (int i = 0; i < n; i++)
        (*notes)[i] = (ProofNote){found[i].para, found[i].byte};
    free(found);
    ro.notes = *notes;
    ro.n_notes = n;
    return ro;
}

/* -v: what was written where. */
static void say_written(const Options *o, const char *path, int pages, const char *what)
{
    if (!o->verbose)
        return;
    struct stat st;
    if (strcmp(what, "PDF") == 0 && stat(path, &st) == 0)
        fprintf(stderr, "reprint: wrote %s: %d pages, %lld KB\n", path, pages,
                (long long)(st.st_size + 1023) / 1024);
    else
        fprintf(stderr, "reprint: wrote %d %s into %s\n", pages, what, path);
}

static int write_outputs(const Options *o, Diag *d, const Doc *doc, const Pages *p,
                         const TextCtx *t)
{
    char date[32];
    creation_date(doc, date);
    Buf title, subject;
    buf_init(&title);
    buf_init(&subject);
    buf_printf(&title, "《%s》%s（%s）", doc->magazine, doc->issue, doc->serial);
    buf_printf(&subject, "%s %s", doc->issue, doc->serial);
    RenderMeta meta = {buf_str(&title), doc->magazine, buf_str(&subject), date};
    char *out = o->output ? xstrdup(o->output) : default_output(doc->dir);
    if (!o->output)
        mkdir("out", 0777);
    PdfPostOpts po;
    ProofNote *notes;
    RenderOpts ro = render_options(o, doc, &notes);
    int rc = 0;
    if (!post_options(o, d, doc, p->layout, date, &po))
        rc = EXIT_INPUT;
    else if (!write_pdf(&ro, d, p, t, &meta, &po, out))
        rc = EXIT_USAGE;
    if (rc == 0)
        say_written(o, out, p->n_pages, "PDF");
    if (rc == 0 && o->png_dir) {
        mkdir(o->png_dir, 0777);
        if (!render_png(d, p, t, &ro, o->png_dir, o->dpi ? o->dpi : PNG_DPI))
            rc = EXIT_USAGE;
        else
            say_written(o, o->png_dir, p->n_pages, "PNG pages");
    }
    free(notes);
    free(out);
    buf_fini(&title);
    buf_fini(&subject);
    return rc;
}

static void dump_runs(const Pages *p, const TextCtx *t)
{
    for (int i = 0; i < p->n_paras; i++)
        text_dump_runs(p->para[i]->shaped, t, stdout);
}

static int dump_stage(const char *stage, const Pages *p, const TextCtx *t)
{
    if (strcmp(stage, "runs") == 0)
        dump_runs(p, t);
    else if (strcmp(stage, "lines") == 0)
        page_dump_lines(p, stdout);
    else
        page_dump(p, stdout);
    return 0;
}

/* check: the report on stdout; exit 1 on errors (with --strict also on
 * warnings and lines to look at). */
static int report_check(const Options *o, Diag *d, const Doc *doc, const Pages *p,
                        const TextCtx *t, CheckLog *log)
{
    CheckReport *r = check_report(doc, p, t, log);
    if (o->json)
        check_print_json(r, stdout);
    else
        check_print_text(r, stdout);
    const CheckCounts *c = check_totals(r);
    bool fail = d->errors || (o->strict && (c->warnings || check_lines_to_look_at(r) ||
                                            check_pages_to_look_at(r)));
    check_report_free(r);
    return fail ? EXIT_INPUT : 0;
}

/* issue.yaml names a design that is not there: say where it was named and
 * which designs there are. */
static void missing_design(Diag *d, const Doc *doc, const char *data)
{
    char *dir = file_join(data, "layout");
    Buf names;
    buf_init(&names);
    DIR *dp = opendir(dir);
    for (struct dirent *e; dp && (e = readdir(dp));) {
        size_t n = strlen(e->d_name);
        if (n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0)
            buf_printf(&names, "%s%.*s", names.len ? ", " : "", (int)(n - 5), e->d_name);
    }
    if (dp)
        closedir(dp);
    diag_error(d, doc->layout_at, "no design file %s; the designs in %s are: %s (or give a path)",
               doc->layout_path, dir, names.len ? buf_str(&names) : "none");
    buf_fini(&names);
    free(dir);
}

/* Typesets the loaded doc, then writes the files, a dump, or (with log)
 * the check report; returns the exit status. */
static int typeset(const Options *o, Diag *d, const Doc *doc, const char *data,
                   CheckLog *log)
{
    Arena arena;
    arena_init(&arena);
    const char *layout_path = o->layout ? o->layout : doc->layout_path;
    Layout *l = NULL;
    if (!o->layout && layout_path && !file_exists(layout_path))
        missing_design(d, doc, data);
    else if (layout_path)
        l = style_load(&arena, d, layout_path);
    char *conf = file_join(data, "fonts/fonts.conf");
    int rc = l ? 0 : EXIT_INPUT;
    TextCtx *t = l ? text_open(d, conf, l, doc->language) : NULL;
    if (l && !t)
        rc = EXIT_USAGE;
    times_mark("style+fonts");
    Pages *p = t ? page_build(d, doc, l, t, o->first_fit) : NULL;
    times_mark("shape+break+compose");
    progress_clear();
    if (p && log)
        rc = report_check(o, d, doc, p, t, log);
    else if (p && d->errors)
        rc = EXIT_INPUT;
    else if (p && o->dump)
        rc = dump_stage(o->dump, p, t);
    else if (p)
        rc = write_outputs(o, d, doc, p, t);
    progress_clear();
    times_mark(log ? "check" : o->dump ? "dump" : "png");
    page_free(p);
    text_close(t);
    free(conf);
    arena_fini(&arena);
    return rc;
}

/* build and check: load the issue, then typeset it. */
static int load_and_typeset(const Options *o, Diag *d, CheckLog *log)
{
    if (!o->input)
        return usage_error("%s needs an issue directory", o->command);
    char *data = data_dir();
    char *layout_dir = file_join(data, "layout");
    times_start(o->verbose);
    Doc *doc = doc_load(d, o->input, layout_dir);
    times_mark("parse");
    int rc;
    if (!doc || (d->errors && !log))
        rc = EXIT_INPUT;
    else if (o->dump && strcmp(o->dump, "tree") == 0)
        doc_dump(doc, stdout), rc = 0;
    else
        rc = typeset(o, d, doc, data, log);
    doc_free(doc);
    free(layout_dir);
    free(data);
    times_mark("free");
    times_report();
    return rc;
}

static int cmd_build(const Options *o, Diag *d)
{
    return load_and_typeset(o, d, NULL);
}

/* Warnings go into the report (stdout), not also to stderr; errors to both. */
static int cmd_check(const Options *o, Diag *d)
{
    CheckLog *log = check_log_new();
    d->sink = check_log_add;
    d->sink_ctx = log;
    d->quiet = true;
    int rc = load_and_typeset(o, d, log);
    check_log_free(log);
    return rc;
}

/* ---- fonts and clean -------------------------------------------------- */

static int cmd_fonts(const Options *o, Diag *d)
{
    char *data = data_dir();
    char *layout_dir = file_join(data, "layout");
    char *layout = o->layout ? xstrdup(o->layout) : file_join(layout_dir, "tianjin-zhengxie.yaml");
    Doc *doc = o->input ? doc_load(d, o->input, layout_dir) : NULL;
    const char *path = doc && doc->layout_path ? doc->layout_path : layout;
    Arena arena;
    arena_init(&arena);
    Layout *l = style_load(&arena, d, path);
    char *conf = file_join(data, "fonts/fonts.conf");
    TextCtx *t = l ? text_open(d, conf, l, "zh-Hans") : NULL;
    for (int i = 0; t && i < ROLE_COUNT; i++) {
        const FontFace *f = text_role_face(t, (RoleId)i);
        printf("%-13s %-18s %-10s %s:%d\n", style_role_name((RoleId)i), f->family, f->style,
               f->file, f->index);
    }
    int rc = t ? 0 : l ? EXIT_USAGE : EXIT_INPUT;
    text_close(t);
    arena_fini(&arena);
    doc_free(doc);
    free(conf), free(layout), free(layout_dir), free(data);
    return rc;
}

static int cmd_clean(const Options *o, Diag *d)
{
    if (!o->input || !o->output)
        return usage_error("%s", "clean needs RAW.txt and -o DIR");
    return clean_run(d, o->input, o->output, o->layout);
}

/* glibc hands blocks over 128 KB out as fresh mappings and gives freed
 * heap back early, so each cut face, qpdf's buffers and Cairo's streams
 * fault their pages in anew (~2 µs a fault on this VM). Keeping big blocks
 * on the heap and the heap's top: 17 % fewer page faults, 2–4 % less wall
 * time (docs/performance.md). A GLIBC_TUNABLES setting wins. */
static void tune_malloc(void)
{
#ifdef __GLIBC__
    if (getenv("GLIBC_TUNABLES"))
        return;
    mallopt(M_MMAP_THRESHOLD, 64 << 20);
    mallopt(M_TRIM_THRESHOLD, 256 << 20);
    mallopt(M_TOP_PAD, 64 << 20);
#endif
}

int main(int argc, char **argv)
{
    tune_malloc();
    if (argc < 2)
        return usage_error("%s", "no command given");
    if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0) {
        printf("%s\n%s", usage, help);
        return 0;
    }
    if (strcmp(argv[1], "--version") == 0) {
        printf("reprint %s\n", VERSION);
        return 0;
    }
    Options o = {.command = argv[1]};
    int rc = parse_args(&o, argc, argv);
    if (rc)
        return rc;
    Diag d;
    diag_init(&d, stderr, "reprint");
    d.quiet = o.quiet;
    bool long_job = strcmp(o.command, "build") == 0 || strcmp(o.command, "check") == 0;
    progress_enable(stderr, long_job && !o.quiet && isatty(STDERR_FILENO));
    if (strcmp(o.command, "build") == 0)
        return cmd_build(&o, &d);
    if (strcmp(o.command, "check") == 0)
        return cmd_check(&o, &d);
    if (strcmp(o.command, "fonts") == 0)
        return cmd_fonts(&o, &d);
    if (strcmp(o.command, "clean") == 0)
        return cmd_clean(&o, &d);
    return usage_error("unknown command \"%s\"", o.command);
}
