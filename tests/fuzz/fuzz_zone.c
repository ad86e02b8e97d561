/* Time zones: TZif files and the TZ strings of their rules, as a zone
 * file that is damaged or made up could hold them. */
#include <stdint.h>

#include "../../lib/zone.h"
#include "fuzz.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t n);

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t n)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_zone *z;
	struct align_zone_rule r;
	struct align_zone_change c;
	struct align_buf b = ALIGN_BUF_INIT;
	char *s = fuzz_string(data, n), *names = malloc(n + 2);
	int64_t t;

	/* A rule's next change after an instant is its last at that
	 * change. */
	if (names && align_zone_rule_parse(s, &r, names) == 0 &&
	    align_zone_rule_near(&r, 0, 1, &c)) {
		struct align_zone_change d;

		if (c.at <= 0 || !align_zone_rule_near(&r, c.at, 0, &d) ||
		    d.at != c.at)
			abort();
	}
	if (align_zone_parse(&z, "Fuzz/Zone", data, n, &e) == 0) {
		/* Every instant has an offset, every wall clock an
		 * instant, and the changes go forward. */
		for (t = -2000000000LL; t < 4000000000LL; t += 86400 * 97) {
			int64_t wall = t + align_zone_offset(z, t);

			(void)align_zone_utc(z, wall);
			if (align_zone_next(z, t, &c) && c.at <= t)
				abort();
			if (align_zone_prev(z, t, &c) && c.at > t)
				abort();
		}
		align_zone_ics(&b, z, 1800000000LL, INT64_MAX);
		align_zone_free(z);
	}
	align_buf_release(&b);
	free(names);
	free(s);
	return 0;
}
