"""Measures from structure: what a figure counts, read from its own noun phrase and governing predicate.

Reads: a `FigureRole` (structure.py). Emits: a `Measure` -- one of the lexicon's measure families when the
figure's noun or predicate belongs to one (`deaths`, `evacuated`, ...), else an **open measure** named by
the predicate's family and the counted noun ("cancel~flight", "seize~cocaine"), so that a measure no list
has heard of is still extracted and compared with the same measure elsewhere.

Predicate families are data (acts.py): verbs that report the same count of the same act share a family.
Verbs of change or of having ("rise", "stand", "have") name no act, so the measure is the counted noun
phrase itself ("waiting list", "turnout").
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import TYPE_CHECKING

from .acts import family
from .clauses import token_at
from .lexicon import (
    ANY_MEASURE,
    MEASURE_BY_NAME,
    MEASURES,
    NOUN_CLASSES,
    PERSON_CLASSES,
    PERSON_GENERIC,
    PERSON_MEASURES,
    SUBGROUPS,
    Measure,
    is_person_noun,
)
from .numbers import FigureSpan, find_figures
from .quantities import MONEY_UNITS
from .scope import CLAUSE_END
from .structure import FigureRole
from .text import last_match
from .verbs import CHANGE_VERBS, QUANTITY_NOUNS, SETTING_VERBS, SPEECH

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: predicates that name no act of their own: the count is of the noun ("the waiting list stood at 612,400");
#: verbs of finding and counting are among them: the count is of what was found ("inspectors found 340
#: dead seals", "volunteers counted 300 seals"), whoever found or counted it
LIGHT = frozenset(
    """be have include number total remain see give make do count find record tally log document identify
    confirm list verify observe spot show""".split()
)


def is_person(noun: str) -> bool:
    """The noun names persons ("people", "passengers", "migrants", "shipowners")."""
    return _person(noun)


def _person(noun: str) -> bool:
    return noun in ("people", "person") or noun in PERSON_CLASSES or is_person_noun(noun)


def _counts_persons(role: FigureRole) -> bool:
    """The counted noun names persons, as a lemma or in its plural ("staff", "staffs")."""
    return role.counted is not None and (_person(role.counted) or _person(role.counted + "s"))


def counted_class(role: FigureRole) -> str | None:
    """The counted noun's class: any group of persons is "people" (but a group by sex, age or nationality
    stays itself), else the noun's lemma."""
    if role.counted is None:
        return None
    if role.counted_text is not None and role.counted_text.lower() in SUBGROUPS:
        return role.counted_text.lower()  # "women", "children": a part of the people, kept apart
    return "people" if _counts_persons(role) else role.counted


def structural_measure(role: FigureRole, unit: str | None = None) -> Measure | None:
    """The lexicon measure family the figure's own noun phrase or predicate names, if any (one whose amounts
    are in the figure's `unit`)."""
    pred = role.predicate.split("_")[0] if role.predicate else None
    # the lexicon lists participles ("affected", "evacuated"): the predicate in any tense ("affects") as one
    participle = (pred + "d" if pred.endswith("e") else pred + "ed") if pred and pred.isalpha() else ""
    # a verb's measure of persons needs persons counted: the figure's noun, when it is a common noun, names
    # persons (a named group, "13 Israelis", is persons)
    things = (
        role.counted is not None
        and role.counted not in QUANTITY_NOUNS  # ("the total rescued alive is 22": a total of persons)
        and role.counted_text is not None
        and role.counted_text[:1].islower()
        and not _counts_persons(role)
    )
    persons = role.bare_subject or _counts_persons(role)
    for phrase in (role.counted_phrase, role.predicate_phrase, participle):
        if not phrase:
            continue
        # the measure named first in the phrase: the predicate's own word before its arguments ("arrived
        # on the island aboard boats" is an arrival); one scan finds where, the first family there is it
        first = ANY_MEASURE.search(phrase)
        if first is not None:
            meas = next(
                (m for m in MEASURES if m.pattern.match(phrase, first.start()) and not _other_unit(m, unit)),
                None,
            )
            if meas is None or meas.amount == "matter" and persons:
                continue  # (a spill of matter never counts persons: "12 prisoners escaped")
            if things and phrase is not role.counted_phrase and meas.name in PERSON_MEASURES:
                continue  # (the counted thing may still name a measure of its own)
            return meas
    return None


def _family_named(role: FigureRole, unit: str | None) -> Measure | None:
    """With no act, only the counted noun ("we now have 17 confirmed cases"): the family its word as
    written names on its own ("cases"; the lemma, "case", names none), in the figure's unit."""
    word = (role.counted_text or "").lower()
    return next(
        (m for m in MEASURES if word and m.pattern.fullmatch(word) and not _other_unit(m, unit)), None
    )


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
    if content and base in SPEECH and (counted != "people" or role.bare_subject):
        content = False  # "said 40": the count is of whatever the clause counts, not of the saying
        # (persons it acts on are its own count: "admitted 4,200 students", "warned 300 residents")
    if counted is None and role.bare_subject:
        counted = "people"  # "9,400 have waited", "Eleven were rescued": a bare number doing or undergoing
    if content:
        # brought to a place by any verb of motion, those moved there are the count ("taken to hospital",
        # "transported to hospital")
        act = f"to_{role.goal}" if role.goal is not None else family(pred)
        name = f"{'no_' if role.negated else ''}{act}~{counted or 'thing'}"
    elif role.negated:
        return None  # "the toll did not exceed 40": a bound, not a count
    elif role.counted_phrase and counted != "people":
        name = role.counted_phrase.replace(" ", "_")
    else:
        return None
    # a percentage is a level that may move either way (only compared close in time); counts and amounts
    # of an act are running totals (a later higher figure is an update, a later lower one a conflict)
    level = unit == "percent"
    return Measure(name=f"open:{name}", pattern=MEASURES[0].pattern, cumulative=not level, state=level)


__all__ = [
    "LIGHT",
    "counted_class",
    "is_person",
    "open_measure",
    "structural_measure",
]


OF_TOTAL = re.compile(r"\s+of\s+(?:the|its|their|all)\s+(?:[\w'’]+\s+)?")


def _measure_for(sent: str, fig: FigureSpan, prev_end: int, next_start: int) -> Measure | None:
    """The measure class of the predicate closest to the figure within its clause.
    "46 passengers and two crew members were on board": a coordinated figure shares the predicate."""
    near = sent[max(prev_end, fig.start - 40) : fig.start].lower()
    for meas in MEASURES if ANY_MEASURE.search(near) else ():
        m = last_match(meas.pattern.finditer(near))
        if m is not None and len(near) - m.end() <= 3 and not near[m.end() :].strip():
            return meas  # a verb right before the figure governs it: "killed two people and injured 30"
    limit = next_start
    if re.fullmatch(r"\s*(?:[a-z\-]+\s+){0,2}and\s+", sent[fig.end : next_start]) or OF_TOTAL.fullmatch(
        sent[fig.end : next_start]
    ):
        limit = len(sent)  # coordination ("46 passengers and two crew ..."): look past the next figure
    after = sent[fig.end : min(limit, fig.end + 90)]
    cut = CLAUSE_END.search(after) or re.search(
        r",|\s+and\s+(?:had|has|have|was|were|is|are|will|would|said|"
        r"one|that)\b",
        after,
    )
    if cut:
        after = after[: cut.start()]
    best: tuple[int, Measure] | None = None
    after = after.lower()
    for meas in MEASURES if ANY_MEASURE.search(after) else ():
        m = meas.pattern.search(after)
        if m and m.start() < 60 and (best is None or m.start() < best[0]):
            best = (m.start(), meas)
    before = sent[max(prev_end, fig.start - 120) : fig.start]
    change = _CHANGE_TO.search(before) is not None
    if best is not None and best[0] <= 20 and not change:
        return best[1]  # a predicate right after the figure ("31 had been injured") wins
    after_best = best
    if change:
        best = None  # "the toll rose to 12 after three of the injured died": the subject's measure first
    cut_b = last_match(CLAUSE_END.finditer(before))
    if cut_b:
        before = before[cut_b.end() :]
    before = before.lower()
    for meas in MEASURES if ANY_MEASURE.search(before) else ():
        for m in meas.pattern.finditer(before):
            dist = len(before) - m.end()
            if best is None or dist < best[0]:
                best = (dist, meas)
    best = best or after_best
    return best[1] if best else None


def without_particle(doc: Doc, fig: FigureSpan) -> FigureSpan:
    """A hedge word the parse reads as a verb's particle is no hedge: "handed over dozens of prisoners" hands
    over dozens, not more than dozens."""
    first = token_at(doc, fig.start)
    if first is None or first.idx != fig.start or first.dep_ != "prt":
        return fig
    rest = first.idx + len(first.text)
    again = find_figures(doc.text[rest:], max_figures=1)
    if not again or again[0].end + rest != fig.end:
        return fig
    return replace(again[0], start=rest + again[0].start, end=rest + again[0].end)


def measure_for_figure(
    sent: str, fig: FigureSpan, prev_end: int, next_start: int, role: FigureRole | None
) -> Measure | None:
    """The figure's measure from its structure: a lexicon family its own noun or predicate names, else an
    open measure from them; the nearest listed predicate only for a sentence left unparsed."""
    if role is None:
        return _measure_for(sent, fig, prev_end, next_start)
    if role.relation == "agent" and _person(role.counted or ""):
        # persons who did a passive act are their own count ("boarded by 12 armed men"), not those it was
        # done to (but "overshadowed by turnout of 24.6 per cent" is the turnout)
        name = f"open:{family(role.predicate)}_by~{counted_class(role) or 'thing'}"
        return Measure(name=name, pattern=MEASURES[0].pattern, cumulative=False)
    found = structural_measure(role, fig.unit)
    if found is not None:
        return found
    # the figure's own act, one no family lists ("cancelled 340 flights"); else the nearest listed word in
    # its clause, unless that counts people and the figure is an amount ("a drugs haul put at 2.9 kg");
    # else the counted noun alone ("the deficit stood at ...")
    opened = open_measure(role, fig.unit)
    named = _family_named(role, fig.unit) if opened is not None and "~" not in opened.name else None
    if named is not None:
        return named
    lo, hi = role.scope
    if hi > lo:  # the nearest listed word of the figure's own clause, not of a clause beside it ("Eleven of
        # them are dead, four are in hospital": four are not dead)
        sent, prev_end, next_start = sent[:hi], max(prev_end, lo), min(next_start, hi)
    if role.relation == "part" and fig.end < role.predicate_start < len(sent):
        # a part's measure is its own predicate's, not a word of the whole it is part of ("four of the 160
        # people on board were taken to hospital": not a count of those on board)
        sent = sent[: fig.end] + " " + sent[role.predicate_start :]
        next_start = len(sent)
    if opened is not None and "~" in opened.name:
        said = (role.predicate or "").split("_")[0] in SPEECH
        near = _measure_for(sent, fig, prev_end, next_start) if said else None
        if near is None:
            return opened  # (an act of saying gives way to a listed idiom: "claimed the lives of 12")
    else:
        near = _measure_for(sent, fig, prev_end, next_start)
    if near is not None and (
        near.persons and fig.unit not in (None, "people", "percent") or _other_unit(near, fig.unit)
    ):
        near = None
    own = (role.counted_text or "").lower()
    if (
        near is not None
        and own
        and own not in PERSON_GENERIC
        and is_person_noun(own)
        and not near.pattern.search(role.counted_phrase)
        and 0 < fig.start - prev_end <= 40
        and near.pattern.search(sent[prev_end : fig.start].lower())
    ):
        # persons of a kind of their own right after another figure's measure word ("38 fatalities, 102
        # survivors"): that word is the other figure's; the kind is this one's measure
        return Measure(
            name=f"open:{role.counted_phrase.replace(' ', '_')}", pattern=near.pattern, cumulative=True
        )
    if near is None and opened is None and role.there_in and _counts_persons(role):
        return MEASURE_BY_NAME["present"]  # ("there were five people in the house")
    return near or opened


def _other_unit(meas: Measure, unit: str | None) -> bool:
    """A measure of money and a figure in a unit of quantity, or of matter and a figure in no unit of
    quantity: the words are not its measure."""
    if meas.amount == "money":  # (a share of an amount is still money: "paid 30 percent of the claims")
        return unit is not None and unit not in MONEY_UNITS and unit != "percent"
    # matter is measured in a unit of quantity: "the Treasury released 1.1 billion" is no spill
    return meas.amount == "matter" and (unit is None or unit in MONEY_UNITS)


def counted_noun(sent: str, fig: FigureSpan) -> str | None:
    """What the figure counts: the head of the noun phrase after it ("secondary school teachers" -> teachers),
    mapped to its class when known, else the raw head word."""
    after = sent[fig.end : fig.end + 60]
    whole = re.match(r"\s+of\s+(?:the|its|their|all)\s+(?:[\w'’]+\s+)?[\d,.]+\s+", after)
    if whole:
        after = after[whole.end() :]  # "four of the train's 12 carriages": what the whole counts
    m = re.match(r"[\"”’']?\s*(?:of\s+)?(?:(?:the|its|their)\s+)?((?:[A-Za-z][a-z\-]+\s*){1,4})", after)
    before = _NUMBER_OF.findall(sent[max(0, fig.start - 80) : fig.start].lower())
    if before and (not m or m.group(1).split()[0].lower() in _NOT_NOUNS):
        m = re.match(r"((?:[a-z][a-z\-]+\s*){1})", before[-1])  # "the number of vessels ... rose to 19"
    if not m:
        return None
    words: list[str] = []
    for w in m.group(1).split():
        if w[:1].isupper():
            if words:
                break
            continue  # a demonym or name used as a modifier: "23 Russian civilians"
        if w in _NOT_NOUNS or w.endswith(("ed", "ly")) and w not in NOUN_CLASSES:
            break
        words.append(w)
        if len(words) == 3:
            break
    for word in reversed(words):
        for cand in (
            word,
            word[:-1] if word.endswith("s") else word,
            word[:-2] if word.endswith("es") else word,
        ):
            if cand in NOUN_CLASSES:
                return NOUN_CLASSES[cand]
        if word in PERSON_GENERIC:
            return "people"
    return words[-1] if words else None


#: the figure completes its subject's predicate: "the death toll ... rose to 12 after three of the injured"
_CHANGE_TO = re.compile(
    r"\b(?:rose|risen|rising|climbed|jumped|increased|fell|dropped|stood|stands|reached|hit|"
    r"put (?:it|the \w+) at|(?:raised|raises|cut|cuts|lowered|lowers|set|sets|kept|keeps|held|holds|left)"
    r"(?: \w+){0,3} (?:to|at))\s+(?:to\s+|at\s+)?$"
)


_NUMBER_OF = re.compile(r"\b(?:number|total|count|tally) of (?:the )?(?:[a-z\-]+(?:ed|en) )?([a-z][a-z\-]+)")


_NOT_NOUNS = frozenset(
    """were was are is had have has will would could should may might of in on at to from by for
    and or but with as than more per cent percent less still who which that dead killed across along near
    into onto over under after before since during when while where this last next said says being been
    remain remained remains took take takes taking went go goes made make makes came come comes fled flee
    left leave gave give got get stood stand lost lose fell fall held hold kept keep paid pay spent spend
    sent send brought bring ran run saw see met meet sat sit won win did do does can cannot the a an
    behind beside inside outside between among around through without within beyond toward towards against
    aboard yesterday today tonight tomorrow overnight earlier later now then again so far""".split()
)
