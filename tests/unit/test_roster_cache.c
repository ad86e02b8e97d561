/* The cache of rosters (roster.h, roster_cache.c): a large session's
 * roster read back from its file answers every name as the roster made
 * from the session does, and any file that does not fit the session is a
 * miss, the roster made again. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "../../lib/buf.h"
#include "../../lib/reader.h"
#include "../../lib/roster.h"
#include "helpers.h"

/* What is asked of every roster: each rule, a near miss, an ambiguous
 * name, a name near nobody, an address, an alias. */
static const char *const asked[] = { "Marcus Lee", "marcus lee",
    "tomas ruiz", "TOMÁS", "Marcus", "Marc", "Marcos Lee", "Mar",
    "Zoe Quist", "ana@example.org", "Dev <dev@example.org>", "Person 17",
    "person 1017", "Persn 1017", "Person", "m.lee@example.org",
    "Newcomer Smith" };

/* A session of n participants (the team, and "Person i" for the rest),
 * with its aliases, and extra as one more participant when not NULL. */
static struct align_node *
big_session(size_t n, const char *extra)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_node *all;
	size_t i;

	align_buf_puts(&b, "---\nkind: session\nid: s\nparticipants:\n"
	    "- Ana Lima <ana@example.org>\n- Marcus Lee\n- Tomás Ruiz\n"
	    "- Maria Diaz\n- Marco Polo\n- Dev\n- [Ben Odd]\n");
	for (i = 6; i < n; i++)
		align_buf_printf(&b, "- Person %zu\n", i);
	if (extra)
		align_buf_printf(&b, "- %s\n", extra);
	align_buf_puts(&b, "aliases:\n  Marc: Marcus Lee\n  tom: tomas ruiz\n"
	    "  m.lee@example.org: Marcus Lee\n");
	all = stream(b.p);
	align_buf_release(&b);
	return all;
}

/* Every name of asked[] resolved by r, softly and then strictly, as
 * lines of text. */
static void
answers(struct align_roster *r, struct align_buf *out)
{
	size_t i;

	for (i = 0; i < sizeof(asked) / sizeof(asked[0]); i++) {
		struct align_resolved res;
		struct align_err e = ALIGN_ERR_INIT;

		if (align_roster_soft(r, asked[i], 0, &res, &e) == 0)
			align_buf_printf(out, "%s: %d %s\n", asked[i], res.how,
			    res.name);
		else
			align_buf_printf(out, "%s: %s\n", asked[i], e.msg);
		e = (struct align_err)ALIGN_ERR_INIT;
		if (align_roster_resolve(r, asked[i], 0, &res, &e) == 0)
			align_buf_printf(out, "  %d %zu\n", res.how, res.index);
		else
			align_buf_printf(out, "  %s\n", e.msg);
	}
}

/* The roster of session through the cache file: how it came, and its
 * answers in out. */
static enum align_roster_how
through(const struct align_node *session, const char *file,
    struct align_buf *out)
{
	struct align_roster *r;
	struct align_err e = ALIGN_ERR_INIT;
	enum align_roster_how how;

	if (align_roster_from_session_cached(&r, session, file, NULL, &how,
	    &e) < 0)
		fail_msg("roster: %s", e.msg);
	answers(r, out);
	align_roster_free(r);
	return how;
}

/* The answers of the roster made from session without a cache. */
static void
made(const struct align_node *session, struct align_buf *out)
{
	struct align_roster *r;
	struct align_err e = ALIGN_ERR_INIT;

	if (align_roster_from_session(&r, session, &e) < 0)
		fail_msg("roster: %s", e.msg);
	answers(r, out);
	align_roster_free(r);
}

static void
test_a_cached_roster_answers_as_the_made_one(void **state)
{
	struct align_node *all = big_session(1500, NULL);
	struct align_buf want = ALIGN_BUF_INIT, got = ALIGN_BUF_INIT;
	char file[256];

	(void)state;
	snprintf(file, sizeof(file), "%s", test_path("roster.cache"));
	unlink(file);
	made(all->item[0], &want);
	/* The answers say what the rules give, not only that both agree. */
	assert_non_null(strstr(want.p, "Marcos Lee: no participant 'Marcos "
	    "Lee' (did you mean 'Marcus Lee'?)"));
	assert_non_null(strstr(want.p, "Mar: 'Mar' is ambiguous:"));
	assert_non_null(strstr(want.p, "Zoe Quist: 7 Zoe Quist"));
	assert_non_null(strstr(want.p, "person 1017: 4 Person 1017"));
	assert_non_null(strstr(want.p, "Persn 1017: no participant"));
	/* Missing: made and written; then read back. */
	assert_int_equal(through(all->item[0], file, &got),
	    ALIGN_ROSTER_SAVED);
	assert_string_equal(got.p, want.p);
	align_buf_reset(&got);
	assert_int_equal(through(all->item[0], file, &got),
	    ALIGN_ROSTER_CACHED);
	assert_string_equal(got.p, want.p);
	align_buf_release(&got);
	align_buf_release(&want);
	align_node_free(all);
	unlink(file);
}

/* A session changed since (one more participant) does not fit the
 * cache: the roster is made again, and holds the newcomer. */
static void
test_a_stale_cache_is_a_miss(void **state)
{
	struct align_node *old = big_session(1500, NULL);
	struct align_node *now = big_session(1500, "Newcomer Smith");
	struct align_buf want = ALIGN_BUF_INIT, got = ALIGN_BUF_INIT;
	char file[256];

	(void)state;
	snprintf(file, sizeof(file), "%s", test_path("roster.stale"));
	unlink(file);
	assert_int_equal(through(old->item[0], file, &got),
	    ALIGN_ROSTER_SAVED);
	align_buf_reset(&got);
	made(now->item[0], &want);
	assert_non_null(strstr(want.p, "Newcomer Smith: 2 Newcomer Smith"));
	assert_int_equal(through(now->item[0], file, &got),
	    ALIGN_ROSTER_SAVED);
	assert_string_equal(got.p, want.p);
	align_buf_reset(&got);
	assert_int_equal(through(now->item[0], file, &got),
	    ALIGN_ROSTER_CACHED);
	assert_string_equal(got.p, want.p);
	align_buf_release(&got);
	align_buf_release(&want);
	align_node_free(old);
	align_node_free(now);
	unlink(file);
}

/* flip FILE's byte at off (from the end when negative), or cut it. */
static void
damage(const char *file, long off, int cut)
{
	struct stat st;
	FILE *fp;
	int c;

	assert_int_equal(stat(file, &st), 0);
	if (cut) {
		assert_int_equal(truncate(file, st.st_size - 1), 0);
		return;
	}
	if (off < 0)
		off += (long)st.st_size;
	assert_non_null(fp = fopen(file, "r+b"));
	fseek(fp, off, SEEK_SET);
	c = fgetc(fp);
	fseek(fp, off, SEEK_SET);
	fputc(c ^ 0x20, fp);
	fclose(fp);
}

/* A damaged file (a byte of the header, of the strings, of the tables;
 * cut short) is a miss, and written again whole. */
static void
test_a_damaged_cache_is_a_miss(void **state)
{
	static const struct { long off; int cut; } harm[] = {
		{ 20, 0 }, { 100, 0 }, { -5, 0 }, { 0, 1 } };
	struct align_node *all = big_session(1200, NULL);
	struct align_buf want = ALIGN_BUF_INIT, got = ALIGN_BUF_INIT;
	char file[256];
	size_t i;

	(void)state;
	snprintf(file, sizeof(file), "%s", test_path("roster.damaged"));
	made(all->item[0], &want);
	for (i = 0; i < sizeof(harm) / sizeof(harm[0]); i++) {
		unlink(file);
		assert_int_equal(through(all->item[0], file, &got),
		    ALIGN_ROSTER_SAVED);
		damage(file, harm[i].off, harm[i].cut);
		align_buf_reset(&got);
		assert_int_equal(through(all->item[0], file, &got),
		    ALIGN_ROSTER_SAVED);
		assert_string_equal(got.p, want.p);
		align_buf_reset(&got);
	}
	align_buf_release(&got);
	align_buf_release(&want);
	align_node_free(all);
	unlink(file);
}

/* A small session, or none, is made and never cached; a cache of one
 * fingerprint is not read under another. */
static void
test_small_and_foreign(void **state)
{
	struct align_node *small = big_session(10, NULL);
	struct align_node *all = big_session(1200, NULL);
	struct align_buf got = ALIGN_BUF_INIT;
	struct align_roster *r;
	struct align_err e = ALIGN_ERR_INIT;
	char file[256];
	struct stat st;

	(void)state;
	snprintf(file, sizeof(file), "%s", test_path("roster.small"));
	unlink(file);
	assert_int_equal(through(small->item[0], file, &got),
	    ALIGN_ROSTER_MADE);
	assert_int_not_equal(stat(file, &st), 0);
	assert_int_equal(through(all->item[0], NULL, &got),
	    ALIGN_ROSTER_MADE);
	assert_int_equal(align_roster_from_session(&r, all->item[0], &e), 0);
	assert_int_equal(align_roster_cache_save(r, file, 1, 2, NULL), 0);
	align_roster_free(r);
	assert_null(align_roster_cache_load(file, 1, 3));
	assert_non_null(r = align_roster_cache_load(file, 1, 2));
	assert_int_equal(align_roster_size(r), 1201);	/* Ben Odd */
	assert_string_equal(align_roster_entry(r, 0),
	    "Ana Lima <ana@example.org>");
	assert_string_equal(align_roster_email(r, 0), "ana@example.org");
	assert_string_equal(align_roster_name(r, 0), "Ana Lima");
	align_roster_free(r);
	align_buf_release(&got);
	align_node_free(small);
	align_node_free(all);
	unlink(file);
}

/* A roster read from the cache takes a new participant (CSV's
 * --add-participant), and finds them after. */
static void
test_adding_to_a_cached_roster(void **state)
{
	struct align_node *all = big_session(1200, NULL);
	struct align_roster *r;
	struct align_resolved res;
	struct align_err e = ALIGN_ERR_INIT;
	enum align_roster_how how;
	char file[256];

	(void)state;
	snprintf(file, sizeof(file), "%s", test_path("roster.add"));
	unlink(file);
	assert_int_equal(align_roster_from_session_cached(&r, all->item[0],
	    file, NULL, &how, &e), 0);
	align_roster_free(r);
	assert_int_equal(align_roster_from_session_cached(&r, all->item[0],
	    file, NULL, &how, &e), 0);
	assert_int_equal(how, ALIGN_ROSTER_CACHED);
	assert_int_equal(align_roster_resolve(r, "Zoe Quist", ALIGN_ROSTER_ADD,
	    &res, &e), 0);
	assert_int_equal(res.how, ALIGN_MATCH_ADDED);
	assert_int_equal(align_roster_resolve(r, "zoe", 0, &res, &e), 0);
	assert_string_equal(res.name, "Zoe Quist");
	assert_int_equal(align_roster_resolve(r, "Marcus", 0, &res, &e), 0);
	assert_string_equal(res.name, "Marcus Lee");
	align_roster_free(r);
	align_node_free(all);
	unlink(file);
}

/* The session file of n participants, and a response after it, at
 * path; the bytes of the session record in *len. */
static void
session_file(const char *path, size_t n, const char *title, size_t *len)
{
	FILE *fp = fopen(path, "w");
	size_t i;

	assert_non_null(fp);
	fprintf(fp, "---\nkind: session\nid: s\ntitle: %s\nparticipants:\n",
	    title);
	for (i = 0; i < n; i++)
		fprintf(fp, "- Person %zu\n", i);
	*len = (size_t)ftell(fp);
	fprintf(fp, "---\nkind: response\nid: r-1\nparticipant: Person 1\n"
	    "text: hi\n");
	fclose(fp);
}

/* By bytes: a roster saved with the span of its session's bytes is read
 * back while the file begins with them, whatever comes after; a byte
 * changed in the session, or a file cut inside it, is a miss. */
static void
test_by_the_bytes_of_the_session(void **state)
{
	struct align_roster_span span;
	struct align_roster *r;
	struct align_node *all;
	struct align_err e = ALIGN_ERR_INIT;
	char session[256], file[256];
	size_t len;
	FILE *fp;
	int fd;

	(void)state;
	snprintf(session, sizeof(session), "%s", test_path("session.yaml"));
	snprintf(file, sizeof(file), "%s", test_path("roster.bytes"));
	unlink(file);
	session_file(session, 1100, "One", &len);
	assert_true((fd = open(session, O_RDONLY)) >= 0);
	assert_int_equal(align_roster_span_of(fd, &span), 0);
	assert_int_equal((size_t)span.len, len);
	assert_null(align_roster_cache_by_bytes(file, fd));	/* missing */
	all = stream("---\nkind: session\nid: s\nparticipants: [Ana, Ben]\n");
	assert_int_equal(align_roster_from_session(&r, all->item[0], &e), 0);
	assert_int_equal(align_roster_cache_save(r, file, 1, 2, &span), 0);
	align_roster_free(r);
	align_node_free(all);
	assert_non_null(r = align_roster_cache_by_bytes(file, fd));
	assert_string_equal(align_roster_name(r, 1), "Ben");
	align_roster_free(r);
	close(fd);
	/* More records after: the same bytes first. */
	assert_non_null(fp = fopen(session, "a"));
	fputs("---\nkind: response\nid: r-2\nparticipant: Ana\ntext: x\n", fp);
	fclose(fp);
	assert_true((fd = open(session, O_RDONLY)) >= 0);
	assert_non_null(r = align_roster_cache_by_bytes(file, fd));
	align_roster_free(r);
	close(fd);
	/* Another title of the same length: other bytes. */
	session_file(session, 1100, "Two", &len);
	assert_true((fd = open(session, O_RDONLY)) >= 0);
	assert_null(align_roster_cache_by_bytes(file, fd));
	close(fd);
	/* Cut inside the session. */
	session_file(session, 1100, "One", &len);
	assert_int_equal(truncate(session, (off_t)len - 3), 0);
	assert_true((fd = open(session, O_RDONLY)) >= 0);
	assert_null(align_roster_cache_by_bytes(file, fd));
	close(fd);
	unlink(session);
	unlink(file);
}

/* The span of a file's first record: to the next "---", all of a file
 * of one record; none when it does not begin with "---" or ends its
 * record with "...". */
static void
test_the_span_of_the_first_record(void **state)
{
	static const struct { const char *text; long long len; } cases[] = {
		{ "---\nkind: session\n---\nkind: response\n", 18 },
		{ "---\nkind: session\n--- \nkind: x\n", 18 },
		{ "---\nkind: session\ntext: \"a\n  ---b\"\n", 35 },
		{ "---\nkind: session\n", 18 },
		{ "kind: session\n---\nkind: x\n", 0 },
		{ "---\nkind: session\n...\n---\nkind: x\n", 0 },
		{ "---\nkind: session\n----\n---\n", 23 },
	};
	struct align_roster_span span;
	char path[64];
	size_t i;
	int fd;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		tmpfile_with(path, cases[i].text, strlen(cases[i].text));
		assert_true((fd = open(path, O_RDONLY)) >= 0);
		assert_int_equal(align_roster_span_of(fd, &span),
		    cases[i].len ? 0 : -1);
		if (span.len != cases[i].len)
			fail_msg("case %zu: span %lld, expected %lld", i,
			    span.len, cases[i].len);
		close(fd);
		unlink(path);
	}
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_cached_roster_answers_as_the_made_one),
		cmocka_unit_test(test_a_stale_cache_is_a_miss),
		cmocka_unit_test(test_a_damaged_cache_is_a_miss),
		cmocka_unit_test(test_small_and_foreign),
		cmocka_unit_test(test_adding_to_a_cached_roster),
		cmocka_unit_test(test_by_the_bytes_of_the_session),
		cmocka_unit_test(test_the_span_of_the_first_record),
	};

	return cmocka_run_group_tests_name("roster cache", tests, NULL, NULL);
}
