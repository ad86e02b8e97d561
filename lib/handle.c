/*
 * Handles: an id named by itself, a unique start of it, or a unique start
 * of its tail; the shortest such start of each id, to be shown.
 */
#include <limits.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "handle.h"

/* The tail of a HEAD-TAIL id (a head of one to three lowercase letters):
 * what follows the dash, or NULL. */
static const char *
tail_of(const char *id)
{
	size_t k = 0;

	while (k < 3 && id[k] >= 'a' && id[k] <= 'z')
		k++;
	return k > 0 && id[k] == '-' && id[k + 1] ? id + k + 1 : NULL;
}

/* Whether typed (n bytes) names id by rule: exact 0, prefix 1, tail
 * 2. */
static int
matches(const char *id, const char *typed, size_t n, int rule)
{
	const char *t;

	switch (rule) {
	case 0:
		return strcmp(id, typed) == 0;
	case 1:
		return strncmp(id, typed, n) == 0;
	default:
		return (t = tail_of(id)) != NULL && strncmp(t, typed, n) == 0;
	}
}

long
align_handle_find(const char *const *ids, size_t n, const char *typed)
{
	size_t i, len = typed ? strlen(typed) : 0;
	long found = ALIGN_HANDLE_NONE;
	int rule;

	if (len == 0)
		return ALIGN_HANDLE_NONE;
	for (rule = 0; rule < 3 && found == ALIGN_HANDLE_NONE; rule++)
		for (i = 0; i < n; i++) {
			if (ids[i] == NULL || !matches(ids[i], typed, len, rule))
				continue;
			if (found >= 0 && strcmp(ids[found], ids[i]) != 0)
				return ALIGN_HANDLE_AMBIGUOUS;
			if (found < 0)
				found = (long)i;
		}
	return found;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The ids typed could be, sorted, each once, named in b. */
static void
candidates(const char *const *ids, size_t n, const char *typed,
    struct align_buf *b)
{
	size_t i, k = 0, len = strlen(typed), shown;
	const char **c = malloc((n ? n : 1) * sizeof(*c));
	int rule;

	if (c == NULL) {
		b->failed = 1;
		return;
	}
	for (rule = 1; rule < 3 && k == 0; rule++)
		for (i = 0; i < n; i++)
			if (ids[i] && matches(ids[i], typed, len, rule))
				c[k++] = ids[i];
	qsort(c, k, sizeof(*c), cmp_str);
	for (i = shown = 0; i < k; i++) {
		if (i > 0 && strcmp(c[i], c[i - 1]) == 0)
			continue;
		if (shown == ALIGN_HANDLE_SHOWN) {
			align_buf_printf(b, " (and more)");
			break;
		}
		if (shown > 0)
			align_buf_puts(b, i + 1 == k || shown + 1 ==
			    ALIGN_HANDLE_SHOWN ? " or " : ", ");
		align_buf_puts(b, c[i]);
		shown++;
	}
	free(c);
}

long
align_handle_resolve(const char *const *ids, size_t n, const char *typed,
    const char *what, int status, struct align_err *e)
{
	long at = align_handle_find(ids, n, typed);
	struct align_buf b = ALIGN_BUF_INIT;

	if (at >= 0)
		return at;
	if (at == ALIGN_HANDLE_NONE)
		return align_err_set(e, status, NULL, 0, 0, "no %s '%s'", what,
		    typed ? typed : "");
	candidates(ids, n, typed, &b);
	align_buf_putc(&b, '\0');
	if (b.failed) {
		align_buf_release(&b);
		return align_err_nomem(e);
	}
	align_err_set(e, status, NULL, 0, 0, "%s '%s' is ambiguous: %s", what,
	    typed, b.p);
	align_buf_release(&b);
	return -1;
}

/* The bytes a and b begin with alike. */
static size_t
common(const char *a, const char *b)
{
	size_t k = 0;

	while (a[k] && a[k] == b[k])
		k++;
	return k;
}

static const char *const *sort_ids;

static int
cmp_at(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	int c = strcmp(sort_ids[x], sort_ids[y]);

	return c ? c : (x > y) - (x < y);
}

int
align_handle_lengths(const char *const *ids, size_t n, size_t min,
    size_t *len)
{
	size_t *at = malloc((n ? n : 1) * sizeof(*at)), i;

	if (at == NULL)
		return -1;
	for (i = 0; i < n; i++)
		at[i] = i;
	sort_ids = ids;
	qsort(at, n, sizeof(*at), cmp_at);
	for (i = 0; i < n; i++) {
		const char *id = ids[at[i]];
		size_t k = 0, whole = strlen(id);

		if (i > 0)
			k = common(id, ids[at[i - 1]]) + 1;
		if (i + 1 < n && common(id, ids[at[i + 1]]) + 1 > k)
			k = common(id, ids[at[i + 1]]) + 1;
		if (k < min)
			k = min;
		len[at[i]] = k < whole ? k : whole;
	}
	free(at);
	return 0;
}

const char *
align_handle_shown(const char *id, size_t len, size_t *shown)
{
	const char *t = tail_of(id);

	if (t && (size_t)(t - id) < len) {
		*shown = len - (size_t)(t - id);
		return t;
	}
	*shown = len;
	return id;
}

long
align_id_number(const char *id, const char *head)
{
	size_t k = head ? strlen(head) : 0;
	const char *p;
	long v = 0;

	if (id == NULL || strncmp(id, head ? head : "", k) != 0 ||
	    id[k] < '0' || id[k] > '9')
		return -1;
	for (p = id + k; *p >= '0' && *p <= '9'; p++) {
		if (v > (LONG_MAX - (*p - '0')) / 10)
			return -1;
		v = v * 10 + (*p - '0');
	}
	return *p ? -1 : v;
}
