"""Figures that were once read wrongly, pinned at the documented convention (numbers.py docstring)."""

from __future__ import annotations

from datetime import datetime, timezone

import pytest

from schemas import Article, Claim
from streams.core.extract import extract_claims
from streams.core.numbers import find_figures

M = 1e6
# (sentence, expected [(text, value, low, high, bound, unit)])
CASES = [
    (
        "Officials said about 130,000 people had fled.",
        [("about 130,000", 130000, 110500, 149500, "approx", None)],
    ),
    ("About 40,000 people fled.", [("About 40,000", 40000, 34000, 46000, "approx", None)]),
    ("About 1,000 people fled.", [("About 1,000", 1000, 850, 1150, "approx", None)]),
    ("About 5m people live there.", [("About 5m", 5 * M, 4.25 * M, 5.75 * M, "approx", None)]),
    (
        "An estimated 2.3 million people need aid.",
        [("An estimated 2.3 million", 2.3 * M, 1.955 * M, 2.645 * M, "approx", None)],
    ),
    ("Two million people lack water.", [("Two million", 2 * M, 1.5 * M, 2.5 * M, "exact", None)]),
    ("Four million people voted.", [("Four million", 4 * M, 3.5 * M, 4.5 * M, "exact", None)]),
    ("Twenty-three thousand people fled.", [("Twenty-three thousand", 23000, 22500, 23500, "exact", None)]),
    (
        "Three hundred thousand people fled.",
        [("Three hundred thousand", 300000, 250000, 350000, "exact", None)],
    ),
    ("Nearly two dozen houses collapsed.", [("Nearly two dozen", 24, 21.6, 24, "nearly", None)]),
    ("Nearly dozens of people came.", [("Nearly dozens", None, 21.6, 99, "nearly", None)]),
    (
        "One hundred and twenty-five people were rescued.",
        [("One hundred and twenty-five", 125, 125, 125, "exact", None)],
    ),
    (
        "Two and a half million people fled.",
        [("Two and a half million", 2.5 * M, 2.45 * M, 2.55 * M, "exact", None)],
    ),
    ("Kambale, 50, said the town was calm.", []),
    ("Kambale, 50, and his son fled.", []),
    ("The victims, aged 20 to 30, were students.", []),
    ("Residents of the town aged 31, 34 and 40 were found.", []),
    ("The curfew starts at 22:00.", []),
    ("The shelling began at 10:30 on Tuesday.", []),
    ("He lives at 221 Baker Street.", []),
    ("The Boeing 737 crashed.", []),
    ("The F-16 crashed near the border.", []),
    ("COVID-19 cases rose.", []),
    ("Resolution 2334 was adopted.", []),
    ("Both men, 34 and 51, were arrested.", []),
]


@pytest.mark.parametrize(("sentence", "expected"), CASES, ids=[c[0][:40] for c in CASES])
def test_figure_regressions(sentence: str, expected: list[tuple]) -> None:
    got = find_figures(sentence)
    assert [f.text for f in got] == [e[0] for e in expected]
    for f, (_, value, low, high, bound, unit) in zip(got, expected, strict=True):
        assert (f.bound, f.unit) == (bound, unit)
        for a, b in ((f.value, value), (f.low, low), (f.high, high)):
            assert (a is None and b is None) or a == pytest.approx(b)


def test_a_comma_and_an_attribution_after_a_count_is_no_age() -> None:
    from streams.core.numbers import find_figures

    assert [f.text for f in find_figures("Official attendance: 52,314, the federation said.")] == ["52,314"]
    assert [f.text for f in find_figures("Police arrested 45, the ministry said.")] == ["45"]
    assert find_figures("Maria Lopez, 57, a retired teacher, said the water rose fast.") == []


def numeric_claims(text: str) -> list[Claim]:
    """The numeric claims of a one-paragraph article."""
    art = Article(
        id="r-1",
        source="Wire",
        published_at=datetime(2026, 6, 20, tzinfo=timezone.utc),
        title="Report",
        text=text,
        url=None,
    )
    return [c for c in extract_claims(art) if c.kind == "numeric"]


def test_a_figure_set_against_an_earlier_unstated_one_is_the_figure_now() -> None:
    """ "420,000 packs, far fewer than first reported" states the count now; "the agency had first put the
    toll at 12" is a superseded count."""

    def values(text: str) -> list[float | None]:
        return [c.value for c in numeric_claims(text)]

    assert values("Its insulin recall involved 420,000 packs, far fewer than first reported.") == [420_000]
    assert values("The agency had first put the death toll at 12.") == []


def test_a_time_earlier_in_the_week_is_the_events_and_an_adjective_of_another_noun_no_qualifier() -> None:
    """ "Frost earlier this week destroyed 12,500 tonnes" is a count of this week's losses (an "earlier" time
    supersedes a count only in the past perfect); "severe" there is the frost's, not the count's kind."""

    def numeric(text: str) -> list[tuple[float | None, list[str]]]:
        return [(c.value, c.features.qualifiers) for c in numeric_claims(text)]

    assert numeric("Frost earlier this week destroyed 12,500 tonnes of potatoes, the ministry said.") == [
        (12_500, [])
    ]
    assert numeric("Two nights of severe frost destroyed about 40,000 tonnes of potatoes.")[0][1] == []
    assert numeric("Earlier this week the ministry had put the losses at 9,000 tonnes.") == []
    assert "imported" in numeric("Some 40 imported cases were reported on Monday.")[0][1]


def test_a_figure_for_each_one_of_many_is_no_total() -> None:
    """ "The four other finalists each receive 2,000 pounds": a sum per finalist, another measure than the
    winner's 25,000 or a total paid; "apiece", "per head" say the same."""

    def quals(text: str) -> list[list[str]]:
        return [c.features.qualifiers for c in numeric_claims(text)]

    assert quals("The four other finalists each receive 2,000 pounds, the foundation said.") == [["each"]]
    assert quals("The four finalists were paid 2,000 pounds apiece, the foundation said.") == [["each"]]
    assert quals("The winner receives 25,000 pounds, the foundation said.") == [[]]
    from streams.core.qualifiers import QUALIFIER

    assert QUALIFIER.search("kill about 200 people each year") is None  # a span, not a share


def test_an_adjective_of_a_noun_another_number_counts_is_not_the_figures_kind() -> None:
    """ "Seven people missing, four foreign climbers and three guides": "foreign" is the four's kind, not the
    seven's (the seven stay a count of the missing, met by another report's three)."""
    found = {
        c.figure.text: c.features.qualifiers
        for c in numeric_claims(
            '"We have seven people missing, four foreign climbers and three Sherpa guides," he said.'
        )
        if c.figure is not None
    }
    assert found["seven"] == []
    assert (
        "foreign"
        in numeric_claims("Seven foreign climbers are missing, the agency said.")[0].features.qualifiers
    )
