#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"
#include "grow.h"

#define SNIFF_ROWS 20		/* rows after the header that tell */

/* Where a run of the row's bytes began in the file: from row offset off
 * on, each character of the row is one column of the file, up to the
 * next run (a field's start, after its opening quote, a doubled quote, a
 * line break inside quotes). */
struct at {
	size_t off;
	unsigned long line, col;
};

struct align_csv_in {
	int fd;
	unsigned char buf[65536];
	size_t pos, len;
	int eof;
	unsigned long line, col;	/* of the next byte */
	unsigned long eline, ecol;	/* where the last row ended */
	struct align_buf row;		/* the fields, NUL-separated */
	size_t *start;			/* offset of each field in row */
	size_t cap;
	struct at *at;			/* where the row's bytes were read */
	size_t nat, atcap;
	int started;			/* the mark and delimiter seen to */
	enum align_csv_encoding encoding;
	int marked;			/* keeping what is read, in kept */
	struct align_buf kept;
	unsigned long mline, mcol;	/* where the mark is */
	char *again;			/* bytes to read again first */
	size_t apos, alen;
	char name[256];
};

/* Windows-1252's bytes 0x80-0x9f (0: not a character); 0xa0-0xff are
 * U+00A0-U+00FF, as in Latin-1. */
static const unsigned short cp1252[32] = {
	0x20ac, 0, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021,
	0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017d, 0,
	0, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014,
	0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, 0, 0x017e, 0x0178,
};

/* The next byte, not taken: 0-255, -1 at the end, -2 and e. */
static int
peekbyte(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	ssize_t n;

	if (in->apos < in->alen)
		return (unsigned char)in->again[in->apos];
	if (in->pos == in->len) {
		if (in->eof)
			return -1;
		do
			n = read(in->fd, in->buf, sizeof(in->buf));
		while (n < 0 && errno == EINTR);
		if (n < 0) {
			align_err_set(e, EX_IOERR, c->name, 0, 0,
			    "read error: %s", strerror(errno));
			return -2;
		}
		if (n == 0) {
			in->eof = 1;
			return -1;
		}
		in->pos = 0;
		in->len = (size_t)n;
	}
	return in->buf[in->pos];
}

/* The next byte, taken (and kept, after a mark). */
static int
getbyte(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	int ch = peekbyte(c, e);

	if (ch < 0)
		return ch;
	if (in->apos < in->alen) {
		if (++in->apos == in->alen) {
			free(in->again);	/* read again: done */
			in->again = NULL;
			in->apos = in->alen = 0;
		}
	} else {
		in->pos++;
	}
	if (in->marked) {
		align_buf_putc(&in->kept, (char)ch);
		c->bytes++;
	}
	return ch;
}

struct align_csv *
align_csv_open(const char *path, struct align_err *e)
{
	struct align_csv *c = calloc(1, sizeof(*c));
	struct align_csv_in *in = c ? calloc(1, sizeof(*in)) : NULL;

	if (in == NULL) {
		free(c);
		align_err_nomem(e);
		return NULL;
	}
	c->in = in;
	if (strcmp(path, "-") == 0) {
		in->fd = STDIN_FILENO;
		snprintf(in->name, sizeof(in->name), "<stdin>");
	} else {
		snprintf(in->name, sizeof(in->name), "%s", path);
		in->fd = open(path, O_RDONLY | O_CLOEXEC);
		if (in->fd < 0) {
			align_err_set(e, EX_NOINPUT, path, 0, 0,
			    "cannot open: %s", strerror(errno));
			free(in);
			free(c);
			return NULL;
		}
	}
	c->name = in->name;
	in->line = in->col = 1;
	return c;
}

void
align_csv_close(struct align_csv *c)
{
	if (c == NULL)
		return;
	if (c->in->fd != STDIN_FILENO)
		close(c->in->fd);
	align_buf_release(&c->in->row);
	align_buf_release(&c->in->kept);
	free(c->in->again);
	free(c->in->start);
	free(c->in->at);
	free(c->field);
	free(c->line);
	free(c->col);
	free(c->in);
	free(c);
}

void
align_csv_set(struct align_csv *c, int delimiter,
    enum align_csv_encoding encoding)
{
	c->delimiter = delimiter;
	c->in->encoding = encoding;
}

int
align_csv_delimiter(const char *s)
{
	if (strcasecmp(s, "tab") == 0 || strcmp(s, "\t") == 0 ||
	    strcmp(s, "\\t") == 0)
		return '\t';
	if (strcasecmp(s, "comma") == 0)
		return ',';
	if (strcasecmp(s, "semicolon") == 0)
		return ';';
	if (s[0] == '\0' || s[1] != '\0' || s[0] == '"' ||
	    (unsigned char)s[0] > 0x7e || !strchr("!#$%&'()*+,-./:;<=>?@"
	    "[\\]^_`{|}~", s[0]))
		return -1;
	return (unsigned char)s[0];
}

int
align_csv_encoding(const char *s, enum align_csv_encoding *enc)
{
	static const char *const utf8[] = { "utf-8", "utf8", NULL };
	static const char *const w1252[] = { "windows-1252", "cp1252",
	    "latin1", "latin-1", "iso-8859-1", "iso8859-1", NULL };
	size_t i;

	for (i = 0; utf8[i]; i++)
		if (strcasecmp(s, utf8[i]) == 0) {
			*enc = ALIGN_CSV_UTF8;
			return 0;
		}
	for (i = 0; w1252[i]; i++)
		if (strcasecmp(s, w1252[i]) == 0) {
			*enc = ALIGN_CSV_WINDOWS_1252;
			return 0;
		}
	return -1;
}

void
align_csv_mark(struct align_csv *c)
{
	struct align_csv_in *in = c->in;

	align_buf_reset(&in->kept);
	in->marked = 1;
	in->mline = in->line;
	in->mcol = in->col;
	c->bytes = 0;
}

int
align_csv_rewind(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;

	in->marked = 0;
	/* What was to be read again and was not: after what was kept. */
	if (in->apos < in->alen)
		align_buf_add(&in->kept, in->again + in->apos,
		    in->alen - in->apos);
	if (in->kept.failed) {
		align_buf_release(&in->kept);
		return align_err_nomem(e);
	}
	free(in->again);
	in->alen = in->kept.len;
	in->apos = 0;
	in->again = align_buf_detach(&in->kept);
	if (in->again == NULL)
		in->alen = 0;
	in->line = in->mline;
	in->col = in->mcol;
	c->bytes = 0;
	return 0;
}

/* "a tab", "';'": the delimiter as a message says it, into out. */
static const char *
delimiter_name(int d, char out[8])
{
	if (d == '\t')
		return "a tab";
	snprintf(out, 8, "'%c'", d);
	return out;
}

/* Read until n bytes are there to look at (at most a buffer), or the
 * end.  0, or -1 and e. */
static int
fill_to(struct align_csv *c, size_t n, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	ssize_t got;

	if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->len -= in->pos;
		in->pos = 0;
	}
	while (!in->eof && in->len < n) {
		do
			got = read(in->fd, in->buf + in->len,
			    sizeof(in->buf) - in->len);
		while (got < 0 && errno == EINTR);
		if (got < 0)
			return align_err_set(e, EX_IOERR, c->name, 0, 0,
			    "read error: %s", strerror(errno));
		if (got == 0)
			in->eof = 1;
		in->len += (size_t)got;
	}
	return 0;
}

/* The delimiter of the rows in p[0..n) (see align_csv_set()); end: they
 * are the whole file. */
static int
sniff(const unsigned char *p, size_t n, int end)
{
	static const char cand[3] = { ',', ';', '\t' };
	unsigned long count[SNIFF_ROWS + 1][3], cnt[3] = { 0, 0, 0 };
	size_t i, rows = 0, k, j;
	int quoted = 0, blank = 1, best = -1, steady[3];

	for (i = 0; i < n && rows <= SNIFF_ROWS; i++) {
		if (p[i] == '"')
			quoted = !quoted;
		if (quoted || p[i] == '\r')
			continue;
		if (p[i] == '\n') {
			if (!blank)
				memcpy(count[rows++], cnt, sizeof(cnt));
			memset(cnt, 0, sizeof(cnt));
			blank = 1;
			continue;
		}
		blank = 0;
		for (k = 0; k < 3; k++)
			cnt[k] += p[i] == (unsigned char)cand[k];
	}
	/* The last row counts when it is whole, or the header is all. */
	if (!blank && rows <= SNIFF_ROWS && (end || rows == 0))
		memcpy(count[rows++], cnt, sizeof(cnt));
	if (rows == 0)
		return ',';
	for (k = 0; k < 3; k++) {
		steady[k] = count[0][k] > 0;
		for (j = 1; j < rows; j++)
			if (count[j][k] != count[0][k])
				steady[k] = 0;
	}
	for (k = 0; k < 3; k++)
		if (steady[k] && (best < 0 || count[0][k] > count[0][best]))
			best = (int)k;
	for (k = 0; k < 3 && best < 0; k++)
		if (count[0][k] > 0 && (best < 0 || count[0][k] >
		    count[0][best]))
			best = (int)k;
	return best < 0 ? ',' : cand[best];
}

/* Before the first row: the byte-order mark, and the delimiter.  0, or
 * -1 and e. */
static int
start(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	const unsigned char *p = in->buf;

	in->started = 1;
	if (fill_to(c, c->delimiter ? 3 : sizeof(in->buf), e) < 0)
		return -1;
	if (in->len >= 2 && ((p[0] == 0xff && p[1] == 0xfe) ||
	    (p[0] == 0xfe && p[1] == 0xff)))
		return align_err_set(e, EX_DATAERR, c->name, 1, 1,
		    "the file is UTF-16, not UTF-8 (convert it: iconv -f "
		    "UTF-16 -t UTF-8 %s >new)", strcmp(c->name, "<stdin>") ?
		    c->name : "FILE");
	if (in->len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0) {
		if (in->encoding != ALIGN_CSV_UTF8)
			return align_err_set(e, EX_DATAERR, c->name, 1, 1,
			    "the file starts with a UTF-8 byte-order mark: "
			    "it is UTF-8, not Windows-1252 (leave out "
			    "--encoding)");
		in->pos = 3;
	}
	if (c->delimiter == 0) {
		c->delimiter = sniff(in->buf + in->pos, in->len - in->pos,
		    in->eof);
		c->found = 1;
	}
	return 0;
}

/* Check field i of the row: UTF-8 and no NUL, an error at the place in
 * the file of the byte at fault.  The loop of a byte of every field read:
 * a UTF-8 lead byte's length and the range of the bytes after it are
 * decoded in place. */
static int
check_field(struct align_csv *c, size_t i, struct align_err *e)
{
	const unsigned char *p = (const unsigned char *)c->field[i];
	size_t n = strlen(c->field[i]), o = 0;
	unsigned long line, col;

	while (o < n) {
		unsigned char b = p[o];
		size_t k, j;
		unsigned char lo = 0x80, hi = 0xbf;

		if (b < 0x80) {
			o++;
			continue;
		}
		if (b >= 0xc2 && b <= 0xdf)
			k = 1;
		else if (b >= 0xe0 && b <= 0xef)
			k = 2;
		else if (b >= 0xf0 && b <= 0xf4)
			k = 3;
		else
			goto bad;
		if (b == 0xe0)
			lo = 0xa0;
		else if (b == 0xed)
			hi = 0x9f;
		else if (b == 0xf0)
			lo = 0x90;
		else if (b == 0xf4)
			hi = 0x8f;
		for (j = 1; j <= k; j++) {
			if (o + j >= n || p[o + j] < lo || p[o + j] > hi)
				goto bad;
			lo = 0x80;
			hi = 0xbf;
		}
		o += k + 1;
	}
	return 0;
bad:
	align_csv_where(c, i, o, &line, &col);
	return align_err_set(e, EX_DATAERR, c->name, line, col,
	    "invalid UTF-8 (byte 0x%02X): the file is not UTF-8; if it is "
	    "Windows-1252 or Latin-1, read it with --encoding windows-1252, "
	    "or convert it: iconv -f WINDOWS-1252 -t UTF-8 %s >new", p[o],
	    strcmp(c->name, "<stdin>") ? c->name : "FILE");
}

/* A run of the row begins here, at the next byte read. */
static int
run(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;

	if (in->nat > 0 && in->at[in->nat - 1].off == in->row.len)
		in->nat--;	/* an empty run: the new one replaces it */
	if (ALIGN_GROW(in->at, in->nat + 1, in->atcap) < 0)
		return align_err_nomem(e);
	in->at[in->nat].off = in->row.len;
	in->at[in->nat].line = in->line;
	in->at[in->nat].col = in->col;
	in->nat++;
	return 0;
}

void
align_csv_where(const struct align_csv *c, size_t field, size_t off,
    unsigned long *line, unsigned long *col)
{
	const struct align_csv_in *in = c->in;
	const unsigned char *p = (const unsigned char *)in->row.p;
	size_t want = in->start[field] + off, lo = 0, hi = in->nat, i;

	/* The last run that begins at or before the byte. */
	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (in->at[mid].off <= want)
			lo = mid;
		else
			hi = mid;
	}
	*line = in->at[lo].line;
	*col = in->at[lo].col;
	for (i = in->at[lo].off; i < want; i++)
		if ((p[i] & 0xc0) != 0x80)
			(*col)++;
}

static int
push_field(struct align_csv *c, unsigned long line, unsigned long col,
    struct align_err *e)
{
	struct align_csv_in *in = c->in;
	size_t cap = in->cap;

	if (c->n == cap) {
		/* Four arrays side by side, grown alike from the same
		 * capacity; in->cap is theirs once all four have it. */
		if (ALIGN_GROW(in->start, c->n + 1, cap) < 0)
			return align_err_nomem(e);
		cap = in->cap;
		if (ALIGN_GROW(c->field, c->n + 1, cap) < 0)
			return align_err_nomem(e);
		cap = in->cap;
		if (ALIGN_GROW(c->line, c->n + 1, cap) < 0)
			return align_err_nomem(e);
		cap = in->cap;
		if (ALIGN_GROW(c->col, c->n + 1, cap) < 0)
			return align_err_nomem(e);
		in->cap = cap;
	}
	in->start[c->n] = in->row.len;
	c->line[c->n] = line;
	c->col[c->n] = col;
	c->n++;
	return 0;
}

/* Byte ch of a field into the row, converted to UTF-8 from Windows-1252
 * when that is the encoding: the bytes it took, or -1 and e. */
static int
put_byte(struct align_csv *c, int ch, unsigned long line, unsigned long col,
    struct align_err *e)
{
	struct align_buf *row = &c->in->row;
	unsigned u;

	if (c->in->encoding != ALIGN_CSV_WINDOWS_1252 || ch < 0x80) {
		align_buf_putc(row, (char)ch);
		return 1;
	}
	u = ch < 0xa0 ? cp1252[ch - 0x80] : (unsigned)ch;
	if (u == 0)
		return align_err_set(e, EX_DATAERR, c->name, line, col,
		    "byte 0x%02X is no character in Windows-1252: is the "
		    "file in another encoding?", ch);
	if (u < 0x800) {
		align_buf_putc(row, (char)(0xc0 | u >> 6));
		align_buf_putc(row, (char)(0x80 | (u & 0x3f)));
		return 2;
	}
	align_buf_putc(row, (char)(0xe0 | u >> 12));
	align_buf_putc(row, (char)(0x80 | ((u >> 6) & 0x3f)));
	align_buf_putc(row, (char)(0x80 | (u & 0x3f)));
	return 3;
}

/* After a closing quote, a doubled quote or what ends the field: 0 when
 * the field goes on, 1 when a quote was put, -1 and e. */
static int
after_quote(struct align_csv *c, int *quoted, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	int nx = peekbyte(c, e);
	char dn[8];

	in->col++;
	if (nx == '"') {
		getbyte(c, e);
		in->col++;
		align_buf_putc(&in->row, '"');
		return 1;
	}
	*quoted = 0;
	if (nx == c->delimiter || nx == '\n' || nx == '\r' || nx < 0)
		return 0;
	return align_err_set(e, EX_DATAERR, c->name, in->line, in->col,
	    "expected %s or the end of the line after a closing quote",
	    delimiter_name(c->delimiter, dn));
}

/* Where the row ended, for a message on its width. */
static void
row_end(struct align_csv_in *in)
{
	in->eline = in->line;
	in->ecol = in->col;
}

/* A byte of a field's text, ch, read: into the row, its position
 * counted; *flen bytes are in the field.  0, or -1 and e. */
static int
text_byte(struct align_csv *c, int ch, size_t *flen, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	unsigned long line = in->line, col = in->col;
	int k;

	if (ch == '\n') {
		in->line++;
		in->col = 1;
	} else if (in->encoding == ALIGN_CSV_WINDOWS_1252 ||
	    (ch & 0xc0) != 0x80) {
		in->col++;
	}
	if (ch == '\r' && peekbyte(c, e) == '\n')
		return 0;	/* CRLF inside quotes */
	if ((k = put_byte(c, ch, line, col, e)) < 0 ||
	    (ch == '\n' && run(c, e) < 0))
		return -1;
	if ((*flen += (size_t)k) > ALIGN_CSV_FIELD_MAX)
		return align_err_set(e, EX_DATAERR, c->name, c->line[c->n - 1],
		    c->col[c->n - 1], "field longer than 1 MiB");
	return 0;
}

/* One field into the row: 1 when another follows, 0 at the end of the
 * row, -1 and e.  Longer than a screen: the loop a byte of the reader of
 * CSV, the state of quoting (inside or out, where the quote opened) in
 * locals; each byte's case is a line or two, its work already in
 * after_quote() and text_byte(). */
static int
read_field(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	unsigned long qline, qcol;
	size_t flen = 0;
	int quoted, ch, k;

	if (push_field(c, in->line, in->col, e) < 0)
		return -1;
	quoted = peekbyte(c, e) == '"';
	qline = in->line;
	qcol = in->col;
	if (quoted) {
		getbyte(c, e);
		in->col++;
	}
	if (run(c, e) < 0)
		return -1;
	for (;;) {
		if ((ch = getbyte(c, e)) == -2)
			return -1;
		if (quoted && ch == -1)
			return align_err_set(e, EX_DATAERR, c->name, qline,
			    qcol, "quoted field not closed");
		if (ch == -1) {
			row_end(in);
			return 0;
		}
		if (ch == 0)
			return align_err_set(e, EX_DATAERR, c->name, in->line,
			    in->col, "NUL byte in text");
		if (quoted && ch == '"') {
			if ((k = after_quote(c, &quoted, e)) < 0 ||
			    (k > 0 && run(c, e) < 0))
				return -1;
			flen += (size_t)k;
			continue;
		}
		if (!quoted && ch == c->delimiter) {
			in->col++;
			return 1;
		}
		if (!quoted && ch == '\r' && peekbyte(c, e) == '\n')
			continue;
		if (!quoted && ch == '\n') {
			row_end(in);
			in->line++;
			in->col = 1;
			return 0;
		}
		if (text_byte(c, ch, &flen, e) < 0)
			return -1;
	}
}

/* A row read: its fields checked, and as many as the header's.  1, 0 for
 * a blank line, -1 and e. */
static int
finish_row(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	unsigned long line, col;
	char dn[8];
	size_t i;

	for (i = 0; i < c->n; i++) {
		c->field[i] = in->row.p + in->start[i];
		if (check_field(c, i, e) < 0)
			return -1;
	}
	if (c->n == 1 && c->field[0][0] == '\0')
		return 0;	/* a blank line */
	if (c->width == 0)
		c->width = c->n;
	if (c->n == c->width)
		return 1;
	/* At the delimiter before the first field too many, or where the
	 * row ends. */
	line = c->n > c->width ? c->line[c->width] : in->eline;
	col = c->n > c->width ? c->col[c->width] - 1 : in->ecol;
	if (c->n > c->width)
		return align_err_set(e, EX_DATAERR, c->name, line, col,
		    "%zu fields where the header has %zu: quote a field that "
		    "holds %s, or name the delimiter (--delimiter)", c->n,
		    c->width, delimiter_name(c->delimiter, dn));
	return align_err_set(e, EX_DATAERR, c->name, line, col,
	    "%zu field%s where the header has %zu", c->n, c->n == 1 ? "" :
	    "s", c->width);
}

int
align_csv_next(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	int ch, more, rc;

	if (!in->started && start(c, e) < 0)
		return -1;
	for (;;) {
		c->n = 0;
		in->nat = 0;
		align_buf_reset(&in->row);
		if ((ch = peekbyte(c, e)) == -2)
			return -1;
		if (ch == -1)
			return 0;
		c->row_line = in->line;
		do {
			if ((more = read_field(c, e)) < 0)
				return -1;
			align_buf_putc(&in->row, '\0');
			if (in->row.failed)
				return align_err_nomem(e);
		} while (more);
		if ((rc = finish_row(c, e)) != 0)
			return rc;
	}
}

void
align_csv_field(struct align_buf *b, const char *s)
{
	/* A field a spreadsheet would take for a formula is shown as text:
	 * a quote before it (OWASP's advice on CSV injection). */
	int formula = *s && strchr("=+-@\t\r", *s) != NULL;

	if (!formula && strpbrk(s, ",\"\r\n") == NULL && *s != ' ' &&
	    (*s == '\0' || s[strlen(s) - 1] != ' ')) {
		align_buf_puts(b, s);
		return;
	}
	align_buf_putc(b, '"');
	if (formula)
		align_buf_putc(b, '\'');
	for (; *s; s++) {
		if (*s == '"')
			align_buf_putc(b, '"');
		align_buf_putc(b, *s);
	}
	align_buf_putc(b, '"');
}

void
align_csv_row(struct align_buf *b, const char *const *field, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++) {
		if (i > 0)
			align_buf_putc(b, ',');
		align_csv_field(b, field[i]);
	}
	align_buf_puts(b, "\r\n");
}
