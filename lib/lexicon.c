/*
 * lexicon.c - the default lexicon of the method's domain: leadership
 * behaviours and their opposites, in English, Spanish, German and French,
 * each mapped to one concept, so that "she listened", "he heard us out"
 * and "hat uns zugehört" fall in one theme.  The format is that of
 * --synonyms files (see align-theme(1)): a concept, a colon, then words
 * and phrases separated by commas; '#' starts a comment.  Every entry is
 * stemmed in every language, so a word may be given in any form.
 */
#include "words.h"

const char *const align_default_lexicon[] = {
	"# Present, and sticking around when things are difficult (or "
	"absent).",
	"presence (present when things are difficult): "
	"was present, presence, stay late, stayed late, stays late, "
	"stick around, stuck around, sticks around, stuck with, was "
	"there, were there, be there, being there, been there, there for, "
	"there every day, show up, showed up, shows up, stood by, stand "
	"by, by my side, by our side, never left, disappear, disappeared, "
	"vanished, absent, nowhere to be found, left us alone, abandoned, "
	"difficult, hard times, tough times, crisis, outage, launch "
	"failed, layoffs, pressure, fell apart, hospital, quedarse, se "
	"quedó, se quedaba, se quedaban, quedó con, estuvo ahí, estaba "
	"ahí, estar ahí, difícil, difíciles, momentos duros, "
	"nos dejó solos, nunca nos dejó, desapareció, blieb, blieben, "
	"bleiben, war da, da sein, für uns da, an unserer Seite, "
	"schwierig, schwere Zeiten, verschwand, ließ uns allein, "
	"scheiterte, resté, rester, restait, présent, présente, là pour "
	"nous, difficile, tout allait mal, a disparu",
	"# Teaching and mentoring.",
	"mentoring (teaching and mentoring): "
	"teach, taught, teaches, teacher, mentor, mentored, "
	"mentoring, mentorship, coach, coached, coaching, showed me how, "
	"show me how, learn, learned, learning, grow, grew, growth, "
	"develop, developed, training, trained, craft, explained the why, "
	"enseñó, enseñaba, enseñar, mentora, mentor, aprender, aprendí, "
	"crecer, oficio, beigebracht, beibringen, Mentorin, Mentor, "
	"lernen, gelernt, gefördert, fördern, Feedback, appris, "
	"apprendre, enseigné, mentore, métier",
	"# Listening, and making space for every voice.",
	"listening (listening to every voice): "
	"listen, listened, listening, listens, listener, "
	"heard, hear, hear us out, heard us out, heard me out, made "
	"space, make space, quiet ones, quiet people, every voice, paid "
	"attention, pay attention, without interrupting, interrupt, "
	"interrupted, ignored, escuchar, escuchaba, escuchó, escucha, "
	"atención, zuhören, zugehört, hörte, hört, ausreden, die Leisen, "
	"écouter, écoutait, écouté, écoute",
	"# Clear expectations and goals.",
	"expectations (clear expectations): "
	"expectation, expectations, expected, expect, clear "
	"goals, clear, clarity, goal, goals, target, targets, success "
	"looked like, what success, priorities, priority, definition of "
	"done, changed every week, claridad, claro, claras, metas, meta, "
	"objetivos, esperaba, expectativas, Ziele, Ziel, klar, klare, "
	"erwartete, erwartet, Erwartungen, deutlich, objectifs, objectif, "
	"clairs, clair, attendait, attentes",
	"# Recognition and credit.",
	"recognition (recognising good work): "
	"thank, thanked, thanks, thank you, credit, "
	"recognise, recognised, recognize, recognized, recognition, "
	"praise, praised, celebrate, celebrated, appreciation, "
	"appreciated, acknowledge, acknowledged, small wins, in front of, "
	"never noticed, reconoció, reconocimiento, reconocía, agradecía, "
	"agradeció, gracias, celebraba, gelobt, Lob, loben, Danke, "
	"bedankte, anerkannt, Anerkennung, remerciait, remercié, merci, "
	"reconnaissance, félicitait",
	"# Trust, autonomy and flexibility.",
	"trust (trust and flexibility): "
	"trust, trusted, trusts, trusting, flexibility, flexible, "
	"autonomy, micromanage, micromanaged, micromanaging, freedom, own "
	"hours, my schedule, our way, work from home, let me decide, "
	"confiaba, confianza, confió, libertad, horario, flexibilidad, "
	"vertraut, vertraute, Vertrauen, Flexibilität, freie Hand, "
	"Arbeitszeit, confiance, flexibilité, liberté, contrôler",
	"# Care for the person, their family and wellbeing.",
	"care (caring for the person): "
	"care, cared, caring, wellbeing, well-being, family, ill, "
	"illness, sick, kids, children, personal, human, cuidaba, "
	"familia, enfermo, enferma, hijos, kümmerte, Familie, krank, "
	"Kinder, famille, malade, enfants",
	"# Fairness and consistency.",
	"fairness (fairness): "
	"fair, fairly, fairness, unfair, favourites, favorites, "
	"consistent, consistency, equal, equally, same rules, justo, "
	"justa, justicia, igual, fair, gerecht, Gerechtigkeit, gleich, "
	"juste, équitable, équité",
	"# Passion and energy for the work.",
	"passion (passion for the work): "
	"passion, passionate, energy, enthusiasm, enthusiastic, "
	"inspired, inspiring, inspiration, motivated, motivating, pasión, "
	"entusiasmo, inspiraba, Leidenschaft, Begeisterung, begeistert, "
	"inspirierte, passion, enthousiasme, inspirait",
	"# Communication and honesty.",
	"communication (honest communication): "
	"honest, honesty, transparent, transparency, open, "
	"openly, told us the truth, kept us informed, honesto, honesta, "
	"transparente, ehrlich, offen, transparent, honnête, transparent",
	NULL
};
