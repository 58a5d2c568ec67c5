"""Outcome classes in a sentence: which listed class (control of a place, a ceasefire holding, supply
restored, ...) a sentence asserts or denies.

Reads: a sentence (text) and the article's title. Emits: `(class, polarity, trigger offset)` for each
class the sentence states one way only (claims.py makes them statement claims).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .lexicon import ACTORS, ANY_OUTCOME, NEGATION, OUTCOME_BY_NAME, OUTCOMES, Outcome
from .text import LETTER, UPPER, last_match

if TYPE_CHECKING:
    from schemas import Claim

    from .arguments import Proposition


def _negated(sent: str, trig_start: int, trig_end: int) -> bool:
    """A negation or denial in the trigger's own clause, before it ("has not resigned", "denied that it
    had agreed") or right after it as the object's determiner ("signed no contract", "found no damage")."""
    window = sent[max(0, trig_start - 60) : trig_start]
    cut = last_match(re.finditer(r"[,;]\s|\bbut\b|\bsaying\b|\band\b(?! no\b)", window))
    if cut:
        window = window[cut.end() :]
    neg = last_match(NEGATION.finditer(window.lower()))
    if neg and not _ONLY.search(window, neg.end()):
        return True  # (but "not the only company to have cut jobs" says it cut jobs, as others did)
    return bool(re.match(r"\s+(?:\w+\s+)?(?:no|nothing|none|neither)\b", sent[trig_end : trig_end + 25]))


_ONLY = re.compile(r"\bonly\b", re.IGNORECASE)

#: a sentence whose subject is a named person: "Óscar Villamizar has not been released", "“At this moment
#: Ana Ruiz has ..."
_NAMED_SUBJECT = re.compile(
    rf"^\W*(?:[A-Z][a-z]+ ){{0,3}}?[{UPPER}]{LETTER}+ [{UPPER}]{LETTER}+ (?:has|have|had|is|was|were|will)\b"
)


_ATTRIBUTIVE = re.compile(r"\b(?:for|of|the|newly|recently)\s+$")


_NOUN_AFTER = re.compile(
    r"\s+(?!(?:by|in|on|at|to|from|with|after|before|and|or|but|as|over|under|for|that|this)\b)[a-z]+\b"
)


HYPOTHETICAL = re.compile(
    r"\b(?:if|whether|any evidence|in case|unless|would|could|might|may|demand(?:s|ed|ing)?|"
    r"(?:not|declined to|refused to|no) comment|who has|who had|"
    r"call(?:s|ed|ing)? (?:for|on)|urg(?:e|es|ed|ing)|want(?:s|ed)?|threaten(?:s|ed)?)\b",
    re.IGNORECASE,
)


def read_outcomes(sent: str, topic: str = "") -> list[tuple[str, int, int]]:
    """(outcome class, polarity, trigger offset) for each class the sentence asserts or denies.
    `topic` (the article's title, lower case) stands in for a class's context when the sentence's subject is
    a named person ("Óscar Villamizar has not been released" in an article about a kidnapping)."""
    out: list[tuple[str, int, int]] = []
    lowered = sent.lower()  # the lexicon is lower case; offsets stay those of the original sentence
    if not ANY_OUTCOME.search(lowered):
        return out
    named = _NAMED_SUBJECT.search(sent) is not None  # (on the original: names are capitalised)
    sent = lowered
    for oc in OUTCOMES:
        if not oc.trigger.search(sent):
            continue
        if oc.context and not oc.context.search(sent) and not (named and topic and oc.context.search(topic)):
            continue
        pos = oc.positive.search(sent)
        if (
            pos
            and pos.group(0).endswith("ed")
            and _ATTRIBUTIVE.search(sent[max(0, pos.start() - 12) : pos.start()])
            and _NOUN_AFTER.match(sent, pos.end())
        ):
            pos = None  # "ransom for freed aid workers": a participle describing a noun, not a claim
        if pos and oc.agent is not None:
            actor = last_match(ACTORS.finditer(sent[max(0, pos.start() - 80) : pos.start()]))
            if actor is None or not oc.agent.fullmatch(actor.group(0)):
                pos = None
        neg = oc.negative.search(sent) if oc.negative else None
        hits = []
        if pos:
            hits.append((pos.start(), pos.end(), 1))
        if neg:
            hits.append((neg.start(), neg.end(), -1))
        if not hits:
            continue
        pols = set()
        for start, end, pol in hits:
            pols.add(-pol if _negated(sent, start, end) else pol)
        if len(pols) != 1:
            continue  # the sentence states both sides: a summary, not a claim
        out.append((oc.name, pols.pop(), min(h[0] for h in hits)))
    return out


def word_end(text: str, start: int) -> int:
    """The end of the word starting at `start` (an outcome's trigger)."""
    m = _WORD_AT.match(text, start)
    return m.end() if m else start


_WORD_AT = re.compile(r"[\w’'-]+")


def _forms(predicate: str) -> set[str]:
    """The written forms of a verb lemma a class's words list: the lemma and its past participle ("resign",
    "resigned"; "stop", "stopped"; "shut_down", "shut down"), the particle kept after the verb."""
    verb, _, rest = predicate.partition("_")
    tail = f" {rest.replace('_', ' ')}" if rest else ""
    done = {verb + "d" if verb.endswith("e") else verb + "ed"}
    if verb.endswith("y") and len(verb) > 2 and verb[-2] not in "aeiou":
        done.add(verb[:-1] + "ied")
    if len(verb) > 2 and verb[-1] not in "aeiouwxy" and verb[-2] in "aeiou" and verb[-3] not in "aeiou":
        done.add(verb + verb[-1] + "ed")  # "stopped", "halted" stays as it is (two consonants)
    return {verb + tail, *(d + tail for d in done)}


def class_of_act(predicate: str, sentence: str) -> tuple[str, int] | None:
    """The listed outcome class an act's verb states, in any tense, and which way: (class, 1) for a word
    that asserts it ("resign" of `resigned`), (class, -1) for one that denies it ("reopen" of `closure`).
    Classes about who acts in violent events, and classes whose context the sentence does not mention, are
    left out."""
    return _class_in(predicate, _classes_for(sentence.lower()))


def with_classes(claims: list[Claim]) -> list[Claim]:
    """The article's open statements, told which listed classes the article states (`Features.classes`): an
    act another report's class reading stands for is compared with this article's class claims, not twice."""
    classes = sorted({c.key[10:] for c in claims if c.kind == "statement" and not c.key.startswith(_OPEN)})
    if not classes:
        return claims
    return [
        c.model_copy(update={"features": c.features.model_copy(update={"classes": classes})})
        if c.key.startswith(_OPEN)
        else c
        for c in claims
    ]


_OPEN = "statement:open:"


def states_class(predicate: str, name: str) -> bool:
    """The verb states the listed class `name` one way or the other ("sign" of `agreement`)."""
    oc = OUTCOME_BY_NAME.get(name)
    return oc is not None and _class_in(predicate, [oc]) is not None


def _classes_for(lowered: str) -> list[Outcome]:
    """The classes an act of this (lower-cased) sentence may state: none about who acts in violent events,
    none whose context the sentence lacks."""
    return [oc for oc in OUTCOMES if oc.agent is None and (oc.context is None or oc.context.search(lowered))]


def _class_in(predicate: str, classes: list[Outcome]) -> tuple[str, int] | None:
    forms = _forms(predicate) if classes else set()
    for oc in classes:
        for pattern, sign in ((oc.positive, 1), (oc.negative, -1)):
            if pattern is not None and any(pattern.fullmatch(f) for f in forms):
                return oc.name, sign
    return None


def class_acts(
    props: list[Proposition], outcomes: list[tuple[str, int, int]], body: str
) -> list[tuple[str, int, int]]:
    """The sentence's listed outcome classes with those the parse finds in a verb the class's words do not
    spell out ("did not resign" of `resigned`, "has reopened" denying `closure`); a class the sentence states
    both ways, in its words or its verbs, is a summary and gives nothing."""
    found: dict[str, list[tuple[str, int, int]]] = {}
    for o in outcomes:
        found.setdefault(o[0], []).append(o)
    lowered = body.lower()
    classes = _classes_for(lowered) if props else []  # (the context scans once per sentence, not per act)
    for p in props:
        hit = _class_in(p.predicate, classes)
        if hit is None or hit[0] not in found and OUTCOME_BY_NAME[hit[0]].trigger.search(lowered):
            continue  # (a class its words name but the sentence states both ways, or as an aside)
        if not any(p.start - 12 <= trig <= p.end + 10 for _, _, trig in found.get(hit[0], [])):
            found.setdefault(hit[0], []).append((hit[0], p.polarity * hit[1], p.start))
    return [acts[0] for acts in found.values() if len({pol for _, pol, _ in acts}) == 1]
