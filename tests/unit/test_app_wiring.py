"""The faust app's wiring: the fetch-wait override, topics/table co-partitioning, readiness."""

from __future__ import annotations

import threading
from types import SimpleNamespace

import pytest

from streams.app import FastFetchTransport, create_app, probe_ready, readiness
from streams.settings import load_settings
from streams.topics import changelog_topic_name, topic_specs


@pytest.fixture
async def app(tmp_path):
    settings = load_settings(
        {},
        store="memory",
        data_dir=str(tmp_path),
        app_id="wiring",
        partitions=3,
        fetch_max_wait_ms=37,
        broker="kafka://127.0.0.1:9",
    )
    app = create_app(settings)
    yield app
    consumer = getattr(app, "_consumer", None)
    loop = getattr(getattr(consumer, "_thread", None), "thread_loop", None)
    if loop is not None and not loop.is_running():
        loop.close()


async def test_fetch_max_wait_override_reaches_the_aiokafka_consumer(app) -> None:
    """faust hard-codes fetch_max_wait_ms=1500; the worker consumer must get settings.fetch_max_wait_ms."""
    assert isinstance(app.transport, FastFetchTransport)
    thread = app.consumer._thread
    aio = thread._create_worker_consumer(app.transport)  # what faust's consumer thread starts
    try:
        assert aio._fetch_max_wait_ms == 37
        # the rest of faust's configuration is untouched
        assert aio._group_id == "wiring"
        assert aio._enable_auto_commit is False
    finally:
        await aio.stop()  # never started: only releases the client


async def test_stock_faust_would_wait_1500_ms(app) -> None:
    """Guards the reason for the override: if faust stops hard-coding 1500, revisit streams.app."""
    from faust.transport.drivers.aiokafka import AIOKafkaConsumerThread

    aio = AIOKafkaConsumerThread._create_worker_consumer(app.consumer._thread, app.transport)
    try:
        assert aio._fetch_max_wait_ms == 1500
    finally:
        await aio.stop()


async def test_table_is_co_partitioned_with_claims_and_compacted(app) -> None:
    settings = app.claimwatch_settings
    table = app.claims_table
    assert table.partitions == settings.partitions == app.claimwatch_topics.claims.partitions
    changelog = table.changelog_topic
    assert changelog.get_topic_name() == changelog_topic_name(settings)
    assert changelog.compacting and changelog.partitions == settings.partitions
    specs = {s.name: s for s in topic_specs(settings)}
    assert specs[changelog_topic_name(settings)].config == {"cleanup.policy": "compact"}
    assert {s.partitions for s in specs.values()} == {3}
    assert set(specs) >= {"articles", "claims", "alerts", "articles.dlq"}


async def test_not_ready_before_start(app) -> None:
    assert readiness(app) == (False, "starting")
    assert probe_ready(app) == (False, "starting")


def test_http_probe_never_builds_faust_services_off_the_loop(tmp_path) -> None:
    """faust binds lazily-built services (table Recovery) to the loop current at first access; built
    from the HTTP thread they bind to a loop that never runs and the worker hangs at startup."""
    app = create_app(load_settings({}, store="memory", data_dir=str(tmp_path), app_id="probe"))
    answers = []
    thread = threading.Thread(target=lambda: answers.append(probe_ready(app)))
    thread.start()
    thread.join(5)
    assert answers == [(False, "starting")]
    assert app.tables._recovery is None, "the probe must not touch app.tables.recovery"


@pytest.mark.parametrize(
    ("flags", "expected"),
    [
        ({"rebalancing": True}, (False, "rebalancing")),
        ({"in_recovery": True}, (False, "recovering tables")),
        ({"completed": False}, (False, "waiting for partition assignment and table recovery")),
        ({"actives_ready": False}, (False, "recovering tables")),
        ({"should_stop": True}, (False, "stopping")),
        ({}, (True, "running")),
    ],
)
def test_readiness_follows_faust_state(flags: dict, expected: tuple) -> None:
    class Done:
        def __init__(self, done: bool) -> None:
            self.done = done

        def is_set(self) -> bool:
            return self.done

    fake = SimpleNamespace(
        started=True,
        should_stop=flags.get("should_stop", False),
        rebalancing=flags.get("rebalancing", False),
        in_recovery=flags.get("in_recovery", False),
        tables=SimpleNamespace(
            recovery=SimpleNamespace(completed=Done(flags.get("completed", True))),
            actives_ready=flags.get("actives_ready", True),
        ),
    )
    assert readiness(fake) == expected
