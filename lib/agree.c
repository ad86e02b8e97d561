#include <string.h>
#include <sysexits.h>

#include "agree.h"
#include "buf.h"

static const char *const names[] = {
	[ALIGN_RULE_DEFAULT] = "consensus",
	[ALIGN_CONSENSUS] = "consensus",
	[ALIGN_CONSENT] = "consent",
	[ALIGN_MAJORITY] = "majority",
};

enum align_rule
align_rule_parse(const char *name)
{
	enum align_rule r;

	for (r = ALIGN_CONSENSUS; r <= ALIGN_MAJORITY; r++)
		if (name && strcmp(name, names[r]) == 0)
			return r;
	return ALIGN_RULE_DEFAULT;
}

const char *
align_rule_name(enum align_rule r)
{
	return names[r];
}

int
align_rule_met(enum align_rule r, const struct align_principle *p,
    const char *const *people, size_t npeople)
{
	size_t i, yes = 0;

	for (i = 0; i < npeople; i++)
		yes += align_principle_agreed_by(p, people[i]);
	switch (r) {
	case ALIGN_CONSENT:
		return p->nobjections == 0;
	case ALIGN_MAJORITY:
		return yes * 2 > npeople;
	default:
		return npeople > 0 && yes == npeople && p->nobjections == 0;
	}
}

int
align_agree_all(struct align_plist *l, const char *who, struct align_err *e)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (align_principle_agree(l->v[i], who) < 0)
			return align_err_nomem(e);
	return 0;
}

int
align_object(struct align_plist *l, const char *spec, const char *reason,
    struct align_err *e)
{
	const char *colon = strrchr(spec, ':');
	struct align_buf who = ALIGN_BUF_INIT;
	struct align_err x = ALIGN_ERR_INIT;
	long at;
	int rc;

	if (colon == NULL || colon == spec)
		return align_err_set(e, EX_USAGE, NULL, 0, 0,
		    "--object: expected NAME:ID REASON, not '%s'", spec);
	if ((at = align_plist_resolve(l, colon + 1, EX_USAGE, &x)) < 0)
		return x.status == EX_USAGE ? align_err_set(e, EX_USAGE,
		    NULL, 0, 0, "--object: %s", x.msg) : align_err_nomem(e);
	align_buf_add(&who, spec, (size_t)(colon - spec));
	rc = who.failed || align_principle_object(l->v[at], who.p,
	    reason) < 0 ? align_err_nomem(e) : 0;
	align_buf_release(&who);
	return rc;
}
