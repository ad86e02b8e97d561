#include <stddef.h>
#include <string.h>

#include "schema.h"

struct kind {
	const char *name;
	const char *const keys[16];
	const char *const numeric[4];	/* keys whose values are numbers */
};

static const struct kind kinds[] = {
	{ "session", { "kind", "id", "title", "purpose", "question", "date",
	    "duration", "place", "facilitator", "participants", "uid",
	    "sequence", NULL }, { "sequence", NULL } },
	{ "response", { "kind", "id", "participant", "at", "question",
	    "text", NULL }, { NULL } },
	{ "theme", { "kind", "id", "label", "keywords", "responses",
	    "support", "typical", "source", NULL }, { "support", NULL } },
	{ "principle", { "kind", "id", "statement", "themes", "votes",
	    "agreed", "objections", "status", NULL }, { "votes", NULL } },
	{ "followup", { "kind", "id", "date", "every", "principles", "pairs",
	    "with", "uid", "sequence", NULL }, { "sequence", NULL } },
	{ "checkin", { "kind", "id", "followup", "participant", "principle",
	    "outcome", "note", "at", NULL }, { NULL } },
};

static const char *const unknown_keys[] = { "kind", "id", NULL };

static const struct kind *
find(const char *kind)
{
	size_t i;

	if (kind == NULL)
		return NULL;
	for (i = 0; i < sizeof(kinds) / sizeof(kinds[0]); i++)
		if (strcmp(kinds[i].name, kind) == 0)
			return &kinds[i];
	return NULL;
}

const char *const *
align_schema_keys(const char *kind)
{
	const struct kind *k = find(kind);

	return k ? k->keys : unknown_keys;
}

int
align_schema_known(const char *kind)
{
	return find(kind) != NULL;
}

int
align_schema_is_text(const char *kind, const char *key)
{
	const struct kind *k = find(kind);
	size_t i;

	if (strcmp(key, "kind") == 0 || strcmp(key, "id") == 0)
		return 1;
	if (k == NULL)
		return 0;
	for (i = 0; k->numeric[i]; i++)
		if (strcmp(k->numeric[i], key) == 0)
			return 0;
	for (i = 0; k->keys[i]; i++)
		if (strcmp(k->keys[i], key) == 0)
			return 1;
	return 0;
}
