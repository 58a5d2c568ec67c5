"""Numbers set loose from a clause: the number of a clause whose verb is left out ("Eight of the dead were
in Oro and four in Guayas"), a bare number breaking down the count before it ("Three people are missing,
two from the car"), and the small tests on noun phrases they share with structure.py.

Reads: tokens of a parsed sentence (spaCy `Token`).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Token


def of_object(tok: Token) -> Token | None:
    """The object of the noun's "of" ("four of the carriages": the carriages), or None."""
    for child in tok.children:
        if child.dep_ == "prep" and child.lower_ == "of":
            for obj in child.children:
                if obj.dep_ == "pobj":
                    return obj
    return None


def has_number(tok: Token, but: Token | None = None) -> bool:
    """The noun carries a number of its own (other than `but`): "the 12 carriages"."""
    return any(
        (t.pos_ == "NUM" or t.like_num) and t.dep_ in ("nummod", "compound") and (but is None or t.i != but.i)
        for t in tok.children
    )


def gapped_subject(root: Token) -> Token | None:
    """The number subject of the clause whose verb a conjoined number leaves out ("... and four in
    Guayas"), when the number has no verb of its own."""
    if root.dep_ != "conj" or root.head.pos_ not in ("VERB", "AUX") or not root.like_num:
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "aux", "auxpass") for c in root.children):
        return None
    return next(
        (c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.like_num and c.i < root.i),
        None,
    )


def breakdown(num: Token) -> bool:
    """A bare number hung after its predicate's counted subject or object, as a loose phrase: "Three
    people are missing, two from the car"."""
    if not num.like_num or num.dep_ not in ("npadvmod", "appos"):
        return False
    return any(
        c.i < num.i and c.dep_ in ("nsubj", "nsubjpass", "dobj") and (has_number(c) or c.like_num)
        for c in num.head.children
    )


__all__ = ["breakdown", "gapped_subject", "has_number", "of_object"]
