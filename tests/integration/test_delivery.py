"""End to end on the real broker: a stream of dev articles gives exactly the replay's alerts, and sending
the same articles again (a redelivery) adds no new alert id.

"Caught up" is read from the broker, not from the worker: the group's committed offsets on `articles`
and `claims` equal their end offsets (the faust group id is the app id).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

try:  # see conftest.py
    from .devstream import (
        DELIVERY,
        alert_ids,
        article_id,
        assert_duplicates_are_redeliveries,
        assert_order_independent,
        dev_articles,
        replay,
    )
    from .workerproc import CLAIMWATCH, Names, TopicReader, WorkerProc, end_offsets, send, wait_caught_up
except ImportError:
    from devstream import (  # type: ignore[no-redef]
        DELIVERY,
        alert_ids,
        article_id,
        assert_duplicates_are_redeliveries,
        assert_order_independent,
        dev_articles,
        replay,
    )
    from workerproc import (  # type: ignore[no-redef]
        CLAIMWATCH,
        Names,
        TopicReader,
        WorkerProc,
        end_offsets,
        send,
        wait_caught_up,
    )

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(240)]


def test_stream_gives_exactly_the_replayed_alerts_and_a_resend_adds_none(
    kafka_bootstrap: str, names: Names, worker: WorkerProc, tmp_path: Path
) -> None:
    articles = dev_articles(DELIVERY)
    assert 10 <= len(articles) <= 15
    expected = {a.alert_id for a in replay(articles)}
    assert len(expected) >= 5, "precondition: the chosen scenarios give alerts"
    assert assert_order_independent(articles) == expected

    # first pass: through the CLI producer, as an operator would (key = article id)
    jsonl = tmp_path / "stream.jsonl"  # a temporary copy outside the repository
    jsonl.write_bytes(b"\n".join(articles) + b"\n")
    sent = subprocess.run(
        [str(CLAIMWATCH), "send", str(jsonl)],
        env=names.env(kafka_bootstrap),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert sent.returncode == 0, sent.stderr.decode()

    group, inputs = names.app_id, [names.articles, names.claims]
    with TopicReader(kafka_bootstrap, names.alerts) as alerts:
        alerts.poll_until(lambda rs: expected <= alert_ids(rs), timeout=90, what="the expected alerts")
        ends = wait_caught_up(kafka_bootstrap, group, inputs, timeout=60, log_tail=worker.log_tail())
        assert sum(ends[names.articles].values()) == len(articles)
        first = alerts.drain()
        assert alert_ids(first) == expected, worker.log_tail()
        copies = assert_duplicates_are_redeliveries(first)
        assert set(copies.values()) == {1}, f"one pass, one alert each: {copies}"

        # second pass: the same articles again, through kafka-python this time (same keys)
        send(
            kafka_bootstrap,
            names.articles,
            articles,
            keys=[article_id(raw).encode() for raw in articles],
        )
        ends = wait_caught_up(kafka_bootstrap, group, inputs, timeout=60, log_tail=worker.log_tail())
        assert sum(ends[names.articles].values()) == 2 * len(articles)
        both = alerts.drain()
        assert alert_ids(both) == expected, f"new alert ids after a resend: {alert_ids(both) - expected}"
        copies = assert_duplicates_are_redeliveries(both)
        print(f"\nresend of {len(articles)} articles: {len(both) - len(first)} repeated alert records")

    assert end_offsets(kafka_bootstrap, names.dlq) == 0, "no valid article is dead-lettered"
    assert worker.sample("claimwatch_articles_consumed_total") == 2 * len(articles)
    assert worker.alive()
