"""Topic `alerts`: one alert per detected conflict, with both claims in full.

Delivery is at-least-once: subscribers deduplicate on `alert_id`, which is derived from the pair of
claims and the rule, so a re-delivered article reproduces the same id.
"""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from ._base import Record
from .claim import Claim

AlertKind = Literal["numeric_conflict", "statement_conflict"]


class Alert(Record):
    alert_id: str
    kind: AlertKind
    same_source: bool = Field(description="true when one claimant revises its own claim (a revision)")
    confidence: float = Field(
        ge=0.0, le=1.0, description="estimated probability an analyst agrees it conflicts"
    )
    rule: str = Field(description="versioned rule name, e.g. numeric_mismatch.v1")
    explanation: str
    key: str = Field(description="the claim key both claims share")
    claims: list[Claim] = Field(
        min_length=2, max_length=2, description="earlier claim first, then the new one"
    )
