/* The canonical writer: quoting, key order, layout, round trips. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <cmocka.h>

#include "../../lib/reader.h"
#include "../../lib/writer.h"

static char *
scalar(const char *s, int flow)
{
	static char out[256];
	struct align_buf b = ALIGN_BUF_INIT;

	align_emit_scalar(&b, s, strlen(s), flow);
	snprintf(out, sizeof(out), "%s", b.p);
	align_buf_release(&b);
	return out;
}

static void
test_yaml11_lookalikes_are_quoted(void **state)
{
	static const char *const quoted[] = { "no", "No", "NO", "yes", "on",
	    "off", "y", "n", "true", "False", "~", "null", "", "1e3", "10",
	    "-5", "+1", "0x1F", "0o17", "1_000", "3.14", ".5", ".inf",
	    "-.INF", ".nan", "2026-01-01", "2026-12-02T12:00:00-05:00",
	    "1:30", "190:20:30", "<<", "=", NULL };
	size_t i;

	(void)state;
	for (i = 0; quoted[i]; i++) {
		char want[64];

		snprintf(want, sizeof(want), "\"%s\"", quoted[i]);
		assert_string_equal(scalar(quoted[i], 0), want);
	}
}

static void
test_plain_when_safe(void **state)
{
	static const char *const plain[] = { "Ana", "She listened.",
	    "12 Angry Men", "3rd floor", "deadbeef", "nope", "Ben O'Neil",
	    "café", "We teach/mentor.", "a-b", "x:y", NULL };
	size_t i;

	(void)state;
	for (i = 0; plain[i]; i++)
		assert_string_equal(scalar(plain[i], 0), plain[i]);
}

static void
test_indicators_and_escapes(void **state)
{
	(void)state;
	assert_string_equal(scalar("- item", 0), "\"- item\"");
	assert_string_equal(scalar("key: value", 0), "\"key: value\"");
	assert_string_equal(scalar("ends with:", 0), "\"ends with:\"");
	assert_string_equal(scalar("a #comment", 0), "\"a #comment\"");
	assert_string_equal(scalar(" lead", 0), "\" lead\"");
	assert_string_equal(scalar("trail ", 0), "\"trail \"");
	assert_string_equal(scalar("two\nlines", 0), "\"two\\nlines\"");
	assert_string_equal(scalar("say \"hi\"", 0), "say \"hi\"");
	assert_string_equal(scalar("\"hi\" \\o/", 0),
	    "\"\\\"hi\\\" \\\\o/\"");
	assert_string_equal(scalar("bell\a", 0), "\"bell\\x07\"");
	assert_string_equal(scalar("nel\xc2\x85", 0), "\"nel\\x85\"");
	assert_string_equal(scalar("ls\xe2\x80\xa8", 0), "\"ls\\L\"");
	assert_string_equal(scalar("a, b", 0), "a, b");
	assert_string_equal(scalar("a, b", 1), "\"a, b\"");
	assert_string_equal(scalar("[x]", 0), "\"[x]\"");
	assert_string_equal(scalar("x:y", 1), "\"x:y\"");
}

static struct align_node *
parse(const char *text)
{
	char path[] = "/tmp/align-test-XXXXXX";
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *all;
	char *paths[1];
	int fd = mkstemp(path);
	FILE *fp = fdopen(fd, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	paths[0] = path;
	all = align_read_all(paths, 1, NULL, &e);
	unlink(path);
	if (all == NULL)
		fail_msg("%s:%lu:%lu: %s", e.file, e.line, e.col, e.msg);
	return all;
}

static char *
emit_all(const struct align_node *all)
{
	struct align_buf b = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < all->n; i++)
		align_emit_record(&b, all->item[i]);
	return align_buf_detach(&b);
}

static void
test_key_order_and_unknown_keys(void **state)
{
	struct align_node *all = parse(
	    "---\ntext: She stayed.\nzeta: 1\nkind: response\nalpha: [a]\n"
	    "participant: Ana\nid: r-1\n");
	char *out = emit_all(all);

	(void)state;
	assert_string_equal(out, "---\nkind: response\nid: r-1\n"
	    "participant: Ana\ntext: She stayed.\nzeta: 1\nalpha: [a]\n");
	free(out);
	align_node_free(all);
}

static void
test_long_lists_go_one_a_line(void **state)
{
	struct align_node *rec = align_record_new("theme");
	struct align_node *list = align_seq();
	struct align_buf b = ALIGN_BUF_INIT;
	char id[32];
	int i;

	(void)state;
	for (i = 0; i < 8; i++) {
		snprintf(id, sizeof(id), "r-%016d", i);
		align_seq_push_str(list, id);
	}
	align_map_put(rec, "responses", list);
	align_map_put_str(rec, "id", "t1");
	align_emit_record(&b, rec);
	assert_non_null(strstr(b.p, "responses:\n- r-0000000000000000\n"
	    "- r-0000000000000001\n"));
	align_buf_release(&b);
	align_node_free(rec);
}

static void
test_round_trip_is_byte_identical(void **state)
{
	const char *text =
	    "---\nkind: session\nid: s\ntitle: \"2026-01-01\"\n"
	    "participants: [\"no\", Ana, \"a, b\"]\nsequence: 2\n"
	    "---\nkind: principle\nid: p1\nstatement: We teach/mentor.\n"
	    "votes:\n  Ana: 3\n  \"no\": 1\nobjections:\n- participant: Ben\n"
	    "  reason: \"too vague: say how\"\nstatus: proposed\n"
	    "---\nkind: followup\nid: f1\npairs:\n- [Ana, Ben]\n"
	    "- [Eric, Dan, Flo]\n---\nkind: other\nid: o\nempty: []\n"
	    "nothing: {}\n\"null\": null\n";
	struct align_node *all = parse(text);
	char *out = emit_all(all);
	struct align_node *again = parse(out);
	char *out2 = emit_all(again);

	(void)state;
	assert_string_equal(out, text);
	assert_string_equal(out2, out);
	free(out);
	free(out2);
	align_node_free(all);
	align_node_free(again);
}

static void
test_text_keys_are_strings_whatever_they_look_like(void **state)
{
	/* A hand-edited file: participants: [no, 1:30] are names. */
	struct align_node *all = parse("kind: session\nid: s\n"
	    "participants: [no, 1:30]\ntitle: 2026-01-01\ncount: 3\n");
	char *out = emit_all(all);

	(void)state;
	assert_string_equal(out, "---\nkind: session\nid: s\n"
	    "title: \"2026-01-01\"\nparticipants: [\"no\", \"1:30\"]\n"
	    "count: 3\n");
	free(out);
	align_node_free(all);
}

/* Keys that are not text (numbers, booleans, nulls, dates, the merge key)
 * are written back as they were read, plain; text keys that look like
 * them stay quoted; a tag on a key decides as it would on a value. */
static void
test_keys_keep_their_type(void **state)
{
	const char *text = "---\nkind: x\nid: k\n1: one\n~: tilde\n"
	    "null: word\ntrue: yes\n3.5: float\n0x1F: hex\n2026-01-01: date\n"
	    "\"2\": text\n\"<<\": text\nm:\n  <<:\n    a: 1\n"
	    "  b: 2\n";
	struct align_node *all = parse(text), *again, *tagged;
	char *out = emit_all(all), *out2;
	const struct align_node *rec = all->item[0];

	(void)state;
	assert_string_equal(out, text);
	assert_true(align_map_key_raw(rec, 2));		/* 1 */
	assert_false(align_map_key_raw(rec, 9));	/* "2" */
	assert_true(align_map_key_raw(align_map_get(rec, "m"), 0));
	again = parse(out);
	assert_true(align_node_equal(all, again));
	/* A copy keeps them; a raw key and a text one are not equal. */
	{
		struct align_node *c = align_node_copy(rec);

		assert_true(align_node_equal(c, rec));
		c->kraw[2] = 0;
		assert_false(align_node_equal(c, rec));
		assert_int_equal(align_map_del(c, "id"), 1);
		assert_true(align_map_key_raw(c, 2));	/* ~, moved up */
		assert_string_equal(c->key[2], "~");
		align_node_free(c);
	}
	/* Empty and tagged keys; a long key goes explicit. */
	tagged = parse("kind: x\n? \n: empty\n!!str 23: !!bool false\n"
	    "!!int \"7\": seven\n");
	out2 = emit_all(tagged);
	assert_string_equal(out2, "---\nkind: x\nnull: empty\n"
	    "\"23\": false\n7: seven\n");
	free(out2);
	align_node_free(tagged);
	{
		struct align_node *rec2 = align_record_new("x");
		char key[1200];
		struct align_node *back;

		memset(key, 'k', sizeof(key) - 1);
		key[sizeof(key) - 1] = '\0';
		assert_int_equal(align_map_put_str(rec2, key, "v"), 0);
		{
			struct align_buf b = ALIGN_BUF_INIT;

			align_emit_record(&b, rec2);
			out2 = align_buf_detach(&b);
		}
		assert_memory_equal(out2, "---\nkind: x\n? kkk", 17);
		back = parse(out2);
		assert_string_equal(align_map_str(back->item[0], key), "v");
		align_node_free(back);
		align_node_free(rec2);
		free(out2);
	}
	free(out);
	align_node_free(all);
	align_node_free(again);
}

/* Any string, in a value or in a flow list, reads back as itself. */
static void
test_any_string_survives(void **state)
{
	static const char *const tricky[] = { "", " ", "-", "--", "---",
	    "-a", "- a", "?", "? x", ":", ": x", "a:b", "a: b", "#", "a #b",
	    "a#b", "&a", "*a", "!a", "|", ">", "'", "\"", "%", "@", "`", "{",
	    "}", "[", "]", ",", "a,b", "a, b", "x\ty", "\t", "tab\t", "\x01",
	    "\x7f", "del\x7f", "nel\xc2\x85", "nbsp\xc2\xa0ok", "\xc2\xa0",
	    "ls\xe2\x80\xa8", "ps\xe2\x80\xa9", "\xe2\x80\x94 dash",
	    "bom\xef\xbb\xbf", "\xef\xbf\xbe", "\xef\xbf\xbf", "\xef\xbc\x81",
	    "\xc3\xa9t\xc3\xa9", "\xe6\x97\xa5\xe6\x9c\xac",
	    "\xf0\x9f\x98\x80", "1", "+1", "-1", ".5", "-.5", "+.5", "1.",
	    "1e3", "-1e-3", "0x1F", "0o17", "1_000", "1:30", "12:30:45",
	    "2026-01-01", "2026-01-01T12:00", "2026-1-1", ".inf", "-.Inf",
	    ".nan", "~", "null", "Null", "NULL", "true", "False", "yes", "No",
	    "on", "OFF", "y", "n", "=", "<<", "a\nb", "a\n", "\n", "line\r\n",
	    "back\\slash", "multi  space", "trailing ", " leading", "a: ",
	    "end:", "x - y", "a ? b", "{a: b}", "[a, b]", "\"quoted\"",
	    "it's", "50%", "#tag", "a\\", NULL };
	size_t i;

	(void)state;
	for (i = 0; tricky[i]; i++) {
		struct align_node *rec = align_record_new("x"), *l = align_seq();
		struct align_node *all;
		struct align_buf b = ALIGN_BUF_INIT;
		char *text;

		assert_int_equal(align_map_put_str(rec, "v", tricky[i]), 0);
		assert_int_equal(align_seq_push_str(l, tricky[i]), 0);
		assert_int_equal(align_seq_push_str(l, "b"), 0);
		assert_int_equal(align_map_put(rec, "l", l), 0);
		align_emit_record(&b, rec);
		text = align_buf_detach(&b);
		all = parse(text);
		assert_int_equal(all->n, 1);
		if (strcmp(align_map_str(all->item[0], "v"), tricky[i]) != 0 ||
		    strcmp(align_map_get(all->item[0], "l")->item[0]->str,
		    tricky[i]) != 0)
			fail_msg("'%s' came back otherwise from:\n%s",
			    tricky[i], text);
		assert_int_equal(align_map_get(all->item[0], "v")->raw, 0);
		free(text);
		align_node_free(all);
		align_node_free(rec);
	}
}

/* Empty lists and mappings, lists of mappings, mappings in mappings and
 * numbers written plain: all come back the same. */
static void
test_nested_shapes_round_trip(void **state)
{
	const char *text = "---\nkind: x\nempty: []\nnone: {}\n"
	    "pairs:\n  - name: Ana\n    with: [Ben, Carla]\n  - name: Dev\n"
	    "    with: []\n  - []\n  - {}\n  - - deep\n    - er\n"
	    "inner:\n  a: 1\n  b:\n    c: x\n  d: 2.5\n  e: true\n  f: ~\n"
	    "long: [alpha, beta, gamma, delta, epsilon, zeta, eta, theta, "
	    "iota, kappa, lambda, mu]\n";
	struct align_node *a = parse(text), *b;
	char *once = emit_all(a), *twice;

	(void)state;
	b = parse(once);
	twice = emit_all(b);
	assert_string_equal(once, twice);
	assert_true(align_node_equal(a, b));
	assert_non_null(strstr(once, "empty: []\n"));
	assert_non_null(strstr(once, "none: {}\n"));
	assert_non_null(strstr(once, "  a: 1\n"));
	assert_true(align_map_get(align_map_get(b->item[0], "inner"),
	    "e")->raw);
	free(once);
	free(twice);
	align_node_free(a);
	align_node_free(b);
}

/* Two records are the same only when every shape, key and string is. */
static void
test_equal_tells_apart(void **state)
{
	static const char *const other[] = {
	    "kind: x\nid: a\nl: x\nm: {k: v}\n",
	    "kind: x\nid: a\nl: [1]\nm: {k: v}\n",
	    "kind: x\nid: a\nl: ['1', b]\nm: {k: v}\n",
	    "kind: x\nid: a\nl: [1, bb]\nm: {k: v}\n",
	    "kind: x\nid: a\nl: [1, c]\nm: {k: v}\n",
	    "kind: x\nid: a\nl: [1, b]\nm: {j: v}\n",
	    "kind: x\nid: a\nl: [1, b]\nm: {k: w}\n", NULL };
	struct align_node *a = parse("kind: x\nid: a\nl: [1, b]\nm: {k: v}\n");
	struct align_node *c = align_node_copy(a);
	size_t i;

	(void)state;
	assert_true(align_node_equal(a, c));
	assert_true(align_node_equal(NULL, NULL));
	assert_false(align_node_equal(a, NULL));
	for (i = 0; other[i]; i++) {
		struct align_node *b = parse(other[i]);

		if (align_node_equal(a, b))
			fail_msg("the same as %s", other[i]);
		align_node_free(b);
	}
	align_node_free(a);
	align_node_free(c);
}

/* A pool holds records of any size and shape, the same as made one node
 * at a time, again after it is reset; its nodes are not freed alone. */
static void
test_pool_holds_records(void **state)
{
	struct align_pool p = ALIGN_POOL_INIT;
	char *big = malloc(100001), key[16];
	int round, i;

	(void)state;
	assert_non_null(big);
	memset(big, 'x', 100000);
	big[100000] = '\0';
	for (round = 0; round < 3; round++) {
		struct align_node *m = align_pool_container(&p, ALIGN_MAP);
		struct align_node *l = align_pool_container(&p, ALIGN_SEQ);
		struct align_node *h = align_map(), *hl = align_seq();

		for (i = 0; i < 20; i++) {
			snprintf(key, sizeof(key), "k%d", i);
			assert_int_equal(align_pool_append(&p, m,
			    align_pool_strdup(&p, key, strlen(key)),
			    align_pool_scalar(&p, key, 1)), 0);
			assert_int_equal(align_map_put(h, key,
			    align_scalar(key, 1)), 0);
		}
		for (i = 0; i < 30; i++) {
			assert_int_equal(align_pool_append(&p, l, NULL,
			    align_pool_scalar(&p, big, (size_t)i * 3000)), 0);
			assert_int_equal(align_seq_push(hl,
			    align_scalar(big, (size_t)i * 3000)), 0);
		}
		assert_int_equal(align_pool_append(&p, m, "l", l), 0);
		assert_int_equal(align_map_put(h, "l", hl), 0);
		assert_int_equal(align_pool_append(&p, m, "big",
		    align_pool_scalar(&p, big, 100000)), 0);
		assert_int_equal(align_map_put(h, "big",
		    align_scalar(big, 100000)), 0);
		assert_int_equal(align_pool_append(&p, m, "x", NULL), -1);
		assert_true(m->pooled);
		assert_true(align_node_equal(m, h));
		align_node_free(m);	/* the pool's: left to it */
		align_node_free(h);
		align_pool_reset(&p);
	}
	align_pool_release(&p);
	free(big);
}

/* What a tool writes of text read with the reader's bytes (reader.h):
 * each record's bytes when the reader kept them, checked to be what the
 * writer makes of it, else the record written.  *copied: how many were
 * copied; *recs: how many read.  ahead: read in the reader's thread. */
static char *
copy_or_emit(const char *text, int ahead, size_t *copied, size_t *recs)
{
	char path[] = "/tmp/align-test-XXXXXX";
	struct align_err e = ALIGN_ERR_INIT;
	struct align_read_opts o = { 0 };
	struct align_buf out = ALIGN_BUF_INIT;
	struct align_reader *r;
	struct align_node *rec;
	char *paths[1];
	int fd = mkstemp(path), rc;
	FILE *fp = fdopen(fd, "w");

	assert_non_null(fp);
	fputs(text, fp);
	fclose(fp);
	paths[0] = path;
	o.bytes = 1;
	o.ahead = ahead ? ALIGN_AHEAD_ALWAYS : 0;
	r = align_reader_open(paths, 1, &o, &e);
	assert_non_null(r);
	*copied = *recs = 0;
	while ((rc = align_reader_next(r, &rec, &e)) > 0) {
		struct align_buf b = ALIGN_BUF_INIT;
		size_t n;
		const char *bytes = align_reader_bytes(r, &n);

		align_emit_record(&b, rec);
		if (bytes) {
			if (n != b.len || memcmp(bytes, b.p, n) != 0)
				fail_msg("copied %.*s\nwritten %s", (int)n,
				    bytes, b.p);
			align_buf_add(&out, bytes, n);
			++*copied;
		} else {
			align_buf_add(&out, b.p, b.len);
		}
		++*recs;
		align_buf_release(&b);
		align_reader_release(r, rec);
	}
	align_reader_free(r);
	unlink(path);
	if (rc < 0)
		fail_msg("%s:%lu:%lu: %s", e.file, e.line, e.col, e.msg);
	return align_buf_detach(&out);
}

/* A stream as the writer writes it: every record copied, as it was. */
static const char canonical[] =
    "---\nkind: session\nid: s\ntitle: \"2026-01-01\"\n"
    "participants: [\"no\", Ana, \"a, b\"]\nsequence: 2\n"
    "---\nkind: response\nid: r-1\nparticipant: Ana\n"
    "at: \"2026-11-16T03:00:11-05:00\"\n"
    "text: \"Fran\xc3\xa7ois, mon responsable: il nous a d\xc3\xa9"
    "fendus\"\n"
    "---\nkind: response\nid: r-2\nparticipant: Ben O'Neil\n"
    "text: \"yes\"\n"
    "---\nkind: response\nid: r-3\nparticipant: \"-Ana\"\n"
    "text: caf\xc3\xa9 au lait, s'il vous pla\xc3\xaet \xe2\x80\x94 "
    "\xe6\x97\xa5\xe6\x9c\xac\n"
    "---\nkind: theme\nid: t1\nlabel: Care\nresponses:\n"
    "- r-0000000000000001\n- r-0000000000000002\n"
    "- r-0000000000000003\n- r-0000000000000004\n"
    "- r-0000000000000005\n"
    "---\nkind: principle\nid: p1\nstatement: We teach/mentor.\n"
    "votes:\n  Ana: 3\n  \"no\": 1\nobjections:\n- participant: Ben\n"
    "  reason: \"too vague: say how\"\nstatus: proposed\n"
    "---\nkind: followup\nid: f1\npairs:\n- [Ana, Ben]\n"
    "- [Eric, Dan, Flo]\n---\nkind: other\nid: o\nempty: []\n"
    "nothing: {}\n\"null\": null\nn: 12\nt: true\n";

static void
test_canonical_records_are_copied(void **state)
{
	size_t copied, recs;
	int ahead;

	(void)state;
	for (ahead = 0; ahead < 2; ahead++) {
		char *out = copy_or_emit(canonical, ahead, &copied, &recs);

		assert_string_equal(out, canonical);
		assert_int_equal(recs, 8);
		assert_int_equal(copied, recs);
		free(out);
	}
}

/* A record of several MiB (a round of many pairs, with characters of
 * two and three bytes) is written, not copied, its bytes not held while
 * it is read; the records after it are found and copied again (each copy
 * checked against what the writer makes of it, copy_or_emit()). */
static void
test_long_record_is_written_and_after_it_copied(void **state)
{
	struct align_buf in = ALIGN_BUF_INIT;
	size_t copied, recs, i;
	int ahead;
	char *out;

	(void)state;
	align_buf_add(&in, canonical, strlen(canonical));
	align_buf_printf(&in, "---\nkind: followup\nid: f2\npairs:\n");
	for (i = 0; i < 200000; i++)
		align_buf_printf(&in, "- [Fran\xc3\xa7ois %zu, \xe6\x97\xa5 %zu]\n",
		    i, i);
	for (i = 10; i < 18; i++)
		align_buf_printf(&in, "---\nkind: response\nid: r-%zu\n"
		    "participant: Ben O'Neil\ntext: \"yes\"\n", i);
	align_buf_add(&in, "", 1);
	assert_false(in.failed);
	assert_true(in.len > 5 * 1024 * 1024);
	for (ahead = 0; ahead < 2; ahead++) {
		out = copy_or_emit(in.p, ahead, &copied, &recs);
		assert_int_equal(recs, 17);
		assert_int_equal(copied, 16);
		free(out);
	}
	align_buf_release(&in);
}

/* Records the writer writes otherwise than they stand: written, not
 * copied, and the same as the writer makes of them; the canonical one
 * after each still copied. */
static void
test_other_forms_are_written(void **state)
{
	static const char *const odd[] = {
		"---\nid: r-1\nkind: response\ntext: Hi\n",	/* key order */
		"---\nkind: response\nid: r-1\ntext: 'Hi'\n",	/* quotes */
		"---\nkind: response\nid: r-1\ntext: \"Hi\"\n",
		"---\nkind: response\nid: r-1\ntext: Hi # note\n",
		"---\nkind: response\nid: r-1\n# a comment\ntext: Hi\n",
		"---\nkind: response\nid: r-1\ntext: Hi \n",
		"---\nkind: response\nid: r-1\ntext:  Hi\n",
		"---\nkind: response\nid: r-1\ntext:\tHi\n",
		"---\nkind: response\nid: r-1\ntext: a\tb\n",
		"---\r\nkind: response\r\nid: r-1\r\ntext: Hi\r\n",
		"---\nkind: response\nid: r-1\ntext: yes\n",	/* a text */
		"---\nkind: response\nid: r-1\ntext: 2026-01-01\n",
		"---\nkind: response\nid: r-1\ntext: -a\n",
		"---\nkind: response\nid: r-1\ntext: one\n  two\n",
		"---\nkind: response\nid: r-1\ntext: >\n  Hi\n",
		"---\nkind: response\nid: r-1\ntext: |\n  Hi\n",
		"---\nkind: response\nid: r-1\ntext: \"\\x41\"\n",
		"---\nkind: response\nid: r-1\ntext: \"a\tb\"\n",
		"---\nkind: response\nid: r-1\ntext: a\xef\xbb\xbf" "b\n",
		"---\nkind: response\nid: r-1\ntext: !!str Hi\n",
		"--- \nkind: response\nid: r-1\ntext: Hi\n",
		"---\n\nkind: response\nid: r-1\ntext: Hi\n",
		"kind: response\nid: r-1\ntext: Hi\n",	/* no "---" */
		"%YAML 1.1\n---\nkind: response\nid: r-1\ntext: Hi\n",
		"---\n{kind: response, id: r-1, text: Hi}\n",
		"---\nkind: response\nid: r-1\n\"text\": Hi\n",
		"---\nkind: theme\nid: t1\nresponses: [a ,b]\n",
		"---\nkind: theme\nid: t1\nresponses: [ a, b ]\n",
		"---\nkind: theme\nid: t1\nresponses:\n- a\n- b\n",
		"---\nkind: theme\nid: t1\nresponses:\n  - a\n  - b\n",
		"---\nkind: theme\nid: t1\nresponses: [x:y]\n",
		"---\nkind: theme\nid: t1\nresponses: [r-0000000000000001, "
		    "r-0000000000000002, r-0000000000000003, "
		    "r-0000000000000004]\n",
		"---\nkind: principle\nid: p1\nvotes:\n    Ana: 3\n",
		"---\nkind: principle\nid: p1\nvotes: {Ana: 3}\n",
		"---\nkind: other\nid: o\nnothing:\n",
		"---\nkind: other\nid: o\n? k\n: v\n",
		NULL
	};
	/* Around the record, not in it: the record copied, what is around
	 * left out, as the writer leaves it out. */
	static const char *const around[] = {
		"# a comment\n---\nkind: response\nid: r-1\ntext: Hi\n",
		"---\nkind: response\nid: r-1\ntext: Hi\n# trailing\n",
		"---\nkind: response\nid: r-1\ntext: Hi\n...\n",
		"---\nkind: response\nid: r-1\ntext: Hi\n\n\n",
		NULL
	};
	static const char after[] = "---\nkind: response\nid: r-9\n"
	    "text: Last\n";
	size_t i, copied, recs;

	(void)state;
	for (i = 0; around[i]; i++) {
		char *text = malloc(strlen(around[i]) + sizeof(after));
		char *out;

		sprintf(text, "%s%s", around[i], after);
		out = copy_or_emit(text, 0, &copied, &recs);
		assert_string_equal(out, "---\nkind: response\nid: r-1\n"
		    "text: Hi\n---\nkind: response\nid: r-9\ntext: Last\n");
		assert_int_equal(copied, 2);
		free(out);
		free(text);
	}
	for (i = 0; odd[i]; i++) {
		char *text = malloc(strlen(odd[i]) + sizeof(after));
		struct align_node *all;
		char *out, *want;
		int ahead;

		sprintf(text, "%s%s", odd[i], after);
		all = parse(text);
		want = emit_all(all);
		for (ahead = 0; ahead < 2; ahead++) {
			out = copy_or_emit(text, ahead, &copied, &recs);
			assert_string_equal(out, want);
			if (strcmp(want, text) == 0)
				fail_msg("canonical: %s", odd[i]);
			/* The record after it: copied whatever came before
			 * (some forms are the writer's, as it happens). */
			assert_true(copied >= 1 && copied < recs + (recs > 1));
			free(out);
		}
		if (copied == recs)
			fail_msg("copied as it stands: %s", odd[i]);
		align_node_free(all);
		free(want);
		free(text);
	}
}

/* Any text near a canonical one, the copy path and the writer agree:
 * bytes kept are exactly what the writer makes, whatever was changed. */
static void
test_copies_are_what_the_writer_makes(void **state)
{
	static const char subst[] = " \t\n:#-\"'[]{},?!|>~0y\\\xc2\x85";
	size_t len = sizeof(canonical) - 1, copied, recs;
	unsigned seed = 12345;
	int round;

	(void)state;
	for (round = 0; round < 3000; round++) {
		char text[sizeof(canonical) + 8];
		struct align_err e = ALIGN_ERR_INIT;
		char path[] = "/tmp/align-test-XXXXXX";
		char *paths[1] = { path };
		struct align_node *all;
		size_t at, k;
		int fd;
		FILE *fp;

		memcpy(text, canonical, len + 1);
		for (k = 0; k < 1 + (size_t)round % 3; k++) {
			seed = seed * 1103515245 + 12345;
			at = (seed >> 8) % len;
			seed = seed * 1103515245 + 12345;
			if ((seed >> 16) % 3 == 0 && strlen(text) + 1 < sizeof(text)) {
				memmove(text + at + 1, text + at, strlen(text + at) + 1);
				text[at] = subst[(seed >> 4) % (sizeof(subst) - 1)];
			} else if ((seed >> 16) % 3 == 1) {
				text[at] = subst[(seed >> 4) % (sizeof(subst) - 1)];
			} else {
				memmove(text + at, text + at + 1, strlen(text + at));
			}
		}
		/* Only what the reader takes is compared. */
		fd = mkstemp(path);
		fp = fdopen(fd, "w");
		fputs(text, fp);
		fclose(fp);
		all = align_read_all(paths, 1, NULL, &e);
		unlink(path);
		if (all == NULL)
			continue;
		{
			char *want = emit_all(all);
			char *out = copy_or_emit(text, round & 1, &copied,
			    &recs);

			assert_string_equal(out, want);
			free(out);
			free(want);
		}
		align_node_free(all);
	}
}

/* What a flush of align_emit_record_flushed() is given: its pieces, one
 * after another, and how many; it fails at the piece fail_at. */
struct pieces {
	struct align_buf all;
	size_t n, fail_at, most;
};

static int
take_piece(void *arg, struct align_buf *b)
{
	struct pieces *p = arg;

	if (++p->n == p->fail_at)
		return -1;
	if (b->len > p->most)
		p->most = b->len;
	align_buf_add(&p->all, b->p, b->len);
	align_buf_reset(b);
	return 0;
}

/* A long list written in pieces is the bytes written whole; a piece is
 * handed on between two items once the buffer holds the limit, so that
 * none is much larger; a flush that fails ends the record. */
static void
test_record_written_in_pieces(void **state)
{
	static const char text[] = "Ana\0Ben\0Zoë: no\0Eve\0yes\0Li";
	static const unsigned char size[] = { 2, 2, 2 };
	struct align_node *rec = align_record_new("followup"), *l;
	struct align_buf whole = ALIGN_BUF_INIT, b = ALIGN_BUF_INIT;
	struct pieces p = { ALIGN_BUF_INIT, 0, 0, 0 };
	char name[32];
	size_t i;

	(void)state;
	assert_int_equal(align_map_put_str(rec, "id", "f1"), 0);
	l = align_seq();
	for (i = 0; i < 20000; i++) {
		snprintf(name, sizeof(name), i % 3 ? "Person %zu" : "%zu", i);
		assert_int_equal(align_seq_push_str(l, name), 0);
	}
	assert_int_equal(align_map_put(rec, "principles", l), 0);
	assert_int_equal(align_map_put(rec, "pairs", align_texts_new(NULL,
	    text, sizeof(text), 6, size, 3)), 0);
	assert_int_equal(align_map_put(rec, "with", align_texts_new(NULL,
	    text, sizeof(text), 6, NULL, 0)), 0);
	align_emit_record(&whole, rec);
	assert_non_null(strstr(whole.p, "pairs:\n- [Ana, Ben]\n- [\"Zoë: "
	    "no\", Eve]\n- [\"yes\", Li]\n"));
	assert_non_null(strstr(whole.p, "with: [Ana, Ben, \"Zoë: no\", Eve, "
	    "\"yes\", Li]\n"));
	align_emit_record_flushed(&b, rec, 1000, take_piece, &p);
	align_buf_add(&p.all, b.p, b.len);
	assert_int_equal(p.all.len, whole.len);
	assert_memory_equal(p.all.p, whole.p, whole.len);
	assert_true(p.n > 100);
	assert_true(p.most < 1100);
	align_buf_release(&p.all);
	align_buf_reset(&b);
	p = (struct pieces){ ALIGN_BUF_INIT, 0, 3, 0 };
	align_emit_record_flushed(&b, rec, 1000, take_piece, &p);
	assert_int_equal(p.n, 3);
	assert_true(p.all.len + b.len < whole.len / 2);
	align_buf_release(&p.all);
	align_buf_release(&b);
	align_buf_release(&whole);
	align_node_free(rec);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_yaml11_lookalikes_are_quoted),
		cmocka_unit_test(test_plain_when_safe),
		cmocka_unit_test(test_indicators_and_escapes),
		cmocka_unit_test(test_key_order_and_unknown_keys),
		cmocka_unit_test(test_long_lists_go_one_a_line),
		cmocka_unit_test(test_round_trip_is_byte_identical),
		cmocka_unit_test(
		    test_text_keys_are_strings_whatever_they_look_like),
		cmocka_unit_test(test_keys_keep_their_type),
		cmocka_unit_test(test_any_string_survives),
		cmocka_unit_test(test_nested_shapes_round_trip),
		cmocka_unit_test(test_equal_tells_apart),
		cmocka_unit_test(test_pool_holds_records),
		cmocka_unit_test(test_canonical_records_are_copied),
		cmocka_unit_test(test_long_record_is_written_and_after_it_copied),
		cmocka_unit_test(test_other_forms_are_written),
		cmocka_unit_test(test_copies_are_what_the_writer_makes),
		cmocka_unit_test(test_record_written_in_pieces),
	};

	return cmocka_run_group_tests_name("writer", tests, NULL, NULL);
}
