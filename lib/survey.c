#define _GNU_SOURCE /* strcasestr */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>

#include "buf.h"
#include "grow.h"
#include "response.h"
#include "show.h"
#include "survey.h"
#include "text.h"
#include "when.h"

/* The rows the columns are told from: at most these, from the first on
 * (a larger export is told from its first rows). */
#define SAMPLE_ROWS 5000
#define SAMPLE_BYTES (8 * 1024 * 1024)
#define CHOICES_MAX 10	/* short labels: at most this many values */

/* A column that may hold responses, and what its rows say of it. */
struct cand {
	size_t col;
	char *question;
	int sure;		/* taken without looking at the rows */
	size_t n;		/* answers that are not empty */
	size_t words;		/* the most words of one */
	int numbers;		/* every answer a number */
	struct align_dict seen;	/* the distinct answers */
	size_t *count;		/* how often each was given */
	size_t ccap;
};

struct cands {
	struct cand *v;
	size_t n, cap;
};

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
	"comment", "comments", "respuesta", "antwort", "réponse",
	"commentaire", "commentaires", "kommentar", "comentario",
	"comentarios", NULL };
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

/* A header as a note or a message shows it: on one line, no control
 * character (see align_escape_term()). */
static void
put_header(struct align_buf *b, const char *h, char quote)
{
	const char *nl;

	align_buf_putc(b, quote);
	while ((nl = strpbrk(h, "\r\n")) != NULL) {
		align_escape_term(b, h, (size_t)(nl - h));
		align_buf_putc(b, ' ');
		h = nl + 1;
	}
	align_escape_term(b, h, strlen(h));
	align_buf_putc(b, quote);
}

/* "'a', 'b', 'c'": the headers of c's row. */
static void
header_list(struct align_csv *c, struct align_buf *b)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (i)
			align_buf_puts(b, ", ");
		put_header(b, c->field[i], '\'');
	}
}

/* A column named on the command line, or 64 and e. */
static long
named(struct align_csv *c, const char *name, struct align_err *e)
{
	struct align_buf cols = ALIGN_BUF_INIT;
	long k = column(c, name);

	if (k >= 0)
		return k;
	header_list(c, &cols);
	align_err_set(e, EX_USAGE, c->name, 1, 0, "no column '%s' (the "
	    "columns: %s)", name, cols.failed ? "" : cols.p);
	align_buf_release(&cols);
	return -1;
}

/* The form, from its header; the columns of names and of times. */
static void
recognise(struct align_survey *s, struct align_csv *c)
{
	size_t i;

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
}

static int
add_cand(struct cands *cs, size_t col, const char *q, int sure,
    struct align_err *e)
{
	struct cand *k;

	if (ALIGN_GROW(cs->v, cs->n + 1, cs->cap) < 0)
		return align_err_nomem(e);
	k = &cs->v[cs->n];
	memset(k, 0, sizeof(*k));
	k->col = col;
	k->sure = sure;
	k->numbers = 1;
	if ((k->question = strdup(q)) == NULL)
		return align_err_nomem(e);
	cs->n++;
	return 0;
}

static void
cands_release(struct cands *cs)
{
	size_t i;

	for (i = 0; i < cs->n; i++) {
		free(cs->v[i].question);
		align_dict_release(&cs->v[i].seen);
		free(cs->v[i].count);
	}
	free(cs->v);
	memset(cs, 0, sizeof(*cs));
}

/* SurveyMonkey: row 1 holds the questions (a merged cell spans several
 * columns), row 2 says which columns hold answers: "Open-Ended Response"
 * free text, "Response" a choice or free text, as the rows tell. */
static int
surveymonkey(struct align_survey *s, struct align_csv *c, struct cands *cs,
    struct align_err *e)
{
	char **q = calloc(c->n ? c->n : 1, sizeof(*q));
	size_t i, nq = c->n;
	int rc = 0;

	if (q == NULL)
		return align_err_nomem(e);
	for (i = 0; i < nq && rc == 0; i++)
		if ((q[i] = strdup(c->field[i])) == NULL)
			rc = align_err_nomem(e);
	if (rc == 0 && (rc = align_csv_next(c, e)) == 0)
		rc = align_err_set(e, EX_DATAERR, c->name, 2, 1,
		    "expected SurveyMonkey's second header row");
	rc = rc < 0 ? -1 : 0;
	for (i = 0; rc == 0 && s->o->ntext == 0 && i < nq && i < c->n;
	    i++) {
		size_t j = i;
		int open = strcasecmp(c->field[i], "Open-Ended Response") == 0;

		while (j > 0 && q[j][0] == '\0')
			j--;
		if ((open || strcasecmp(c->field[i], "Response") == 0) &&
		    !is_any(q[j], meta_headers))
			rc = add_cand(cs, i, q[j], open, e);
	}
	for (i = 0; i < nq; i++)
		free(q[i]);
	free(q);
	return rc;
}

/* The columns that may hold responses: for a form, every question; for
 * another CSV, one named as a response is, or every column that is no
 * name, time or other meta data. */
static int
candidates(struct align_survey *s, struct align_csv *c, struct cands *cs,
    struct align_err *e)
{
	size_t i;

	if (strcmp(s->form, "surveymonkey") == 0)
		return surveymonkey(s, c, cs, e);
	if (strcmp(s->form, "csv") == 0)
		for (i = 0; i < c->n; i++)
			if (is_any(c->field[i], text_headers))
				return add_cand(cs, i, c->field[i], 1, e);
	for (i = 0; i < c->n; i++)
		if ((long)i != s->name && (long)i != s->time &&
		    (long)i != s->last_name &&
		    !is_any(c->field[i], meta_headers) &&
		    !is_any(c->field[i], name_headers) &&
		    (strcmp(s->form, "typeform") != 0 ||
		    strcasestr(c->field[i], "(UTC)") == NULL) &&
		    add_cand(cs, i, c->field[i], 0, e) < 0)
			return -1;
	return 0;
}

/* 1 when s is a number, as a rating or a score is: 4, -2, 3.5, 3,5. */
static int
is_number(const char *s, size_t n)
{
	size_t i = 0, digits = 0, dot = 0;

	if (i < n && (s[i] == '-' || s[i] == '+'))
		i++;
	for (; i < n; i++)
		if (s[i] >= '0' && s[i] <= '9')
			digits++;
		else if ((s[i] == '.' || s[i] == ',') && !dot++)
			;
		else
			return 0;
	return digits > 0;
}

/* One answer of column k, trimmed, into its counts. */
static int
tally(struct cand *k, const char *v, struct align_err *e)
{
	size_t n, w = 0, i, before;
	long id;

	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	n = strlen(v);
	while (n > 0 && strchr(" \t\r\n", v[n - 1]))
		n--;
	if (n == 0)
		return 0;
	k->n++;
	for (i = 0; i < n; i++)
		w += (i == 0 || v[i - 1] == ' ') && v[i] != ' ';
	if (w > k->words)
		k->words = w;
	k->numbers = k->numbers && is_number(v, n);
	before = k->seen.n;
	if ((id = align_dict_id(&k->seen, v, n, 1)) < 0)
		return align_err_nomem(e);
	if (k->seen.n > before) {	/* new: the next id */
		if (ALIGN_GROW(k->count, k->seen.n, k->ccap) < 0)
			return align_err_nomem(e);
		k->count[id] = 0;
	}
	k->count[id]++;
	return 0;
}

/* Read the first rows (then read them again from the caller) and tally
 * the answers of the columns the rows must tell.  0, or -1 and e. */
static int
sample(struct align_csv *c, struct cands *cs, struct align_err *e)
{
	size_t rows = 0, i;
	int rc = 0, need = 0;

	for (i = 0; i < cs->n; i++)
		need |= !cs->v[i].sure;
	if (!need)
		return 0;
	align_csv_mark(c);
	while (rows < SAMPLE_ROWS && c->bytes < SAMPLE_BYTES &&
	    (rc = align_csv_next(c, e)) > 0) {
		rows++;
		for (i = 0; i < cs->n && rc >= 0; i++)
			if (!cs->v[i].sure && cs->v[i].col < c->n)
				rc = tally(&cs->v[i], c->field[cs->v[i].col], e);
		if (rc < 0)
			break;
	}
	if (rc < 0)
		return -1;
	return align_csv_rewind(c, e);
}

/* 1 when column k holds a choice, not free text: its answers repeat.
 * Under two answers, nothing tells: free text.  Else a choice when every
 * answer is a number (a rating, a score), or one answer is all there is,
 * or, the most common answer left aside (a "N/A" of many must not
 * decide), the others give at most half as many distinct values as they
 * are; or, of at most CHOICES_MAX distinct values, one is given twice
 * and none is longer than three words (a short label: a department). */
static int
is_choice(const struct cand *k)
{
	size_t d = k->seen.n, top = 0, i;

	if (k->sure || k->n < 2)
		return 0;
	for (i = 0; i < d; i++)
		if (k->count[i] > top)
			top = k->count[i];
	if (k->numbers || d == 1)
		return 1;
	if (k->n - top >= 2 && (d - 1) * 2 <= k->n - top)
		return 1;
	return d < k->n && d <= CHOICES_MAX && k->words <= 3;
}

/* What was chosen, for people: "fields separated by ';'; responses from
 * column "What did they do?"; left out: "Department" (5 choices)". */
static int
make_note(struct align_survey *s, struct align_csv *c,
    const struct cands *cs, struct align_err *e)
{
	struct align_buf b = ALIGN_BUF_INIT;
	size_t i, k = 0;

	if (c->found && c->delimiter != ',')
		align_buf_puts(&b, c->delimiter == '\t' ?
		    "fields separated by tabs; " : c->delimiter == ';' ?
		    "fields separated by ';'; " : "");
	align_buf_printf(&b, "responses from column%s ",
	    align_plural(s->ntext, "", "s"));
	for (i = 0; i < s->ntext; i++) {
		align_buf_puts(&b, i ? ", " : "");
		put_header(&b, s->question[i], '"');
	}
	for (i = 0; i < cs->n; i++) {
		const struct cand *x = &cs->v[i];

		if (!is_choice(x))
			continue;
		align_buf_puts(&b, k++ ? ", " : "; left out: ");
		put_header(&b, x->question, '"');
		if (x->numbers)
			align_buf_puts(&b, " (numbers)");
		else
			align_buf_printf(&b, " (%zu choice%s)", x->seen.n,
			    align_plural(x->seen.n, "", "s"));
	}
	if ((s->note = align_buf_detach(&b)) == NULL)
		return align_err_nomem(e);
	if (s->o->note)
		s->o->note(s->o->note_arg, c->name, s->note);
	return 0;
}

/* The columns of free text become the text columns; a plain CSV must
 * leave no doubt which one holds the responses. */
static int
choose(struct align_survey *s, struct align_csv *c, const struct cands *cs,
    struct align_err *e)
{
	struct align_buf cols = ALIGN_BUF_INIT, left = ALIGN_BUF_INIT;
	size_t i, nleft = 0;
	int rc = 0;

	for (i = 0; i < cs->n && rc == 0; i++) {
		if (is_choice(&cs->v[i])) {
			align_buf_puts(&left, nleft++ ? ", " : "");
			put_header(&left, cs->v[i].question, '\'');
		} else {
			rc = add_text(s, cs->v[i].col, cs->v[i].question, e);
		}
	}
	header_list(c, &cols);
	if (rc == 0 && (cols.failed || left.failed))
		rc = align_err_nomem(e);
	if (rc == 0 && (s->ntext == 0 || (strcmp(s->form, "csv") == 0 &&
	    s->ntext > 1)))
		rc = align_err_set(e, EX_USAGE, c->name, 1, 0,
		    "which column holds the responses? name it with --column "
		    "(%s%s%sthe columns: %s)", nleft ? "left out as choices: " :
		    "", nleft ? left.p : "", nleft ? "; " : "", cols.p);
	align_buf_release(&cols);
	align_buf_release(&left);
	return rc;
}

int
align_survey_begin(struct align_survey *s, struct align_csv *c,
    const struct align_survey_opts *o, struct align_err *e)
{
	struct cands cs = { NULL, 0, 0 };
	size_t i;
	long k;
	int rc;

	memset(s, 0, sizeof(*s));
	s->o = o;
	s->name = s->last_name = s->time = -1;
	s->form = "csv";
	align_csv_set(c, o->delimiter, o->encoding);
	if ((rc = align_csv_next(c, e)) <= 0)
		return rc < 0 ? -1 : align_err_set(e, EX_DATAERR, c->name, 1,
		    1, "empty CSV file: expected a header row");
	s->width = c->n;
	recognise(s, c);
	if (o->name_column && (s->name = named(c, o->name_column, e)) < 0)
		return -1;
	if (o->name_column)
		s->last_name = -1;
	if (o->time_column && (s->time = named(c, o->time_column, e)) < 0)
		return -1;
	for (i = 0; i < o->ntext; i++)
		if ((k = named(c, o->text_column[i], e)) < 0 ||
		    add_text(s, (size_t)k, c->field[k], e) < 0)
			return -1;
	if (o->ntext > 0)	/* chosen: SurveyMonkey's second row aside */
		return strcmp(s->form, "surveymonkey") == 0 ?
		    surveymonkey(s, c, &cs, e) : 0;
	rc = candidates(s, c, &cs, e);
	if (rc == 0)
		rc = sample(c, &cs, e);
	if (rc == 0)
		rc = choose(s, c, &cs, e);
	if (rc == 0)
		rc = make_note(s, c, &cs, e);
	cands_release(&cs);
	return rc;
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

/* The hour h of a time that says AM or PM, on the clock of 24: 0, or
 * -1 for an hour that a clock of 12 has not. */
static int
twelve_hour(const char *s, int *h)
{
	const char *ampm = NULL;

	if (strstr(s, "PM") || strstr(s, "pm"))
		ampm = "PM";
	else if (strstr(s, "AM") || strstr(s, "am"))
		ampm = "AM";
	if (ampm == NULL)
		return 0;
	if (*h < 1 || *h > 12)
		return -1;
	if (ampm[0] == 'P' && *h < 12)
		*h += 12;
	if (ampm[0] == 'A' && *h == 12)
		*h = 0;
	return 0;
}

/* A time written with slashes, "2026/12/02 12:14:03" (Google Forms) or
 * "12/2/2026 12:14:03 PM" (Sheets, US), as ISO 8601 with the offset off
 * into iso (n bytes): 0, or -1 for one that is not. */
static int
slashed(const char *s, const char *off, char *iso, size_t n)
{
	int a, b, c, y, mo, d, h = 0, mi = 0, sec = 0, k = 0;
	const char *p;

	if (sscanf(s, "%d/%d/%d%n", &a, &b, &c, &k) < 3)
		return -1;
	if (s[k] == ' ' && sscanf(s + k, "%d:%d", &h, &mi) < 2)
		return -1;
	if ((p = strchr(s + k, ':')) && (p = strchr(p + 1, ':')))
		sscanf(p + 1, "%d", &sec);
	if (strspn(s, "0123456789") == 4) {
		y = a;
		mo = b;
		d = c;
	} else {
		mo = a;
		d = b;
		y = c < 100 ? c + 2000 : c;
	}
	if (twelve_hour(s, &h) < 0)
		return -1;
	if (y < 0 || y > 9999 || mo < 0 || mo > 99 || d < 0 || d > 99 ||
	    h < 0 || h > 99 || mi < 0 || mi > 99 || sec < 0 || sec > 99)
		return -1;
	snprintf(iso, n, "%04d-%02d-%02dT%02d:%02d:%02d%s", y, mo, d, h, mi,
	    sec, off);
	return 0;
}

int
align_survey_time(const char *s, int utc, char *out, struct align_err *e)
{
	struct align_time t;
	char iso[96], copy[64], off[16] = "";
	int g;

	snprintf(copy, sizeof(copy), "%s", s);
	if ((g = gmt_offset(copy, off)) < 0)
		goto bad;
	if (utc && !g)
		strcpy(off, "Z");
	if (strchr(copy, '/')) {
		if (slashed(copy, off, iso, sizeof(iso)) < 0)
			goto bad;
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

/* Field i of the row refused when the text s within it (its trimmed
 * part) holds a control character, at the character's place: 0, or -1
 * and e (65). */
static int
no_control(const struct align_csv *c, size_t i, const char *s,
    struct align_err *e)
{
	struct align_text_fault f;
	unsigned long line, col;

	if (!align_text_fault(s, strlen(s), &f) || f.utf8)
		return 0;	/* UTF-8 is the reader's to check */
	align_csv_where(c, i, (size_t)(s - c->field[i]) + f.at, &line, &col);
	return align_response_control_error(e, c->name, line, col, f.cp);
}

/* The row's name, first and last, into s->who (of any length), resolved
 * when the options say how: *who, or -1 and e at the name's place. */
static int
row_name(struct align_survey *s, const struct align_csv *c,
    const char **who, struct align_err *e)
{
	const struct align_survey_opts *o = s->o;

	if (s->name < 0 || (size_t)s->name >= c->n || !c->field[s->name][0])
		return 0;
	if (no_control(c, (size_t)s->name, c->field[s->name], e) < 0 ||
	    (s->last_name >= 0 && (size_t)s->last_name < c->n &&
	    no_control(c, (size_t)s->last_name, c->field[s->last_name],
	    e) < 0))
		return -1;
	align_buf_reset(&s->who);
	align_buf_puts(&s->who, c->field[s->name]);
	if (s->last_name >= 0 && (size_t)s->last_name < c->n &&
	    c->field[s->last_name][0])
		align_buf_printf(&s->who, " %s", c->field[s->last_name]);
	if (s->who.failed)
		return align_err_nomem(e);
	*who = s->who.p;
	if (o->resolve == NULL || o->resolve(o->resolve_arg, s->who.p, who,
	    e) == 0)
		return 0;
	if (e->status != ALIGN_EX_NOMEM) {
		e->line = c->line[s->name];
		e->col = c->col[s->name];
		snprintf(e->file, sizeof(e->file), "%s", c->name);
	}
	return -1;
}

/* The row's time, normalised into at (40 bytes): *when, left alone when
 * the row has none, or -1 and e at the time's place. */
static int
row_time(struct align_survey *s, const struct align_csv *c, char *at,
    const char **when, struct align_err *e)
{
	if (s->time < 0 || (size_t)s->time >= c->n || !c->field[s->time][0])
		return 0;
	if (align_survey_time(c->field[s->time], s->time_utc, at, e) < 0) {
		e->line = c->line[s->time];
		e->col = c->col[s->time];
		snprintf(e->file, sizeof(e->file), "%s", c->name);
		return -1;
	}
	*when = at;
	return 0;
}

/* text with the white space around it cut (in place): "" is no answer. */
static char *
trimmed(char *text)
{
	char *end;

	while (*text == ' ' || *text == '\t' || *text == '\n' ||
	    *text == '\r')
		text++;
	end = text + strlen(text);
	while (end > text && strchr(" \t\r\n", end[-1]))
		*--end = '\0';
	return text;
}

/* A response for each text column the row answers, into s->pending: 0,
 * or -1 and e. */
static int
row_responses(struct align_survey *s, const struct align_csv *c,
    const char *who, const char *when, struct align_err *e)
{
	const struct align_survey_opts *o = s->o;
	size_t i;

	for (i = 0; i < s->ntext; i++) {
		const char *q = s->question[i];
		struct align_node *r;
		char *text;

		if (s->text[i] >= c->n)
			continue;
		if (*(text = trimmed(c->field[s->text[i]])) == '\0')
			continue;	/* no answer */
		if (no_control(c, s->text[i], text, e) < 0)
			return -1;
		if (o->session_question && strcmp(q, o->session_question) == 0)
			q = NULL;
		if (align_response_new(who, when, when ? when : o->now,
		    s->ntext > 1 || strcmp(s->form, "csv") != 0 ? q : NULL,
		    text, o->key, &s->seen, &r, e) < 0 ||
		    align_seq_push(s->pending, r) < 0)
			return e->status ? -1 : align_err_nomem(e);
		r->line = c->line[s->text[i]];
	}
	return 0;
}

int
align_survey_next(struct align_survey *s, struct align_csv *c,
    struct align_node **rec, struct align_err *e)
{
	for (;;) {
		char at[40];
		const char *who = s->o->participant, *when = NULL;
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
		if (row_name(s, c, &who, e) < 0 ||
		    row_time(s, c, at, &when, e) < 0)
			return -1;
		if ((s->pending = align_seq()) == NULL)
			return align_err_nomem(e);
		if (row_responses(s, c, who, when, e) < 0)
			return -1;
	}
}

void
align_survey_release(struct align_survey *s)
{
	size_t i;

	for (i = 0; i < s->ntext; i++)
		free(s->question[i]);
	free(s->note);
	align_node_free(s->pending);
	align_count_release(&s->seen);
	align_buf_release(&s->who);
	memset(s, 0, sizeof(*s));
}
