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


@dataclass(frozen=True, slots=True)
class ParsedSpeaker:
    phrase: str  # the speaker's noun phrase as written
    verb: str  # the reporting verb as written ("told"), or "according to"
    lemma: str


def _phrase(tok: Token) -> str:
    """A speaker's noun phrase: its subtree without relative clauses and trailing punctuation."""
    skip: set[int] = set()
    for child in tok.children:
        if child.dep_ in ("relcl", "acl") and child.i > tok.i:
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
    """Speakers of a sentence, outermost first: subjects of reporting verbs (wherever the verb stands:
    "X said", "..., X told Reuters", "said X") and objects of "according to"."""
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
        subj = next((c for c in tok.children if c.dep_ == "nsubj"), None)
        if subj is None:
            continue
        depth = sum(1 for _ in tok.ancestors)
        found.append((depth, ParsedSpeaker(_phrase(subj), tok.text, tok.lemma_.lower())))
    found.sort(key=lambda x: x[0])
    return [s for _, s in found]
