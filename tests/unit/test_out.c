/* The spill of a stream: the records a step does not own written back as
 * they were, those it owns replaced where they stood. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../lib/file.h"
#include "../../lib/out.h"
#include "../../lib/reader.h"
#include "helpers.h"

static const char input[] =
    "---\nkind: session\nid: s\n"
    "---\nkind: response\nid: r1\ntext: one\n"
    "---\nkind: followup\nid: f1\ndate: \"2026-01-01\"\n"
    "---\nkind: response\nid: r2\ntext: two\n"
    "---\nkind: followup\nid: f2\ndate: \"2026-02-01\"\n";

struct ctx {
	struct align_node *recs;	/* the stream read */
	struct align_node *with;	/* what replaces followup f2 */
};

static const struct align_node *
edit(void *p, size_t k)
{
	struct ctx *c = p;

	return k == 2 ? c->with : NULL;	/* owned: s, f1, f2 */
}

static struct align_node *
added(void *p, size_t i, struct align_err *e)
{
	struct align_node *rec = align_record_new("checkin");

	(void)p;
	(void)i;
	if (rec == NULL || align_map_put_str(rec, "id", "c1") < 0) {
		align_node_free(rec);
		align_err_nomem(e);
		return NULL;
	}
	return rec;
}

/* Spill the records of input (session and followups owned, kept), then
 * write them over path with edit() and added(); the file's text. */
static char *
spill_edit(struct ctx *c, const char *path)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_spill s;
	struct align_lock lk;
	struct align_out o;
	FILE *fp;
	char *text;
	long len;
	size_t i;

	assert_int_equal(align_spill_open(&s, &e), 0);
	for (i = 0; i < c->recs->n; i++) {
		const char *kind = align_record_kind(c->recs->item[i]);
		int owned = strcmp(kind, "response") != 0;

		assert_int_equal(align_spill_record(&s, c->recs->item[i], owned,
		    1, &e), 0);
	}
	assert_int_equal(align_lock_acquire(&lk, path, NULL, &e), 0);
	assert_int_equal(align_out_open(&o, &lk, &e), 0);
	assert_int_equal(align_spill_edit(&s, &o, edit, 1, added, c, &e), 0);
	assert_int_equal(align_out_close(&o, &e), 0);
	align_spill_close(&s);
	assert_non_null(fp = fopen(path, "r"));
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	assert_non_null(text = calloc(1, (size_t)len + 1));
	assert_int_equal(fread(text, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	return text;
}

static void
test_edit_replaces_in_place(void **state)
{
	struct ctx c;
	char path[256];
	char *text;

	(void)state;
	snprintf(path, sizeof(path), "%s", test_path("spill.yaml"));
	unlink(path);
	c.recs = stream(input);
	c.with = align_node_copy(c.recs->item[4]);
	assert_int_equal(align_map_put_str(c.with, "date", "2026-03-01"), 0);
	text = spill_edit(&c, path);
	/* Everything in its order, f2 revised where it stood, the new
	 * record at the end. */
	assert_string_equal(text,
	    "---\nkind: session\nid: s\n"
	    "---\nkind: response\nid: r1\ntext: one\n"
	    "---\nkind: followup\nid: f1\ndate: \"2026-01-01\"\n"
	    "---\nkind: response\nid: r2\ntext: two\n"
	    "---\nkind: followup\nid: f2\ndate: \"2026-03-01\"\n"
	    "---\nkind: checkin\nid: c1\n");
	free(text);
	/* Nothing replaced: the stream as it was, and the new record. */
	align_node_free(c.with);
	c.with = NULL;
	text = spill_edit(&c, path);
	assert_string_equal(text, "---\nkind: session\nid: s\n"
	    "---\nkind: response\nid: r1\ntext: one\n"
	    "---\nkind: followup\nid: f1\ndate: \"2026-01-01\"\n"
	    "---\nkind: response\nid: r2\ntext: two\n"
	    "---\nkind: followup\nid: f2\ndate: \"2026-02-01\"\n"
	    "---\nkind: checkin\nid: c1\n");
	free(text);
	align_node_free(c.recs);
	unlink(path);
}

/* The file's text, or NULL when it is not there. */
static char *
slurp_path(const char *path)
{
	FILE *fp = fopen(path, "r");
	char *text;
	long len;

	if (fp == NULL)
		return NULL;
	fseek(fp, 0, SEEK_END);
	len = ftell(fp);
	rewind(fp);
	assert_non_null(text = calloc(1, (size_t)len + 1));
	assert_int_equal(fread(text, 1, (size_t)len, fp), (size_t)len);
	fclose(fp);
	return text;
}

/* With the head in path's rewrite: the followups owned (kept when
 * keep), and replaced with which and lead by one new record.  The status
 * of the write (0 when it succeeded). */
static int
spill_head(struct ctx *c, const char *path, long which, int lead, int keep)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_spill s;
	struct align_lock lk;
	struct align_out o;
	size_t i;
	int rc;

	assert_int_equal(align_lock_acquire(&lk, path, NULL, &e), 0);
	assert_int_equal(align_out_open(&o, &lk, &e), 0);
	assert_int_equal(align_spill_open(&s, &e), 0);
	align_spill_head(&s, &o);
	for (i = 0; i < c->recs->n; i++) {
		const char *kind = align_record_kind(c->recs->item[i]);

		assert_int_equal(align_spill_record(&s, c->recs->item[i],
		    strcmp(kind, "followup") == 0, keep, &e), 0);
	}
	/* The session and r1 are in the output before it is written. */
	assert_int_equal(o.buf.len, strlen("---\nkind: session\nid: s\n"
	    "---\nkind: response\nid: r1\ntext: one\n"));
	rc = align_spill_write(&s, &o, which, lead, 1, added, c, &e);
	if (rc == 0)
		assert_int_equal(align_out_close(&o, &e), 0);
	else
		align_out_abort(&o);
	align_spill_close(&s);
	return rc == 0 ? 0 : e.status;
}

static void
test_head_written_as_read(void **state)
{
	static const char was[] = "---\nkind: response\nid: r0\n";
	struct ctx c;
	char path[256];
	char *text;
	FILE *fp;

	(void)state;
	snprintf(path, sizeof(path), "%s", test_path("head.yaml"));
	unlink(path);
	c.recs = stream(input);
	c.with = NULL;
	/* The records before the first followup went to the file as they
	 * were read; the new one stands where the first stood. */
	assert_int_equal(spill_head(&c, path, ALIGN_SPILL_ALL, 0, 0), 0);
	text = slurp_path(path);
	assert_string_equal(text,
	    "---\nkind: session\nid: s\n"
	    "---\nkind: response\nid: r1\ntext: one\n"
	    "---\nkind: checkin\nid: c1\n"
	    "---\nkind: response\nid: r2\ntext: two\n");
	free(text);
	/* Nothing replaced: the new one at the end. */
	assert_int_equal(spill_head(&c, path, ALIGN_SPILL_NONE, 0, 1), 0);
	text = slurp_path(path);
	assert_string_equal(text, "---\nkind: session\nid: s\n"
	    "---\nkind: response\nid: r1\ntext: one\n"
	    "---\nkind: followup\nid: f1\ndate: \"2026-01-01\"\n"
	    "---\nkind: response\nid: r2\ntext: two\n"
	    "---\nkind: followup\nid: f2\ndate: \"2026-02-01\"\n"
	    "---\nkind: checkin\nid: c1\n");
	free(text);
	/* Leading the stream once its head is written cannot be done: the
	 * file stays as it was. */
	assert_non_null(fp = fopen(path, "w"));
	fputs(was, fp);
	fclose(fp);
	assert_int_equal(spill_head(&c, path, ALIGN_SPILL_NONE, 1, 1), 70);
	text = slurp_path(path);
	assert_string_equal(text, was);
	free(text);
	align_node_free(c.recs);
	unlink(path);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_replaces_in_place),
		cmocka_unit_test(test_head_written_as_read),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
