"""Measures from structure: what a figure counts, read from its own noun phrase and governing predicate.

Reads: a `FigureRole` (structure.py). Emits: a `Measure` -- one of the lexicon's measure families when the
figure's noun or predicate belongs to one (`deaths`, `evacuated`, ...), else an **open measure** named by
the predicate's family and the counted noun ("cancel~flight", "seize~cocaine"), so that a measure no list
has heard of is still extracted and compared with the same measure elsewhere.

Predicate families are data: verbs that report the same count of the same act ("cancel", "scrap", "axe")
share a family; a verb not listed is its own family (its lemma). Families only ever join verbs that mean
the same act; verbs of change or of having ("rise", "stand", "have") name no act, so the measure is the
counted noun phrase itself ("waiting list", "turnout").
"""

from __future__ import annotations

from .lexicon import MEASURES, PERSON_CLASSES, PERSON_MEASURES, SUBGROUPS, Measure, is_person_noun
from .structure import CHANGE_VERBS, SETTING_VERBS, SPEECH, FigureRole

#: verb lemma -> family head; each row one act in several words (tested in tests/unit/test_measures.py)
PREDICATE_FAMILIES: dict[str, str] = {
    verb: head
    for head, verbs in {
        "cancel": "cancel scrap axe scrub call_off",
        "seize": "seize confiscate impound intercept",
        "steal": "steal exfiltrate",
        "expose": "expose leak compromise breach",
        "close": "close shut shutter shut_down close_down",
        "strand": "strand maroon",
        "delay": "delay postpone",
        "lay_off": "lay_off dismiss fire sack",
        "distribute": "distribute deliver hand hand_out give_out",
        "register": "register enrol enroll",
        "cross": "cross enter",
        "sell": "sell ship",
        "fine": "fine penalise penalize",
        "raise": "raise collect",
        "vaccinate": "vaccinate inoculate immunise immunize",
        "test": "test screen",
        "treat": "treat",
        "detain": "detain hold round_up lock_up",
        "receive": "receive get obtain secure garner poll win gain",
        "withdraw": "withdraw pull_out back_out drop_out bow_out",
    }.items()
    for verb in verbs.split()
}
#: predicates that name no act of their own: the count is of the noun ("the waiting list stood at 612,400");
#: verbs of finding and counting are among them: the count is of what was found ("inspectors found 340
#: dead seals", "volunteers counted 300 seals"), whoever found or counted it
LIGHT = frozenset(
    """be have include number total remain see give make do count find record tally log document identify
    confirm list verify observe spot""".split()
)


def is_person(noun: str) -> bool:
    """The noun names persons ("people", "passengers", "migrants", "shipowners")."""
    return _person(noun)


def _person(noun: str) -> bool:
    return noun in ("people", "person") or noun in PERSON_CLASSES or is_person_noun(noun)


def counted_class(role: FigureRole) -> str | None:
    """The counted noun's class: any group of persons is "people" (but a group by sex, age or nationality
    stays itself), else the noun's lemma."""
    if role.counted is None:
        return None
    if role.counted_text is not None and role.counted_text.lower() in SUBGROUPS:
        return role.counted_text.lower()  # "women", "children": a part of the people, kept apart
    return "people" if _person(role.counted) or _person(role.counted + "s") else role.counted


def structural_measure(role: FigureRole) -> Measure | None:
    """The lexicon measure family the figure's own noun phrase or predicate names, if any."""
    pred = role.predicate.split("_")[0] if role.predicate else None
    # the lexicon lists participles ("affected", "evacuated"): the predicate in any tense ("affects") as one
    participle = (pred + "d" if pred.endswith("e") else pred + "ed") if pred and pred.isalpha() else ""
    # a verb's measure of persons needs persons counted: the figure's noun, when it is a common noun, names
    # persons (a named group, "13 Israelis", is persons)
    things = (
        role.counted is not None
        and role.counted_text is not None
        and role.counted_text[:1].islower()
        and not _person(role.counted)
        and not _person(role.counted + "s")
    )
    for phrase in (role.counted_phrase, role.predicate_phrase, participle):
        if not phrase:
            continue
        for meas in MEASURES:
            if meas.pattern.search(phrase):
                if things and phrase is not role.counted_phrase and meas.name in PERSON_MEASURES:
                    break  # (the counted thing may still name a measure of its own)
                return meas
    return None


def family(lemma: str | None) -> str | None:
    if lemma is None:
        return None
    return PREDICATE_FAMILIES.get(lemma, lemma)


def open_measure(role: FigureRole, unit: str | None) -> Measure | None:
    """An open measure for a figure no lexicon family covers: predicate family + counted class
    ("cancel~flight"), or the counted noun phrase alone under a light predicate ("waiting list").
    Parts and wholes of other figures, and a bare group of persons with no act, are not measures."""
    if role.relation in ("part", "whole", "subcount"):
        return None
    pred = role.predicate
    base = pred.split("_")[0] if pred else None  # "go_up", "put_at": the verb decides whether it names an act
    counted = counted_class(role)
    content = (
        base is not None and base not in LIGHT and base not in CHANGE_VERBS and base not in SETTING_VERBS
    )
    if content and base in SPEECH:
        content = False  # "said 40": the count is of whatever the clause counts, not of the saying
    if counted is None and role.bare_subject:
        counted = "people"  # "9,400 have waited", "Eleven were rescued": a bare number doing or undergoing
    if content:
        name = f"{'no_' if role.negated else ''}{family(pred)}~{counted or 'thing'}"
    elif role.negated:
        return None  # "the toll did not exceed 40": a bound, not a count
    elif role.counted_phrase and counted != "people":
        name = role.counted_phrase.replace(" ", "_")
    else:
        return None
    # a percentage is a level that may move either way (only compared close in time); counts and amounts
    # of an act are running totals (a later higher figure is an update, a later lower one a conflict)
    level = unit == "percent"
    return Measure(f"open:{name}", MEASURES[0].pattern, cumulative=not level, state=level)


__all__ = [
    "LIGHT",
    "PREDICATE_FAMILIES",
    "counted_class",
    "family",
    "is_person",
    "open_measure",
    "structural_measure",
]
