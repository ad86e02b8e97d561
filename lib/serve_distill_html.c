/* Step 7 served: the forms on people's phones (who, their dots, their
 * agreement or objection), what a post is checked for, the whiteboard on
 * the room's screen. */
#include <stdlib.h>
#include <string.h>

#include "num.h"
#include "plan.h"
#include "serve_distill_int.h"
#include "serve_html.h"
#include "serve_name.h"

#define DOTS "dots-"

/* What the page says on top. */
struct said {
	const char *notice, *error;
};

static void
frame(const struct distill_state *st, struct align_html_page *p,
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

/* A principle id as a field's name may carry it. */
static int
is_id(const char *s)
{
	size_t n = strlen(s);

	return n > 0 && n <= 64 && strspn(s, "abcdefghijklmnopqrstuvwxyz"
	    "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-") == n;
}

int
distill_accepts(void *ctx, const char *name)
{
	(void)ctx;
	return strcmp(name, "participant") == 0 ||
	    strcmp(name, "action") == 0 || strcmp(name, "principle") == 0 ||
	    strcmp(name, "reason") == 0 || (strncmp(name, DOTS, 5) == 0 &&
	    is_id(name + 5));
}

static void
hidden(struct align_buf *b, const char *name, const char *value)
{
	align_buf_puts(b, "<input type=\"hidden\"");
	align_html_attr(b, "name", name);
	align_html_attr(b, "value", value);
	align_buf_puts(b, ">\n");
}

/* The page's top and its bottom, around what it asks. */
static void
begin(const struct align_serve_distill *c, const struct distill_state *st,
    const struct align_show *s, struct align_html_page *p,
    const struct said *said)
{
	(void)c;
	frame(st, p, "join", "Your dots and agreement",
	    &align_serve_form_extra);
	align_html_begin(s, p);
	if (said->notice)
		align_serve_html_notice(s, "notice", said->notice);
	if (said->error)
		align_serve_html_notice(s, "error", said->error);
}

static void
end(const struct align_show *s, const struct align_html_page *p,
    struct align_serve_reply *r)
{
	align_buf_puts(s->b, "<p><a href=\"board\">See the whiteboard</a>"
	    "</p>\n");
	align_html_end(s, p);
	align_serve_html_policy(r, p);
}

/* Who is it: a choice among the participants, sent back as "as". */
static void
who_page(const struct align_serve_distill *c, const struct distill_state *st,
    const struct said *said, struct align_serve_reply *r)
{
	struct align_show s = { .b = &r->body, .format = ALIGN_FMT_HTML,
	    .tool = c->o.tool };
	struct align_html_page p;
	const char *const *people;
	size_t i, n;

	people = align_distiller_people(st->d, &n);
	begin(c, st, &s, &p, said);
	align_buf_puts(s.b, "<form class=\"respond\" method=\"get\" "
	    "action=\"./\">\n<div class=\"field\"><label for=\"as\">Your name"
	    "</label>\n<select id=\"as\" name=\"as\" required>\n<option "
	    "value=\"\">Choose your name</option>\n");
	for (i = 0; i < n; i++) {
		align_buf_puts(s.b, "<option lang=\"\"");
		align_html_attr(s.b, "value", people[i]);
		align_buf_putc(s.b, '>');
		align_show_text(&s, people[i]);
		align_buf_puts(s.b, "</option>\n");
	}
	align_buf_puts(s.b, "</select></div>\n<button type=\"submit\">"
	    "Continue</button>\n</form>\n");
	end(&s, &p, r);
}

/* The dots: a choice of 0 to the cap on each principle. */
static void
dots_form(const struct align_serve_distill *c, const struct align_show *s,
    const struct align_distiller *d, const char *who)
{
	struct align_buf *b = s->b;
	size_t i, n = align_distiller_count(d);
	int k;

	align_buf_puts(b, "<form class=\"respond\" method=\"post\" "
	    "action=\"./\">\n");
	hidden(b, "participant", who);
	hidden(b, "action", "vote");
	align_buf_printf(b, "<fieldset><legend>Your dots: %d in all, at most "
	    "%d on one principle</legend>\n", c->o.distill.budget,
	    c->o.distill.per);
	for (i = 0; i < n; i++) {
		const struct align_principle *pr =
		    align_distiller_principle(d, i);
		long long have = align_principle_dots(pr, who);

		align_buf_printf(b, "<div class=\"field dot\"><label for=\""
		    DOTS "%s\" lang=\"\" dir=\"auto\">", pr->id);
		align_show_text(s, pr->statement ? pr->statement : pr->id);
		align_buf_printf(b, "</label>\n<select id=\"" DOTS "%s\" name=\""
		    DOTS "%s\">", pr->id, pr->id);
		for (k = 0; k <= c->o.distill.per; k++)
			align_buf_printf(b, "<option%s>%d</option>",
			    k == have ? " selected" : "", k);
		align_buf_puts(b, "</select></div>\n");
	}
	align_buf_puts(b, "</fieldset>\n<button type=\"submit\">Give my dots"
	    "</button>\n</form>\n");
}

/* Agreement to all, or an objection to one, with a reason. */
static void
agree_forms(const struct align_show *s, const struct align_distiller *d,
    const char *who)
{
	struct align_buf *b = s->b;
	size_t i, n = align_distiller_count(d), agreed = 0;

	for (i = 0; i < n; i++)
		agreed += align_principle_agreed_by(
		    align_distiller_principle(d, i), who);
	align_buf_puts(b, "<form class=\"respond\" method=\"post\" "
	    "action=\"./\">\n");
	hidden(b, "participant", who);
	hidden(b, "action", "agree");
	align_buf_printf(b, "<p>%s</p>\n<button type=\"submit\">I agree to "
	    "every principle</button>\n</form>\n", agreed == n ?
	    "You agree to every principle." : "You have not agreed to all "
	    "of them yet.");
	align_buf_puts(b, "<form class=\"respond\" method=\"post\" "
	    "action=\"./\">\n");
	hidden(b, "participant", who);
	hidden(b, "action", "object");
	align_buf_puts(b, "<div class=\"field\"><label for=\"principle\">Or "
	    "object to</label>\n<select id=\"principle\" name=\"principle\" "
	    "required>\n<option value=\"\">Choose a principle</option>\n");
	for (i = 0; i < n; i++) {
		const struct align_principle *pr =
		    align_distiller_principle(d, i);

		align_buf_puts(b, "<option lang=\"\"");
		align_html_attr(b, "value", pr->id);
		align_buf_putc(b, '>');
		align_show_text(s, pr->statement ? pr->statement : pr->id);
		align_buf_printf(b, "%s</option>\n",
		    align_principle_objected_by(pr, who) ?
		    " (you object)" : "");
	}
	align_buf_printf(b, "</select></div>\n<div class=\"field\"><label "
	    "for=\"reason\">Because</label>\n<textarea id=\"reason\" "
	    "name=\"reason\" rows=\"3\" maxlength=\"%d\" required "
	    "dir=\"auto\"></textarea></div>\n<button type=\"submit\">Object"
	    "</button>\n</form>\n", ALIGN_SERVE_REASON_MAX / 4);
}

/* One person's page: their dots, their agreement. */
static void
person_page(const struct align_serve_distill *c,
    const struct distill_state *st, const char *who, const struct said *said,
    struct align_serve_reply *r)
{
	struct align_show s = { .b = &r->body, .format = ALIGN_FMT_HTML,
	    .tool = c->o.tool };
	struct align_html_page p;

	begin(c, st, &s, &p, said);
	align_buf_puts(s.b, "<p class=\"hint\">For <strong lang=\"\">");
	align_show_text(&s, who);
	align_buf_puts(s.b, "</strong> (<a href=\"./\">not you?</a>)</p>\n");
	if (align_distiller_count(st->d) == 0) {
		align_buf_puts(s.b, "<p class=\"empty\">No principles yet: the "
		    "themes come first.</p>\n");
	} else {
		dots_form(c, &s, st->d, who);
		agree_forms(&s, st->d, who);
	}
	end(&s, &p, r);
}

/* The person of "as" or "participant" into *who: the list's spelling,
 * or NULL when not on it.  0, or -1 out of memory. */
static int
person(const struct distill_state *st, const char *typed, const char **who)
{
	const char *const *people;
	size_t n;
	long at;

	*who = NULL;
	if (typed == NULL)
		return 0;
	people = align_distiller_people(st->d, &n);
	if ((at = align_serve_resolve(st->names, people, n, typed)) == -2)
		return -1;
	*who = at >= 0 ? people[at] : NULL;
	return 0;
}

static const char *
done_says(const char *done)
{
	if (done == NULL)
		return NULL;
	if (strcmp(done, "vote") == 0)
		return "Your dots are recorded.";
	if (strcmp(done, "agree") == 0)
		return "Recorded: you agree to every principle.";
	if (strcmp(done, "object") == 0)
		return "Your objection is recorded.";
	return NULL;
}

int
distill_form(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e)
{
	struct align_serve_distill *c = ctx;
	const char *as = align_serve_get(rq, "as"), *who;
	struct said said = { NULL, NULL };
	struct align_buf why = ALIGN_BUF_INIT;
	int rc;

	pthread_rwlock_rdlock(&c->rw);
	if (person(c->st, as, &who) < 0) {
		pthread_rwlock_unlock(&c->rw);
		return align_err_nomem(e);
	}
	if (who) {
		said.notice = done_says(align_serve_get(rq, "done"));
		person_page(c, c->st, who, &said, r);
	} else {
		if (as && *as) {
			align_buf_printf(&why, "%s is not on the list of "
			    "participants: choose your name.", as);
			said.error = why.p;
		}
		who_page(c, c->st, &said, r);
	}
	pthread_rwlock_unlock(&c->rw);
	rc = why.failed ? align_err_nomem(e) : 0;
	align_buf_release(&why);
	return rc;
}

/* Principle id of the list, or NULL. */
static const struct align_principle *
principle(const struct align_distiller *d, const char *id)
{
	size_t i, n = align_distiller_count(d);

	for (i = 0; id && i < n; i++)
		if (strcmp(align_distiller_principle(d, i)->id, id) == 0)
			return align_distiller_principle(d, i);
	return NULL;
}

/* The ballot of a vote, "Ana=p1,p1,p3", into out: 0, or 400 with why. */
static int
ballot(const struct align_serve_distill *c, const struct distill_state *st,
    const struct align_serve_request *rq, const char *who,
    struct align_buf *out, struct align_buf *why)
{
	long long total = 0, n, k;
	const char *bad;
	size_t i;

	if (strpbrk(who, "=:,")) {
		align_buf_puts(why, "A name with '=', ':' or ',' cannot vote "
		    "here: use align-distill --vote.");
		return 400;
	}
	align_buf_printf(out, "%s=", who);
	for (i = 0; i < rq->nfield; i++) {
		const char *name = rq->field[i].name, *id = name + 5;

		if (strncmp(name, DOTS, 5) != 0)
			continue;
		if (principle(st->d, id) == NULL) {
			align_buf_printf(why, "There is no principle %s now.",
			    id);
			return 400;
		}
		n = align_strtonum(rq->field[i].value, 0, c->o.distill.per,
		    &bad);
		if (bad) {
			align_buf_printf(why, "Give %s from 0 to %d dots.", id,
			    c->o.distill.per);
			return 400;
		}
		for (k = 0; k < n; k++)
			align_buf_printf(out, "%s,", id);
		total += n;
	}
	if (total > c->o.distill.budget) {
		align_buf_printf(why, "That is %lld dots: you have %d.", total,
		    c->o.distill.budget);
		return 400;
	}
	return 0;
}

/* The change a post asks, checked against the list as last read: 0 and
 * ch (its strings in own), 400 or 413 with why, -1. */
static int
check(const struct align_serve_distill *c, const struct distill_state *st,
    const struct align_serve_request *rq, struct distill_change *ch,
    struct align_buf *own, struct align_buf *why)
{
	const char *action = align_serve_get(rq, "action");

	if (ch->who == NULL) {
		align_buf_puts(why, "Choose your name first.");
		return 400;
	}
	if (action && strcmp(action, "vote") == 0) {
		ch->action = DISTILL_VOTE;
		return ballot(c, st, rq, ch->who, own, why);
	}
	if (action && strcmp(action, "agree") == 0) {
		ch->action = DISTILL_AGREE;
		return 0;
	}
	if (action == NULL || strcmp(action, "object") != 0) {
		align_buf_puts(why, "Give your dots, agree, or object.");
		return 400;
	}
	ch->action = DISTILL_OBJECT;
	ch->principle = align_serve_get(rq, "principle");
	if (principle(st->d, ch->principle) == NULL) {
		align_buf_puts(why, "Choose the principle you object to.");
		return 400;
	}
	if (ch->reason == NULL || *ch->reason == '\0') {
		align_buf_puts(why, "Say why you object.");
		return 400;
	}
	if (strlen(ch->reason) > ALIGN_SERVE_REASON_MAX) {
		align_buf_printf(why, "A reason has at most %d bytes.",
		    ALIGN_SERVE_REASON_MAX);
		return 413;
	}
	return 0;
}

/* The form again with why on top: status 400 or 413. */
static int
refuse(struct align_serve_distill *c, const char *who, int status,
    const struct align_buf *why, struct align_serve_reply *r)
{
	struct said said = { NULL, why->p };

	const char *known;
	int rc;

	r->status = status;
	pthread_rwlock_rdlock(&c->rw);
	rc = person(c->st, who, &known);
	if (rc == 0 && known)
		person_page(c, c->st, known, &said, r);
	else if (rc == 0)
		who_page(c, c->st, &said, r);
	pthread_rwlock_unlock(&c->rw);
	return why->failed ? -1 : rc;
}

int
distill_post(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e)
{
	struct align_serve_distill *c = ctx;
	struct distill_change ch;
	struct align_buf own = ALIGN_BUF_INIT, why = ALIGN_BUF_INIT;
	const char *reason = align_serve_get(rq, "reason");
	char *who = NULL, *clean = reason ? align_serve_clean(reason) : NULL;
	int rc;

	memset(&ch, 0, sizeof(ch));
	pthread_rwlock_rdlock(&c->rw);
	rc = person(c->st, align_serve_get(rq, "participant"), &ch.who);
	if (rc == 0 && ch.who && (who = strdup(ch.who)) == NULL)
		rc = -1;
	ch.who = who;
	ch.reason = clean;
	if (rc == 0)
		rc = (reason && !clean) ? -1 : check(c, c->st, rq, &ch, &own,
		    &why);
	pthread_rwlock_unlock(&c->rw);
	if (rc == 0 && own.failed)
		rc = -1;
	ch.ballot = own.p;
	if (rc == 0)
		rc = distill_apply(c, &ch, &why, e);
	if (rc > 0)
		rc = refuse(c, who, rc, &why, r);
	else if (rc == 0) {
		r->status = 303;
		align_buf_puts(&r->location, "?as=");
		align_serve_html_query(&r->location, who);
		align_buf_printf(&r->location, "&done=%s", ch.action ==
		    DISTILL_VOTE ? "vote" : ch.action == DISTILL_AGREE ?
		    "agree" : "object");
	}
	if (rc < 0 && e->status == 0)
		align_err_nomem(e);
	align_buf_release(&own);
	align_buf_release(&why);
	free(who);
	free(clean);
	return rc < 0 ? -1 : 0;
}

int
distill_board(void *ctx, const struct align_serve_request *rq,
    struct align_serve_reply *r, struct align_err *e)
{
	struct align_serve_distill *c = ctx;
	struct align_show s = { .b = &r->body, .format = ALIGN_FMT_HTML,
	    .tool = c->o.tool };
	struct align_html_page p;

	pthread_rwlock_rdlock(&c->rw);
	frame(c->st, &p, "principles served", "Principles",
	    &align_serve_board_extra);
	align_serve_html_board(&s, &p, rq, "to give your dots and agree",
	    &c->st->live, r);
	pthread_rwlock_unlock(&c->rw);
	return r->body.failed ? align_err_nomem(e) : 0;
}
