/*
 * qr.h - a QR code of a short text (the address people open), to be
 * scanned off the room's screen or the facilitator's terminal: as inline
 * SVG for a page (no image to load), as Unicode half blocks for a
 * terminal (two rows of modules a line).
 *
 *	struct align_qr q;
 *	if (align_qr_make(&q, url, &e) < 0)
 *		fail(&e);
 *	align_qr_svg(&q, &b, "Scan to answer");
 *	align_qr_release(&q);
 *
 * Error correction level M (15% of the code may be lost), 8-bit data; the
 * same text gives the same code, so the same bytes.
 */
#ifndef ALIGN_QR_H
#define ALIGN_QR_H

#include <stddef.h>

#include "buf.h"
#include "err.h"

struct align_qr {
	size_t width;		/* modules a side, without the quiet zone */
	unsigned char *dark;	/* width * width: 1 dark, 0 light */
};

/* The code of text.  0, or -1 and e (65 too long for a QR code, 71). */
int align_qr_make(struct align_qr *q, const char *text, struct align_err *e);
/* Free what align_qr_make() made; a zeroed q is accepted. */
void align_qr_release(struct align_qr *q);
/* 1 when the module at (x, y) is dark; outside the code: 0 (light). */
int align_qr_at(const struct align_qr *q, long x, long y);

/* An <svg> element of class "qr" with a quiet zone of four modules,
 * black on white whatever the page's colours, labelled (aria-label,
 * escaped) by label.  Failure shows in b->failed. */
void align_qr_svg(const struct align_qr *q, struct align_buf *b,
    const char *label);
/* Lines of half blocks with a quiet zone of two modules, each ended by
 * a newline.  color: light modules drawn in bright white on black (ANSI
 * sequences), so that any terminal shows it the right way round; else
 * the terminal's foreground is taken as light (a dark background). */
void align_qr_term(const struct align_qr *q, struct align_buf *b, int color);

#endif
