/* The themes as people see them, and the renderer of each format. */
#include <stdlib.h>
#include <string.h>

#include "theme_int.h"

static const struct {
	enum align_format f;
	void (*show)(const struct align_themes *, const struct align_show *);
} renderers[] = {
	{ ALIGN_FMT_TEXT, align_themes_text },
	{ ALIGN_FMT_MARKDOWN, align_themes_markdown },
	{ ALIGN_FMT_CSV, align_themes_csv },
};

/* Response id's index, or -1.  The ids were indexed by the run when
 * texts are kept, so the lookup changes nothing. */
static long
resp_of(const struct align_themer *t, const char *id)
{
	if (id == NULL || !t->o.keep_text)
		return -1;
	return align_dict_id((struct align_dict *)&t->ids, id, strlen(id), 0);
}

/* Entry i from theme i and the view of its record. */
static void
entry(struct align_themes *v, const struct align_themer *t, size_t i,
    const char **ids)
{
	const struct theme *th = &t->theme[i];
	const struct align_theme_view *tv = &v->rec[i].u.theme;
	struct align_themes_entry *x = &v->theme[i];
	long r = resp_of(t, tv->typical);
	size_t j;

	x->id = v->rec[i].id ? v->rec[i].id : "";
	x->label = tv->label ? tv->label : "";
	x->keyword = tv->keywords.v;
	x->nkeyword = tv->keywords.n;
	for (j = 0; j < th->n; j++)
		ids[j] = align_themer_resp_id(t, th->member[j]);
	x->response = ids;
	x->count = th->n;
	x->support = th->support;
	x->edited = th->manual;
	if (r >= 0 && (size_t)r < t->ntext) {
		x->typical = t->texts.p + t->text_at[r];
		x->who = t->resp[r].who < 0 ? NULL :
		    t->people.str[t->resp[r].who];
	}
}

/* The counts of the whole: responses, participants, in no theme. */
static void
counts(struct align_themes *v, const struct align_themer *t)
{
	size_t i, unnamed = 0, placed = 0;

	for (i = 0; i < t->nresp; i++) {
		unnamed += t->resp[i].who < 0;
		placed += t->resp[i].theme >= 0;
	}
	v->responses = t->nresp;
	v->participants = t->session_people;
	if (v->participants < t->people.n + unnamed)
		v->participants = t->people.n + unnamed;
	v->unplaced = t->nresp - placed;
}

int
align_themes_make(struct align_themes *v, const struct align_themer *t,
    struct align_err *e)
{
	size_t i, total = 0;
	const char **at;

	memset(v, 0, sizeof(*v));
	counts(v, t);
	for (i = 0; i < t->ntheme; i++)
		total += t->theme[i].n;
	v->theme = calloc(t->ntheme + 1, sizeof(*v->theme));
	v->rec = calloc(t->ntheme + 1, sizeof(*v->rec));
	v->ids = malloc((total + 1) * sizeof(*v->ids));
	if (v->theme == NULL || v->rec == NULL || v->ids == NULL)
		return align_err_nomem(e);
	for (i = 0, at = v->ids; i < t->ntheme; i++) {
		if (align_view(&v->rec[i], t->theme[i].rec, e) < 0)
			return -1;
		v->ntheme++;
		entry(v, t, i, at);
		at += t->theme[i].n;
	}
	return 0;
}

void
align_themes_release(struct align_themes *v)
{
	size_t i;

	for (i = 0; v->rec && i < v->ntheme; i++)
		align_view_release(&v->rec[i]);
	free(v->rec);
	free(v->theme);
	free(v->ids);
	memset(v, 0, sizeof(*v));
}

int
align_themes_formats(void)
{
	size_t i;
	int mask = 0;

	for (i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		mask |= renderers[i].f;
	return mask;
}

void
align_themes_show(const struct align_themes *v, const struct align_show *s)
{
	size_t i;

	for (i = 0; i < sizeof(renderers) / sizeof(renderers[0]); i++)
		if (renderers[i].f == s->format) {
			renderers[i].show(v, s);
			return;
		}
}
