/*
 * The one-to-one practice's part of planning a round: the leader and the
 * manager, the root cause and the manager's own view, their role, the
 * acknowledgement, the support promised, the shared goals (measured or
 * not) and each side's commitments.  Planning again adds to them: the
 * round is the series' one, never a second.
 *
 * The round is align-followup's own record: this file edits it by key
 * (align_map_get/put), as the owner of a record does.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "buf.h"
#include "followup_plan.h"
#include "num.h"

/* A name resolved against ro, for option opt, by the roster's soft rule
 * (roster.h): the roster's name for it; a name it knows nobody by, as
 * typed (a one-to-one may be with someone outside the group's session);
 * an ambiguous one or a near miss refused (64). */
static int
resolve(struct align_roster *ro, const char *opt, const char *typed,
    const char **name, struct align_err *e)
{
	struct align_resolved r;
	char why[sizeof(e->msg)];

	*name = typed;
	if (typed == NULL || ro == NULL)
		return 0;
	if (align_roster_soft(ro, typed, 0, &r, e) == 0) {
		*name = r.name;
		return 0;
	}
	if (e->status != EX_DATAERR)
		return -1;
	memcpy(why, e->msg, sizeof(why));
	return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: %s", opt, why);
}

int
align_one_to_one_leader(const struct align_rounds *rs,
    struct align_roster *ro, const char **leader, struct align_err *e)
{
	const struct align_node *rec = rs->session_view.rec;
	struct align_resolved r;
	char why[sizeof(e->msg)];

	if (rs->session == NULL || rs->session->facilitator == NULL)
		return 0;
	if (align_roster_soft(ro, rs->session->facilitator, 0, &r, e) == 0) {
		*leader = r.how == ALIGN_MATCH_ANY ? NULL : r.name;
		return 0;
	}
	if (e->status != EX_DATAERR)
		return -1;
	memcpy(why, e->msg, sizeof(why));
	return align_err_set(e, EX_DATAERR, NULL, rec->line, 1,
	    "the session's facilitator, the leader unless --leader: %s",
	    why);
}

int
align_one_to_one_names(const struct align_rounds *rs,
    const struct align_followup_opts *o, struct align_roster **ro,
    const char **with, const char **leader, struct align_err *e)
{
	*with = o->with;
	*leader = o->leader;
	*ro = NULL;
	if (!o->with && !o->leader && !o->ncommit)
		return 0;	/* the group's round: no name to resolve */
	if (align_roster_from_session(ro, rs->session ? rs->session_view.rec :
	    NULL, e) < 0)
		return -1;
	if (resolve(*ro, "--with", o->with, with, e) < 0 ||
	    resolve(*ro, "--leader", o->leader, leader, e) < 0)
		return -1;
	return 0;
}

struct align_node *
align_one_to_one_pair(const char *with, const char *leader,
    const struct align_session_view *s)
{
	struct align_node *l = align_seq();
	const char *two[2];

	two[0] = leader ? leader : s && s->facilitator ? s->facilitator :
	    "leader";
	two[1] = with;
	if (l && align_seq_push(l, align_seq_strs(two, 2)) < 0) {
		align_node_free(l);
		l = NULL;
	}
	return l;
}

/* The list under key of f, made when f has none (or not a list). */
static struct align_node *
seq_of(struct align_node *f, const char *key)
{
	struct align_node *l = align_map_get(f, key);

	if (l && l->type == ALIGN_SEQ)
		return l;
	if (align_map_put(f, key, align_seq()) < 0)
		return NULL;
	return align_map_get(f, key);
}

/* The scalar value of key in item m, or NULL. */
static const char *
str_of(const struct align_node *m, const char *key)
{
	const struct align_node *v = m && m->type == ALIGN_MAP ?
	    align_map_get(m, key) : NULL;

	return v && v->type == ALIGN_SCALAR ? v->str : NULL;
}

/* The next id "<p><n>" of the items of l: past every "<p><k>" used and
 * past their count, so that none is ever given twice. */
static void
next_id(const struct align_node *l, char p, char id[32])
{
	long long max = (long long)l->n;
	const char *why;
	size_t i;

	for (i = 0; i < l->n; i++) {
		const char *s = str_of(l->item[i], "id");
		long long k;

		if (s && s[0] == p && (k = align_strtonum(s + 1, 1,
		    1000000000, &why)) > max && why == NULL)
			max = k;
	}
	snprintf(id, 32, "%c%lld", p, max + 1);
}

/* The item of l whose key holds text (a scalar item is one of text
 * alone), as its index, or -1. */
static long
find(const struct align_node *l, const char *key, const char *text,
    const char *who)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		const struct align_node *x = l->item[i];
		const char *t = x->type == ALIGN_SCALAR ? x->str :
		    str_of(x, key);
		const char *p = str_of(x, "participant");

		if (t && strcmp(t, text) == 0 && (who == NULL || (p &&
		    strcmp(p, who) == 0)))
			return (long)i;
	}
	return -1;
}

/* Put v under key of m when v is given. */
static int
maybe(struct align_node *m, const char *key, const char *v)
{
	return v == NULL ? 0 : align_map_put_str(m, key, v);
}

/* A goal: added as g<n>, or the one written so updated. */
static int
goal(struct align_node *l, const struct align_goal_opt *g,
    struct align_err *e)
{
	const char *why = NULL;
	struct align_node *m;
	long at = find(l, "goal", g->goal, NULL);
	char id[32];

	if (g->target)
		(void)align_strtod(g->target, -1e15, 1e15, &why);
	if (why)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "--target: "
		    "'%s' is %s (expected a number such as 38)", g->target,
		    why);
	if (at >= 0 && l->item[at]->type == ALIGN_MAP)
		m = l->item[at];
	else {
		next_id(l, 'g', id);
		if ((m = align_map()) == NULL ||
		    align_map_put_str(m, "id", id) < 0 ||
		    align_map_put_str(m, "goal", g->goal) < 0)
			goto nomem;
		if (at >= 0) {	/* a goal of text alone, now with an id */
			align_node_free(l->item[at]);
			l->item[at] = m;
		} else if (align_seq_push(l, m) < 0)
			return align_err_nomem(e);
	}
	if (maybe(m, "measure", g->measure) < 0 ||
	    maybe(m, "target", g->target) < 0 ||
	    maybe(m, "unit", g->unit) < 0)
		return align_err_nomem(e);
	return 0;
nomem:
	align_node_free(m);
	return align_err_nomem(e);
}

/* A due day, checked, as the day it is in zone, into day. */
static int
due_day(const char *s, const struct align_zone *zone, char day[40],
    struct align_err *e)
{
	struct align_err why = ALIGN_ERR_INIT;
	struct align_time t;

	if (align_time_parse_in(zone, s, &t, &why) < 0)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "--due: %s",
		    why.msg);
	align_time_day(zone, &t, day);
	return 0;
}

/* A commitment "NAME:what": added as c<n>, or the one written so (by the
 * same owner) updated. */
static int
commitment(struct align_node *l, const struct align_commit_opt *c,
    struct align_roster *ro, const struct align_zone *zone,
    struct align_err *e)
{
	const char *colon = strchr(c->spec, ':'), *who;
	struct align_buf typed = ALIGN_BUF_INIT;
	struct align_node *m = NULL;
	char id[32], day[40];
	long at;
	int rc = -1;

	if (colon == NULL || colon == c->spec)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "--commit: "
		    "expected NAME:TEXT, not '%s'", c->spec);
	if (c->due && due_day(c->due, zone, day, e) < 0)
		return -1;
	align_buf_add(&typed, c->spec, (size_t)(colon - c->spec));
	if (typed.failed)
		return align_err_nomem(e);
	if (resolve(ro, "--commit", typed.p, &who, e) < 0)
		goto done;
	if ((at = find(l, "commitment", colon + 1, who)) >= 0 &&
	    l->item[at]->type == ALIGN_MAP)
		m = l->item[at];
	else {
		next_id(l, 'c', id);
		if ((m = align_map()) == NULL || align_map_put_str(m, "id",
		    id) < 0 || align_map_put_str(m, "participant", who) < 0 ||
		    align_map_put_str(m, "commitment", colon + 1) < 0) {
			align_node_free(m);
			rc = align_err_nomem(e);
			goto done;
		}
		if (align_seq_push(l, m) < 0) {	/* it took m */
			rc = align_err_nomem(e);
			goto done;
		}
	}
	rc = c->due && align_map_put_str(m, "due", day) < 0 ?
	    align_err_nomem(e) : 0;
done:
	align_buf_release(&typed);
	return rc;
}

/* The support promised, each once. */
static int
support(struct align_node *f, const struct align_followup_opts *o)
{
	struct align_node *l;
	size_t i;

	if (o->nsupport == 0)
		return 0;
	if ((l = seq_of(f, "support")) == NULL)
		return -1;
	for (i = 0; i < o->nsupport; i++)
		if (find(l, "", o->support[i], NULL) < 0 &&
		    align_seq_push_str(l, o->support[i]) < 0)
			return -1;
	return 0;
}

/* The texts: with, root cause, view, role, the acknowledgement and its
 * day. */
static int
texts(struct align_node *f, const struct align_followup_opts *o,
    const char *with, const struct align_zone *zone)
{
	char day[40];

	if (maybe(f, "with", with) < 0 ||
	    maybe(f, "root_cause", o->root_cause) < 0 ||
	    maybe(f, "view", o->their_view) < 0 ||
	    maybe(f, "role", o->role) < 0 ||
	    maybe(f, "acknowledgement", o->acknowledgement) < 0)
		return -1;
	if (o->acknowledgement && o->now) {
		align_time_day(zone, o->now, day);
		return align_map_put_str(f, "acknowledged", day);
	}
	return 0;
}

int
align_one_to_one_plan(struct align_node *f,
    const struct align_followup_opts *o, const char *with,
    struct align_roster *ro, const struct align_zone *zone,
    struct align_err *e)
{
	struct align_node *l;
	size_t i;

	if (texts(f, o, with, zone) < 0 || support(f, o) < 0)
		return align_err_nomem(e);
	for (i = 0; i < o->ngoal; i++) {
		if (o->goal[i].goal == NULL)
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "--measure, --target and --unit follow a --goal");
		if ((l = seq_of(f, "goals")) == NULL)
			return align_err_nomem(e);
		if (goal(l, &o->goal[i], e) < 0)
			return -1;
	}
	for (i = 0; i < o->ncommit; i++) {
		if ((l = seq_of(f, "commitments")) == NULL)
			return align_err_nomem(e);
		if (commitment(l, &o->commit[i], ro, zone, e) < 0)
			return -1;
	}
	return 0;
}

void
align_one_to_one_agenda(struct align_buf *d,
    const struct align_followup_view *f, int private_)
{
	const struct align_goal_view *g = f->goals.v;
	const struct align_commitment_view *c = f->commitments.v;
	size_t i, n;

	align_buf_puts(d, "The weekly review of the one-to-one: how each goal "
	    "stands, how each commitment went, what needs support, and the "
	    "recognition earned (align-followup review).");
	if (private_)
		return;
	for (i = n = 0; i < f->goals.n; i++) {
		if (g[i].goal == NULL)
			continue;
		align_buf_printf(d, "%s- %s", n++ ? "\n" : "\n\nGoals:\n",
		    g[i].goal);
		if (g[i].target)
			align_buf_printf(d, " (target %s%s%s)", g[i].target,
			    g[i].unit ? " " : "", g[i].unit ? g[i].unit : "");
	}
	for (i = n = 0; i < f->commitments.n; i++)
		if (c[i].commitment && !c[i].done)
			align_buf_printf(d, "%s- %s: %s", n++ ? "\n" :
			    "\n\nCommitments:\n", c[i].participant ?
			    c[i].participant : "?", c[i].commitment);
}
