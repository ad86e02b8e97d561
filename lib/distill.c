#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "distill.h"
#include "handle.h"
#include "roster.h"
#include "grow.h"
#include "hash.h"
#include "idset.h"
#include "num.h"
#include "order.h"
#include "person.h"
#include "propose.h"
#include "record.h"
#include "vote.h"
#include "words.h"

/* A theme as the step needs it: what it is called, and the languages of
 * its responses: counted as it is read, for the responses read before it;
 * the ids of those that may come after it are kept. */
struct theme {
	char *id, *label;
	int count[ALIGN_LANGS];
	struct align_strs pending;
	long long rank;		/* its rank key, or LLONG_MAX: none */
};

/* The language of a theme is that of most of its responses: of a survey
 * past SAMPLE_ALL responses, one in SAMPLE_EVERY (by a hash of its id, the
 * same in every run) is enough to tell it, and costs that much less. */
#define SAMPLE_ALL 20000
#define SAMPLE_EVERY 8
/* The responses of a theme looked up this many ahead (add_theme()). */
#define LOOK_AHEAD 16

struct align_distiller {
	struct align_distill_opts o;
	struct align_words w;		/* its stop words tell a language;
					 * the default lexicon's concepts,
					 * loaded to propose (lexicon set),
					 * draft a principle */
	int lexicon;
	struct align_analysis a;
	struct align_idmap lang;	/* response id -> its language */
	size_t nresp;			/* responses read */
	/* The session's participants: each entry as written, then its
	 * name when that is not the whole entry, one after another in
	 * arena (a survey's 333,000 in one allocation, not one each);
	 * people[i] is participant i's name, in arena or, for one added
	 * when a name was resolved (add_people), in added. */
	char *arena;
	const char **people;
	size_t npeople, pcap;
	struct align_strs added;
	char *title, *date, *place;	/* the session's, or NULL */
	int have_session;
	struct align_roster *ro;	/* the session's, or NULL: names as
					 * typed */
	/* The roster made when a name is first resolved, not on reading: a
	 * survey's session lists a third as many people as it has
	 * responses, and most runs resolve no name.  nlater: the
	 * participants in arena it is to be made of, 0 once made; the
	 * session's place for the roster's messages. */
	size_t nlater;
	unsigned long sline, scol;
	struct theme *theme;		/* in rank order */
	size_t ntheme, tcap;
	struct align_plist list;	/* the principles, in rank order */
	/* Each voter's dots in the principles read, all told, to check
	 * them against the budget as they are read: open addressing, cap
	 * a power of two, NULL names empty. */
	struct tally {
		char *who;
		long long n;
	} *tally;
	size_t ntally, ctally;
	enum align_rule stream_rule;	/* the rule the records hold */
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
	align_idmap_release(&d->lang);
	free(d->arena);
	free(d->people);
	align_strs_release(&d->added);
	align_roster_free(d->ro);
	free(d->title);
	free(d->date);
	free(d->place);
	for (i = 0; i < d->ntheme; i++) {
		free(d->theme[i].id);
		free(d->theme[i].label);
		align_strs_release(&d->theme[i].pending);
	}
	free(d->theme);
	align_plist_release(&d->list);
	for (i = 0; i < d->ctally; i++)
		free(d->tally[i].who);
	free(d->tally);
	free(d);
}

/* Intake. */

/* 1 when the response called id is among those whose language is told
 * past SAMPLE_ALL. */
static int
sampled(const char *id)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *id; id++)
		h = (h ^ (unsigned char)*id) * 1099511628211ULL;
	return (h >> 32) % SAMPLE_EVERY == 0;
}

static int
add_theme(struct align_distiller *d, const struct align_theme_view *v)
{
	struct theme t;
	size_t i;

	memset(&t, 0, sizeof(t));
	t.rank = LLONG_MAX;
	if (v->rank.set)
		t.rank = v->rank.v;
	if ((v->id && (t.id = strdup(v->id)) == NULL) ||
	    (v->label && (t.label = strdup(v->label)) == NULL))
		goto nomem;
	for (i = 0; i < v->responses.n; i++) {
		const char *id = v->responses.v[i];
		int lang;

		/* A theme's responses are all over the map: the slot of
		 * one some ids ahead asked for while this one is looked up. */
		if (i + LOOK_AHEAD < v->responses.n)
			align_idmap_prefetch(&d->lang, v->responses.v[i +
			    LOOK_AHEAD], strlen(v->responses.v[i + LOOK_AHEAD]));
		lang = align_idmap_get(&d->lang, id, strlen(id));

		if (lang >= 0)
			t.count[lang]++;
		else if ((d->nresp < SAMPLE_ALL || sampled(id)) &&
		    align_strs_add(&t.pending, id) < 0)
			goto nomem;	/* its response may come later */
	}
	if (ALIGN_GROW(d->theme, d->ntheme + 1, d->tcap) < 0)
		goto nomem;
	d->theme[d->ntheme++] = t;
	return 0;
nomem:
	free(t.id);
	free(t.label);
	align_strs_release(&t.pending);
	return -1;
}

/* The language of a response, by its id.  Its id and text are found in
 * one pass over its keys, not through a view of all its fields: a survey
 * has a million responses, and the step needs nothing else of them. */
static int
add_response(struct align_distiller *d, const struct align_node *rec,
    struct align_err *e)
{
	const char *id = NULL, *text = NULL;
	size_t i;
	int lang;

	for (i = 0; i < rec->n; i++) {
		const struct align_node *v = rec->item[i];

		if (v->type != ALIGN_SCALAR)
			continue;
		if (id == NULL && strcmp(rec->key[i], "id") == 0)
			id = v->str;
		else if (text == NULL && strcmp(rec->key[i], "text") == 0)
			text = v->str;
	}
	if (id == NULL || text == NULL)
		return 0;
	if (d->nresp++ >= SAMPLE_ALL && !sampled(id))
		return 0;
	if ((lang = align_words_lang(&d->w, text, e)) < 0)
		return -1;
	if (align_idmap_put(&d->lang, id, strlen(id), (uint8_t)lang) < 0)
		return align_err_nomem(e);
	return 0;
}

static int roster(struct align_distiller *d, struct align_err *e);

/* Where who's tally is in d's table, or the empty slot where it goes. */
static struct tally *
tally_slot(const struct align_distiller *d, const char *who)
{
	uint64_t h = 14695981039346656037ULL;
	const char *c;
	size_t i, mask = d->ctally - 1;

	for (c = who; *c; c++)
		h = (h ^ (unsigned char)*c) * 1099511628211ULL;
	for (i = (size_t)h & mask; d->tally[i].who; i = (i + 1) & mask)
		if (strcmp(d->tally[i].who, who) == 0)
			break;
	return &d->tally[i];
}

/* who's tally, added at 0 when new: NULL when out of memory. */
static struct tally *
tally_of(struct align_distiller *d, const char *who)
{
	struct tally *x;
	size_t i;

	if (2 * (d->ntally + 1) > d->ctally) {
		size_t cap = d->ctally ? 2 * d->ctally : 16, k = d->ctally;
		struct tally *old = d->tally;

		if ((d->tally = calloc(cap, sizeof(*d->tally))) == NULL) {
			d->tally = old;
			return NULL;
		}
		d->ctally = cap;
		for (i = 0; i < k; i++)
			if (old[i].who)
				*tally_slot(d, old[i].who) = old[i];
		free(old);
	}
	x = tally_slot(d, who);
	if (x->who == NULL) {
		if ((x->who = strdup(who)) == NULL)
			return NULL;
		x->n = 0;
		d->ntally++;
	}
	return x;
}

/* The votes of a principle as read: each count a number of 0 or more,
 * each voter on the session's roster (unless names not on it are
 * taken), no voter over the budget in all the principles read so far;
 * else -1 and e (65, at the count's line and column; 71).  What is not
 * a number is no count, as the principle's view reads it. */
static int
check_votes(struct align_distiller *d, const struct align_view *v,
    struct align_err *e)
{
	const struct align_node *m = align_map_get(v->rec, "votes");
	const char *id = v->id ? v->id : "";
	size_t i;

	if (m == NULL || m->type != ALIGN_MAP)
		return 0;
	if (d->ro == NULL && d->nlater > 0 && m->n > 0 && !d->o.add_people &&
	    roster(d, e) < 0)
		return -1;
	for (i = 0; i < m->n; i++) {
		const struct align_node *n = m->item[i];
		const char *who = m->key[i], *why = NULL;
		unsigned long line = n->line ? n->line : m->line,
		    col = n->line ? n->col : m->col;
		struct align_resolved res;
		struct align_err x = ALIGN_ERR_INIT;
		struct tally *t;
		long long c = n->type == ALIGN_SCALAR ? align_strtonum(n->str,
		    -0x7fffffffffffffffLL, 0x7fffffffffffffffLL, &why) : 0;

		if (n->type != ALIGN_SCALAR || why)
			continue;	/* not a count: read as none */
		if (c < 0)
			return align_err_set(e, EX_DATAERR, NULL, line, col,
			    "principle %s: votes: %s has %lld dots; a count is "
			    "0 or more", id, who, c);
		if (d->ro && !d->o.add_people &&
		    align_roster_resolve(d->ro, who, 0, &res, &x) < 0) {
			if (x.status != EX_DATAERR)
				return align_err_nomem(e);
			return align_err_set(e, EX_DATAERR, NULL, line, col,
			    "principle %s: votes: %s (--add-participant takes "
			    "a voter not on the session's participants)", id,
			    x.msg);
		}
		if (d->o.budget <= 0)
			continue;
		if ((t = tally_of(d, who)) == NULL)
			return align_err_nomem(e);
		if (c > (long long)d->o.budget - t->n)
			return align_err_set(e, EX_DATAERR, NULL, line, col,
			    "principle %s: votes: %s has %lld dots in all, more "
			    "than the budget of %d (--budget)", id, who,
			    t->n + c, d->o.budget);
		t->n += c;
	}
	return 0;
}

static int
add_principle(struct align_distiller *d, const struct align_view *v,
    struct align_err *e)
{
	struct align_principle *p;
	const char *rule = v->u.principle.rule;

	if (rule && align_rule_parse(rule) == ALIGN_RULE_DEFAULT)
		return align_err_set(e, EX_DATAERR, NULL, v->rec->line,
		    v->rec->col, "principle %s: rule '%s' is not consensus, "
		    "consent or majority", v->id ? v->id : "", rule);
	if (rule && d->stream_rule == ALIGN_RULE_DEFAULT)
		d->stream_rule = align_rule_parse(rule);
	if (check_votes(d, v, e) < 0)
		return -1;
	if (align_principle_read(v, &p, e) < 0)
		return -1;
	return align_plist_push(&d->list, p) < 0 ? align_err_nomem(e) : 0;
}

/* The session's participants into arena and people. */
static int
add_people(struct align_distiller *d, const struct align_session_view *v)
{
	size_t i, n, size = 0;
	char *at;

	for (i = 0; i < v->names.n; i++) {
		size += strlen(v->participants.v[i]) + 1;
		if (strcmp(v->names.v[i], v->participants.v[i]) != 0)
			size += strlen(v->names.v[i]) + 1;
	}
	if (size == 0)
		return 0;
	if ((at = d->arena = malloc(size)) == NULL ||
	    (d->people = malloc(v->names.n * sizeof(*d->people))) == NULL)
		return -1;
	d->pcap = v->names.n;
	for (i = 0; i < v->names.n; i++) {
		const char *entry = v->participants.v[i];

		n = strlen(entry) + 1;
		d->people[i] = memcpy(at, entry, n);
		at += n;
		if (strcmp(v->names.v[i], entry) != 0) {
			n = strlen(v->names.v[i]) + 1;
			d->people[i] = memcpy(at, v->names.v[i], n);
			at += n;
		}
	}
	d->npeople = v->names.n;
	return 0;
}

static int
add_session(struct align_distiller *d, const struct align_session_view *v)
{
	d->have_session = 1;
	if ((v->title && (d->title = strdup(v->title)) == NULL) ||
	    (v->date && (d->date = strdup(v->date)) == NULL) ||
	    (v->place && (d->place = strdup(v->place)) == NULL))
		return -1;
	return add_people(d, v);
}

/* Principle id was given once: never again. */
static void
used(struct align_distiller *d, const char *id)
{
	long v = align_id_number(id, "p");

	if (v > d->list.most)
		d->list.most = v;
}

/* 1 when the roster of the session rec (its view v) may be made later,
 * from its participants alone, and refuse nothing then: no aliases, every
 * entry a name, no entry of another shape (roster.c's odd entries; a
 * lookup in the record, as roster.c does). */
static int
later_ok(const struct align_node *rec, const struct align_session_view *v)
{
	const struct align_node *p = align_map_get(rec, "participants");
	struct align_person who;
	size_t i;

	if (v->aliases.n > 0 || p == NULL || (p->type != ALIGN_SEQ &&
	    p->type != ALIGN_TEXTS) || p->kraw || p->n != v->participants.n)
		return 0;
	for (i = 0; i < v->participants.n; i++) {
		const char *s = v->participants.v[i];

		align_person_of(s, strlen(s), &who);
		if (who.namelen == 0 && strspn(s, " \t") < strlen(s))
			return 0;
	}
	return 1;
}

/* The session's participants read packed (node.h; the command's
 * reader's pack): its view given them, pointing into the list.  0, or -1
 * and e (71). */
static int
packed_people(struct align_view *v, const struct align_node *p,
    struct align_err *e)
{
	const char **name = malloc((p->n + 1) * sizeof(*name));
	const char *at = p->str;
	size_t i;
	int rc;

	if (name == NULL)
		return align_err_nomem(e);
	for (i = 0; i < p->n; i++) {
		name[i] = at;
		at += strlen(at) + 1;
	}
	rc = align_view_set_participants(v, name, p->n, e);
	free(name);
	return rc;
}

/* The roster of the session rec made now; from a copy of it, its lists
 * made nodes, when one was read packed (roster.c reads nodes). */
static int
roster_now(struct align_distiller *d, const struct align_node *rec,
    int packed, struct align_err *e)
{
	struct align_node *c;
	int rc;

	if (!packed)
		return align_roster_from_session(&d->ro, rec, e);
	if ((c = align_node_copy(rec)) == NULL)
		return align_err_nomem(e);
	rc = align_roster_from_session(&d->ro, c, e);
	align_node_free(c);
	return rc;
}

/* The session: its facts, and its roster when it has participants (made
 * now when making it may refuse the session, else when a name is first
 * resolved: roster()). */
static int
session(struct align_distiller *d, const struct align_node *rec,
    struct align_view *v, struct align_err *e)
{
	const struct align_session_view *s = &v->u.session;
	const struct align_node *p = align_map_get(rec, "participants");
	int packed = p && p->type == ALIGN_TEXTS && p->kraw == NULL;

	if (d->have_session)
		return 0;
	if (packed && packed_people(v, p, e) < 0)
		return -1;
	if (add_session(d, s) < 0)
		return align_err_nomem(e);
	if (s->participants.n == 0)
		return 0;
	if (!later_ok(rec, s))
		return roster_now(d, rec, packed, e);
	d->nlater = d->npeople;
	d->sline = rec->line;
	d->scol = rec->col;
	return 0;
}

/* The roster of the session kept for later (session()), made now: from a
 * record of its participants alone, which is all it was made of. */
static int
roster(struct align_distiller *d, struct align_err *e)
{
	struct align_node *rec = align_record_new("session");
	struct align_node *list = align_seq();
	const char *s = d->arena;
	size_t i;
	int rc;

	for (i = 0; list && i < d->nlater; i++) {
		int ok = align_seq_push_str(list, s) == 0;

		/* The entry, then the name when that is not all of it. */
		s += strlen(s) + 1;
		if (d->people[i] == s)
			s += strlen(s) + 1;
		if (!ok) {
			align_node_free(list);
			list = NULL;
		}
	}
	if (rec == NULL || align_map_put(rec, "participants", list) < 0) {
		if (rec == NULL)	/* else align_map_put() freed it */
			align_node_free(list);
		align_node_free(rec);
		return align_err_nomem(e);
	}
	rec->line = d->sline;
	rec->col = d->scol;
	rc = align_roster_from_session(&d->ro, rec, e);
	align_node_free(rec);
	if (rc == 0)
		d->nlater = 0;
	return rc;
}

int
align_distiller_add(struct align_distiller *d, const struct align_node *rec,
    struct align_err *e)
{
	struct align_view v;
	size_t i;
	int rc = 0;

	if (align_kind_of(align_record_kind(rec)) == ALIGN_KIND_RESPONSE)
		return add_response(d, rec, e);
	if (align_view(&v, rec, e) < 0)
		return -1;
	switch (v.kind) {
	case ALIGN_KIND_SESSION:
		rc = session(d, rec, &v, e);
		break;
	case ALIGN_KIND_FOLLOWUP:
		for (i = 0; i < v.u.followup.principles.n; i++)
			used(d, v.u.followup.principles.v[i]);
		break;
	case ALIGN_KIND_CHECKIN:
		used(d, v.u.checkin.principle);
		break;
	case ALIGN_KIND_THEME:
		if (add_theme(d, &v.u.theme) < 0)
			rc = align_err_nomem(e);
		break;
	case ALIGN_KIND_PRINCIPLE:
		rc = add_principle(d, &v, e);
		break;
	default:
		break;
	}
	align_view_release(&v);
	return rc;
}

/* The steps. */

/* The language most of a theme's responses are in; English on a tie. */
static int
theme_lang(struct align_distiller *d, const struct theme *t)
{
	int count[ALIGN_LANGS], best = ALIGN_EN, i;
	size_t j;

	memcpy(count, t->count, sizeof(count));
	for (j = 0; j < t->pending.n; j++) {
		const char *id = t->pending.v[j];
		int lang = align_idmap_get(&d->lang, id, strlen(id));

		if (lang >= 0)
			count[lang]++;
	}
	for (i = 1; i < ALIGN_LANGS; i++)
		if (count[i] > count[best])
			best = i;
	return best;
}

/* Themes by rank, then id: the order of the input does not matter. */
static int
cmp_theme(const void *a, const void *b)
{
	const struct theme *x = a, *y = b;

	if (x->rank != y->rank)
		return x->rank < y->rank ? -1 : 1;
	return align_order_id(x->id, y->id);
}

/* Principles by dots, then id, then statement. */
static int
cmp_principle(const void *a, const void *b)
{
	const struct align_principle *x = *(struct align_principle *const *)a,
	    *y = *(struct align_principle *const *)b;
	long long s = align_principle_tally(x), t = align_principle_tally(y);
	int c;

	if (s != t)
		return s > t ? -1 : 1;
	if ((c = align_order_id(x->id, y->id)) != 0)
		return c;
	return align_order_text(x->statement, y->statement);
}

int
align_distiller_propose(struct align_distiller *d, struct align_err *e)
{
	struct align_lead *lead;
	size_t i, n = d->ntheme < d->o.max ? d->ntheme : d->o.max;
	long next;
	int rc;

	if (d->proposed)
		return 0;
	d->proposed = 1;
	/* A principle is drafted from a concept's label (align_propose()),
	 * a language told by stop words alone (align_words_lang()): the
	 * lexicon's words are not needed, nor stemmed. */
	if (!d->lexicon && align_words_default_concepts(&d->w, e) < 0)
		return -1;
	d->lexicon = 1;
	if (d->ntheme > 1)
		qsort(d->theme, d->ntheme, sizeof(*d->theme), cmp_theme);
	if (d->list.n > 1)
		qsort(d->list.v, d->list.n, sizeof(*d->list.v), cmp_principle);
	if ((lead = calloc(n + 1, sizeof(*lead))) == NULL)
		return align_err_nomem(e);
	for (i = 0; i < n; i++) {
		lead[i].id = d->theme[i].id;
		lead[i].label = d->theme[i].label;
		lead[i].lang = theme_lang(d, &d->theme[i]);
	}
	rc = align_propose(&d->list, &d->w, lead, n, e);
	free(lead);
	/* A principle without an id (a hand edit) gets the next one. */
	next = align_plist_next(&d->list);
	for (i = 0; rc == 0 && i < d->list.n; i++) {
		struct align_buf id = ALIGN_BUF_INIT;

		if (d->list.v[i]->id)
			continue;
		align_buf_printf(&id, "p%ld", next++);
		if ((d->list.v[i]->id = align_buf_detach(&id)) == NULL)
			rc = align_err_nomem(e);
	}
	return rc;
}

void
align_distiller_list(struct align_distiller *d, struct align_buf *b)
{
	struct align_err e = ALIGN_ERR_INIT;

	if (align_distiller_propose(d, &e) < 0)
		b->failed = 1;
	else
		align_list_write(&d->list, b);
}

int
align_distiller_apply_list(struct align_distiller *d, FILE *fp,
    const char *name, struct align_list_errors *errs, struct align_err *e)
{
	if (align_distiller_propose(d, e) < 0)
		return -1;
	return align_list_apply(&d->list, fp, name, errs, e);
}

int
align_distiller_snapshot(struct align_distiller *d, struct align_plist *base,
    struct align_err *e)
{
	if (align_distiller_propose(d, e) < 0)
		return -1;
	return align_plist_copy(base, &d->list) < 0 ? align_err_nomem(e) : 0;
}

int
align_distiller_apply_list3(struct align_distiller *d,
    const struct align_plist *base, FILE *fp, const char *name,
    const char *file, struct align_list_errors *errs,
    struct align_list_errors *conflicts, struct align_err *e)
{
	if (align_distiller_propose(d, e) < 0)
		return -1;
	return align_list_apply3(&d->list, base, fp, name, file, errs,
	    conflicts, e);
}

int
align_distiller_ballot(struct align_distiller *d, const char *text,
    const char *file, unsigned long line, int cast, struct align_err *e)
{
	struct align_ballot b;
	int rc;

	if (align_distiller_propose(d, e) < 0)
		return -1;
	rc = align_ballot_parse(&b, text, file, line, e);
	if (rc == 0)
		rc = align_distiller_who(d, &b.who, file, line, "--vote", e);
	if (rc == 0)
		rc = align_ballot_check(&b, &d->list, d->o.budget, d->o.per,
		    file, line, e);
	if (rc == 0 && cast)
		rc = align_ballot_cast(&b, &d->list, e);
	align_ballot_release(&b);
	return rc;
}

/* o->list: a file, or "-" for standard input. */
static int
list_file(struct align_distiller *d, const char *path, struct align_err *e)
{
	FILE *fp = strcmp(path, "-") == 0 ? stdin : fopen(path, "r");
	int rc;

	if (fp == NULL)
		return align_err_set(e, EX_NOINPUT, path, 0, 0, "cannot open");
	rc = align_distiller_apply_list(d, fp, fp == stdin ? "<stdin>" : path,
	    NULL, e);
	if (fp != stdin)
		fclose(fp);
	return rc;
}

/* Rank by votes; equal votes keep their order. */
static void
rank(struct align_plist *l)
{
	size_t i, j;

	for (i = 1; i < l->n; i++) {
		struct align_principle *p = l->v[i];
		long long t = align_principle_tally(p);

		for (j = i; j > 0 && align_principle_tally(l->v[j - 1]) < t;
		    j--)
			l->v[j] = l->v[j - 1];
		l->v[j] = p;
	}
}

int
align_distiller_who(struct align_distiller *d, char **name,
    const char *file, unsigned long line, const char *opt,
    struct align_err *e)
{
	struct align_resolved res;
	struct align_err x = ALIGN_ERR_INIT;
	char *copy;

	if (d->ro == NULL && d->nlater > 0 && roster(d, e) < 0)
		return -1;
	if (d->ro == NULL)
		return 0;	/* no roster: as typed */
	if (align_roster_resolve(d->ro, *name, d->o.add_people ?
	    ALIGN_ROSTER_ADD : 0, &res, &x) < 0) {
		if (x.status != EX_DATAERR)
			return align_err_nomem(e);
		align_roster_refuse(&res, *name, &x, file ? EX_DATAERR :
		    EX_USAGE, file, line, 0);
		return align_err_set(e, x.status, file, line, 0, "%s%s%s",
		    file ? "" : opt, file ? "" : ": ", x.msg);
	}
	if (res.how == ALIGN_MATCH_ADDED && (align_strs_add(&d->added,
	    res.name) < 0 || ALIGN_GROW(d->people, d->npeople + 1,
	    d->pcap) < 0))
		return align_err_nomem(e);
	if (res.how == ALIGN_MATCH_ADDED)
		d->people[d->npeople++] = d->added.v[d->added.n - 1];
	if ((copy = strdup(res.name)) == NULL)
		return align_err_nomem(e);
	free(*name);
	*name = copy;
	return 0;
}

/* "Name:id" with the name resolved, into *spec (the caller frees it). */
static int
objector(struct align_distiller *d, const char *given, char **spec,
    struct align_err *e)
{
	const char *colon = strrchr(given, ':');
	struct align_buf b = ALIGN_BUF_INIT;
	char *who;

	*spec = NULL;
	if (colon == NULL || colon == given)	/* align_object() says */
		return (*spec = strdup(given)) ? 0 : align_err_nomem(e);
	if ((who = strndup(given, (size_t)(colon - given))) == NULL)
		return align_err_nomem(e);
	if (align_distiller_who(d, &who, NULL, 0, "--object", e) < 0) {
		free(who);
		return -1;
	}
	align_buf_printf(&b, "%s%s", who, colon);
	free(who);
	if ((*spec = align_buf_detach(&b)) == NULL)
		return align_err_nomem(e);
	return 0;
}

static int
agreement(struct align_distiller *d, struct align_err *e)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < d->o.nagree; i++) {
		char *who = strdup(d->o.agree[i]);

		if (who == NULL)
			return align_err_nomem(e);
		if (align_distiller_who(d, &who, NULL, 0, "--agree", e) < 0 ||
		    align_agree_all(&d->list, who, e) < 0)
			rc = -1;
		free(who);
		if (rc < 0)
			return -1;
	}
	for (i = 0; i < d->o.nobject; i++) {
		char *spec;

		if (objector(d, d->o.object[i], &spec, e) < 0)
			return -1;
		rc = align_object(&d->list, spec, d->o.reason[i], e);
		free(spec);
		if (rc < 0)
			return -1;
	}
	return 0;
}

int
align_distiller_run(struct align_distiller *d, struct align_err *e)
{
	size_t i;

	if (align_distiller_propose(d, e) < 0)
		return -1;
	if (d->o.list && list_file(d, d->o.list, e) < 0)
		return -1;
	for (i = 0; i < d->o.nvote; i++)
		if (align_distiller_ballot(d, d->o.vote[i], NULL, 0, 1, e) < 0)
			return -1;
	if (agreement(d, e) < 0)
		return -1;
	rank(&d->list);
	while (d->o.keep && d->list.n > d->o.keep)
		align_principle_free(d->list.v[--d->list.n]);
	for (i = 0; i < d->list.n; i++)
		if (d->list.v[i]->source == NULL &&
		    align_principle_set_source(d->list.v[i], "manual") < 0)
			return align_err_nomem(e);
	return 0;
}

/* What it came to. */

size_t
align_distiller_count(const struct align_distiller *d)
{
	return d->list.n;
}

const struct align_principle *
align_distiller_principle(const struct align_distiller *d, size_t i)
{
	return d->list.v[i];
}

enum align_rule
align_distiller_rule(const struct align_distiller *d)
{
	return d->o.rule != ALIGN_RULE_DEFAULT ? d->o.rule : d->stream_rule;
}

const char *const *
align_distiller_people(const struct align_distiller *d, size_t *n)
{
	*n = d->npeople;
	return d->people;
}

void
align_distiller_session(const struct align_distiller *d, const char **title,
    const char **date, const char **place)
{
	*title = d->title;
	*date = d->date;
	*place = d->place;
}

int
align_distiller_met(const struct align_distiller *d, size_t i)
{
	return align_rule_met(align_distiller_rule(d), d->list.v[i],
	    d->people, d->npeople);
}

int
align_distiller_final(const struct align_distiller *d)
{
	size_t i;

	for (i = 0; i < d->list.n; i++)
		if (!align_distiller_met(d, i))
			return 0;
	return d->list.n > 0;
}

struct align_node *
align_distiller_record(const struct align_distiller *d, size_t i,
    struct align_err *e)
{
	enum align_rule r = align_distiller_rule(d);

	return align_principle_record(d->list.v[i],
	    align_distiller_met(d, i) ? "agreed" : "proposed",
	    r == ALIGN_RULE_DEFAULT ? NULL : align_rule_name(r), e);
}
