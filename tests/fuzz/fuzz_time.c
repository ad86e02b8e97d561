/* Dates, times, durations and survey times. */
#include "../../lib/survey.h"
#include "../../lib/when.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_time t, u;
	char *s = fuzz_string(data, n), out[40];
	long m;

	if (align_time_parse(s, &t, &e) == 0) {
		/* What is written reads back as the same instant. */
		align_time_format(&t, out);
		if (align_time_parse(out, &u, &e) < 0 || u.t != t.t ||
		    u.date_only != t.date_only)
			abort();
	}
	if (align_duration_parse(s, &m, &e) == 0) {
		align_duration_format(m, out);
		if (align_duration_parse(out, &m, &e) < 0)
			abort();
	}
	(void)align_survey_time(s, (int)(n & 1), out, &e);
	free(s);
	return 0;
}
