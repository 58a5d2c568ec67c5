"""Quality gate on the project's own scenario set (tests/quality/scenarios), written apart from the dev set:
24 invented scenarios in other words (12 that must fire, 12 hard negatives that must not), in the eval set's
format and scored by the same scorer. It guards against tuning the method to the dev set's wording.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

try:
    from .test_dev_set import EVAL, _replay
except ImportError:
    from test_dev_set import EVAL, _replay  # type: ignore[no-redef]

SCENARIOS = Path(__file__).resolve().parent / "scenarios"


def _score(tmp_path: Path) -> dict:
    alerts = _replay(SCENARIOS / "articles.jsonl")
    out = tmp_path / "alerts.jsonl"
    out.write_text("".join(json.dumps(a) + "\n" for a in alerts), encoding="utf-8")
    res = subprocess.run(
        [
            sys.executable,
            str(EVAL / "score.py"),
            "--gold",
            str(SCENARIOS / "gold.jsonl"),
            "--articles",
            str(SCENARIOS / "articles.jsonl"),
            "--alerts",
            str(out),
            "--json",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(res.stdout)


def test_the_scenario_set_is_well_formed() -> None:
    lines = (SCENARIOS / "articles.jsonl").read_text(encoding="utf-8").splitlines()
    articles = {json.loads(line)["id"]: json.loads(line) for line in lines if line.strip()}
    gold_lines = (SCENARIOS / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    gold = [json.loads(line) for line in gold_lines if line.strip()]
    assert len(gold) == 24 and len(articles) >= 48
    for g in gold:
        for e in g["expected"]:
            for side in ("a", "b"):
                art = articles[e[side]["article_id"]]
                quotes = e[side]["quote"] if isinstance(e[side]["quote"], list) else [e[side]["quote"]]
                assert any(q in art["text"] or q in art["title"] for q in quotes), (g["scenario"], side)


def test_scenario_set_precision_and_recall(tmp_path: Path) -> None:
    res = _score(tmp_path)
    overall = res["overall"]
    print(f"scenario set: precision {overall['precision']} recall {overall['recall']} f1 {overall['f1']}")
    assert overall["malformed"] == 0
    assert overall["precision"] >= 0.9
    assert overall["recall"] >= 0.75
    negatives = {c: v for c, v in res["by_category"].items() if c.startswith("neg_")}
    assert negatives and all(v["false_positives"] == 0 for v in negatives.values()), negatives
