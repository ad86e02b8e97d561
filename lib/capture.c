#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "capture.h"
#include "file.h"
#include "out.h"
#include "plan.h"
#include "response.h"
#include "text.h"
#include "when.h"
#include "writer.h"

#define BATCH 65536

/* Where records go: standard output, or the end of a locked file. */
struct sink {
	struct align_out out;
	int fd;			/* -a: the locked file, else -1 */
	const char *path;
	struct align_buf buf;
};

void
align_capture_init(struct align_capture *c,
    const struct align_capture_opts *o)
{
	memset(c, 0, sizeof(*c));
	c->o = o;
}

void
align_capture_release(struct align_capture *c)
{
	align_node_free(c->session);
	align_node_free(c->responses);
	c->session = c->responses = NULL;
}

/* Remember what a board needs. */
static int
keep(struct align_capture *c, const struct align_node *rec,
    struct align_err *e)
{
	const char *kind = align_record_kind(rec);

	if (strcmp(kind, "session") == 0 && c->session == NULL &&
	    (c->session = align_node_copy(rec)) == NULL)
		return align_err_nomem(e);
	if (!c->o->collect || strcmp(kind, "response") != 0)
		return 0;
	if (c->responses == NULL && (c->responses = align_seq()) == NULL)
		return align_err_nomem(e);
	if (align_seq_push(c->responses, align_node_copy(rec)) < 0)
		return align_err_nomem(e);
	return 0;
}

static int
sink_flush(struct sink *s, struct align_err *e)
{
	if (s->buf.failed)
		return align_err_nomem(e);
	if (s->buf.len && align_append(s->fd, s->path, s->buf.p, s->buf.len,
	    e) < 0)
		return -1;
	align_buf_reset(&s->buf);
	return 0;
}

static int
sink_put(struct align_capture *c, struct sink *s,
    const struct align_node *rec, struct align_err *e)
{
	if (keep(c, rec, e) < 0)
		return -1;
	if (s->fd < 0)
		return c->o->quiet ? 0 : align_out_record(&s->out, rec, e);
	/* Whole records a write, never more than BATCH bytes waiting. */
	align_emit_record(&s->buf, rec);
	return s->buf.len >= BATCH ? sink_flush(s, e) : 0;
}

static int
sink_open(struct align_capture *c, struct sink *s, struct align_err *e)
{
	memset(s, 0, sizeof(*s));
	s->fd = -1;
	if (c->o->append == NULL)
		return align_out_open(&s->out, NULL, e);
	s->path = c->o->append;
	s->fd = align_append_lock(s->path, c->o->wait, e);
	if (s->fd < 0)
		return -1;
	return 0;
}

/* Commit, or (failed) take back everything this run added. */
static int
sink_close(struct sink *s, int failed, struct align_err *e)
{
	int rc = 0;

	if (s->fd < 0) {
		if (failed) {
			align_out_abort(&s->out);
			return -1;
		}
		return align_out_close(&s->out, e);
	}
	if (!failed && sink_flush(s, e) < 0)
		failed = 1;
	align_buf_release(&s->buf);
	if (failed) {
		/* Under the lock still: nobody else has written since. */
		align_append_abort(s->fd, s->path);
		return -1;
	}
	rc = align_append_close(s->fd, s->path, e);
	s->fd = -1;
	return rc;
}

static int
read_csv(struct align_capture *c, struct align_reader *r, struct sink *s,
    const char *path, const char *now, struct align_err *e)
{
	struct align_survey_opts so = c->o->survey;
	struct align_survey sv;
	struct align_csv *csv = align_csv_open(path, e);
	struct align_node *rec;
	int rc;

	if (csv == NULL)
		return -1;
	if (c->session)
		so.session_question = align_map_str(c->session, "question");
	so.now = now;
	so.key = c->o->read.key;
	rc = align_survey_begin(&sv, csv, &so, e);
	while (rc == 0 && (rc = align_survey_next(&sv, csv, &rec, e)) > 0) {
		int fresh = align_reader_claim(r, align_record_id(rec));

		rc = fresh < 0 ? align_err_nomem(e) : 0;
		if (fresh > 0) {
			rc = sink_put(c, s, rec, e);
			c->added++;
		} else if (fresh == 0) {
			c->skipped++;
		}
		align_node_free(rec);
		if (rc < 0)
			break;
	}
	align_survey_release(&sv);
	align_csv_close(csv);
	return rc < 0 ? -1 : 0;
}

static int
now_text(const struct align_capture *c, char *out, struct align_err *e)
{
	struct align_time t;

	if (align_now(c->o->now, &t, e) < 0)
		return -1;
	align_time_format(&t, out);
	return 0;
}

int
align_capture_batch(struct align_capture *c, char **paths, size_t n,
    struct align_err *e)
{
	struct align_read_opts ro = c->o->read;
	struct align_reader *r;
	struct align_node *rec;
	struct sink s;
	char now[40], **all = NULL;
	size_t i, m = 0;
	int rc;

	if (now_text(c, now, e) < 0)
		return -1;
	ro.at = now;
	/* The file appended to is read first: its ids are not added again,
	 * and its session gives the question. */
	all = calloc(n + 2, sizeof(*all));
	if (all == NULL)
		return align_err_nomem(e);
	if (c->o->append)
		all[m++] = (char *)c->o->append;
	for (i = 0; i < n; i++)
		all[m++] = paths[i];
	if (n == 0 && c->o->ncsv == 0)
		all[m++] = "-";
	if (sink_open(c, &s, e) < 0) {
		free(all);
		return -1;
	}
	r = align_reader_open(all, m, &ro, e);
	rc = r ? 0 : -1;
	while (rc == 0 && (rc = align_reader_next(r, &rec, e)) > 0) {
		if (c->o->append && align_reader_index(r) == 0) {
			if (align_reader_plain(r))
				rc = align_err_set(e, EX_DATAERR,
				    c->o->append, 1, 1, "expected a session "
				    "stream, not plain text");
			else
				rc = keep(c, rec, e);
		} else {
			rc = sink_put(c, &s, rec, e);
			c->added += strcmp(align_record_kind(rec),
			    "response") == 0;
		}
		align_node_free(rec);
		if (rc > 0)
			rc = 0;
		else if (rc < 0)
			break;
	}
	for (i = 0; rc == 0 && i < c->o->ncsv; i++)
		rc = read_csv(c, r, &s, c->o->csv[i], now, e);
	align_reader_free(r);
	free(all);
	if (sink_close(&s, rc < 0, e) < 0)
		return -1;
	return 0;
}

int
align_capture_prompt(struct align_capture *c, FILE *in, FILE *prompt,
    struct align_err *e)
{
	struct align_reader *r = NULL;
	struct align_node *rec;
	char *line = NULL, who[64] = "", now[40];
	size_t cap = 0, width = align_terminal_width(fileno(prompt));
	struct align_buf b = ALIGN_BUF_INIT;
	struct align_out out;
	int rc = 0;

	/* What the room should see first: the purpose and the question. */
	if (c->o->append) {
		char *p[1];

		p[0] = (char *)c->o->append;
		if (access(c->o->append, F_OK) == 0 &&
		    (r = align_reader_open(p, 1, NULL, e)) == NULL)
			return -1;
		while (r && (rc = align_reader_next(r, &rec, e)) > 0) {
			rc = keep(c, rec, e);
			align_node_free(rec);
			if (rc < 0)
				break;
		}
		align_reader_free(r);
		if (rc < 0)
			return -1;
	} else if (align_out_open(&out, NULL, e) < 0) {
		return -1;
	}
	align_buf_printf(&b, "%s\n\n", c->session ?
	    align_map_str(c->session, "title") : ALIGN_TITLE);
	align_buf_puts(&b, "Purpose: ");
	align_text_wrap(&b, c->session && align_map_str(c->session,
	    "purpose") ? align_map_str(c->session, "purpose") :
	    ALIGN_PURPOSE, 2, 9, width);
	align_buf_puts(&b, "Question: ");
	align_text_wrap(&b, c->session && align_map_str(c->session,
	    "question") ? align_map_str(c->session, "question") :
	    ALIGN_QUESTION, 2, 10, width);
	align_buf_puts(&b, "\nType each response as \"Name: what they "
	    "said\" (the name is kept for the next line). Ctrl-D ends.\n");
	if (!b.failed)
		fputs(b.p, prompt);
	align_buf_release(&b);
	for (;;) {
		ssize_t len;
		char *s, *end;
		size_t k;

		fputs("> ", prompt);
		fflush(prompt);
		if ((len = getline(&line, &cap, in)) < 0)
			break;
		s = line;
		end = line + len;
		while (end > s && strchr(" \t\r\n", end[-1]))
			*--end = '\0';
		while (*s == ' ' || *s == '\t')
			s++;
		if ((k = align_name_prefix(s)) > 0) {
			snprintf(who, sizeof(who), "%.*s", (int)k, s);
			for (s += k + 1; *s == ' ' || *s == '\t'; s++)
				;
		}
		if (*s == '\0') {
			fprintf(prompt, "  (nothing to record)\n");
			continue;
		}
		if (now_text(c, now, e) < 0 ||
		    align_response_new(*who ? who : c->o->read.participant,
		    now, now, NULL, s, c->o->read.key, NULL, &rec, e) < 0) {
			rc = -1;
			break;
		}
		if (c->o->append) {
			struct align_buf one = ALIGN_BUF_INIT;
			int fd = align_append_lock(c->o->append, c->o->wait, e);

			align_emit_record(&one, rec);
			rc = fd < 0 ? -1 : one.failed ? align_err_nomem(e) :
			    align_append(fd, c->o->append, one.p, one.len, e);
			if (fd >= 0 && align_append_close(fd, c->o->append,
			    rc < 0 ? NULL : e) < 0)
				rc = -1;
			align_buf_release(&one);
		} else {
			rc = align_out_record(&out, rec, e);
			if (rc == 0)
				rc = align_out_close(&out, e) < 0 ? -1 :
				    align_out_open(&out, NULL, e);
		}
		if (rc == 0)
			rc = keep(c, rec, e);
		if (rc == 0) {
			c->added++;
			fprintf(prompt, "  recorded %s%s%s\n",
			    align_record_id(rec), *who ? " from " : "", who);
		}
		align_node_free(rec);
		if (rc < 0)
			break;
	}
	free(line);
	if (!c->o->append && rc == 0 && align_out_close(&out, e) < 0)
		rc = -1;
	fputs("\n", prompt);
	return rc < 0 ? -1 : 0;
}
