/* The themes as CSV: each response of a theme, with its theme, label and
 * how alike the theme's responses are; then each response in no theme,
 * with the theme it is nearest (a suggestion) and how alike it is to it,
 * when one is alike.  "alike" is a percentage, as the text view says it
 * ("32%"). */
#include <stdio.h>

#include "csv.h"
#include "theme.h"

void
align_themes_csv(const struct align_themes *v, const struct align_show *s)
{
	size_t i, j;
	char alike[32];
	const char *f[5];

	align_buf_puts(s->b, "response,theme,label,suggested,alike\r\n");
	f[4] = alike;
	for (i = 0; i < v->ntheme; i++) {
		const struct align_themes_entry *x = &v->theme[i];

		f[1] = x->id;
		f[2] = x->label;
		f[3] = "";
		snprintf(alike, sizeof(alike), "%.0f%%", 100 * x->confidence);
		for (j = 0; j < x->count; j++) {
			f[0] = x->response[j];
			align_csv_row(s->b, f, 5);
		}
	}
	for (i = 0; i < v->nloose; i++) {
		const struct align_themes_loose *l = &v->loose[i];

		f[0] = l->id;
		f[1] = f[2] = "";
		f[3] = l->near ? l->near : "";
		alike[0] = '\0';
		if (l->near)
			snprintf(alike, sizeof(alike), "%.0f%%",
			    100 * l->similarity);
		align_csv_row(s->b, f, 5);
	}
}
