/*
 * roster_cache.c - a session's roster kept in a file (roster.h), named by
 * the fingerprint of what it was made of, so that a roster of a few
 * hundred thousand people is read, not made again, by every append.
 *
 * The file (host byte order; another machine's is foreign, a miss):
 * ten 64-bit words, a magic number, ROSTER_FORMAT, the fingerprint of
 * the roster's source (align_roster_source(): the participants, those of
 * odd shape, the aliases, the version of utf8proc), the counts of people,
 * exact keys and folded keys, the bytes of the strings, a check of the
 * strings, a check of the tables and a hash of the words before; then the
 * strings, each NUL-terminated (padded to 4 bytes), then for each person
 * four 32-bit offsets (entry, name, address or none, folded name), then
 * each key as offset, person and kind, exact then folded, in their order.
 * Written to a temporary file renamed over, so it is whole or the one
 * before; anything that does not check is a miss, and the roster is made
 * from the session as without a cache.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <utf8proc.h>

#include "buf.h"
#include "file.h"
#include "hash.h"
#include "idindex.h"
#include "roster.h"
#include "roster_int.h"

#define MAGIC 0x414c49474e524f53ULL	/* "ALIGNROS" */
#define NONE UINT32_MAX

enum { W_MAGIC, W_FORMAT, W_FPA, W_FPB, W_SPAN, W_SPA, W_SPB, W_PEOPLE,
	W_EXACT, W_FOLDED, W_BYTES, W_STRINGS, W_TABLES, W_HDR, NWORDS };

static const unsigned char hkey[16] = "align-roster-ca";

/* The bytes of the tables after the strings. */
static size_t
tables_size(const uint64_t *w)
{
	return (size_t)w[W_PEOPLE] * 16 + (size_t)(w[W_EXACT] +
	    w[W_FOLDED]) * 12;
}

/* --- Writing --------------------------------------------------------- */

struct out {
	struct align_buf str;	/* the strings */
	uint32_t *t;		/* the tables */
	size_t nt;
};

/* The offset of s, written now: NONE when it does not fit. */
static uint32_t
put_str(struct out *o, const char *s)
{
	size_t at = o->str.len;

	align_buf_add(&o->str, s, strlen(s) + 1);
	return at < NONE ? (uint32_t)at : NONE;
}

/* The offset of key s of person p: one of p's strings, else its own. */
static uint32_t
key_str(struct out *o, const struct align_roster *r, const struct key *k)
{
	const struct person *p = &r->p[k->person];
	const uint32_t *po = o->t + 4 * (size_t)k->person;

	if (k->s == p->entry)
		return po[0];
	if (k->s == p->name)
		return po[1];
	if (k->s == p->email)
		return po[2];
	if (k->s == p->folded)
		return po[3];
	return put_str(o, k->s);
}

static void
put_keys(struct out *o, const struct align_roster *r, const struct keys *ks)
{
	size_t i;

	for (i = 0; i < ks->n; i++) {
		o->t[o->nt++] = key_str(o, r, &ks->v[i]);
		o->t[o->nt++] = ks->v[i].person;
		o->t[o->nt++] = ks->v[i].kind;
	}
}

/* The strings and tables of r into o: 0, or -1 (out of memory, or too
 * large for 32-bit offsets). */
static int
serialise(struct out *o, const struct align_roster *r)
{
	size_t i, n = 4 * r->n + 3 * (r->exact.n + r->folded.n);

	if ((o->t = malloc((n ? n : 1) * sizeof(*o->t))) == NULL)
		return -1;
	for (i = 0; i < r->n; i++) {
		const struct person *p = &r->p[i];
		uint32_t *po = o->t + 4 * i;

		po[0] = put_str(o, p->entry);
		po[1] = p->name == p->entry ? po[0] : put_str(o, p->name);
		po[2] = p->email ? put_str(o, p->email) : NONE;
		po[3] = put_str(o, p->folded);
	}
	o->nt = 4 * r->n;
	put_keys(o, r, &r->exact);
	put_keys(o, r, &r->folded);
	while (o->str.len % 4)
		align_buf_putc(&o->str, '\0');
	return o->str.failed || o->str.len >= NONE ? -1 : 0;
}

int
align_roster_cache_save(const struct align_roster *r, const char *file,
    uint64_t fpa, uint64_t fpb, const struct align_roster_span *span)
{
	struct out o = { .str = ALIGN_BUF_INIT };
	uint64_t w[NWORDS];
	int rc = -1;

	if (file && serialise(&o, r) == 0) {
		w[W_MAGIC] = MAGIC;
		w[W_FORMAT] = ROSTER_FORMAT;
		w[W_FPA] = fpa;
		w[W_FPB] = fpb;
		w[W_SPAN] = span ? (uint64_t)span->len : 0;
		w[W_SPA] = span ? span->a : 0;
		w[W_SPB] = span ? span->b : 0;
		w[W_PEOPLE] = r->n;
		w[W_EXACT] = r->exact.n;
		w[W_FOLDED] = r->folded.n;
		w[W_BYTES] = o.str.len;
		w[W_STRINGS] = align_check64(o.str.p, o.str.len);
		w[W_TABLES] = align_check64(o.t, o.nt * 4);
		w[W_HDR] = align_siphash(hkey, w, W_HDR * 8);
		rc = align_cache_write(file, (struct align_cache_part[]){
		    { w, sizeof(w) }, { o.str.p, o.str.len },
		    { o.t, o.nt * 4 } }, 3);
	}
	align_buf_release(&o.str);
	free(o.t);
	return rc;
}

/* --- Reading --------------------------------------------------------- */

/* A space, a tab or a line's end (never the NUL strchr() would find). */
static int
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static int
read_all(int fd, void *p, size_t n)
{
	char *s = p;

	while (n > 0) {
		ssize_t k = read(fd, s, n);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0)
			return -1;
		s += k;
		n -= (size_t)k;
	}
	return 0;
}

/* The header of the cache open as fd, checked against its size: 0, or
 * -1. */
static int
read_header(int fd, uint64_t *w)
{
	struct stat st;

	if (fstat(fd, &st) < 0 || st.st_size < (off_t)(NWORDS * 8) ||
	    read_all(fd, w, NWORDS * 8) < 0)
		return -1;
	if (w[W_MAGIC] != MAGIC || w[W_FORMAT] != ROSTER_FORMAT ||
	    w[W_HDR] != align_siphash(hkey, w, W_HDR * 8) ||
	    w[W_PEOPLE] > ROSTER_MAX || w[W_EXACT] > 4 * ROSTER_MAX ||
	    w[W_FOLDED] > 4 * ROSTER_MAX || w[W_BYTES] >= NONE ||
	    w[W_BYTES] % 4 != 0 || (w[W_BYTES] > 0 && w[W_PEOPLE] == 0))
		return -1;
	return (uint64_t)st.st_size == NWORDS * 8 + w[W_BYTES] +
	    tables_size(w) ? 0 : -1;
}

/* The string at offset off of the strings s (of n bytes, the last a NUL),
 * or NULL when off is not one. */
static const char *
str_at(const char *s, size_t n, uint32_t off)
{
	return off < n ? s + off : NULL;
}

/* The keys of table t (of n) into ks: 0, or -1. */
static int
get_keys(struct keys *ks, const uint32_t *t, size_t n, const char *s,
    size_t bytes, size_t people)
{
	size_t i;

	if ((ks->v = malloc((n ? n : 1) * sizeof(*ks->v))) == NULL)
		return -1;
	ks->cap = n ? n : 1;
	for (i = 0; i < n; i++, t += 3) {
		if ((ks->v[i].s = str_at(s, bytes, t[0])) == NULL ||
		    t[1] >= people || t[2] > K_ALIAS)
			return -1;
		ks->v[i].person = t[1];
		ks->v[i].kind = t[2];
	}
	ks->n = n;
	return 0;
}

/* The people and keys of the tables t into r, their strings s: 0, or
 * -1 when one does not check. */
static int
unserialise(struct align_roster *r, const uint64_t *w, const uint32_t *t,
    const char *s)
{
	size_t i, n = (size_t)w[W_PEOPLE], bytes = (size_t)w[W_BYTES];

	if (bytes > 0 && s[bytes - 1] != '\0')
		return -1;
	if ((r->p = malloc((n ? n : 1) * sizeof(*r->p))) == NULL)
		return -1;
	r->cap = n ? n : 1;
	for (i = 0; i < n; i++, t += 4) {
		struct person *p = &r->p[i];

		if ((p->entry = str_at(s, bytes, t[0])) == NULL ||
		    (p->name = str_at(s, bytes, t[1])) == NULL ||
		    (t[2] != NONE && (p->email = str_at(s, bytes,
		    t[2])) == NULL) || (p->folded = str_at(s, bytes,
		    t[3])) == NULL)
			return -1;
		if (t[2] == NONE)
			p->email = NULL;
	}
	r->n = n;
	if (get_keys(&r->exact, t, (size_t)w[W_EXACT], s, bytes, n) < 0)
		return -1;
	t += 3 * (size_t)w[W_EXACT];
	return get_keys(&r->folded, t, (size_t)w[W_FOLDED], s, bytes, n);
}

/* The roster of the cache open as fd, its header w read: 0, or -1 (a
 * miss). */
static int
load_fd(struct align_roster *r, int fd, const uint64_t *w)
{
	uint32_t *t = NULL;
	size_t tn;
	int rc = -1;

	tn = tables_size(w);
	if ((r->block = malloc(w[W_BYTES] ? (size_t)w[W_BYTES] : 1)) == NULL ||
	    (t = malloc(tn ? tn : 1)) == NULL)
		goto out;
	if (read_all(fd, r->block, (size_t)w[W_BYTES]) < 0 ||
	    read_all(fd, t, tn) < 0 ||
	    align_check64(r->block, (size_t)w[W_BYTES]) != w[W_STRINGS] ||
	    align_check64(t, tn) != w[W_TABLES])
		goto out;
	rc = unserialise(r, w, t, r->block);
out:
	free(t);
	return rc;
}

/* The roster of the cache file, when fits says its header does (fpa and
 * fpb the source's fingerprint; or the session file fd, of the bytes the
 * header describes): NULL when not. */
static struct align_roster *
load(const char *file, int (*fits)(const uint64_t *, const void *),
    const void *arg)
{
	struct align_roster *r;
	uint64_t w[NWORDS];
	int fd, rc = -1;

	if (file == NULL || (fd = open(file, O_RDONLY | O_CLOEXEC)) < 0)
		return NULL;
	if (read_header(fd, w) < 0 || !fits(w, arg) ||
	    (r = align_roster_new()) == NULL) {
		close(fd);
		return NULL;
	}
	rc = load_fd(r, fd, w);
	close(fd);
	if (rc < 0) {
		align_roster_free(r);
		return NULL;
	}
	return r;
}

static int
same_source(const uint64_t *w, const void *arg)
{
	const uint64_t *fp = arg;

	return w[W_FPA] == fp[0] && w[W_FPB] == fp[1];
}

struct align_roster *
align_roster_cache_load(const char *file, uint64_t fpa, uint64_t fpb)
{
	uint64_t fp[2] = { fpa, fpb };

	return load(file, same_source, fp);
}

/* Do the first span bytes of the session file fd, and the record mark
 * after them, fit the header's?  1 or 0. */
static int
same_bytes(const uint64_t *w, const void *arg)
{
	struct align_roster_span now;
	struct stat st;
	const int *fd = arg;
	char *b, mark[4];
	long long len = (long long)w[W_SPAN];
	int fits;

	if (len <= 0 || fstat(*fd, &st) < 0 || st.st_size < len ||
	    (b = malloc((size_t)len)) == NULL)
		return 0;
	fits = pread(*fd, b, (size_t)len, 0) == (ssize_t)len &&
	    (st.st_size == len || (pread(*fd, mark, 4, (off_t)len) == 4 &&
	    memcmp(mark, "---", 3) == 0 && blank(mark[3])));
	if (fits) {
		align_roster_span_hash(b, (size_t)len, &now);
		fits = now.a == w[W_SPA] && now.b == w[W_SPB];
	}
	free(b);
	return fits;
}

struct align_roster *
align_roster_cache_by_bytes(const char *file, int fd)
{
	return load(file, same_bytes, &fd);
}

void
align_roster_span_hash(const char *b, size_t n, struct align_roster_span *s)
{
	struct align_buf t = ALIGN_BUF_INIT;

	s->len = (long long)n;
	/* The version of the rules and of the folding count: another makes
	 * another roster of the same bytes. */
	align_buf_printf(&t, "align-roster %d utf8proc %s", ROSTER_FORMAT,
	    utf8proc_version());
	align_fingerprint(b, n, &s->a, &s->b);
	if (!t.failed) {
		s->a ^= align_siphash(hkey, t.p, t.len);
		s->b ^= align_siphash(hkey, t.p, t.len) * 3;
	}
	align_buf_release(&t);
}

/* Where the first record ends in the n bytes of b, searched from from:
 * at the next line that begins one ("---" and a space or the line's end),
 * 0 when it ends with "..." instead, (size_t)-1 when not yet seen. */
static size_t
first_end(const char *b, size_t n, size_t from)
{
	size_t i;

	for (i = from; i + 5 <= n; i++)
		if (b[i] == '\n' && (memcmp(b + i + 1, "---", 3) == 0 ||
		    memcmp(b + i + 1, "...", 3) == 0) && blank(b[i + 4]))
			return b[i + 1] == '-' ? i + 1 : 0;
	return (size_t)-1;
}

int
align_roster_span_of(int fd, struct align_roster_span *s)
{
	struct align_buf b = ALIGN_BUF_INIT;
	char chunk[65536];
	size_t end = (size_t)-1, from = 3;
	ssize_t k;
	off_t at = 0;

	s->len = 0;
	while (end == (size_t)-1 && (k = pread(fd, chunk, sizeof(chunk),
	    at)) > 0) {
		align_buf_add(&b, chunk, (size_t)k);
		at += k;
		if (b.failed || b.len < 4 || memcmp(b.p, "---", 3) != 0 ||
		    !blank(b.p[3]))
			break;
		end = first_end(b.p, b.len, from);
		from = b.len - 4;
	}
	if (end == (size_t)-1 && !b.failed && b.len >= 4 && k == 0 &&
	    memcmp(b.p, "---", 3) == 0)
		end = b.len;		/* the record is all of it */
	if (end != (size_t)-1 && end > 0)
		align_roster_span_hash(b.p, end, s);
	align_buf_release(&b);
	return s->len > 0 ? 0 : -1;
}

/* --- The session's roster, through the cache ------------------------- */

/* The roster of session, through the cache file; *take (when not NULL:
 * the session itself) freed once the roster is made, before the cache is
 * written. */
static int
from_session(struct align_roster **rp, const struct align_node *session,
    struct align_node **take, const char *file,
    const struct align_roster_span *span, enum align_roster_how *how,
    struct align_err *e)
{
	struct align_buf src = ALIGN_BUF_INIT;
	uint64_t fpa, fpb;
	long n = 0;

	*how = ALIGN_ROSTER_MADE;
	if (file && session)
		n = align_roster_source(session, &src);
	if (n < ALIGN_ROSTER_CACHE_MIN) {	/* small, or out of memory */
		align_buf_release(&src);
		return align_roster_from_session(rp, session, e);
	}
	align_fingerprint(src.p, src.len, &fpa, &fpb);
	align_buf_release(&src);
	if ((*rp = align_roster_cache_load(file, fpa, fpb)) != NULL) {
		*how = ALIGN_ROSTER_CACHED;
		/* The same people, but not the same bytes (a title changed):
		 * noted, for the next reading by bytes. */
		if (span)
			(void)align_roster_cache_save(*rp, file, fpa, fpb, span);
		return 0;
	}
	if (align_roster_from_session(rp, session, e) < 0)
		return -1;
	if (take) {
		align_node_free(*take);
		*take = NULL;
	}
	if (align_roster_cache_save(*rp, file, fpa, fpb, span) == 0)
		*how = ALIGN_ROSTER_SAVED;
	return 0;
}

int
align_roster_from_session_cached(struct align_roster **rp,
    const struct align_node *session, const char *file,
    const struct align_roster_span *span, enum align_roster_how *how,
    struct align_err *e)
{
	return from_session(rp, session, NULL, file, span, how, e);
}

int
align_roster_from_session_taken(struct align_roster **rp,
    struct align_node **session, const char *file,
    const struct align_roster_span *span, enum align_roster_how *how,
    struct align_err *e)
{
	int rc = from_session(rp, *session, session, file, span, how, e);

	align_node_free(*session);	/* when it was not freed before */
	*session = NULL;
	return rc;
}

char *
align_roster_cache_file(const char *path)
{
	char *real = realpath(path, NULL), *ids;
	struct align_buf b = ALIGN_BUF_INIT;

	if (real == NULL)
		return NULL;
	ids = align_idindex_file(real);
	free(real);
	if (ids == NULL)
		return NULL;
	align_buf_printf(&b, "%s.roster", ids);
	free(ids);
	if (b.failed) {
		align_buf_release(&b);
		return NULL;
	}
	return b.p;
}
