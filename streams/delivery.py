"""At-least-once guards around faust's consumer: no input message is committed unprocessed or left behind.

faust-streaming 0.15.3 loses input messages around rebalances and graceful stops (the integration tests
in tests/integration/test_scale_out.py lost articles and claim batches in about one run in twelve):
records fetched while a partition changes hands are dropped on the way to the agents (the stream skips
them while flow control is suspended or the generation changed, without acking them), and

1. a jump in delivered offsets is recorded as a "gap" (`Consumer._add_gap`, meant for compacted topics
   and transaction markers) and later committed over as if processed;
2. `Consumer._new_offset` commits acked offsets even when the first is one past the committed offset
   (`min(acked) - committed > 1` lets exactly one missing message through);
3. a dropped record that nothing later in the partition was acked past is never fetched again: the
   client's position is beyond it, so the partition stays behind its end offset, silently.

claimwatch's input topics (`articles`, `claims`) are neither compacted nor transactional: every offset is
a message, so any hole is a loss. `CommitGuard` (mixed into the worker's consumer) never commits over a
hole and reads the partition again from its committed offset when its next message went missing (1, 2);
`reread_stalled` (run by the app's monitor timer) reads a partition again when it has uncommitted
messages, nothing of it is in flight or queued anywhere (fetched and buffered in the client, queued for an
agent, or being processed), and it has made no progress for `STALL_SECONDS` (3): a partition that is
merely busy -- a first burst behind a slow agent -- is never read again. A message processed twice is
harmless: alerts are idempotent by alert_id and the claims table merges claims by claim_id.
"""

from __future__ import annotations

import asyncio
import logging
import time
from typing import Any

log = logging.getLogger(__name__)

__all__ = ["STALL_SECONDS", "CommitGuard", "StallWatch", "reread_stalled"]

#: a partition with uncommitted messages and nothing in flight for this long is read again
STALL_SECONDS = 5.0


class CommitGuard:
    """Mixin for faust's aiokafka Consumer (see the module docstring, points 1 and 2)."""

    async def _add_gap(self, tp: Any, offset_from: int, offset_to: int) -> None:
        # not recorded: the offsets stay uncommitted until their messages are processed
        log.warning(
            "%s: offsets %d..%d were skipped in delivery; they are not committed until processed",
            tp,
            offset_from,
            offset_to - 1,
        )

    def _new_offset(self, tp: Any) -> int | None:
        acked = self._acked[tp]  # type: ignore[attr-defined]
        committed = self._committed_offset.get(tp)  # type: ignore[attr-defined]
        if acked and committed is not None and min(acked) > committed:
            log.warning(
                "%s: offsets %d..%d were skipped before reaching the agents; reading again from %d",
                tp,
                committed,
                min(acked) - 1,
                committed,
            )
            read_again(self, tp, committed)
            return None
        return super()._new_offset(tp)  # type: ignore[misc]


def read_again(consumer: Any, tp: Any, offset: int) -> None:
    """Seek `tp` back to `offset` (once at a time per partition), on the consumer's loop."""
    pending: set[Any] = consumer.__dict__.setdefault("_claimwatch_reseeking", set())
    if tp in pending:
        return
    pending.add(tp)

    async def seek_back() -> None:
        try:
            if tp in consumer.assignment():
                await consumer.seek(tp, offset)
        except Exception as exc:  # revoked meanwhile, or the consumer is stopping
            log.info("%s: could not seek back to %d: %r", tp, offset, exc)
        finally:
            pending.discard(tp)

    asyncio.ensure_future(seek_back())


class StallWatch:
    """Per input partition: the committed offset last seen and since when it has not moved."""

    def __init__(self) -> None:
        self.seen: dict[Any, tuple[int | None, float]] = {}

    def stalled_for(self, tp: Any, committed: int | None, now: float) -> float:
        last = self.seen.get(tp)
        if last is None or last[0] != committed:
            self.seen[tp] = (committed, now)
            return 0.0
        return now - last[1]

    def reset(self, tp: Any, now: float) -> None:
        committed = self.seen.get(tp, (None, now))[0]
        self.seen[tp] = (committed, now)


def _queued_partitions(app: Any) -> set[Any]:
    """Partitions with messages delivered to a stream queue and not yet taken by an agent."""
    out = set()
    for queue in list(getattr(app.flow_control, "_queues", None) or ()):
        for item in list(getattr(queue, "_queue", ())):
            message = getattr(item, "message", None)
            if message is not None:
                out.add(message.tp)
    return out


def _fetched_partitions(consumer: Any) -> set[Any]:
    """Partitions whose fetched records wait in the aiokafka client's buffer, not yet handed to faust."""
    aio = getattr(getattr(consumer, "_thread", None), "_consumer", None)
    records = getattr(getattr(aio, "_fetcher", None), "_records", None) or {}
    try:
        return set(list(records))
    except RuntimeError:  # changed size while read from the monitor: treat every partition as busy
        return {tp for tp in consumer.assignment()}


def reread_stalled(
    app: Any, topics: set[str], watch: StallWatch, *, now: float | None = None, stall: float = STALL_SECONDS
) -> list[Any]:
    """Seek back every input partition stuck behind its end offset with nothing in flight (point 3).

    Call only while the worker is ready (not rebalancing or recovering). A partition never committed
    is read again from 0 (the client resets to the earliest offset if that is gone). Returns the
    partitions sought.
    """
    now = time.monotonic() if now is None else now
    consumer = app.consumer
    try:
        assignment = consumer.assignment()
    except Exception:  # consumer not started or being rebuilt
        return []
    candidates = []
    for tp in assignment:
        if tp.topic not in topics:
            continue
        committed = consumer._committed_offset.get(tp)
        waited = watch.stalled_for(tp, committed, now)
        if consumer._acked.get(tp):  # processed, waiting for the next commit: not stuck
            watch.reset(tp, now)
            continue
        try:
            highwater = consumer.highwater(tp)
        except Exception:
            continue
        start = committed or 0
        if highwater is not None and highwater > start and waited >= stall:
            candidates.append((tp, start, highwater, waited))
    if not candidates:
        return []
    busy = (
        {m.tp for m in list(consumer._unacked_messages)}
        | _queued_partitions(app)
        | _fetched_partitions(consumer)
    )
    sought = []
    for tp, start, highwater, waited in candidates:
        if tp in busy:
            watch.reset(tp, now)
            continue
        log.warning(
            "%s: %d messages after offset %d made no progress for %.0f s with nothing in flight; "
            "reading again from %d",
            tp,
            highwater - start,
            start,
            waited,
            start,
        )
        read_again(consumer, tp, start)
        watch.reset(tp, now)
        sought.append(tp)
    return sought
