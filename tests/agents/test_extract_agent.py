"""The extract agent: articles -> claim batches keyed by claim key, bad messages -> dead letters."""

from __future__ import annotations

import base64
import json

from prometheus_client.exposition import generate_latest

from schemas import ClaimBatch, DeadLetter
from streams.agents import Source, handle_article
from streams.metrics import Metrics
from streams.runtime import make_pipeline
from streams.settings import load_settings


def sample(app, name: str, **labels: str) -> float:
    return app.metrics.registry.get_sample_value(name, labels or None) or 0.0


async def test_article_becomes_claim_batches_keyed_by_claim_key(agent_app, seed_bytes):
    async with agent_app.claimwatch_agents["extract"].test_context() as agent:
        await agent.put(value=seed_bytes, key=b"seed-kursk-001")

    sent = agent_app.sent("claims")
    assert sent, "the seed article yields at least one claim batch"
    batches = [ClaimBatch.model_validate_json(v) for _, v in sent]
    assert [k for k, _ in sent] == [b.key.encode() for b in batches]
    assert {b.article_id for b in batches} == {"seed-kursk-001"}
    assert len({b.key for b in batches}) == len(batches), "one message per (article, claim key)"
    assert agent_app.sent("articles.dlq") == []
    claims = sum(len(b.claims) for b in batches)
    assert sample(agent_app, "claimwatch_articles_consumed_total") == 1
    assert sample(agent_app, "claimwatch_claim_batches_total") == len(batches)
    by_kind = sum(
        sample(agent_app, "claimwatch_claims_extracted_total", kind=k) for k in ("numeric", "statement")
    )
    assert by_kind == claims


async def test_bad_message_is_dead_lettered_and_the_agent_goes_on(agent_app, seed_bytes):
    bad = b'{"id": "x", "source": "AFP"'  # truncated JSON
    async with agent_app.claimwatch_agents["extract"].test_context() as agent:
        await agent.put(value=bad, key=b"x")
        await agent.put(value=seed_bytes, key=b"seed-kursk-001")

    [(key, value)] = agent_app.sent("articles.dlq")
    dead = DeadLetter.model_validate_json(value)
    assert key == b"x"
    assert dead.reason == "invalid_json"
    assert base64.b64decode(dead.payload_b64) == bad and dead.payload_size == len(bad)
    assert dead.topic == "articles" and dead.partition is not None and dead.offset is not None
    assert dead.article_id == "x"
    assert agent_app.sent("claims"), "the valid article after the bad one is still processed"
    assert sample(agent_app, "claimwatch_dead_letters_total", reason="invalid_json") == 1
    assert sample(agent_app, "claimwatch_articles_consumed_total") == 2


async def test_unexpected_exception_is_a_processing_error_not_a_crash(agent_app, seed_bytes, monkeypatch):
    detector = agent_app.claimwatch_agents["extractor"]

    def boom(article, ingested_at=None):
        raise RuntimeError("extractor bug")

    monkeypatch.setattr(detector, "extract", boom)
    async with agent_app.claimwatch_agents["extract"].test_context() as agent:
        await agent.put(value=seed_bytes, key=b"seed-kursk-001")
        await agent.put(value=seed_bytes, key=b"seed-kursk-001")

    dead = [DeadLetter.model_validate_json(v) for _, v in agent_app.sent("articles.dlq")]
    assert [d.reason for d in dead] == ["processing_error", "processing_error"]
    assert "RuntimeError: extractor bug" in dead[0].detail
    assert sample(agent_app, "claimwatch_dead_letters_total", reason="processing_error") == 2


async def test_an_article_with_an_unknown_field_is_processed_and_the_field_counted(agent_app, seed_bytes):
    assert sample(agent_app, "claimwatch_article_unknown_fields_total") == 0
    exposition = generate_latest(agent_app.metrics.registry).decode()
    assert "\nclaimwatch_article_unknown_fields_total 0.0\n" in exposition, "the series exists from the start"
    with_author = json.dumps({**json.loads(seed_bytes), "author": "A. Correspondent"}).encode()
    async with agent_app.claimwatch_agents["extract"].test_context() as agent:
        await agent.put(value=with_author, key=b"seed-kursk-001")
        await agent.put(value=seed_bytes, key=b"seed-kursk-001")

    assert agent_app.sent("articles.dlq") == []
    batches = [ClaimBatch.model_validate_json(v) for _, v in agent_app.sent("claims")]
    first, second = batches[: len(batches) // 2], batches[len(batches) // 2 :]
    assert first and [b.claims for b in first] == [b.claims for b in second], "extras change no claim"
    assert sample(agent_app, "claimwatch_article_unknown_fields_total") == 1
    assert sample(agent_app, "claimwatch_dead_letters_total", reason="unknown_fields") == 0


async def test_unknown_fields_dead_lettered_when_the_policy_rejects_them(tmp_path, seed_bytes):
    settings = load_settings(
        {"CLAIMWATCH_UNKNOWN_FIELDS": "reject"},
        store="memory",
        data_dir=str(tmp_path),
        app_id="agents-reject",
    )
    registry_metrics = Metrics()
    extractor = make_pipeline(settings)
    with_author = json.dumps({**json.loads(seed_bytes), "author": "A. Correspondent"}).encode()
    src = Source(topic="articles", partition=0, offset=7, key=b"seed-kursk-001")

    out = handle_article(with_author, src, extractor, registry_metrics)

    assert out.batches == [] and out.dead_letter is not None
    assert out.dead_letter.reason == "unknown_fields" and "'author'" in out.dead_letter.detail
    assert base64.b64decode(out.dead_letter.payload_b64) == with_author
    reg = registry_metrics.registry
    assert reg.get_sample_value("claimwatch_dead_letters_total", {"reason": "unknown_fields"}) == 1
    assert reg.get_sample_value("claimwatch_article_unknown_fields_total") == 0
    assert handle_article(seed_bytes, src, extractor, registry_metrics).batches, "a clean article passes"
