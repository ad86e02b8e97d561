#include <stdio.h>
#include <string.h>

#include "ics.h"

/* Append line (no CRLF yet), folded. */
static void
folded(struct align_buf *b, const char *s, size_t n)
{
	size_t octets = 0, i = 0;

	while (i < n) {
		size_t k = 1;
		unsigned char c = (unsigned char)s[i];

		if (c >= 0xf0)
			k = 4;
		else if (c >= 0xe0)
			k = 3;
		else if (c >= 0xc0)
			k = 2;
		if (i + k > n)
			k = n - i;
		if (octets + k > 75) {
			align_buf_puts(b, "\r\n ");
			octets = 1;
		}
		align_buf_add(b, s + i, k);
		octets += k;
		i += k;
	}
	align_buf_puts(b, "\r\n");
}

void
align_ics_prop(struct align_buf *b, const char *name, const char *value)
{
	struct align_buf line = ALIGN_BUF_INIT;

	align_buf_puts(&line, name);
	align_buf_putc(&line, ':');
	/* A value is one content line, whatever it holds: a control
	 * character (a CR or LF would start a property of its own) is made
	 * a space. */
	for (; *value; value++)
		align_buf_putc(&line, ((unsigned char)*value < 0x20 &&
		    *value != '\t') || *value == 0x7f ? ' ' : *value);
	if (line.failed)
		b->failed = 1;
	else
		folded(b, line.p, line.len);
	align_buf_release(&line);
}

void
align_ics_text(struct align_buf *b, const char *name, const char *text)
{
	struct align_buf v = ALIGN_BUF_INIT;
	const char *p;

	align_buf_puts(&v, "");
	for (p = text; *p; p++) {
		switch (*p) {
		case '\\': align_buf_puts(&v, "\\\\"); break;
		case ';':  align_buf_puts(&v, "\\;"); break;
		case ',':  align_buf_puts(&v, "\\,"); break;
		case '\n': align_buf_puts(&v, "\\n"); break;
		case '\r': break;
		default:
			/* Other controls are not allowed in TEXT. */
			if ((unsigned char)*p < 0x20 && *p != '\t')
				align_buf_putc(&v, ' ');
			else
				align_buf_putc(&v, *p);
		}
	}
	if (v.failed)
		b->failed = 1;
	else
		align_ics_prop(b, name, v.p);
	align_buf_release(&v);
}

void
align_ics_time(struct align_buf *b, const char *name,
    const struct align_time *t)
{
	char when[24], prop[64];

	align_time_ics(t, when);
	snprintf(prop, sizeof(prop), "%s%s", name,
	    t->date_only ? ";VALUE=DATE" : "");
	align_ics_prop(b, prop, when);
}

void
align_ics_duration(long m, char *out)
{
	if (m % (60 * 24 * 7) == 0)
		snprintf(out, 32, "P%ldW", m / (60 * 24 * 7));
	else if (m % (60 * 24) == 0)
		snprintf(out, 32, "P%ldD", m / (60 * 24));
	else if (m >= 60 * 24)
		snprintf(out, 32, "P%ldDT%ldH%ldM", m / (60 * 24),
		    m / 60 % 24, m % 60);
	else if (m % 60 == 0)
		snprintf(out, 32, "PT%ldH", m / 60);
	else if (m > 60)
		snprintf(out, 32, "PT%ldH%ldM", m / 60, m % 60);
	else
		snprintf(out, 32, "PT%ldM", m);
}
