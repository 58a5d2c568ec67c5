"""Every Kafka topic of claimwatch, declared once, with explicit partition counts and configs.

Topics (names from Settings):
- articles      raw article JSON bytes, keyed by article id (input); max.message.bytes follows the guard's
                CLAIMWATCH_MAX_MESSAGE_BYTES (plus batch overhead), above the broker's ~1 MiB default
- claims        ClaimBatch JSON, keyed by claim key; co-partitioned with the claims table
- alerts        AlertV2 JSON, keyed by story_id (output)
- articles.dlq  DeadLetter JSON, keyed like the original message
- alerts.feedback  Feedback JSON (analysts' verdicts, claimwatch desk), keyed by alert_id; compacted
- <app_id>-claims_by_key-changelog   the claims table's changelog: compacted, same partitions as claims

All topics are created explicitly before a worker starts (`create_topics`): a test broker disables
auto-creation, and a broker that auto-creates would make 1-partition topics that crash the table
(`PartitionsMismatch`). Values travel as raw bytes (pydantic JSON), never as faust Records.
"""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .exceptions import ClaimwatchError
from .security import kafka_python_options
from .settings import Settings

if TYPE_CHECKING:  # pragma: no cover - typing only
    import faust

log = logging.getLogger(__name__)

#: the claims table's name; its changelog topic is "<app_id>-<TABLE_NAME>-changelog"
TABLE_NAME = "claims_by_key"


def changelog_topic_name(settings: Settings) -> str:
    return f"{settings.app_id}-{TABLE_NAME}-changelog"


#: room for the record batch and record headers around one message value of the guard's maximum size
BATCH_OVERHEAD_BYTES = 64 * 1024


def articles_max_message_bytes(settings: Settings) -> int:
    """The articles topic's max.message.bytes: the guard's message limit plus batch overhead."""
    return settings.max_message_bytes + BATCH_OVERHEAD_BYTES


@dataclass(frozen=True)
class TopicSpec:
    name: str
    partitions: int
    replication: int
    config: dict[str, str] = field(default_factory=dict)


def topic_specs(settings: Settings) -> list[TopicSpec]:
    """The stream topics, the feedback topic and the table changelog, all with `settings.partitions`
    partitions."""
    n, r = settings.partitions, settings.replication
    articles_config = {"max.message.bytes": str(articles_max_message_bytes(settings))}
    return [
        # the broker's default record-batch limit (message.max.bytes, ~1 MiB) would refuse articles the
        # guard accepts (CLAIMWATCH_MAX_MESSAGE_BYTES, default 2 MB): a larger article must reach the
        # worker and be dead-lettered as message_too_large, not fail in the producer
        TopicSpec(settings.topic_articles, n, r, articles_config),
        TopicSpec(settings.topic_claims, n, r),
        TopicSpec(settings.topic_alerts, n, r),
        TopicSpec(settings.topic_dlq, n, r),
        # compacted: the last verdict on an alert is the one that counts, and it is kept for good
        TopicSpec(settings.topic_feedback, n, r, {"cleanup.policy": "compact"}),
        # compacted: the table keeps the last value per claim key; deletion would empty partitions
        # and make recovery miss state (and can hang faust's recovery on an empty partition)
        TopicSpec(changelog_topic_name(settings), n, r, {"cleanup.policy": "compact"}),
    ]


@dataclass(frozen=True)
class Topics:
    """The faust topic objects of one app (raw bytes keys and values)."""

    articles: faust.TopicT
    claims: faust.TopicT
    alerts: faust.TopicT
    dlq: faust.TopicT


def declare_topics(app: faust.App, settings: Settings) -> Topics:
    """Declare the stream topics on a faust app (raw serializers, explicit partitions)."""

    def topic(name: str) -> faust.TopicT:
        return app.topic(
            name,
            key_type=bytes,
            value_type=bytes,
            key_serializer="raw",
            value_serializer="raw",
            partitions=settings.partitions,
            replicas=settings.replication,
        )

    return Topics(
        articles=topic(settings.topic_articles),
        claims=topic(settings.topic_claims),
        alerts=topic(settings.topic_alerts),
        dlq=topic(settings.topic_dlq),
    )


class TopicSetupError(ClaimwatchError):
    """Topics could not be created or do not match the expected partition counts."""


def create_topics(settings: Settings, *, timeout: float = 30.0) -> dict[str, str]:
    """Create every topic of `topic_specs` with kafka-python's admin client (idempotent).

    Returns {topic: "created" | "exists"} once every partition has a leader. An existing topic with
    another partition count raises TopicSetupError: the table and its source topic must be
    co-partitioned. Waits up to `timeout` for a broker that is still starting.
    """
    from kafka.admin import KafkaAdminClient
    from kafka.errors import KafkaError, TopicAlreadyExistsError, for_code

    specs = topic_specs(settings)
    try:
        admin = KafkaAdminClient(
            bootstrap_servers=settings.bootstrap_servers,
            client_id="claimwatch-admin",
            bootstrap_timeout_ms=int(timeout * 1000),
            **kafka_python_options(settings),
        )
    except KafkaError as exc:
        raise TopicSetupError(
            f"no Kafka broker reachable at {settings.broker} within {timeout:.0f} s ({exc}); "
            "check --broker / CLAIMWATCH_BROKER"
        ) from exc
    result: dict[str, str] = {}
    try:
        response = admin.create_topics(
            {
                s.name: {
                    "num_partitions": s.partitions,
                    "replication_factor": s.replication,
                    "configs": s.config,
                }
                for s in specs
            },
            timeout_ms=int(timeout * 1000),
            raise_errors=False,
        )
        for topic in response["topics"]:
            error = for_code(topic["error_code"])
            if error.errno == 0:
                result[topic["name"]] = "created"
            elif error is TopicAlreadyExistsError:
                result[topic["name"]] = "exists"
            else:
                why = topic.get("error_message") or ""
                raise TopicSetupError(f"creating topic {topic['name']!r} failed: {error.__name__} {why}")
        existing = {name for name, status in result.items() if status == "exists"}
        _wait_ready(admin, specs, existing, time.monotonic() + timeout)
    except KafkaError as exc:
        raise TopicSetupError(f"creating topics on {settings.broker} failed: {exc}") from exc
    finally:
        admin.close()
    return {s.name: result.get(s.name, "exists") for s in specs}


def _wait_ready(admin: Any, specs: list[TopicSpec], existing: set[str], deadline: float) -> None:
    """Until every topic is in metadata with its partitions led; a wrong partition count is fatal."""
    while True:
        described = {t["name"]: t for t in admin.describe_topics([s.name for s in specs])}
        pending = []
        for spec in specs:
            parts = (described.get(spec.name) or {}).get("partitions") or []
            if (
                parts
                and len(parts) != spec.partitions
                and (spec.name in existing or len(parts) > spec.partitions)
            ):
                raise TopicSetupError(
                    f"topic {spec.name!r} has {len(parts)} partitions, expected {spec.partitions}. "
                    "The claims "
                    "topic and the table changelog must have the same count: use --partitions matching the "
                    "existing topics, or delete and recreate them."
                )
            if len(parts) != spec.partitions or any(p.get("leader_id", -1) < 0 for p in parts):
                pending.append(spec.name)
        if not pending:
            return
        if time.monotonic() > deadline:
            raise TopicSetupError(f"topics not ready (no leader yet): {', '.join(pending)}")
        time.sleep(0.1)
