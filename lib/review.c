/* A one-to-one's weekly review, and a commitment marked done. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "buf.h"
#include "num.h"
#include "review.h"
#include "zone.h"

/* The largest number of meetings looked through (a cadence without an
 * end is read until today). */
#define MEETINGS 100000

int
align_review_round(const struct align_rounds *rs,
    const struct align_review_input *in, size_t *at, struct align_err *e)
{
	size_t i, n = 0;

	for (i = 0; i < rs->nround; i++) {
		const struct align_view *f = &rs->round[i].v;
		const char *w = f->u.followup.with;

		if (w == NULL || f->id == NULL)
			continue;
		if ((in->followup && strcmp(in->followup, f->id) != 0) ||
		    (in->with && strcmp(in->with, w) != 0))
			continue;
		*at = i;	/* the latest of the series */
		n++;
	}
	if (n == 0)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "no one-to-one "
		    "%s%s in the input (align-followup plan --with NAME)",
		    in->with ? "with " : in->followup ? "" : "",
		    in->with ? in->with : in->followup ? in->followup : "");
	if (n > 1 && !in->with && !in->followup) {
		/* several rounds of one person are one series: the
		 * latest; of several people, say whose. */
		const char *w = rs->round[*at].v.u.followup.with;

		for (i = 0; i < rs->nround; i++) {
			const char *x = rs->round[i].v.u.followup.with;

			if (x && strcmp(x, w) != 0)
				return align_err_set(e, EX_USAGE, NULL, 0, 0,
				    "more than one one-to-one: name it "
				    "with --with");
		}
	}
	return 0;
}

int
align_review_week(const struct align_rounds *rs, const struct align_view *f,
    const struct align_review_input *in, long *k, char day[40],
    struct align_err *e)
{
	struct align_round r;
	struct align_time t;
	char today[40], d[40];
	long i;

	*k = -1;
	if (align_round_of(f, rs->zone, &r, e) < 0)
		return -1;
	align_time_day(rs->zone, in->now, today);
	for (i = 0; i < MEETINGS && align_round_at(&r, i, &t) == 0; i++) {
		align_time_day(rs->zone, &t, d);
		if (in->week ? strcmp(d, in->week) == 0 :
		    strcmp(d, today) <= 0) {
			*k = i;
			memcpy(day, d, sizeof(d));
		}
		if (strcmp(d, in->week ? in->week : today) >= 0)
			break;
	}
	if (*k >= 0)
		return 0;
	if (in->week)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "--week: %s has "
		    "no meeting on %s", f->id, in->week);
	align_time_day(rs->zone, &r.date, d);
	return align_err_set(e, EX_USAGE, NULL, 0, 0, "nothing to review yet: "
	    "the first meeting of %s is on %s", f->id, d);
}

/* The id of the i-th goal or commitment of f. */
static const char *
id_at(const struct align_followup_view *f, size_t i, int goals)
{
	return goals ? ((const struct align_goal_view *)f->goals.v)[i].id :
	    ((const struct align_commitment_view *)f->commitments.v)[i].id;
}

/* s names an id: exactly, else as the start of only one. */
const char *
align_review_item(const struct align_followup_view *f, const char *s,
    int goals)
{
	const char *found = NULL, *id;
	size_t i, len = strlen(s), n = goals ? f->goals.n : f->commitments.n;

	for (i = 0; i < n; i++)
		if ((id = id_at(f, i, goals)) && strcmp(id, s) == 0)
			return id;
	for (i = 0; len > 0 && i < n; i++)
		if ((id = id_at(f, i, goals)) && strncmp(id, s, len) == 0) {
			if (found)
				return NULL;
			found = id;
		}
	return found;
}

/* "id=text" of items of f into map: the id named, the text checked. */
static int
pairs(struct align_node *map, const struct align_followup_view *f,
    const char *const *v, size_t n, int goals, struct align_err *e)
{
	static const char *const outcomes[] = { "success", "failure", "mixed" };
	const char *opt = goals ? "--value" : "--outcome";
	size_t i, j;

	for (i = 0; i < n; i++) {
		const char *eq = strchr(v[i], '='), *why = NULL, *id;
		struct align_buf key = ALIGN_BUF_INIT;
		int rc;

		if (eq == NULL || eq == v[i])
			return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: "
			    "expected %s, not '%s'", opt, goals ? "g1=36.5" :
			    "c1=success", v[i]);
		align_buf_add(&key, v[i], (size_t)(eq - v[i]));
		if (key.failed)
			return align_err_nomem(e);
		id = align_review_item(f, key.p, goals);
		align_buf_release(&key);
		if (id == NULL)
			return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: '%s' "
			    "names no %s of %s", opt, v[i], goals ? "goal" :
			    "commitment", f->id);
		if (goals)
			(void)align_strtod(eq + 1, -1e15, 1e15, &why);
		for (j = 0; !goals && j < 3; j++)
			if (strcmp(eq + 1, outcomes[j]) == 0)
				break;
		if (why || j == 3)
			return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s: '%s' "
			    "is not %s", opt, eq + 1, goals ? "a number" :
			    "success, failure or mixed");
		if ((rc = align_map_put_str(map, id, eq + 1)) < 0)
			return align_err_nomem(e);
	}
	return 0;
}

/* The review's id, refused when the meeting has one. */
static int
review_id(const struct align_rounds *rs, const struct align_view *f,
    long k, const char *day, char id[64], struct align_err *e)
{
	size_t i;

	snprintf(id, 64, "%.40s-w%ld", f->id, k + 1);
	for (i = 0; i < rs->nreview; i++)
		if (rs->review[i].v.id && strcmp(rs->review[i].v.id, id) == 0)
			return align_err_set(e, EX_DATAERR, NULL, 0, 0, "the "
			    "meeting of %s on %s is reviewed already (%s)",
			    f->id, day, id);
	return 0;
}

/* The values and outcomes, as mappings into r (none: no key). */
static int
maps(struct align_node *r, const struct align_followup_view *f,
    const struct align_review_input *in, struct align_err *e)
{
	struct align_node *m;

	if (in->nvalues) {
		if ((m = align_map()) == NULL || align_map_put(r, "values",
		    m) < 0)
			return align_err_nomem(e);
		if (pairs(m, f, in->values, in->nvalues, 1, e) < 0)
			return -1;
	}
	if (in->noutcomes) {
		if ((m = align_map()) == NULL || align_map_put(r, "outcomes",
		    m) < 0)
			return align_err_nomem(e);
		if (pairs(m, f, in->outcomes, in->noutcomes, 0, e) < 0)
			return -1;
	}
	return 0;
}

int
align_review_new(const struct align_rounds *rs,
    const struct align_review_input *in, struct align_node **out,
    struct align_err *e)
{
	const struct align_view *f;
	struct align_node *r;
	char id[64], day[40], at[40];
	size_t i;
	long k;

	*out = NULL;
	if (!in->nvalues && !in->noutcomes && !in->note && !in->recognition)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "a review needs a "
		    "--value, an --outcome, a --note or a --recognition");
	if (align_review_round(rs, in, &i, e) < 0)
		return -1;
	f = &rs->round[i].v;
	if (align_review_week(rs, f, in, &k, day, e) < 0)
		return -1;
	align_time_format(in->now, at);
	if ((r = align_record_new("review")) == NULL ||
	    align_map_put_str(r, "id", "") < 0 ||
	    align_map_put_str(r, "followup", f->id) < 0 ||
	    align_map_put_str(r, "date", day) < 0)
		goto nomem;
	/* What was typed is checked first, then the week. */
	if (maps(r, &f->u.followup, in, e) < 0 ||
	    review_id(rs, f, k, day, id, e) < 0)
		goto fail;
	if (align_map_put_str(r, "id", id) < 0)
		goto nomem;
	if ((in->note && align_map_put_str(r, "note", in->note) < 0) ||
	    (in->recognition && align_map_put_str(r, "recognition",
	    in->recognition) < 0) || align_map_put_str(r, "at", at) < 0)
		goto nomem;
	*out = r;
	return 0;
nomem:
	align_err_nomem(e);
fail:
	align_node_free(r);
	return -1;
}

/* Commitment id of round rec marked done on day (align-followup's own
 * record, edited by key). */
static int
mark(struct align_node *rec, const char *id, const char *day)
{
	struct align_node *l = align_map_get(rec, "commitments");
	size_t i;

	for (i = 0; l && l->type == ALIGN_SEQ && i < l->n; i++) {
		struct align_node *c = l->item[i];
		const struct align_node *x = c->type == ALIGN_MAP ?
		    align_map_get(c, "id") : NULL;

		if (x && x->type == ALIGN_SCALAR && strcmp(x->str, id) == 0)
			return align_map_put_str(c, "done", day);
	}
	return 0;
}

int
align_review_done(const struct align_rounds *rs,
    const struct align_review_input *in, struct align_node **out,
    size_t *at, struct align_err *e)
{
	const struct align_view *f;
	struct align_node *rec;
	char day[40];
	size_t i, j;

	*out = NULL;
	if (align_review_round(rs, in, &i, e) < 0)
		return -1;
	f = &rs->round[i].v;
	*at = rs->round[i].at;
	align_time_day(rs->zone, in->now, day);
	/* The round is align-followup's own record: changed by key. */
	if ((rec = align_node_copy(f->rec)) == NULL)
		return align_err_nomem(e);
	for (j = 0; j < in->ndone; j++) {
		const char *id = align_review_item(&f->u.followup, in->done[j],
		    0);

		if (id == NULL) {
			align_node_free(rec);
			return align_err_set(e, EX_USAGE, NULL, 0, 0, "--done: "
			    "'%s' names no commitment of %s", in->done[j],
			    f->id);
		}
		if (mark(rec, id, day) < 0) {
			align_node_free(rec);
			return align_err_nomem(e);
		}
	}
	*out = rec;
	return 0;
}
