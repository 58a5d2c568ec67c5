"""The parse-cost benchmark times the parse where extraction calls it (a split of zero would be wrong)."""

from __future__ import annotations

from pathlib import Path

from streams.bench.parsecost import split_cost

DEV = Path(__file__).resolve().parents[2] / ".." / "shared" / "eval" / "dev" / "articles.jsonl"


def test_the_split_times_the_parse(tmp_path: Path) -> None:
    sample = tmp_path / "a.jsonl"
    sample.write_text("".join(DEV.read_text().splitlines(keepends=True)[:6]))
    out = split_cost(sample)
    assert out["articles"] == 6
    assert out["parse_ms_per_article"] > 0 and 0 < out["share_of_words_parsed"] <= 1
    assert out["ms_per_article"] >= out["parse_ms_per_article"]
