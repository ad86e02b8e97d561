/*
 * floor-parse - the floor for the tools that read a stream: parse it with
 * libyaml and count the events, doing nothing else.
 */
#include <stdio.h>
#include <yaml.h>

int
main(int argc, char *argv[])
{
	FILE *in = argc > 1 ? fopen(argv[1], "rb") : stdin;
	yaml_parser_t p;
	yaml_event_t ev;
	unsigned long events = 0;
	int done = 0;

	if (in == NULL)
		return 66;
	yaml_parser_initialize(&p);
	yaml_parser_set_input_file(&p, in);
	while (!done) {
		if (!yaml_parser_parse(&p, &ev)) {
			fprintf(stderr, "floor-parse: %s\n", p.problem);
			return 65;
		}
		done = ev.type == YAML_STREAM_END_EVENT;
		events++;
		yaml_event_delete(&ev);
	}
	yaml_parser_delete(&p);
	printf("%lu events\n", events);
	return 0;
}
