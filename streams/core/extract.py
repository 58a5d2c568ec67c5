"""Extraction: an Article becomes claims (claims.py), grouped into one ClaimBatch per claim key.

Reads: schemas.Article. Emits: list[schemas.ClaimBatch] (one per claim key, claims in text order).
"""

from __future__ import annotations

from schemas import Article, Claim, ClaimBatch

from .claims import extract_claims
from .guard import Limits
from .reading import article_version
from .scope import places, time_scope
from .story import story_signature
from .text import proper_phrases


def extract_batches(
    article: Article, *, limits: Limits | None = None, ingested_at: float = 0.0
) -> list[ClaimBatch]:
    by_key: dict[str, list[Claim]] = {}
    for c in extract_claims(article, limits):
        by_key.setdefault(c.key, []).append(c)
    return [
        ClaimBatch(
            key=k, article_id=article.id, published_at=article.published_at, ingested_at=ingested_at, claims=v
        )
        for k, v in by_key.items()
    ]


__all__ = [
    "article_version",
    "extract_batches",
    "extract_claims",
    "places",
    "proper_phrases",
    "story_signature",
    "time_scope",
]
