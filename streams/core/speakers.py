"""Speakers the parse finds: the subjects of reporting verbs wherever they stand, objects of "according
to", "told <outlet>".

Reads: a parsed sentence (spaCy `Doc`). Emits: `ParsedSpeaker`s (exposed next to attribution.py, the
pattern-based reader of who speaks).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .verbs import REPORTING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .sentences import Sentence


@dataclass(frozen=True, slots=True)
class ParsedSpeaker:
    phrase: str  # the speaker's noun phrase as written
    verb: str  # the reporting verb as written ("told"), or "according to"
    lemma: str


def _phrase(tok: Token) -> str:
    """A speaker's noun phrase: its subtree without relative clauses (its own or its apposition's: "X, a
    spokesman for the fire service, who briefed reporters") and trailing punctuation."""
    skip: set[int] = set()
    for child in tok.subtree:
        if child.dep_ in ("relcl", "acl") and child.i > tok.i and child.i not in skip:
            skip |= {t.i for t in child.subtree}
    words = [t for t in tok.subtree if t.i not in skip]
    while words and words[-1].is_punct:
        words.pop()
    while words and words[0].is_punct:
        words.pop(0)
    if not words:
        return tok.text
    return tok.doc.text[words[0].idx : words[-1].idx + len(words[-1].text)]


def speakers(doc: Doc) -> list[ParsedSpeaker]:
    """Speakers of a sentence: subjects of reporting verbs ("say" and "tell" before the others, each
    outermost first; never under a denied verb of saying, nor one with a thing as its only object), wherever
    the verb stands ("X said", "..., X told Reuters", "said X"), and objects of "according to"."""
    found: list[tuple[int, ParsedSpeaker]] = []
    for tok in doc:
        if tok.lower_ == "according" and tok.i + 1 < len(doc) and doc[tok.i + 1].lower_ == "to":
            obj = next((c for c in doc[tok.i + 1].children if c.dep_ == "pobj"), None)
            if obj is not None:
                found.append((0, ParsedSpeaker(_phrase(obj), "according to", "according to")))
            continue
        if tok.pos_ != "VERB" or tok.lemma_.lower() not in REPORTING:
            continue
        if tok.dep_ not in ("ROOT", "parataxis", "ccomp", "conj", "advcl"):
            continue
        if any(c.dep_ == "neg" for c in tok.children):
            continue  # "he did not explain why ...": nobody speaks through a verb of saying denied
        deps = {c.dep_ for c in tok.children}
        if "dobj" in deps and not deps & {"ccomp", "parataxis", "xcomp"} and tok.lemma_.lower() != "tell":
            continue  # "hospitals admit 1,240 patients": an act done to a thing, no saying
        # the subject nearest the verb (the parser may give a verb two: "..., when a slab avalanche released
        # above the pass, cantonal police said")
        subj = min(
            (c for c in tok.children if c.dep_ == "nsubj"), key=lambda c: abs(c.i - tok.i), default=None
        )
        if subj is None:
            continue
        # "say" and "tell" first, the attribution verbs of news copy ("..., two people involved said, hours
        # after the army declared it unharmed": the parser may put the army's verb above theirs)
        depth = sum(1 for _ in tok.ancestors) + (0 if tok.lemma_.lower() in ("say", "tell") else 100)
        found.append((depth, ParsedSpeaker(_phrase(subj), tok.text, tok.lemma_.lower())))
    found.sort(key=lambda x: x[0])
    return [s for _, s in found]


def protagonist_of(units: list[Sentence], docs: dict[int, Doc | None]) -> str | None:
    """The named body the lead is about: the proper names of its first sentence's subject ("Mexican airline
    Aeroplata has grounded ...": aeroplata)."""
    first = next((k for k, u in enumerate(units) if u.index == 0), None)
    doc = docs.get(first) if first is not None else None
    root = next((t for t in doc if t.dep_ == "ROOT"), None) if doc is not None else None
    said = next((c for c in root.children if c.dep_ == "ccomp"), None) if root is not None else None
    if root is not None and root.lemma_ in REPORTING and said is not None:
        root = said  # "X will pay its dividend, the director said": what is said is about X
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None) if root is not None else None
    if subject is None:
        return None
    names = [t.lower_ for t in subject.subtree if t.pos_ == "PROPN"]
    return " ".join(names) or None
