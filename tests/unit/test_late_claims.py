"""A claim that arrives more than the grace period behind the newest claim of its key is not dropped
silently: it is compared with what is stored, reported (key, lateness), counted in
claimwatch_late_claims_total and logged by the detect agent, and counted in the replay summary. Within
the grace period, arrival order does not matter."""

from __future__ import annotations

import io
import json
import logging

import pytest
from prometheus_client.exposition import generate_latest

from streams.agents import Source, handle_batch
from streams.core.guard import parse_article
from streams.core.pipeline import Pipeline
from streams.core.store import StateBounds
from streams.metrics import Metrics
from streams.replay import replay

OTHER = (
    "GOMA, April 16 - Only 300 residents were evacuated from Kyeshero after a fuel depot exploded in Goma, "
    "the Red Cross said."
)
FIRST = (
    "GOMA, April 16 - At least 26 people were killed in Goma on Tuesday when a fuel depot exploded in the "
    "Kyeshero district, police said. About 1,200 residents were evacuated from Kyeshero, the provincial "
    "governor Jean Mulumba said."
)
#: a day's window and an hour of grace: the earlier report, two hours older than the later one, arrives late
BOUNDS = StateBounds(max_age_days=1, lateness_days=1 / 24)
#: and a claim beyond the retention (window plus grace) is not even stored
SHORT = StateBounds(max_age_days=1 / 24, lateness_days=1 / 48)


def line(article_id: str, source: str, published: str, text: str) -> bytes:
    raw = {"id": article_id, "source": source, "published_at": published, "title": "", "text": text}
    return json.dumps(raw).encode()


EARLIER = line("wire-1", "Wire One", "2025-04-16T10:00:00Z", FIRST)
LATER = line("post-1", "Daily Post", "2025-04-16T12:00:00Z", OTHER)


def test_a_late_claim_is_compared_reported_and_stored_within_the_retention() -> None:
    in_order = Pipeline(bounds=BOUNDS)
    expected = [a.alert_id for raw in (EARLIER, LATER) for a in in_order.process_article(parse_article(raw))]
    assert expected, "precondition: the two reports conflict"
    assert in_order.late_claims == 0

    late_first = Pipeline(bounds=BOUNDS)
    assert late_first.process_article(parse_article(LATER)) == []
    alerts, late = [], []
    for batch in late_first.extract(parse_article(EARLIER)):
        done = late_first.process(batch)
        alerts += [a.alert_id for a in done.alerts]
        late += done.late
    assert alerts == expected, "the late report is still compared with what is stored"
    assert late and late_first.late_claims == len(late)
    for item in late:
        assert item.article_id == "wire-1"
        assert item.lateness_s == pytest.approx(2 * 3600)
        assert item.bound_s == pytest.approx(3600)
        assert item.stored
        stored = late_first.history.load(item.key).stored
        assert item.claim_id in {c.claim_id for c in stored}


def test_within_the_grace_period_arrival_order_does_not_matter() -> None:
    generous = StateBounds(max_age_days=1, lateness_days=3 / 24)
    in_order = Pipeline(bounds=generous)
    expected = {a.alert_id for raw in (EARLIER, LATER) for a in in_order.process_article(parse_article(raw))}
    reversed_ = Pipeline(bounds=generous)
    got = {a.alert_id for raw in (LATER, EARLIER) for a in reversed_.process_article(parse_article(raw))}
    assert expected and got == expected
    assert reversed_.late_claims == 0
    assert reversed_.claims_held() == in_order.claims_held()


def test_a_claim_beyond_the_retention_is_compared_reported_and_not_stored() -> None:
    pipeline = Pipeline(bounds=SHORT)
    pipeline.process_article(parse_article(LATER))
    late = [
        item for batch in pipeline.extract(parse_article(EARLIER)) for item in pipeline.process(batch).late
    ]
    assert late and all(not item.stored for item in late)
    for item in late:
        assert item.claim_id not in {c.claim_id for c in pipeline.history.load(item.key).stored}


def test_the_detect_agent_counts_and_logs_late_claims(caplog: pytest.LogCaptureFixture) -> None:
    metrics = Metrics()
    assert "\nclaimwatch_late_claims_total 0.0\n" in generate_latest(metrics.registry).decode()
    pipeline = Pipeline(bounds=BOUNDS)
    pipeline.process_article(parse_article(LATER))
    batches = pipeline.extract(parse_article(EARLIER), 0.0)
    with caplog.at_level(logging.WARNING, logger="streams.agents"):
        for batch in batches:
            out = handle_batch(batch.model_dump_json().encode(), Source(topic="claims"), pipeline, metrics)
            assert out.dead_letter is None
    late = pipeline.late_claims
    assert late > 0
    assert metrics.registry.get_sample_value("claimwatch_late_claims_total") == late
    records = [r.getMessage() for r in caplog.records if "late claim" in r.getMessage()]
    assert len(records) == late
    assert any("under key numeric:evacuated" in m for m in records), records
    assert all("2.0 h behind" in m and "grace 1.0 h" in m and "of article wire-1" in m for m in records)
    assert all(m.endswith("compared with what is stored, stored") for m in records), records


def test_replay_counts_late_claims_in_its_summary() -> None:
    out, err = io.StringIO(), io.StringIO()
    replay([LATER, EARLIER], Pipeline(bounds=BOUNDS), out, err)
    assert "late claims (more than --lateness-days behind their key's newest" in err.getvalue()
    out, err = io.StringIO(), io.StringIO()
    replay([EARLIER, LATER], Pipeline(bounds=BOUNDS), out, err)
    assert "late claims" not in err.getvalue()
