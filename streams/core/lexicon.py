"""Word classes the extractor reasons with: measures, outcome classes, reporting verbs, hedges.

These are linguistic categories, not phrases of any one story: a measure is what is counted
(deaths, evacuations, arrests, ...), an outcome class is a kind of event whose assertion and denial
conflict (control of a place, a ceasefire holding, an appeal succeeding, supply restored, ...).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from importlib.resources import files

from schemas.claim import Certainty


@dataclass(frozen=True, kw_only=True)
class Measure:
    """One measure family and all its properties: what extraction reads it from and how detection
    compares two of its figures."""

    name: str
    #: the words that name it near a figure (its predicate or noun)
    pattern: re.Pattern[str]
    #: a running total: rising later is an update, falling later is a conflict
    cumulative: bool
    #: a level that goes up or down over time (outages, missing): two figures meet only close in time
    state: bool = False
    #: a figure of the event as a whole (a magnitude, a spill, a derailment, people aboard): where one report
    #: places the event, its figure is still about the whole event, not a part
    event: bool = False
    #: counts places or objects itself (houses destroyed, districts affected): a count of containers is this
    #: measure, not another one ("cases found in 29 districts" counts districts, "cases:districts")
    of_containers: bool = False
    #: counts persons: a figure in another unit near its words is not its count ("$2 million" near "killed")
    persons: bool = False


def _rx(s: str) -> re.Pattern[str]:
    # lower-case patterns matched against lower-cased text: an IGNORECASE scan of these alternations is
    # several times slower in CPython's re
    return re.compile(rf"\b(?:{s})\b")


MEASURES: tuple[Measure, ...] = (
    Measure(
        name="deaths",
        pattern=_rx(
            r"killed|kill|kills|dead|died|die|deaths?|death toll|toll|lost (?:their|his|her) lives|"
            r"lives were lost|bodies|fatalities|perished|drowned|casualties|killing|claimed the lives|"
            r"left \S+ dead|lost their lives|were confirmed dead|fatally"
        ),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="injured",
        pattern=_rx(r"injured|injuring|wounded|wounding|hurt|injuries|hospitali[sz]ed"),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="missing",
        pattern=_rx(r"missing|unaccounted for"),
        cumulative=False,
        state=True,
        persons=True,
    ),
    Measure(
        name="evacuated",
        pattern=_rx(r"evacuated|evacuations?|evacuees|evacuate|evacuating"),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="displaced",
        pattern=_rx(
            r"displaced|fled|forced from their homes|forced to flee|uprooted|fleeing|relocated|in shelters"
        ),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="homeless",
        pattern=_rx(r"homeless|left without (?:a )?homes?"),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="arrested",
        pattern=_rx(
            r"arrested|arrests?|detained|detentions?|held|in custody|rounded up|"
            r"arresting|taken into custody|apprehended"
        ),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="rescued",
        pattern=_rx(r"rescued"),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="cases",
        pattern=_rx(
            r"cases|infected|infections|tested positive|contracted|fallen ill|fell ill|falling ill|ill|sick|"
            r"sickened"
        ),
        cumulative=True,
        persons=True,
    ),
    Measure(
        name="destroyed",
        pattern=_rx(
            r"destroyed|demolished|razed|flattened|gutted|burned down|burnt down|"
            r"washed away|collapsed|removed"
        ),
        cumulative=True,
        of_containers=True,
    ),
    Measure(
        name="damaged",
        pattern=_rx(r"damaged"),
        cumulative=True,
        of_containers=True,
    ),
    Measure(
        name="burned_area",
        pattern=_rx(r"burned|burnt|scorched|charred|consumed"),
        cumulative=True,
    ),
    Measure(
        name="affected",
        pattern=_rx(r"affected|fitted with|equipped with|concerned"),
        cumulative=True,
        of_containers=True,
    ),
    Measure(
        name="outage",
        pattern=_rx(
            r"without (?:power|electricity|gas|water|supply|heating)|no (?:power|electricity|gas|"
            r"water)|cut off|blackout|in the dark|lost (?:power|supply)|had no gas|power cuts?|"
            r"(?:power|electricity) (?:was|were) cut|knocked out power"
        ),
        cumulative=False,
        state=True,
    ),
    Measure(
        name="aboard",
        pattern=_rx(
            r"on board|aboard|travelling on|traveling on|were on the|carrying|carried|boarded|"
            r"crowded (?:onto|into)|packed (?:onto|into)|crammed (?:onto|into)"
        ),
        cumulative=False,
        event=True,
        persons=True,
    ),
    Measure(
        name="magnitude",
        pattern=_rx(r"magnitude|richter|measured"),
        cumulative=False,
        event=True,
    ),
    Measure(
        name="spilled",
        pattern=_rx(
            r"spill|spills|spilled|spilling|leaked|leaking|escaped|gushed|seeped|poured into|released into"
        ),
        cumulative=True,
        event=True,
    ),
    Measure(
        name="derailed",
        pattern=_rx(
            r"derailed|left the (?:rails|tracks?)|came off the (?:rails|tracks?)|jumped the tracks?|"
            r"overturned"
        ),
        cumulative=False,  # how many carriages left the rails is a fact of the accident, not a running count
        event=True,
    ),
    Measure(
        name="inflation",
        pattern=_rx(r"inflation|consumer prices|cpi|price growth|prices (?:rose|were|climbed|increased)"),
        cumulative=False,
    ),
    Measure(
        name="unemployment",
        pattern=_rx(r"unemployment|jobless(?:ness)? rate|out of work"),
        cumulative=False,
    ),
    Measure(
        name="growth",
        pattern=_rx(
            r"gdp (?:grew|growth|expanded|contracted|rose|fell)|economy grew|economic growth|grew by|"
            r"expanded by|contracted by|shrank by"
        ),
        cumulative=False,
    ),
    Measure(
        name="interest_rate",
        pattern=_rx(
            r"interest rates?|policy rate|benchmark rate|repo rate|base rate|key rate|refinancing rate|"
            r"lending rate"
        ),
        cumulative=False,
    ),
    Measure(
        name="turnout",
        pattern=_rx(
            r"turnout|joined|took part|taking part|participated|marched|walked off the job|"
            r"attended|rallied|demonstrators|protesters gathered|on strike|went on strike|gathered|"
            r"crowd|crowds|attendance|staged a walkout|walked out|stopped work|downed tools|stayed away|"
            r"took to the streets|taken to the streets|marchers|strikers|participation|"
            r"cast (?:their )?ballots|went to the polls"
        ),
        cumulative=False,
        persons=True,
    ),
    Measure(
        name="emigrated",
        pattern=_rx(r"emigrated|emigration|left the country"),
        cumulative=False,
        persons=True,
    ),
    Measure(
        name="value",
        pattern=_rx(
            r"worth|valued at|value of|cost|costs|price|priced at|budget of|acquire|acquired|acquiring|"
            r"buy|bought|buying|purchase|purchased|takeover|agreed to pay|will pay"
        ),
        cumulative=False,
    ),
    Measure(
        name="debt",
        pattern=_rx(r"debts?|owed|owes|deficit|liabilities|arrears|shortfall"),
        cumulative=False,
    ),
    # money handed over (not what is owed): "the Treasury had already released 1.1 billion towards arrears"
    Measure(
        name="paid",
        pattern=_rx(r"paid|disbursed|transferred|allocated|set aside|earmarked|released|handed over"),
        cumulative=True,
    ),
    Measure(
        name="jobs",
        pattern=_rx(r"jobs|layoffs|job cuts|redundancies|positions"),
        cumulative=False,
    ),
    Measure(
        name="fill_level",
        pattern=_rx(r"full|capacity"),
        cumulative=False,
        state=True,
    ),
    Measure(
        name="underground",
        pattern=_rx(
            r"underground|trapped|working (?:in|at) the (?:pit|mine|shaft|section|face)|were working in|"
            r"in the (?:flooded|affected|collapsed) (?:section|area|pit|mine|shaft|gallery)"
        ),
        cumulative=False,
        persons=True,
    ),
    Measure(
        name="output",
        pattern=_rx(r"harvest|harvested|crop|yield|output|production|produced"),
        cumulative=False,
    ),
    Measure(
        name="arrivals",
        pattern=_rx(
            r"arrived|arrivals|arriving|landed|came ashore|disembarked|who reached|had reached|have reached"
        ),
        cumulative=True,
    ),
    Measure(
        name="present",
        pattern=_rx(
            r"still living|living|live in|lived in|remaining in|remain in|stranded|inhabitants|"
            r"population of|sheltering|inside|in the building|on the premises|trapped inside"
        ),
        cumulative=False,
        state=False,  # (people present are compared at any distance in time)
        persons=True,
    ),
)
MEASURE_BY_NAME: dict[str, Measure] = {m.name: m for m in MEASURES}
#: measures that count persons: a figure of some other thing never takes one from its verb alone ("gathered
#: half a million signatures" is no turnout, "killed 40 cattle" no death toll)
PERSON_MEASURES = frozenset(m.name for m in MEASURES if m.persons)

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
REPORTING: dict[str, Certainty] = {
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


@dataclass(frozen=True, kw_only=True)
class Outcome:
    """One outcome class and all its properties: the words that assert and deny it, and how detection
    compares two statements of it."""

    name: str
    positive: re.Pattern[str]
    negative: re.Pattern[str] | None
    context: re.Pattern[str] | None = None  # the sentence must mention this for the class to apply
    #: who must act: the nearest actor noun before the trigger must match ("troops opened fire", not
    #: "gunmen opened fire" in a sentence that mentions soldiers elsewhere)
    agent: re.Pattern[str] | None = None
    #: a state that changes (supply restored, operations, functioning): a later report is an update unless
    #: a claim fixes the moment
    changes: bool = False
    #: said of a thing (a crossing closes, a dam is damaged), not of an actor: two things named by two
    #: different subjects are two things
    of_thing: bool = False
    #: its negative is the broken condition: one claimant reporting it and the repair later reports progress
    recovery: bool = False
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
        name="control",
        positive=_rx(
            r"captured|captures|capture|seized|seizes|taken (?:full )?control|took (?:full )?control|"
            r"takes control|regained|regain|retook|retaken|retake|recaptured|liberated|overran|"
            r"fell to(?!\s+(?:minus\s+|about\s+|around\s+|a |an )?[\d])|"
            r"gained ground|advanced|took the (?:town|village|city)|pulled back|withdrew|retreated|"
            r"entered (?:the )?(?:town|village|city)|losing|lost control"
        ),
        negative=_rx(
            r"repelled|repulsed|beaten back|beat back|driven back|drove back|pushed back|halted|stopped|"
            r"thwarted|foiled|failed|remains? in (?:full )?control|under (?:the )?(?:full )?control of|"
            r"remains? under (?:our|their|its|[a-z]+'s) (?:full )?control|"
            r"not successful|unsuccessful|still holds?|still held|stabili[sz]ed|"
            r"(?:has|have|had) not (?:entered|taken|captured)|never (?:entered|took|captured)"
        ),
        context=_rx(
            r"village|villages|town|city|territory|settlement|area|region|positions?|front|ground|"
            r"offensive|assault|attack|advances?|counteroffensive|operation"
        ),
    ),
    Outcome(
        name="ceasefire",
        positive=_rx(r"holding|holds|held|is being respected|respected|observed|in place|largely calm"),
        negative=_rx(
            r"broke|broken|breaking|breaks|violated|violating|violations?|breached|breach|collapsed"
        ),
        context=_rx(r"ceasefire|cease-fire|truce|armistice"),
    ),
    Outcome(
        name="talks",
        positive=_rx(
            r"progressing|making progress|progress|going well|constructive|advancing|agreed on most"
        ),
        negative=_rx(r"collapsed|broke down|broken down|failed|stalled|walked out|ended without"),
        context=_rx(r"talks|negotiations|dialogue|mediation"),
    ),
    Outcome(
        name="sanction_lifted",
        positive=_rx(
            r"overturned|quashed|annulled|reversed|lifted|cleared to|cleared of|accepted the appeal|"
            r"free to play|"
            r"upheld (?:the|its|his|her) appeal|scrapped|cancelled the (?:ban|suspension|deduction|fine)"
        ),
        negative=_rx(
            r"rejected|upheld|dismissed|remains? (?:provisionally )?(?:suspended|banned|in force)|"
            r"remained (?:provisionally )?(?:suspended|banned|in force)|confirmed the (?:ban|suspension|"
            r"conviction|sentence)"
        ),
        context=_rx(
            r"appeal|conviction|verdict|sentence|ruling|suspension|suspended|ban|banned|deduction|sanction|"
            r"penalty|fine|doping|play|squad|compete|eligible"
        ),
    ),
    Outcome(
        name="approval",
        positive=_rx(
            r"approved|approves|cleared|authori[sz]ed|granted|passed|ratified|endorsed|green light|compliant"
        ),
        negative=_rx(r"rejected|blocked|blocks|denied|refused|vetoed|failed|turned down|did not pass"),
        context=_rx(
            r"merger|takeover|acquisition|deal|bill|law|plan|project|budget|application|licen[cs]e|permit|"
            r"inspection|safety check|audit|request|proposal"
        ),
    ),
    Outcome(
        name="restored",
        positive=_rx(r"restored|resumed|reconnected|back on|back to normal|fully operational"),
        negative=_rx(
            r"without (?:power|electricity|water|gas|supply)|still dark|in the dark|remain(?:s|ed)? cut off|"
            r"no (?:power|electricity|water|gas)\b(?! contract| deal| agreement| supply contract)|"
            r"outage continues"
        ),
        context=_rx(
            r"power|electricity|supply|water|gas|internet|service|feeders?|grid|outage|blackout|dark"
        ),
        changes=True,
        of_thing=True,
        recovery=True,
    ),
    Outcome(
        name="resigned",
        positive=_rx(r"resigned|resigns|stepped down|steps down|quit|resignation"),
        negative=None,
    ),
    Outcome(
        name="job_cuts",
        positive=_rx(
            r"cut \S+ jobs|cut jobs|cutting \S+ jobs|job cuts|layoffs|lay off|laid off|redundancies|"
            r"will cut|to cut"
        ),
        negative=None,
        context=_rx(r"jobs?|layoffs|workers|staff|redundanc\w+|positions"),
    ),
    Outcome(
        name="suspended",
        positive=_rx(r"suspended|suspends|halted|stopped administering|withdrawn|pulled"),
        negative=_rx(r"continuing as planned|continues as planned|continuing as normal|remain in use"),
        context=_rx(r"vaccine|batch|doses|product|programme|program|service|flights?|production|use"),
        of_thing=True,
    ),
    Outcome(
        name="agreement",
        positive=_rx(
            r"agreed|signed|deal (?:was |has been )?reached|reached (?:a|an) (?:deal|agreement)|joined|"
            r"join a coalition|struck a deal"
        ),
        negative=_rx(
            r"no (?:deal|agreement)|nothing (?:has been|had been|was|will be) signed|"
            r"(?:has|have|had) not (?:signed|agreed)|not (?:been )?reached"
        ),
        context=_rx(r"deal|agreement|contract|coalition|accord|pact|memorandum|signed|agreed"),
    ),
    Outcome(
        name="closure",
        positive=_rx(r"closed|shut|shut down|closure|stopped accepting|suspended admissions"),
        negative=_rx(r"remains? open|reopened|operating normally|admitted \S+ (?:newborns|patients|babies)"),
        context=_rx(
            r"unit|ward|hospital|school|plant|factory|mine|border|crossing|airport|port|office|clinic"
        ),
        of_thing=True,
    ),
    Outcome(
        name="operations_halted",
        positive=_rx(r"halt|halted|standstill|paraly[sz]ed|came to a stop|shut down|brought \S+ to a halt"),
        negative=_rx(r"operating normally|running normally|continu(?:e|es|ing) as normal|unaffected"),
        context=_rx(r"operations|terminal|port|traffic|production|work"),
        changes=True,
        of_thing=True,
    ),
    Outcome(
        name="damaged",
        positive=_rx(r"damaged|damage to|cracks?|cracked|destroyed"),
        negative=_rx(r"undamaged|no damage|intact|unscathed|structurally sound"),
        context=_rx(r"dam|bridge|building|plant|reactor|crest|structure|wall|road|tower|pipeline"),
        of_thing=True,
    ),
    Outcome(
        name="functioning",
        positive=_rx(
            r"working normally|operating normally|functioning|operational|were working|was working|"
            r"worked (?:properly|normally)"
        ),
        negative=_rx(
            r"out of service|not working|faulty|out of order|malfunction\w*|broken|had been out|"
            r"not worked|defective|disabled|switched off"
        ),
        context=_rx(r"signals?|signalling|sensors?|detectors?|alarms?|systems?|equipment|brakes|devices?"),
        changes=True,
        of_thing=True,
        recovery=True,
    ),
    Outcome(
        name="cause_natural",
        positive=_rx(r"lightning|natural causes|spontaneous"),
        negative=_rx(
            r"human-caused|human caused|arson|deliberately set|started by people|man-made|caused by humans"
        ),
        context=_rx(r"fire|blaze|wildfire|caused|sparked|started"),
    ),
    Outcome(
        name="offered",
        positive=_rx(
            r"offer(?:ed)? (?:of )?(?:outside |external |independent )?"
            r"(?:help|facilitation|mediation|assistance)|"
            r"turned down (?:an|the) offer|rejected (?:an|the) offer|"
            r"refused (?:outside |external )?(?:help|assistance)"
        ),
        negative=None,
        context=None,
    ),
    Outcome(
        name="released",
        positive=_rx(r"released|freed|set free|let go|walked free"),
        negative=_rx(
            r"still (?:being )?(?:detained|held|in custody|behind bars)|"
            r"in the hands of (?:his|her|their) captors|"
            r"remains? (?:in custody|detained|behind bars|held)|"
            r"remained (?:in custody|detained|behind bars)"
        ),
        context=_rx(
            r"detained|detention|custody|prison|jail|hostages?|captives?|prisoners?|arrested|abducted|kidnapped|"
            r"journalists?|activists?|detainees?|crew|sailors|aid workers?"
        ),
        of_thing=True,
    ),
    Outcome(
        name="convicted",
        positive=_rx(r"convicted|found guilty|sentenced|guilty verdict"),
        negative=_rx(r"acquitted|found not guilty|not guilty verdict|cleared of (?:all )?charges"),
        context=_rx(r"court|trial|judge|jury|charges?|guilty|verdict|tribunal"),
    ),
    Outcome(
        name="cleared",  # of allegations: exonerated vs still under investigation
        positive=_rx(
            r"cleared (?:him|her|them|me|us)|exonerated|absolved|found no wrongdoing|found no evidence"
        ),
        negative=_rx(
            r"not been cleared|not cleared|still (?:under|being) investigat\w+|remains? under investigation|"
            r"still open|no decision|not (?:reached|taken|made) (?:any|a) decision"
        ),
        context=_rx(
            r"ethics|investigation|inquiry|allegations?|charges?|probe|committee|panel|wrongdoing|misconduct"
        ),
    ),
    Outcome(
        name="forces_fired",  # security forces firing on people: admitted vs denied
        positive=_rx(
            r"opened fire|open fire|fired on|fired at|shot at|shot dead|killed|were involved|was involved"
        ),
        negative=None,
        context=_rx(r"troops|soldiers|police|policemen|officers|security forces|army|military"),
        agent=_rx(r"troops|soldiers?|police(?:men)?|officers?|security forces|army|military|forces"),
    ),
    Outcome(
        name="contaminated",  # test findings: above the limit vs within it
        positive=_rx(
            r"contained|contains|found (?:lead|traces|levels|high levels)|contaminated|contamination|"
            r"exceeded|exceeds|tested positive|"
            r"above the (?:legal |permitted |safe )?limit|unsafe levels|"
            r"times the (?:legal |permitted |safe )?limit"
        ),
        negative=_rx(
            r"within the (?:legal |permitted |safe )?limits?|below the (?:legal |permitted |safe )?limits?|"
            r"safe to (?:eat|drink|use)|safe for consumption|free (?:of|from)|tested negative"
        ),
        context=_rx(
            r"lead|mercury|arsenic|cadmium|bacteria|salmonella|listeria|e\. coli|contamina\w+|toxins?|"
            r"pesticides?|residues?|melamine|aflatoxins?|microplastics"
        ),
        of_thing=True,
    ),
    Outcome(
        name="caught",  # escaped people or animals: caught vs still at large
        positive=_rx(
            r"recaptured|caught|captured|back in (?:its|their|the) (?:enclosure|cage|cell|prison)|"
            r"back with the pack"
        ),
        negative=_rx(
            r"still at large|on the loose|still loose|remains? at large|remained at large|"
            r"(?:has|have|had) not (?:yet )?been (?:caught|found|recaptured)"
        ),
        context=_rx(
            r"escaped|escape|fugitives?|wolf|wolves|bears?|lions?|tigers?|animals?|inmates?|prisoners?|"
            r"on the run"
        ),
    ),
    Outcome(
        name="leaked",
        positive=_rx(r"leaked|leak|was shared|were shared|circulated"),
        negative=None,
        context=_rx(r"paper|exam|examination|questions|documents?|data|files|emails|report|memo"),
    ),
    Outcome(
        name="ransom_paid",
        positive=_rx(
            r"ransom (?:was|had been|has been|were) paid|paid (?:a |the )?ransom|paying (?:a |the )?ransom|"
            r"there was a payment|payment was made"
        ),
        negative=None,
        context=_rx(r"ransom|payment|kidnap\w*|hostages?|abduct\w*|release"),
    ),
    Outcome(
        name="shot_down",  # an aircraft: downed vs not hit
        positive=_rx(r"shot down|brought down|downed|hit by (?:a )?missile|struck by (?:a )?missile"),
        negative=_rx(
            r"(?:was|had) not (?:been )?hit|landed safely|returned safely|crew (?:is|are|was|were) safe"
        ),
        context=_rx(r"helicopters?|aircraft|planes?|jets?|drones?|airliner|fighter"),
        of_thing=True,
    ),
    Outcome(
        name="cancelled",
        positive=_rx(r"cancell?ed|called off|postponed|scrapped|suspended indefinitely"),
        negative=_rx(
            r"will go ahead|going ahead|went ahead|on schedule|as planned|will proceed|remains? scheduled"
        ),
        context=_rx(
            r"event|match|election|summit|concert|vote|festival|flights?|meeting|race|game|ceremony|"
            r"conference|tournament|visit|marathon|parade|show|exams?|launch|hearing|auction|fair|rally"
        ),
        of_thing=True,
    ),
)


def _union(patterns: list[re.Pattern[str]]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p.pattern})" for p in patterns))


#: one scan that tells whether a sentence can hold any outcome trigger at all (most cannot)
OUTCOME_BY_NAME: dict[str, Outcome] = {o.name: o for o in OUTCOMES}
ANY_OUTCOME = _union([p for o in OUTCOMES for p in (o.positive, o.negative) if p is not None])
#: the same for measure predicates around a figure
ANY_MEASURE = _union([m.pattern for m in MEASURES])
