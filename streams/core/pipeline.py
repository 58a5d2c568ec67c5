"""The embedded driver: extract + detect over a MutableMapping of state, one article at a time.

The Faust agents call the same two functions (`extract_batches`, `Pipeline.process_batch`);
replay, the benchmark and the tests call `Pipeline.process_article`. One pipeline, two drivers.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import MutableMapping
from dataclasses import dataclass, field
from typing import Any

from schemas import Alert, Article, Claim, ClaimBatch

from . import store
from .detect import detect
from .extract import extract_batches
from .guard import Limits
from .store import StateBounds


@dataclass
class Pipeline:
    state: MutableMapping[str, Any] = field(default_factory=dict)
    limits: Limits = field(default_factory=Limits)
    bounds: StateBounds = field(default_factory=StateBounds)
    codec: store.Codec = field(default_factory=store.Codec)
    history: store.SegmentedHistory = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.history = store.SegmentedHistory(self.state, self.bounds, self.codec)

    def extract(self, article: Article, ingested_at: float | None = None) -> list[ClaimBatch]:
        now = time.time() if ingested_at is None else ingested_at
        return extract_batches(article, limits=self.limits, ingested_at=now)

    def process_batch(self, batch: ClaimBatch, rejected: Counter[str] | None = None) -> list[Alert]:
        """Compare a batch with the (bounded) history under its key, then append it to the key's segments.
        With `rejected`, every pair compared and not alerted is counted there under its reason code."""
        loaded = self.history.load(batch.key)
        alerts = detect(batch, loaded.view(self.bounds), rejected=rejected)
        self.history.add(loaded, batch.claims)
        return alerts

    def process_article(
        self, article: Article, ingested_at: float | None = None, rejected: Counter[str] | None = None
    ) -> list[Alert]:
        alerts: list[Alert] = []
        for batch in self.extract(article, ingested_at):
            alerts.extend(self.process_batch(batch, rejected))
        return alerts

    def history_view(self, key: str) -> list[Claim]:
        """The bounded history the next batch under `key` would be compared with."""
        return self.history.load(key).view(self.bounds)

    def claims_held(self) -> int:
        return sum(store.claims_count(v) for v in self.state.values())
