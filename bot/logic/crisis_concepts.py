"""The crisis detector's second stage as data: word classes (concepts) per language, scored by co-occurrence.

The phrase rules in ``crisis_lexicon`` list ways of saying something; these classes list the *parts* a crisis
message is made of (the author, a wish or intent, death or self-harm, a means, a time, a farewell), so a phrasing no
rule lists is still caught when its parts meet in one clause. Patterns are written against normalised text, like
the lexicon's (casefolded, no accents or apostrophes), and may use its macros (``_W_``, ``_ME_``). Each entry is an
alternative matched from a word start to a word end; ``\\w*`` lets a stem take any ending.

Concepts:
  first: the author (pronouns, clitics, first-person verb forms that drop the subject)
  desire: a wish, intent or decision (want, wish, going to, ready, decided)
  death: dying or ceasing to be (die, dead, not be here, disappear forever, not wake up, stop existing)
  self-harm: an act of self-harm on the author's own body (a concern with the author alone)
  burden: being a burden, or hopelessness (better off without me, no way out, can't go on)
  means: a means or place (pills, rope, bridge, roof, blade, gun, jump)
  timing: soon (tonight, now, tomorrow, this weekend)
  farewell: a goodbye that sounds final (last message, take care of my cat for me, sorry for everything)
  despair: hopelessness said about life as a whole, often with no subject ("what's the point of any of it",
           "nothing will ever get better", "tired of fighting"): a concern unless someone else is named
  handover: entrusting someone or a pet to others ("look after my dog"), a farewell that makes another urgent
  ideation: the words for suicide itself (a concern with the author)
  overdose: a lethal quantity of medicine (all my pills, the whole box), a concern with the author
"""

from __future__ import annotations

from typing import Final

__all__ = ["ANCHORS", "CONCEPTS", "CONCEPT_MACROS", "CONCEPT_REASONS", "CONCEPT_STEMS"]

# What a concept verdict reports: the rule that held, then what made it urgent.
CONCEPT_REASONS: Final = frozenset({
    "concepts:desire+death", "concepts:self-harm", "concepts:burden", "concepts:farewell+farewell",
    "concepts:farewell+means", "concepts:means+timing", "concepts:with-means", "concepts:with-timing",
    "concepts:with-farewell", "concepts:ideation", "concepts:overdose", "concepts:farewell+death",
    "concepts:desire+means", "concepts:with-desire", "concepts:despair", "concepts:with-handover",
})

# Macros on top of the lexicon's, filled in before compiling:
#   _GONE_: "disappear" is dying only at a clause end or made permanent, not "disappear under a blanket"
#   _HYPE_: "die" / "dead" is hyperbole before a condition or a deadline ("going to die if they cancel it")
#   _LIFE_: weary of living, not of living somewhere or with someone ("harto de vivir con mis padres")
#   _DRUG_: "overdosed on coffee" is a figure of speech; on pills or on nothing named, it is not
#   _ALL_: "acabar con todo" is ending everything, not "todo el papeleo"
#   _END_: hopelessness with no object ("i'm so done with everything", "a quoi bon"), not "done with everything
#          on my list", "à quoi bon repasser": the clause ends there (or says "anymore")
#   _ELSE_: "nothing will ever get better than this pizza" is praise, not despair
#   _BODY_: a reflexive cut of hair, nails or a finger is grooming or an accident
CONCEPT_MACROS: Final[dict[str, str]] = {
    "_END_": r"(?= \||$| (?:anymore|any more|any longer|now|ya|mais|plus|mehr|meer|piu)\b)",
    "_ELSE_": r"(?! (?:than|in|at|on|with|unless|until|if|que|als|dan|di|che|do que|en|em|nel|im|op|bij)\b)",
    "_GONE_": r"(?= \||$| (?:forever|for good|permanently|completely|para siempre|de una vez|fur immer|"
              r"pour (?:de bon|toujours)|para sempre|de vez|per sempre|voor altijd|for ever)\b)",
    "_HYPE_": r"(?! (?:if|when|by the time|of|from|laughing|before i|after|inside|on the inside)\b)",
    "_LIFE_": r"(?! (?:in|at|on|with|near|under|abroad|alone|here|there|admin|en|con|aqui|alli|em|na|no|nessa|nesta|"
              r"neste|nesse|com|ali|a|da|di|nel|nella|qui|li|bei|mit|hier|dort|im|met|daar|chez|avec|dans|ici)\b)",
    "_DRUG_": r"(?! on (?!(?:my|the|pills|meds|tablets|sleeping|pain\w*|heroin|drugs|insulin|paracetamol|tylenol)\b))",
    "_ALL_": r"(?! (?:el|la|los|las|lo|este|esta|esto|eso|isso|isto|esse|essa|o|a|os|as|de|da|do|del)\b)",
    "_BODY_": r"(?! (?:(?:el|la|los|las|un|una|il|lo|i|le|gli|o|a|os|as|les|du|de|mi|mis|meu|minha|mes|mon|ma) )?"
              r"(?:pelo|cabello|flequillo|unas|dedo|cabelo|unhas|dito|capelli|unghie|frangia|cheveux|ongles|doigt|"
              r"frange|barba|barbe|franja)\b)",
}

# The concepts that can start a verdict; the others only complete one. A message with none of them is not read.
ANCHORS: Final = ("death", "self-harm", "burden", "despair", "farewell", "handover", "means", "ideation", "overdose")

_EN: Final[dict[str, tuple[str, ...]]] = {
    "first": (r"i", r"im", r"ive", r"id", r"ill", r"me", r"my", r"myself", r"mine"),
    "desire": (r"feel like", r"deserve to", r"time to",
               r"want\w*", r"wanna", r"wish\w*", r"hop(?:e|ing)", r"going to", r"gonna", r"will", r"ill", r"about to",
               r"ready", r"plan(?:ning|ned)?", r"decided", r"cant wait to", r"would like", r"id like", r"longing",
               r"need to", r"rather", r"should just", r"tempted", r"itching to"),
    "death": (r"end(?:ing)? it all", r"kms", r"self delet\w*", r"(?:take|taking) my (?:own )?life",
              r"die_HYPE__THAN_", r"dying_HYPE_", r"dead_HYPE__THAN_", r"death", r"gone", r"kill _ME_",
              r"disappear\w*_GONE_", r"vanish\w*_GONE_", r"stop existing", r"cease to exist", r"not exist\w*",
              r"(?:not|never|no longer|wont|will not) (?:be )?(?:alive|here|around)",
              r"(?:not|never|stop|no longer) (?:to )?(?:wake up|waking up|open my eyes|living|exist\w*)",
              r"(?:sleep|asleep) (?:forever|for good|and stay asleep)", r"stay asleep", r"end (?:my life|it all|"
              r"it(?! (?:here|there|now|for|with|on|at|off|up|after|before|soon|early))|everything|things|"
              r"my existence)", r"be over", r"not being here", r"not be around",
              r"(?:dont|do not|no longer) (?:want to |wanna )?(?:live|exist|be alive|be here|go on)"),
    "self-harm": (r"(?:cut|cutting|burn\w*|hurt\w*|harm\w*|carv\w*|scratch\w*|starv\w*|punish\w*) (?:into )?"
                  r"(?:_ME_|my (?:arms?|legs?|thighs?|wrists?|skin|stomach|hips?))",
                  r"(?:hurt|cut|burn\w*|harm\w*|scratch\w*|hit|punch\w*) (?:_ME_|my (?:arms?|legs?|wrists?|thighs?|"
                  r"skin|hands?)) _W_{0,2}on purpose",
                  r"(?:lighter|cigarette|blade|razor|knife|scissors) (?:to|on|against|into|across) my (?:arms?|legs?|"
                  r"thighs?|wrists?|skin)",
                  r"carv\w* into my", r"(?:my )?scars (?:are )?(?:open\w*|reopen\w*|bleeding)", r"self harm\w*",
                  r"bleed on purpose"),
    "burden": (r"(?:tired|sick|weary) of (?:living|life|being alive|existing)_LIFE_",
               r"done with (?:life|living)_LIFE_", r"no (?:hope|reason|will) (?:left|to live|to go on)",
               r"(?:dont|cant) see a way out",
               r"(?:better|fine|easier|happier) (?:off )?without me", r"without me (?:around|here)",
               r"(?:manage|cope|do|be) (?:just )?(?:fine|better|ok|okay) without me", r"(?:a )?burden",
               r"(?:a )?weight on (?:everyone|everybody|you all|them)", r"waste of (?:space|air|oxygen)",
               r"no point (?:in |to )?(?:anything|living|trying|going on|it|life|any of this)", r"pointless",
               r"hopeless(?! about)",
               r"cant (?:go on|keep going|do this anymore|take (?:it|this) anymore)", r"no way out",
               r"nothing left (?:for me|to live for)", r"no future for me",
               r"(?:nobody|no one|noone) would (?:even )?(?:notice|care|miss me)"),
    "despair": (r"(?:whats|what is|wheres) the point (?:of |in )?(?:any of (?:it|this)|it all|anything|everything|"
                r"living|life|being alive|going on|carrying on|even trying|me)_END_",
                r"whats the point (?:anymore|any more)",
                r"(?:dont|cant|do not|no longer) see (?:the|any) point (?:in|of) (?:anything|any of (?:it|this)|living|"
                r"life|going on|it all|carrying on)",
                r"nothing (?:(?:is|will|s) )?(?:ever )?(?:(?:going to|gonna) )?(?:ever )?(?:get|gets|be) (?:any )?"
                r"better_ELSE_",
                r"(?:it|its|things|life)(?: is| will| s)? never (?:(?:going to|gonna) )?(?:get|gets|be) (?:any )?"
                r"better_ELSE_",
                r"(?:it|things|life) (?:wont|will not|isnt going to|is not going to) ever (?:get|be) (?:any )?"
                r"better_ELSE_",
                r"(?:tired|sick|weary|exhausted) of (?:fighting|struggling|everything|it all|being me|being here)_END_",
                r"done with (?:everything|it all|all of (?:it|this)|myself|this life|my life|existing|"
                r"being alive)_END_",
                r"(?:give|giving|given) up on (?:everything|life|myself|living)",
                r"cant (?:do|keep doing|take|handle|bear) (?:this|it|any of (?:this|it)|this life) (?:any ?more|any "
                r"longer)",
                r"(?:have|ve got|got) nothing (?:left|more)(?: to give)?_END_"),
    "means": (r"pills?", r"tablets?", r"meds", r"rope", r"noose", r"bridge", r"roof", r"ledge", r"tracks",
              r"train", r"knife", r"blade\w*", r"razor\w*", r"gun", r"overdos\w*", r"od", r"jump\w*", r"cliff",
              r"bottle of"),
    "timing": (r"tonight", r"today", r"now", r"this weekend", r"soon", r"before morning", r"tomorrow",
               r"in an hour", r"the night", r"when everyone (?:is )?asleep", r"after (?:this|that|tonight)",
               r"past tonight"),
    "farewell": (r"(?:goodbye|farewell|suicide) (?:letters?|notes?)",
                 r"(?:when|by the time) (?:you|anyone|someone) reads? this",
                 r"goodbye (?:everyone|all|forever|world|guys)", r"this is goodbye", r"farewell", r"last message",
                 r"final message",
                 r"sorry for everything", r"forgive me", r"i love you all", r"letters? (?:for|to) my \w+",
                 r"wont be (?:here|around) tomorrow"),
    "handover": (r"take care of \w+ \w+ for me", r"(?:take care|look after) (?:of )?my \w+"),
    "ideation": (r"suicidal", r"suicide", r"sewer ?slide"),
    "overdose": (r"(?:all|every one of|too many|a bunch of|a handful of|the whole (?:bottle|box|pack) of) "
                 r"(?:the |my |of )?(?:pills|tablets|meds|sleeping pills|painkillers)",
                 r"overdos\w*_DRUG_", r"stockpil\w*"),
}

_ES: Final[dict[str, tuple[str, ...]]] = {
    "first": (r"espero", r"merezco", r"decidi",
              r"yo", r"me", r"mi", r"mis", r"conmigo", r"quiero", r"voy", r"estoy", r"tengo", r"puedo", r"soy",
              r"necesito", r"deseo", r"pienso", r"siento", r"decidi", r"tome", r"estare"),
    "desire": (r"merezco", r"espero",
               r"quiero", r"quisiera", r"queria", r"ojala", r"deseo", r"voy a", r"pienso", r"decidi", r"lo decidi",
               r"list[oa] para", r"necesito", r"ganas de", r"prefiero", r"me gustaria", r"planeo"),
    "death": (r"matar(?:me)?", r"me mato", r"quitarme la vida", r"no estare aqui",
              r"(?:no|nunca) (?:haber|hubiera|hubiese) nacido",
              r"morir\w*", r"muert[oa]", r"muerte", r"matarme", r"desaparecer\w*_GONE_", r"dejar de existir",
              r"no (?:quiero |puedo )?(?:vivir|existir|despertar\w*|seguir|estar aqui)", r"no despert\w*",
              r"dormir para siempre", r"acabar con (?:todo_ALL_|mi vida)", r"terminar con (?:todo_ALL_|mi vida)",
              r"quitarme la vida", r"no estare"),
    "self-harm": (r"(?:cortarme|me corto|me corte)_BODY_", r"me hago cortes", r"me hice cortes", r"lastimarme",
                  r"me (?:corte|queme|lastime|hice dano|golpee) _W_{0,3}(?:a proposito|adrede|aposta|queriendo)",
                  r"me (?:estoy|sigo) (?:cortando|quemando|lastimando|haciendo dano)",
                  r"(?:estoy|sigo) (?:cortandome|quemandome|lastimandome|haciendome dano)",
                  r"me lastimo", r"me lastime", r"hacerme dano", r"me hago dano", r"me hice dano", r"me quemo",
                  r"me queme", r"quemarme", r"autolesion\w*", r"cortes en (?:los brazos|las piernas|mis|la piel)"),
    "burden": (r"(?:cansad[oa]|hart[oa]) de (?:vivir|la vida)_LIFE_", r"no (?:me )?quedan (?:fuerzas|ganas)",
               r"ser una carga", r"sere una carga",
               r"mejor sin mi", r"una carga", r"un estorbo", r"no valgo nada", r"no tiene sentido",
               r"no hay salida(?! de (?:emergencia|incendios))", r"no puedo mas", r"no aguanto mas",
               r"nadie (?:me )?(?:extranaria|notaria)",
               r"cansad[oa] de (?:todo_ALL_|vivir)"),
    "despair": (r"(?:para|pa) que (?:seguir|vivir|continuar|luchar|intentarlo|seguir viviendo|seguir intentando)_END_",
                r"nada (?:nunca )?va a (?:mejorar|cambiar)(?: nunca)?_ELSE_", r"(?:nunca|jamas) va a mejorar_ELSE_",
                r"nada (?:mejora|cambia) nunca", r"no (?:le )?veo (?:sentido|salida) a (?:nada|la vida|seguir|vivir)",
                r"no (?:le )?veo (?:sentido|salida)_END_",
                r"(?:cansad[oa]|hart[oa]|agotad[oa]) de (?:luchar|pelear|intentarlo|todo)_END_",
                r"no me queda nada_END_"),
    "means": (r"pastillas", r"cuerda", r"soga", r"puente", r"azotea", r"tejado", r"vias", r"tren", r"cuchill\w*",
              r"navaja", r"pistola", r"arma", r"sobredosis", r"saltar", r"tirarme"),
    "timing": (r"esta noche", r"hoy", r"ahora", r"manana", r"este finde", r"pronto"),
    "farewell": (r"carta de despedida", r"cuando (?:leas|leais|lean|alguien lea) esto",
                 r"adios (?:a todos|para siempre)", r"ultimo mensaje",
                 r"perdon (?:por todo|a todos)", r"perdonenme", r"los quiero a todos"),
    "handover": (r"cuiden (?:a|de) mi", r"cuida de mi"),
    "ideation": (r"suicid\w*",),
    "overdose": (r"(?:todas|demasiadas|un monton de) (?:las |mis )?(?:pastillas|pildoras)", r"sobredosis"),
}

_DE: Final[dict[str, tuple[str, ...]]] = {
    "first": (r"ich", r"mich", r"mir", r"mein\w*"),
    "desire": (r"verdiene", r"mochte lieber", r"denke (?:daran|dran)", r"uberlege",
               r"will", r"mochte", r"wunschte", r"wunsch\w*", r"werde", r"bereit", r"entschieden", r"plane",
               r"lieber", r"sehne", r"hoffe", r"wurde gern"),
    "death": (r"ein ende (?:setzen|machen)", r"mir das leben nehmen", r"bin ich nicht mehr da", r"mich umbringen",
              r"nicht mehr hier sein", r"wache _W_{0,2}nicht mehr auf", r"(?:alles|mein leben) (?:zu )?beenden",
              r"sterben", r"tot", r"tod", r"umbringen", r"nicht mehr (?:leben|da sein|da|aufwachen|sein|existieren)",
              r"verschwinden_GONE_", r"schluss machen", r"ein ende machen", r"weg sein", r"nie mehr aufwachen"),
    "self-harm": (r"ritze mich", r"geritzt", r"schneide mich", r"mich (?:(?!beim|in den|am)\w+ ){0,2}geschnitten",
                  r"mich _W_{0,3}(?:absichtlich|mit absicht|bewusst) _W_?(?:verletzt|geschnitten|verbrannt|geritzt)",
                  r"(?:verletze|schneide|ritze|verbrenne) mich _W_{0,2}(?:absichtlich|mit absicht|bewusst|standig|"
                  r"immer wieder|jeden tag)",
                  r"mich (?:(?!beim|am)\w+ ){0,2}verletzt",
                  r"verletze mich", r"selbstverletz\w*", r"mich _W_{0,2}verbrannt", r"narben (?:gehen|sind) "
                  r"(?:wieder )?(?:auf|offen)"),
    "burden": (r"lebensmude", r"mude vom leben_LIFE_", r"keinen ausweg", r"zur last",
               r"besser ohne mich", r"eine last", r"keinen sinn mehr", r"kein ausweg", r"ich kann nicht mehr",
               r"schaffe (?:das|es) nicht mehr", r"halte (?:das|es) nicht mehr aus", r"niemand wurde mich vermissen"),
    "despair": (r"wozu (?:(?:das alles|das ganze|noch) )?(?:weitermachen|weiterleben|leben|kampfen)",
                r"wozu (?:das alles|das ganze)(?: noch)?_END_",
                r"es wird (?:nie|niemals|nie mehr|nie wieder) (?:besser|gut)_ELSE_",
                r"nichts wird (?:jemals |je |nie )?besser_ELSE_", r"wird (?:eh |doch )?nie besser_ELSE_",
                r"(?:mude|leid|satt) (?:vom |zu |des )?(?:kampfen|weiterkampfen)",
                r"mir bleibt nichts(?: mehr)?_END_"),
    "means": (r"tabletten", r"pillen", r"seil", r"strick", r"brucke", r"dach", r"gleis\w*", r"zug", r"messer",
              r"klinge", r"pistole", r"waffe", r"uberdosis", r"springe\w*"),
    "timing": (r"heute", r"heute nacht", r"jetzt", r"gleich", r"morgen", r"bald", r"dieses wochenende"),
    "farewell": (r"abschiedsbrief\w*", r"wenn (?:ihr|du|jemand) (?:das|dies) (?:lest|liest)",
                 r"lebt wohl", r"leb wohl", r"tschuss (?:an alle|fur immer)", r"letzte nachricht", r"abschied",
                 r"verzeiht mir", r"es tut mir leid fur alles"),
    "handover": (r"kummert euch um",),
    "ideation": (r"suizid\w*", r"selbstmord\w*"),
    "overdose": (r"(?:alle|zu viele|eine handvoll) (?:meine |die )?(?:tabletten|pillen|schlaftabletten)", r"uberdosis"),
}

_FR: Final[dict[str, tuple[str, ...]]] = {
    "first": (r"jaimerais", r"jespere", r"jy", r"merite",
              r"je", r"jai", r"me", r"moi", r"mon", r"ma", r"mes", r"men", r"jen"),
    "desire": (r"jaimerais", r"jespere", r"merite",
               r"veux", r"voudrais", r"aimerais", r"envie", r"vais", r"souhaite", r"decide", r"pret\w*",
               r"prefere\w*", r"espere", r"compte"),
    "death": (r"me tuer", r"en finir", r"ne serai plus la",
              r"(?:ne )?(?:jamais|pas) (?:etre|ete) nee?s?", r"(?:ne )?(?:veux|voudrais|peux) plus (?:vivre|exister|"
              r"etre la|etre ici)",
              r"mourir", r"mort\w*", r"crever", r"me tuer", r"en finir", r"disparaitre_GONE_",
              r"(?:ne )?plus (?:vivre|exister|me reveiller|etre la)", r"dormir pour toujours", r"plus la"),
    "self-harm": (r"(?:me couper|me coupe)_BODY_", r"scarifi\w*", r"me bruler", r"me brule", r"me _W_{0,2}fait du mal",
                  r"me suis (?:coupe|brule|blesse|fait mal)e?s? _W_{0,3}(?:expres|volontairement|de mon plein gre)",
                  r"me suis (?:coupe|brule|scarifie)e?s? (?:le|la|les) (?:bras|poignets?|jambes?|cuisses?|peau)",
                  r"me suis _W_{0,2}fait du mal", r"me faire du mal", r"automutil\w*", r"me mutile\w*",
                  r"lame sur (?:mon|ma|mes)"),
    "burden": (r"(?:fatigue|marre|las|lasse) de (?:vivre|la vie)_LIFE_", r"plus un fardeau",
               r"mieux sans moi", r"un fardeau", r"une charge", r"aucun sens", r"plus de sens", r"pas dissue",
               r"aucune issue", r"nen peux plus", r"peux plus continuer", r"plus la force"),
    "despair": (r"a quoi bon (?:continuer|vivre|exister|tout ca|me battre|lutter|essayer|rester)_END_",
                r"(?:nen )?vois (?:plus|pas) le bout(?: du tunnel)?_END_",
                r"(?:fatigue|epuise|las|lasse|marre)e?s? de (?:me battre|lutter|tout)_END_",
                r"rien ne (?:va )?(?:jamais )?(?:changer|changera|sameliorer\w*|ira mieux|sarranger\w*)"
                r"(?: jamais)?_ELSE_",
                r"(?:ca|la vie|les choses) (?:ne )?(?:va|ira|sera|iront|seront) jamais (?:mieux|sameliorer|sarranger)",
                r"(?:ca|la vie) nira jamais mieux", r"les choses niront jamais mieux",
                r"ne me reste (?:plus )?rien_END_"),
    "means": (r"cachets", r"pilules", r"comprimes", r"medicaments", r"corde", r"pont", r"toit", r"rails", r"voies",
              r"train", r"couteau", r"lame", r"pistolet", r"arme", r"surdose", r"overdose", r"sauter", r"pendre",
              r"pends"),
    "timing": (r"ce soir", r"cette nuit", r"aujourdhui", r"maintenant", r"demain", r"bientot", r"ce weekend"),
    "farewell": (r"lettre dadieu", r"quand vous lirez", r"quand (?:tu liras|quelquun lira)",
                 r"adieu", r"dernier message", r"pardon (?:pour tout|a tous)", r"pardonnez moi",
                 r"je vous aime tous", r"au revoir (?:a tous|pour toujours)"),
    "handover": (r"prenez soin de",),
    "ideation": (r"suicid\w*",),
    "overdose": (r"(?:toute la boite|tous (?:les|mes)|trop) (?:de |des )?(?:cachets|comprimes|medicaments|pilules)",
                 r"surdose", r"overdose"),
}

_PT: Final[dict[str, tuple[str, ...]]] = {
    "first": (r"espero", r"mereco", r"cansei",
              r"eu", r"me", r"mim", r"meu", r"minha", r"meus", r"minhas", r"comigo", r"quero", r"vou", r"estou",
              r"tenho", r"preciso", r"acabo", r"separei", r"tomei"),
    "desire": (r"mereco", r"espero",
               r"quero", r"queria", r"gostaria", r"desejo", r"vou", r"pretendo", r"decidi", r"pront[oa]",
               r"vontade de", r"prefiro", r"espero", r"tomara"),
    "death": (r"me matar", r"nao estarei aqui",
              r"nao (?:quero|aguento) mais (?:viver|existir|estar aqui|acordar)",
              r"morrer", r"mort[oa]", r"morte", r"me matar", r"sumir_GONE_", r"desaparecer_GONE_", r"deixar de existir",
              r"nao (?:quero )?(?:acordar|viver|existir|estar aqui)", r"acab\w* com tudo_ALL_", r"dormir para sempre",
              r"nao estarei"),
    "self-harm": (r"(?:me cortei|me corto|me cortar)_BODY_", r"me machuc\w*", r"me ferir", r"me feri", r"me queimei",
                  r"me (?:cortei|queimei|machuquei|feri) _W_{0,3}(?:de proposito|propositalmente|por querer)",
                  r"(?:estou|to|tou|continuo|ando) me (?:cortando|queimando|machucando|ferindo)",
                  r"(?:estou|to|tou|continuo|ando) (?:cortandome|queimandome|machucandome|ferindome)",
                  r"me queimar", r"automutil\w*", r"autolesao"),
    "burden": (r"cansei d[ae] (?:vida|viver)_LIFE_", r"(?:cansad[oa]|fart[oa]) d[ae] (?:vida|viver)_LIFE_",
               r"nao tem saida", r"sem forcas",
               r"melhor sem mim", r"um fardo", r"um peso", r"sem sentido", r"nao tem sentido", r"sem saida",
               r"nao aguento mais", r"nao consigo mais", r"ninguem (?:sentiria|notaria|ia notar)"),
    "despair": (r"(?:pra|para) que (?:continuar|viver|seguir|lutar|tentar|seguir vivendo)_END_",
                r"nada (?:nunca )?vai (?:nunca )?(?:melhorar|mudar)_ELSE_", r"nunca vai melhorar_ELSE_",
                r"nada (?:melhora|muda) nunca", r"desisto de (?:tudo|viver|mim|da vida)",
                r"nao vejo (?:mais )?(?:sentido|saida) (?:em (?:nada|viver|continuar)|na vida)",
                r"(?:cansad[oa]|fart[oa]|exaust[oa]) de (?:lutar|tentar|tudo)_END_",
                r"nao me resta (?:mais )?nada_END_"),
    "means": (r"remedios", r"comprimidos", r"pilulas", r"corda", r"ponte", r"telhado", r"predio", r"trilhos",
              r"trem", r"faca", r"lamina", r"arma", r"pistola", r"overdose", r"pular"),
    "timing": (r"hoje", r"hoje a noite", r"esta noite", r"agora", r"amanha", r"logo", r"em breve"),
    "farewell": (r"carta de despedida", r"quando (?:voce|voces|alguem) (?:ler|lerem) isso",
                 r"adeus", r"ultima mensagem", r"me perdoem", r"perdao por tudo",
                 r"desculpa por tudo"),
    "handover": (r"cuidem de",),
    "ideation": (r"suicid\w*",),
    "overdose": (r"(?:todos os|todas as|demasiados|muitos) (?:meus |minhas )?(?:remedios|comprimidos|pilulas)",
                 r"overdose"),
}

_IT: Final[dict[str, tuple[str, ...]]] = {
    "first": (r"spero", r"merito", r"desidero",
              r"io", r"mi", r"me", r"mio", r"mia", r"miei", r"mie", r"voglio", r"vorrei", r"sono", r"ho", r"vado",
              r"devo", r"posso", r"faccio"),
    "desire": (r"merito", r"spero",
               r"voglio", r"vorrei", r"desidero", r"vado a", r"ho deciso", r"pront[oa]", r"voglia di",
               r"preferirei", r"spero"),
    "death": (r"uccidere", r"ammazzare", r"mi (?:voglio|vado a|devo) (?:uccidere|ammazzare)", r"non restero",
              r"non (?:voglio|vorrei|posso) piu (?:vivere|esistere|essere qui|esserci|stare qui)",
              r"morire", r"mort[oa]", r"morte", r"uccidermi", r"ammazzarmi", r"sparire_GONE_", r"scomparire_GONE_",
              r"(?:la )?(?:faccio|fare|farla) finita", r"e finita", r"non (?:svegliarmi|vivere|esistere|esserci)",
              r"smettere di esistere", r"dormire per sempre", r"non ci saro piu"),
    "self-harm": (r"(?:mi taglio|mi sono tagliat\w*|tagliarmi)_BODY_", r"farmi del male", r"mi faccio del male",
                  r"mi sto (?:tagliando|bruciando|ferendo|facendo del male)",
                  r"sto (?:tagliandomi|bruciandomi|ferendomi)",
                  r"mi sono (?:tagliat|bruciat|ferit)\w* (?:(?:il|la|i|le|un|una) )?(?:braccio|braccia|polso|polsi|"
                  r"gamba|gambe|coscia|cosce|pelle)",
                  r"mi sono (?:tagliat\w*|bruciat\w*|ferit\w*|fatt[oa] del male) _W_{0,3}(?:apposta|di proposito|"
                  r"volontariamente)",
                  r"mi sono fatt[oa] del male", r"ferirmi", r"mi ferisco", r"bruciarmi", r"mi brucio",
                  r"autolesion\w*"),
    "burden": (r"stanc[oa] di vivere_LIFE_", r"stanc[oa] della vita_LIFE_", r"sono un peso",
               r"meglio senza (?:di )?me", r"un peso", r"nessun senso", r"non ha (?:piu )?senso",
               r"senza via duscita", r"non ce la faccio piu", r"nessuno (?:se ne accorgerebbe|sentirebbe)"),
    "despair": (r"a che (?:serve|pro) (?:tutto (?:questo|cio)|vivere|continuare|andare avanti|lottare|provarci|"
                r"tutto)_END_",
                r"(?:niente|nulla) (?:migliorera|cambiera|andra meglio)(?: mai)?_ELSE_",
                r"non (?:migliorera|cambiera|andra meglio) mai(?: niente| nulla)?_ELSE_",
                r"stanc[oa] di (?:lottare|combattere|provarci|tutto)_END_", r"non ne posso piu_END_",
                r"non vedo (?:piu )?(?:nessun )?(?:senso|via duscita|uscita)"
                r"(?: in niente| nella vita| nel vivere)?_END_",
                r"non mi resta (?:piu )?(?:niente|nulla)_END_"),
    "means": (r"pillole", r"pastiglie", r"farmaci", r"corda", r"ponte", r"tetto", r"binari", r"treno",
              r"coltello", r"lama", r"pistola", r"arma", r"overdose", r"buttarmi", r"lanciarmi"),
    "timing": (r"stanotte", r"stasera", r"oggi", r"adesso", r"ora", r"domani", r"presto", r"subito"),
    "farewell": (r"lettera daddio", r"quando leggerete",
                 r"addio", r"ultimo messaggio", r"perdonatemi", r"scusate per tutto",
                 r"vi voglio bene"),
    "handover": (r"prendetevi cura di",),
    "ideation": (r"suicid\w*",),
    "overdose": (r"(?:tutte le|troppe) (?:mie )?(?:pillole|pastiglie|compresse)", r"overdose"),
}

_NL: Final[dict[str, tuple[str, ...]]] = {
    "first": (r"ik", r"me", r"mij", r"mijn", r"mezelf"),
    "desire": (r"verdien",
               r"wil", r"wou", r"zou willen", r"wens", r"ga", r"ben klaar", r"besloten", r"liever", r"hoop"),
    "death": (r"niet meer wakker (?:te )?worden", r"er niet meer was", r"van kant maken",
              r"dood", r"sterven", r"doodgaan", r"er niet meer (?:zijn|zou zijn|wil zijn)",
              r"er _W_{0,2}niet meer zijn", r"niet meer (?:leven|wakker worden|bestaan|zijn)", r"verdwijnen_GONE_",
              r"ophouden te bestaan", r"een eind(?:e)? (?:aan )?maken", r"het is klaar"),
    "self-harm": (r"mezelf _W_{0,2}(?:snijden|gesneden|beschadigen|beschadigd|verwonden|pijn doen|branden)",
                  r"mezelf _W_{0,2}(?:expres|met opzet|opzettelijk|bewust) _W_?(?:gesneden|gebrand|pijn gedaan|"
                  r"verwond|bezeerd)",
                  r"(?:snij|brand|verwond) mezelf _W_{0,2}(?:expres|met opzet|elke dag|steeds|telkens)",
                  r"snij mezelf", r"sneed mezelf", r"zelfbeschadig\w*", r"mezelf iets aandoen"),
    "burden": (r"levensmoe", r"moe van het leven_LIFE_", r"tot last", r"geen reden meer",
               r"beter af zonder mij", r"beter zonder mij", r"een last", r"geen zin meer", r"heeft geen zin",
               r"geen uitweg", r"ik kan niet meer", r"ik kan het niet meer"),
    "despair": (r"(?:het )?(?:vechten|strijden) (?:zo |echt )?moe", r"moe (?:van het )?(?:vechten|strijden)",
                r"klaar met (?:alles|het leven|leven|mezelf)_END_",
                r"het (?:wordt|gaat|komt) nooit (?:meer )?(?:beter|goed)_ELSE_",
                r"(?:niks|niets) (?:wordt|gaat) (?:ooit|nog|nooit) (?:meer )?beter_ELSE_",
                r"waarom (?:zou ik|zal ik) (?:nog )?(?:doorgaan|verder gaan|leven|vechten)_END_",
                r"wat heeft het (?:allemaal )?(?:nog )?voor zin_END_",
                r"heb niets meer over_END_"),
    "means": (r"pillen", r"tabletten", r"touw", r"strop", r"brug", r"dak", r"spoor", r"trein", r"mesje",
              r"pistool", r"wapen", r"overdosis", r"spring\w*"),
    "timing": (r"vanavond", r"vannacht", r"vandaag", r"nu", r"straks", r"zo", r"morgen", r"binnenkort",
               r"dit weekend"),
    "farewell": (r"afscheidsbrief", r"als (?:jullie|je|iemand) dit leest",
                 r"vaarwel", r"laatste bericht", r"vergeef me",
                 r"sorry voor alles"),
    "handover": (r"zorg goed voor", r"zorg voor mijn"),
    "ideation": (r"zelfmoord\w*", r"suicida\w*"),
    "overdose": (r"(?:al|alle|te veel) (?:mijn |de )?(?:pillen|tabletten)", r"overdosis"),
}

CONCEPTS: Final[dict[str, dict[str, tuple[str, ...]]]] = {
    "en": _EN, "es": _ES, "de": _DE, "fr": _FR, "pt": _PT, "it": _IT, "nl": _NL,
}

# Word-initial stems, per language, that every anchor pattern above contains ("$" ends a word): added to the
# detector's prefilter, and each language's own set decides cheaply whether its concepts are looked for at all.
CONCEPT_STEMS: Final[dict[str, tuple[str, ...]]] = {
    "en": (
        "feel like", "deserve", "ending it", "kms", "self delet", "take my", "taking my", "tired of", "sick of",
        "weary of", "done with", "no hope", "no reason", "no will", "see a way out", "goodbye", "suicid", "sewer",
        "overdos", "stockpil", "painkiller", "the whole", "when you read", "when anyone", "when someone", "by the time",
        "die$", "dying", "dead", "death", "gone$", "kill", "disappear", "vanish", "exist", "alive", "be here",
        "not here", "be around", "wake up", "waking up", "open my eyes", "living", "stay asleep", "sleep forever",
        "sleep for good", "end my", "end it", "end every", "end thing", "be over", "want to go on", "wanna go on",
        "not being", "cut", "burn", "hurt my", "hurting my", "harm", "carv", "scratch", "starv", "punish", "lighter",
        "cigarette", "blade", "razor", "knife", "scissors", "scars", "self harm", "bleed on", "without me", "burden",
        "weight on", "waste of", "no point", "pointless", "cant go on", "cant keep", "cant do this", "cant take",
        "no way out", "nothing left", "no future", "hopeless", "nobody would", "no one would", "noone would", "pill",
        "tablet", "meds", "rope", "noose", "bridge", "roof", "ledge", "tracks", "train", "gun$", "od$", "jump", "cliff",
        "bottle of", "farewell", "last message", "final message", "take care of", "look after my",
        "sorry for everything", "forgive me", "i love you all", "letter", "wont be", "cease", "stop existing",
        "whats the point", "what is the point", "wheres the point", "see the point", "see any point", "get better",
        "gets better", "be better", "get any better", "gets any better", "be any better", "tired of", "sick of",
        "weary of", "exhausted of", "done with", "give up", "giving up", "given up", "cant do", "cant keep",
        "cant take", "cant handle", "cant bear",
        "on purpose",
        "nothing more",
    ),
    "es": (
        "matar", "me mato", "no estare", "cansad", "harto de", "harta de", "no me quedan", "no quedan", "ser una carga",
        "sere una carga", "carta de despedida", "cuando lea", "cuando alguien", "suicid", "morir", "muert", "matarme",
        "desaparecer", "dejar de existir", "no quiero", "no puedo", "no vivir", "no existir", "no despert", "no seguir",
        "no estar", "dormir para", "acabar con", "terminar con", "quitarme", "cortarme", "me corto", "me corte",
        "me hago", "me hice", "lastim", "hacerme", "me quemo", "me queme", "quemarme", "autolesion", "cortes en",
        "mejor sin", "una carga", "un estorbo", "no valgo", "no tiene sentido", "no hay salida", "no aguanto",
        "nadie me", "nadie extran", "nadie notar", "cansado de", "cansada de", "pastillas", "cuerda", "soga", "puente",
        "azotea", "tejado", "vias", "tren$", "cuchill", "navaja", "pistola", "arma$", "sobredosis", "saltar", "tirarme",
        "adios", "ultimo mensaje", "cuiden", "cuida de mi", "perdon por", "perdon a", "perdonenme",
        "los quiero a todos",
        "para que", "pa que", "mejora", "cambia", "no veo", "no le veo", "cansad", "harto de", "harta de", "agotad",
        "a proposito", "adrede", "aposta", "queriendo", "me golpee", "cortando", "quemando", "lastimando",
        "haciendo dano", "cortandome", "quemandome", "lastimandome", "haciendome",
        "nacido", "no me queda",
    ),
    "de": (
        "ein ende", "das leben nehmen", "bin ich nicht mehr", "mich umbringen", "lebensmu", "mude vom", "keinen ausweg",
        "zur last", "abschiedsbrief", "wenn ihr", "wenn du", "wenn jemand", "suizid", "selbstmord", "schlaftablett",
        "sterben", "tot$", "tod$", "umbringen", "nicht mehr", "verschwinden", "schluss machen", "weg sein", "nie mehr",
        "ritze", "geritzt", "schneide", "geschnitten", "verletz", "verbrannt", "narben", "besser ohne", "eine last",
        "keinen sinn", "kein ausweg", "ich kann nicht", "schaffe das", "schaffe es", "halte das", "halte es",
        "niemand wurde", "tabletten", "pillen", "seil", "strick", "brucke", "dach$", "gleis", "zug$", "messer",
        "klinge", "pistole", "waffe", "uberdosis", "springe", "lebt wohl", "leb wohl", "tschuss an", "tschuss fur",
        "letzte nachricht", "abschied", "kummert euch", "verzeiht", "es tut mir leid fur",
        "wozu", "es wird", "wird besser", "jemals besser", "je besser", "nie besser", "kampfen", "weiterkampfen",
        "absichtlich", "mit absicht", "bewusst", "verletze", "verbrenne",
        "beenden", "wache", "mir bleibt",
    ),
    "fr": (
        "me tuer", "en finir", "ne serai plus", "fatigue de", "marre de", "las de", "lasse de", "plus un fardeau",
        "lettre dadieu", "quand vous", "quand tu", "quand quelquun", "suicid", "surdose", "overdose", "mourir", "mort",
        "crever", "disparaitre", "plus vivre", "plus exister", "plus me rev", "plus etre", "dormir pour", "plus la$",
        "me couper", "me coupe", "scarifi", "me bruler", "me brule", "du mal", "automutil", "me mutile", "lame",
        "mieux sans", "un fardeau", "une charge", "aucun sens", "aucune issue", "plus de sens", "pas dissue",
        "nen peux", "peux plus", "cachets", "pilules", "comprimes", "medicaments", "corde", "pont$", "toit", "rails",
        "voies", "couteau", "pistolet", "arme$", "sauter", "pendre", "pends", "adieu", "dernier message", "pardon pour",
        "pardon a", "prenez soin", "pardonnez", "je vous aime tous", "au revoir a", "au revoir pour",
        "a quoi bon", "vois plus", "vois pas", "fatigue de", "fatiguee de", "fatigues de", "epuise", "las de",
        "lasse", "marre", "rien ne", "jamais mieux", "jamais sameliorer", "jamais sarranger",
        "expres", "volontairement", "de mon plein gre", "coupe", "brule", "scarifi",
        "jamais etre", "pas etre ne", "jamais ete", "veux plus", "voudrais plus", "me reste",
    ),
    "pt": (
        "me matar", "nao estarei", "cansei d", "cansad", "farto d", "farta d", "nao tem saida", "sem forcas",
        "carta de despedida", "quando voc", "quando alguem", "suicid", "overdose", "morrer", "morte", "morto", "morta",
        "sumir", "deixar de existir", "nao quero", "nao acordar", "nao viver", "nao existir", "nao estar", "com tudo",
        "dormir para", "me cort", "me machuc", "me ferir", "me feri", "me queim", "autolesao", "melhor sem", "um fardo",
        "um peso", "sem sentido", "nao tem sentido", "sem saida", "nao aguento", "nao consigo", "ninguem", "remedios",
        "comprimidos", "pilulas", "ponte", "telhado", "predio", "trilhos", "trem$", "faca", "lamina", "pular", "adeus",
        "ultima mensagem", "cuidem", "me perdoem", "perdao por", "desculpa por tudo",
        "pra que", "para que", "melhora", "muda", "desisto", "nao vejo", "cansad", "farto d", "farta d", "exaust",
        "de proposito", "propositalmente", "por querer", "cortando", "queimando", "machucando", "ferindo",
        "cortandome", "queimandome", "machucandome", "ferindome",
        "me resta",
    ),
    "it": (
        "uccidere", "ammazzare", "mi voglio", "mi vado", "mi devo", "non restero", "stanco di", "stanca di",
        "stanco della", "stanca della", "sono un peso", "lettera daddio", "quando leggerete", "suicid", "compresse",
        "overdose", "morire", "uccidermi", "ammazzarmi", "sparire", "scomparire", "faccio finita", "fare finita",
        "farla finita", "e finita", "non svegliarmi", "non vivere", "non esistere", "non esserci",
        "smettere di esistere", "dormire per", "non ci saro", "mi taglio", "tagliat", "tagliarmi", "farmi del",
        "del male", "ferirmi", "mi ferisco", "bruciarmi", "mi brucio", "meglio senza", "nessun senso", "nessuno se",
        "nessuno sentir", "non ha senso", "non ha piu", "senza via", "non ce la", "pillole", "pastiglie", "farmaci",
        "binari", "treno", "coltello", "lama$", "buttarmi", "lanciarmi", "addio", "ultimo messaggio", "prendetevi",
        "perdonatemi", "scusate per", "vi voglio bene",
        "a che", "migliorera", "cambiera", "andra meglio", "stanco di", "stanca di", "non ne posso", "non vedo",
        "tagliando", "bruciando", "ferendo", "facendo del male", "tagliandomi", "bruciandomi", "ferendomi",
        "bruciat", "ferit", "apposta", "di proposito", "volontariamente",
        "non voglio", "non vorrei", "non posso", "mi resta",
    ),
    "nl": (
        "niet meer wakker", "er niet meer", "van kant", "levensmoe", "moe van", "tot last", "geen reden",
        "afscheidsbrief", "als jullie", "als je dit", "als iemand", "zelfmoord", "suicida", "overdosis", "dood",
        "sterven", "doodgaan", "niet meer", "verdwijnen", "ophouden te", "een eind", "het is klaar", "mezelf", "snij",
        "sneed", "zelfbeschadig", "beter af", "beter zonder", "een last", "geen zin", "heeft geen zin", "geen uitweg",
        "ik kan niet", "ik kan het niet", "touw", "strop", "brug", "spoor", "trein", "mesje", "pistool", "wapen",
        "spring", "vaarwel", "laatste bericht", "zorg goed", "zorg voor mijn", "vergeef", "sorry voor alles",
        "vechten", "strijden", "klaar met", "nooit", "niks", "niets", "waarom zou", "waarom zal", "wat heeft",
        "expres", "met opzet", "opzettelijk", "bewust", "brand mezelf", "verwond",
    ),
}
