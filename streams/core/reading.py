"""What an article and one of its sentences give every claim read from them: the claim's shared fields,
the sentence's figures, parse, places and period, and the content words around a claim.

Reads: the article, a sentence, its speaker. Emits: `ArticleFacts` and `SentenceFacts`, which the claim
readers (numeric.py, claims.py) turn into claims.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, TypedDict

from schemas import Article
from schemas.claim import Certainty, SpeakerKind, Story

from .numbers import FigureSpan
from .parse import word_lemma
from .sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc


_CONTENT = re.compile(r"[a-z][a-z\-]{2,}")


_STOPWORDS = frozenset(
    """that this with from have been were their there which would could about after before into than
    them they said says also more most over under only what when where while will just very such
    since other some into onto upon your ours theirs these those being because still then than
    the and for but was has had are not its who all any can may did our out his her him she they you how why
    one two six ten new per via off too yet nor own get got say put set""".split()
)


def content_hash(*parts: object) -> str:
    """A short stable hash of the parts (claim ids, article versions)."""
    return hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()[:16]


def article_version(article: Article) -> str:
    """The article's content version: a changed article is a revision."""
    return content_hash(article.title, article.text, article.published_at.isoformat(), article.source)


def content_words(sent: str, exclude: set[str]) -> set[str]:
    """The content words of a stretch of text, as lemmas ("paid" and "paying" are "pay"), without `exclude`
    (the speaker's names)."""
    toks = {t for t in _CONTENT.findall(sent.lower()) if t not in _STOPWORDS}
    return {word_lemma(t) for t in toks if t not in exclude} - exclude


class ClaimFields(TypedDict):
    """The fields every claim of one sentence shares."""

    article_id: str
    article_version: str
    source: str
    published_at: datetime
    sentence: str
    sentence_index: int
    speaker: str
    claimant: str
    speaker_kind: SpeakerKind
    reporting_verb: str | None
    certainty: Certainty
    story: str
    place: str | None
    time_scope: str | None
    url: str | None
    title: str
    sentence_start: int


@dataclass(frozen=True)
class ArticleFacts:
    """What the whole article gives each of its claims."""

    article: Article
    version: str
    story: Story
    lower_words: set[str]  # words the article also writes in lower case (no names)
    provisional: bool = False  # the report calls its counts preliminary or expects them to rise


#: a report that calls its counts early ones: "these figures are preliminary", "the toll is expected to rise";
#: the count is named in the phrase, and no negation stands between ("the toll is not expected to rise")
_COUNT_WORDS = r"(?:figures?|counts?|tolls?|tall(?:y|ies)|estimates?|numbers?|data|casualties|deaths|dead)"
_RISE = r"(?:rise|climb|increase|grow|go up|mount)"
_WORDS = r"(?:(?!not\b|no\b|never\b)[\w'’-]+ )"  # a few words, none of them a negation
_PROVISIONAL = re.compile(
    rf"\b(?:(?:preliminary|provisional|initial|early|first) {_COUNT_WORDS}|"
    rf"{_COUNT_WORDS} {_WORDS}{{0,3}}(?:is|are|was|were|remains?|remained) (?:still )?"
    r"(?:preliminary|provisional)|"
    rf"{_COUNT_WORDS} {_WORDS}{{0,3}}(?:expected|likely|feared|set|certain|bound) to {_RISE}|"
    rf"(?:expects?|expected|fears?|feared) (?:that )?{_WORDS}{{0,3}}{_COUNT_WORDS} "
    rf"(?:to|will|would|could) {_RISE}|"
    rf"{_COUNT_WORDS} {_WORDS}{{0,3}}(?:could|may|might|will|would) (?:\w+ )?{_RISE})\b",
    re.IGNORECASE,
)


def provisional_counts(text: str) -> bool:
    """The report says its counts are early ones that will grow: "these figures are preliminary", "the toll
    is expected to rise", "we expect the death toll to rise", "numbers could climb". A later, higher count
    is then what it foresaw."""
    return _PROVISIONAL.search(text) is not None


@dataclass(frozen=True)
class SentenceFacts:
    """What one sentence gives each of its claims: its text without the dateline, its figures and parse,
    the places it names (with offsets) and its period, the fields its claims share, its speaker's names."""

    unit: Sentence
    body: str
    figs: list[FigureSpan]
    doc: Doc | None
    spans: list[tuple[int, str]]
    where: list[str]
    scope: str | None
    fields: ClaimFields
    speaker_toks: set[str]
    shift: int  # the body is the sentence less its dateline: offsets in the body + shift are the sentence's
