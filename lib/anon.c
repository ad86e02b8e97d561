#include <string.h>
#include <sysexits.h>

#include "anon.h"
#include "record.h"
#include "response.h"

void
align_anon_init(struct align_anon *a, const unsigned char *key)
{
	memset(a, 0, sizeof(*a));
	a->key = key;
}

void
align_anon_release(struct align_anon *a)
{
	align_count_release(&a->seen);
	memset(a, 0, sizeof(*a));
}

/* A response read with a name: the same record with its pseudonym and
 * an id derived from it (and from its time and text, and which of the
 * identical ones of its input it is). */
static int
rename_response(struct align_anon *a, const struct align_node *rec,
    const struct align_response_view *r, struct align_node **out,
    struct align_err *e)
{
	char alias[ALIGN_PSEUDONYM_MAX], id[19];
	unsigned long occ;
	uint64_t h;
	struct align_node *n;

	if (align_pseudonym(a->key, r->participant, alias) < 0 ||
	    align_response_hash(alias, r->at, r->text, &h) < 0 ||
	    (occ = align_count_inc(&a->seen, h)) == 0)
		return align_err_nomem(e);
	align_response_id_of(h, occ, id);
	/* align-capture owns responses: it writes this one anew, its keys
	 * in their places. */
	n = align_node_copy(rec);
	if (n == NULL || align_map_put_str(n, "participant", alias) < 0 ||
	    align_map_put_str(n, "id", id) < 0) {
		align_node_free(n);
		return align_err_nomem(e);
	}
	n->line = rec->line;
	*out = n;
	return 1;
}

/* A response without a participant whose text begins with a "Name:"
 * (a line of plain text the reader did not take the name of, or such a
 * response captured before): a name of the roster, at any length, is
 * taken; a longer one that is not on it is refused. */
static int
nameless(struct align_anon *a, const struct align_speakers *roster,
    const struct align_response_view *r, int plain, const char *file,
    unsigned long line, struct align_node **out, struct align_err *e)
{
	const char *name = NULL, *text = r->text;
	size_t k = 0;
	struct align_node *n;
	int found = align_speakers_find(roster, text, &k, &name);

	if (found < 0)
		return align_err_nomem(e);
	if (found == 0 && (k = align_speaker_long_name(text)) > 0)
		return align_err_set(e, EX_DATAERR, file, line, 1, "'%.*s%s' "
		    "may be a name, which --anonymous would leave in the "
		    "text: put the person on the session's participants%s",
		    k > 40 ? 40 : (int)k, text, k > 40 ? "..." : "", plain ?
		    ", or name them with --participant" : "");
	if (found == 0)
		return 0;
	for (text += k + 1; *text == ' ' || *text == '\t'; text++)
		;
	if (*text == '\0')
		return align_err_set(e, EX_DATAERR, file, line, 1,
		    "empty response");
	if (align_response_new(name, plain ? NULL : r->at, r->at, r->question,
	    text, a->key, &a->seen, &n, e) < 0)
		return -1;
	n->line = line;
	*out = n;
	return 1;
}

static int
response(struct align_anon *a, const struct align_speakers *roster,
    const struct align_node *rec, const struct align_response_view *r,
    int plain, const char *file, struct align_node **out,
    struct align_err *e)
{
	int rc;

	/* A participant that is not text may hold a name all the same (the
	 * record is align-capture's own to look into). */
	if (r->participant == NULL && align_map_get(rec, "participant"))
		return align_err_set(e, EX_DATAERR, file, rec->line, 1,
		    "a participant that is not text, which --anonymous "
		    "cannot hide");
	if (r->participant && align_is_pseudonym(r->participant))
		return 0;
	if (r->participant == NULL && r->text == NULL)
		return 0;
	if (plain)	/* a new record: no theme lists it */
		return r->participant ? 0 :
		    nameless(a, roster, r, 1, file, rec->line, out, e);
	rc = r->participant ? rename_response(a, rec, r, out, e) :
	    nameless(a, roster, r, 0, file, rec->line, out, e);
	if (rc <= 0)
		return rc;
	a->renamed++;
	if (!a->themes)
		return 1;
	align_node_free(*out);
	*out = NULL;
	return align_err_set(e, EX_DATAERR, file, rec->line, 1, "a response "
	    "read with a name, after a theme: --anonymous gives it a new id, "
	    "and themes list responses by id; anonymise the responses "
	    "before align-theme");
}

int
align_anon_record(struct align_anon *a,
    const struct align_speakers *roster, const struct align_node *rec, int plain, size_t input, const char *file,
    struct align_node **out, struct align_err *e)
{
	struct align_view v;
	int rc = 0;

	*out = NULL;
	if (input != a->input) {	/* identical lines count by input */
		align_count_release(&a->seen);
		a->input = input;
	}
	if (align_view(&v, rec, e) < 0) {
		align_view_release(&v);
		return -1;
	}
	switch (v.kind) {
	case ALIGN_KIND_RESPONSE:
		rc = response(a, roster, rec, &v.u.response, plain, file, out,
		    e);
		break;
	case ALIGN_KIND_THEME:
		if (a->renamed)
			rc = align_err_set(e, EX_DATAERR, file, rec->line, 1,
			    "a theme lists responses by id, and --anonymous "
			    "gave responses read with names new ids: "
			    "anonymise the responses before align-theme");
		a->themes = 1;
		break;
	case ALIGN_KIND_PRINCIPLE:
	case ALIGN_KIND_FOLLOWUP:
	case ALIGN_KIND_CHECKIN:
	case ALIGN_KIND_REMINDER:
		rc = align_err_set(e, EX_DATAERR, file, rec->line, 1, "a %s: "
		    "--anonymous passes no record of a later step (votes, "
		    "agreement, pairs and check-ins name people); add "
		    "responses to the session file with -a instead",
		    align_kind_name(v.kind));
		break;
	default:
		break;
	}
	align_view_release(&v);
	return rc;
}
