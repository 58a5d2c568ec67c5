"""Alert v2 from the detector's record (streams.alerting) and its text and markdown renderings."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from schemas import Alert, AlertV2
from schemas.claim import Story
from streams.alerting import explain, measure_label, story_of, to_v2
from streams.core.guard import parse_article
from streams.render import markdown, render, text
from streams.runtime import make_pipeline
from streams.settings import Settings

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / ".." / "shared" / "seeds" / "kursk-article.jsonl"
KREMLIN = (
    "Last week, the Kremlin insisted that it had regained several villages from Ukrainian forces "
    "in the region."
)
KYIV = "Kyiv’s military administrator in Kursk said that those advances have now been halted."


@pytest.fixture(scope="module")
def seed_alert() -> Alert:
    (alert,) = make_pipeline(Settings()).process_article(parse_article(SEED.read_bytes().strip()), 0.0)
    return alert


def article(aid: str, source: str, when: str, text: str) -> bytes:
    return json.dumps(
        {
            "id": aid,
            "source": source,
            "published_at": when,
            "title": f"Rally in Tarvona: {source}",
            "text": text,
            "url": f"https://news.example/{aid}",
        }
    ).encode()


def test_seed_alert_v2_links_offsets_and_highlights(seed_alert: Alert) -> None:
    raw = json.loads(SEED.read_bytes())
    v2 = to_v2(seed_alert)
    first, second = v2.claims
    assert (first.sentence, second.sentence) == (KREMLIN, KYIV)
    for c in v2.claims:
        assert c.url == raw["url"] and c.title == raw["title"]
        assert raw["text"][c.sentence_span.start : c.sentence_span.end] == c.sentence
    assert (first.highlight_text, second.highlight_text) == ("regained", "halted")
    assert first.sentence[first.highlight.start : first.highlight.end] == "regained"
    assert (first.polarity, second.polarity) == (1, -1)
    assert v2.story_label == "Kursk" and len(v2.story_id) == 16
    assert v2.detected_at == datetime(2024, 9, 11, 18, tzinfo=timezone.utc)  # replay: the later article
    assert v2.explanation == (
        "The Kremlin asserts control (“regained”); "
        "Kyiv’s military administrator in Kursk contradicts it (“halted”)."
    )


def test_no_internal_features_in_the_published_record(seed_alert: Alert) -> None:
    doc = json.loads(to_v2(seed_alert).model_dump_json())
    assert doc["schema_version"] == 2
    assert not {"key", "story", "subject", "article_version"} & (set(doc) | set(doc["claims"][0]))
    # no token bag anywhere in the record: no obj:/sbj:/q: features, no @place anchors
    flat = json.dumps(doc, ensure_ascii=False)
    for token in ("obj:", "sbj:", "q:", "thm:", "@kursk", "statement:control"):
        assert token not in flat, token
    assert AlertV2.model_validate_json(json.dumps(doc)) == to_v2(seed_alert)


def test_numeric_explanation_gives_both_figures_and_how_far_apart() -> None:
    pipeline = make_pipeline(Settings())
    lead = "TARVONA, May 3 - "
    raws = [
        article(
            "rally-1",
            "Tarvona Post",
            "2025-05-03T10:00:00Z",
            lead + "Police said about 240,000 people took part in the march in Tarvona on Saturday.",
        ),
        article(
            "rally-2",
            "Wire",
            "2025-05-03T12:00:00Z",
            lead + "The organisers said 1.2 million people took part in the march in Tarvona on Saturday.",
        ),
    ]
    alerts = [a for raw in raws for a in pipeline.process_article(parse_article(raw), 0.0)]
    assert [a.rule for a in alerts] == ["numeric_mismatch.v1"], [a.explanation for a in alerts]
    v2 = to_v2(alerts[0])
    assert (
        v2.explanation
        == "Police put the turnout at about 240,000; the organisers said 1.2 million (5× more)."
    )
    assert [c.highlight_text for c in v2.claims] == ["about 240,000", "1.2 million"]
    assert [c.url for c in v2.claims] == ["https://news.example/rally-1", "https://news.example/rally-2"]
    assert v2.measure == "turnout" and v2.story_label == "Tarvona"


def test_story_is_the_shared_anchor_and_stable(seed_alert: Alert) -> None:
    first, second = seed_alert.claims
    assert story_of(first, second) == story_of(first, second)
    story = Story(names=["lagos", "ikeja"], places=["lagos"])
    other = first.model_copy(
        update={"story": "lagos ikeja", "features": first.features.model_copy(update={"story": story})}
    )
    assert story_of(other, second)[1] == other.title  # nothing shared: the earlier article's story
    assert story_of(other, second)[0] != story_of(first, second)[0]


@pytest.mark.parametrize(
    ("measure", "numeric", "label"),
    [
        ("deaths", True, "death toll"),
        ("evacuated", True, "number evacuated"),
        ("outage:households", True, "outage (households)"),
        ("open:regain~thing:villages", False, "regain villages"),
        ("sanction_lifted", False, "sanction lifted"),
    ],
)
def test_measure_labels(measure: str, numeric: bool, label: str) -> None:
    assert measure_label(measure, numeric) == label


def test_text_format_puts_the_two_sentences_side_by_side(seed_alert: Alert) -> None:
    out = text(to_v2(seed_alert))
    lines = out.splitlines()
    assert lines[0].startswith("[statement_conflict] outcome_polarity.v1 · confidence 0.75 · story Kursk")
    assert lines[1] == explain(seed_alert)
    columns = [ln for ln in lines if " | " in ln]
    left = " ".join(ln.split(" | ", 1)[0].strip() for ln in columns)
    right = " ".join(ln.split(" | ", 1)[1].strip() for ln in columns)
    assert "»regained« several villages" in left and "now been »halted«" in right
    assert "https://news.example/kursk-counteroffensive-halted" in left
    assert "https://news.example/kursk-counteroffensive-halted" in right
    assert "the Kremlin (organisation, insisted)" in left and "AFP, 2024-09-11 18:00 UTC" in right
    assert all(len(ln) <= 110 for ln in lines)


def test_markdown_format_is_a_table_with_links_and_bold_figures(seed_alert: Alert) -> None:
    out = markdown(to_v2(seed_alert))
    assert out.startswith("### Kursk: control (statement conflict)")
    (row,) = [ln for ln in out.splitlines() if ln.startswith("| sentence |")]
    assert "had **regained** several" in row and "been **halted**." in row
    (links,) = [ln for ln in out.splitlines() if ln.startswith("| article |")]
    assert links.count("](<https://news.example/kursk-counteroffensive-halted>)") == 2
    assert render(to_v2(seed_alert), "json") == to_v2(seed_alert).model_dump_json() + "\n"
    with pytest.raises(ValueError, match="unknown format"):
        render(to_v2(seed_alert), "html")
