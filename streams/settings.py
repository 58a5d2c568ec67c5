"""One frozen Settings object, read from CLAIMWATCH_* environment variables and CLI flags.

Every field carries its meaning (`description`) and its allowed range (the constraints, rendered by
`allowed`); docs/CONFIG.md is generated from them (`claimwatch config --markdown`). Every field is
validated at start; a bad value raises ConfigError naming the variable or flag it came from.

Precedence: a flag given on the command line, then the environment variable, then the default. An
environment variable set to the empty string counts as unset.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from typing import Any, Literal, get_args, get_origin

from annotated_types import Ge, Gt, Le, Lt, MaxLen, MinLen
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator
from pydantic.fields import FieldInfo

from .exceptions import ConfigError

ENV_PREFIX = "CLAIMWATCH_"

#: Kafka's rule for topic names (legal characters, at most 249 of them)
TOPIC_PATTERN = r"^[A-Za-z0-9._-]{1,249}$"
_TOPIC = "a Kafka topic name: letters, digits, '.', '_', '-'; 1 to 249 characters"

#: name parts that mark a setting as secret: its value is masked wherever it is printed
SECRET_WORDS = frozenset(
    {"password", "passwd", "secret", "token", "sasl", "ssl", "credential", "credentials"}
)
SECRET_SUFFIXES = ("api_key", "private_key", "access_key")
MASK = "********"


def _topic(default: str, meaning: str) -> Any:
    return Field(
        default=default, pattern=TOPIC_PATTERN, description=meaning, json_schema_extra={"range": _TOPIC}
    )


class Settings(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    # transport
    broker: str = Field(
        default="kafka://127.0.0.1:9092",
        min_length=1,
        description="Kafka bootstrap servers, kafka://host:port; several separated by ',' or ';'.",
        json_schema_extra={"range": "one or more host:port (kafka:// optional), port from 1 to 65535"},
    )
    security_protocol: Literal["PLAINTEXT", "SSL", "SASL_PLAINTEXT", "SASL_SSL"] = Field(
        default="PLAINTEXT",
        description=(
            "How every client (worker, send, tail, topics) talks to the brokers: PLAINTEXT, SSL (TLS), "
            "SASL_PLAINTEXT (SASL login, no TLS) or SASL_SSL (SASL login over TLS)."
        ),
    )
    sasl_mechanism: Literal["PLAIN", "SCRAM-SHA-256", "SCRAM-SHA-512"] = Field(
        default="SCRAM-SHA-512",
        description="SASL mechanism, with security_protocol SASL_PLAINTEXT or SASL_SSL.",
        json_schema_extra={"secret": False},
    )
    sasl_username: str = Field(
        default="",
        pattern=r"^[^\x00-\x1f]{0,256}$",
        description="SASL user name (required with SASL_PLAINTEXT and SASL_SSL).",
        json_schema_extra={"secret": False, "range": "text without control characters, at most 256"},
    )
    sasl_password: str = Field(
        default="",
        pattern=r"^[^\x00-\x1f]{0,1024}$",
        description=(
            "SASL password (required with SASL_PLAINTEXT and SASL_SSL). Environment only: never a flag, "
            "so it stays out of process listings; masked wherever settings are printed."
        ),
        json_schema_extra={"secret": True, "range": "text without control characters, at most 1024"},
    )
    ssl_cafile: str = Field(
        default="",
        pattern=r"^[^\x00]*$",
        description=(
            "PEM file of the certificate authorities that sign the brokers' certificates, with SSL or "
            "SASL_SSL; empty: the system's default trust store."
        ),
        json_schema_extra={"secret": False, "range": "a readable file path, or empty"},
    )
    ssl_certfile: str = Field(
        default="",
        pattern=r"^[^\x00]*$",
        description="PEM client certificate, with SSL or SASL_SSL when the brokers require one (mutual TLS).",
        json_schema_extra={"secret": False, "range": "a readable file path, or empty"},
    )
    ssl_keyfile: str = Field(
        default="",
        pattern=r"^[^\x00]*$",
        description="PEM private key of ssl_certfile (unencrypted).",
        json_schema_extra={"secret": False, "range": "a readable file path, or empty"},
    )
    app_id: str = Field(
        default="claimwatch",
        pattern=r"^[A-Za-z0-9._-]{1,200}$",
        description=(
            "Application id: the consumer group of the workers and the prefix of the claims table's "
            "changelog topic. Workers with the same id share the partitions; a new id starts from nothing."
        ),
        json_schema_extra={"range": "letters, digits, '.', '_', '-'; 1 to 200 characters"},
    )
    topic_articles: str = _topic(
        "articles", "Input topic: one JSON article per message, keyed by article id."
    )
    topic_claims: str = _topic(
        "claims", "Internal topic between the extract and detect agents, keyed by claim key."
    )
    topic_alerts: str = _topic(
        "alerts", "Output topic: one JSON alert (v2) per contradiction, keyed by story id."
    )
    topic_dlq: str = _topic(
        "articles.dlq", "Dead-letter topic: bad input with its reason and original bytes."
    )
    topic_feedback: str = _topic(
        "alerts.feedback",
        "Analysts' verdicts on alerts (claimwatch desk), keyed by alert id; compacted, the last one counts.",
    )
    partitions: int = Field(
        default=4,
        ge=1,
        le=1024,
        description=(
            "Partitions of every topic and of the claims table, used when the topics are created: the most "
            "workers that can share the work. Cannot change under a running application (README, Scaling)."
        ),
    )
    replication: int = Field(
        default=1,
        ge=1,
        le=16,
        description="Replication factor of the topics claimwatch creates; at most the number of brokers.",
    )
    standby_replicas: int = Field(
        default=0,
        ge=0,
        le=8,
        description=(
            "Standby copies of the claims table kept by other workers, for faster failover than a "
            "restore from the changelog."
        ),
    )
    data_dir: str = Field(
        default="./var/claimwatch",
        pattern=r"^[^\x00]+$",
        json_schema_extra={"range": "a directory path (created if missing)"},
        description="Directory of the worker's table state (RocksDB); one per worker.",
    )
    store: Literal["rocksdb", "memory"] = Field(
        default="rocksdb",
        description="Table store: rocksdb on disk, or memory (rebuilt from the changelog at every start).",
    )
    fetch_max_wait_ms: int = Field(
        default=50,
        ge=1,
        le=10_000,
        description=(
            "Longest time the consumer waits for new messages before a fetch returns, in ms: "
            "lower is lower latency on a quiet stream, higher is fewer requests."
        ),
    )
    session_timeout_ms: int = Field(
        default=60_000,
        ge=1_000,
        le=90_000,
        description=(
            "Consumer group session timeout, in ms: how long the group waits for a worker that stopped "
            "heartbeating (killed, partitioned) before its partitions move to the others. The broker only "
            "accepts values between its group.min.session.timeout.ms (6 s by default) and "
            "group.max.session.timeout.ms; faust's request timeout (90 s) caps it."
        ),
    )
    group_instance_id: str = Field(
        default="auto",
        pattern=r"^[A-Za-z0-9._-]{1,249}$",
        json_schema_extra={"range": "auto, none, or letters, digits, '.', '_', '-' (1 to 249 characters)"},
        description=(
            "Static consumer group membership (Kafka's group.instance.id): a worker restarted after a crash "
            "gets its partitions back at once instead of after the session timeout. auto: from the app id, "
            "host name and data directory (and web port with the memory store); none: dynamic membership; "
            "else the id itself, one per worker."
        ),
    )
    # limits per article (work bounds)
    max_message_bytes: int = Field(
        default=2_000_000,
        ge=1_000,
        description=(
            "Largest article message accepted, in bytes; larger ones are dead-lettered "
            "(message_too_large). The articles topic is created to accept a little more than this."
        ),
    )
    max_text_chars: int = Field(
        default=200_000,
        ge=100,
        description="Longest article text, in characters; longer ones are dead-lettered (text_too_large).",
    )
    max_sentences: int = Field(
        default=2_000, ge=1, description="Sentences of one article read for claims; the rest are not read."
    )
    max_sentence_chars: int = Field(
        default=2_000,
        ge=50,
        description="Longest sentence read for claims, in characters; longer ones are skipped.",
    )
    max_claims_per_article: int = Field(
        default=400, ge=1, description="Claims kept from one article; the rest are dropped."
    )
    unknown_fields: Literal["ignore", "reject"] = Field(
        default="ignore",
        description=(
            "An article field that is not in the schema (e.g. author): ignore it and process the article "
            "(counted in claimwatch_article_unknown_fields_total), or reject the article to the "
            "dead-letter topic (reason unknown_fields)."
        ),
    )
    # state bounds
    history_per_key: int = Field(
        default=300,
        ge=1,
        le=100_000,
        description="Claims kept per claim key in the claims table; the oldest drop out beyond it.",
    )
    history_days: float = Field(
        default=400.0,
        gt=0,
        description=(
            "Comparison window, in days of publication time: a claim meets the claims of its key published "
            "at most this long before or after it, whatever order they arrive in (a final toll: months on)."
        ),
    )
    lateness_days: float = Field(
        default=1095.0,
        ge=0,
        description=(
            "Grace period, in days of publication time: a claim that arrives at most this far behind the "
            "newest claim of its key meets every claim of its window; a later one is compared with what "
            "is left, counted (claimwatch_late_claims_total) and logged. A key keeps claims for "
            "history_days plus this; raise it to the span a backfill covers."
        ),
    )
    # service
    web_host: str = Field(
        default="127.0.0.1",
        pattern=r"^[A-Za-z0-9.:_-]{1,255}$",
        json_schema_extra={"range": "a host name or IP address"},
        description="Bind address of the worker's HTTP servers (faust web and metrics); 0.0.0.0 for all.",
    )
    web_port: int = Field(
        default=6066, ge=0, le=65535, description="Port of faust's web server; 0 = any free."
    )
    metrics_port: int = Field(
        default=9108,
        ge=0,
        le=65535,
        description="Port of Prometheus /metrics, /healthz and /readyz; 0 = any free.",
    )
    desk_host: str = Field(
        default="127.0.0.1",
        pattern=r"^[A-Za-z0-9.:_-]{1,255}$",
        json_schema_extra={"range": "a host name or IP address"},
        description=(
            "Bind address of the review page (claimwatch desk). Any address other than the loopback "
            "needs CLAIMWATCH_DESK_TOKEN."
        ),
    )
    desk_port: int = Field(
        default=8089, ge=0, le=65535, description="Port of the review page (claimwatch desk); 0 = any free."
    )
    desk_token: str = Field(
        default="",
        pattern=r"^[\x21-\x7e]{0,200}$",
        json_schema_extra={"range": "empty, or 16 to 200 printable characters without spaces"},
        description=(
            "Access token of the review page: requests must carry it (?token=, then a cookie, or an "
            "Authorization: Bearer header). Required when desk_host is not a loopback address."
        ),
    )
    log_level: Literal["crit", "error", "warn", "info", "debug"] = Field(
        default="info", description="Lowest level of the worker's log lines."
    )
    log_format: Literal["text", "json"] = Field(
        default="text",
        description="Every log line on stderr as text, or as one JSON object per line, from the first line.",
    )
    library_log_level: Literal["crit", "error", "warn", "info", "debug"] = Field(
        default="warn",
        description=(
            "Lowest level of the log lines of kafka-python, aiokafka, faust, mode and aiohttp "
            "(their INFO lines are connection noise)."
        ),
    )

    @field_validator("broker")
    @classmethod
    def _servers(cls, v: str) -> str:
        servers = _split_servers(v)
        if not servers:
            raise ValueError("names no server")
        for hp in servers:
            hp = hp.rsplit("@", 1)[-1]
            m = _HOST_PORT.match(hp)
            if not m or not 1 <= int(m.group("port")) <= 65535:
                raise ValueError(f"{hp!r} is not host:port")
        return v

    @field_validator("desk_token")
    @classmethod
    def _token_length(cls, v: str) -> str:
        if v and len(v) < 16:
            raise ValueError("a token shorter than 16 characters is too easy to guess")
        return v

    @field_validator("ssl_cafile", "ssl_certfile", "ssl_keyfile")
    @classmethod
    def _readable(cls, v: str) -> str:
        if v and not os.path.isfile(v):
            raise ValueError(f"{v!r} is no readable file")
        return v

    @property
    def bootstrap_servers(self) -> list[str]:
        return _split_servers(self.broker)


_HOST_PORT = re.compile(r"^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]):(?P<port>[0-9]{1,5})$")


def _split_servers(broker: str) -> list[str]:
    out = []
    for part in broker.split(";"):
        for hp in part.split(","):
            hp = hp.strip()
            if hp.startswith("kafka://"):
                hp = hp[len("kafka://") :]
            if hp:
                out.append(hp)
    return out


def env_var(name: str) -> str:
    return ENV_PREFIX + name.upper()


def allowed(field: FieldInfo) -> str:
    """The allowed values of a field, in words, from its constraints."""
    extra = field.json_schema_extra if isinstance(field.json_schema_extra, dict) else {}
    if "range" in extra:
        return str(extra["range"])
    if get_origin(field.annotation) is Literal:
        return "one of " + ", ".join(str(a) for a in get_args(field.annotation))
    kind = {int: "an integer", float: "a number", str: "text"}.get(field.annotation, "a value")  # type: ignore[arg-type]
    low: tuple[str, Any] | None = None
    high: tuple[str, Any] | None = None
    parts = []
    for m in field.metadata:
        if isinstance(m, Ge):
            low = ("≥", m.ge)
        elif isinstance(m, Gt):
            low = (">", m.gt)
        elif isinstance(m, Le):
            high = ("≤", m.le)
        elif isinstance(m, Lt):
            high = ("<", m.lt)
        elif isinstance(m, MinLen):
            if m.min_length == 1 and field.annotation is str:
                kind = "non-empty text"
            else:
                parts.append(f"at least {m.min_length} characters")
        elif isinstance(m, MaxLen):
            parts.append(f"at most {m.max_length} characters")
    if low and high and low[0] == "≥" and high[0] == "≤":
        parts.append(f"from {low[1]} to {high[1]}")
    else:
        parts.extend(f"{b[0]} {b[1]}" for b in (low, high) if b)
    return kind + (" " + ", ".join(parts) if parts else "")


def is_secret(name: str) -> bool:
    """Whether a setting's value must never be printed: its name says password, token, sasl, ssl, ..."""
    field = Settings.model_fields.get(name)
    extra = field.json_schema_extra if field is not None and isinstance(field.json_schema_extra, dict) else {}
    if "secret" in extra:
        return bool(extra["secret"])
    return bool(SECRET_WORDS & set(name.lower().split("_"))) or name.lower().endswith(SECRET_SUFFIXES)


_URL_PASSWORD = re.compile(r"(?P<head>[A-Za-z][A-Za-z0-9+.-]*://[^:/@\s]+:)[^@\s]+@")


def masked(name: str, value: Any) -> Any:
    """A value fit to print: secrets replaced by a mask, a password inside a URL too."""
    if value is None or value == "":
        return value
    if is_secret(name):
        return MASK
    if isinstance(value, str):
        return _URL_PASSWORD.sub(lambda m: m.group("head") + MASK + "@", value)
    return value


def load_sourced(
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, Any] | None = None,
    flags: Mapping[str, str] | None = None,
) -> tuple[Settings, dict[str, str]]:
    """Settings from CLAIMWATCH_<FIELD> variables, then `overrides` (CLI flags), with the source of each
    field: "flag", "env" or "default". `flags` maps a field to the option that sets it on the command at
    hand; an invalid value's message names where it came from, and that option when there is one."""
    env = os.environ if env is None else env
    values: dict[str, Any] = {}
    sources = {name: "default" for name in Settings.model_fields}
    for name in Settings.model_fields:
        var = env_var(name)
        if var in env and env[var] != "":
            values[name] = env[var]
            sources[name] = "env"
    for name, value in (overrides or {}).items():
        if value is not None:
            values[name] = value
            sources[name] = "flag"
    try:
        return Settings(**values), sources
    except ValidationError as exc:
        problems = []
        for err in exc.errors():
            name = str(err["loc"][0]) if err["loc"] else ""
            field = Settings.model_fields.get(name)
            if field is None:
                problems.append(f"{name or '?'}: {err['msg']}")
                continue
            flag = (flags or {}).get(name)
            shown = masked(name, values.get(name))
            if sources.get(name) == "flag" and flag:
                where = f"{flag} {shown}"
            else:
                where = f"{env_var(name)}={shown}" + (f" (or {flag})" if flag else "")
            problems.append(f"{where}: must be {allowed(field)} ({err['msg']})")
        raise ConfigError("invalid configuration: " + "; ".join(problems)) from exc


def load_settings(env: Mapping[str, str] | None = None, **overrides: Any) -> Settings:
    """Build Settings from CLAIMWATCH_<FIELD> variables, then explicit overrides (CLI flags)."""
    return load_sourced(env, overrides)[0]
