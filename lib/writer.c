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

#define W(s) { s, sizeof(s) - 1 }
static const struct word { const char *s; size_t n; } words[] = {
	W("~"), W("null"), W("Null"), W("NULL"), W("y"), W("Y"), W("yes"),
	W("Yes"), W("YES"), W("n"), W("N"), W("no"), W("No"), W("NO"),
	W("true"), W("True"), W("TRUE"), W("false"), W("False"), W("FALSE"),
	W("on"), W("On"), W("ON"), W("off"), W("Off"), W("OFF"), W("<<"),
	W("="), W(".inf"), W(".Inf"), W(".INF"), W("+.inf"), W("+.Inf"),
	W("+.INF"), W("-.inf"), W("-.Inf"), W("-.INF"), W(".nan"), W(".NaN"),
	W(".NAN"),
};
#undef W

int
align_implicit_type(const char *s, size_t n)
{
	size_t i;
	int c;

	if (n == 0)
		return 1;
	/* Every word above is at most 6 bytes and starts with one of these. */
	if (n <= 6 && strchr("~nNyYtTfFoO<=.+-", s[0]))
		for (i = 0; i < sizeof(words) / sizeof(words[0]); i++)
			if (words[i].n == n && memcmp(words[i].s, s, n) == 0)
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

int
align_plain_ok(const char *s, size_t n, int flow)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i;

	if (n == 0 || strchr("-?:,[]{}#&*!|>'\"%@`", p[0]) ||
	    p[0] == ' ' || p[n - 1] == ' ' || p[n - 1] == ':')
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
	return !align_implicit_type(s, n);
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

static void
emit_quoted(struct align_buf *b, const char *s, size_t n)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, start = 0;

	align_buf_putc(b, '"');
	for (i = 0; i < n; i++) {
		char hex[12];
		size_t skip;
		const char *esc = escape_of(p, i, n, hex, &skip);

		if (esc == NULL)
			continue;
		align_buf_add(b, s + start, i - start);
		align_buf_puts(b, esc);
		i += skip - 1;
		start = i + 1;
	}
	align_buf_add(b, s + start, n - start);
	align_buf_putc(b, '"');
}

void
align_emit_scalar(struct align_buf *b, const char *s, size_t n, int flow)
{
	if (align_plain_ok(s, n, flow))
		align_buf_add(b, s, n);
	else
		emit_quoted(b, s, n);
}

static void
emit_value_scalar(struct align_buf *b, const struct align_node *v, int flow)
{
	if (v->raw && v->len == 0)
		align_buf_puts(b, "null");
	else if (v->raw)
		align_buf_add(b, v->str, v->len);
	else
		align_emit_scalar(b, v->str, v->len, flow);
}

static void
indent(struct align_buf *b, int n)
{
	while (n-- > 0)
		align_buf_putc(b, ' ');
}

/* The width of a sequence of scalars written as a flow list, or -1 when
 * it holds anything but scalars. */
static long
flow_width(const struct align_node *seq)
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
		if (v->raw || align_plain_ok(v->str, v->len, 1)) {
			w += (long)v->len;
		} else {
			align_buf_reset(&tmp);
			emit_quoted(&tmp, v->str, v->len);
			w += (long)tmp.len;
		}
		w += i ? 2 : 0;
		if (w > 100000)
			break;
	}
	align_buf_release(&tmp);
	return w;
}

static void
emit_flow(struct align_buf *b, const struct align_node *seq)
{
	size_t i;

	align_buf_putc(b, '[');
	for (i = 0; i < seq->n; i++) {
		if (i)
			align_buf_puts(b, ", ");
		emit_value_scalar(b, seq->item[i], 1);
	}
	align_buf_putc(b, ']');
}

static void emit_entry(struct align_buf *, int, const struct align_node *,
    size_t);

static void
emit_map_body(struct align_buf *b, int ind, const struct align_node *map,
    int first_inline)
{
	size_t i;

	for (i = 0; i < map->n; i++)
		emit_entry(b, i == 0 && first_inline ? 0 : ind, map, i);
}

/* After "- " has been written at column ind - 2. */
static void
emit_item(struct align_buf *b, int ind, const struct align_node *v)
{
	if (v->type == ALIGN_SCALAR) {
		emit_value_scalar(b, v, 0);
		align_buf_putc(b, '\n');
	} else if (v->type == ALIGN_SEQ) {
		/* A list inside a list: pairs.  Always on one line. */
		if (flow_width(v) >= 0) {
			emit_flow(b, v);
			align_buf_putc(b, '\n');
		} else {
			size_t i;

			for (i = 0; i < v->n; i++) {
				if (i)
					indent(b, ind);
				align_buf_puts(b, "- ");
				emit_item(b, ind + 2, v->item[i]);
			}
			if (v->n == 0)
				align_buf_puts(b, "[]\n");
		}
	} else if (v->n == 0) {
		align_buf_puts(b, "{}\n");
	} else {
		emit_map_body(b, ind, v, 1);
	}
}

/* Key i of map and ":".  A raw key is written plain, as it was read (a
 * null one as "null"); a key longer than YAML allows of an implicit key
 * (1024 characters) is written explicit, "? key" and ":" on a line of
 * their own. */
static void
emit_key(struct align_buf *b, int ind, const struct align_node *map,
    size_t i)
{
	const char *key = map->key[i];
	size_t n = strlen(key);
	struct align_buf tmp = ALIGN_BUF_INIT;

	if (align_map_key_raw(map, i)) {
		align_buf_add(b, n ? key : "null", n ? n : 4);
	} else if (n <= 255) {	/* quoted, at most 4 bytes a byte, and "" */
		align_emit_scalar(b, key, n, 0);
	} else {
		align_emit_scalar(&tmp, key, n, 0);
		if (tmp.len > 1024)
			align_buf_puts(b, "? ");
		if (tmp.failed)
			b->failed = 1;	/* out of memory, as b's own would */
		else
			align_buf_add(b, tmp.p, tmp.len);
		if (tmp.len > 1024) {
			align_buf_putc(b, '\n');
			indent(b, ind);
		}
		align_buf_release(&tmp);
	}
	align_buf_putc(b, ':');
}

static void
emit_entry(struct align_buf *b, int ind, const struct align_node *map,
    size_t k)
{
	const char *key = map->key[k];
	const struct align_node *v = map->item[k];
	long w;
	size_t i;

	indent(b, ind);
	emit_key(b, ind, map, k);
	switch (v->type) {
	case ALIGN_SCALAR:
		align_buf_putc(b, ' ');
		emit_value_scalar(b, v, 0);
		align_buf_putc(b, '\n');
		break;
	case ALIGN_SEQ:
		w = flow_width(v);
		if (v->n == 0 || (w >= 0 &&
		    ind + (long)strlen(key) + 2 + w <= WIDTH)) {
			align_buf_putc(b, ' ');
			emit_flow(b, v);
			align_buf_putc(b, '\n');
			break;
		}
		align_buf_putc(b, '\n');
		for (i = 0; i < v->n; i++) {
			indent(b, ind);
			align_buf_puts(b, "- ");
			emit_item(b, ind + 2, v->item[i]);
		}
		break;
	case ALIGN_MAP:
		if (v->n == 0) {
			align_buf_puts(b, " {}\n");
			break;
		}
		align_buf_putc(b, '\n');
		emit_map_body(b, ind + 2, v, 0);
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

void
align_emit_record(struct align_buf *b, const struct align_node *rec)
{
	const struct align_key *keys = align_kind_keys(align_record_kind(rec));
	size_t i, j;

	align_buf_puts(b, "---\n");
	if (in_order(rec, keys)) {
		for (i = 0; i < rec->n; i++)
			emit_entry(b, 0, rec, i);
		return;
	}
	for (j = 0; keys[j].name; j++) {
		long k = align_map_find(rec, keys[j].name);

		if (k >= 0)
			emit_entry(b, 0, rec, (size_t)k);
	}
	for (i = 0; i < rec->n; i++) {
		for (j = 0; keys[j].name; j++)
			if (strcmp(keys[j].name, rec->key[i]) == 0)
				break;
		if (keys[j].name == NULL)
			emit_entry(b, 0, rec, i);
	}
}
