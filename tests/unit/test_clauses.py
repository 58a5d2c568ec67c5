"""Clause gates on the parse, and what they change in the claims: outcome words that describe another noun,
negations that bear on the manner, the parse's subject of an outcome, parts of a listed whole, the stage of
a running count. Sentences are written for these tests; each asserts extracted fields."""

from __future__ import annotations

from datetime import datetime, timezone

from schemas import Article, Claim
from streams.core import parse
from streams.core.clauses import describes_noun, manner_in_focus, subject_names, token_at
from streams.core.extract import extract_claims
from streams.core.lexicon import OUTCOME_BY_NAME
from streams.core.relations import names_compatible


def tok(sentence: str, word: str):  # type: ignore[no-untyped-def]
    (doc,) = parse.parse([sentence])
    assert doc is not None
    t = token_at(doc, sentence.index(word))
    assert t is not None and t.text == word.split()[0]
    return t


def claims(text: str, title: str = "Report", day: int = 2) -> list[Claim]:
    art = Article(
        id=f"t-{day}",
        source="Test Wire",
        published_at=datetime(2026, 3, day, 9, 0, tzinfo=timezone.utc),
        title=title,
        text=text,
        url=None,
        language="en",
    )
    return extract_claims(art)


def test_a_word_in_a_clause_about_another_noun() -> None:
    agreement = OUTCOME_BY_NAME["agreement"].context
    assert describes_noun(
        tok("They cited an older draft that was never signed by either side.", "signed"), agreement
    )
    # the noun is what the class is about: the clause still states the outcome
    assert not describes_noun(tok("It is a contract that was never signed by the club.", "signed"), agreement)
    # the content of a report is what is reported, not a description of the report
    assert not describes_noun(
        tok("The firm denied a report that it had signed a merger deal.", "signed"), agreement
    )
    assert not describes_noun(tok("The club signed the striker on Monday.", "signed"), agreement)


def test_a_negated_manner() -> None:
    assert manner_in_focus(
        tok("Police found nothing to show the well was deliberately poisoned.", "poisoned")
    )
    assert manner_in_focus(tok("The terminal has not fully reopened.", "reopened"))
    assert not manner_in_focus(tok("The terminal has not reopened.", "reopened"))
    assert not manner_in_focus(tok("The terminal has not reopened recently.", "reopened"))


def test_the_subject_leaves_out_what_a_relative_clause_adds() -> None:
    t = tok("Corvina, who beat Santos Bay twice last year, have signed four new players.", "signed")
    assert subject_names(t) == {"corvina"}
    assert subject_names(tok("Signed in haste, the papers were lost.", "lost")) == frozenset()


def statements(text: str, measure: str, title: str = "Report") -> list[Claim]:
    return [c for c in claims(text, title) if c.kind == "statement" and c.measure == measure]


def test_an_outcome_word_describing_another_noun_makes_no_claim() -> None:
    text = "Harbour Telecom said the figure came from an earlier draft that was never signed by the carriers."
    assert statements(text, "agreement") == []
    # the same act stated of the deal itself is a claim
    (c,) = statements("Harbour Telecom said it had never signed the roaming agreement.", "agreement")
    assert c.polarity == -1


def test_a_negated_manner_is_not_a_denial_of_the_act() -> None:
    text = "Inspectors said they had found nothing to suggest the flour was deliberately contaminated."
    assert [c for c in claims(text) if c.kind == "statement" and c.polarity < 0] == []
    (c,) = statements("Inspectors said the flour had not been contaminated.", "contaminated")
    assert c.polarity == -1


def test_not_the_only_one_asserts_the_act() -> None:
    text = (
        "Harbour Telecom is by no means the only carrier to have announced layoffs this year, analysts said."
    )
    assert [c.polarity for c in statements(text, "job cuts")] in ([], [1])


def test_an_act_each_party_does_for_itself_needs_the_same_party() -> None:
    (a,) = statements("Club officials said Okafor has signed a four-year contract with Corvina.", "agreement")
    (b,) = statements("Santos Bay said on Monday it had never signed the transfer agreement.", "agreement")
    assert a.features.agents and b.features.agents
    assert not names_compatible(a, b)
    (c,) = statements("Club officials said Okafor has not signed any contract with Corvina.", "agreement")
    assert names_compatible(a, c)


def numeric(text: str) -> list[Claim]:
    return [c for c in claims(text) if c.kind == "numeric"]


def test_the_parts_of_a_listed_whole_are_not_counts_of_their_own() -> None:
    found = numeric("Twelve people, eight tourists and four guides, were hurt when the coach overturned.")
    assert [c.figure.text for c in found if c.figure] == ["Twelve"]
    found = numeric("Twelve people were hurt, eight tourists and three guides among them, police said.")
    assert "Twelve" in [c.figure.text for c in found if c.figure]


def test_every_figure_of_a_running_count_carries_its_stage() -> None:
    (c,) = [
        c
        for c in numeric("With 40 percent of ballots counted, Vera Lind had 52.5 percent of the vote.")
        if c.figure and c.figure.text == "52.5 percent"
    ]
    assert "count at 40%" in c.features.qualifiers
    (d,) = numeric("Vera Lind won 52.5 percent of the vote, the electoral board said.")
    assert d.features.qualifiers == []


def test_a_count_with_its_breakdown_keeps_the_sentences_place() -> None:
    text = (
        "Eleven people, including three firefighters, died when a warehouse collapsed in the Kartal district."
    )
    (c,) = numeric(text)
    assert c.figure is not None and c.figure.text == "Eleven"
    assert c.place is not None and "kartal" in c.place.lower()


def test_the_days_a_text_names_are_dates() -> None:
    from streams.core.scope import days

    monday = datetime(2026, 3, 9, 14, 0, tzinfo=timezone.utc)
    assert days("Shares closed 2.3% higher on Friday.", monday) == {"day:2026-03-06"}
    assert days("The index fell 1% yesterday and rose today.", monday) == {"day:2026-03-08", "day:2026-03-09"}
    assert days("Shares fell 1% on Monday.", monday) == {"day:2026-03-09"}
    assert days("Shares fell 1%.", monday) == set()
    late_monday = datetime(2026, 3, 9, 23, 30, tzinfo=timezone.utc)  # already Tuesday east of UTC
    assert days("Power was still out at 7 a.m. on Tuesday.", late_monday) == {"day:2026-03-10"}
    assert days("Power was cut on Wednesday.", late_monday) == {"day:2026-03-04"}
    (c,) = [c for c in numeric("Harbor Group shares closed 2.3% higher on Friday.") if c.figure]
    assert c.time_scope is not None and c.time_scope.startswith("day:")


def test_a_completed_share_of_the_count_is_a_stage() -> None:
    (c,) = [
        c
        for c in numeric("With 99.5% of the count completed, Vera Lind had 50.9% of the vote.")
        if c.figure and c.figure.text == "50.9%"
    ]
    assert "count at 99.5%" in c.features.qualifiers


def test_a_pronoun_doer_of_what_a_body_reports_is_that_body() -> None:
    text = "The Harbor Customs Service reported that it had collected 465 billion pesos in the first half."
    (c,) = [c for c in numeric(text) if c.figure]
    assert {"harbor", "customs"} <= set(c.features.agents)


def test_an_ordinal_after_in_is_no_proportion() -> None:
    text = (
        "Vandor's central budget ran a deficit of 27.4 billion euros in the first quarter, the ministry said."
    )
    (c,) = [c for c in numeric(text) if c.figure and c.figure.value and c.figure.value > 1e9]
    assert c.figure is not None and c.figure.text.startswith("27.4 billion")


def test_a_negative_trigger_with_a_manner_adverb_is_still_a_claim() -> None:
    (c,) = statements("The fertiliser plant is operating normally, the governor said.", "closure")
    assert c.polarity == -1
