/* A lexicon of one's own (--synonyms), and text analysis of any valid
 * UTF-8. */
#include <utf8proc.h>

#include "../../lib/words.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	static struct align_words w;
	static int ready;
	struct align_words mine;
	struct align_analysis a = ALIGN_ANALYSIS_INIT;
	struct align_err e = ALIGN_ERR_INIT;
	char *s = fuzz_string(data, n);

	if (!ready) {
		if (align_words_init(&w, &e) < 0 ||
		    align_words_default_lexicon(&w, &e) < 0)
			abort();
		ready = 1;
	}
	if (strlen(s) == n && utf8proc_decompose((const utf8proc_uint8_t *)s,
	    (utf8proc_ssize_t)n, NULL, 0, 0) >= 0) {
		if (align_words_analyse(&w, s, &a, &e) < 0)
			abort();
		if (align_words_init(&mine, &e) < 0)
			abort();
		if (align_words_lexicon(&mine, s, "fuzz", &e) == 0 &&
		    align_words_analyse(&mine, "She listened, and stayed late.",
		    &a, &e) < 0)
			abort();
		align_words_release(&mine);
	}
	align_analysis_release(&a);
	free(s);
	return 0;
}
