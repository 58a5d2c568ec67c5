"""The worker subprocess against a real broker: seed -> alert, bad input -> DLQ, exact metrics.

Expected alerts are computed in-process with the embedded pipeline (what `claimwatch replay` runs):
one pipeline, two drivers, the same alert ids.
"""

from __future__ import annotations

import base64
import json
import subprocess
import time
from collections import Counter

import pytest

from schemas import Alert, AlertV2, DeadLetter
from streams.core.guard import parse_article
from streams.runtime import make_pipeline
from streams.settings import load_settings

try:  # see conftest.py
    from .workerproc import CLAIMWATCH, SEED, end_offsets, read, send
except ImportError:
    from workerproc import CLAIMWATCH, SEED, end_offsets, read, send  # type: ignore[no-redef]

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(240)]


def expected_alerts(*raw_articles: bytes) -> list[Alert]:
    pipeline = make_pipeline(load_settings({}))
    out: list[Alert] = []
    for raw in raw_articles:
        out.extend(pipeline.process_article(parse_article(raw), 0.0))
    return out


@pytest.fixture
def seed() -> bytes:
    return SEED.read_bytes().strip()


def alert_ids(records: list) -> set[str]:
    return {AlertV2.model_validate_json(r.value).alert_id for r in records}


def test_seed_article_gives_its_statement_conflict(kafka_bootstrap, names, worker, seed) -> None:
    expected = expected_alerts(seed)
    assert any(a.kind == "statement_conflict" for a in expected), (
        "precondition: core finds the Kursk conflict"
    )
    want = {a.alert_id for a in expected}

    sent = subprocess.run(  # through the CLI producer, as an operator would
        [str(CLAIMWATCH), "send", str(SEED)],
        env=names.env(kafka_bootstrap),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert sent.returncode == 0, sent.stderr.decode()

    records = read(kafka_bootstrap, names.alerts, lambda rs: want <= alert_ids(rs), timeout=60)
    got = {AlertV2.model_validate_json(r.value).alert_id: r for r in records}
    assert want <= set(got), f"alerts missing: {want - set(got)}\n{worker.log_tail()}"
    for record in got.values():  # keyed by story: one story's alerts stay in order in one partition
        assert record.key == AlertV2.model_validate_json(record.value).story_id.encode()
    assert any(AlertV2.model_validate_json(r.value).kind == "statement_conflict" for r in records)

    tail = subprocess.run(  # and back through the CLI consumer, filtered
        [
            str(CLAIMWATCH),
            "tail",
            "--from-beginning",
            "--kind",
            "statement_conflict",
            "--max",
            "1",
            "--timeout",
            "30",
        ],
        env=names.env(kafka_bootstrap),
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert tail.returncode == 0, tail.stderr.decode()
    [line] = tail.stdout.decode().splitlines()
    assert AlertV2.model_validate_json(line).alert_id in want


def test_malformed_message_goes_to_dlq_and_the_valid_one_still_alerts(
    kafka_bootstrap, names, worker, seed
) -> None:
    bad = b'{"id": "bad-1", "source": "AFP", "text": '
    send(kafka_bootstrap, names.articles, [bad, seed], keys=[b"bad-1", b"seed-kursk-001"])

    [record] = read(kafka_bootstrap, names.dlq, lambda rs: len(rs) >= 1, timeout=60)
    dead = DeadLetter.model_validate_json(record.value)
    assert dead.reason == "invalid_json"
    assert base64.b64decode(dead.payload_b64) == bad
    assert (dead.topic, dead.article_id) == (names.articles, "bad-1")
    assert dead.partition is not None and dead.offset is not None
    assert record.key == b"bad-1"

    want = {a.alert_id for a in expected_alerts(seed)}
    records = read(kafka_bootstrap, names.alerts, lambda rs: want <= alert_ids(rs), timeout=60)
    assert want <= alert_ids(records), worker.log_tail()


def test_metrics_count_a_known_stream_exactly(kafka_bootstrap, names, worker, seed) -> None:
    article = json.loads(seed)
    empty = json.dumps(dict(article, id="empty-1", text="   ")).encode()
    stream = [seed, b"\xff\xfe not utf-8", empty]
    pipeline = make_pipeline(load_settings({}))
    batches = pipeline.extract(parse_article(seed), 0.0)
    alerts = expected_alerts(seed)
    claims = Counter(c.kind for b in batches for c in b.claims)

    send(kafka_bootstrap, names.articles, stream, keys=[b"seed-kursk-001", None, b"empty-1"])
    # each waited-on sample is the last one its handler records
    worker.wait_metric(
        "claimwatch_stage_processing_seconds_count", lambda v: v >= len(stream), stage="extract"
    )
    worker.wait_metric(
        "claimwatch_stage_processing_seconds_count", lambda v: v >= len(batches), stage="detect"
    )
    worker.wait_metric("claimwatch_article_to_alert_seconds_count", lambda v: v >= len(alerts))

    s = worker.samples()

    def value(name: str, **labels: str) -> float | None:
        return s.get((name, tuple(sorted(labels.items()))))

    assert value("claimwatch_articles_consumed_total") == 3
    assert value("claimwatch_dead_letters_total", reason="invalid_utf8") == 1
    assert value("claimwatch_dead_letters_total", reason="empty_text") == 1
    assert value("claimwatch_claim_batches_total") == len(batches)
    assert value("claimwatch_claim_batches_processed_total") == len(batches)
    for kind, n in claims.items():
        assert value("claimwatch_claims_extracted_total", kind=kind) == n
    for (kind, rule), n in Counter((a.kind, a.rule) for a in alerts).items():
        assert value("claimwatch_alerts_published_total", kind=kind, rule=rule) == n
    assert value("claimwatch_article_to_alert_seconds_count") == len(alerts)
    assert value("claimwatch_stage_processing_seconds_count", stage="extract") == 3
    assert value("claimwatch_stage_processing_seconds_count", stage="detect") == len(batches)
    assert value("claimwatch_claims_in_state") == sum(claims.values())
    assert value("claimwatch_ready") == 1
    assert value("claimwatch_table_recovery_seconds") is not None

    # "nothing lost", counted from the topics themselves (the producer may still be flushing)
    want = {names.articles: 3, names.claims: len(batches), names.dlq: 2, names.alerts: len(alerts)}
    deadline = time.monotonic() + 30
    while (got := {t: end_offsets(kafka_bootstrap, t) for t in want}) != want and time.monotonic() < deadline:
        time.sleep(0.3)
    assert got == want
