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

long
align_serve_resolve(const char *const *list, size_t n, const char *typed)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_roster *r = align_roster_new();
	struct align_resolved who;
	size_t i;
	long at = -1;

	if (r == NULL)
		return -2;
	for (i = 0; i < n; i++)
		if (align_roster_add(r, list[i], &e) < 0 &&
		    e.status == ALIGN_EX_NOMEM)
			break;
	if (i < n)
		at = -2;
	else if (align_roster_resolve(r, typed, 0, &who, &e) == 0)
		at = who.how == ALIGN_MATCH_ANY ? -1 :
		    entry_of(list, n, who.name);
	else if (e.status == ALIGN_EX_NOMEM)
		at = -2;
	align_roster_free(r);
	return at;
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
