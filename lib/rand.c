#include "rand.h"

uint64_t
align_rand_next(struct align_rand *r)
{
	uint64_t z = (r->s += 0x9e3779b97f4a7c15ULL);

	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
	return z ^ (z >> 31);
}

double
align_rand_unit(struct align_rand *r)
{
	return (double)(align_rand_next(r) >> 11) / 9007199254740992.0;
}

uint64_t
align_rand_below(struct align_rand *r, uint64_t n)
{
	return align_rand_next(r) % n;
}
