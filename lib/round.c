/* The rounds of step 8: the records read once as views, and a round's
 * dates. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "grow.h"
#include "round.h"

/* Append the view of rec to the list *v of *n (room for *cap). */
static int
add(struct align_rounds_entry **v, size_t *n, size_t *cap,
    const struct align_node *rec, size_t at, struct align_err *e)
{
	if (ALIGN_GROW(*v, *n + 1, *cap) < 0)
		return align_err_nomem(e);
	if (align_view(&(*v)[*n].v, rec, e) < 0)
		return -1;
	(*v)[(*n)++].at = at;
	return 0;
}

int
align_rounds_read(struct align_rounds *rs, const struct align_node *recs,
    struct align_err *e)
{
	size_t i;
	int rc = 0;

	memset(rs, 0, sizeof(*rs));
	rs->recs = recs;
	for (i = 0; rc == 0 && i < recs->n; i++) {
		const struct align_node *x = recs->item[i];

		switch (align_kind_of(align_record_kind(x))) {
		case ALIGN_KIND_SESSION:
			if (rs->session)
				break;
			if ((rc = align_view(&rs->session_view, x, e)) == 0)
				rs->session = &rs->session_view.u.session;
			break;
		case ALIGN_KIND_PRINCIPLE:
			rc = add(&rs->principle, &rs->nprinciple,
			    &rs->capprinciple, x, i, e);
			break;
		case ALIGN_KIND_FOLLOWUP:
			rc = add(&rs->round, &rs->nround, &rs->capround, x, i,
			    e);
			break;
		case ALIGN_KIND_CHECKIN:
			rc = add(&rs->checkin, &rs->ncheckin, &rs->capcheckin,
			    x, i, e);
			break;
		case ALIGN_KIND_REMINDER:
			rc = add(&rs->reminder, &rs->nreminder,
			    &rs->capreminder, x, i, e);
			break;
		default:
			break;
		}
	}
	return rc;
}

static void
release(struct align_rounds_entry *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		align_view_release(&v[i].v);
	free(v);
}

void
align_rounds_release(struct align_rounds *rs)
{
	if (rs->session)
		align_view_release(&rs->session_view);
	release(rs->principle, rs->nprinciple);
	release(rs->round, rs->nround);
	release(rs->checkin, rs->ncheckin);
	release(rs->reminder, rs->nreminder);
	memset(rs, 0, sizeof(*rs));
}

int
align_round_people(const struct align_rounds *rs,
    const struct align_followup_view *f, struct align_texts *who,
    struct align_err *e)
{
	const struct align_texts *roster = NULL;
	size_t i, j, n = 0, cap = 0;

	who->v = NULL;
	who->n = 0;
	for (i = 0; i < f->pairs.n; i++)
		n += f->pairs.v[i].n;
	if (n == 0 && rs->session) {
		roster = &rs->session->participants;
		n = roster->n;
	}
	if (ALIGN_GROW(who->v, n + 1, cap) < 0)
		return align_err_nomem(e);
	if (roster) {
		if (n)
			memcpy(who->v, roster->v, n * sizeof(*who->v));
		who->n = n;
		return 0;
	}
	for (i = 0; i < f->pairs.n; i++)
		for (j = 0; j < f->pairs.v[i].n; j++)
			who->v[who->n++] = f->pairs.v[i].v[j];
	return 0;
}

int
align_round_checked_in(const struct align_rounds *rs, const char *fid,
    const char *who)
{
	size_t i;

	for (i = 0; i < rs->ncheckin; i++) {
		const struct align_checkin_view *c = &rs->checkin[i].v.u.checkin;

		if (c->followup && c->participant && strcmp(c->followup,
		    fid) == 0 && strcmp(c->participant, who) == 0)
			return 1;
	}
	return 0;
}

int
align_round_of(const struct align_view *v, struct align_round *r,
    struct align_err *e)
{
	const struct align_followup_view *f = &v->u.followup;
	const char *id = v->id ? v->id : "?";
	unsigned long line = v->rec ? v->rec->line : 0;
	struct align_err why = ALIGN_ERR_INIT;

	memset(r, 0, sizeof(*r));
	if (f->date == NULL || align_time_parse(f->date, &r->date, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, line, 1,
		    "follow-up %s: %s", id, f->date ? why.msg : "no date");
	if (f->every && align_duration_parse(f->every, &r->every, &why) < 0)
		return align_err_set(e, EX_DATAERR, NULL, line, 1,
		    "follow-up %s: every: %s", id, why.msg);
	if (f->count.set)
		r->count = (long)f->count.v;
	if (f->until) {
		if (align_time_parse(f->until, &r->until, &why) < 0)
			return align_err_set(e, EX_DATAERR, NULL, line, 1,
			    "follow-up %s: until: %s", id, why.msg);
		if (r->until.date_only)
			r->until.t += 86399;	/* all of that day */
		r->has_until = 1;
	}
	return 0;
}

int
align_round_at(const struct align_round *r, long k, struct align_time *t)
{
	if (k < 0 || (k > 0 && r->every == 0) || (r->count && k >= r->count))
		return -1;
	*t = align_time_add(r->date, r->every * k);
	if (r->has_until && t->t > r->until.t)
		return -1;
	return 0;
}

const struct align_node *
align_session_of(const struct align_node *recs)
{
	size_t i;

	for (i = 0; i < recs->n; i++)
		if (align_kind_of(align_record_kind(recs->item[i])) ==
		    ALIGN_KIND_SESSION)
			return recs->item[i];
	return NULL;
}
