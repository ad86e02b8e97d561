/*
 * stem - Snowball stems for the data build, from the very libstemmer the
 * tools use, so that the keys of the tables are the stems align-theme
 * looks up.  Reads "LANG<TAB>word" lines (LANG: en, es, de or fr), writes
 * one stem a line.
 */
#include <libstemmer.h>
#include <stdio.h>
#include <string.h>

int
main(void)
{
	static const char *const code[] = { "en", "es", "de", "fr" };
	static const char *const name[] = { "english", "spanish", "german",
		"french" };
	struct sb_stemmer *st[4];
	char line[4096];
	int l;

	for (l = 0; l < 4; l++)
		if ((st[l] = sb_stemmer_new(name[l], "UTF_8")) == NULL)
			return 71;
	while (fgets(line, sizeof(line), stdin)) {
		char *tab = strchr(line, '\t'), *w;
		const sb_symbol *s;

		line[strcspn(line, "\n")] = '\0';
		if (tab == NULL)
			return 65;
		*tab = '\0';
		w = tab + 1;
		for (l = 0; l < 4 && strcmp(line, code[l]); l++)
			;
		if (l == 4)
			return 65;
		s = sb_stemmer_stem(st[l], (const sb_symbol *)w, (int)strlen(w));
		if (s == NULL)
			return 71;
		fwrite(s, 1, (size_t)sb_stemmer_length(st[l]), stdout);
		putchar('\n');
	}
	for (l = 0; l < 4; l++)
		sb_stemmer_delete(st[l]);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 74;
}
