/*
 * gen - a seeded generator of realistic responses with gold theme labels,
 * for the benchmark and for measuring theme quality at scale.
 *
 *   gen N SEED text|yaml [LABELS]
 *
 * Writes N responses to standard output, as plain text ("Name: text") or
 * as a session stream of response records, and the gold theme of each,
 * one a line, to LABELS.  The responses tell the method's six themes in
 * English, Spanish, German and French, with other words for the same
 * thing, shared filler, and names drawn from a population that grows with
 * N (about seven responses a person).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *const opening[4][4] = {
	{ "My manager", "My first boss", "Our supervisor", "My team lead" },
	{ "Mi jefa", "Mi jefe", "Mi supervisora", "Mi primer jefe" },
	{ "Meine Chefin", "Mein Chef", "Meine Teamleiterin", "Mein erster Chef" },
	{ "Ma responsable", "Mon chef", "Ma première cheffe", "Mon manager" },
};
static const char *const langs[] = { "en", "es", "de", "fr" };
static const char *const filler[] = {
	"", "", "", " last year", " in my first job", " during the reorg",
	" when I was new", " back then", " every time", " without fail",
};

/* Each theme: phrases in several words for one meaning. */
static const char *const themes[6][14] = {
	{ "en|stayed late with me the night the launch failed",
	  "en|stuck around when things got difficult",
	  "en|was there for us during the layoffs",
	  "en|never disappeared when the pressure was on",
	  "en|showed up at the hospital when my father was ill",
	  "en|stood by the team through the worst outage",
	  "en|was present when the project fell apart",
	  "es|se quedó con nosotros cuando las cosas se pusieron difíciles",
	  "es|nunca nos dejó solos en los momentos duros",
	  "de|blieb bei uns, als es schwierig wurde",
	  "de|war da, als das Projekt scheiterte",
	  "fr|est resté avec nous quand tout allait mal", NULL },
	{ "en|taught me how to read a budget line by line",
	  "en|mentored me for two years",
	  "en|coached me before my first presentation",
	  "en|showed me how to run a meeting",
	  "en|sat with me every Friday to teach me the craft",
	  "en|explained the why behind every decision so I could learn",
	  "en|helped me grow into a lead",
	  "es|me enseñó todo lo que sé del oficio",
	  "es|fue mi mentora y me ayudó a crecer",
	  "de|hat mir alles beigebracht",
	  "de|war meine Mentorin und hat mich gefördert",
	  "fr|m'a appris le métier pas à pas", NULL },
	{ "en|listened to every idea in the room",
	  "en|really heard us out before deciding",
	  "en|made space for the quiet people to speak",
	  "en|asked what I needed and listened without interrupting",
	  "en|paid attention to what we said in one to ones",
	  "en|let everyone finish before giving an opinion",
	  "en|heard my concerns and acted on them",
	  "es|escuchaba a todos antes de decidir",
	  "es|siempre nos escuchó con atención",
	  "de|hat uns zugehört und ausreden lassen",
	  "de|hörte auch den Leisen im Team zu",
	  "fr|écoutait chacun avant de décider", NULL },
	{ "en|told us exactly what success looked like",
	  "en|set clear goals for every quarter",
	  "en|made the expectations plain from day one",
	  "en|never changed the targets without explaining why",
	  "en|wrote down what was expected of each of us",
	  "en|gave us a clear definition of done",
	  "en|explained the priorities so nobody had to guess",
	  "es|nos explicaba con claridad qué esperaba de cada uno",
	  "es|las metas siempre eran claras",
	  "de|hat klare Ziele gesetzt",
	  "de|sagte deutlich, was sie von uns erwartete",
	  "fr|fixait des objectifs clairs pour chacun", NULL },
	{ "en|thanked me in front of the whole team",
	  "en|celebrated small wins with us",
	  "en|recognised the people who did the work",
	  "en|gave credit to the team instead of taking it",
	  "en|wrote me a note of appreciation after the release",
	  "en|praised good work in public",
	  "en|made sure leadership knew who had done the job",
	  "es|reconoció mi trabajo delante de todos",
	  "es|siempre agradecía el esfuerzo del equipo",
	  "de|hat meine Arbeit vor allen gelobt",
	  "de|bedankte sich für jeden Erfolg",
	  "fr|remerciait l'équipe pour chaque réussite", NULL },
	{ "en|trusted me to choose my own hours",
	  "en|gave me the flexibility to work from home when my kids were small",
	  "en|never micromanaged and let us do the work our way",
	  "en|trusted the team to make decisions",
	  "en|let me adjust my schedule when I needed it",
	  "en|gave us autonomy over how we worked",
	  "en|believed in me enough to let me lead the project",
	  "es|confiaba en nosotros y nos daba libertad",
	  "es|me dejó organizar mi horario",
	  "de|hat uns vertraut und freie Hand gelassen",
	  "de|gab mir Flexibilität bei der Arbeitszeit",
	  "fr|nous faisait confiance sans tout contrôler", NULL },
};

static uint64_t state;

static uint32_t
next(void)
{
	/* xorshift64*: small, fast, the same everywhere. */
	state ^= state >> 12;
	state ^= state << 25;
	state ^= state >> 27;
	return (uint32_t)((state * 2685821657736338717ULL) >> 32);
}

static size_t
count(const char *const *v)
{
	size_t n = 0;

	while (v[n])
		n++;
	return n;
}

int
main(int argc, char *argv[])
{
	long n, i, people;
	int yaml;
	FILE *labels = NULL;

	if (argc < 4) {
		fprintf(stderr, "usage: gen N SEED text|yaml [LABELS]\n");
		return 64;
	}
	n = atol(argv[1]);
	state = strtoull(argv[2], NULL, 10) * 0x9e3779b97f4a7c15ULL + 1;
	yaml = strcmp(argv[3], "yaml") == 0;
	if (argc > 4 && (labels = fopen(argv[4], "w")) == NULL) {
		perror(argv[4]);
		return 73;
	}
	people = n / 7 > 7 ? n / 7 : 7;
	if (yaml)
		printf("---\nkind: session\nid: survey\ntitle: Survey\n");
	for (i = 0; i < n; i++) {
		int t = (int)(next() % 6);
		const char *what = themes[t][next() % count(themes[t])];
		int l = 0;
		const char *open, *fill;

		while (strncmp(langs[l], what, 2) != 0)
			l++;
		open = opening[l][next() % 4];
		fill = l == 0 ? filler[next() % 10] : "";
		what += 3;
		long who = (long)(next() % (uint32_t)people);

		if (yaml)
			printf("---\nkind: response\nid: r-%016lx\n"
			    "participant: Person %ld\n"
			    "at: \"2026-12-02T12:00:00Z\"\n"
			    "text: %s %s%s.\n", (unsigned long)i, who, open,
			    what, fill);
		else
			printf("Person %ld: %s %s%s.\n", who, open, what, fill);
		if (labels)
			fprintf(labels, "%d\n", t);
	}
	if (labels && fclose(labels) != 0)
		return 74;
	return ferror(stdout) ? 74 : 0;
}
