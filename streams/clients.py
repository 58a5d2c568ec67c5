"""Command-line Kafka clients (kafka-python): `claimwatch send` and `claimwatch tail`.

send  produces each JSONL line's raw bytes to `articles` (bad lines too, so they reach the DLQ),
      keyed by the article id when the line is a JSON object with a string `id`, else unkeyed; a line
      refused (too large to produce, or by the broker) is reported with its number and the rest are sent.
tail  prints alerts from `alerts` as JSON lines on stdout, optionally filtered.

Both look the topic up in the broker's metadata first: a topic that does not exist is one error that
says how to create it (kafka-python would otherwise retry until its timeout, logging an error for
each metadata refresh), and the command exits 1.
"""

from __future__ import annotations

import json
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import IO

from pydantic import ValidationError

from schemas import AlertV2

from .exceptions import ClaimwatchError
from .logs import quiet_library
from .render import render
from .security import kafka_python_options
from .settings import Settings


class KafkaClientError(ClaimwatchError):
    """A command-line client could not reach Kafka or a topic."""


def article_key(raw: bytes) -> bytes | None:
    """The article id as message key, when the line is a JSON object with a string id."""
    try:
        obj = json.loads(raw)
    except (ValueError, RecursionError):
        return None
    if isinstance(obj, dict) and isinstance(obj.get("id"), str) and obj["id"]:
        return obj["id"].encode("utf-8")
    return None


def missing_topic(topic: str, settings: Settings) -> KafkaClientError:
    return KafkaClientError(
        f"topic {topic!r} does not exist on {settings.broker}: create the topics first with "
        f"`claimwatch topics create --broker {settings.broker} --partitions N` (N: the most workers "
        "you will run; see README, Running against a real cluster)"
    )


def require_topic(settings: Settings, topic: str, timeout: float = 30.0, consumer: object = None) -> None:
    """Raise KafkaClientError (one line, with the fix) unless `topic` exists on the broker.

    Uses `consumer` (a kafka-python KafkaConsumer) when given, else a short-lived one of its own."""
    from kafka import KafkaConsumer
    from kafka.errors import KafkaError

    owned = consumer is None
    try:
        with quiet_library("kafka"):  # the outcome is this function's one line
            if owned:
                consumer = KafkaConsumer(
                    bootstrap_servers=settings.bootstrap_servers,
                    group_id=None,
                    enable_auto_commit=False,
                    client_id="claimwatch-check",
                    bootstrap_timeout_ms=int(timeout * 1000),
                    **kafka_python_options(settings),
                )
            topics = consumer.topics()  # type: ignore[attr-defined]
    except KafkaError as exc:
        raise no_broker(settings, exc) from exc
    finally:
        if owned and consumer is not None:
            consumer.close()  # type: ignore[attr-defined]
    if topic not in topics:
        raise missing_topic(topic, settings)


def no_broker(settings: Settings, exc: BaseException) -> KafkaClientError:
    return KafkaClientError(
        f"no Kafka broker answered at {settings.broker} ({type(exc).__name__}): is it running? check --broker"
    )


@dataclass
class SendReport:
    """What `send_lines` did: lines sent, and each line refused with its number, reason and detail."""

    sent: int = 0
    refused: list[tuple[int, str, str]] = field(default_factory=list)


def request_limit(settings: Settings) -> int:
    """The largest message `send` produces: the guard's message limit plus room for the record's framing
    (a line between the two reaches the worker, which dead-letters it as message_too_large)."""
    return max(1_048_576, settings.max_message_bytes + 4096)


def _refusal(exc: BaseException, size: int) -> tuple[str, str]:
    from kafka.errors import MessageSizeTooLargeError, RecordListTooLargeError

    if isinstance(exc, (MessageSizeTooLargeError, RecordListTooLargeError)):
        return "message_too_large", f"{size:,} bytes, refused by the broker ({type(exc).__name__})"
    return type(exc).__name__, str(exc)[:300] or type(exc).__name__


def send_lines(
    lines: Iterable[bytes], settings: Settings, err: IO[str] = sys.stderr, *, timeout: float = 30.0
) -> SendReport:
    """Produce every non-blank line to the articles topic (acks=all, flushed). A line the guard refuses
    (larger than `request_limit`) or the broker refuses is reported on `err` with its line number and
    reason, and the rest are sent; the last line on `err` is the summary (sent, refused)."""
    from kafka import KafkaProducer
    from kafka.errors import KafkaError, KafkaTimeoutError

    topic = settings.topic_articles
    require_topic(settings, topic, timeout)
    limit = request_limit(settings)
    try:
        producer = KafkaProducer(
            bootstrap_servers=settings.bootstrap_servers,
            acks="all",
            linger_ms=5,
            batch_size=256 * 1024,
            max_request_size=limit,
            # an idempotent producer treats a refused record as fatal and fails every later batch; one
            # request in flight keeps each partition in send order (an article's versions) on retries
            enable_idempotence=False,
            max_in_flight_requests_per_connection=1,
            max_block_ms=int(timeout * 1000),
            bootstrap_timeout_ms=int(timeout * 1000),
            client_id="claimwatch-send",
            **kafka_python_options(settings),
        )
    except KafkaError as exc:
        raise no_broker(settings, exc) from exc
    report = SendReport()

    def refuse(number: int, reason: str, detail: str) -> None:
        report.refused.append((number, reason, detail))

    try:
        # each refused record is reported below with its line: not also as a library warning
        with quiet_library("kafka.producer.producer_batch"):
            pending = []
            for number, raw in enumerate(lines, start=1):
                raw = raw.rstrip(b"\r\n")
                if not raw.strip():
                    continue
                if len(raw) > limit:
                    refuse(
                        number,
                        "message_too_large",
                        f"{len(raw):,} bytes, over the limit of {limit:,} "
                        "(CLAIMWATCH_MAX_MESSAGE_BYTES plus 4,096); not sent",
                    )
                    continue
                try:
                    future = producer.send(topic, key=article_key(raw), value=raw)
                except KafkaTimeoutError as exc:  # no broker to send to: no later line can go either
                    raise KafkaClientError(
                        f"timed out sending line {number} to topic {topic!r} on {settings.broker} "
                        f"({report.sent + len(pending)} lines queued before it): is the broker up?"
                    ) from exc
                except KafkaError as exc:  # refused by the client before it reaches the broker
                    refuse(number, *_refusal(exc, len(raw)))
                    continue
                pending.append((number, len(raw), future))
            producer.flush(timeout=timeout)
            for number, size, future in pending:
                try:
                    future.get(timeout=timeout)
                except KafkaError as exc:
                    refuse(number, *_refusal(exc, size))
                else:
                    report.sent += 1
    finally:
        producer.close(timeout=5)
    report.refused.sort()
    for number, reason, detail in report.refused:
        print(f"send: line {number} refused: {reason}: {detail}", file=err)
    refused = len(report.refused)
    lines_refused = ", ".join(str(n) for n, _r, _d in report.refused[:20]) + (" ..." if refused > 20 else "")
    print(
        f"send: {report.sent} sent, {refused} refused to {topic} on {settings.broker}"
        + (f" (lines {lines_refused})" if refused else ""),
        file=err,
    )
    return report


@dataclass(frozen=True)
class AlertFilter:
    kind: str | None = None
    min_confidence: float | None = None
    source: str | None = None

    def __call__(self, alert: AlertV2) -> bool:
        if self.kind is not None and alert.kind != self.kind:
            return False
        if self.min_confidence is not None and alert.confidence < self.min_confidence:
            return False
        if self.source is not None:
            wanted = self.source.casefold()
            if not any(c.source.casefold() == wanted for c in alert.claims):
                return False
        return True


def tail_alerts(
    settings: Settings,
    out: IO[str],
    err: IO[str] = sys.stderr,
    *,
    keep: AlertFilter = AlertFilter(),
    from_beginning: bool = False,
    max_alerts: int | None = None,
    timeout: float | None = None,
    fmt: str = "json",
) -> int:
    """Print matching alerts (JSON lines, or text or markdown: `streams.render`) until `max_alerts` printed
    or `timeout` seconds pass.

    Reads every partition of the alerts topic without a consumer group (no committed offsets).
    Returns the number printed.
    """
    from kafka import KafkaConsumer, TopicPartition
    from kafka.errors import KafkaError

    topic = settings.topic_alerts
    try:
        with quiet_library("kafka"):  # a failed bootstrap is reported below, in one line
            consumer = KafkaConsumer(
                bootstrap_servers=settings.bootstrap_servers,
                group_id=None,
                enable_auto_commit=False,
                client_id="claimwatch-tail",
                bootstrap_timeout_ms=int(min(timeout or 30.0, 30.0) * 1000),
                **kafka_python_options(settings),
            )
    except KafkaError as exc:
        raise no_broker(settings, exc) from exc
    printed = 0
    deadline = None if timeout is None else time.monotonic() + timeout
    try:
        require_topic(settings, topic, consumer=consumer)
        partitions = _wait_partitions(consumer, topic, deadline)
        tps = [TopicPartition(topic, p) for p in sorted(partitions)]
        consumer.assign(tps)
        if from_beginning:
            consumer.seek_to_beginning(*tps)
        else:
            consumer.seek_to_end(*tps)
            for tp in tps:  # resolve the end offsets now, so alerts published from here on are seen
                consumer.position(tp)
        while max_alerts is None or printed < max_alerts:
            left = None if deadline is None else deadline - time.monotonic()
            if left is not None and left <= 0:
                break
            batch = consumer.poll(timeout_ms=int(min(left if left is not None else 1.0, 1.0) * 1000))
            for records in batch.values():
                for record in records:
                    try:
                        alert = AlertV2.model_validate_json(record.value)
                    except ValidationError as exc:
                        print(
                            f"tail: skipping unreadable alert at {record.partition}@{record.offset}: "
                            f"{exc.errors()[0]['msg']}",
                            file=err,
                        )
                        continue
                    if keep(alert):
                        out.write(render(alert, fmt))
                        out.flush()
                        printed += 1
                        if max_alerts is not None and printed >= max_alerts:
                            break
                if max_alerts is not None and printed >= max_alerts:
                    break
    except KafkaError as exc:
        raise KafkaClientError(f"reading {topic!r} failed: {exc}") from exc
    finally:
        consumer.close()
    return printed


def _wait_partitions(consumer: object, topic: str, deadline: float | None) -> set[int]:
    while True:
        parts = consumer.partitions_for_topic(topic)  # type: ignore[attr-defined]
        if parts:
            return set(parts)
        if deadline is not None and time.monotonic() > deadline:
            raise KafkaClientError(f"topic {topic!r} not found; run `claimwatch topics create` first")
        time.sleep(0.5)
