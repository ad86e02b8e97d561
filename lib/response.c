#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>
#include <utf8proc.h>

#include "buf.h"
#include "file.h"
#include "response.h"
#include "text.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int
parse_key(const char *s, unsigned char key[16])
{
	int i;

	for (i = 0; i < 16; i++) {
		int h = hexval((unsigned char)s[2 * i]);
		int l = h < 0 ? -1 : hexval((unsigned char)s[2 * i + 1]);

		if (l < 0)
			return -1;
		key[i] = (unsigned char)(h << 4 | l);
	}
	return s[32] == '\0' || s[32] == '\n' ? 0 : -1;
}

/* Make the key file path, with 128 random bits, readable by the user
 * alone (its directory made first, and the one above it). */
static int
key_make(unsigned char key[16], const char *dir, const char *path,
    struct align_err *e)
{
	unsigned char fresh[16];
	char hex[40], *parent, *slash;
	int fd, i;

	fd = open("/dev/urandom", O_RDONLY | O_CLOEXEC);
	if (fd < 0 || read(fd, fresh, sizeof(fresh)) != sizeof(fresh)) {
		if (fd >= 0)
			close(fd);
		return align_err_set(e, EX_IOERR, "/dev/urandom", 0, 0,
		    "cannot read random bytes");
	}
	close(fd);
	if ((parent = strdup(dir)) == NULL)
		return align_err_nomem(e);
	slash = strrchr(parent, '/');
	if (slash && slash != parent) {
		*slash = '\0';
		(void)mkdir(parent, 0700);
	}
	free(parent);
	if (mkdir(dir, 0700) < 0 && errno != EEXIST)
		return align_err_set(e, EX_CANTCREAT, dir, 0, 0,
		    "cannot create: %s", strerror(errno));
	for (i = 0; i < 16; i++)
		snprintf(hex + 2 * i, 3, "%02x", fresh[i]);
	hex[32] = '\n';
	fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
	if (fd < 0 && errno == EEXIST)	/* made meanwhile by another run */
		return 1;
	if (fd < 0 || align_write_all(fd, hex, 33) < 0 || fsync(fd) < 0) {
		int err = errno;

		if (fd >= 0) {
			close(fd);
			unlink(path);
		}
		return align_err_set(e, EX_CANTCREAT, path, 0, 0,
		    "cannot create: %s", strerror(err));
	}
	close(fd);
	memcpy(key, fresh, 16);
	return 0;
}

/* Read the key file path: 0, 1 when there is none, or -1 and e. */
static int
key_read(unsigned char key[16], const char *path, struct align_err *e)
{
	char text[80];
	ssize_t n;
	int fd = open(path, O_RDONLY | O_CLOEXEC);

	if (fd < 0)
		return 1;
	n = read(fd, text, sizeof(text) - 1);
	close(fd);
	text[n > 0 ? n : 0] = '\0';
	if (parse_key(text, key) < 0)
		return align_err_set(e, EX_DATAERR, path, 1, 1,
		    "expected 32 hexadecimal digits");
	return 0;
}

int
align_key_load(unsigned char key[16], struct align_err *e)
{
	const char *env = getenv("ALIGN_KEY");
	const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
	struct align_buf dir = ALIGN_BUF_INIT, path = ALIGN_BUF_INIT;
	int rc;

	if (env && *env) {
		if (parse_key(env, key) < 0)
			return align_err_set(e, EX_DATAERR, "$ALIGN_KEY", 0, 0,
			    "expected 32 hexadecimal digits");
		return 0;
	}
	if (xdg && *xdg == '/')
		align_buf_printf(&dir, "%s/align", xdg);
	else if (home && *home)
		align_buf_printf(&dir, "%s/.config/align", home);
	else
		return align_err_set(e, EX_CANTCREAT, NULL, 0, 0,
		    "no place for the pseudonym key: set $ALIGN_KEY or $HOME");
	align_buf_printf(&path, "%s/key", dir.p ? dir.p : "");
	if (dir.failed || path.failed)
		rc = align_err_nomem(e);
	else if ((rc = key_read(key, path.p, e)) == 1 &&
	    (rc = key_make(key, dir.p, path.p, e)) == 1 &&
	    (rc = key_read(key, path.p, e)) == 1)	/* made meanwhile */
		rc = align_err_set(e, EX_NOINPUT, path.p, 0, 0,
		    "cannot read the pseudonym key");
	align_buf_release(&dir);
	align_buf_release(&path);
	return rc < 0 ? -1 : 0;
}

int
align_pseudonym(const unsigned char key[16], const char *name,
    char out[ALIGN_PSEUDONYM_MAX])
{
	utf8proc_uint8_t *folded = NULL;
	const char *s = name;
	size_t n;
	uint64_t h;

	/* "ana", "Ana" and " ANA " are one person. */
	while (*s == ' ' || *s == '\t')
		s++;
	if (utf8proc_map((const utf8proc_uint8_t *)s, 0, &folded,
	    UTF8PROC_NULLTERM | UTF8PROC_STABLE | UTF8PROC_COMPOSE |
	    UTF8PROC_CASEFOLD) < 0)
		return -1;
	n = strlen((char *)folded);
	while (n > 0 && (folded[n - 1] == ' ' || folded[n - 1] == '\t'))
		n--;
	h = align_siphash(key, folded, n);
	free(folded);
	snprintf(out, ALIGN_PSEUDONYM_MAX, "p-%010llx",
	    (unsigned long long)(h >> 24));
	return 0;
}

int
align_is_pseudonym(const char *name)
{
	return name && strncmp(name, "p-", 2) == 0 && strlen(name) == 12 &&
	    strspn(name + 2, "0123456789abcdef") == 10;
}

int
align_response_new(const char *participant, const char *source_at,
    const char *at, const char *question, const char *text,
    const unsigned char *key, struct align_count *seen,
    struct align_node **out, struct align_err *e)
{
	char alias[ALIGN_PSEUDONYM_MAX], id[19];
	unsigned long occ = 1;
	uint64_t h;
	struct align_node *n;

	if (participant && key) {
		if (align_pseudonym(key, participant, alias) < 0)
			return align_err_nomem(e);
		participant = alias;
	}
	if (align_response_hash(participant, source_at, text, &h) < 0)
		return align_err_nomem(e);
	if (source_at == NULL && seen && (occ = align_count_inc(seen, h)) == 0)
		return align_err_nomem(e);
	align_response_id_of(h, occ, id);
	n = align_record_new("response");
	if (n == NULL || align_map_put_str(n, "id", id) < 0 ||
	    (participant && align_map_put_str(n, "participant",
	    participant) < 0) ||
	    (at && align_map_put_str(n, "at", at) < 0) ||
	    (question && align_map_put_str(n, "question", question) < 0) ||
	    align_map_put_str(n, "text", text) < 0) {
		align_node_free(n);
		return align_err_nomem(e);
	}
	*out = n;
	return 0;
}

int
align_response_control_error(struct align_err *e, const char *file,
    unsigned long line, unsigned long col, unsigned cp)
{
	return align_err_set(e, EX_DATAERR, file, line, col, "%s (U+%04X) "
	    "in a response, which could reach a terminal as a command: not "
	    "recorded", align_control_name(cp), cp);
}
