"""Run `claimwatch worker` as a subprocess against the test broker, and read its topics back.

Each test gets its own app id and its own topic names (CLAIMWATCH_TOPIC_* with a unique suffix), so
tests sharing the session broker never see each other's messages. Workers are stopped by pid: SIGTERM,
a deadline, then SIGKILL (or `kill()`: SIGKILL at once, a crash).

Test workers run with a 10 s consumer session timeout (CLAIMWATCH_SESSION_TIMEOUT_MS; faust's default is
60 s), so a killed worker's partitions move within seconds. The helpers that read the truth from the
broker (offsets per partition, a group's committed offsets, `TopicReader`, `PacedSender`) live in
`topicio` and are re-exported here.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from prometheus_client.parser import text_string_to_metric_families

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
CLAIMWATCH = ROOT / ".venv" / "bin" / "claimwatch"
SEED = ROOT / ".." / "shared" / "seeds" / "kursk-article.jsonl"
PARTITIONS = 2
#: consumer session timeout of test workers (ms): how long the group waits for a SIGKILLed member
SESSION_TIMEOUT_MS = 10_000


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Names:
    """Unique app id and topic names for one test."""

    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    #: partitions of every topic and of the table changelog (they must match)
    partitions: int = PARTITIONS

    @property
    def app_id(self) -> str:
        return f"cw-test-{self.suffix}"

    @property
    def articles(self) -> str:
        return f"articles-{self.suffix}"

    @property
    def claims(self) -> str:
        return f"claims-{self.suffix}"

    @property
    def alerts(self) -> str:
        return f"alerts-{self.suffix}"

    @property
    def dlq(self) -> str:
        return f"articles.dlq-{self.suffix}"

    def env(self, bootstrap: str) -> dict[str, str]:
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMWATCH_")}
        env.update(
            CLAIMWATCH_BROKER=f"kafka://{bootstrap}",
            CLAIMWATCH_APP_ID=self.app_id,
            CLAIMWATCH_PARTITIONS=str(self.partitions),
            CLAIMWATCH_TOPIC_ARTICLES=self.articles,
            CLAIMWATCH_TOPIC_CLAIMS=self.claims,
            CLAIMWATCH_TOPIC_ALERTS=self.alerts,
            CLAIMWATCH_TOPIC_DLQ=self.dlq,
        )
        return env


class WorkerProc:
    """One `claimwatch worker` subprocess. `env` adds or overrides CLAIMWATCH_* settings for it."""

    def __init__(
        self,
        bootstrap: str,
        names: Names,
        data_dir: Path,
        log_path: Path,
        env: Mapping[str, str] | None = None,
    ) -> None:
        self.bootstrap = bootstrap
        self.names = names
        self.data_dir = data_dir
        self.log_path = log_path
        self.extra_env = dict(env or {})
        self.metrics_port = free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    def start(self) -> WorkerProc:
        self.metrics_port = free_port()
        args = [
            str(CLAIMWATCH),
            "worker",
            "--broker",
            f"kafka://{self.bootstrap}",
            "--data-dir",
            str(self.data_dir),
            "--web-port",
            str(free_port()),
            "--metrics-port",
            str(self.metrics_port),
            "--app-id",
            self.names.app_id,
            "--partitions",
            str(self.names.partitions),
            "--log-level",
            "info",
        ]
        env = self.names.env(self.bootstrap)
        env["CLAIMWATCH_SESSION_TIMEOUT_MS"] = str(SESSION_TIMEOUT_MS)
        env.update(self.extra_env)
        with self.log_path.open("ab") as log:
            log.write(f"\n==== start {' '.join(args)}\n".encode())
            self.proc = subprocess.Popen(
                args,
                stdout=log,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=env,
            )
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None, "worker not started"
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def kill(self) -> int:
        """SIGKILL (a crash: no commit, no LeaveGroup); returns the exit code once reaped."""
        assert self.proc is not None, "worker not started"
        self.proc.kill()
        return self.proc.wait(timeout=30)

    def terminate(self, timeout: float = 30.0) -> tuple[int | None, float]:
        """SIGTERM and wait up to `timeout`: (exit code or None if still running, seconds waited).

        Unlike `stop`, never escalates: the caller asserts on the deadline (and `stop()`s after)."""
        assert self.proc is not None, "worker not started"
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code: int | None = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        return code, time.monotonic() - started

    def assigned(self, topic: str) -> set[int]:
        """Partitions of `topic` this worker holds, from its consumer-lag gauge (set only while ready)."""
        return {
            int(dict(labels)["partition"])
            for (name, labels), _ in self.samples().items()
            if name == "claimwatch_consumer_lag_messages" and dict(labels).get("topic") == topic
        }

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.metrics_port}"

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log_path.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def wait_ready(self, timeout: float = 90.0) -> float:
        """Poll /readyz until 200; returns seconds waited. Fails with the worker log if it dies."""
        started = time.monotonic()
        last = "no answer"
        while time.monotonic() - started < timeout:
            assert self.proc is not None
            if self.proc.poll() is not None:
                raise AssertionError(f"worker exited with {self.proc.returncode}:\n{self.log_tail()}")
            try:
                status, body = self.get("/readyz")
                if status == 200:
                    return time.monotonic() - started
                last = f"{status} {body.strip()}"
            except OSError as exc:
                last = repr(exc)
            time.sleep(0.2)
        raise AssertionError(f"worker not ready after {timeout} s (last /readyz: {last}):\n{self.log_tail()}")

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
        raise AssertionError(f"{name}{labels} stayed at {value} for {timeout} s:\n{self.log_tail()}")

    def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM, wait up to `timeout`, then SIGKILL. Returns the exit code."""
        proc = self.proc
        if proc is None or proc.poll() is not None:
            return None if proc is None else proc.returncode
        proc.send_signal(signal.SIGTERM)
        try:
            return proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            return proc.wait(timeout=10)


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
