"""The worker's consumer never commits over an input offset whose message did not reach an agent.

faust 0.15.3 would (see streams.delivery): it records a jump in delivered offsets as a
"gap" and commits over it, and it commits acked offsets that start one past the committed offset.
The integration tests lost articles and claim batches that way around rebalances and graceful stops.
"""

from __future__ import annotations

import asyncio
from types import SimpleNamespace

import pytest
from faust.types import TP

from streams.app import FastFetchConsumer, create_app
from streams.delivery import STALL_SECONDS, StallWatch, reread_stalled
from streams.settings import load_settings

ARTICLES = TP("articles", 0)


@pytest.fixture
async def consumer(tmp_path):
    settings = load_settings(
        {}, store="memory", data_dir=str(tmp_path), app_id="guard", broker="kafka://127.0.0.1:9"
    )
    app = create_app(settings)
    yield app.consumer
    thread = getattr(app.consumer, "_thread", None)
    loop = getattr(thread, "thread_loop", None)
    if loop is not None and not loop.is_running():
        loop.close()


def test_the_worker_uses_the_guarded_consumer(consumer) -> None:
    assert isinstance(consumer, FastFetchConsumer)


async def test_contiguous_acks_commit_as_faust_does(consumer) -> None:
    consumer._committed_offset[ARTICLES] = 5
    consumer._acked[ARTICLES].extend([5, 6, 7])
    assert consumer._new_offset(ARTICLES) == 8


async def test_a_missing_message_at_the_head_is_never_committed_over(consumer) -> None:
    consumer._committed_offset[ARTICLES] = 5
    consumer._acked[ARTICLES].extend([6, 7])  # offset 5 never reached an agent
    assert consumer._new_offset(ARTICLES) is None
    await asyncio.sleep(0.05)  # the seek back runs (and gives up: the consumer is not started)
    assert consumer._claimwatch_reseeking == set()
    # once 5 is processed (read again), everything commits
    consumer._acked[ARTICLES].insert(0, 5)
    assert consumer._new_offset(ARTICLES) == 8


async def test_a_jump_in_delivered_offsets_is_not_recorded_as_a_gap(consumer) -> None:
    await consumer._add_gap(ARTICLES, 3, 6)
    assert not consumer._gap[ARTICLES]
    consumer._committed_offset[ARTICLES] = 3
    consumer._acked[ARTICLES].extend([6, 7])
    assert consumer._new_offset(ARTICLES) is None  # stock faust: 8, over 3..5


class FakeConsumer:
    def __init__(self, committed: dict, highwater: dict) -> None:
        self._committed_offset = dict(committed)
        self._highwater = dict(highwater)
        self._acked: dict = {}
        self._unacked_messages: list = []
        self.sought: list = []

    def assignment(self) -> set:
        return set(self._highwater)

    def highwater(self, tp):
        return self._highwater[tp]

    async def seek(self, tp, offset) -> None:
        self.sought.append((tp, offset))


def fake_app(consumer: FakeConsumer, queued: list | None = None) -> SimpleNamespace:
    queue = SimpleNamespace(_queue=[SimpleNamespace(message=SimpleNamespace(tp=tp)) for tp in queued or []])
    return SimpleNamespace(consumer=consumer, flow_control=SimpleNamespace(_queues=[queue]))


CLAIMS = TP("claims", 1)


async def test_a_partition_left_behind_is_read_again_after_the_stall_time() -> None:
    consumer = FakeConsumer({ARTICLES: 4, CLAIMS: 9}, {ARTICLES: 6, CLAIMS: 9})
    app, watch = fake_app(consumer), StallWatch()
    assert reread_stalled(app, {"articles", "claims"}, watch, now=100.0) == []
    assert reread_stalled(app, {"articles", "claims"}, watch, now=100.0 + STALL_SECONDS - 0.1) == []
    assert reread_stalled(app, {"articles", "claims"}, watch, now=100.0 + STALL_SECONDS) == [ARTICLES]
    await asyncio.sleep(0)
    assert consumer.sought == [(ARTICLES, 4)]  # claims is caught up: left alone


@pytest.mark.parametrize("why", ["fetched", "queued", "in flight", "acked, not yet committed", "other topic"])
async def test_a_partition_with_work_under_way_is_left_alone(why: str) -> None:
    consumer = FakeConsumer({ARTICLES: 4}, {ARTICLES: 6})
    queued = [ARTICLES] if why == "queued" else []
    if why == "in flight":
        consumer._unacked_messages.append(SimpleNamespace(tp=ARTICLES))
    if why == "fetched":  # in the aiokafka client's buffer, not yet handed to faust
        records = {("articles", 0): object()}
        consumer._thread = SimpleNamespace(
            _consumer=SimpleNamespace(_fetcher=SimpleNamespace(_records=records))
        )
    if why == "acked, not yet committed":
        consumer._acked[ARTICLES] = [4]
    topics = {"claims"} if why == "other topic" else {"articles"}
    app, watch = fake_app(consumer, queued), StallWatch()
    for now in (0.0, STALL_SECONDS * 3):
        assert reread_stalled(app, topics, watch, now=now) == []
    await asyncio.sleep(0)
    assert consumer.sought == []


async def test_progress_restarts_the_stall_clock() -> None:
    consumer = FakeConsumer({ARTICLES: 4}, {ARTICLES: 9})
    app, watch = fake_app(consumer), StallWatch()
    reread_stalled(app, {"articles"}, watch, now=0.0)
    consumer._committed_offset[ARTICLES] = 6  # committed moved
    assert reread_stalled(app, {"articles"}, watch, now=STALL_SECONDS) == []
    assert reread_stalled(app, {"articles"}, watch, now=2 * STALL_SECONDS) == [ARTICLES]
