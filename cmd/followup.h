/*
 * followup.h - align-followup's command layer: its options, the stream it
 * keeps, and one function a command (plan, show, checkin, review, due,
 * report), each in a file named after it.  The work is in lib/
 * (followup.h, review.h, due.h, report.h); these read the options and the
 * stream, call it, and write or show what it made.  Every function here
 * exits with a message on a failure (tool.h), never returns one.
 */
#ifndef ALIGN_CMD_FOLLOWUP_H
#define ALIGN_CMD_FOLLOWUP_H

#include <stddef.h>

#include "../lib/file.h"
#include "../lib/followup.h"
#include "tool.h"

/* The options of review (--value, --outcome, --done, --week). */
struct review_cli {
	const char **values, **outcomes, **done;
	size_t nvalues, noutcomes, ndone;
	const char *week;
};

/* Every option of every command: the command uses those it takes. */
struct cli {
	struct align_followup_opts plan;
	const char *inplace, *append, *fmt, *nowopt;
	const char *who, *principle, *outcome, *note, *followup, *recog;
	const char *within, *again, *tz;
	int per_pair, mark, add_people;
	int apart;		/* the session's participants may be kept
				 * apart from its record (struct kept): no
				 * roster of the record is made */
	char *with;		/* --with as the roster names the person */
	size_t min_group;
	const char **principles, **supports;
	struct align_goal_opt *goals;
	struct align_commit_opt *commits;
	size_t capgoal, capcommit;
	struct review_cli review;	/* review, done */
	int git_ok;			/* --git-ok */
	struct align_lock lock;	/* -i, due --mark: held while in use */
	const char *path;	/* the one file read ("-": standard input), for
				 * messages; NULL when several are */
};

/* What this step keeps of the stream: the records it looks at, kept
 * where the reader made them, not copied (a survey's responses need no
 * memory here); the rest is spilled by tool_stream when the stream is
 * written again. */
struct kept {
	struct align_node *recs;	/* the records looked at, in order */
	struct tool_stream *st;		/* the pools they live in */
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
	int apart;		/* cli's */
	char *names;		/* the session's participants kept apart
				 * (followup_stream.c), one after another,
				 * or NULL: in the record */
	size_t nname;		/* how many */
	int names_lent;		/* names are a packed list's, in a pool
				 * kept (st's), not k's to free */
	struct kept_pairs *pairs; /* the rounds' pairs kept apart, when
				 * apart (followup_stream.c) */
	size_t npairs, cappairs;
	long same_at;		/* plan: the round revised, written as it
				 * was read (it did not change), or -1 */
	const char *tz;		/* cli's --tz, or NULL */
};

/* A round's pairs kept apart from its record (whose "pairs" is left an
 * empty list): a survey's round lists everyone, two nodes and a list a
 * pair as read, a few bytes here.  Its view gets them back
 * (followup_rounds()), and its record when it is written changed
 * (followup_pairs_whole()). */
struct kept_pairs {
	size_t at;		/* the round's index in recs */
	char *text;		/* the names, one after another */
	unsigned char *size;	/* each group's number of names */
	size_t ngroup, nname;
	int lent;		/* text and size are a packed list's, in a
				 * pool kept (st's), not k's to free */
};

/* followup_options.c: the usage text, for tool_init(). */
extern const char followup_usage[];
/* followup_options.c: the command (argv[1]) and its options into c
 * (zeroed by the caller, with the defaults set); argc and argv left with
 * the operands.  --help and --version exit here; a bad option exits 64.
 * c's lists are the caller's to free. */
const char *followup_options(struct cli *c, int *argc, char ***argv);

/* followup_stream.c: the stream, -i FILE (locked first, until written),
 * -a FILE, or the operands (standard input when none), read into k (set
 * here; kept_release() gives it back); written again when out (then
 * st->owns is followup_owns and st->keep 1, set by the caller). */
void followup_input(struct cli *c, struct tool_stream *st, struct kept *k,
    int argc, char **argv, int out);
void followup_kept_release(struct kept *k);
/* The records plan and review may rewrite: the session, the rounds. */
int followup_owns(void *ctx, const struct align_node *rec);
/* For tool_stream_edit(), with a struct kept as ctx: the record that
 * replaces the i-th owned one (k->p's round, k->round, the session with
 * plan's zone) or NULL (as it was); the new records at the end (k->p's
 * round, else k->fresh[i]), a copy. */
const struct align_node *followup_edit(void *ctx, size_t i);
struct align_node *followup_added(void *ctx, size_t i, struct align_err *e);
/* The records read as step 8's views into rs (align_rounds_release() it);
 * when zoned, in the step's zone (--tz, the session's, the system's). */
void followup_rounds(struct align_rounds *rs, const struct kept *k,
    const struct cli *c, int zoned);
/* The session whole again before it is written (plan's zone): its
 * participants put back in it (a copy: the views keep pointing into k).
 * 0, or -1 and e (71). */
int followup_session_whole(struct kept *k, struct align_err *e);
/* The round at recs[at] whole again, as rec (a copy of it to be written,
 * its "pairs" put back in it as nodes, or with as_text as one packed list,
 * node.h, for a record only written, whose view has no pairs) when its
 * pairs were kept apart.  0, or -1 and e (71). */
int followup_pairs_whole(const struct kept *k, size_t at,
    struct align_node *rec, int as_text, struct align_err *e);
/* 1 when the round at recs[at] had its pairs kept apart. */
int followup_pairs_apart(const struct kept *k, size_t at);
/* A private session's file: mode 0600 after every write (tool.h). */
void followup_private_file(const struct cli *c, const struct kept *k,
    const char *path);
/* The records v[0..n-1] appended to -a's file in one append, whole or
 * not at all, then its mode as followup_private_file() says; dies on
 * failure. */
void followup_append(const struct cli *c, const struct kept *k,
    struct align_node *const *v, size_t n);

/* The commands, each with the operands left by followup_options() and
 * the clock; the exit status. */
/* followup_plan.c: plan a round (the pairs, a cadence, a one-to-one)
 * into the stream or -i FILE, and show it. */
int followup_plan(struct cli *c, int argc, char **argv,
    const struct align_time *now);
/* followup_plan.c: the rounds as planned, changing nothing. */
int followup_show(struct cli *c, int argc, char **argv,
    const struct align_time *now);
/* followup_checkin.c: check-ins, from the options or one a line of
 * standard input ("[Name:] p2 success: what happened"), read whole before
 * any file is locked. */
int followup_checkin(struct cli *c, int argc, char **argv,
    const struct align_time *now);
/* followup_review.c: a one-to-one's review (a goal's value, a
 * commitment's outcome or done, a note); with none given, a short prompt
 * on standard input first. */
int followup_review(struct cli *c, int argc, char **argv,
    const struct align_time *now);
/* followup_due.c: what is due (for cron); with --mark, the reminders
 * given recorded in the one file operand.  0 when something is due, 1
 * when nothing is. */
int followup_due(struct cli *c, int argc, char **argv,
    const struct align_time *now);
/* followup_report.c: the progress report, changing nothing. */
int followup_report(struct cli *c, int argc, char **argv,
    const struct align_time *now);

#endif
