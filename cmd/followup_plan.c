/*
 * followup_plan.c - align-followup plan and show: a round planned (the
 * principles and the person as the session names them, a first round's
 * check), written into the stream and shown; the rounds shown as planned.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../lib/round.h"
#include "followup.h"

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

/* The round revised, when its pairs were kept apart (followup_stream.c):
 * written as it was read when planning changed nothing in it and it is
 * not shown, else made whole again: with its pairs packed when it is
 * only written (its view is let go unseen), else as nodes, its view
 * too. */
static void
revised_whole(struct cli *c, struct kept *k, struct align_planned *p,
    int format)
{
	struct align_err e = ALIGN_ERR_INIT;
	size_t at = (size_t)p->at;
	int unseen = format == ALIGN_FMT_NONE || format == ALIGN_FMT_YAML;

	if (p->at < 0 || !followup_pairs_apart(k, at))
		return;
	if (unseen && align_node_equal(p->rec, k->recs->item[at])) {
		k->same_at = p->at;
		return;
	}
	align_view_release(&p->view);
	if (followup_pairs_whole(k, at, p->rec, unseen, &e) < 0 ||
	    (!unseen && align_view(&p->view, p->rec, &e) < 0))
		tool_die_in(&e, c->path);
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

int
followup_plan(struct cli *c, int argc, char **argv,
    const struct align_time *now)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show show = { .b = &b, .format = ALIGN_FMT_NONE,
	    .width = 80, .tool = tool_name };
	struct tool_stream st = { .owns = followup_owns, .keep = 1 };
	struct kept k;
	struct align_rounds rs;
	struct align_planned p;
	int out;

	show.format = c->fmt ? tool_format(c->fmt, ALIGN_FMT_YAML |
	    align_planned_formats()) : c->inplace ? ALIGN_FMT_NONE :
	    tool_default_format();
	out = show.format == ALIGN_FMT_YAML || c->inplace;
	/* A group's round shown as text, HTML or not at all makes no roster
	 * of the session's record (one-to-one.c, calendar.c do). */
	c->apart = !c->plan.with && !c->plan.leader && !c->plan.ncommit &&
	    (show.format == ALIGN_FMT_NONE || show.format == ALIGN_FMT_YAML ||
	    show.format == ALIGN_FMT_TEXT || show.format == ALIGN_FMT_HTML);
	followup_input(c, &st, &k, argc, argv, out);
	followup_rounds(&rs, &k, c, 1);
	first_round(c, &rs);
	named(c, &rs);
	c->plan.now = now;
	/* p is released before rs, and k (where the names are) last. */
	c->plan.share_names = 1;
	if (align_followup_plan(&rs, &c->plan, &p, &e) < 0)
		tool_die_in(&e, c->path);
	if (out && (align_planned_zone(&p, k.recs, &e) < 0 ||
	    (p.tz && followup_session_whole(&k, &e) < 0)))
		tool_die_in(&e, c->path);
	revised_whole(c, &k, &p, show.format);
	/* A round not shown needs no view (its pairs' is 5 MB at a
	 * million). */
	if (show.format == ALIGN_FMT_NONE || show.format == ALIGN_FMT_YAML)
		align_view_release(&p.view);
	k.p = &p;
	tool_stream_edit(&st, followup_edit, p.at < 0 ? 1 : 0,
	    followup_added, &k);
	if (c->inplace)
		followup_private_file(c, &k, c->inplace);
	if (align_planned_show(&p, &rs, &show, c->per_pair, now, &e) < 0)
		tool_die_in(&e, c->path);
	tool_print(&b);
	align_planned_release(&p);
	align_rounds_release(&rs);
	followup_kept_release(&k);
	free(c->with);
	return 0;
}

/* The rounds as planned, changing nothing. */
int
followup_show(struct cli *c, int argc, char **argv,
    const struct align_time *now)
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
	followup_input(c, &st, &k, argc, argv, 0);
	followup_rounds(&rs, &k, c, 1);
	if (rs.nround == 0 && s.format == ALIGN_FMT_TEXT)
		align_buf_puts(&b, "No follow-up planned (align-followup "
		    "plan).\n");
	if (align_rounds_show(&rs, &s, c->per_pair, now, &e) < 0)
		tool_die_in(&e, c->path);
	tool_print(&b);
	align_rounds_release(&rs);
	followup_kept_release(&k);
	return 0;
}
