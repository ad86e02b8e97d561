/*
 * serve_capture.h - step 5 served to the room (align-capture --serve):
 * each person writes their own response on their own device; the board
 * on the room's screen shows it as soon as it is written.
 *
 *	struct align_serve_capture *c = align_serve_capture_new(&o, &e);
 *	srv = align_serve_new(&so, align_serve_capture_step(c), &e);
 *	... align_serve_run(srv, &e); align_serve_free(srv);
 *	printf("%lu recorded\n", align_serve_capture_added(c));
 *	align_serve_capture_free(c);
 *
 * The form (GET): the session's question, the person (a choice among the
 * session's participants, or typed when it has none), the response.
 * A post has the fields "participant" and "text" and no other:
 *   - the text, its line ends made LF and the blanks around it trimmed,
 *     must not be empty, nor longer than ALIGN_SERVE_TEXT_MAX bytes (413);
 *   - the participant is resolved against the participants list (case and
 *     accents folded) and written as the list spells the name; a name not
 *     on it is refused (400); with no list, the name as typed (at most
 *     ALIGN_SERVE_NAME_MAX bytes, no control character), or none;
 *   - with a key (--anonymous), the name is replaced by its pseudonym
 *     before anything is written, and the board shows pseudonyms only
 *     (a name already in the file included);
 *   - the response record (response.h: its id from its content) is
 *     appended to the file with align_append_file() (file.h), locked,
 *     journaled and synced, as align-capture -a writes; a record this
 *     server has written already (the same person, second and text: a
 *     second press of the button) is not written twice.
 * Then the answer is 303 to the form, "?recorded=ID" (and "&as=NAME" but
 * with pseudonyms, so that the form keeps the person chosen).  A refused
 * post is answered with the form again, the reason on top and the words
 * kept in it.  A failed append: -1 and its error (75 lock busy, 74).
 *
 * The board (GET): the HTML board (board.h) of the file as last read,
 * with the QR code and address to join, updated live (serve_html.h).
 */
#ifndef ALIGN_SERVE_CAPTURE_H
#define ALIGN_SERVE_CAPTURE_H

#include "err.h"
#include "serve.h"

#define ALIGN_SERVE_TEXT_MAX 16384	/* bytes of a response */
#define ALIGN_SERVE_NAME_MAX 200	/* bytes of a typed name */

struct align_serve_capture_opts {
	const char *path;		/* the session file (-a FILE) */
	const unsigned char *key;	/* pseudonyms with this key, or NULL */
	const char *now;		/* --now, or NULL: $ALIGN_NOW, clock */
	double wait;			/* seconds for the lock; < 0: default */
	size_t min_group;		/* the board's (show.h); 0: default */
	const char *tool;		/* for the pages' footers */
};

struct align_serve_capture;

/* NULL and e (71). */
struct align_serve_capture *align_serve_capture_new(
    const struct align_serve_capture_opts *o, struct align_err *e);
void align_serve_capture_free(struct align_serve_capture *c);
/* The step to serve (lives as long as c). */
const struct align_serve_step *align_serve_capture_step(
    struct align_serve_capture *c);
/* Responses written so far. */
unsigned long align_serve_capture_added(struct align_serve_capture *c);

#endif
