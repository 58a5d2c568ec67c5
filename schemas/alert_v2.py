"""Topic `alerts`, version 2: what a desk reads. One alert per detected conflict, keyed by `story_id`.

Built from the detector's record (`schemas.alert.Alert`, version 1) by `streams.alerting.to_v2`: each
claim with its article's link and title, where the sentence sits in the article and where the figure or
the trigger sits in the sentence, a readable measure; the alert with the time it was raised, the story it
belongs to and an explanation written for a person. The detector's matching features (claim keys, story
signatures, subject tokens) are not part of it. Delivery is at-least-once: deduplicate on `alert_id`.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final, Literal

from pydantic import Field

from ._base import Record
from .alert import AlertKind
from .claim import Figure

SCHEMA_VERSION: Final = 2


class Span(Record):
    """Character offsets [start, end) in a text (Python string indices: code points)."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)


class AlertClaim(Record):
    """One side of a conflict: who said what, where it was published, and where to find it."""

    claim_id: str = Field(description="stable id of the claim (article, version, position)")
    article_id: str
    source: str = Field(description="the outlet that published the article")
    url: str | None = Field(description="link to the article, when the article carried one")
    title: str = Field(description="the article's title")
    published_at: datetime
    sentence: str = Field(description="the whole sentence carrying the claim, verbatim")
    sentence_index: int = Field(ge=-1, description="-1 for the title, else the sentence's rank in the text")
    sentence_span: Span | None = Field(
        description="where the sentence sits in the article text (in the title when sentence_index is -1)"
    )
    highlight: Span | None = Field(
        description="where the figure (numeric claims) or the trigger word (statements) sits in the sentence"
    )
    highlight_text: str | None = Field(description="the highlighted characters of the sentence")
    measure: str = Field(description="what the claim is about, in words: 'deaths', 'control', ...")
    speaker: str = Field(description="who makes the claim, as written (the outlet when nobody is quoted)")
    speaker_kind: Literal["person", "organisation", "anonymous", "outlet"]
    claimant: str = Field(description="the speaker's normalised identity (same claimant = a revision)")
    reporting_verb: str | None
    certainty: Literal["asserted", "hedged", "denied", "reported"]
    polarity: Literal[-1, 1] = Field(description="+1 the outcome is asserted, -1 denied or contradicted")
    figure: Figure | None = Field(description="the figure as written and as an interval; null for statements")
    value: float | None = Field(description="the figure's central value; null for statements")
    place: str | None = Field(description="places named around the claim, ' | '-separated")
    time_scope: str | None = Field(description="the period the claim states, if any")


class AlertV2(Record):
    schema_version: Literal[2] = Field(default=SCHEMA_VERSION, description="2 for this layout")
    alert_id: str = Field(description="stable id of the pair and rule: deduplicate on it")
    kind: AlertKind
    rule: str = Field(description="versioned rule that fired, e.g. numeric_mismatch.v1")
    same_source: bool = Field(description="true when one claimant revises its own claim")
    confidence: float = Field(ge=0.0, le=1.0, description="estimated probability an analyst agrees")
    detected_at: datetime = Field(
        description="when the alert was raised: the worker's clock; in replay, the later article's time"
    )
    story_id: str = Field(description="stable id of the story (event) the two reports are about; the key")
    story_label: str = Field(description="a short name of that story, e.g. 'Kursk'")
    measure: str = Field(description="what the two claims disagree about, in words")
    explanation: str = Field(description="one sentence saying what conflicts, written for a person")
    claims: list[AlertClaim] = Field(
        min_length=2, max_length=2, description="earlier claim first, then the later one"
    )
