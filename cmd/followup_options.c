/*
 * followup_options.c - align-followup's usage text and options: every
 * command's options into one struct cli (followup.h), each command taking
 * those it uses.
 */
#include <getopt.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/grow.h"
#include "followup.h"

const char followup_usage[] =
"usage: align-followup plan [-i file] [-f format] [--date time] [--every span]\n"
"                     [--count n] [--until date] [--principle id] [--with name]\n"
"                     [--leader name] [--root-cause text] [--view text]\n"
"                     [--role text] [--acknowledge text] [--support text]\n"
"                     [--goal text [--measure text] [--target n] [--unit u]]\n"
"                     [--commit name:text [--due date]] [--seed n] [--per-pair]\n"
"                     [--pair-time hh:mm] [--duration span] [--tz zone]\n"
"                     [--git-ok] [--now time] [--add-participant] [file ...]\n"
"       align-followup show [-f format] [--per-pair] [--tz zone] [--now time]\n"
"                     [file ...]\n"
"       align-followup checkin [-a file | -i file] [--participant name]\n"
"                     [--principle id] [--outcome outcome] [--note text]\n"
"                     [--followup id] [--recognition text] [--now time]\n"
"                     [--add-participant] [file ...]\n"
"       align-followup review [-a file | -i file] [--with name] [--followup id]\n"
"                     [--week date] [--value goal=n] [--outcome commitment=o]\n"
"                     [--done commitment] [--note text] [--recognition text]\n"
"                     [--git-ok] [--now time] [file ...]\n"
"       align-followup due [--within span] [--again span] [--mark] [--tz zone]\n"
"                     [--now time] file ...\n"
"       align-followup report [-f format] [--min-group n] [--now time]\n"
"                     [file ...]\n"
"\n"
"  -f, --format f      plan: yaml, text, html (a page) or ics; show: text,\n"
"                      html or ics; report: text, markdown or html (a page\n"
"                      with charts)\n"
"  -i, --in-place file update file atomically\n"
"  -a, --append file   checkin, review: append to file, locked\n"
"      --date time     the round's date (default: six weeks on)\n"
"      --every span    a cadence: 1w, 2w, 6w\n"
"      --count n, --until date   how long the cadence runs\n"
"      --principle id  a principle under review (repeatable)\n"
"      --with name     a one-to-one with this person (weekly)\n"
"      --leader name   the other side of the one-to-one\n"
"      --root-cause text, --view text (theirs), --role text, --acknowledge\n"
"                      text, --support text   what the one-to-one found and\n"
"                      agreed\n"
"      --goal text     a shared goal; --measure, --target n, --unit after it\n"
"                      make it measured\n"
"      --commit name:text  a commitment, c1, c2, ...; --due date after it\n"
"      --seed n        for the pairs (default 1)\n"
"      --per-pair      ics: also an event for each pair\n"
"      --pair-time t   when the pairs meet, in the week before (16:00)\n"
"      --duration span the round's length in the calendar (1h; 45m with --with)\n"
"      --tz zone       the session's time zone (plan keeps it in the session)\n"
"      --participant name, --outcome success|failure|mixed, --note text,\n"
"      --followup id, --recognition text   checkin\n"
"      --value g1=36.5, --outcome c1=success, --done c2, --week date\n"
"                      review: a goal's value, a commitment's outcome, a\n"
"                      commitment done, the meeting reviewed (default: the\n"
"                      latest); with none of them, a short prompt\n"
"      --git-ok        a private file inside a git work tree is meant\n"
"      --add-participant  checkin, --with: a name not on the session's\n"
"                      participants is a new person (else refused, near\n"
"                      names suggested)\n"
"      --within span   due: look this far ahead (default 0: today)\n"
"      --again span    due: remind who has not checked in again (default 3d,\n"
"                      or never)\n"
"      --mark          due: record the reminders given\n"
"      --min-group n   report: count no fewer than n people (default 3\n"
"                      for pseudonyms, else 1)\n"
"      --now time      the clock (default $ALIGN_NOW, else the clock)\n"
"  -h, --help, -V, --version\n";

enum { O_DATE = 256, O_EVERY, O_COUNT, O_UNTIL, O_PRINCIPLE, O_WITH,
	O_LEADER, O_ROOT, O_GOAL, O_COMMIT, O_SEED, O_PERPAIR, O_NOW,
	O_PARTICIPANT, O_OUTCOME, O_NOTE, O_FOLLOWUP, O_RECOGNITION,
	O_WITHIN, O_MARK, O_MIN_GROUP, O_PAIRTIME, O_TZ, O_AGAIN, O_ADD,
	O_VIEW, O_ROLE, O_ACK, O_SUPPORT, O_MEASURE, O_TARGET, O_UNIT, O_DUE,
	O_VALUE, O_DONE, O_REVIEWDATE, O_GIT_OK, O_DURATION };

static const struct option longopts[] = {
	{ "append", required_argument, NULL, 'a' },
	{ "format", required_argument, NULL, 'f' },
	{ "help", no_argument, NULL, 'h' },
	{ "in-place", required_argument, NULL, 'i' },
	{ "version", no_argument, NULL, 'V' },
	{ "date", required_argument, NULL, O_DATE },
	{ "every", required_argument, NULL, O_EVERY },
	{ "count", required_argument, NULL, O_COUNT },
	{ "until", required_argument, NULL, O_UNTIL },
	{ "principle", required_argument, NULL, O_PRINCIPLE },
	{ "with", required_argument, NULL, O_WITH },
	{ "add-participant", no_argument, NULL, O_ADD },
	{ "leader", required_argument, NULL, O_LEADER },
	{ "root-cause", required_argument, NULL, O_ROOT },
	{ "goal", required_argument, NULL, O_GOAL },
	{ "commit", required_argument, NULL, O_COMMIT },
	{ "seed", required_argument, NULL, O_SEED },
	{ "per-pair", no_argument, NULL, O_PERPAIR },
	{ "now", required_argument, NULL, O_NOW },
	{ "participant", required_argument, NULL, O_PARTICIPANT },
	{ "outcome", required_argument, NULL, O_OUTCOME },
	{ "note", required_argument, NULL, O_NOTE },
	{ "followup", required_argument, NULL, O_FOLLOWUP },
	{ "recognition", required_argument, NULL, O_RECOGNITION },
	{ "within", required_argument, NULL, O_WITHIN },
	{ "mark", no_argument, NULL, O_MARK },
	{ "min-group", required_argument, NULL, O_MIN_GROUP },
	{ "pair-time", required_argument, NULL, O_PAIRTIME },
	{ "duration", required_argument, NULL, O_DURATION },
	{ "tz", required_argument, NULL, O_TZ },
	{ "again", required_argument, NULL, O_AGAIN },
	{ "view", required_argument, NULL, O_VIEW },
	{ "role", required_argument, NULL, O_ROLE },
	{ "acknowledge", required_argument, NULL, O_ACK },
	{ "support", required_argument, NULL, O_SUPPORT },
	{ "measure", required_argument, NULL, O_MEASURE },
	{ "target", required_argument, NULL, O_TARGET },
	{ "unit", required_argument, NULL, O_UNIT },
	{ "due", required_argument, NULL, O_DUE },
	{ "value", required_argument, NULL, O_VALUE },
	{ "done", required_argument, NULL, O_DONE },
	{ "week", required_argument, NULL, O_REVIEWDATE },
	{ "git-ok", no_argument, NULL, O_GIT_OK },
	{ NULL, 0, NULL, 0 }
};

/* The options whose text is recorded, checked as text (tool_text()). */
static const int text_opts[] = { O_WITH, O_LEADER, O_ROOT, O_GOAL,
	O_COMMIT, O_PARTICIPANT, O_NOTE, O_RECOGNITION, O_VIEW, O_ROLE,
	O_ACK, O_SUPPORT, O_MEASURE, O_TARGET, O_UNIT, O_VALUE, O_DONE };

/* arg, the argument of option ch, checked when it is recorded text. */
static const char *
checked(int ch, const char *arg)
{
	char name[64];
	size_t i, k;

	for (i = 0; i < sizeof(text_opts) / sizeof(text_opts[0]); i++)
		if (text_opts[i] == ch)
			break;
	if (arg == NULL || i == sizeof(text_opts) / sizeof(text_opts[0]))
		return arg;
	for (k = 0; longopts[k].name && longopts[k].val != ch; k++)
		;
	snprintf(name, sizeof(name), "--%s", longopts[k].name);
	return tool_text(name, arg);
}

/* The review's own options. */
static void
review_option(struct review_cli *r, int ch, const char *arg)
{
	switch (ch) {
	case O_VALUE:
		r->values = tool_list_add(r->values, &r->nvalues, arg);
		break;
	case O_DONE: r->done = tool_list_add(r->done, &r->ndone, arg); break;
	case O_REVIEWDATE: r->week = arg; break;
	default: tool_usage(64);
	}
}

/* The last goal given, for --measure, --target, --unit: one with no
 * text when none was (which planning refuses). */
static struct align_goal_opt *
last_goal(struct cli *c)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (c->plan.ngoal == 0) {
		if (ALIGN_GROW(c->goals, 1, c->capgoal) < 0)
			tool_die((align_err_nomem(&e), &e));
		memset(c->goals, 0, sizeof(*c->goals));
		c->plan.ngoal = 1;
	}
	return &c->goals[c->plan.ngoal - 1];
}

/* The one-to-one's options of plan, review and done. */
static void
one_to_one_option(struct cli *c, int ch, const char *arg)
{
	struct align_err e = ALIGN_ERR_INIT;

	switch (ch) {
	case O_GOAL:
		if (ALIGN_GROW(c->goals, c->plan.ngoal + 1, c->capgoal) < 0)
			tool_die((align_err_nomem(&e), &e));
		memset(&c->goals[c->plan.ngoal], 0, sizeof(*c->goals));
		c->goals[c->plan.ngoal++].goal = arg;
		break;
	case O_MEASURE: last_goal(c)->measure = arg; break;
	case O_TARGET: last_goal(c)->target = arg; break;
	case O_UNIT: last_goal(c)->unit = arg; break;
	case O_COMMIT:
		if (ALIGN_GROW(c->commits, c->plan.ncommit + 1,
		    c->capcommit) < 0)
			tool_die((align_err_nomem(&e), &e));
		c->commits[c->plan.ncommit].spec = arg;
		c->commits[c->plan.ncommit++].due = NULL;
		break;
	case O_DUE:
		if (c->plan.ncommit == 0)
			tool_usage_error("--due: follows the --commit it is of");
		c->commits[c->plan.ncommit - 1].due = arg;
		break;
	case O_VIEW: c->plan.their_view = arg; break;
	case O_ROLE: c->plan.role = arg; break;
	case O_ACK: c->plan.acknowledgement = arg; break;
	case O_SUPPORT:
		c->supports = tool_list_add(c->supports, &c->plan.nsupport,
		    arg);
		break;
	case O_GIT_OK: c->git_ok = 1; break;
	default: review_option(&c->review, ch, arg);
	}
}

/* The options of checkin, due and report. */
static void
checkin_option(struct cli *c, int ch, const char *arg)
{
	switch (ch) {
	case O_PARTICIPANT: c->who = arg; break;
	case O_OUTCOME:
		c->outcome = arg;
		c->review.outcomes = tool_list_add(c->review.outcomes,
		    &c->review.noutcomes, arg);
		break;
	case O_NOTE: c->note = arg; break;
	case O_FOLLOWUP: c->followup = arg; break;
	case O_RECOGNITION: c->recog = arg; break;
	case O_WITHIN: c->within = arg; break;
	case O_MARK: c->mark = 1; break;
	case O_AGAIN: c->again = arg; break;
	case O_MIN_GROUP:
		c->min_group = (size_t)tool_number("--min-group", arg, 1,
		    1000000);
		break;
	default: one_to_one_option(c, ch, arg);
	}
}

/* One option into c: those every command takes, and plan's. */
static void
option(struct cli *c, int ch, const char *arg)
{
	switch (ch) {
	case 'a': c->append = arg; break;
	case 'f': c->fmt = arg; break;
	case 'h': tool_usage(0);
	case 'i': c->inplace = arg; break;
	case 'V': tool_version();
	case O_DATE: c->plan.date = arg; break;
	case O_EVERY: c->plan.every = arg; break;
	case O_COUNT:
		c->plan.count = (long)tool_number("--count", arg, 1, 100000);
		break;
	case O_UNTIL: c->plan.until = arg; break;
	case O_PRINCIPLE:
		c->principles = tool_list_add(c->principles,
		    &c->plan.nprinciple, arg);
		c->principle = arg;
		break;
	case O_WITH: c->plan.with = arg; break;
	case O_LEADER: c->plan.leader = arg; break;
	case O_ROOT: c->plan.root_cause = arg; break;
	case O_SEED:
		c->plan.seed = (uint64_t)tool_number("--seed", arg, 0,
		    LLONG_MAX);
		break;
	case O_PERPAIR: c->per_pair = 1; break;
	case O_NOW: c->nowopt = arg; break;
	case O_PAIRTIME: c->plan.pair_time = arg; break;
	case O_DURATION: c->plan.duration = arg; break;
	case O_TZ: c->tz = arg; break;
	case O_ADD: c->add_people = 1; break;
	default: checkin_option(c, ch, arg);
	}
}

/* The command and its options into c; argc and argv left with the
 * operands. */
const char *
followup_options(struct cli *c, int *argc, char ***argv)
{
	static char self[64];	/* what getopt's messages begin with */
	const char *cmd;
	int ch;

	if (*argc > 1 && (strcmp((*argv)[1], "--help") == 0 ||
	    strcmp((*argv)[1], "-h") == 0))
		tool_usage(0);
	if (*argc > 1 && (strcmp((*argv)[1], "--version") == 0 ||
	    strcmp((*argv)[1], "-V") == 0))
		tool_version();
	if (*argc < 2)
		tool_usage_error("name what to do: plan, show, checkin, "
		    "review, due or report");
	cmd = (*argv)[1];
	(*argc)--;
	(*argv)++;
	snprintf(self, sizeof(self), "align-followup %s", cmd);
	(*argv)[0] = self;
	while ((ch = getopt_long(*argc, *argv, "a:f:hi:V", longopts,
	    NULL)) != -1)
		option(c, ch, checked(ch, optarg));
	*argc -= optind;
	*argv += optind;
	c->plan.principle = c->principles;
	c->plan.goal = c->goals;
	c->plan.commit = c->commits;
	c->plan.support = c->supports;
	return cmd;
}
