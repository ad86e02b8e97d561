/* What is due, for cron's mail: the day, the round, what. */
#include "due.h"

void
align_due_text(const struct align_due_list *l, const struct align_show *s)
{
	size_t i;

	for (i = 0; i < l->n; i++) {
		align_buf_printf(s->b, "%s ", l->v[i].date);
		align_show_text(s, l->v[i].followup);
		align_buf_putc(s->b, ' ');
		align_show_text(s, l->v[i].what);
		align_buf_putc(s->b, '\n');
	}
}
