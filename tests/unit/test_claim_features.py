"""The typed claim: features are typed fields, serialise with the claim, stay out of alerts, and a claim
written by an earlier release (features inside its strings) is read into them."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import pytest

from schemas import Alert, Claim, ClaimBatch
from schemas.claim import Features, MeasureRef, Story
from streams.alerting import to_v2
from streams.core.extract import extract_claims

MARKS = ("obj:", "sbj:", "thm:", "q:", "by:", "who:", "@", "^", "~")


@pytest.mark.parametrize(
    "name, ref, label",
    [
        ("deaths", MeasureRef(family="deaths"), "deaths"),
        ("burned_area", MeasureRef(family="burned_area"), "burned area"),
        ("open:cancel~flight", MeasureRef(family="cancel", open=True, of="flight"), "cancel flight"),
        (
            "open:no_receive~people",
            MeasureRef(family="receive", open=True, negated=True, of="people"),
            "not receive people",
        ),
        ("open:waiting_list", MeasureRef(family="waiting_list", open=True), "waiting list"),
        ("outage:households", MeasureRef(family="outage", container="households"), "outage (households)"),
        ("arrested:now", MeasureRef(family="arrested", current=True), "arrested now"),
        (
            "deaths:now:schools",
            MeasureRef(family="deaths", current=True, container="schools"),
            "deaths now (schools)",
        ),
        (
            "open:close~thing:towns",
            MeasureRef(family="close", open=True, of="thing", container="towns"),
            "close (towns)",
        ),
    ],
)
def test_a_measure_is_typed_and_named_both_ways(name: str, ref: MeasureRef, label: str) -> None:
    assert MeasureRef.of_name(name) == ref
    assert ref.name == name and ref.label == label


def test_extracted_claims_carry_typed_features_and_readable_strings() -> None:
    from datetime import datetime, timezone

    from schemas import Article

    article = Article(
        id="t-1",
        source="Wire One",
        published_at=datetime(2025, 3, 1, tzinfo=timezone.utc),
        title="Gunmen kill 12 in Gusau",
        text="GUSAU, Nigeria, March 1 - Gunmen killed 12 people in Gusau on Saturday, police said. "
        "The army said its troops did not open fire on the convoy near Gusau.",
    )
    claims = extract_claims(article)
    assert claims
    for c in claims:
        assert not any(w.startswith(MARKS) for w in (*c.story.split(), *c.subject.split())), c
        assert ":" not in c.measure and "~" not in c.measure
        assert c.features.story.names == c.story.split()
        assert c.features.measure.name.startswith(c.key.split(":", 1)[1])  # (an open act's key: the act)
    story = claims[0].features.story
    assert "gusau" in story.places and story.dateline == ["gusau"] and story.regions == ["nigeria"]


def test_features_travel_with_the_claim_batch_and_stay_out_of_alerts(
    make_claim: Callable[..., Claim],
) -> None:
    feats = Features(
        measure=MeasureRef(family="seize", open=True, of="crate"),
        story=Story(names=["piraeus"], places=["piraeus"]),
        words=["crate", "port"],
        qualifiers=["imported"],
        agents=["customs"],
    )
    a, b = make_claim(features=feats), make_claim()
    batch = ClaimBatch(key="k", article_id="a", published_at=a.published_at, ingested_at=0.0, claims=[a])
    assert ClaimBatch.model_validate_json(batch.model_dump_json()).claims[0].features == feats
    record = Alert(
        alert_id="x",
        kind="numeric_conflict",
        same_source=False,
        confidence=0.7,
        rule="numeric_mismatch.v1",
        explanation="e",
        key="k",
        claims=[a, b],
    )
    assert Alert.model_validate_json(record.model_dump_json()).claims[0].features == feats
    # what the alerts topic carries: readable fields only
    public: dict[str, Any] = json.loads(to_v2(record).model_dump_json())
    assert all("features" not in c and "story" not in c and "subject" not in c for c in public["claims"])
    assert public["claims"][0]["measure"] == "seize crate"


def test_a_claim_of_an_earlier_release_is_read_into_typed_features(make_claim: Callable[..., Claim]) -> None:
    item = make_claim().model_dump(mode="json")
    del item["features"]
    item.update(
        story="lukweti masisi goma @goma @lukweti ^kivu ~goma",
        subject="army retaken village obj:lukweti sbj:congo thm:control by:army who:migrant q:confirmed",
        measure="open:regain~control",
    )
    c = Claim.model_validate(item)
    assert (c.story, c.subject, c.measure) == (
        "lukweti masisi goma",
        "army retaken village",
        "regain control",
    )
    f = c.features
    assert f.story == Story(
        names=["lukweti", "masisi", "goma"], places=["goma", "lukweti"], regions=["kivu"], dateline=["goma"]
    )
    assert (f.objects, f.agents, f.themes, f.doers, f.persons, f.qualifiers) == (
        ["lukweti"],
        ["congo"],
        ["control"],
        ["army"],
        ["migrant"],
        ["confirmed"],
    )
    assert f.measure == MeasureRef(family="regain", open=True, of="control")
