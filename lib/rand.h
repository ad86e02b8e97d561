/*
 * rand.h - the one seeded random generator: splitmix64 (Steele, Lea and
 * Flood, 2014).  The same seed gives the same numbers on every machine,
 * so a seeded run is reproducible; nothing here is for secrets (the key
 * of pseudonyms comes from /dev/urandom, see response.h).
 */
#ifndef ALIGN_RAND_H
#define ALIGN_RAND_H

#include <stdint.h>

struct align_rand {
	uint64_t s;
};

#define ALIGN_RAND_INIT(seed) { (seed) }

uint64_t align_rand_next(struct align_rand *r);
/* In [0, 1), with 53 random bits. */
double align_rand_unit(struct align_rand *r);
/* In [0, n) for n > 0, by the remainder (its bias, under n / 2^64, does
 * not matter for shuffles and starts). */
uint64_t align_rand_below(struct align_rand *r, uint64_t n);

#endif
