"""store.merge and store.window: what a key keeps is bounded by count and by event-time age (the window
plus the grace period); what a batch is compared with is the window around its own publication time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta

from schemas import Claim
from streams.core.store import StateBounds, dump, load, merge, window

MakeClaim = Callable[..., Claim]


def test_merge_into_empty_history(make_claim: MakeClaim) -> None:
    c = make_claim()
    assert merge([], [c], StateBounds()) == [c]
    assert merge([], [], StateBounds()) == []


def test_keeps_at_most_per_key_newest_and_a_segment(make_claim: MakeClaim, t0: datetime) -> None:
    claims = [make_claim(published_at=t0 + timedelta(minutes=i)) for i in range(10)]
    kept = merge([], claims, StateBounds(per_key=4, max_age_days=365, segment=2))
    assert [c.claim_id for c in kept] == [c.claim_id for c in claims[-6:]]


def test_keeps_the_window_plus_the_grace_before_newest(make_claim: MakeClaim, t0: datetime) -> None:
    bounds = StateBounds(per_key=100, max_age_days=2, lateness_days=1)
    old = make_claim(published_at=t0 - timedelta(days=3, seconds=1))
    edge = make_claim(published_at=t0 - timedelta(days=3))  # exactly at the horizon: kept
    recent = make_claim(published_at=t0 - timedelta(days=1))
    newest = make_claim(published_at=t0)
    assert bounds.retention_days == 3
    assert merge([old, edge], [recent, newest], bounds) == [edge, recent, newest]


def test_age_is_measured_from_the_newest_claim_not_the_clock(make_claim: MakeClaim, t0: datetime) -> None:
    # a replayed backlog from years ago is not emptied: the horizon follows event time
    ancient = t0 - timedelta(days=3650)
    claims = [make_claim(published_at=ancient + timedelta(days=d)) for d in range(5)]
    assert merge([], claims, StateBounds(per_key=100, max_age_days=1, lateness_days=1)) == claims[2:]


def test_a_claim_beyond_the_retention_is_dropped_on_arrival(make_claim: MakeClaim, t0: datetime) -> None:
    history = [make_claim(published_at=t0)]
    late = make_claim(published_at=t0 - timedelta(days=30))
    assert merge(history, [late], StateBounds(per_key=100, max_age_days=21, lateness_days=7)) == history
    within = make_claim(published_at=t0 - timedelta(days=27))
    assert merge(history, [within], StateBounds(per_key=100, max_age_days=21, lateness_days=7)) == [
        within,
        *history,
    ]


def test_the_window_reaches_both_ways_in_event_time(make_claim: MakeClaim, t0: datetime) -> None:
    bounds = StateBounds(per_key=100, max_age_days=2)
    claims = [make_claim(published_at=t0 + timedelta(days=d)) for d in range(10)]
    at = t0 + timedelta(days=5)
    assert window(claims, at, bounds) == claims[3:8]  # days 3 to 7, both ends included
    assert window(claims, t0 - timedelta(days=3), bounds) == []
    assert window([], at, bounds) == []


def test_the_window_keeps_the_per_key_nearest(make_claim: MakeClaim, t0: datetime) -> None:
    bounds = StateBounds(per_key=3, max_age_days=30)
    claims = [make_claim(published_at=t0 + timedelta(hours=h)) for h in (0, 1, 5, 9, 10, 20)]
    assert window(claims, t0 + timedelta(hours=8), bounds) == [claims[2], claims[3], claims[4]]


def test_replaces_by_claim_id(make_claim: MakeClaim, t0: datetime) -> None:
    first = make_claim(claim_id="same", value=26.0)
    other = make_claim(published_at=t0 + timedelta(hours=1))
    revised = make_claim(claim_id="same", value=30.0, published_at=t0 + timedelta(hours=2))
    kept = merge([first, other], [revised], StateBounds())
    assert [c.claim_id for c in kept] == [other.claim_id, "same"]
    assert kept[-1].value == 30.0


def test_redelivery_is_idempotent(make_claim: MakeClaim, t0: datetime) -> None:
    claims = [make_claim(published_at=t0 + timedelta(minutes=i)) for i in range(5)]
    once = merge([], claims, StateBounds())
    assert merge(once, claims, StateBounds()) == once


def test_orders_by_published_at_then_claim_id(make_claim: MakeClaim, t0: datetime) -> None:
    c3 = make_claim(claim_id="c", published_at=t0 + timedelta(hours=3))
    c1 = make_claim(claim_id="z", published_at=t0 + timedelta(hours=1))
    c2b = make_claim(claim_id="b", published_at=t0 + timedelta(hours=2))
    c2a = make_claim(claim_id="a", published_at=t0 + timedelta(hours=2))
    kept = merge([c3], [c2b, c1, c2a], StateBounds())
    assert [c.claim_id for c in kept] == ["z", "a", "b", "c"]


def test_count_bound_applies_after_ordering(make_claim: MakeClaim, t0: datetime) -> None:
    # new claims older than the history do not push out newer ones
    history = [make_claim(published_at=t0 + timedelta(hours=h)) for h in (10, 11)]
    older = [make_claim(published_at=t0 + timedelta(hours=h)) for h in (1, 2)]
    assert merge(history, older, StateBounds(per_key=1, max_age_days=21, segment=1)) == history


def test_ten_thousand_claims_one_by_one_stay_capped(make_claim: MakeClaim, t0: datetime) -> None:
    """Bounded memory for one key: the history never exceeds per_key and a segment, whatever the input
    volume."""
    bounds = StateBounds()  # the production defaults
    history: list[Claim] = []
    largest = 0
    for i in range(10_000):
        history = merge(history, [make_claim(published_at=t0 + timedelta(minutes=i))], bounds)
        largest = max(largest, len(history))
    assert largest == bounds.per_key + bounds.segment
    assert len(history) == bounds.per_key + bounds.segment
    assert history[-1].published_at == t0 + timedelta(minutes=9_999)
    assert [c.published_at for c in history] == sorted(c.published_at for c in history)


def test_claims_spread_over_time_stay_within_age(make_claim: MakeClaim, t0: datetime) -> None:
    bounds = StateBounds(per_key=10_000, max_age_days=1, lateness_days=1)
    history: list[Claim] = []
    for i in range(2_000):
        history = merge(history, [make_claim(published_at=t0 + timedelta(minutes=10 * i))], bounds)
    # 2 days of one claim per 10 minutes, both ends included
    assert len(history) == 2 * 24 * 6 + 1
    assert history[-1].published_at - history[0].published_at == timedelta(days=2)


def test_dump_load_round_trip(make_claim: MakeClaim, t0: datetime) -> None:
    claims = [make_claim(published_at=t0 + timedelta(minutes=i)) for i in range(3)]
    value = dump(claims)
    assert all(isinstance(v, dict) for v in value)
    assert load(value) == claims


def test_load_drops_unreadable_entries(make_claim: MakeClaim) -> None:
    good = make_claim()
    assert load([{"claim_id": "from an older version"}, dump([good])[0]]) == [good]
    assert load(None) == []
    assert load([]) == []
