#include <stdio.h>
#include <string.h>

#include "record.h"
#include "writer.h"

#define WIDTH 80	/* a flow list longer than this goes one item a line */

static int
isdigit_(int c)
{
	return c >= '0' && c <= '9';
}

/* The words YAML 1.1 reads as null, boolean, merge key, value key or
 * float, by length: those of n bytes are words[by_len[n - 1]] up to
 * words[by_len[n]]. */
#define W(s) { s, sizeof(s) - 1 }
static const struct word { const char *s; size_t n; } words[] = {
	W("~"), W("y"), W("Y"), W("n"), W("N"), W("="),
	W("no"), W("No"), W("NO"), W("on"), W("On"), W("ON"), W("<<"),
	W("yes"), W("Yes"), W("YES"), W("off"), W("Off"), W("OFF"),
	W("null"), W("Null"), W("NULL"), W("true"), W("True"), W("TRUE"),
	W(".inf"), W(".Inf"), W(".INF"), W(".nan"), W(".NaN"), W(".NAN"),
	W("false"), W("False"), W("FALSE"), W("+.inf"), W("+.Inf"),
	W("+.INF"), W("-.inf"), W("-.Inf"), W("-.INF"),
};
#undef W
static const unsigned char by_len[] = { 0, 6, 13, 19, 31, 40 };
#define WORD_MAX (sizeof(by_len) - 1)

/* 1 for the bytes a scalar of another type than text may begin with:
 * those of the words above, digits, signs and the point. */
static const unsigned char typed[256] = {
	['~'] = 1, ['y'] = 1, ['Y'] = 1, ['n'] = 1, ['N'] = 1, ['='] = 1,
	['o'] = 1, ['O'] = 1, ['<'] = 1, ['t'] = 1, ['T'] = 1, ['f'] = 1,
	['F'] = 1, ['.'] = 1, ['+'] = 1, ['-'] = 1, ['0'] = 1, ['1'] = 1,
	['2'] = 1, ['3'] = 1, ['4'] = 1, ['5'] = 1, ['6'] = 1, ['7'] = 1,
	['8'] = 1, ['9'] = 1,
};

int
align_implicit_type(const char *s, size_t n)
{
	size_t i;
	int c;

	if (n == 0)
		return 1;
	if (!typed[(unsigned char)s[0]])
		return 0;
	if (n <= WORD_MAX)
		for (i = by_len[n - 1]; i < by_len[n]; i++)
			if (words[i].s[0] == s[0] &&
			    memcmp(words[i].s, s, n) == 0)
				return 1;
	c = (unsigned char)s[0];
	if (!isdigit_(c) && !((c == '+' || c == '-' || c == '.') && n > 1 &&
	    (isdigit_((unsigned char)s[1]) || s[1] == '.')))
		return 0;
	/* A date or a timestamp: 2026-01-01, 2026-1-1T12:00... */
	if (n >= 8 && isdigit_(c) && isdigit_((unsigned char)s[1]) &&
	    isdigit_((unsigned char)s[2]) && isdigit_((unsigned char)s[3]) &&
	    s[4] == '-' && isdigit_((unsigned char)s[5]))
		return 1;
	/* Numbers in any base, with _ and sexagesimal ':' parts, floats
	 * with exponents: every character from this set. */
	for (i = 0; i < n; i++)
		if (!strchr("0123456789abcdefABCDEFxXoO_.:+-", s[i]))
			return 0;
	return 1;
}

/* 1 for the bytes that need a closer look in a plain scalar: the C0
 * controls and DEL, the lead bytes of C1 controls, of the line and
 * paragraph separators and of the BOM and noncharacters, and # : , [ ] {
 * }. */
static const unsigned char special[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
	0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1,
	0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

/* 1 for the bytes that cannot begin a plain scalar: the indicators
 * - ? : , [ ] { } # & * ! | > ' " % @ ` and the space. */
static const unsigned char indicator[256] = {
	[' '] = 1, ['-'] = 1, ['?'] = 1, [':'] = 1, [','] = 1, ['['] = 1,
	[']'] = 1, ['{'] = 1, ['}'] = 1, ['#'] = 1, ['&'] = 1, ['*'] = 1,
	['!'] = 1, ['|'] = 1, ['>'] = 1, ['\''] = 1, ['"'] = 1, ['%'] = 1,
	['@'] = 1, ['`'] = 1,
};

/* 1 when the ends of s (n > 0) allow it plain: not an indicator first,
 * no blank at either end, no colon last. */
static inline int
plain_ends(const unsigned char *p, size_t n)
{
	return !indicator[p[0]] && p[n - 1] != ' ' && p[n - 1] != ':';
}

int
align_plain_ok(const char *s, size_t n, int flow)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	/* The type first: it is quick, and rules out a date at once. */
	if (n == 0 || !plain_ends(p, n) || align_implicit_type(s, n))
		return 0;
	for (i = 0; i < n; i++) {
		/* Eight ordinary bytes at a time, the common case of text. */
		while (i + 8 <= n && !(special[p[i]] | special[p[i + 1]] |
		    special[p[i + 2]] | special[p[i + 3]] | special[p[i + 4]] |
		    special[p[i + 5]] | special[p[i + 6]] | special[p[i + 7]]))
			i += 8;
		if (i == n)
			break;
		if (!special[p[i]])
			continue;
		if (p[i] < 0x20 || p[i] == 0x7f)
			return 0;
		if (p[i] == ':' && (flow || p[i + 1] == ' '))
			return 0;
		if (p[i] == '#' && p[i - 1] == ' ')
			return 0;
		if (flow && strchr(",[]{}", p[i]))
			return 0;
		if (p[i] == 0xc2 && i + 1 < n && p[i + 1] < 0xa0)
			return 0;	/* C1 controls, NEL */
		if (p[i] == 0xe2 && i + 2 < n && p[i + 1] == 0x80 &&
		    (p[i + 2] == 0xa8 || p[i + 2] == 0xa9))
			return 0;	/* line and paragraph separators */
		if (p[i] == 0xef && i + 2 < n && ((p[i + 1] == 0xbb &&
		    p[i + 2] == 0xbf) || (p[i + 1] == 0xbf && p[i + 2] >= 0xbe)))
			return 0;	/* BOM, noncharacters */
	}
	return 1;
}

/* The escape of the character at p[i] (of n bytes) in a double-quoted
 * YAML scalar, in hex when it is spelled there, and in *skip its length
 * in bytes; NULL when it is written as it is.  Called once, inlined into
 * the loop a byte below. */
static const char *
escape_of(const unsigned char *p, size_t i, size_t n, char hex[12],
    size_t *skip)
{
	*skip = 1;
	switch (p[i]) {
	case '"':  return "\\\"";
	case '\\': return "\\\\";
	case '\n': return "\\n";
	case '\t': return "\\t";
	case '\r': return "\\r";
	case 0xc2:
		if (i + 1 < n && p[i + 1] < 0xa0) {
			snprintf(hex, 12, "\\x%02X", p[i + 1]);
			*skip = 2;
			return hex;
		}
		return NULL;
	case 0xe2:
		if (i + 2 < n && p[i + 1] == 0x80 && (p[i + 2] == 0xa8 ||
		    p[i + 2] == 0xa9)) {
			*skip = 3;
			return p[i + 2] == 0xa8 ? "\\L" : "\\P";
		}
		return NULL;
	case 0xef:
		if (i + 2 < n && ((p[i + 1] == 0xbb && p[i + 2] == 0xbf) ||
		    (p[i + 1] == 0xbf && p[i + 2] >= 0xbe))) {
			snprintf(hex, 12, "\\u%04X", ((p[i] & 0x0f) << 12) |
			    ((p[i + 1] & 0x3f) << 6) | (p[i + 2] & 0x3f));
			*skip = 3;
			return hex;
		}
		return NULL;
	default:
		if (p[i] < 0x20 || p[i] == 0x7f) {
			snprintf(hex, 12, "\\x%02X", p[i]);
			return hex;
		}
		return NULL;
	}
}

/*
 * Where the writer's bytes go: appended to b, or, b NULL, compared with
 * the bytes s[0..n) from at on (align_emit_same()), differ set at the
 * first that is not the same.  hint: in comparing, a byte a value scalar
 * in the order written (h the next), not 0 for one the reader read plain.
 */
struct sink {
	struct align_buf *b;
	const char *s;
	size_t n, at;
	int differ;
	const unsigned char *hint;
	size_t nhint, h;
	/* Emitting: b given to flush(arg, b) once it holds limit bytes,
	 * between two items of a list an item a line; when it fails, differ
	 * is set, which ends the record (align_emit_record_flushed()). */
	int (*flush)(void *, struct align_buf *);
	void *arg;
	size_t limit;
};

static inline void
put(struct sink *k, const char *s, size_t n)
{
	if (k->b)
		align_buf_add(k->b, s, n);
	else if (k->differ || n > k->n - k->at ||
	    memcmp(k->s + k->at, s, n) != 0)
		k->differ = 1;
	else
		k->at += n;
}

static inline void
putc_(struct sink *k, char c)
{
	if (k->b)
		align_buf_putc(k->b, c);
	else if (k->at < k->n && k->s[k->at] == c)
		k->at++;
	else
		k->differ = 1;
}

static void
puts_(struct sink *k, const char *s)
{
	put(k, s, strlen(s));
}

/* 1 for the bytes escape_of() may escape, or begin the escape of. */
static const unsigned char escaped[256] = {
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
	['"'] = 1, ['\\'] = 1, [0x7f] = 1, [0xc2] = 1, [0xe2] = 1, [0xef] = 1,
};

static void
emit_quoted(struct sink *k, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, start = 0;

	putc_(k, '"');
	for (i = 0; i < n; i++) {
		char hex[12];
		size_t skip;
		const char *esc;

		if (!escaped[p[i]] || (esc = escape_of(p, i, n, hex,
		    &skip)) == NULL)
			continue;
		put(k, s + start, i - start);
		puts_(k, esc);
		i += skip - 1;
		start = i + 1;
	}
	put(k, s + start, n - start);
	putc_(k, '"');
}

static void
emit_scalar(struct sink *k, const char *s, size_t n, int flow)
{
	if (align_plain_ok(s, n, flow))
		put(k, s, n);
	else
		emit_quoted(k, s, n);
}

void
align_emit_scalar(struct align_buf *b, const char *s, size_t n, int flow)
{
	struct sink k = { b, NULL, 0, 0, 0, NULL, 0, 0, NULL, NULL, 0 };

	emit_scalar(&k, s, n, flow);
}

/* Whether s, a text scalar, is written plain, given its hint (writer.h).
 * One read plain on one line (1 or 2) is its bytes as they stand, and of
 * what align_plain_ok() refuses it can hold only what its ends and its
 * type show: a comment (" #") or a ": " would have ended it, a line break
 * made it two lines, the reader refuses the other control characters and
 * the noncharacters, and the hint says there was no tab or byte-order
 * mark.  In a flow list the whole check is made (its items are few). */
static inline int
plain(const char *s, size_t n, int flow, int hint)
{
	if (hint == 1 && !flow && n > 0)
		return plain_ends((const unsigned char *)s, n);
	if (hint == 2 && !flow)
		return 0;	/* of another type: quoted as text */
	return align_plain_ok(s, n, flow);
}

/* The next hint, comparing; 0 emitting. */
static inline int
next_hint(struct sink *k)
{
	int hint = k->b == NULL && k->h < k->nhint ? k->hint[k->h] : 0;

	k->h++;
	return hint;
}

static void
emit_value_scalar(struct sink *k, const struct align_node *v, int flow)
{
	int hint = next_hint(k);

	if (v->raw && v->len == 0)
		put(k, "null", 4);
	else if (v->raw)
		put(k, v->str, v->len);
	else if (plain(v->str, v->len, flow, hint))
		put(k, v->str, v->len);
	else
		emit_quoted(k, v->str, v->len);
}

static void
indent(struct sink *k, int n)
{
	static const char spaces[] = "                                ";

	for (; n > 0; n -= (int)sizeof(spaces) - 1)
		put(k, spaces, n < (int)sizeof(spaces) - 1 ? (size_t)n :
		    sizeof(spaces) - 1);
}

/* The width of the scalar v in a flow list (tmp: room to quote it). */
static long
flow_item_width(const struct align_node *v, struct align_buf *tmp)
{
	struct sink t = { tmp, NULL, 0, 0, 0, NULL, 0, 0, NULL, NULL, 0 };

	if (v->raw || align_plain_ok(v->str, v->len, 1))
		return (long)v->len;
	align_buf_reset(tmp);
	emit_quoted(&t, v->str, v->len);
	return (long)tmp->len;
}

/* The width of a sequence of scalars written as a flow list, or -1 when
 * it holds anything but scalars; once past cap, the width so far. */
static long
flow_width(const struct align_node *seq, long cap)
{
	struct align_buf tmp = ALIGN_BUF_INIT;
	long w = 2;
	size_t i;

	for (i = 0; i < seq->n; i++) {
		const struct align_node *v = seq->item[i];

		if (v->type != ALIGN_SCALAR) {
			align_buf_release(&tmp);
			return -1;
		}
		w += flow_item_width(v, &tmp) + (i ? 2 : 0);
		if (w > cap)
			break;
	}
	align_buf_release(&tmp);
	return w;
}

/* The same of a packed list (node.h), in u: -1 for one of lists. */
static long
texts_flow_width(const struct align_node *l, long cap,
    struct align_texts_entry *u)
{
	struct align_texts_at at = ALIGN_TEXTS_AT_INIT;
	struct align_buf tmp = ALIGN_BUF_INIT;
	const struct align_node *v;
	long w = 2;

	if (l->kraw && l->n > 0)
		return -1;
	while (w <= cap && (v = align_texts_next(l, &at, u)) != NULL)
		w += flow_item_width(v, &tmp) + (at.i > 1 ? 2 : 0);
	align_buf_release(&tmp);
	return w;
}

/* Between two items of a list an item a line: b handed on when full. */
static inline void
flush_some(struct sink *k)
{
	if (k->flush && k->b->len >= k->limit && !k->b->failed &&
	    k->flush(k->arg, k->b) < 0)
		k->differ = 1;
}

static void
emit_flow(struct sink *k, const struct align_node *seq)
{
	size_t i;

	putc_(k, '[');
	for (i = 0; i < seq->n; i++) {
		if (i)
			put(k, ", ", 2);
		emit_value_scalar(k, seq->item[i], 1);
	}
	putc_(k, ']');
}

/* The packed list l as a flow list, in u. */
static void
emit_texts_flow(struct sink *k, const struct align_node *l,
    struct align_texts_entry *u)
{
	struct align_texts_at at = ALIGN_TEXTS_AT_INIT;
	const struct align_node *v;

	putc_(k, '[');
	while ((v = align_texts_next(l, &at, u)) != NULL) {
		if (at.i > 1)
			put(k, ", ", 2);
		emit_value_scalar(k, v, 1);
	}
	putc_(k, ']');
}

static void emit_entry(struct sink *, int, const struct align_node *,
    size_t);
static void emit_item(struct sink *, int, const struct align_node *);

/* The value of key, a packed list (node.h), as the list it stands for is
 * written (emit_entry()). */
static void
emit_texts(struct sink *k, int ind, const char *key,
    const struct align_node *l)
{
	struct align_texts_at at = ALIGN_TEXTS_AT_INIT;
	struct align_texts_entry u;
	const struct align_node *v;
	long cap = WIDTH - ind - (long)strlen(key) - 2;
	long w = texts_flow_width(l, cap, &u);

	if (l->n == 0 || (w >= 0 && w <= cap)) {
		putc_(k, ' ');
		emit_texts_flow(k, l, &u);
		putc_(k, '\n');
		return;
	}
	putc_(k, '\n');
	while (!k->differ && (v = align_texts_next(l, &at, &u)) != NULL) {
		indent(k, ind);
		put(k, "- ", 2);
		emit_item(k, ind + 2, v);
		flush_some(k);
	}
}

static void
emit_map_body(struct sink *k, int ind, const struct align_node *map,
    int first_inline)
{
	size_t i;

	for (i = 0; i < map->n && !k->differ; i++)
		emit_entry(k, i == 0 && first_inline ? 0 : ind, map, i);
}

/* After "- " has been written at column ind - 2. */
static void
emit_item(struct sink *k, int ind, const struct align_node *v)
{
	if (v->type == ALIGN_SCALAR) {
		emit_value_scalar(k, v, 0);
		putc_(k, '\n');
	} else if (v->type == ALIGN_SEQ) {
		/* A list inside a list: pairs.  Always on one line. */
		if (flow_width(v, 100000) >= 0) {
			emit_flow(k, v);
			putc_(k, '\n');
		} else {
			size_t i;

			for (i = 0; i < v->n && !k->differ; i++) {
				if (i)
					indent(k, ind);
				put(k, "- ", 2);
				emit_item(k, ind + 2, v->item[i]);
			}
			if (v->n == 0)
				put(k, "[]\n", 3);
		}
	} else if (v->n == 0) {
		put(k, "{}\n", 3);
	} else {
		emit_map_body(k, ind, v, 1);
	}
}

/* Key i of map and ":".  A raw key is written plain, as it was read (a
 * null one as "null"); a key longer than YAML allows of an implicit key
 * (1024 characters) is written explicit, "? key" and ":" on a line of
 * their own. */
static void
emit_key(struct sink *k, int ind, const struct align_node *map, size_t i)
{
	const char *key = map->key[i];
	size_t n = strlen(key);
	struct align_buf tmp = ALIGN_BUF_INIT;
	int hint = next_hint(k);

	if (align_map_key_raw(map, i)) {
		put(k, n ? key : "null", n ? n : 4);
	} else if (n <= 255) {	/* quoted, at most 4 bytes a byte, and "" */
		if (plain(key, n, 0, hint))
			put(k, key, n);
		else
			emit_quoted(k, key, n);
	} else {
		align_emit_scalar(&tmp, key, n, 0);
		if (tmp.len > 1024)
			put(k, "? ", 2);
		if (tmp.failed && k->b)
			k->b->failed = 1;  /* out of memory, as b's own would */
		else if (tmp.failed)
			k->differ = 1;
		else
			put(k, tmp.p, tmp.len);
		if (tmp.len > 1024) {
			putc_(k, '\n');
			indent(k, ind);
		}
		align_buf_release(&tmp);
	}
	putc_(k, ':');
}

static void
emit_entry(struct sink *k, int ind, const struct align_node *map, size_t j)
{
	const char *key = map->key[j];
	const struct align_node *v = map->item[j];
	long cap, w;
	size_t i;

	indent(k, ind);
	emit_key(k, ind, map, j);
	switch (v->type) {
	case ALIGN_SCALAR:
		putc_(k, ' ');
		emit_value_scalar(k, v, 0);
		putc_(k, '\n');
		break;
	case ALIGN_SEQ:
		/* On one line when it fits: the width past what is left of
		 * the line need not be known. */
		cap = WIDTH - ind - (long)strlen(key) - 2;
		w = flow_width(v, cap);
		if (v->n == 0 || (w >= 0 && w <= cap)) {
			putc_(k, ' ');
			emit_flow(k, v);
			putc_(k, '\n');
			break;
		}
		putc_(k, '\n');
		for (i = 0; i < v->n && !k->differ; i++) {
			indent(k, ind);
			put(k, "- ", 2);
			emit_item(k, ind + 2, v->item[i]);
			flush_some(k);
		}
		break;
	case ALIGN_TEXTS:
		emit_texts(k, ind, key, v);
		break;
	case ALIGN_MAP:
		if (v->n == 0) {
			put(k, " {}\n", 4);
			break;
		}
		putc_(k, '\n');
		emit_map_body(k, ind + 2, v, 0);
		break;
	}
}

/* 1 when rec's keys already stand in canonical order: the known keys of
 * its kind in the order of record.h, then the others.  Records a tool made or read
 * from a canonical file mostly do, and are written without sorting. */
static int
in_order(const struct align_node *rec, const struct align_key *keys)
{
	size_t i, j = 0, k;
	int unknown = 0;

	for (i = 0; i < rec->n; i++) {
		for (k = j; keys[k].name && strcmp(keys[k].name, rec->key[i]) != 0;
		    k++)
			;
		if (keys[k].name) {
			if (unknown)
				return 0;	/* a known key after others */
			j = k + 1;
			continue;
		}
		for (k = 0; k < j; k++)
			if (strcmp(keys[k].name, rec->key[i]) == 0)
				return 0;	/* known, before its place */
		unknown = 1;
	}
	return 1;
}

/* Comparing, keys out of order differ: the bytes read stand in the
 * record's order, and its hints with them. */
static void
emit_record(struct sink *k, const struct align_node *rec)
{
	const struct align_key *keys = align_kind_keys(align_record_kind(rec));
	size_t i, j;

	put(k, "---\n", 4);
	if (in_order(rec, keys)) {
		for (i = 0; i < rec->n && !k->differ; i++)
			emit_entry(k, 0, rec, i);
		return;
	}
	if (k->b == NULL) {
		k->differ = 1;
		return;
	}
	for (j = 0; keys[j].name; j++) {
		long at = align_map_find(rec, keys[j].name);

		if (at >= 0)
			emit_entry(k, 0, rec, (size_t)at);
	}
	for (i = 0; i < rec->n; i++) {
		for (j = 0; keys[j].name; j++)
			if (strcmp(keys[j].name, rec->key[i]) == 0)
				break;
		if (keys[j].name == NULL)
			emit_entry(k, 0, rec, i);
	}
}

void
align_emit_record(struct align_buf *b, const struct align_node *rec)
{
	struct sink k = { b, NULL, 0, 0, 0, NULL, 0, 0, NULL, NULL, 0 };

	emit_record(&k, rec);
}

void
align_emit_record_flushed(struct align_buf *b, const struct align_node *rec,
    size_t limit, int (*flush)(void *, struct align_buf *), void *arg)
{
	struct sink k = { b, NULL, 0, 0, 0, NULL, 0, 0, flush, arg, limit };

	emit_record(&k, rec);
}

size_t
align_emit_same(const struct align_node *rec, const char *s, size_t n,
    const unsigned char *hint, size_t nhint)
{
	struct sink k = { NULL, s, n, 0, 0, hint, nhint, 0, NULL, NULL, 0 };

	emit_record(&k, rec);
	return k.differ || (hint && k.h != nhint) ? 0 : k.at;
}
