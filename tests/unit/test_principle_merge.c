/* An edited list applied three-way to the principles as the file is now:
 * the other writer's changes to lines the edit left stand, a principle
 * both changed is a conflict that changes nothing, new ids never clash. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "../../lib/principle_merge.h"

/* A principle of source "auto" with words, in l. */
static void
add(struct align_plist *l, const char *id, const char *words)
{
	struct align_principle *p = align_principle_new(id);

	assert_non_null(p);
	p->statement = strdup(words);
	p->source = strdup("auto");
	assert_int_equal(align_plist_push(l, p), 0);
}

/* p1 p2 p3, as the editor was given them. */
static void
base3(struct align_plist *l)
{
	*l = (struct align_plist)ALIGN_PLIST_INIT;
	add(l, "p1", "We teach.");
	add(l, "p2", "We listen.");
	add(l, "p3", "We stay.");
}

static const struct align_principle *
get(const struct align_plist *l, const char *id)
{
	long i = align_plist_find(l, id);

	return i < 0 ? NULL : l->v[i];
}

static int
apply(struct align_plist *now, const struct align_plist *base,
    const char *list, struct align_list_errors *conflicts,
    struct align_err *e)
{
	FILE *fp = fmemopen((void *)list, strlen(list), "r");
	int rc;

	assert_non_null(fp);
	rc = align_list_apply3(now, base, fp, "list.txt", "s.yaml", NULL,
	    conflicts, e);
	fclose(fp);
	return rc;
}

/* The other writer voted on p2 and reworded p3; the edit rewords p1,
 * drops nothing, adds a line: both stand. */
static void
test_both_kept(void **state)
{
	struct align_plist base, now;
	struct align_list_errors c = ALIGN_LIST_ERRORS_INIT;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	base3(&base);
	assert_int_equal(align_plist_copy(&now, &base), 0);
	assert_int_equal(align_principle_set_dots(now.v[1], "Ana", 2), 0);
	assert_int_equal(align_principle_reword(now.v[2], "We stay late."), 0);
	assert_int_equal(apply(&now, &base, "p1 We teach and mentor.\n"
	    "p2 We listen.\np3 We stay.\nWe thank.\n", &c, &e), 0);
	assert_int_equal(c.n, 0);
	assert_int_equal(now.n, 4);
	assert_string_equal(get(&now, "p1")->statement, "We teach and mentor.");
	assert_int_equal(align_principle_dots(get(&now, "p2"), "Ana"), 2);
	assert_string_equal(get(&now, "p3")->statement, "We stay late.");
	assert_string_equal(get(&now, "p4")->statement, "We thank.");
	assert_string_equal(get(&now, "p1")->source, "manual");
	align_plist_release(&base);
	align_plist_release(&now);
}

/* Both changed p1 (and the edit p2, which nobody else did): a conflict
 * naming p1 and the record's line, and now as it was. */
static void
test_conflict(void **state)
{
	struct align_plist base, now;
	struct align_list_errors c = ALIGN_LIST_ERRORS_INIT;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	base3(&base);
	assert_int_equal(align_plist_copy(&now, &base), 0);
	assert_int_equal(align_principle_set_dots(now.v[0], "Ben", 1), 0);
	now.v[0]->rec = align_record_new("principle");
	now.v[0]->rec->line = 12;
	now.v[0]->rec->col = 1;
	assert_int_equal(apply(&now, &base, "p1 We teach well.\n"
	    "p2 We listen well.\np3 We stay.\n", &c, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	assert_int_equal(c.n, 1);
	assert_string_equal(c.v[0].file, "s.yaml");
	assert_int_equal(c.v[0].line, 12);
	assert_non_null(strstr(c.v[0].msg, "principle p1: the edit changes "
	    "it, and another writer changed it"));
	assert_string_equal(get(&now, "p1")->statement, "We teach.");
	assert_string_equal(get(&now, "p2")->statement, "We listen.");
	assert_int_equal(align_principle_dots(get(&now, "p1"), "Ben"), 1);
	align_list_errors_release(&c);
	/* Dropped by the edit, deleted meanwhile too: no conflict. */
	align_plist_release(&now);
	assert_int_equal(align_plist_copy(&now, &base), 0);
	align_principle_free(now.v[2]);
	now.v[2] = NULL;
	now.n = 2;
	assert_int_equal(apply(&now, &base, "p1 We teach.\np2 We listen.\n",
	    &c, &e), 0);
	assert_int_equal(now.n, 2);
	align_plist_release(&base);
	align_plist_release(&now);
}

/* A principle the other writer added keeps its id; the edit's new one is
 * numbered after it.  A draft drafted again gives way to the edit. */
static void
test_new_ids(void **state)
{
	struct align_plist base, now;
	struct align_list_errors c = ALIGN_LIST_ERRORS_INIT;
	struct align_err e = ALIGN_ERR_INIT;

	(void)state;
	base3(&base);
	assert_int_equal(align_plist_copy(&now, &base), 0);
	add(&now, "p4", "We write it down.");
	free(now.v[1]->statement);
	now.v[1]->statement = strdup("We listen to every voice.");
	assert_int_equal(apply(&now, &base, "p1 We teach.\n"
	    "p2 We hear everyone.\np3 We stay.\nWe thank.\n", &c, &e), 0);
	assert_int_equal(now.n, 5);
	assert_string_equal(get(&now, "p4")->statement, "We write it down.");
	assert_string_equal(get(&now, "p5")->statement, "We thank.");
	assert_string_equal(get(&now, "p2")->statement, "We hear everyone.");
	assert_true(now.most >= 5);
	align_plist_release(&base);
	align_plist_release(&now);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_both_kept),
		cmocka_unit_test(test_conflict),
		cmocka_unit_test(test_new_ids),
	};

	return cmocka_run_group_tests_name("principle_merge", tests, NULL,
	    NULL);
}
