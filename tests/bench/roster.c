/*
 * roster - how fast names resolve: a million names typed against a
 * roster of 7 and of 700 people, each way a name is typed (as listed,
 * folded, a first name, an address; and a slip, refused with suggestions,
 * a hundredth as often), seeded so that every run types the same names.
 *
 *	make build/tests/roster-bench && build/tests/roster-bench [count]
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../lib/rand.h"
#include "../../lib/roster.h"

static const char *const first[] = { "Ana", "Marcus", "Tomás", "Elif",
    "Dev", "Greta", "Femi", "Zoë", "Jürgen", "Chloé", "Ben", "Carla",
    "Søren", "Ines", "Kofi", "Mei", "Olu", "Priya", "Raúl", "Yusuf" };
static const char *const last[] = { "Lima", "Lee", "Ruiz", "Yılmaz",
    "Patel", "Olsen", "Adeyemi", "Dubois", "Müller", "Martin", "Okafor",
    "García", "Nørgaard", "Costa", "Mensah", "Wang", "Bello", "Iyer",
    "Núñez", "Haddad", "Novak", "Kim", "Silva", "Rossi", "Berg", "Sato",
    "Khan", "Moreau", "Weber", "Jensen", "Ortiz", "Fischer", "Aydın",
    "Lopez", "Santos" };
#define NF (sizeof(first) / sizeof(first[0]))
#define NL (sizeof(last) / sizeof(last[0]))

static double
now(void)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return t.tv_sec + t.tv_nsec / 1e9;
}

/* Participant i's name: a first and a last name, and for more than
 * first x last people a number. */
static void
name_of(size_t i, char *out, size_t n)
{
	if (i < NF * NL)
		snprintf(out, n, "%s %s", first[i % NF], last[i / NF]);
	else
		snprintf(out, n, "%s %s %zu", first[i % NF],
		    last[(i / NF) % NL], i);
}

/* The name typed for participant i, the way it is typed. */
static void
typed(size_t i, int way, char *out, size_t n)
{
	char name[128];
	size_t k;

	name_of(i, name, sizeof(name));
	switch (way) {
	case 0:		/* as listed */
		snprintf(out, n, "%s", name);
		break;
	case 1:		/* in capitals (folded) */
		for (k = 0; name[k] && k + 1 < n; k++)
			out[k] = name[k] >= 'a' && name[k] <= 'z' ?
			    (char)(name[k] - 32) : name[k];
		out[k] = '\0';
		break;
	case 2:		/* a first name, or its start */
		snprintf(out, n, "%.*s", (int)(strchr(name, ' ') - name),
		    name);
		break;
	case 3:		/* an address */
		snprintf(out, n, "p%zu@example.org", i);
		break;
	default:	/* a slip: refused, with suggestions */
		snprintf(out, n, "%sx", name);
		out[1] = name[2];
		out[2] = name[1];
		break;
	}
}

static void
run(size_t people, size_t count)
{
	static const char *const ways[] = { "as listed", "folded",
	    "first name", "address", "a slip (refused)" };
	struct align_roster *r = align_roster_new();
	struct align_err e = ALIGN_ERR_INIT;
	struct align_rand g = ALIGN_RAND_INIT(1);
	char name[160], entry[200];
	size_t i, j, found[5] = { 0 };
	char **names;
	double t0, t;
	int way;

	if (r == NULL)
		exit(71);
	for (i = 0; i < people; i++) {
		name_of(i, name, sizeof(name));
		snprintf(entry, sizeof(entry), "%s <p%zu@example.org>", name, i);
		if (align_roster_add(r, entry, &e) < 0)
			exit(71);
	}
	if ((names = malloc(count * sizeof(*names))) == NULL)
		exit(71);
	for (way = 0; way < 5; way++) {
		size_t n = way == 4 ? count / 100 : count;

		for (j = 0; j < n; j++) {
			i = (size_t)align_rand_below(&g, people);
			typed(i, way, name, sizeof(name));
			if ((names[j] = strdup(name)) == NULL)
				exit(71);
		}
		t0 = now();
		for (j = 0; j < n; j++) {
			struct align_resolved res;

			if (align_roster_resolve(r, names[j], 0, &res, &e) == 0)
				found[way]++;
			else if (e.status == 71)
				exit(71);
		}
		t = now() - t0;
		printf("%4zu people  %-17s %8zu names  %6.3f s  %6.0f ns a "
		    "name  (%zu resolved)\n", people, ways[way], n, t,
		    t * 1e9 / (double)n, found[way]);
		for (j = 0; j < n; j++)
			free(names[j]);
	}
	free(names);
	align_roster_free(r);
}

int
main(int argc, char *argv[])
{
	size_t count = argc > 1 ? strtoul(argv[1], NULL, 10) : 1000000;

	run(7, count);
	run(700, count);
	return 0;
}
