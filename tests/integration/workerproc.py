"""Run `claimwatch worker` as a subprocess against the test broker, and read its topics back.

Each test gets its own app id and its own topic names (CLAIMWATCH_TOPIC_* with a unique suffix), so
tests sharing the session broker never see each other's messages. Workers are stopped by pid: SIGTERM,
a deadline, then SIGKILL (or `kill()`: SIGKILL at once, a crash). The process control (ports, start,
/readyz, stop) is `streams.bench.procs`, shared with the end-to-end benchmark; `Names` and `WorkerProc`
here are its test flavour.

Test workers run with a 10 s consumer session timeout (CLAIMWATCH_SESSION_TIMEOUT_MS; the default is
60 s), so a killed worker's partitions move to another worker within seconds; `defaults=True` runs one
with every setting at its default instead (the restart test). The helpers that read the truth from the
broker (offsets per partition, a group's committed offsets, `TopicReader`, `PacedSender`) live in
`topicio` and are re-exported here.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from prometheus_client.parser import text_string_to_metric_families

from streams.bench import procs
from streams.bench.procs import CLAIMWATCH, free_port

try:  # see conftest.py; re-exported: the broker-side helpers live in topicio
    from .topicio import (
        PacedSender,
        TopicReader,
        committed_offsets,
        end_offsets_by_partition,
        wait_caught_up,
    )
except ImportError:
    from topicio import (  # type: ignore[no-redef]
        PacedSender,
        TopicReader,
        committed_offsets,
        end_offsets_by_partition,
        wait_caught_up,
    )

__all__ = [
    "CLAIMWATCH",
    "PARTITIONS",
    "ROOT",
    "SEED",
    "SESSION_TIMEOUT_MS",
    "Names",
    "PacedSender",
    "TopicReader",
    "WorkerProc",
    "committed_offsets",
    "end_offsets",
    "end_offsets_by_partition",
    "free_port",
    "read",
    "send",
    "wait_caught_up",
]

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / ".." / "shared" / "seeds" / "kursk-article.jsonl"
PARTITIONS = 2
#: consumer session timeout of test workers (ms): how long the group waits for a SIGKILLed member
SESSION_TIMEOUT_MS = 10_000


@dataclass
class Names(procs.Names):
    """Unique app id (cw-test-<suffix>) and topic names for one test."""

    partitions: int = PARTITIONS
    app_prefix: ClassVar[str] = "cw-test"


class WorkerProc(procs.Worker):
    """One `claimwatch worker` subprocess. `env` adds or overrides CLAIMWATCH_* settings for it.

    Broker, app id and partitions are passed on the command line too; failures are AssertionErrors
    carrying the worker's log tail."""

    log_level = "info"

    def __init__(
        self,
        bootstrap: str,
        names: Names,
        data_dir: Path,
        log_path: Path,
        env: Mapping[str, str] | None = None,
        *,
        defaults: bool = False,
    ) -> None:
        extra = {} if defaults else {"CLAIMWATCH_SESSION_TIMEOUT_MS": str(SESSION_TIMEOUT_MS)}
        super().__init__(names, bootstrap, data_dir, log_path, extra_env={**extra, **(env or {})})

    def options(self) -> list[str]:
        return [
            "--broker",
            f"kafka://{self.bootstrap}",
            "--app-id",
            self.names.app_id,
            "--partitions",
            str(self.names.partitions),
        ]

    def failure(self, msg: str) -> Exception:
        return AssertionError(f"{msg}:\n{self.log_tail()}")

    def wait_ready(self, timeout: float = 90.0) -> float:
        """Poll /readyz until 200; returns seconds waited. Fails with the worker log if it dies."""
        started = time.monotonic()
        super().wait_ready(timeout)
        return time.monotonic() - started

    def assigned(self, topic: str) -> set[int]:
        """Partitions of `topic` this worker holds, from its consumer-lag gauge (set only while ready)."""
        return {
            int(dict(labels)["partition"])
            for (name, labels), _ in self.samples().items()
            if name == "claimwatch_consumer_lag_messages" and dict(labels).get("topic") == topic
        }

    def samples(self) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
        status, text = self.get("/metrics")
        assert status == 200, f"/metrics answered {status}: {text[:200]}"
        out = {}
        for family in text_string_to_metric_families(text):
            for s in family.samples:
                out[(s.name, tuple(sorted(s.labels.items())))] = s.value
        return out

    def sample(self, name: str, **labels: str) -> float | None:
        return self.samples().get((name, tuple(sorted(labels.items()))))

    def wait_metric(
        self, name: str, pred: Callable[[float], bool], timeout: float = 30.0, **labels: str
    ) -> float:
        deadline = time.monotonic() + timeout
        value = None
        while time.monotonic() < deadline:
            value = self.sample(name, **labels)
            if value is not None and pred(value):
                return value
            time.sleep(0.2)
        raise self.failure(f"{name}{labels} stayed at {value} for {timeout} s")


def send(
    bootstrap: str,
    topic: str,
    values: list[bytes],
    keys: list[bytes | None] | None = None,
    *,
    max_request_size: int = 1_048_576,
) -> list:
    """Produce `values` one by one, in order (acks=all); returns each record's RecordMetadata
    (partition, offset)."""
    from kafka import KafkaProducer

    producer = KafkaProducer(
        bootstrap_servers=bootstrap, acks="all", linger_ms=0, max_request_size=max_request_size
    )
    sent = []
    try:
        for i, value in enumerate(values):
            key = None if keys is None else keys[i]
            sent.append(producer.send(topic, key=key, value=value).get(timeout=30))
        producer.flush(timeout=30)
    finally:
        producer.close(timeout=10)
    return sent


def read(bootstrap: str, topic: str, until: Callable[[list], bool], timeout: float = 60.0) -> list:
    """Records of `topic` from the beginning (all partitions) until `until(records)` or the timeout."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None, enable_auto_commit=False)
    records: list = []
    try:
        deadline = time.monotonic() + timeout
        parts = None
        while not parts and time.monotonic() < deadline:
            parts = consumer.partitions_for_topic(topic)
            if not parts:
                time.sleep(0.2)
        assert parts, f"topic {topic} does not exist"
        tps = [TopicPartition(topic, p) for p in sorted(parts)]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        while time.monotonic() < deadline:
            for batch in consumer.poll(timeout_ms=200).values():
                records.extend(batch)
            if until(records):
                return records
    finally:
        consumer.close()
    return records


def end_offsets(bootstrap: str, topic: str) -> int:
    """Sum of end offsets of a topic's partitions: how many messages it holds (no compaction here)."""
    from kafka import KafkaConsumer, TopicPartition

    consumer = KafkaConsumer(bootstrap_servers=bootstrap, group_id=None)
    try:
        tps = [TopicPartition(topic, p) for p in consumer.partitions_for_topic(topic) or ()]
        return sum(consumer.end_offsets(tps).values())
    finally:
        consumer.close()
