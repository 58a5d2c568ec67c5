"""A real single-node Kafka broker for integration tests, started by ``deploy/kafka/broker.sh``.

Reads nothing from the project: it shells out to the script (which fetches the Kafka jars once with
Maven, formats a KRaft storage directory and starts ``kafka.Kafka``) and gives back the bootstrap address.

    broker = start_broker(tmp_dir)          # raises BrokerError with the broker log tail
    create_topics(admin, ["articles"], 4)   # topics are never auto-created on this broker
    broker.stop(clean=True)
"""

from __future__ import annotations

import subprocess
import time
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

__all__ = [
    "BROKER_SH",
    "SASL_PASSWORD",
    "SASL_USER",
    "Broker",
    "BrokerError",
    "create_topics",
    "start_broker",
]

REPO_ROOT = Path(__file__).resolve().parents[2]
BROKER_SH = REPO_ROOT / "deploy" / "kafka" / "broker.sh"

# install (a cold Maven fetch) + format + start; the script itself gives up on the broker after 60 s
_START_TIMEOUT_S = 600.0
#: the SCRAM user broker.sh --sasl creates (its defaults)
SASL_USER = "claimwatch"
SASL_PASSWORD = "claimwatch-secret"
_STOP_TIMEOUT_S = 60.0


class BrokerError(RuntimeError):
    """The test broker could not be started, stopped, or made to hold the topics asked for."""


def _run(args: list[str], timeout: float) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(BROKER_SH), *args],
        capture_output=True,
        text=True,
        timeout=timeout,
        stdin=subprocess.DEVNULL,
        check=False,
    )


@dataclass(frozen=True)
class Broker:
    """A broker started by :func:`start_broker`; ``bootstrap`` is ``"127.0.0.1:PORT"``."""

    bootstrap: str
    dir: Path

    @property
    def sasl_bootstrap(self) -> str | None:
        """The SASL_PLAINTEXT (SCRAM) listener of a broker started with ``sasl=True``."""
        path = self.dir / "sasl_bootstrap"
        return path.read_text().strip() if path.is_file() else None

    @property
    def log_file(self) -> Path:
        return self.dir / "broker.log"

    def log_tail(self, lines: int = 40) -> str:
        try:
            text = self.log_file.read_text(errors="replace")
        except OSError:
            return f"(no {self.log_file})"
        return "\n".join(text.splitlines()[-lines:])

    def stop(self, clean: bool = False) -> None:
        """SIGTERM the broker (SIGKILL after 20 s); ``clean`` also removes its directory."""
        args = ["stop", "--dir", str(self.dir)] + (["--clean"] if clean else [])
        result = _run(args, timeout=_STOP_TIMEOUT_S)
        if result.returncode != 0:
            raise BrokerError(f"broker.sh stop failed (exit {result.returncode}):\n{result.stderr}")


def start_broker(workdir: Path, port: int | None = None, *, sasl: bool = False) -> Broker:
    """Start a broker whose files live in ``workdir``; returns once it serves clients. With ``sasl``, it
    also has a SASL_PLAINTEXT listener taking SCRAM (user and password: `SASL_USER`, `SASL_PASSWORD`).

    Raises :class:`BrokerError` carrying broker.sh's stderr (which ends with the broker log tail).
    """
    workdir = Path(workdir).resolve()
    args = ["start", "--dir", str(workdir)] + (["--port", str(port)] if port is not None else [])
    args += ["--sasl"] if sasl else []
    try:
        result = _run(args, timeout=_START_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        _run(["stop", "--dir", str(workdir)], timeout=_STOP_TIMEOUT_S)
        stderr = exc.stderr.decode(errors="replace") if isinstance(exc.stderr, bytes) else exc.stderr
        raise BrokerError(f"broker.sh start did not finish in {_START_TIMEOUT_S:.0f} s:\n{stderr}") from exc
    lines = result.stdout.split()
    if result.returncode != 0 or len(lines) != 1:
        raise BrokerError(
            f"broker.sh start failed (exit {result.returncode}, stdout {result.stdout!r}):\n{result.stderr}"
        )
    return Broker(bootstrap=lines[0], dir=workdir)


def create_topics(
    admin: object,
    names: Iterable[str],
    partitions: int,
    configs: Mapping[str, str] | None = None,
    timeout_s: float = 30.0,
) -> None:
    """Create ``names`` with ``partitions`` partitions each, then wait until every partition has a leader.

    ``admin`` is a ``kafka.admin.KafkaAdminClient``. A topic that already exists is accepted only if it
    has the same partition count (a table's source and changelog must agree, so a mismatch is an error).
    """
    import kafka.errors as errors  # kafka-python is a test dependency, imported where used

    names = list(names)
    if not names:
        return
    spec = {"num_partitions": partitions, "replication_factor": 1, "configs": dict(configs or {})}
    response = admin.create_topics(  # type: ignore[attr-defined]
        {name: spec for name in names}, timeout_ms=int(timeout_s * 1000), raise_errors=False
    )
    existing = set()
    for topic in response["topics"]:
        error = errors.for_code(topic["error_code"])
        if error is errors.TopicAlreadyExistsError:
            existing.add(topic["name"])
        elif error is not errors.NoError:
            message = topic.get("error_message") or ""
            raise BrokerError(f"creating topic {topic['name']!r} failed: {error.__name__} {message}")

    deadline = time.monotonic() + timeout_s
    while True:
        pending = {}
        try:
            described = {t["name"]: t for t in admin.describe_topics(names)}  # type: ignore[attr-defined]
        except errors.KafkaError as exc:  # metadata not propagated yet
            described = {}
            pending["*"] = repr(exc)
        for name in names:
            topic = described.get(name)
            parts = (topic or {}).get("partitions") or []
            if topic is None or topic.get("error_code", 0) != 0:
                pending[name] = "not in metadata yet"
            elif len(parts) != partitions and (name in existing or len(parts) > partitions):
                raise BrokerError(f"topic {name!r} exists with {len(parts)} partitions, not {partitions}")
            elif len(parts) < partitions:
                pending[name] = f"{len(parts)}/{partitions} partitions"
            elif any(p.get("error_code", 0) != 0 or p.get("leader_id", -1) < 0 for p in parts):
                pending[name] = "partition without leader"
        if not pending:
            return
        if time.monotonic() >= deadline:
            raise BrokerError(f"topics not ready after {timeout_s} s: {pending}")
        time.sleep(0.05)
