#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "capture.h"
#include "file.h"
#include "hash.h"
#include "idindex.h"
#include "out.h"
#include "record.h"
#include "response.h"
#include "text.h"
#include "when.h"
#include "writer.h"

#define BATCH 65536

/* Where records go: standard output; or, with -a, a temporary stream
 * (no name, so nothing is left behind) where the new records wait, without
 * a lock, until all the input is read (input may be a person typing), to
 * be appended under the lock by append_new().  Each waiting record is
 * framed there: a header (its length, its id's, whether it is a response)
 * and its id before its bytes, so that they are read back one at a time
 * to leave out those the file holds by then: what is kept in memory does
 * not grow with the records (a batch of BATCH bytes at a time). */
struct frame {
	uint64_t len;		/* the record's bytes */
	uint32_t idlen;		/* its id's, or NO_ID */
	uint32_t response;	/* 1: a response */
};
#define NO_ID UINT32_MAX

struct sink {
	struct align_out out;
	FILE *fp;		/* -a: the records waiting, or NULL */
	struct align_buf buf;	/* the frames not yet written to fp */
	size_t n;		/* the records waiting */
	unsigned long responses; /* -a: responses among them */
};

void
align_capture_init(struct align_capture *c,
    const struct align_capture_opts *o)
{
	memset(c, 0, sizeof(*c));
	c->o = o;
	c->strangers = (struct align_strangers)ALIGN_STRANGERS_INIT;
	align_anon_init(&c->anon, o->read.key);
}

void
align_capture_release(struct align_capture *c)
{
	if (c->out_open)
		align_out_abort(&c->out);
	align_speakers_release(&c->speakers);
	align_roster_free(c->roster);
	align_strangers_release(&c->strangers);
	align_anon_release(&c->anon);
	align_node_free(c->session);
	align_node_free(c->responses);
	align_node_free(c->last);
	align_buf_release(&c->why);
	align_buf_release(&c->who);
	align_buf_release(&c->line);
	free(c->first_id);
	memset(c, 0, sizeof(*c));
}

static int by_bytes(const struct align_capture *c);

/* Whether session names anyone: what align_speakers_init() would count
 * as a speaker, a name that folds to something (speaker.h), known from
 * the first such name.  1, 0, or -1 and e (71). */
static int
names_anyone(const struct align_node *session, struct align_err *e)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_view v;
	size_t i;
	int rc = 0;

	if (align_view(&v, session, e) < 0) {
		align_view_release(&v);
		return -1;
	}
	for (i = 0; v.kind == ALIGN_KIND_SESSION && rc == 0 &&
	    i < v.u.session.names.n; i++) {
		const char *name = v.u.session.names.v[i];

		if (align_name_fold(&b, name, strlen(name)) < 0)
			rc = align_err_nomem(e);
		else if (b.len > 0)
			rc = 1;
	}
	align_view_release(&v);
	align_buf_release(&b);
	return rc;
}

/* What the file's first record, the session, was read from (span), and
 * its id: so that the ids of the file are read under the lock without
 * parsing it again (idindex.h), when the file still begins with it. */
static int
keep_first(struct align_capture *c, const struct align_roster_span *span,
    struct align_err *e)
{
	const char *id = align_record_id(c->session);

	if (span->len == 0)
		return 0;
	free(c->first_id);
	if (id && (c->first_id = strdup(id)) == NULL)
		return align_err_nomem(e);
	c->first = *span;
	return 0;
}

/* The session's speakers (speaker.h) and roster (roster.h), when it names
 * anyone.  A batch without a key needs no speakers (they are the
 * prompt's, and anon.h's), only to know there are some; with -a, the
 * roster comes through the cache of the file (roster.h), for a session
 * of a few hundred thousand names is read again by every append. */
static int
keep_session(struct align_capture *c, int first, struct align_err *e)
{
	struct align_roster_span span = { 0 };
	enum align_roster_how how;
	char *file = NULL;
	int any, rc, fd;

	if (first && by_bytes(c) &&
	    (fd = open(c->o->append, O_RDONLY | O_CLOEXEC)) >= 0) {
		(void)align_roster_span_of(fd, &span);
		close(fd);
		if (keep_first(c, &span, e) < 0)
			return -1;
	}
	if (c->batch && c->o->read.key == NULL) {
		if ((any = names_anyone(c->session, e)) < 0)
			return -1;
	} else {
		if (align_speakers_init(&c->speakers, c->session, e) < 0)
			return -1;
		any = c->speakers.n > 0;
	}
	if (!any)
		return 0;
	if (c->o->append)
		file = align_roster_cache_file(c->o->append);
	if (by_bytes(c)) {	/* the session done with once the roster is
				 * made: not kept again (forget_session()) */
		rc = align_roster_from_session_taken(&c->roster, &c->session,
		    file, span.len ? &span : NULL, &how, e);
		c->session_bytes = 1;
	} else
		rc = align_roster_from_session_cached(&c->roster, c->session,
		    file, span.len ? &span : NULL, &how, e);
	free(file);
	return rc;
}

/* Whether this run needs of the file's session only its roster: a batch
 * appended, without a key, a board or CSV (which want its question). */
static int
by_bytes(const struct align_capture *c)
{
	return c->batch && c->o->append && c->o->read.key == NULL &&
	    !c->o->collect && c->o->ncsv == 0;
}

/* The roster of the file's session from the cache, when the file begins
 * with the very bytes it was made of (roster.h): the session is then not
 * read at all.  1, or 0. */
static int
roster_by_bytes(struct align_capture *c)
{
	char *file;
	int fd;

	if (!by_bytes(c) || (file = align_roster_cache_file(c->o->append)) ==
	    NULL)
		return 0;
	if ((fd = open(c->o->append, O_RDONLY | O_CLOEXEC)) >= 0) {
		c->roster = align_roster_cache_by_bytes(file, fd);
		close(fd);
	}
	free(file);
	return c->session_bytes = c->roster != NULL;
}

int
align_capture_keep(struct align_capture *c, const struct align_node *rec,
    struct align_err *e)
{
	const char *kind = align_record_kind(rec);

	if (strcmp(kind, "session") == 0 && c->session == NULL &&
	    !c->session_bytes) {
		if ((c->session = align_node_copy(rec)) == NULL)
			return align_err_nomem(e);
		if (keep_session(c, 0, e) < 0)
			return -1;
	}
	if (!c->o->collect || strcmp(kind, "response") != 0)
		return 0;
	if (c->responses == NULL && (c->responses = align_seq()) == NULL)
		return align_err_nomem(e);
	if (align_seq_push(c->responses, align_node_copy(rec)) < 0)
		return align_err_nomem(e);
	return 0;
}

static int
sink_flush(struct sink *s, struct align_err *e)
{
	if (s->buf.failed)
		return align_err_nomem(e);
	if (s->buf.len && fwrite(s->buf.p, 1, s->buf.len, s->fp) !=
	    s->buf.len)
		return align_err_set(e, EX_IOERR, NULL, 0, 0,
		    "temporary file: write error: %s", strerror(errno));
	align_buf_reset(&s->buf);
	return 0;
}

/* The frame of rec, its bytes emitted, into the waiting batch. */
static int
sink_frame(struct sink *s, const struct align_node *rec, struct align_err *e)
{
	const char *id = align_record_id(rec);
	struct frame f = { 0, NO_ID, 0 };
	size_t at = s->buf.len, before;

	if (id && strlen(id) < NO_ID)
		f.idlen = (uint32_t)strlen(id);
	f.response = strcmp(align_record_kind(rec), "response") == 0;
	align_buf_add(&s->buf, (const char *)&f, sizeof(f));
	if (f.idlen != NO_ID)
		align_buf_add(&s->buf, id, f.idlen);
	before = s->buf.len;
	align_emit_record(&s->buf, rec);
	if (s->buf.failed)
		return align_err_nomem(e);
	f.len = s->buf.len - before;
	memcpy(s->buf.p + at, &f, sizeof(f));
	s->n++;
	s->responses += f.response;
	return 0;
}

static int
sink_put(struct align_capture *c, struct sink *s,
    const struct align_node *rec, struct align_err *e)
{
	if (align_capture_keep(c, rec, e) < 0)
		return -1;
	if (s->fp == NULL)
		return c->o->quiet ? 0 : align_out_record(&s->out, rec, e);
	if (sink_frame(s, rec, e) < 0)
		return -1;
	return s->buf.len >= BATCH ? sink_flush(s, e) : 0;
}

static int
sink_open(struct align_capture *c, struct sink *s, struct align_err *e)
{
	memset(s, 0, sizeof(*s));
	if (c->o->append == NULL)
		return align_out_open(&s->out, NULL, e);
	return (s->fp = align_temp_stream(e)) ? 0 : -1;
}

static void
lock_opts(const struct align_capture *c, struct align_lock_opts *lo)
{
	align_lock_defaults(lo);
	if (c->o->wait >= 0)
		lo->wait = c->o->wait;
}

static int
temp_read(FILE *fp, void *p, size_t n, struct align_err *e)
{
	if (n && fread(p, 1, n, fp) != n)
		return align_err_set(e, EX_IOERR, NULL, 0, 0,
		    "temporary file: read error");
	return 0;
}

/* Copy the record of frame f, next in s->fp, to the append (b, written
 * into lk when large); or skip it. */
static int
copy_waiting(struct sink *s, const struct frame *f, int fresh,
    struct align_buf *b, struct align_lock *lk, struct align_err *e)
{
	char chunk[65536];
	uint64_t left = f->len;

	while (left > 0) {
		size_t k = left < sizeof(chunk) ? (size_t)left : sizeof(chunk);

		if (temp_read(s->fp, chunk, k, e) < 0)
			return -1;
		if (fresh)
			align_buf_add(b, chunk, k);
		left -= k;
	}
	if (b->failed)
		return align_err_nomem(e);
	if (b->len >= BATCH) {
		if (align_lock_append_write(lk, b->p, b->len, e) < 0)
			return -1;
		align_buf_reset(b);
	}
	return 0;
}

/* The next waiting record's frame and id (into id, NUL-terminated):
 * 1, or 0 when it has none, or -1 and e. */
static int
next_frame(struct sink *s, struct frame *f, struct align_buf *id,
    struct align_err *e)
{
	char chunk[256];
	size_t left;

	if (temp_read(s->fp, f, sizeof(*f), e) < 0)
		return -1;
	if (f->idlen == NO_ID)
		return 0;
	align_buf_reset(id);
	align_buf_add(id, "", 0);
	for (left = f->idlen; left > 0; ) {
		size_t k = left < sizeof(chunk) ? left : sizeof(chunk);

		if (temp_read(s->fp, chunk, k, e) < 0)
			return -1;
		align_buf_add(id, chunk, k);
		left -= k;
	}
	return id->failed ? align_err_nomem(e) : 1;
}

/* The waiting records the file does not hold (another writer may have
 * added some since the input was read), appended: all, or none. */
static int
append_fresh(struct align_capture *c, struct sink *s, struct align_idindex *x,
    struct align_lock *lk, struct align_err *e)
{
	struct align_buf b = ALIGN_BUF_INIT, id = ALIGN_BUF_INIT;
	struct frame f;
	unsigned long added = 0;
	size_t i;
	int rc = 0, has;

	if (fseek(s->fp, 0, SEEK_SET) != 0)
		rc = align_err_set(e, EX_IOERR, NULL, 0, 0,
		    "temporary file: cannot seek");
	else if (align_idindex_reserve(x, s->n) < 0)
		rc = align_err_nomem(e);
	for (i = 0; rc == 0 && i < s->n; i++) {
		int fresh = 1;

		if ((has = rc = next_frame(s, &f, &id, e)) < 0)
			break;
		/* Each id once: the reader claimed them all. */
		if (has && (fresh = align_idindex_add_new(x, id.p)) < 0)
			rc = align_err_nomem(e);
		else
			rc = copy_waiting(s, &f, fresh, &b, lk, e);
		added += fresh > 0 && f.response;
	}
	if (rc == 0 && b.len)
		rc = align_lock_append_write(lk, b.p, b.len, e);
	align_buf_release(&b);
	align_buf_release(&id);
	if (rc == 0) {
		c->skipped += s->responses - added;
		c->added = added;
	}
	return rc;
}

/* Under the lock of the file, from before it is read to after the
 * append: its ids (idindex.h: from its index when that fits, else read
 * whole), then the waiting records it does not hold; then its index. */
static int
append_new(struct align_capture *c, struct sink *s, struct align_err *e)
{
	struct align_lock_opts lo;
	struct align_lock lk;
	struct align_idindex x = { .how = ALIGN_IDX_NONE };
	struct align_idindex_first first = { c->first.len, c->first.a,
	    c->first.b, c->first_id };
	int rc, there;

	lock_opts(c, &lo);
	if (align_lock_acquire(&lk, c->o->append, &lo, e) < 0)
		return -1;
	rc = there = align_file_check(c->o->append, e);
	if (rc >= 0)
		rc = align_lock_append_begin(&lk, e);
	if (rc == 0)
		rc = align_idindex_load_first(&x, c->o->append, lk.path,
		    lk.fd, there > 0 ? (long long)lk.before : 0, &first, e);
	if (rc == 0)
		rc = append_fresh(c, s, &x, &lk, e);
	if (rc == 0)
		rc = align_lock_append_commit(&lk, e);
	if (rc == 0)
		align_idindex_save(&x, lk.path, lk.fd);
	align_idindex_release(&x);
	align_lock_release(&lk);	/* cuts back what was not committed */
	return rc < 0 ? -1 : 0;
}

/* Commit, or (failed) take back everything this run added. */
static int
sink_close(struct align_capture *c, struct sink *s, int failed,
    struct align_err *e)
{
	int rc;

	if (s->fp == NULL) {
		if (failed) {
			align_out_abort(&s->out);
			return -1;
		}
		return align_out_close(&s->out, e);
	}
	if (!failed && sink_flush(s, e) < 0)
		failed = 1;
	else if (!failed && fflush(s->fp) != 0)
		failed = align_err_set(e, EX_IOERR, NULL, 0, 0, "temporary "
		    "file: write error: %s", strerror(errno)) < 0;
	align_buf_release(&s->buf);
	/* The input read, its names resolved: the roster is done with,
	 * before the index of the file's ids is read. */
	align_roster_free(c->roster);
	c->roster = NULL;
	rc = failed ? -1 : append_new(c, s, e);
	fclose(s->fp);
	s->fp = NULL;
	return rc;
}

/* A response made here holds no control character (text.h): in its
 * text, its participant or its question. */
static int
check_new(const struct align_node *rec, const char *file,
    struct align_err *e)
{
	struct align_view v;
	struct align_text_fault f;
	const char *part[3] = { NULL, NULL, NULL };
	int bad = 0;
	size_t i;

	if (align_view(&v, rec, e) < 0) {
		align_view_release(&v);
		return -1;
	}
	if (v.kind == ALIGN_KIND_RESPONSE) {
		part[0] = v.u.response.participant;
		part[1] = v.u.response.question;
		part[2] = v.u.response.text;
	}
	for (i = 0; i < 3 && !bad; i++)
		if (part[i])
			bad = align_text_fault(part[i], strlen(part[i]), &f);
	align_view_release(&v);
	if (!bad)
		return 0;
	return align_response_control_error(e, file, rec->line, 1, f.cp);
}

/* A record of the input, as it goes out: a response made from plain
 * text checked, and with a key, every record as anon.h says. */
static int
put_input(struct align_capture *c, struct align_reader *r, struct sink *s,
    const struct align_node *rec, struct align_err *e)
{
	const char *file = align_reader_file(r);
	struct align_node *anon = NULL;
	int plain = align_reader_plain(r), rc = 0, fresh;

	if (plain && check_new(rec, file, e) < 0)
		return -1;
	if (c->o->read.key && (rc = align_anon_record(&c->anon,
	    &c->speakers, rec, plain, align_reader_index(r), file, &anon,
	    e)) < 0)
		return -1;
	if (anon) {
		/* Under its new id, it may be there already. */
		fresh = align_reader_claim(r, align_record_id(anon));
		if (fresh <= 0) {
			align_node_free(anon);
			if (fresh < 0)
				return align_err_nomem(e);
			c->skipped++;
			return 0;
		}
		rec = anon;
	}
	rc = sink_put(c, s, rec, e);
	c->added += strcmp(align_record_kind(rec), "response") == 0;
	align_node_free(anon);
	return rc;
}

/* A name typed, as the roster has it (roster.h): the one resolution of
 * names, for the prompt, plain text and CSV alike.  A name near nobody on
 * the roster is a person the session does not list: kept as typed when
 * unknown is set (the prompt, plain text), refused otherwise (CSV, where
 * --add-participant makes such a name a new person instead).  A name
 * taken as typed (that one, or any without a roster) is written as the
 * run first spelt it, folded (roster.h's align_strangers): "Zoe", then
 * "zoé", is Zoe twice. */
static int
roster_name(struct align_capture *c, const char *typed, int unknown,
    const char **name, struct align_err *e)
{
	struct align_resolved res;
	int rc;

	*name = typed;
	res.how = ALIGN_MATCH_ANY;
	if (c->roster && unknown)
		rc = align_roster_soft(c->roster, typed, c->o->add_people ?
		    ALIGN_ROSTER_ADD : 0, &res, e);
	else if (c->roster)
		rc = align_roster_resolve(c->roster, typed, c->o->add_people ?
		    ALIGN_ROSTER_ADD : 0, &res, e);
	else
		rc = 0;
	if (rc < 0)
		return -1;
	if (res.how != ALIGN_MATCH_ANY)
		*name = res.name;
	else if (align_strangers_name(&c->strangers, typed, name) < 0)
		return align_err_nomem(e);
	return 0;
}

int
align_capture_name(struct align_capture *c, const char *typed,
    const char **name, struct align_err *e)
{
	return roster_name(c, typed, 1, name, e);
}

/* A CSV row's name (survey.h's callback). */
static int
csv_name(void *arg, const char *typed, const char **name,
    struct align_err *e)
{
	return roster_name(arg, typed, 0, name, e);
}

/* A plain-text line's "Name:" (reader.h): as the roster spells it, else
 * as typed; refused when it is ambiguous or near a participant's name
 * without being it (a typo: the message names who it may be). */
static int
plain_name(void *arg, const char *typed, const char **name,
    struct align_err *e)
{
	return roster_name(arg, typed, 1, name, e);
}

static int
read_csv(struct align_capture *c, struct align_reader *r, struct sink *s,
    const char *path, const char *now, struct align_err *e)
{
	struct align_survey_opts so = c->o->survey;
	struct align_survey sv;
	struct align_view v = { .kind = ALIGN_KIND_OTHER };
	struct align_csv *csv = align_csv_open(path, e);
	struct align_node *rec;
	int rc;

	if (csv == NULL)
		return -1;
	if (c->session && align_view(&v, c->session, e) < 0) {
		align_view_release(&v);
		align_csv_close(csv);
		return -1;
	}
	if (v.kind == ALIGN_KIND_SESSION)
		so.session_question = v.u.session.question;
	so.now = now;
	so.key = c->o->read.key;
	so.resolve = csv_name;
	so.resolve_arg = c;
	rc = align_survey_begin(&sv, csv, &so, e);
	while (rc == 0 && (rc = align_survey_next(&sv, csv, &rec, e)) > 0) {
		int fresh = align_reader_claim(r, align_record_id(rec));

		rc = fresh < 0 ? align_err_nomem(e) : 0;
		if (fresh > 0 && (rc = check_new(rec, path, e)) == 0) {
			rc = sink_put(c, s, rec, e);
			c->added++;
		} else if (fresh == 0) {
			c->skipped++;
		}
		align_node_free(rec);
		if (rc < 0)
			break;
	}
	align_survey_release(&sv);
	align_view_release(&v);
	align_csv_close(csv);
	return rc < 0 ? -1 : 0;
}

static int
now_text(const struct align_capture *c, char *out, struct align_err *e)
{
	struct align_time t;

	if (align_now(c->o->now, &t, e) < 0)
		return -1;
	align_time_format(&t, out);
	return 0;
}

/* A batch that needs of the file's session only its roster (by_bytes())
 * holds no more of it once that is made: a session of a few hundred
 * thousand names is tens of megabytes as a tree of nodes. */
static void
forget_session(struct align_capture *c)
{
	if (!by_bytes(c))
		return;
	align_node_free(c->session);
	c->session = NULL;
	c->session_bytes = 1;
}

/* The file appended to, unlocked, as far as its session record (which
 * gives the question): enough before the input is read, as append_new()
 * reads it whole under the lock. */
static int
read_session(struct align_capture *c, struct align_err *e)
{
	struct align_reader *r;
	struct align_node *rec;
	char *p[1];
	int rc, first = 1, kept = 0;

	if (roster_by_bytes(c))
		return 0;
	p[0] = (char *)c->o->append;
	if ((r = align_reader_open(p, 1, NULL, e)) == NULL)
		return -1;
	while ((rc = align_reader_next(r, &rec, e)) > 0) {
		int session = strcmp(align_record_kind(rec), "session") == 0;

		if (align_reader_plain(r))
			rc = align_err_set(e, EX_DATAERR, c->o->append, 1, 1,
			    "expected a session stream, not plain text");
		else if (session && c->session == NULL && !rec->pooled) {
			c->session = rec;	/* kept, not copied */
			rec = NULL;
			kept = 1;
		} else
			rc = align_capture_keep(c, rec, e);
		align_node_free(rec);
		if (rc < 0 || session)
			break;
		first = 0;
	}
	align_reader_free(r);	/* its buffers gone before the roster */
	if (rc >= 0 && kept) {
		rc = keep_session(c, first, e);
		forget_session(c);
	}
	return rc < 0 ? -1 : 0;
}

/* The inputs of a batch into *all (NULL-ended, the caller frees it): the
 * file appended to first when a board shows its responses, then the
 * operands, else standard input.  The file appended to is read first,
 * unlocked: its session gives the question; for a board, its responses
 * come first, and those of the input it holds are left out.
 * append_new() reads it again under the lock, and leaves out what it
 * holds by then.  *there is set when the file is the first input. */
static int
batch_inputs(struct align_capture *c, char **paths, size_t n, char ***all,
    size_t *m, int *there, struct align_err *e)
{
	size_t i;
	int rc = 0;

	*m = 0;
	if ((*all = calloc(n + 2, sizeof(**all))) == NULL)
		return align_err_nomem(e);
	/* A FIFO or a directory is refused, never waited on. */
	if (c->o->append && (rc = align_file_check(c->o->append, e)) < 0)
		return -1;
	*there = c->o->append && rc > 0 && c->o->collect;
	if (c->o->append && rc > 0 && !c->o->collect &&
	    read_session(c, e) < 0)
		return -1;
	if (*there)
		(*all)[(*m)++] = (char *)c->o->append;
	for (i = 0; i < n; i++)
		(*all)[(*m)++] = paths[i];
	if (n == 0 && c->o->ncsv == 0)
		(*all)[(*m)++] = "-";
	return 0;
}

/* Every record of r into the sink s, the appended file's (the first
 * input, when there is set) kept for the board; then the CSV files.
 * 0, or -1 and e. */
static int
batch_read(struct align_capture *c, struct align_reader *r, struct sink *s,
    int there, const char *now, struct align_err *e)
{
	struct align_node *rec;
	size_t i;
	int rc = 0;

	while (rc == 0 && (rc = align_reader_next(r, &rec, e)) > 0) {
		if (there && align_reader_index(r) == 0) {
			if (align_reader_plain(r))
				rc = align_err_set(e, EX_DATAERR,
				    c->o->append, 1, 1, "expected a session "
				    "stream, not plain text");
			else
				rc = align_capture_keep(c, rec, e);
		} else {
			rc = put_input(c, r, s, rec, e);
		}
		align_node_free(rec);
		if (rc > 0)
			rc = 0;
	}
	for (i = 0; rc == 0 && i < c->o->ncsv; i++)
		rc = read_csv(c, r, s, c->o->csv[i], now, e);
	return rc;
}

int
align_capture_batch(struct align_capture *c, char **paths, size_t n,
    struct align_err *e)
{
	struct align_read_opts ro = c->o->read;
	struct align_reader *r;
	struct sink s;
	char now[40], **all = NULL;
	size_t m;
	int rc, there = 0;

	if (now_text(c, now, e) < 0)
		return -1;
	c->batch = 1;	/* no prompt: speakers only for a key */
	ro.at = now;
	ro.resolve = plain_name;
	ro.resolve_arg = c;
	if (batch_inputs(c, paths, n, &all, &m, &there, e) < 0 ||
	    sink_open(c, &s, e) < 0) {
		free(all);
		return -1;
	}
	r = align_reader_open(all, m, &ro, e);
	rc = r ? batch_read(c, r, &s, there, now, e) : -1;
	align_reader_free(r);
	free(all);
	if (sink_close(c, &s, rc < 0, e) < 0)
		return -1;
	return 0;
}
