/* The CSV reader and the survey forms: no crash, an error always said,
 * every row as wide as the header, and a survey (which reads its first
 * rows twice) giving responses of text.  The delimiter and the encoding
 * come from the input's length, so that the seeds stay plain CSV files. */
#include "../../lib/csv.h"
#include "../../lib/survey.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

static const int delimiters[4] = { 0, ',', ';', '\t' };

static void
rows(const char *path, int delim, enum align_csv_encoding enc)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_csv *c = align_csv_open(path, &e);
	int rc;

	if (c == NULL)
		abort();
	align_csv_set(c, delim, enc);
	while ((rc = align_csv_next(c, &e)) > 0)
		if (c->n != c->width || c->delimiter == 0)
			abort();
	if (rc < 0 && e.msg[0] == '\0')
		abort();
	align_csv_close(c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_survey_opts o = { 0 };
	struct align_survey s;
	const char *path = fuzz_file(data, n);
	struct align_csv *c;
	struct align_node *rec;
	int rc;

	o.delimiter = delimiters[n % 4];
	o.encoding = n / 4 % 2 ? ALIGN_CSV_WINDOWS_1252 : ALIGN_CSV_UTF8;
	rows(path, o.delimiter, o.encoding);
	if ((c = align_csv_open(path, &e)) == NULL)
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
