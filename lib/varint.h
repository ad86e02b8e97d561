/*
 * varint.h - lists of 32-bit numbers 7 bits a byte, the high bit set on
 * every byte but a number's last: a number under 128 takes one byte,
 * under 16,384 two, at most five.  How the themer keeps each response's
 * tokens and terms (theme.c), ids that are met early small and most of
 * them frequent: about 2 bytes a number instead of 4.
 *
 *	p += align_varint_put(p, v);		(room for 5 bytes at p)
 *	v = align_varint_get(&q);		(q moves past it)
 */
#ifndef ALIGN_VARINT_H
#define ALIGN_VARINT_H

#include <stddef.h>
#include <stdint.h>

#define ALIGN_VARINT_MAX 5	/* bytes of a number at most */

/* v at p: the bytes written. */
static inline size_t
align_varint_put(uint8_t *p, uint32_t v)
{
	size_t n = 0;

	while (v >= 0x80) {
		p[n++] = (uint8_t)(v | 0x80);
		v >>= 7;
	}
	p[n++] = (uint8_t)v;
	return n;
}

/* The number at *p; *p moves past it. */
static inline uint32_t
align_varint_get(const uint8_t **p)
{
	const uint8_t *q = *p;
	uint32_t v = 0;
	int sh = 0;

	while (*q & 0x80) {
		v |= (uint32_t)(*q++ & 0x7f) << sh;
		sh += 7;
	}
	v |= (uint32_t)*q++ << sh;
	*p = q;
	return v;
}

#endif
