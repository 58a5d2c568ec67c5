"""Bounded per-key claim history: the value kept under one claim key in the claims table.

Reads/emits plain JSON-able lists so that a faust Table, a dict, or any MutableMapping can hold it.
Bounds: at most `per_key` claims, none older than `max_age_days` before the newest (event time).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from schemas import Claim


@dataclass(frozen=True)
class StateBounds:
    per_key: int = 300
    max_age_days: float = 21.0


def load(value: Any) -> list[Claim]:
    """Table value -> claims. Unreadable entries are dropped (state written by an older version)."""
    if not value:
        return []
    out = []
    for item in value:
        try:
            out.append(item if isinstance(item, Claim) else Claim.model_validate(item))
        except ValueError:
            continue
    return out


def dump(claims: Iterable[Claim]) -> list[dict[str, Any]]:
    return [c.model_dump(mode="json") for c in claims]


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
