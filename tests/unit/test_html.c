/* The page: escaping in text and attributes, the policy and its hashes,
 * the same bytes for the same records, the board's tally and its
 * anonymity, SHA-256 and base64. */
#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

#include "../../lib/board.h"
#include "../../lib/html.h"
#include "../../lib/reader.h"
#include "../../lib/record.h"
#include "../../lib/sha256.h"
#include "helpers.h"

static const char *
hex(const unsigned char *d, size_t n)
{
	static char out[2 * ALIGN_SHA256_LEN + 1];
	size_t i;

	for (i = 0; i < n; i++)
		snprintf(out + 2 * i, 3, "%02x", d[i]);
	return out;
}

static void
test_sha256_vectors(void **state)
{
	/* FIPS 180-4's examples, and lengths about a block's end. */
	static const struct { size_t n; char c; const char *want; } a[] = {
		{ 55, 'a', "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c"
		    "9f1e910f734318" },
		{ 56, 'a', "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef"
		    "7970686ec6738a" },
		{ 63, 'a', "7d3e74a05d7db15bce4ad9ec0658ea98e3f06eeecf16b4c6ff"
		    "f2da457ddc2f34" },
		{ 64, 'a', "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba599"
		    "7337df154668eb" },
		{ 119, 'a', "31eba51c313a5c08226adf18d4a359cfdfd8d2e816b13f4a"
		    "f952f7ea6584dcfb" },
		{ 1000000, 'a', "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a49720"
		    "0e046d39ccc7112cd0" },
	};
	unsigned char d[ALIGN_SHA256_LEN];
	char *big = malloc(1000000);
	size_t i;

	(void)state;
	align_sha256("", 0, d);
	assert_string_equal(hex(d, sizeof(d)), "e3b0c44298fc1c149afbf4c8996fb"
	    "92427ae41e4649b934ca495991b7852b855");
	align_sha256("abc", 3, d);
	assert_string_equal(hex(d, sizeof(d)), "ba7816bf8f01cfea414140de5dae2"
	    "223b00361a396177a9cb410ff61f20015ad");
	align_sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomn"
	    "opnopq", 56, d);
	assert_string_equal(hex(d, sizeof(d)), "248d6a61d20638b8e5c026930c3e6"
	    "039a33ce45964ff2167f6ecedd419db06c1");
	assert_non_null(big);
	for (i = 0; i < sizeof(a) / sizeof(a[0]); i++) {
		memset(big, a[i].c, a[i].n);
		align_sha256(big, a[i].n, d);
		assert_string_equal(hex(d, sizeof(d)), a[i].want);
	}
	free(big);
}

static void
test_base64_vectors(void **state)
{
	/* RFC 4648, section 10. */
	static const char *const want[] = { "", "Zg==", "Zm8=", "Zm9v",
	    "Zm9vYg==", "Zm9vYmE=", "Zm9vYmFy" };
	struct align_buf b = ALIGN_BUF_INIT;
	size_t n;

	(void)state;
	for (n = 0; n <= 6; n++) {
		align_buf_reset(&b);
		align_buf_puts(&b, "");
		align_base64(&b, (const unsigned char *)"foobar", n);
		assert_string_equal(b.p, want[n]);
	}
	align_buf_release(&b);
}

static void
test_text_is_escaped(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_HTML };

	(void)state;
	align_show_text(&s, "<img src=x onerror=alert(1)>");
	assert_string_equal(b.p, "&lt;img src=x onerror=alert(1)&gt;");
	align_buf_reset(&b);
	align_show_text(&s, "</script><script>alert(1)</script>");
	assert_string_equal(b.p, "&lt;/script&gt;&lt;script&gt;alert(1)"
	    "&lt;/script&gt;");
	align_buf_reset(&b);
	/* An entity is shown as written, not read; a control is shown. */
	align_show_text(&s, "&lt; & \"q\" 'a' \033[31m");
	assert_string_equal(b.p, "&amp;lt; &amp; &quot;q&quot; &#39;a&#39; "
	    "^[[31m");
	align_buf_release(&b);
}

static void
test_attributes_are_escaped(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	align_html_attr(&b, "title", "\" onmouseover=\"alert(1)");
	assert_string_equal(b.p, " title=\"&quot; onmouseover=&quot;"
	    "alert(1)\"");
	align_buf_reset(&b);
	align_html_attr(&b, "title", "' autofocus onfocus='x' <>&");
	assert_string_equal(b.p, " title=\"&#39; autofocus onfocus=&#39;x"
	    "&#39; &lt;&gt;&amp;\"");
	align_buf_reset(&b);
	align_html_attr(&b, "title", NULL);
	assert_string_equal(b.p, " title=\"\"");
	align_buf_reset(&b);
	/* A language tag, or "not known": never text of another shape. */
	align_html_lang(&b, "es");
	align_html_lang(&b, "en-GB");
	align_html_lang(&b, NULL);
	align_html_lang(&b, "\"><script>");
	align_html_lang(&b, "-x");
	align_html_lang(&b, "abcdefghijabcdefghijabcdefghijabcdef");
	assert_string_equal(b.p, " lang=\"es\" lang=\"en-GB\" lang=\"\" "
	    "lang=\"\" lang=\"\" lang=\"\"");
	align_buf_release(&b);
}

static void
test_bar_and_time(void **state)
{
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_HTML };

	(void)state;
	align_html_bar(&b, 2, 3);
	assert_string_equal(b.p, "<svg class=\"bar\" viewBox=\"0 0 34 10\" "
	    "preserveAspectRatio=\"none\" aria-hidden=\"true\">"
	    "<rect class=\"on\" x=\"0\" width=\"10\" height=\"10\" rx=\"2\"/>"
	    "<rect class=\"on\" x=\"12\" width=\"10\" height=\"10\" rx=\"2\"/>"
	    "<rect class=\"off\" x=\"24\" width=\"10\" height=\"10\" "
	    "rx=\"2\"/>"
	    "</svg>");
	align_buf_reset(&b);
	align_html_bar(&b, 2, 3000);	/* one bar, in thousandths */
	assert_non_null(strstr(b.p, "class=\"on\" width=\"0\""));
	align_buf_reset(&b);
	align_html_bar(&b, 50, 40);	/* capped */
	assert_non_null(strstr(b.p, "class=\"on\" width=\"1000\""));
	align_buf_reset(&b);
	align_html_time(&s, "2026-12-02T12:00:00-05:00");
	assert_string_equal(b.p, "<time datetime=\"2026-12-02T12:00:00-05:00"
	    "\">Wednesday 2 December 2026, 12:00 <span class=\"nowrap\">"
	    "(UTC-05:00)</span></time>");
	align_buf_reset(&b);
	align_html_time(&s, "2027-01-13");
	assert_string_equal(b.p, "<time datetime=\"2027-01-13\">Wednesday 13 "
	    "January 2027</time>");
	align_buf_reset(&b);
	align_html_time(&s, "2026-03-01T09:05+05:30");
	assert_non_null(strstr(b.p, "Sunday 1 March 2026, 09:05 <span "
	    "class=\"nowrap\">(UTC+05:30)"));
	align_buf_reset(&b);
	align_html_time(&s, "soon <b>");
	assert_string_equal(b.p, "soon &lt;b&gt;");
	align_buf_release(&b);
}

/* The page of a board of these records. */
static char *
page(const char *yaml, size_t min_group)
{
	struct align_node *all = stream(yaml), *rs = align_seq();
	const struct align_node *session = NULL;
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = ALIGN_FMT_HTML,
	    .tool = "align-capture", .min_group = min_group };
	struct align_board v;
	size_t i;

	for (i = 0; i < all->n; i++) {
		const struct align_node *r = all->item[i];

		if (align_kind_of(align_record_kind(r)) == ALIGN_KIND_SESSION)
			session = r;
		else
			assert_int_equal(align_seq_push(rs,
			    align_node_copy(r)), 0);
	}
	assert_int_equal(align_board_make(&v, session, rs, &e), 0);
	align_board_show(&v, &s);
	align_board_release(&v);
	align_node_free(rs);
	align_node_free(all);
	assert_false(b.failed);
	return align_buf_detach(&b);
}

/* The text between open and close in p, malloc'd. */
static char *
between(const char *p, const char *open, const char *close)
{
	const char *a = strstr(p, open), *z;

	assert_non_null(a);
	a += strlen(open);
	z = strstr(a, close);
	assert_non_null(z);
	return strndup(a, (size_t)(z - a));
}

static const char hostile[] =
    "---\nkind: session\nid: s\ntitle: \"</title><script>alert(1)</script>\"\n"
    "question: \"<img src=x onerror=alert(1)>\"\n"
    "participants: [\"<b>Eve</b>\", Ana]\n"
    "---\nkind: response\nid: r-1\nparticipant: \"\\\" onclick=\\\"x\"\n"
    "text: \"</script><script>alert(1)</script></style>\"\n"
    "---\nkind: response\nid: r-2\nparticipant: Ana\n"
    "text: \"<!-- ]]> <svg onload=alert(1)>\"\n";

/* The policy's hashes are of the very bytes of the page's style and
 * script, and those are the assets, whatever the user text. */
static void
test_policy_hashes_the_page(void **state)
{
	char *p = page(hostile, 0), *style, *script, *csp;
	struct align_buf want = ALIGN_BUF_INIT;

	(void)state;
	style = between(p, "<style>", "</style>");
	script = between(p, "<script>", "</script>");
	assert_string_equal(style, align_html_style);
	assert_string_equal(script, align_html_script);
	assert_null(strstr(strstr(p, "</script>") + 1, "<script"));
	csp = between(p, "Content-Security-Policy\" content=\"", "\"");
	align_buf_puts(&want, "default-src 'none'; style-src ");
	align_html_hash(&want, style);
	align_buf_puts(&want, "; script-src ");
	align_html_hash(&want, script);
	align_buf_puts(&want, "; base-uri 'none'; form-action 'none'");
	assert_string_equal(csp, want.p);
	assert_null(strstr(csp, "unsafe"));
	/* The policy comes before anything it governs. */
	assert_true(strstr(p, "Content-Security-Policy") <
	    strstr(p, "<style>"));
	/* No tag from user text anywhere. */
	assert_null(strstr(p, "<img"));
	assert_null(strstr(p, "<svg onload"));
	assert_null(strstr(p, "<b>"));
	assert_null(strstr(p, "<!--"));
	assert_non_null(strstr(p, "<title>&lt;/title&gt;&lt;script&gt;"));
	assert_non_null(strstr(p, "<span class=\"who\">&quot; onclick=&quot;x"
	    "</span>"));
	free(style);
	free(script);
	free(csp);
	free(p);
	align_buf_release(&want);
	/* The assets cannot end their element early. */
	assert_null(strstr(align_html_style, "</"));
	assert_null(strstr(align_html_script, "</"));
	assert_null(strstr(align_html_script, "<!--"));
}

static void
test_same_records_same_bytes(void **state)
{
	char *a = page(hostile, 0), *b = page(hostile, 0);

	(void)state;
	assert_string_equal(a, b);
	free(a);
	free(b);
}

static const char team[] =
    "---\nkind: session\nid: s\ntitle: Team\n"
    "date: \"2026-12-02T12:00:00-05:00\"\n"
    "participants: [José, Ana, Ben, ana, Greta]\n"
    "---\nkind: response\nid: r-1\nparticipant: jose\ntext: One.\n"
    "---\nkind: response\nid: r-2\nparticipant: ANA\ntext: Two.\n"
    "---\nkind: response\nid: r-3\nparticipant: Ana\n"
    "question: Keep?\ntext: Three.\n";

/* Who has answered: names folded (case, accents), the list counted
 * once a name, the rest still to answer in the list's order. */
static void
test_who_has_not_answered(void **state)
{
	char *p = page(team, 0);

	(void)state;
	assert_non_null(strstr(p, "<strong>3 responses from 2 participants"
	    "</strong>"));
	assert_non_null(strstr(p, "<strong>2 of 4</strong> on the list have "
	    "answered"));
	assert_non_null(strstr(p, "<ul class=\"names\" lang=\"\"><li>Ben</li>"
	    "<li>Greta</li></ul>"));
	assert_non_null(strstr(p, "<h2 id=\"q2-h\" lang=\"\" dir=\"auto\">"
	    "Keep?</h2>\n<p class=\"count\">1 response from 1 participant"));
	assert_non_null(strstr(p, "<ol class=\"cards\" start=\"3\""));
	assert_non_null(strstr(p, "Wednesday 2 December 2026"));
	free(p);
}

static const char pseudonyms[] =
    "---\nkind: session\nid: s\ntitle: Team\nparticipants: [Ana, Ben]\n"
    "---\nkind: response\nid: r-1\nparticipant: p-0123456789\ntext: One.\n"
    "---\nkind: response\nid: r-2\nparticipant: p-abcdef0123\ntext: Two.\n";

/* Pseudonyms: nobody can say who has not answered, and fewer people
 * than the minimum are not counted. */
static void
test_anonymous_counts(void **state)
{
	char *p = page(pseudonyms, 0);
	struct align_buf b = ALIGN_BUF_INIT;

	(void)state;
	assert_null(strstr(p, "<li>Ana</li>"));
	assert_non_null(strstr(p, "2 responses from fewer than 3 "
	    "participants"));
	assert_non_null(strstr(p, "fewer than 3 participants answered; 2 on "
	    "the list"));
	free(p);
	p = page(pseudonyms, 1);
	assert_non_null(strstr(p, "2 responses from 2 participants"));
	free(p);
	p = page(team, 4);
	assert_non_null(strstr(p, "from fewer than 4 participants"));
	free(p);
	align_show_people(&b, 0, 3, "person", "people");
	align_show_people(&b, 3, 3, "person", "people");
	assert_string_equal(b.p, "0 people3 people");
	align_buf_release(&b);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sha256_vectors),
		cmocka_unit_test(test_base64_vectors),
		cmocka_unit_test(test_text_is_escaped),
		cmocka_unit_test(test_attributes_are_escaped),
		cmocka_unit_test(test_bar_and_time),
		cmocka_unit_test(test_policy_hashes_the_page),
		cmocka_unit_test(test_same_records_same_bytes),
		cmocka_unit_test(test_who_has_not_answered),
		cmocka_unit_test(test_anonymous_counts),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
