/* A round planned, for a terminal: when, the principles, the pairs. */
#include "followup_plan.h"

static void
join(const struct align_show *s, const struct align_texts *t,
    const char *sep)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		align_buf_puts(s->b, i ? sep : "");
		align_show_text(s, t->v[i]);
	}
}

void
align_round_text(const struct align_planned *p, const struct align_show *s)
{
	const struct align_followup_view *f = &p->view.u.followup;
	size_t i;

	align_show_text(s, p->view.id ? p->view.id : "");
	if (f->with) {
		align_buf_puts(s->b, " one-to-one with ");
		align_show_text(s, f->with);
	} else {
		align_buf_puts(s->b, " follow-up");
	}
	align_buf_puts(s->b, p->revised ? " (revised) on " : " on ");
	align_show_text(s, f->date ? f->date : "");
	if (f->every) {
		align_buf_puts(s->b, ", every ");
		align_show_text(s, f->every);
	}
	align_buf_puts(s->b, "\nPrinciples: ");
	join(s, &f->principles, ", ");
	align_buf_puts(s->b, "\nPairs:\n");
	for (i = 0; i < f->pairs.n; i++) {
		align_buf_puts(s->b, "  ");
		join(s, &f->pairs.v[i], " and ");
		align_buf_putc(s->b, '\n');
	}
}
