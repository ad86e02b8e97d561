/* The CSV reader and the survey forms. */
#include "../../lib/csv.h"
#include "../../lib/survey.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_survey_opts o = { 0 };
	struct align_survey s;
	struct align_csv *c = align_csv_open(fuzz_file(data, n), &e);
	struct align_node *rec;
	int rc;

	if (c == NULL)
		abort();
	o.now = "2026-12-02T12:00:00Z";
	rc = align_survey_begin(&s, c, &o, &e);
	while (rc == 0 && (rc = align_survey_next(&s, c, &rec, &e)) > 0) {
		if (align_map_str(rec, "text") == NULL)
			abort();
		align_node_free(rec);
		rc = 0;
	}
	if (rc < 0 && e.msg[0] == '\0')
		abort();
	align_survey_release(&s);
	align_csv_close(c);
	return 0;
}
