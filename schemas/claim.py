"""Topic `claims`: claims extracted from one article that share one claim key, keyed by that key.

One message per (article, claim key) so that a claim-heavy article costs few messages and table writes.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field

from ._base import Record

Bound = Literal[
    "exact", "approx", "at_least", "more_than", "at_most", "less_than", "nearly", "range", "vague"
]


class Figure(Record):
    """A number as written and as normalised to an interval [low, high]."""

    text: str = Field(description="the figure as written, e.g. 'about 130,000' or 'several thousand'")
    value: float | None = Field(description="central value (None for open bounds without a point)")
    low: float | None = Field(description="lowest value compatible with the wording (None: unbounded)")
    high: float | None = Field(description="highest value compatible with the wording (None: unbounded)")
    bound: Bound = "exact"
    unit: str | None = Field(default=None, description="normalised unit: people, hectares, percent, usd, ...")
    counted: str | None = Field(default=None, description="the counted noun as written, e.g. 'civilians'")


class Claim(Record):
    claim_id: str = Field(description="stable id: hash of article id, content version and span")
    article_id: str
    article_version: str = Field(description="hash of the article content; a changed article is a revision")
    source: str = Field(description="the outlet")
    published_at: datetime
    sentence: str = Field(description="the whole sentence carrying the claim, verbatim")
    sentence_index: int = Field(ge=-1, description="-1 for the title")
    speaker: str = Field(description="who makes the claim, as written (or the outlet itself)")
    claimant: str = Field(description="normalised speaker identity used for same-source decisions")
    speaker_kind: Literal["person", "organisation", "anonymous", "outlet"] = "outlet"
    reporting_verb: str | None = None
    certainty: Literal["asserted", "hedged", "denied", "reported"] = "asserted"
    kind: Literal["numeric", "statement"]
    key: str = Field(description="claim key: the claims compared with each other share it")
    story: str = Field(description="the event the claim is about: place (and type) it is anchored to")
    measure: str = Field(description="normalised measure (deaths, evacuated, ...) or outcome class")
    place: str | None = Field(default=None, description="places named in the sentence, ' | '-separated")
    subject: str = Field(default="", description="content words around the claim, for subject matching")
    time_scope: str | None = Field(default=None, description="explicit period the claim is about, if any")
    cumulative: bool = Field(default=False, description="a running total that may rise over time")
    polarity: int = Field(default=1, description="+1 asserted outcome, -1 its negation / opposite")
    figure: Figure | None = None
    value: float | None = Field(default=None, description="the figure's central value, null for statements")
    url: str | None = Field(default=None, description="the article's url, when it has one")
    title: str = Field(default="", description="the article's title")
    sentence_start: int | None = Field(
        default=None, ge=0, description="offset of the sentence in the article text (in the title for -1)"
    )
    span_start: int | None = Field(
        default=None, ge=0, description="offset in the sentence of the figure or the trigger of the claim"
    )
    span_end: int | None = Field(default=None, ge=0, description="end of that span in the sentence")


class ClaimBatch(Record):
    """All claims of one article version under one claim key (`kind` claims); or the list of claim keys an
    article version writes, under its ledger key (`index`); or the retirement of an article's earlier claims
    under a key its latest version no longer writes (`retire`)."""

    key: str
    article_id: str
    published_at: datetime
    ingested_at: float = Field(description="unix time the article entered the pipeline (latency metric)")
    claims: list[Claim]
    kind: Literal["claims", "index", "retire"] = Field(
        default="claims", description="claims; index (the keys of a version); retire (claims withdrawn)"
    )
    article_version: str | None = Field(
        default=None, description="the article version the batch speaks for (index and retire batches)"
    )
    keys: list[str] = Field(default_factory=list, description="index: every claim key the version writes")
