"""PLACEHOLDER being replaced: minimal extraction so the transport can be built."""
from __future__ import annotations

import hashlib

from schemas import Article, Claim, ClaimBatch

from .guard import Limits


def extract_batches(article: Article, *, limits: Limits, ingested_at: float) -> list[ClaimBatch]:
    claims = []
    for i, sent in enumerate(article.text.split(". ")):
        for word, pol in (("regained", 1), ("halted", -1)):
            if word in sent:
                cid = hashlib.sha1(f"{article.id}|{i}|{word}".encode()).hexdigest()[:16]
                claims.append(Claim(claim_id=cid, article_id=article.id, article_version="v", source=article.source,
                                    published_at=article.published_at, sentence=sent, sentence_index=i,
                                    speaker=article.source, claimant=article.source, kind="statement",
                                    key="control|kursk", story="kursk", measure="control", polarity=pol))
    if not claims:
        return []
    return [ClaimBatch(key="control|kursk", article_id=article.id, published_at=article.published_at,
                       ingested_at=ingested_at, claims=claims)]
