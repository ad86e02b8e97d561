#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>
#include <unistd.h>

#include "buf.h"
#include "csv.h"

struct align_csv_in {
	int fd;
	unsigned char buf[65536];
	size_t pos, len;
	int eof;
	unsigned long line, col;	/* of the next byte */
	struct align_buf row;		/* the fields, NUL-separated */
	size_t *start;			/* offset of each field in row */
	size_t cap;
	int bom_checked;
	char name[256];
};

static int
getbyte(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	ssize_t n;

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
	return in->buf[in->pos++];
}

static int
peekbyte(struct align_csv *c, struct align_err *e)
{
	int ch = getbyte(c, e);

	if (ch >= 0)
		c->in->pos--;
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
	free(c->in->start);
	free(c->field);
	free(c->line);
	free(c->col);
	free(c->in);
	free(c);
}

/* Check one field: UTF-8 and no NUL.  Its position is where it began. */
static int
check_field(struct align_csv *c, const char *s, size_t n, unsigned long line,
    unsigned long col, struct align_err *e)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0;

	while (i < n) {
		unsigned char b = p[i];
		size_t k, j;
		unsigned char lo = 0x80, hi = 0xbf;

		if (b == '\n') {
			line++;
			col = 1;
			i++;
			continue;
		}
		if (b == 0)
			return align_err_set(e, EX_DATAERR, c->name, line, col,
			    "NUL byte in text");
		if (b < 0x80) {
			col++;
			i++;
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
			if (i + j >= n || p[i + j] < lo || p[i + j] > hi)
				goto bad;
			lo = 0x80;
			hi = 0xbf;
		}
		i += k + 1;
		col++;
	}
	return 0;
bad:
	return align_err_set(e, EX_DATAERR, c->name, line, col,
	    "invalid UTF-8 (the file must be UTF-8)");
}

static int
push_field(struct align_csv *c, unsigned long line, unsigned long col,
    struct align_err *e)
{
	struct align_csv_in *in = c->in;

	if (c->n == in->cap) {
		size_t cap = in->cap ? in->cap * 2 : 16;
		size_t *st = realloc(in->start, cap * sizeof(*st));
		char **f;
		unsigned long *l, *k;

		if (st)
			in->start = st;
		f = st ? realloc(c->field, cap * sizeof(*f)) : NULL;
		if (f)
			c->field = f;
		l = f ? realloc(c->line, cap * sizeof(*l)) : NULL;
		if (l)
			c->line = l;
		k = l ? realloc(c->col, cap * sizeof(*k)) : NULL;
		if (k == NULL)
			return align_err_nomem(e);
		c->col = k;
		in->cap = cap;
	}
	in->start[c->n] = in->row.len;
	c->line[c->n] = line;
	c->col[c->n] = col;
	c->n++;
	return 0;
}

int
align_csv_next(struct align_csv *c, struct align_err *e)
{
	struct align_csv_in *in = c->in;
	size_t i;
	int ch;

	for (;;) {
		int quoted, more = 1;
		unsigned long qline, qcol;

		c->n = 0;
		align_buf_reset(&in->row);
		if (!in->bom_checked) {
			in->bom_checked = 1;
			if (peekbyte(c, e) == 0xef && in->len - in->pos >= 3 &&
			    memcmp(in->buf + in->pos, "\xef\xbb\xbf", 3) == 0)
				in->pos += 3;
		}
		ch = peekbyte(c, e);
		if (ch == -2)
			return -1;
		if (ch == -1)
			return 0;
		c->row_line = in->line;
		while (more) {
			size_t flen = 0;

			if (push_field(c, in->line, in->col, e) < 0)
				return -1;
			quoted = peekbyte(c, e) == '"';
			qline = in->line;
			qcol = in->col;
			if (quoted) {
				getbyte(c, e);
				in->col++;
			}
			for (;;) {
				ch = getbyte(c, e);
				if (ch == -2)
					return -1;
				if (quoted && ch == -1)
					return align_err_set(e, EX_DATAERR,
					    c->name, qline, qcol,
					    "quoted field not closed");
				if (ch == -1) {
					more = 0;
					break;
				}
				if (ch == 0)
					return align_err_set(e, EX_DATAERR,
					    c->name, in->line, in->col,
					    "NUL byte in text");
				if (quoted && ch == '"') {
					int nx = peekbyte(c, e);

					in->col++;
					if (nx == '"') {
						getbyte(c, e);
						in->col++;
						align_buf_putc(&in->row, '"');
						flen++;
						continue;
					}
					quoted = 0;
					if (nx == ',' || nx == '\n' ||
					    nx == '\r' || nx < 0)
						continue;
					return align_err_set(e, EX_DATAERR,
					    c->name, in->line, in->col,
					    "expected ',' or the end of the "
					    "line after a closing quote");
				}
				if (!quoted && ch == ',') {
					in->col++;
					break;
				}
				if (!quoted && ch == '\r' &&
				    peekbyte(c, e) == '\n')
					continue;
				if (!quoted && ch == '\n') {
					in->line++;
					in->col = 1;
					more = 0;
					break;
				}
				if (ch == '\n') {
					in->line++;
					in->col = 1;
				} else if ((ch & 0xc0) != 0x80) {
					in->col++;
				}
				if (ch == '\r' && peekbyte(c, e) == '\n')
					continue;	/* CRLF inside quotes */
				align_buf_putc(&in->row, (char)ch);
				if (++flen > ALIGN_CSV_FIELD_MAX)
					return align_err_set(e, EX_DATAERR,
					    c->name, c->line[c->n - 1],
					    c->col[c->n - 1],
					    "field longer than 1 MiB");
			}
			align_buf_putc(&in->row, '\0');
			if (in->row.failed)
				return align_err_nomem(e);
		}
		for (i = 0; i < c->n; i++) {
			c->field[i] = in->row.p + in->start[i];
			if (check_field(c, c->field[i], strlen(c->field[i]),
			    c->line[i], c->col[i], e) < 0)
				return -1;
		}
		if (c->n == 1 && c->field[0][0] == '\0')
			continue;	/* a blank line */
		return 1;
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
