/* Who said a line: names resolved against the session's participants,
 * and completed from what was typed. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/reader.h"
#include "../../lib/roster.h"
#include "../../lib/speaker.h"
#include "helpers.h"

static struct align_node *
session_of(const char *participants)
{
	char text[1024];
	struct align_node *all, *s;

	snprintf(text, sizeof(text), "---\nkind: session\nid: s\n"
	    "participants: %s\n", participants);
	all = stream(text);
	s = all->item[0];
	all->item[0] = NULL;
	all->n = 0;
	align_node_free(all);
	return s;
}

/* Case, accents and spaces do not count. */
static void
test_fold(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	const char *name = "  Jos\xc3\xa9   MAR\xc3\x8d" "A ";

	(void)state;
	assert_int_equal(align_name_fold(&b, name, strlen(name)), 0);
	assert_string_equal(b.p, "jose maria");
	assert_int_equal(align_name_fold(&b, "", 0), 0);
	assert_string_equal(b.p, "");
	align_buf_release(&b);
}

/* A roster name begins a line at any length; the longest rule of plain
 * text does not limit it; a name not on the roster is not found. */
static void
test_find(void **state)
{
	struct align_node *s = session_of("[Marcus Lee, "
	    "Maria del Carmen Fernandez Lopez, Jos\xc3\xa9, \"  \"]");
	struct align_speakers sp;
	struct align_err e = ALIGN_ERR_INIT;
	const char *name = NULL;
	size_t k = 0;

	(void)state;
	assert_int_equal(align_speakers_init(&sp, s, &e), 0);
	assert_int_equal(sp.n, 3);	/* a name of spaces is no name */
	assert_int_equal(align_speakers_find(&sp,
	    "maria del carmen  fernandez LOPEZ: hola", &k, &name), 1);
	assert_int_equal(k, 33);
	assert_string_equal(name, "Maria del Carmen Fernandez Lopez");
	assert_int_equal(align_speakers_find(&sp,
	    "jose:\tsi", &k, &name), 1);
	assert_int_equal(k, 4);
	assert_string_equal(name, "Jos\xc3\xa9");
	assert_int_equal(align_speakers_find(&sp,
	    "Jose:", &k, &name), 1);
	assert_int_equal(k, 4);
	/* Not followed by a space, not a name, not the start. */
	assert_int_equal(align_speakers_find(&sp,
	    "Jose:x", &k, &name), 0);
	assert_int_equal(align_speakers_find(&sp,
	    "Ana: hi", &k, &name), 0);
	assert_int_equal(align_speakers_find(&sp,
	    "I met Jose: hi", &k, &name), 0);
	assert_int_equal(align_speakers_find(&sp,
	    "Marcus: hi", &k, &name), 0);
	align_speakers_release(&sp);
	/* No session, or one without participants: no roster. */
	assert_int_equal(align_speakers_init(&sp, NULL, &e), 0);
	assert_int_equal(align_speakers_find(&sp,
	    "Jose: hi", &k, &name), 0);
	align_speakers_release(&sp);
	align_node_free(s);
}

/* Many names, found by their folded form: the first of two that fold
 * alike is the one found, as in the session's order; the colon first
 * matching a name ends it. */
static void
test_find_many(void **state)
{
	struct align_buf text = ALIGN_BUF_INIT;
	struct align_node *all, *s;
	struct align_speakers sp;
	struct align_err e = ALIGN_ERR_INIT;
	const char *name = NULL;
	size_t k = 0, i;

	(void)state;
	align_buf_puts(&text, "---\nkind: session\nid: s\nparticipants:\n");
	for (i = 0; i < 5000; i++)
		align_buf_printf(&text, "- Person %zu\n", i);
	align_buf_puts(&text, "- JOS\xc3\x89\n- Jose\n- Ana\n- \"Ana: Lima\"\n");
	all = stream(text.p);
	s = all->item[0];
	all->item[0] = NULL;
	all->n = 0;
	align_node_free(all);
	assert_int_equal(align_speakers_init(&sp, s, &e), 0);
	assert_int_equal(sp.n, 5004);
	assert_int_equal(align_speakers_find(&sp, "person 4999: x", &k, &name),
	    1);
	assert_string_equal(name, "Person 4999");
	assert_int_equal(align_speakers_find(&sp, "Person 5000: x", &k,
	    &name), 0);
	assert_int_equal(align_speakers_find(&sp, "jose: x", &k, &name), 1);
	assert_string_equal(name, "JOS\xc3\x89");
	assert_int_equal(align_speakers_find(&sp, "Ana: Lima: x", &k, &name),
	    1);
	assert_int_equal(k, 3);
	assert_string_equal(name, "Ana");
	align_speakers_release(&sp);
	align_node_free(s);
	align_buf_release(&text);
}

/* Shaped like a name, but longer than plain text's rule. */
static void
test_long_name(void **state)
{
	(void)state;
	assert_int_equal(align_speaker_long_name(
	    "Maria del Carmen Fernandez Lopez: text"), 32);
	assert_int_equal(align_speaker_long_name(
	    "Bartholomew Maximilian Featherstonehaughs: x"), 41);
	/* Within the rule: the reader takes it; not a long name. */
	assert_int_equal(align_speaker_long_name("Ana de la Cruz: hola"), 0);
	/* Not shaped like a name. */
	assert_int_equal(align_speaker_long_name(
	    "what (she said) to all of us: listen"), 0);
	assert_int_equal(align_speaker_long_name(
	    "one two three four five six"), 0);
	assert_int_equal(align_speaker_long_name(
	    "one two three four five:six"), 0);
	assert_int_equal(align_speaker_long_name(
	    "one two\nthree four five: six"), 0);
	assert_int_equal(align_speaker_long_name(
	    "1 two three four five: six"), 0);
}

/* TAB: one name and ": "; several, listed, and what they share; none. */
static void
test_complete(void **state)
{
	struct align_node *s = session_of("[Marcus Lee, "
	    "Maria del Carmen Fernandez Lopez, Jos\xc3\xa9 Luis, "
	    "Jose Mar\xc3\xad" "a, Ana]");
	struct align_speakers sp;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf put = ALIGN_BUF_INIT;
	const char **v;
	size_t n;

	(void)state;
	assert_int_equal(align_speakers_init(&sp, s, &e), 0);
	assert_int_equal(align_speakers_complete(&sp, "Marc", 4, &put, &v, &n,
	    &e), 0);
	assert_int_equal(n, 1);
	assert_string_equal(put.p, "Marcus Lee: ");
	free(v);
	assert_int_equal(align_speakers_complete(&sp, "mar", 3, &put, &v, &n,
	    &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(v[0], "Marcus Lee");
	assert_string_equal(v[1], "Maria del Carmen Fernandez Lopez");
	assert_string_equal(put.p, "Mar");	/* as the roster spells it */
	free(v);
	/* They share "Jos", cut before the accent that differs. */
	assert_int_equal(align_speakers_complete(&sp, "jos", 3, &put, &v, &n,
	    &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(put.p, "Jos");
	free(v);
	/* "jose" begins both, folded; what they share no longer does. */
	assert_int_equal(align_speakers_complete(&sp, "jose", 4, &put, &v, &n,
	    &e), 0);
	assert_int_equal(n, 2);
	assert_string_equal(put.p, "jose");
	free(v);
	assert_int_equal(align_speakers_complete(&sp, "Zed", 3, &put, &v, &n,
	    &e), 0);
	assert_int_equal(n, 0);
	assert_null(v);
	/* Nothing typed: every name. */
	assert_int_equal(align_speakers_complete(&sp, "", 0, &put, &v, &n,
	    &e), 0);
	assert_int_equal(n, 5);
	free(v);
	align_buf_release(&put);
	align_speakers_release(&sp);
	align_node_free(s);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fold),
		cmocka_unit_test(test_find),
		cmocka_unit_test(test_find_many),
		cmocka_unit_test(test_long_name),
		cmocka_unit_test(test_complete),
	};

	return cmocka_run_group_tests_name("speaker", tests, NULL, NULL);
}
