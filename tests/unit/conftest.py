"""Shared unit-test fixtures: plain values only (no Kafka, no faust)."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from datetime import datetime, timezone
from typing import Any

import pytest

from schemas import Claim
from schemas.claim import Features, MeasureRef, Story

#: event time of a claim made by `make_claim` unless `published_at` is overridden
T0 = datetime(2025, 4, 16, 10, 0, tzinfo=timezone.utc)


@pytest.fixture
def t0() -> datetime:
    """The default event time of `make_claim`."""
    return T0


@pytest.fixture
def make_claim() -> Callable[..., Claim]:
    """`make_claim(**overrides)` -> a valid numeric Claim; every call gets a fresh claim_id."""
    counter = itertools.count(1)

    def make(**overrides: Any) -> Claim:
        n = next(counter)
        fields: dict[str, Any] = {
            "claim_id": f"c{n:06d}",
            "article_id": f"a{n:06d}",
            "article_version": "v1",
            "source": "Wire One",
            "published_at": T0,
            "sentence": "At least 26 people were killed in Goma, police said.",
            "sentence_index": 0,
            "speaker": "police",
            "claimant": "police",
            "speaker_kind": "organisation",
            "kind": "numeric",
            "key": "numeric:deaths",
            "story": "goma",
            "measure": "deaths",
            "value": 26.0,
        }
        fields.update(overrides)
        fields.setdefault(
            "features",
            Features(
                measure=MeasureRef.of_name(fields["measure"]), story=Story(names=fields["story"].split())
            ),
        )
        return Claim(**fields)

    return make
