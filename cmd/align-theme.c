/*
 * align-theme - step 6: name the themes.  Groups the response records
 * into theme records, labels and ranks them, keeps the themes people
 * edited, and passes every other record through.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "../lib/out.h"
#include "../lib/reader.h"
#include "../lib/text.h"
#include "../lib/theme.h"
#include "../lib/writer.h"
#include "tool.h"

static const char usage[] =
"usage: align-theme [-i file] [-f format] [--max-themes n] [--min-support n]\n"
"                   [--seed n] [--synonyms file] [--no-lexicon]\n"
"                   [--method name] [--threshold x] [--rename theme=label]\n"
"                   [--merge theme,theme] [--move response=theme]\n"
"                   [--min-group n] [file ...]\n"
"\n"
"Group the responses into themes, label and rank them.\n"
"\n"
"  -f, --format f          yaml (stream), or text, markdown, csv, html (the\n"
"                          themes; html a page); text on a terminal, else\n"
"                          yaml\n"
"  -i, --in-place file     update file atomically\n"
"      --max-themes n      keep the n best automatic themes (default: all)\n"
"      --min-support n     a theme needs n participants (default 2)\n"
"      --seed n            the sampler's seed (default 1)\n"
"      --synonyms file     more words and phrases for the same concepts\n"
"      --no-lexicon        leave out the default lexicon\n"
"      --method name       auto, linkage or gsdmm (default auto)\n"
"      --threshold x       linkage: least average similarity (default: the\n"
"                          cut the data choose)\n"
"      --rename t=label    rename a theme of the input\n"
"      --merge t,t         merge themes of the input into the first\n"
"      --move r=t          move a response to a theme of the input\n"
"      --min-group n       html: count no fewer than n people (default 3\n"
"                          for pseudonyms, else 1)\n"
"  -h, --help, -V, --version\n";

enum { O_MAX = 256, O_MIN, O_SEED, O_SYN, O_NOLEX, O_METHOD, O_THRESHOLD,
	O_RENAME, O_MERGE, O_MOVE, O_MIN_GROUP };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "in-place", required_argument, NULL, 'i' },
	{ "version", no_argument, NULL, 'V' },
	{ "max-themes", required_argument, NULL, O_MAX },
	{ "min-support", required_argument, NULL, O_MIN },
	{ "seed", required_argument, NULL, O_SEED },
	{ "synonyms", required_argument, NULL, O_SYN },
	{ "no-lexicon", no_argument, NULL, O_NOLEX },
	{ "method", required_argument, NULL, O_METHOD },
	{ "threshold", required_argument, NULL, O_THRESHOLD },
	{ "rename", required_argument, NULL, O_RENAME },
	{ "merge", required_argument, NULL, O_MERGE },
	{ "move", required_argument, NULL, O_MOVE },
	{ "min-group", required_argument, NULL, O_MIN_GROUP },
	{ NULL, 0, NULL, 0 }
};



/* What the command line asks for. */
struct args {
	struct align_theme_opts o;
	const char *inplace;
	enum align_format f;
	size_t min_group;
	/* The lists of the options, owned. */
	const char **syn, **ren, **mer, **mov;
};

static const struct align_theme_opts defaults = {
	.min_support = 2, .seed = 1, .method = "auto", .threshold = 0
};

static const char *
method(const char *s)
{
	if (strcmp(s, "auto") && strcmp(s, "linkage") && strcmp(s, "gsdmm"))
		tool_usage_error("--method: auto, linkage or gsdmm, not '%s'",
		    s);
	return s;
}

/* The options into a; *first the operands' index.  Longer than a
 * screen: one case a line for each of the tool's options, read as the
 * table of them. */
static void
options(int argc, char *argv[], struct args *a, int *first)
{
	const char *fmt = NULL;
	int c;

	a->o = defaults;
	while ((c = getopt_long(argc, argv, "f:hi:V", longopts, NULL)) != -1)
		switch (c) {
		case 'f': fmt = optarg; break;
		case 'h': tool_usage(0);
		case 'i': a->inplace = optarg; break;
		case 'V': tool_version();
		case O_MAX: a->o.max_themes = (size_t)tool_number(
		    "--max-themes", optarg, 0, 1000000); break;
		case O_MIN: a->o.min_support = (size_t)tool_number(
		    "--min-support", optarg, 0, 1000000); break;
		case O_SEED: a->o.seed = (uint64_t)tool_number("--seed",
		    optarg, 0, LLONG_MAX); break;
		case O_SYN: a->syn = tool_list_add(a->syn, &a->o.nsynonyms,
		    optarg); break;
		case O_NOLEX: a->o.no_lexicon = 1; break;
		case O_METHOD: a->o.method = method(optarg); break;
		case O_THRESHOLD:
			a->o.threshold = tool_real("--threshold", optarg, 0, 1);
			if (a->o.threshold == 0)
				tool_usage_error("--threshold: '%s' is too "
				    "small (above 0, at most 1)", optarg);
			break;
		case O_RENAME: a->ren = tool_list_add(a->ren, &a->o.nrename,
		    tool_text("--rename", optarg)); break;
		case O_MERGE: a->mer = tool_list_add(a->mer, &a->o.nmerge,
		    optarg); break;
		case O_MOVE: a->mov = tool_list_add(a->mov, &a->o.nmove,
		    optarg); break;
		case O_MIN_GROUP: a->min_group = (size_t)tool_number(
		    "--min-group", optarg, 1, 1000000); break;
		default: tool_usage(64);
		}
	if (a->inplace && argc > optind)
		tool_usage_error("-i takes no file operands");
	a->o.synonyms = a->syn;
	a->o.rename = a->ren;
	a->o.merge = a->mer;
	a->o.move = a->mov;
	a->f = fmt ? tool_format(fmt, ALIGN_FMT_YAML |
	    align_themes_formats()) : a->inplace ? ALIGN_FMT_YAML :
	    tool_default_format();
	/* Texts are kept only to be shown. */
	a->o.keep_text = a->f == ALIGN_FMT_TEXT ||
	    a->f == ALIGN_FMT_MARKDOWN || a->f == ALIGN_FMT_HTML;
	*first = optind;
}

static size_t nresponses;	/* in the input */

static int
take(void *t, const struct align_node *rec, struct align_err *e)
{
	const char *kind = align_record_kind(rec);

	nresponses += kind && strcmp(kind, "response") == 0;
	return align_themer_add(t, rec, e);
}

static struct align_node *
get(void *t, size_t i, struct align_err *e)
{
	return align_themer_record(t, i, e);
}

/* What the run says a person should know, on standard error. */
static void
tell(const struct align_themer *t)
{
	size_t i;

	for (i = 0; i < align_themer_notes(t); i++) {
		struct align_err n = ALIGN_ERR_INIT;

		align_err_set(&n, 0, NULL, 0, 0, "%s",
		    align_themer_note(t, i));
		tool_warn(&n);
	}
}

/* The themes in the format asked for, to standard output. */
static void
show_themes(struct align_themer *t, const struct args *a)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themes v;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show show = { .b = &b, .format = a->f,
	    .width = align_terminal_width(STDOUT_FILENO),
	    .color = tool_color(), .tool = tool_name,
	    .min_group = a->min_group };

	if (align_themes_make(&v, t, &e) < 0)
		tool_die(&e);
	align_themes_show(&v, &show);
	align_themes_release(&v);
	tool_print(&b);
}

int
main(int argc, char *argv[])
{
	struct args a;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t;
	struct tool_stream st = { .owned = "theme", .take = take };
	int first;

	tool_init("align-theme", usage);
#ifdef __GLIBC__
	/* Arrays of a MiB and more in memory of their own, given back when
	 * freed: the read's pools go while the themes are made, and glibc's
	 * threshold, raised by each such array freed, would keep them. */
	mallopt(M_MMAP_THRESHOLD, 1 << 20);
#endif
	memset(&a, 0, sizeof(a));
	options(argc, argv, &a, &first);
	argc -= first;
	argv += first;
	if ((t = align_themer_new(&a.o, &e)) == NULL)
		tool_die(&e);
	/* The stream waits in a temporary file while the themes are made;
	 * they then go where the themes of the input stood, or at the end. */
	st.paths = argv;
	st.npaths = (size_t)argc;
	st.inplace = a.inplace;
	st.out = a.f == ALIGN_FMT_YAML || a.inplace;
	st.ctx = t;
	tool_stream_read(&st);
	if (nresponses == 0)
		tool_too_early("no responses", "align-capture");
	if (align_themer_run(t, &e) < 0)
		tool_die(&e);
	tell(t);
	tool_stream_write(&st, ALIGN_SPILL_ALL, 0, align_themer_count(t),
	    get, t);
	if (a.f != ALIGN_FMT_YAML)
		show_themes(t, &a);
	align_themer_free(t);
	free(a.syn);
	free(a.ren);
	free(a.mer);
	free(a.mov);
	tool_finish();
	return 0;
}
