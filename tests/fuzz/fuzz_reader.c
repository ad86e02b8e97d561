/* The session-stream reader and the canonical writer: any input either
 * fails cleanly or reads as records whose canonical form reads back as
 * the same records and writes as the same bytes; read ahead in a thread
 * (its records in pools), the same records again. */
#include "../../lib/reader.h"
#include "../../lib/writer.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_read_opts o = { 0 };
	struct align_buf b = ALIGN_BUF_INIT, b2 = ALIGN_BUF_INIT;
	struct align_node *all, *again;
	char *paths[1];
	size_t i;

	paths[0] = (char *)fuzz_file(data, n);
	o.paragraphs = n > 0 && data[0] & 1;
	o.at = "2026-12-02T12:00:00Z";
	all = align_read_all(paths, 1, &o, &e);
	if (all == NULL) {
		if (e.status == 0 || e.msg[0] == '\0')
			abort();	/* a failure must say why */
		return 0;
	}
	for (i = 0; i < all->n; i++)
		align_emit_record(&b, all->item[i]);
	if (b.failed)
		abort();
	paths[0] = (char *)fuzz_file((const uint8_t *)(b.p ? b.p : ""),
	    b.len);
	again = align_read_all(paths, 1, NULL, &e);
	if (again == NULL || again->n != all->n)
		abort();	/* the canonical form must read back */
	for (i = 0; i < again->n; i++)
		align_emit_record(&b2, again->item[i]);
	if (b.len != b2.len || (b.len && memcmp(b.p, b2.p, b.len) != 0))
		abort();	/* and write the same bytes */
	{
		struct align_read_opts ao = { 0 };
		struct align_reader *r;
		struct align_node *rec;
		int rc;

		ao.ahead = 1;
		if ((r = align_reader_open(paths, 1, &ao, &e)) == NULL)
			abort();
		for (i = 0; (rc = align_reader_next(r, &rec, &e)) > 0; i++) {
			if (i >= again->n || !align_node_equal(rec,
			    again->item[i]))
				abort();
			align_reader_release(r, rec);
		}
		if (rc < 0 || i != again->n)
			abort();
		align_reader_free(r);
	}
	align_buf_release(&b);
	align_buf_release(&b2);
	align_node_free(all);
	align_node_free(again);
	return 0;
}
