"""Fixtures for tests against a real Kafka broker (tier: integration).

``kafka_bootstrap`` uses ``$CLAIMWATCH_TEST_BOOTSTRAP`` when set (a broker someone else runs, with its
SASL/SCRAM listener in ``$CLAIMWATCH_TEST_SASL_BOOTSTRAP``), else starts one with ``deploy/kafka/broker.sh
start --sasl`` for the whole session (``kafka_broker`` has both listeners). It never skips: a broker that
cannot start fails every test that needs it, with the broker log tail in the message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

try:  # tests/integration as a package (with __init__.py) or as a plain directory (pytest's prepend mode)
    from .broker import SASL_PASSWORD, SASL_USER, BrokerError, start_broker
    from .workerproc import Names, WorkerProc
except ImportError:
    from broker import SASL_PASSWORD, SASL_USER, BrokerError, start_broker  # type: ignore[no-redef]
    from workerproc import Names, WorkerProc  # type: ignore[no-redef]


def pytest_configure(config: pytest.Config) -> None:
    # also declared in pyproject.toml; repeated so the tests run with another config (-c) too
    config.addinivalue_line(
        "markers",
        "kafka: needs the real Kafka broker started by deploy/kafka/broker.sh (never skipped in CI)",
    )


@dataclass(frozen=True)
class KafkaEndpoints:
    """Where the tests' broker answers: PLAINTEXT, and SASL_PLAINTEXT with SCRAM (user, password)."""

    bootstrap: str
    sasl_bootstrap: str
    sasl_user: str = SASL_USER
    sasl_password: str = SASL_PASSWORD


@pytest.fixture(scope="session")
def kafka_broker(tmp_path_factory: pytest.TempPathFactory) -> Iterator[KafkaEndpoints]:
    external = os.environ.get("CLAIMWATCH_TEST_BOOTSTRAP", "").strip()
    if external:
        sasl = os.environ.get("CLAIMWATCH_TEST_SASL_BOOTSTRAP", "").strip()
        if not sasl:
            pytest.fail(
                "CLAIMWATCH_TEST_BOOTSTRAP is set without CLAIMWATCH_TEST_SASL_BOOTSTRAP: the SASL/SCRAM "
                "tests need that broker's SASL_PLAINTEXT listener (deploy/kafka/broker.sh start --sasl)",
                pytrace=False,
            )
        yield KafkaEndpoints(external, sasl)
        return
    try:
        broker = start_broker(tmp_path_factory.mktemp("kafka"), sasl=True)
    except BrokerError as exc:
        error = str(exc)
    else:
        error = "" if broker.sasl_bootstrap else f"no SASL listener in {broker.dir}"
    if error:  # failed outside the except block, so the report shows the broker's words once
        pytest.fail(f"could not start the test Kafka broker:\n{error}", pytrace=False)
    try:
        yield KafkaEndpoints(broker.bootstrap, str(broker.sasl_bootstrap))
    finally:
        broker.stop(clean=True)


@pytest.fixture(scope="session")
def kafka_bootstrap(kafka_broker: KafkaEndpoints) -> str:
    return kafka_broker.bootstrap


@pytest.fixture(scope="session")
def kafka_admin(kafka_bootstrap: str) -> Iterator[object]:
    from kafka.admin import KafkaAdminClient

    admin = KafkaAdminClient(bootstrap_servers=kafka_bootstrap, client_id="claimwatch-tests")
    try:
        yield admin
    finally:
        admin.close()


@pytest.fixture
def names() -> Names:
    """A unique app id and topic names for one test."""
    return Names()


@pytest.fixture
def worker(kafka_bootstrap: str, names: Names, tmp_path: Path) -> Iterator[WorkerProc]:
    """One `claimwatch worker` subprocess, ready, stopped (SIGTERM, deadline, SIGKILL) at the end."""
    proc = WorkerProc(kafka_bootstrap, names, tmp_path / "data", tmp_path / "worker.log").start()
    try:
        proc.wait_ready()
        yield proc
    finally:
        proc.stop()
