/* Check-ins: the record, and the line a person types. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "buf.h"
#include "checkin.h"
#include "grow.h"
#include "hash.h"
#include "handle.h"
#include "reader.h"
#include "roster.h"
#include "text.h"

static const char *const outcomes[] = { "success", "mixed", "failure" };

static int make(const struct align_checkin_view *c, struct align_node **out,
    struct align_err *e);

/* What a check-in says besides its id (which is of its round, person,
 * principle and time), and where it is: at a line of the stream read, or
 * of the lines typed. */
struct said {
	const char *outcome, *note, *recognition;
	unsigned long line;
	int typed;
};

/* The check-ins held, by id: the stream's, then those made since. */
struct held {
	struct align_dict ids;
	struct said *v;
	size_t cap;
};

static void
held_release(struct held *h)
{
	align_dict_release(&h->ids);
	free(h->v);
}

/* Hold the check-in of id that says s: 1, 0 when one of that id is held
 * (its index in *at), -1 when out of memory. */
static int
hold(struct held *h, const char *id, const struct said *s, long *at)
{
	if ((*at = align_dict_id(&h->ids, id, strlen(id), 0)) >= 0)
		return 0;
	if (ALIGN_GROW(h->v, h->ids.n + 1, h->cap) < 0 ||
	    (*at = align_dict_id(&h->ids, id, strlen(id), 1)) < 0)
		return -1;
	h->v[*at] = *s;
	return 1;
}

/* The check-ins of rs held.  0, or -1 when out of memory. */
static int
held_init(struct held *h, const struct align_rounds *rs)
{
	size_t i;
	long at;

	memset(h, 0, sizeof(*h));
	h->ids = (struct align_dict)ALIGN_DICT_INIT;
	for (i = 0; i < rs->ncheckin; i++) {
		const struct align_view *v = &rs->checkin[i].v;
		struct said s;

		if (v->id == NULL)
			continue;
		s.outcome = v->u.checkin.outcome;
		s.note = v->u.checkin.note;
		s.recognition = v->u.checkin.recognition;
		s.line = rs->recs->item[rs->checkin[i].at]->line;
		s.typed = 0;
		if (hold(h, v->id, &s, &at) < 0)
			return -1;
	}
	return 0;
}

static int
differ(const char *a, const char *b)
{
	return (a == NULL) != (b == NULL) || (a && strcmp(a, b) != 0);
}

/* Whether rec, a check-in made at line (of the lines typed; 0: by the
 * options), is new: 1 (and now held), 0 when it is one held, made again
 * (the same id, saying the same), or -1 and e: 65 when the one held of
 * its id says another outcome, note or recognition (at its line in the
 * stream, or of the lines typed), 71. */
static int
fresh(struct held *h, const struct align_node *rec, unsigned long line,
    struct align_err *e)
{
	const struct said *was;
	struct said s;
	long at;
	int rc;

	s.outcome = align_map_str(rec, "outcome");
	s.note = align_map_str(rec, "note");
	s.recognition = align_map_str(rec, "recognition");
	s.line = line;
	s.typed = line > 0;
	if ((rc = hold(h, align_record_id(rec), &s, &at)) != 0)
		return rc < 0 ? align_err_nomem(e) : 1;
	was = &h->v[at];
	if (!differ(was->outcome, s.outcome) && !differ(was->note, s.note) &&
	    !differ(was->recognition, s.recognition))
		return 0;
	if (was->typed)
		return align_err_set(e, EX_DATAERR, NULL, 0, 0, "%s's "
		    "check-in on %s in %s at %s is made on line %lu already "
		    "(%s), with another outcome or note: one a person, "
		    "principle, round and time",
		    align_map_str(rec, "participant"),
		    align_map_str(rec, "principle"),
		    align_map_str(rec, "followup"), align_map_str(rec, "at"),
		    was->line, align_record_id(rec));
	return align_err_set(e, EX_DATAERR, NULL, was->line, was->line ? 1 :
	    0, "%s's check-in on %s in %s at %s is recorded already (%s), "
	    "with another outcome or note: one a person, principle, round "
	    "and time", align_map_str(rec, "participant"),
	    align_map_str(rec, "principle"), align_map_str(rec, "followup"),
	    align_map_str(rec, "at"), align_record_id(rec));
}

/* The round that handle names (handle.h), into *fid, or -1 and e. */
static int
named_round(const struct align_rounds *rs, const char *handle,
    const char **fid, struct align_err *e)
{
	const char **ids = malloc((rs->nround + 1) * sizeof(*ids));
	size_t i;
	long at;

	if (ids == NULL)
		return align_err_nomem(e);
	for (i = 0; i < rs->nround; i++)
		ids[i] = rs->round[i].v.id;
	if (align_handle_find(ids, rs->nround, handle) == ALIGN_HANDLE_NONE)
		at = align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "no follow-up '%s' in the input", handle);
	else
		at = align_handle_resolve(ids, rs->nround, handle,
		    "follow-up", EX_USAGE, e);
	if (at >= 0)
		*fid = ids[at];
	free(ids);
	return at < 0 ? -1 : 0;
}

/* The round checked in on: the one given, which must be there, else the
 * latest whose day has come, else the first.  Its id into *fid. */
static int
round_of(const struct align_rounds *rs, const char *given,
    const struct align_time *now, const char **fid, struct align_err *e)
{
	struct align_time t;
	size_t i;

	*fid = NULL;
	if (given)
		return named_round(rs, given, fid, e);
	for (i = 0; i < rs->nround; i++) {
		const struct align_view *f = &rs->round[i].v;
		const char *d = f->u.followup.date;

		if (f->id == NULL)
			continue;
		if (*fid == NULL || (d && align_time_parse(d, &t, NULL) == 0 &&
		    t.t <= now->t))
			*fid = f->id;
	}
	if (*fid == NULL)
		return align_err_set(e, EX_NOINPUT, NULL, 0, 0, "no follow-up "
		    "planned yet: run align-followup plan first");
	return 0;
}

/* "c-" and 16 hex digits of the round, the person, the principle and
 * the time. */
static int
id_of(const char *fid, const struct align_checkin_view *c, char id[24])
{
	static const unsigned char key[16] = "align-checkin-k";
	struct align_buf b = ALIGN_BUF_INIT;

	align_buf_printf(&b, "%s\x1f%s\x1f%s\x1f%s", fid, c->participant,
	    c->principle, c->at);
	if (b.failed) {
		align_buf_release(&b);
		return -1;
	}
	snprintf(id, 24, "c-%016llx", (unsigned long long)align_siphash(key,
	    b.p, b.len));
	align_buf_release(&b);
	return 0;
}

/* What a check-in must have, checked. */
static int
valid(const struct align_checkin_view *c, struct align_time *at,
    const char **bad, struct align_err *e)
{
	struct align_err why = ALIGN_ERR_INIT;
	size_t i;

	if (c->participant == NULL || c->principle == NULL ||
	    c->outcome == NULL)
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "a check-in needs a participant, a principle and an "
		    "outcome");
	for (i = 0; i < 3; i++)
		if (strcmp(c->outcome, outcomes[i]) == 0)
			break;
	*bad = c->outcome;
	if (i == 3)
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "outcome '%s': expected success, failure or mixed",
		    c->outcome);
	*bad = NULL;
	if (align_time_parse(c->at, at, &why) < 0)
		return align_err_set(e, EX_USAGE, NULL, 0, 0, "%s", why.msg);
	return 0;
}

/* The ids a check-in may name: the principles, and the principles and
 * commitments of the rounds (a one-to-one's).  NULL when out of memory;
 * *n 0 when there are none (then any is taken). */
static const char **
aims(const struct align_rounds *rs, size_t *n)
{
	size_t i, j, all = rs->nprinciple;
	const char **v;

	for (i = 0; i < rs->nround; i++)
		all += rs->round[i].v.u.followup.principles.n +
		    rs->round[i].v.u.followup.commitments.n;
	if ((v = malloc((all + 1) * sizeof(*v))) == NULL)
		return NULL;
	*n = 0;
	for (i = 0; i < rs->nprinciple; i++)
		v[(*n)++] = rs->principle[i].v.id;
	for (i = 0; i < rs->nround; i++) {
		const struct align_followup_view *f = &rs->round[i].v.u.followup;

		for (j = 0; j < f->principles.n; j++)
			v[(*n)++] = f->principles.v[j];
		for (j = 0; j < f->commitments.n; j++)
			v[(*n)++] = ((const struct align_commitment_view *)
			    f->commitments.v)[j].id;
	}
	return v;
}

int
align_rounds_aim(const struct align_rounds *rs, const char *handle, const char **id,
    struct align_err *e)
{
	size_t n;
	const char **v = aims(rs, &n);
	long at = -1;

	if (v == NULL)
		return align_err_nomem(e);
	*id = handle;
	if (n > 0 && (at = align_handle_resolve(v, n, handle, "principle",
	    EX_USAGE, e)) >= 0)
		*id = v[at];
	free(v);
	return n > 0 && at < 0 ? -1 : 0;
}

/* What a run of check-ins keeps: the roster the names resolve against,
 * made once (so that a person one line adds is known to the lines
 * after), the names taken as typed, and the check-ins held. */
struct run {
	const struct align_rounds *rs;
	struct align_roster *ro;	/* NULL: no session */
	struct align_strangers strangers;
	struct held held;
};

static void
run_release(struct run *u)
{
	align_roster_free(u->ro);
	align_strangers_release(&u->strangers);
	held_release(&u->held);
}

/* 0, or -1 and e (65 a bad alias, 71); u needs run_release() either
 * way. */
static int
run_init(struct run *u, const struct align_rounds *rs, struct align_err *e)
{
	memset(u, 0, sizeof(*u));
	u->rs = rs;
	u->strangers = (struct align_strangers)ALIGN_STRANGERS_INIT;
	if (held_init(&u->held, rs) < 0)
		return align_err_nomem(e);
	if (rs->session && align_roster_from_session(&u->ro,
	    rs->session_view.rec, e) < 0)
		return -1;
	return 0;
}

/* name resolved on u's roster into *who (malloc'd); a name taken as
 * typed (no roster, or an empty one) as its first spelling in the run. */
static int
person(struct run *u, const char *name, char **who, struct align_err *e)
{
	struct align_resolved res;
	const char *as = name;

	*who = NULL;
	if (u->ro && align_roster_resolve(u->ro, name, u->rs->add_people ?
	    ALIGN_ROSTER_ADD : 0, &res, e) < 0) {
		if (e->status == EX_DATAERR)
			align_roster_refuse(&res, name, e, EX_USAGE, NULL, 0,
			    0);
		return -1;
	}
	if (u->ro && res.how != ALIGN_MATCH_ANY)
		as = res.name;
	else if (align_strangers_name(&u->strangers, name, &as) < 0)
		return align_err_nomem(e);
	if ((*who = strdup(as)) == NULL)
		return align_err_nomem(e);
	return 0;
}

int
align_rounds_person(const struct align_rounds *rs, const char *name, char **who,
    struct align_err *e)
{
	struct run u;
	int rc = run_init(&u, rs, e);

	*who = NULL;
	if (rc == 0)
		rc = person(&u, name, who, e);
	run_release(&u);
	return rc;
}

/* The check-in c names, made in run u; on an error *bad the text of
 * given at fault (its outcome, principle or participant), or NULL. */
static int
made(struct run *u, const struct align_checkin_view *given,
    struct align_node **out, const char **bad, struct align_err *e)
{
	const struct align_rounds *rs = u->rs;
	struct align_checkin_view named = *given, *c = &named;
	struct align_time now;
	char *who = NULL;
	int rc;

	*out = NULL;
	*bad = NULL;
	if (valid(c, &now, bad, e) < 0 || round_of(rs, c->followup, &now,
	    &c->followup, e) < 0)
		return -1;
	*bad = given->principle;
	if (align_rounds_aim(rs, c->principle, &c->principle, e) < 0)
		return -1;
	*bad = given->participant;
	if (person(u, c->participant, &who, e) < 0)
		return -1;
	*bad = NULL;
	c->participant = who;
	rc = make(c, out, e);
	free(who);
	return rc;
}

int
align_checkin_new(const struct align_rounds *rs,
    const struct align_checkin_view *given, struct align_node **out,
    struct align_err *e)
{
	struct run u;
	const char *bad;
	int rc = run_init(&u, rs, e);

	*out = NULL;
	if (rc == 0)
		rc = made(&u, given, out, &bad, e);
	run_release(&u);
	return rc;
}

int
align_checkin_add(const struct align_rounds *rs, struct align_node *into,
    struct align_node *rec, struct align_err *e)
{
	struct held h;
	size_t i;
	int rc = held_init(&h, rs) < 0 ? align_err_nomem(e) : 0;

	for (i = 0; rc == 0 && i < into->n; i++)
		rc = fresh(&h, into->item[i], 0, e) < 0 ? -1 : 0;
	if (rc == 0 && (rc = fresh(&h, rec, 0, e)) > 0)
		rc = align_seq_push(into, rec) < 0 ? align_err_nomem(e) : 0;
	else
		align_node_free(rec);
	held_release(&h);
	return rc;
}

/* The record of check-in c, named and checked, into *out. */
static int
make(const struct align_checkin_view *c, struct align_node **out,
    struct align_err *e)
{
	const char *fid = c->followup;
	struct align_node *r;
	char id[24];

	if (id_of(fid, c, id) < 0)
		return align_err_nomem(e);
	r = align_record_new("checkin");
	if (r == NULL || align_map_put_str(r, "id", id) < 0 ||
	    align_map_put_str(r, "followup", fid) < 0 ||
	    align_map_put_str(r, "participant", c->participant) < 0 ||
	    align_map_put_str(r, "principle", c->principle) < 0 ||
	    align_map_put_str(r, "outcome", c->outcome) < 0 ||
	    (c->note && align_map_put_str(r, "note", c->note) < 0) ||
	    align_map_put_str(r, "at", c->at) < 0 ||
	    (c->recognition && align_map_put_str(r, "recognition",
	    c->recognition) < 0)) {
		align_node_free(r);
		return align_err_nomem(e);
	}
	*out = r;
	return 0;
}

static char *
blanks(char *s, const char *which)
{
	return s + strspn(s, which);
}

int
align_checkin_parse(char *s, struct align_checkin_view *c)
{
	size_t k;

	s = blanks(s, " \t");
	k = align_name_prefix(s);
	/* "p2: ..." is a principle, not a name. */
	if (k > 0 && s[0] != 'p') {
		s[k] = '\0';
		c->participant = s;
		s += k + 1;
	}
	s = blanks(s, " \t");
	c->principle = s;
	s += strcspn(s, " \t");
	if (*s == '\0')
		return -1;
	*s++ = '\0';
	s = blanks(s, " \t");
	c->outcome = s;
	s += strcspn(s, " \t:");
	c->note = NULL;
	if (*s) {
		*s++ = '\0';
		s = blanks(s, " \t:");
		if (*s)
			c->note = s;
	}
	return *c->outcome ? 0 : -1;
}

/* The column of p in line (of n bytes), a column a character; 1 when p
 * is not in it (a default, not typed on the line). */
static unsigned long
column(const char *line, size_t n, const char *p)
{
	unsigned long col = 1;
	const char *q;

	if (p == NULL || p < line || p > line + n)
		return 1;
	for (q = line; q < p; q++)
		if ((*q & 0xc0) != 0x80)
			col++;
	return col;
}

/* The check-in of line lno into into, unless it is one held, made
 * again; on an error, e's column says where in the line (its caller,
 * which line). */
static int
line_of(struct run *u, char *line, unsigned long lno,
    const struct align_checkin_view *dflt, struct align_node *into,
    struct align_err *e)
{
	struct align_checkin_view c = *dflt;
	struct align_node *rec;
	size_t n = strlen(line);
	const char *bad;
	int rc;

	c.principle = c.outcome = c.note = NULL;
	e->col = 1;
	if (align_checkin_parse(line, &c) < 0)
		return align_err_set(e, EX_DATAERR, NULL, 0, 1,
		    "expected '[Name:] p2 success: note'");
	if (made(u, &c, &rec, &bad, e) < 0) {
		if (e->status != ALIGN_EX_NOMEM)
			e->status = EX_DATAERR;
		e->col = column(line, n, bad);
		return -1;
	}
	if ((rc = fresh(&u->held, rec, lno, e)) <= 0) {
		align_node_free(rec);
		if (rc < 0)
			e->col = 1;	/* the check-in, the whole line */
		return rc;
	}
	return align_seq_push(into, rec) < 0 ? align_err_nomem(e) : 0;
}

int
align_checkins_read(const struct align_rounds *rs, FILE *in,
    const char *name, const struct align_checkin_view *c,
    struct align_node *into, struct align_err *e)
{
	char *line = NULL;
	size_t cap = 0;
	unsigned long lno = 0;
	ssize_t len;
	struct run u;
	int rc = run_init(&u, rs, e);
	size_t i;

	/* The lines' own, from those before them in into. */
	for (i = 0; rc == 0 && i < into->n; i++)
		rc = fresh(&u.held, into->item[i], 0, e) < 0 ? -1 : 0;
	while (rc == 0 && (len = getline(&line, &cap, in)) >= 0) {
		lno++;
		/* The line without its end, LF or CRLF: text (text.h). */
		if (len > 0 && line[len - 1] == '\n')
			len--;
		if (len > 0 && line[len - 1] == '\r')
			len--;
		if ((rc = align_text_check(line, (size_t)len, EX_DATAERR, name,
		    lno, e)) < 0)
			break;
		line[len] = '\0';
		if (line[strspn(line, " \t")] == '\0')
			continue;
		if ((rc = line_of(&u, line, lno, c, into, e)) < 0 &&
		    e->status != ALIGN_EX_NOMEM) {
			snprintf(e->file, sizeof(e->file), "%s", name);
			e->line = lno;
		}
	}
	if (rc == 0 && ferror(in))
		rc = align_err_set(e, EX_IOERR, name, 0, 0, "read error");
	free(line);
	run_release(&u);
	return rc;
}
