"""Arguments of an act on the parse: a proposition's fields, the name words of a phrase, whose thing the act
is done to (its owner) and who a thing is granted or refused to (its recipient).

Reads: tokens of a parsed sentence (spaCy `Token`). Emits: lower-case name words (or a head word), for
propositions.py; detection keeps two owners or recipients apart (`themes.owners_apart`).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .measures import is_person
from .scope import MONTHS, WEEKDAYS
from .themes import theme_family
from .verbs import REPORTING, TIME_NOUNS, VAGUE_THEMES

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
    #: the common nouns that say which thing the theme is ("the clam harvest ban": clam, harvest)
    kinds: tuple[str, ...] = ()
    #: the act is stated as what will happen ("will close its embassy on 31 March"), not as done
    future: bool = False


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
    """Whose thing the theme is: name words of its possessor or "of" complement ("Mulenga's conviction",
    "the licence of Coastline Ferries")."""
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


def kinds_of(tok: Token | None) -> tuple[str, ...]:
    """The common nouns that say which thing the theme is ("a ban on harvesting clams", "the clam harvest
    ban"), so that a ban on clams is not one on mussels; whose it is is another question (`owners_of`)."""
    if tok is None:
        return ()
    kinds = [c for c in tok.children if c.dep_ == "compound" and c.pos_ == "NOUN"]
    # (a phrase right after the theme that the parser hung from the verb is the theme's: "lifted a ban on X")
    after = [c for c in tok.head.children if c.dep_ == "prep" and c.i == tok.right_edge.i + 1]
    kinds += [
        g
        for c in [*tok.children, *(after if tok.dep_ == "dobj" else [])]
        if c.dep_ == "prep" and c.lower_ in _WHICH
        for g in c.children
        if g.dep_ == "pobj" and g.pos_ == "NOUN"
    ]
    kinds += [g for k in list(kinds) for g in k.children if g.dep_ == "compound" and g.pos_ == "NOUN"]
    words = [k.lemma_.lower() for k in kinds if k.lemma_.lower() not in VAGUE_THEMES | TIME_NOUNS]
    return tuple(dict.fromkeys(words))


#: prepositions whose object says which thing the theme is ("a ban on exports", "sanctions against ...")
_WHICH = frozenset({"of", "on", "against", "for", "over"})


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


#: pronouns that stand for the speaker of the clause they are in ("the charity said it had not been
#: suspended"), by number: "it" one thing or body, "they" several, "he"/"she" a person named
_AGREES = {"it": ("NN", "NNP"), "they": ("NNS", "NNPS"), "he": ("NNP",), "she": ("NNP",)}


def antecedent(tok: Token | None) -> Token | None:
    """The speaker a pronoun of a reported clause stands for, when the act is done to it: "Brightwater Aid
    said that it had not been suspended" (it: Brightwater Aid), "the union said Brannock had recognised it",
    when the speaker is a noun of the pronoun's number and kind (a person for "he" and "she", else not a
    person); else None."""
    if tok is None or tok.lower_ not in _AGREES or tok.dep_ not in ("nsubjpass", "dobj"):
        return None  # (what an act is done to: "it did not withdraw" names no thing withdrawn)
    for verb in list(tok.ancestors)[1:6]:
        if verb.pos_ == "VERB" and verb.lemma_.lower() in REPORTING:
            subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
            if subject is None or subject.i > tok.i or subject.tag_ not in _AGREES[tok.lower_]:
                return None
            person = subject.ent_type_ == "PERSON" or is_person(subject.lemma_.lower())
            # "he"/"she" for a person only, "it"/"they" for anything but a person ("the minister told
            # reporters it had been approved": it is not the minister)
            return subject if person == (tok.lower_ in ("he", "she")) else None
    return None


def theme_word(tok: Token | None) -> str | None:
    """The theme's word: a name as written, else the noun's lemma in its theme family; None for a pronoun,
    a number or a word that names nothing in particular."""
    if tok is None or tok.pos_ in ("PRON", "DET", "NUM"):
        return None
    word = tok.lower_ if tok.pos_ == "PROPN" else tok.lemma_.lower()
    if word in VAGUE_THEMES or len(word) < 3 or not word.isalpha():
        return None
    return word if tok.pos_ == "PROPN" else theme_family(word)


def act_on(verb: Token, act: str, theme: str, sign: int, n_denials: int, thing: Token | None) -> Proposition:
    """A proposition of an act on a thing with no doer of its own ("exist" of what was found or is there,
    "damage" of what suffered it, the acts a state denies): where the verb stands, the thing's names, whose
    and which it is."""
    return Proposition(
        predicate=act,
        theme=theme,
        polarity=sign,
        denied=n_denials > 0,
        start=verb.idx,
        end=verb.idx + len(verb.text),
        subject_names=(),
        doer=(),
        person=None,
        theme_names=names_of(thing),
        owners=owners_of(thing),
        kinds=kinds_of(thing),
    )


def person_word(tok: Token | None, word: str) -> bool:
    """A theme naming persons ("migrant", "shipowner", "player"): one class, so that "arrested three men"
    meets "no player was arrested"; detection still keeps two different specific groups apart."""
    if tok is None or tok.pos_ != "NOUN":
        return False
    return is_person(word) or is_person(tok.lower_) or is_person(word + "s")


__all__ = [
    "Proposition",
    "act_on",
    "kinds_of",
    "names_of",
    "owners_of",
    "person_word",
    "recipient_of",
    "theme_word",
]
