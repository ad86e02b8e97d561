#define _GNU_SOURCE /* strcasestr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "response.h"
#include "survey.h"
#include "when.h"

static long
column(struct align_csv *c, const char *name)
{
	size_t i;

	for (i = 0; i < c->n; i++)
		if (strcasecmp(c->field[i], name) == 0)
			return (long)i;
	return -1;
}

static int
is_any(const char *h, const char *const *names)
{
	size_t i;

	for (i = 0; names[i]; i++)
		if (strcasecmp(h, names[i]) == 0)
			return 1;
	return 0;
}

static const char *const name_headers[] = { "name", "your name",
	"full name", "participant", "nombre", "name des teilnehmers", "nom",
	"first name", "who", "author", NULL };
static const char *const text_headers[] = { "text", "response", "answer",
	"comment", "comments", "respuesta", "antwort", "réponse", NULL };
/* Columns that hold no answer to a question. */
static const char *const meta_headers[] = { "timestamp", "email address",
	"email", "score", "#", "start date (utc)", "submit date (utc)",
	"stage date (utc)", "network id", "tags", "response type",
	"respondent id", "collector id", "start date", "end date",
	"ip address", "first name", "last name", "custom data 1", "date",
	"time", "at", "id", NULL };

static int
add_text(struct align_survey *s, size_t col, const char *q,
    struct align_err *e)
{
	if (s->ntext == ALIGN_SURVEY_COLUMNS)
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "more than %d text columns", ALIGN_SURVEY_COLUMNS);
	s->text[s->ntext] = col;
	s->question[s->ntext] = strdup(q);
	if (s->question[s->ntext] == NULL)
		return align_err_nomem(e);
	s->ntext++;
	return 0;
}

static int
header_list(struct align_csv *c, char *out, size_t n)
{
	size_t i, k = 0;

	out[0] = '\0';
	for (i = 0; i < c->n && k + 4 < n; i++)
		k += (size_t)snprintf(out + k, n - k, "%s'%s'", i ? ", " : "",
		    c->field[i]);
	return 0;
}

int
align_survey_begin(struct align_survey *s, struct align_csv *c,
    const struct align_survey_opts *o, struct align_err *e)
{
	char cols[512];
	size_t i;
	int rc;

	memset(s, 0, sizeof(*s));
	s->o = o;
	s->name = s->last_name = s->time = -1;
	s->form = "csv";
	if ((rc = align_csv_next(c, e)) <= 0)
		return rc < 0 ? -1 : align_err_set(e, EX_DATAERR, c->name, 1,
		    1, "empty CSV file: expected a header row");
	s->width = c->n;
	header_list(c, cols, sizeof(cols));
	if (column(c, "Timestamp") == 0) {
		s->form = "google";
		s->time = 0;
	} else if (column(c, "#") == 0 &&
	    column(c, "Submit Date (UTC)") >= 0) {
		s->form = "typeform";
		s->time = column(c, "Submit Date (UTC)");
		s->time_utc = 1;
	} else if (column(c, "Respondent ID") == 0) {
		s->form = "surveymonkey";
		s->time = column(c, "End Date");
	}
	for (i = 0; i < c->n && s->name < 0; i++)
		if (is_any(c->field[i], name_headers))
			s->name = (long)i;
	/* "What is your name?" */
	for (i = 0; i < c->n && s->name < 0; i++)
		if (strlen(c->field[i]) <= 30 &&
		    strcasestr(c->field[i], "your name"))
			s->name = (long)i;
	if (s->name >= 0 && strcasecmp(c->field[s->name], "first name") == 0)
		s->last_name = column(c, "Last Name");
	if (s->time < 0)
		s->time = column(c, "time") >= 0 ? column(c, "time") :
		    column(c, "date");
	if (o->name_column && (s->name = column(c, o->name_column)) < 0)
		return align_err_set(e, EX_USAGE, c->name, 1, 0,
		    "no column '%s' (the columns: %s)", o->name_column, cols);
	if (o->name_column)
		s->last_name = -1;
	if (o->time_column && (s->time = column(c, o->time_column)) < 0)
		return align_err_set(e, EX_USAGE, c->name, 1, 0,
		    "no column '%s' (the columns: %s)", o->time_column, cols);
	for (i = 0; i < o->ntext; i++) {
		long k = column(c, o->text_column[i]);

		if (k < 0)
			return align_err_set(e, EX_USAGE, c->name, 1, 0,
			    "no column '%s' (the columns: %s)",
			    o->text_column[i], cols);
		if (add_text(s, (size_t)k, c->field[k], e) < 0)
			return -1;
	}
	if (strcmp(s->form, "surveymonkey") == 0) {
		/* Row 1 holds the questions (a merged cell spans several
		 * columns); row 2 says which columns hold open answers. */
		char *q[ALIGN_SURVEY_COLUMNS * 4];
		size_t nq = c->n < ALIGN_SURVEY_COLUMNS * 4 ? c->n :
		    ALIGN_SURVEY_COLUMNS * 4;

		for (i = 0; i < nq; i++)
			if ((q[i] = strdup(c->field[i])) == NULL) {
				while (i-- > 0)
					free(q[i]);
				return align_err_nomem(e);
			}
		rc = align_csv_next(c, e);
		for (i = 0; rc > 0 && o->ntext == 0 && i < nq && i < c->n;
		    i++) {
			size_t j = i;

			while (j > 0 && q[j][0] == '\0')
				j--;
			if ((strcasecmp(c->field[i], "Response") == 0 ||
			    strcasecmp(c->field[i], "Open-Ended Response") ==
			    0) && !is_any(q[j], meta_headers) &&
			    add_text(s, i, q[j], e) < 0)
				rc = -1;
		}
		for (i = 0; i < nq; i++)
			free(q[i]);
		if (rc <= 0)
			return rc < 0 ? -1 : align_err_set(e, EX_DATAERR,
			    c->name, 2, 1, "expected SurveyMonkey's second "
			    "header row");
		return 0;
	}
	if (o->ntext > 0)
		return 0;
	for (i = 0; i < c->n; i++)
		if (is_any(c->field[i], text_headers))
			return add_text(s, i, c->field[i], e);
	for (i = 0; i < c->n; i++)
		if ((long)i != s->name && (long)i != s->time &&
		    (long)i != s->last_name &&
		    !is_any(c->field[i], meta_headers) &&
		    !is_any(c->field[i], name_headers) &&
		    (strcmp(s->form, "typeform") != 0 ||
		    strcasestr(c->field[i], "(UTC)") == NULL) &&
		    add_text(s, i, c->field[i], e) < 0)
			return -1;
	/* A form's every other column is a question; a plain CSV must
	 * leave no doubt. */
	if (s->ntext == 0 || (strcmp(s->form, "csv") == 0 && s->ntext > 1))
		return align_err_set(e, EX_USAGE, c->name, 1, 0,
		    "which column holds the responses? name it with "
		    "--text-column (the columns: %s)", cols);
	return 0;
}

/* " GMT", " GMT-5", " GMT+05:30" at the end of s: the offset as
 * "+05:30" into off, and s cut there.  0 when there is none. */
static int
gmt_offset(char *s, char *off)
{
	char *g = strstr(s, "GMT");
	int h = 0, m = 0;

	if (g == NULL)
		return 0;
	if (g[3] == '+' || g[3] == '-') {
		if (sscanf(g + 4, "%d:%d", &h, &m) < 1 || h > 14 || m > 59)
			return -1;
	} else if (g[3] != '\0') {
		return -1;
	}
	snprintf(off, 16, "%c%02hhu:%02hhu", g[3] == '-' ? '-' : '+',
	    (unsigned char)h, (unsigned char)m);
	while (g > s && g[-1] == ' ')
		g--;
	*g = '\0';
	return 1;
}

int
align_survey_time(const char *s, int utc, char *out, struct align_err *e)
{
	struct align_time t;
	char iso[96], copy[64], off[16] = "";
	int a, b, c, y, mo, d, h = 0, mi = 0, sec = 0, n = 0, g;
	const char *ampm = NULL;

	snprintf(copy, sizeof(copy), "%s", s);
	if ((g = gmt_offset(copy, off)) < 0)
		goto bad;
	if (utc && !g)
		strcpy(off, "Z");
	if (strchr(copy, '/')) {
		if (sscanf(copy, "%d/%d/%d%n", &a, &b, &c, &n) < 3)
			goto bad;
		if (copy[n] == ' ' && sscanf(copy + n, "%d:%d", &h, &mi) < 2)
			goto bad;
		{
			const char *p = strchr(copy + n, ':');

			if (p && (p = strchr(p + 1, ':')))
				sscanf(p + 1, "%d", &sec);
		}
		/* 2026/12/02 (Google Forms), else 12/2/2026 (Sheets, US). */
		if (strspn(copy, "0123456789") == 4) {
			y = a;
			mo = b;
			d = c;
		} else {
			mo = a;
			d = b;
			y = c < 100 ? c + 2000 : c;
		}
		if (strstr(copy, "PM") || strstr(copy, "pm"))
			ampm = "PM";
		else if (strstr(copy, "AM") || strstr(copy, "am"))
			ampm = "AM";
		if (ampm && (h < 1 || h > 12))
			goto bad;
		if (ampm && ampm[0] == 'P' && h < 12)
			h += 12;
		if (ampm && ampm[0] == 'A' && h == 12)
			h = 0;
		if (y < 0 || y > 9999 || mo < 0 || mo > 99 || d < 0 ||
		    d > 99 || h < 0 || h > 99 || mi < 0 || mi > 99 ||
		    sec < 0 || sec > 99)
			goto bad;
		snprintf(iso, sizeof(iso), "%04d-%02d-%02dT%02d:%02d:%02d%s",
		    y, mo, d, h, mi, sec, off);
	} else {
		snprintf(iso, sizeof(iso), "%s%s", copy,
		    strlen(copy) == 19 ? off : "");
	}
	if (align_time_parse(iso, &t, e) < 0)
		goto bad;
	align_time_format(&t, out);
	return 0;
bad:
	return align_err_set(e, EX_DATAERR, NULL, 0, 0,
	    "'%s' is not a time (expected 2026-12-02 12:14:03, "
	    "12/2/2026 12:14:03 or ISO 8601)", s);
}

int
align_survey_next(struct align_survey *s, struct align_csv *c,
    struct align_node **rec, struct align_err *e)
{
	const struct align_survey_opts *o = s->o;

	for (;;) {
		char at[40], name[512];
		const char *who = o->participant, *when = NULL;
		size_t i;
		int rc;

		if (s->pending && s->next < s->pending->n) {
			*rec = s->pending->item[s->next];
			s->pending->item[s->next++] = NULL;
			return 1;
		}
		align_node_free(s->pending);
		s->pending = NULL;
		s->next = 0;
		if ((rc = align_csv_next(c, e)) <= 0)
			return rc;
		if (s->name >= 0 && (size_t)s->name < c->n &&
		    c->field[s->name][0]) {
			snprintf(name, sizeof(name), "%s", c->field[s->name]);
			if (s->last_name >= 0 && (size_t)s->last_name < c->n &&
			    c->field[s->last_name][0])
				snprintf(name + strlen(name),
				    sizeof(name) - strlen(name), " %s",
				    c->field[s->last_name]);
			who = name;
		}
		if (s->time >= 0 && (size_t)s->time < c->n &&
		    c->field[s->time][0]) {
			if (align_survey_time(c->field[s->time], s->time_utc,
			    at, e) < 0) {
				e->line = c->line[s->time];
				e->col = c->col[s->time];
				snprintf(e->file, sizeof(e->file), "%s",
				    c->name);
				return -1;
			}
			when = at;
		}
		if ((s->pending = align_seq()) == NULL)
			return align_err_nomem(e);
		for (i = 0; i < s->ntext; i++) {
			const char *q = s->question[i];
			char *text, *end;
			struct align_node *r;

			if (s->text[i] >= c->n)
				continue;
			text = c->field[s->text[i]];
			while (*text == ' ' || *text == '\t' || *text == '\n' ||
			    *text == '\r')
				text++;
			end = text + strlen(text);
			while (end > text && strchr(" \t\r\n", end[-1]))
				*--end = '\0';
			if (*text == '\0')
				continue;	/* no answer */
			if (o->session_question &&
			    strcmp(q, o->session_question) == 0)
				q = NULL;
			if (align_response_new(who, when, when ? when : o->now,
			    s->ntext > 1 || strcmp(s->form, "csv") != 0 ? q :
			    NULL, text, o->key, &s->seen, &r, e) < 0 ||
			    align_seq_push(s->pending, r) < 0)
				return e->status ? -1 : align_err_nomem(e);
			r->line = c->line[s->text[i]];
		}
	}
}

void
align_survey_release(struct align_survey *s)
{
	size_t i;

	for (i = 0; i < s->ntext; i++)
		free(s->question[i]);
	align_node_free(s->pending);
	align_count_release(&s->seen);
	memset(s, 0, sizeof(*s));
}
