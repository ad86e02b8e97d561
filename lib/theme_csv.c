/* The themes as CSV: each response of a theme, with its theme and
 * label. */
#include "csv.h"
#include "theme.h"

void
align_themes_csv(const struct align_themes *v, const struct align_show *s)
{
	size_t i, j;

	align_buf_puts(s->b, "response,theme,label\r\n");
	for (i = 0; i < v->ntheme; i++) {
		const struct align_themes_entry *x = &v->theme[i];
		const char *f[3];

		f[1] = x->id;
		f[2] = x->label;
		for (j = 0; j < x->count; j++) {
			f[0] = x->response[j];
			align_csv_row(s->b, f, 3);
		}
	}
}
