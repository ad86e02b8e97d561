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
"                   [--merge theme,theme] [--move response=theme] [file ...]\n"
"\n"
"Group the responses into themes, label and rank them.\n"
"\n"
"  -f, --format f          yaml (stream), or text, markdown, csv (themes);\n"
"                          text on a terminal, else yaml\n"
"  -i, --in-place file     update file atomically\n"
"      --max-themes n      keep the n best automatic themes (default: all)\n"
"      --min-support n     a theme needs n participants (default 2)\n"
"      --seed n            the sampler's seed (default 1)\n"
"      --synonyms file     more words and phrases for the same concepts\n"
"      --no-lexicon        leave out the default lexicon\n"
"      --method name       auto, linkage or gsdmm (default auto)\n"
"      --threshold x       linkage: least average similarity (default 0.15)\n"
"      --rename t=label    rename a theme of the input\n"
"      --merge t,t         merge themes of the input into the first\n"
"      --move r=t          move a response to a theme of the input\n"
"  -h, --help, -V, --version\n";

enum { O_MAX = 256, O_MIN, O_SEED, O_SYN, O_NOLEX, O_METHOD, O_THRESHOLD,
	O_RENAME, O_MERGE, O_MOVE };

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
	{ NULL, 0, NULL, 0 }
};



static int
take(void *t, const struct align_node *rec, struct align_err *e)
{
	return align_themer_add(t, rec, e);
}

static struct align_node *
get(void *t, size_t i, struct align_err *e)
{
	return align_themer_record(t, i, e);
}

int
main(int argc, char *argv[])
{
	struct align_theme_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t;
	struct align_buf b = ALIGN_BUF_INIT;
	struct tool_stream st = { .owned = "theme", .take = take };
	const char *inplace = NULL, *fmt = NULL;
	const char **syn = NULL, **ren = NULL, **mer = NULL, **mov = NULL;
	enum align_format f;
	int c;

	tool_init("align-theme", usage);
	o.min_support = 2;
	o.seed = 1;
	o.method = "auto";
	o.threshold = 0.15;
	while ((c = getopt_long(argc, argv, "f:hi:V", longopts, NULL)) != -1)
		switch (c) {
		case 'f': fmt = optarg; break;
		case 'h': tool_usage(0);
		case 'i': inplace = optarg; break;
		case 'V': tool_version();
		case O_MAX: o.max_themes = (size_t)tool_number("--max-themes", optarg,
		    0, 1000000); break;
		case O_MIN: o.min_support = (size_t)tool_number(
		    "--min-support", optarg, 0, 1000000);
			break;
		case O_SEED: o.seed = (uint64_t)tool_number("--seed", optarg,
		    0, LLONG_MAX); break;
		case O_SYN: syn = tool_list_add(syn, &o.nsynonyms, optarg); break;
		case O_NOLEX: o.no_lexicon = 1; break;
		case O_METHOD:
			if (strcmp(optarg, "auto") && strcmp(optarg, "linkage") &&
			    strcmp(optarg, "gsdmm"))
				tool_usage_error("--method: auto, linkage or "
				    "gsdmm, not '%s'", optarg);
			o.method = optarg;
			break;
		case O_THRESHOLD:
			o.threshold = tool_real("--threshold", optarg, 0, 1);
			if (o.threshold == 0)
				tool_usage_error("--threshold: '%s' is too "
				    "small (above 0, at most 1)", optarg);
			break;
		case O_RENAME: ren = tool_list_add(ren, &o.nrename, optarg); break;
		case O_MERGE: mer = tool_list_add(mer, &o.nmerge, optarg); break;
		case O_MOVE: mov = tool_list_add(mov, &o.nmove, optarg); break;
		default: tool_usage(64);
		}
	argc -= optind;
	argv += optind;
	o.synonyms = syn;
	o.rename = ren;
	o.merge = mer;
	o.move = mov;
	if (inplace && argc > 0)
		tool_usage_error("-i takes no file operands");
	f = fmt ? tool_format(fmt, ALIGN_FMT_TEXT | ALIGN_FMT_YAML | ALIGN_FMT_MARKDOWN |
	    ALIGN_FMT_CSV) : inplace ? ALIGN_FMT_YAML : tool_default_format();

	o.keep_text = f == ALIGN_FMT_TEXT || f == ALIGN_FMT_MARKDOWN;
	if ((t = align_themer_new(&o, &e)) == NULL)
		tool_die(&e);
	/* The stream waits in a temporary file while the themes are made;
	 * they then go where the themes of the input stood, or at the end. */
	st.paths = argv;
	st.npaths = (size_t)argc;
	st.inplace = inplace;
	st.out = f == ALIGN_FMT_YAML || inplace;
	st.ctx = t;
	tool_stream_read(&st);
	if (align_themer_run(t, &e) < 0)
		tool_die(&e);
	tool_stream_write(&st, ALIGN_SPILL_ALL, 0, align_themer_count(t),
	    get, t);
	if (f != ALIGN_FMT_YAML) {
		align_themer_show(t, &b, f == ALIGN_FMT_MARKDOWN ?
		    ALIGN_THEMES_MARKDOWN : f == ALIGN_FMT_CSV ? ALIGN_THEMES_CSV :
		    ALIGN_THEMES_TEXT, align_terminal_width(STDOUT_FILENO),
		    f == ALIGN_FMT_TEXT && tool_color());
		if (b.failed)
			tool_die((align_err_nomem(&e), &e));
		if (b.len)
			fwrite(b.p, 1, b.len, stdout);
	}
	align_buf_release(&b);
	align_themer_free(t);
	free(syn);
	free(ren);
	free(mer);
	free(mov);
	tool_finish();
	return 0;
}
