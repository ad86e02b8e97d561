/*
 * floor-emit - the floor for align-capture: read plain-text lines
 * ("Name: text") and emit the same response records with libyaml's
 * emitter, doing nothing else.  A tool cannot be faster than this by
 * much; the benchmark reports its time as a multiple of this one.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

static void
scalar(yaml_emitter_t *em, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), 1, 1, style);
	if (!yaml_emitter_emit(em, &ev))
		exit(74);
}

static void
pair(yaml_emitter_t *em, const char *k, const char *v)
{
	scalar(em, k, YAML_PLAIN_SCALAR_STYLE);
	scalar(em, v, YAML_ANY_SCALAR_STYLE);
}

static int
out(void *data, unsigned char *buf, size_t n)
{
	return fwrite(buf, 1, n, data) == n;
}

int
main(int argc, char *argv[])
{
	FILE *in = argc > 1 ? fopen(argv[1], "r") : stdin;
	yaml_emitter_t em;
	yaml_event_t ev;
	char *line = NULL, id[32];
	size_t cap = 0;
	ssize_t len;
	unsigned long n = 0;

	if (in == NULL)
		return 66;
	yaml_emitter_initialize(&em);
	yaml_emitter_set_output(&em, out, stdout);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	yaml_emitter_emit(&em, &ev);
	while ((len = getline(&line, &cap, in)) > 0) {
		char *text = strstr(line, ": "), *who = line;

		if (line[len - 1] == '\n')
			line[len - 1] = '\0';
		if (text) {
			*text = '\0';
			text += 2;
		} else {
			text = line;
			who = NULL;
		}
		snprintf(id, sizeof(id), "r-%016lx", n++);
		yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 0);
		yaml_emitter_emit(&em, &ev);
		yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
		    YAML_BLOCK_MAPPING_STYLE);
		yaml_emitter_emit(&em, &ev);
		pair(&em, "kind", "response");
		pair(&em, "id", id);
		if (who)
			pair(&em, "participant", who);
		pair(&em, "at", "2026-12-02T12:00:00Z");
		pair(&em, "text", text);
		yaml_mapping_end_event_initialize(&ev);
		yaml_emitter_emit(&em, &ev);
		yaml_document_end_event_initialize(&ev, 1);
		if (!yaml_emitter_emit(&em, &ev))
			return 74;
	}
	yaml_stream_end_event_initialize(&ev);
	yaml_emitter_emit(&em, &ev);
	yaml_emitter_flush(&em);
	yaml_emitter_delete(&em);
	free(line);
	return fflush(stdout) == 0 ? 0 : 74;
}
