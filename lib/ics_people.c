/* ORGANIZER and ATTENDEE: who is invited, and to whom they answer. */
#include <string.h>

#include "ics.h"
#include "person.h"

/* The name as a quoted parameter value (RFC 5545 3.1, RFC 6868). */
static void
cn(struct align_buf *b, const struct align_person *p)
{
	size_t i;

	if (p->name == p->addr)		/* an address alone: no name */
		return;
	align_buf_puts(b, ";CN=\"");
	for (i = 0; i < p->namelen; i++) {
		unsigned char c = (unsigned char)p->name[i];

		if (c == '"')
			align_buf_puts(b, "^'");
		else if (c == '^')
			align_buf_puts(b, "^^");
		else if (c == '\n')
			align_buf_puts(b, "^n");
		else if (c < 0x20 || c == 0x7f)
			align_buf_putc(b, ' ');
		else
			align_buf_putc(b, (char)c);
	}
	align_buf_putc(b, '"');
}

/* "mailto:address", percent-encoded (RFC 6068) but for what is safe in
 * any content line and any mail client. */
static void
mailto(struct align_buf *b, const struct align_person *p)
{
	static const char safe[] = "-._~!$'*+=@";
	size_t i;

	align_buf_puts(b, "mailto:");
	for (i = 0; i < p->addrlen; i++) {
		unsigned char c = (unsigned char)p->addr[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || (c && strchr(safe, c)))
			align_buf_putc(b, (char)c);
		else
			align_buf_printf(b, "%%%02X", c);
	}
}

/* PROP;CN="name";params:mailto:address, folded: 1 when written. */
static int
person(struct align_buf *b, const char *prop, const char *entry,
    const char *params)
{
	struct align_buf name = ALIGN_BUF_INIT, uri = ALIGN_BUF_INIT;
	struct align_person p;

	align_person_of(entry, strlen(entry), &p);
	if (p.addr == NULL)
		return 0;
	align_buf_puts(&name, prop);
	cn(&name, &p);
	align_buf_puts(&name, params);
	mailto(&uri, &p);
	if (name.failed || uri.failed)
		b->failed = 1;
	else
		align_ics_prop(b, name.p, uri.p);
	align_buf_release(&name);
	align_buf_release(&uri);
	return 1;
}

void
align_ics_organizer(struct align_buf *b, const char *entry)
{
	if (entry)
		(void)person(b, "ORGANIZER", entry, "");
}

/* 1 when entries[0..k-1] hold entries[k]'s address. */
static int
seen(const char *const *entries, size_t k)
{
	size_t j;

	for (j = 0; j < k; j++)
		if (align_person_same_addr(entries[j], entries[k]))
			return 1;
	return 0;
}

void
align_ics_attendees(struct align_buf *b, const char *organizer,
    const char *const *entries, size_t n)
{
	size_t i;

	if (!align_ics_addressed(&organizer, organizer ? 1 : 0))
		return;
	(void)person(b, "ATTENDEE", organizer, ";ROLE=CHAIR;PARTSTAT=ACCEPTED");
	for (i = 0; i < n; i++)
		if (!seen(entries, i) &&
		    !align_person_same_addr(organizer, entries[i]))
			(void)person(b, "ATTENDEE", entries[i],
			    ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION"
			    ";RSVP=TRUE");
}

int
align_ics_addressed(const char *const *entries, size_t n)
{
	struct align_person p;
	size_t i;

	for (i = 0; i < n; i++) {
		align_person_of(entries[i], strlen(entries[i]), &p);
		if (p.addr)
			return 1;
	}
	return 0;
}

int
align_ics_invites(const char *organizer, const char *const *entries,
    size_t n)
{
	size_t i;

	if (!align_ics_addressed(&organizer, organizer ? 1 : 0))
		return 0;
	for (i = 0; i < n; i++)
		if (align_ics_addressed(&entries[i], 1) &&
		    !align_person_same_addr(organizer, entries[i]))
			return 1;
	return 0;
}
