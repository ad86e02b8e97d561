/*
 * fault.c - allocation failures on demand, in the manner of SQLite's
 * malloc tests.  Linked into the tools with -Wl,--wrap=malloc (and
 * calloc, realloc, strdup): with ALIGN_FAIL_ALLOC=N in the environment
 * the Nth allocation fails (and says so on standard error); with
 * ALIGN_COUNT_ALLOC set, the number of allocations is printed at exit.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

void *__real_malloc(size_t);
void *__real_calloc(size_t, size_t);
void *__real_realloc(void *, size_t);
char *__real_strdup(const char *);
void *__wrap_malloc(size_t);
void *__wrap_calloc(size_t, size_t);
void *__wrap_realloc(void *, size_t);
char *__wrap_strdup(const char *);

static long count, fail_at = -2;
static int quiet, hit, paused;

/* In-process use (the unit tests): fail allocation n from now (-1:
 * none), quietly; fault_hit() tells whether it came. */
void fault_reset(long n);
int fault_hit(void);
void fault_pause(int on);

/* While paused, allocations neither count nor fail. */
void
fault_pause(int on)
{
	paused = on;
}

void
fault_reset(long n)
{
	__atomic_store_n(&count, 0, __ATOMIC_RELAXED);
	fail_at = n;
	quiet = 1;
	hit = 0;
}

int
fault_hit(void)
{
	return hit;
}

static void
report(void)
{
	fprintf(stderr, "allocations: %ld\n", count);
}

static int
fail(void)
{
	if (fail_at == -2) {
		const char *s = getenv("ALIGN_FAIL_ALLOC");

		fail_at = s ? atol(s) : -1;
		if (getenv("ALIGN_COUNT_ALLOC"))
			atexit(report);
	}
	if (paused || __atomic_add_fetch(&count, 1, __ATOMIC_RELAXED) != fail_at)
		return 0;
	hit = 1;
	if (!quiet)
		(void)!write(2, "fault: injected allocation failure\n", 35);
	return 1;
}

void *
__wrap_malloc(size_t n)
{
	return fail() ? NULL : __real_malloc(n);
}

void *
__wrap_calloc(size_t n, size_t m)
{
	return fail() ? NULL : __real_calloc(n, m);
}

void *
__wrap_realloc(void *p, size_t n)
{
	return fail() ? NULL : __real_realloc(p, n);
}

char *
__wrap_strdup(const char *s)
{
	return fail() ? NULL : __real_strdup(s);
}
