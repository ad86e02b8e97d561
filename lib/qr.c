/* A QR code by libqrencode, shown as SVG or as half blocks. */
#include <errno.h>
#include <qrencode.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "html.h"
#include "qr.h"

int
align_qr_make(struct align_qr *q, const char *text, struct align_err *e)
{
	QRcode *c;
	size_t i, n;

	memset(q, 0, sizeof(*q));
	errno = 0;
	if ((c = QRcode_encodeString8bit(text, 0, QR_ECLEVEL_M)) == NULL) {
		if (errno == ENOMEM)
			return align_err_nomem(e);
		return align_err_set(e, EX_DATAERR, NULL, 0, 0,
		    "too long for a QR code: %zu bytes", strlen(text));
	}
	n = (size_t)c->width;
	if ((q->dark = malloc(n * n)) == NULL) {
		QRcode_free(c);
		return align_err_nomem(e);
	}
	for (i = 0; i < n * n; i++)
		q->dark[i] = c->data[i] & 1;
	q->width = n;
	QRcode_free(c);
	return 0;
}

void
align_qr_release(struct align_qr *q)
{
	free(q->dark);
	memset(q, 0, sizeof(*q));
}

int
align_qr_at(const struct align_qr *q, long x, long y)
{
	if (x < 0 || y < 0 || (size_t)x >= q->width || (size_t)y >= q->width)
		return 0;
	return q->dark[(size_t)y * q->width + (size_t)x];
}

/* One path: each run of dark modules in a row a rectangle. */
void
align_qr_svg(const struct align_qr *q, struct align_buf *b,
    const char *label)
{
	size_t side = q->width + 8, x, y, run;

	align_buf_printf(b, "<svg class=\"qr\" viewBox=\"0 0 %zu %zu\" "
	    "role=\"img\" shape-rendering=\"crispEdges\"", side, side);
	align_html_attr(b, "aria-label", label);
	align_buf_printf(b, "><rect width=\"%zu\" height=\"%zu\" "
	    "fill=\"#fff\"/><path fill=\"#000\" d=\"", side, side);
	for (y = 0; y < q->width; y++)
		for (x = 0; x < q->width; x += run ? run : 1) {
			for (run = 0; x + run < q->width &&
			    q->dark[y * q->width + x + run]; run++)
				;
			if (run)
				align_buf_printf(b, "M%zu %zuh%zuv1h-%zuz",
				    x + 4, y + 4, run, run);
		}
	align_buf_puts(b, "\"/></svg>");
}

void
align_qr_term(const struct align_qr *q, struct align_buf *b, int color)
{
	/* Light above and below, light above, light below, neither. */
	static const char *const cell[4] = { " ", "\xe2\x96\x84",
	    "\xe2\x96\x80", "\xe2\x96\x88" };
	long side = (long)q->width + 2, x, y;

	for (y = -2; y < side; y += 2) {
		if (color)
			align_buf_puts(b, "\033[40;97m");
		for (x = -2; x < side; x++) {
			int up = !align_qr_at(q, x, y);
			int down = y + 1 < side && !align_qr_at(q, x, y + 1);

			align_buf_puts(b, cell[up * 2 + down]);
		}
		align_buf_puts(b, color ? "\033[0m\n" : "\n");
	}
}
