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

#define MAGIC 0x414c49474e494458ULL	/* "ALIGNIDX" */
#define SPAN 4096			/* the bytes hashed at each end */

enum { W_MAGIC, W_VERSION, W_DEV, W_INO, W_END, W_SEC, W_NSEC, W_HEAD,
	W_TAIL, W_COUNT, W_BODY, W_HDR, NWORDS };

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
in_base(const struct align_idindex *x, const struct align_fp *f)
{
	return x->nbase && bsearch(f, x->base, x->nbase, sizeof(*f),
	    fp_cmp) != NULL;
}

int
align_idindex_add(struct align_idindex *x, const char *id)
{
	struct align_fp f;
	int fresh;

	align_fingerprint(id, strlen(id), &f.a, &f.b);
	if (in_base(x, &f))
		return 0;
	if ((fresh = align_set_add_fp(&x->extra, f.a, f.b)) <= 0)
		return fresh;
	if (ALIGN_GROW(x->add, x->nadd + 1, x->cap) < 0)
		return -1;
	x->add[x->nadd++] = f;
	return 1;
}

int
align_idindex_has(const struct align_idindex *x, const char *id)
{
	struct align_fp f;

	align_fingerprint(id, strlen(id), &f.a, &f.b);
	return in_base(x, &f) || align_set_has_fp(&x->extra, f.a, f.b);
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

/* The index file of path, read whole and checked: its words in w and its
 * ids in x (x->mem); 0, or -1 when there is none that reads. */
static int
index_read(struct align_idindex *x, const char *file, uint64_t *w)
{
	struct stat st;
	size_t n, body;
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
	if (w[W_MAGIC] != MAGIC || w[W_VERSION] != ALIGN_IDINDEX_VERSION ||
	    w[W_HDR] != align_siphash(hkey, w, W_HDR * 8) ||
	    body % sizeof(struct align_fp) != 0 ||
	    w[W_COUNT] != body / sizeof(struct align_fp) ||
	    w[W_BODY] != align_check64(mem + NWORDS * 8, body)) {
		free(mem);
		return -1;
	}
	x->mem = mem;
	x->base = (const struct align_fp *)(void *)(mem + NWORDS * 8);
	x->nbase = (size_t)w[W_COUNT];
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
 * to x.  0, or -1 and e. */
static int
read_ids(struct align_idindex *x, const char *name, long long from,
    struct align_err *e)
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
		    id && align_idindex_add(x, id) < 0 ? align_err_nomem(e) : 0;
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
	free(x->add);
	align_set_release(&x->extra);
	x->mem = NULL;
	x->base = NULL;
	x->add = NULL;
	x->nbase = x->nadd = x->cap = 0;
}

/* The parse: every id of the file, then sorted into base. */
static int
parse_all(struct align_idindex *x, const char *name, struct align_err *e)
{
	x->how = ALIGN_IDX_PARSED;
	if (read_ids(x, name, 0, e) < 0)
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
		if (read_ids(x, name, (long long)w[W_END], &te) == 0)
			return 0;
		if (te.status == ALIGN_EX_NOMEM) {
			*e = te;
			return -1;
		}
		forget(x);	/* a tail that does not read alone */
	}
	return parse_all(x, name, e);
}

/* base and add merged, sorted, into a new array of *n. */
static struct align_fp *
merged(struct align_idindex *x, size_t *n)
{
	struct align_fp *v;
	size_t i = 0, j = 0, k = 0;

	*n = x->nbase + x->nadd;
	if ((v = malloc((*n ? *n : 1) * sizeof(*v))) == NULL)
		return NULL;
	if (x->nadd)
		qsort(x->add, x->nadd, sizeof(*x->add), fp_cmp);
	while (i < x->nbase || j < x->nadd)
		if (j == x->nadd || (i < x->nbase &&
		    fp_cmp(&x->base[i], &x->add[j]) < 0))
			v[k++] = x->base[i++];
		else
			v[k++] = x->add[j++];
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
	if ((v = merged(x, &n)) != NULL) {
		w[W_MAGIC] = MAGIC;
		w[W_VERSION] = ALIGN_IDINDEX_VERSION;
		w[W_DEV] = (uint64_t)st.st_dev;
		w[W_INO] = (uint64_t)st.st_ino;
		w[W_END] = (uint64_t)st.st_size;
		w[W_SEC] = (uint64_t)st.st_mtim.tv_sec;
		w[W_NSEC] = (uint64_t)st.st_mtim.tv_nsec;
		w[W_COUNT] = n;
		w[W_BODY] = align_check64(v, n * sizeof(*v));
		w[W_HDR] = align_siphash(hkey, w, W_HDR * 8);
		(void)align_cache_write(file, (struct align_cache_part[]){
		    { w, sizeof(w) }, { v, n * sizeof(*v) } }, 2);
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
