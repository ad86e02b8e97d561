/*
 * phrases.h - the phrase tables of gen.c: what survey answers to "a time a
 * supervisor impacted you" are made of, in English, Spanish, German and
 * French.  Included once, by gen.c.
 *
 * A template is text with two kinds of choice, expanded by gen.c:
 *
 *   (a|b|c)   one of the alternatives, uniformly; they nest; one may be
 *             empty, "(very |)"
 *   {x}       a slot, filled afresh each time:
 *             S the subject (the supervisor, in the response's gender)
 *             H she/he   h her/him (es: ella/él, de: ihr/ihm, fr: elle/lui)
 *             G her/his (English)   Z herself/himself
 *             e "e" for a woman (fr: restée; de: meine), else ""
 *             a "a" for a woman (es: mentora), else ""
 *             o "a" for a woman, else "o" (es: justa, justo)
 *             n "in" for a woman (de: Mentorin), else ""
 *             f the supervisor's first name   F anyone's   L a surname
 *             D a department   T a team   P a place   C a product or client (a Zipf draw
 *             from an unbounded list of made-up names)   R a rare word
 *             (likewise)   X a piece of work (es, de, fr: with article)
 *             Y a year   N a small number   M an amount   K a ticket
 *             number   Q a quarter   A an adverb or nothing
 *
 * Each theme (a behaviour) has, in each language: predicates that follow
 * the subject (pred), sentences of their own (more), whole short answers
 * (brief) and content words (kw, for the look of the table only).  The
 * background (openers, context, closings, connectors, work nouns) is
 * shared by all themes of a language, so themes overlap the way answers
 * do.  A template stays on one line, however long, so that it reads whole.
 */

#define L0 NULL

/* ---- English ---------------------------------------------------- */

static const char *const en_subj[] = {
	"my (first |old |former |previous |)(manager|boss|supervisor|team lead|line manager)",
	"our (director|department head|head of department|VP|engineering manager|shift supervisor|store manager|site lead|charge nurse|principal|editor|head chef|partner in charge)",
	"{f}, my (manager|lead|supervisor|boss)( at the time| back then|),",
	"the best (manager|boss|leader) I (ever had|have worked for|ever worked with)",
	"(one|a) (former|previous) (manager|supervisor|boss) (of mine|at {C}|in {P})",
	"my (current|new) (manager|lead|director)",
	"{f} {L}, who ran {T},",
	L0
};
static const char *const en_open[] = {
	"When I (joined|started on|moved to) {T}( in {P}| back in {Y}| as a (junior|new) (analyst|engineer|nurse|designer|associate|developer|accountant|teacher|technician)|)",
	"(A few|Two|Three|Many|{N}) years ago(, at {C}| in {P}| on the {X}|)",
	"In my (first|second|last|previous) (job|role|company)( at {C}| in {P}|)",
	"Back in {Y}(, when we were (still small|a startup|being acquired|in the middle of the {X})|)",
	"During (the|my first) {X}( in {Y}| at {C}| in {P}|)",
	"(Honestly|To be honest|Looking back|Thinking about it|Off the top of my head)",
	"(Right after|Just before) the {X}( in {Q}|)",
	L0
};
static const char *const en_bg[] = {
	"we were a (small|remote|distributed|new|tired|scrappy) team of {N} (people|engineers|nurses|analysts|agents|designers) (spread across|split between) {P} and {P}",
	"the {X} was (already|about) {N} (weeks|months) (late|behind schedule|over budget)",
	"(our|the) {C} (rollout|integration|contract|launch|renewal) had (just |)(slipped|failed|been cancelled)( again| for the second time|)",
	"(at the time|back then) I was (working|doing) {N}-hour (days|shifts) (on|for) the {C} (account|project|launch)",
	"(the|our) (budget|headcount|timeline) (had been|was) cut by {M}",
	"(there were|we had) {N} (open tickets|escalations|vacancies|audits|deadlines) (that week|that month|in {Q})",
	"(ticket|issue|case) #{K} (was|had become) (the running joke|a nightmare|everyone's priority)( for months| on the team|)",
	"{F} from (finance|legal|HR|sales|operations|marketing|procurement|{T}) (kept|was) (pushing|asking) for (updates|numbers|a decision|the {X} report)",
	"I had (just|only recently) (moved|relocated) (from {P} to {P}|to {P})( for the job| with my family|)",
	"we (used|relied on) {C} and (some|an old|a homegrown) {R} (tool|system|spreadsheet|process) for (everything|tracking|the {X})",
	"the {R} (situation|issue|problem) (with|at) {C} (was|had been) (a mess|ongoing|escalating)",
	"(our|the) (customer|client) in {P} (was|had been) threatening to (leave|cancel|escalate to {L})",
	"(nobody|no one) (on the team|in the office|) had (done|seen) a {X} (like that|that big|before)",
	"it was (my|our) (first|second|third) {X} (with {C}|in {P}|that year)",
	"(the|our) (numbers|results|scores) for {Q} (were|looked) (bad|awful|worse than expected)( by {M}|)",
	"the (organisation|company|hospital|department) was (going through|in the middle of) (a painful restructuring|an acquisition by {C}|a leadership transition|a cost-cutting programme|a {R} initiative)",
	"(communication|coordination) between (departments|headquarters and the regional offices|engineering and operations|{T} and {T}) was (practically nonexistent|terrible|inconsistent)",
	"(everybody|everyone) was (exhausted|overwhelmed|demotivated|frustrated) after (months|quarters) of (reorganisations|unrealistic deadlines|constant firefighting|{R} meetings)",
	"(management|leadership) priorities kept changing (depending on|according to) (whoever shouted loudest|the latest customer complaint|the quarterly results|what {C} wanted)",
	"the (engagement|customer satisfaction|retention) (scores|numbers|metrics) for {T} were (disappointing|deteriorating|declining)",
	"(half|most) of the team had (left|resigned|transferred) (to {C}|within {N} months|after the {X})",
	"we were (rebuilding|replacing|migrating) the {R} (platform|pipeline|workflow|database) (from|off) {C}( under enormous pressure| with {N} contractors|)",
	"I was (the only|one of {N}) (women|juniors|new hires|contractors|remote people) on (the|a) {R} (programme|workstream|committee)",
	L0
};
static const char *const en_close[] = {
	"(that|it) made (a huge|all the|a real) difference( for me| to the whole team|)",
	"I still (think about|remember) (that|it)( today| every week| whenever I manage someone|)",
	"I try to do the same (with|for) my own team( now| today| since I became a manager|)",
	"(I wish|I hope) more (leaders|managers|people) (did|worked like) that",
	"(ten|{N}) years later I still (remember|appreciate) it",
	"(it|that) is the (kind|type) of (leader|manager|boss) I want to be",
	"(not many|few) (managers|bosses) (do|did) that",
	"(that|this) is (why|the reason) I stayed (at {C} |on the team |)(for|another) {N} years",
	"(that|it) (fundamentally|completely|permanently) changed how I (approach|think about) (leadership|management|my own responsibilities)",
	"(years|decades) later I (still|regularly) (recommend|describe) {h} as the (benchmark|standard|example) for (leadership|management)",
	L0
};
static const char *const en_conn[] = {
	". ", ". ", ". ", ". ", ". ", ". ", ", and ", "; ", ". Also, ",
	". And ", ". But ", ", so ", " and ", ". (Honestly|Really|Basically), ",
	L0
};
static const char *const en_work[] = {
	"project", "launch", "release", "migration", "audit", "reorg",
	"merger", "product launch", "system outage", "client escalation",
	"hiring freeze", "budget cycle", "quarter close", "year-end review",
	"rollout", "restructuring", "office move", "pilot", "go-live",
	"recall", "inspection", "peak season", "tender", "acquisition",
	"integration", "redesign", "negotiation", "strike", "pandemic",
	"lockdown", "night shift", "busy season", "conference", "campaign",
	"trial", "data breach", "compliance review", "relaunch", "upgrade",
	"cutover", "holiday rush", "board meeting", "accreditation",
	"turnaround", "rebrand", "ERP migration", "warehouse move",
	"performance review", "grant application", "site visit", L0
};
static const char *const en_dept[] = {
	"Payments", "Platform", "Data", "Mobile", "Growth", "Claims",
	"Billing", "Logistics", "Customer Success", "Support", "Finance",
	"Infrastructure", "Security", "Research", "Sales", "Marketing",
	"Procurement", "Compliance", "Pharmacy", "Emergency", "Radiology",
	"Maintenance", "Warehouse", "Quality", "Operations", "Legal",
	"Design", "Analytics", "Editorial", "Underwriting", "Facilities",
	"Field Service", "Onboarding", "Treasury", "Risk", L0
};
static const char *const en_team[] = {
	"(the|our) ({D}|{C}) (team|group|department|squad|unit)", L0
};
static const char *const en_adv[] = {
	"", "", "", "", "really ", "always ", "honestly ", "genuinely ",
	"consistently ", "actually ", L0
};
static const char *const en_fnf[] = {
	"Sarah", "Jennifer", "Emily", "Jessica", "Ashley", "Amanda", "Megan",
	"Rachel", "Laura", "Hannah", "Olivia", "Grace", "Chloe", "Susan",
	"Karen", "Linda", "Patricia", "Nicole", "Rebecca", "Michelle",
	"Priya", "Aisha", "Mei", "Fatima", "Keisha", "Maria", "Danielle",
	"Heather", "Claire", "Fiona", "Siobhan", "Zoe", "Lucy", "Abigail",
	"Natalie", "Victoria", "Ingrid", "Yuki", "Amara", "Nadia", L0
};
static const char *const en_fnm[] = {
	"James", "John", "Robert", "Michael", "David", "William", "Richard",
	"Thomas", "Daniel", "Matthew", "Andrew", "Joshua", "Ryan", "Kevin",
	"Brian", "Jason", "Mark", "Steven", "Paul", "Chris", "Raj", "Omar",
	"Wei", "Kwame", "Tyrone", "Luis", "Sean", "Liam", "Connor", "Ethan",
	"Nathan", "Gareth", "Hamish", "Aiden", "Derek", "Greg", "Hiroshi",
	"Tunde", "Vikram", "Malik", L0
};
static const char *const en_last[] = {
	"Smith", "Johnson", "Williams", "Brown", "Jones", "Miller", "Davis",
	"Wilson", "Anderson", "Taylor", "Thomas", "Moore", "Jackson", "White",
	"Harris", "Martin", "Thompson", "Robinson", "Clark", "Lewis", "Walker",
	"Hall", "Allen", "Young", "King", "Wright", "Scott", "Green", "Baker",
	"Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts", "Carter",
	"Phillips", "Evans", "Turner", "Parker", "Collins", "Edwards",
	"Stewart", "Murphy", "Cook", "Rogers", "Morgan", "Cooper", "Patel",
	"Nguyen", "Kim", "Chen", "Singh", "O'Brien", "MacLeod", "Okafor",
	"Kowalski", "Hughes", "Fletcher", "Reid", L0
};

/* ---- Spanish ---------------------------------------------------- */

static const char *const es_subjf[] = {
	"mi (jefa|supervisora|primera jefa|antigua jefa|directora|coordinadora|responsable)",
	"{f}, mi jefa( de entonces| en {C}|),",
	"la mejor jefa que he tenido",
	"una (antigua|anterior) jefa( en {P}| en {C}|)",
	L0
};
static const char *const es_subjm[] = {
	"mi (jefe|supervisor|primer jefe|antiguo jefe|director|coordinador|responsable)",
	"{f}, mi jefe( de entonces| en {C}|),",
	"el mejor jefe que he tenido",
	"un (antiguo|anterior) jefe( en {P}| en {C}|)",
	L0
};
static const char *const es_open[] = {
	"Cuando (empecé|entré) en {T}( en {P}| en {Y}|)",
	"Hace (unos|dos|tres|muchos|{N}) años(, en {C}| en {P}|)",
	"En mi (primer|anterior|último) trabajo( en {C}| en {P}|)",
	"En {Y}(, cuando todavía éramos una empresa pequeña|, antes de la fusión|)",
	"Durante {X}( en {Y}| en {P}|)",
	"(Sinceramente|La verdad|Si lo pienso bien|Sin duda)",
	L0
};
static const char *const es_bg[] = {
	"éramos un equipo de {N} personas repartidas entre {P} y {P}",
	"{X} ya llevaba {N} (semanas|meses) de retraso",
	"yo trabajaba jornadas de {N} horas en la cuenta de {C}",
	"el presupuesto se había recortado un {M}",
	"teníamos {N} (incidencias|escalados|vacantes|auditorías) abiertas (esa semana|ese mes|en {Q})",
	"{F} de (finanzas|recursos humanos|ventas|operaciones|compras) no paraba de pedir (datos|informes|una decisión)",
	"usábamos {C} y una hoja de cálculo (antigua|casera) para todo",
	"lo del {R} con {C} era un lío",
	"la incidencia #{K} se había convertido en una pesadilla",
	"el cliente de {P} amenazaba con irse",
	L0
};
static const char *const es_close[] = {
	"eso marcó la diferencia( para mí| para todo el equipo|)",
	"todavía me acuerdo( cada semana| hoy en día|)",
	"intento hacer lo mismo con mi equipo",
	"ojalá más jefes fueran así",
	"es el tipo de líder que quiero ser",
	"por eso me quedé {N} años más( en {C}|)",
	L0
};
static const char *const es_conn[] = {
	". ", ". ", ". ", ". ", ". Además, ", ", y ", ". Y ", "; ", ". Pero ",
	L0
};
static const char *const es_work[] = {
	"el proyecto", "el lanzamiento", "la migración", "la auditoría",
	"la reorganización", "la fusión", "el cierre del trimestre",
	"la caída del sistema", "la crisis con el cliente",
	"la congelación de contrataciones", "el traslado de oficina",
	"la campaña", "la temporada alta", "la inspección", "la integración",
	"la pandemia", "la huelga", "la negociación", "el piloto",
	"la puesta en marcha", "la auditoría externa", "el cierre del año",
	"la licitación", "la implantación del ERP", L0
};
static const char *const es_dept[] = {
	"ventas", "finanzas", "logística", "soporte", "operaciones",
	"marketing", "compras", "calidad", "urgencias", "farmacia",
	"mantenimiento", "almacén", "datos", "sistemas", "atención al cliente",
	"riesgos", "tesorería", L0
};
static const char *const es_team[] = { "el equipo de ({D}|{C})", L0 };
static const char *const es_adv[] = {
	"", "", "", "siempre ", "de verdad ", "realmente ", L0
};
static const char *const es_fnf[] = {
	"Ana", "María", "Lucía", "Carmen", "Laura", "Marta", "Elena", "Paula",
	"Sofía", "Isabel", "Raquel", "Cristina", "Beatriz", "Pilar", "Nuria",
	"Alba", "Irene", "Rocío", "Montserrat", "Ainhoa", "Valentina",
	"Camila", "Daniela", "Ximena", L0
};
static const char *const es_fnm[] = {
	"Javier", "Carlos", "José", "Antonio", "Manuel", "David", "Pablo",
	"Sergio", "Álvaro", "Diego", "Jorge", "Alejandro", "Raúl", "Fernando",
	"Iñaki", "Jordi", "Andrés", "Rubén", "Gonzalo", "Mateo", "Santiago",
	"Tomás", "Emilio", "Joaquín", L0
};
static const char *const es_last[] = {
	"García", "Rodríguez", "González", "Fernández", "López", "Martínez",
	"Sánchez", "Pérez", "Gómez", "Martín", "Jiménez", "Ruiz", "Hernández",
	"Díaz", "Moreno", "Muñoz", "Álvarez", "Romero", "Navarro", "Torres",
	"Domínguez", "Vázquez", "Ramos", "Gil", "Serrano", "Molina", "Castro",
	"Ortega", "Rubio", "Iglesias", "Etxeberria", "Puig", L0
};

/* ---- German ----------------------------------------------------- */

static const char *const de_subjf[] = {
	"meine (Chefin|Vorgesetzte|erste Chefin|frühere Chefin|Teamleiterin|Abteilungsleiterin|Schichtleiterin|Bereichsleiterin)",
	"{f}, meine damalige Chefin,",
	"die beste Chefin, die ich je hatte,",
	L0
};
static const char *const de_subjm[] = {
	"mein (Chef|Vorgesetzter|erster Chef|früherer Chef|Teamleiter|Abteilungsleiter|Schichtleiter|Bereichsleiter)",
	"{f}, mein damaliger Chef,",
	"der beste Chef, den ich je hatte,",
	L0
};
/* German openers are sentences of their own: a clause before the subject
 * would need the verb first. */
static const char *const de_open[] = {
	"das war {Y}, als ich bei {C} in {P} angefangen habe",
	"vor (ein paar|zwei|drei|vielen|{N}) Jahren war ich (bei {C}|in {P}|im Vertrieb|in der IT)",
	"in meinem (ersten|letzten|früheren) Job bei {C} war das so",
	"es ging um {X}( im Jahr {Y}| bei {C}|)",
	"(ehrlich gesagt|im Rückblick|ganz klar) fällt mir da sofort jemand ein",
	L0
};
static const char *const de_bg[] = {
	"wir waren ein Team von {N} Leuten zwischen {P} und {P}",
	"{X} war schon {N} (Wochen|Monate) im Verzug",
	"ich hatte damals {N}-Stunden-Tage für den Kunden {C}",
	"das Budget war um {M} gekürzt worden",
	"wir hatten {N} offene (Tickets|Eskalationen|Stellen) (in der Woche|im Monat|in {Q})",
	"{F} aus (dem Controlling|der Personalabteilung|dem Vertrieb|dem Einkauf) wollte ständig (Zahlen|Berichte|eine Entscheidung)",
	"wir nutzten {C} und eine alte Excel-Tabelle für alles",
	"das {R}-Thema mit {C} war ein Chaos",
	"Ticket #{K} war monatelang ein Running Gag",
	"der Kunde in {P} drohte mit Kündigung",
	L0
};
static const char *const de_close[] = {
	"das hat einen großen Unterschied gemacht",
	"daran denke ich heute noch",
	"ich versuche, es mit meinem Team genauso zu machen",
	"ich wünschte, mehr Führungskräfte wären so",
	"so eine Führungskraft möchte ich sein",
	"deshalb bin ich noch {N} Jahre geblieben",
	L0
};
static const char *const de_conn[] = {
	". ", ". ", ". ", ". ", ", und ", "; ", ". Aber ", ". Und ", L0
};
static const char *const de_work[] = {
	"das Projekt", "der Launch", "die Migration", "das Audit",
	"die Umstrukturierung", "die Fusion", "der Quartalsabschluss",
	"der Systemausfall", "die Kundeneskalation", "der Einstellungsstopp",
	"der Umzug", "die Kampagne", "die Hochsaison", "die Prüfung",
	"die Integration", "die Pandemie", "der Streik", "die Verhandlung",
	"das Pilotprojekt", "die Inbetriebnahme", "die Jahresplanung",
	"das Release", "die SAP-Einführung", "der Jahresabschluss", L0
};
static const char *const de_dept[] = {
	"Vertrieb", "Controlling", "Logistik", "Support", "Betrieb",
	"Marketing", "Einkauf", "Qualität", "Notaufnahme", "Apotheke",
	"Wartung", "Lager", "Daten", "IT", "Kundenservice", "Buchhaltung",
	L0
};
static const char *const de_team[] = { "das Team ({D}|{C})", L0 };
static const char *const de_adv[] = {
	"", "", "", "wirklich ", "immer ", "ehrlich gesagt ", L0
};
static const char *const de_fnf[] = {
	"Anna", "Julia", "Katharina", "Sabine", "Claudia", "Stefanie",
	"Petra", "Monika", "Birgit", "Lena", "Sophie", "Miriam", "Jana",
	"Ulrike", "Heike", "Franziska", "Johanna", "Greta", "Ayşe", "Elif",
	L0
};
static const char *const de_fnm[] = {
	"Thomas", "Michael", "Andreas", "Stefan", "Markus", "Jürgen", "Klaus",
	"Frank", "Tobias", "Florian", "Jan", "Lukas", "Matthias", "Uwe",
	"Sebastian", "Dirk", "Björn", "Jörg", "Mehmet", "Can", L0
};
static const char *const de_last[] = {
	"Müller", "Schmidt", "Schneider", "Fischer", "Weber", "Meyer",
	"Wagner", "Becker", "Schulz", "Hoffmann", "Schäfer", "Koch", "Bauer",
	"Richter", "Klein", "Wolf", "Schröder", "Neumann", "Schwarz",
	"Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange",
	"Schmitt", "Werner", "Krause", "Meier", "Lehmann", "Yılmaz", "Öztürk",
	L0
};

/* ---- French ----------------------------------------------------- */

static const char *const fr_subjf[] = {
	"ma (responsable|cheffe|manager|supérieure|directrice|première cheffe|ancienne responsable|cheffe de service)",
	"{f}, ma responsable( de l'époque| chez {C}|),",
	"la meilleure manager que j'aie eue",
	L0
};
static const char *const fr_subjm[] = {
	"mon (responsable|chef|manager|supérieur|directeur|premier chef|ancien responsable|chef de service)",
	"{f}, mon responsable( de l'époque| chez {C}|),",
	"le meilleur manager que j'aie eu",
	L0
};
static const char *const fr_open[] = {
	"Quand j'ai (commencé|rejoint) {T}( à {P}| en {Y}|)",
	"Il y a (quelques|deux|trois|plusieurs|{N}) années(, chez {C}| à {P}|)",
	"Dans mon (premier|ancien|dernier) poste( chez {C}| à {P}|)",
	"En {Y}(, quand on était encore une petite boîte|, juste avant la fusion|)",
	"Pendant {X}( en {Y}| à {P}|)",
	"(Honnêtement|Franchement|Avec le recul|Sans hésiter)",
	L0
};
static const char *const fr_bg[] = {
	"on était une équipe de {N} personnes entre {P} et {P}",
	"{X} avait déjà {N} (semaines|mois) de retard",
	"je faisais des journées de {N} heures sur le compte {C}",
	"le budget avait été réduit de {M}",
	"on avait {N} (tickets|escalades|postes) ouverts (cette semaine-là|ce mois-là|en {Q})",
	"{F} (des finances|des RH|du commercial|des achats) réclamait sans cesse (des chiffres|un rapport|une décision)",
	"on utilisait {C} et un vieux tableur pour tout",
	"le dossier {R} avec {C} était un vrai casse-tête",
	"le ticket #{K} était devenu une blague dans l'équipe",
	"le client de {P} menaçait de partir",
	L0
};
static const char *const fr_close[] = {
	"ça a fait toute la différence",
	"j'y pense encore aujourd'hui",
	"j'essaie de faire pareil avec mon équipe",
	"j'aimerais que plus de managers fassent pareil",
	"c'est le genre de manager que je veux être",
	"c'est pour ça que je suis resté {N} ans de plus",
	L0
};
static const char *const fr_conn[] = {
	". ", ". ", ". ", ". ", ". En plus, ", ", et ", ". Et ", "; ", ". Mais ",
	L0
};
static const char *const fr_work[] = {
	"le projet", "le lancement", "la migration", "l'audit",
	"la réorganisation", "la fusion", "la clôture trimestrielle",
	"la panne", "l'escalade client", "le gel des embauches",
	"le déménagement", "la campagne", "la haute saison", "l'inspection",
	"l'intégration", "la pandémie", "la grève", "la négociation",
	"le pilote", "la mise en production", "l'appel d'offres",
	"la clôture annuelle", "le déploiement de l'ERP", L0
};
static const char *const fr_dept[] = {
	"ventes", "finances", "logistique", "support", "opérations",
	"marketing", "achats", "qualité", "urgences", "pharmacie",
	"maintenance", "entrepôt", "données", "informatique", "service client",
	"comptabilité", L0
};
static const char *const fr_team[] = { "l'équipe ({D}|{C})", L0 };
static const char *const fr_adv[] = {
	"", "", "", "vraiment ", "toujours ", "franchement ", L0
};
static const char *const fr_fnf[] = {
	"Marie", "Camille", "Sophie", "Claire", "Julie", "Nathalie",
	"Isabelle", "Céline", "Aurélie", "Émilie", "Léa", "Chloé", "Manon",
	"Hélène", "Sandrine", "Mathilde", "Inès", "Yasmine", "Aïcha", "Margaux",
	L0
};
static const char *const fr_fnm[] = {
	"Nicolas", "Julien", "Thomas", "Pierre", "Sébastien", "Antoine",
	"François", "Mathieu", "Guillaume", "Olivier", "Laurent", "Hugo",
	"Théo", "Jérôme", "Benoît", "Karim", "Mehdi", "Yann", "Loïc", "Cédric",
	L0
};
static const char *const fr_last[] = {
	"Martin", "Bernard", "Dubois", "Thomas", "Robert", "Richard", "Petit",
	"Durand", "Leroy", "Moreau", "Simon", "Laurent", "Lefèbvre", "Michel",
	"Garcia", "David", "Bertrand", "Roux", "Vincent", "Fournier", "Morel",
	"Girard", "André", "Lefèvre", "Mercier", "Dupont", "Lambert", "Bonnet",
	"François", "Martinez", "Benali", "Nguyen", L0
};

/* What may follow a predicate: when, where, for whom. */
static const char *const en_tail[] = {
	"", "", "", " back in {Y}", " at {C}", " in {P}", " during the {X}",
	" last (year|spring|winter|summer|autumn)", " (every|each) time",
	" in {Q}", " on the {R} (project|account|rollout)",
	" (while|when) (we|I) (worked|was working) (at|for) {C}", L0
};
static const char *const es_tail[] = {
	"", "", "", " en {Y}", " en {C}", " en {P}", " durante {X}",
	" el año pasado", " cada vez", " en el proyecto {R}", L0
};
static const char *const de_tail[] = {
	"", "", "", " {Y}", " bei {C}", " in {P}", " letztes Jahr",
	" jedes Mal", " im Projekt {R}", L0
};
static const char *const fr_tail[] = {
	"", "", "", " en {Y}", " chez {C}", " à {P}", " pendant {X}",
	" l'année dernière", " à chaque fois", " sur le projet {R}", L0
};
/* Whole short answers: {B} is one of the theme's. */
static const char *const en_brief[] = {
	"{B}", "{B}, (honestly|every single time|no matter what|without fail|full stop)",
	"{B} (at {C}|in {P}|back in {Y}|during the {X})",
	"{f}? {B}", "{B}. (Simple as that|That's it|Rare these days|Still miss {h})",
	"(my|our) (boss|manager|lead) at {C}. {B}", L0
};
static const char *const es_brief[] = {
	"{B}", "{B}, (siempre|sin duda|de verdad|sin excepción)",
	"{B} (en {C}|en {P}|en {Y})", "{f}: {B}", L0
};
static const char *const de_brief[] = {
	"{B}", "{B}, (immer|ohne Ausnahme|wirklich)", "{B} (bei {C}|in {P}|{Y})",
	"{f}: {B}", L0
};
static const char *const fr_brief[] = {
	"{B}", "{B}, (toujours|sans exception|vraiment)",
	"{B} (chez {C}|à {P}|en {Y})", "{f} : {B}", L0
};

/* Places, for every language. */
static const char *const places[] = {
	"London", "Manchester", "Leeds", "Glasgow", "Dublin", "Cork", "New York",
	"Boston", "Chicago", "Atlanta", "Denver", "Seattle", "Austin", "Toronto",
	"Vancouver", "Montreal", "Sydney", "Melbourne", "Auckland", "Singapore",
	"Bangalore", "Mumbai", "Pune", "Manila", "Lagos", "Nairobi",
	"Johannesburg", "Cape Town", "Dubai", "Madrid", "Barcelona", "Valencia",
	"Sevilla", "Bilbao", "Málaga", "Zaragoza", "Ciudad de México",
	"Guadalajara", "Bogotá", "Medellín", "Lima", "Santiago", "Buenos Aires",
	"Montevideo", "Quito", "Berlin", "München", "Hamburg", "Köln",
	"Frankfurt", "Stuttgart", "Düsseldorf", "Leipzig", "Dresden", "Wien",
	"Graz", "Zürich", "Basel", "Bern", "Paris", "Lyon", "Marseille",
	"Toulouse", "Lille", "Nantes", "Bordeaux", "Strasbourg", "Rennes",
	"Genève", "Lausanne", "Bruxelles", "Liège", "Luxembourg", "Québec",
	"Dakar", "Abidjan", "Casablanca", "Lisboa", "Porto", "Amsterdam",
	"Rotterdam", "Kraków", "Warsaw", "Prague", "Budapest", "Bucharest",
	"Sofia", "Athens", "Istanbul", "Milano", "Torino", "Tokyo", "Osaka",
	"Seoul", "Shenzhen", "Hong Kong", "São Paulo", "Curitiba", "Phoenix",
	"Minneapolis", "Pittsburgh", "Raleigh", "Calgary", "Ottawa", "Perth",
	"Brisbane", "Leicester", "Bristol", "Cardiff", "Belfast", "Aberdeen",
	L0
};

/* ---- Themes ----------------------------------------------------- */

struct theme {
	const char *name;
	const char *const *pred[4], *const *more[4], *const *brief[4];
	const char *const *kw[4];
};

/* 0: present when things are difficult */
static const char *const t0_pred_en[] = {
	"(stayed|stuck around) (late|until midnight|through the weekend|all night) with (me|us|the team) (when|the night|the week) the {X} (failed|fell apart|went sideways|blew up)",
	"was (there|present|right there) for (us|me|the team) during the (layoffs|reorg|worst outage|{X}|merger|hiring freeze|pandemic)",
	"never (disappeared|hid|went quiet|left us alone) when (things got (hard|difficult|rough|ugly)|the pressure was on|the {X} was on fire)",
	"(showed up at the hospital|came to the funeral|turned up at my door|came to see me) when my (father|mother|wife|husband|son|daughter|partner) was (ill|in hospital|very sick)",
	"(stood by|backed|defended) (me|the team|us) in front of (the client|senior leadership|the board|the VP|{F}'s team|everyone) when the {X} went wrong",
	"{A}had (my|our) back(, no matter what| when it counted| when it mattered most| even when I messed up|)",
	"(rolled up {G} sleeves|jumped in) and worked (the phones|the queue|the night shift|the weekend) (with us|alongside us) during the {X}",
	"(took|absorbed) the (heat|blame|pressure) from (above|upstairs|the client|head office) so (we|the team) could (focus|keep working|fix the problem)",
	"checked in on me (every day|every evening|twice a day) while I was dealing with (a divorce|a rough patch|burnout|a family emergency|a health scare)",
	"(disappeared|vanished|went on holiday) exactly when the {X} (failed|collapsed) and left us to (deal with|clean up) the mess alone",
	L0
};
static const char *const t0_more_en[] = {
	"when everything was (falling apart|going wrong|on fire), {H} was (the first one in|right there|in the room with us)( and the last to leave|)",
	"I never felt (alone|abandoned|on my own) (during|through) that {X}",
	"(difficult|hard|rough|stressful) times showed who {H} really was",
	"{H} (sat with me|stayed on the call) until {N} in the morning (fixing|debugging|sorting out) the (incident|outage|backlog|problem)",
	"it meant (so much|more than any bonus|a lot) to have someone (in my corner|on my side|who had my back)",
	"(being there|showing up) when it is (hard|difficult|uncomfortable) is what I remember (most|about {h})",
	"nobody (else |)(stayed|showed up|called) (that night|that weekend|after the {X}), but {H} did",
	L0
};
static const char *const t0_brief_en[] = {
	"(always|) had my back", "{H} stayed when it got hard",
	"showed up in the (worst|hardest) moments", "there for us when it mattered",
	L0
};
static const char *const t0_kw_en[] = {
	"support", "difficult", "crisis", "stayed", "backed", "pressure",
	"outage", "hard", "alone", "side", "present", "tough", L0
};
static const char *const t0_pred_es[] = {
	"se quedó (con nosotros|con el equipo|conmigo) (hasta tarde|toda la noche|el fin de semana) cuando (el proyecto|todo|la migración) (falló|se vino abajo|se complicó)",
	"nunca nos dejó solos en los momentos (duros|difíciles|complicados)",
	"estuvo ahí (cuando mi (padre|madre|hijo|hija) estaba en el hospital|durante los despidos|durante {X}|en la peor crisis)",
	"nos defendió delante (del cliente|de la dirección|de todos) cuando {X} salió mal",
	"siempre (nos|me) cubrió las espaldas(, pasara lo que pasara|)",
	L0
};
static const char *const t0_more_es[] = {
	"cuando todo se (complicaba|venía abajo), {H} (daba la cara|se quedaba hasta el final|nos apoyaba)",
	"nunca sentí que estaba sin apoyo",
	"en los momentos difíciles se (vio|notó) qué clase de persona era",
	L0
};
static const char *const t0_brief_es[] = {
	"siempre nos apoyó en lo difícil", "estuvo ahí cuando más falta hacía", L0
};
static const char *const t0_kw_es[] = {
	"apoyo", "difícil", "crisis", "momentos", "estuvo", "quedó",
	"espaldas", "duros", L0
};
static const char *const t0_pred_de[] = {
	"blieb (bis spät in die Nacht|das ganze Wochenende|bis zum Schluss) bei uns, als (das Projekt|der Launch|alles) (scheiterte|schiefging|zusammenbrach)",
	"war (immer |)da, als es (schwierig|hart|eng|ernst) wurde",
	"hat uns (vor dem Kunden|vor der Geschäftsführung|vor allen) verteidigt, als (das Projekt|die Migration|das Release) schiefging",
	"hat (mich|uns) in der (Krise|schwersten Zeit|Pandemie|Umstrukturierung) nie allein gelassen",
	"kam ins Krankenhaus, als (mein Vater|meine Mutter|mein Sohn|meine Tochter) krank war",
	L0
};
static const char *const t0_more_de[] = {
	"wenn alles (brannte|schiefging|zusammenbrach), war {H} (mittendrin|sofort da|für uns da)",
	"in schwierigen Zeiten hat man gesehen, wer {H} wirklich war",
	"ich habe mich (nie|keinen Moment) allein gelassen gefühlt",
	L0
};
static const char *const t0_brief_de[] = {
	"war da, als es schwierig wurde", "hat uns nie allein gelassen", L0
};
static const char *const t0_kw_de[] = {
	"Krise", "schwierig", "da", "allein", "Unterstützung", "Rücken",
	"verteidigt", "Druck", L0
};
static const char *const t0_pred_fr[] = {
	"est resté{e} avec nous (tard le soir|toute la nuit|tout le week-end) quand (le projet|le lancement|tout) (a échoué|s'est effondré|a mal tourné)",
	"ne nous a jamais laissés seuls dans les moments (difficiles|durs|compliqués)",
	"nous a défendus devant (le client|la direction|tout le monde) quand (le projet|la migration|la livraison) a mal tourné",
	"était là (pendant les licenciements|pendant la crise|quand mon père était à l'hôpital|quand ma mère était malade)",
	"m'a toujours soutenu( quoi qu'il arrive| dans les pires moments|)",
	L0
};
static const char *const t0_more_fr[] = {
	"quand tout allait mal, {H} était (là|en première ligne|avec nous)",
	"dans les moments difficiles, on a vu qui {H} était vraiment",
	"je ne me suis jamais senti seul pendant {X}",
	L0
};
static const char *const t0_brief_fr[] = {
	"toujours là dans les moments durs", "ne nous a jamais laissés tomber", L0
};
static const char *const t0_kw_fr[] = {
	"soutien", "difficile", "crise", "là", "seuls", "défendus", "moments",
	"pression", L0
};

/* 1: teaching and growth */
static const char *const t1_pred_en[] = {
	"taught me how to (read a budget|run a meeting|write a proposal|negotiate with vendors|handle difficult clients|present to the board|plan a release|do a proper code review) (line by line|step by step|from scratch|properly)",
	"(mentored|coached) me for (two|three|{N}) years(, even after I left the team| and pushed me to grow|)",
	"(sat|met) with me every (Friday|Monday morning|week) to (teach me the craft|go through my work|review my progress|talk about my career)",
	"(paid for|signed me up for|found budget for) (a course|my certification|a leadership programme|training in {P}|a conference)( when nobody else would| even though money was tight|)",
	"explained the (why|reasoning|thinking) behind every decision so I could learn",
	"(helped|pushed) me (grow into a lead|apply for the senior role|take on the {X}|step up when I was ready)",
	"(let me shadow {h} in|took me along to) (client meetings|the board meetings|negotiations|the {X} reviews) so I could (learn|see how it was done)",
	"(gave|handed) me (stretch assignments|a real project|the {C} account|responsibility) (early|before I felt ready) and (coached|guided) me through it",
	"never (taught|explained|showed) me anything and (expected|assumed) I would (figure it out|just know)",
	L0
};
static const char *const t1_more_en[] = {
	"(everything|most of what) I know about (leading|managing people|this job|budgets) I learned from {h}",
	"{H} treated every (mistake|failure) as a (chance to learn|lesson|learning opportunity)",
	"(mentoring|coaching|teaching) was (part of|built into) how {H} (worked|led)",
	"{H} asked where I wanted to be in {N} years and (helped me get there|made a plan with me)",
	"I got promoted (twice|within a year|to senior) because {H} (invested in|believed in and trained) me",
	"(those|our) one to ones were (real|proper) (coaching|mentoring) sessions",
	L0
};
static const char *const t1_brief_en[] = {
	"mentored me and helped me grow", "taught me the craft",
	"invested in my development", L0
};
static const char *const t1_kw_en[] = {
	"taught", "mentor", "coach", "learn", "grow", "development", "career",
	"training", "skills", "promoted", "craft", "lessons", L0
};
static const char *const t1_pred_es[] = {
	"me enseñó (todo lo que sé del oficio|a llevar un presupuesto|a presentar ante la dirección|a negociar con clientes)( paso a paso| con paciencia| desde cero|)",
	"fue mi mentor{a} durante (dos|tres|{N}) años y me ayudó a crecer",
	"me (pagó|consiguió) (un curso|la certificación|formación en {P})( aunque no había presupuesto| cuando nadie más lo hacía|)",
	"me explicaba el porqué de cada decisión para que yo aprendiera",
	L0
};
static const char *const t1_more_es[] = {
	"casi todo lo que sé de (liderar|gestionar equipos|este trabajo) lo aprendí con {h}",
	"cada error era una oportunidad para aprender",
	"me ascendieron (dos veces|en un año) porque invirtió en mi desarrollo",
	L0
};
static const char *const t1_brief_es[] = {
	"me enseñó todo lo que sé", "invirtió en mi desarrollo", L0
};
static const char *const t1_kw_es[] = {
	"enseñó", "aprender", "mentor", "crecer", "desarrollo", "formación",
	"carrera", "oficio", L0
};
static const char *const t1_pred_de[] = {
	"hat mir (alles|das Handwerk|den Umgang mit Kunden|das Budgetieren|das Präsentieren) (Schritt für Schritt |geduldig |von Grund auf |)beigebracht",
	"war {N} Jahre lang mein{e} Mentor{n} und hat mich gefördert",
	"hat mir (eine Weiterbildung|ein Zertifikat|einen Kurs in {P}) (bezahlt|ermöglicht)(, obwohl das Budget knapp war|)",
	"hat jede Entscheidung erklärt, damit ich daraus lerne",
	L0
};
static const char *const t1_more_de[] = {
	"fast alles, was ich über (Führung|diesen Job|Projekte) weiß, habe ich von {h} gelernt",
	"jeder Fehler war eine Chance zu lernen",
	"ich wurde (zweimal|nach einem Jahr) befördert, weil {H} in mich investiert hat",
	L0
};
static const char *const t1_brief_de[] = {
	"hat mir alles beigebracht", "hat mich gefördert und gefordert", L0
};
static const char *const t1_kw_de[] = {
	"beigebracht", "gelernt", "Mentor", "gefördert", "Entwicklung",
	"Weiterbildung", "Karriere", "lernen", L0
};
static const char *const t1_pred_fr[] = {
	"m'a appris (le métier|à gérer un budget|à présenter devant la direction|à négocier avec les clients)( pas à pas| avec patience| depuis le début|)",
	"a été mon mentor pendant (deux|trois|{N}) ans et m'a aidé à progresser",
	"m'a (payé|obtenu) (une formation|une certification|un cours à {P})( alors que le budget était serré|)",
	"expliquait le pourquoi de chaque décision pour que j'apprenne",
	L0
};
static const char *const t1_more_fr[] = {
	"presque tout ce que je sais sur (le management|ce métier|la gestion de projet), je l'ai appris avec {h}",
	"chaque erreur devenait une occasion d'apprendre",
	"j'ai été promu (deux fois|en un an) parce qu'{H} a investi en moi",
	L0
};
static const char *const t1_brief_fr[] = {
	"m'a appris le métier", "a investi dans mon développement", L0
};
static const char *const t1_kw_fr[] = {
	"appris", "apprendre", "mentor", "progresser", "formation",
	"développement", "carrière", "métier", L0
};

/* 2: listening */
static const char *const t2_pred_en[] = {
	"listened to every (idea|concern|opinion|voice) in the room(, even the (quiet|junior) ones| before deciding|)",
	"{A}heard (us|me) out before (deciding|making a call|changing anything)",
	"made space for the (quiet|junior|new|remote) people to speak( in meetings| in standups| in the retro|)",
	"asked what I needed and listened without (interrupting|judging|checking {G} phone)",
	"paid attention to what we said in (our |)one to ones and (acted on it|followed up|remembered it weeks later)",
	"(let|waited for) everyone (to |)finish before giving {G} (opinion|view|decision)",
	"(ran|held) (listening sessions|skip-levels|open office hours|anonymous surveys) (every month|after the {X}|each quarter) and (actually |)changed things",
	"never listened(, just talked over us| to anyone below {G} level| and decided before the meeting|)",
	"(took|wrote down) notes when I (raised|brought up) (a problem|concerns|the {X}) and came back with (answers|a plan)",
	L0
};
static const char *const t2_more_en[] = {
	"I (always |)felt (heard|listened to|taken seriously)( by {h}| in those meetings|)",
	"{H} asked (good|open|curious) questions and (then |)(listened|waited for the answer)",
	"being heard made all the difference",
	"{H} remembered (what I said|details I had mentioned|my concerns) (weeks|months) later",
	"nobody got interrupted (in {G} meetings|when {H} ran the meeting)",
	"{H} (listened more than {H} talked|talked less and listened more)",
	L0
};
static const char *const t2_brief_en[] = {
	"listened. Really listened", "{H} always heard us out",
	"made me feel heard", L0
};
static const char *const t2_kw_en[] = {
	"listened", "heard", "listen", "opinion", "voice", "ideas", "concerns",
	"questions", "attention", "interrupting", "meetings", L0
};
static const char *const t2_pred_es[] = {
	"escuchaba a (todos|cada persona|todo el equipo) antes de decidir",
	"siempre (nos|me) escuchó con atención(, sin interrumpir|, aunque no estuviera de acuerdo|)",
	"daba espacio a (los más callados|los nuevos|todos) para hablar en las reuniones",
	"me preguntaba qué necesitaba y (escuchaba|me escuchaba) de verdad",
	L0
};
static const char *const t2_more_es[] = {
	"siempre me sentí (escuchado|tomado en serio)",
	"hacía buenas preguntas y escuchaba las respuestas",
	"se acordaba de lo que le contabas semanas después",
	L0
};
static const char *const t2_brief_es[] = {
	"sabía escuchar", "siempre nos escuchaba", L0
};
static const char *const t2_kw_es[] = {
	"escuchaba", "escuchar", "escuchó", "opinión", "ideas", "preguntas",
	"atención", "reuniones", L0
};
static const char *const t2_pred_de[] = {
	"hat (uns|allen|mir) zugehört und (ausreden lassen|erst dann entschieden)",
	"hörte auch den (Leisen|Neuen|Jüngeren) im Team zu",
	"hat in den Meetings (allen|jedem) Raum gegeben, etwas zu sagen",
	"fragte, was ich brauche, und hörte (wirklich|aufmerksam) zu",
	L0
};
static const char *const t2_more_de[] = {
	"ich habe mich (immer |)gehört und ernst genommen gefühlt",
	"{H} stellte gute Fragen und hörte dann zu",
	"{H} erinnerte sich noch Wochen später an das, was ich gesagt hatte",
	L0
};
static const char *const t2_brief_de[] = {
	"konnte zuhören", "hat immer zugehört", L0
};
static const char *const t2_kw_de[] = {
	"zugehört", "zuhören", "Meinung", "Ideen", "Fragen", "ernst",
	"gehört", "Meetings", L0
};
static const char *const t2_pred_fr[] = {
	"écoutait (chacun|tout le monde|toute l'équipe) avant de décider",
	"nous a toujours écoutés (sans interrompre|avec attention|même en désaccord)",
	"laissait la parole aux (plus discrets|nouveaux|juniors) en réunion",
	"me demandait ce dont j'avais besoin et écoutait vraiment",
	L0
};
static const char *const t2_more_fr[] = {
	"j'ai toujours eu le sentiment d'être écouté",
	"{H} posait de bonnes questions et écoutait les réponses",
	"{H} se souvenait de ce qu'on lui avait dit des semaines plus tard",
	L0
};
static const char *const t2_brief_fr[] = {
	"savait écouter", "nous écoutait toujours", L0
};
static const char *const t2_kw_fr[] = {
	"écoutait", "écouter", "écoutés", "avis", "idées", "questions",
	"attention", "réunion", L0
};

/* 3: clear expectations */
static const char *const t3_pred_en[] = {
	"told us exactly what (success|good|done) looked like( for the {X}| each quarter| from day one|)",
	"set clear (goals|targets|priorities|objectives) for every (quarter|sprint|month|project)",
	"made the expectations (plain|clear|explicit) from (day one|the first week|the start)",
	"never changed the (targets|priorities|deadlines|goals) without explaining why",
	"wrote down what was expected of each of us( in a shared doc| on the whiteboard| in {C}|)",
	"gave us a clear definition of done( for every ticket| for the {X}|)",
	"explained the priorities so (nobody|no one) had to guess( what mattered| what came first|)",
	"changed the (goals|priorities) every (week|sprint) and never told us why",
	"(broke down|turned) the {X} into (clear|small|concrete) (milestones|steps|deliverables) with (owners|dates|deadlines)",
	L0
};
static const char *const t3_more_en[] = {
	"we always knew (what was expected|where we stood|what mattered most|what the priorities were)",
	"(clarity|clear expectations) took (a lot of|most of the) (stress|guesswork|anxiety) out of the job",
	"{H} (started|opened) every (quarter|project) with (a one-page plan|three clear goals|a kickoff) that (everyone understood|nobody could misread)",
	"there was (never|no) (confusion|ambiguity|guessing) about (who owned what|the deadline|the scope)",
	"{H} (measured|judged) us against (what we had agreed|the goals we set together|clear criteria)",
	L0
};
static const char *const t3_brief_en[] = {
	"clear goals, every time", "we always knew what was expected",
	"made priorities crystal clear", L0
};
static const char *const t3_kw_en[] = {
	"clear", "goals", "expectations", "priorities", "targets", "success",
	"expected", "objectives", "plan", "milestones", "clarity",
	"deadlines", L0
};
static const char *const t3_pred_es[] = {
	"nos explicaba con claridad qué esperaba de cada (uno|persona)",
	"ponía (metas|objetivos|prioridades) claras (cada trimestre|para cada proyecto|desde el primer día)",
	"nunca cambió (los objetivos|las prioridades|los plazos) sin explicar por qué",
	"dejaba por escrito lo que se esperaba de cada uno",
	L0
};
static const char *const t3_more_es[] = {
	"siempre sabíamos qué se esperaba de nosotros",
	"las metas siempre eran claras",
	"no había confusión sobre quién hacía qué",
	L0
};
static const char *const t3_brief_es[] = {
	"objetivos claros siempre", "sabíamos qué se esperaba", L0
};
static const char *const t3_kw_es[] = {
	"claridad", "metas", "objetivos", "prioridades", "esperaba", "claras",
	"plazos", "plan", L0
};
static const char *const t3_pred_de[] = {
	"hat klare Ziele (gesetzt|für jedes Quartal gesetzt|für jedes Projekt definiert)",
	"sagte (deutlich|klar|von Anfang an), was {H} von uns erwartete",
	"hat die Prioritäten nie ohne Erklärung geändert",
	"hat schriftlich festgehalten, was von jedem erwartet wurde",
	L0
};
static const char *const t3_more_de[] = {
	"wir wussten immer, was von uns erwartet wurde",
	"die Ziele waren immer klar",
	"es gab nie Verwirrung darüber, wer was macht",
	L0
};
static const char *const t3_brief_de[] = {
	"klare Ziele, immer", "wir wussten, woran wir waren", L0
};
static const char *const t3_kw_de[] = {
	"klar", "Ziele", "Erwartungen", "Prioritäten", "erwartete", "Plan",
	"Fristen", "deutlich", L0
};
static const char *const t3_pred_fr[] = {
	"fixait des objectifs clairs pour (chacun|chaque trimestre|chaque projet)",
	"disait clairement ce qu'{H} attendait de nous",
	"n'a jamais changé les priorités sans expliquer pourquoi",
	"écrivait noir sur blanc ce qu'on attendait de chacun",
	L0
};
static const char *const t3_more_fr[] = {
	"on savait toujours ce qu'on attendait de nous",
	"les objectifs étaient toujours clairs",
	"il n'y avait jamais de confusion sur qui faisait quoi",
	L0
};
static const char *const t3_brief_fr[] = {
	"des objectifs clairs, toujours", "on savait ce qu'on attendait de nous",
	L0
};
static const char *const t3_kw_fr[] = {
	"clairs", "objectifs", "attentes", "priorités", "attendait",
	"clairement", "plan", "délais", L0
};

/* 4: recognition */
static const char *const t4_pred_en[] = {
	"thanked me in front of the whole (team|company|department|floor)( after the {X}|)",
	"celebrated (small|our|every) wins with us(, even on bad weeks|, with cake and a card|)",
	"recognised the people who (actually |)did the work(, not just the loud ones|)",
	"gave credit to the team instead of taking it( upstairs| in the exec meeting|)",
	"wrote me a (note|card|email) of (appreciation|thanks) after the {X}",
	"praised good work in public and kept criticism (private|one to one)",
	"made sure (leadership|senior management|the VP|everyone) knew who had done the (job|work)",
	"(nominated me for|put me forward for) (an award|a bonus|the {C} award|promotion) after the {X}",
	"took (all |)the credit for (our|my) work (in front of the VP|in the board pack|and never mentioned us)",
	L0
};
static const char *const t4_more_en[] = {
	"(being|feeling) (appreciated|valued|seen) (made|kept) me (wanting to stay|going the extra mile|motivated)( for years|)",
	"{H} never (forgot|missed) a chance to say thank you",
	"(recognition|a simple thank you|credit) (from {h} |)meant more than (the bonus|money|a raise)",
	"{H} (mentioned|named) (each of us|everyone who helped) (by name|individually) in the (all-hands|newsletter|email to the VP)",
	L0
};
static const char *const t4_brief_en[] = {
	"always gave credit where due", "thanked us for good work",
	"made us feel valued", L0
};
static const char *const t4_kw_en[] = {
	"thanked", "credit", "recognition", "praised", "appreciation",
	"celebrated", "valued", "thank", "award", "recognised", "wins",
	"public", L0
};
static const char *const t4_pred_es[] = {
	"reconoció mi trabajo delante de (todos|todo el equipo|la dirección)",
	"siempre agradecía el esfuerzo del equipo",
	"celebraba (cada logro|los pequeños logros) con nosotros",
	"daba el mérito al equipo en vez de quedárselo",
	L0
};
static const char *const t4_more_es[] = {
	"me sentí (valorado|reconocido)",
	"nunca olvidaba dar las gracias",
	"un simple gracias valía más que el bono",
	L0
};
static const char *const t4_brief_es[] = {
	"reconocía nuestro trabajo", "siempre daba las gracias", L0
};
static const char *const t4_kw_es[] = {
	"reconoció", "reconocimiento", "agradecía", "gracias", "mérito",
	"logros", "valorado", "esfuerzo", L0
};
static const char *const t4_pred_de[] = {
	"hat meine Arbeit vor (allen|dem ganzen Team|der Geschäftsführung) gelobt",
	"bedankte sich für jeden (Erfolg|Einsatz)",
	"hat (kleine|unsere) Erfolge mit uns gefeiert",
	"gab dem Team die Anerkennung, statt sie selbst einzustreichen",
	L0
};
static const char *const t4_more_de[] = {
	"ich habe mich (wertgeschätzt|gesehen) gefühlt",
	"{H} hat nie vergessen, Danke zu sagen",
	"ein einfaches Danke war mehr wert als der Bonus",
	L0
};
static const char *const t4_brief_de[] = {
	"hat unsere Arbeit anerkannt", "sagte immer Danke", L0
};
static const char *const t4_kw_de[] = {
	"gelobt", "Anerkennung", "bedankte", "Danke", "Erfolge",
	"wertgeschätzt", "gefeiert", "Lob", L0
};
static const char *const t4_pred_fr[] = {
	"remerciait l'équipe pour chaque réussite",
	"a reconnu mon travail devant (tout le monde|toute l'équipe|la direction)",
	"célébrait les (petites |)victoires avec nous",
	"rendait le mérite à l'équipe au lieu de le garder",
	L0
};
static const char *const t4_more_fr[] = {
	"je me sentais (valorisé|reconnu)",
	"{H} n'oubliait jamais de dire merci",
	"un simple merci valait plus que la prime",
	L0
};
static const char *const t4_brief_fr[] = {
	"reconnaissait notre travail", "disait toujours merci", L0
};
static const char *const t4_kw_fr[] = {
	"remerciait", "reconnu", "reconnaissance", "merci", "mérite",
	"réussite", "valorisé", "victoires", L0
};

/* 5: trust and autonomy */
static const char *const t5_pred_en[] = {
	"trusted me to (choose my own hours|run the {X}|make the call|talk to the client directly|manage my own time)",
	"gave me the (flexibility|freedom) to (work from home|set my own schedule|try new approaches)( when my kids were small| when I needed it|)",
	"never micromanaged and let us do the work our (own |)way",
	"trusted the team to make (decisions|the technical decisions|the calls) without checking with {h}",
	"gave us (autonomy|full ownership|real ownership) over (how we worked|the {X}|our roadmap)",
	"believed in me enough to let me lead the {X}",
	"checked every (email|decision|line) I wrote and never trusted us to decide anything",
	"(stepped back|stayed out of the way) and let (me|us) (own|figure out) the (problem|solution|{X})",
	"(delegated|handed over) (real|important) decisions to (us|the team) and (stood by|backed) them",
	L0
};
static const char *const t5_more_en[] = {
	"(nobody|no one) was (watching the clock|counting our hours|looking over my shoulder)",
	"{H} (cared about|judged us on) (results|outcomes), not (hours|where we sat|when we logged in)",
	"that trust (made me|pushed me to) work harder than any (rule|policy|tracking tool) (ever could|would)",
	"{H} told me (it was my call|I knew the work best|to decide and let {h} know)",
	"micromanagement is the fastest way to lose (good people|me), and {H} knew it",
	L0
};
static const char *const t5_brief_en[] = {
	"trusted us completely", "never micromanaged", "gave us room to work",
	L0
};
static const char *const t5_kw_en[] = {
	"trusted", "trust", "autonomy", "freedom", "flexibility",
	"micromanaged", "decisions", "ownership", "own", "schedule",
	"independence", "delegated", L0
};
static const char *const t5_pred_es[] = {
	"confiaba en nosotros y nos daba libertad",
	"me dejó organizar mi (horario|trabajo)( cuando mis hijos eran pequeños| como quisiera|)",
	"nunca nos controló cada paso",
	"nos dejaba tomar decisiones sin pedir permiso",
	L0
};
static const char *const t5_more_es[] = {
	"importaban los resultados, no las horas",
	"esa confianza me hizo trabajar mejor",
	"decía que yo conocía el trabajo mejor que nadie",
	L0
};
static const char *const t5_brief_es[] = {
	"confiaba en nosotros", "nos daba libertad", L0
};
static const char *const t5_kw_es[] = {
	"confiaba", "confianza", "libertad", "autonomía", "horario",
	"decisiones", "controló", "flexibilidad", L0
};
static const char *const t5_pred_de[] = {
	"hat uns vertraut und freie Hand gelassen",
	"gab mir Flexibilität bei der Arbeitszeit(, als meine Kinder klein waren|)",
	"hat nie jeden Schritt kontrolliert",
	"ließ das Team selbst entscheiden",
	L0
};
static const char *const t5_more_de[] = {
	"es zählten Ergebnisse, nicht Stunden",
	"dieses Vertrauen hat mich mehr motiviert als jede Regel",
	"niemand hat mir über die Schulter geschaut",
	L0
};
static const char *const t5_brief_de[] = {
	"hat uns vertraut", "ließ uns freie Hand", L0
};
static const char *const t5_kw_de[] = {
	"vertraut", "Vertrauen", "Freiheit", "Flexibilität", "Arbeitszeit",
	"entscheiden", "Hand", "kontrolliert", L0
};
static const char *const t5_pred_fr[] = {
	"nous faisait confiance sans tout contrôler",
	"m'a laissé organiser mon temps( quand mes enfants étaient petits| comme je voulais|)",
	"ne faisait jamais de microgestion",
	"laissait l'équipe prendre les décisions",
	L0
};
static const char *const t5_more_fr[] = {
	"seuls les résultats comptaient, pas les heures",
	"cette confiance m'a poussé à donner le meilleur",
	"personne ne regardait par-dessus mon épaule",
	L0
};
static const char *const t5_brief_fr[] = {
	"nous faisait confiance", "nous laissait libres", L0
};
static const char *const t5_kw_fr[] = {
	"confiance", "autonomie", "liberté", "contrôler", "microgestion",
	"décisions", "horaires", "flexibilité", L0
};

/* 6: honest feedback and openness */
static const char *const t6_pred_en[] = {
	"gave me (honest|direct|candid|straight) feedback( even when it was hard to hear| every week| right after the meeting|)",
	"told us the truth about the {X}(, even the bad news|, before the rumours started|, when others would not|)",
	"shared (the numbers|the budget|what was happening upstairs|the reasons for the reorg) (openly|with everyone|every month)",
	"never sugarcoated (problems|bad news|my performance review)( but was always kind about it|)",
	"(explained|was open about) how (decisions|promotions|raises) were made",
	"pointed out my mistakes (in private|one to one) and showed me how to fix them",
	"(kept|held back) (information|bad news) until the last minute and we (found out|heard about the {X}) from (the news|another team|LinkedIn)",
	"(ran|held) a (weekly|monthly) (Q&A|town hall|ask-me-anything) where no question was off limits",
	L0
};
static const char *const t6_more_en[] = {
	"I always knew where I stood with {h}",
	"(honest|candid|direct) feedback (made me better|helped me improve)( faster than any course| more than anything else|)",
	"{H} (was|stayed) (transparent|open|honest) even when (it cost {h}|it was uncomfortable|the news was bad)",
	"there were no (surprises|hidden agendas|secrets) (in my review|about the budget|with {h})",
	"(transparency|honesty) (built|earned) (trust|respect)( across the team| quickly|)",
	L0
};
static const char *const t6_brief_en[] = {
	"honest feedback, always", "told us the truth", "no sugarcoating, ever",
	L0
};
static const char *const t6_kw_en[] = {
	"honest", "feedback", "truth", "transparent", "open", "candid",
	"direct", "information", "shared", "news", "review", "transparency",
	L0
};
static const char *const t6_pred_es[] = {
	"me daba (feedback|una opinión) (honesta|sincera)( aunque doliera| cada semana|)",
	"nos decía la verdad sobre (el proyecto|los despidos|el presupuesto)",
	"compartía (los números|la información|lo que pasaba arriba) con todos",
	"nunca endulzaba los problemas",
	L0
};
static const char *const t6_more_es[] = {
	"siempre sabía en qué punto estaba",
	"era transparente aunque fuera incómodo",
	"no había sorpresas en la evaluación",
	L0
};
static const char *const t6_brief_es[] = {
	"siempre nos dijo la verdad", "feedback honesto siempre", L0
};
static const char *const t6_kw_es[] = {
	"honesto", "verdad", "transparente", "feedback", "información",
	"compartía", "directo", "sincera", L0
};
static const char *const t6_pred_de[] = {
	"gab mir ehrliches Feedback(, auch wenn es wehtat|, jede Woche|)",
	"sagte uns die Wahrheit über (das Projekt|die Umstrukturierung|das Budget)",
	"hat (die Zahlen|alle Informationen) offen mit uns geteilt",
	"hat Probleme nie schöngeredet",
	L0
};
static const char *const t6_more_de[] = {
	"ich wusste immer, woran ich bei {h} war",
	"{H} war offen, auch wenn es unangenehm war",
	"im Mitarbeitergespräch gab es keine Überraschungen",
	L0
};
static const char *const t6_brief_de[] = {
	"immer ehrlich und direkt", "sagte uns die Wahrheit", L0
};
static const char *const t6_kw_de[] = {
	"ehrlich", "Feedback", "Wahrheit", "offen", "transparent",
	"Informationen", "geteilt", "direkt", L0
};
static const char *const t6_pred_fr[] = {
	"me donnait un feedback honnête( même quand ça faisait mal| chaque semaine|)",
	"nous disait la vérité sur (le projet|la réorganisation|le budget)",
	"partageait (les chiffres|les informations) avec tout le monde",
	"n'enjolivait jamais les problèmes",
	L0
};
static const char *const t6_more_fr[] = {
	"je savais toujours où j'en étais",
	"{H} restait transparent{e} même quand c'était inconfortable",
	"il n'y avait jamais de surprise à l'entretien annuel",
	L0
};
static const char *const t6_brief_fr[] = {
	"toujours honnête et direct{e}", "nous disait la vérité", L0
};
static const char *const t6_kw_fr[] = {
	"honnête", "feedback", "vérité", "transparent", "informations",
	"partageait", "direct", "franc", L0
};

/* 7: fairness and consistency */
static const char *const t7_pred_en[] = {
	"treated everyone the same(, no matter their title|, from interns to directors|, whatever their background|)",
	"never played favourites(, even with old friends on the team|)",
	"applied the same rules to (everyone|the whole team|{Z} too)",
	"was (consistent|predictable|the same person) (every day|in good and bad weeks|whatever the mood upstairs)",
	"(shared|rotated) the (boring|unpopular|night) (shifts|tasks|on-call weeks) fairly",
	"made (promotion|pay) decisions (transparently|on clear criteria|based on the work), not on who (shouted loudest|played golf with {h})",
	"(handled|resolved) (conflicts|disputes|complaints) (fairly|calmly) and heard both sides",
	"had (clear|obvious) favourites and (everyone|the rest of us) (knew it|could see it)",
	L0
};
static const char *const t7_more_en[] = {
	"(everyone|we all) got the same (chances|treatment|answer), whoever asked",
	"{H} was (fair|consistent|even-handed), and that made (the team|us) (trust {h}|feel safe)",
	"(decisions|the rules) did not change depending on (who you were|{G} mood|who was asking)",
	"(fairness|consistency) (mattered|matters) more than (being liked|charisma|anything else)",
	L0
};
static const char *const t7_brief_en[] = {
	"fair to everyone", "consistent and fair", "no favourites, ever", L0
};
static const char *const t7_kw_en[] = {
	"fair", "same", "favourites", "consistent", "everyone", "rules",
	"equally", "fairness", "treated", "predictable", "sides",
	"consistency", L0
};
static const char *const t7_pred_es[] = {
	"trataba a todos por igual(, sin importar el cargo|)",
	"nunca tuvo favoritos",
	"aplicaba las mismas reglas a todos",
	"repartía los turnos (difíciles|de noche) de forma justa",
	L0
};
static const char *const t7_more_es[] = {
	"todos teníamos las mismas oportunidades",
	"era just{o} y coherente",
	"las decisiones no dependían de quién eras",
	L0
};
static const char *const t7_brief_es[] = {
	"just{o} con todos", "sin favoritos", L0
};
static const char *const t7_kw_es[] = {
	"igual", "justo", "favoritos", "reglas", "coherente", "todos",
	"oportunidades", "justa", L0
};
static const char *const t7_pred_de[] = {
	"hat alle gleich behandelt(, egal welche Position|)",
	"hatte nie Lieblinge im Team",
	"hat für alle die gleichen Regeln angewendet",
	"hat die (unbeliebten Aufgaben|Nachtschichten) fair verteilt",
	L0
};
static const char *const t7_more_de[] = {
	"alle bekamen die gleichen Chancen",
	"{H} war fair und berechenbar",
	"Entscheidungen hingen nicht davon ab, wer man war",
	L0
};
static const char *const t7_brief_de[] = {
	"fair zu allen", "keine Lieblinge", L0
};
static const char *const t7_kw_de[] = {
	"fair", "gleich", "behandelt", "Regeln", "Lieblinge", "berechenbar",
	"Chancen", "alle", L0
};
static const char *const t7_pred_fr[] = {
	"traitait tout le monde de la même façon(, quel que soit le poste|)",
	"n'avait jamais de chouchous",
	"appliquait les mêmes règles à tous",
	"répartissait les tâches (ingrates|de nuit) équitablement",
	L0
};
static const char *const t7_more_fr[] = {
	"tout le monde avait les mêmes chances",
	"{H} était juste et constant{e}",
	"les décisions ne dépendaient pas de qui on était",
	L0
};
static const char *const t7_brief_fr[] = {
	"juste avec tout le monde", "pas de favoris", L0
};
static const char *const t7_kw_fr[] = {
	"juste", "équitable", "même", "règles", "chouchous", "favoris",
	"constant", "chances", L0
};

/* 8: care for the person */
static const char *const t8_pred_en[] = {
	"cared about me as a person, not just (as an employee|about my output|about the numbers)",
	"(sent me home|told me to go home) when I was (sick|exhausted|burning out)(, and covered my work|)",
	"(noticed|saw) I was (struggling|burning out|not myself) before I (said anything|realised it)",
	"(protected|defended) our (weekends|evenings|holidays|time off)( from the client| from head office| even during the {X}|)",
	"asked about my (family|kids|health|weekend) and (actually |)remembered the answers",
	"(made sure we took our|insisted I took my) (holidays|leave|breaks)( after the {X}| every year|)",
	"(emailed|messaged|called) (us|me) at (midnight|weekends|2 am) and expected (an answer|replies) (straight away|by morning)",
	"(supported|helped) me through (my pregnancy|a bereavement|a long illness|my parental leave)( without question| with real kindness|)",
	L0
};
static const char *const t8_more_en[] = {
	"{H} (knew|understood) that (people|we) have lives outside work",
	"(mental health|wellbeing|burnout) was (talked about|taken seriously) (openly |)in {G} team",
	"I never felt guilty (about|for) (taking time off|picking up my kids|being sick)",
	"{H} (kept|made sure we kept) the workload (sane|human|reasonable) even (in peak season|during the {X})",
	"(balance|family|health) came first, (the work second|deadlines second|and {H} meant it)",
	L0
};
static const char *const t8_brief_en[] = {
	"cared about us as people", "protected our time off",
	"asked how I was, and meant it", L0
};
static const char *const t8_kw_en[] = {
	"cared", "person", "family", "health", "wellbeing", "balance",
	"burnout", "sick", "holidays", "time", "kids", "weekends", L0
};
static const char *const t8_pred_es[] = {
	"se preocupaba por mí como persona, no solo por los resultados",
	"me mandó a casa cuando estaba (agotado|enfermo|quemado)",
	"protegía nuestros fines de semana( del cliente| incluso durante {X}|)",
	"preguntaba por mi familia y se acordaba de las respuestas",
	L0
};
static const char *const t8_more_es[] = {
	"sabía que teníamos una vida fuera del trabajo",
	"nunca me sentí culpable por cogerme días libres",
	"la salud y la familia iban primero",
	L0
};
static const char *const t8_brief_es[] = {
	"se preocupaba por las personas", "cuidaba de nuestro descanso", L0
};
static const char *const t8_kw_es[] = {
	"persona", "familia", "salud", "preocupaba", "descanso", "vacaciones",
	"equilibrio", "casa", L0
};
static const char *const t8_pred_de[] = {
	"hat sich um mich als Mensch gekümmert, nicht nur um die Zahlen",
	"schickte mich nach Hause, als ich krank war",
	"merkte, dass es mir nicht gut ging, bevor ich etwas sagte",
	"hat unsere Wochenenden (vor dem Kunden |auch während der Migration |)geschützt",
	L0
};
static const char *const t8_more_de[] = {
	"{H} wusste, dass wir ein Leben außerhalb der Arbeit haben",
	"ich hatte nie ein schlechtes Gewissen, wenn ich Urlaub nahm",
	"Gesundheit und Familie gingen vor",
	L0
};
static const char *const t8_brief_de[] = {
	"hat sich um uns als Menschen gekümmert", "schützte unsere Freizeit", L0
};
static const char *const t8_kw_de[] = {
	"Mensch", "gekümmert", "Familie", "Gesundheit", "krank", "Urlaub",
	"Wochenenden", "Freizeit", L0
};
static const char *const t8_pred_fr[] = {
	"se souciait de moi en tant que personne, pas seulement des résultats",
	"m'a renvoyé à la maison quand j'étais malade",
	"a remarqué que j'allais mal avant que je dise quoi que ce soit",
	"protégeait nos week-ends( du client| même pendant la migration|)",
	L0
};
static const char *const t8_more_fr[] = {
	"{H} savait qu'on avait une vie en dehors du travail",
	"je ne me suis jamais senti coupable de prendre des congés",
	"la santé et la famille passaient d'abord",
	L0
};
static const char *const t8_brief_fr[] = {
	"se souciait de nous", "protégeait notre temps libre", L0
};
static const char *const t8_kw_fr[] = {
	"personne", "souciait", "famille", "santé", "malade", "congés",
	"week-ends", "équilibre", L0
};

/* 9: leading by example, owning mistakes */
static const char *const t9_pred_en[] = {
	"(owned|took responsibility for) the mistakes (publicly|in front of everyone|when the {X} failed) instead of blaming (the team|us|others)",
	"never asked us to do anything {H} would not do {Z}",
	"(came in first|arrived early) and took the (hardest|worst|dirtiest) (shifts|tasks|calls) {Z}",
	"(kept|followed through on) every (promise|commitment)( {H} made to us|, big or small|)",
	"(modelled|lived) the (values|behaviour|standards) {H} (asked|expected) of us",
	"said 'I got that wrong' (in front of the team|in the retro|to the whole company) after the {X}",
	"blamed (the team|us|the juniors|{F}) when the {X} (failed|slipped) and kept the credit when it worked",
	"did (what|everything) {H} said {H} would do(, every single time|, without reminders|)",
	L0
};
static const char *const t9_more_en[] = {
	"{H} (led|set the tone) by example, not by (memo|email|speeches)",
	"(accountability|ownership) started with {h}, never with (the team|the juniors|someone else)",
	"what {H} said and what {H} did (always |)matched",
	"(I|we) (watched|saw) {h} (admit|own) a (mistake|bad call) and (fix it|make it right), and (learned|copied) that",
	L0
};
static const char *const t9_brief_en[] = {
	"led by example", "owned {G} mistakes", "walked the talk", L0
};
static const char *const t9_kw_en[] = {
	"example", "mistakes", "responsibility", "accountability", "owned",
	"blame", "promise", "commitment", "walked", "talk", "modelled",
	"followed", L0
};
static const char *const t9_pred_es[] = {
	"daba ejemplo( cada día| con su trabajo|)",
	"asumía sus errores delante de todos en vez de culpar al equipo",
	"nunca nos pidió nada que no hiciera {Z}",
	"cumplía cada promesa que nos hacía",
	L0
};
static const char *const t9_more_es[] = {
	"predicaba con el ejemplo",
	"lo que decía y lo que hacía coincidían",
	"la responsabilidad empezaba por {h}",
	L0
};
static const char *const t9_brief_es[] = {
	"predicaba con el ejemplo", "asumía sus errores", L0
};
static const char *const t9_kw_es[] = {
	"ejemplo", "errores", "responsabilidad", "culpar", "promesa",
	"cumplía", "asumía", "predicaba", L0
};
static const char *const t9_pred_de[] = {
	"ging mit gutem Beispiel voran",
	"hat Fehler offen zugegeben, statt das Team zu beschuldigen",
	"hat nie etwas verlangt, was {H} nicht selbst getan hätte",
	"hat jedes Versprechen gehalten",
	L0
};
static const char *const t9_more_de[] = {
	"Worte und Taten passten immer zusammen",
	"Verantwortung fing bei {h} selbst an",
	"wir haben gesehen, wie {H} Fehler zugab und es besser machte",
	L0
};
static const char *const t9_brief_de[] = {
	"ging mit gutem Beispiel voran", "stand zu Fehlern", L0
};
static const char *const t9_kw_de[] = {
	"Beispiel", "Fehler", "Verantwortung", "Versprechen", "zugegeben",
	"voran", "gehalten", "beschuldigen", L0
};
static const char *const t9_pred_fr[] = {
	"montrait l'exemple( chaque jour| par son travail|)",
	"assumait ses erreurs devant tout le monde au lieu d'accuser l'équipe",
	"ne nous a jamais demandé ce qu'{H} ne faisait pas {Z}",
	"tenait chaque promesse",
	L0
};
static const char *const t9_more_fr[] = {
	"les paroles et les actes allaient ensemble",
	"la responsabilité commençait par {Z}",
	"{H} montrait l'exemple plutôt que de faire des discours",
	L0
};
static const char *const t9_brief_fr[] = {
	"montrait l'exemple", "assumait ses erreurs", L0
};
static const char *const t9_kw_fr[] = {
	"exemple", "erreurs", "responsabilité", "assumait", "promesse",
	"tenait", "accuser", "actes", L0
};

#define THEME(i, name) { name, \
	{ t##i##_pred_en, t##i##_pred_es, t##i##_pred_de, t##i##_pred_fr }, \
	{ t##i##_more_en, t##i##_more_es, t##i##_more_de, t##i##_more_fr }, \
	{ t##i##_brief_en, t##i##_brief_es, t##i##_brief_de, t##i##_brief_fr }, \
	{ t##i##_kw_en, t##i##_kw_es, t##i##_kw_de, t##i##_kw_fr } }

#define NTHEME 10
static const struct theme themes[NTHEME] = {
	THEME(0, "present when things are difficult"),
	THEME(1, "teaches and grows people"),
	THEME(2, "listens"),
	THEME(3, "clear expectations"),
	THEME(4, "recognition"),
	THEME(5, "trust and autonomy"),
	THEME(6, "honest feedback and openness"),
	THEME(7, "fair and consistent"),
	THEME(8, "cares for the person"),
	THEME(9, "leads by example"),
};
/* How often each theme is the answer, in percent: a few lead. */
static const int theme_weight[NTHEME] = { 16, 14, 13, 12, 10, 9, 8, 7, 6, 5 };

struct lang {
	const char *code;
	int share;		/* percent of people */
	const char *const *subj[2];	/* [woman, man] */
	const char *pron[2], *obj[2], *poss[2], *self[2];
	const char *const *open, *const *bg, *const *close, *const *conn;
	const char *const *work, *const *dept, *const *team, *const *adv;
	const char *const *first[2], *const *last;
	const char *const *tail, *const *brief;
	int open_alone;		/* an opener is a sentence of its own */
	const char *money[3];	/* printf formats of one int */
};

#define NLANG 4
static const struct lang langs[NLANG] = {
	{ "en", 70, { en_subj, en_subj }, { "she", "he" }, { "her", "him" },
	  { "her", "his" }, { "herself", "himself" },
	  en_open, en_bg, en_close, en_conn, en_work, en_dept, en_team, en_adv,
	  { en_fnf, en_fnm }, en_last, en_tail, en_brief,
	  0, { "$%dk", "%d%%", "$%d,000" } },
	{ "es", 10, { es_subjf, es_subjm }, { "ella", "él" }, { "ella", "él" },
	  { "su", "su" }, { "ella misma", "él mismo" },
	  es_open, es_bg, es_close, es_conn, es_work, es_dept, es_team, es_adv,
	  { es_fnf, es_fnm }, es_last, es_tail, es_brief,
	  0, { "%d%%", "%d.000 euros", "%d%%" } },
	{ "de", 10, { de_subjf, de_subjm }, { "sie", "er" }, { "ihr", "ihm" },
	  { "ihr", "sein" }, { "selbst", "selbst" },
	  de_open, de_bg, de_close, de_conn, de_work, de_dept, de_team, de_adv,
	  { de_fnf, de_fnm }, de_last, de_tail, de_brief,
	  1, { "%d Prozent", "%d.000 Euro", "%d %%" } },
	{ "fr", 10, { fr_subjf, fr_subjm }, { "elle", "il" }, { "elle", "lui" },
	  { "son", "son" }, { "elle-même", "lui-même" },
	  fr_open, fr_bg, fr_close, fr_conn, fr_work, fr_dept, fr_team, fr_adv,
	  { fr_fnf, fr_fnm }, fr_last, fr_tail, fr_brief,
	  0, { "%d %%", "%d 000 euros", "%d %%" } },
};

/* Syllables of the made-up names of products, clients and rare words. */
static const char *const syl[64] = {
	"ka", "lo", "ren", "vi", "ta", "mor", "zen", "dri", "fa", "nel", "qua",
	"sto", "rix", "bel", "tho", "gan", "mi", "sol", "ver", "ux", "pa",
	"lin", "dor", "ce", "bra", "nu", "kel", "tor", "ami", "se", "vo",
	"len", "gri", "fen", "ho", "ja", "lum", "pel", "ro", "sta", "tu",
	"wen", "xo", "yl", "zar", "bi", "cor", "da", "el", "fir", "gu", "ix",
	"jor", "kra", "lex", "mo", "nor", "ol", "pri", "quin", "ru", "sy",
	"tra", "ven",
};
static const char *const product_tail[] = {
	"", "", "", "", "ly", "io", "ex", "ify", "ora", "hub", "ware", "net",
	L0
};
static const char *const rare_tail[NLANG][6] = {
	{ "", "", "ing", "ed", "ism", "ics" },
	{ "", "", "ción", "ado", "ismo", "ero" },
	{ "", "", "ung", "ig", "heit", "isch" },
	{ "", "", "tion", "é", "isme", "eur" },
};
