/* A person's entry ("Name <address>") and the calendar's people made of
 * it: ORGANIZER and ATTENDEE, which no name or address can break out of. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/ics.h"
#include "../../lib/person.h"

static void
check(const char *entry, const char *name, const char *addr)
{
	struct align_person p;

	align_person_of(entry, strlen(entry), &p);
	assert_int_equal(p.namelen, strlen(name));
	assert_memory_equal(p.name, name, p.namelen);
	if (addr == NULL) {
		assert_null(p.addr);
	} else {
		assert_non_null(p.addr);
		assert_int_equal(p.addrlen, strlen(addr));
		assert_memory_equal(p.addr, addr, p.addrlen);
	}
}

static void
test_entries(void **state)
{
	(void)state;
	check("Ana Lima <ana@example.org>", "Ana Lima", "ana@example.org");
	check("  Ana Lima   <ana@example.org>  ", "Ana Lima", "ana@example.org");
	check("<ana@example.org>", "ana@example.org", "ana@example.org");
	check("Ana", "Ana", NULL);
	check("Ana <>", "Ana <>", NULL);
	check("a <b> <c@d>", "a <b>", "c@d");
	check("Ana >", "Ana >", NULL);
	assert_true(align_person_same_addr("A <X@Y.org>", "B <x@y.org>"));
	assert_false(align_person_same_addr("A <x@y>", "A"));
	assert_false(align_person_same_addr(NULL, "A <x@y>"));
}

/* The spaces at a name's ends, and only there, left out: what the roster
 * trims of a typed name too. */
static void
test_trim(void **state)
{
	const char *s = " \t Ana  Lima\r\n";
	size_t n = strlen(s);

	(void)state;
	align_person_trim(&s, &n);
	assert_int_equal(n, 9);
	assert_memory_equal(s, "Ana  Lima", 9);
	s = " \n\t ";
	n = strlen(s);
	align_person_trim(&s, &n);
	assert_int_equal(n, 0);
	s = "Ana";
	n = 2;
	align_person_trim(&s, &n);
	assert_int_equal(n, 2);
	assert_memory_equal(s, "An", 2);
}

static void
test_organizer_and_attendees(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	const char *who[] = { "Ana \"A\" ^ <a;b:c@x>", "Ben", "Eric <ERIC@x>",
	    "Ana2 <a;b:c@x>", "C\r\nATTENDEE:mailto:e@x <c@x>" };

	(void)state;
	align_ics_organizer(&b, "Eric <eric@x>");
	align_ics_attendees(&b, "Eric <eric@x>", who, 5);
	assert_string_equal(b.p,
	    "ORGANIZER;CN=\"Eric\":mailto:eric@x\r\n"
	    "ATTENDEE;CN=\"Eric\";ROLE=CHAIR;PARTSTAT=ACCEPTED:mailto:eric@x\r\n"
	    "ATTENDEE;CN=\"Ana ^'A^' ^^\";ROLE=REQ-PARTICIPANT;"
	    "PARTSTAT=NEEDS-ACTION;RSVP=\r\n"
	    " TRUE:mailto:a%3Bb%3Ac@x\r\n"
	    "ATTENDEE;CN=\"C ^nATTENDEE:mailto:e@x\";ROLE=REQ-PARTICIPANT;"
	    "PARTSTAT=NEEDS-A\r\n"
	    " CTION;RSVP=TRUE:mailto:c@x\r\n");
	assert_true(align_ics_invites("Eric <eric@x>", who, 5));
	assert_false(align_ics_invites("Eric", who, 5));
	assert_false(align_ics_invites("Eric <eric@x>", who + 1, 2));
	assert_true(align_ics_addressed(who + 2, 1));
	assert_false(align_ics_addressed(who + 1, 1));
	align_buf_reset(&b);
	/* Nobody to answer to: nobody asked. */
	align_ics_attendees(&b, "Eric", who, 5);
	align_ics_organizer(&b, NULL);
	align_ics_organizer(&b, "Eric");
	assert_true(b.p == NULL || b.len == 0);
	align_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_entries),
		cmocka_unit_test(test_trim),
		cmocka_unit_test(test_organizer_and_attendees),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
