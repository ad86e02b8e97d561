/* The roster: every name typed or imported resolved against the
 * session's participants, each rule in turn, and refused clearly. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/buf.h"
#include "../../lib/reader.h"
#include "../../lib/roster.h"
#include "helpers.h"

static const char team[] = "---\nkind: session\nid: s\n"
    "participants: [Ana Lima <ana@example.org>, Marcus Lee, Tomás Ruiz, "
    "Maria Diaz, Marco Polo, Dev]\n"
    "aliases:\n  Marc: Marcus Lee\n  tom: tomas ruiz\n"
    "  m.lee@example.org: Marcus Lee\n";

static struct align_roster *
roster_of(const char *text)
{
	struct align_node *all = stream(text);
	struct align_roster *r;
	struct align_err e = ALIGN_ERR_INIT;

	if (align_roster_from_session(&r, all->item[0], &e) < 0)
		fail_msg("roster: %s", e.msg);
	align_node_free(all);
	return r;
}

static int
setup(void **state)
{
	*state = roster_of(team);
	return 0;
}

static int
teardown(void **state)
{
	align_roster_free(*state);
	return 0;
}

/* Resolve typed; expect how and, when resolved, the participant. */
static void
expect(struct align_roster *r, const char *typed, enum align_match how,
    const char *name)
{
	struct align_resolved res;
	struct align_err e = ALIGN_ERR_INIT;
	int rc = align_roster_resolve(r, typed, 0, &res, &e);

	if ((int)res.how != (int)how)
		fail_msg("'%s': resolved as %d, expected %d (%s)", typed,
		    res.how, how, e.msg);
	if (name) {
		assert_int_equal(rc, 0);
		assert_string_equal(res.name, name);
	} else {
		assert_int_equal(rc, -1);
		assert_int_equal(e.status, EX_DATAERR);
	}
}

/* The message a refusal gives. */
static void
refused(struct align_roster *r, const char *typed, const char *msg)
{
	struct align_resolved res;
	struct align_err e = ALIGN_ERR_INIT;

	assert_int_equal(align_roster_resolve(r, typed, 0, &res, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_string_equal(e.msg, msg);
}

static void
test_an_exact_name(void **state)
{
	expect(*state, "Marcus Lee", ALIGN_MATCH_EXACT, "Marcus Lee");
	expect(*state, "  Dev ", ALIGN_MATCH_EXACT, "Dev");
	/* The entry's address is not part of the name. */
	expect(*state, "Ana Lima", ALIGN_MATCH_EXACT, "Ana Lima");
	assert_int_equal(align_roster_size(*state), 6);
	assert_string_equal(align_roster_name(*state, 0), "Ana Lima");
	assert_string_equal(align_roster_email(*state, 0), "ana@example.org");
	assert_string_equal(align_roster_entry(*state, 0),
	    "Ana Lima <ana@example.org>");
	assert_null(align_roster_email(*state, 1));
}

/* Tomas, Tomás and tomás are one person: case, accents and Unicode's
 * two ways of writing an accent are folded. */
static void
test_case_and_accents_folded(void **state)
{
	struct align_roster *r = roster_of("---\nkind: session\nid: s\n"
	    "participants: [Tomás, Ana]\n");
	struct align_resolved a, b, c;
	struct align_err e = ALIGN_ERR_INIT;

	assert_int_equal(align_roster_resolve(r, "Tomas", 0, &a, &e), 0);
	assert_int_equal(align_roster_resolve(r, "Tomás", 0, &b, &e), 0);
	assert_int_equal(align_roster_resolve(r, "tomás", 0, &c, &e), 0);
	assert_int_equal(a.index, b.index);
	assert_int_equal(b.index, c.index);
	assert_string_equal(c.name, "Tomás");
	assert_int_equal(a.how, ALIGN_MATCH_FOLDED);
	assert_int_equal(b.how, ALIGN_MATCH_EXACT);
	expect(r, "TOMAS", ALIGN_MATCH_FOLDED, "Tomás");
	expect(r, "Toma\xcc\x81s", ALIGN_MATCH_FOLDED, "Tomás");  /* NFD */
	expect(r, "\xef\xbc\xa1na", ALIGN_MATCH_FOLDED, "Ana"); /* fullwidth */
	align_roster_free(r);
	expect(*state, "tomas  RUIZ", ALIGN_MATCH_FOLDED, "Tomás Ruiz");
}

/* "Marcus" typed for "Marcus Lee": a unique first name. */
static void
test_a_unique_first_name(void **state)
{
	expect(*state, "Marcus", ALIGN_MATCH_FIRST, "Marcus Lee");
	expect(*state, "marcus", ALIGN_MATCH_FIRST, "Marcus Lee");
	expect(*state, "Tomas", ALIGN_MATCH_FIRST, "Tomás Ruiz");
	expect(*state, "ana", ALIGN_MATCH_FIRST, "Ana Lima");
}

static void
test_a_unique_prefix(void **state)
{
	expect(*state, "Marcu", ALIGN_MATCH_PREFIX, "Marcus Lee");
	expect(*state, "Marcus L", ALIGN_MATCH_PREFIX, "Marcus Lee");
	expect(*state, "mari", ALIGN_MATCH_PREFIX, "Maria Diaz");
	expect(*state, "De", ALIGN_MATCH_PREFIX, "Dev");
	/* One letter is no name. */
	expect(*state, "D", ALIGN_MATCH_NONE, NULL);
}

static void
test_an_ambiguous_prefix_names_the_candidates(void **state)
{
	struct align_resolved res;
	struct align_err e = ALIGN_ERR_INIT;

	refused(*state, "Mar", "'Mar' is ambiguous: 'Marcus Lee', "
	    "'Maria Diaz' or 'Marco Polo'");
	assert_int_equal(align_roster_resolve(*state, "ma", 0, &res, &e), -1);
	assert_int_equal(res.how, ALIGN_MATCH_AMBIGUOUS);
	assert_int_equal(res.ncand, 3);
	/* "Marc" is an alias: it wins over the prefix. */
	expect(*state, "Marc", ALIGN_MATCH_ALIAS, "Marcus Lee");
	expect(*state, "marc", ALIGN_MATCH_ALIAS, "Marcus Lee");
	assert_int_equal(align_roster_resolve(*state, "Marco", 0, &res, &e),
	    0);
	assert_string_equal(res.name, "Marco Polo");
}

static void
test_more_candidates_than_shown(void **state)
{
	struct align_roster *r = roster_of("---\nkind: session\nid: s\n"
	    "participants: [Ana, Anabel, Anaïs, Anatole, Ben]\n");

	(void)state;
	refused(r, "an", "'an' is ambiguous: 'Ana', 'Anabel', 'Anaïs' or 1 "
	    "other");
	expect(r, "ana", ALIGN_MATCH_FOLDED, "Ana");
	align_roster_free(r);
}

/* A name nobody has: up to three near ones suggested, nearest first. */
static void
test_suggestions(void **state)
{
	refused(*state, "Marcos", "no participant 'Marcos' (did you mean "
	    "'Marcus Lee' or 'Marco Polo'?)");
	refused(*state, "Aan Lima", "no participant 'Aan Lima' (did you mean "
	    "'Ana Lima'?)");
	refused(*state, "Zed", "no participant 'Zed'");
	refused(*state, "Tomaz Ruiz", "no participant 'Tomaz Ruiz' (did you "
	    "mean 'Tomás Ruiz'?)");
	refused(*state, "", "a participant's name is empty");
}

/* An address, as written or in another case, and "Name <address>". */
static void
test_email_aliases(void **state)
{
	expect(*state, "ana@example.org", ALIGN_MATCH_ALIAS, "Ana Lima");
	expect(*state, "ANA@Example.ORG", ALIGN_MATCH_ALIAS, "Ana Lima");
	expect(*state, "A. Lima <ana@example.org>", ALIGN_MATCH_ALIAS,
	    "Ana Lima");
	expect(*state, "m.lee@example.org", ALIGN_MATCH_ALIAS, "Marcus Lee");
	/* An unknown address: the name decides. */
	expect(*state, "Dev <dev@elsewhere.org>", ALIGN_MATCH_EXACT, "Dev");
	expect(*state, "Zed <zed@elsewhere.org>", ALIGN_MATCH_NONE, NULL);
}

static void
test_nicknames(void **state)
{
	expect(*state, "tom", ALIGN_MATCH_ALIAS, "Tomás Ruiz");
	expect(*state, "TOM", ALIGN_MATCH_ALIAS, "Tomás Ruiz");
	expect(*state, "MARC", ALIGN_MATCH_ALIAS, "Marcus Lee");
}

static void
test_bad_aliases_are_refused(void **state)
{
	struct align_node *all;
	struct align_roster *r;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	all = stream("---\nkind: session\nid: s\nparticipants: [Ana, Ben]\n"
	    "aliases:\n  Bob: Robert\n");
	assert_int_equal(align_roster_from_session(&r, all->item[0], &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(e.line, 2);
	assert_string_equal(e.msg, "alias 'Bob': no participant 'Robert'");
	assert_null(r);
	align_node_free(all);
	all = stream("---\nkind: session\nid: s\nparticipants: [Ana, Ben]\n"
	    "aliases:\n  ben: Ana\n");
	assert_int_equal(align_roster_from_session(&r, all->item[0], &e), -1);
	assert_string_equal(e.msg, "alias 'ben' is the name or alias of "
	    "another participant");
	align_node_free(all);
	/* A person's own name as an alias is no harm. */
	all = stream("---\nkind: session\nid: s\nparticipants: [Ana, Ben]\n"
	    "aliases:\n  ANA: Ana\n");
	assert_int_equal(align_roster_from_session(&r, all->item[0], &e), 0);
	align_roster_free(r);
	align_node_free(all);
}

static void
test_a_roster_of_one(void **state)
{
	struct align_roster *r = roster_of("---\nkind: session\nid: s\n"
	    "participants: [Dev]\n");

	(void)state;
	expect(r, "Dev", ALIGN_MATCH_EXACT, "Dev");
	expect(r, "dev", ALIGN_MATCH_FOLDED, "Dev");
	expect(r, "De", ALIGN_MATCH_PREFIX, "Dev");
	refused(r, "Deb", "no participant 'Deb' (did you mean 'Dev'?)");
	refused(r, "Eric", "no participant 'Eric'");
	assert_int_equal(align_roster_is_name(r, "Note", 4), 0);
	assert_int_equal(align_roster_is_name(r, "dev", 3), 1);
	align_roster_free(r);
}

/* No session, or no participants: every name as typed, as before. */
static void
test_no_roster_accepts_everything(void **state)
{
	struct align_roster *r;
	struct align_resolved res;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;

	(void)state;
	assert_int_equal(align_roster_from_session(&r, NULL, &e), 0);
	assert_int_equal(align_roster_resolve(r, "Marcos", 0, &res, &e), 0);
	assert_int_equal(res.how, ALIGN_MATCH_ANY);
	assert_string_equal(res.name, "Marcos");
	assert_int_equal(align_roster_is_name(r, "Note", 4), 1);
	align_roster_free(r);
	all = stream("---\nkind: session\nid: s\ntitle: T\n");
	assert_int_equal(align_roster_from_session(&r, all->item[0], &e), 0);
	assert_int_equal(align_roster_size(r), 0);
	assert_int_equal(align_roster_resolve(r, "tomás", 0, &res, &e), 0);
	assert_int_equal(res.how, ALIGN_MATCH_ANY);
	align_roster_free(r);
	align_node_free(all);
}

/* The user said to add the person: a name nobody has joins the roster,
 * and is found the next time; a near name is no reason to refuse, an
 * ambiguous one still is. */
static void
test_adding_a_participant(void **state)
{
	struct align_resolved res;
	struct align_err e = ALIGN_ERR_INIT;

	assert_int_equal(align_roster_resolve(*state, "Marcos",
	    ALIGN_ROSTER_ADD, &res, &e), 0);
	assert_int_equal(res.how, ALIGN_MATCH_ADDED);
	assert_string_equal(res.name, "Marcos");
	assert_int_equal(res.index, 6);
	assert_int_equal(align_roster_size(*state), 7);
	expect(*state, "marcos", ALIGN_MATCH_FOLDED, "Marcos");
	assert_int_equal(align_roster_resolve(*state, "Marcus",
	    ALIGN_ROSTER_ADD, &res, &e), 0);
	assert_int_equal(res.how, ALIGN_MATCH_FIRST);
	assert_int_equal(align_roster_resolve(*state, "Mar",
	    ALIGN_ROSTER_ADD, &res, &e), -1);
	assert_int_equal(res.how, ALIGN_MATCH_AMBIGUOUS);
	assert_int_equal(align_roster_size(*state), 7);
	assert_int_equal(align_roster_resolve(*state, "Zoe <zoe@example.org>",
	    ALIGN_ROSTER_ADD, &res, &e), 0);
	assert_string_equal(res.name, "Zoe");
	expect(*state, "zoe@example.org", ALIGN_MATCH_ALIAS, "Zoe");
}

/* Plain text's "Name: text": with a roster, only a participant's name
 * makes a line theirs; "Note: ..." is text. */
static void
test_is_name(void **state)
{
	static const char *const text[] = { "Note", "To be clear",
	    "Elle disait ", "Ps", "Mar" };
	static const char *const name[] = { "Marcus", "tomás", "Ana Lima",
	    "Marc", "Dev" };
	size_t i;

	for (i = 0; i < sizeof(text) / sizeof(text[0]); i++)
		if (align_roster_is_name(*state, text[i], strlen(text[i])))
			fail_msg("'%s' taken for a name", text[i]);
	for (i = 0; i < sizeof(name) / sizeof(name[0]); i++)
		if (!align_roster_is_name(*state, name[i], strlen(name[i])))
			fail_msg("'%s' not taken for a name", name[i]);
	/* n bytes, not the whole string. */
	assert_int_equal(align_roster_is_name(*state, "Dev: said", 3), 1);
}

/* Where a tool puts the refusal: an option's is a usage error. */
static void
test_refusal_at_a_place(void **state)
{
	struct align_resolved res;
	struct align_err e = ALIGN_ERR_INIT;

	assert_int_equal(align_roster_resolve(*state, "Marcos", 0, &res, &e),
	    -1);
	assert_int_equal(res.how, ALIGN_MATCH_NONE);
	assert_int_equal(res.ncand, 2);
	assert_string_equal(res.cand[0], "Marcus Lee");
	assert_int_equal(align_roster_refuse(&res, "Marcos", &e, EX_USAGE,
	    "votes.txt", 3, 1), -1);
	assert_int_equal(e.status, EX_USAGE);
	assert_string_equal(e.file, "votes.txt");
	assert_int_equal(e.line, 3);
}

/* Two participants whose names fold alike: each exact name is theirs,
 * the folded one is ambiguous; one listed twice is one person. */
static void
test_names_that_fold_alike(void **state)
{
	struct align_roster *r = roster_of("---\nkind: session\nid: s\n"
	    "participants: [Tomas, Tomás, Ana, Ana]\n");

	(void)state;
	assert_int_equal(align_roster_size(r), 3);
	expect(r, "Tomas", ALIGN_MATCH_EXACT, "Tomas");
	expect(r, "Tomás", ALIGN_MATCH_EXACT, "Tomás");
	refused(r, "tomas", "'tomas' is ambiguous: 'Tomas' or 'Tomás'");
	align_roster_free(r);
}

/* A list added at once holds what adding its entries in turn gives: the
 * same people in the same order, each name once, blank and nameless
 * entries left out, and the same answers. */
static void
test_a_list_added_at_once(void **state)
{
	static const char *const list[] = { "Ana Lima <ana@example.org>",
	    "Marcus Lee", "  ", "Tomás Ruiz", "Marcus Lee", "\t", "Maria Diaz",
	    "ana lima", "Dev" };
	static const char *const typed[] = { "ana@example.org", "marcus",
	    "tomas", "Mari", "Mar", "ana lima", "Marcos", "Zed" };
	struct align_roster *one = align_roster_new(), *all = align_roster_new();
	struct align_err e = ALIGN_ERR_INIT;
	size_t i, n = sizeof(list) / sizeof(list[0]);

	(void)state;
	for (i = 0; i < n; i++) {
		(void)align_roster_add(one, list[i], &e);
		e = (struct align_err)ALIGN_ERR_INIT;
	}
	assert_int_equal(align_roster_add_all(all, list, n, &e), 0);
	assert_int_equal(align_roster_size(all), align_roster_size(one));
	assert_int_equal(align_roster_size(all), 6);
	for (i = 0; i < align_roster_size(all); i++)
		assert_string_equal(align_roster_entry(all, i),
		    align_roster_entry(one, i));
	for (i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		struct align_resolved a, b;
		struct align_err ea = ALIGN_ERR_INIT, eb = ALIGN_ERR_INIT;
		int ra = align_roster_resolve(one, typed[i], 0, &a, &ea);
		int rb = align_roster_resolve(all, typed[i], 0, &b, &eb);

		assert_int_equal(ra, rb);
		assert_int_equal(a.how, b.how);
		assert_string_equal(ea.msg, eb.msg);
		if (ra == 0)
			assert_string_equal(a.name, b.name);
	}
	align_roster_free(one);
	align_roster_free(all);
}

/*
 * Allocation failures (tests/fault/fault.c): a roster made and asked by
 * every rule, allocation 1, 2, ... failing in turn, must fail with 71 or
 * answer as a run without failures does.
 */
void fault_reset(long n);
int fault_hit(void);

static int
ask_all(const struct align_node *session, struct align_buf *out,
    struct align_err *e)
{
	static const char *const typed[] = { "Marcus Lee", "tomas ruiz",
	    "Marcus", "Mari", "Marc", "ANA@example.org", "Mar", "Marcos",
	    "Zed", "Dev <dev@example.org>" };
	struct align_roster *r;
	struct align_resolved res;
	size_t i;

	if (align_roster_from_session(&r, session, e) < 0)
		return -1;
	for (i = 0; i < sizeof(typed) / sizeof(typed[0]); i++) {
		int flags = i % 2 ? ALIGN_ROSTER_ADD : 0;

		if (align_roster_resolve(r, typed[i], flags, &res, e) == 0)
			align_buf_printf(out, "%d %s\n", res.how, res.name);
		else if (e->status == 71)
			break;
		else
			align_buf_printf(out, "%d %s\n", res.how, e->msg);
		e->status = 0;
	}
	align_roster_free(r);
	return e->status == 71 ? -1 : 0;
}

static void
test_allocation_failures(void **state)
{
	struct align_node *all = stream(team);
	struct align_buf want = ALIGN_BUF_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	long n;

	(void)state;
	assert_int_equal(ask_all(all->item[0], &want, &e), 0);
	for (n = 1;; n++) {
		struct align_buf got = ALIGN_BUF_INIT;
		int rc, hit;

		e = (struct align_err)ALIGN_ERR_INIT;
		fault_reset(n);
		rc = ask_all(all->item[0], &got, &e);
		if (rc == 0 && got.failed)	/* the test's own buffer */
			rc = align_err_nomem(&e);
		hit = fault_hit();
		fault_reset(-1);
		if (!hit) {
			assert_int_equal(rc, 0);
			align_buf_release(&got);
			break;
		}
		if (rc < 0)
			assert_int_equal(e.status, 71);
		else if (strcmp(got.p, want.p) != 0)
			fail_msg("allocation %ld failed, and the answers differ:"
			    "\n%s", n, got.p);
		align_buf_release(&got);
	}
	print_message("%ld allocation failures, each in turn\n", n - 1);
	align_buf_release(&want);
	align_node_free(all);
}

/* The soft rule: resolved as the roster writes it, a near miss and an
 * ambiguous name refused, a name near nobody as typed. */
static void
test_the_soft_rule(void **state)
{
	struct align_resolved res;
	struct align_err e = ALIGN_ERR_INIT;

	assert_int_equal(align_roster_soft(*state, "marcus", 0, &res, &e), 0);
	assert_string_equal(res.name, "Marcus Lee");
	assert_int_equal(align_roster_soft(*state, "Marcos Lee", 0, &res, &e),
	    -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_string_equal(e.msg, "no participant 'Marcos Lee' (did you "
	    "mean 'Marcus Lee'?)");
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(align_roster_soft(*state, "Mar", 0, &res, &e), -1);
	assert_int_equal(res.how, ALIGN_MATCH_AMBIGUOUS);
	e = (struct align_err)ALIGN_ERR_INIT;
	assert_int_equal(align_roster_soft(*state, "Zoe Quist", 0, &res, &e),
	    0);
	assert_int_equal(res.how, ALIGN_MATCH_ANY);
	assert_string_equal(res.name, "Zoe Quist");
	assert_int_equal(e.status, 0);
}

/* The one fold of names, which every tool compares names by: case,
 * accents, compatibility forms and spaces do not count. */
static void
test_the_one_fold(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	const char *name = "  \xc3\x81na   LIMA\t";

	(void)state;
	assert_int_equal(align_name_fold(&b, name, strlen(name)), 0);
	assert_string_equal(b.p, "ana lima");
	assert_int_equal(align_name_fold(&b, "\xef\xac\x81ona", 6), 0);
	assert_string_equal(b.p, "fiona");	/* the ligature fi */
	assert_int_equal(align_name_fold(&b, "", 0), 0);
	assert_string_equal(b.p, "");
	align_buf_release(&b);
}

/* Names taken as typed: each later spelling that folds to one is the
 * first; whole names only. */
static void
test_strangers_first_spelling(void **state)
{
	struct align_strangers s = ALIGN_STRANGERS_INIT;
	const char *a, *b, *c, *d;

	(void)state;
	assert_int_equal(align_strangers_name(&s, "Zo\xc3\xab Park", &a), 0);
	assert_string_equal(a, "Zo\xc3\xab Park");
	assert_int_equal(align_strangers_name(&s, "zoe  park", &b), 0);
	assert_ptr_equal(a, b);
	assert_int_equal(align_strangers_name(&s, "ZO\xc3\x8b PARK", &c), 0);
	assert_ptr_equal(a, c);
	assert_int_equal(align_strangers_name(&s, "Zoe", &d), 0);
	assert_string_equal(d, "Zoe");
	align_strangers_release(&s);
}

/* A name longer than a chunk of first spellings has one of its own; the
 * names after it are kept as well, none over another. */
static void
test_strangers_long_name(void **state)
{
	struct align_strangers s = ALIGN_STRANGERS_INIT;
	size_t n = 70000;
	char *big = malloc(n + 1), small[32];
	const char *a, *b, *c[100];
	int i;

	(void)state;
	assert_non_null(big);
	memset(big, 'x', n);
	big[n] = '\0';
	assert_int_equal(align_strangers_name(&s, "Ana", &a), 0);
	assert_int_equal(align_strangers_name(&s, big, &b), 0);
	assert_string_equal(b, big);
	for (i = 0; i < 100; i++) {
		snprintf(small, sizeof(small), "Person %d", i);
		assert_int_equal(align_strangers_name(&s, small, &c[i]), 0);
	}
	big[0] = 'X';
	assert_int_equal(align_strangers_name(&s, big, &a), 0);
	assert_ptr_equal(a, b);
	assert_true(b[0] == 'x' && strlen(b) == n);
	for (i = 0; i < 100; i++) {
		snprintf(small, sizeof(small), "person %d", i);
		assert_int_equal(align_strangers_name(&s, small, &a), 0);
		assert_ptr_equal(a, c[i]);
		assert_true(a[0] == 'P');
	}
	assert_int_equal(align_strangers_name(&s, "ANA", &a), 0);
	assert_string_equal(a, "Ana");
	free(big);
	align_strangers_release(&s);
}

/* A spelling of base name i: its case, accents (composed or not) and
 * spaces as draw says, ASCII or not. */
static void
spelling(char *out, size_t size, unsigned i, unsigned draw)
{
	static const char *first[] = { "zoe", "chloe", "maria", "jose",
	    "ana", "bjorn", "elif", "rene", "ines", "noel" };
	static const char *accented[] = { "zo\xc3\xab", "chlo\xc3\xa9",
	    "mar\xc3\xad""a", "jos\xc3\xa9", "\xc3\xa1na", "bj\xc3\xb6rn",
	    "el\xc3\xaf""f", "rene\xcc\x81", "in\xc3\xa9s", "no\xc3\xabl" };
	static const char *upper[] = { "ZO\xc3\x8b", "CHLO\xc3\x89",
	    "MAR\xc3\x8d""A", "JOS\xc3\x89", "\xc3\x81NA", "BJ\xc3\x96RN",
	    "EL\xc3\x8f""F", "REN\xc3\x89", "IN\xc3\x89S", "NO\xc3\x8bL" };
	const char *f = draw % 3 == 0 ? first[i % 10] : draw % 3 == 1 ?
	    accented[i % 10] : upper[i % 10];
	const char *gap = (draw >> 2) % 4 == 0 ? "  " : (draw >> 2) % 4 == 1 ?
	    "\t" : " ";
	char last[32];

	snprintf(last, sizeof(last), "%s%u", (draw >> 4) % 2 ? "Park" :
	    "PARK", i / 10);
	snprintf(out, size, "%s%s%s%s%s", (draw >> 5) % 3 == 0 ? " " : "",
	    f, gap, last, (draw >> 8) % 3 == 0 ? " " : "");
	if ((draw >> 10) % 2 && out[0] >= 'a' && out[0] <= 'z')
		out[0] = (char)(out[0] - 32);
}

/* Names taken as typed, thousands of them in every mix of ASCII,
 * accents, spaces and case, over several doublings of the table: each is
 * the first spelling of its fold, compared with align_name_fold() name
 * by name (a dictionary of folds, the first spelling of each). */
static void
test_strangers_agree_with_the_fold(void **state)
{
	struct align_strangers s = ALIGN_STRANGERS_INIT;
	struct align_dict folds = ALIGN_DICT_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	char **firsts = calloc(4000, sizeof(*firsts));
	char typed[128];
	uint32_t seed = 7;
	const char *name;
	long id;
	int k;

	(void)state;
	assert_non_null(firsts);
	for (k = 0; k < 30000; k++) {
		seed = seed * 1103515245u + 12345u;
		spelling(typed, sizeof(typed), (seed >> 8) % 4000,
		    seed * 2654435761u >> 11);
		assert_int_equal(align_strangers_name(&s, typed, &name), 0);
		assert_int_equal(align_name_fold(&b, typed, strlen(typed)), 0);
		id = align_dict_id(&folds, b.p, b.len, 1);
		assert_true(id >= 0 && id < 4000);
		if (firsts[id] == NULL)
			assert_non_null(firsts[id] = strdup(typed));
		assert_string_equal(name, firsts[id]);
	}
	assert_true(folds.n > 3000);
	for (k = 0; k < 4000; k++)
		free(firsts[k]);
	free(firsts);
	align_dict_release(&folds);
	align_buf_release(&b);
	align_strangers_release(&s);
}

static int
by_high_half(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a >> 32, y = *(const uint64_t *)b >> 32;

	return x < y ? -1 : x > y;
}

/* Two names, the prefix and a number, whose hashes (hash.h's, the
 * table's) have the same high half, the part the table keeps: into a
 * and b (64 bytes each).  A few in 200,000. */
static void
colliding_names(const char *prefix, char *a, char *b)
{
	enum { N = 200000 };
	uint64_t *h = calloc(N, sizeof(*h));
	char name[64];
	uint64_t i;

	assert_non_null(h);
	for (i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "%s%u", prefix, (unsigned)i);
		/* The low bits: the number, to find the name again. */
		h[i] = (align_dict_hash(name, strlen(name)) &
		    0xffffffff00000000ULL) | i;
	}
	qsort(h, N, sizeof(*h), by_high_half);
	for (i = 1; i < N && h[i] >> 32 != h[i - 1] >> 32; i++)
		;
	assert_true(i < N);
	snprintf(a, 64, "%s%u", prefix, (unsigned)(uint32_t)h[i - 1]);
	snprintf(b, 64, "%s%u", prefix, (unsigned)(uint32_t)h[i]);
	free(h);
}

/* Two names the table cannot tell apart by its half of their hashes,
 * each looked up by its own bytes (not ASCII) and by its fold (ASCII,
 * folded already): two people, not one. */
static void
test_strangers_with_the_same_hash(void **state)
{
	struct align_strangers s = ALIGN_STRANGERS_INIT;
	char a[64], b[64];
	const char *name;

	(void)state;
	colliding_names("J\xc3\xb6rg ", a, b);
	assert_int_equal(align_strangers_name(&s, a, &name), 0);
	assert_string_equal(name, a);
	assert_int_equal(align_strangers_name(&s, b, &name), 0);
	assert_string_equal(name, b);
	assert_int_equal(align_strangers_name(&s, a, &name), 0);
	assert_string_equal(name, a);
	colliding_names("ana ", a, b);
	assert_int_equal(align_strangers_name(&s, a, &name), 0);
	assert_string_equal(name, a);
	assert_int_equal(align_strangers_name(&s, b, &name), 0);
	assert_string_equal(name, b);
	align_strangers_release(&s);
}

/* Out of memory at any allocation: -1, the names held before still
 * found as they were. */
static void
test_strangers_out_of_memory(void **state)
{
	char typed[64];
	long n, failed = 0;
	int k, rc;

	(void)state;
	for (n = 1; ; n++) {
		struct align_strangers s = ALIGN_STRANGERS_INIT;
		const char *name, *zoe = NULL;
		int hit;

		fault_reset(n);
		for (rc = 0, k = 0; rc == 0 && k < 600; k++) {
			spelling(typed, sizeof(typed), (unsigned)k % 300,
			    (unsigned)k * 977u);
			rc = align_strangers_name(&s, typed, &name);
			if (rc == 0 && k == 0)
				zoe = name;
		}
		hit = fault_hit();
		fault_reset(-1);
		if (rc < 0 && zoe) {
			spelling(typed, sizeof(typed), 0, 5);
			assert_int_equal(align_strangers_name(&s, typed,
			    &name), 0);
			assert_ptr_equal(name, zoe);
		}
		align_strangers_release(&s);
		if (!hit)
			break;
		failed += rc < 0;
	}
	assert_true(failed > 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)
		T(test_an_exact_name),
		T(test_case_and_accents_folded),
		T(test_a_unique_first_name),
		T(test_a_unique_prefix),
		T(test_an_ambiguous_prefix_names_the_candidates),
		T(test_more_candidates_than_shown),
		T(test_suggestions),
		T(test_email_aliases),
		T(test_nicknames),
		T(test_bad_aliases_are_refused),
		T(test_a_roster_of_one),
		T(test_no_roster_accepts_everything),
		T(test_adding_a_participant),
		T(test_is_name),
		T(test_the_soft_rule),
		T(test_refusal_at_a_place),
		T(test_names_that_fold_alike),
		T(test_a_list_added_at_once),
		T(test_the_one_fold),
		T(test_strangers_first_spelling),
		T(test_strangers_long_name),
		T(test_strangers_agree_with_the_fold),
		T(test_strangers_with_the_same_hash),
		cmocka_unit_test(test_strangers_out_of_memory),
		cmocka_unit_test(test_allocation_failures),
#undef T
	};

	return cmocka_run_group_tests_name("roster", tests, NULL, NULL);
}
