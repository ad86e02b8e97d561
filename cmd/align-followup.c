/*
 * align-followup - step 8: pair up, follow up, reflect.  Plans follow-up
 * rounds with pairs, prints calendar entries, tells cron what is due,
 * records check-ins and reports progress.
 */
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "../lib/file.h"
#include "../lib/followup.h"
#include "../lib/grow.h"
#include "../lib/private.h"
#include "../lib/review.h"
#include "../lib/roster.h"
#include "../lib/out.h"
#include "../lib/reader.h"
#include "../lib/text.h"
#include "../lib/writer.h"
#include "tool.h"

static const char usage[] =
"usage: align-followup plan [-i file] [-f format] [--date time] [--every span]\n"
"                     [--count n] [--until date] [--principle id] [--with name]\n"
"                     [--leader name] [--root-cause text] [--view text]\n"
"                     [--role text] [--acknowledge text] [--support text]\n"
"                     [--goal text [--measure text] [--target n] [--unit u]]\n"
"                     [--commit name:text [--due date]] [--seed n] [--per-pair]\n"
"                     [--pair-time hh:mm] [--tz zone] [--git-ok] [--now time]\n"
"                     [--add-participant] [file ...]\n"
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
"  -f, --format f      plan: yaml, text, html (a page) or ics; show: text or\n"
"                      ics; report: text, markdown or html (a page with\n"
"                      charts)\n"
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
	O_VALUE, O_DONE, O_REVIEWDATE, O_GIT_OK };

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

/* The options of review. */
struct review_cli {
	const char **values, **outcomes, **done;
	size_t nvalues, noutcomes, ndone;
	const char *week;
};

struct cli {
	struct align_followup_opts plan;
	const char *inplace, *append, *fmt, *nowopt;
	const char *who, *principle, *outcome, *note, *followup, *recog;
	const char *within, *again, *tz;
	int per_pair, mark, add_people;
	char *with;		/* --with as the roster names the person */
	size_t min_group;
	const char **principles, **supports;
	struct align_goal_opt *goals;
	struct align_commit_opt *commits;
	size_t capgoal, capcommit;
	struct review_cli review;	/* review, done */
	int git_ok;			/* --git-ok */
	struct align_lock lock;	/* -i, due --mark: held while in use */
};


/* What this step keeps of the stream: the records it looks at, copied
 * (a survey's responses need no memory here); the rest is spilled by
 * tool_stream when the stream is written again. */
struct kept {
	struct align_node *recs;	/* the records looked at, in order */
	size_t *owned;		/* the index in recs of each record that
				 * plan may rewrite, in order */
	size_t nowned, cap;
	long session;		/* the first session's index, or -1 */
	const struct align_planned *p;	/* plan: what it writes */
	struct align_node *const *fresh; /* checkin: the new records */
	const struct align_node *round;	/* review --done: the round as it is
					 * now, in place of recs[round_at] */
	long round_at;
	int private;		/* the session is private: known before any
				 * write, so that failing to tell fails first */
};

static int
wanted(const struct align_node *rec)
{
	switch (align_kind_of(align_record_kind(rec))) {
	case ALIGN_KIND_SESSION: case ALIGN_KIND_PRINCIPLE:
	case ALIGN_KIND_FOLLOWUP: case ALIGN_KIND_CHECKIN:
	case ALIGN_KIND_REMINDER: case ALIGN_KIND_REVIEW:
		return 1;
	default:
		return 0;
	}
}

/* The records plan may rewrite: a round it revises, the session that
 * keeps its zone. */
static int
owns(void *ctx, const struct align_node *rec)
{
	enum align_kind k = align_kind_of(align_record_kind(rec));

	(void)ctx;
	return k == ALIGN_KIND_SESSION || k == ALIGN_KIND_FOLLOWUP;
}

static int
take(void *ctx, const struct align_node *rec, struct align_err *e)
{
	struct kept *k = ctx;
	struct align_node *copy;

	if (!wanted(rec))
		return 0;
	if (owns(k, rec)) {
		if (ALIGN_GROW(k->owned, k->nowned + 1, k->cap) < 0)
			return align_err_nomem(e);
		k->owned[k->nowned++] = k->recs->n;
	}
	if (k->session < 0 && align_kind_of(align_record_kind(rec)) ==
	    ALIGN_KIND_SESSION)
		k->session = (long)k->recs->n;
	/* align_seq_push() frees copy when it fails. */
	if ((copy = align_node_copy(rec)) == NULL ||
	    align_seq_push(k->recs, copy) < 0)
		return align_err_nomem(e);
	return 0;
}

static void private_file(const struct cli *c, const struct kept *k,
    const char *path);

/* The stream: -i FILE (locked first, until written), -a FILE, or the
 * operands (standard input when none), into k; kept aside to be written
 * again when out. */
static void
input(struct cli *c, struct tool_stream *st, struct kept *k, int argc,
    char **argv, int out)
{
	struct align_err e = ALIGN_ERR_INIT;
	int rc = 1;

	if ((c->inplace || c->append) && argc > 0)
		tool_usage_error("-i and -a take no file operands");
	memset(k, 0, sizeof(*k));
	k->session = -1;
	if ((k->recs = align_seq()) == NULL)
		tool_die((align_err_nomem(&e), &e));
	st->paths = c->append ? (char **)&c->append : argv;
	st->npaths = c->append ? 1 : (size_t)argc;
	st->inplace = c->inplace;
	st->out = out;
	st->take = take;
	st->ctx = k;
	/* A FIFO or a directory is refused, never waited on; -a may make
	 * its file. */
	if (c->append && (rc = align_file_check(c->append, &e)) < 0)
		tool_die(&e);
	if (c->append && rc == 0)
		st->fresh = 1;
	tool_stream_read(st);
	k->private = tool_private(align_session_of(k->recs));
}

static void
kept_release(struct kept *k)
{
	align_node_free(k->recs);
	free(k->owned);
}


/* The record that replaces the k-th owned one, or NULL: as it was. */
static const struct align_node *
edit(void *ctx, size_t i)
{
	const struct kept *k = ctx;
	long at = (long)k->owned[i];

	if (k->p && k->p->rec && at == k->p->at)
		return k->p->rec;
	if (k->round && at == k->round_at)
		return k->round;
	if (k->p && k->p->tz && at == k->session)
		return k->recs->item[at];
	return NULL;
}

/* The new records at the end: a new round, or the check-ins. */
static struct align_node *
added(void *ctx, size_t i, struct align_err *e)
{
	const struct kept *k = ctx;
	struct align_node *rec = align_node_copy(k->p ? k->p->rec :
	    k->fresh[i]);

	if (rec == NULL)
		align_err_nomem(e);
	return rec;
}

/* The records read, as the views of step 8; with zoned, in the step's
 * zone (--tz, the session's, the system's). */
static void
rounds(struct align_rounds *rs, const struct align_node *recs,
    const struct cli *c, int zoned)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (align_rounds_read(rs, recs, &e) < 0 ||
	    (zoned && align_rounds_zone(rs, c->tz, &e) < 0))
		tool_die(&e);
	rs->add_people = c->add_people;
}

/* The plan's person and principles as the session names them. */
static void
named(struct cli *c, const struct align_rounds *rs)
{
	struct align_err e = ALIGN_ERR_INIT;
	char *who;
	size_t i;

	if (c->plan.with) {
		if (align_rounds_person(rs, c->plan.with, &who, &e) < 0)
			tool_usage_error("--with: %s", e.msg);
		c->plan.with = c->with = who;
	}
	for (i = 0; i < c->plan.nprinciple; i++)
		if (align_rounds_aim(rs, c->principles[i], &c->principles[i],
		    &e) < 0)
			tool_usage_error("--principle: %s", e.msg);
}

/* A first round reviews the principles: there must be some, and they
 * should be agreed (else the round reviews every one proposed). */
static void
first_round(const struct cli *c, const struct align_rounds *rs)
{
	size_t i;

	if (rs->nround || c->plan.with || c->plan.nprinciple)
		return;
	if (rs->nprinciple == 0)
		tool_too_early("no principles", "align-distill");
	for (i = 0; i < rs->nprinciple; i++) {
		const char *st = rs->principle[i].v.u.principle.status;

		if (st && strcmp(st, "agreed") == 0)
			return;
	}
	fprintf(stderr, "%s: no principle agreed yet (align-distill --agree): "
	    "the round reviews every one proposed\n", tool_name);
}

static int
plan(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show show = { .b = &b, .format = ALIGN_FMT_NONE,
	    .width = 80, .tool = tool_name };
	struct tool_stream st = { .owns = owns, .keep = 1 };
	struct kept k;
	struct align_rounds rs;
	struct align_planned p;
	int out;

	show.format = c->fmt ? tool_format(c->fmt, ALIGN_FMT_YAML |
	    align_planned_formats()) : c->inplace ? ALIGN_FMT_NONE :
	    tool_default_format();
	out = show.format == ALIGN_FMT_YAML || c->inplace;
	input(c, &st, &k, argc, argv, out);
	rounds(&rs, k.recs, c, 1);
	first_round(c, &rs);
	named(c, &rs);
	c->plan.now = now;
	if (align_followup_plan(&rs, &c->plan, &p, &e) < 0)
		tool_die_in(&e, c->inplace ? c->inplace : argc == 0 ? "-" :
		    argc == 1 ? argv[0] : NULL);
	if (out && align_planned_zone(&p, k.recs, &e) < 0)
		tool_die(&e);
	k.p = &p;
	tool_stream_edit(&st, edit, p.at < 0 ? 1 : 0, added, &k);
	if (c->inplace)
		private_file(c, &k, c->inplace);
	if (align_planned_show(&p, &rs, &show, c->per_pair, now, &e) < 0)
		tool_die(&e);
	tool_print(&b);
	align_planned_release(&p);
	align_rounds_release(&rs);
	kept_release(&k);
	free(c->with);
	return 0;
}

/* Standard input, read whole before any file is locked: a person may
 * take minutes to type the check-ins. */
static struct align_buf
typed(void)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	char chunk[4096];
	size_t n;

	if (isatty(STDIN_FILENO))
		fprintf(stderr, "One check-in a line: [Name:] p2 "
		    "success|failure|mixed: what happened. Ctrl-D ends.\n");
	while ((n = fread(chunk, 1, sizeof(chunk), stdin)) > 0)
		align_buf_add(&b, chunk, n);
	if (ferror(stdin))
		tool_die((align_err_set(&e, EX_IOERR, "<stdin>", 0, 0,
		    "read error"), &e));
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	return b;
}

/* The rounds as planned, changing nothing. */
static int
show(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_TEXT,
	    .width = 80 };
	struct tool_stream st = { 0 };
	struct kept k;
	struct align_rounds rs;

	if (c->inplace || c->append)
		tool_usage_error("show changes nothing: no -i or -a");
	if (c->fmt)
		s.format = tool_format(c->fmt, align_rounds_formats());
	input(c, &st, &k, argc, argv, 0);
	rounds(&rs, k.recs, c, 1);
	if (rs.nround == 0 && s.format == ALIGN_FMT_TEXT)
		align_buf_puts(&b, "No follow-up planned (align-followup "
		    "plan).\n");
	if (align_rounds_show(&rs, &s, c->per_pair, now, &e) < 0)
		tool_die(&e);
	tool_print(&b);
	align_rounds_release(&rs);
	kept_release(&k);
	return 0;
}

/* The new check-ins: one by the options, or one a line of what was
 * typed, "[Name:] p2 success: what happened". */
static struct align_node *
checkins(struct cli *c, const struct align_rounds *rs, const char *at,
    const struct align_buf *lines)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_checkin_view k;
	struct align_node *fresh, *rec;
	FILE *in;

	memset(&k, 0, sizeof(k));
	k.participant = c->who;
	k.principle = c->principle;
	k.outcome = c->outcome;
	k.note = c->note;
	k.followup = c->followup;
	k.recognition = c->recog;
	k.at = at;
	if ((fresh = align_seq()) == NULL)
		tool_die((align_err_nomem(&e), &e));
	if (c->principle || c->outcome) {
		if (align_checkin_new(rs, &k, &rec, &e) < 0)
			tool_die(&e);
		if (align_seq_push(fresh, rec) < 0)
			tool_die((align_err_nomem(&e), &e));
		return fresh;
	}
	if (lines->len == 0)
		return fresh;
	if ((in = fmemopen(lines->p, lines->len, "r")) == NULL)
		tool_die((align_err_nomem(&e), &e));
	if (align_checkins_read(rs, in, "<stdin>", &k, fresh, &e) < 0)
		tool_die(&e);
	fclose(in);
	return fresh;
}

static int
checkin(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct tool_stream st = { 0 };
	struct kept k;
	struct align_node *fresh;
	struct align_buf b = ALIGN_BUF_INIT, lines = ALIGN_BUF_INIT;
	struct align_rounds rs;
	char at[40];
	size_t i;

	if (!c->principle && !c->outcome)
		lines = typed();
	input(c, &st, &k, argc, argv, c->append == NULL);
	align_time_format(now, at);
	rounds(&rs, k.recs, c, 0);
	fresh = checkins(c, &rs, at, &lines);
	align_buf_release(&lines);
	if (c->append) {
		/* All the check-ins in one append, whole or not at all. */
		for (i = 0; i < fresh->n; i++)
			align_emit_record(&b, fresh->item[i]);
		if (b.failed)
			tool_die((align_err_nomem(&e), &e));
		if (align_append_file(c->append, b.p, b.len, NULL, &e) < 0)
			tool_die(&e);
		private_file(c, &k, c->append);
	} else {
		k.fresh = fresh->item;
		tool_stream_write(&st, ALIGN_SPILL_NONE, 0, fresh->n, added,
		    &k);
		if (c->inplace)
			private_file(c, &k, c->inplace);
	}
	align_rounds_release(&rs);
	align_buf_release(&b);
	align_node_free(fresh);
	kept_release(&k);
	return 0;
}

/* How far ahead due looks, and after how long it reminds again, in
 * minutes, once its operands are checked. */
static long
window(const struct cli *c, int argc, long *again)
{
	struct align_err e = ALIGN_ERR_INIT;
	long within = 0;

	if (argc < 1)
		tool_usage_error("due: name the session files");
	if (c->mark && argc != 1)
		tool_usage_error("--mark: name one session file");
	if (c->within && align_duration_parse(c->within, &within, &e) < 0)
		tool_usage_error("--within: %s", e.msg);
	*again = ALIGN_DUE_AGAIN;
	if (c->again && strcmp(c->again, "never") == 0)
		*again = 0;
	else if (c->again && (align_duration_parse(c->again, again, &e) < 0 ||
	    *again % (24 * 60) != 0))
		tool_usage_error("--again: %s", e.status ? e.msg :
		    "whole days, such as 3d or 1w");
	return within;
}

static int
due(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT, text = ALIGN_BUF_INIT;
	struct align_show show = { .b = &text, .format = ALIGN_FMT_TEXT,
	    .width = 80, .color = 0 };
	struct tool_stream st = { 0 };
	struct kept k;
	struct align_rounds rs;
	struct align_due_list list;
	struct align_due *items;
	long again, within = window(c, argc, &again);
	size_t n, i;
	char at[40];

	/* Marking writes: the file is locked before it is read, so that
	 * two runs at once give each reminder once. */
	if (c->mark)
		tool_lock(&c->lock, argv[0]);
	input(c, &st, &k, argc, argv, 0);
	rounds(&rs, k.recs, c, 1);
	if (rs.nround == 0)
		tool_too_early("no follow-up planned", "align-followup plan");
	if (align_due_items(&rs, now, within, again, &list, &e) < 0)
		tool_die(&e);
	items = list.v;
	n = list.n;
	align_due_show(&list, &show);
	tool_print(&text);
	tool_finish();
	if (c->mark && n > 0) {
		align_time_format(now, at);
		for (i = 0; i < n; i++) {
			struct align_node *m = align_record_new("reminder");

			if (m == NULL || align_map_put_str(m, "id", items[i].id) <
			    0 || align_map_put_str(m, "followup",
			    items[i].followup) < 0 || align_map_put_str(m,
			    "date", items[i].date) < 0 || align_map_put_str(m,
			    "what", items[i].what) < 0 || align_map_put_str(m,
			    "at", at) < 0)
				b.failed = 1;
			else
				align_emit_record(&b, m);
			align_node_free(m);
		}
		if (b.failed)
			tool_die((align_err_nomem(&e), &e));
		if (align_lock_append(&c->lock, b.p, b.len, &e) < 0)
			tool_die(&e);
		private_file(c, &k, argv[0]);
	}
	align_lock_release(&c->lock);
	align_buf_release(&b);
	align_due_release(&list);
	align_rounds_release(&rs);
	kept_release(&k);
	return n > 0 ? 0 : 1;
}

/* A private session's file: mode 0600 after every write (tool.h). */
static void
private_file(const struct cli *c, const struct kept *k, const char *path)
{
	tool_private_file(k->private, path, c->git_ok, "say --git-ok");
}

/* One line of standard input after asking q (on a terminal), or NULL at
 * its end or for a blank line; *line is reused. */
static const char *
answer(const char *q, char **line, size_t *cap)
{
	struct align_buf b = ALIGN_BUF_INIT;

	if (isatty(STDIN_FILENO)) {
		struct align_show sh = { .b = &b, .format = ALIGN_FMT_TEXT,
		    .width = 80 };

		align_show_text(&sh, q);
		fprintf(stderr, "%s", b.p ? b.p : "");
		align_buf_release(&b);
	}
	if (getline(line, cap, stdin) < 0)
		return NULL;
	(*line)[strcspn(*line, "\r\n")] = '\0';
	return **line ? *line : NULL;
}

/* "id=text" as a new string, kept in *keep to be freed. */
static const char *
keep_str(const char ***keep, size_t *nkeep, const char *id, const char *text)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;

	if (id)
		align_buf_printf(&b, "%s=%s", id, text);
	else
		align_buf_puts(&b, text);
	if (b.failed)
		tool_die((align_err_nomem(&e), &e));
	*keep = tool_list_add(*keep, nkeep, b.p);
	return b.p;
}

/* The short prompt of a review: each measured goal's value, each open
 * commitment's outcome (or done), a note, the recognition; a blank
 * answer skips. */
static void
ask(struct cli *c, const struct align_followup_view *f, const char ***keep,
    size_t *nkeep)
{
	const struct align_goal_view *g = f->goals.v;
	const struct align_commitment_view *k = f->commitments.v;
	struct align_buf q = ALIGN_BUF_INIT;
	struct review_cli *r = &c->review;
	char *line = NULL;
	const char *a;
	size_t cap = 0, i;

	for (i = 0; i < f->goals.n; i++) {
		if (!g[i].id || !(g[i].measure || g[i].target))
			continue;
		align_buf_reset(&q);
		align_buf_printf(&q, "%s %s (%s%s%s): ", g[i].id, g[i].goal ?
		    g[i].goal : "", g[i].measure ? g[i].measure : "value",
		    g[i].unit ? ", " : "", g[i].unit ? g[i].unit : "");
		if ((a = answer(q.p, &line, &cap)) != NULL)
			r->values = tool_list_add(r->values, &r->nvalues,
			    keep_str(keep, nkeep, g[i].id, a));
	}
	for (i = 0; i < f->commitments.n; i++) {
		if (!k[i].id || k[i].done)
			continue;
		align_buf_reset(&q);
		align_buf_printf(&q, "%s %s: %s (success, failure, mixed or "
		    "done): ", k[i].id, k[i].participant ? k[i].participant :
		    "?", k[i].commitment ? k[i].commitment : "");
		if ((a = answer(q.p, &line, &cap)) == NULL)
			continue;
		if (strcmp(a, "done") == 0)
			r->done = tool_list_add(r->done, &r->ndone,
			    keep_str(keep, nkeep, NULL, k[i].id));
		else
			r->outcomes = tool_list_add(r->outcomes, &r->noutcomes,
			    keep_str(keep, nkeep, k[i].id, a));
	}
	if ((a = answer("Note: ", &line, &cap)) != NULL)
		c->note = keep_str(keep, nkeep, NULL, a);
	if ((a = answer("Recognition: ", &line, &cap)) != NULL)
		c->recog = keep_str(keep, nkeep, NULL, a);
	free(line);
	align_buf_release(&q);
}

/* The review's input from the options. */
static struct align_review_input
review_input(const struct cli *c, const char *with,
    const struct align_time *now)
{
	struct align_review_input in = {
		.with = with, .followup = c->followup, .week = c->review.week,
		.values = c->review.values, .nvalues = c->review.nvalues,
		.outcomes = c->review.outcomes,
		.noutcomes = c->review.noutcomes, .done = c->review.done,
		.ndone = c->review.ndone, .note = c->note,
		.recognition = c->recog, .now = now
	};

	return in;
}

/* --with, resolved against the roster of rs (borrowed from *ro). */
static const char *
review_with(const struct cli *c, const struct align_rounds *rs,
    struct align_roster **ro)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_followup_opts o = { .with = c->plan.with };
	const char *with, *leader;

	if (align_one_to_one_names(rs, &o, ro, &with, &leader, &e) < 0)
		tool_die(&e);
	return with;
}

/* Asked for on standard input when nothing was said: the round is read
 * (unlocked) to know what to ask, before the file is locked. */
static void
review_prompt(struct cli *c, int argc, char **argv,
    const struct align_time *now, const char ***keep, size_t *nkeep)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct cli peek = *c;
	char *one = (char *)(c->inplace ? c->inplace : c->append);
	struct tool_stream st = { 0 };
	struct align_roster *ro;
	struct kept k;
	struct align_rounds rs;
	struct align_review_input in;
	size_t at;

	peek.inplace = peek.append = NULL;
	input(&peek, &st, &k, one ? 1 : argc, one ? &one : argv, 0);
	rounds(&rs, k.recs, c, 1);
	in = review_input(c, review_with(c, &rs, &ro), now);
	if (align_review_round(&rs, &in, &at, &e) < 0)
		tool_die(&e);
	ask(c, &rs.round[at].v.u.followup, keep, nkeep);
	align_roster_free(ro);
	align_rounds_release(&rs);
	kept_release(&k);
}

/* The records of a review: the review (or NULL: none), and in k the
 * round with the commitments done, in place of the one read. */
static struct align_node *
reviewed(struct cli *c, struct kept *k, const struct align_time *now,
    struct align_node **round)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *rec = NULL;
	struct align_roster *ro;
	struct align_rounds rs;
	struct align_review_input in;
	size_t at;

	*round = NULL;
	rounds(&rs, k->recs, c, 1);
	in = review_input(c, review_with(c, &rs, &ro), now);
	if ((in.nvalues || in.noutcomes || in.note || in.recognition ||
	    !in.ndone) && align_review_new(&rs, &in, &rec, &e) < 0)
		tool_die(&e);
	if (in.ndone) {
		if (align_review_done(&rs, &in, round, &at, &e) < 0)
			tool_die(&e);
		k->round = *round;
		k->round_at = (long)at;
	}
	align_roster_free(ro);
	align_rounds_release(&rs);
	return rec;
}

static int
review(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct review_cli *r = &c->review;
	struct tool_stream st = { .owns = owns, .keep = 1 };
	struct kept k;
	struct align_node *rec, *round;
	const char **keep = NULL;
	size_t nkeep = 0, i;

	if (c->append && r->ndone)
		tool_usage_error("--done changes the round: -i, not -a");
	if (!r->nvalues && !r->noutcomes && !r->ndone && !c->note &&
	    !c->recog)
		review_prompt(c, argc, argv, now, &keep, &nkeep);
	input(c, &st, &k, argc, argv, c->append == NULL);
	rec = reviewed(c, &k, now, &round);
	if (c->append) {
		align_emit_record(&b, rec);
		if (b.failed)
			tool_die((align_err_nomem(&e), &e));
		if (align_append_file(c->append, b.p, b.len, NULL, &e) < 0)
			tool_die(&e);
		private_file(c, &k, c->append);
	} else {
		k.fresh = &rec;
		tool_stream_edit(&st, edit, rec ? 1 : 0, added, &k);
		if (c->inplace)
			private_file(c, &k, c->inplace);
	}
	for (i = 0; i < nkeep; i++)
		free((char *)keep[i]);
	free(keep);
	align_buf_release(&b);
	align_node_free(rec);
	align_node_free(round);
	kept_release(&k);
	return 0;
}

static int
report(struct cli *c, int argc, char **argv, const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show show = { .b = &b, .format = c->fmt ?
	    tool_format(c->fmt, align_report_formats()) : ALIGN_FMT_TEXT,
	    .width = 80, .color = tool_color(), .tool = tool_name,
	    .min_group = c->min_group };
	struct tool_stream st = { 0 };
	struct kept k;
	struct align_rounds rs;
	struct align_report v;

	input(c, &st, &k, argc, argv, 0);
	rounds(&rs, k.recs, c, 1);
	if (rs.nround == 0)
		tool_too_early("no follow-up planned", "align-followup plan");
	if (align_report_make(&v, &rs, &e) < 0 ||
	    align_report_practice(&v, &rs, now, &e) < 0)
		tool_die(&e);
	align_report_show(&v, &show);
	tool_print(&b);
	align_report_release(&v);
	align_rounds_release(&rs);
	kept_release(&k);
	return 0;
}

static const struct {
	const char *name;
	int (*run)(struct cli *, int, char **, const struct align_time *);
} commands[] = {
	{ "plan", plan }, { "show", show }, { "checkin", checkin },
	{ "due", due }, { "report", report }, { "review", review },
};

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

/* One option into c. */
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
	case O_MIN_GROUP:
		c->min_group = (size_t)tool_number("--min-group", arg, 1,
		    1000000);
		break;
	case O_PAIRTIME: c->plan.pair_time = arg; break;
	case O_TZ: c->tz = arg; break;
	case O_AGAIN: c->again = arg; break;
	case O_ADD: c->add_people = 1; break;
	default: one_to_one_option(c, ch, arg);
	}
}

/* The command and its options into c; argc and argv left with the
 * operands. */
static const char *
options(struct cli *c, int *argc, char ***argv)
{
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
	while ((ch = getopt_long(*argc, *argv, "a:f:hi:V", longopts,
	    NULL)) != -1)
		option(c, ch, optarg);
	*argc -= optind;
	*argv += optind;
	c->plan.principle = c->principles;
	c->plan.goal = c->goals;
	c->plan.commit = c->commits;
	c->plan.support = c->supports;
	return cmd;
}

int
main(int argc, char *argv[])
{
	struct cli c;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time now;
	const char *cmd;
	size_t i;
	int rc;

	memset(&c, 0, sizeof(c));
	c.plan.seed = 1;
	tool_init("align-followup", usage);
	cmd = options(&c, &argc, &argv);
	if (align_now(c.nowopt, &now, &e) < 0)
		tool_usage_error("--now: %s", e.msg);
	for (i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(cmd, commands[i].name) == 0)
			break;
	if (i == sizeof(commands) / sizeof(commands[0]))
		tool_usage_error("unknown command '%s': plan, show, checkin, "
		    "review, due or report", cmd);
	rc = commands[i].run(&c, argc, argv, &now);
	free(c.principles);
	free(c.goals);
	free(c.commits);
	free(c.supports);
	free(c.review.values);
	free(c.review.outcomes);
	free(c.review.done);
	tool_finish();
	return rc;
}
