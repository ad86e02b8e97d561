/*
 * followup_review.c - align-followup review: a one-to-one's meeting
 * reviewed (a goal's value, a commitment's outcome or done, a note, the
 * recognition), from the options or, when none is given, a short prompt
 * on standard input asked before the file is locked.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sysexits.h>
#include <unistd.h>

#include "../lib/review.h"
#include "../lib/roster.h"
#include "../lib/round.h"
#include "../lib/text.h"
#include "../lib/writer.h"
#include "followup.h"

/* One line of standard input after asking q (on a terminal), or NULL at
 * its end or for a blank line; *line is reused.  A line that is not text
 * (text.h) ends the run (65) before anything is written. */
static const char *
answer(const char *q, char **line, size_t *cap)
{
	static unsigned long lno;	/* of standard input */
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	ssize_t len;

	if (isatty(STDIN_FILENO)) {
		struct align_show sh = { .b = &b, .format = ALIGN_FMT_TEXT,
		    .width = 80 };

		align_show_text(&sh, q);
		fprintf(stderr, "%s", b.p ? b.p : "");
		align_buf_release(&b);
	}
	if ((len = getline(line, cap, stdin)) < 0)
		return NULL;
	lno++;
	/* The line without its end, LF or CRLF: text (text.h). */
	if (len > 0 && (*line)[len - 1] == '\n')
		len--;
	if (len > 0 && (*line)[len - 1] == '\r')
		len--;
	if (align_text_check(*line, (size_t)len, EX_DATAERR, "<stdin>", lno,
	    &e) < 0)
		tool_die(&e);
	(*line)[len] = '\0';
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
		tool_die_in(&e, c->path);
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
	followup_input(&peek, &st, &k, one ? 1 : argc, one ? &one : argv, 0);
	followup_rounds(&rs, &k, &peek, 1);
	in = review_input(c, review_with(&peek, &rs, &ro), now);
	if (align_review_round(&rs, &in, &at, &e) < 0)
		tool_die_in(&e, peek.path);
	ask(c, &rs.round[at].v.u.followup, keep, nkeep);
	align_roster_free(ro);
	align_rounds_release(&rs);
	followup_kept_release(&k);
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
	followup_rounds(&rs, k, c, 1);
	in = review_input(c, review_with(c, &rs, &ro), now);
	if ((in.nvalues || in.noutcomes || in.note || in.recognition ||
	    !in.ndone) && align_review_new(&rs, &in, &rec, &e) < 0)
		tool_die_in(&e, c->path);
	if (in.ndone) {
		if (align_review_done(&rs, &in, round, &at, &e) < 0)
			tool_die_in(&e, c->path);
		k->round = *round;
		k->round_at = (long)at;
	}
	align_roster_free(ro);
	align_rounds_release(&rs);
	return rec;
}

int
followup_review(struct cli *c, int argc, char **argv,
    const struct align_time *now)
{
	struct review_cli *r = &c->review;
	struct tool_stream st = { .owns = followup_owns, .keep = 1 };
	struct kept k;
	struct align_node *rec, *round;
	const char **keep = NULL;
	size_t nkeep = 0, i;

	if (c->append && r->ndone)
		tool_usage_error("--done changes the round: -i, not -a");
	if (!r->nvalues && !r->noutcomes && !r->ndone && !c->note &&
	    !c->recog)
		review_prompt(c, argc, argv, now, &keep, &nkeep);
	followup_input(c, &st, &k, argc, argv, c->append == NULL);
	rec = reviewed(c, &k, now, &round);
	if (c->append) {
		followup_append(c, &k, &rec, 1);
	} else {
		k.fresh = &rec;
		tool_stream_edit(&st, followup_edit, rec ? 1 : 0,
		    followup_added, &k);
		if (c->inplace)
			followup_private_file(c, &k, c->inplace);
	}
	for (i = 0; i < nkeep; i++)
		free((char *)keep[i]);
	free(keep);
	align_node_free(rec);
	align_node_free(round);
	followup_kept_release(&k);
	return 0;
}
