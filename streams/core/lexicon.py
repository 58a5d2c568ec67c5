"""Word classes the extractor reasons with: nouns of persons and groups, reporting verbs, negation; and
(re-exported) the measure families (families.py) and outcome classes (outcome_classes.py).

These are linguistic categories, not phrases of any one story: a measure is what is counted
(deaths, evacuations, arrests, ...), an outcome class is a kind of event whose assertion and denial
conflict (control of a place, a ceasefire holding, an appeal succeeding, supply restored, ...).
"""

from __future__ import annotations

import re
from importlib.resources import files

from schemas.claim import Certainty

from .families import ANY_MEASURE, MEASURE_BY_NAME, MEASURES, PERSON_MEASURES, Measure
from .outcome_classes import ACTORS, ANY_OUTCOME, OUTCOME_BY_NAME, OUTCOMES, Outcome

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


def data_lines(name: str) -> list[str]:
    """The lines of a word list in `streams/core/data/`, less its comment header."""
    text = (files(__package__) / "data" / name).read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


#: nouns of persons: those whose first WordNet sense is a person (data/person_nouns.txt, built by
#: scripts/build-person-nouns: "pupil", "villager", "applicant"; not "plant", "cooker", "helicopter"), and
#: the collective nouns of persons WordNet files as groups
_PERSON_NOUNS = frozenset(data_lines("person_nouns.txt"))
#: nouns of acts and the verb of each ("devaluation": devalue, "vote": vote), from WordNet's links between
#: a noun's sense of an act, event, process or communication and its verb (data/event_nouns.txt, built by
#: scripts/build-event-nouns)
EVENT_NOUNS: dict[str, str] = dict(line.split(" ", 1) for line in data_lines("event_nouns.txt"))
#: names of peoples, faiths and nationalities ("tamil", "sikh", "kurd"; data/peoples.txt, built by
#: scripts/build-peoples): a group counted, not a place, before what a figure counts
PEOPLES = frozenset(data_lines("peoples.txt"))
#: verbs with a sense of motion (scripts/build-motion-verbs): "taken to hospital", "ferried to the shore"
MOTION_VERBS = frozenset(data_lines("motion_verbs.txt"))
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
    # verbs of counting: their subject is the figure's source ("the regulator listed the release at 1,900
    # barrels", "the ministry logged 622,000 arrivals")
    "listed": "asserted",
    "lists": "asserted",
    "logged": "asserted",
    "logs": "asserted",
    "registered": "asserted",
    "tallied": "asserted",
    "showed": "asserted",
    "shows": "asserted",
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


__all__ = [
    "ACTORS",
    "ANY_MEASURE",
    "ANY_OUTCOME",
    "MEASURES",
    "MEASURE_BY_NAME",
    "NEGATION",
    "NOUN_CLASSES",
    "OUTCOMES",
    "OUTCOME_BY_NAME",
    "PERSON_CLASSES",
    "PERSON_GENERIC",
    "PERSON_MEASURES",
    "REPORTING",
    "SUBGROUPS",
    "Measure",
    "Outcome",
    "is_person_noun",
]
