#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sysexits.h>

#include "grow.h"
#include "principle_list.h"
#include "text.h"

void
align_list_write(const struct align_plist *l, struct align_buf *b)
{
	size_t i;

	align_buf_puts(b,
	    "# The principles, one a line: its id, then its words.\n"
	    "# Reorder the lines to rank them, reword a line to change it,\n"
	    "# delete a line to drop it, put two ids on one line (p2 p5 ...)\n"
	    "# to merge them; a line without an id is a new principle.\n"
	    "# Lines starting with '#' are left out.\n");
	for (i = 0; i < l->n; i++) {
		const char *s = l->v[i]->statement ? l->v[i]->statement : "";
		size_t n;

		align_buf_printf(b, "%s ", l->v[i]->id ? l->v[i]->id : "");
		while (*s) {
			n = strcspn(s, "\r\n");
			align_buf_add(b, s, n);
			s += n;
			if (*s) {
				align_buf_putc(b, ' ');
				s++;
			}
		}
		align_buf_putc(b, '\n');
	}
}

void
align_list_errors_release(struct align_list_errors *errs)
{
	free(errs->v);
	memset(errs, 0, sizeof(*errs));
}

/* A line of the list, read and checked: the principles it names (the
 * first stays, the others merge into it), and its words. */
struct edit {
	size_t *at;
	size_t nat, cat;
	char *words;
};

struct parse {
	const struct align_plist *l;
	const char *name;
	struct edit *v;
	size_t n, cap;
	unsigned long *line_of;	/* of each principle: the line naming it */
	unsigned long lines;	/* lines that are not comments */
	struct align_list_errors *errs;
	struct align_err first;
	size_t nerr;
};

/* Note error x: 0, or -1 when out of memory. */
static int
note(struct parse *ps, const struct align_err *x)
{
	if (ps->nerr++ == 0)
		ps->first = *x;
	if (ps->errs == NULL)
		return 0;
	if (ALIGN_GROW(ps->errs->v, ps->errs->n + 1, ps->errs->cap) < 0)
		return -1;
	ps->errs->v[ps->errs->n++] = *x;
	return 0;
}

/* The principle an id names, on this line: its place in the list, or -1
 * with the error noted (-2 out of memory). */
static long
named(struct parse *ps, const char *tok, size_t k, unsigned long lno,
    unsigned long col)
{
	struct align_err x = ALIGN_ERR_INIT, y = ALIGN_ERR_INIT;
	char *id = strndup(tok, k);
	long at;

	if (id == NULL)
		return -2;
	at = align_plist_resolve(ps->l, id, EX_DATAERR, &y);
	if (at < 0 && y.status != EX_DATAERR) {
		free(id);
		return -2;
	}
	if (at < 0)
		align_err_set(&x, EX_DATAERR, ps->name, lno, col, "%s", y.msg);
	else if (ps->line_of[at] && ps->line_of[at] != lno)
		align_err_set(&x, EX_DATAERR, ps->name, lno, col,
		    "'%s' is on line %lu already", id, ps->line_of[at]);
	free(id);
	if (x.status)
		return note(ps, &x) < 0 ? -2 : -1;
	ps->line_of[at] = lno;
	return at;
}

static int
add_at(struct edit *ed, size_t at)
{
	size_t i;

	for (i = 0; i < ed->nat; i++)
		if (ed->at[i] == at)
			return 0;
	if (ALIGN_GROW(ed->at, ed->nat + 1, ed->cat) < 0)
		return -1;
	ed->at[ed->nat++] = at;
	return 0;
}

/* Read one line (len bytes, NULs included): 0, or -1 out of memory. */
static int
parse_line(struct parse *ps, char *line, size_t len, unsigned long lno)
{
	struct align_err x = ALIGN_ERR_INIT;
	struct edit ed = { NULL, 0, 0, NULL };
	char *s = line;
	long at;

	/* The line without its end, LF or CRLF: text (text.h). */
	if (len > 0 && line[len - 1] == '\n')
		len--;
	if (len > 0 && line[len - 1] == '\r')
		len--;
	if (align_text_check(line, len, EX_DATAERR, ps->name, lno, &x) < 0) {
		ps->lines++;
		return note(ps, &x);
	}
	line[len] = '\0';
	s += strspn(s, " \t");
	if (*s == '\0' || *s == '#')
		return 0;
	ps->lines++;
	/* Ids first: "p2", "p2 p5", "p2+p5". */
	while (s[0] == 'p' && isdigit((unsigned char)s[1])) {
		size_t k = strspn(s + 1, "0123456789") + 1;

		if (s[k] != ' ' && s[k] != '+' && s[k] != '\t' && s[k] != '\0')
			break;
		at = named(ps, s, k, lno, (unsigned long)(s - line) + 1);
		if (at < 0 || add_at(&ed, (size_t)at) < 0) {
			free(ed.at);
			return at == -1 ? 0 : -1;
		}
		s += k;
		s += strspn(s, " +\t");
	}
	if (*s == '\0') {
		free(ed.at);
		align_err_set(&x, EX_DATAERR, ps->name, lno,
		    (unsigned long)(s - line) + 1,
		    "expected the words of the principle");
		return note(ps, &x);
	}
	if ((ed.words = strdup(s)) == NULL ||
	    ALIGN_GROW(ps->v, ps->n + 1, ps->cap) < 0) {
		free(ed.at);
		free(ed.words);
		return -1;
	}
	ps->v[ps->n++] = ed;
	return 0;
}

static void
parse_release(struct parse *ps)
{
	size_t i;

	for (i = 0; i < ps->n; i++) {
		free(ps->v[i].at);
		free(ps->v[i].words);
	}
	free(ps->v);
	free(ps->line_of);
}

/* The principle of line ed: the first it names, the others merged into
 * it and gone from l; or a new one called p<next>.  NULL when out of
 * memory. */
static struct align_principle *
principle_of(struct align_plist *l, const struct edit *ed, long *next)
{
	struct align_principle *p;
	size_t k;

	if (ed->nat == 0) {
		struct align_buf id = ALIGN_BUF_INIT;

		align_buf_printf(&id, "p%ld", (*next)++);
		p = id.failed ? NULL : align_principle_new(id.p);
		align_buf_release(&id);
		return p;
	}
	p = l->v[ed->at[0]];
	for (k = 1; k < ed->nat; k++) {
		if (align_principle_merge(p, l->v[ed->at[k]]) < 0)
			return NULL;
		align_principle_free(l->v[ed->at[k]]);
		l->v[ed->at[k]] = NULL;
	}
	l->v[ed->at[0]] = NULL;
	return p;
}

/* Make l the list the lines say; principles no line names are dropped.
 * 0, or -1 when out of memory. */
static int
make(struct align_plist *l, const struct parse *ps)
{
	struct align_plist out = ALIGN_PLIST_INIT;
	/* New principles are numbered after every one there was, so that
	 * no id is used twice, not even one the list deletes. */
	long next = align_plist_next(l);
	size_t i;
	int rc = 0;

	for (i = 0; rc == 0 && i < ps->n; i++) {
		struct align_principle *p = principle_of(l, &ps->v[i], &next);

		if (p == NULL ||
		    align_principle_reword(p, ps->v[i].words) < 0 ||
		    align_principle_set_source(p, "manual") < 0) {
			align_principle_free(p);
			rc = -1;
		} else {
			rc = align_plist_push(&out, p);
		}
	}
	out.most = next - 1;	/* the ids deleted are not given again */
	align_plist_release(l);
	*l = out;
	return rc;
}

int
align_list_apply(struct align_plist *l, FILE *fp, const char *name,
    struct align_list_errors *errs, struct align_err *e)
{
	struct parse ps;
	char *line = NULL;
	size_t cap = 0;
	ssize_t len;
	unsigned long lno = 0;
	int rc = 0;

	memset(&ps, 0, sizeof(ps));
	ps.l = l;
	ps.name = name;
	ps.errs = errs;
	if ((ps.line_of = calloc(l->n + 1, sizeof(*ps.line_of))) == NULL)
		return align_err_nomem(e);
	while (rc == 0 && (len = getline(&line, &cap, fp)) >= 0)
		rc = parse_line(&ps, line, (size_t)len, ++lno);
	free(line);
	if (rc < 0)
		rc = align_err_nomem(e);
	else if (ferror(fp))
		rc = align_err_set(e, EX_IOERR, name, 0, 0, "cannot read");
	else if (ps.nerr) {
		*e = ps.first;
		rc = -1;
	} else if (ps.lines == 0)
		rc = align_err_set(e, 1, name, 0, 0,
		    "the list has no principle; nothing was changed");
	else if (make(l, &ps) < 0)
		rc = align_err_nomem(e);
	parse_release(&ps);
	return rc;
}
