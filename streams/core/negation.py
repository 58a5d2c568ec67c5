"""Negation on the parse: whether a clause says its act did not happen, how many denials it sits under,
and whether a negative argument ("no X", "nobody", "at no point") denies the act or only says that nothing
more than what is known happened ("no further cracks").

Reads: tokens of a parsed sentence (spaCy `Token`). One word list for every reader of negation: clauses.py,
propositions.py and winners.py ask here.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .verbs import DENYING, SPEECH, UNTRUE

if TYPE_CHECKING:
    from spacy.tokens import Token

#: nouns that, with "no", deny what they are about: "no truth in reports that ..."
_NO_GROUNDS = frozenset({"truth", "basis", "foundation", "substance"})
#: words that make their phrase negative: "no shots", "nothing", "nobody"
NEG_DETS = frozenset({"no", "none", "nobody", "nothing", "neither", "never"})

#: how a clause hangs from a verb of denial when it is what is denied: "denied that ..." (ccomp), "rejected
#: reports that ..." (the noun is the object), "denied any player arrested" (an object with a clause)
_DENIED_DEPS = frozenset({"ccomp", "dobj", "xcomp", "nsubjpass", "acl", "relcl", "pobj", "prep"})
#: adjectives that, negated, call a clause untrue: "it is not true that ..."
_TRUE = frozenset({"true", "correct", "accurate", "right", "so"})


#: verbs that call their subject what their complement says: "the claim appears to be wrong", "proved false"
_SEEMING = frozenset({"appear", "seem", "prove", "turn"})


def _called_untrue(head: Token) -> bool:
    """The word says its subject is untrue: "is false", "appears to be wrong", "proved unfounded"."""
    if head.lemma_ not in _SEEMING and head.lemma_ != "be":
        return False
    for c in head.children:
        if c.dep_ in ("acomp", "oprd") and c.lemma_ in UNTRUE:
            return True
        if c.dep_ == "xcomp" and head.lemma_ in _SEEMING and c.lemma_ == "be" and _called_untrue(c):
            return True
    return False


def _not_true(be: Token) -> bool:
    return any(c.dep_ == "neg" for c in be.children) and any(
        c.dep_ == "acomp" and c.lower_ in _TRUE for c in be.children
    )


def _says_untrue(head: Token) -> bool:
    """The word calls what it is said of untrue: "is false", "appears to be wrong", "is not true"."""
    return _called_untrue(head) or head.lemma_ == "be" and _not_true(head)


#: verbs by which an inquiry establishes a fact: negated over a clause, they deny that the fact was found
#: (a negated verb of saying does not: "did not say that ..." reports what was not said)
_ESTABLISHING = frozenset("conclude find establish prove determine".split())

#: modifiers that make "no X" mean none beyond those already known: "no further cracks", "no new cases"
_BEYOND = frozenset("further more other additional new fresh another".split())


def none_beyond(tok: Token | None) -> bool:
    """ "No further cracks were found", "no new cases": nothing more than what is known, which denies
    nothing earlier."""
    return tok is not None and any(c.dep_ == "amod" and c.lower_ in _BEYOND for c in tok.children)


def negative_word(tok: Token) -> bool:
    """The argument is "no X", "none", "nobody", "nothing", "no one", "not a single X", "not one X"."""
    if tok.lower_ in NEG_DETS:
        return True
    for c in tok.children:
        if c.dep_ in ("det", "neg", "advmod", "amod", "quantmod") and c.lower_ in NEG_DETS | {"not"}:
            return True
        if c.dep_ == "nummod" and c.lower_ == "one" and any(g.lower_ in ("not", "no") for g in c.children):
            # "not one date has been cancelled" (but "not one but two ships sank")
            return not any(g.lower_ == "but" for g in c.subtree) and not any(
                g.lower_ == "but" for g in tok.children
            )
    return tok.lower_ == "one" and any(c.lower_ == "no" for c in tok.children)


def negated(verb: Token) -> bool:
    """The clause itself says it did not happen."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    head = verb.head
    copula = any(c.dep_ in ("acomp", "attr") for c in head.children)  # "it is not true that": not an aux
    if head.i < verb.i and head.lemma_ in ("have", "be", "do") and verb.dep_ in ("ccomp", "conj", "xcomp"):
        auxes += (
            [] if copula else [head]
        )  # an auxiliary the parser took for the main verb ("At no point has X removed")
    for c in [*verb.children, *(g for a in auxes for g in a.children)]:
        if c.dep_ == "neg" or (c.dep_ == "advmod" and c.lower_ in ("never", "nowhere")):
            return True
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "no" for g in c.children):
            if not any(g.lower_ == "than" for g in c.subtree):
                return True  # "is no longer valid", "no longer operates" (but "no longer than 10 days")
        if c.dep_ in ("nsubj", "nsubjpass") and negative_word(c):
            return True
        if c.dep_ == "prep":  # "at no point", "in no way", "at no time" (wherever the parser hangs it)
            if any(g.dep_ == "pobj" and negative_word(g) for g in c.children):
                return True
    if verb.dep_ == "xcomp" and head.lemma_ == "fail" and head.i != verb.i:
        return not negated(head)  # "failed to alert" (but "did not fail to alert")
    return False


def denials(verb: Token) -> int:
    """How many denials or "is false" the clause sits under ("denied reports that ...")."""
    n = 0
    cur = verb
    for _ in range(6):
        if cur.head.i == cur.i:
            break
        head = cur.head
        if cur.dep_ == "advcl" and cur.tag_ == "VBG" and cur.lemma_ in SPEECH:
            break  # "denied that it had agreed, saying no deal had been signed": what the denier says itself
        if _reported_before(cur, head):
            break  # "Dealers say X has halted deliveries; the carmaker denies it": X is what dealers say,
            # and all above their clause is another party's frame
        if (
            head.lemma_ in DENYING
            and head.i != verb.i
            and (cur.dep_ in _DENIED_DEPS or _noun_read_as_verb(cur))
        ):
            n += 1  # what is denied is the verb's complement or object, not a clause beside it ("saying")
        if _says_untrue(head):
            n += 1  # "the story that ... is false", "appears to be wrong", "it is not true that ..."
        elif head.lemma_ in UNTRUE and cur.dep_ == "nsubjpass":
            n += 1  # "the story that ... was fabricated"
        elif head.lemma_ in _NO_GROUNDS and any(c.dep_ == "det" and c.lower_ == "no" for c in head.children):
            n += 1  # "there is no truth in reports that ...", "no basis for claims that ..."
        elif head.lemma_ in _ESTABLISHING and cur.dep_ == "ccomp" and negated(head):
            n += 1  # "the inquiry has not concluded that the match was fixed": the finding is denied
        cur = head
    return n


#: nouns for what was said that a parse may read as a verb: "rejected WHO claims that ..."
_SAID_NOUNS = frozenset({"claims", "reports", "suggestions", "allegations", "accusations", "assertions"})


def _noun_read_as_verb(tok: Token) -> bool:
    """ "India rejected World Health Organisation claims that ...": "claims" parsed as a second verb with no
    subject of its own is the noun, the object of the denial."""
    return (
        tok.dep_ == "conj"
        and tok.lower_ in _SAID_NOUNS
        and not any(c.dep_ in ("nsubj", "nsubjpass", "cc") for c in tok.children)
        and tok.i > 0
        and tok.doc[tok.i - 1].pos_ in ("PROPN", "NOUN")
    )


def _reported_before(clause: Token, head: Token) -> bool:
    """A reporting clause with its own speaker that comes before a denying verb: another party's account
    which the denial answers, not the complement it denies (the claim is that speaker's)."""
    return (
        head.lemma_ in DENYING
        and clause.i < head.i
        and clause.lemma_ in SPEECH
        and any(c.dep_ == "nsubj" for c in clause.children)
    )


def called_untrue_after(tok: Token) -> bool:
    """A clause that a later predicate calls untrue: "India's claim that its pilot shot down a jet appears to
    be wrong", "that the mayor resigned is not true" (what a reader of the words before it cannot see)."""
    return any(head.i > tok.i and _says_untrue(head) for head in list(tok.ancestors)[:6])


def polarity(negative: bool, n_denials: int) -> int:
    """An act's polarity: -1 when its clause is negated, flipped once for each denial it sits under."""
    return (-1 if negative else 1) * (-1 if n_denials % 2 else 1)


def negation_above(tok: Token) -> bool:
    """A negation on the word or the clauses above it: "has not fully reopened", "found nothing to suggest
    it was deliberately contaminated" (not a negative word of the trigger itself: "operating normally")."""
    words = NEG_DETS | {"not", "n't"}
    for t in [tok, *tok.ancestors][:6]:
        if any(c.dep_ == "neg" or c.lower_ in words for c in t.children):
            return True
    return False


__all__ = [
    "NEG_DETS",
    "called_untrue_after",
    "denials",
    "negated",
    "negation_above",
    "negative_word",
    "none_beyond",
    "polarity",
]
