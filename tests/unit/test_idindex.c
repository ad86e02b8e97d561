/* The index of a session file's ids: believed only when it fits the file,
 * rebuilt by a parse otherwise, and the ids the same either way. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "../../lib/idindex.h"
#include "../../lib/roster.h"
#include "helpers.h"

static char dir[256], file[512], cache[512];

static const char first[] =
    "---\nkind: session\nid: s1\ntitle: T\n"
    "---\nkind: response\nid: r-1\ntext: one\n"
    "---\nkind: response\nid: r-2\ntext: two\n";

static void
put(const char *path, const char *mode, const char *s)
{
	FILE *fp = fopen(path, mode);

	assert_non_null(fp);
	assert_int_equal(fputs(s, fp) >= 0, 1);
	assert_int_equal(fclose(fp), 0);
}

static int
setup(void **state)
{
	(void)state;
	snprintf(dir, sizeof(dir), "%s", test_path("idindex"));
	assert_int_equal(mkdir(dir, 0700), 0);
	snprintf(file, sizeof(file), "%s/s.yaml", dir);
	snprintf(cache, sizeof(cache), "%s/cache", dir);
	setenv("XDG_CACHE_HOME", cache, 1);
	put(file, "w", first);
	return 0;
}

static int
teardown(void **state)
{
	char cmd[600];

	(void)state;
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	assert_int_equal(system(cmd), 0);
	return 0;
}

/* Load the ids of file (how in *how), check which of the ids are there
 * (a string of 1 and 0), save, release. */
static void
load(enum align_idindex_how *how, const char *const *ids, const char *want)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_idindex x;
	struct stat st;
	char got[32];
	size_t i;
	int fd = open(file, O_RDONLY);

	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(align_idindex_load(&x, file, file, fd,
	    (long long)st.st_size, &e), 0);
	*how = x.how;
	for (i = 0; ids[i]; i++)
		got[i] = align_idindex_has(&x, ids[i]) ? '1' : '0';
	got[i] = '\0';
	assert_string_equal(got, want);
	align_idindex_save(&x, file, fd);
	align_idindex_release(&x);
	close(fd);
}

static const char *const ids[] = { "s1", "r-1", "r-2", "r-3", "r-9", NULL };

static void
test_parsed_then_fit(void **state)
{
	enum align_idindex_how how;

	(void)state;
	load(&how, ids, "11100");
	assert_int_equal(how, ALIGN_IDX_PARSED);
	load(&how, ids, "11100");
	assert_int_equal(how, ALIGN_IDX_FIT);
}

static void
test_tail(void **state)
{
	enum align_idindex_how how;

	(void)state;
	load(&how, ids, "11100");
	put(file, "a", "---\nkind: response\nid: r-3\ntext: three\n");
	load(&how, ids, "11110");
	assert_int_equal(how, ALIGN_IDX_TAIL);
	load(&how, ids, "11110");
	assert_int_equal(how, ALIGN_IDX_FIT);	/* saved with the tail */
}

/* A tail that does not begin a record (a key added to the last one) is
 * not read alone: the whole file is. */
static void
test_tail_not_a_record(void **state)
{
	enum align_idindex_how how;

	(void)state;
	load(&how, ids, "11100");
	put(file, "a", "note: x\n---\nkind: response\nid: r-9\ntext: nine\n");
	load(&how, ids, "11101");
	assert_int_equal(how, ALIGN_IDX_PARSED);
}

static void
test_rewritten(void **state)
{
	enum align_idindex_how how;
	char tmp[600];

	(void)state;
	load(&how, ids, "11100");
	/* A rewrite, as -i does: a new file renamed over; r-2 gone. */
	snprintf(tmp, sizeof(tmp), "%s.new", file);
	put(tmp, "w", "---\nkind: session\nid: s1\ntitle: T\n"
	    "---\nkind: response\nid: r-3\ntext: three\n"
	    "---\nkind: response\nid: r-1\ntext: one\n");
	assert_int_equal(rename(tmp, file), 0);
	load(&how, ids, "11010");
	assert_int_equal(how, ALIGN_IDX_PARSED);
}

/* The same size, the same inode, other bytes: the time tells. */
static void
test_same_size(void **state)
{
	enum align_idindex_how how;
	struct timespec t = { 0, 20 * 1000 * 1000 };
	char *s = strdup(first);

	(void)state;
	load(&how, ids, "11100");
	nanosleep(&t, NULL);
	strstr(s, "r-2")[2] = '9';	/* id: r-2 becomes r-9 */
	put(file, "w", s);
	free(s);
	load(&how, ids, "11001");
	assert_int_equal(how, ALIGN_IDX_PARSED);
}

static void
test_shorter(void **state)
{
	enum align_idindex_how how;

	(void)state;
	put(file, "a", "---\nkind: response\nid: r-3\ntext: three\n");
	load(&how, ids, "11110");
	assert_int_equal(truncate(file, (off_t)strlen(first)), 0);
	load(&how, ids, "11100");
	assert_int_equal(how, ALIGN_IDX_PARSED);
}

/* Damaged, cut short, of another file, or of another version: rebuilt. */
static void
test_damaged(void **state)
{
	enum align_idindex_how how;
	char *name = align_idindex_file(file), other[512];
	FILE *fp;

	(void)state;
	assert_non_null(name);
	load(&how, ids, "11100");
	fp = fopen(name, "r+");
	assert_non_null(fp);
	fseek(fp, -3, SEEK_END);
	fputc('x', fp);
	fclose(fp);
	load(&how, ids, "11100");
	assert_int_equal(how, ALIGN_IDX_PARSED);
	assert_int_equal(truncate(name, 50), 0);
	load(&how, ids, "11100");
	assert_int_equal(how, ALIGN_IDX_PARSED);
	/* Another file's index, under this file's name. */
	snprintf(other, sizeof(other), "%s/t.yaml", dir);
	put(other, "w", first);
	{
		char *oname = align_idindex_file(other), *mine = strdup(file);

		assert_non_null(oname);
		memcpy(file, other, sizeof(file));
		load(&how, ids, "11100");	/* other's index made */
		memcpy(file, mine, strlen(mine) + 1);
		free(mine);
		assert_int_equal(rename(oname, name), 0);
		free(oname);
	}
	load(&how, ids, "11100");
	assert_int_equal(how, ALIGN_IDX_PARSED);
	free(name);
}

static void
test_no_cache(void **state)
{
	enum align_idindex_how how;
	char *home = getenv("HOME") ? strdup(getenv("HOME")) : NULL;

	(void)state;
	unsetenv("XDG_CACHE_HOME");
	unsetenv("HOME");
	assert_null(align_idindex_file(file));
	load(&how, ids, "11100");
	load(&how, ids, "11100");
	assert_int_equal(how, ALIGN_IDX_PARSED);
	setenv("XDG_CACHE_HOME", "relative/dir", 1);	/* not XDG's */
	assert_null(align_idindex_file(file));
	if (home) {
		setenv("HOME", home, 1);
		free(home);
	}
}

static void
test_plain_text(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_idindex x;
	int fd;

	(void)state;
	put(file, "w", "Ana: a line of plain text\n");
	fd = open(file, O_RDONLY);
	assert_int_equal(align_idindex_load(&x, file, file, fd, 26, &e), -1);
	assert_int_equal(e.status, 65);
	assert_non_null(strstr(e.msg, "not plain text"));
	align_idindex_release(&x);
	close(fd);
}

/* An append under the lock, as align-capture -a makes it: the ids of the
 * file as it is, then the records of ids (NULL-ended, "r-N" each) written
 * and their ids added, then the index saved.  How the ids were known. */
static enum align_idindex_how
append(const char *const *add)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_idindex x;
	enum align_idindex_how how;
	struct stat st;
	char rec[128];
	size_t i;
	int fd = open(file, O_RDWR | O_APPEND);

	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(align_idindex_load(&x, file, file, fd,
	    (long long)st.st_size, &e), 0);
	how = x.how;
	for (i = 0; add[i]; i++) {
		int n = snprintf(rec, sizeof(rec), "---\nkind: response\n"
		    "id: %s\ntext: %s\n", add[i], add[i]);

		assert_int_equal(align_idindex_add_new(&x, add[i]), 1);
		assert_int_equal(write(fd, rec, (size_t)n), n);
	}
	align_idindex_save(&x, file, fd);
	align_idindex_release(&x);
	close(fd);
	return how;
}

static long long
index_size(void)
{
	char *name = align_idindex_file(file);
	struct stat st;

	assert_non_null(name);
	assert_int_equal(stat(name, &st), 0);
	free(name);
	return (long long)st.st_size;
}

/* Header, sorted ids, runs (16 bytes each and 16 an id). */
#define HDR 120
#define SIZE(sorted, runs, inruns) \
	(HDR + 16 * (sorted) + 16 * (runs) + 16 * (inruns))

static const char *const add3[] = { "r-3", NULL };
static const char *const add45[] = { "r-4", "r-5", NULL };
static const char *const ids6[] = { "s1", "r-1", "r-2", "r-3", "r-4",
	"r-5", "r-9", NULL };

/* An append adds a run at the end of the index: what it appends, no
 * more; the index with its runs fits the file after. */
static void
test_run_appended(void **state)
{
	enum align_idindex_how how;

	(void)state;
	load(&how, ids, "11100");
	assert_int_equal(index_size(), SIZE(3, 0, 0));
	assert_int_equal(append(add3), ALIGN_IDX_FIT);
	assert_int_equal(index_size(), SIZE(3, 1, 1));
	assert_int_equal(append(add45), ALIGN_IDX_FIT);
	assert_int_equal(index_size(), SIZE(3, 2, 3));
	load(&how, ids6, "1111110");
	assert_int_equal(how, ALIGN_IDX_FIT);
	/* The runs would now hold more than four: written whole. */
	{
		static const char *const add67[] = { "r-6", "r-7", NULL };

		assert_int_equal(append(add67), ALIGN_IDX_FIT);
	}
	assert_int_equal(index_size(), SIZE(8, 0, 0));
	load(&how, ids6, "1111110");
	assert_int_equal(how, ALIGN_IDX_FIT);
}

/* A run cut short, a run written without its words (a kill between the
 * two writes), a run's ids changed, words that count another run: not
 * believed; the file is parsed and the ids are the same. */
static void
test_run_damaged(void **state)
{
	enum align_idindex_how how;
	char *name = align_idindex_file(file);
	long long size;
	FILE *fp;
	int k;

	(void)state;
	assert_non_null(name);
	for (k = 0; k < 4; k++) {
		unlink(name);
		put(file, "w", first);
		load(&how, ids, "11100");
		assert_int_equal(append(add3), ALIGN_IDX_FIT);
		size = index_size();
		assert_int_equal(size, SIZE(3, 1, 1));
		if (k == 0) {
			assert_int_equal(truncate(name, (off_t)size - 8), 0);
		} else if (k == 1) {
			fp = fopen(name, "a");
			assert_non_null(fp);
			fwrite("0123456789abcdef0123456789abcdef", 1, 32, fp);
			fclose(fp);
		} else {
			fp = fopen(name, "r+");
			assert_non_null(fp);
			/* k 2: an id of the run; k 3: its count */
			fseek(fp, k == 2 ? size - 5 : SIZE(3, 0, 0), SEEK_SET);
			fputc(k == 2 ? 'x' : 2, fp);
			fclose(fp);
		}
		load(&how, ids6, "1111000");
		assert_int_equal(how, ALIGN_IDX_PARSED);
		load(&how, ids6, "1111000");
		assert_int_equal(how, ALIGN_IDX_FIT);
		assert_int_equal(index_size(), SIZE(4, 0, 0));
	}
	free(name);
}

/* A kill between the two writes of an append: the run written, the
 * words still those before.  Not believed: the index is of another size
 * than the words say. */
static void
test_run_without_words(void **state)
{
	enum align_idindex_how how;
	char *name = align_idindex_file(file), words[HDR];
	FILE *fp;

	(void)state;
	assert_non_null(name);
	load(&how, ids, "11100");
	assert_int_equal(append(add3), ALIGN_IDX_FIT);
	fp = fopen(name, "r");
	assert_non_null(fp);
	assert_int_equal(fread(words, 1, HDR, fp), HDR);
	fclose(fp);
	assert_int_equal(append(add45), ALIGN_IDX_FIT);
	fp = fopen(name, "r+");
	assert_non_null(fp);
	assert_int_equal(fwrite(words, 1, HDR, fp), HDR);
	fclose(fp);
	load(&how, ids6, "1111110");
	assert_int_equal(how, ALIGN_IDX_PARSED);
	load(&how, ids6, "1111110");
	assert_int_equal(how, ALIGN_IDX_FIT);
	free(name);
}

/* Records another tool appended after the index and its runs: read
 * alone, and saved with the next run. */
static void
test_run_then_tail(void **state)
{
	enum align_idindex_how how;

	(void)state;
	load(&how, ids, "11100");
	assert_int_equal(append(add3), ALIGN_IDX_FIT);
	put(file, "a", "---\nkind: response\nid: r-9\ntext: nine\n");
	assert_int_equal(append(add45), ALIGN_IDX_TAIL);
	load(&how, ids6, "1111111");
	assert_int_equal(how, ALIGN_IDX_FIT);
}

/* What the caller read of the first record: not parsed again while the
 * file begins with it, parsed when it does not. */
static void
test_first_record(void **state)
{
	struct align_err e = ALIGN_ERR_INIT;
	struct align_idindex x;
	struct align_roster_span span;
	struct align_idindex_first f;
	size_t len = strlen("---\nkind: session\nid: s1\ntitle: T\n");
	struct stat st;
	int fd;

	(void)state;
	align_roster_span_hash(first, len, &span);
	f.len = span.len;
	f.a = span.a;
	f.b = span.b;
	f.id = "s-told";	/* not the record's: told, not parsed */
	fd = open(file, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(align_idindex_load_first(&x, file, file, fd,
	    (long long)st.st_size, &f, &e), 0);
	assert_int_equal(x.how, ALIGN_IDX_PARSED);
	assert_int_equal(align_idindex_has(&x, "s-told"), 1);
	assert_int_equal(align_idindex_has(&x, "s1"), 0);
	assert_int_equal(align_idindex_has(&x, "r-2"), 1);
	align_idindex_release(&x);
	close(fd);
	/* The file begins otherwise now: the first record is parsed. */
	put(file, "w", "---\nkind: session\nid: s1\ntitle: U\n"
	    "---\nkind: response\nid: r-1\ntext: one\n");
	fd = open(file, O_RDONLY);
	assert_true(fd >= 0);
	assert_int_equal(fstat(fd, &st), 0);
	assert_int_equal(align_idindex_load_first(&x, file, file, fd,
	    (long long)st.st_size, &f, &e), 0);
	assert_int_equal(align_idindex_has(&x, "s-told"), 0);
	assert_int_equal(align_idindex_has(&x, "s1"), 1);
	assert_int_equal(align_idindex_has(&x, "r-1"), 1);
	align_idindex_release(&x);
	close(fd);
}

int
main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_parsed_then_fit, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_tail, setup, teardown),
		cmocka_unit_test_setup_teardown(test_tail_not_a_record, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_rewritten, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_same_size, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_shorter, setup, teardown),
		cmocka_unit_test_setup_teardown(test_damaged, setup, teardown),
		cmocka_unit_test_setup_teardown(test_no_cache, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_plain_text, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_run_appended, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_run_damaged, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_run_without_words, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_run_then_tail, setup,
		    teardown),
		cmocka_unit_test_setup_teardown(test_first_record, setup,
		    teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
