"""Settings that decide failover and input size reach faust/aiokafka and the topic specs."""

from __future__ import annotations

import pytest

from streams.app import create_app, heartbeat_interval
from streams.exceptions import ConfigError
from streams.settings import load_settings
from streams.topics import BATCH_OVERHEAD_BYTES, articles_max_message_bytes, topic_specs


@pytest.fixture
async def make_app(tmp_path):
    """create_app with overrides; closes each app's consumer-thread loop after (as test_app_wiring)."""
    apps = []

    def make(**overrides):
        settings = load_settings(
            {},
            store="memory",
            data_dir=str(tmp_path),
            app_id="failover",
            broker="kafka://127.0.0.1:9",
            **overrides,
        )
        apps.append(create_app(settings))
        return apps[-1]

    yield make
    for app in apps:
        consumer = getattr(app, "_consumer", None)
        loop = getattr(getattr(consumer, "_thread", None), "thread_loop", None)
        if loop is not None and not loop.is_running():
            loop.close()


async def _consumer_timeouts(app) -> tuple[int, int]:
    aio = app.consumer._thread._create_worker_consumer(app.transport)
    try:
        coordinator_args = (aio._session_timeout_ms, aio._heartbeat_interval_ms)
    finally:
        await aio.stop()  # never started: only releases the client
    return coordinator_args


async def test_default_session_timeout_is_fausts(make_app) -> None:
    app = make_app()
    assert app.conf.broker_session_timeout == 60.0
    assert await _consumer_timeouts(app) == (60_000, 3_000)


async def test_session_timeout_setting_reaches_the_aiokafka_consumer(make_app) -> None:
    app = make_app(session_timeout_ms=10_000)
    assert await _consumer_timeouts(app) == (10_000, 3_000)
    app = make_app(session_timeout_ms=6_000)
    assert await _consumer_timeouts(app) == (6_000, 2_000)  # heartbeats stay <= a third of it


def test_heartbeat_interval() -> None:
    assert heartbeat_interval(60_000) == 3.0
    assert heartbeat_interval(9_000) == 3.0
    assert heartbeat_interval(3_000) == 1.0


@pytest.mark.parametrize("value", ["999", "90001", "soon"])
def test_session_timeout_is_validated(value: str) -> None:
    with pytest.raises(ConfigError, match="CLAIMWATCH_SESSION_TIMEOUT_MS"):
        load_settings({"CLAIMWATCH_SESSION_TIMEOUT_MS": value})


def test_articles_topic_takes_the_largest_message_the_guard_accepts() -> None:
    settings = load_settings({"CLAIMWATCH_MAX_MESSAGE_BYTES": "3000000"})
    specs = {s.name: s for s in topic_specs(settings)}
    limit = int(specs[settings.topic_articles].config["max.message.bytes"])
    assert limit == articles_max_message_bytes(settings) == 3_000_000 + BATCH_OVERHEAD_BYTES
    # the other topics keep the broker's defaults (dead letters truncate the payload)
    assert all(
        "max.message.bytes" not in s.config for name, s in specs.items() if name != settings.topic_articles
    )
