/* The board in Markdown: for a wiki or a pull request. */
#include <string.h>

#include "board.h"

/* User text on one list item: its line breaks kept, indented. */
static void
item_text(const struct align_show *s, const char *t)
{
	const char *nl;

	while ((nl = strchr(t, '\n')) != NULL) {
		align_show_textn(s, t, (size_t)(nl - t));
		align_buf_puts(s->b, "  \n   ");
		t = nl + 1;
	}
	align_show_text(s, t);
	align_buf_putc(s->b, '\n');
}

void
align_board_markdown(const struct align_board *v,
    const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t g, i;

	align_buf_puts(b, "# ");
	align_show_text(s, v->title);
	align_buf_putc(b, '\n');
	for (g = 0; g < v->ngroup; g++) {
		const struct align_board_group *gr = &v->group[g];

		align_buf_puts(b, "\n> ");
		align_show_text(s, gr->question);
		align_buf_puts(b, "\n\n");
		for (i = gr->first; i < gr->first + gr->n; i++) {
			const struct align_board_entry *x = &v->entry[i];

			align_buf_printf(b, "%zu. `", x->number);
			align_show_text(s, x->handle);
			align_buf_puts(b, "` ");
			if (*x->participant) {
				align_buf_puts(b, "**");
				align_show_text(s, x->participant);
				align_buf_puts(b, "**: ");
			}
			item_text(s, x->text);
		}
	}
	align_board_tally(v, s);
}
