/*
 * score - how well the grouping of align-theme finds gold labels.
 *
 *   score [-m gsdmm|linkage] [-l] [-t threshold] [-k K] [-n sample]
 *         [-a alpha] [-b beta] [-r rounds] [-s seed] TEXTS LABELS
 *
 * Reads one text a line and one label a line, groups the texts as
 * align-theme does (-l: with the default lexicon), and prints the number
 * of groups, NMI and ARI.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../../lib/cluster.h"
#include "../../lib/hash.h"
#include "../../lib/words.h"

static char **
lines(const char *path, size_t *n)
{
	FILE *fp = fopen(path, "r");
	char *line = NULL, **v = NULL;
	size_t cap = 0, k = 0;
	ssize_t len;

	if (fp == NULL) {
		perror(path);
		exit(66);
	}
	while ((len = getline(&line, &cap, fp)) >= 0) {
		line[strcspn(line, "\r\n")] = '\0';
		v = realloc(v, (k + 1) * sizeof(*v));
		v[k++] = strdup(line);
	}
	free(line);
	fclose(fp);
	*n = k;
	return v;
}

int
main(int argc, char *argv[])
{
	struct align_gsdmm_opts o = { 0 };
	struct align_err e = ALIGN_ERR_INIT;
	struct align_words w;
	struct align_analysis a = ALIGN_ANALYSIS_INIT;
	struct align_dict labels = ALIGN_DICT_INIT;
	const char *method = "gsdmm";
	double threshold = 0.2;
	int c, lexicon = 0;
	size_t n, nl, i, j, total = 0;
	char **text, **lab;
	uint32_t *terms = NULL, *gold, *z;
	size_t *off;
	long k;

	while ((c = getopt(argc, argv, "a:b:i:k:lm:n:r:s:t:")) != -1)
		switch (c) {
		case 'a': o.alpha = atof(optarg); break;
		case 'b': o.beta = atof(optarg); break;
		case 'i': o.iters = atoi(optarg); break;
		case 'n': o.sample = (size_t)atol(optarg); break;
		case 'k': o.k = (size_t)atol(optarg); break;
		case 'r': o.refine = atoi(optarg); break;
		case 'l': lexicon = 1; break;
		case 'm': method = optarg; break;
		case 's': o.seed = strtoull(optarg, NULL, 10); break;
		case 't': threshold = atof(optarg); break;
		default: return 64;
		}
	if (argc - optind != 2)
		return 64;
	text = lines(argv[optind], &n);
	lab = lines(argv[optind + 1], &nl);
	if (n != nl) {
		fprintf(stderr, "score: %zu texts, %zu labels\n", n, nl);
		return 65;
	}
	if (align_words_init(&w, &e) < 0 ||
	    (lexicon && align_words_default_lexicon(&w, &e) < 0))
		return 71;
	off = malloc((n + 1) * sizeof(*off));
	gold = malloc(n * sizeof(*gold));
	z = malloc(n * sizeof(*z));
	off[0] = 0;
	for (i = 0; i < n; i++) {
		if (align_words_analyse(&w, text[i], &a, &e) < 0)
			return 71;
		terms = realloc(terms, (total + a.nterm + 1) * sizeof(*terms));
		for (j = 0; j < a.nterm; j++)
			terms[total++] = a.term[j];
		off[i + 1] = total;
		gold[i] = (uint32_t)align_dict_id(&labels, lab[i],
		    strlen(lab[i]), 1);
	}
	if (strcmp(method, "linkage") == 0)
		k = align_linkage(terms, off, n, align_words_nterms(&w),
		    threshold, z, &e);
	else
		k = align_gsdmm(terms, off, n, align_words_nterms(&w), &o, z,
		    &e);
	if (k < 0)
		return 71;
	printf("%s %zu texts, %zu labels, %ld groups: NMI %.3f ARI %.3f\n",
	    method, n, labels.n, k, align_nmi(z, gold, n),
	    align_ari(z, gold, n));
	for (i = 0; i < n; i++) {
		free(text[i]);
		free(lab[i]);
	}
	free(text);
	free(lab);
	free(terms);
	free(off);
	free(gold);
	free(z);
	align_dict_release(&labels);
	align_analysis_release(&a);
	align_words_release(&w);
	return 0;
}
