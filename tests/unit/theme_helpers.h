/* Shared by the unit tests of step 6: the themer run over a YAML text,
 * its records and what people see.  Include cmocka, reader.h, theme.h,
 * writer.h and helpers.h first. */
#ifndef TEST_THEME_HELPERS_H
#define TEST_THEME_HELPERS_H

/* The options align-theme starts from. */
static inline struct align_theme_opts
theme_defaults(void)
{
	struct align_theme_opts o = { 0 };

	o.min_support = 2;
	o.seed = 1;
	o.method = "auto";
	o.threshold = 0.15;
	o.keep_text = 1;
	return o;
}

/* A themer that ran over the records of text, or NULL and e. */
static inline struct align_themer *
themer_of(const char *text, const struct align_theme_opts *o,
    struct align_err *e)
{
	struct align_node *all = stream(text);
	struct align_themer *t = align_themer_new(o, e);
	size_t i;

	assert_non_null(t);
	for (i = 0; i < all->n; i++)
		assert_int_equal(align_themer_add(t, all->item[i], e), 0);
	align_node_free(all);
	if (align_themer_run(t, e) < 0) {
		align_themer_free(t);
		return NULL;
	}
	return t;
}

/* The theme records of t, as a stream (the caller frees it). */
static inline char *
theme_records(const struct align_themer *t)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	size_t i;

	for (i = 0; i < align_themer_count(t); i++) {
		struct align_node *rec = align_themer_record(t, i, &e);

		assert_non_null(rec);
		align_emit_record(&b, rec);
		align_node_free(rec);
	}
	align_buf_putc(&b, '\0');
	assert_false(b.failed);
	return align_buf_detach(&b);
}

/* The theme records of a run over text, which must succeed. */
static inline char *
themes_of(const char *text, const struct align_theme_opts *o)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_themer *t = themer_of(text, o, &e);
	char *x;

	if (t == NULL)
		fail_msg("%s", e.msg);
	x = theme_records(t);
	align_themer_free(t);
	return x;
}

/* The themes of t shown in format f, 80 columns, no colour. */
static inline char *
themes_shown(struct align_themer *t, enum align_format f)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_show s = { .b = &b, .format = f, .width = 80 };
	struct align_themes v;

	assert_int_equal(align_themes_make(&v, t, &e), 0);
	align_themes_show(&v, &s);
	align_themes_release(&v);
	align_buf_putc(&b, '\0');
	assert_false(b.failed);
	return align_buf_detach(&b);
}

/* A response record as YAML. */
#define RESPONSE(id, who, text) \
	"---\nkind: response\nid: " id "\nparticipant: " who "\ntext: " \
	text "\n"

#endif
