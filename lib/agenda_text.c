/* The agenda for the room: a sheet to print or put on the screen. */
#include "agenda.h"

static void
participants(const struct align_agenda *v, const struct align_show *s)
{
	struct align_buf names = ALIGN_BUF_INIT;
	size_t i;

	align_buf_printf(s->b, "\nParticipants (%zu)\n  ", v->nparticipants);
	if (v->nparticipants == 0) {
		align_buf_puts(s->b,
		    "none yet (add them with --participant)\n");
		return;
	}
	for (i = 0; i < v->nparticipants; i++)
		align_buf_printf(&names, "%s%s", i ? ", " : "",
		    v->participants[i]);
	if (names.failed)
		s->b->failed = 1;
	else
		align_show_wrap(s, names.p, 2, 2);
	align_buf_release(&names);
}

void
align_agenda_text(const struct align_agenda *v, const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t i;

	align_show_text(s, v->title ? v->title : "Session");
	align_buf_putc(b, '\n');
	align_agenda_when(v, s);
	align_buf_puts(b, "\nPurpose\n  ");
	align_show_wrap(s, v->purpose, 2, 2);
	align_buf_puts(b, "\nOpening question\n  ");
	align_show_wrap(s, v->question, 2, 2);
	align_buf_puts(b, "\nAgenda\n");
	for (i = 0; i < v->nparts; i++) {
		const struct align_agenda_part *x = &v->part[i];

		align_buf_printf(b, "  %-6s %3ldm  %-10s  ", x->clock,
		    x->minutes, x->name);
		align_show_wrap(s, x->what, 27, 27);
	}
	participants(v, s);
	align_buf_puts(b, "\nBefore the meeting\n");
	for (i = 0; i < v->nbefore; i++) {
		align_buf_puts(b, "  - ");
		align_show_wrap(s, v->before[i], 4, 4);
	}
}
