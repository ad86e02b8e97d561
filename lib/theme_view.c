/* The themes as people see them, and the renderer of each format. */
#include <stdlib.h>
#include <string.h>

#include "response.h"
#include "handle.h"
#include "theme_int.h"

static const ALIGN_RENDERER(struct align_themes) renderers[] = {
	{ ALIGN_FMT_TEXT, align_themes_text },
	{ ALIGN_FMT_MARKDOWN, align_themes_markdown },
	{ ALIGN_FMT_CSV, align_themes_csv },
	{ ALIGN_FMT_HTML, align_themes_html },
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

/* With texts kept: the texts, authors and languages of theme i's
 * responses, into at (three times its count). */
static void
texts(struct align_themes_entry *x, const struct align_themer *t,
    const struct theme *th, const char **at)
{
	size_t j;

	for (j = 0; j < th->n; j++) {
		uint32_t r = th->member[j];

		at[j] = r < t->ntext ? t->texts.p + t->text_at[r] : "";
		at[th->n + j] = t->resp[r].who < 0 ? NULL :
		    t->people.str[t->resp[r].who];
		at[2 * th->n + j] = align_lang_names[t->resp[r].lang];
	}
	x->text = at;
	x->author = at + th->n;
	x->lang = at + 2 * th->n;
}

/* Theme i's label with its concept's purity, into v->shown[i] (NULL
 * when it has none, or a person named the theme).  -1 out of memory. */
static int
purity(struct align_themes *v, const struct align_themer *t, size_t i)
{
	const struct align_theme_view *tv = &v->rec[i].u.theme;
	struct align_buf b = ALIGN_BUF_INIT;

	if (!tv->purity.set || tv->label == NULL || t->theme[i].manual)
		return 0;
	align_buf_printf(&b, "%s (%lld%%)", tv->label, tv->purity.v);
	if (b.failed)
		return -1;
	v->shown[i] = align_buf_detach(&b);
	return 0;
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
	x->label = v->shown[i] ? v->shown[i] : tv->label ? tv->label : "";
	x->keyword = tv->keywords.v;
	x->nkeyword = tv->keywords.n;
	for (j = 0; j < th->n; j++)
		ids[j] = align_themer_resp_id(t, th->member[j]);
	x->response = ids;
	x->count = th->n;
	x->support = th->support;
	x->edited = th->manual;
	x->confidence = t->confidence ? t->confidence[i] : 0;
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
	for (i = 0; i < t->people.n; i++)
		if (!align_is_pseudonym(t->people.str[i]))
			break;
	v->anonymous = t->people.n > 0 && i == t->people.n;
}

/* Each response's handle length, unique among every response as the
 * board's are, into a new array (NULL when out of memory). */
static size_t *
handle_lengths(const struct align_themer *t)
{
	const char **ids = malloc((t->nresp + 1) * sizeof(*ids));
	size_t *len = malloc((t->nresp + 1) * sizeof(*len));
	size_t i;

	if (ids == NULL || len == NULL)
		goto fail;
	for (i = 0; i < t->nresp; i++)
		ids[i] = align_themer_resp_id(t, (uint32_t)i);
	if (align_handle_lengths(ids, t->nresp, 6, len) < 0)
		goto fail;
	free(ids);
	return len;
fail:
	free(ids);
	free(len);
	return NULL;
}

/* Response r, in no theme, as the view shows it; len its handle's. */
static void
loose_one(struct align_themes *v, const struct align_themer *t,
    struct align_themes_loose *l, uint32_t r, size_t len)
{
	l->id = align_themer_resp_id(t, r);
	l->handle = align_handle_shown(l->id, len, &l->handle_len);
	if (t->o.keep_text && r < t->ntext)
		l->text = t->texts.p + t->text_at[r];
	l->lang = align_lang_names[t->resp[r].lang];
	l->who = t->resp[r].who < 0 ? NULL : t->people.str[t->resp[r].who];
	if (t->near && t->near[r] >= 0 && (size_t)t->near[r] < v->ntheme) {
		l->near = v->theme[t->near[r]].id;
		l->similarity = t->near_sim[r];
	}
}

/* The responses in no theme, in id order, each with the theme it is
 * nearest. */
static int
loose(struct align_themes *v, const struct align_themer *t)
{
	uint32_t *m = malloc((t->nresp + 1) * sizeof(*m));
	size_t *len = handle_lengths(t);
	size_t i, n = 0;
	int rc = -1;

	if (m == NULL || len == NULL)
		goto out;
	for (i = 0; i < t->nresp; i++)
		if (t->resp[i].theme < 0)
			m[n++] = (uint32_t)i;
	if (align_themer_sort(t, m, n) < 0 ||
	    (v->loose = calloc(n + 1, sizeof(*v->loose))) == NULL)
		goto out;
	for (i = 0; i < n; i++)
		loose_one(v, t, &v->loose[i], m[i], len[m[i]]);
	v->nloose = n;
	rc = 0;
out:
	free(m);
	free(len);
	return rc;
}

/* The session's title, date and place, from its view. */
static int
session(struct align_themes *v, const struct align_themer *t,
    struct align_err *e)
{
	if (t->session == NULL)
		return 0;
	if (align_view(&v->session, t->session, e) < 0)
		return -1;
	v->title = v->session.u.session.title;
	v->date = v->session.u.session.date;
	v->place = v->session.u.session.place;
	return 0;
}

int
align_themes_make(struct align_themes *v, struct align_themer *t,
    struct align_err *e)
{
	size_t i, total = 0;
	const char **at, **tx;

	memset(v, 0, sizeof(*v));
	if (t->confidence == NULL && align_themer_suggest(t, e) < 0)
		return -1;
	counts(v, t);
	for (i = 0; i < t->ntheme; i++)
		total += t->theme[i].n;
	v->theme = calloc(t->ntheme + 1, sizeof(*v->theme));
	v->rec = calloc(t->ntheme + 1, sizeof(*v->rec));
	v->ids = malloc((total + 1) * sizeof(*v->ids));
	v->shown = calloc(t->ntheme + 1, sizeof(*v->shown));
	if (t->o.keep_text)
		v->texts = malloc((3 * total + 1) * sizeof(*v->texts));
	if (v->theme == NULL || v->rec == NULL || v->ids == NULL ||
	    v->shown == NULL ||
	    (t->o.keep_text && v->texts == NULL))
		return align_err_nomem(e);
	if (session(v, t, e) < 0)
		return -1;
	for (i = 0, at = v->ids, tx = v->texts; i < t->ntheme; i++) {
		if (align_view(&v->rec[i], t->theme[i].rec, e) < 0)
			return -1;
		v->ntheme++;
		if (purity(v, t, i) < 0)
			return align_err_nomem(e);
		entry(v, t, i, at);
		at += t->theme[i].n;
		if (tx) {
			texts(&v->theme[i], t, &t->theme[i], tx);
			tx += 3 * t->theme[i].n;
		}
	}
	return loose(v, t) < 0 ? align_err_nomem(e) : 0;
}

void
align_themes_release(struct align_themes *v)
{
	size_t i;

	for (i = 0; v->rec && i < v->ntheme; i++)
		align_view_release(&v->rec[i]);
	free(v->rec);
	free(v->theme);
	for (i = 0; v->shown && i < v->ntheme; i++)
		free(v->shown[i]);
	free(v->shown);
	free(v->ids);
	free(v->texts);
	free(v->loose);
	align_view_release(&v->session);
	memset(v, 0, sizeof(*v));
}

int
align_themes_formats(void)
{
	return ALIGN_RENDERERS_FORMATS(renderers);
}

void
align_themes_show(const struct align_themes *v, const struct align_show *s)
{
	ALIGN_RENDERERS_SHOW(renderers, v, s);
}
