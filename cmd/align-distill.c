/*
 * align-distill - step 7: distill, together, a short list of principles
 * everyone agrees to embody.  Proposes one principle per leading theme,
 * takes the group's edits, dot votes and agreement, and prints the list.
 */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sysexits.h>
#include <unistd.h>

#include "../lib/distill.h"
#include "../lib/hash.h"
#include "../lib/editor.h"
#include "../lib/out.h"
#include "../lib/principles.h"
#include "../lib/text.h"
#include "serve.h"
#include "tool.h"

static const char usage[] =
"usage: align-distill [-i file] [-f format] [--max n] [--keep n] [--edit]\n"
"                     [--list file] [--vote name=ids] [--votes file]\n"
"                     [--budget n] [--per n]\n"
"                     [--agree name] [--object name:id reason]\n"
"                     [--rule rule] [--check] [--charter]\n"
"                     [--min-group n] [file ...]\n"
"       align-distill --serve [addr:]port -i file [--budget n] [--per n]\n"
"                     [--max n] [--rule rule]\n"
"\n"
"Propose one principle per leading theme; take edits, dot votes and each\n"
"person's agreement; print the list that everyone agrees to embody.\n"
"\n"
"  -f, --format f          yaml (stream), text (the whiteboard), markdown\n"
"                          (a team charter) or html (the whiteboard as a\n"
"                          page); text on a terminal, else yaml\n"
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
"      --rule rule         consensus (default), consent or majority; kept\n"
"      --check             exit 0 when the list is final, 1 when not\n"
"      --charter           html: the charter, to print, not the whiteboard\n"
"      --min-group n       count no fewer than n people (default 3 for\n"
"                          pseudonyms, else 1)\n"
"      --serve [addr:]port each person gives their dots and agrees from\n"
"                          their phone, into the file of -i; the address\n"
"                          to open is the first line of output\n"
"  -h, --help, -V, --version\n";

enum { O_MAX = 256, O_KEEP, O_EDIT, O_LIST, O_VOTE, O_VOTES, O_BUDGET, O_PER,
	O_AGREE, O_OBJECT, O_RULE, O_CHECK, O_CHARTER, O_MIN_GROUP, O_SERVE };

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
	{ "charter", no_argument, NULL, O_CHARTER },
	{ "min-group", required_argument, NULL, O_MIN_GROUP },
	{ "serve", required_argument, NULL, O_SERVE },
	{ NULL, 0, NULL, 0 }
};

/* What the command line asks beyond the distiller's options. */
struct cmdline {
	const char *inplace, *fmt, *list, *votes, *serve;
	int edit, check, charter;
	size_t min_group;
	const char **vote, **agree, **object, **reason;
	size_t nreason;
};

static long
number(const char *opt, const char *s)
{
	return (long)tool_number(opt, s, 0, 1000000);
}

/* The options into o and c; the index of the first operand. */
static int
options(int argc, char *argv[], struct align_distill_opts *o,
    struct cmdline *c)
{
	int ch;

	o->max = 7;
	o->budget = 5;
	o->per = 3;
	while ((ch = getopt_long(argc, argv, "f:hi:V", longopts, NULL)) != -1)
		switch (ch) {
		case 'f': c->fmt = optarg; break;
		case 'h': tool_usage(0);
		case 'i': c->inplace = optarg; break;
		case 'V': tool_version();
		case O_MAX: o->max = (size_t)number("--max", optarg); break;
		case O_KEEP: o->keep = (size_t)number("--keep", optarg); break;
		case O_EDIT: c->edit = 1; break;
		case O_LIST: c->list = optarg; break;
		case O_VOTE:
			c->vote = tool_list_add(c->vote, &o->nvote, optarg);
			break;
		case O_VOTES: c->votes = optarg; break;
		case O_BUDGET: o->budget = (int)number("--budget", optarg);
			break;
		case O_PER: o->per = (int)number("--per", optarg); break;
		case O_AGREE: c->agree = tool_list_add(c->agree, &o->nagree,
			    optarg);
			break;
		case O_OBJECT:
			/* The reason is the next word of the command line. */
			if (optind >= argc)
				tool_usage_error("--object %s: give a reason",
				    optarg);
			c->object = tool_list_add(c->object, &o->nobject,
			    optarg);
			c->reason = tool_list_add(c->reason, &c->nreason,
			    argv[optind++]);
			break;
		case O_RULE:
			if ((o->rule = align_rule_parse(optarg)) ==
			    ALIGN_RULE_DEFAULT)
				tool_usage_error("--rule: consensus, consent "
				    "or majority, not '%s'", optarg);
			break;
		case O_CHECK: c->check = 1; break;
		case O_CHARTER: c->charter = 1; break;
		case O_MIN_GROUP:
			c->min_group = (size_t)tool_number("--min-group",
			    optarg, 1, 1000000);
			break;
		case O_SERVE: c->serve = optarg; break;
		default: tool_usage(64);
		}
	o->vote = c->vote;
	o->agree = c->agree;
	o->object = c->object;
	o->reason = c->reason;
	return optind;
}

/* The operands and options that cannot go together. */
static void
check_usage(const struct cmdline *c, int argc)
{
	int stdin_stream = !c->inplace && argc == 0;

	if (c->inplace && argc > 0)
		tool_usage_error("-i takes no file operands");
	if (c->edit && c->list)
		tool_usage_error("--edit and --list: one or the other");
	if (c->charter && (c->fmt == NULL || (tool_format(c->fmt,
	    ALIGN_FMT_YAML | align_principles_formats()) & (ALIGN_FMT_HTML |
	    ALIGN_FMT_MARKDOWN)) == 0))
		tool_usage_error("--charter: with -f html (or markdown, "
		    "which is the charter)");
	if ((c->list && strcmp(c->list, "-") == 0 && (stdin_stream ||
	    (c->votes && strcmp(c->votes, "-") == 0))) ||
	    (c->votes && strcmp(c->votes, "-") == 0 && stdin_stream))
		tool_usage_error("standard input can hold one of the stream, "
		    "--list and --votes: name a file for the others");
}

/*
 * The edited list, kept until the new stream is written: a run that
 * fails after the edit says where the group's words are.
 */
static char *kept;

static void
say_kept(void)
{
	if (kept)
		fprintf(stderr, "%s: your list is kept in %s\n", tool_name,
		    kept);
}

static void
forget_kept(void)
{
	if (kept) {
		unlink(kept);
		free(kept);
		kept = NULL;
	}
}

/* "errors in the list: line 3: no principle 'p99'; line 5: ...", then
 * end (a newline, or a question). */
static void
say_errors(const struct align_list_errors *errs, const char *end)
{
	struct align_buf b = ALIGN_BUF_INIT, safe = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < errs->n; i++)
		align_buf_printf(&b, "%sline %lu: %s", i ? "; " : "",
		    errs->v[i].line, errs->v[i].msg);
	if (!b.failed && b.p)
		align_escape_term(&safe, b.p, b.len);
	fprintf(stderr, "%s: errors in the list: %s%s", tool_name,
	    safe.p && !safe.failed ? safe.p : "out of memory", end);
	align_buf_release(&b);
	align_buf_release(&safe);
}

/* Apply the list in fp: 0, or -1 when it has errors, in errs.  A list
 * with no principle changes nothing and ends the run. */
static int
apply(struct align_distiller *d, FILE *fp, const char *name, int edited,
    struct align_list_errors *errs)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (align_distiller_apply_list(d, fp, name, errs, &e) == 0)
		return 0;
	if (e.status == EX_DATAERR)
		return -1;
	if (edited && e.status == 1) {
		forget_kept();		/* emptied on purpose */
		e.file[0] = '\0';
	}
	tool_die(&e);
}

/* At a terminal: edit the list again? */
static int
again(const struct align_list_errors *errs)
{
	char *line = NULL;
	size_t cap = 0;
	int yes;

	say_errors(errs, ". Edit again? (y/n) ");
	yes = getline(&line, &cap, stdin) > 0 && (line[0] == 'y' ||
	    line[0] == 'Y');
	free(line);
	return yes;
}

/* The list in the editor, then back, as crontab -e does: a list with
 * errors is offered again at a terminal, and otherwise kept. */
static void
edit(struct align_distiller *d)
{
	struct align_list_errors errs = ALIGN_LIST_ERRORS_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	int sig, rc, round;
	int tty = isatty(STDIN_FILENO) && isatty(STDERR_FILENO);
	FILE *fp;

	align_distiller_list(d, &b);
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	if ((kept = align_edit_tmpfile("align-principles", b.p, b.len,
	    &e)) == NULL)
		tool_die(&e);
	align_buf_release(&b);
	atexit(say_kept);
	for (round = 0;; round++) {
		if (align_edit_file(kept, &sig, &e) < 0) {
			/* The editor said no to the list as it was made;
			 * once edited, the list is the group's, and kept. */
			if (sig == 0 && round == 0)
				forget_kept();
			tool_die(&e);
		}
		if ((fp = fopen(kept, "r")) == NULL) {
			align_err_set(&e, EX_NOINPUT, kept, 0, 0,
			    "cannot open");
			tool_die(&e);
		}
		rc = apply(d, fp, kept, 1, &errs);
		fclose(fp);
		if (rc == 0)
			break;
		if (!tty || !again(&errs)) {
			if (!tty)
				say_errors(&errs, "\n");
			align_list_errors_release(&errs);
			exit(EX_DATAERR);
		}
		align_list_errors_release(&errs);
	}
	align_list_errors_release(&errs);
}

/* --list: every error said, and nothing changed. */
static void
list(struct align_distiller *d, FILE *fp, const char *name)
{
	struct align_list_errors errs = ALIGN_LIST_ERRORS_INIT;
	size_t i;
	int rc;

	rc = apply(d, fp, name, 0, &errs);
	for (i = 0; rc < 0 && i < errs.n; i++)
		tool_warn(&errs.v[i]);
	align_list_errors_release(&errs);
	if (rc < 0)
		exit(EX_DATAERR);
}

/* One line of dots: 0, or -1 with the error said. */
static int
ballot(struct align_distiller *d, char *line, size_t len, const char *name,
    unsigned long lno, int cast, struct align_strs *good)
{
	struct align_err e = ALIGN_ERR_INIT;
	char *s = line;

	if (strlen(line) != len) {
		align_err_set(&e, EX_DATAERR, name, lno, 0,
		    "NUL byte in text");
		tool_warn(&e);
		return -1;
	}
	line[strcspn(line, "\r\n")] = '\0';
	s += strspn(s, " \t");
	if (*s == '\0' || *s == '#')
		return 0;
	if (align_distiller_ballot(d, s, name, lno, cast, &e) < 0) {
		if (e.status == ALIGN_EX_NOMEM)
			tool_die(&e);
		tool_warn(&e);
		return -1;
	}
	if (good && align_strs_add(good, s) < 0)
		tool_die((align_err_nomem(&e), &e));
	return 0;
}

/*
 * --votes: dots one person a line, "Ana=p1,p1,p3" or "Ana: p1 p1 p3".
 * Typed at a terminal, each line is checked as it comes: an error is said
 * at once, the person types the line again, the good lines stand.  From a
 * file or a pipe the lines stand or fall together: every error is said,
 * each with its line, and then no dot is cast (65).
 */
static void
votes(struct align_distiller *d, FILE *fp, const char *name, int tty,
    struct align_buf *record)
{
	struct align_strs good = { NULL, 0, 0 };
	struct align_err e = ALIGN_ERR_INIT;
	char *line = NULL;
	size_t cap = 0, bad = 0, i;
	unsigned long lno = 0;
	ssize_t len;

	if (tty)
		fprintf(stderr, "Each person's dots, one person a line "
		    "(Ana=p1,p1,p3). Ctrl-D ends.\n> ");
	while ((len = getline(&line, &cap, fp)) >= 0) {
		int rc = ballot(d, line, (size_t)len, name, ++lno, tty,
		    tty ? NULL : &good);

		bad += rc < 0;
		/* What a person typed and the list took, to cast again on
		 * the file as it is once it is locked. */
		if (rc == 0 && record && line[strspn(line, " \t")] != '\0')
			align_buf_printf(record, "%s\n", line);
		if (tty)
			fputs("> ", stderr);
	}
	free(line);
	if (ferror(fp))
		align_err_set(&e, EX_IOERR, name, 0, 0, "cannot read");
	else if (bad && !tty)
		align_err_set(&e, EX_DATAERR, name, 0, 0, "%zu %s: no dots "
		    "were recorded", bad, align_plural(bad, "line is wrong",
		    "lines are wrong"));
	if (e.status) {
		align_strs_release(&good);
		tool_die(&e);
	}
	for (i = 0; i < good.n; i++)
		if (align_distiller_ballot(d, good.v[i], name, 0, 1, &e) < 0)
			tool_die(&e);
	align_strs_release(&good);
}

/* The distiller, given back at exit whichever way the run ends. */
static struct align_distiller *distiller;

static void
release(void)
{
	align_distiller_free(distiller);
	distiller = NULL;
}

static size_t nthemes;		/* in the input */

static int
take(void *d, const struct align_node *rec, struct align_err *e)
{
	const char *kind = align_record_kind(rec);

	nthemes += kind && strcmp(kind, "theme") == 0;
	return align_distiller_add(d, rec, e);
}

static struct align_node *
get(void *d, size_t i, struct align_err *e)
{
	return align_distiller_record(d, i, e);
}

/* The whiteboard or the charter. */
static void
show(const struct align_distiller *d, enum align_format f,
    const struct cmdline *c)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = f,
	    .width = align_terminal_width(STDOUT_FILENO),
	    .color = f == ALIGN_FMT_TEXT && tool_color(), .tool = tool_name,
	    .min_group = c->min_group };
	struct align_principles v;
	struct align_err e = ALIGN_ERR_INIT;

	if (align_principles_make(&v, d, &e) < 0)
		tool_die(&e);
	v.charter = c->charter;
	align_principles_show(&v, &s);
	align_principles_release(&v);
	tool_print(&b);
}

/* A file, or "-" for standard input: open, and its name for messages. */
static FILE *
open_input(const char *path, const char **name)
{
	struct align_err e = ALIGN_ERR_INIT;
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");

	*name = fp == stdin ? "<stdin>" : path;
	if (fp == NULL)
		tool_die((align_err_set(&e, EX_NOINPUT, path, 0, 0,
		    "cannot open"), &e));
	return fp;
}

/* What a person types or pipes in: read before the file is locked, or in
 * a first pass over the file as it was (typed at a terminal, checked as
 * it comes), then given again to the file as it is. */
struct typed {
	struct align_buf list, votes;
	int have_list, have_votes;
	struct align_set known;		/* the principles the list was made of */
};

static FILE *
typed_stream(const struct align_buf *b)
{
	struct align_err e = ALIGN_ERR_INIT;
	FILE *fp = fmemopen(b->p ? b->p : (char *)"", b->len, "r");

	if (fp == NULL)
		tool_die((align_err_nomem(&e), &e));
	return fp;
}

static void
slurp(FILE *fp, const char *name, struct align_buf *b)
{
	struct align_err e = ALIGN_ERR_INIT;
	char chunk[4096];
	size_t n;

	while ((n = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		align_buf_add(b, chunk, n);
	if (ferror(fp))
		tool_die((align_err_set(&e, EX_IOERR, name, 0, 0,
		    "cannot read"), &e));
	if (b->failed)
		tool_die((align_err_nomem(&e), &e));
}

/* The ids of d's principles, the list a person is about to edit. */
static void
known_ids(struct align_distiller *d, struct align_set *ids)
{
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;

	if (align_distiller_propose(d, &e) < 0)
		tool_die(&e);
	for (i = 0; i < align_distiller_count(d); i++) {
		const char *id = align_distiller_principle(d, i)->id;

		if (align_set_add(ids, id, strlen(id)) < 0)
			tool_die((align_err_nomem(&e), &e));
	}
}

/* The edited list, applied to d as the file is now: a principle another
 * writer made while the editor was open was on no list to delete, so it
 * keeps a line of its own at the end. */
static void
reapply(struct align_distiller *d, struct typed *t)
{
	struct align_list_errors errs = ALIGN_LIST_ERRORS_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	size_t i;
	FILE *fp;

	if (align_distiller_propose(d, &e) < 0)
		tool_die(&e);
	for (i = 0; i < align_distiller_count(d); i++) {
		const struct align_principle *p = align_distiller_principle(d,
		    i);

		if (!align_set_has(&t->known, p->id, strlen(p->id)))
			align_buf_printf(&t->list, "\n%s %s\n", p->id,
			    p->statement ? p->statement : "");
	}
	fp = typed_stream(&t->list);
	if (apply(d, fp, kept ? kept : "<stdin>", kept != NULL, &errs) < 0) {
		/* A principle on the list was taken out meanwhile. */
		say_errors(&errs, "\n");
		exit(EX_DATAERR);
	}
	fclose(fp);
	align_list_errors_release(&errs);
}

/* The first pass, with -i and a person at the keyboard (--edit, or a list
 * or dots typed at a terminal): the file as it was, not held while they
 * type; the list and the dots kept to be given again. */
static void
first_pass(const struct cmdline *c, struct tool_stream *st, struct typed *t)
{
	struct tool_stream first = *st;
	struct align_distiller *d = distiller;
	const char *name;
	FILE *fp;

	first.out = 0;
	tool_stream_read(&first);
	tool_stream_write(&first, ALIGN_SPILL_NONE, 0, 0, NULL, NULL);
	known_ids(d, &t->known);
	if (c->edit) {
		edit(d);
		fp = open_input(kept, &name);
		slurp(fp, name, &t->list);
		fclose(fp);
		t->have_list = 1;
	} else if (c->list) {
		/* Typed at the terminal: read whole, then checked. */
		slurp(stdin, "<stdin>", &t->list);
		fp = typed_stream(&t->list);
		list(d, fp, "<stdin>");
		fclose(fp);
		t->have_list = 1;
	}
	if (c->votes) {
		fp = open_input(c->votes, &name);
		votes(d, fp, name, fp == stdin && isatty(STDIN_FILENO),
		    &t->votes);
		if (fp != stdin)
			fclose(fp);
		t->have_votes = 1;
	}
}

/* Read the stream and take what people typed: with -i, never while the
 * file is locked. */
static struct align_distiller *
read_and_edit(const struct align_distill_opts *o, const struct cmdline *c,
    struct tool_stream *st)
{
	struct typed t = { ALIGN_BUF_INIT, ALIGN_BUF_INIT, 0, 0, ALIGN_SET_INIT };
	struct align_err e = ALIGN_ERR_INIT;
	int tty = isatty(STDIN_FILENO), twice = 0;
	const char *name;
	FILE *fp;

	if (c->inplace && (c->edit || (c->list && !strcmp(c->list, "-") &&
	    tty) || (c->votes && !strcmp(c->votes, "-") && tty))) {
		first_pass(c, st, &t);
		twice = 1;
		release();
		if ((distiller = align_distiller_new(o, &e)) == NULL)
			tool_die(&e);
		st->ctx = distiller;
	} else {
		/* Standard input is read before the file is locked. */
		if (c->list && strcmp(c->list, "-") == 0) {
			slurp(stdin, "<stdin>", &t.list);
			t.have_list = 1;
		}
		if (c->votes && strcmp(c->votes, "-") == 0 && !tty) {
			slurp(stdin, "<stdin>", &t.votes);
			t.have_votes = 1;
		}
	}
	tool_stream_read(st);
	if (twice && t.have_list)
		reapply(distiller, &t);
	else if (t.have_list) {
		fp = typed_stream(&t.list);
		list(distiller, fp, "<stdin>");
		fclose(fp);
	} else if (c->edit) {
		edit(distiller);
	} else if (c->list) {
		fp = open_input(c->list, &name);
		list(distiller, fp, name);
		fclose(fp);
	}
	if (t.have_votes) {
		fp = typed_stream(&t.votes);
		votes(distiller, fp, "<stdin>", 0, NULL);
		fclose(fp);
	} else if (c->votes) {
		fp = open_input(c->votes, &name);
		votes(distiller, fp, name, fp == stdin && tty, NULL);
		if (fp != stdin)
			fclose(fp);
	}
	align_buf_release(&t.list);
	align_buf_release(&t.votes);
	align_set_release(&t.known);
	return distiller;
}

int
main(int argc, char *argv[])
{
	struct align_distill_opts o = { 0 };
	struct cmdline c = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distiller *d;
	struct tool_stream st = { .owned = "principle", .take = take };
	enum align_format f;
	int n, rc;

	tool_init("align-distill", usage);
	n = options(argc, argv, &o, &c);
	argc -= n;
	argv += n;
	check_usage(&c, argc);
	if (c.serve)
		tool_serve_distill(c.serve, &o, c.inplace, argc > 0 || c.fmt ||
		    c.edit || c.list || c.votes || c.check || o.keep);
	f = c.fmt ? tool_format(c.fmt, align_principles_formats() |
	    ALIGN_FMT_YAML) : c.inplace || c.check ? ALIGN_FMT_NONE :
	    tool_default_format();

	if ((d = distiller = align_distiller_new(&o, &e)) == NULL)
		tool_die(&e);
	atexit(release);
	st.paths = argv;
	st.npaths = (size_t)argc;
	st.inplace = c.inplace;
	st.out = f == ALIGN_FMT_YAML || c.inplace;
	st.ctx = d;
	d = read_and_edit(&o, &c, &st);
	if (align_distiller_run(d, &e) < 0)
		tool_die(&e);
	/* Nothing to distill, nor any principle to vote or agree on; --check
	 * answers no. */
	if (nthemes == 0 && align_distiller_count(d) == 0 && !c.check)
		tool_too_early("no themes", "align-theme");
	tool_stream_write(&st, ALIGN_SPILL_ALL, 0, align_distiller_count(d),
	    get, d);
	forget_kept();		/* the group's words are in the stream now */
	if (f != ALIGN_FMT_YAML && f != ALIGN_FMT_NONE)
		show(d, f, &c);
	rc = c.check && !align_distiller_final(d);
	release();
	free(c.vote);
	free(c.agree);
	free(c.object);
	free(c.reason);
	tool_finish();
	return rc;
}
