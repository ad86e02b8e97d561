/* libmicrohttpd, opened when a tool first serves: its functions found, or
 * an error naming the library that is not there. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <microhttpd.h>
#include <string.h>

#include "../../lib/mhd.h"

/* A library that is not installed: 69, and the message names it; nothing
 * is opened. */
static void
test_a_missing_library_is_named(void **state)
{
	static const char *const none[] = { "libalign-no-such-http.so.0" };
	struct align_err e = ALIGN_ERR_INIT;

	assert_int_equal(align_mhd_open_named(none, 1, &e), -1);
	assert_int_equal(e.status, 69);
	assert_non_null(strstr(e.msg, "libalign-no-such-http.so.0"));
	assert_null(align_mhd.start_daemon);
}

/* The installed library: every function found, once. */
static void
test_the_library_opens_once(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct MHD_Daemon *(*start)(unsigned int, uint16_t,
	    MHD_AcceptPolicyCallback, void *, MHD_AccessHandlerCallback,
	    void *, ...);

	assert_int_equal(align_mhd_open(&e), 0);
	assert_non_null(align_mhd.start_daemon);
	assert_non_null(align_mhd.destroy_post_processor);
	start = align_mhd.start_daemon;
	assert_int_equal(align_mhd_open(&e), 0);
	assert_ptr_equal(align_mhd.start_daemon, start);
	assert_int_equal(e.status, 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_missing_library_is_named),
		cmocka_unit_test(test_the_library_opens_once),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
