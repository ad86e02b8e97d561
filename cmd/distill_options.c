/*
 * distill_options.c - align-distill's usage text and options: the
 * distiller's (lib/distill.h) and the command line's (distill.h), and
 * those that cannot go together.
 */
#include <getopt.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/principles.h"
#include "distill.h"

const char distill_usage[] =
"usage: align-distill [-i file] [-f format] [--max n] [--keep n] [--edit]\n"
"                     [--list file] [--vote name=ids] [--votes file]\n"
"                     [--budget n] [--per n]\n"
"                     [--agree name] [--object name:id reason]\n"
"                     [--rule rule] [--check] [--charter] [--add-participant]\n"
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
"      --add-participant   a name not on the session's participants is a new\n"
"                          person (else refused, near names suggested)\n"
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
	O_AGREE, O_OBJECT, O_RULE, O_CHECK, O_CHARTER, O_MIN_GROUP, O_SERVE,
	O_ADD };

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
	{ "add-participant", no_argument, NULL, O_ADD },
	{ NULL, 0, NULL, 0 }
};

static long
number(const char *opt, const char *s)
{
	return (long)tool_number(opt, s, 0, 1000000);
}

/* An option of the distiller's, into o and c. */
static void
distiller_option(int ch, int argc, char *argv[],
    struct align_distill_opts *o, struct distill_cli *c)
{
	switch (ch) {
	case O_MAX: o->max = (size_t)number("--max", optarg); break;
	case O_KEEP: o->keep = (size_t)number("--keep", optarg); break;
	case O_VOTE:
		c->vote = tool_list_add(c->vote, &o->nvote,
		    tool_text("--vote", optarg));
		break;
	case O_BUDGET: o->budget = (int)number("--budget", optarg); break;
	case O_PER: o->per = (int)number("--per", optarg); break;
	case O_AGREE: c->agree = tool_list_add(c->agree, &o->nagree,
		    tool_text("--agree", optarg));
		break;
	case O_OBJECT:
		/* The reason is the next word of the command line. */
		if (optind >= argc)
			tool_usage_error("--object %s: give a reason", optarg);
		c->object = tool_list_add(c->object, &o->nobject,
		    tool_text("--object", optarg));
		c->reason = tool_list_add(c->reason, &c->nreason,
		    tool_text("--object's reason", argv[optind++]));
		break;
	case O_RULE:
		if ((o->rule = align_rule_parse(optarg)) == ALIGN_RULE_DEFAULT)
			tool_usage_error("--rule: consensus, consent or "
			    "majority, not '%s'", optarg);
		break;
	case O_ADD: o->add_people = 1; break;
	default: tool_usage(64);
	}
}

/* The operands and options that cannot go together. */
static void
check_usage(const struct distill_cli *c, int argc)
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

int
distill_options(int argc, char *argv[], struct align_distill_opts *o,
    struct distill_cli *c)
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
		case O_EDIT: c->edit = 1; break;
		case O_LIST: c->list = optarg; break;
		case O_VOTES: c->votes = optarg; break;
		case O_CHECK: c->check = 1; break;
		case O_CHARTER: c->charter = 1; break;
		case O_MIN_GROUP:
			c->min_group = (size_t)tool_number("--min-group",
			    optarg, 1, 1000000);
			break;
		case O_SERVE: c->serve = optarg; break;
		default: distiller_option(ch, argc, argv, o, c);
		}
	o->vote = c->vote;
	o->agree = c->agree;
	o->object = c->object;
	o->reason = c->reason;
	check_usage(c, argc - optind);
	return optind;
}
