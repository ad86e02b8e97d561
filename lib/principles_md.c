/* The charter: the agreed list in Markdown, for a wiki or a README. */
#include "principles.h"

void
align_principles_markdown(const struct align_principles *v,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t i;

	align_buf_puts(b, "# Our principles\n\n");
	for (i = 0; i < v->n; i++) {
		align_buf_printf(b, "%zu. ", v->entry[i].number);
		align_show_text(s, v->entry[i].statement);
		align_buf_putc(b, '\n');
	}
	if (!v->final) {
		align_buf_printf(b, "\n_Proposed: not yet agreed by %s._\n",
		    v->rule);
		return;
	}
	align_buf_printf(b, "\nAgreed by %s of ", v->rule);
	for (i = 0; i < v->npeople; i++) {
		align_buf_puts(b, i ? ", " : "");
		align_show_text(s, v->people[i]);
	}
	align_buf_puts(b, v->npeople ? ".\n" : "the group.\n");
}
