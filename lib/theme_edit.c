/*
 * People's edits win: rename, merge and move on the themes of the input;
 * the themes people made kept, with the responses they placed; a label a
 * person edited on an automatic theme kept while the theme comes out the
 * same.
 */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "grow.h"
#include "handle.h"
#include "theme_int.h"

/* The theme of the input that handle names (handle.h), or NULL and e
 * (64: none, or more than one). */
static struct earlier *
find_earlier(struct align_themer *t, const char *handle, struct align_err *e)
{
	const char **ids = malloc((t->nold + 1) * sizeof(*ids));
	size_t i;
	long at;

	if (ids == NULL) {
		align_err_nomem(e);
		return NULL;
	}
	for (i = 0; i < t->nold; i++)
		ids[i] = !t->old[i].merged && t->old[i].rec ? t->old[i].id :
		    NULL;
	if (align_handle_find(ids, t->nold, handle) == ALIGN_HANDLE_NONE)
		at = align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "no theme '%s' in the input", handle);
	else
		at = align_handle_resolve(ids, t->nold, handle, "theme",
		    EX_USAGE, e);
	free(ids);
	return at < 0 ? NULL : &t->old[at];
}

/* The response that handle names, or -1 and e (64, 71). */
static long
find_response(struct align_themer *t, const char *handle,
    struct align_err *e)
{
	long r = align_dict_id(&t->ids, handle, strlen(handle), 0);

	if (r >= 0)
		return r;
	if (align_handle_find((const char *const *)t->ids.str, t->ids.n,
	    handle) == ALIGN_HANDLE_NONE)
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "no response '%s' in the input", handle);
	return align_handle_resolve((const char *const *)t->ids.str,
	    t->ids.n, handle, "response", EX_USAGE, e);
}

/* The part of an edit before its '=', made a string: *id (the caller
 * frees it), or -1 and e (71). */
static int
before_eq(const char *s, const char *eq, char **id, struct align_err *e)
{
	if ((*id = strndup(s, (size_t)(eq - s))) == NULL)
		return align_err_nomem(e);
	return 0;
}

/* Add response id to o's. */
static int
add_to(struct earlier *o, const char *id)
{
	if (ALIGN_GROW(o->resp, o->nresp + 1, o->cap) < 0)
		return -1;
	o->resp[o->nresp++] = id;
	return 0;
}

/* --rename THEME=LABEL */
static int
rename_theme(struct align_themer *t, const char *s, struct align_err *e)
{
	const char *eq = strchr(s, '=');
	struct earlier *o;
	char *id;
	int rc = 0;

	if (eq == NULL || eq == s || eq[1] == '\0')
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "--rename: expected THEME=LABEL, not '%s'", s);
	if (before_eq(s, eq, &id, e) < 0)
		return -1;
	if ((o = find_earlier(t, id, e)) == NULL)
		rc = -1;
	else if (align_map_put_str(o->rec, "label", eq + 1) < 0)
		rc = align_err_nomem(e);
	else {
		o->label = NULL;	/* the record's is new */
		o->manual = 1;
	}
	free(id);
	return rc;
}

/* The responses of from go to into; from is no longer there (its record
 * stays, for into borrows its ids). */
static int
merge_into(struct earlier *into, struct earlier *from, struct align_err *e)
{
	size_t j;

	for (j = 0; j < from->nresp; j++)
		if (add_to(into, from->resp[j]) < 0)
			return align_err_nomem(e);
	from->merged = 1;
	return 0;
}

/* --merge THEME,THEME...: into the first. */
static int
merge_themes(struct align_themer *t, const char *s, struct align_err *e)
{
	char *list = strdup(s), *p, *save = NULL;
	struct earlier *into = NULL;
	size_t named = 0;
	int rc = 0;

	if (list == NULL)
		return align_err_nomem(e);
	for (p = strtok_r(list, ",", &save); p && rc == 0;
	    p = strtok_r(NULL, ",", &save)) {
		struct earlier *o = find_earlier(t, p, e);

		named++;
		if (o == NULL)
			rc = -1;
		else if (into == NULL) {
			into = o;
			into->manual = 1;
		} else if (o != into)
			rc = merge_into(into, o, e);
	}
	free(list);
	if (rc == 0 && named < 2)
		rc = align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "--merge: expected THEME,THEME, not '%s'", s);
	return rc;
}

/* Response id out of every theme of the input that has it; those are
 * edited. */
static void
take_out(struct align_themer *t, const char *id)
{
	size_t i, j, k;

	for (i = 0; i < t->nold; i++) {
		struct earlier *o = &t->old[i];

		if (o->merged || o->rec == NULL)
			continue;
		for (j = k = 0; j < o->nresp; j++)
			if (strcmp(o->resp[j], id) != 0)
				o->resp[k++] = o->resp[j];
		if (k < o->nresp)
			o->manual = 1;
		o->nresp = k;
	}
}

/* --move RESPONSE=THEME */
static int
move_response(struct align_themer *t, const char *s, struct align_err *e)
{
	const char *eq = strchr(s, '=');
	struct earlier *o;
	char *id;
	long r;
	int rc = 0;

	if (eq == NULL || eq == s)
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "--move: expected RESPONSE=THEME, not '%s'", s);
	if (before_eq(s, eq, &id, e) < 0)
		return -1;
	if ((r = find_response(t, id, e)) < 0 ||
	    (o = find_earlier(t, eq + 1, e)) == NULL)
		rc = -1;
	else {
		take_out(t, align_themer_resp_id(t, (uint32_t)r));
		if (add_to(o, align_themer_resp_id(t, (uint32_t)r)) < 0)
			rc = align_err_nomem(e);
		o->manual = 1;
	}
	free(id);
	return rc;
}

int
align_themer_edit(struct align_themer *t, struct align_err *e)
{
	size_t i;

	for (i = 0; i < t->o.nrename; i++)
		if (rename_theme(t, t->o.rename[i], e) < 0)
			return -1;
	for (i = 0; i < t->o.nmerge; i++)
		if (merge_themes(t, t->o.merge[i], e) < 0)
			return -1;
	for (i = 0; i < t->o.nmove; i++)
		if (move_response(t, t->o.move[i], e) < 0)
			return -1;
	return 0;
}

/* The theme a person made of o, with the responses of o still there and
 * not placed already (in id order): its record is o's. */
static int
keep_one(struct align_themer *t, struct earlier *o, struct align_err *e)
{
	struct theme th;
	size_t j;

	memset(&th, 0, sizeof(th));
	th.manual = 1;
	if ((th.member = malloc((o->nresp + 1) * sizeof(*th.member))) == NULL)
		return align_err_nomem(e);
	for (j = 0; j < o->nresp; j++) {
		long r = align_dict_id(&t->ids, o->resp[j], strlen(o->resp[j]),
		    0);

		if (r < 0 || t->resp[r].placed)
			continue;	/* gone, or placed already */
		t->resp[r].placed = 1;
		th.member[th.n++] = (uint32_t)r;
	}
	th.rec = o->rec;
	o->rec = NULL;
	o->nresp = 0;	/* its ids may be the record's, which is the theme's */
	if (align_themer_sort(t, th.member, th.n) < 0 ||
	    align_map_put_str(th.rec, "source", "manual") < 0) {
		align_theme_release(&th);
		return align_err_nomem(e);
	}
	return align_themer_add_theme(t, &th, e);
}

int
align_themer_keep_manual(struct align_themer *t, struct align_err *e)
{
	size_t i;

	for (i = 0; i < t->nold; i++)
		if (t->old[i].manual && !t->old[i].merged &&
		    t->old[i].rec != NULL && keep_one(t, &t->old[i], e) < 0)
			return -1;
	return 0;
}

int
align_theme_label_is(const char *label, const char *made)
{
	size_t n = strlen(made);
	const char *p = label + n;

	if (strncmp(label, made, n) != 0)
		return 0;
	if (*p == '\0')
		return 1;
	if (strncmp(p, " (", 2) != 0 || !isdigit((unsigned char)p[2]))
		return 0;
	for (p += 2; isdigit((unsigned char)*p); p++)
		;
	return strcmp(p, "%)") == 0;
}

int
align_themer_keep_label(struct align_themer *t, struct theme *th,
    uint64_t set, struct align_err *e)
{
	size_t j;

	for (j = 0; j < t->nold; j++) {
		const struct earlier *o = &t->old[j];

		if (o->rec == NULL || o->merged || o->manual || o->set != set)
			continue;
		if (o->label && !align_theme_label_is(o->label, th->label)) {
			if (align_map_put_str(th->rec, "label", o->label) < 0)
				return align_err_nomem(e);
			align_map_del(th->rec, "purity");
			th->manual = 1;
		}
		break;
	}
	return 0;
}
