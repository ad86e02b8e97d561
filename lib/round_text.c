/* A round, for a terminal: when (and in which zone), the principles, the
 * pairs and when each first meets. */
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
align_round_text(const struct align_round_shown *r,
    const struct align_show *s)
{
	const struct align_followup_view *f = &r->view->u.followup;
	const char *zone = align_zone_name(r->when->zone);
	char at[40];
	size_t i;

	align_show_text(s, r->view->id ? r->view->id : "");
	if (f->with) {
		align_buf_puts(s->b, " one-to-one with ");
		align_show_text(s, f->with);
	} else {
		align_buf_puts(s->b, " follow-up");
	}
	align_buf_puts(s->b, r->revised ? " (revised) on " : " on ");
	align_show_text(s, f->date ? f->date : "");
	if (zone && !r->when->date.date_only) {
		align_buf_puts(s->b, " (");
		align_show_text(s, zone);
		align_buf_putc(s->b, ')');
	}
	if (f->every) {
		align_buf_puts(s->b, ", every ");
		align_show_text(s, f->every);
	}
	align_buf_puts(s->b, "\nPrinciples: ");
	join(s, &f->principles, ", ");
	align_buf_puts(s->b, "\nPairs:\n");
	for (i = 0; i < f->pairs.n; i++) {
		align_buf_puts(s->b, "  ");
		if (!f->with) {
			struct align_time t = align_round_pair_at(r->when, i,
			    f->pairs.n);

			align_time_format(&t, at);
			align_buf_printf(s->b, "%s  ", at);
		}
		join(s, &f->pairs.v[i], " and ");
		align_buf_putc(s->b, '\n');
	}
}
