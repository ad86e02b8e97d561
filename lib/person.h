/*
 * person.h - a person as the session writes one: "Name", or a name and
 * an e-mail address, "Ana Lima <ana@example.org>" (an entry of
 * "participants", or the "facilitator").  The address is what the last
 * '<' and the final '>' enclose, as written; the name is what comes
 * before it, without the spaces at its ends; "<ana@example.org>" alone
 * is its own name.  The roster (roster.h) and the calendars (ics.h) read
 * entries through here alone, so that they agree on who is who.
 *
 *	struct align_person p;
 *	align_person_of(entry, strlen(entry), &p);
 *	if (p.addr)
 *		invite(p.name, p.namelen, p.addr, p.addrlen);
 */
#ifndef ALIGN_PERSON_H
#define ALIGN_PERSON_H

#include <stddef.h>

struct align_person {
	const char *name;	/* into the entry; namelen bytes */
	size_t namelen;
	const char *addr;	/* into the entry, or NULL: none */
	size_t addrlen;
};

/* s of *n bytes without the spaces (blanks and line ends) at its ends:
 * *s and *n moved in. */
void align_person_trim(const char **s, size_t *n);

/* Split the n bytes of entry into *p (which borrows from entry). */
void align_person_of(const char *entry, size_t n, struct align_person *p);

/* 1 when the entries a and b (either may be NULL) have the same address,
 * its case folded (ASCII), else 0. */
int align_person_same_addr(const char *a, const char *b);

#endif
