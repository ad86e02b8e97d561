/* Names posted, found in the participants list by the roster's rules;
 * words posted, cleaned. */
#include <stdlib.h>
#include <string.h>

#include "roster.h"
#include "serve_name.h"

/* The index of the entry of list[0..n-1] whose name (before any
 * " <address>") is name, or -1. */
static long
entry_of(const char *const *list, size_t n, const char *name)
{
	size_t i, k = strlen(name);

	for (i = 0; i < n; i++)
		if (strncmp(list[i], name, k) == 0 && (list[i][k] == '\0' ||
		    strncmp(list[i] + k, " <", 2) == 0))
			return (long)i;
	return -1;
}

struct align_roster *
align_serve_roster(const char *const *list, size_t n)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_roster *r = align_roster_new();
	size_t i;

	/* An entry the roster refuses (an empty one) resolves to nobody. */
	for (i = 0; r != NULL && i < n; i++)
		if (align_roster_add(r, list[i], &e) < 0 &&
		    e.status == ALIGN_EX_NOMEM) {
			align_roster_free(r);
			r = NULL;
		}
	return r;
}

long
align_serve_resolve(struct align_roster *r, const char *const *list,
    size_t n, const char *typed)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_resolved who;

	/* Without ALIGN_ROSTER_ADD, r is only read. */
	if (align_roster_resolve(r, typed, 0, &who, &e) == 0)
		return who.how == ALIGN_MATCH_ANY ? -1 :
		    entry_of(list, n, who.name);
	return e.status == ALIGN_EX_NOMEM ? -2 : -1;
}

char *
align_serve_clean(const char *s)
{
	char *out = malloc(strlen(s) + 1), *o = out;

	if (out == NULL)
		return NULL;
	for (; *s; s++)
		if (*s != '\r')
			*o++ = *s;
		else if (s[1] != '\n')
			*o++ = '\n';
	*o = '\0';
	for (o = out; *o == ' ' || *o == '\t' || *o == '\n'; o++)
		;
	memmove(out, o, strlen(o) + 1);
	for (o = out + strlen(out); o > out && strchr(" \t\n", o[-1]); o--)
		;
	*o = '\0';
	return out;
}
