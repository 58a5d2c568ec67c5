"""Word classes the extractor reasons with: measures, outcome classes, reporting verbs, hedges.

These are linguistic categories, not phrases of any one story: a measure is what is counted
(deaths, evacuations, arrests, ...), an outcome class is a kind of event whose assertion and denial
conflict (control of a place, a ceasefire holding, an appeal succeeding, supply restored, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files


@dataclass(frozen=True)
class Measure:
    name: str
    pattern: re.Pattern[str]
    cumulative: bool  # a running total: rising later is an update, falling later is a conflict
    state: bool = False  # a level that may legitimately go up or down over time (outages, missing)


def _rx(s: str) -> re.Pattern[str]:
    # lower-case patterns matched against lower-cased text: an IGNORECASE scan of these alternations is
    # several times slower in CPython's re
    return re.compile(rf"\b(?:{s})\b")


MEASURES: tuple[Measure, ...] = (
    Measure(
        "deaths",
        _rx(
            r"killed|kill|kills|dead|died|die|deaths?|death toll|toll|lost (?:their|his|her) lives|"
            r"lives were lost|bodies|fatalit(?:y|ies)|perished|drowned|casualties|killing|claimed the lives|"
            r"left \S+ dead|lost their lives|were confirmed dead|fatally"
        ),
        True,
    ),
    Measure("injured", _rx(r"injured|injuring|wounded|wounding|hurt|injuries|hospitali[sz]ed"), True),
    Measure("missing", _rx(r"missing|unaccounted for"), False, state=True),
    Measure("evacuated", _rx(r"evacuated|evacuations?|evacuees|evacuate|evacuating"), True),
    Measure(
        "displaced",
        _rx(r"displaced|fled|forced from their homes|forced to flee|uprooted|fleeing|relocated|in shelters"),
        True,
    ),
    Measure("homeless", _rx(r"homeless|left without (?:a )?homes?"), True),
    Measure(
        "arrested",
        _rx(
            r"arrested|arrests?|detained|detentions?|held|in custody|rounded up|"
            r"arresting|taken into custody|apprehended"
        ),
        True,
    ),
    Measure("rescued", _rx(r"rescued"), True),
    Measure(
        "cases",
        _rx(
            r"cases|infected|infections|tested positive|contracted|fallen ill|fell ill|falling ill|ill|sick|"
            r"sickened"
        ),
        True,
    ),
    Measure(
        "destroyed",
        _rx(
            r"destroyed|demolished|razed|flattened|gutted|burned down|burnt down|"
            r"washed away|collapsed|removed"
        ),
        True,
    ),
    Measure("damaged", _rx(r"damaged"), True),
    Measure("burned_area", _rx(r"burned|burnt|scorched|charred|consumed"), True),
    Measure("affected", _rx(r"affected|fitted with|equipped with|concerned"), True),
    Measure(
        "outage",
        _rx(
            r"without (?:power|electricity|gas|water|supply|heating)|no (?:power|electricity|gas|"
            r"water)|cut off|blackout|in the dark|lost (?:power|supply)|had no gas|power cuts?|"
            r"(?:power|electricity) (?:was|were) cut|knocked out power"
        ),
        False,
        state=True,
    ),
    Measure(
        "aboard",
        _rx(
            r"on board|aboard|travelling on|traveling on|were on the|carrying|carried|boarded|"
            r"crowded (?:onto|into)|packed (?:onto|into)|crammed (?:onto|into)"
        ),
        False,
    ),
    Measure("magnitude", _rx(r"magnitude|richter|measured"), False),
    Measure(
        "spilled",
        _rx(r"spill|spills|spilled|spilling|leaked|leaking|escaped|gushed|seeped|poured into|released into"),
        True,
    ),
    Measure(
        "derailed",
        _rx(
            r"derailed|left the (?:rails|tracks?)|came off the (?:rails|tracks?)|jumped the tracks?|"
            r"overturned"
        ),
        False,  # how many carriages left the rails is a fact of the accident, not a running count
    ),
    Measure(
        "inflation",
        _rx(r"inflation|consumer prices|cpi|price growth|prices (?:rose|were|climbed|increased)"),
        False,
    ),
    Measure("unemployment", _rx(r"unemployment|jobless(?:ness)? rate|out of work"), False),
    Measure(
        "growth",
        _rx(
            r"gdp (?:grew|growth|expanded|contracted|rose|fell)|economy grew|economic growth|grew by|"
            r"expanded by|contracted by|shrank by"
        ),
        False,
    ),
    Measure(
        "interest_rate",
        _rx(
            r"interest rates?|policy rate|benchmark rate|repo rate|base rate|key rate|refinancing rate|"
            r"lending rate"
        ),
        False,
    ),
    Measure(
        "turnout",
        _rx(
            r"turnout|joined|took part|taking part|participated|marched|walked off the job|"
            r"attended|rallied|demonstrators|protesters gathered|on strike|went on strike|gathered|"
            r"crowd|crowds|attendance|staged a walkout|walked out|stopped work|downed tools|stayed away|"
            r"took to the streets|taken to the streets|marchers|strikers|participation|"
            r"cast (?:their )?ballots|went to the polls"
        ),
        False,
    ),
    Measure("emigrated", _rx(r"emigrated|emigration|left the country"), False),
    Measure(
        "value",
        _rx(
            r"worth|valued at|value of|cost|costs|price|priced at|budget of|acquire|acquired|acquiring|"
            r"buy|bought|buying|purchase|purchased|takeover|agreed to pay|will pay"
        ),
        False,
    ),
    Measure("debt", _rx(r"debts?|owed|owes|deficit|liabilities|arrears|shortfall"), False),
    # money handed over (not what is owed): "the Treasury had already released 1.1 billion towards arrears"
    Measure(
        "paid", _rx(r"paid|disbursed|transferred|allocated|set aside|earmarked|released|handed over"), True
    ),
    Measure("jobs", _rx(r"jobs|layoffs|job cuts|redundancies|positions"), False),
    Measure("fill_level", _rx(r"full|capacity"), False, state=True),
    Measure(
        "underground",
        _rx(
            r"underground|trapped|working (?:in|at) the (?:pit|mine|shaft|section|face)|were working in|"
            r"in the (?:flooded|affected|collapsed) (?:section|area|pit|mine|shaft|gallery)"
        ),
        False,
    ),
    Measure("output", _rx(r"harvest|harvested|crop|yield|output|production|produced"), False),
    Measure(
        "arrivals",
        _rx(r"arrived|arrivals|arriving|landed|came ashore|disembarked|who reached|had reached|have reached"),
        True,
    ),
    Measure(
        "present",
        _rx(
            r"still living|living|live in|lived in|remaining in|remain in|stranded|inhabitants|"
            r"population of|sheltering|inside|in the building|on the premises|trapped inside"
        ),
        False,
        state=True,
    ),
)
MEASURE_BY_NAME = {m.name: m for m in MEASURES}
#: measures that count persons: a figure of some other thing never takes one from its verb alone ("gathered
#: half a million signatures" is no turnout, "killed 40 cattle" no death toll)
PERSON_MEASURES = frozenset(
    "deaths injured missing evacuated displaced homeless arrested rescued cases aboard turnout emigrated "
    "present underground".split()
)

# Counted nouns: classes of what a figure counts. Generic person nouns are compatible with any group.
PERSON_GENERIC = frozenset("people persons individuals lives victims bodies dead".split())
NOUN_CLASSES = {
    "house": "houses",
    "home": "houses",
    "dwelling": "houses",
    "household": "households",
    "family": "families",
    "shop": "shops",
    "store": "shops",
    "stall": "shops",
    "person": "people",
    "people": "people",
    "passenger": "passengers",
    "worker": "workers",
    "employee": "workers",
    "miner": "workers",
    "teacher": "teachers",
    "doctor": "doctors",
    "student": "students",
    "child": "children",
    "children": "children",
    "soldier": "soldiers",
    "troop": "soldiers",
    "fighter": "fighters",
    "rebel": "fighters",
    "militant": "fighters",
    "civilian": "civilians",
    "inmate": "inmates",
    "prisoner": "inmates",
    "protester": "protesters",
    "demonstrator": "protesters",
    "resident": "residents",
    "citizen": "citizens",
    "village": "villages",
    "hectare": "hectares",
    "vehicle": "vehicles",
    "dose": "doses",
    "case": "cases",
    "job": "jobs",
    "voter": "voters",
    "officer": "officers",
    "policeman": "officers",
    "woman": "women",
    "women": "women",
    "man": "men",
    "men": "men",
    "crew": "crew",
    "member": "members",
}

#: nouns of persons: those whose first WordNet sense is a person (data/person_nouns.txt, built by
#: scripts/build-person-nouns: "pupil", "villager", "applicant"; not "plant", "cooker", "helicopter"), and
#: the collective nouns of persons WordNet files as groups
_PERSON_NOUNS = frozenset(
    line
    for line in (files(__package__) / "data" / "person_nouns.txt").read_text(encoding="utf-8").splitlines()
    if line and not line.startswith("#")
)
_COLLECTIVE_PERSONS = frozenset("staff troops crew crews personnel folk fans people persons".split())
_IRREGULAR_SINGULAR = {"children": "child", "people": "person", "women": "woman", "men": "man"}


def is_person_noun(noun: str) -> bool:
    """The noun (a lemma or a plural; of a phrase, its last word) names persons."""
    word = noun.lower().rsplit(" ", 1)[-1]
    if word in _COLLECTIVE_PERSONS or word in PERSON_CLASSES:
        return True
    forms = {word, _IRREGULAR_SINGULAR.get(word, word)}
    if word.endswith("men"):
        forms.add(word[:-3] + "man")  # "firemen", "policemen"
    if word.endswith("ies"):
        forms.add(word[:-3] + "y")
    if word.endswith("es"):
        forms.add(word[:-2])
    if word.endswith("s"):
        forms.add(word[:-1])
    return not forms.isdisjoint(_PERSON_NOUNS)


#: groups of persons picked out by sex, age or nationality: a count of them is a part of a count of people
#: ("39 women and children were freed" never meets "13 were freed"); a named group ("Israelis") too
SUBGROUPS = frozenset(
    """women men children girls boys minors teenagers adolescents adults infants babies toddlers elderly
    foreigners nationals""".split()
)
PERSON_CLASSES = frozenset(
    {
        "people",
        "passengers",
        "workers",
        "teachers",
        "doctors",
        "students",
        "children",
        "soldiers",
        "fighters",
        "civilians",
        "inmates",
        "protesters",
        "residents",
        "citizens",
        "voters",
        "officers",
        "women",
        "men",
        "crew",
        "members",
    }
)
for _w in (
    "district",
    "municipality",
    "province",
    "hospital",
    "school",
    "country",
    "town",
    "site",
    "area",
    "region",
    "state",
    "city",
    "community",
):
    NOUN_CLASSES[_w] = (
        "municipalities"
        if _w == "municipality"
        else (
            "cities"
            if _w == "city"
            else ("communities" if _w == "community" else ("countries" if _w == "country" else _w + "s"))
        )
    )

# Reporting verbs and the certainty they lend to what is reported.
REPORTING = {
    "said": "asserted",
    "says": "asserted",
    "say": "asserted",
    "told": "asserted",
    "tells": "asserted",
    "stated": "asserted",
    "announced": "asserted",
    "confirmed": "asserted",
    "reported": "reported",
    "added": "asserted",
    "declared": "asserted",
    "wrote": "asserted",
    "posted": "asserted",
    "insisted": "asserted",
    "insists": "asserted",
    "maintained": "asserted",
    "claimed": "reported",
    "claims": "reported",
    "alleged": "reported",
    "accused": "asserted",
    "estimated": "hedged",
    "warned": "asserted",
    "acknowledged": "asserted",
    "admitted": "asserted",
    "explained": "asserted",
    "denied": "denied",
    "denies": "denied",
    "rejected": "denied",
    "dismissed": "denied",
    "played down": "hedged",
    "suggested": "hedged",
    "believes": "hedged",
    "believed": "hedged",
    "puts": "asserted",
    "put": "asserted",
    "counted": "asserted",
    "recorded": "asserted",
    "according to": "asserted",
    "quoted": "reported",
    "cited": "reported",
}

NEGATION = re.compile(
    r"\b(?:not|n't|no|never|neither|nor|none|nothing|at no point|no longer|without|"
    r"has yet to|have yet to|had yet to|denied|denies|deny|dismissed as false|"
    r"(?:rejected|dismissed|disputed) (?:the |an? )?(?:[\w'’]+ ){0,2}(?:reports?|claims?|suggestions?|"
    r"allegations?|assertions?|statements?|accounts?|announcement)|false|untrue|categorically|baseless|"
    r"unfounded|fabricated|groundless|"
    r"refuted|refutes|dismissed reports|dismissed claims)\b|n't\b",
)


@dataclass(frozen=True)
class Outcome:
    name: str
    positive: re.Pattern[str]
    negative: re.Pattern[str] | None
    context: re.Pattern[str] | None = None  # the sentence must mention this for the class to apply
    #: who must act: the nearest actor noun before the trigger must match ("troops opened fire", not
    #: "gunmen opened fire" in a sentence that mentions soldiers elsewhere)
    agent: re.Pattern[str] | None = None
    #: positive or negative trigger, in one scan (a sentence without either is skipped at once)
    trigger: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        parts = [self.positive.pattern] + ([self.negative.pattern] if self.negative is not None else [])
        object.__setattr__(self, "trigger", re.compile("|".join(parts)))


#: nouns naming who acts in violent events; an Outcome's `agent` picks the ones it is about
ACTORS = re.compile(
    r"\b(?:troops|soldiers?|police(?:men)?|officers?|security forces|army|military|forces|gunmen|bandits|"
    r"attackers|assailants|militants|rebels|fighters|insurgents|jihadists|robbers|mob|kidnappers|"
    r"terrorists|militia(?:men)?)\b"
)


OUTCOMES: tuple[Outcome, ...] = (
    Outcome(
        "control",
        _rx(
            r"captured|captures|capture|seized|seizes|taken (?:full )?control|took (?:full )?control|"
            r"takes control|regained|regain|retook|retaken|retake|recaptured|liberated|overran|"
            r"fell to(?!\s+(?:minus\s+|about\s+|around\s+|a |an )?[\d])|"
            r"gained ground|advanced|took the (?:town|village|city)|pulled back|withdrew|retreated|"
            r"entered (?:the )?(?:town|village|city)|losing|lost control"
        ),
        _rx(
            r"repelled|repulsed|beaten back|beat back|driven back|drove back|pushed back|halted|stopped|"
            r"thwarted|foiled|failed|remains? in (?:full )?control|under (?:the )?(?:full )?control of|"
            r"remains? under (?:our|their|its|[a-z]+'s) (?:full )?control|"
            r"not successful|unsuccessful|still holds?|still held|stabili[sz]ed|"
            r"(?:has|have|had) not (?:entered|taken|captured)|never (?:entered|took|captured)"
        ),
        _rx(
            r"village|villages|town|city|territory|settlement|area|region|positions?|front|ground|"
            r"offensive|assault|attack|advances?|counteroffensive|operation"
        ),
    ),
    Outcome(
        "ceasefire",
        _rx(r"holding|holds|held|is being respected|respected|observed|in place|largely calm"),
        _rx(r"broke|broken|breaking|breaks|violated|violating|violations?|breached|breach|collapsed"),
        _rx(r"ceasefire|cease-fire|truce|armistice"),
    ),
    Outcome(
        "talks",
        _rx(r"progressing|making progress|progress|going well|constructive|advancing|agreed on most"),
        _rx(r"collapsed|broke down|broken down|failed|stalled|walked out|ended without"),
        _rx(r"talks|negotiations|dialogue|mediation"),
    ),
    Outcome(
        "sanction_lifted",
        _rx(
            r"overturned|quashed|annulled|reversed|lifted|cleared to|cleared of|accepted the appeal|"
            r"free to play|"
            r"upheld (?:the|its|his|her) appeal|scrapped|cancelled the (?:ban|suspension|deduction|fine)"
        ),
        _rx(
            r"rejected|upheld|dismissed|remains? (?:provisionally )?(?:suspended|banned|in force)|"
            r"remained (?:provisionally )?(?:suspended|banned|in force)|confirmed the (?:ban|suspension|"
            r"conviction|sentence)"
        ),
        _rx(
            r"appeal|conviction|verdict|sentence|ruling|suspension|suspended|ban|banned|deduction|sanction|"
            r"penalty|fine|doping|play|squad|compete|eligible"
        ),
    ),
    Outcome(
        "approval",
        _rx(
            r"approved|approves|cleared|authori[sz]ed|granted|passed|ratified|endorsed|green light|compliant"
        ),
        _rx(r"rejected|blocked|blocks|denied|refused|vetoed|failed|turned down|did not pass"),
        _rx(
            r"merger|takeover|acquisition|deal|bill|law|plan|project|budget|application|licen[cs]e|permit|"
            r"inspection|safety check|audit|request|proposal"
        ),
    ),
    Outcome(
        "restored",
        _rx(r"restored|resumed|reconnected|back on|back to normal|fully operational"),
        _rx(
            r"without (?:power|electricity|water|gas|supply)|still dark|in the dark|remain(?:s|ed)? cut off|"
            r"no (?:power|electricity|water|gas)\b(?! contract| deal| agreement| supply contract)|"
            r"outage continues"
        ),
        _rx(r"power|electricity|supply|water|gas|internet|service|feeders?|grid|outage|blackout|dark"),
    ),
    Outcome("resigned", _rx(r"resigned|resigns|stepped down|steps down|quit|resignation"), None),
    Outcome(
        "job_cuts",
        _rx(
            r"cut \S+ jobs|cut jobs|cutting \S+ jobs|job cuts|layoffs|lay off|laid off|redundancies|"
            r"will cut|to cut"
        ),
        None,
        _rx(r"jobs?|layoffs|workers|staff|redundanc\w+|positions"),
    ),
    Outcome(
        "suspended",
        _rx(r"suspended|suspends|halted|stopped administering|withdrawn|pulled"),
        _rx(r"continuing as planned|continues as planned|continuing as normal|remain in use"),
        _rx(r"vaccine|batch|doses|product|programme|program|service|flights?|production|use"),
    ),
    Outcome(
        "agreement",
        _rx(
            r"agreed|signed|deal (?:was |has been )?reached|reached (?:a|an) (?:deal|agreement)|joined|"
            r"join a coalition|struck a deal"
        ),
        _rx(
            r"no (?:deal|agreement)|nothing (?:has been|had been|was|will be) signed|"
            r"(?:has|have|had) not (?:signed|agreed)|not (?:been )?reached"
        ),
        _rx(r"deal|agreement|contract|coalition|accord|pact|memorandum|signed|agreed"),
    ),
    Outcome(
        "closure",
        _rx(r"closed|shut|shut down|closure|stopped accepting|suspended admissions"),
        _rx(r"remains? open|reopened|operating normally|admitted \S+ (?:newborns|patients|babies)"),
        _rx(r"unit|ward|hospital|school|plant|factory|mine|border|crossing|airport|port|office|clinic"),
    ),
    Outcome(
        "operations_halted",
        _rx(r"halt|halted|standstill|paraly[sz]ed|came to a stop|shut down|brought \S+ to a halt"),
        _rx(r"operating normally|running normally|continu(?:e|es|ing) as normal|unaffected"),
        _rx(r"operations|terminal|port|traffic|production|work"),
    ),
    Outcome(
        "damaged",
        _rx(r"damaged|damage to|cracks?|cracked|destroyed"),
        _rx(r"undamaged|no damage|intact|unscathed|structurally sound"),
        _rx(r"dam|bridge|building|plant|reactor|crest|structure|wall|road|tower|pipeline"),
    ),
    Outcome(
        "functioning",
        _rx(
            r"working normally|operating normally|functioning|operational|were working|was working|"
            r"worked (?:properly|normally)"
        ),
        _rx(
            r"out of service|not working|faulty|out of order|malfunction\w*|broken|had been out|"
            r"not worked|defective|disabled|switched off"
        ),
        _rx(r"signals?|signalling|sensors?|detectors?|alarms?|systems?|equipment|brakes|devices?"),
    ),
    Outcome(
        "cause_natural",
        _rx(r"lightning|natural causes|spontaneous"),
        _rx(r"human-caused|human caused|arson|deliberately set|started by people|man-made|caused by humans"),
        _rx(r"fire|blaze|wildfire|caused|sparked|started"),
    ),
    Outcome(
        "offered",
        _rx(
            r"offer(?:ed)? (?:of )?(?:outside |external |independent )?"
            r"(?:help|facilitation|mediation|assistance)|"
            r"turned down (?:an|the) offer|rejected (?:an|the) offer|"
            r"refused (?:outside |external )?(?:help|assistance)"
        ),
        None,
        None,
    ),
    Outcome(
        "released",
        _rx(r"released|freed|set free|let go|walked free"),
        _rx(
            r"still (?:being )?(?:detained|held|in custody|behind bars)|"
            r"in the hands of (?:his|her|their) captors|"
            r"remains? (?:in custody|detained|behind bars|held)|"
            r"remained (?:in custody|detained|behind bars)"
        ),
        _rx(
            r"detained|detention|custody|prison|jail|hostages?|captives?|prisoners?|arrested|abducted|kidnapped|"
            r"journalists?|activists?|detainees?|crew|sailors|aid workers?"
        ),
    ),
    Outcome(
        "convicted",
        _rx(r"convicted|found guilty|sentenced|guilty verdict"),
        _rx(r"acquitted|found not guilty|not guilty verdict|cleared of (?:all )?charges"),
        _rx(r"court|trial|judge|jury|charges?|guilty|verdict|tribunal"),
    ),
    Outcome(
        "cleared",  # of allegations: exonerated vs still under investigation
        _rx(r"cleared (?:him|her|them|me|us)|exonerated|absolved|found no wrongdoing|found no evidence"),
        _rx(
            r"not been cleared|not cleared|still (?:under|being) investigat\w+|remains? under investigation|"
            r"still open|no decision|not (?:reached|taken|made) (?:any|a) decision"
        ),
        _rx(
            r"ethics|investigation|inquiry|allegations?|charges?|probe|committee|panel|wrongdoing|misconduct"
        ),
    ),
    Outcome(
        "forces_fired",  # security forces firing on people: admitted vs denied
        _rx(r"opened fire|open fire|fired on|fired at|shot at|shot dead|killed|were involved|was involved"),
        None,
        _rx(r"troops|soldiers|police|policemen|officers|security forces|army|military"),
        agent=_rx(r"troops|soldiers?|police(?:men)?|officers?|security forces|army|military|forces"),
    ),
    Outcome(
        "contaminated",  # test findings: above the limit vs within it
        _rx(
            r"contained|contains|found (?:lead|traces|levels|high levels)|contaminated|contamination|"
            r"exceeded|exceeds|tested positive|"
            r"above the (?:legal |permitted |safe )?limit|unsafe levels|"
            r"times the (?:legal |permitted |safe )?limit"
        ),
        _rx(
            r"within the (?:legal |permitted |safe )?limits?|below the (?:legal |permitted |safe )?limits?|"
            r"safe to (?:eat|drink|use)|safe for consumption|free (?:of|from)|tested negative"
        ),
        _rx(
            r"lead|mercury|arsenic|cadmium|bacteria|salmonella|listeria|e\. coli|contamina\w+|toxins?|"
            r"pesticides?|residues?|melamine|aflatoxins?|microplastics"
        ),
    ),
    Outcome(
        "caught",  # escaped people or animals: caught vs still at large
        _rx(
            r"recaptured|caught|captured|back in (?:its|their|the) (?:enclosure|cage|cell|prison)|"
            r"back with the pack"
        ),
        _rx(
            r"still at large|on the loose|still loose|remains? at large|remained at large|"
            r"(?:has|have|had) not (?:yet )?been (?:caught|found|recaptured)"
        ),
        _rx(
            r"escaped|escape|fugitives?|wolf|wolves|bears?|lions?|tigers?|animals?|inmates?|prisoners?|"
            r"on the run"
        ),
    ),
    Outcome(
        "leaked",
        _rx(r"leaked|leak|was shared|were shared|circulated"),
        None,
        _rx(r"paper|exam|examination|questions|documents?|data|files|emails|report|memo"),
    ),
    Outcome(
        "ransom_paid",
        _rx(
            r"ransom (?:was|had been|has been|were) paid|paid (?:a |the )?ransom|paying (?:a |the )?ransom|"
            r"there was a payment|payment was made"
        ),
        None,
        _rx(r"ransom|payment|kidnap\w*|hostages?|abduct\w*|release"),
    ),
    Outcome(
        "shot_down",  # an aircraft: downed vs not hit
        _rx(r"shot down|brought down|downed|hit by (?:a )?missile|struck by (?:a )?missile"),
        _rx(r"(?:was|had) not (?:been )?hit|landed safely|returned safely|crew (?:is|are|was|were) safe"),
        _rx(r"helicopters?|aircraft|planes?|jets?|drones?|airliner|fighter"),
    ),
    Outcome(
        "cancelled",
        _rx(r"cancell?ed|called off|postponed|scrapped|suspended indefinitely"),
        _rx(r"will go ahead|going ahead|went ahead|on schedule|as planned|will proceed|remains? scheduled"),
        _rx(
            r"event|match|election|summit|concert|vote|festival|flights?|meeting|race|game|ceremony|"
            r"conference|tournament|visit|marathon|parade|show|exams?|launch|hearing|auction|fair|rally"
        ),
    ),
)


def _union(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


#: one scan that tells whether a sentence can hold any outcome trigger at all (most cannot)
ANY_OUTCOME = _union([p for o in OUTCOMES for p in (o.positive, o.negative) if p is not None])
#: the same for measure predicates around a figure
ANY_MEASURE = _union([m.pattern for m in MEASURES])
