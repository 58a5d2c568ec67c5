"""`claimwatch feedback-report`: what the analysts' verdicts say about the rules.

Reads the feedback topic from the beginning to its end offsets; the last verdict on each alert counts
(the topic is compacted on alert id, and a later verdict replaces an earlier one). Precision of a rule is
confirmed / (confirmed + dismissed): snoozed alerts are not judged yet. It is also given per confidence
band, the table a calibration of the rules' confidence is fitted on (docs/ALERTS.md).
"""

from __future__ import annotations

import json
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from pydantic import ValidationError

from schemas import DISMISS_REASONS, Feedback

from .clients import KafkaClientError, no_broker, require_topic
from .logs import quiet_library
from .security import kafka_python_options
from .settings import Settings

#: confidence bands of the calibration table: [low, high)
BANDS: tuple[tuple[float, float], ...] = ((0.0, 0.6), (0.6, 0.7), (0.7, 0.8), (0.8, 0.9), (0.9, 1.01))


@dataclass
class Tally:
    confirmed: int = 0
    dismissed: int = 0
    snoozed: int = 0

    def add(self, verdict: str) -> None:
        if verdict == "confirm":
            self.confirmed += 1
        elif verdict == "dismiss":
            self.dismissed += 1
        else:
            self.snoozed += 1

    @property
    def precision(self) -> float | None:
        judged = self.confirmed + self.dismissed
        return round(self.confirmed / judged, 3) if judged else None


@dataclass
class Report:
    verdicts: int = 0
    unreadable: int = 0
    overall: Tally = field(default_factory=Tally)
    rules: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    bands: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    reasons: Counter[str] = field(default_factory=Counter)
    reasons_by_rule: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


def band(confidence: float) -> str:
    for low, high in BANDS:
        if low <= confidence < high:
            return f"{low:.1f}-{min(high, 1.0):.1f}"
    return "?"


def tally(latest: Iterable[Feedback], unreadable: int = 0) -> Report:
    """The report over the last verdict of each alert."""
    rep = Report(unreadable=unreadable)
    for f in latest:
        rep.verdicts += 1
        rep.overall.add(f.verdict)
        rep.rules[f.rule].add(f.verdict)
        rep.bands[band(f.confidence)].add(f.verdict)
        if f.reason is not None:
            rep.reasons[f.reason] += 1
            rep.reasons_by_rule[f.rule][f.reason] += 1
    return rep


def last_verdicts(values: Iterable[bytes | None]) -> tuple[list[Feedback], int]:
    """The last readable verdict per alert id, in the order read; and how many records were unreadable
    (a tombstone, null, counts as neither)."""
    latest: dict[str, Feedback] = {}
    bad = 0
    for value in values:
        if value is None:
            continue
        try:
            f = Feedback.model_validate_json(value)
        except ValidationError:
            bad += 1
            continue
        latest.pop(f.alert_id, None)
        latest[f.alert_id] = f
    return list(latest.values()), bad


def read_feedback(settings: Settings, timeout: float = 30.0) -> Report:
    """Every record of the feedback topic up to its end offsets at the start of the read."""
    from kafka import KafkaConsumer, TopicPartition
    from kafka.errors import KafkaError

    topic = settings.topic_feedback
    try:
        with quiet_library("kafka"):
            consumer = KafkaConsumer(
                bootstrap_servers=settings.bootstrap_servers,
                group_id=None,
                enable_auto_commit=False,
                client_id="claimwatch-feedback-report",
                bootstrap_timeout_ms=int(timeout * 1000),
                **kafka_python_options(settings),
            )
    except KafkaError as exc:
        raise no_broker(settings, exc) from exc
    values: list[bytes | None] = []
    try:
        require_topic(settings, topic, timeout, consumer=consumer)
        tps = [TopicPartition(topic, p) for p in sorted(consumer.partitions_for_topic(topic) or ())]
        consumer.assign(tps)
        consumer.seek_to_beginning(*tps)
        ends = consumer.end_offsets(tps)
        while any(consumer.position(tp) < ends[tp] for tp in tps):
            for records in consumer.poll(timeout_ms=500).values():
                values.extend(r.value for r in records)
    except KafkaError as exc:
        raise KafkaClientError(f"reading {topic!r} failed: {exc}") from exc
    finally:
        consumer.close()
    return tally(*last_verdicts(values))


def _pct(p: float | None) -> str:
    return "-" if p is None else f"{p:.2f}"


def report(rep: Report, fmt: str = "text") -> str:
    if fmt == "json":
        doc = {
            "verdicts": rep.verdicts,
            "unreadable": rep.unreadable,
            "overall": {**rep.overall.__dict__, "precision": rep.overall.precision},
            "rules": {r: {**t.__dict__, "precision": t.precision} for r, t in sorted(rep.rules.items())},
            "confidence_bands": {
                b: {**t.__dict__, "precision": t.precision} for b, t in sorted(rep.bands.items())
            },
            "dismiss_reasons": dict(sorted(rep.reasons.items())),
            "dismiss_reasons_by_rule": {
                r: dict(sorted(c.items())) for r, c in sorted(rep.reasons_by_rule.items())
            },
        }
        return json.dumps(doc, indent=2) + "\n"
    o = rep.overall
    lines = [
        f"feedback-report: {rep.verdicts} alerts judged: {o.confirmed} confirmed, {o.dismissed} dismissed, "
        f"{o.snoozed} snoozed; precision {_pct(o.precision)}"
        + (f" ({rep.unreadable} unreadable records skipped)" if rep.unreadable else ""),
        "",
        f"{'rule':<28} {'confirmed':>9} {'dismissed':>9} {'snoozed':>7} {'precision':>9}",
    ]
    for name, t in sorted(rep.rules.items()):
        lines.append(f"{name:<28} {t.confirmed:>9} {t.dismissed:>9} {t.snoozed:>7} {_pct(t.precision):>9}")
    lines += ["", f"{'confidence':<28} {'confirmed':>9} {'dismissed':>9} {'snoozed':>7} {'precision':>9}"]
    for name, t in sorted(rep.bands.items()):
        lines.append(f"{name:<28} {t.confirmed:>9} {t.dismissed:>9} {t.snoozed:>7} {_pct(t.precision):>9}")
    lines += ["", "dismissed, by reason:"]
    dismissed = sum(rep.reasons.values())
    for code, words in DISMISS_REASONS.items():
        n = rep.reasons.get(code, 0)
        share = f"{n / dismissed:.0%}" if dismissed else "-"
        by_rule = ", ".join(f"{r} {c[code]}" for r, c in sorted(rep.reasons_by_rule.items()) if c.get(code))
        lines.append(f"  {words:<28} {n:>5} {share:>5}" + (f"  ({by_rule})" if by_rule else ""))
    return "\n".join(lines) + "\n"
