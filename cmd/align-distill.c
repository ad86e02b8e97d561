/*
 * align-distill - step 7: distill, together, a short list of principles
 * everyone agrees to embody.  Proposes one principle per leading theme,
 * takes the group's edits, dot votes and agreement, and prints the list.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "../lib/distill.h"
#include "../lib/editor.h"
#include "../lib/out.h"
#include "../lib/reader.h"
#include "tool.h"

static const char usage[] =
"usage: align-distill [-i file] [-f format] [--max n] [--keep n] [--edit]\n"
"                     [--list file] [--vote name=ids] [--votes file]\n"
"                     [--budget n] [--per n]\n"
"                     [--agree name] [--object name:id reason]\n"
"                     [--rule rule] [--check] [file ...]\n"
"\n"
"Propose one principle per leading theme; take edits, dot votes and each\n"
"person's agreement; print the list that everyone agrees to embody.\n"
"\n"
"  -f, --format f          yaml (stream), text (the whiteboard), markdown\n"
"                          (a team charter); text on a terminal, else yaml\n"
"  -i, --in-place file     update file atomically\n"
"      --max n             principles proposed, one a theme (default 7)\n"
"      --keep n            keep the n with the most votes\n"
"      --edit              edit the list in $VISUAL or $EDITOR\n"
"      --list file         apply an edited list (one principle a line)\n"
"      --vote name=ids     a person's dots: Ana=p1,p1,p3\n"
"      --votes file        dots one person a line, from a file or - (typed\n"
"                          at a terminal): Ana=p1,p1,p3\n"
"      --budget n          dots each person has (default 5)\n"
"      --per n             most dots on one principle (default 3)\n"
"      --agree name        this person agrees to every principle\n"
"      --object name:id reason  this person objects to a principle\n"
"      --rule rule         consensus (default), consent or majority\n"
"      --check             exit 0 when the list is final, 1 when not\n"
"  -h, --help, -V, --version\n";

enum { O_MAX = 256, O_KEEP, O_EDIT, O_LIST, O_VOTE, O_VOTES, O_BUDGET, O_PER,
	O_AGREE, O_OBJECT, O_RULE, O_CHECK };

static const struct option longopts[] = {
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "in-place", required_argument, NULL, 'i' },
	{ "version", no_argument, NULL, 'V' },
	{ "max", required_argument, NULL, O_MAX },
	{ "keep", required_argument, NULL, O_KEEP },
	{ "edit", no_argument, NULL, O_EDIT },
	{ "list", required_argument, NULL, O_LIST },
	{ "vote", required_argument, NULL, O_VOTE },
	{ "votes", required_argument, NULL, O_VOTES },
	{ "budget", required_argument, NULL, O_BUDGET },
	{ "per", required_argument, NULL, O_PER },
	{ "agree", required_argument, NULL, O_AGREE },
	{ "object", required_argument, NULL, O_OBJECT },
	{ "rule", required_argument, NULL, O_RULE },
	{ "check", no_argument, NULL, O_CHECK },
	{ NULL, 0, NULL, 0 }
};

static long
number(const char *opt, const char *s)
{
	return (long)tool_number(opt, s, 0, 1000000);
}


/* Dots one person a line, "Ana=p1,p1,p3" or "Ana: p1 p1 p3", from a file
 * or standard input (with a prompt at a terminal).  The lines are kept in
 * *owned, a NULL-ended list the caller frees. */
static const char **
votes(const char **v, size_t *n, const char *path, char ***owned)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	char *line = NULL;
	size_t cap = 0, k = 0;
	ssize_t len;

	if (fp == NULL) {
		struct align_err e = ALIGN_ERR_INIT;

		align_err_set(&e, EX_NOINPUT, path, 0, 0, "cannot open");
		tool_die(&e);
	}
	if (fp == stdin && isatty(STDIN_FILENO))
		fprintf(stderr, "Each person's dots, one person a line "
		    "(Ana=p1,p1,p3). Ctrl-D ends.\n> ");
	while (*owned && (*owned)[k])
		k++;
	while ((len = getline(&line, &cap, fp)) >= 0) {
		char *s = line, *c, **o;

		line[strcspn(line, "\r\n")] = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		if (fp == stdin && isatty(STDIN_FILENO))
			fputs("> ", stderr);
		if (*s == '\0' || *s == '#')
			continue;
		/* "Ana: p1 p1 p3" is "Ana=p1,p1,p3". */
		if ((c = strchr(s, ':')) && !strchr(s, '='))
			*c = '=';
		for (c = strchr(s, '='); c && *c; c++)
			if (*c == ' ' || *c == '\t')
				*c = ',';
		if ((o = realloc(*owned, (k + 2) * sizeof(*o))) == NULL ||
		    (o[k] = strdup(s)) == NULL) {
			struct align_err e = ALIGN_ERR_INIT;

			tool_die((align_err_nomem(&e), &e));
		}
		o[++k] = NULL;
		*owned = o;
		v = tool_list_add(v, n, o[k - 1]);
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
	return v;
}

/* The list in the editor, then back: the path of the edited file. */
static void
edit(struct align_distiller *d, char *path, struct align_err *e)
{
	struct align_buf b = ALIGN_BUF_INIT;
	int fd;

	if (align_distiller_propose(d, e) < 0)
		tool_die(e);
	align_distiller_list(d, &b);
	strcpy(path, "/tmp/align-principles-XXXXXX");
	if (getenv("TMPDIR") && strlen(getenv("TMPDIR")) < 200)
		snprintf(path, 256, "%s/align-principles-XXXXXX",
		    getenv("TMPDIR"));
	if ((fd = mkstemp(path)) < 0 || b.failed ||
	    write(fd, b.p, b.len) != (ssize_t)b.len || close(fd) < 0) {
		align_err_set(e, EX_CANTCREAT, path, 0, 0,
		    "cannot write the list to edit");
		tool_die(e);
	}
	align_buf_release(&b);
	if (align_edit_file(path, e) < 0) {
		unlink(path);
		tool_die(e);
	}
	align_distiller_use_list(d, path);
}

static int
take(void *d, const struct align_node *rec, struct align_err *e)
{
	return align_distiller_add(d, rec, e);
}

static struct align_node *
get(void *d, size_t i, struct align_err *e)
{
	struct align_node *rec = align_node_copy(align_distiller_record(d,
	    i));

	if (rec == NULL)
		align_err_nomem(e);
	return rec;
}

int
main(int argc, char *argv[])
{
	struct align_distill_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	struct align_spill spill = { NULL, ALIGN_BUF_INIT, -1, -1 };
	struct align_buf b = ALIGN_BUF_INIT;
	const char *inplace = NULL, *fmt = NULL;
	const char **vote = NULL, **agree = NULL, **object = NULL;
	const char **reason = NULL;
	char edited[256] = "", **owned = NULL;
	enum align_format f;
	int c, rc, editing = 0, check = 0;
	size_t i, nreason = 0;

	tool_init("align-distill", usage);
	o.max = 7;
	o.budget = 5;
	o.per = 3;
	while ((c = getopt_long(argc, argv, "f:hi:V", longopts, NULL)) != -1)
		switch (c) {
		case 'f': fmt = optarg; break;
		case 'h': tool_usage(0);
		case 'i': inplace = optarg; break;
		case 'V': tool_version();
		case O_MAX: o.max = (size_t)number("--max", optarg); break;
		case O_KEEP: o.keep = (size_t)number("--keep", optarg); break;
		case O_EDIT: editing = 1; break;
		case O_LIST: o.list = optarg; break;
		case O_VOTE: vote = tool_list_add(vote, &o.nvote, optarg); break;
		case O_VOTES: vote = votes(vote, &o.nvote, optarg, &owned); break;
		case O_BUDGET: o.budget = (int)number("--budget", optarg);
			break;
		case O_PER: o.per = (int)number("--per", optarg); break;
		case O_AGREE: agree = tool_list_add(agree, &o.nagree, optarg); break;
		case O_OBJECT:
			/* The reason is the next word of the command line. */
			if (optind >= argc)
				tool_usage_error("--object %s: give a reason",
				    optarg);
			object = tool_list_add(object, &o.nobject, optarg);
			reason = tool_list_add(reason, &nreason, argv[optind++]);
			break;
		case O_RULE:
			if (strcmp(optarg, "consensus") == 0)
				o.rule = ALIGN_CONSENSUS;
			else if (strcmp(optarg, "consent") == 0)
				o.rule = ALIGN_CONSENT;
			else if (strcmp(optarg, "majority") == 0)
				o.rule = ALIGN_MAJORITY;
			else
				tool_usage_error("--rule: consensus, consent "
				    "or majority, not '%s'", optarg);
			break;
		case O_CHECK: check = 1; break;
		default: tool_usage(64);
		}
	argc -= optind;
	argv += optind;
	o.vote = vote;
	o.agree = agree;
	o.object = object;
	o.reason = reason;
	if (inplace && argc > 0)
		tool_usage_error("-i takes no file operands");
	if (editing && o.list)
		tool_usage_error("--edit and --list: one or the other");
	f = fmt ? tool_format(fmt, ALIGN_FMT_TEXT | ALIGN_FMT_YAML | ALIGN_FMT_MARKDOWN) :
	    inplace || check ? ALIGN_FMT_NONE : tool_default_format();

	if ((d = align_distiller_new(&o, &e)) == NULL)
		tool_die(&e);
	if ((f == ALIGN_FMT_YAML || inplace) && align_spill_open(&spill, &e) < 0)
		tool_die(&e);
	tool_read(argv, (size_t)argc, inplace, &spill, "principle", take, d);
	if (editing)
		edit(d, edited, &e);
	rc = align_distiller_run(d, &e);
	if (edited[0])
		unlink(edited);
	if (rc < 0)
		tool_die(&e);
	if (spill.fp)
		tool_write(&spill, inplace, align_distiller_count(d), get, d);
	if (f == ALIGN_FMT_TEXT || f == ALIGN_FMT_MARKDOWN) {
		align_distiller_show(d, &b, f == ALIGN_FMT_MARKDOWN ?
		    ALIGN_PRINCIPLES_MARKDOWN : ALIGN_PRINCIPLES_TEXT,
		    f == ALIGN_FMT_TEXT && tool_color());
		if (b.failed)
			tool_die((align_err_nomem(&e), &e));
		if (b.len)
			fwrite(b.p, 1, b.len, stdout);
	}
	rc = check && !align_distiller_final(d);
	align_buf_release(&b);
	align_distiller_free(d);
	for (i = 0; owned && owned[i]; i++)
		free(owned[i]);
	free(owned);
	free(vote);
	free(agree);
	free(object);
	free(reason);
	tool_finish();
	return rc;
}
