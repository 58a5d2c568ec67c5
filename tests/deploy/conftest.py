"""Fixtures and the end-of-session "deploy validators" summary of tests/deploy (see deploy_helpers)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import pytest
from deploy_helpers import Catalogue, build_catalogue

_REPORT = pytest.StashKey[dict[str, str]]()


def pytest_configure(config: pytest.Config) -> None:
    config.stash[_REPORT] = {}


def pytest_terminal_summary(terminalreporter: Any, exitstatus: int, config: pytest.Config) -> None:
    report = config.stash.get(_REPORT, {})
    if report:
        terminalreporter.write_sep("-", "deploy validators")
        for name in sorted(report):
            terminalreporter.write_line(f"{name}: {report[name]}")


@pytest.fixture
def tool_report(request: pytest.FixtureRequest) -> Callable[[str, str], None]:
    """`tool_report(check, what_ran)` adds a line to the session's "deploy validators" summary."""
    report = request.config.stash[_REPORT]

    def note(check: str, what: str) -> None:
        report[check] = what

    return note


@pytest.fixture(scope="session")
def metric_catalogue() -> Catalogue:
    catalogue = build_catalogue()
    assert catalogue.families, "streams.metrics.Metrics registered no metric"
    return catalogue


@pytest.fixture(scope="session")
def settings_defaults() -> Any:
    from streams.settings import Settings

    return Settings()


@pytest.fixture
def metrics_server() -> Iterator[Callable[..., Any]]:
    """`metrics_server(ready=..., live=...)` -> a started streams.metrics.MetricsServer on a free port."""
    from prometheus_client import CollectorRegistry

    from streams.metrics import Metrics, MetricsServer

    servers: list[Any] = []

    def start(**probes: Any) -> Any:
        server = MetricsServer(Metrics(CollectorRegistry()), "127.0.0.1", 0, **probes).start()
        servers.append(server)
        return server

    yield start
    for server in servers:
        server.stop()
