"""Arguments of an act on the parse: a proposition's fields, the name words of a phrase, whose thing the act
is done to (its owner) and who a thing is granted or refused to (its recipient).

Reads: tokens of a parsed sentence (spaCy `Token`). Emits: lower-case name words (or a head word), for
propositions.py; detection keeps two owners or recipients apart (`relations.owners_apart`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .scope import MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from spacy.tokens import Token


@dataclass(frozen=True, slots=True)
class Proposition:
    """One act a sentence says happened (polarity 1) or did not (polarity -1)."""

    predicate: str  # lemma with its particle ("hand_over"), lower case
    theme: str  # lemma of what it acts on ("certificate"), or a name as written lower case ("kadugli")
    polarity: int
    denied: bool  # the polarity comes from a denial or a "false" around it
    start: int  # characters of the predicate in the sentence
    end: int
    subject_names: tuple[str, ...]  # name words of the doer ("tunisia")
    doer: tuple[str, ...]  # the doer's name words, else its head word ("gunman"); () when unsaid or a pronoun
    person: str | None  # a theme that is a person or group of persons is "people"; this is its own word
    theme_names: tuple[str, ...]  # name words of the theme's phrase and the predicate's places ("iten")
    #: name words of whose the theme is ("Mulenga's conviction", "of Victor Phiri"), or who it is given to
    owners: tuple[str, ...] = ()


#: words of a name phrase that name no thing: articles, and days and months ("on Monday" is no place)
_NAME_STOP = frozenset({"the", "a", "an", "of", "and", *WEEKDAYS, *MONTHS})


def names_of(tok: Token | None) -> tuple[str, ...]:
    """Name words of the phrase `tok` heads (proper nouns, capitalised adjectives), in order."""
    if tok is None:
        return ()
    named = [t for t in tok.subtree if t.pos_ == "PROPN" or t.pos_ == "ADJ" and t.text[:1].isupper() and t.i]
    words = [t.lower_ for t in named if t.lower_ not in _NAME_STOP]  # (and "two Belarusian diplomats")
    return tuple(dict.fromkeys(words))


def owners_of(tok: Token | None) -> tuple[str, ...]:
    """Name words of the theme's possessor or "of" complement: whose thing it is."""
    if tok is None:
        return ()
    heads = [c for c in tok.children if c.dep_ == "poss"]
    heads += [
        g
        for c in tok.children
        if c.dep_ == "prep" and c.lower_ == "of"
        for g in c.children
        if g.dep_ == "pobj"
    ]
    return tuple(dict.fromkeys(n for h in heads for n in names_of(h)))


def recipient_of(verb: Token, headline: bool) -> tuple[str, ...]:
    """Who a thing is granted or refused to ("Radebe was granted bail", "refused bail to Lwazi Nkosi", a
    headline's "Businessman denied bail"): name words, else the head word ("manager"); two grants to two
    different recipients are two acts."""
    kept = any(c.dep_ == "dobj" for c in verb.children)
    who: Token | None = None
    for c in verb.children:
        if kept and (c.dep_ == "nsubjpass" or headline and c.dep_ == "nsubj" and c.pos_ != "PRON"):
            who = c  # (a headline drops the auxiliary of its passive)
            break
        if c.dep_ == "dative" and c.pos_ != "PRON":
            who = c
            break
        if c.dep_ == "prep" and c.lower_ == "to":
            who = next((g for g in c.children if g.dep_ == "pobj"), None)
            if who is not None:
                break
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    nxt = obj.doc[obj.right_edge.i + 1] if obj is not None and obj.right_edge.i + 1 < len(obj.doc) else None
    if who is None and nxt is not None and nxt.lower_ == "to" and nxt.dep_ == "aux" and nxt.head.i > nxt.i:
        who = nxt.head  # "refused bail to businessman Lwazi Nkosi", the "to" misread as a verb's
    if who is None:
        return ()
    # the recipient's own name, not one of a clause about it ("Lwazi Nkosi, who is accused ... in Ekurhuleni")
    own = [
        t for t in who.subtree if not any(a.dep_ in _ASIDE and who in a.ancestors for a in [t, *t.ancestors])
    ]
    named = [t.lower_ for t in own if t.pos_ == "PROPN" and t.lower_ not in _NAME_STOP]
    return tuple(dict.fromkeys(named)) or ((who.lemma_.lower(),) if who.pos_ == "NOUN" else ())


#: dependents that say something about a phrase without naming it: a clause, a prepositional phrase
_ASIDE = frozenset({"relcl", "acl", "prep", "advcl", "ccomp"})


__all__ = ["Proposition", "names_of", "owners_of", "recipient_of"]
