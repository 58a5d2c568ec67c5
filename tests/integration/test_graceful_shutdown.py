"""Graceful shutdown (SIGTERM) in the middle of a stream, and a restart that finishes the job.

The worker is stopped while articles are still arriving, after some but not all of the expected alerts
appeared. It must exit cleanly within a deadline, having committed what it processed; a worker restarted
with the same app id and data directory then picks up from the committed offsets, and the alerts topic
ends with exactly the replay's alert ids (a duplicate is only ever a redelivery: same id, same claims).
"""

from __future__ import annotations

from pathlib import Path

import pytest

try:  # see conftest.py
    from .devstream import (
        SHUTDOWN,
        alert_ids,
        article_id,
        assert_duplicates_are_redeliveries,
        assert_order_independent,
        dev_articles,
        replay,
    )
    from .workerproc import (
        Names,
        PacedSender,
        TopicReader,
        WorkerProc,
        committed_offsets,
        send,
        wait_caught_up,
    )
except ImportError:
    from devstream import (  # type: ignore[no-redef]
        SHUTDOWN,
        alert_ids,
        article_id,
        assert_duplicates_are_redeliveries,
        assert_order_independent,
        dev_articles,
        replay,
    )
    from workerproc import (  # type: ignore[no-redef]
        Names,
        PacedSender,
        TopicReader,
        WorkerProc,
        committed_offsets,
        send,
        wait_caught_up,
    )

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(240)]

#: a SIGTERMed worker must be gone within this many seconds (faust finishes the current message,
#: commits, flushes tables; a worker stuck in wait_empty would blow it)
STOP_DEADLINE_S = 20.0


def test_sigterm_mid_stream_then_restart_gives_every_alert(kafka_bootstrap: str, tmp_path: Path) -> None:
    articles = dev_articles(SHUTDOWN)
    assert len(articles) >= 20
    keys = [article_id(raw).encode() for raw in articles]
    expected = {a.alert_id for a in replay(articles)}
    assert assert_order_independent(articles) == expected
    half = len(articles) // 2
    expected_first = {a.alert_id for a in replay(articles[:half])}
    assert expected_first and expected - expected_first, "precondition: alerts on both sides of the stop"

    names = Names()
    data_dir, log = tmp_path / "data", tmp_path / "worker.log"
    worker = WorkerProc(kafka_bootstrap, names, data_dir, log).start()
    sender = PacedSender(kafka_bootstrap, names.articles, articles[half:], keys[half:], interval=0.1)
    try:
        worker.wait_ready()
        with TopicReader(kafka_bootstrap, names.alerts) as alerts:
            send(kafka_bootstrap, names.articles, articles[:half], keys=keys[:half])
            alerts.poll_until(lambda rs: expected_first <= alert_ids(rs), timeout=60, what="first alerts")
            sender.start()
            sender.wait_sent(2)  # the stream is flowing
            code, took = worker.terminate(timeout=STOP_DEADLINE_S)
            print(f"\nSIGTERM -> exit {code} in {took:.2f} s, {sender.sent} of {len(articles) - half} sent")
            assert code == 0, f"no clean exit within {STOP_DEADLINE_S} s (code {code}):\n{worker.log_tail()}"
            alerts.poll(timeout_ms=500)
            at_stop = alert_ids(alerts.records)
            assert expected_first <= at_stop < expected, "precondition: stopped mid-stream"
            committed_at_stop = committed_offsets(kafka_bootstrap, names.app_id, names.articles)

            sender.join_checked()  # the rest arrived while no worker ran
            worker = WorkerProc(kafka_bootstrap, names, data_dir, log).start()
            worker.wait_ready()
            alerts.poll_until(lambda rs: expected <= alert_ids(rs), timeout=90, what="every expected alert")
            ends = wait_caught_up(
                kafka_bootstrap, names.app_id, [names.articles, names.claims], log_tail=worker.log_tail()
            )
            records = alerts.drain()
        assert alert_ids(records) == expected
        copies = assert_duplicates_are_redeliveries(records)
        repeated = sum(copies.values()) - len(copies)
        print(f"alert records {len(records)} for {len(expected)} ids; repeated: {repeated}")
        # a clean stop commits what it processed: the restart reads exactly the rest, nothing twice
        rest = sum(end - committed_at_stop.get(p, 0) for p, end in ends[names.articles].items())
        assert sum(ends[names.articles].values()) == len(articles)
        worker.wait_metric("claimwatch_articles_consumed_total", lambda v: v >= rest)
        assert worker.sample("claimwatch_articles_consumed_total") == rest
    finally:
        if sender.is_alive():
            sender.join(timeout=60)
        worker.stop()
