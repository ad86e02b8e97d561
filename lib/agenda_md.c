/* The agenda in Markdown: for a wiki, or the meeting's issue. */
#include "agenda.h"

void
align_agenda_markdown(const struct align_agenda *v,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t i;

	align_buf_puts(b, "# ");
	align_show_text(s, v->title ? v->title : "Session");
	align_buf_puts(b, "\n\n");
	align_agenda_when(v, s);
	align_buf_puts(b, "\n## Purpose\n\n");
	align_show_text(s, v->purpose);
	align_buf_puts(b, "\n\n## Opening question\n\n> ");
	align_show_text(s, v->question);
	align_buf_puts(b, "\n\n## Agenda\n\n"
	    "| time | minutes | part | what to do |\n|---|---|---|---|\n");
	for (i = 0; i < v->nparts; i++)
		align_buf_printf(b, "| %s | %ld | %s | %s |\n",
		    v->part[i].clock, v->part[i].minutes, v->part[i].name,
		    v->part[i].what);
	align_buf_printf(b, "\n## Participants (%zu)\n\n", v->nparticipants);
	for (i = 0; i < v->nparticipants; i++) {
		align_buf_puts(b, "- ");
		align_show_text(s, v->participants[i]);
		align_buf_putc(b, '\n');
	}
	align_buf_puts(b, "\n## Before the meeting\n\n");
	for (i = 0; i < v->nbefore; i++)
		align_buf_printf(b, "- %s\n", v->before[i]);
}
