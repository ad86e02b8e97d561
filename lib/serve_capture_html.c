/* Step 5 served: the form on people's phones, what a post is checked
 * for, the live board on the room's screen. */
#include <stdlib.h>
#include <string.h>

#include "plan.h"
#include "serve_capture_int.h"
#include "serve_html.h"
#include "serve_name.h"
#include "text.h"

#define TEXT_CHARS 4000		/* the form's maxlength (UTF-16 units) */

/* What the form shows beside its fields. */
struct form_in {
	const char *notice;	/* said on top (role status) */
	const char *error;	/* said on top (role alert) */
	const char *who;	/* the person chosen or typed before */
	const char *text;	/* the words kept */
};

/* The page's frame: the session's title, date and place. */
static void
frame(const struct capture_state *st, struct align_html_page *p,
    const char *family, const char *what, const struct align_html_extra *x)
{
	const struct align_session_view *sn = st->sv.kind ==
	    ALIGN_KIND_SESSION ? &st->sv.u.session : NULL;

	memset(p, 0, sizeof(*p));
	p->family = family;
	p->what = what;
	p->title = sn ? (sn->title ? sn->title : ALIGN_TITLE) : NULL;
	p->date = sn ? sn->date : NULL;
	p->place = sn ? sn->place : NULL;
	p->extra = x;
}

static const char *
question(const struct capture_state *st)
{
	return st->sv.kind == ALIGN_KIND_SESSION &&
	    st->sv.u.session.question ? st->sv.u.session.question :
	    ALIGN_QUESTION;
}

/* The person: one of the participants list, or typed when it has none. */
static void
who_field(const struct align_show *s, const struct capture_state *st,
    const char *chosen)
{
	struct align_buf *b = s->b;
	size_t i;

	align_buf_puts(b, "<div class=\"field\"><label for=\"participant\">"
	    "Your name</label>\n");
	if (st->nroster == 0) {
		align_buf_puts(b, "<input id=\"participant\" "
		    "name=\"participant\" autocomplete=\"name\" "
		    "maxlength=\"100\" lang=\"\"");
		align_html_attr(b, "value", chosen ? chosen : "");
		align_buf_puts(b, "></div>\n");
		return;
	}
	align_buf_puts(b, "<select id=\"participant\" name=\"participant\" "
	    "required>\n<option value=\"\">Choose your name</option>\n");
	for (i = 0; i < st->nroster; i++) {
		align_buf_puts(b, "<option lang=\"\"");
		align_html_attr(b, "value", st->roster[i]);
		if (chosen && strcmp(chosen, st->roster[i]) == 0)
			align_buf_puts(b, " selected");
		align_buf_putc(b, '>');
		align_show_text(s, st->roster[i]);
		align_buf_puts(b, "</option>\n");
	}
	align_buf_puts(b, "</select></div>\n");
}

static void
form_html(const struct align_serve_capture *c,
    const struct capture_state *st, const struct form_in *in,
    struct align_serve_reply *r)
{
	struct align_show s = { .b = &r->body, .format = ALIGN_FMT_HTML,
	    .tool = c->o.tool };
	struct align_html_page p;
	struct align_buf *b = &r->body;

	frame(st, &p, "join", "Your response", &align_serve_form_extra);
	align_html_begin(&s, &p);
	if (in->notice)
		align_serve_html_notice(&s, "notice", in->notice);
	if (in->error)
		align_serve_html_notice(&s, "error", in->error);
	align_buf_puts(b, "<form class=\"respond\" method=\"post\" "
	    "action=\"./\" accept-charset=\"utf-8\">\n");
	who_field(&s, st, in->who);
	align_buf_puts(b, "<div class=\"field\"><label for=\"text\" "
	    "class=\"question\" lang=\"\" dir=\"auto\">");
	align_show_text(&s, question(st));
	align_buf_printf(b, "</label>\n<textarea id=\"text\" name=\"text\" "
	    "rows=\"6\" maxlength=\"%d\" required dir=\"auto\">\n",
	    TEXT_CHARS);
	align_show_text(&s, in->text ? in->text : "");
	align_buf_puts(b, "</textarea></div>\n<button type=\"submit\">Send"
	    "</button>\n</form>\n<p class=\"hint\">");
	align_buf_puts(b, c->o.key ? "Your name is replaced by a pseudonym "
	    "before anything is written: the board and the session file "
	    "never show it." : "Your words go on the room's board, under "
	    "your name.");
	align_buf_puts(b, "</p>\n<p><a href=\"board\">See the board</a>"
	    "</p>\n");
	align_html_end(&s, &p);
	align_serve_html_policy(r, &p);
}

/* An id as response.h makes them (what "recorded" may say). */
static int
is_id(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 64 && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") == n;
}

int
capture_form(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e)
{
	struct align_serve_capture *c = ctx;
	const char *id = align_serve_get(rq, "recorded");
	struct align_buf notice = ALIGN_BUF_INIT;
	struct form_in in = { NULL, NULL, NULL, NULL };
	int rc;

	if (id && is_id(id)) {
		align_buf_printf(&notice, "Recorded as %s. Thank you: it is "
		    "on the board. Add another if you like.", id);
		in.notice = notice.p;
	}
	if (!c->o.key)
		in.who = align_serve_get(rq, "as");
	pthread_rwlock_rdlock(&c->rw);
	form_html(c, c->st, &in, r);
	pthread_rwlock_unlock(&c->rw);
	rc = notice.failed ? align_err_nomem(e) : 0;
	align_buf_release(&notice);
	return rc;
}

/* A name typed where there is no participants list: trimmed, short,
 * one line of text (text.h: the server took no other control
 * character). */
static int
typed_name(const char *typed, char **who, struct align_buf *why)
{
	char *t = align_serve_clean(typed);
	struct align_text_fault f;
	int line;

	if (t == NULL)
		return -1;
	line = !align_text_fault(t, strlen(t), &f) && !strpbrk(t, "\t\n");
	if (!line || strlen(t) > ALIGN_SERVE_NAME_MAX) {
		align_buf_puts(why, !line ? "A name is one line of words." :
		    "That name is too long.");
		free(t);
		return 400;
	}
	if (*t == '\0')
		free(t);	/* nobody */
	else
		*who = t;
	return 0;
}

/* The participant a post names, as the participants list spells it:
 * 0 and *who (malloc'd, or NULL: nobody), 400 and why, or -1 (out of
 * memory). */
static int
resolve(const struct capture_state *st, const char *typed, char **who,
    struct align_buf *why)
{
	long at = align_serve_resolve(st->names,
	    (const char *const *)st->roster, st->nroster, typed);

	*who = NULL;
	if (at == -2)
		return -1;
	if (at >= 0)
		return (*who = strdup(st->roster[at])) ? 0 : -1;
	if (st->nroster == 0)
		return typed_name(typed, who, why);
	if (typed[strspn(typed, " \t")] == '\0')
		align_buf_puts(why, "Choose your name first.");
	else
		align_buf_printf(why, "%s is not on the list of participants: "
		    "choose your name, or ask the facilitator to add you.",
		    typed);
	return 400;
}

/* The form again, the reason on top, the words kept: status 400 or 413. */
static int
refuse(struct align_serve_capture *c, const struct align_serve_request *rq,
    int status, const struct align_buf *why, struct align_serve_reply *r)
{
	struct form_in in = { NULL, why->p, align_serve_get(rq,
	    "participant"), align_serve_get(rq, "text") };

	r->status = status;
	form_html(c, c->st, &in, r);
	return 0;
}

/* The checks of a post, under the read lock (the list): 0 with who and
 * text, the status of a refusal (why said), or -1. */
static int
check(struct align_serve_capture *c, const struct align_serve_request *rq,
    char **who, char **text, struct align_buf *why)
{
	const char *t = align_serve_get(rq, "text");
	const char *p = align_serve_get(rq, "participant");
	int rc;

	*who = *text = NULL;
	if ((*text = align_serve_clean(t ? t : "")) == NULL)
		return -1;
	if (**text == '\0') {
		align_buf_puts(why, "Write your response, then send it.");
		return 400;
	}
	if (strlen(*text) > ALIGN_SERVE_TEXT_MAX) {
		align_buf_printf(why, "That is longer than a response may be "
		    "(%d bytes): shorten it and send it again.",
		    ALIGN_SERVE_TEXT_MAX);
		return 413;
	}
	rc = resolve(c->st, p ? p : "", who, why);
	return rc;
}

int
capture_post(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e)
{
	struct align_serve_capture *c = ctx;
	struct align_buf why = ALIGN_BUF_INIT;
	struct align_node *rec = NULL;
	char *who, *text;
	int rc;

	pthread_rwlock_rdlock(&c->rw);
	rc = check(c, rq, &who, &text, &why);
	if (rc > 0)
		rc = why.failed ? -1 : refuse(c, rq, rc, &why, r);
	pthread_rwlock_unlock(&c->rw);
	if (rc == 0 && r->status == 0)
		rc = capture_record(c, who, text, &rec, e);
	if (rc == 0 && rec) {
		r->status = 303;
		align_buf_puts(&r->location, "?recorded=");
		align_buf_puts(&r->location, align_record_id(rec));
		if (who && !c->o.key) {
			align_buf_puts(&r->location, "&as=");
			align_serve_html_query(&r->location, who);
		}
	} else if (rc < 0 && e->status == 0) {
		align_err_nomem(e);
	}
	align_node_free(rec);
	align_buf_release(&why);
	free(who);
	free(text);
	return rc < 0 ? -1 : 0;
}

int
capture_board(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e)
{
	struct align_serve_capture *c = ctx;
	struct align_show s = { .b = &r->body, .format = ALIGN_FMT_HTML,
	    .tool = c->o.tool };
	struct align_html_page p;

	pthread_rwlock_rdlock(&c->rw);
	frame(c->st, &p, "board served", "Responses", &align_serve_board_extra);
	align_serve_html_board(&s, &p, rq, "to add your response",
	    &c->st->live, r);
	pthread_rwlock_unlock(&c->rw);
	return r->body.failed ? align_err_nomem(e) : 0;
}
