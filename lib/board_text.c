/* The board for a terminal: the responses under their question, each by
 * its handle, names in a column, text wrapped. */
#include <string.h>

#include "board.h"
#include "text.h"

void
align_board_text(const struct align_board *v, const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t g, i, k;

	align_buf_puts(b, align_style_on(s, ALIGN_STYLE_BOLD));
	align_show_text(s, v->title);
	align_buf_printf(b, "%s\n", align_style_off(s));
	for (g = 0; g < v->ngroup; g++) {
		const struct align_board_group *gr = &v->group[g];

		align_buf_printf(b, "\n%s", align_style_on(s, ALIGN_STYLE_DIM));
		align_show_wrap(s, gr->question, 0, 0);
		align_buf_printf(b, "%s\n", align_style_off(s));
		for (i = gr->first; i < gr->first + gr->n; i++) {
			const struct align_board_entry *x = &v->entry[i];
			size_t w = align_text_width(x->participant,
			    strlen(x->participant)), pad = v->namew ? 2 : 0,
			    hw = v->handlew + 2;

			align_buf_puts(b, align_style_on(s, ALIGN_STYLE_DIM));
			align_show_text(s, x->handle);
			align_buf_puts(b, align_style_off(s));
			for (k = align_text_width(x->handle, strlen(x->handle));
			    k < hw; k++)
				align_buf_putc(b, ' ');
			align_buf_puts(b, align_style_on(s, ALIGN_STYLE_NAME));
			align_show_text(s, x->participant);
			align_buf_puts(b, align_style_off(s));
			for (k = w; k < v->namew; k++)
				align_buf_putc(b, ' ');
			align_buf_puts(b, v->namew ? "  " : "");
			align_show_wrap(s, x->text, hw + v->namew + pad,
			    hw + (w > v->namew ? w : v->namew) + pad);
		}
	}
	align_board_tally(v, s);
}
