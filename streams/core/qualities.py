"""Qualities: a thing said to be of one of two opposite kinds ("the run was open" / "was closed", "the
licence is valid" / "invalid", "safeguarding is effective" / "not effective"). The pairs are data, the
direct antonyms of WordNet 3.0 (data/adjective_antonyms.txt, built by scripts/build-adjective-antonyms); a
quality and its opposite are one act, `be_<head>`, the opposite stating it not so.

Reads: a parsed copular clause (spaCy `Token`). Emits: a `Proposition` for propositions.py, and the family
of each quality for the statement's key (claims.py).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from .acts import OPPOSITES, family
from .arguments import Proposition, act_on, theme_word
from .clauses import conditional
from .lexicon import data_lines
from .modality import modality_of
from .negation import denials, negated, negative_word, polarity
from .parse import word_lemma

if TYPE_CHECKING:
    from spacy.tokens import Token

_PAIRS = [tuple(line.split(" ", 1)) for line in data_lines("adjective_antonyms.txt")]
_HEADS = frozenset(a for a, _ in _PAIRS)
#: adjectives of truth are said of claims: the denial readers read "the report is false"
_TRUTH = frozenset("true false correct incorrect accurate inaccurate right wrong".split())


def _families(pairs: list[tuple[str, ...]]) -> dict[str, tuple[str, int]]:
    """Each adjective -> (the head of its family, +1 when it states the head, -1 when its opposite): the
    words linked as antonyms, two-coloured ("open" against "closed" and "shut"); a family whose links do
    not split in two ("a" against "b" against "c" against "a") is left out."""
    links: dict[str, set[str]] = {}
    for a, b in pairs:
        links.setdefault(a, set()).add(b)
        links.setdefault(b, set()).add(a)
    out: dict[str, tuple[str, int]] = {}
    for start in sorted(links):
        if start in out or start in _TRUTH:
            continue
        sign = {start: 1}
        todo, ok = [start], True
        while todo:
            w = todo.pop()
            for o in links[w]:
                if o not in sign:
                    sign[o] = -sign[w]
                    todo.append(o)
                elif sign[o] == sign[w]:
                    ok = False
        heads = [w for w in sign if w in _HEADS]  # (the word the other negates: "valid", not "invalid")
        head = min(heads or sign)
        for w, s in sign.items():
            if ok and w not in _TRUTH:
                out[w] = (head, s * sign[head])
            elif not ok:
                out[w] = ("", 0)  # (marked seen, never used)
    return {w: v for w, v in out.items() if v[1]}


#: adjective -> (head of its family, +1 / -1)
QUALITIES: dict[str, tuple[str, int]] = _families(_PAIRS)


def quality_family(predicate: str) -> tuple[str, int] | None:
    """`be_<adjective>` -> (the act its family states, +1 or -1); None for any other predicate. A family
    holding a verb's participle is that verb's act ("open" against "closed": `close`, "the run was open"
    stating it not closed, as "the run was closed" states it closed); else it is `be_<head>` ("valid"
    against "invalid")."""
    if not predicate.startswith("be_") or predicate[3:] not in QUALITIES:
        return None
    head, sign = QUALITIES[predicate[3:]]
    act, act_sign = _family_act(head)
    return act, sign * act_sign


@cache
def _family_act(head: str) -> tuple[str, int]:
    members = sorted(w for w, (h, _) in QUALITIES.items() if h == head)
    for word in members:
        verb = word_lemma(word)
        if verb != word and verb.isalpha() and not word.endswith("ing"):  # a participle ("closed": close)
            return family(verb) or verb, QUALITIES[word][1]
    return f"be_{head}", 1


def stated_act(predicate: str, polarity: int) -> tuple[str, int]:
    """The act a predicate states and the polarity it states it with: a quality's family ("the run was
    open": `close`, -1), the family an opposite verb denies ("struck down the order": `uphold`, -1), else
    its own family."""
    quality = quality_family(predicate)
    if quality is not None:
        return quality[0], polarity * quality[1]
    if predicate in OPPOSITES:
        return OPPOSITES[predicate], -polarity
    return family(predicate) or predicate, polarity


def quality_of(verb: Token) -> Proposition | None:
    """ "The run was open", "the licence is not valid", "found our arrangements to be effective": the
    subject is (polarity 1) or is not (-1) of the quality; its opposite is read at the claim
    (`quality_family`). None when hedged or conditional, or the quality has no opposite. (A passive,
    "the run was closed", is the act, read as acts are.)"""
    if verb.lemma_.lower() != "be":
        return None  # (asked of every token: the cheap test first)
    if any(c.dep_ == "advmod" and c.lower_ == "still" for c in verb.children):
        return None  # ("is still closed": a state that denies a change, states.state_of)
    quality = next((c for c in verb.children if c.dep_ == "acomp" and c.pos_ == "ADJ"), None)
    word = quality.lower_ if quality is not None else ""
    if word not in QUALITIES or conditional(verb):
        return None
    if modality_of(verb) not in ("fact", "forecast"):
        return None
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "csubj", "nsubjpass")), None)
    theme = theme_word(subject)
    if subject is None or theme is None:
        return None
    n = denials(verb)
    return act_on(verb, f"be_{word}", theme, polarity(negated(verb) or negative_word(subject), n), n, subject)


__all__ = ["QUALITIES", "quality_family", "quality_of", "stated_act"]
