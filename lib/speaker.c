#include <stdlib.h>
#include <string.h>

#include "grow.h"
#include "hash.h"
#include "reader.h"
#include "roster.h"
#include "record.h"
#include "speaker.h"

void
align_speakers_release(struct align_speakers *s)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		free(s->v[i].fold);
		free((char *)s->v[i].name);
	}
	free(s->v);
	free(s->slot);
	memset(s, 0, sizeof(*s));
}

static const unsigned char hkey[16] = "align-speaker-k";

/* The slot where folded f (n bytes) is, or the empty one it would take. */
static size_t
slot_of(const struct align_speakers *s, const char *f, size_t n)
{
	size_t i = (size_t)align_siphash(hkey, f, n) & s->mask;

	while (s->slot[i] && strcmp(s->v[s->slot[i] - 1].fold, f) != 0)
		i = (i + 1) & s->mask;
	return i;
}

/* The names by their folded form, the first of the same kept: 0, or -1
 * when out of memory. */
static int
index_names(struct align_speakers *s)
{
	size_t cap = 16, i;

	if (s->n >= UINT32_MAX / 2)
		return -1;
	while (cap < 2 * s->n)
		cap *= 2;
	if ((s->slot = calloc(cap, sizeof(*s->slot))) == NULL)
		return -1;
	s->mask = cap - 1;
	for (i = 0; i < s->n; i++) {
		size_t k = slot_of(s, s->v[i].fold, strlen(s->v[i].fold));

		if (s->slot[k] == 0)
			s->slot[k] = (uint32_t)(i + 1);
	}
	return 0;
}

/* Add name to s, folded; a name of nothing but spaces is left out. */
static int
add(struct align_speakers *s, const char *name, struct align_buf *b)
{
	size_t n = strlen(name);

	if (align_name_fold(b, name, n) < 0)
		return -1;
	if (b->len == 0)
		return 0;
	if (ALIGN_GROW(s->v, s->n + 1, s->cap) < 0 ||
	    (s->v[s->n].fold = strdup(b->p)) == NULL)
		return -1;
	/* A copy: the names of the session's view go with it. */
	if ((s->v[s->n].name = strdup(name)) == NULL) {
		free(s->v[s->n].fold);
		return -1;
	}
	s->n++;
	if (n > s->longest)
		s->longest = n;
	return 0;
}

int
align_speakers_init(struct align_speakers *s,
    const struct align_node *session, struct align_err *e)
{
	struct align_view v;
	struct align_buf b = ALIGN_BUF_INIT;
	size_t i;
	int rc;

	memset(s, 0, sizeof(*s));
	if (session == NULL)
		return 0;
	rc = align_view(&v, session, e);
	if (rc == 0 && v.kind == ALIGN_KIND_SESSION)
		for (i = 0; rc == 0 && i < v.u.session.names.n; i++)
			rc = add(s, v.u.session.names.v[i], &b);
	if (rc == 0 && s->n)
		rc = index_names(s);
	align_view_release(&v);
	align_buf_release(&b);
	return rc < 0 ? align_err_nomem(e) : 0;
}

int
align_speakers_find(const struct align_speakers *s, const char *line,
    size_t *len, const char **name)
{
	struct align_buf b = ALIGN_BUF_INIT;
	/* Folding does not make a name much longer than it was: no colon
	 * further than this ends one. */
	size_t i, j, far = 2 * s->longest + 16;
	int rc = 0;

	for (i = 0; s->n && line[i] && i <= far && rc == 0; i++) {
		if (line[i] != ':' || (line[i + 1] != ' ' &&
		    line[i + 1] != '\t' && line[i + 1] != '\0'))
			continue;
		if (align_name_fold(&b, line, i) < 0) {
			rc = -1;
			break;
		}
		if ((j = s->slot[slot_of(s, b.p, b.len)]) != 0) {
			*name = s->v[j - 1].name;
			*len = i;
			rc = 1;
		}
	}
	align_buf_release(&b);
	return rc;
}

size_t
align_speaker_long_name(const char *line)
{
	const unsigned char *p = (const unsigned char *)line;
	size_t i;

	if (!((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z') ||
	    p[0] >= 0x80))
		return 0;
	for (i = 0; p[i]; i++) {
		if (p[i] == ':')
			return (p[i + 1] == ' ' || p[i + 1] == '\t' ||
			    p[i + 1] == '\0') && align_name_prefix(line) == 0 ?
			    i : 0;
		if (p[i] == '\n' || p[i] == '\r' ||
		    strchr("\"()[]{}<>/\\|#*=?!;,", p[i]))
			return 0;
	}
	return 0;
}

/* The bytes a and b begin with alike (at most n), cut back to a whole
 * character. */
static size_t
shared(const char *a, const char *b, size_t n)
{
	size_t i = 0;

	while (i < n && a[i] && a[i] == b[i])
		i++;
	while (i > 0 && ((unsigned char)a[i] & 0xc0) == 0x80)
		i--;
	return i;
}

/* The matches of folded f into *v; their shared beginning in *common. */
static int
matches(const struct align_speakers *s, const struct align_buf *f,
    const char ***v, size_t *nv, size_t *common)
{
	size_t i, cap = 0;

	for (i = 0; i < s->n; i++) {
		const char *name = s->v[i].name;

		if (strncmp(s->v[i].fold, f->p, f->len) != 0)
			continue;
		if (ALIGN_GROW(*v, *nv + 1, cap) < 0)
			return -1;
		*common = *nv == 0 ? strlen(name) :
		    shared((*v)[0], name, *common);
		(*v)[(*nv)++] = name;
	}
	return 0;
}

int
align_speakers_complete(const struct align_speakers *s,
    const char *typed, size_t n, struct align_buf *out, const char ***v,
    size_t *nv, struct align_err *e)
{
	struct align_buf f = ALIGN_BUF_INIT, g = ALIGN_BUF_INIT;
	size_t common = 0;
	int rc;

	*v = NULL;
	*nv = 0;
	align_buf_reset(out);
	rc = align_name_fold(&f, typed, n);
	if (rc == 0)
		rc = matches(s, &f, v, nv, &common);
	if (rc == 0 && *nv == 1) {
		align_buf_printf(out, "%s: ", (*v)[0]);
	} else if (rc == 0 && *nv > 1 &&
	    (rc = align_name_fold(&g, (*v)[0], common)) == 0 &&
	    strncmp(g.p, f.p, f.len) == 0) {
		align_buf_add(out, (*v)[0], common);
	} else if (rc == 0) {
		align_buf_add(out, typed, n);
	}
	align_buf_add(out, "", 0);
	align_buf_release(&f);
	align_buf_release(&g);
	if (rc < 0 || out->failed) {
		free(*v);
		*v = NULL;
		*nv = 0;
		return align_err_nomem(e);
	}
	return 0;
}
