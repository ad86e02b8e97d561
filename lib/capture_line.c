/*
 * capture_line.c - responses one line at a time, as the prompt gives them
 * (capture.h): a line made a response record and written at once.
 */
#include <string.h>
#include <sysexits.h>
#include <utf8proc.h>

#include "capture.h"
#include "file.h"
#include "response.h"
#include "text.h"
#include "when.h"
#include "writer.h"

int
align_capture_start(struct align_capture *c, struct align_err *e)
{
	struct align_reader *r;
	struct align_node *rec;
	char *p[1];
	int rc;

	if (c->o->append == NULL) {
		if (align_out_open(&c->out, NULL, e) < 0)
			return -1;
		c->out_open = 1;
		return 0;
	}
	/* What the room should see first, and the names to complete: the
	 * file's session; the whole file, for a board. */
	p[0] = (char *)c->o->append;
	if ((rc = align_file_check(c->o->append, e)) <= 0)
		return rc;
	if ((r = align_reader_open(p, 1, NULL, e)) == NULL)
		return -1;
	while ((rc = align_reader_next(r, &rec, e)) > 0) {
		rc = align_reader_plain(r) ? align_err_set(e, EX_DATAERR,
		    c->o->append, 1, 1, "expected a session stream, not "
		    "plain text") : align_capture_keep(c, rec, e);
		align_node_free(rec);
		if (rc < 0)
			break;
	}
	align_reader_free(r);
	return rc < 0 ? -1 : 0;
}

/* Refuse a line (s, n bytes, with a NUL after them) that is not UTF-8
 * or holds a control character (text.h): a line has no line break
 * either. */
static int
refuse_bytes(struct align_capture *c, const char *s, size_t n)
{
	struct align_text_fault f;
	const char *nl = memchr(s, '\n', n);
	int bad = align_text_fault(s, n, &f);
	unsigned cp;

	if (bad && (f.utf8 || f.cp == 0)) {
		align_buf_puts(&c->why, "the line is not UTF-8 text; type it "
		    "again");
		return 1;
	}
	if (!bad && nl == NULL)
		return 0;
	cp = bad && (nl == NULL || f.at < (size_t)(nl - s)) ? f.cp : '\n';
	align_buf_printf(&c->why, "the line holds %s (U+%04X)%s; type it "
	    "again", align_control_name(cp), cp, cp == 0x1b ? ", as a "
	    "key sends where the line cannot be edited" : "");
	return 1;
}

/* The k bytes of t that the rule of plain text takes for a name, as the
 * roster has it (align_capture_name()): 0; 1 and c->why when it is
 * refused; -1 when out of memory. */
static int
on_roster(struct align_capture *c, const char *t, size_t k,
    const char **name)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_buf typed = ALIGN_BUF_INIT;
	const char *as;
	int rc;

	while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
		k--;
	align_buf_add(&typed, t, k);
	if (typed.failed)
		return -1;
	rc = align_capture_name(c, typed.p, &as, &e);
	if (rc == 0 && as != typed.p)
		*name = as;
	align_buf_release(&typed);
	if (rc == 0)
		return 0;
	if (e.status == ALIGN_EX_NOMEM)
		return -1;
	align_buf_puts(&c->why, e.msg);
	return c->why.failed ? -1 : 1;
}

/* The name that begins line t, if any, into c->who; the text after it
 * into *text.  0; 1 when the line is refused (c->why says why); -1 when
 * out of memory. */
static int
speaker(struct align_capture *c, const char *t, const char **text)
{
	const char *name = NULL;
	size_t k = 0;
	int found = 0;

	*text = t;
	if (c->o->read.participant)
		return 0;	/* every line is this person's */
	if ((found = align_speakers_find(&c->speakers, t, &k, &name)) < 0)
		return -1;
	if (found == 0 && (k = align_name_prefix(t)) > 0) {
		name = t;
		if (c->roster && (found = on_roster(c, t, k, &name)) != 0)
			return found;
	}
	if (k == 0 && c->o->read.key && (k = align_speaker_long_name(t))) {
		align_buf_printf(&c->why, "'%.*s%s' may be a name, which "
		    "--anonymous would leave in the text: put the person on "
		    "the session's participants, or type the line without "
		    "the colon", k > 40 ? 40 : (int)k, t, k > 40 ? "..." : "");
		return c->why.failed ? -1 : 1;
	}
	if (k == 0)
		return 0;
	align_buf_reset(&c->who);
	if (name == t) {
		while (k > 0 && (t[k - 1] == ' ' || t[k - 1] == '\t'))
			k--;
		align_buf_add(&c->who, t, k);
	} else {
		align_buf_puts(&c->who, name);
	}
	for (t = strchr(t + k, ':') + 1; *t == ' ' || *t == '\t'; t++)
		;
	*text = t;
	return c->who.failed ? -1 : 0;
}

/* Write rec at once: appended whole under the lock (never held while a
 * person types), or to standard output, flushed. */
static int
write_now(struct align_capture *c, const struct align_node *rec,
    struct align_err *e)
{
	struct align_lock_opts lo;
	struct align_buf one = ALIGN_BUF_INIT;
	int rc;

	if (c->o->append == NULL) {
		c->out_open = 0;
		if (align_out_record(&c->out, rec, e) < 0) {
			align_out_abort(&c->out);
			return -1;
		}
		if (align_out_close(&c->out, e) < 0 ||
		    align_out_open(&c->out, NULL, e) < 0)
			return -1;
		c->out_open = 1;
		return 0;
	}
	align_lock_defaults(&lo);
	if (c->o->wait >= 0)
		lo.wait = c->o->wait;
	align_emit_record(&one, rec);
	rc = one.failed ? align_err_nomem(e) :
	    align_append_file(c->o->append, one.p, one.len, &lo, e);
	align_buf_release(&one);
	return rc;
}

int
align_capture_line(struct align_capture *c, const char *line,
    struct align_err *e)
{
	const char *s = line, *end = line + strlen(line), *text, *who;
	struct align_time t;
	struct align_node *rec;
	char now[40];
	int rc;

	align_buf_reset(&c->why);
	align_node_free(c->last);
	c->last = NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	while (end > s && strchr(" \t\r\n", end[-1]))
		end--;
	align_buf_reset(&c->line);
	align_buf_add(&c->line, s, (size_t)(end - s));
	if (c->line.failed)
		return align_err_nomem(e);
	if (refuse_bytes(c, c->line.p, c->line.len))
		return c->why.failed ? align_err_nomem(e) : ALIGN_LINE_REFUSED;
	if ((rc = speaker(c, c->line.p, &text)) != 0)
		return rc < 0 ? align_err_nomem(e) : ALIGN_LINE_REFUSED;
	if (*text == '\0')	/* a name alone names the lines to come */
		return text > c->line.p ? ALIGN_LINE_NAMED : ALIGN_LINE_EMPTY;
	who = c->who.len ? c->who.p : c->o->read.participant;
	if (align_now(c->o->now, &t, e) < 0)
		return -1;
	align_time_format(&t, now);
	if (align_response_new(who, now, now, NULL, text, c->o->read.key,
	    NULL, &rec, e) < 0)
		return -1;
	if (write_now(c, rec, e) < 0 || align_capture_keep(c, rec, e) < 0) {
		align_node_free(rec);
		return -1;
	}
	c->added++;
	c->last = rec;
	return ALIGN_LINE_RECORDED;
}

int
align_capture_finish(struct align_capture *c, struct align_err *e)
{
	if (!c->out_open)
		return 0;
	c->out_open = 0;
	return align_out_close(&c->out, e);
}
