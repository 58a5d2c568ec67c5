"""Fixtures for tests against a real Kafka broker (tier: integration).

``kafka_bootstrap`` uses ``$CLAIMWATCH_TEST_BOOTSTRAP`` when set (a broker someone else runs), else starts
one with ``deploy/kafka/broker.sh`` for the whole session. It never skips: a broker that cannot start
fails every test that needs it, with the broker log tail in the message.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

try:  # tests/integration as a package (with __init__.py) or as a plain directory (pytest's prepend mode)
    from .broker import BrokerError, start_broker
    from .workerproc import Names, WorkerProc
except ImportError:
    from broker import BrokerError, start_broker  # type: ignore[no-redef]
    from workerproc import Names, WorkerProc  # type: ignore[no-redef]


def pytest_configure(config: pytest.Config) -> None:
    # also declared in pyproject.toml; repeated so the tests run with another config (-c) too
    config.addinivalue_line(
        "markers",
        "kafka: needs the real Kafka broker started by deploy/kafka/broker.sh (never skipped in CI)",
    )


@pytest.fixture(scope="session")
def kafka_bootstrap(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    external = os.environ.get("CLAIMWATCH_TEST_BOOTSTRAP", "").strip()
    if external:
        yield external
        return
    try:
        broker = start_broker(tmp_path_factory.mktemp("kafka"))
    except BrokerError as exc:
        error = str(exc)
    else:
        error = ""
    if error:  # failed outside the except block, so the report shows the broker's words once
        pytest.fail(f"could not start the test Kafka broker:\n{error}", pytrace=False)
    try:
        yield broker.bootstrap
    finally:
        broker.stop(clean=True)


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
