/*
 * serve_html.h - the pieces of the pages a served step shows (its form,
 * its live board), on html.h's frame: the served stylesheet and script,
 * the block that tells people how to join (the QR code and the address),
 * the line that says the board is live, notices.
 *
 *	struct align_html_page p = { .family = "board live",
 *	    .what = "Responses", .title = title, .date = date,
 *	    .place = place, .extra = &align_serve_board_extra };
 *	align_html_begin(s, &p);
 *	align_serve_html_join(s, rq, "to add your response");
 *	align_serve_html_live_begin(s, rq->generation);
 *	  ...the board's main (what each update replaces)...
 *	align_serve_html_live_end(s);
 *	align_html_end(s, &p);
 *
 * which align_serve_html_board() does, with the policy, for a board whose
 * main is made already (each step's, at its reload).
 *
 * The live script (lib/html/live.js) takes each update from the event
 * stream beside the page ("events") and puts it in place of the tally and
 * the slides inside the div of class "live"; it skips an update whose
 * number is the element's data-generation.  With scripting off the page
 * reloads itself every ALIGN_SERVE_REFRESH seconds, and says so.
 *
 * User text goes in only through align_show_text() and align_html_attr()
 * (html.h), escaped.
 */
#ifndef ALIGN_SERVE_HTML_H
#define ALIGN_SERVE_HTML_H

#include "html.h"
#include "serve.h"
#include "show.h"

#define ALIGN_SERVE_REFRESH 10

/* lib/html/serve.css and lib/html/live.js (lib/serve_assets.c). */
extern const char align_serve_style[];
extern const char align_serve_script[];

/* A served form page: the served stylesheet, a form posted to itself. */
extern const struct align_html_extra align_serve_form_extra;
/* A served board: the stylesheet and the live script, the event stream
 * of its own server, a reload with scripting off. */
extern const struct align_html_extra align_serve_board_extra;

/* The page's Content-Security-Policy, for the header, into r->policy. */
void align_serve_html_policy(struct align_serve_reply *r,
    const struct align_html_page *p);

/* An aside of class "join": the QR code of rq->join and the address in
 * words, "Scan or open ADDRESS " and why ("to add your response"). */
void align_serve_html_join(const struct align_show *s,
    const struct align_serve_request *rq, const char *why);
/* The live line (live, reconnecting, or reloading without scripts, and a
 * link to refresh) and the div of class "live" that updates replace;
 * then its end. */
void align_serve_html_live_begin(const struct align_show *s,
    unsigned long generation);
void align_serve_html_live_end(const struct align_show *s);

/* A served board's page, into r (its body and its policy): p's frame, the
 * join aside (why, as above), and live, the board's main made at the last
 * reload, inside the live div of rq->generation. */
void align_serve_html_board(const struct align_show *s,
    const struct align_html_page *p, const struct align_serve_request *rq,
    const char *why, const struct align_buf *live,
    struct align_serve_reply *r);

/* A paragraph of class cls ("notice": role status; "error": role
 * alert) saying text (escaped). */
void align_serve_html_notice(const struct align_show *s, const char *cls,
    const char *text);

/* s percent-encoded for a query ("Ana María" is "Ana%20Mar%C3%ADa"). */
void align_serve_html_query(struct align_buf *b, const char *s);

#endif
