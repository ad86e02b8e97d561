/* The canonical order of facts: time, id, text. */
#include <limits.h>
#include <string.h>

#include "order.h"
#include "when.h"

int
align_order_text(const char *a, const char *b)
{
	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	return strcmp(a, b);
}

/* Seconds of s, or LLONG_MIN when it is not a time. */
static long long
seconds(const char *s)
{
	struct align_time t;

	if (s == NULL || align_time_parse(s, &t, NULL) < 0)
		return LLONG_MIN;
	return (long long)t.t;
}

int
align_order_time(const char *a, const char *b)
{
	long long x = seconds(a), y = seconds(b);

	if (x != y)
		return x < y ? -1 : 1;
	return align_order_text(a, b);
}

/* The number after the letters s begins with (their length into
 * *letters), or -1 when s is not letters then digits. */
static long long
number_after(const char *s, size_t *letters)
{
	size_t k = strcspn(s, "0123456789"), d = strspn(s + k, "0123456789");
	long long v = 0;
	size_t i;

	*letters = k;
	if (d == 0 || d > 17 || s[k + d] != '\0')
		return -1;
	for (i = k; i < k + d; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

/* By the key (letters, not a number, number, whole text): a total order,
 * whatever the ids. */
int
align_order_id(const char *a, const char *b)
{
	long long x, y;
	size_t la, lb;
	int c;

	if (a == NULL || b == NULL)
		return (a != NULL) - (b != NULL);
	x = number_after(a, &la);
	y = number_after(b, &lb);
	if ((c = memcmp(a, b, la < lb ? la : lb)) != 0)
		return c;
	if (la != lb)
		return la < lb ? -1 : 1;
	if ((x < 0) != (y < 0))
		return x < 0 ? 1 : -1;
	if (x != y)
		return x < y ? -1 : 1;
	return strcmp(a, b);
}
