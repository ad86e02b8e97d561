#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "buf.h"
#include "vote.h"

/* Where a ballot came from: a line of a file (bad data), or the --vote
 * option (a usage error), which its messages name. */
#define STATUS(file) ((file) ? EX_DATAERR : EX_USAGE)
#define OPTION(file) ((file) ? "" : "--vote: ")

static const char blank[] = " \t";

int
align_ballot_parse(struct align_ballot *b, const char *text,
    const char *file, unsigned long line, struct align_err *e)
{
	const char *sep = strchr(text, '='), *s, *end;

	memset(b, 0, sizeof(*b));
	if (sep == NULL)
		sep = strchr(text, ':');
	s = text + strspn(text, blank);
	for (end = sep; end && end > s && strchr(blank, end[-1]); end--)
		;
	if (sep == NULL || end == s)
		return align_err_set(e, STATUS(file), file, line, 0,
		    "%sexpected NAME=p1,p1,p3, not '%s'", OPTION(file), text);
	if ((b->who = strndup(s, (size_t)(end - s))) == NULL)
		return align_err_nomem(e);
	for (s = sep + 1; *s; s = end) {
		s += strspn(s, ", \t");
		if ((end = s + strcspn(s, ", \t")) == s)
			break;
		if (align_strs_addn(&b->ids, s, (size_t)(end - s)) < 0)
			return align_err_nomem(e);
	}
	return 0;
}

/* Each handle of b made the id it names, or -1 and e. */
static int
resolve(struct align_ballot *b, const struct align_plist *l,
    const char *file, unsigned long line, struct align_err *e)
{
	size_t i;

	for (i = 0; i < b->ids.n; i++) {
		struct align_err x = ALIGN_ERR_INIT;
		long at = align_plist_resolve(l, b->ids.v[i], STATUS(file), &x);
		char *id;

		if (at < 0 && x.status != STATUS(file))
			return align_err_nomem(e);
		if (at < 0)
			return align_err_set(e, STATUS(file), file, line, 0,
			    "%s%s", OPTION(file), x.msg);
		if ((id = strdup(l->v[at]->id)) == NULL)
			return align_err_nomem(e);
		free(b->ids.v[i]);
		b->ids.v[i] = id;
	}
	return 0;
}

int
align_ballot_check(struct align_ballot *b, const struct align_plist *l,
    int budget, int per, const char *file, unsigned long line,
    struct align_err *e)
{
	size_t i, j;

	if (resolve(b, l, file, line, e) < 0)
		return -1;
	for (i = 0; i < b->ids.n; i++) {
		const char *id = b->ids.v[i];
		long n = 1;

		for (j = 0; j < i; j++)
			n += strcmp(b->ids.v[j], id) == 0;
		if (n > per)
			return align_err_set(e, STATUS(file), file, line, 0,
			    "%s%s gives %ld votes to %s; at most %d on one "
			    "principle", OPTION(file), b->who, n, id, per);
		if ((long)i + 1 > budget)
			return align_err_set(e, STATUS(file), file, line, 0,
			    "%s%s gives more than %d votes, the budget",
			    OPTION(file), b->who, budget);
	}
	return 0;
}

int
align_ballot_cast(const struct align_ballot *b, struct align_plist *l,
    struct align_err *e)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (align_principle_set_dots(l->v[i], b->who, 0) < 0)
			return align_err_nomem(e);
	for (i = 0; i < b->ids.n; i++) {
		long at = align_plist_find(l, b->ids.v[i]);

		if (at >= 0 && align_principle_set_dots(l->v[at], b->who,
		    align_principle_dots(l->v[at], b->who) + 1) < 0)
			return align_err_nomem(e);
	}
	return 0;
}

void
align_ballot_release(struct align_ballot *b)
{
	free(b->who);
	align_strs_release(&b->ids);
	memset(b, 0, sizeof(*b));
}
