"""A revision that no longer makes claims under a key retires its earlier version's claims there too.

The pure pipeline: an article's index batch records, in the ledger, the keys its version writes; a new
version turns every key the earlier one wrote and this one does not into a retire batch for that key."""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime, timedelta, timezone

from schemas import Article, Claim
from streams.core import revisions
from streams.core.guard import parse_article
from streams.core.pipeline import Pipeline
from streams.core.store import Codec, SegmentedHistory, StateBounds, claims_count
from streams.runtime import make_pipeline
from streams.settings import Settings

MakeClaim = Callable[..., Claim]

DEATHS = (
    "At least 26 people were killed in Goma on Tuesday when a fuel depot exploded in the Kyeshero district, "
    "police said."
)
EVACUATED = " About 1,200 residents were evacuated from Kyeshero, the provincial governor Jean Mulumba said."
OTHER = (
    "GOMA, April 16 - Only 300 residents were evacuated from Kyeshero after a fuel depot exploded in Goma, "
    "the Red Cross said."
)


def article(article_id: str, source: str, published: str, text: str) -> Article:
    raw = {"id": article_id, "source": source, "published_at": published, "title": "", "text": text}
    return parse_article(json.dumps(raw).encode())


V1 = article("wire-1", "Wire One", "2025-04-16T10:00:00Z", "GOMA, April 16 - " + DEATHS + EVACUATED)
V2 = article("wire-1", "Wire One", "2025-04-16T10:00:00Z", "GOMA, April 16 - " + DEATHS)
LATER = article("post-1", "Daily Post", "2025-04-16T12:00:00Z", OTHER)


def run(*articles: Article) -> tuple[Pipeline, list[list[str]]]:
    pipeline = make_pipeline(Settings())
    rules = [[a.rule for a in pipeline.process_article(art, 0.0)] for art in articles]
    return pipeline, rules


def claims_under(pipeline: Pipeline, key: str) -> list[Claim]:
    return pipeline.history.load(key).stored


def test_the_earlier_version_conflicts_with_a_later_report() -> None:
    """The control: without the edit, the 1,200 evacuated meets the 300 of another outlet."""
    _, rules = run(V1, LATER)
    assert rules == [[], ["cumulative_decrease.v1"]]


def test_a_revision_that_drops_a_figure_retires_its_claims_under_every_key() -> None:
    pipeline, rules = run(V1, V2, LATER)
    assert rules == [[], [], []], "the figure the outlet removed raised an alert against another outlet"
    v1_keys = {b.key for b in pipeline.extract(V1) if b.kind == "claims"}
    v2_keys = {b.key for b in pipeline.extract(V2) if b.kind == "claims"}
    dropped = v1_keys - v2_keys
    assert "numeric:evacuated" in dropped
    for key in dropped:
        assert not [c for c in claims_under(pipeline, key) if c.article_id == "wire-1"], key
    for key in v2_keys:  # where the new version writes, its claims are stored and the latest
        versions = pipeline.history.load(key).versions()
        assert versions["wire-1"] == pipeline.extract(V2)[0].claims[0].article_version
    [post] = claims_under(pipeline, "numeric:evacuated")
    assert post.article_id == "post-1"


def test_retirement_is_idempotent_under_redelivery() -> None:
    pipeline, _ = run(V1, V2)
    before = json.dumps(dict(pipeline.state), sort_keys=True, default=str)
    for art in (V2, V2):
        assert pipeline.process_article(art, 0.0) == []
    assert json.dumps(dict(pipeline.state), sort_keys=True, default=str) == before


def test_the_index_batch_forwards_one_retire_batch_per_dropped_key() -> None:
    pipeline = make_pipeline(Settings())
    for batch in pipeline.extract(V1, 0.0):
        assert pipeline.process(batch).forward == []
    forwarded = []
    for batch in pipeline.extract(V2, 0.0):
        forwarded += pipeline.process(batch).forward
    assert forwarded and all(b.kind == "retire" and b.article_id == "wire-1" for b in forwarded)
    v1_keys = {b.key for b in pipeline.extract(V1) if b.kind == "claims"}
    v2_keys = {b.key for b in pipeline.extract(V2) if b.kind == "claims"}
    assert [b.key for b in forwarded] == sorted(v1_keys - v2_keys)
    retired = [pipeline.process(b).retired for b in forwarded]
    assert all(n >= 1 for n in retired)
    assert sum(pipeline.process(b).retired for b in forwarded) == 0, "a second retirement finds nothing"


def test_retire_rewrites_segments_without_the_article(make_claim: MakeClaim, t0: datetime) -> None:
    state: dict = {}
    bounds = StateBounds(per_key=300, max_age_days=21, segment=4)
    history = SegmentedHistory(state, bounds, Codec())
    claims = [
        make_claim(
            article_id="revised" if i % 3 == 0 else f"other-{i}",
            article_version="v1",
            published_at=t0 + timedelta(minutes=i),
        )
        for i in range(15)
    ]
    for c in claims:
        history.add(history.load("numeric:deaths"), [c])
    assert history.retire(history.load("numeric:deaths"), "revised", "v2") == 5
    kept = [c for c in claims if c.article_id != "revised"]
    loaded = history.load("numeric:deaths")
    assert loaded.stored == kept
    assert loaded.view(bounds) == kept
    assert sum(claims_count(v) for v in state.values()) == len(kept), "no segment left behind"
    assert SegmentedHistory(state, bounds, Codec()).load("numeric:deaths").stored == kept
    later = make_claim(published_at=t0 + timedelta(hours=1))
    history.add(history.load("numeric:deaths"), [later])
    assert history.load("numeric:deaths").stored == [*kept, later]


def test_the_ledger_stays_bounded() -> None:
    t0 = datetime(2025, 1, 1, tzinfo=timezone.utc)
    bucket = revisions.ledger_key("a-0")
    ids = [f"a-{i}" for i in range(400_000) if revisions.ledger_key(f"a-{i}") == bucket][:300]
    assert len(ids) == 300
    for step, bound in ((timedelta(minutes=1), "count"), (timedelta(hours=6), "age")):
        state: dict = {}
        for n, article_id in enumerate(ids):
            batch = revisions.index_batch(article_id, "v1", t0 + n * step, 0.0, ["numeric:deaths"])
            assert batch.key == bucket
            revisions.record(state, batch, max_age_days=21)
        held = state[bucket]["articles"]
        assert ids[-1] in held and ids[0] not in held, bound
        assert len(held) <= revisions.MAX_PER_BUCKET
        newest = max(v[1] for v in held.values())
        assert all(newest - v[1] <= 21 * 86_400 for v in held.values())
        if bound == "count":
            assert len(held) == revisions.MAX_PER_BUCKET
        else:
            assert len(held) == 21 * 4 + 1


def test_a_redelivered_retire_batch_writes_the_key_back_unchanged() -> None:
    """After a crash the rewrite of a retirement may be missing from the changelog: the redelivered retire
    batch finds nothing to remove and writes the key's values back as they are. (A key the retirement
    emptied is deleted; a lost deletion is not repaired this way.)"""
    writes: list[str] = []

    class Recording(dict):
        def __setitem__(self, key: str, value: object) -> None:
            writes.append(key)
            super().__setitem__(key, value)

    pipeline = make_pipeline(Settings(), Recording())
    for art in (V1, LATER):  # the later report keeps numeric:evacuated non-empty after the retirement
        pipeline.process_article(art, 0.0)
    retires = [f for batch in pipeline.extract(V2, 0.0) for f in pipeline.process(batch).forward]
    assert retires and all(pipeline.process(b).retired for b in retires)
    before = json.dumps(dict(pipeline.state), sort_keys=True, default=str)
    writes.clear()
    assert [pipeline.process(b).retired for b in retires] == [0] * len(retires)
    assert "numeric:evacuated" in {w.split("#")[0] for w in writes}
    assert {w.split("#")[0] for w in writes} <= {b.key for b in retires}
    assert json.dumps(dict(pipeline.state), sort_keys=True, default=str) == before
