#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <regex.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sysexits.h>
#include <unistd.h>
#include <yaml.h>

#include "buf.h"
#include "file.h"
#include "grow.h"
#include "hash.h"
#include "idset.h"
#include "reader.h"
#include "response.h"
#include "record.h"
#include "writer.h"

#define CHUNK 65536
#define AHEAD_BATCH 256		/* records handed over at a time */
#define AHEAD_BATCHES 8		/* batches read ahead at most */
#define AHEAD_WAKE 4		/* batches ready (or room) that wake */
/* A batch ends at AHEAD_BYTES of records; past AHEAD_MAX of them ready,
 * the thread waits until they are used: a theme of a million responses
 * is in memory once or twice, not as many times as there are batches. */
#define AHEAD_BYTES (1024 * 1024)
#define AHEAD_MAX (4 * 1024 * 1024)
/* Inputs that are regular files of fewer bytes than this are read without
 * the thread: a meeting's is parsed in less time than the thread, its
 * stack and its malloc arena take to make. */
#define AHEAD_MIN (256 * 1024)
/* A record longer than this is written, not copied (align_reader_bytes()):
 * its bytes would be held a second time, beside its nodes, and it is one
 * of few (a session of a survey, a large theme). */
#define BYTES_MAX AHEAD_BYTES

/* One open input file, its bytes validated as they are read. */
struct input {
	int fd;
	int open;
	int eof;
	int yaml;
	char name[256];
	size_t pos, len;	/* bytes [pos, len) are read, not consumed */
	long long limit;	/* read no more than this, or -1 */
	long long total;	/* bytes read so far */
	unsigned long line, col; /* position of the next byte to validate */
	int need;		/* continuation bytes still expected */
	unsigned char lo, hi;	/* range of the next continuation byte */
	unsigned char lead, prev; /* the character's first and last bytes */
	unsigned long bline, bcol; /* where that character began */
	size_t line_bytes;	/* bytes since the last newline */
	size_t since_doc;	/* bytes since the last "---" line */
	int dash;		/* dashes at the start of this line, or -1 */
	int mark;		/* a merge conflict marker's characters at the
				 * start of this line, or -1 */
	unsigned char markc;	/* and its character: < = > | */
	int odd;		/* a tab or a byte-order mark (past the
				 * first bytes) was read: see tape_hint() */
	unsigned char buf[CHUNK]; /* last: open_next() clears what is above */
};

struct frame {
	struct align_node *node;
	char *key;		/* map: a key waiting for its value */
	int kraw;		/* that key is raw (see align_map_key_raw()) */
	unsigned long kline, kcol;
};

/* The keys of the mapping being read, once it has more than KEYS_LINEAR
 * of them: a hash of their indices, so that the check for a duplicate
 * costs the same at the millionth key as at the first.  One mapping at a
 * time (the one a key was last read for); the keys attached since are
 * added as they are looked up. */
#define KEYS_LINEAR 32
struct keys {
	const struct align_node *map;	/* whose keys, or NULL */
	uint32_t *slot;			/* index + 1, or 0: empty */
	size_t cap, indexed;		/* map's keys 0 .. indexed-1 are in */
};

/* Reading ahead: a thread parses records into batches while the caller
 * uses the ones before. */
struct ahead_item {
	struct align_node *rec;
	size_t index;
	unsigned long line;
	int plain;
	const char *bytes;	/* see align_reader_bytes() */
	size_t nbytes, off;	/* reading ahead: at off in its batch's raw */
};

/* With opts.bytes: the bytes given to libyaml, from the end of the last
 * record on, and a byte and character index of the same place in them
 * (libyaml's marks count characters); the hints of the document being
 * read (align_emit_same()). */
struct tape {
	struct align_buf b;
	size_t at, chars;	/* b.p[at] is character chars of the file */
	size_t doc;		/* the character where the document began */
	unsigned char *hint;
	size_t nhint, chint;
	int failed;		/* out of memory: no bytes until the next file */
	int dropped;		/* the document's bytes dropped (tape_long()) */
};

struct ahead_batch {
	struct ahead_item item[AHEAD_BATCH];
	size_t n;
	struct align_pool pool;	/* where its YAML records live */
	struct align_buf raw;	/* the bytes of those that have them, apart
				 * from the pool, which a caller may keep */
	size_t bytes;		/* of the pool and raw, once ready */
	int rc;			/* after the items: 1 more, 0 end, -1 err */
	struct align_err err;
};

struct ahead {
	pthread_t thread;
	pthread_mutex_t mu;
	pthread_cond_t more, room;
	struct ahead_batch ring[AHEAD_BATCHES];
	size_t head, count;	/* batches ready: head, head + 1, ... */
	size_t bytes;		/* in the pools of those batches */
	int stop;
	int done;		/* the thread has read its last */
	int hungry, full;	/* the caller waits for more, the thread for
				 * room: woken when there is a good deal of
				 * it, for a wake-up costs more than a batch */
	struct ahead_batch fill; /* the one the thread is filling */
	size_t at;		/* items of ring[head] handed out */
	int taken;		/* ring[head] is the caller's */
	int given;		/* and its pool given to the caller to keep */
};

/* A list being read packed (reader.h's pack): its texts one after
 * another, and the count of each of its lists, until it ends; then one
 * packed node (node.h) in place of the list.  Anything a packed list
 * cannot hold met on the way, and what is packed so far is made nodes
 * again (pack_undo()), the rest read as nodes. */
struct pack {
	int on;			/* a list is being packed */
	int sp;			/* the depth of its frame (stack[sp - 1]) */
	int lists;		/* of lists of texts; 0: of texts */
	int text_key;		/* its key holds text (a raw text is text) */
	struct align_buf text;	/* the texts, each ended by its NUL */
	struct align_buf size;	/* lists: each one's count of texts */
	size_t ntext, nentry;	/* texts, entries (texts or lists) */
	size_t inlist;		/* texts in the list being read */
	struct align_node group; /* the frame of the list being read */
};

struct align_reader {
	char **paths;
	size_t npaths, next;
	struct align_read_opts o;
	struct input in;
	yaml_parser_t parser;
	int parser_live;
	struct frame stack[ALIGN_DEPTH_MAX + 1];
	int sp;
	struct align_node *root;
	struct align_err verr;	/* an error found while feeding libyaml */
	struct align_err ferr;	/* the error that stopped the reader */
	int failed;
	struct align_idset ids;	/* the ids read */
	const void *id_list;	/* the list of ids the record's id was
				 * looked for in, its entries not yet asked
				 * for (align_idset_prefetch()), or NULL */
	struct keys kidx;	/* the keys of a large mapping being read */
	struct align_count seen;
	struct align_buf line, para;
	unsigned long line_no, para_line;
	unsigned long rec_line;
	int rec_plain;
	struct ahead *ahead;	/* NULL: read when asked */
	struct align_pool *pool; /* reading ahead: YAML records are made
				 * here, not with malloc one node at a time */
	struct ahead_item out;	/* what the record last returned was */
	struct tape tape;
	const char *rec_bytes;	/* the record just read: its bytes */
	size_t rec_nbytes;
	struct align_buf *raw;	/* reading ahead: where they are copied */
	size_t rec_off;		/* and at what offset */
	struct pack pack;
};

static void ahead_stop(struct align_reader *);
static void ahead_nudge(struct ahead *);

static int
verr(struct align_reader *r, unsigned long line, unsigned long col,
    const char *msg)
{
	return align_err_set(&r->verr, EX_DATAERR, r->in.name, line, col,
	    "%s", msg);
}

/* Bytes that are not UTF-8: most often an export in Windows-1252 (or
 * Latin-1, which it extends), which iconv converts. */
static int
bad_utf8(struct align_reader *r, unsigned long line, unsigned long col,
    int lead)
{
	const char *name = strcmp(r->in.name, "<stdin>") == 0 ? "FILE" :
	    r->in.name;

	/* UTF-16 starts with its byte-order mark, FF FE or FE FF. */
	if (line == 1 && col == 1 && (lead == 0xff || lead == 0xfe))
		return align_err_set(&r->verr, EX_DATAERR, r->in.name, 1, 1,
		    "the file is UTF-16, not UTF-8 (convert it: iconv -f "
		    "UTF-16 -t UTF-8 %s >new)", name);
	return align_err_set(&r->verr, EX_DATAERR, r->in.name, line, col,
	    "invalid UTF-8: the file must be UTF-8 (from Windows-1252 or "
	    "Latin-1: iconv -f WINDOWS-1252 -t UTF-8 %s >new)", name);
}

/* How many of the first n bytes of p are printable ASCII, looked at in
 * whole words of eight (the word that holds another byte byte by byte,
 * up to it). */
static size_t
ascii_run(const unsigned char *p, size_t n)
{
	const uint64_t ones = 0x0101010101010101u, high = 0x8080808080808080u;
	const uint64_t del = ones * 0x7f;
	size_t i;

	for (i = 0; i + 8 <= n; i += 8) {
		uint64_t w, x;

		memcpy(&w, p + i, 8);
		x = w ^ del;
		/* A byte over 0x7f, under 0x20 (NUL, newline, tab, the
		 * controls), or DEL ends the run. */
		if ((w & high) | ((w - ones * 0x20) & ~w & high) |
		    ((x - ones) & ~x & high))
			break;
	}
	if (i + 8 <= n)
		while (p[i] >= 0x20 && p[i] < 0x7f)
			i++;
	return i;
}

/* A line that starts as git marks a merge conflict: "<<<<<<< ours",
 * "=======", ">>>>>>> theirs" (and diff3's "||||||| base").  In->mark
 * counts the marker's characters; 1 when c ends a marker line (a space or
 * tab after seven of < > |, a carriage return after any seven). */
static int
marker(struct input *in, unsigned char c)
{
	if (in->mark == 0) {
		in->markc = c;
		in->mark = c == '<' || c == '=' || c == '>' || c == '|' ? 1 : -1;
	} else if (in->mark < 7) {
		in->mark = c == in->markc ? in->mark + 1 : -1;
	} else {
		if (c == '\r' || ((c == ' ' || c == '\t') && in->markc != '='))
			return 1;
		in->mark = -1;
	}
	return 0;
}

static int
conflict(struct align_reader *r)
{
	return verr(r, r->in.line, 1, "unresolved merge conflict: keep one "
	    "side and remove the markers");
}

/* Check bytes [from, to) of the buffer: UTF-8, no NUL, bounded lines and
 * records.  Keeps the position of every byte.  Longer than a screen: one
 * pass a byte, the hot loop of every read, its state (the character, the
 * line, the markers at a line's start) kept in locals for speed. */
static int
validate(struct align_reader *r, size_t from, size_t to)
{
	struct input *in = &r->in;
	size_t i;

	for (i = from; i < to; i++) {
		unsigned char c = in->buf[i];

		/* Inside a line, outside a character: skip a run of plain
		 * ASCII eight bytes at a time, unless a bound is near. */
		if (in->need == 0 && in->dash < 0 && in->mark < 0 &&
		    to - i >= 8) {
			size_t j = ascii_run(in->buf + i, to - i);

			if (j > 0 && in->line_bytes + j <= ALIGN_LINE_MAX &&
			    in->since_doc + j <= ALIGN_RECORD_MAX) {
				in->col += j;
				in->line_bytes += j;
				if (in->yaml)
					in->since_doc += j;
				i += j - 1;
				continue;
			}
		}
		if (in->need > 0) {
			if (c < in->lo || c > in->hi)
				return bad_utf8(r, in->bline, in->bcol, -1);
			in->need--;
			in->lo = 0x80;
			in->hi = 0xbf;
			/* What YAML does not allow, said where it is: the C1
			 * controls but NEL, and U+FFFE and U+FFFF. */
			if (in->need == 0 && in->lead == 0xef &&
			    in->prev == 0xbb && c == 0xbf &&
			    (in->bline != 1 || in->bcol != 1))
				in->odd = 1;
			if (in->yaml && in->need == 0 && ((in->lead == 0xc2 &&
			    c < 0xa0 && c != 0x85) || (in->lead == 0xef &&
			    in->prev == 0xbf && c >= 0xbe))) {
				char msg[64];

				snprintf(msg, sizeof(msg), "character U+%04X is "
				    "not allowed", in->lead == 0xc2 ? c :
				    0xffc0 | (c & 0x3f));
				return verr(r, in->bline, in->bcol, msg);
			}
			in->prev = c;
		} else if (c == '\n') {
			if (in->mark == 7)
				return conflict(r);
			in->line++;
			in->col = 1;
			in->line_bytes = 0;
			in->dash = 0;
			in->mark = 0;
			if (in->yaml && ++in->since_doc > ALIGN_RECORD_MAX)
				return verr(r, in->line - 1, 1,
				    "record longer than 64 MiB");
			continue;
		} else if (c == 0) {
			return verr(r, in->line, in->col, "NUL byte in text");
		} else if (c < 0x80) {
			if (c == '\t')
				in->odd = 1;
			/* libyaml refuses them too, but by byte offset. */
			if (in->yaml && ((c < 0x20 && c != '\t' && c != '\r') ||
			    c == 0x7f)) {
				char msg[64];

				snprintf(msg, sizeof(msg), "control character "
				    "U+%04X is not allowed", c);
				return verr(r, in->line, in->col, msg);
			}
			in->col++;
			if (in->dash >= 0 && c == '-' && ++in->dash == 3) {
				in->since_doc = 0;
				in->dash = -1;
			} else if (c != '-') {
				in->dash = -1;
			}
			if (in->mark >= 0 && marker(in, c))
				return conflict(r);
		} else {
			in->bline = in->line;
			in->bcol = in->col++;
			in->dash = -1;
			in->mark = -1;
			in->lead = c;
			in->lo = 0x80;
			in->hi = 0xbf;
			if (c >= 0xc2 && c <= 0xdf)
				in->need = 1;
			else if (c >= 0xe0 && c <= 0xef)
				in->need = 2;
			else if (c >= 0xf0 && c <= 0xf4)
				in->need = 3;
			else
				return bad_utf8(r, in->bline, in->bcol, c);
			if (c == 0xe0)
				in->lo = 0xa0;
			else if (c == 0xed)
				in->hi = 0x9f;
			else if (c == 0xf0)
				in->lo = 0x90;
			else if (c == 0xf4)
				in->hi = 0x8f;
		}
		if (++in->line_bytes > ALIGN_LINE_MAX)
			return verr(r, in->line, in->col,
			    "line longer than 1 MiB");
		if (in->yaml && ++in->since_doc > ALIGN_RECORD_MAX)
			return verr(r, in->line, in->col,
			    "record longer than 64 MiB");
	}
	return 0;
}

/* Read more bytes.  -1 with r->verr on an error. */
static int
fill(struct align_reader *r)
{
	struct input *in = &r->in;
	ssize_t n;

	if (in->eof)
		return 0;
	if (in->pos > 0) {
		memmove(in->buf, in->buf + in->pos, in->len - in->pos);
		in->len -= in->pos;
		in->pos = 0;
	}
	if (in->len == sizeof(in->buf))
		return 0;
	{
		size_t want = sizeof(in->buf) - in->len;

		/* An unfinished append beyond the limit is not read. */
		if (in->limit >= 0 && (long long)want > in->limit - in->total)
			want = in->limit > in->total ?
			    (size_t)(in->limit - in->total) : 0;
		/* Reading ahead, the thread may be stopped while it waits;
		 * and what it has read is for the caller to take now. */
		if (r->ahead) {
			ahead_nudge(r->ahead);
			pthread_setcancelstate(PTHREAD_CANCEL_ENABLE, NULL);
		}
		do
			n = want ? read(in->fd, in->buf + in->len, want) : 0;
		while (n < 0 && errno == EINTR);
		if (r->ahead)
			pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	}
	if (n < 0)
		return align_err_set(&r->verr, EX_IOERR, in->name, 0, 0,
		    "read error: %s", strerror(errno));
	if (n == 0) {
		in->eof = 1;
		if (in->mark == 7)
			return conflict(r);
		if (in->need > 0)
			return verr(r, in->bline, in->bcol,
			    "truncated UTF-8 character at the end of the file");
		return 0;
	}
	in->len += (size_t)n;
	in->total += n;
	return validate(r, in->len - (size_t)n, in->len);
}

/* A document longer than BYTES_MAX is written, not copied: its bytes are
 * not kept while it is read (a round of 166,667 pairs is 10 MB of text,
 * held twice over by a growing buffer).  Its characters are counted as
 * they are dropped, so that the next document is found; the last
 * BYTES_MAX bytes stay, for libyaml reads far less than that ahead of the
 * event it gives, and the next document may begin in them. */
static void
tape_long(struct tape *t)
{
	size_t cut, i, n = 0;

	if (t->failed || (t->chars != t->doc && !t->dropped) ||
	    t->b.len - t->at <= 2 * (size_t)BYTES_MAX)
		return;
	cut = t->b.len - BYTES_MAX;
	while (cut > t->at && (t->b.p[cut] & 0xc0) == 0x80)
		cut--;
	for (i = t->at; i < cut; i++)
		n += (t->b.p[i] & 0xc0) != 0x80;
	memmove(t->b.p, t->b.p + cut, t->b.len - cut);
	t->b.len -= cut;
	t->at = 0;
	t->chars += n;
	t->dropped = 1;
}

static int
read_handler(void *data, unsigned char *buffer, size_t size,
    size_t *size_read)
{
	struct align_reader *r = data;
	struct input *in = &r->in;
	size_t n;

	if (in->pos == in->len && fill(r) < 0)
		return 0;
	n = in->len - in->pos;
	if (n > size)
		n = size;
	memcpy(buffer, in->buf + in->pos, n);
	if (r->o.bytes && !r->tape.failed) {
		align_buf_add(&r->tape.b, (const char *)in->buf + in->pos, n);
		r->tape.failed = r->tape.b.failed;
		tape_long(&r->tape);
	}
	in->pos += n;
	*size_read = n;
	return 1;
}

/* The tape emptied for a new file. */
static void
tape_reset(struct tape *t)
{
	align_buf_reset(&t->b);
	t->at = t->chars = t->doc = 0;
	t->nhint = 0;
	t->failed = 0;
	t->dropped = 0;
}

static void
tape_release(struct tape *t)
{
	align_buf_release(&t->b);
	free(t->hint);
}

/* The byte of the tape where character c of the file begins, counted on
 * from the last one found (c is never before it), eight bytes at a time
 * while at least eight characters are to go; SIZE_MAX when the tape does
 * not reach it.  A character is a byte that does not continue one. */
static size_t
tape_seek(struct tape *t, size_t c)
{
	const uint64_t high = 0x8080808080808080u, ones = 0x0101010101010101u;
	const unsigned char *p = (const unsigned char *)t->b.p;
	size_t at = t->at, ch = t->chars, len = t->b.len;

	if (c < ch)
		return SIZE_MAX;
	while (c - ch >= 8 && len - at >= 8) {
		uint64_t w, cont;

		memcpy(&w, p + at, 8);
		cont = w & ~(w << 1) & high;	/* 10xxxxxx */
		ch += 8 - (size_t)(((cont >> 7) * ones) >> 56);
		at += 8;
	}
	for (; at < len; at++) {
		if ((p[at] & 0xc0) == 0x80)
			continue;
		if (ch == c)
			break;
		ch++;
	}
	if (ch != c)
		return SIZE_MAX;
	t->at = at;
	t->chars = ch;
	return at;
}

/* A document starts at character c: the bytes before it dropped (when
 * they are a good part of the tape, so that little is moved), its hints
 * begun. */
static void
tape_doc(struct tape *t, size_t c)
{
	t->nhint = 0;
	if (t->failed)
		return;
	if (tape_seek(t, c) == SIZE_MAX) {
		t->failed = 1;
		return;
	}
	t->doc = c;
	t->dropped = 0;
	if (t->b.cap > 4 * BYTES_MAX) {
		/* The room a large record took given back. */
		struct align_buf b = ALIGN_BUF_INIT;

		align_buf_add(&b, t->b.p + t->at, t->b.len - t->at);
		align_buf_release(&t->b);
		t->b = b;
		t->at = 0;
		t->failed = b.failed;
	} else if (t->at >= 65536 && t->at * 2 >= t->b.len) {
		memmove(t->b.p, t->b.p + t->at, t->b.len - t->at);
		t->b.len -= t->at;
		t->at = 0;
	}
}

/* The hint of a key or a scalar value, raw when of another type than
 * text (align_emit_same()). */
static inline void
tape_hint(struct align_reader *r, const yaml_event_t *ev, int raw)
{
	struct tape *t = &r->tape;

	if (t->failed)
		return;
	if (ALIGN_GROW(t->hint, t->nhint + 1, t->chint) < 0) {
		t->failed = 1;
		return;
	}
	t->hint[t->nhint++] = ev->data.scalar.style ==
	    YAML_PLAIN_SCALAR_STYLE && ev->data.scalar.tag == NULL &&
	    ev->start_mark.line == ev->end_mark.line && !r->in.odd ?
	    1 + (raw != 0) : 0;
}

/* Whether s[0..n) begins with a line "---", where a document starts. */
static int
doc_marker(const char *s, size_t n)
{
	return n >= 3 && memcmp(s, "---", 3) == 0 && (n == 3 ||
	    s[3] == '\n' || s[3] == ' ' || s[3] == '\r' || s[3] == '\t');
}

/* The document rec, which ended at character end, read: its bytes kept
 * (in the batch's raw when reading ahead) when they begin with what the
 * writer makes of it.  Only that decides what is copied; where the tape
 * stands only decides whether they are found.  When the next document's
 * "---" (or the end) follows the bytes matched, the document ended there,
 * at character end; else the characters are counted to it.
 */
static void
tape_record(struct align_reader *r, const struct align_node *rec,
    size_t end)
{
	struct tape *t = &r->tape;
	size_t from = t->at, n;

	if (t->failed || t->chars != t->doc)
		return;
	n = t->b.len - from > BYTES_MAX ? 0 : align_emit_same(rec,
	    t->b.p + from, t->b.len - from, t->hint, t->nhint);
	if (n > 0 && (from + n == t->b.len ||
	    doc_marker(t->b.p + from + n, t->b.len - from - n))) {
		t->at = from + n;
		t->chars = end;
	} else if (tape_seek(t, end) == SIZE_MAX) {
		t->failed = 1;
		return;
	}
	if (n == 0)
		return;
	if (r->raw == NULL) {
		r->rec_bytes = t->b.p + from;
		r->rec_nbytes = n;
		return;
	}
	r->rec_off = r->raw->len;
	align_buf_add(r->raw, t->b.p + from, n);
	r->rec_nbytes = r->raw->failed ? 0 : n;
	if (r->raw->failed)	/* out of memory: no more bytes */
		t->failed = 1;
}

/* YAML or plain text?  Look at the first line that is neither blank nor a
 * comment. */
static int
detect(struct align_reader *r)
{
	struct input *in = &r->in;

	for (;;) {
		const char *p = (const char *)in->buf + in->pos;
		const char *end = (const char *)in->buf + in->len;

		if (in->len - in->pos >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
			p += 3;
		while (p < end) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));

			if (nl == NULL && !in->eof && in->len < sizeof(in->buf))
				break;
			while (p < end && (*p == ' ' || *p == '\t' ||
			    *p == '\r'))
				p++;
			if (p == end || *p == '\n' || *p == '#') {
				if (nl == NULL)
					break;
				p = nl + 1;
				continue;
			}
			in->yaml = (end - p >= 3 && memcmp(p, "---", 3) == 0) ||
			    (end - p >= 5 && memcmp(p, "%YAML", 5) == 0) ||
			    (end - p >= 5 && memcmp(p, "kind:", 5) == 0);
			return 0;
		}
		if (in->eof || in->len == sizeof(in->buf)) {
			in->yaml = in->eof;
			return 0;
		}
		if (fill(r) < 0)
			return -1;
	}
}

/* Whether path is "-", standard input.  Not strcmp(3): after its check
 * of a null argument, UBSan at -O1 leaves gcc a way where path is NULL,
 * and the snprintf of open_file() fails -Werror=format-truncation. */
static int
is_stdin(const char *path)
{
	return path[0] == '-' && path[1] == '\0';
}

/* The file path into in, as it is now, less an unfinished append, and
 * from the reader's offset when it is the first; 0, or -1 and e. */
static int
open_file(struct align_reader *r, struct input *in, const char *path,
    struct align_err *e)
{
	struct stat st;

	snprintf(in->name, sizeof(in->name), "%s", path);
	in->fd = open(path, O_RDONLY | O_CLOEXEC);
	if (in->fd < 0)
		return align_err_set(e, EX_NOINPUT, path, 0, 0,
		    "cannot open: %s", strerror(errno));
	if (fstat(in->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
		close(in->fd);
		return align_err_set(e, EX_NOINPUT, path, 0, 0,
		    "is a directory");
	}
	in->limit = align_append_limit_fd(in->fd, path);
	if (r->next == 1 && r->o.from > 0) {
		if (lseek(in->fd, (off_t)r->o.from, SEEK_SET) < 0) {
			close(in->fd);
			return align_err_set(e, EX_IOERR, path, 0, 0,
			    "cannot seek: %s", strerror(errno));
		}
		in->total = r->o.from;
	}
	return 0;
}

static int
open_next(struct align_reader *r, struct align_err *e)
{
	struct input *in = &r->in;
	const char *path = r->npaths ? r->paths[r->next] : "-";

	r->next++;
	memset(in, 0, offsetof(struct input, buf));
	in->line = in->col = 1;
	in->limit = -1;
	if (is_stdin(path)) {
		in->fd = STDIN_FILENO;
		snprintf(in->name, sizeof(in->name), "<stdin>");
	} else {
		if (open_file(r, in, path, e) < 0)
			return -1;
	}
	in->open = 1;
	in->yaml = 1;	/* until told otherwise: bound records while peeking */
	if (detect(r) < 0) {
		*e = r->verr;
		return -1;
	}
	if (in->yaml) {
		/* libyaml, told the encoding, would take a byte-order mark
		 * for content: it goes, as it does before plain text. */
		if (in->len - in->pos >= 3 &&
		    memcmp(in->buf + in->pos, "\xef\xbb\xbf", 3) == 0)
			in->pos += 3;
		tape_reset(&r->tape);
		if (!yaml_parser_initialize(&r->parser))
			return align_err_nomem(e);
		r->parser_live = 1;
		yaml_parser_set_encoding(&r->parser, YAML_UTF8_ENCODING);
		yaml_parser_set_input(&r->parser, read_handler, r);
	} else {
		align_count_release(&r->seen);
	}
	return 0;
}

static void
close_input(struct align_reader *r)
{
	int i;

	if (r->parser_live)
		yaml_parser_delete(&r->parser);
	r->parser_live = 0;
	if (r->in.open && r->in.fd != STDIN_FILENO)
		close(r->in.fd);
	r->in.open = 0;
	for (i = 0; i < r->sp; i++) {
		align_node_free(r->stack[i].node);
		if (r->pool == NULL)
			free(r->stack[i].key);
	}
	r->sp = 0;
	r->pack.on = 0;
	align_node_free(r->root);
	r->root = NULL;
}

struct align_reader *
align_reader_open(char *const *paths, size_t n,
    const struct align_read_opts *o, struct align_err *e)
{
	struct align_reader *r = calloc(1, sizeof(*r));
	size_t i;

	if (r == NULL || (n && (r->paths = calloc(n, sizeof(char *))) ==
	    NULL)) {
		free(r);
		align_err_nomem(e);
		return NULL;
	}
	for (i = 0; i < n; i++)
		if ((r->paths[i] = strdup(paths[i])) == NULL) {
			r->npaths = i;
			align_reader_free(r);
			align_err_nomem(e);
			return NULL;
		}
	r->npaths = n;
	if (o)
		r->o = *o;
	r->out.index = SIZE_MAX;
	return r;
}

void
align_reader_free(struct align_reader *r)
{
	size_t i;

	if (r == NULL)
		return;
	if (r->ahead)
		ahead_stop(r);
	close_input(r);
	for (i = 0; i < r->npaths; i++)
		free(r->paths[i]);
	free(r->paths);
	align_idset_release(&r->ids);
	free(r->kidx.slot);
	align_count_release(&r->seen);
	align_buf_release(&r->line);
	align_buf_release(&r->para);
	tape_release(&r->tape);
	align_buf_release(&r->pack.text);
	align_buf_release(&r->pack.size);
	free(r);
}

const char *
align_reader_file(const struct align_reader *r)
{
	size_t i = r->out.index;

	if (i == SIZE_MAX)
		return "";
	return r->npaths == 0 || strcmp(r->paths[i], "-") == 0 ? "<stdin>" :
	    r->paths[i];
}

unsigned long
align_reader_line(const struct align_reader *r)
{
	return r->out.line;
}

size_t
align_reader_index(const struct align_reader *r)
{
	return r->out.index == SIZE_MAX ? 0 : r->out.index;
}

int
align_reader_claim(struct align_reader *r, const char *id)
{
	return align_idset_add(&r->ids, id, strlen(id));
}

const char *
align_reader_bytes(const struct align_reader *r, size_t *n)
{
	*n = r->out.nbytes;
	return r->out.bytes;
}

int
align_reader_plain(const struct align_reader *r)
{
	return r->out.plain;
}

static void
clear_raw(struct align_node *n)
{
	size_t i;

	n->raw = 0;
	for (i = 0; n->type != ALIGN_TEXTS && i < n->n; i++)
		clear_raw(n->item[i]);
}

/* A document is complete: check it is a record and keep it, unless a
 * record with its id came before.  1 kept, 0 skipped, -1 error. */
static int
finish_record(struct align_reader *r, struct align_node *root,
    unsigned long line, unsigned long col, struct align_err *e)
{
	struct align_node *kind, *id;
	size_t i;
	int rc;

	if (root->type == ALIGN_SCALAR && root->raw &&
	    (root->len == 0 || strcmp(root->str, "~") == 0 ||
	    strcmp(root->str, "null") == 0))
		return 0;	/* an empty document */
	if (root->line) {
		line = root->line;
		col = root->col;
	}
	if (root->type != ALIGN_MAP)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "expected a mapping (a record with a 'kind')");
	kind = align_map_get(root, "kind");
	if (kind == NULL)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "record has no 'kind'");
	if (kind->type != ALIGN_SCALAR || kind->len == 0)
		return align_err_set(e, EX_DATAERR, r->in.name, kind->line,
		    kind->col, "'kind' must be a word such as 'response'");
	for (i = 0; i < root->n; i++)
		if ((root->item[i]->raw || root->item[i]->type !=
		    ALIGN_SCALAR) && align_key_is_text(kind->str,
		    root->key[i]))
			clear_raw(root->item[i]);
	id = align_map_get(root, "id");
	if (id == NULL)
		return 1;
	if (id->type != ALIGN_SCALAR || id->len == 0)
		return align_err_set(e, EX_DATAERR, r->in.name, id->line,
		    id->col, "'id' must be text");
	r->id_list = NULL;	/* the set changes */
	rc = align_idset_add(&r->ids, id->str, id->len);
	if (rc < 0)
		return align_err_nomem(e);
	return rc;
}

static int
tag_raw(const char *tag, int *raw)
{
	static const char pre[] = "tag:yaml.org,2002:";
	static const char *const ok[] = { "str", "int", "float", "bool",
	    "null", "seq", "map", NULL };
	size_t i;

	if (tag == NULL)
		return 0;
	if (strncmp(tag, pre, sizeof(pre) - 1) != 0)
		return -1;
	tag += sizeof(pre) - 1;
	for (i = 0; ok[i]; i++)
		if (strcmp(tag, ok[i]) == 0) {
			*raw = i > 0 && i < 5;
			return 0;
		}
	return -1;
}

/* Put n where the parser is: the root, a sequence item, a key or a
 * value. */
static int
attach(struct align_reader *r, struct align_node *n, struct align_err *e)
{
	struct frame *top;
	int rc;

	if (r->sp == 0) {
		r->root = n;
		return 0;
	}
	top = &r->stack[r->sp - 1];
	if (r->pool) {
		rc = align_pool_append(r->pool, top->node, top->key, n);
		if (rc == 0 && top->key && top->kraw)
			rc = align_pool_key_raw(r->pool, top->node);
		top->key = NULL;
		return rc < 0 ? align_err_nomem(e) : 0;
	}
	if (top->node->type == ALIGN_SEQ) {
		if (align_seq_push(top->node, n) < 0)
			return align_err_nomem(e);
		return 0;
	}
	/* A value: its key came before (see map_key()), and was new. */
	rc = align_map_append(top->node, top->key, n);
	if (rc == 0 && top->kraw)
		rc = align_map_set_key_raw(top->node, top->node->n - 1);
	top->key = NULL;
	return rc < 0 ? align_err_nomem(e) : 0;
}

static int
parser_error(struct align_reader *r, struct align_err *e)
{
	yaml_parser_t *p = &r->parser;

	if (r->verr.status) {
		*e = r->verr;
		return -1;
	}
	if (p->error == YAML_MEMORY_ERROR)
		return align_err_nomem(e);
	if (p->error == YAML_READER_ERROR)
		return align_err_set(e, EX_DATAERR, r->in.name, 0, 0,
		    "%s at byte %zu", p->problem ? p->problem : "read error",
		    p->problem_offset);
	if (p->context)
		return align_err_set(e, EX_DATAERR, r->in.name,
		    p->problem_mark.line + 1, p->problem_mark.column + 1,
		    "%s (%s at line %zu)", p->problem ? p->problem : "error",
		    p->context, p->context_mark.line + 1);
	return align_err_set(e, EX_DATAERR, r->in.name,
	    p->problem_mark.line + 1, p->problem_mark.column + 1, "%s",
	    p->problem ? p->problem : "not YAML");
}

/* YAML 1.1's types of plain scalars, as PyYAML resolves them. */
static const char *const yaml11[][2] = {
	{ "null", "^(~|null|Null|NULL|)$" },
	{ "bool", "^(yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|"
	    "on|On|ON|off|Off|OFF)$" },
	{ "int", "^([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(0|[1-9][0-9_]*)|"
	    "[-+]?0x[0-9a-fA-F_]+|[-+]?[1-9][0-9_]*(:[0-5]?[0-9])+)$" },
	{ "float", "^([-+]?[0-9][0-9_]*\\.[0-9_]*([eE][-+][0-9]+)?|"
	    "\\.[0-9][0-9_]*([eE][-+][0-9]+)?|"
	    "[-+]?[0-9][0-9_]*(:[0-5]?[0-9])+\\.[0-9_]*|"
	    "[-+]?\\.(inf|Inf|INF)|\\.(nan|NaN|NAN))$" },
};

/* A scalar tagged null, bool, int or float is kept untagged, written
 * plain: its text must be one of that type, read back as it.  1 when it
 * is (or the tag is another), 0 when not, -1 when out of memory. */
static int
tag_fits(const char *tag, const char *s)
{
	static const char pre[] = "tag:yaml.org,2002:";
	size_t i;
	regex_t re;
	int rc;

	if (tag == NULL || strncmp(tag, pre, sizeof(pre) - 1) != 0)
		return 1;
	tag += sizeof(pre) - 1;
	for (i = 0; i < sizeof(yaml11) / sizeof(yaml11[0]); i++)
		if (strcmp(tag, yaml11[i][0]) == 0)
			break;
	if (i == sizeof(yaml11) / sizeof(yaml11[0]))
		return 1;
	/* Compiled each time: tags are rare, and there is no state. */
	if (regcomp(&re, yaml11[i][1], REG_EXTENDED | REG_NOSUB) != 0)
		return -1;
	rc = regexec(&re, s, 0, NULL, 0) == 0;
	regfree(&re);
	return rc;
}

/* The checks a scalar's tag needs: allowed, and fitting its text. */
static int
check_tag(struct align_reader *r, const char *tag, const char *s, int *raw,
    unsigned long line, unsigned long col, struct align_err *e)
{
	int fits;

	if (tag_raw(tag, raw) < 0)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "tag '%s' is not allowed", tag);
	if ((fits = tag_fits(tag, s)) < 0)
		return align_err_nomem(e);
	if (!fits || (tag && (strstr(tag, ":seq") || strstr(tag, ":map"))))
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "tag '%s' on '%.40s', which is not one (write the value "
		    "plain, or quoted as text)", tag, s);
	return 0;
}

static uint64_t
key_hash(const char *s)
{
	uint64_t h = 14695981039346656037ULL;

	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211ULL;
	return h;
}

/* The slot of key s in k (where it is, or the empty one it would go in). */
static uint32_t *
key_slot(const struct keys *k, const struct align_node *map, const char *s)
{
	size_t i = (size_t)key_hash(s) & (k->cap - 1);

	while (k->slot[i] && strcmp(map->key[k->slot[i] - 1], s) != 0)
		i = (i + 1) & (k->cap - 1);
	return &k->slot[i];
}

/* Index the keys of map not yet in k (all of them when k held another
 * mapping).  0, or -1 when out of memory. */
static int
keys_index(struct keys *k, const struct align_node *map)
{
	if (k->map != map || k->indexed > map->n) {
		k->map = map;
		k->indexed = 0;
		if (k->slot)
			memset(k->slot, 0, k->cap * sizeof(*k->slot));
	}
	if ((map->n + 1) * 2 > k->cap) {
		size_t cap = k->cap ? k->cap : 256;

		while ((map->n + 1) * 2 > cap)
			cap *= 2;
		free(k->slot);
		if ((k->slot = calloc(cap, sizeof(*k->slot))) == NULL) {
			k->map = NULL;
			k->cap = 0;
			return -1;
		}
		k->cap = cap;
		k->indexed = 0;
	}
	for (; k->indexed < map->n; k->indexed++)
		*key_slot(k, map, map->key[k->indexed]) =
		    (uint32_t)k->indexed + 1;
	return 0;
}

/* The index of key s in map, or -1; -2 when out of memory. */
static long
key_find(struct align_reader *r, const struct align_node *map, const char *s)
{
	uint32_t *slot;

	if (map->n <= KEYS_LINEAR) {
		if (r->kidx.map == map)
			r->kidx.map = NULL;	/* it may be a new one there */
		return align_map_find(map, s);
	}
	if (keys_index(&r->kidx, map) < 0)
		return -2;
	slot = key_slot(&r->kidx, map, s);
	return *slot ? (long)*slot - 1 : -1;
}

/* A scalar where a mapping expects a key: kept as the key of the value to
 * come (its string taken from the event), unless it repeats one.  A plain
 * key of another type than text (1, true, ~, <<) is raw: written back
 * plain, as it was. */
static int
map_key(struct align_reader *r, yaml_event_t *ev, unsigned long line,
    unsigned long col, struct align_err *e)
{
	struct frame *top = &r->stack[r->sp - 1];
	const char *s = (const char *)ev->data.scalar.value;
	const char *tag = (const char *)ev->data.scalar.tag;
	int raw = 0;
	long i;

	if (ev->data.scalar.anchor)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "anchors are not allowed");
	if (check_tag(r, tag, s, &raw, line, col, e) < 0)
		return -1;
	if (tag == NULL)
		raw = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
		    align_implicit_type(s, ev->data.scalar.length);
	if (r->o.bytes)
		tape_hint(r, ev, raw);
	if ((i = key_find(r, top->node, s)) == -2)
		return align_err_nomem(e);
	if (i >= 0)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "duplicate key '%s'%s", s, align_map_key_raw(top->node,
		    (size_t)i) == raw ? "" : " (once as text, once as a "
		    "number, boolean or null: keys are told apart by their "
		    "text)");
	top->kraw = raw;
	if (r->pool) {
		top->key = align_pool_strdup(r->pool, s,
		    ev->data.scalar.length);
		if (top->key == NULL)
			return align_err_nomem(e);
	} else {
		top->key = (char *)ev->data.scalar.value;
		ev->data.scalar.value = NULL;
	}
	top->kline = line;
	top->kcol = col;
	return 0;
}

/* What a node must be to be kept (n NULL: out of memory): no anchor, a
 * standard tag that fits it, a key no list or mapping, nesting bounded.
 * *raw is what its tag says of a scalar.  0, or -1 and e. */
static int
check_node(struct align_reader *r, const struct align_node *n,
    const char *anchor, const char *tag, int *raw, unsigned long line,
    unsigned long col, struct align_err *e)
{
	const struct frame *top = r->sp > 0 ? &r->stack[r->sp - 1] : NULL;

	if (n == NULL)
		return align_err_nomem(e);
	if (anchor)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "anchors are not allowed");
	if (n->type == ALIGN_SCALAR)
		return check_tag(r, tag, n->str, raw, line, col, e);
	if (tag && strcmp(tag, n->type == ALIGN_SEQ ?
	    "tag:yaml.org,2002:seq" : "tag:yaml.org,2002:map") != 0)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "tag '%s' is not allowed on a %s", tag,
		    n->type == ALIGN_SEQ ? "list" : "mapping");
	if (top && top->node->type == ALIGN_MAP && top->key == NULL)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "a key must be a word, not a list or a mapping");
	if (r->sp >= ALIGN_DEPTH_MAX)
		return align_err_set(e, EX_DATAERR, r->in.name, line, col,
		    "nested deeper than %d levels", ALIGN_DEPTH_MAX);
	return 0;
}

/* The scratch of a list packed emptied, the room of a large one given
 * back. */
static void
pack_clear(struct pack *pk)
{
	pk->on = 0;
	pk->ntext = pk->nentry = pk->inlist = 0;
	if (pk->text.cap > AHEAD_BYTES)
		align_buf_release(&pk->text);
	else
		align_buf_reset(&pk->text);
	if (pk->size.cap > AHEAD_BYTES)
		align_buf_release(&pk->size);
	else
		align_buf_reset(&pk->size);
}

/* A list begins, its frame just pushed: packed when the record's kind and
 * the key it is the value of are among the options' pack. */
static void
pack_start(struct align_reader *r)
{
	const struct align_node *root = r->stack[0].node;
	const char *key = r->stack[0].key;
	struct pack *pk = &r->pack;
	size_t i;

	if (r->sp != 2 || root->type != ALIGN_MAP || root->n == 0 ||
	    key == NULL || strcmp(root->key[0], "kind") != 0 ||
	    root->item[0]->type != ALIGN_SCALAR)
		return;
	for (i = 0; i < r->o.npack; i++)
		if (strcmp(r->o.pack[i].kind, root->item[0]->str) == 0 &&
		    strcmp(r->o.pack[i].key, key) == 0)
			break;
	if (i == r->o.npack)
		return;
	pack_clear(pk);
	pk->on = 1;
	pk->sp = r->sp;
	pk->lists = r->o.pack[i].lists;
	pk->text_key = align_key_is_text(root->item[0]->str, key);
	pk->group.type = ALIGN_SEQ;
	pk->group.pooled = 1;	/* not the frame's to free */
}

/* A text made a node, pooled when reading ahead. */
static struct align_node *
pack_node(struct align_reader *r, const char *s)
{
	return r->pool ? align_pool_scalar(r->pool, s, strlen(s)) :
	    align_scalar(s, strlen(s));
}

/* Append v to the list to. */
static int
pack_append(struct align_reader *r, struct align_node *to,
    struct align_node *v)
{
	if (r->pool)
		return v ? align_pool_append(r->pool, to, NULL, v) : -1;
	return align_seq_push(to, v);
}

/* What is packed so far made nodes in the list's frame (and in the frame
 * of the list being read, when inside one), and the packing given up:
 * the event that did not fit is then read as nodes are.  0, or -1 and
 * e. */
static int
pack_undo(struct align_reader *r, struct align_err *e)
{
	struct pack *pk = &r->pack;
	struct align_node *list = r->stack[pk->sp - 1].node, *g;
	const char *s = pk->text.p;
	size_t i, j;

	pk->on = 0;
	for (i = 0; i < pk->nentry; i++) {
		if (!pk->lists) {
			if (pack_append(r, list, pack_node(r, s)) < 0)
				return align_err_nomem(e);
			s += strlen(s) + 1;
			continue;
		}
		g = r->pool ? align_pool_container(r->pool, ALIGN_SEQ) :
		    align_seq();
		for (j = 0; g && j < (unsigned char)pk->size.p[i]; j++) {
			if (pack_append(r, g, pack_node(r, s)) < 0) {
				align_node_free(g);
				g = NULL;
			}
			s += strlen(s) + 1;
		}
		if (pack_append(r, list, g) < 0)
			return align_err_nomem(e);
	}
	if (r->sp == pk->sp + 1) {
		/* Inside one of its lists: that list's frame made a node. */
		if ((g = r->pool ? align_pool_container(r->pool, ALIGN_SEQ) :
		    align_seq()) == NULL)
			return align_err_nomem(e);
		g->line = pk->group.line;
		g->col = pk->group.col;
		r->stack[r->sp - 1].node = g;
		for (j = 0; j < pk->inlist; j++) {
			if (pack_append(r, g, pack_node(r, s)) < 0)
				return align_err_nomem(e);
			s += strlen(s) + 1;
		}
	}
	pack_clear(pk);
	return 0;
}

/* A text of the list packed: 1, or what pack_undo() returns when it
 * cannot be (an anchor, a tag, a NUL, a list of more than 255, a raw
 * text where only text is kept), for the nodes to read it. */
static int
pack_text(struct align_reader *r, yaml_event_t *ev, struct align_err *e)
{
	struct pack *pk = &r->pack;
	const char *s = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	int raw;

	if (ev->data.scalar.anchor || ev->data.scalar.tag ||
	    memchr(s, 0, len) || (pk->lists && pk->inlist == 255))
		return pack_undo(r, e);
	raw = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
	    align_implicit_type(s, len);
	if (raw && !pk->text_key)
		return pack_undo(r, e);
	if (r->o.bytes)
		tape_hint(r, ev, raw);
	align_buf_add(&pk->text, s, len + 1);	/* and libyaml's NUL */
	if (pk->text.failed)
		return align_err_nomem(e);
	pk->ntext++;
	if (pk->lists)
		pk->inlist++;
	else
		pk->nentry++;
	return 1;
}

/* The list packed ends: its node in place of the list's in its frame,
 * for the end to attach as it does any list; an empty one is left a
 * list.  0, or -1 and e. */
static int
pack_end(struct align_reader *r, struct align_err *e)
{
	struct pack *pk = &r->pack;
	struct frame *f = &r->stack[r->sp - 1];
	struct align_node *n;
	char *text, *t;
	unsigned char *size = NULL;
	size_t len = pk->text.len;

	if (pk->nentry == 0) {
		pack_clear(pk);
		return 0;
	}
	/* The scratch is the node's, cut to its size, not copied: the
	 * texts of a round of everyone are not held twice. */
	text = pk->text.p;
	if ((t = realloc(text, len)) != NULL)
		text = t;
	pk->text = (struct align_buf)ALIGN_BUF_INIT;
	if (pk->lists) {
		size = (unsigned char *)pk->size.p;
		pk->size = (struct align_buf)ALIGN_BUF_INIT;
	}
	n = align_texts_take(r->pool, text, len, pk->ntext, size,
	    pk->nentry);
	if (n == NULL)
		return align_err_nomem(e);
	n->line = f->node->line;
	n->col = f->node->col;
	align_node_free(f->node);
	f->node = n;
	pack_clear(pk);
	return 0;
}

/* An event inside a list packed: 1 when it is taken in, 0 when it is to
 * be read as nodes (the list ends, or it cannot be packed), -1 and e. */
static int
pack_event(struct align_reader *r, yaml_event_t *ev, unsigned long line,
    unsigned long col, struct align_err *e)
{
	struct pack *pk = &r->pack;
	int inner = r->sp > pk->sp;	/* inside one of its lists */

	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		if (inner != pk->lists)
			return pack_undo(r, e);
		return pack_text(r, ev, e);
	case YAML_SEQUENCE_START_EVENT:
		if (inner || !pk->lists || ev->data.sequence_start.anchor ||
		    ev->data.sequence_start.tag)
			return pack_undo(r, e);
		pk->group.line = (uint32_t)line;
		pk->group.col = (uint32_t)col;
		pk->inlist = 0;
		r->stack[r->sp].node = &pk->group;
		r->stack[r->sp].kraw = 0;
		r->stack[r->sp++].key = NULL;
		return 1;
	case YAML_SEQUENCE_END_EVENT:
		if (!inner)
			return pack_end(r, e);
		if (pk->inlist == 0)
			return pack_undo(r, e);
		r->sp--;
		align_buf_putc(&pk->size, (char)pk->inlist);
		if (pk->size.failed)
			return align_err_nomem(e);
		pk->nentry++;
		return 1;
	default:
		return pack_undo(r, e);
	}
}

/* The next record of a YAML file: 1, 0 at its end, -1.  Longer than a
 * screen: one switch over libyaml's events, each case a few lines that
 * share the stack of open containers; split, they would pass it all. */
static int
yaml_next(struct align_reader *r, struct align_node **rec,
    struct align_err *e)
{
	yaml_event_t ev;
	unsigned long dline = 0, dcol = 0;

	for (;;) {
		struct align_node *n = NULL;
		const char *anchor = NULL, *tag = NULL;
		unsigned long line, col;
		int rc = 0, raw = 0, keyed = 0;

		if (!yaml_parser_parse(&r->parser, &ev))
			return parser_error(r, e);
		line = ev.start_mark.line + 1;
		col = ev.start_mark.column + 1;
		if (r->pack.on && (rc = pack_event(r, &ev, line, col,
		    e)) != 0) {
			yaml_event_delete(&ev);
			if (rc < 0)
				return -1;
			continue;
		}
		switch (ev.type) {
		case YAML_STREAM_END_EVENT:
			yaml_event_delete(&ev);
			return 0;
		case YAML_DOCUMENT_START_EVENT:
			dline = line;
			dcol = col;
			r->rec_line = line;
			if (r->o.bytes)
				tape_doc(&r->tape, ev.start_mark.index);
			break;
		case YAML_DOCUMENT_END_EVENT:
			n = r->root;
			r->root = NULL;
			if (n == NULL)
				break;
			rc = finish_record(r, n, dline, dcol, e);
			if (rc > 0 && r->o.bytes)
				tape_record(r, n, ev.start_mark.index);
			if (rc > 0) {
				*rec = n;
				yaml_event_delete(&ev);
				return 1;
			}
			align_node_free(n);
			break;
		case YAML_ALIAS_EVENT:
			rc = align_err_set(e, EX_DATAERR, r->in.name, line,
			    col, "aliases are not allowed");
			break;
		case YAML_SCALAR_EVENT:
			anchor = (const char *)ev.data.scalar.anchor;
			tag = (const char *)ev.data.scalar.tag;
			if (memchr(ev.data.scalar.value, 0,
			    ev.data.scalar.length)) {
				rc = align_err_set(e, EX_DATAERR, r->in.name,
				    line, col, "NUL character in a string");
				break;
			}
			if (r->sp > 0 && r->stack[r->sp - 1].key == NULL &&
			    r->stack[r->sp - 1].node->type == ALIGN_MAP) {
				rc = map_key(r, &ev, line, col, e);
				keyed = 1;
				break;
			}
			/* A record's id: its list asked for while the rest of
			 * the record is read (finish_record() adds it), the
			 * list's head now, its entries at the next field. */
			if (r->sp == 1 && r->id_list) {
				align_idset_prefetch_list(r->id_list);
				r->id_list = NULL;
			}
			if (r->sp == 1 && r->stack[0].key &&
			    strcmp(r->stack[0].key, "id") == 0)
				r->id_list = align_idset_prefetch(&r->ids,
				    (const char *)ev.data.scalar.value,
				    ev.data.scalar.length);
			/* libyaml ends its strings with a NUL: take it. */
			if (r->pool) {
				n = align_pool_scalar(r->pool, (const char *)
				    ev.data.scalar.value, ev.data.scalar.length);
				break;
			}
			n = align_scalar_take((char *)ev.data.scalar.value,
			    ev.data.scalar.length);
			ev.data.scalar.value = NULL;
			break;
		case YAML_SEQUENCE_START_EVENT:
			anchor = (const char *)ev.data.sequence_start.anchor;
			tag = (const char *)ev.data.sequence_start.tag;
			n = r->pool ? align_pool_container(r->pool, ALIGN_SEQ) :
			    align_seq();
			break;
		case YAML_MAPPING_START_EVENT:
			anchor = (const char *)ev.data.mapping_start.anchor;
			tag = (const char *)ev.data.mapping_start.tag;
			n = r->pool ? align_pool_container(r->pool, ALIGN_MAP) :
			    align_map();
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			n = r->stack[--r->sp].node;
			if (r->pool == NULL)
				free(r->stack[r->sp].key);
			r->stack[r->sp].key = NULL;
			rc = attach(r, n, e);
			break;
		default:
			break;
		}
		if (rc == 0 && ((ev.type == YAML_SCALAR_EVENT && !keyed) ||
		    ev.type == YAML_SEQUENCE_START_EVENT ||
		    ev.type == YAML_MAPPING_START_EVENT)) {
			rc = check_node(r, n, anchor, tag, &raw, line, col, e);
			if (rc < 0) {
				align_node_free(n);
			} else {
				n->line = line;
				n->col = col;
				if (n->type == ALIGN_SCALAR)
					n->raw = tag ? raw :
					    ev.data.scalar.style ==
					    YAML_PLAIN_SCALAR_STYLE &&
					    align_implicit_type(n->str, n->len);
				if (n->type == ALIGN_SCALAR && r->o.bytes)
					tape_hint(r, &ev, n->raw);
				if (n->type == ALIGN_SCALAR) {
					rc = attach(r, n, e);
				} else {
					r->stack[r->sp].node = n;
					r->stack[r->sp].kraw = 0;
					r->stack[r->sp++].key = NULL;
					if (r->o.npack && n->type == ALIGN_SEQ)
						pack_start(r);
				}
			}
		}
		yaml_event_delete(&ev);
		if (rc < 0)
			return -1;
	}
}

/* The next line of a plain-text file into r->line, without its newline:
 * 1, or 0 at the end. */
static int
next_line(struct align_reader *r)
{
	struct input *in = &r->in;

	align_buf_reset(&r->line);
	for (;;) {
		unsigned char *p = in->buf + in->pos;
		unsigned char *nl = memchr(p, '\n', in->len - in->pos);
		size_t n = nl ? (size_t)(nl - p) : in->len - in->pos;

		align_buf_add(&r->line, (const char *)p, n);
		in->pos += n + (nl != NULL);
		if (nl || (in->eof && in->pos == in->len)) {
			if (r->line.failed)
				return align_err_nomem(&r->verr);
			r->line_no++;
			return nl || r->line.len > 0;
		}
		if (fill(r) < 0)
			return -1;
	}
}

static int
is_space(int c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v';
}

size_t
align_name_prefix(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i, words = 1;

	if (!((p[0] >= 'A' && p[0] <= 'Z') || (p[0] >= 'a' && p[0] <= 'z') ||
	    p[0] >= 0x80))
		return 0;
	for (i = 0; i <= 40 && p[i]; i++) {
		if (p[i] == ':')
			return (p[i + 1] == ' ' || p[i + 1] == '\t' ||
			    p[i + 1] == '\0') ? i : 0;
		if (p[i] == ' ' && ++words > 4)
			return 0;
		if (strchr("\"()[]{}<>/\\|#*=?!;,", p[i]))
			return 0;
	}
	return 0;
}

/* The length of a blank that ends s[0..n): a space, a tab, a no-break
 * space (U+00A0) or a narrow one (U+202F), as French puts before a
 * colon; 0 when s does not end with one. */
static size_t
trailing_blank(const char *s, size_t n)
{
	if (n >= 1 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		return 1;
	if (n >= 2 && memcmp(s + n - 2, "\xc2\xa0", 2) == 0)
		return 2;
	if (n >= 3 && memcmp(s + n - 3, "\xe2\x80\xaf", 3) == 0)
		return 3;
	return 0;
}

size_t
align_name_text(const char *s, size_t *name)
{
	size_t k = align_name_prefix(s), n = k, b;

	if (k == 0)
		return 0;
	while ((b = trailing_blank(s, n)) > 0)
		n -= b;
	if (n == 0)
		return 0;
	*name = n;
	for (k++; s[k] == ' ' || s[k] == '\t'; k++)
		;
	return k;
}

/* A "Name:" that starts *sp, when the options name no participant: the
 * name into name (64 bytes; 40 at most, see align_name_prefix()), *who
 * the name or whom it resolves to, *sp past the prefix and its blanks.
 * 0, or -1 and e at the start of the line. */
static int
speaker(struct align_reader *r, char **sp, char *name, const char **who,
    unsigned long line, struct align_err *e)
{
	char *s = *sp;
	size_t k, len;

	if (*who != NULL || (k = align_name_text(s, &len)) == 0)
		return 0;
	memcpy(name, s, len);
	name[len] = '\0';
	*who = name;
	for (s += k; is_space((unsigned char)*s); s++)
		;
	*sp = s;
	if (r->o.resolve == NULL || r->o.resolve(r->o.resolve_arg, name, who,
	    e) == 0)
		return 0;
	if (e->status != ALIGN_EX_NOMEM) {
		snprintf(e->file, sizeof(e->file), "%s", r->in.name);
		e->line = line;
		e->col = 1;
	}
	return -1;
}

/* Whether record n was captured before, in a stream read earlier: 1 and
 * n freed, 0, or -1 and e (n freed).  Ids are unique within one file, so
 * they need remembering only for the files still to come. */
static int
seen_before(struct align_reader *r, struct align_node *n,
    struct align_err *e)
{
	const char *id = align_record_id(n);

	if (align_idset_has(&r->ids, id, strlen(id))) {
		align_node_free(n);
		return 1;
	}
	if (r->next < r->npaths && align_idset_add(&r->ids, id, strlen(id)) < 0) {
		align_node_free(n);
		return align_err_nomem(e);
	}
	return 0;
}

static int
make_response(struct align_reader *r, char *s, unsigned long line,
    struct align_node **rec, struct align_err *e)
{
	const char *who = r->o.participant;
	char *end, name[64];
	struct align_node *n;
	int rc;

	while (is_space((unsigned char)*s))
		s++;
	if (speaker(r, &s, name, &who, line, e) < 0)
		return -1;
	end = s + strlen(s);
	while (end > s && is_space((unsigned char)end[-1]))
		*--end = '\0';
	if (*s == '\0')
		return align_err_set(e, EX_DATAERR, r->in.name, line, 1,
		    "empty response");
	if (align_response_new(who, NULL, r->o.at, r->o.question, s,
	    r->o.key, &r->seen, &n, e) < 0)
		return -1;
	n->line = line;
	/* Captured before, in a stream read earlier: skip it. */
	if ((rc = seen_before(r, n, e)) != 0)
		return rc > 0 ? 0 : -1;
	*rec = n;
	return 1;
}

/* The paragraph read so far as a response, and the paragraph emptied:
 * what make_response() returns. */
static int
para_end(struct align_reader *r, struct align_node **rec,
    struct align_err *e)
{
	int rc = make_response(r, r->para.p, r->para_line, rec, e);

	align_buf_reset(&r->para);
	return rc;
}

/* Line s, its trailing blanks cut, added to the paragraph: 0, or -1 and
 * e. */
static int
para_add(struct align_reader *r, const char *s, struct align_err *e)
{
	size_t n = strlen(s);

	if (r->para.len == 0)
		r->para_line = r->rec_line = r->line_no;
	else
		align_buf_putc(&r->para, '\n');
	while (n > 0 && is_space((unsigned char)s[n - 1]))
		n--;
	align_buf_add(&r->para, s, n);
	return r->para.failed ? align_err_nomem(e) : 0;
}

static int
plain_next(struct align_reader *r, struct align_node **rec,
    struct align_err *e)
{
	for (;;) {
		int rc = next_line(r);
		char *s;
		size_t i;

		if (rc < 0) {
			*e = r->verr;
			return -1;
		}
		if (rc == 0) {
			if (r->para.len == 0)
				return 0;
			if ((rc = para_end(r, rec, e)) == 0)
				continue;
			return rc;
		}
		s = r->line.p;
		if (r->line_no == 1 && r->line.len >= 3 &&
		    memcmp(s, "\xef\xbb\xbf", 3) == 0)
			s += 3;
		for (i = 0; s[i] && is_space((unsigned char)s[i]); i++)
			;
		if (s[i] == '\0') {
			if (r->o.paragraphs && r->para.len > 0 &&
			    (rc = para_end(r, rec, e)) != 0)
				return rc;
			continue;
		}
		if (!r->o.paragraphs) {
			r->rec_line = r->line_no;
			rc = make_response(r, s, r->line_no, rec, e);
			if (rc != 0)
				return rc;
			continue;
		}
		if (para_add(r, s, e) < 0)
			return -1;
	}
}

/* The next record, read now. */
static int
next_record(struct align_reader *r, struct align_node **rec,
    struct align_err *e)
{
	int rc;

	*rec = NULL;
	r->rec_bytes = NULL;
	r->rec_nbytes = 0;
	if (r->failed) {
		*e = r->ferr;
		return -1;
	}
	for (;;) {
		if (!r->in.open) {
			if (r->next >= (r->npaths ? r->npaths : 1))
				return 0;
			r->line_no = 0;
			if (open_next(r, e) < 0)
				goto fail;
		}
		r->rec_plain = !r->in.yaml;
		if (r->in.yaml)
			rc = yaml_next(r, rec, e);
		else if (r->o.yaml_only)
			rc = align_err_set(e, EX_DATAERR, r->in.name, 1, 1,
			    "expected a session stream (YAML starting with "
			    "'---'), not plain text");
		else
			rc = plain_next(r, rec, e);
		if (rc > 0)
			return 1;
		if (rc < 0)
			goto fail;
		close_input(r);
	}
fail:
	close_input(r);
	r->failed = 1;
	r->ferr = *e;
	return -1;
}


/* Free the records a batch holds: not handed out, or given back. */
static void
drop(struct ahead_batch *b)
{
	size_t j;

	for (j = 0; j < b->n; j++) {
		align_node_free(b->item[j].rec);	/* plain text */
		b->item[j].rec = NULL;
	}
	b->n = 0;
	align_pool_reset(&b->pool);
	if (b->raw.cap > AHEAD_BYTES / 8)	/* large records' room */
		align_buf_release(&b->raw);
	else
		align_buf_reset(&b->raw);
}

/* Wait, in the thread, until a batch may be read: a slot free, and not
 * too many bytes ready; then drop the records of the slots used (freed
 * where they were made, which malloc does best, and now: a large one
 * does not wait for its slot to come round again).  0, or -1 to stop. */
static int
ahead_room(struct ahead *a)
{
	size_t i, nfree, first;

	pthread_mutex_lock(&a->mu);
	while ((a->count == AHEAD_BATCHES || (a->count > 0 &&
	    a->bytes >= AHEAD_MAX)) && !a->stop) {
		a->full = 1;
		pthread_cond_wait(&a->room, &a->mu);
	}
	if (a->stop) {
		pthread_mutex_unlock(&a->mu);
		return -1;
	}
	nfree = AHEAD_BATCHES - a->count;
	first = a->head + a->count;
	pthread_mutex_unlock(&a->mu);
	/* Only this thread fills the free slots; the caller leaves them. */
	for (i = 0; i < nfree; i++)
		drop(&a->ring[(first + i) % AHEAD_BATCHES]);
	return 0;
}

/* Read records into the batch f until it is full (by count or bytes),
 * the end, or an error: next_record()'s last result. */
static int
ahead_read(struct align_reader *r, struct ahead_batch *f)
{
	int rc;

	f->n = 0;
	do {
		struct ahead_item *it = &f->item[f->n];

		rc = next_record(r, &it->rec, &f->err);
		if (rc > 0) {
			it->index = r->next - 1;
			it->line = r->rec_line;
			it->plain = r->rec_plain;
			it->bytes = NULL;
			it->nbytes = r->rec_nbytes;
			it->off = r->rec_off;
			f->n++;
		}
	} while (rc > 0 && f->n < AHEAD_BATCH &&
	    f->pool.bytes + f->raw.len < AHEAD_BYTES);
	return rc;
}

/* Hand the batch f over to the ring (ahead_room() made room), f left
 * empty with the pool of the slot it took; wake the reader when it waits
 * and there is enough, or the end. */
static void
ahead_pass(struct ahead *a, struct ahead_batch *f, int rc)
{
	struct ahead_batch *slot;
	struct align_pool empty;
	struct align_buf raw;

	/* The slot is free, and nobody else looks at it. */
	pthread_mutex_lock(&a->mu);
	slot = &a->ring[(a->head + a->count) % AHEAD_BATCHES];
	pthread_mutex_unlock(&a->mu);
	drop(slot);
	empty = slot->pool;
	raw = slot->raw;
	*slot = *f;
	slot->bytes = f->pool.bytes + f->raw.len;
	f->pool = empty;
	f->raw = raw;
	f->n = 0;
	pthread_mutex_lock(&a->mu);
	a->count++;
	a->bytes += slot->bytes;
	if (a->hungry && (a->count >= AHEAD_WAKE || rc <= 0 ||
	    a->bytes >= AHEAD_MAX)) {
		a->hungry = 0;
		pthread_cond_signal(&a->more);
	}
	pthread_mutex_unlock(&a->mu);
}

/* The thread that reads ahead: records in batches into the ring, until
 * the end, an error, or the reader is freed.  It may be cancelled only
 * while it waits for input (see fill()). */
static void *
ahead_run(void *arg)
{
	struct align_reader *r = arg;
	struct ahead *a = r->ahead;
	struct ahead_batch *f = &a->fill;
	int rc;

	pthread_setcancelstate(PTHREAD_CANCEL_DISABLE, NULL);
	r->pool = &f->pool;
	if (r->o.bytes)
		r->raw = &f->raw;
	do {
		if (ahead_room(a) < 0)
			break;
		rc = ahead_read(r, f);
		f->rc = rc > 0 ? 1 : rc;
		ahead_pass(a, f, rc);
	} while (rc > 0);
	drop(f);
	pthread_mutex_lock(&a->mu);
	a->done = 1;
	pthread_mutex_unlock(&a->mu);
	return NULL;
}

/* Before the thread may wait for input: a caller waiting for records
 * takes those there are. */
static void
ahead_nudge(struct ahead *a)
{
	pthread_mutex_lock(&a->mu);
	if (a->hungry && a->count > 0) {
		a->hungry = 0;
		pthread_cond_signal(&a->more);
	}
	pthread_mutex_unlock(&a->mu);
}

/* The processors online, read once (a tool may open three readers). */
static pthread_once_t cpus_once = PTHREAD_ONCE_INIT;
static long cpus;

static void
cpus_count(void)
{
	cpus = sysconf(_SC_NPROCESSORS_ONLN);
}

/* Whether every input is a regular file and all of them hold fewer than
 * AHEAD_MIN bytes.  A path that cannot be looked at is left for the read
 * to report. */
static int
small_inputs(const struct align_reader *r)
{
	struct stat st;
	long long total = 0;
	size_t i, n = r->npaths ? r->npaths : 1;

	for (i = 0; i < n; i++) {
		const char *path = r->npaths ? r->paths[i] : "-";
		int rc = is_stdin(path) ? fstat(STDIN_FILENO, &st) :
		    stat(path, &st);

		if (rc != 0 || !S_ISREG(st.st_mode))
			return 0;
		if ((total += st.st_size) >= AHEAD_MIN)
			return 0;
	}
	return 1;
}

/* Start reading ahead, when asked, there is a processor to do it on and
 * more than a little to read; if the thread cannot start, reading goes on
 * without it. */
static void
ahead_start(struct align_reader *r)
{
	sigset_t all, old;
	struct ahead *a;
	int always = r->o.ahead == ALIGN_AHEAD_ALWAYS;

	r->o.ahead = 0;
	pthread_once(&cpus_once, cpus_count);
	if (cpus < 2 || (!always && small_inputs(r)) ||
	    (a = calloc(1, sizeof(*a))) == NULL)
		return;
	if (pthread_mutex_init(&a->mu, NULL) != 0) {
		free(a);
		return;
	}
	if (pthread_cond_init(&a->more, NULL) != 0)
		goto no_more;
	if (pthread_cond_init(&a->room, NULL) != 0)
		goto no_room;
	r->ahead = a;
	/* Signals are the caller's thread's to handle. */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &old);
	if (pthread_create(&a->thread, NULL, ahead_run, r) == 0) {
		pthread_sigmask(SIG_SETMASK, &old, NULL);
		return;
	}
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	r->ahead = NULL;
	pthread_cond_destroy(&a->room);
no_room:
	pthread_cond_destroy(&a->more);
no_more:
	pthread_mutex_destroy(&a->mu);
	free(a);
}

/* The next record from the ring. */
static int
ahead_next(struct align_reader *r, struct align_node **rec,
    struct align_err *e)
{
	struct ahead *a = r->ahead;
	struct ahead_batch *b;

	for (;;) {
		if (a->taken) {
			b = &a->ring[a->head];
			if (a->at < b->n) {
				struct ahead_item *it = &b->item[a->at++];

				*rec = it->rec;
				it->rec = NULL;
				r->out = *it;
				if (it->nbytes)
					r->out.bytes = b->raw.p + it->off;
				return 1;
			}
			if (b->rc <= 0) {
				if (b->rc < 0)
					*e = b->err;
				return b->rc;	/* and again on every call */
			}
			pthread_mutex_lock(&a->mu);
			a->head = (a->head + 1) % AHEAD_BATCHES;
			a->count--;
			a->bytes -= b->bytes;
			a->taken = 0;
			if (a->full && (a->count <= AHEAD_BATCHES - AHEAD_WAKE ||
			    (b->bytes >= AHEAD_MAX / 2 && a->bytes < AHEAD_MAX))) {
				a->full = 0;
				pthread_cond_signal(&a->room);
			}
		} else {
			pthread_mutex_lock(&a->mu);
		}
		while (a->count == 0) {
			a->hungry = 1;
			pthread_cond_wait(&a->more, &a->mu);
		}
		a->taken = 1;
		a->at = 0;
		a->given = 0;
		pthread_mutex_unlock(&a->mu);
	}
}

/* Stop the thread and drop what it read and nobody took. */
static void
ahead_stop(struct align_reader *r)
{
	struct ahead *a = r->ahead;
	size_t i;
	int done;

	pthread_mutex_lock(&a->mu);
	a->stop = 1;
	done = a->done;
	pthread_cond_signal(&a->room);
	pthread_mutex_unlock(&a->mu);
	/* If it may wait for input.  Not otherwise: glibc loads libgcc_s
	 * for a cancel, a third of a millisecond of a meeting's run. */
	if (!done)
		pthread_cancel(a->thread);
	pthread_join(a->thread, NULL);
	/* What the thread was making lives in its pool: gone with it. */
	if (r->pool) {
		r->sp = 0;
		r->root = NULL;
		r->pool = NULL;
		r->raw = NULL;
	}
	for (i = 0; i < AHEAD_BATCHES; i++) {
		drop(&a->ring[i]);
		align_pool_release(&a->ring[i].pool);
		align_buf_release(&a->ring[i].raw);
	}
	drop(&a->fill);
	align_pool_release(&a->fill.pool);
	align_buf_release(&a->fill.raw);
	pthread_cond_destroy(&a->room);
	pthread_cond_destroy(&a->more);
	pthread_mutex_destroy(&a->mu);
	free(a);
	r->ahead = NULL;
}

int
align_reader_keep(struct align_reader *r, struct align_node *rec,
    struct align_pool **pool)
{
	struct ahead *a = r->ahead;
	struct align_pool *p;

	*pool = NULL;
	if (!rec->pooled || a == NULL || !a->taken || a->given)
		return 0;	/* the caller's, or in a pool given before */
	/* The batch's pool, with rec and the records after it in the
	 * batch; the batch makes a new one when it is filled again. */
	if ((p = malloc(sizeof(*p))) == NULL)
		return -1;
	*p = a->ring[a->head].pool;
	a->ring[a->head].pool = (struct align_pool)ALIGN_POOL_INIT;
	a->given = 1;
	*pool = p;
	return 0;
}

void
align_reader_release(struct align_reader *r, struct align_node *rec)
{
	struct ahead *a = r->ahead;
	struct ahead_item *it;

	if (rec && rec->pooled)
		return;		/* its batch's pool has it */
	if (a && a->taken && a->at > 0 &&
	    (it = &a->ring[a->head].item[a->at - 1])->rec == NULL) {
		it->rec = rec;	/* the thread frees it */
		return;
	}
	align_node_free(rec);
}

int
align_reader_next(struct align_reader *r, struct align_node **rec,
    struct align_err *e)
{
	int rc;

	if (r->o.ahead)
		ahead_start(r);
	if (r->ahead) {
		*rec = NULL;
		return ahead_next(r, rec, e);
	}
	rc = next_record(r, rec, e);
	if (rc > 0) {
		r->out.index = r->next - 1;
		r->out.line = r->rec_line;
		r->out.plain = r->rec_plain;
		r->out.bytes = r->rec_bytes;
		r->out.nbytes = r->rec_nbytes;
	}
	return rc;
}

struct align_node *
align_read_all(char *const *paths, size_t n, const struct align_read_opts *o,
    struct align_err *e)
{
	struct align_reader *r = align_reader_open(paths, n, o, e);
	struct align_node *all = align_seq(), *rec;
	int rc;

	if (r == NULL || all == NULL) {
		align_reader_free(r);
		align_node_free(all);
		if (r)
			align_err_nomem(e);
		return NULL;
	}
	while ((rc = align_reader_next(r, &rec, e)) > 0)
		if (align_seq_push(all, rec) < 0) {
			rc = align_err_nomem(e);
			break;
		}
	align_reader_free(r);
	if (rc < 0) {
		align_node_free(all);
		return NULL;
	}
	return all;
}
