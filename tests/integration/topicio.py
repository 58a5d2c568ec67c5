"""Reading the truth from the broker in integration tests: offsets, committed offsets, topic contents.

- `end_offsets_by_partition`, `committed_offsets` (a consumer group's; the faust group id is the app id)
- `wait_caught_up`: until a group has committed every offset of some topics
- `TopicReader`: a topic read from the beginning, incrementally, without a consumer group
- `PacedSender`: records produced from a thread, one by one, while the test stops or kills workers

Re-exported by `workerproc`, which keeps the simple one-shot helpers (`send`, `read`, `end_offsets`).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterable

__all__ = [
    "PacedSender",
    "TopicReader",
    "committed_offsets",
    "end_offsets_by_partition",
    "wait_caught_up",
]


def end_offsets_by_partition(bootstrap: str, topic: str) -> dict[int, int]:
    """{partition: end offset} of a topic."""
    from kafka import KafkaConsumer

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    try:
        return _end_offsets(consumer, topic)
    finally:
        consumer.close()


def _end_offsets(consumer: object, topic: str) -> dict[int, int]:
    from kafka import TopicPartition

    parts = consumer.partitions_for_topic(topic) or ()  # type: ignore[attr-defined]
    assert parts, f"topic {topic} does not exist"
    ends = consumer.end_offsets([TopicPartition(topic, p) for p in parts])  # type: ignore[attr-defined]
    return {tp.partition: int(offset) for tp, offset in ends.items()}


def _committed(admin: object, group: str, topic: str) -> dict[int, int]:
    # kafka-python 3 names it list_group_offsets ({group: {tp: meta}}); 2.x list_consumer_group_offsets
    if hasattr(admin, "list_group_offsets"):
        offsets = admin.list_group_offsets(group).get(group, {})
    else:
        offsets = admin.list_consumer_group_offsets(group)  # type: ignore[attr-defined]
    return {
        tp.partition: int(meta.offset)
        for tp, meta in offsets.items()
        if tp.topic == topic and meta.offset is not None and meta.offset >= 0
    }


def committed_offsets(bootstrap: str, group: str, topic: str) -> dict[int, int]:
    """{partition: committed offset} of consumer group `group` on `topic` (partitions never committed
    are absent)."""
    from kafka.admin import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="claimwatch-tests-offsets")
    try:
        return _committed(admin, group, topic)
    finally:
        admin.close()


def wait_caught_up(
    bootstrap: str, group: str, topics: Iterable[str], timeout: float = 60.0, log_tail: str = ""
) -> dict[str, dict[int, int]]:
    """Until the group's committed offset equals the end offset on every partition of `topics`
    (everything read and committed); returns {topic: {partition: end offset}}. A partition that never
    held a message needs no commit."""
    from kafka import KafkaConsumer
    from kafka.admin import KafkaAdminClient

    topics = list(topics)
    deadline = time.monotonic() + timeout
    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    admin = KafkaAdminClient(bootstrap_servers=bootstrap, client_id="claimwatch-tests-offsets")
    try:
        while True:
            state = {t: (_end_offsets(consumer, t), _committed(admin, group, t)) for t in topics}
            if all(c.get(p, 0) == end for ends, c in state.values() for p, end in ends.items()):
                return {t: ends for t, (ends, _) in state.items()}
            if time.monotonic() > deadline:
                lines = [f"{t}: end {ends} committed {c}" for t, (ends, c) in state.items()]
                raise AssertionError(
                    f"group {group} not caught up after {timeout} s:\n" + "\n".join(lines) + "\n" + log_tail
                )
            time.sleep(0.3)
    finally:
        admin.close()
        consumer.close()


class TopicReader:
    """Reads every partition of a topic from the beginning, incrementally, without a consumer group.

    `poll_until(pred)` keeps polling until `pred(records)` holds for everything read so far; `records`
    accumulates. `drain()` reads up to the current end offsets. Use as a context manager (closes).
    """

    def __init__(self, bootstrap: str, topic: str) -> None:
        from kafka import KafkaConsumer, TopicPartition

        self.bootstrap = bootstrap
        self.topic = topic
        self.records: list = []
        self._consumer = KafkaConsumer(
            bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False, fetch_max_bytes=4 << 20
        )
        deadline = time.monotonic() + 30
        parts = None
        while not parts and time.monotonic() < deadline:
            parts = self._consumer.partitions_for_topic(topic)
            if not parts:
                time.sleep(0.2)
        assert parts, f"topic {topic} does not exist"
        self._tps = [TopicPartition(topic, p) for p in sorted(parts)]
        self._consumer.assign(self._tps)
        self._consumer.seek_to_beginning(*self._tps)

    def __enter__(self) -> TopicReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        self._consumer.close()

    def poll(self, timeout_ms: int = 200) -> list:
        """One poll; returns the new records (also appended to `records`)."""
        new = []
        for batch in self._consumer.poll(timeout_ms=timeout_ms).values():
            new.extend(batch)
        self.records.extend(new)
        return new

    def poll_until(self, pred: Callable[[list], bool], timeout: float = 60.0, what: str = "") -> list:
        deadline = time.monotonic() + timeout
        while not pred(self.records):
            if time.monotonic() > deadline:
                raise AssertionError(
                    f"{self.topic}: {what or 'condition'} not met after {timeout} s "
                    f"({len(self.records)} records read)"
                )
            self.poll()
        return self.records

    def drain(self, timeout: float = 30.0) -> list:
        """Read until the position of every partition reaches its end offset as of now."""
        ends = self._consumer.end_offsets(self._tps)
        deadline = time.monotonic() + timeout
        while any(self._consumer.position(tp) < end for tp, end in ends.items()):
            if time.monotonic() > deadline:
                raise AssertionError(f"{self.topic}: could not read up to {ends} in {timeout} s")
            self.poll()
        return self.records


class PacedSender(threading.Thread):
    """Produces `values` (with `keys`) one by one, `interval` seconds apart, from a thread: a stream
    that is still arriving while the test stops or kills workers. `sent` counts acknowledged records;
    `wait_sent(n)` blocks until n are. Errors are kept in `error` and re-raised by `join_checked`."""

    def __init__(
        self, bootstrap: str, topic: str, values: list[bytes], keys: list[bytes], interval: float = 0.05
    ) -> None:
        super().__init__(name="paced-sender", daemon=True)
        self.bootstrap, self.topic, self.values, self.keys = bootstrap, topic, values, keys
        self.interval = interval
        self.sent = 0
        self.error: BaseException | None = None
        self._progress = threading.Condition()

    def run(self) -> None:
        from kafka import KafkaProducer

        try:
            producer = KafkaProducer(bootstrap_servers=self.bootstrap, acks="all", linger_ms=0)
            try:
                for key, value in zip(self.keys, self.values, strict=True):
                    producer.send(self.topic, key=key, value=value).get(timeout=30)
                    with self._progress:
                        self.sent += 1
                        self._progress.notify_all()
                    time.sleep(self.interval)
            finally:
                producer.close(timeout=10)
        except BaseException as exc:  # reported by join_checked
            self.error = exc
        finally:
            with self._progress:
                self._progress.notify_all()

    def wait_sent(self, n: int, timeout: float = 30.0) -> None:
        with self._progress:
            ok = self._progress.wait_for(lambda: self.sent >= n or not self.is_alive(), timeout=timeout)
        assert ok and self.sent >= n, f"sender: {self.sent} of {n} records sent ({self.error!r})"

    def join_checked(self, timeout: float = 60.0) -> None:
        self.join(timeout)
        assert not self.is_alive(), "sender still running"
        if self.error is not None:
            raise AssertionError(f"sender failed: {self.error!r}") from self.error
