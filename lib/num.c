#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "num.h"

static int
blank_edge(const char *s)
{
	return *s == '\0' || isspace((unsigned char)*s);
}

long long
align_strtonum(const char *s, long long min, long long max, const char **why)
{
	char *end;
	long long v;

	*why = "invalid";
	if (s == NULL || blank_edge(s) || min > max)
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (end == s || *end != '\0')
		return 0;
	if ((errno == ERANGE && v == LLONG_MIN) || v < min) {
		*why = "too small";
		return 0;
	}
	if ((errno == ERANGE && v == LLONG_MAX) || v > max) {
		*why = "too large";
		return 0;
	}
	*why = NULL;
	return v;
}

double
align_strtod(const char *s, double min, double max, const char **why)
{
	char *end;
	double v;

	*why = "invalid";
	if (s == NULL || blank_edge(s) ||
	    s[strspn(s, "0123456789.eE+-")] != '\0')
		return 0;	/* no "inf", "nan" or hexadecimal */
	errno = 0;
	v = strtod(s, &end);
	if (end == s || *end != '\0' || !isfinite(v) || errno == ERANGE)
		return 0;
	if (v < min) {
		*why = "too small";
		return 0;
	}
	if (v > max) {
		*why = "too large";
		return 0;
	}
	*why = NULL;
	return v;
}
