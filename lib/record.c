#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "person.h"
#include "record.h"

/* The table.  align-session(5) lists the same keys in the same order
 * (tests/cli/docs.test compares them). */
#define TEXT(name, view, field) \
	{ name, ALIGN_SHAPE_TEXT, offsetof(view, field), NULL, 0 }
#define NUMBER(name, view, field) \
	{ name, ALIGN_SHAPE_NUMBER, offsetof(view, field), NULL, 0 }
#define TEXTS(name, view, field) \
	{ name, ALIGN_SHAPE_TEXTS, offsetof(view, field), NULL, 0 }
#define GROUPS(name, view, field) \
	{ name, ALIGN_SHAPE_GROUPS, offsetof(view, field), NULL, 0 }
#define COUNTS(name, view, field) \
	{ name, ALIGN_SHAPE_COUNTS, offsetof(view, field), NULL, 0 }
#define NAMES(name, view, field) \
	{ name, ALIGN_SHAPE_NAMES, offsetof(view, field), NULL, 0 }
#define ITEMS(name, view, field, keys, item) \
	{ name, ALIGN_SHAPE_ITEMS, offsetof(view, field), keys, sizeof(item) }
#define KIND { "kind", ALIGN_SHAPE_TEXT, ALIGN_NO_FIELD, NULL, 0 }
#define END { NULL, ALIGN_SHAPE_TEXT, ALIGN_NO_FIELD, NULL, 0 }

#define V struct align_session_view
static const struct align_key session_keys[] = {
	KIND, TEXT("id", V, id), TEXT("title", V, title),
	TEXT("purpose", V, purpose), TEXT("question", V, question),
	TEXT("date", V, date), TEXT("tz", V, tz),
	TEXT("duration", V, duration),
	TEXT("place", V, place), TEXT("facilitator", V, facilitator),
	TEXTS("participants", V, participants),
	NAMES("aliases", V, aliases), TEXT("practice", V, practice),
	TEXT("with", V, with), TEXT("private", V, private_),
	TEXT("uid", V, uid),
	NUMBER("sequence", V, sequence), END
};
#undef V
#define V struct align_response_view
static const struct align_key response_keys[] = {
	KIND, TEXT("id", V, id), TEXT("participant", V, participant),
	TEXT("at", V, at), TEXT("question", V, question),
	TEXT("text", V, text), END
};
#undef V
#define V struct align_theme_view
static const struct align_key theme_keys[] = {
	KIND, TEXT("id", V, id), NUMBER("rank", V, rank),
	TEXT("label", V, label), NUMBER("purity", V, purity),
	TEXTS("keywords", V, keywords), TEXTS("responses", V, responses),
	NUMBER("support", V, support), TEXT("typical", V, typical),
	TEXT("source", V, source), END
};
#undef V
#define V struct align_objection_view
static const struct align_key objection_keys[] = {
	TEXT("participant", V, participant), TEXT("reason", V, reason), END
};
#undef V
#define V struct align_principle_view
static const struct align_key principle_keys[] = {
	KIND, TEXT("id", V, id), TEXT("statement", V, statement),
	TEXTS("themes", V, themes), COUNTS("votes", V, votes),
	TEXTS("agreed", V, agreed),
	ITEMS("objections", V, objections, objection_keys,
	    struct align_objection_view),
	TEXT("status", V, status), TEXT("rule", V, rule),
	TEXT("source", V, source), END
};
#undef V
#define V struct align_commitment_view
static const struct align_key commitment_keys[] = {
	TEXT("id", V, id), TEXT("participant", V, participant),
	TEXT("commitment", V, commitment), TEXT("due", V, due),
	TEXT("done", V, done), END
};
#undef V
#define V struct align_goal_view
static const struct align_key goal_keys[] = {
	TEXT("id", V, id), TEXT("goal", V, goal), TEXT("measure", V, measure),
	TEXT("target", V, target), TEXT("unit", V, unit), END
};
#undef V
#define V struct align_followup_view
static const struct align_key followup_keys[] = {
	KIND, TEXT("id", V, id), TEXT("date", V, date),
	TEXT("duration", V, duration), TEXT("every", V, every),
	TEXTS("principles", V, principles),
	GROUPS("pairs", V, pairs), TEXT("pair_time", V, pair_time),
	TEXT("with", V, with), TEXT("uid", V, uid),
	NUMBER("sequence", V, sequence), NUMBER("count", V, count),
	TEXT("until", V, until), TEXT("root_cause", V, root_cause),
	TEXT("view", V, their_view), TEXT("role", V, role),
	TEXT("acknowledgement", V, acknowledgement),
	TEXT("acknowledged", V, acknowledged),
	TEXTS("support", V, support),
	ITEMS("goals", V, goals, goal_keys, struct align_goal_view),
	ITEMS("commitments", V, commitments, commitment_keys,
	    struct align_commitment_view), END
};
#undef V
#define V struct align_checkin_view
static const struct align_key checkin_keys[] = {
	KIND, TEXT("id", V, id), TEXT("followup", V, followup),
	TEXT("participant", V, participant), TEXT("principle", V, principle),
	TEXT("outcome", V, outcome), TEXT("note", V, note), TEXT("at", V, at),
	TEXT("recognition", V, recognition), END
};
#undef V
#define V struct align_reminder_view
static const struct align_key reminder_keys[] = {
	KIND, TEXT("id", V, id), TEXT("followup", V, followup),
	TEXT("date", V, date), TEXT("what", V, what), TEXT("at", V, at), END
};
#undef V
#define V struct align_review_view
static const struct align_key review_keys[] = {
	KIND, TEXT("id", V, id), TEXT("followup", V, followup),
	TEXT("date", V, date), NAMES("values", V, values),
	NAMES("outcomes", V, outcomes), TEXT("note", V, note),
	TEXT("recognition", V, recognition), TEXT("at", V, at), END
};
#undef V
static const struct align_key other_keys[] = {
	KIND, { "id", ALIGN_SHAPE_TEXT, ALIGN_NO_FIELD, NULL, 0 }, END
};

static const struct {
	const char *name;
	enum align_kind kind;
	const struct align_key *keys;
} kinds[] = {
	{ "session", ALIGN_KIND_SESSION, session_keys },
	{ "response", ALIGN_KIND_RESPONSE, response_keys },
	{ "theme", ALIGN_KIND_THEME, theme_keys },
	{ "principle", ALIGN_KIND_PRINCIPLE, principle_keys },
	{ "followup", ALIGN_KIND_FOLLOWUP, followup_keys },
	{ "checkin", ALIGN_KIND_CHECKIN, checkin_keys },
	{ "reminder", ALIGN_KIND_REMINDER, reminder_keys },
	{ "review", ALIGN_KIND_REVIEW, review_keys },
};
#define NKINDS (sizeof(kinds) / sizeof(kinds[0]))

enum align_kind
align_kind_of(const char *name)
{
	size_t i;

	for (i = 0; name && i < NKINDS; i++)
		if (strcmp(kinds[i].name, name) == 0)
			return kinds[i].kind;
	return ALIGN_KIND_OTHER;
}

const char *
align_kind_name(enum align_kind k)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (kinds[i].kind == k)
			return kinds[i].name;
	return NULL;
}

static const struct align_key *
keys_of(enum align_kind k)
{
	size_t i;

	for (i = 0; i < NKINDS; i++)
		if (kinds[i].kind == k)
			return kinds[i].keys;
	return other_keys;
}

const struct align_key *
align_kind_keys(const char *kind)
{
	return keys_of(align_kind_of(kind));
}

const struct align_key *
align_kind_key(const char *kind, const char *key)
{
	const struct align_key *k;

	for (k = align_kind_keys(kind); k->name; k++)
		if (strcmp(k->name, key) == 0)
			return k;
	return NULL;
}

int
align_key_is_text(const char *kind, const char *key)
{
	const struct align_key *k;

	if (strcmp(key, "kind") == 0 || strcmp(key, "id") == 0)
		return 1;
	if (align_kind_of(kind) == ALIGN_KIND_OTHER)
		return 0;
	k = align_kind_key(kind, key);
	return k && k->shape != ALIGN_SHAPE_NUMBER &&
	    k->shape != ALIGN_SHAPE_COUNTS;
}

/* Filling a view. */

static const char *
text_of(const struct align_node *n)
{
	return n && n->type == ALIGN_SCALAR ? n->str : NULL;
}

static int
number_of(const struct align_node *n, long long *v)
{
	const char *why;

	if (n == NULL || n->type != ALIGN_SCALAR)
		return 0;
	*v = align_strtonum(n->str, -0x7fffffffffffffffLL,
	    0x7fffffffffffffffLL, &why);
	return why == NULL;
}

static int
texts_of(const struct align_node *n, struct align_texts *t)
{
	size_t i;

	t->v = NULL;
	t->n = 0;
	if (n == NULL || (n->type != ALIGN_SEQ && n->type != ALIGN_SCALAR))
		return 0;
	if ((t->v = malloc((n->type == ALIGN_SEQ ? n->n : 1) * sizeof(*t->v) +
	    1)) == NULL)
		return -1;
	if (n->type == ALIGN_SCALAR) {
		t->v[t->n++] = n->str;
		return 0;
	}
	for (i = 0; i < n->n; i++)
		if (n->item[i]->type == ALIGN_SCALAR)
			t->v[t->n++] = n->item[i]->str;
	return 0;
}

/* The groups' texts share one array, whose start the slot after the last
 * group keeps (a round's 166,667 pairs are one allocation, not one
 * each). */
static void
groups_free(struct align_groups *g)
{
	if (g->v)
		free(g->v[g->n].v);
	free(g->v);
	g->v = NULL;
	g->n = 0;
}

static int
groups_of(const struct align_node *n, struct align_groups *g)
{
	const char **all;
	size_t i, j, total = 0;

	g->v = NULL;
	g->n = 0;
	if (n == NULL || n->type != ALIGN_SEQ)
		return 0;
	for (i = 0; i < n->n; i++)
		total += n->item[i]->type == ALIGN_SEQ ? n->item[i]->n :
		    n->item[i]->type == ALIGN_SCALAR;
	if ((g->v = calloc(n->n + 1, sizeof(*g->v))) == NULL)
		return -1;
	if ((all = malloc(total * sizeof(*all) + 1)) == NULL) {
		free(g->v);
		g->v = NULL;
		return -1;
	}
	for (i = 0; i < n->n; i++) {
		const struct align_node *x = n->item[i];
		struct align_texts *t = &g->v[g->n];

		if (x->type == ALIGN_MAP)
			continue;
		t->v = all;
		if (x->type == ALIGN_SCALAR)
			t->v[t->n++] = x->str;
		else
			for (j = 0; j < x->n; j++)
				if (x->item[j]->type == ALIGN_SCALAR)
					t->v[t->n++] = x->item[j]->str;
		all += t->n;
		g->n++;
	}
	g->v[g->n].v = g->n ? g->v[0].v : all;
	return 0;
}

static int
counts_of(const struct align_node *n, struct align_counts *c)
{
	size_t i;

	c->v = NULL;
	c->n = 0;
	if (n == NULL || n->type != ALIGN_MAP)
		return 0;
	if ((c->v = malloc((n->n + 1) * sizeof(*c->v))) == NULL)
		return -1;
	for (i = 0; i < n->n; i++)
		if (number_of(n->item[i], &c->v[c->n].n))
			c->v[c->n++].key = n->key[i];
	return 0;
}

static int
names_of(const struct align_node *n, struct align_names *m)
{
	size_t i;

	m->v = NULL;
	m->n = 0;
	if (n == NULL || n->type != ALIGN_MAP)
		return 0;
	if ((m->v = malloc((n->n + 1) * sizeof(*m->v))) == NULL)
		return -1;
	for (i = 0; i < n->n; i++)
		if (n->item[i]->type == ALIGN_SCALAR) {
			m->v[m->n].key = n->key[i];
			m->v[m->n++].value = n->item[i]->str;
		}
	return 0;
}

static int fill(void *view, const struct align_key *keys,
    const struct align_node *rec);
static void empty(void *view, const struct align_key *keys);

static void
items_free(struct align_items *it, const struct align_key *k)
{
	size_t i;

	for (i = 0; i < it->n; i++)
		empty((char *)it->v + i * k->item_size, k->item);
	free(it->v);
	it->v = NULL;
	it->n = 0;
}

/* The item key named as list k in the singular ("goal" of "goals"),
 * which a scalar item holds, or NULL. */
static const struct align_key *
text_key(const struct align_key *k)
{
	const struct align_key *i;
	size_t n = strlen(k->name);

	for (i = k->item; i->name; i++)
		if (i->shape == ALIGN_SHAPE_TEXT && strlen(i->name) + 1 == n &&
		    strncmp(i->name, k->name, n - 1) == 0)
			return i;
	return NULL;
}

static int
items_of(const struct align_node *n, const struct align_key *k,
    struct align_items *it)
{
	const struct align_key *tk = text_key(k);
	size_t i, m;

	it->v = NULL;
	it->n = 0;
	if (n == NULL || n->type == ALIGN_SCALAR)
		return 0;
	m = n->type == ALIGN_SEQ ? n->n : 1;
	if ((it->v = calloc(m + 1, k->item_size)) == NULL)
		return -1;
	for (i = 0; i < m; i++) {
		const struct align_node *x = n->type == ALIGN_SEQ ?
		    n->item[i] : n;

		if (x->type == ALIGN_SCALAR && tk) {
			*(const char **)((char *)it->v + it->n++ *
			    k->item_size + tk->off) = x->str;
			continue;
		}
		if (x->type != ALIGN_MAP)
			continue;
		if (fill((char *)it->v + it->n * k->item_size, k->item,
		    x) < 0) {
			items_free(it, k);
			return -1;
		}
		it->n++;
	}
	return 0;
}

static int
fill(void *view, const struct align_key *keys, const struct align_node *rec)
{
	const struct align_key *k;

	for (k = keys; k->name; k++) {
		const struct align_node *n;
		void *at;

		if (k->off == ALIGN_NO_FIELD)
			continue;
		n = align_map_get(rec, k->name);
		at = (char *)view + k->off;
		switch (k->shape) {
		case ALIGN_SHAPE_TEXT:
			*(const char **)at = text_of(n);
			break;
		case ALIGN_SHAPE_NUMBER: {
			struct align_number *x = at;

			x->set = number_of(n, &x->v);
			if (!x->set)
				x->v = 0;
			break;
		}
		case ALIGN_SHAPE_TEXTS:
			if (texts_of(n, at) < 0)
				return -1;
			break;
		case ALIGN_SHAPE_GROUPS:
			if (groups_of(n, at) < 0)
				return -1;
			break;
		case ALIGN_SHAPE_COUNTS:
			if (counts_of(n, at) < 0)
				return -1;
			break;
		case ALIGN_SHAPE_ITEMS:
			if (items_of(n, k, at) < 0)
				return -1;
			break;
		case ALIGN_SHAPE_NAMES:
			if (names_of(n, at) < 0)
				return -1;
			break;
		}
	}
	return 0;
}

static void
empty(void *view, const struct align_key *keys)
{
	const struct align_key *k;

	for (k = keys; k->name; k++) {
		void *at;

		if (k->off == ALIGN_NO_FIELD)
			continue;
		at = (char *)view + k->off;
		switch (k->shape) {
		case ALIGN_SHAPE_TEXTS: {
			struct align_texts *t = at;

			free(t->v);
			t->v = NULL;
			t->n = 0;
			break;
		}
		case ALIGN_SHAPE_GROUPS:
			groups_free(at);
			break;
		case ALIGN_SHAPE_COUNTS: {
			struct align_counts *c = at;

			free(c->v);
			c->v = NULL;
			c->n = 0;
			break;
		}
		case ALIGN_SHAPE_ITEMS:
			items_free(at, k);
			break;
		case ALIGN_SHAPE_NAMES: {
			struct align_names *m = at;

			free(m->v);
			m->v = NULL;
			m->n = 0;
			break;
		}
		default:
			break;
		}
	}
}

/* The participants' names, without their addresses: the entry itself
 * when it is only a name, else a copy; the entries' own array when every
 * one is (a survey's 333,333). */
static int
session_names(struct align_session_view *s)
{
	const struct align_texts *p = &s->participants;
	size_t i, n;

	s->names.v = p->v;
	for (i = 0; i < p->n; i++) {
		struct align_person who;

		n = strlen(p->v[i]);
		align_person_of(p->v[i], n, &who);
		if (s->names.v == p->v && who.name == p->v[i] &&
		    who.namelen == n)
			continue;
		if (s->names.v == p->v) {
			if ((s->names.v = calloc(p->n + 1,
			    sizeof(*s->names.v))) == NULL)
				return -1;
			if (i)
				memcpy(s->names.v, p->v, i * sizeof(*p->v));
			s->names.n = i;
		}
		if (who.name == p->v[i] && who.namelen == n)
			s->names.v[i] = p->v[i];
		else if ((s->names.v[i] = strndup(who.name, who.namelen)) ==
		    NULL)
			return -1;
		s->names.n++;
	}
	if (s->names.v == p->v)
		s->names.n = p->n;
	return 0;
}

static void
session_names_free(struct align_session_view *s)
{
	size_t i;

	if (s->names.v == s->participants.v)
		return;
	for (i = 0; i < s->names.n; i++)
		if (s->names.v[i] != s->participants.v[i])
			free((char *)s->names.v[i]);
	free(s->names.v);
}

int
align_view(struct align_view *v, const struct align_node *rec,
    struct align_err *e)
{
	memset(v, 0, sizeof(*v));
	v->rec = rec;
	v->kind = align_kind_of(align_record_kind(rec));
	v->id = text_of(align_map_get(rec, "id"));
	if ((v->kind != ALIGN_KIND_OTHER &&
	    fill(&v->u, keys_of(v->kind), rec) < 0) ||
	    (v->kind == ALIGN_KIND_SESSION &&
	    session_names(&v->u.session) < 0)) {
		align_view_release(v);
		return align_err_nomem(e);
	}
	return 0;
}

void
align_view_release(struct align_view *v)
{
	if (v->kind == ALIGN_KIND_SESSION)
		session_names_free(&v->u.session);
	if (v->kind != ALIGN_KIND_OTHER)
		empty(&v->u, keys_of(v->kind));
	memset(v, 0, sizeof(*v));
}

int
align_view_set_participants(struct align_view *v, const char *const *p,
    size_t n, struct align_err *e)
{
	struct align_session_view *s = &v->u.session;
	const char **c;

	if ((c = malloc((n + 1) * sizeof(*c))) == NULL)
		return align_err_nomem(e);
	if (n)
		memcpy(c, p, n * sizeof(*c));
	session_names_free(s);
	free(s->participants.v);
	s->participants.v = c;
	s->participants.n = n;
	s->names.v = NULL;
	s->names.n = 0;
	return session_names(s) < 0 ? align_err_nomem(e) : 0;
}
