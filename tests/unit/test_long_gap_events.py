"""Reports months apart about one event: their leads name it by its year or its name, so they are one story
past the story window, and the comparison window (CLAIMWATCH_HISTORY_DAYS, 400 days by default) keeps the
earlier report's figures to meet the later one's. Sentences written for these tests."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from schemas import Alert, Article
from streams.core.pipeline import Pipeline
from streams.core.sentences import split_sentences
from streams.core.story import event_refs, story_signature

T0 = datetime(2031, 1, 14, 9, 0, tzinfo=timezone.utc)


def article(aid: str, source: str, days: float, title: str, text: str) -> Article:
    return Article(
        id=aid, source=source, published_at=T0 + timedelta(days=days), title=title, text=text, url=None
    )


OFFICIAL = article(
    "official",
    "Harbour Wire",
    0,
    "Norvia raises quake death toll",
    "The death toll from Norvia's devastating 2030 earthquake was more than 41,000, prime minister Ilse "
    'Varda said on Tuesday, a year after the disaster. "There were over 41,000 people killed," Varda told '
    "a news conference in the capital.",
)


def survey(days: float, event: str, title: str = "Study questions Norvia quake toll") -> Article:
    return article(
        f"survey-{days}-{event}",
        "Coastline Review",
        days,
        title,
        f"Norvian officials have dismissed a draft study that questioned the death toll in {event}. "
        '"The number of fatalities that resulted from the earthquake is estimated at 9,500 to 14,200," the '
        "study says.",
    )


def run(*articles: Article) -> list[Alert]:
    pipe = Pipeline()
    return [alert for a in articles for alert in pipe.process_article(a)]


def test_a_report_months_later_on_the_same_named_event_meets_the_first() -> None:
    (alert,) = run(OFFICIAL, survey(130, "last year's earthquake"))
    assert alert.kind == "numeric_conflict" and not alert.same_source
    figures = sorted((c.figure.low, c.figure.high) for c in alert.claims if c.figure)
    assert figures == [(9_500, 14_200), (41_000, None)]


def test_another_year_or_another_event_months_later_is_another_story() -> None:
    assert run(OFFICIAL, survey(130, "the 2028 earthquake")) == []  # "Norvia quake" of another year
    assert run(OFFICIAL, survey(130, "last year's floods", "Study questions Norvia toll")) == []


def test_the_same_event_past_the_comparison_window_does_not_meet() -> None:
    assert run(OFFICIAL, survey(420, "the 2030 earthquake")) == []


def test_events_named_by_year_by_name_and_by_their_own_name() -> None:
    refs = event_refs(
        "Relief came after Norvia's 2030 quake, the Kestrel Tower fire and Cyclone Amara's landfall, not "
        "Monday's blaze.",
        T0,
    )
    assert refs == {"earthquake@2030", "earthquake:norvia", "fire:kestrel tower", "cyclone:amara"}
    assert event_refs("Damage from last year's floods is still visible.", T0) == {"flood@2030"}
    assert event_refs("The fire spread on Monday. The 2030 budget was passed.", T0) == set()


def test_an_outlet_named_after_the_place_it_reports_on_keeps_the_place_as_a_story_name() -> None:
    a = article(
        "local",
        "Norvia Evening Post",
        0,
        "Quake toll questioned",
        "Officials dismissed a study of the quake. Aid groups working in Norvia said the study was late.",
    )
    assert "norvia" in story_signature(a, split_sentences(a.text)).names
    other = article("other", "Norvia Evening Post", 0, "Harbour fees rise", "Harbour fees rose on Monday.")
    assert "norvia" not in story_signature(other, split_sentences(other.text)).names


def test_a_word_cut_at_the_edge_of_the_qualifier_window_is_no_qualifier() -> None:
    claims = [c for b in Pipeline().extract(OFFICIAL) for c in b.claims]
    (claim,) = [c for c in claims if c.figure and "people killed" in c.sentence]
    assert claim.features.qualifiers == []


def test_one_kind_of_event_and_one_shared_name_days_apart_is_one_story() -> None:
    from streams.core.relations import DetectConfig, same_story
    from streams.core.story import event_kinds, one_kind

    assert event_kinds("after this winter's bird flu outbreak in the south") == {"outbreak~bird flu"}
    assert event_kinds("since the outbreak began") == {"outbreak~"}
    assert one_kind(["outbreak~bird flu"], ["outbreak~"]) and not one_kind(
        ["outbreak~measles"], ["outbreak~bird flu"]
    )
    first = article(
        "a",
        "Capital Wire",
        0,
        "Norvia says swine fever compensation paid",
        "VALMORA, Feb 20 - Norvia has paid "
        "compensation to every farm whose herds were culled in this winter's swine fever outbreak, the "
        "agriculture ministry said.",
    )
    second = article(
        "b",
        "Plains Daily",
        1,
        "Pig farmers say no compensation yet",
        "KELDRA, Norvia, Feb 21 - Pig farmers "
        "whose herds were culled in the swine fever outbreak have not been paid the compensation promised, "
        "their association said.",
    )
    pipe = Pipeline()
    alerts = [*pipe.process_article(first), *pipe.process_article(second)]
    assert [a.kind for a in alerts] == ["statement_conflict"], alerts
    # the same two reports months apart are not one story: a kind of event is not an event
    later = second.model_copy(update={"published_at": first.published_at + timedelta(days=90)})
    ca = [c for b in pipe.extract(first) for c in b.claims if c.key == "statement:open:pay"][0]
    cb = [c for b in Pipeline().extract(later) for c in b.claims if c.key == "statement:open:pay"][0]
    assert same_story(ca, cb, DetectConfig()) == 0


def test_a_stated_act_disputed_weeks_later_meets_its_first_report() -> None:
    """A trial said to meet its goal, and an investigator three weeks later saying the same trial missed it:
    the same act on the same thing, names shared, is one dispute; two months later it is another story."""
    first = article(
        "maker",
        "Pharma Ledger",
        0,
        "Kelvora says Tessa-3 trial met its goal",
        "BOSTON - Kelvora Bio said on Monday that the Tessa-3 trial of its drug met its primary endpoint.",
    )

    def later(days: float) -> Article:
        return article(
            f"investigator-{days}",
            "Clinical Dispatch",
            days,
            "Tessa-3 investigator says Kelvora trial missed its goal",
            "VIENNA - The Tessa-3 trial of the Kelvora Bio drug did not meet its primary endpoint, its lead "
            "investigator Anna Holm told a congress on Friday.",
        )

    assert [a.kind for a in run(first, later(19))] == ["statement_conflict"]
    assert run(first, later(60)) == []


def test_a_named_facility_is_a_place_of_the_story_wherever_it_stands() -> None:
    a = article(
        "bridge",
        "Valley Wire",
        0,
        "Calloway Street Bridge reopens",
        "The Calloway Street Bridge passed its inspection, county officials said. Trucks may cross again.",
    )
    story = story_signature(a, split_sentences(a.text))
    assert "calloway" in story.places
    other = article("firm", "Valley Wire", 0, "Calloway wins award", "Calloway Holdings won an award.")
    assert "calloway" not in story_signature(other, split_sentences(other.text)).places
