/* The report of a follow-up, as a view. */
#include <stdlib.h>
#include <string.h>

#include "hash.h"
#include "report.h"
#include "response.h"

static const ALIGN_RENDERER(struct align_report) renderers[] = {
	{ ALIGN_FMT_TEXT, align_report_text },
	{ ALIGN_FMT_MARKDOWN, align_report_markdown },
	{ ALIGN_FMT_HTML, align_report_html },
};

/* How the check-ins of round fid on principle (or commitment) pid came
 * out, into *t: their outcomes, and how many people gave them (one for
 * all with no name).  0, or -1 when out of memory. */
static int
tally_of(struct align_report_tally *t, const struct align_rounds *rs,
    const char *fid, const char *pid)
{
	struct align_set who = ALIGN_SET_INIT;
	const size_t *at;
	size_t i, n;
	int rc = 0, unnamed = 0;

	memset(t, 0, sizeof(*t));
	at = align_round_checkins(rs, fid, pid, &n);
	for (i = 0; rc >= 0 && i < n; i++) {
		const struct align_checkin_view *c =
		    &rs->checkin[at[i]].v.u.checkin;

		if (c->outcome == NULL)
			continue;
		t->success += strcmp(c->outcome, "success") == 0;
		t->mixed += strcmp(c->outcome, "mixed") == 0;
		t->failure += strcmp(c->outcome, "failure") == 0;
		if (c->participant == NULL) {
			t->people += !unnamed;
			unnamed = 1;
		} else if ((rc = align_set_add(&who, c->participant,
		    strlen(c->participant))) > 0) {
			t->people++;
		}
	}
	align_set_release(&who);
	return rc < 0 ? -1 : 0;
}

/* The notes of the check-ins of round fid on principle (or commitment)
 * pid, into *n.  0, or -1 when out of memory. */
static int
notes_of(struct align_report_notes *n, const struct align_rounds *rs,
    const char *fid, const char *pid)
{
	const size_t *at;
	size_t i, m;

	at = align_round_checkins(rs, fid, pid, &m);
	n->n = 0;
	if ((n->v = calloc(m + 1, sizeof(*n->v))) == NULL)
		return -1;
	for (i = 0; i < m; i++) {
		const struct align_checkin_view *c =
		    &rs->checkin[at[i]].v.u.checkin;
		struct align_report_note *x = &n->v[n->n];

		if (!c->note || !*c->note)
			continue;
		x->participant = c->participant ? c->participant : "?";
		x->outcome = c->outcome ? c->outcome : "";
		x->note = c->note;
		n->n++;
	}
	return 0;
}

/* A one-to-one's commitments: those with an id and a text. */
static int
commitments_of(struct align_report_round *r, const struct align_rounds *rs,
    const struct align_followup_view *f)
{
	const struct align_commitment_view *cv = f->commitments.v;
	size_t i;

	r->one_to_one = f->commitments.n > 0;
	if ((r->commitment = calloc(f->commitments.n + 1,
	    sizeof(*r->commitment))) == NULL)
		return -1;
	for (i = 0; i < f->commitments.n; i++) {
		struct align_report_commitment *c =
		    &r->commitment[r->ncommitment];

		if (cv[i].id == NULL || cv[i].commitment == NULL)
			continue;	/* not a commitment */
		c->id = cv[i].id;
		c->participant = cv[i].participant ? cv[i].participant : "?";
		c->commitment = cv[i].commitment;
		r->ncommitment++;
		if (tally_of(&c->tally, rs, r->id, c->id) < 0 ||
		    notes_of(&c->notes, rs, r->id, c->id) < 0)
			return -1;
	}
	return 0;
}

/* Who of the round has not checked in, and what was recognised. */
static int
people_of(struct align_report_round *r, const struct align_rounds *rs,
    const struct align_followup_view *f, struct align_err *e)
{
	const size_t *at;
	size_t i, n = 0, m;

	if (align_round_people(rs, f, &r->missing, e) < 0)
		return -1;
	r->people = r->missing.n;
	for (i = 0; i < r->missing.n; i++)
		if (!align_round_checked_in(rs, r->id, r->missing.v[i]))
			r->missing.v[n++] = r->missing.v[i];
	r->missing.n = n;
	at = align_round_checkins(rs, r->id, NULL, &m);
	if ((r->recognition = calloc(m + 1, sizeof(*r->recognition))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < m; i++) {
		const struct align_checkin_view *c =
		    &rs->checkin[at[i]].v.u.checkin;
		struct align_report_recognition *x =
		    &r->recognition[r->nrecognition];

		if (!c->recognition)
			continue;
		x->participant = c->participant ? c->participant : "?";
		x->text = c->recognition;
		r->nrecognition++;
	}
	return 0;
}

static int
rounds_of(struct align_report *v, const struct align_rounds *rs,
    struct align_err *e)
{
	size_t i;

	v->round = calloc(rs->nround + 1, sizeof(*v->round));
	v->group = calloc(rs->nround + 1, sizeof(*v->group));
	if (v->round == NULL || v->group == NULL)
		return align_err_nomem(e);
	for (i = 0; i < rs->nround; i++) {
		const struct align_view *f = &rs->round[i].v;
		struct align_report_round *r = &v->round[v->nround];

		if (f->id == NULL)
			continue;
		v->nround++;
		r->id = f->id;
		r->date = f->u.followup.date ? f->u.followup.date : "";
		r->with = f->u.followup.with;
		if (r->with == NULL)
			v->group[v->ngroup++] = v->nround - 1;
		if (commitments_of(r, rs, &f->u.followup) < 0)
			return align_err_nomem(e);
		if (people_of(r, rs, &f->u.followup, e) < 0)
			return -1;
	}
	return 0;
}

static int
principles_of(struct align_report *v, const struct align_rounds *rs,
    struct align_err *e)
{
	size_t i, j;

	if ((v->principle = calloc(rs->nprinciple + 1,
	    sizeof(*v->principle))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < rs->nprinciple; i++) {
		const struct align_view *p = &rs->principle[i].v;
		struct align_report_principle *x =
		    &v->principle[v->nprinciple];

		if (p->id == NULL)
			continue;
		v->nprinciple++;
		x->id = p->id;
		x->statement = p->u.principle.statement ?
		    p->u.principle.statement : "";
		if ((x->tally = calloc(v->ngroup + 1, sizeof(*x->tally))) ==
		    NULL || (x->notes = calloc(v->ngroup + 1,
		    sizeof(*x->notes))) == NULL)
			return align_err_nomem(e);
		for (j = 0; j < v->ngroup; j++) {
			const char *fid = v->round[v->group[j]].id;

			if (tally_of(&x->tally[j], rs, fid, x->id) < 0 ||
			    notes_of(&x->notes[j], rs, fid, x->id) < 0)
				return align_err_nomem(e);
		}
	}
	return 0;
}

/* The check-ins with a note, and whether all are by pseudonyms. */
static int
remarks_of(struct align_report *v, const struct align_rounds *rs,
    struct align_err *e)
{
	size_t i, named = 0;
	int all = 1;

	if ((v->remark = calloc(rs->ncheckin + 1, sizeof(*v->remark))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < rs->ncheckin; i++) {
		const struct align_checkin_view *c =
		    &rs->checkin[i].v.u.checkin;
		struct align_report_remark *x = &v->remark[v->nremark];

		if (c->participant) {
			named++;
			all &= align_is_pseudonym(c->participant);
		}
		if (!c->note || !*c->note || !c->followup || !c->principle)
			continue;
		x->round = c->followup;
		x->participant = c->participant ? c->participant : "?";
		x->principle = c->principle;
		x->outcome = c->outcome ? c->outcome : "";
		x->text = c->note;
		v->nremark++;
	}
	v->anonymous = named > 0 && all;
	return 0;
}

int
align_report_make(struct align_report *v, const struct align_rounds *rs,
    struct align_err *e)
{
	memset(v, 0, sizeof(*v));
	if (rs->session) {
		v->title = rs->session->title;
		v->date = rs->session->date;
		v->place = rs->session->place;
	}
	if (rounds_of(v, rs, e) < 0 || principles_of(v, rs, e) < 0 ||
	    remarks_of(v, rs, e) < 0) {
		align_report_release(v);
		return -1;
	}
	return 0;
}

int
align_report_practice(struct align_report *v, const struct align_rounds *rs,
    const struct align_time *now, struct align_err *e)
{
	size_t i, j = 0;

	for (i = 0; i < rs->nround; i++) {
		const struct align_view *f = &rs->round[i].v;

		if (f->id == NULL)
			continue;
		if (f->u.followup.with && align_realign_make(
		    &v->round[j].realign, rs, f, now, e) < 0)
			return -1;
		j++;
	}
	return 0;
}

void
align_report_release(struct align_report *v)
{
	size_t i, j;

	for (i = 0; v->principle && i < v->nprinciple; i++) {
		for (j = 0; v->principle[i].notes && j < v->ngroup; j++)
			free(v->principle[i].notes[j].v);
		free(v->principle[i].notes);
		free(v->principle[i].tally);
	}
	for (i = 0; v->round && i < v->nround; i++) {
		for (j = 0; v->round[i].commitment &&
		    j < v->round[i].ncommitment; j++)
			free(v->round[i].commitment[j].notes.v);
		free(v->round[i].commitment);
		free(v->round[i].missing.v);
		free(v->round[i].recognition);
		align_realign_free(v->round[i].realign);
	}
	free(v->principle);
	free(v->remark);
	free(v->round);
	free(v->group);
	memset(v, 0, sizeof(*v));
}

int
align_report_formats(void)
{
	return ALIGN_RENDERERS_FORMATS(renderers);
}

void
align_report_show(const struct align_report *v, const struct align_show *s)
{
	ALIGN_RENDERERS_SHOW(renderers, v, s);
}
