#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "propose.h"
#include "theme.h"

/* The principle each concept of the default lexicon suggests, in each
 * language: short, first person plural, the words that add no meaning
 * left out. */
static const struct {
	const char *concept;
	const char *text[ALIGN_LANGS];
} drafts[] = {
	{ "presence", {
	    "We are present, and we stick around when things are difficult.",
	    "Estamos presentes y nos quedamos cuando las cosas se ponen "
	    "difíciles.",
	    "Wir sind da und bleiben, wenn es schwierig wird.",
	    "Nous sommes présents et nous restons quand tout devient "
	    "difficile." } },
	{ "mentoring", {
	    "We teach and mentor.",
	    "Enseñamos y acompañamos como mentores.",
	    "Wir bringen bei und begleiten als Mentoren.",
	    "Nous enseignons et accompagnons." } },
	{ "listening", {
	    "We listen, and we make space for every voice.",
	    "Escuchamos y damos espacio a todas las voces.",
	    "Wir hören zu und geben jeder Stimme Raum.",
	    "Nous écoutons et laissons place à chaque voix." } },
	{ "expectations", {
	    "We set clear expectations.",
	    "Fijamos expectativas claras.",
	    "Wir setzen klare Erwartungen.",
	    "Nous fixons des attentes claires." } },
	{ "recognition", {
	    "We recognise good work, out loud.",
	    "Reconocemos el buen trabajo en voz alta.",
	    "Wir erkennen gute Arbeit offen an.",
	    "Nous reconnaissons le bon travail à voix haute." } },
	{ "trust", {
	    "We trust people and give them flexibility.",
	    "Confiamos en las personas y les damos flexibilidad.",
	    "Wir vertrauen den Menschen und lassen ihnen Freiraum.",
	    "Nous faisons confiance et laissons de la souplesse." } },
	{ "care", {
	    "We care for the whole person.",
	    "Cuidamos de la persona entera.",
	    "Wir kümmern uns um den ganzen Menschen.",
	    "Nous prenons soin de la personne entière." } },
	{ "fairness", {
	    "We are fair and consistent.",
	    "Somos justos y coherentes.",
	    "Wir sind fair und verlässlich.",
	    "Nous sommes justes et cohérents." } },
	{ "passion", {
	    "We bring passion to the work.",
	    "Ponemos pasión en el trabajo.",
	    "Wir arbeiten mit Leidenschaft.",
	    "Nous travaillons avec passion." } },
	{ "communication", {
	    "We communicate honestly and openly.",
	    "Nos comunicamos con honestidad y apertura.",
	    "Wir kommunizieren ehrlich und offen.",
	    "Nous communiquons avec honnêteté et ouverture." } },
};
#define NDRAFTS (sizeof(drafts) / sizeof(drafts[0]))

/* "We value ...", for a theme no concept names: before and after it. */
static const char *const value_of[ALIGN_LANGS][2] = {
	{ "We value ", "." }, { "Valoramos ", "." },
	{ "Uns ist ", " wichtig." }, { "Nous valorisons ", "." } };
static const char *const we[] = { "we ", "nosotros ", "wir ", "nous ",
	NULL };

/* The draft of the concept whose label is label, or NULL. */
static const char *
concept_draft(const struct align_words *w, const char *label, int lang)
{
	size_t t, i;

	for (t = 0; t < align_words_nterms(w); t++) {
		const char *cl = align_words_label(w, (uint32_t)t);

		if (cl == NULL || !align_theme_label_is(label, cl))
			continue;
		for (i = 0; i < NDRAFTS; i++)
			if (strcmp(drafts[i].concept,
			    align_words_term(w, (uint32_t)t) + 1) == 0)
				return drafts[i].text[lang];
	}
	return NULL;
}

void
align_propose_draft(const struct align_words *w, const struct align_lead *t,
    struct align_buf *b)
{
	const char *label = t->label, *text;
	size_t i, len;

	if (label == NULL || *label == '\0')
		label = t->id ? t->id : "?";
	/* A label the group already wrote as a principle. */
	for (i = 0; we[i]; i++)
		if (strncasecmp(label, we[i], strlen(we[i])) == 0) {
			len = strlen(label);
			align_buf_putc(b, label[0] >= 'a' && label[0] <= 'z' ?
			    (char)(label[0] - 'a' + 'A') : label[0]);
			align_buf_puts(b, label + 1);
			if (!strchr(".!", label[len - 1]))
				align_buf_putc(b, '.');
			return;
		}
	if ((text = concept_draft(w, label, t->lang)) != NULL) {
		align_buf_puts(b, text);
		return;
	}
	align_buf_printf(b, "%s%s%s", value_of[t->lang][0], label,
	    value_of[t->lang][1]);
}

/* The first leading theme p stands for, or n. */
static size_t
lead_of(const struct align_principle *p, const struct align_lead *lead,
    size_t n)
{
	size_t j;

	for (j = 0; j < n; j++)
		if (lead[j].id && align_principle_has_theme(p, lead[j].id))
			break;
	return j;
}

static int
redraft(struct align_principle *p, const struct align_words *w,
    const struct align_lead *t)
{
	struct align_buf b = ALIGN_BUF_INIT;
	char *s;

	align_propose_draft(w, t, &b);
	if ((s = align_buf_detach(&b)) == NULL)
		return -1;
	free(p->statement);
	p->statement = s;
	return 0;
}

/* A new proposal for t, called p<next>, onto l. */
static int
draft_new(struct align_plist *l, const struct align_lead *t,
    const char *text, long next)
{
	struct align_buf id = ALIGN_BUF_INIT;
	struct align_principle *p;

	align_buf_printf(&id, "p%ld", next);
	p = id.failed ? NULL : align_principle_new(id.p);
	align_buf_release(&id);
	if (p == NULL || (p->statement = strdup(text)) == NULL ||
	    (t->id && align_strs_add(&p->themes, t->id) < 0) ||
	    align_principle_set_source(p, "auto") < 0) {
		align_principle_free(p);
		return -1;
	}
	return align_plist_push(l, p);
}

/* Whether some principle of l stands for t or says text. */
static int
stands_for(const struct align_plist *l, const struct align_lead *t,
    const char *text)
{
	size_t j;

	for (j = 0; j < l->n; j++)
		if ((t->id && align_principle_has_theme(l->v[j], t->id)) ||
		    (l->v[j]->statement &&
		    strcasecmp(l->v[j]->statement, text) == 0))
			return 1;
	return 0;
}

int
align_propose(struct align_plist *l, const struct align_words *w,
    const struct align_lead *lead, size_t n, struct align_err *e)
{
	struct align_buf text = ALIGN_BUF_INIT;
	size_t i, j = 0, kept = 0;

	/* The ids of the proposals dropped below are not given again. */
	l->most = align_plist_next(l) - 1;
	for (i = 0; i < l->n; i++) {
		struct align_principle *p = l->v[i];

		if (!align_principle_touched(p) &&
		    (j = lead_of(p, lead, n)) == n) {
			align_principle_free(p);
			continue;
		}
		l->v[kept++] = p;
		if (!align_principle_touched(p) && redraft(p, w, &lead[j]) < 0)
			break;
	}
	if (i < l->n) {
		memmove(l->v + kept, l->v + i + 1, (l->n - i - 1) *
		    sizeof(*l->v));
		l->n = kept + l->n - i - 1;
		return align_err_nomem(e);
	}
	l->n = kept;
	for (i = 0; i < n; i++) {
		align_buf_reset(&text);
		align_propose_draft(w, &lead[i], &text);
		if (text.failed || (!stands_for(l, &lead[i], text.p) &&
		    draft_new(l, &lead[i], text.p, align_plist_next(l)) < 0))
			break;
	}
	align_buf_release(&text);
	return i < n ? align_err_nomem(e) : 0;
}
