"""The embedded driver: extract + detect over a MutableMapping of state, one article at a time.

The Faust agents call the same two functions (`extract_batches`, `Pipeline.process_batch`);
replay, the benchmark and the tests call `Pipeline.process_article`. One pipeline, two drivers.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from schemas import Alert, Article, Claim, ClaimBatch

from . import revisions, store
from .detect import detect
from .extract import article_version, extract_batches
from .guard import Limits
from .store import StateBounds


@dataclass(frozen=True)
class Late:
    """A claim that arrived more than the grace period (`StateBounds.lateness_days`) behind the newest
    claim under its key: compared with what is stored like any other, but claims of its window that arrived
    before it may already be gone. Stored unless it is beyond the key's retention."""

    key: str
    claim_id: str
    article_id: str
    lateness_s: float  # how far it is behind the newest claim of its key, seconds
    bound_s: float  # the grace period, seconds
    stored: bool = False


@dataclass
class Processed:
    """What one batch produces: alerts, batches to process next (a revision's retirements), late claims."""

    alerts: list[Alert] = field(default_factory=list)
    forward: list[ClaimBatch] = field(default_factory=list)
    late: list[Late] = field(default_factory=list)
    retired: int = 0


@dataclass
class Pipeline:
    state: MutableMapping[str, Any] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    bounds: StateBounds = field(default_factory=StateBounds)
    codec: store.Codec = field(default_factory=store.Codec)
    history: store.SegmentedHistory = field(init=False, repr=False)
    #: late claims processed so far (see `Late`)
    late_claims: int = field(default=0, init=False)

    def __post_init__(self) -> None:
        self.history = store.SegmentedHistory(self.state, self.bounds, self.codec)

    def extract(self, article: Article, ingested_at: float | None = None) -> list[ClaimBatch]:
        """The article's claim batches (one per claim key), then its index batch (the keys it writes)."""
        now = time.time() if ingested_at is None else ingested_at
        batches = extract_batches(article, limits=self.limits, ingested_at=now)
        keys = [b.key for b in batches]
        index = revisions.index_batch(article.id, article_version(article), article.published_at, now, keys)
        return [*batches, index]

    def process(self, batch: ClaimBatch, rejected: Counter[str] | None = None) -> Processed:
        """One batch of any kind: claims are compared with the (bounded) history under their key, then
        appended to it; an index batch is recorded in the article ledger and returns the retirements its
        revision needs; a retire batch removes an article's earlier claims under its key. With `rejected`,
        every pair compared and not alerted is counted there under its reason code."""
        if batch.kind == "index":
            return Processed(forward=revisions.record(self.state, batch, self.bounds.retention_days))
        loaded = self.history.load(batch.key)
        if batch.kind == "retire":
            return Processed(retired=self.history.retire(loaded, batch.article_id, batch.article_version))
        # event time: the history is the window around the batch's publication time, whatever arrived when
        alerts = detect(batch, loaded.view(self.bounds, batch.published_at), rejected=rejected)
        late = self.history.add(loaded, batch.claims)
        self.late_claims += len(late)
        grace = self.bounds.lateness_days * 86_400
        return Processed(
            alerts=alerts,
            late=[
                Late(
                    batch.key,
                    c.claim_id,
                    c.article_id,
                    (newest - c.published_at).total_seconds(),
                    grace,
                    kept,
                )
                for c, newest, kept in late
            ],
        )

    def process_batch(self, batch: ClaimBatch, rejected: Counter[str] | None = None) -> list[Alert]:
        """The alerts of one batch, with the batches it forwards processed at once (the embedded driver)."""
        alerts: list[Alert] = []
        todo = [batch]
        while todo:
            done = self.process(todo.pop(0), rejected)
            alerts.extend(done.alerts)
            todo.extend(done.forward)
        return alerts

    def process_article(
        self, article: Article, ingested_at: float | None = None, rejected: Counter[str] | None = None
    ) -> list[Alert]:
        alerts: list[Alert] = []
        for batch in self.extract(article, ingested_at):
            alerts.extend(self.process_batch(batch, rejected))
        return alerts

    def history_view(self, key: str, at: datetime | None = None) -> list[Claim]:
        """The history a batch under `key` published at `at` would be compared with (default: as new as
        the key's newest claim)."""
        return self.history.load(key).view(self.bounds, at)

    def claims_held(self) -> int:
        return sum(store.claims_count(v) for v in self.state.values())
