"""Bounded per-key claim history: the value kept under one claim key in the claims table.

Reads/emits plain JSON-able lists so that a faust Table, a dict, or any MutableMapping can hold it.
Bounds: at most `per_key` claims, none older than `max_age_days` before the newest (event time).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from schemas import Claim


@dataclass(frozen=True)
class StateBounds:
    per_key: int = 300
    max_age_days: float = 21.0


class Codec:
    """Claims <-> table items, memoised by claim id (a claim id names immutable content), so a key's
    history is not re-validated and re-serialised on every batch. Bounded: least recently used first out."""

    def __init__(self, size: int = 10_000) -> None:
        self.size = size
        self._claims: OrderedDict[str, tuple[Claim, dict[str, Any]]] = OrderedDict()

    def _remember(self, claim: Claim, item: dict[str, Any]) -> None:
        self._claims[claim.claim_id] = (claim, item)
        if len(self._claims) > self.size:
            self._claims.popitem(last=False)

    def decode(self, item: Any) -> Claim | None:
        if isinstance(item, Claim):
            return item
        cid = item.get("claim_id") if isinstance(item, dict) else None
        hit = self._claims.get(cid) if isinstance(cid, str) else None
        if hit is not None:
            self._claims.move_to_end(cid)  # type: ignore[arg-type]
            return hit[0]
        try:
            claim = Claim.model_validate(item)
        except ValueError:
            return None  # unreadable (written by an older version): dropped
        self._remember(claim, item)
        return claim

    def encode(self, claim: Claim) -> dict[str, Any]:
        hit = self._claims.get(claim.claim_id)
        if hit is not None:
            return hit[1]
        item = claim.model_dump(mode="json")
        self._remember(claim, item)
        return item


_DEFAULT_CODEC = Codec()


def load(value: Any, codec: Codec | None = None) -> list[Claim]:
    """Table value -> claims. Unreadable entries are dropped (state written by an older version)."""
    if not value:
        return []
    codec = codec or _DEFAULT_CODEC
    return [c for c in (codec.decode(item) for item in value) if c is not None]


def dump(claims: Iterable[Claim], codec: Codec | None = None) -> list[dict[str, Any]]:
    codec = codec or _DEFAULT_CODEC
    return [codec.encode(c) for c in claims]


def merge(history: list[Claim], new: Iterable[Claim], bounds: StateBounds) -> list[Claim]:
    """Add new claims (replacing same claim_id), order by event time, apply both bounds."""
    by_id = {c.claim_id: c for c in history}
    for c in new:
        by_id[c.claim_id] = c
    merged = sorted(by_id.values(), key=lambda c: (c.published_at, c.claim_id))
    if merged:
        horizon = merged[-1].published_at - timedelta(days=bounds.max_age_days)
        merged = [c for c in merged if c.published_at >= horizon]
    return merged[-bounds.per_key :]
