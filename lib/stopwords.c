/*
 * stopwords.c - the words that carry no theme, per language.  Written for
 * align from common function words: articles, pronouns, prepositions,
 * conjunctions, auxiliaries and the like.  Case-folded, space-separated.
 */
#include "words.h"

const char *const align_stopwords[ALIGN_LANGS] = {
	/* English */
	"a about above after again against all also am an and any are "
	"around as at be because been before being below between both but "
	"by can could did do does doing down during each even ever every "
	"few for from further had has have having he her here hers herself "
	"him himself his how i if in into is it its itself just last let "
	"like made make many me more most much must my myself no nor not "
	"now of off on once one only or other our ours ourselves out over "
	"own same she should so some still such than that the their theirs "
	"them themselves then there these they this those through time to "
	"too under until up us very was way we well were what when where "
	"which while who whom why will with would yet you your yours "
	"yourself yourselves back day days got get gets getting go went "
	"going gone thing things really always never something someone "
	"told said say says felt feel",
	/* Spanish */
	"a al algo algunas algunos ante antes como con contra cual cuando "
	"de del desde donde durante e el ella ellas ellos en entre era "
	"eramos eran es esa esas ese eso esos esta estaba estaban estado "
	"estamos estar este esto estos estoy fue fueron fui ha habia han "
	"hasta hay la las le les lo los mas me mi mis mucho muchos muy "
	"nada ni no nos nosotros nuestra nuestro o os otra otro para pero "
	"poco por porque que quien se ser si sin sobre son su sus tambien "
	"te tenia tiene todo todos tu tus un una uno unos vez y ya yo "
	"cuándo más también había qué él sí siempre nunca cada",
	/* German */
	"aber alle allem allen aller alles als also am an ander andere "
	"anderen auch auf aus bei bin bis bist da damit dann das dass dem "
	"den der des dich die dies diese dieser dieses dir doch dort du "
	"durch ein eine einem einen einer eines er es etwas euch euer für "
	"gegen hab habe haben hat hatte hatten hier hin hinter ich ihm ihn "
	"ihnen ihr ihre im in ist ja jede jedem jeden jeder jedes jetzt "
	"kann kein keine können man manche mein meine meinem meinen meiner "
	"mich mir mit muss nach nicht nichts noch nun nur ob oder ohne "
	"sehr sein seine sich sie sind so solche soll sondern über um und "
	"uns unser unsere unter viel vom von vor war waren warst was weil "
	"welche wenn wer wie wir wird wo zu zum zur zwischen immer nie "
	"einmal mal",
	/* French */
	"a à au aux avec ce ces cet cette dans de des du elle elles en et "
	"eux il ils je la le les leur leurs lui ma mais me même mes moi mon "
	"ne ni nos notre nous on ou où par pas pour qu que qui sa se ses "
	"si son sur ta te tes toi ton tu un une vos votre vous y été était "
	"étaient être avait avaient ai as avons avez ont est sont suis "
	"très tout tous toute toutes plus moins quand comme aussi bien "
	"jamais toujours chaque",
};
