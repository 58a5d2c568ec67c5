"""Which claim keys each article version wrote, so that a revision retires its earlier claims everywhere.

An edited article (same id, new content) is compared under the keys it writes, where its latest version
supersedes the earlier one (core.store). Under a key the new version no longer writes, nothing arrives to
say so: the ledger remembers, per article id, its latest version and the keys that version wrote, and a
new version's `index` batch turns every key the earlier version wrote and this one does not into a
`retire` batch for that key, which removes the article's earlier claims there.

Layout: ledger buckets in the same MutableMapping as the claim histories (the claims table),

    "articles@<bucket>"  {"layout": "ledger/1", "articles": {article id: [version, published_at as unix
                         time, [claim keys]]}}

one bucket per `BUCKETS`-th of the article ids (a stable hash), so that a bucket stays small and the index
batch of an article is one message and one table write. A bucket keeps the articles published within
`max_age_days` of its newest (the claim histories' age bound: an older revision has nothing left to
retire that could still be compared) and at most `MAX_PER_BUCKET` of them, newest first.
"""

from __future__ import annotations

import zlib
from collections.abc import MutableMapping
from datetime import datetime
from typing import Any

from schemas import ClaimBatch

LAYOUT = "ledger/1"
PREFIX = "articles@"
BUCKETS = 1024
MAX_PER_BUCKET = 256


def ledger_key(article_id: str) -> str:
    """The ledger bucket (and message key) of an article id: stable across processes and releases."""
    return f"{PREFIX}{zlib.crc32(article_id.encode('utf-8')) % BUCKETS:04d}"


def is_ledger_key(key: str) -> bool:
    return key.startswith(PREFIX)


def index_batch(
    article_id: str, version: str, published_at: datetime, ingested_at: float, keys: list[str]
) -> ClaimBatch:
    """The batch that records which keys an article version writes (sorted: a pure function of them)."""
    return ClaimBatch(
        key=ledger_key(article_id),
        kind="index",
        article_id=article_id,
        article_version=version,
        published_at=published_at,
        ingested_at=ingested_at,
        claims=[],
        keys=sorted(set(keys)),
    )


def record(state: MutableMapping[str, Any], batch: ClaimBatch, max_age_days: float) -> list[ClaimBatch]:
    """Record an index batch in its ledger bucket; returns the retire batches its article's earlier version
    needs (one per key that version wrote and this one does not). A redelivered index batch (the version
    already recorded) changes nothing and returns none."""
    value = state.get(batch.key)
    articles: dict[str, list[Any]] = {}
    if isinstance(value, dict) and value.get("layout") == LAYOUT:
        articles = {k: list(v) for k, v in (value.get("articles") or {}).items()}
    earlier = articles.get(batch.article_id)
    if earlier is not None and earlier[0] == batch.article_version:
        state[batch.key] = value  # unchanged: written again for the changelog (see store._reassert)
        return []
    retire: list[ClaimBatch] = []
    if earlier is not None:
        kept = set(batch.keys)
        retire = [
            ClaimBatch(
                key=key,
                kind="retire",
                article_id=batch.article_id,
                article_version=batch.article_version,
                published_at=batch.published_at,
                ingested_at=batch.ingested_at,
                claims=[],
            )
            for key in sorted(set(earlier[2]) - kept)
        ]
    articles[batch.article_id] = [batch.article_version, batch.published_at.timestamp(), list(batch.keys)]
    newest = max(float(v[1]) for v in articles.values())
    horizon = newest - max_age_days * 86_400
    fresh = sorted(
        ((k, v) for k, v in articles.items() if float(v[1]) >= horizon),
        key=lambda kv: (-float(kv[1][1]), kv[0]),
    )[:MAX_PER_BUCKET]
    state[batch.key] = {"layout": LAYOUT, "articles": dict(sorted(fresh))}
    return retire


__all__ = ["BUCKETS", "index_batch", "is_ledger_key", "ledger_key", "record"]
