"""The two faust agents, as thin adapters around the core (`streams.core.pipeline.Pipeline`).

extract agent   reads `articles` (raw bytes) -> read_article -> Pipeline.extract
                emits ClaimBatch JSON to `claims` keyed by claim key, or a DeadLetter to `articles.dlq`
detect agent    reads `claims` (ClaimBatch JSON) -> Pipeline.process over the claims table
                emits AlertV2 JSON (streams.alerting.to_v2) to `alerts` keyed by story_id, so that one
                story's alerts stay in order in one partition, and the retire batches of a revision
                (core.revisions) back to `claims`, keyed by the claim key they retire; counts the pairs
                it did not alert by reason (claimwatch_pairs_rejected_total)

Bad-message policy (both agents): a message that cannot be processed -- BadInput from the guard, or
any unexpected exception while processing it (reason `processing_error`) -- is counted, logged with
topic/partition/offset, dead-lettered with its reason and the original bytes, and skipped. The agent
never crashes on a message. Both agents run at concurrency 1 (faust can commit past an unfinished
message at higher concurrency, and the detect agent owns table state).

The handle_* functions hold the logic and know nothing of faust; the agents only read and send.
"""

from __future__ import annotations

import base64
import logging
import time
from collections import Counter
from collections.abc import Callable, Iterator, MutableMapping
from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from schemas import Alert, AlertV2, ClaimBatch, DeadLetter

from .alerting import to_v2
from .core.guard import read_article
from .core.pipeline import Pipeline
from .core.store import claims_count
from .exceptions import BadInput
from .metrics import Metrics
from .runtime import make_pipeline

log = logging.getLogger(__name__)

#: header of an alerts record naming the claim key it was detected under (the claims partition that
#: raised it; for operators and the end-to-end benchmark, not part of the alert's schema)
CLAIM_KEY_HEADER = "claimwatch-claim-key"
#: original bytes kept in a dead letter (base64 grows them by 4/3; stays under the 1 MB request size)
DLQ_MAX_PAYLOAD_BYTES = 512 * 1024


@dataclass(frozen=True)
class Source:
    """Where a message came from (for dead letters and logs)."""

    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key: bytes | None = None


@dataclass
class Outcome:
    """What one input message produces: messages to send, or a dead letter."""

    batches: list[ClaimBatch] = field(default_factory=list)
    alerts: list[Alert] = field(default_factory=list)
    dead_letter: DeadLetter | None = None
    forward: list[ClaimBatch] = field(default_factory=list)  # to the claims topic (a revision's retirements)


def dead_letter(
    value: bytes | None, src: Source, reason: str, detail: str, article_id: str | None = None
) -> DeadLetter:
    payload = bytes(value or b"")
    if article_id is None and src.key:
        try:
            article_id = src.key.decode("utf-8")[:256] or None
        except UnicodeDecodeError:
            article_id = None
    return DeadLetter(
        reason=reason,
        detail=detail[:2000],
        topic=src.topic,
        partition=src.partition,
        offset=src.offset,
        key_b64=base64.b64encode(src.key).decode("ascii") if src.key is not None else None,
        payload_b64=base64.b64encode(payload[:DLQ_MAX_PAYLOAD_BYTES]).decode("ascii"),
        payload_size=len(payload),
        article_id=article_id,
        failed_at=time.time(),
    )


def _fail(
    metrics: Metrics, value: bytes | None, src: Source, reason: str, detail: str, exc: BaseException
) -> Outcome:
    metrics.dead_letters.labels(reason=reason).inc()
    log.warning(
        "dead-lettering %s[%s]@%s: %s: %s",
        src.topic,
        src.partition,
        src.offset,
        reason,
        detail,
        exc_info=exc if reason == "processing_error" else None,
    )
    return Outcome(dead_letter=dead_letter(value, src, reason, detail))


def handle_article(
    value: bytes | None, src: Source, pipeline: Pipeline, metrics: Metrics, *, now: float | None = None
) -> Outcome:
    """One `articles` message -> claim batches, or a dead letter with the guard's reason."""
    metrics.articles_consumed.inc()
    ingested_at = time.time() if now is None else now
    started = time.perf_counter()
    try:
        article, unknown = read_article(value, pipeline.limits)
        if unknown:
            metrics.article_unknown_fields.inc(len(unknown))
        batches = pipeline.extract(article, ingested_at)
    except BadInput as exc:
        return _fail(metrics, value, src, exc.reason, exc.detail, exc)
    except Exception as exc:  # policy: never crash the agent on one message
        return _fail(metrics, value, src, "processing_error", f"{type(exc).__name__}: {exc}", exc)
    finally:
        metrics.stage_seconds.labels(stage="extract").observe(time.perf_counter() - started)
    for batch in batches:
        for claim in batch.claims:
            metrics.claims_extracted.labels(kind=claim.kind).inc()
    metrics.claim_batches.inc(len(batches))
    return Outcome(batches=batches)


def handle_batch(value: bytes | None, src: Source, pipeline: Pipeline, metrics: Metrics) -> Outcome:
    """One `claims` message -> alerts (and the table updated), or a dead letter."""
    started = time.perf_counter()
    rejected: Counter[str] = Counter()
    try:
        batch = ClaimBatch.model_validate_json(value or b"")
        done = pipeline.process(batch, rejected)
    except Exception as exc:  # a batch we wrote ourselves: version skew or a core bug, never fatal
        return _fail(metrics, value, src, "processing_error", f"{type(exc).__name__}: {exc}", exc)
    finally:
        metrics.stage_seconds.labels(stage="detect").observe(time.perf_counter() - started)
    metrics.batches_processed.inc()
    metrics.count_rejections(rejected)
    for late in done.late:
        metrics.late_claims.inc()
        log.warning(
            "late claim %s of article %s under key %s: %.1f h behind the key's newest claim (grace %.1f h): "
            "compared with what is stored, %s",
            late.claim_id,
            late.article_id,
            late.key,
            late.lateness_s / 3600,
            late.bound_s / 3600,
            "stored" if late.stored else "not stored (beyond the retention)",
        )
    if done.retired:
        what = "article %s revised: %d earlier claims retired under %s"
        log.info(what, batch.article_id, done.retired, batch.key)
    return Outcome(batches=[batch], alerts=done.alerts, forward=done.forward)


def published(alert: Alert, now: float | None = None) -> AlertV2:
    """The alerts topic's record of a detector alert, raised now."""
    at = datetime.fromtimestamp(time.time() if now is None else now, tz=timezone.utc)
    return to_v2(alert, at)


def alert_published(metrics: Metrics, alert: Alert, ingested_at: float, *, now: float | None = None) -> None:
    metrics.alerts_published.labels(kind=alert.kind, rule=alert.rule).inc()
    metrics.article_to_alert_seconds.observe(max(0.0, (time.time() if now is None else now) - ingested_at))


class CountingState(MutableMapping[str, Any]):
    """The claims table seen through a counter: keeps the claims-in-state gauge current without
    deserialising a value twice (only segment values hold claims, see core.store). Reads and writes go
    straight to the table."""

    def __init__(self, table: MutableMapping[str, Any], on_delta: Callable[[int], None]) -> None:
        self.table = table
        self._on_delta = on_delta
        self._seen: dict[str, int] = {}

    def __getitem__(self, key: str) -> Any:
        value = self.table[key]
        self._seen[key] = claims_count(value)
        return value

    def __contains__(self, key: object) -> bool:
        return key in self.table  # not Mapping's default: a table with a default never raises KeyError

    def __setitem__(self, key: str, value: Any) -> None:
        before = self._seen.pop(key, None)
        if before is None:
            before = claims_count(self.table.get(key))
        self.table[key] = value
        self._on_delta(claims_count(value) - before)

    def __delitem__(self, key: str) -> None:
        before = claims_count(self.table.get(key))
        del self.table[key]
        self._seen.pop(key, None)
        self._on_delta(-before)

    def __iter__(self) -> Iterator[str]:
        return iter(self.table)

    def __len__(self) -> int:
        return len(self.table)


def _source(event: Any) -> Source:
    msg = event.message
    return Source(topic=msg.topic, partition=msg.partition, offset=msg.offset, key=msg.key)


def register_agents(
    app: Any, topics: Any, table: MutableMapping[str, Any], settings: Any, metrics: Metrics
) -> dict:
    """Attach the extract and detect agents to `app`; returns {"extract": agent, "detect": agent}."""
    extractor = make_pipeline(settings)  # extraction never touches state
    detector = make_pipeline(settings, CountingState(table, metrics.claims_in_state.inc))

    async def send_dead_letter(src: Source, dl: DeadLetter) -> None:
        await topics.dlq.send(key=src.key, value=dl.model_dump_json().encode())

    @app.agent(topics.articles, name="claimwatch.extract", concurrency=1)
    async def extract(stream: Any) -> None:
        async for event in stream.events():
            src = _source(event)
            out = handle_article(event.value, src, extractor, metrics)
            if out.dead_letter is not None:
                await send_dead_letter(src, out.dead_letter)
            for batch in out.batches:
                await topics.claims.send(key=batch.key.encode(), value=batch.model_dump_json().encode())

    @app.agent(topics.claims, name="claimwatch.detect", concurrency=1)
    async def detect(stream: Any) -> None:
        async for event in stream.events():
            src = _source(event)
            out = handle_batch(event.value, src, detector, metrics)
            if out.dead_letter is not None:
                await send_dead_letter(src, out.dead_letter)
            for batch in out.forward:
                await topics.claims.send(key=batch.key.encode(), value=batch.model_dump_json().encode())
            for alert in out.alerts:
                record = published(alert)
                await topics.alerts.send(
                    key=record.story_id.encode(),
                    value=record.model_dump_json().encode(),
                    headers=[(CLAIM_KEY_HEADER, alert.key.encode())],
                )
                alert_published(metrics, alert, out.batches[0].ingested_at)

    return {"extract": extract, "detect": detect, "extractor": extractor, "detector": detector}
