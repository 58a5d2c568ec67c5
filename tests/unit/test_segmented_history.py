"""store.SegmentedHistory: the claims table layout (a head per claim key, claims in small segments).

What must hold: the history a batch is compared with is exactly the `window` around its publication time
of what `merge` retains; a write costs one small segment (plus the tiny head when a segment seals);
redeliveries write nothing; storage stays within per_key + segment claims per key; a value written by
another worker is never shadowed by the cache; and a key stored in the old one-list layout is read as it
is, then rewritten in segments.
"""

from __future__ import annotations

import json
import random
from collections.abc import Callable, Iterator, MutableMapping
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from schemas import Claim
from streams.core.guard import parse_article
from streams.core.pipeline import Pipeline
from streams.core.revisions import is_ledger_key, ledger_key
from streams.core.store import (
    LAYOUT,
    Codec,
    SegmentedHistory,
    StateBounds,
    claims_count,
    dump,
    merge,
    segment_key,
    window,
)

MakeClaim = Callable[..., Claim]
SEEDS = Path(__file__).resolve().parents[3] / "shared" / "seeds"
KEY = "numeric:deaths"


class Recording(MutableMapping[str, Any]):
    """A dict that records writes, and returns an empty list for a missing key as a faust Table with
    `default=list` does."""

    def __init__(self) -> None:
        self.data: dict[str, Any] = {}
        self.writes: list[str] = []
        self.deletes: list[str] = []

    def __getitem__(self, key: str) -> Any:
        return self.data.get(key, [])

    def __contains__(self, key: object) -> bool:
        return key in self.data

    def __setitem__(self, key: str, value: Any) -> None:
        self.data[key] = json.loads(json.dumps(value))  # what a table gives back: a fresh decoded copy
        self.writes.append(key)

    def __delitem__(self, key: str) -> None:
        del self.data[key]
        self.deletes.append(key)

    def __iter__(self) -> Iterator[str]:
        return iter(self.data)

    def __len__(self) -> int:
        return len(self.data)


def stored(state: MutableMapping[str, Any]) -> int:
    return sum(claims_count(v) for v in state.values())


def append(history: SegmentedHistory, claims: list[Claim]) -> list[Claim]:
    """One batch: the view it is compared with (the window around its newest claim), then the write."""
    loaded = history.load(KEY)
    view = loaded.view(history.bounds, max((c.published_at for c in claims), default=None))
    history.add(loaded, claims)
    return view


def test_view_equals_the_merged_history_for_an_ordered_stream(make_claim: MakeClaim, t0: datetime) -> None:
    bounds = StateBounds(per_key=50, max_age_days=2, lateness_days=0, segment=8)
    state = Recording()
    history = SegmentedHistory(state, bounds, Codec())
    reference: list[Claim] = []
    rng = random.Random(3)
    minute = 0
    for _ in range(400):
        batch = []
        for _ in range(rng.randint(1, 5)):
            minute += rng.randint(0, 30)
            batch.append(make_claim(published_at=t0 + timedelta(minutes=minute)))
        assert append(history, batch) == window(reference, batch[-1].published_at, bounds)
        reference = merge(reference, batch, bounds)
        assert stored(state) <= bounds.per_key + bounds.segment
    view = history.load(KEY).view(bounds)
    assert view == window(reference, reference[-1].published_at, bounds)
    assert len(view) == 50  # the count bound was reached (and the age bound too, over ~5 days)


def test_a_write_is_one_small_segment_and_the_head_only_when_a_segment_seals(
    make_claim: MakeClaim, t0: datetime
) -> None:
    bounds = StateBounds(per_key=1000, max_age_days=30, segment=4)
    state = Recording()
    history = SegmentedHistory(state, bounds, Codec())
    append(history, [make_claim(published_at=t0)])
    assert state.writes == [segment_key(KEY, 0), KEY]  # first write: open segment and head
    state.writes.clear()
    append(history, [make_claim(published_at=t0), make_claim(published_at=t0)])
    assert state.writes == [segment_key(KEY, 0)]  # 3 of 4: the open segment only
    state.writes.clear()
    append(history, [make_claim(published_at=t0), make_claim(published_at=t0)])
    assert state.writes == [segment_key(KEY, 0), segment_key(KEY, 1), KEY]  # sealed 0, opened 1
    assert state.data[KEY]["layout"] == LAYOUT
    assert [e[:2] for e in state.data[KEY]["sealed"]] == [[0, 4]]
    assert max(len(state.data[k]) for k in state.data if k != KEY) <= bounds.segment


def test_a_redelivered_batch_stores_nothing_new_and_writes_back_what_holds_it(
    make_claim: MakeClaim, t0: datetime
) -> None:
    """A redelivery changes nothing; the values holding its claims are written again unchanged (after a
    crash, their changelog records may not have reached the broker)."""
    state = Recording()
    history = SegmentedHistory(state, StateBounds(segment=4), Codec())
    batch = [make_claim(published_at=t0 + timedelta(minutes=i)) for i in range(6)]
    append(history, batch)
    before = json.dumps(state.data, sort_keys=True)
    state.writes.clear()
    append(history, batch)
    assert sorted(state.writes) == sorted([segment_key(KEY, 0), segment_key(KEY, 1), KEY])
    state.writes.clear()
    append(history, batch[2:3])
    assert state.writes == [segment_key(KEY, 0), KEY]  # only the segment holding it, and the head
    assert json.dumps(state.data, sort_keys=True) == before
    assert stored(state) == 6


def test_a_changed_claim_under_the_same_id_replaces_the_stored_one(
    make_claim: MakeClaim, t0: datetime
) -> None:
    history = SegmentedHistory(Recording(), StateBounds(), Codec())
    append(
        history, [make_claim(claim_id="same", value=26.0), make_claim(published_at=t0 + timedelta(hours=1))]
    )
    append(history, [make_claim(claim_id="same", value=30.0, published_at=t0 + timedelta(hours=2))])
    view = history.load(KEY).view(history.bounds)
    assert [c.value for c in view if c.claim_id == "same"] == [30.0]
    assert len(view) == 2


def test_segments_older_than_the_age_bound_are_deleted(make_claim: MakeClaim, t0: datetime) -> None:
    bounds = StateBounds(per_key=1000, max_age_days=1, lateness_days=0, segment=2)
    state = Recording()
    history = SegmentedHistory(state, bounds, Codec())
    append(history, [make_claim(published_at=t0), make_claim(published_at=t0)])  # sealed segment 0
    append(history, [make_claim(published_at=t0 + timedelta(hours=1))])
    assert stored(state) == 3
    append(history, [make_claim(published_at=t0 + timedelta(days=2))])  # seals 1 (t0+1h, t0+2d)
    assert state.deletes == [segment_key(KEY, 0)]
    assert [c.published_at for c in history.load(KEY).view(bounds)] == [t0 + timedelta(days=2)]
    late = make_claim(published_at=t0 - timedelta(days=5))
    state.writes.clear()
    append(history, [late])
    assert state.writes == []  # too old to be compared with anything again: not stored


def test_the_count_bound_drops_the_oldest_segment_in_event_time(make_claim: MakeClaim, t0: datetime) -> None:
    bounds = StateBounds(per_key=4, max_age_days=365, segment=2)
    state = Recording()
    history = SegmentedHistory(state, bounds, Codec())
    newer = [make_claim(published_at=t0 + timedelta(days=10, minutes=i)) for i in range(2)]
    older = [make_claim(published_at=t0 + timedelta(minutes=i)) for i in range(2)]
    newest = [make_claim(published_at=t0 + timedelta(days=11, minutes=i)) for i in range(2)]
    latest = [make_claim(published_at=t0 + timedelta(days=12, minutes=i)) for i in range(2)]
    for batch in (newer, older, newest, latest):  # a backfill arrives between live batches
        append(history, batch)
    assert stored(state) == bounds.per_key + bounds.segment
    held = {c.claim_id for c in history.load(KEY).stored}
    assert held == {c.claim_id for c in newer + newest + latest}
    assert segment_key(KEY, 1) in state.deletes  # the backfilled segment went, not the first one
    # the view: the per_key claims nearest in event time
    assert {c.claim_id for c in history.load(KEY).view(bounds)} == {c.claim_id for c in newest + latest}


def test_another_writer_is_never_hidden_by_the_segment_cache(make_claim: MakeClaim, t0: datetime) -> None:
    """Two workers in turn on one key (a rebalance): each reads what the other wrote."""
    bounds = StateBounds(segment=2)
    state = Recording()
    one, two = SegmentedHistory(state, bounds, Codec()), SegmentedHistory(state, bounds, Codec())
    claims = [make_claim(published_at=t0 + timedelta(minutes=i)) for i in range(9)]
    append(one, claims[:2])
    append(two, claims[2:5])
    append(one, claims[5:6])
    assert append(two, claims[6:9]) == claims[:6]
    assert one.load(KEY).view(bounds) == claims
    # a sealed segment rewritten behind the cache's back (e.g. restored from another changelog) is re-read
    state.data[segment_key(KEY, 0)] = dump([claims[1], claims[0]], Codec())
    assert {c.claim_id for c in one.load(KEY).stored} == {c.claim_id for c in claims}


def test_the_old_one_list_layout_is_read_then_rewritten_in_segments(
    make_claim: MakeClaim, t0: datetime
) -> None:
    bounds = StateBounds(per_key=300, segment=4)
    state = Recording()
    old = [make_claim(published_at=t0 + timedelta(minutes=i)) for i in range(10)]
    state.data[KEY] = dump(old, Codec())
    history = SegmentedHistory(state, bounds, Codec())
    new = make_claim(published_at=t0 + timedelta(hours=1))
    assert append(history, [new]) == old
    assert state.data[KEY]["layout"] == LAYOUT
    assert history.load(KEY).view(bounds) == [*old, new]
    assert stored(state) == 11
    assert max(claims_count(v) for v in state.data.values()) == 4


def test_pipeline_state_holds_heads_and_segments() -> None:
    seed_article = parse_article((SEEDS / "kursk-article.jsonl").read_bytes().strip())
    pipe = Pipeline(state=Recording(), bounds=StateBounds(segment=2))
    assert pipe.process_article(seed_article, 0.0), "precondition: the seed article carries a conflict"
    pipe.process_article(seed_article, 0.0)  # a repeated article adds no claims
    heads = [k for k in pipe.state if "#" not in k and not is_ledger_key(k)]
    assert heads and all(pipe.state[k]["layout"] == LAYOUT for k in heads)
    assert pipe.state[ledger_key(seed_article.id)]["layout"] == "ledger/1"
    assert pipe.claims_held() == sum(len(b.claims) for b in pipe.extract(seed_article))


def test_what_a_key_stores_under_the_age_bound_does_not_depend_on_arrival_order(
    make_claim: MakeClaim, t0: datetime
) -> None:
    bounds = StateBounds(per_key=1000, max_age_days=2, lateness_days=1, segment=4)
    rng = random.Random(11)
    claims = [make_claim(published_at=t0 + timedelta(hours=rng.randint(0, 240))) for _ in range(120)]
    newest = max(c.published_at for c in claims)
    expected = {c.claim_id for c in claims if c.published_at >= newest - timedelta(days=3)}
    for seed in range(6):
        order = list(claims)
        random.Random(seed).shuffle(order)
        state = Recording()
        history = SegmentedHistory(state, bounds, Codec())
        for i in range(0, len(order), 3):
            append(history, order[i : i + 3])
        held = {item["claim_id"] for v in state.values() if isinstance(v, list) for item in v}
        assert held == expected
        assert stored(state) == len(expected)
        in_window = {c.claim_id for c in claims if c.published_at >= newest - timedelta(days=2)}
        assert {c.claim_id for c in history.load(KEY).view(bounds)} == in_window


@pytest.mark.parametrize(
    "bounds",
    [
        StateBounds(per_key=40, max_age_days=2, lateness_days=1, segment=5),  # the age bound binds
        StateBounds(per_key=12, max_age_days=365, segment=4),  # the count bound binds
    ],
)
def test_the_view_kept_after_a_write_equals_one_read_afresh(
    make_claim: MakeClaim, t0: datetime, bounds: StateBounds
) -> None:
    """The per-key view carried over from the last write (no re-ordering of the whole history) is the view
    another worker reading the same state computes, also with late claims, redeliveries and revisions."""
    state = Recording()
    history = SegmentedHistory(state, bounds, Codec())
    rng = random.Random(5)
    sent: list[Claim] = []
    for step in range(300):
        if sent and rng.random() < 0.1:
            batch = rng.sample(sent, min(3, len(sent)))  # a redelivery
        elif sent and rng.random() < 0.05:
            old = rng.choice(sent)  # a revision: the same article, another version
            batch = [
                make_claim(article_id=old.article_id, article_version="v2", published_at=old.published_at)
            ]
        else:
            batch = [make_claim(published_at=t0 + timedelta(hours=rng.randint(0, 200))) for _ in range(3)]
        sent.extend(batch)
        kept = history.load(KEY).view(bounds)
        fresh = SegmentedHistory(state, bounds, Codec()).load(KEY).view(bounds)
        assert [c.claim_id for c in kept] == [c.claim_id for c in fresh], step
        append(history, batch)
        assert stored(state) <= bounds.per_key + bounds.segment


def test_naive_and_aware_publication_times_share_one_axis() -> None:
    """A naive time is UTC: articles with and without an offset are stored and compared together."""
    from schemas import Article

    text = "GOMA, April 16 - {} people were killed in Goma on Tuesday, police said."
    pipe = Pipeline()
    naive = Article(id="n", source="W", published_at="2026-04-16T10:00:00", text=text.format(26))
    aware = Article(id="a", source="V", published_at="2026-04-16T11:00:00+00:00", text=text.format(9))
    assert naive.published_at.tzinfo is not None
    pipe.process_article(naive, 0.0)
    assert [a.rule for a in pipe.process_article(aware, 0.0)] == ["numeric_revision.v1"]  # police, 26 then 9
