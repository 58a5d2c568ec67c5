"""The embedded driver: extract + detect over a MutableMapping of state, one article at a time.

The Faust agents call the same two functions (`extract_batches`, `Pipeline.process_batch`);
replay, the benchmark and the tests call `Pipeline.process_article`. One pipeline, two drivers.
"""

from __future__ import annotations

import time
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
    _decoded: dict[str, tuple[Any, list[Claim]]] = field(default_factory=dict, repr=False)

    def extract(self, article: Article, ingested_at: float | None = None) -> list[ClaimBatch]:
        now = time.time() if ingested_at is None else ingested_at
        return extract_batches(article, limits=self.limits, ingested_at=now)

    def process_batch(self, batch: ClaimBatch) -> list[Alert]:
        """Compare a batch with the history under its key, then store it (bounded)."""
        value = self.state.get(batch.key)
        last = self._decoded.get(batch.key)
        # the value written last time, handed back unchanged (a dict or an in-memory table): no decoding
        history = last[1] if last is not None and last[0] is value else store.load(value, self.codec)
        alerts = detect(batch, history)
        merged = store.merge(history, batch.claims, self.bounds)
        value = store.dump(merged, self.codec)
        self.state[batch.key] = value
        self._decoded[batch.key] = (value, merged)
        return alerts

    def process_article(self, article: Article, ingested_at: float | None = None) -> list[Alert]:
        alerts: list[Alert] = []
        for batch in self.extract(article, ingested_at):
            alerts.extend(self.process_batch(batch))
        return alerts

    def claims_held(self) -> int:
        return sum(len(v) for v in self.state.values())
