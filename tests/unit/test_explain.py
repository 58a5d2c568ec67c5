"""`claimwatch explain`: what was extracted from two articles and why each pair of their claims did or did
not fire, through the real command line on small articles written for these tests; the reason codes'
descriptions and their documentation."""

from __future__ import annotations

import ast
import inspect
import io
import json
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from schemas import AlertV2, Claim
from streams.cli import main
from streams.core import detect
from streams.core.detect import REASONS_TEXT, REJECTIONS
from streams.core.explain import DIFFERENT_KEY, verdict

ROOT = Path(__file__).resolve().parents[2]
LEAD = "BHAIRAB, Bangladesh, March 16 - "
CRASH = "people were killed when a passenger train hit a goods train near Bhairab junction in"


def article(id: str, source: str, hour: str, text: str, title: str = "") -> dict[str, Any]:
    return {
        "id": id,
        "source": source,
        "published_at": f"2025-03-16T{hour}:00Z",
        "title": title,
        "text": text,
    }


#: rail-1 and rail-2 disagree on the toll (a fall: cumulative_decrease); rail-3's figure agrees with rail-1's
#: floor; rail-2 also counts the injured (another key); rail-4 and rail-5 place their tolls in two districts
ARTICLES = [
    article(
        "rail-1",
        "Dhaka Post",
        "12:00",
        f"{LEAD}At least 26 {CRASH} Kishoreganj, a fire service official said.",
    ),
    article(
        "rail-2",
        "Bangla Ledger",
        "14:30",
        f"{LEAD}Nine {CRASH} Kishoreganj, Bangladesh Railway said. "
        "About 60 people were injured, the railway said.",
    ),
    article(
        "rail-3", "Wire Three", "15:00", f"{LEAD}27 {CRASH} Kishoreganj, the district administrator said."
    ),
    article(
        "place-1",
        "Dhaka Post",
        "12:00",
        "RAIPUR, Bangladesh, March 16 - A bus fell into a river near Raipur bridge on Sunday. "
        "In Lakshmipur, 26 people were killed, a fire service official said.",
        title="Bus falls into river near Raipur",
    ),
    article(
        "place-2",
        "Bangla Ledger",
        "14:30",
        "RAIPUR, Bangladesh, March 16 - A bus fell into a river near Raipur bridge on Sunday. "
        "In Chandpur, nine people were killed, the police said.",
        title="Bus falls into river near Raipur",
    ),
]


@pytest.fixture
def jsonl(tmp_path: Path) -> Path:
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def explain_json(path: Path, a: str, b: str, *flags: str) -> dict[str, Any]:
    code, out, err = run(["explain", str(path), "--a", a, "--b", b, "--format", "json", *flags])
    assert code == 0, err
    return json.loads(out)


def claims_by_label(doc: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {c["label"]: c for side in ("a", "b") for c in doc[side]["claims"]}


def pair(doc: dict[str, Any], key: str) -> dict[str, Any]:
    """The one pair of claims that are both under `key`."""
    (found,) = [p for p in doc["pairs"] if p["keys"] == [key, key]]
    return found


def replayed_alerts(path: Path) -> list[AlertV2]:
    code, out, _ = run(["replay", str(path)])
    assert code == 0
    return [AlertV2.model_validate_json(line) for line in out.splitlines()]


def test_a_pair_that_fires_is_the_alert_replay_publishes(jsonl: Path) -> None:
    doc = explain_json(jsonl, "rail-1", "rail-2")
    claims = claims_by_label(doc)
    fired = pair(doc, "numeric:deaths")
    assert fired["fires"] and fired["rule"] == "cumulative_decrease.v1"
    assert fired["published"] and fired["met_in_replay"] and fired["older"] == fired["a"]
    assert 0.55 <= fired["confidence"] <= 1 and "falls from 'At least 26'" in fired["explanation"]
    older, newer = claims[fired["a"]], claims[fired["b"]]
    assert older["figure"]["text"] == "At least 26" and older["figure"]["low"] == 26
    assert older["figure"]["high"] is None and older["figure"]["bound"] == "at_least"
    assert newer["figure"]["text"] == "Nine" and newer["figure"]["low"] == newer["figure"]["high"] == 9
    assert older["claimant"] == "fire service" and newer["claimant"] == "bangladesh railway"
    assert "kishoreganj" in older["place"] and older["polarity"] == 1 and older["period"] is None
    (alert,) = [a for a in replayed_alerts(jsonl) if {c.article_id for c in a.claims} == {"rail-1", "rail-2"}]
    assert (alert.alert_id, alert.rule, alert.confidence) == (
        fired["alert_id"],
        fired["rule"],
        fired["confidence"],
    )
    # the published alert words the same pair for a person: both figures, as written
    assert "at least 26" in alert.explanation and "nine" in alert.explanation


def test_the_older_claim_is_judged_first_whichever_side_it_is_given_on(jsonl: Path) -> None:
    doc = explain_json(jsonl, "rail-2", "rail-1")
    fired = pair(doc, "numeric:deaths")
    assert fired["older"] == fired["b"] and fired["rule"] == "cumulative_decrease.v1"
    assert fired["alert_id"] == pair(explain_json(jsonl, "rail-1", "rail-2"), "numeric:deaths")["alert_id"]


def test_pairs_stopped_by_a_named_check(jsonl: Path) -> None:
    agreeing = pair(explain_json(jsonl, "rail-1", "rail-3"), "numeric:deaths")
    assert not agreeing["fires"] and agreeing["met_in_replay"]
    assert (agreeing["reason"], agreeing["reason_text"]) == (
        "compatible_figures",
        REASONS_TEXT["compatible_figures"],
    )
    placed = explain_json(jsonl, "place-1", "place-2")
    places = {c["place"] for c in placed["a"]["claims"] + placed["b"]["claims"] if c["kind"] == "numeric"}
    assert places == {"lakshmipur", "chandpur"}
    assert pair(placed, "numeric:deaths")["reason"] == "different_place"


def test_claims_under_different_keys_never_meet(jsonl: Path) -> None:
    doc = explain_json(jsonl, "rail-1", "rail-2")
    keys = {tuple(p["keys"]) for p in doc["pairs"] if p.get("reason") == DIFFERENT_KEY}
    assert ("numeric:deaths", "numeric:injured") in keys
    different = [p for p in doc["pairs"] if not p["same_key"]]
    assert different and all(p["reason"] == DIFFERENT_KEY and not p["met_in_replay"] for p in different)
    every = {(a["label"], b["label"]) for a in doc["a"]["claims"] for b in doc["b"]["claims"]}
    assert [(p["a"], p["b"]) for p in doc["pairs"]] == sorted(
        every, key=lambda ab: (int(ab[0][1:]), int(ab[1][1:]))
    )


def test_sentence_is_the_sentence_index_extract_prints(jsonl: Path) -> None:
    code, out, _ = run(["extract", str(jsonl)])
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    (injured,) = [r for r in rows if r["article_id"] == "rail-2" and r["key"] == "numeric:injured"]
    index = injured["sentence_index"]
    doc = explain_json(jsonl, "rail-1", f"rail-2:{index}")
    assert doc["b"]["sentences"] == [index]
    assert {c["sentence_index"] for c in doc["b"]["claims"]} == {index}
    assert "numeric:injured" in {c["key"] for c in doc["b"]["claims"]}
    assert "numeric:deaths" not in {c["key"] for c in doc["b"]["claims"]}
    assert all(p.get("reason") == DIFFERENT_KEY for p in doc["pairs"])
    both = explain_json(jsonl, "rail-1", f"rail-2:{index},{index - 1}")
    assert {c["sentence_index"] for c in both["b"]["claims"]} == {index, index - 1}


def test_text_output_names_the_rule_the_reason_and_the_keys(jsonl: Path) -> None:
    code, out, err = run(["explain", str(jsonl), "--a", "rail-1", "--b", "rail-2"])
    assert code == 0, err
    assert re.search(r"FIRES cumulative_decrease\.v1, confidence 0\.\d+: The running count of deaths", out)
    assert "published as alert " in out
    assert "figure 'At least 26' -> [26, ∞) (at_least, unit people, counted people)" in out
    assert "different_key: numeric:deaths vs numeric:injured" in out
    assert "claimant 'bangladesh railway'" in out
    code, out, _ = run(["explain", str(jsonl), "--a", "rail-1", "--b", "rail-3"])
    assert f"stopped by compatible_figures: {REASONS_TEXT['compatible_figures']}" in out
    code, out, _ = run(["explain", str(jsonl), "--a", "rail-1:7", "--b", "rail-3"])
    assert code == 0 and "no claims extracted there (sentence indexes with claims: 0)" in out


def test_history_settings_are_replays(jsonl: Path) -> None:
    """With a history of one claim per key, rail-1's toll has left the history when rail-3 arrives: the pair
    did not meet, as in `claimwatch replay --history-per-key 1`."""
    doc = explain_json(jsonl, "rail-1", "rail-3", "--history-per-key", "1")
    assert pair(doc, "numeric:deaths")["met_in_replay"] is False
    assert pair(explain_json(jsonl, "rail-2", "rail-3"), "numeric:deaths")["met_in_replay"] is True


def test_unknown_article_and_bad_sentence_are_usage_errors(jsonl: Path) -> None:
    code, out, err = run(["explain", str(jsonl), "--a", "rail-9", "--b", "rail-2"])
    assert code == 2 and out == ""
    assert f"--a rail-9: no article with that id in {jsonl}: it holds 5 articles (rail-1, " in err
    assert re.search(r"did you mean rail-\d, rail-\d, rail-\d\?", err)
    code, out, err = run(["explain", str(jsonl), "--a", "rail-1", "--b", "rail-2:first"])
    assert code == 2 and out == "" and "SENTENCE must be a sentence index" in err
    with pytest.raises(SystemExit) as exited:
        run(["explain", str(jsonl), "--a", "rail-1"])
    assert exited.value.code == 2


def test_an_article_id_with_a_colon(tmp_path: Path) -> None:
    path = tmp_path / "colon.jsonl"
    rows = [dict(ARTICLES[0], id="wire:26"), dict(ARTICLES[1], id="wire:9")]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    doc = explain_json(path, "wire:26", "wire:9:0")
    assert doc["a"]["sentences"] is None and doc["b"]["sentences"] == [0]
    assert pair(doc, "numeric:deaths")["rule"] == "cumulative_decrease.v1"


def test_replay_summarises_the_pairs_it_did_not_alert(jsonl: Path) -> None:
    code, _, err = run(["replay", str(jsonl)])
    assert code == 0
    (line,) = [x for x in err.splitlines() if "pairs not alerted" in x]
    counts = dict(re.findall(r"(\w+)=(\d+)", line))
    assert set(counts) <= set(REJECTIONS) and int(counts["compatible_figures"]) >= 1
    assert int(line.split()[1]) == sum(int(n) for n in counts.values())


def test_verdict_on_plain_claims(make_claim: Callable[..., Claim]) -> None:
    old = make_claim(value=26.0, figure={"text": "26", "value": 26.0, "low": 26.0, "high": 26.0})
    other_key = make_claim(key="numeric:injured", measure="injured", speaker="army", claimant="army")
    assert verdict(old, other_key).reason == DIFFERENT_KEY
    assert (
        verdict(old, old).reason == "same_claim"
        and verdict(old, old).reason_text == REASONS_TEXT["same_claim"]
    )


def test_every_reason_code_has_a_one_line_description() -> None:
    assert list(REASONS_TEXT) == list(REJECTIONS), "one description per reason code, in check order"
    for code, text in REASONS_TEXT.items():
        assert text and "\n" not in text and len(text) < 200, code


def _returned_codes(fn: Callable[..., object]) -> set[str]:
    tree = ast.parse(inspect.getsource(fn))
    return {
        node.value.value
        for node in ast.walk(tree)
        if isinstance(node, ast.Return)
        and isinstance(node.value, ast.Constant)
        and isinstance(node.value.value, str)
    }


def test_rejections_list_every_code_the_checks_return() -> None:
    returned = set().union(*(_returned_codes(f) for f in (detect.judge, detect._numeric, detect._statement)))
    assert returned | {detect.RESTATED_DISPUTE} == set(REJECTIONS)


def test_method_lists_every_reason_code() -> None:
    text = (ROOT / "docs" / "METHOD.md").read_text(encoding="utf-8")
    section = text.split("### Reason codes", 1)[1].split("\n#", 1)[0]
    rows = re.findall(r"^\| `(\w+)` \| (.+?) \|$", section, re.MULTILINE)
    assert rows == list(REASONS_TEXT.items()), "docs/METHOD.md's reason codes differ from detect.REASONS_TEXT"
    assert f"`{DIFFERENT_KEY}`" in section
