"""One frozen Settings object, read from CLAIMWATCH_* environment variables and CLI flags.

Every field is validated at start; a bad value raises ConfigError naming the variable.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from .exceptions import ConfigError

ENV_PREFIX = "CLAIMWATCH_"


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # transport
    broker: str = Field(
        default="kafka://127.0.0.1:9092", description="Kafka bootstrap URL(s), kafka://host:port"
    )
    app_id: str = Field(default="claimwatch", min_length=1)
    topic_articles: str = "articles"
    topic_claims: str = "claims"
    topic_alerts: str = "alerts"
    topic_dlq: str = "articles.dlq"
    partitions: int = Field(default=4, ge=1, le=1024, description="partitions of claims topic and table")
    replication: int = Field(default=1, ge=1, le=16)
    standby_replicas: int = Field(default=0, ge=0, le=8)
    data_dir: str = Field(default="./var/claimwatch", description="worker table state (RocksDB)")
    store: Literal["rocksdb", "memory"] = "rocksdb"
    fetch_max_wait_ms: int = Field(default=50, ge=1, le=10_000)
    session_timeout_ms: int = Field(
        default=60_000,
        ge=1_000,
        le=90_000,
        description=(
            "consumer group session timeout: how long the group waits for a worker that stopped "
            "heartbeating (killed, partitioned) before its partitions move to the others. faust's "
            "default (60 s); the broker only accepts values between group.min.session.timeout.ms "
            "(6 s) and group.max.session.timeout.ms; at most faust's request timeout (90 s)"
        ),
    )
    # limits per article (work bounds)
    max_message_bytes: int = Field(default=2_000_000, ge=1_000)
    max_text_chars: int = Field(default=200_000, ge=100)
    max_sentences: int = Field(default=2_000, ge=1)
    max_sentence_chars: int = Field(default=2_000, ge=50)
    max_claims_per_article: int = Field(default=400, ge=1)
    # state bounds
    history_per_key: int = Field(default=300, ge=1, le=100_000, description="claims kept per claim key")
    history_days: float = Field(
        default=21.0, gt=0, description="claims older than this (event time) drop out"
    )
    # service
    web_host: str = "127.0.0.1"
    web_port: int = Field(default=6066, ge=0, le=65535)
    metrics_port: int = Field(
        default=9108, ge=0, le=65535, description="Prometheus /metrics, /healthz, /readyz"
    )
    log_level: Literal["crit", "error", "warn", "info", "debug"] = "info"
    log_format: Literal["text", "json"] = Field(
        default="text", description="every stderr line as text or as one JSON object (streams/logs.py)"
    )
    library_log_level: Literal["crit", "error", "warn", "info", "debug"] = Field(
        default="warn",
        description="level of kafka-python, aiokafka, faust, mode and aiohttp records (their INFO is noise)",
    )

    @property
    def bootstrap_servers(self) -> list[str]:
        out = []
        for part in self.broker.split(";"):
            for hp in part.split(","):
                hp = hp.strip()
                if hp.startswith("kafka://"):
                    hp = hp[len("kafka://") :]
                if hp:
                    out.append(hp)
        return out


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build Settings from CLAIMWATCH_<FIELD> variables, then explicit overrides (CLI flags)."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    for name in Settings.model_fields:
        var = ENV_PREFIX + name.upper()
        if var in env and env[var] != "":
            values[name] = env[var]
    values.update({k: v for k, v in overrides.items() if v is not None})
    try:
        return Settings(**values)
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            field = str(err["loc"][0]) if err["loc"] else "?"
            problems.append(f"{ENV_PREFIX}{field.upper()} (--{field.replace('_', '-')}): {err['msg']}")
        raise ConfigError("invalid configuration: " + "; ".join(problems)) from exc
