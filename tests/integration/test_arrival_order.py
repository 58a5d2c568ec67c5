"""Same stream, same alerts, in any arrival order: the whole dev stream (156 articles over 27 months) in
three shuffled orders gives exactly the alert ids of an in-order `claimwatch replay`, through the embedded
pipeline and through the real broker (4 partitions, `claimwatch send`, one worker), with the default
settings: the history a claim meets is chosen by publication time, and every shuffle stays within the
default grace period (CLAIMWATCH_LATENESS_DAYS, 1095 days). Through the broker, the claims table ends
with exactly the claims an in-order run stores (read from its changelog).

A grace period shorter than the disorder is not silent: the claims that arrive later than it are counted.
"""

from __future__ import annotations

import random
import subprocess
from pathlib import Path

import pytest

from streams.core.guard import parse_article
from streams.runtime import make_pipeline
from streams.topics import changelog_topic_name

try:  # see conftest.py
    from .devstream import DEV_ARTICLES, alert_ids, assert_duplicates_are_redeliveries, replay, settings_for
    from .tablecontent import changelog_state, claims_of, replay_state
    from .workerproc import CLAIMWATCH, Names, TopicReader, WorkerProc, end_offsets, wait_caught_up
except ImportError:
    from devstream import (  # type: ignore[no-redef]
        DEV_ARTICLES,
        alert_ids,
        assert_duplicates_are_redeliveries,
        replay,
        settings_for,
    )
    from tablecontent import changelog_state, claims_of, replay_state  # type: ignore[no-redef]
    from workerproc import (  # type: ignore[no-redef]
        CLAIMWATCH,
        Names,
        TopicReader,
        WorkerProc,
        end_offsets,
        wait_caught_up,
    )

SEEDS = (11, 22, 33)


def dev_lines() -> list[bytes]:
    return [line for line in DEV_ARTICLES.read_bytes().splitlines() if line.strip()]


def shuffled(lines: list[bytes], seed: int) -> list[bytes]:
    out = list(lines)
    random.Random(seed).shuffle(out)
    return out


@pytest.fixture(scope="module")
def in_order() -> set[str]:
    ids = {a.alert_id for a in replay(dev_lines())}
    assert len(ids) >= 40, "precondition: the dev stream gives alerts"
    return ids


def run(lines: list[bytes], env: dict[str, str] | None = None) -> tuple[set[str], int]:
    """(alert ids, late claims) of the embedded pipeline over `lines` in this order."""
    pipeline = make_pipeline(settings_for(env))
    ids = {a.alert_id for raw in lines for a in pipeline.process_article(parse_article(raw), 0.0)}
    return ids, pipeline.late_claims


@pytest.mark.parametrize("seed", SEEDS)
def test_shuffled_replay_gives_the_in_order_alert_ids(seed: int, in_order: set[str]) -> None:
    lines = shuffled(dev_lines(), seed)
    assert lines != dev_lines()
    ids, late = run(lines)
    assert ids == in_order, f"missing {sorted(in_order - ids)}, extra {sorted(ids - in_order)}"
    assert late == 0


def test_a_grace_shorter_than_the_disorder_counts_the_late_claims(in_order: set[str]) -> None:
    short = {"CLAIMWATCH_LATENESS_DAYS": "30"}
    ids, late = run(dev_lines(), short)
    assert (ids, late) == (in_order, 0), "in order, the grace period changes nothing"
    ids, late = run(shuffled(dev_lines(), SEEDS[0]), short)
    assert late > 0, "claims later than the grace period are counted"
    assert ids != in_order, "and the shuffled stream then misses alerts: why the default grace is long"


@pytest.mark.kafka
@pytest.mark.timeout(420)
@pytest.mark.parametrize("seed", SEEDS)
def test_shuffled_stream_through_the_broker_gives_the_in_order_alert_ids(
    seed: int, in_order: set[str], kafka_bootstrap: str, tmp_path: Path
) -> None:
    lines = shuffled(dev_lines(), seed)
    names = Names(partitions=4)
    worker = WorkerProc(kafka_bootstrap, names, tmp_path / "data", tmp_path / "worker.log").start()
    try:
        worker.wait_ready()
        jsonl = tmp_path / "shuffled.jsonl"
        jsonl.write_bytes(b"\n".join(lines) + b"\n")
        sent = subprocess.run(
            [str(CLAIMWATCH), "send", str(jsonl)],
            env=names.env(kafka_bootstrap),
            capture_output=True,
            timeout=120,
            check=False,
        )
        assert sent.returncode == 0, sent.stderr.decode()
        group, inputs = names.app_id, [names.articles, names.claims]
        ends = wait_caught_up(kafka_bootstrap, group, inputs, timeout=300, log_tail=worker.log_tail())
        assert sum(ends[names.articles].values()) == len(lines)
        with TopicReader(kafka_bootstrap, names.alerts) as reader:
            records = reader.drain()
        got = alert_ids(records)
        assert got == in_order, f"missing {sorted(in_order - got)}, extra {sorted(got - in_order)}"
        assert_duplicates_are_redeliveries(records)
        assert worker.sample("claimwatch_late_claims_total") == 0
        assert end_offsets(kafka_bootstrap, names.dlq) == 0
        # and the claims table holds what an in-order run stores, read from its changelog
        table = changelog_state(
            kafka_bootstrap, changelog_topic_name(settings_for(names.env(kafka_bootstrap)))
        )
        assert claims_of(table) == claims_of(replay_state(dev_lines()))
    finally:
        worker.stop()
