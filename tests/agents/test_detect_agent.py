"""The detect agent: claim batches -> alerts (v2) keyed by story_id, history kept in the claims table."""

from __future__ import annotations

import json

from schemas import AlertV2, ClaimBatch, DeadLetter
from streams.alerting import story_of
from streams.core.store import claims_count, segment_key
from streams.runtime import make_pipeline


def sample(app, name: str, **labels: str) -> float:
    return app.metrics.registry.get_sample_value(name, labels or None) or 0.0


def batches_of(app, seed_bytes: bytes) -> list[ClaimBatch]:
    from streams.core.guard import parse_article

    pipeline = make_pipeline(app.claimwatch_settings)
    return pipeline.extract(parse_article(seed_bytes), 1_000.0)


async def test_batches_produce_the_same_alerts_as_the_embedded_pipeline(agent_app, seed_bytes):
    from streams.core.guard import parse_article

    expected = make_pipeline(agent_app.claimwatch_settings).process_article(
        parse_article(seed_bytes), 1_000.0
    )
    assert expected, "precondition: the core finds a conflict in the seed article"

    batches = batches_of(agent_app, seed_bytes)
    async with agent_app.claimwatch_agents["detect"].test_context() as agent:
        for batch in batches:
            await agent.put(value=batch.model_dump_json().encode(), key=batch.key.encode())

    sent = agent_app.sent("alerts")
    alerts = [AlertV2.model_validate_json(v) for _, v in sent]
    assert [a.alert_id for a in alerts] == [a.alert_id for a in expected]
    # keyed by the story, which the adapter derives from the detector's pair of claims
    assert [k for k, _ in sent] == [story_of(*a.claims)[0].encode() for a in expected]
    assert all(a.detected_at.tzinfo is not None and a.claims[0].url for a in alerts)
    table = agent_app.claims_table
    heads = {k for k in table.keys() if "#" not in k}
    assert heads == {b.key for b in batches}
    # few claims per key: each key's claims fit in its first segment; the article's index batch writes its
    # ledger bucket, no segment
    assert [b.kind for b in batches].count("index") == 1
    assert set(table.keys()) - heads == {segment_key(b.key, 0) for b in batches if b.kind == "claims"}
    held = sum(claims_count(v) for v in table.values())
    assert held == sum(len(b.claims) for b in batches)
    assert sample(agent_app, "claimwatch_claims_in_state") == held
    for alert in alerts:
        assert sample(agent_app, "claimwatch_alerts_published_total", kind=alert.kind, rule=alert.rule) >= 1
    assert sample(agent_app, "claimwatch_article_to_alert_seconds_count") == len(alerts)
    assert sample(agent_app, "claimwatch_stage_processing_seconds_count", stage="detect") == len(batches)


async def test_redelivered_batch_gives_the_same_alert_ids_and_no_growth(agent_app, seed_bytes):
    batches = batches_of(agent_app, seed_bytes)
    async with agent_app.claimwatch_agents["detect"].test_context() as agent:
        for batch in batches + batches:
            await agent.put(value=batch.model_dump_json().encode(), key=batch.key.encode())
    ids = [json.loads(v)["alert_id"] for _, v in agent_app.sent("alerts")]
    assert set(ids[: len(ids) // 2 or 1]) >= set(ids), "a redelivery makes no new alert ids"
    held = sum(claims_count(v) for v in agent_app.claims_table.values())
    assert held == sum(len(b.claims) for b in batches)


async def test_unreadable_batch_is_dead_lettered(agent_app):
    async with agent_app.claimwatch_agents["detect"].test_context() as agent:
        await agent.put(value=b'{"key": "k"}', key=b"k")
    [(key, value)] = agent_app.sent("articles.dlq")
    dead = DeadLetter.model_validate_json(value)
    assert dead.reason == "processing_error" and dead.topic == "claims"
    assert agent_app.sent("alerts") == []


async def test_an_article_revision_through_the_table_is_a_same_source_revision(agent_app):
    """A revised article (same id, changed figure) meets its first version stored in the claims table."""
    from streams.core.guard import parse_article

    text = (
        "TARVONA, March 16 - The Tarvona regional government signed a contract worth {} with Belcor to "
        "rebuild the coastal road, transport minister Ana Ruiz said on Sunday."
    )
    versions = [
        json.dumps(
            {
                "id": "deal-1",
                "source": "Wire One",
                "published_at": "2026-03-16T10:00:00Z",
                "text": text.format(v),
            }
        ).encode()
        for v in ("$40 million", "$25 million")
    ]
    pipeline = make_pipeline(agent_app.claimwatch_settings)
    async with agent_app.claimwatch_agents["detect"].test_context() as agent:
        for raw in versions:
            for batch in pipeline.extract(parse_article(raw), 1_000.0):
                await agent.put(value=batch.model_dump_json().encode(), key=batch.key.encode())
    alerts = [AlertV2.model_validate_json(v) for _, v in agent_app.sent("alerts")]
    assert [(a.rule, a.same_source) for a in alerts] == [("numeric_revision.v1", True)]
    assert [c.article_id for c in alerts[0].claims] == ["deal-1", "deal-1"]
    assert "revised article deal-1" in alerts[0].explanation


async def test_pairs_not_alerted_are_counted_by_reason(agent_app):
    """Two reports agreeing on a toll: the pair is stopped by compatible_figures; the series was there at 0
    and counts what the embedded pipeline counts for the same articles."""
    from collections import Counter

    from streams.core.detect import REJECTIONS
    from streams.core.guard import parse_article

    lead = "PELLA, May 2 - Floods hit the Pella valley on Thursday. "
    raws = [
        json.dumps(
            {"id": f"pella-{n}", "source": source, "published_at": f"2026-05-02T{hour}:00:00Z", "text": text}
        ).encode()
        for n, (source, hour, text) in enumerate(
            [
                ("Wire One", "10", lead + "The floods killed 14 people, the provincial governor said."),
                ("Wire Two", "12", lead + "The floods killed 14 people, the national rescue agency said."),
            ]
        )
    ]
    for reason in REJECTIONS:
        assert (
            agent_app.metrics.registry.get_sample_value("claimwatch_pairs_rejected_total", {"reason": reason})
            == 0
        ), reason
    expected: Counter[str] = Counter()
    embedded = make_pipeline(agent_app.claimwatch_settings)
    for raw in raws:
        embedded.process_article(parse_article(raw), 1_000.0, expected)
    assert expected["compatible_figures"] >= 1, "precondition: the two tolls agree"

    pipeline = make_pipeline(agent_app.claimwatch_settings)
    async with agent_app.claimwatch_agents["detect"].test_context() as agent:
        for raw in raws:
            for batch in pipeline.extract(parse_article(raw), 1_000.0):
                await agent.put(value=batch.model_dump_json().encode(), key=batch.key.encode())
    assert agent_app.sent("alerts") == []
    counted = {
        reason: sample(agent_app, "claimwatch_pairs_rejected_total", reason=reason) for reason in REJECTIONS
    }
    assert counted == {reason: float(expected[reason]) for reason in REJECTIONS}


async def test_a_revision_that_drops_a_figure_is_retired_through_the_claims_topic(agent_app):
    """The index batch of a revision makes the agent send a retire batch to `claims` for each key the earlier
    version wrote and the new one does not; processing those retires the earlier claims in the table."""
    from streams.core.guard import parse_article

    lead = "GOMA, April 16 - At least 26 people were killed in Goma when a fuel depot exploded, police said."
    evacuated = " About 1,200 residents were evacuated from Kyeshero, the governor Jean Mulumba said."
    raw = {"id": "wire-1", "source": "Wire One", "published_at": "2025-04-16T10:00:00Z", "title": ""}
    v1 = parse_article(json.dumps({**raw, "text": lead + evacuated}).encode())
    v2 = parse_article(json.dumps({**raw, "text": lead}).encode())
    pipeline = make_pipeline(agent_app.claimwatch_settings)
    dropped = {b.key for b in pipeline.extract(v1) if b.kind == "claims"} - {
        b.key for b in pipeline.extract(v2) if b.kind == "claims"
    }
    assert "numeric:evacuated" in dropped
    async with agent_app.claimwatch_agents["detect"].test_context() as agent:
        for version in (v1, v2):
            for batch in pipeline.extract(version, 1_000.0):
                await agent.put(value=batch.model_dump_json().encode(), key=batch.key.encode())
        forwarded = [ClaimBatch.model_validate_json(v) for _, v in agent_app.sent("claims")]
        assert {b.key for b in forwarded} == dropped
        assert all(b.kind == "retire" for b in forwarded)
        assert [k for k, _ in agent_app.sent("claims")] == [b.key.encode() for b in forwarded]
        for key, value in list(agent_app.sent("claims")):
            await agent.put(value=value, key=key)
    table = agent_app.claims_table
    for key in dropped:
        stored = [item for k, v in table.items() if k.startswith(key + "#") for item in v]
        assert not [item for item in stored if item["article_id"] == "wire-1"], key
    held = sum(claims_count(v) for v in table.values())
    # where the new version writes, the earlier one stays beside it (superseded, see core.store)
    kept = sum(len(b.claims) for b in pipeline.extract(v1) if b.key not in dropped)
    assert held == kept + sum(len(b.claims) for b in pipeline.extract(v2))
    assert sample(agent_app, "claimwatch_claims_in_state") == held
