#include <stdlib.h>
#include <string.h>

#include "principles.h"
#include "response.h"

static const ALIGN_RENDERER(struct align_principles) renderers[] = {
	{ ALIGN_FMT_TEXT, align_principles_text },
	{ ALIGN_FMT_MARKDOWN, align_principles_markdown },
	{ ALIGN_FMT_HTML, align_principles_html },
};

static const char *
or_none(const char *s)
{
	return s ? s : "";
}

/* The standing objections of p into v's array at *k. */
static void
objections(struct align_principles *v, struct align_principles_entry *x,
    const struct align_principle *p, size_t *k)
{
	size_t j;

	x->objection = v->objection + *k;
	x->nobjection = p->nobjections;
	for (j = 0; j < p->nobjections; j++, (*k)++) {
		v->objection[*k].participant =
		    or_none(p->objections[j].participant);
		v->objection[*k].reason = or_none(p->objections[j].reason);
	}
}

/* Who has not voted, who has not agreed to all, who has. */
static void
people(struct align_principles *v, const struct align_distiller *d)
{
	size_t i, j, n = align_distiller_count(d);

	for (i = 0; i < v->npeople; i++) {
		const char *who = v->people[i];
		int voted = 0, all = 1;

		for (j = 0; j < n; j++) {
			const struct align_principle *p =
			    align_distiller_principle(d, j);

			voted |= align_principle_dots(p, who) != 0;
			all &= align_principle_agreed_by(p, who);
		}
		if (!voted)
			v->not_voted[v->nnot_voted++] = who;
		if (!all)
			v->not_agreed[v->nnot_agreed++] = who;
		else
			v->agree_all++;
	}
}

/* 1 when p's names (dots, agreement, objections) are all pseudonyms;
 * *named counts them. */
static int
pseudonymous(const struct align_principle *p, size_t *named)
{
	size_t j;
	int all = 1;

	for (j = 0; j < p->nvotes; j++)
		if (p->votes[j].n != 0) {	/* else withdrawn */
			all &= align_is_pseudonym(p->votes[j].participant);
			(*named)++;
		}
	for (j = 0; j < p->agreed.n; j++, (*named)++)
		all &= align_is_pseudonym(p->agreed.v[j]);
	for (j = 0; j < p->nobjections; j++, (*named)++)
		all &= p->objections[j].participant &&
		    align_is_pseudonym(p->objections[j].participant);
	return all;
}

/* How many agree to p: those on the roster when there is one ("8 of 7"
 * cannot be), else every name. */
static size_t
agreed(const struct align_principles *v, const struct align_principle *p)
{
	size_t i, n = 0;

	if (v->npeople == 0)
		return p->agreed.n;
	for (i = 0; i < v->npeople; i++)
		n += align_principle_agreed_by(p, v->people[i]) != 0;
	return n;
}

int
align_principles_make(struct align_principles *v,
    const struct align_distiller *d, struct align_err *e)
{
	size_t i, n = align_distiller_count(d), nobj = 0, k = 0, named = 0;
	int all = 1;

	memset(v, 0, sizeof(*v));
	align_distiller_session(d, &v->title, &v->date, &v->place);
	v->people = align_distiller_people(d, &v->npeople);
	for (i = 0; i < n; i++)
		nobj += align_distiller_principle(d, i)->nobjections;
	v->entry = calloc(n + 1, sizeof(*v->entry));
	v->objection = calloc(nobj + 1, sizeof(*v->objection));
	v->not_voted = calloc(v->npeople + 1, sizeof(*v->not_voted));
	v->not_agreed = calloc(v->npeople + 1, sizeof(*v->not_agreed));
	if (!v->entry || !v->objection || !v->not_voted || !v->not_agreed) {
		align_principles_release(v);
		return align_err_nomem(e);
	}
	for (i = 0; i < n; i++) {
		const struct align_principle *p = align_distiller_principle(d,
		    i);
		struct align_principles_entry *x = &v->entry[i];

		x->number = i + 1;
		x->id = x->handle = or_none(p->id);
		x->statement = or_none(p->statement);
		x->votes = align_principle_tally(p);
		x->agreed = (const char *const *)p->agreed.v;
		x->nagreed = agreed(v, p);
		objections(v, x, p, &k);
		x->met = align_distiller_met(d, i);
		all &= pseudonymous(p, &named);
	}
	v->anonymous = named > 0 && all;
	v->n = n;
	people(v, d);
	v->rule = align_rule_name(align_distiller_rule(d));
	v->final = align_distiller_final(d);
	return 0;
}

void
align_principles_release(struct align_principles *v)
{
	free(v->entry);
	free(v->objection);
	free(v->not_voted);
	free(v->not_agreed);
	memset(v, 0, sizeof(*v));
}

int
align_principles_formats(void)
{
	return ALIGN_RENDERERS_FORMATS(renderers);
}

void
align_principles_show(const struct align_principles *v,
    const struct align_show *s)
{
	ALIGN_RENDERERS_SHOW(renderers, v, s);
}
