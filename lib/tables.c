/*
 * The data tables of step 6 (tables.h), mapped as they are.  Every
 * number read from a file is checked against its size: a damaged table
 * finds nothing, and nothing outside the mapping is read.
 */
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "tables.h"

#define HEAD 32
#define ENTRY 16

#ifndef ALIGN_DATADIR
#define ALIGN_DATADIR "/usr/local/share/align"
#endif

static uint32_t
u32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	    (uint32_t)p[3] << 24;
}

static uint32_t
fnv(const char *s, size_t n)
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; i < n; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h;
}

static int
has_tables(const char *dir)
{
	char path[4200];

	if (strlen(dir) > 4096)
		return 0;
	snprintf(path, sizeof(path), "%s/en.tab", dir);
	return access(path, R_OK) == 0;
}

const char *
align_tables_dir(void)
{
	static char beside[4096];
	const char *env = getenv("ALIGN_DATA");
	char self[4096];
	ssize_t n;
	char *slash;

	if (env)
		return *env ? env : NULL;
	if (has_tables(ALIGN_DATADIR))
		return ALIGN_DATADIR;
	n = readlink("/proc/self/exe", self, sizeof(self) - 1);
	if (n <= 0)
		return NULL;
	self[n] = '\0';
	if ((slash = strrchr(self, '/')) == NULL)
		return NULL;
	*slash = '\0';		/* bin */
	if ((slash = strrchr(self, '/')) == NULL)
		return NULL;
	*slash = '\0';
	if (strlen(self) + sizeof("/share/align") > sizeof(beside))
		return NULL;
	memcpy(beside, self, strlen(self));
	memcpy(beside + strlen(self), "/share/align", sizeof("/share/align"));
	return has_tables(beside) ? beside : NULL;
}

/* The header of a mapped table, checked: 0, or -1 when it is not one. */
static int
check(struct align_table *t, int lang)
{
	const unsigned char *m = t->map;
	uint64_t need;

	if (t->size < HEAD || memcmp(m, "ALIGNTB1", 8) != 0 ||
	    u32(m + 8) != (uint32_t)lang)
		return -1;
	t->n = u32(m + 16);
	t->nbucket = u32(m + 20);
	t->nblob = u32(m + 24);
	if (t->nbucket == 0 || (t->nbucket & (t->nbucket - 1)) != 0 ||
	    t->n >= t->nbucket)
		return -1;
	need = HEAD + 4ull * t->nbucket + (uint64_t)ENTRY * t->n + t->nblob;
	if (need > t->size)
		return -1;
	t->bucket = m + HEAD;
	t->entry = t->bucket + 4ull * t->nbucket;
	t->blob = t->entry + (size_t)ENTRY * t->n;
	return 0;
}

static void
open_one(struct align_table *t, const char *dir, int lang)
{
	char path[4200];
	struct stat st;
	void *m;
	int fd;

	memset(t, 0, sizeof(*t));
	if (strlen(dir) > 4096)
		return;
	snprintf(path, sizeof(path), "%s/%s.tab", dir, align_lang_names[lang]);
	if ((fd = open(path, O_RDONLY | O_CLOEXEC)) < 0)
		return;
	if (fstat(fd, &st) < 0 || st.st_size < HEAD) {
		close(fd);
		return;
	}
	m = mmap(NULL, (size_t)st.st_size, PROT_READ, MAP_PRIVATE, fd, 0);
	close(fd);
	if (m == MAP_FAILED)
		return;
	t->map = m;
	t->size = (size_t)st.st_size;
	if (check(t, lang) < 0) {
		munmap(m, t->size);
		memset(t, 0, sizeof(*t));
	}
}

/* The NUL-ended string at off of t's blob, or NULL. */
static const char *
blob_str(const struct align_table *t, uint32_t off, size_t *len)
{
	const char *s;
	const void *end;

	if (off >= t->nblob)
		return NULL;
	s = (const char *)t->blob + off;
	if ((end = memchr(s, '\0', t->nblob - off)) == NULL)
		return NULL;
	*len = (size_t)((const char *)end - s);
	return s;
}

int
align_tables_open(struct align_tables *tb, const char *dir,
    struct align_err *e)
{
	int l;

	memset(tb, 0, sizeof(*tb));
	tb->dir = dir;
	if (dir == NULL)
		return 0;
	for (l = 0; l < ALIGN_LANGS; l++) {
		open_one(&tb->t[l], dir, l);
		if (tb->t[l].map == NULL)
			continue;
		tb->found |= 1 << l;
		if (tb->names == NULL) {
			size_t n;
			const char *s = blob_str(&tb->t[l],
			    u32(tb->t[l].map + 28), &n);

			if (s && (tb->names = strdup(s)) == NULL) {
				align_tables_close(tb);
				return align_err_nomem(e);
			}
		}
	}
	return 0;
}

void
align_tables_close(struct align_tables *tb)
{
	int l;

	if (tb == NULL)
		return;
	for (l = 0; l < ALIGN_LANGS; l++)
		if (tb->t[l].map)
			munmap((void *)tb->t[l].map, tb->t[l].size);
	free(tb->names);
	memset(tb, 0, sizeof(*tb));
}

int
align_tables_find(const struct align_tables *tb, int lang, const char *key,
    size_t n, struct align_entry *x)
{
	const struct align_table *t;
	uint32_t mask, h, probe;

	if (lang < 0 || lang >= ALIGN_LANGS || !(tb->found & (1 << lang)))
		return 0;
	t = &tb->t[lang];
	mask = t->nbucket - 1;
	h = fnv(key, n) & mask;
	for (probe = 0; probe < t->nbucket; probe++, h = (h + 1) & mask) {
		uint32_t b = u32(t->bucket + 4 * (size_t)h);
		const unsigned char *en;
		const char *k;
		size_t kl;

		if (b == 0 || b > t->n)
			return 0;
		en = t->entry + (size_t)ENTRY * (b - 1);
		if ((k = blob_str(t, u32(en), &kl)) == NULL || kl != n ||
		    memcmp(k, key, n) != 0)
			continue;
		x->concepts = u32(en + 8);
		x->strength = en[14];
		x->flags = en[15];
		x->pivot = u32(en + 4) == 0xffffffffu ? NULL :
		    blob_str(t, u32(en + 4), &x->npivot);
		if (x->pivot == NULL)
			x->npivot = 0;
		return 1;
	}
	return 0;
}
