/* The one-to-one practice's part of planning a round: the leader and
 * the manager, the root cause, the shared goals and each side's
 * commitments. */
#include <stdio.h>
#include <string.h>
#include <sysexits.h>

#include "followup_plan.h"

/* A new sequence of the n strings of v, or NULL. */
static struct align_node *
list(const char *const *v, size_t n)
{
	struct align_node *l = align_seq();
	size_t i;

	for (i = 0; l && i < n; i++)
		if (align_seq_push_str(l, v[i]) < 0) {
			align_node_free(l);
			l = NULL;
		}
	return l;
}

struct align_node *
align_one_to_one_pair(const struct align_followup_opts *o,
    const struct align_session_view *s)
{
	struct align_node *l = align_seq();
	const char *two[2];

	two[0] = o->leader ? o->leader : s && s->facilitator ?
	    s->facilitator : "leader";
	two[1] = o->with;
	if (l && align_seq_push(l, list(two, 2)) < 0) {
		align_node_free(l);
		l = NULL;
	}
	return l;
}

/* A commitment "NAME:what", as {id: c<k>, participant, commitment}: c1,
 * c2, ... are what check-ins name as their principle. */
static struct align_node *
commitment(const char *s, size_t k)
{
	const char *c = strchr(s, ':');
	struct align_node *m = align_map();
	char cid[32];

	snprintf(cid, sizeof(cid), "c%zu", k);
	if (m == NULL || align_map_put_str(m, "id", cid) < 0 ||
	    align_map_put(m, "participant", align_scalar(s,
	    (size_t)(c - s))) < 0 ||
	    align_map_put_str(m, "commitment", c + 1) < 0) {
		align_node_free(m);
		return NULL;
	}
	return m;
}

static struct align_node *
commitments(const struct align_followup_opts *o)
{
	struct align_node *l = align_seq();
	size_t i;

	for (i = 0; l && i < o->ncommit; i++)
		if (align_seq_push(l, commitment(o->commit[i], i + 1)) < 0) {
			align_node_free(l);
			l = NULL;
		}
	return l;
}

int
align_one_to_one_plan(struct align_node *f,
    const struct align_followup_opts *o, struct align_err *e)
{
	size_t i;

	for (i = 0; i < o->ncommit; i++) {
		const char *c = strchr(o->commit[i], ':');

		if (c == NULL || c == o->commit[i])
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "--commit: expected NAME:TEXT, not '%s'",
			    o->commit[i]);
	}
	if ((o->with && align_map_put_str(f, "with", o->with) < 0) ||
	    (o->root_cause && align_map_put_str(f, "root_cause",
	    o->root_cause) < 0) ||
	    (o->ngoal && align_map_put(f, "goals", list(o->goal,
	    o->ngoal)) < 0) ||
	    (o->ncommit && align_map_put(f, "commitments",
	    commitments(o)) < 0))
		return align_err_nomem(e);
	return 0;
}
