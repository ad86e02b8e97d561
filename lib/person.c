/* A person's entry: "Name" or "Name <address>". */
#include <string.h>
#include <strings.h>

#include "person.h"

void
align_person_trim(const char **s, size_t *n)
{
	while (*n > 0 && strchr(" \t\r\n", **s)) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && strchr(" \t\r\n", (*s)[*n - 1]))
		(*n)--;
}

void
align_person_of(const char *s, size_t n, struct align_person *p)
{
	const char *lt;

	align_person_trim(&s, &n);
	p->name = s;
	p->namelen = n;
	p->addr = NULL;
	p->addrlen = 0;
	if (n < 3 || s[n - 1] != '>')
		return;
	for (lt = s + n - 2; lt > s && *lt != '<'; lt--)
		;
	if (*lt != '<' || lt + 1 == s + n - 1)
		return;
	p->addr = lt + 1;
	p->addrlen = (size_t)(s + n - 1 - p->addr);
	p->namelen = (size_t)(lt - s);
	align_person_trim(&p->name, &p->namelen);
	if (p->namelen == 0) {		/* "<ana@example.org>" */
		p->name = p->addr;
		p->namelen = p->addrlen;
	}
}

int
align_person_same_addr(const char *a, const char *b)
{
	struct align_person pa, pb;

	if (a == NULL || b == NULL)
		return 0;
	align_person_of(a, strlen(a), &pa);
	align_person_of(b, strlen(b), &pb);
	return pa.addr && pb.addr && pa.addrlen == pb.addrlen &&
	    strncasecmp(pa.addr, pb.addr, pa.addrlen) == 0;
}
