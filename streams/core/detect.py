"""PLACEHOLDER being replaced: minimal detection so the transport can be built."""
from __future__ import annotations

import hashlib

from schemas import Alert, Claim, ClaimBatch


def detect(batch: ClaimBatch, history: list[Claim]) -> list[Alert]:
    out = []
    seen = {c.claim_id for c in history}
    for new in batch.claims:
        for old in list(history) + [c for c in batch.claims if c is not new]:
            if old.claim_id == new.claim_id or old.polarity == new.polarity:
                continue
            if old.claim_id in seen or old.sentence_index < new.sentence_index:
                pair = sorted([old.claim_id, new.claim_id])
                aid = hashlib.sha1("|".join(pair).encode()).hexdigest()[:20]
                out.append(Alert(alert_id=aid, kind="statement_conflict", same_source=False, confidence=0.5,
                                 rule="outcome_polarity.v0", explanation="placeholder", key=batch.key,
                                 claims=[old, new]))
    return out
