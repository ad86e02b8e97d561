#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "distill.h"
#include "hash.h"
#include "words.h"

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

/* "We value ...", for a theme no concept names: before and after it. */
static const char *const value_of[ALIGN_LANGS][2] = {
	{ "We value ", "." }, { "Valoramos ", "." },
	{ "Uns ist ", " wichtig." }, { "Nous valorisons ", "." } };
static const char *const we[] = { "we ", "nosotros ", "wir ", "nous ",
	NULL };

struct align_distiller {
	struct align_distill_opts o;
	struct align_words w;
	struct align_analysis a;
	struct align_dict ids;		/* response ids -> lang[] */
	uint8_t *lang;
	size_t lcap;
	char **people;			/* the session's participants */
	size_t npeople;
	struct align_node **theme;	/* in rank order */
	size_t ntheme;
	struct align_node **p;		/* principles, in rank order */
	size_t np;
	int proposed;
};

struct align_distiller *
align_distiller_new(const struct align_distill_opts *o, struct align_err *e)
{
	struct align_distiller *d = calloc(1, sizeof(*d));

	if (d == NULL) {
		align_err_nomem(e);
		return NULL;
	}
	d->o = *o;
	if (align_words_init(&d->w, e) < 0) {
		free(d);
		return NULL;
	}
	if (align_words_default_lexicon(&d->w, e) < 0) {
		align_distiller_free(d);
		return NULL;
	}
	return d;
}

void
align_distiller_free(struct align_distiller *d)
{
	size_t i;

	if (d == NULL)
		return;
	align_words_release(&d->w);
	align_analysis_release(&d->a);
	align_dict_release(&d->ids);
	free(d->lang);
	for (i = 0; i < d->npeople; i++)
		free(d->people[i]);
	free(d->people);
	for (i = 0; i < d->ntheme; i++)
		align_node_free(d->theme[i]);
	free(d->theme);
	for (i = 0; i < d->np; i++)
		align_node_free(d->p[i]);
	free(d->p);
	free(d);
}

static int
push_node(struct align_node ***v, size_t *n, struct align_node *x)
{
	struct align_node **p = realloc(*v, (*n + 1) * sizeof(*p));

	if (p == NULL || x == NULL) {
		if (p)
			*v = p;
		align_node_free(x);
		return -1;
	}
	*v = p;
	(*v)[(*n)++] = x;
	return 0;
}

int
align_distiller_add(struct align_distiller *d, const struct align_node *rec,
    struct align_err *e)
{
	const char *kind = align_record_kind(rec);
	size_t i;

	if (strcmp(kind, "session") == 0 && d->people == NULL) {
		const struct align_node *l = align_map_get(rec, "participants");

		for (i = 0; l && l->type == ALIGN_SEQ && i < l->n; i++) {
			char **p;

			if (l->item[i]->type != ALIGN_SCALAR)
				continue;
			p = realloc(d->people, (d->npeople + 1) * sizeof(*p));
			if (p == NULL)
				return align_err_nomem(e);
			d->people = p;
			if ((p[d->npeople] = strdup(l->item[i]->str)) == NULL)
				return align_err_nomem(e);
			d->npeople++;
		}
	} else if (strcmp(kind, "theme") == 0) {
		if (push_node(&d->theme, &d->ntheme, align_node_copy(rec)) < 0)
			return align_err_nomem(e);
	} else if (strcmp(kind, "principle") == 0) {
		if (push_node(&d->p, &d->np, align_node_copy(rec)) < 0)
			return align_err_nomem(e);
	} else if (strcmp(kind, "response") == 0) {
		const char *id = align_record_id(rec);
		const char *text = align_map_str(rec, "text");
		long k;

		if (id == NULL || text == NULL)
			return 0;
		if (align_words_analyse(&d->w, text, &d->a, e) < 0)
			return -1;
		k = align_dict_id(&d->ids, id, strlen(id), 1);
		if (k < 0)
			return align_err_nomem(e);
		if ((size_t)k >= d->lcap) {
			size_t cap = d->lcap ? d->lcap * 2 : 256;
			uint8_t *l = realloc(d->lang, cap);

			if (l == NULL)
				return align_err_nomem(e);
			d->lang = l;
			d->lcap = cap;
		}
		d->lang[k] = (uint8_t)d->a.lang;
	}
	return 0;
}

/* The language most of a theme's responses are in; English on a tie. */
static int
theme_lang(const struct align_distiller *d, const struct align_node *th)
{
	const struct align_node *l = align_map_get(th, "responses");
	int count[ALIGN_LANGS] = { 0 }, best = ALIGN_EN, i;
	size_t j;

	for (j = 0; l && l->type == ALIGN_SEQ && j < l->n; j++) {
		long k;

		if (l->item[j]->type != ALIGN_SCALAR)
			continue;
		k = align_dict_id((struct align_dict *)&d->ids,
		    l->item[j]->str, l->item[j]->len, 0);
		if (k >= 0)
			count[d->lang[k]]++;
	}
	for (i = 1; i < ALIGN_LANGS; i++)
		if (count[i] > count[best])
			best = i;
	return best;
}

/* A draft for theme th into out. */
static void
draft(const struct align_distiller *d, const struct align_node *th,
    char *out, size_t n)
{
	const char *label = align_map_str(th, "label");
	int lang = theme_lang(d, th);
	size_t t, i;

	if (label == NULL || *label == '\0')
		label = align_record_id(th) ? align_record_id(th) : "?";
	/* A label the group already wrote as a principle. */
	for (i = 0; we[i]; i++)
		if (strncasecmp(label, we[i], strlen(we[i])) == 0) {
			size_t len = strlen(label);

			snprintf(out, n, "%c%s%s", toupper((unsigned char)
			    label[0]), label + 1, len && strchr(".!",
			    label[len - 1]) ? "" : ".");
			return;
		}
	/* The concept of the lexicon the theme is named after. */
	for (t = 0; t < align_words_nterms(&d->w); t++) {
		const char *cl = align_words_label(&d->w, (uint32_t)t);

		if (cl == NULL || strcmp(cl, label) != 0)
			continue;
		for (i = 0; i < sizeof(drafts) / sizeof(drafts[0]); i++)
			if (strcmp(drafts[i].concept,
			    align_words_term(&d->w, (uint32_t)t) + 1) == 0) {
				snprintf(out, n, "%s", drafts[i].text[lang]);
				return;
			}
	}
	snprintf(out, n, "%s%s%s", value_of[lang][0], label,
	    value_of[lang][1]);
}

static long
pnum(const char *id)
{
	char *end;
	long v;

	if (id == NULL || id[0] != 'p' || !isdigit((unsigned char)id[1]))
		return -1;
	v = strtol(id + 1, &end, 10);
	return *end ? -1 : v;
}

static long
next_id(const struct align_distiller *d)
{
	long most = 0, v;
	size_t i;

	for (i = 0; i < d->np; i++)
		if ((v = pnum(align_record_id(d->p[i]))) > most)
			most = v;
	return most + 1;
}

static struct align_node *
find(const struct align_distiller *d, const char *id, size_t *at)
{
	size_t i;

	for (i = 0; i < d->np; i++)
		if (align_record_id(d->p[i]) &&
		    strcmp(align_record_id(d->p[i]), id) == 0) {
			if (at)
				*at = i;
			return d->p[i];
		}
	return NULL;
}

static int
nonempty(const struct align_node *rec, const char *key)
{
	const struct align_node *v = align_map_get(rec, key);

	return v && v->type != ALIGN_SCALAR && v->n > 0;
}

static int
in_list(const struct align_node *l, const char *s)
{
	size_t i;

	for (i = 0; l && l->type == ALIGN_SEQ && i < l->n; i++)
		if (l->item[i]->type == ALIGN_SCALAR &&
		    strcmp(l->item[i]->str, s) == 0)
			return 1;
	return 0;
}

/* Make sure rec has the keys of a principle, in their places, and of
 * their shapes: a list edited into one word is a list of that word; what
 * else is not a list (or, for votes, a mapping) starts again empty. */
static int
complete(struct align_node *rec)
{
	static const char *const lists[] = { "themes", "agreed",
	    "objections", NULL };
	size_t i;

	for (i = 0; lists[i]; i++) {
		struct align_node *l = align_map_get(rec, lists[i]), *seq;

		if (l && l->type == ALIGN_SEQ)
			continue;
		if ((seq = align_seq()) == NULL)
			return -1;
		if (l && l->type == ALIGN_SCALAR && !l->raw &&
		    align_seq_push(seq, align_node_copy(l)) < 0) {
			align_node_free(seq);
			return -1;
		}
		if (align_map_put(rec, lists[i], seq) < 0)
			return -1;
	}
	if ((align_map_get(rec, "votes") == NULL ||
	    align_map_get(rec, "votes")->type != ALIGN_MAP) &&
	    align_map_put(rec, "votes", align_map()) < 0)
		return -1;
	return 0;
}

/* Keep the principles that hold facts or a person's words; draft one for
 * each leading theme no principle stands for. */
static int
propose(struct align_distiller *d, struct align_err *e)
{
	size_t i, j, kept = 0, n = d->ntheme < d->o.max ? d->ntheme :
	    d->o.max;
	char text[512], id[32];

	/* A proposal nobody touched keeps its id while its theme leads,
	 * with the words drafted now; once its theme no longer leads, it
	 * goes.  What people touched stays. */
	for (i = 0; i < d->np; i++) {
		struct align_node *p = d->p[i];
		const char *src = align_map_str(p, "source");
		const struct align_node *ts = align_map_get(p, "themes");

		if ((src && strcmp(src, "manual") == 0) ||
		    nonempty(p, "votes") || nonempty(p, "agreed") ||
		    nonempty(p, "objections")) {
			d->p[kept++] = p;
			continue;
		}
		for (j = 0; j < n; j++)
			if (align_record_id(d->theme[j]) &&
			    in_list(ts, align_record_id(d->theme[j])))
				break;
		if (j == n) {
			align_node_free(p);
			continue;
		}
		draft(d, d->theme[j], text, sizeof(text));
		if (align_map_put_str(p, "statement", text) < 0) {
			align_node_free(p);
			return align_err_nomem(e);
		}
		d->p[kept++] = p;
	}
	d->np = kept;
	for (i = 0; i < n; i++) {
		const struct align_node *th = d->theme[i];
		const char *tid = align_record_id(th);
		struct align_node *p, *themes;

		draft(d, th, text, sizeof(text));
		for (j = 0; j < d->np; j++) {
			const char *st = align_map_str(d->p[j], "statement");

			if ((tid && in_list(align_map_get(d->p[j], "themes"),
			    tid)) || (st && strcasecmp(st, text) == 0))
				break;
		}
		if (j < d->np)
			continue;
		snprintf(id, sizeof(id), "p%ld", next_id(d));
		p = align_record_new("principle");
		themes = align_seq();
		if (p == NULL || themes == NULL ||
		    align_map_put_str(p, "id", id) < 0 ||
		    align_map_put_str(p, "statement", text) < 0 ||
		    (tid && align_seq_push_str(themes, tid) < 0)) {
			align_node_free(p);
			align_node_free(themes);
			return align_err_nomem(e);
		}
		/* These take what they are given, even when they fail. */
		if (align_map_put(p, "themes", themes) < 0 ||
		    align_map_put_str(p, "source", "auto") < 0) {
			align_node_free(p);
			return align_err_nomem(e);
		}
		if (push_node(&d->p, &d->np, p) < 0)
			return align_err_nomem(e);
	}
	for (i = 0; i < d->np; i++)
		if (complete(d->p[i]) < 0)
			return align_err_nomem(e);
	return 0;
}

/* Merge principle from into into: themes, votes, objections. */
static int
merge(struct align_node *into, const struct align_node *from)
{
	const struct align_node *l = align_map_get(from, "themes");
	struct align_node *t = align_map_get(into, "themes");
	const struct align_node *v = align_map_get(from, "votes");
	struct align_node *tv = align_map_get(into, "votes");
	size_t i;

	for (i = 0; l && l->type == ALIGN_SEQ && i < l->n; i++)
		if (l->item[i]->type == ALIGN_SCALAR &&
		    !in_list(t, l->item[i]->str) &&
		    align_seq_push_str(t, l->item[i]->str) < 0)
			return -1;
	for (i = 0; v && v->type == ALIGN_MAP && i < v->n; i++) {
		const struct align_node *old = align_map_get(tv, v->key[i]);
		long sum = strtol(v->item[i]->str ? v->item[i]->str : "0",
		    NULL, 10);

		if (old && old->str)
			sum += strtol(old->str, NULL, 10);
		if (align_map_put(tv, v->key[i], align_scalar_int(sum)) < 0)
			return -1;
	}
	return 0;
}

/* The plain-text list as edited: order, wording, deletions, merges. */
static int
apply_list(struct align_distiller *d, struct align_err *e)
{
	FILE *fp = strcmp(d->o.list, "-") == 0 ? stdin :
	    fopen(d->o.list, "r");
	const char *name = fp == stdin ? "<stdin>" : d->o.list;
	struct align_node **out = NULL;
	size_t nout = 0, cap = 0, i;
	char *line = NULL;
	unsigned long lno = 0;
	ssize_t len;
	int rc = 0;
	/* New principles are numbered after every one there was, so that
	 * no id is used twice, not even one the list deletes. */
	long next = next_id(d);

	if (fp == NULL)
		return align_err_set(e, EX_NOINPUT, d->o.list, 0, 0,
		    "cannot open");
	while (rc == 0 && (len = getline(&line, &cap, fp)) >= 0) {
		char *s = line, *tok, id[32];
		struct align_node *first = NULL;
		size_t at;

		lno++;
		if (strlen(line) != (size_t)len) {
			rc = align_err_set(e, EX_DATAERR, name, lno,
			    (unsigned long)strlen(line) + 1,
			    "NUL byte in text");
			break;
		}
		line[strcspn(line, "\r\n")] = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		if (*s == '\0' || *s == '#')
			continue;
		/* Ids first: "p2", "p2 p5", "p2+p5". */
		while (tok = s, s[0] == 'p' && isdigit((unsigned char)s[1])) {
			size_t k = strspn(s + 1, "0123456789") + 1;
			struct align_node *p;

			if (s[k] != ' ' && s[k] != '+' && s[k] != '\t' &&
			    s[k] != '\0')
				break;
			snprintf(id, sizeof(id), "%.*s", (int)k, s);
			s += k;
			while (*s == ' ' || *s == '+' || *s == '\t')
				s++;
			if ((p = find(d, id, &at)) == NULL) {
				rc = align_err_set(e, EX_DATAERR, name, lno,
				    (unsigned long)(tok - line) + 1,
				    "no principle '%s'", id);
				break;
			}
			if (first == NULL) {
				first = p;
			} else if (p != first && (merge(first, p) < 0)) {
				rc = align_err_nomem(e);
				break;
			}
			if (p != first) {
				d->p[at] = NULL;	/* merged away */
				align_node_free(p);
			}
		}
		if (rc < 0)
			break;
		if (*s == '\0') {
			rc = align_err_set(e, EX_DATAERR, name, lno,
			    (unsigned long)(s - line) + 1,
			    "expected the words of the principle");
			break;
		}
		if (first == NULL) {	/* a new principle */
			snprintf(id, sizeof(id), "p%ld", next++);
			first = align_record_new("principle");
			if (first == NULL || align_map_put_str(first, "id",
			    id) < 0 || complete(first) < 0) {
				align_node_free(first);
				rc = align_err_nomem(e);
				break;
			}
			if (push_node(&d->p, &d->np, first) < 0) {
				rc = align_err_nomem(e);
				break;
			}
			find(d, id, &at);
			d->p[at] = NULL;
		} else {
			find(d, align_record_id(first), &at);
			d->p[at] = NULL;
		}
		{
			const char *old = align_map_str(first, "statement");

			/* Reworded: agreement and objections were to the old
			 * words.  Either way the line is the group's now.
			 * (first is out of d->p: freed on a failure.) */
			if (((old == NULL || strcmp(old, s) != 0) &&
			    (align_map_put_str(first, "statement", s) < 0 ||
			    align_map_put(first, "agreed", align_seq()) < 0 ||
			    align_map_put(first, "objections", align_seq()) <
			    0)) ||
			    align_map_put_str(first, "source", "manual") < 0) {
				align_node_free(first);
				rc = align_err_nomem(e);
				break;
			}
		}
		if (nout % 16 == 0) {
			struct align_node **o = realloc(out, (nout + 16) *
			    sizeof(*o));

			if (o == NULL) {
				align_node_free(first);
				rc = align_err_nomem(e);
				break;
			}
			out = o;
		}
		out[nout++] = first;
	}
	free(line);
	if (fp != stdin)
		fclose(fp);
	/* Lines deleted: principles dropped. */
	for (i = 0; i < d->np; i++)
		align_node_free(d->p[i]);
	free(d->p);
	d->p = out;
	d->np = nout;
	return rc;
}

static int
vote(struct align_distiller *d, const char *spec, struct align_err *e)
{
	const char *eq = strchr(spec, '=');
	char who[256], *list, *tok, *save = NULL;
	size_t i;
	long total = 0;

	if (eq == NULL || eq == spec || (size_t)(eq - spec) >= sizeof(who))
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "--vote: expected NAME=p1,p1,p3, not '%s'", spec);
	snprintf(who, sizeof(who), "%.*s", (int)(eq - spec), spec);
	for (i = 0; i < d->np; i++)
		align_map_del(align_map_get(d->p[i], "votes"), who);
	if ((list = strdup(eq + 1)) == NULL)
		return align_err_nomem(e);
	for (tok = strtok_r(list, ", \t", &save); tok;
	    tok = strtok_r(NULL, ", \t", &save)) {
		struct align_node *p = find(d, tok, NULL), *v;
		long n = 1;

		if (p == NULL) {
			align_err_set(e, EX_USAGE, NULL, 0, 0, "--vote: %s "
			    "votes for '%s', which is not on the list", who,
			    tok);
			free(list);
			return -1;
		}
		v = align_map_get(p, "votes");
		if (align_map_get(v, who) && align_map_str(v, who))
			n += strtol(align_map_str(v, who), NULL, 10);
		if (n > d->o.per) {
			align_err_set(e, EX_USAGE, NULL, 0, 0, "--vote: %s "
			    "gives %ld votes to %s; at most %d on one "
			    "principle", who, n, tok, d->o.per);
			free(list);
			return -1;
		}
		if (++total > d->o.budget) {
			free(list);
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "--vote: %s gives more than %d votes, the "
			    "budget", who, d->o.budget);
		}
		if (align_map_put(v, who, align_scalar_int(n)) < 0) {
			free(list);
			return align_err_nomem(e);
		}
	}
	free(list);
	return 0;
}

static int
remove_from(struct align_node *l, const char *who, const char *key)
{
	size_t i;

	for (i = 0; l && l->type == ALIGN_SEQ && i < l->n; i++) {
		const struct align_node *x = l->item[i];
		const char *name = key ? align_map_str(x, key) :
		    x->type == ALIGN_SCALAR ? x->str : NULL;

		if (name && strcmp(name, who) == 0) {
			align_node_free(l->item[i]);
			memmove(l->item + i, l->item + i + 1,
			    (l->n - i - 1) * sizeof(*l->item));
			l->n--;
			i--;
		}
	}
	return 0;
}

static int
agree(struct align_distiller *d, struct align_err *e)
{
	size_t i, j;

	for (j = 0; j < d->o.nagree; j++)
		for (i = 0; i < d->np; i++) {
			struct align_node *a = align_map_get(d->p[i], "agreed");

			remove_from(align_map_get(d->p[i], "objections"),
			    d->o.agree[j], "participant");
			if (!in_list(a, d->o.agree[j]) &&
			    align_seq_push_str(a, d->o.agree[j]) < 0)
				return align_err_nomem(e);
		}
	for (j = 0; j < d->o.nobject; j++) {
		const char *colon = strrchr(d->o.object[j], ':');
		char who[256];
		struct align_node *p, *o;

		if (colon == NULL || colon == d->o.object[j] ||
		    (size_t)(colon - d->o.object[j]) >= sizeof(who))
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "--object: expected NAME:ID REASON, not '%s'",
			    d->o.object[j]);
		snprintf(who, sizeof(who), "%.*s",
		    (int)(colon - d->o.object[j]), d->o.object[j]);
		if ((p = find(d, colon + 1, NULL)) == NULL)
			return align_err_set(e, EX_USAGE, NULL, 0, 0,
			    "--object: no principle '%s'", colon + 1);
		remove_from(align_map_get(p, "agreed"), who, NULL);
		remove_from(align_map_get(p, "objections"), who,
		    "participant");
		o = align_map();
		if (o == NULL || align_map_put_str(o, "participant", who) < 0 ||
		    align_map_put_str(o, "reason", d->o.reason[j]) < 0) {
			align_node_free(o);
			return align_err_nomem(e);
		}
		if (align_seq_push(align_map_get(p, "objections"), o) < 0)
			return align_err_nomem(e);
	}
	return 0;
}

static long
tally(const struct align_node *p)
{
	const struct align_node *v = align_map_get(p, "votes");
	long sum = 0;
	size_t i;

	for (i = 0; v && v->type == ALIGN_MAP && i < v->n; i++)
		if (v->item[i]->type == ALIGN_SCALAR)
			sum += strtol(v->item[i]->str, NULL, 10);
	return sum;
}

/* Does principle p meet the rule? */
static int
met(const struct align_distiller *d, const struct align_node *p)
{
	const struct align_node *a = align_map_get(p, "agreed");
	const struct align_node *o = align_map_get(p, "objections");
	size_t i, yes = 0;

	for (i = 0; i < d->npeople; i++)
		yes += in_list(a, d->people[i]);
	switch (d->o.rule) {
	case ALIGN_CONSENT:
		return o == NULL || o->n == 0;
	case ALIGN_MAJORITY:
		return yes * 2 > d->npeople;
	default:
		return d->npeople > 0 && yes == d->npeople &&
		    (o == NULL || o->n == 0);
	}
}

int
align_distiller_propose(struct align_distiller *d, struct align_err *e)
{
	if (d->proposed)
		return 0;
	d->proposed = 1;
	return propose(d, e);
}

void
align_distiller_use_list(struct align_distiller *d, const char *path)
{
	d->o.list = path;
}

int
align_distiller_run(struct align_distiller *d, struct align_err *e)
{
	size_t i, j;

	if (align_distiller_propose(d, e) < 0)
		return -1;
	if (d->o.list && apply_list(d, e) < 0)
		return -1;
	for (i = 0; i < d->o.nvote; i++)
		if (vote(d, d->o.vote[i], e) < 0)
			return -1;
	if (agree(d, e) < 0)
		return -1;
	/* Rank by votes; equal votes keep their order. */
	for (i = 1; i < d->np; i++) {
		struct align_node *p = d->p[i];
		long t = tally(p);

		for (j = i; j > 0 && tally(d->p[j - 1]) < t; j--)
			d->p[j] = d->p[j - 1];
		d->p[j] = p;
	}
	if (d->o.keep && d->np > d->o.keep) {
		for (i = d->o.keep; i < d->np; i++)
			align_node_free(d->p[i]);
		d->np = d->o.keep;
	}
	for (i = 0; i < d->np; i++) {
		if (align_map_get(d->p[i], "source") == NULL &&
		    align_map_put_str(d->p[i], "source", "manual") < 0)
			return align_err_nomem(e);
		if (align_map_put_str(d->p[i], "status", met(d, d->p[i]) ?
		    "agreed" : "proposed") < 0)
			return align_err_nomem(e);
	}
	return 0;
}

size_t
align_distiller_count(const struct align_distiller *d)
{
	return d->np;
}

const struct align_node *
align_distiller_record(const struct align_distiller *d, size_t i)
{
	return d->p[i];
}

int
align_distiller_final(const struct align_distiller *d)
{
	size_t i;

	for (i = 0; i < d->np; i++)
		if (!met(d, d->p[i]))
			return 0;
	return d->np > 0;
}

void
align_distiller_list(const struct align_distiller *d, struct align_buf *b)
{
	size_t i;

	align_buf_puts(b,
	    "# The principles, one a line: its id, then its words.\n"
	    "# Reorder the lines to rank them, reword a line to change it,\n"
	    "# delete a line to drop it, put two ids on one line (p2 p5 ...)\n"
	    "# to merge them; a line without an id is a new principle.\n"
	    "# Lines starting with '#' are left out.\n");
	for (i = 0; i < d->np; i++)
		align_buf_printf(b, "%s %s\n", align_record_id(d->p[i]),
		    align_map_str(d->p[i], "statement") ?
		    align_map_str(d->p[i], "statement") : "");
}

static const char *const rule_names[] = { "consensus", "consent",
	"majority" };

void
align_distiller_show(const struct align_distiller *d, struct align_buf *b,
    enum align_principles_format f, int color)
{
	int md = f == ALIGN_PRINCIPLES_MARKDOWN;
	size_t i, j, agreed = 0;
	const char *bold = color ? "\033[1m" : "", *off = color ? "\033[0m" :
	    "";

	for (i = 0; i < d->np; i++)
		agreed += met(d, d->p[i]);
	if (md)
		align_buf_printf(b, "# Our principles\n\n");
	else
		align_buf_printf(b, "%sPrinciples%s (%s: %zu of %zu agreed%s)\n\n",
		    bold, off, rule_names[d->o.rule], agreed, d->np,
		    align_distiller_final(d) ? "; final" : "");
	for (i = 0; i < d->np; i++) {
		const struct align_node *p = d->p[i];
		const struct align_node *a = align_map_get(p, "agreed");
		const struct align_node *o = align_map_get(p, "objections");
		long v = tally(p);

		if (md) {
			align_buf_printf(b, "%zu. %s\n", i + 1,
			    align_map_str(p, "statement"));
			continue;
		}
		align_buf_printf(b, "%2zu. %s%s%s  (%s)\n    ", i + 1, bold,
		    align_map_str(p, "statement"), off, align_record_id(p));
		for (j = 0; j < (size_t)v && j < 20; j++)
			align_buf_puts(b, "\xe2\x97\x8f");	/* ● */
		align_buf_printf(b, "%s%ld vote%s, agreed by %zu of %zu",
		    v ? " " : "", v, v == 1 ? "" : "s",
		    a && a->type == ALIGN_SEQ ? a->n : 0, d->npeople);
		if (o && o->n)
			align_buf_printf(b, ", %zu objection%s", o->n,
			    o->n == 1 ? "" : "s");
		align_buf_puts(b, met(d, p) ? "  \xe2\x9c\x93\n" : "\n");
		for (j = 0; o && o->type == ALIGN_SEQ && j < o->n; j++)
			align_buf_printf(b, "      %s objects: %s\n",
			    align_map_str(o->item[j], "participant"),
			    align_map_str(o->item[j], "reason"));
	}
	if (md) {
		if (!align_distiller_final(d)) {
			align_buf_printf(b, "\n_Proposed: not yet agreed by "
			    "%s._\n", rule_names[d->o.rule]);
			return;
		}
		align_buf_printf(b, "\nAgreed by %s of ", rule_names[d->o.rule]);
		for (i = 0; i < d->npeople; i++)
			align_buf_printf(b, "%s%s", i ? ", " : "", d->people[i]);
		align_buf_puts(b, d->npeople ? ".\n" : "the group.\n");
		return;
	}
	/* Who still has to vote or agree. */
	{
		int header = 0;

		for (i = 0; i < d->npeople; i++) {
			for (j = 0; j < d->np; j++)
				if (align_map_get(align_map_get(d->p[j], "votes"),
				    d->people[i]))
					break;
			if (j < d->np)
				continue;
			align_buf_printf(b, "%s%s", header ? ", " :
			    "\nNot voted: ", d->people[i]);
			header = 1;
		}
		if (header)
			align_buf_putc(b, '\n');
		header = 0;
		for (i = 0; i < d->npeople; i++) {
			for (j = 0; j < d->np; j++)
				if (!in_list(align_map_get(d->p[j], "agreed"),
				    d->people[i]))
					break;
			if (j == d->np)
				continue;
			align_buf_printf(b, "%s%s", header ? ", " :
			    "Not agreed to all: ", d->people[i]);
			header = 1;
		}
		if (header)
			align_buf_putc(b, '\n');
	}
}
