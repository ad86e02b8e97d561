/*
 * sha256.h - SHA-256 (FIPS 180-4), for the hashes a page's
 * Content-Security-Policy gives its one stylesheet and its one script.
 *
 *	unsigned char d[ALIGN_SHA256_LEN];
 *	align_sha256(text, strlen(text), d);
 *	align_base64(&b, d, sizeof(d));	(after "sha256-" in a CSP)
 *
 * Neither call allocates but through b, nor fails but as b does.
 */
#ifndef ALIGN_SHA256_H
#define ALIGN_SHA256_H

#include <stddef.h>

#include "buf.h"

#define ALIGN_SHA256_LEN 32

/* The digest of the n bytes at p, into out. */
void align_sha256(const void *p, size_t n,
    unsigned char out[ALIGN_SHA256_LEN]);
/* The n bytes at p in base64 (RFC 4648, padded), appended to b. */
void align_base64(struct align_buf *b, const unsigned char *p, size_t n);

#endif
