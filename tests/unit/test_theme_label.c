/* What an automatic theme is called: the concept most of its responses
 * share, else its most telling phrase as people wrote it; its keywords;
 * its typical response. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../../lib/reader.h"
#include "../../lib/theme.h"
#include "../../lib/writer.h"
#include "helpers.h"
#include "theme_helpers.h"

/* The records of one theme of all of text's responses. */
static char *
one_theme(const char *text, int lexicon)
{
	struct align_theme_opts o = theme_defaults();
	char *x;

	o.min_support = 1;
	o.no_lexicon = !lexicon;
	x = themes_of(text, &o);
	if (strstr(x, "kind: theme") == NULL ||
	    strstr(strstr(x, "kind: theme") + 1, "kind: theme"))
		fail_msg("not one theme: %s", x);
	return x;
}

static void
test_a_shared_concept_names_the_theme(void **state)
{
	char *x;

	(void)state;
	/* Three languages, one meaning. */
	x = one_theme(RESPONSE("r1", "Ana", "She listened to every one of us.")
	    RESPONSE("r2", "Ben", "Er hat uns immer zugehört.")
	    RESPONSE("r3", "Carla", "Nos escuchaba a todos."), 1);
	/* The concept's label, for the next step to read, and beside it
	 * the share of the responses that hold it most. */
	assert_non_null(strstr(x, "label: listening to every voice\n"
	    "purity: 100\n"));
	free(x);
}

static void
test_the_most_telling_phrase_names_the_theme(void **state)
{
	char *x;

	(void)state;
	x = one_theme(
	    RESPONSE("r1", "Ana", "Weekly budget reviews kept us honest.")
	    RESPONSE("r2", "Ben", "Our weekly budget reviews mattered.")
	    RESPONSE("r3", "Carla", "The budgets were reviewed weekly, and "
	    "it helped."), 0);
	assert_non_null(strstr(x, "label: weekly budget reviews\n"));
	/* The best single words, five at most, best first, each shared by
	 * two responses at least: not "kept" nor "honest", of one. */
	assert_non_null(strstr(x, "keywords: [weekly, budget, reviews]\n"));
	free(x);
}

/* Of the ways the words were written, the most frequent. */
static void
test_the_label_as_people_wrote_it(void **state)
{
	char *x;

	(void)state;
	x = one_theme(RESPONSE("r1", "Ana", "Our retros helped.")
	    RESPONSE("r2", "Ben", "The retros were honest.")
	    RESPONSE("r3", "Carla", "A retro every sprint."), 0);
	assert_non_null(strstr(x, "label: retros\n"));
	free(x);
	x = one_theme(RESPONSE("r1", "Ana", "Our retro helped.")
	    RESPONSE("r2", "Ben", "The retros were honest.")
	    RESPONSE("r3", "Carla", "A retro every sprint."), 0);
	assert_non_null(strstr(x, "label: retro\n"));
	free(x);
}

/* Words too long for a fixed buffer (three of 250 bytes) still name a
 * theme, whole. */
static void
test_long_words_name_a_theme(void **state)
{
	char a[251], b[251], text[2048], label[1024];
	char *x;

	(void)state;
	memset(a, 'x', sizeof(a) - 1);
	a[sizeof(a) - 1] = '\0';
	memset(b, 'y', sizeof(b) - 1);
	b[sizeof(b) - 1] = '\0';
	snprintf(text, sizeof(text), RESPONSE("r1", "Ana", "%s %s %s")
	    RESPONSE("r2", "Ben", "%s %s %s again"), a, b, a, a, b, a);
	snprintf(label, sizeof(label), "label: %s %s %s\n", a, b, a);
	x = one_theme(text, 0);
	assert_non_null(strstr(x, label));
	free(x);
}

static void
test_no_telling_word_is_other(void **state)
{
	char *x;

	(void)state;
	x = one_theme(RESPONSE("r1", "Ana", "the of and")
	    RESPONSE("r2", "Ben", "and the of"), 0);
	assert_non_null(strstr(x, "label: other\nkeywords: []\n"));
	free(x);
}

/* The typical response: the one whose words weigh most in the theme for
 * their number; a theme of one response, that one. */
static void
test_the_typical_response(void **state)
{
	char *x;

	(void)state;
	x = one_theme(RESPONSE("r2", "Ben", "Retros helped the team.")
	    RESPONSE("r1", "Carla", "Retros helped.")
	    RESPONSE("r3", "Dev", "Retros helped the team, and the team "
	    "grew."), 0);
	assert_non_null(strstr(x, "typical: r3\n"));
	free(x);
	x = one_theme(RESPONSE("r9", "Ana", "Retros helped."), 0);
	assert_non_null(strstr(x, "typical: r9\n"));
	free(x);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_shared_concept_names_the_theme),
		cmocka_unit_test(test_the_most_telling_phrase_names_the_theme),
		cmocka_unit_test(test_the_label_as_people_wrote_it),
		cmocka_unit_test(test_long_words_name_a_theme),
		cmocka_unit_test(test_no_telling_word_is_other),
		cmocka_unit_test(test_the_typical_response),
	};

	return cmocka_run_group_tests_name("theme labels", tests, NULL, NULL);
}
