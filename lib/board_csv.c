/* The board as CSV: one response a row, in input order. */
#include "board.h"
#include "csv.h"

void
align_board_csv(const struct align_board *v, const struct align_show *s)
{
	struct align_buf *b = s->b;
	size_t i;

	align_buf_puts(b, "id,participant,at,question,text\r\n");
	for (i = 0; i < v->nentry; i++) {
		const struct align_board_entry *x = &v->input[i];
		const char *f[5];

		f[0] = x->id;
		f[1] = x->participant;
		f[2] = x->at;
		f[3] = x->question;
		f[4] = x->text;
		align_csv_row(b, f, 5);
	}
}
