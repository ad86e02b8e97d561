/* Names posted, folded and found in the participants list; words
 * posted, cleaned. */
#include <stdlib.h>
#include <string.h>
#include <utf8proc.h>

#include "serve_name.h"

char *
align_serve_fold(const char *name)
{
	utf8proc_uint8_t *out = NULL;
	size_t n;

	while (*name == ' ' || *name == '\t')
		name++;
	if (utf8proc_map((const utf8proc_uint8_t *)name, 0, &out,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD | UTF8PROC_STRIPMARK) < 0)
		return NULL;
	n = strlen((char *)out);
	while (n > 0 && (out[n - 1] == ' ' || out[n - 1] == '\t'))
		out[--n] = '\0';
	return (char *)out;
}

long
align_serve_resolve(const char *const *list, size_t n, const char *typed)
{
	char *want = align_serve_fold(typed), *f;
	size_t i;
	long at = -1;

	if (want == NULL)
		return -2;
	for (i = 0; i < n && at == -1; i++) {
		if ((f = align_serve_fold(list[i])) == NULL) {
			at = -2;
			break;
		}
		if (*want && strcmp(f, want) == 0)
			at = (long)i;
		free(f);
	}
	free(want);
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
