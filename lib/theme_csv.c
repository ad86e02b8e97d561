/* The themes as CSV: each response of a theme, with its theme and
 * label; then each response in no theme, with the theme it is nearest
 * (a suggestion) when one is alike. */
#include "csv.h"
#include "theme.h"

void
align_themes_csv(const struct align_themes *v, const struct align_show *s)
{
	size_t i, j;

	const char *f[4];

	align_buf_puts(s->b, "response,theme,label,suggested\r\n");
	for (i = 0; i < v->ntheme; i++) {
		const struct align_themes_entry *x = &v->theme[i];

		f[1] = x->id;
		f[2] = x->label;
		f[3] = "";
		for (j = 0; j < x->count; j++) {
			f[0] = x->response[j];
			align_csv_row(s->b, f, 4);
		}
	}
	for (i = 0; i < v->nloose; i++) {
		f[0] = v->loose[i].id;
		f[1] = f[2] = "";
		f[3] = v->loose[i].near ? v->loose[i].near : "";
		align_csv_row(s->b, f, 4);
	}
}
