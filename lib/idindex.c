/*
 * idindex.c - the ids of a session file, from a cache it validates
 * (idindex.h), else from a parse of the file.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "file.h"
#include "grow.h"
#include "idindex.h"
#include "reader.h"
#include "record.h"
#include "roster.h"

#define MAGIC 0x414c49474e494458ULL	/* "ALIGNIDX" */
#define SPAN 4096			/* the bytes hashed at each end */

enum { W_MAGIC, W_VERSION, W_DEV, W_INO, W_END, W_SEC, W_NSEC, W_HEAD,
	W_TAIL, W_COUNT, W_BODY, W_RUNS, W_NRUN, W_CHAIN, W_HDR, NWORDS };

#define FP sizeof(struct align_fp)
/* The most ids the runs hold beside n sorted ones: each load sorts them,
 * so they are kept to an eighth (the index written whole when they would
 * outgrow it: once each time an eighth is added). */
#define RUNS_MAX(n) ((n) / 8 > 4 ? (n) / 8 : 4)

static const unsigned char hkey[16] = "align-idindex-k";

static int
fp_cmp(const void *pa, const void *pb)
{
	const struct align_fp *a = pa, *b = pb;

	if (a->a != b->a)
		return a->a < b->a ? -1 : 1;
	return a->b < b->b ? -1 : a->b > b->b;
}

static int
in_sorted(const struct align_fp *v, size_t n, const struct align_fp *f)
{
	return n && bsearch(f, v, n, sizeof(*f), fp_cmp) != NULL;
}

/* In the index (its sorted ids, its runs), or read from its tail. */
static int
in_index(const struct align_idindex *x, const struct align_fp *f)
{
	return in_sorted(x->base, x->nbase, f) ||
	    in_sorted(x->run, x->nrun, f);
}

static int
push(struct align_idindex *x, const struct align_fp *f)
{
	if (ALIGN_GROW(x->add, x->nadd + 1, x->cap) < 0)
		return -1;
	x->add[x->nadd++] = *f;
	return 1;
}

int
align_idindex_add(struct align_idindex *x, const char *id)
{
	struct align_fp f;
	int fresh;

	align_fingerprint(id, strlen(id), &f.a, &f.b);
	if (in_index(x, &f))
		return 0;
	if ((fresh = align_set_add_fp(&x->extra, f.a, f.b)) <= 0)
		return fresh;
	return push(x, &f);
}

int
align_idindex_add_new(struct align_idindex *x, const char *id)
{
	struct align_fp f;

	align_fingerprint(id, strlen(id), &f.a, &f.b);
	if (in_index(x, &f) || align_set_has_fp(&x->extra, f.a, f.b))
		return 0;
	return push(x, &f);
}

int
align_idindex_reserve(struct align_idindex *x, size_t n)
{
	return n > SIZE_MAX / FP - x->nadd ? -1 :
	    ALIGN_GROW(x->add, x->nadd + n, x->cap);
}

/* A look: the ids added without the set are looked for one by one. */
int
align_idindex_has(const struct align_idindex *x, const char *id)
{
	struct align_fp f;
	size_t i;

	align_fingerprint(id, strlen(id), &f.a, &f.b);
	if (in_index(x, &f) || align_set_has_fp(&x->extra, f.a, f.b))
		return 1;
	for (i = 0; i < x->nadd; i++)
		if (fp_cmp(&x->add[i], &f) == 0)
			return 1;
	return 0;
}

char *
align_idindex_file(const char *path)
{
	static const unsigned char zero[16];
	const char *xdg = getenv("XDG_CACHE_HOME"), *home = getenv("HOME");
	struct align_buf b = ALIGN_BUF_INIT;

	if (xdg && xdg[0] == '/')
		align_buf_puts(&b, xdg);
	else if (home && home[0] == '/')
		align_buf_printf(&b, "%s/.cache", home);
	else
		return NULL;
	align_buf_printf(&b, "/align/ids/%016llx", (unsigned long long)
	    align_siphash(zero, path, strlen(path)));
	if (b.failed) {
		align_buf_release(&b);
		return NULL;
	}
	return b.p;
}

/* The hash of the n bytes of fd at off: 0 and *h, or -1. */
static int
hash_at(int fd, long long off, size_t n, uint64_t *h)
{
	char chunk[SPAN];
	ssize_t k;

	do
		k = pread(fd, chunk, n, (off_t)off);
	while (k < 0 && errno == EINTR);
	if (k < 0 || (size_t)k != n)
		return -1;
	*h = align_siphash(hkey, chunk, n);
	return 0;
}

/* The hashes of the first and the last SPAN bytes of fd's first end. */
static int
hash_ends(int fd, long long end, uint64_t *head, uint64_t *tail)
{
	size_t n = end < SPAN ? (size_t)end : SPAN;

	if (hash_at(fd, 0, n, head) < 0)
		return -1;
	return hash_at(fd, end - (long long)n, n, tail);
}

/* The chained check of the runs after one of n ids checked sum. */
static uint64_t
chain(uint64_t before, uint64_t n, uint64_t sum)
{
	uint64_t v[3] = { before, n, sum };

	return align_siphash(hkey, v, sizeof(v));
}

/* The runs of the index, the body bytes after its sorted ids at p (n
 * bytes), checked against the words w; their ids into x->run, sorted.
 * 0, or -1. */
static int
runs_read(struct align_idindex *x, const char *p, size_t n, const uint64_t *w)
{
	uint64_t hdr[2], c = 0, runs = 0, ids = 0;
	size_t at = 0;

	if (w[W_NRUN] > n / FP || w[W_RUNS] > n / (2 * 8))
		return -1;
	if ((x->run = malloc((w[W_NRUN] ? (size_t)w[W_NRUN] : 1) * FP)) ==
	    NULL)
		return -1;
	while (at < n) {
		if (n - at < sizeof(hdr))
			return -1;
		memcpy(hdr, p + at, sizeof(hdr));
		at += sizeof(hdr);
		if (hdr[0] > (n - at) / FP || hdr[0] > w[W_NRUN] - ids ||
		    align_check64(p + at, (size_t)hdr[0] * FP) != hdr[1])
			return -1;
		memcpy(x->run + ids, p + at, (size_t)hdr[0] * FP);
		at += (size_t)hdr[0] * FP;
		ids += hdr[0];
		c = chain(c, hdr[0], hdr[1]);
		runs++;
	}
	if (runs != w[W_RUNS] || ids != w[W_NRUN] || c != w[W_CHAIN])
		return -1;
	x->nrun = (size_t)ids;
	x->runs = runs;
	x->chain = c;
	if (x->nrun)
		qsort(x->run, x->nrun, FP, fp_cmp);
	return 0;
}

/* The index file of path, read whole and checked: its words in w and its
 * ids in x (x->mem, x->run); 0, or -1 when there is none that reads. */
static int
index_read(struct align_idindex *x, const char *file, uint64_t *w)
{
	struct stat st;
	size_t n, body, sorted;
	char *mem;
	int fd = file ? open(file, O_RDONLY | O_CLOEXEC) : -1;

	if (fd < 0)
		return -1;
	if (fstat(fd, &st) < 0 || st.st_size < (off_t)(NWORDS * 8) ||
	    (mem = malloc((size_t)st.st_size)) == NULL) {
		close(fd);
		return -1;
	}
	n = (size_t)st.st_size;
	if (read(fd, mem, n) != (ssize_t)n) {
		free(mem);
		close(fd);
		return -1;
	}
	close(fd);
	memcpy(w, mem, NWORDS * 8);
	body = n - NWORDS * 8;
	sorted = w[W_COUNT] <= body / FP ? (size_t)w[W_COUNT] * FP : 0;
	if (w[W_MAGIC] != MAGIC || w[W_VERSION] != ALIGN_IDINDEX_VERSION ||
	    w[W_HDR] != align_siphash(hkey, w, W_HDR * 8) ||
	    w[W_COUNT] > body / FP ||
	    w[W_BODY] != align_check64(mem + NWORDS * 8, sorted) ||
	    runs_read(x, mem + NWORDS * 8 + sorted, body - sorted, w) < 0) {
		free(x->run);
		x->run = NULL;
		free(mem);
		return -1;
	}
	x->mem = mem;
	x->base = (const struct align_fp *)(void *)(mem + NWORDS * 8);
	x->nbase = (size_t)w[W_COUNT];
	x->sum = w[W_BODY];
	x->size = (long long)n;
	return 0;
}

/* Does the index's description w fit the file fd of size bytes?  1 as
 * it is, 2 when records were appended after it, 0 not. */
static int
index_fits(const uint64_t *w, int fd, long long size)
{
	struct stat st;
	uint64_t head, tail;
	long long end = (long long)w[W_END];
	char start[4];

	if (fstat(fd, &st) < 0 || w[W_DEV] != (uint64_t)st.st_dev ||
	    w[W_INO] != (uint64_t)st.st_ino || end <= 0 || end > size ||
	    hash_ends(fd, end, &head, &tail) < 0 || head != w[W_HEAD] ||
	    tail != w[W_TAIL])
		return 0;
	if (end == size)
		return st.st_size == size &&
		    w[W_SEC] == (uint64_t)st.st_mtim.tv_sec &&
		    w[W_NSEC] == (uint64_t)st.st_mtim.tv_nsec;
	if (pread(fd, start, 4, (off_t)end) != 4 || memcmp(start, "---", 3) ||
	    !strchr(" \t\r\n", start[3]))
		return 0;
	return 2;
}

/* The ids of the records of name from byte from on (0: all of it), added
 * to x: as new ones (the reader keeps the first of the same id), to be
 * sorted into base; or, for a tail, looked up by align_idindex_add_new()
 * as those of the index are (the set).  0, or -1 and e. */
static int
read_ids(struct align_idindex *x, const char *name, long long from,
    int tail, struct align_err *e)
{
	struct align_read_opts o = { .from = from };
	struct align_reader *r;
	struct align_node *rec;
	char *paths[1];
	int rc;

	paths[0] = (char *)name;
	if ((r = align_reader_open(paths, 1, &o, e)) == NULL)
		return -1;
	while ((rc = align_reader_next(r, &rec, e)) > 0) {
		const char *id = align_record_id(rec);

		rc = align_reader_plain(r) ? align_err_set(e, EX_DATAERR,
		    name, 1, 1, "expected a session stream, not plain text") :
		    id && (tail ? align_idindex_add(x, id) :
		    align_idindex_add_new(x, id)) < 0 ? align_err_nomem(e) : 0;
		align_node_free(rec);
		if (rc < 0)
			break;
	}
	align_reader_free(r);
	return rc < 0 ? -1 : 0;
}

/* Forget every id. */
static void
forget(struct align_idindex *x)
{
	free(x->mem);
	free(x->run);
	free(x->add);
	align_set_release(&x->extra);
	x->mem = NULL;
	x->base = NULL;
	x->run = x->add = NULL;
	x->nbase = x->nrun = x->nadd = x->cap = 0;
	x->runs = x->chain = x->sum = 0;
	x->size = 0;
}

/* Does the file fd begin with the bytes of first, a record's "---" or
 * the end after them?  1 or 0. */
static int
begins_with(int fd, const struct align_idindex_first *first)
{
	struct align_roster_span now;
	struct stat st;
	char *b, mark[4];
	int fits;

	if (first == NULL || first->len <= 0 || fstat(fd, &st) < 0 ||
	    st.st_size < first->len || (b = malloc((size_t)first->len)) ==
	    NULL)
		return 0;
	fits = pread(fd, b, (size_t)first->len, 0) == (ssize_t)first->len &&
	    (st.st_size == first->len || (pread(fd, mark, 4,
	    (off_t)first->len) == 4 && memcmp(mark, "---", 3) == 0 &&
	    strchr(" \t\r\n", mark[3])));
	if (fits) {
		align_roster_span_hash(b, (size_t)first->len, &now);
		fits = now.a == first->a && now.b == first->b;
	}
	free(b);
	return fits;
}

/* The parse: every id of the file (those after its first record alone
 * when the caller read that, first), then sorted into base. */
static int
parse_all(struct align_idindex *x, const char *name, int fd,
    long long size, const struct align_idindex_first *first,
    struct align_err *e)
{
	struct align_err te = ALIGN_ERR_INIT;
	long long from = 0;

	if (begins_with(fd, first)) {
		if (first->id && align_idindex_add_new(x, first->id) < 0)
			return align_err_nomem(e);
		from = first->len;
	}
	if (from > 0 && from < size && read_ids(x, name, from, 0, &te) < 0) {
		if (te.status == ALIGN_EX_NOMEM) {
			*e = te;
			return -1;
		}
		forget(x);	/* read again whole, for the error's place */
		from = 0;
	}
	x->how = ALIGN_IDX_PARSED;
	if (from == 0 && read_ids(x, name, 0, 0, e) < 0)
		return -1;
	align_set_release(&x->extra);
	if (x->nadd)
		qsort(x->add, x->nadd, sizeof(*x->add), fp_cmp);
	x->mem = x->add;
	x->base = x->add;
	x->nbase = x->nadd;
	x->add = NULL;
	x->nadd = x->cap = 0;
	return 0;
}

int
align_idindex_load(struct align_idindex *x, const char *name,
    const char *path, int fd, long long size, struct align_err *e)
{
	return align_idindex_load_first(x, name, path, fd, size, NULL, e);
}

int
align_idindex_load_first(struct align_idindex *x, const char *name,
    const char *path, int fd, long long size,
    const struct align_idindex_first *first, struct align_err *e)
{
	struct align_err te = ALIGN_ERR_INIT;
	uint64_t w[NWORDS];
	char *file;
	int fits = 0;

	memset(x, 0, sizeof(*x));
	if (size <= 0)
		return 0;
	file = align_idindex_file(path);
	if (index_read(x, file, w) == 0 &&
	    (fits = index_fits(w, fd, size)) == 0)
		forget(x);
	free(file);
	if (fits == 1) {
		x->how = ALIGN_IDX_FIT;
		return 0;
	}
	if (fits == 2) {
		x->how = ALIGN_IDX_TAIL;
		if (read_ids(x, name, (long long)w[W_END], 1, &te) == 0)
			return 0;
		if (te.status == ALIGN_EX_NOMEM) {
			*e = te;
			return -1;
		}
		forget(x);	/* a tail that does not read alone */
	}
	return parse_all(x, name, fd, size, first, e);
}

/* base, the runs and add merged, sorted, into a new array of *n. */
static struct align_fp *
merged(struct align_idindex *x, size_t *n)
{
	struct align_fp *v, *w;
	size_t i = 0, j = 0, k = 0, m;

	m = x->nbase + x->nrun;
	*n = m + x->nadd;
	if ((v = malloc((*n ? *n : 1) * sizeof(*v))) == NULL)
		return NULL;
	while (i < x->nbase || j < x->nrun)	/* base and runs into v */
		if (j == x->nrun || (i < x->nbase &&
		    fp_cmp(&x->base[i], &x->run[j]) < 0))
			v[k++] = x->base[i++];
		else
			v[k++] = x->run[j++];
	if (x->nadd == 0)
		return v;
	qsort(x->add, x->nadd, sizeof(*x->add), fp_cmp);
	/* v's first m and add, merged from the end into v. */
	w = v;
	i = m;
	j = x->nadd;
	k = *n;
	while (j > 0)
		if (i > 0 && fp_cmp(&w[i - 1], &x->add[j - 1]) > 0)
			v[--k] = w[--i];
		else
			v[--k] = x->add[--j];
	return v;
}

/* Make the directories of file, as mkdir -p would (those there stay). */
static void
make_dirs(char *file)
{
	char *s;

	for (s = file + 1; (s = strchr(s, '/')) != NULL; s++) {
		*s = '\0';
		(void)mkdir(file, 0700);
		*s = '/';
	}
}

/* The n parts to file through a temporary file renamed over it. */
static int
write_parts(const char *file, const struct align_cache_part *part, size_t n)
{
	struct align_buf tmp = ALIGN_BUF_INIT;
	int fd, rc = 0;
	size_t i;

	align_buf_printf(&tmp, "%s.XXXXXX", file);
	if (tmp.failed || (fd = mkstemp(tmp.p)) < 0) {
		align_buf_release(&tmp);
		return -1;
	}
	for (i = 0; i < n && rc == 0; i++)
		rc = align_write_all(fd, part[i].p, part[i].len) < 0;
	rc |= close(fd) < 0;
	if (rc || rename(tmp.p, file) < 0) {
		unlink(tmp.p);
		rc = 1;
	}
	align_buf_release(&tmp);
	return rc ? -1 : 0;
}

int
align_cache_write(const char *file, const struct align_cache_part *part,
    size_t n)
{
	char *dirs;

	if (write_parts(file, part, n) == 0)
		return 0;
	if ((dirs = strdup(file)) == NULL)
		return -1;
	make_dirs(dirs);
	free(dirs);
	return write_parts(file, part, n);
}

/* The words of the index of the file as st and w (its hashes) describe
 * it, for nbase sorted ids of check sum and the runs after them. */
static void
words(uint64_t *w, const struct stat *st, size_t nbase, uint64_t sum,
    uint64_t runs, uint64_t nrun, uint64_t c)
{
	w[W_MAGIC] = MAGIC;
	w[W_VERSION] = ALIGN_IDINDEX_VERSION;
	w[W_DEV] = (uint64_t)st->st_dev;
	w[W_INO] = (uint64_t)st->st_ino;
	w[W_END] = (uint64_t)st->st_size;
	w[W_SEC] = (uint64_t)st->st_mtim.tv_sec;
	w[W_NSEC] = (uint64_t)st->st_mtim.tv_nsec;
	w[W_COUNT] = nbase;
	w[W_BODY] = sum;
	w[W_RUNS] = runs;
	w[W_NRUN] = nrun;
	w[W_CHAIN] = c;
	w[W_HDR] = align_siphash(hkey, w, W_HDR * 8);
}

/* The ids added as a run at the end of the index file read (x->size
 * bytes, as it still is), and the words in place: 0, or -1 when the index
 * is to be written whole (the runs would outgrow RUNS_MAX(), there
 * was none that fit, or a write failed: a run written without its words
 * makes an index of another size than they say, not believed). */
static int
append_run(struct align_idindex *x, const char *file, uint64_t *w,
    const struct stat *st)
{
	uint64_t hdr[2];
	struct stat ist;
	int fd, rc = -1;

	if (x->size <= 0 || x->nrun + x->nadd > RUNS_MAX(x->nbase) ||
	    (fd = open(file, O_WRONLY | O_CLOEXEC)) < 0)
		return -1;
	hdr[0] = x->nadd;
	hdr[1] = align_check64(x->add, x->nadd * FP);
	if (fstat(fd, &ist) == 0 && ist.st_size == (off_t)x->size &&
	    pwrite(fd, hdr, sizeof(hdr), (off_t)x->size) ==
	    (ssize_t)sizeof(hdr) && (x->nadd == 0 || pwrite(fd, x->add,
	    x->nadd * FP, (off_t)x->size + (off_t)sizeof(hdr)) ==
	    (ssize_t)(x->nadd * FP))) {
		words(w, st, x->nbase, x->sum, x->runs + 1, x->nrun + x->nadd,
		    chain(x->chain, hdr[0], hdr[1]));
		rc = pwrite(fd, w, NWORDS * 8, 0) == (ssize_t)(NWORDS * 8) ?
		    0 : -1;
	}
	if (close(fd) < 0)
		rc = -1;
	return rc;
}

void
align_idindex_save(struct align_idindex *x, const char *path, int fd)
{
	uint64_t w[NWORDS];
	struct stat st;
	struct align_fp *v;
	char *file, last;
	size_t n;

	if (x->how == ALIGN_IDX_FIT && x->nadd == 0)
		return;		/* the index is the file's already */
	if (fstat(fd, &st) < 0 || st.st_size <= 0 ||
	    pread(fd, &last, 1, st.st_size - 1) != 1 || last != '\n' ||
	    hash_ends(fd, (long long)st.st_size, &w[W_HEAD], &w[W_TAIL]) < 0 ||
	    (file = align_idindex_file(path)) == NULL)
		return;
	if (append_run(x, file, w, &st) < 0 && (v = merged(x, &n)) != NULL) {
		words(w, &st, n, align_check64(v, n * FP), 0, 0, 0);
		(void)align_cache_write(file, (struct align_cache_part[]){
		    { w, sizeof(w) }, { v, n * FP } }, 2);
		free(v);
	}
	free(file);
}

void
align_idindex_release(struct align_idindex *x)
{
	forget(x);
	x->how = ALIGN_IDX_NONE;
}
