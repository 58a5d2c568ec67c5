"""States that deny a change: a thing said to be over has ended ("the strike is not over"), and a thing said
to remain in a state denies the acts that would have ended it ("the ban remains in force": not lifted; "the
bridge is still closed": not reopened; "the coach remains in post": has not resigned).

Reads: tokens of a parsed sentence (spaCy `Token`). Emits: `Proposition`s for propositions.py. The states and
the acts each denies are data (`STATES`), a table of antonym pairs in the general language of news.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .arguments import Proposition, act_on, person_word, theme_word
from .clauses import conditional
from .families import ANY_MEASURE
from .lexicon import EVENT_NOUNS
from .modality import modality_of
from .negation import denials, negated, negative_word, none_beyond, polarity
from .verbs import REPORT_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token

#: a state (an adjective or participle, or the noun of "in force", "in post") -> the acts that would end it
STATES: dict[str, tuple[str, ...]] = {
    "close": ("reopen",),
    "closed": ("reopen",),
    "shut": ("reopen",),
    "open": ("close",),
    "suspend": ("resume", "lift", "reinstate"),
    "suspended": ("resume", "lift", "reinstate"),
    "ban": ("lift",),
    "banned": ("lift",),
    "halt": ("resume",),
    "ground": ("resume", "lift"),
    "force": ("lift", "revoke", "remove", "withdraw"),
    "place": ("lift", "revoke", "remove", "withdraw"),
    "effect": ("lift", "revoke", "remove", "withdraw"),
    "valid": ("revoke",),
    "post": ("resign", "quit", "step_down", "oust"),
    "office": ("resign", "quit", "step_down", "oust"),
    "charge": ("resign", "quit", "step_down", "oust"),
    "custody": ("release", "free"),
    "detention": ("release", "free"),
    "jail": ("release", "free"),
    "prison": ("release", "free"),
    "connected": ("disconnect", "trip", "drop_off"),
    "online": ("disconnect", "trip", "drop_off"),
    "intact": ("collapse",),
    "unpaid": ("pay",),
}
#: verbs of staying in a state; "be" only with "still" ("the bridge is still closed")
_STAY = frozenset({"remain", "stay"})


def state_of(verb: Token) -> list[Proposition]:
    """The acts a thing said to remain in a state did not undergo: "flights remain suspended" (not resumed),
    "the ban remains in force" (not lifted), "is still closed" (not reopened). None when the staying is
    itself negated, hedged or conditional ("no longer remains", "may remain")."""
    lemma = verb.lemma_.lower()
    if lemma not in _STAY and lemma != "be":
        return []
    if lemma == "be" and not any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children):
        return []
    state = next((c for c in verb.children if c.dep_ in ("acomp", "oprd")), None)
    word = state.lemma_.lower() if state is not None else None
    if state is None or word not in STATES:
        prep = next(
            (c for c in verb.children if c.dep_ == "prep" and c.lower_ in ("in", "on", "behind")), None
        )
        state = next((g for g in prep.children if g.dep_ == "pobj"), None) if prep is not None else None
        word = state.lemma_.lower() if state is not None else None
    if state is None or word not in STATES or negated(verb) or conditional(verb):
        return []
    if modality_of(verb) not in ("fact", "forecast"):
        return []
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    theme = theme_word(subject)
    if theme is None:
        return []
    person = theme if person_word(subject, theme) else None
    n = denials(verb)
    return [
        replace(
            act_on(verb, act, "people" if person else theme, polarity(True, n), n, subject), person=person
        )
        for act in STATES[word]
    ]


def act_named(thing: Token) -> tuple[str, str] | None:
    """The act a noun names and what it is done to: "no devaluation of the kwacha" (devalue, kwacha); the act
    itself when the noun has no argument ("there was no devaluation": devalue, devalue). None for a noun of
    no act, and for a count's noun ("there were no deaths": a figure, not a statement)."""
    lemma = thing.lemma_.lower()
    act = EVENT_NOUNS.get(lemma)
    if act is None or lemma in NOT_THINGS or lemma in REPORT_NOUNS or lemma in _SAID:
        return None  # ("no sign of damage", "no word of the crew": what is known, not an act)
    if ANY_MEASURE.search(thing.lower_) or ANY_MEASURE.search(lemma):
        return None
    of = next((c for c in thing.children if c.dep_ == "prep" and c.lower_ == "of"), None)
    arg = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
    return act, theme_word(arg) or act


#: verbs by which an act named by a noun happens: "no vote took place", "talks were held", "occurred"
_HAPPEN = frozenset({"occur", "happen"})


def act_happened(verb: Token) -> Proposition | None:
    """ "No vote took place", "the talks were held on Monday", "no interruption occurred": the act the
    subject names happened (polarity 1) or not (-1), as "they voted" or "they did not" says. None when hedged
    or conditional, and for a subject that names no act."""
    lemma = verb.lemma_.lower()
    takes_place = lemma == "take" and any(c.dep_ == "dobj" and c.lower_ == "place" for c in verb.children)
    dep = "nsubjpass" if lemma == "hold" else "nsubj"
    if not (takes_place or lemma in _HAPPEN or lemma == "hold"):
        return None
    subject = next((c for c in verb.children if c.dep_ == dep and c.pos_ == "NOUN"), None)
    named = act_named(subject) if subject is not None else None
    if subject is None or named is None or conditional(verb) or modality_of(verb) not in ("fact", "forecast"):
        return None
    if none_beyond(subject):
        return None
    n = denials(verb)
    sign = polarity(negated(verb) or negative_word(subject), n)
    return act_on(verb, named[0], named[1], sign, n, subject)


def there_is(verb: Token) -> list[Proposition]:
    """ "There was no release of toxic gas", "there was a release of ethylene oxide": the thing named exists
    (polarity 1) or not (-1), the act `exist` of it, as a scan that "showed no damage" says; a noun of an
    act states the act ("there was no devaluation": nobody devalued). Each thing of a list ("no fault, no
    break and no loss"). Nothing when hedged, conditional or a count ("there were 23 of our people")."""
    if verb.lemma_.lower() != "be" or not any(c.dep_ == "expl" for c in verb.children):
        return []
    first = next((c for c in verb.children if c.dep_ == "attr" and c.pos_ == "NOUN"), None)
    if first is None or conditional(verb) or modality_of(verb) not in ("fact", "forecast"):
        return []
    found = []
    n = denials(verb)
    for thing in [first, *(c for c in first.conjuncts if c.pos_ == "NOUN")]:
        if any(c.dep_ == "nummod" for c in thing.children) or none_beyond(thing):
            continue  # ("there were 23 people": a count; "there were no further cracks": nothing new)
        word = theme_word(thing)
        if word is None or word in NOT_THINGS:
            continue
        act, word = act_named(thing) or ("exist", word)
        # a bare noun of the list shares its first's "no" ("no fault, break or loss"), never across "but"
        bare = thing is not first and not any(c.dep_ == "det" for c in thing.children)
        joined = bare and not any(t.lower_ == "but" for t in verb.doc[first.i : thing.i])
        negative = negated(verb) or negative_word(thing) or (joined and negative_word(first))
        found.append(act_on(verb, act, word, polarity(negative, n), n, thing))
    return found


#: things whose existence is a judgement, not an event: "there is no evidence", "there is no truth in ..."
NOT_THINGS = frozenset(
    "evidence truth basis reason need doubt indication sign question point way time".split()
)
#: nouns of what is said or known ("no word of the crew", "no information on casualties"): no act
_SAID = frozenset("word information comment confirmation explanation answer".split())


def over_end(tok: Token) -> Proposition | None:
    """A thing said to be over ("the strike is not over") or declared over ("declared the outbreak over",
    "declared over an outbreak of ..."): the act `end` of it, asserted or denied."""
    if tok.lemma_ not in ("be", "declare"):
        return None
    deps = ("advmod", "prep", "prt", "acomp", "ccomp")
    over = next((c for c in tok.children if c.lower_ == "over" and c.dep_ in deps), None)
    if over is None:
        return None
    if tok.lemma_ == "be":  # ("the war is over the border": a place, not an end)
        theme = (
            None
            if any(g.dep_ == "pobj" for g in over.children)
            else next((c for c in tok.children if c.dep_ == "nsubj"), None)
        )
    else:
        theme = next((c for c in tok.children if c.dep_ == "dobj"), None)
        theme = theme or next((g for g in over.children if g.dep_ in ("pobj", "nsubj")), None)
    word = theme_word(theme)
    if theme is None or word is None or conditional(tok) or modality_of(tok) not in ("fact", "forecast"):
        return None
    n = denials(tok)
    return act_on(over, "end", word, polarity(negated(tok), n), n, theme)


__all__ = ["NOT_THINGS", "STATES", "act_happened", "act_named", "over_end", "state_of", "there_is"]
