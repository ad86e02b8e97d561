/* The edited plain-text list of principles. */
#include "../../lib/distill.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_distill_opts o = { 0 };
	struct align_distiller *d;
	struct align_node *t;
	int i;

	o.max = 7;
	o.budget = 5;
	o.per = 3;
	o.list = fuzz_file(data, n);
	d = align_distiller_new(&o, &e);
	if (d == NULL)
		abort();
	for (i = 0; i < 4; i++) {
		char id[16];

		t = align_record_new("theme");
		snprintf(id, sizeof(id), "t%d", i + 1);
		align_map_put_str(t, "id", id);
		align_map_put_str(t, "label", i ? "clear expectations" : id);
		if (align_distiller_add(d, t, &e) < 0)
			abort();
		align_node_free(t);
	}
	if (align_distiller_run(d, &e) < 0 && e.msg[0] == '\0')
		abort();
	align_distiller_free(d);
	return 0;
}
