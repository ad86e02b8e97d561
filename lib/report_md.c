/* The report in Markdown: a table a principle and the notes under it,
 * for a wiki or a pull request. */
#include "report.h"

static void
tally(const struct align_show *s, const struct align_report_tally *t)
{
	align_buf_printf(s->b, "%zu %s, %zu mixed, %zu %s", t->success,
	    align_plural(t->success, "success", "successes"), t->mixed,
	    t->failure, align_plural(t->failure, "failure", "failures"));
}

/* "- f1, Ana (success): what happened", an item each (round: NULL for
 * none), indented by indent. */
static void
notes(const struct align_show *s, const struct align_report_notes *n,
    const char *round, const char *indent)
{
	size_t i;

	for (i = 0; i < n->n; i++) {
		align_buf_printf(s->b, "%s- ", indent);
		if (round) {
			align_show_text(s, round);
			align_buf_puts(s->b, ", ");
		}
		align_show_text(s, n->v[i].participant);
		if (*n->v[i].outcome) {
			align_buf_puts(s->b, " (");
			align_show_text(s, n->v[i].outcome);
			align_buf_putc(s->b, ')');
		}
		align_buf_puts(s->b, ": ");
		align_show_text(s, n->v[i].note);
		align_buf_putc(s->b, '\n');
	}
}

static void
principles(const struct align_report *v, const struct align_show *s)
{
	size_t i, j;

	for (i = 0; i < v->nprinciple; i++) {
		const struct align_report_principle *p = &v->principle[i];

		align_buf_puts(s->b, "\n## ");
		align_show_text(s, p->id);
		align_buf_puts(s->b, ": ");
		align_show_text(s, p->statement);
		align_buf_puts(s->b, "\n\n| round | success | mixed | failure "
		    "|\n|---|---|---|---|\n");
		for (j = 0; j < v->ngroup; j++) {
			const struct align_report_round *r =
			    &v->round[v->group[j]];
			const struct align_report_tally *t = &p->tally[j];

			align_buf_puts(s->b, "| ");
			align_show_text(s, r->id);
			align_buf_putc(s->b, ' ');
			align_show_text(s, r->date);
			align_buf_printf(s->b, " | %zu | %zu | %zu |\n",
			    t->success, t->mixed, t->failure);
		}
		for (j = 0; j < v->ngroup; j++)
			if (p->notes[j].n) {
				align_buf_putc(s->b, '\n');
				break;
			}
		for (j = 0; j < v->ngroup; j++)
			notes(s, &p->notes[j], v->round[v->group[j]].id, "");
	}
}

static void
one_to_one(const struct align_report_round *r, const struct align_show *s)
{
	size_t i;

	align_buf_puts(s->b, "\n## ");
	align_show_text(s, r->id);
	align_buf_puts(s->b, ": one-to-one with ");
	align_show_text(s, r->with ? r->with : "");
	align_buf_puts(s->b, "\n\n");
	for (i = 0; i < r->ncommitment; i++) {
		const struct align_report_commitment *c = &r->commitment[i];

		align_buf_puts(s->b, "- ");
		align_show_text(s, c->id);
		align_buf_putc(s->b, ' ');
		align_show_text(s, c->participant);
		align_buf_puts(s->b, ": ");
		align_show_text(s, c->commitment);
		align_buf_puts(s->b, " (");
		tally(s, &c->tally);
		align_buf_puts(s->b, ")\n");
		notes(s, &c->notes, NULL, "  ");
	}
}

/* A one-to-one reviewed week by week: its reviews, not check-ins. */
static int
reviewed(const struct align_report_round *r)
{
	return r->realign && r->realign->nreviewed > 0;
}

static void
people(const struct align_report_round *r, const struct align_show *s)
{
	size_t i;

	for (i = 0; !reviewed(r) && i < r->missing.n; i++) {
		align_buf_puts(s->b, i ? ", " : "\nNot checked in for ");
		if (i == 0) {
			align_show_text(s, r->id);
			align_buf_puts(s->b, ": ");
		}
		align_show_text(s, r->missing.v[i]);
	}
	if (r->missing.n && !reviewed(r))
		align_buf_puts(s->b, ".\n");
	for (i = 0; !r->realign && i < r->nrecognition; i++) {
		align_buf_puts(s->b, "\n- Recognised (");
		align_show_text(s, r->id);
		align_buf_puts(s->b, ", ");
		align_show_text(s, r->recognition[i].participant);
		align_buf_puts(s->b, "): ");
		align_show_text(s, r->recognition[i].text);
		align_buf_putc(s->b, '\n');
	}
}

void
align_report_markdown(const struct align_report *v,
    const struct align_show *s)
{
	size_t i;

	align_buf_puts(s->b, "# Follow-up report\n");
	principles(v, s);
	for (i = 0; i < v->nround; i++)
		if (v->round[i].realign)
			align_realign_markdown(v->round[i].realign, s);
		else if (v->round[i].one_to_one)
			one_to_one(&v->round[i], s);
	for (i = 0; i < v->nround; i++)
		people(&v->round[i], s);
}
