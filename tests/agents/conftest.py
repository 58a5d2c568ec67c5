"""Fixtures for agent tests: a faust app with the memory store, whose topic sends are recorded.

Faust has no in-memory broker; `agent.test_context()` feeds events to an agent without one, and the
agents' `topic.send` calls are replaced by a recorder (the only thing faked: the messages themselves,
their keys and values, are asserted on).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

from streams.app import create_app
from streams.metrics import Metrics
from streams.settings import load_settings

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "seeds"


@dataclass
class Sent:
    """Messages the agents sent, per topic name: [(key, value bytes)]."""

    by_topic: dict[str, list[tuple[bytes | None, bytes]]] = field(default_factory=dict)

    def __call__(self, topic: str) -> list[tuple[bytes | None, bytes]]:
        return self.by_topic.get(topic, [])

    def json(self, topic: str) -> list[dict[str, Any]]:
        return [json.loads(v) for _, v in self(topic)]


@pytest.fixture
def seed_bytes() -> bytes:
    return (SEEDS / "kursk-article.jsonl").read_bytes().strip()


@pytest.fixture
async def agent_app(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    settings = load_settings({}, store="memory", data_dir=str(tmp_path), app_id="agents-test", partitions=2)
    app = create_app(settings, Metrics())
    sent = Sent()
    for topic in (app.claimwatch_topics.claims, app.claimwatch_topics.alerts, app.claimwatch_topics.dlq):
        name = topic.get_topic_name()

        async def record(
            key: bytes | None = None, value: bytes | None = None, *, _name: str = name, **_: Any
        ) -> None:
            assert isinstance(value, bytes), "agents send raw bytes"
            sent.by_topic.setdefault(_name, []).append((key, value))

        monkeypatch.setattr(topic, "send", record)
    app.sent = sent
    yield app
    # iterating a stream builds app.consumer, whose (never started) thread owns a fresh event loop
    consumer = getattr(app, "_consumer", None)
    thread_loop = getattr(getattr(consumer, "_thread", None), "thread_loop", None)
    if thread_loop is not None and not thread_loop.is_running():
        thread_loop.close()
