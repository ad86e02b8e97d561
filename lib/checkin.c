/* Check-ins: the record, and the line a person types. */
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "buf.h"
#include "checkin.h"
#include "hash.h"
#include "handle.h"
#include "reader.h"
#include "roster.h"
#include "text.h"

static const char *const outcomes[] = { "success", "mixed", "failure" };

static int make(const struct align_checkin_view *c, struct align_node **out,
    struct align_err *e);

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

int
align_rounds_person(const struct align_rounds *rs, const char *name, char **who,
    struct align_err *e)
{
	struct align_roster *ro = NULL;
	struct align_resolved res;
	int rc = 0;

	*who = NULL;
	if (rs->session && align_roster_from_session(&ro,
	    rs->session_view.rec, e) < 0)
		return -1;
	if (ro && align_roster_resolve(ro, name, rs->add_people ?
	    ALIGN_ROSTER_ADD : 0, &res, e) < 0) {
		if (e->status == EX_DATAERR)
			align_roster_refuse(&res, name, e, EX_USAGE, NULL, 0,
			    0);
		rc = -1;
	} else if ((*who = strdup(ro ? res.name : name)) == NULL)
		rc = align_err_nomem(e);
	align_roster_free(ro);
	return rc;
}

/* align_checkin_new(), and on an error *bad the text of given at fault
 * (its outcome, principle or participant), or NULL. */
static int
checkin_new(const struct align_rounds *rs,
    const struct align_checkin_view *given, struct align_node **out,
    const char **bad, struct align_err *e)
{
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
	if (align_rounds_person(rs, c->participant, &who, e) < 0)
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
	const char *bad;

	return checkin_new(rs, given, out, &bad, e);
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

/* The check-in of one line into into; on an error, e's column says where
 * in the line (its caller, which line). */
static int
line_of(const struct align_rounds *rs, char *line,
    const struct align_checkin_view *dflt, struct align_node *into,
    struct align_err *e)
{
	struct align_checkin_view c = *dflt;
	struct align_node *rec;
	size_t n = strlen(line);
	const char *bad;

	c.principle = c.outcome = c.note = NULL;
	e->col = 1;
	if (align_checkin_parse(line, &c) < 0)
		return align_err_set(e, EX_DATAERR, NULL, 0, 1,
		    "expected '[Name:] p2 success: note'");
	if (checkin_new(rs, &c, &rec, &bad, e) < 0) {
		if (e->status != ALIGN_EX_NOMEM)
			e->status = EX_DATAERR;
		e->col = column(line, n, bad);
		return -1;
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
	int rc = 0;

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
		if ((rc = line_of(rs, line, c, into, e)) < 0 &&
		    e->status != ALIGN_EX_NOMEM) {
			snprintf(e->file, sizeof(e->file), "%s", name);
			e->line = lno;
		}
	}
	if (rc == 0 && ferror(in))
		rc = align_err_set(e, EX_IOERR, name, 0, 0, "read error");
	free(line);
	return rc;
}
