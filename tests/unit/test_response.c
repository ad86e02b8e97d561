/* Response records and the pseudonym key. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>

#include "../../lib/response.h"
#include "helpers.h"

/* A new response: its participant, pseudonymised with a key; its id
 * from its content. */
static void
test_response_new(void **state)
{
	static const unsigned char key[16] = "0123456789abcdef";
	struct align_err e = ALIGN_ERR_INIT;
	struct align_node *a, *b;

	(void)state;
	assert_int_equal(align_response_new("Ana", NULL, "2026-12-02T12:00Z",
	    NULL, "She stayed.", NULL, NULL, &a, &e), 0);
	assert_string_equal(align_map_str(a, "participant"), "Ana");
	assert_int_equal(align_response_new("Ana", NULL, "2027-01-01T00:00Z",
	    NULL, "She stayed.", key, NULL, &b, &e), 0);
	assert_true(align_is_pseudonym(align_map_str(b, "participant")));
	assert_string_not_equal(align_record_id(a), align_record_id(b));
	align_node_free(a);
	align_node_free(b);
	assert_false(align_is_pseudonym("Ana"));
	assert_false(align_is_pseudonym("p-12345"));
}

/* The key: from $ALIGN_KEY, else made once under $XDG_CONFIG_HOME (or
 * ~/.config), 0600, and the same on the next load. */
static void
test_pseudonym_key(void **state)
{
	char dir[] = "/tmp/align-key-XXXXXX", path[64];
	unsigned char k1[16], k2[16];
	char a[ALIGN_PSEUDONYM_MAX], b[ALIGN_PSEUDONYM_MAX];
	struct align_err e = ALIGN_ERR_INIT;
	struct stat st;
	FILE *fp;

	(void)state;
	assert_non_null(mkdtemp(dir));
	unsetenv("ALIGN_KEY");
	setenv("XDG_CONFIG_HOME", dir, 1);
	assert_int_equal(align_key_load(k1, &e), 0);
	snprintf(path, sizeof(path), "%s/align/key", dir);
	assert_int_equal(stat(path, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0600);
	assert_int_equal(align_key_load(k2, &e), 0);
	assert_memory_equal(k1, k2, 16);
	/* Names fold: the same person however they are written. */
	assert_int_equal(align_pseudonym(k1, "  Ana ", a), 0);
	assert_int_equal(align_pseudonym(k1, "ANA", b), 0);
	assert_string_equal(a, b);
	assert_int_equal(align_pseudonym(k1, "Ben", b), 0);
	assert_string_not_equal(a, b);
	/* A damaged key file is an error, not a new key. */
	fp = fopen(path, "w");
	fputs("not hex\n", fp);
	fclose(fp);
	assert_int_equal(align_key_load(k2, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	unlink(path);
	/* No XDG_CONFIG_HOME: under $HOME/.config. */
	unsetenv("XDG_CONFIG_HOME");
	setenv("HOME", dir, 1);
	assert_int_equal(align_key_load(k2, &e), 0);
	snprintf(path, sizeof(path), "%s/.config/align/key", dir);
	assert_int_equal(stat(path, &st), 0);
	unlink(path);
	/* From the environment: 32 hexadecimal digits, or an error. */
	setenv("ALIGN_KEY", "000102030405060708090a0B0c0D0e0F", 1);
	assert_int_equal(align_key_load(k2, &e), 0);
	assert_int_equal(k2[15], 15);
	setenv("ALIGN_KEY", "0001", 1);
	assert_int_equal(align_key_load(k2, &e), -1);
	assert_int_equal(e.status, EX_DATAERR);
	setenv("ALIGN_KEY", "000102030405060708090a0B0c0D0e0F0", 1);
	assert_int_equal(align_key_load(k2, &e), -1);
	setenv("ALIGN_KEY", "g00102030405060708090a0B0c0D0e0F", 1);
	assert_int_equal(align_key_load(k2, &e), -1);
	setenv("ALIGN_KEY", "0g0102030405060708090a0B0c0D0e0F", 1);
	assert_int_equal(align_key_load(k2, &e), -1);
	unsetenv("ALIGN_KEY");
	/* A relative $XDG_CONFIG_HOME is not used: $HOME is. */
	setenv("XDG_CONFIG_HOME", "relative", 1);
	assert_int_equal(align_key_load(k2, &e), 0);
	snprintf(path, sizeof(path), "%s/.config/align/key", dir);
	assert_int_equal(stat(path, &st), 0);
	unsetenv("XDG_CONFIG_HOME");
	/* A place where no directory can be made. */
	setenv("HOME", "/proc/align-none", 1);
	assert_int_equal(align_key_load(k2, &e), -1);
	assert_int_equal(e.status, EX_CANTCREAT);
	unsetenv("HOME");
	assert_int_equal(align_key_load(k2, &e), -1);
	assert_int_equal(e.status, EX_CANTCREAT);
	/* A directory longer than any fixed buffer: said, not cut. */
	{
		char *longdir = malloc(6000);

		memset(longdir, 'a', 5999);
		longdir[0] = '/';
		longdir[5999] = '\0';
		setenv("XDG_CONFIG_HOME", longdir, 1);
		assert_int_equal(align_key_load(k2, &e), -1);
		assert_int_equal(e.status, EX_CANTCREAT);
		assert_non_null(strstr(e.file, "/aaaa"));
		unsetenv("XDG_CONFIG_HOME");
		free(longdir);
	}
	snprintf(path, sizeof(path), "rm -rf %s", dir);
	assert_int_equal(system(path), 0);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_response_new),
		cmocka_unit_test(test_pseudonym_key),
	};

	return cmocka_run_group_tests_name("response", tests, NULL, NULL);
}
