"""Detection rules, one positive and the hard negatives for each, on hand-written articles."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest

from schemas import Alert, Article
from streams.core.pipeline import Pipeline

T0 = datetime(2025, 3, 16, 12, 0, tzinfo=timezone.utc)


@pytest.fixture
def article() -> Callable[..., Article]:
    counter = iter(range(1_000_000))

    def make(
        text: str, *, source: str = "Wire One", hours: float = 0.0, title: str = "", **kw: object
    ) -> Article:
        n = next(counter)
        return Article(
            id=kw.pop("id", f"a-{n}"),
            source=source,
            published_at=T0 + timedelta(hours=hours),  # type: ignore[arg-type]
            title=title,
            text=text,
            **kw,
        )  # type: ignore[arg-type]

    return make


def run(*articles: Article) -> list[Alert]:
    pipe = Pipeline()
    out: list[Alert] = []
    for a in articles:
        out += pipe.process_article(a)
    return out


LEAD = "BHAIRAB, Bangladesh, March 16 - "


def test_cross_source_numeric_conflict(article: Callable[..., Article]) -> None:
    a = article(
        LEAD
        + "At least 26 people were killed when a passenger train hit a goods train near Bhairab junction "
        "in Kishoreganj, a fire service official said.",
        source="Dhaka Post",
    )
    b = article(
        LEAD + "Nine people were killed when a passenger train hit a goods train near Bhairab junction in "
        "Kishoreganj, Bangladesh Railway said.",
        source="Bangla Ledger",
        hours=2.5,
    )
    alerts = run(a, b)
    assert [x.kind for x in alerts] == ["numeric_conflict"]
    alert = alerts[0]
    assert alert.same_source is False and alert.rule == "cumulative_decrease.v1"
    assert [c.article_id for c in alert.claims] == [a.id, b.id]
    assert alert.claims[0].figure.text == "At least 26" and alert.claims[1].value == 9
    assert 0.5 <= alert.confidence <= 1.0 and alert.explanation.endswith(".")


def test_rising_toll_is_an_update(article: Callable[..., Article]) -> None:
    a = article(
        LEAD + "Floods in Sunsari and Morang districts of eastern Nepal have killed 30 people, police said."
    )
    b = article(
        LEAD + "The death toll from floods in Sunsari and Morang districts of eastern Nepal rose to 41, "
        "police said.",
        source="Wire Two",
        hours=26,
    )
    assert run(a, b) == []


def test_later_lower_toll_conflicts_even_from_another_source(article: Callable[..., Article]) -> None:
    a = article(
        "JUIZ DE FORA, Jan 13 - Floods in the Zona da Mata region of Minas Gerais have killed 57 people, "
        "the state civil defence agency said."
    )
    b = article(
        "RIO, Jan 15 - Floods in the Zona da Mata region of Minas Gerais have killed 39 people, the national "
        "civil defence secretariat said.",
        source="Wire Two",
        hours=44,
    )
    alerts = run(a, b)
    assert len(alerts) == 1 and alerts[0].rule == "cumulative_decrease.v1"


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param("killed 23 people", "injured 40 people", id="different-measure"),
        pytest.param(
            "evacuated about 130,000 people", "evacuated more than 120,000 people", id="compatible-hedge"
        ),
        pytest.param("evacuated 1.2 million people", "evacuated 1,187,000 people", id="rounding"),
        pytest.param("killed 26 people", "killed 26 people", id="repetition"),
        pytest.param("killed twenty-three people", "killed 23 people", id="word-number-repetition"),
    ],
)
def test_numeric_hard_negatives(article: Callable[..., Article], first: str, second: str) -> None:
    a = article(f"DHAKA, March 16 - The cyclone in Khulna and Bagerhat {first}, the disaster ministry said.")
    b = article(
        f"DHAKA, March 16 - The cyclone in Khulna and Bagerhat {second}, the Red Crescent said.",
        source="Wire Two",
        hours=3,
    )
    assert run(a, b) == []


def test_different_places_do_not_conflict(article: Callable[..., Article]) -> None:
    a = article(
        "PESHAWAR, July 26 - Flash floods have killed 23 people in Khyber Pakhtunkhwa since Thursday, the "
        "provincial disaster authority said."
    )
    b = article(
        "QUETTA, July 26 - Flash floods have killed nine people in Balochistan since Thursday, the "
        "provincial disaster authority said.",
        source="Wire Two",
        hours=1,
    )
    assert run(a, b) == []


def test_different_periods_do_not_conflict(article: Callable[..., Article]) -> None:
    a = article(
        "ABIDJAN, Oct 2 - Ivory Coast cocoa exporters shipped 1.6 million tonnes in the 2024/25 season, "
        "the Coffee and Cocoa Council said."
    )
    b = article(
        "ABIDJAN, Oct 3 - Ivory Coast cocoa exporters shipped 2.1 million tonnes in the 2025/26 season, "
        "the Coffee and Cocoa Council said.",
        source="Wire Two",
        hours=20,
    )
    assert run(a, b) == []


def test_same_source_revision(article: Callable[..., Article]) -> None:
    a = article(
        "KATHMANDU, Aug 12 - The floods in Sunsari and Morang districts destroyed 1,240 houses, the Home "
        "Ministry said."
    )
    b = article(
        "KATHMANDU, Aug 14 - The floods in Sunsari and Morang districts destroyed 460 houses, the Home "
        "Ministry said in a revised count.",
        source="Wire Two",
        hours=48,
    )
    alerts = run(a, b)
    assert len(alerts) == 1
    assert alerts[0].same_source is True and alerts[0].rule == "numeric_revision.v1"


def test_within_article_two_claimants(article: Callable[..., Article]) -> None:
    a = article(
        "SANTIAGO, June 4 - Teachers marched through the capital on Wednesday. The national teachers' union "
        "said 150,000 people joined the march along the Alameda. Carabineros, Chile's national police, put "
        "the turnout at 18,000."
    )
    alerts = run(a)
    assert len(alerts) == 1 and alerts[0].kind == "numeric_conflict" and alerts[0].same_source is False


SUDAN = "NAIROBI, Nov 19 - "


def test_statement_capture_vs_repelled(article: Callable[..., Article]) -> None:
    a = article(
        SUDAN + "Sudan's Rapid Support Forces said on Tuesday it had captured the town of Um Sumeima west of "
        "El Obeid.",
        title="RSF says it has seized Um Sumeima, west of El Obeid",
    )
    b = article(
        "PORT SUDAN, Nov 19 - Sudan's army said on Tuesday its troops had repelled a large-scale attack by "
        "the Rapid Support Forces on Um Sumeima.",
        source="Wire Two",
        hours=5,
        title="Sudan army says RSF attack on Um Sumeima repelled",
    )
    alerts = run(a, b)
    assert len(alerts) == 1
    assert alerts[0].kind == "statement_conflict" and alerts[0].rule == "outcome_polarity.v1"
    assert alerts[0].same_source is False
    assert {c.polarity for c in alerts[0].claims} == {1, -1}


def test_statement_ceasefire_holding_vs_broken(article: Callable[..., Article]) -> None:
    a = article(
        "ADEN, Sept 8 - The ceasefire around the Yemeni city of Taiz was holding on Monday, the government "
        "said."
    )
    b = article(
        "SANAA, Sept 8 - The Houthis accused government forces on Monday of breaking the ceasefire around "
        "the Yemeni city of Taiz, the group's spokesman said.",
        source="Wire Two",
        hours=3,
    )
    assert [x.kind for x in run(a, b)] == ["statement_conflict"]


def test_denial_conflicts(article: Callable[..., Article]) -> None:
    a = article(
        "ACCRA, Oct 8 - Ghana's National Public Health Agency has suspended the use of a batch of malaria "
        "vaccine in the Northern Region, two officials told the Accra Chronicle."
    )
    b = article(
        "ACCRA, Oct 8 - Ghana's National Public Health Agency on Tuesday denied that it had suspended any "
        "batch of malaria vaccine, its director-general Kwame Boateng said.",
        source="Wire Two",
        hours=7,
    )
    alerts = run(a, b)
    assert len(alerts) == 1 and alerts[0].kind == "statement_conflict"
    assert "denied" in {c.certainty for c in alerts[0].claims} or alerts[0].claims[1].polarity == -1


def test_statements_about_different_subjects_do_not_conflict(article: Callable[..., Article]) -> None:
    a = article(
        "CAIRO, May 14 - Egypt's Competition Authority approved on Wednesday the merger of Delta Cement and "
        "Suez Portland Cement, the companies said."
    )
    b = article(
        "CAIRO, May 14 - Egypt's Competition Authority on Wednesday blocked the acquisition of Mishwar by "
        "RideGo, the authority said.",
        source="Wire Two",
        hours=2,
    )
    assert run(a, b) == []


def test_statements_about_different_periods_do_not_conflict(article: Callable[..., Article]) -> None:
    a = article(
        "KYIV, Sept 11 - Zelensky said Russia was not invited to the summit in June, his office said. "
        "Zelensky said Moscow would be invited to the summit in November."
    )
    assert [x for x in run(a) if x.kind == "statement_conflict"] == []


def test_statement_revision_by_same_claimant(article: Callable[..., Article]) -> None:
    a = article(
        "BAGHDAD, July 22 - Iraq's electricity ministry said on Tuesday that Minister Hassan al-Rubaie had "
        "not resigned."
    )
    b = article(
        "BAGHDAD, July 23 - Iraq's electricity ministry confirmed on Wednesday that Minister Hassan "
        "al-Rubaie had resigned.",
        source="Wire Two",
        hours=20,
    )
    alerts = run(a, b)
    assert len(alerts) == 1 and alerts[0].same_source is True and alerts[0].rule == "outcome_reversal.v1"


def test_alert_ids_are_stable_and_redelivery_repeats_them(article: Callable[..., Article]) -> None:
    a = article(
        SUDAN + "Sudan's Rapid Support Forces said on Tuesday it had captured the town of Um Sumeima.",
        id="x-1",
        title="RSF says it has seized Um Sumeima",
    )
    b = article(
        "PORT SUDAN, Nov 19 - Sudan's army said its troops had repelled an attack by the Rapid Support "
        "Forces on Um Sumeima.",
        source="Wire Two",
        hours=5,
        id="x-2",
        title="Sudan army says RSF attack on Um Sumeima repelled",
    )
    pipe = Pipeline()
    first = pipe.process_article(a) + pipe.process_article(b)
    again = pipe.process_article(b)  # a re-delivery of the same message
    assert first and [x.alert_id for x in again] == [x.alert_id for x in first]
    fresh = run(a, b)
    assert [x.alert_id for x in fresh] == [x.alert_id for x in first]


@pytest.mark.parametrize(
    ("first", "second"),
    [
        pytest.param(
            "Interior ministry spokesman Ali Haddad said the three journalists had been released on Monday.",
            "Their lawyer, Mona Saleh, said the three journalists were still detained in Tripoli.",
            id="released-vs-detained",
        ),
        pytest.param(
            "The organisers said the Tripoli marathon had been cancelled because of the unrest.",
            "The sports ministry said the Tripoli marathon will go ahead as planned on Sunday.",
            id="cancelled-vs-going-ahead",
        ),
        pytest.param(
            "The prosecutor's office said the court in Tripoli had convicted the former minister.",
            "The former minister's lawyer said the court in Tripoli had acquitted him of all charges.",
            id="convicted-vs-acquitted",
        ),
    ],
)
def test_statement_classes_in_other_words(article: Callable[..., Article], first: str, second: str) -> None:
    a = article("TRIPOLI, May 2 - " + first)
    b = article("TRIPOLI, May 2 - " + second, source="Wire Two", hours=3)
    alerts = run(a, b)
    assert [x.kind for x in alerts] == ["statement_conflict"]
    assert alerts[0].same_source is False


def test_paraphrased_death_tolls_from_two_sources(article: Callable[..., Article]) -> None:
    a = article(
        "MANILA, Oct 3 - The landslide in Naga claimed the lives of 12 villagers, the provincial "
        "disaster office said.",
        source="Luzon Post",
    )
    b = article(
        "MANILA, Oct 3 - The landslide in Naga left at least 30 people dead, the Red Cross said.",
        source="Visayas Wire",
        hours=1,
    )
    alerts = run(a, b)
    assert len(alerts) == 1 and alerts[0].kind == "numeric_conflict"
    assert {c.measure for c in alerts[0].claims} == {"deaths"}


# --- article revisions (same id, changed content): the earlier version is kept and compared like an earlier
# report by the same outlet

DEAL = (
    "TARVONA, March 16 - The Tarvona regional government signed a contract worth {} with Belcor to rebuild "
    "the coastal road, transport minister Ana Ruiz said on Sunday. Work starts in May."
)


def test_a_revision_that_changes_a_figure_is_a_same_source_revision(article: Callable[..., Article]) -> None:
    first = article(DEAL.format("$40 million"), id="deal-1")
    revised = article(DEAL.format("$25 million"), id="deal-1", hours=1)
    (alert,) = run(first, revised)
    assert alert.rule == "numeric_revision.v1" and alert.same_source
    assert [c.article_id for c in alert.claims] == ["deal-1", "deal-1"]
    assert len({c.article_version for c in alert.claims}) == 2
    assert [c.figure.text for c in alert.claims if c.figure] == ["$40 million", "$25 million"]
    assert "revis" in alert.explanation


def test_revisions_that_change_nothing_compared_or_raise_a_running_count_are_quiet(
    article: Callable[..., Article],
) -> None:
    deal = DEAL.format("$40 million")
    assert run(article(deal, id="d"), article(deal + " Belcor declined to comment.", id="d", hours=1)) == []
    assert run(article(deal, id="d"), article(deal, id="d")) == []  # a redelivery
    toll = LEAD + "{} people were killed when a passenger train hit a goods train near Bhairab, police said."
    rising = article(toll.format("Nineteen"), id="t", hours=2)
    assert run(article(toll.format("Twelve"), id="t"), rising) == []


def test_a_revision_that_lowers_a_running_count_fires(article: Callable[..., Article]) -> None:
    toll = LEAD + "{} people were killed when a passenger train hit a goods train near Bhairab, police said."
    (alert,) = run(article(toll.format("Nineteen"), id="t"), article(toll.format("Seven"), id="t", hours=2))
    assert alert.same_source and alert.rule == "numeric_revision.v1"


def test_later_reports_are_not_compared_with_a_superseded_version(article: Callable[..., Article]) -> None:
    first = article(DEAL.format("$40 million"), id="deal-1")
    revised = article(DEAL.format("$25 million"), id="deal-1", hours=1)
    other = article(DEAL.format("$25 million"), source="Wire Two", hours=2)
    assert [a.rule for a in run(first, revised, other)] == ["numeric_revision.v1"]
    # without the revision, the other outlet's figure conflicts with the first version: both quote the
    # transport minister, so it is the minister's own figure that changed
    assert [(a.rule, a.same_source) for a in run(first, other)] == [("numeric_revision.v1", True)]


# --- a rate about the story's own place is the same scope as the story's unplaced rate; a count about a
# place is still a part of an unplaced total

VOTE = "KARVELL, Nov 19 - Ada Lind won the by-election for mayor of Karvell on Wednesday. "


def test_a_rate_about_the_story_place_meets_the_unplaced_rate(article: Callable[..., Article]) -> None:
    a = article(VOTE + "Turnout was 38.7 per cent of eligible voters, the city election commission said.")
    b = article(
        VOTE + "Turnout in Karvell was just 24.6 per cent, the national election commission said.",
        source="Wire Two",
        hours=20,
    )
    (alert,) = run(a, b)
    assert alert.rule == "numeric_mismatch.v1" and not alert.same_source


def test_a_rate_nationwide_never_meets_one_of_the_dateline_place(article: Callable[..., Article]) -> None:
    city = article(VOTE + "Turnout was 38.7 per cent in Karvell, the national election commission said.")
    nation = article(
        VOTE + "Turnout was 52.1 per cent nationwide, the national election commission said.", hours=20
    )
    assert run(city, nation) == []


def test_a_count_about_a_named_place_stays_a_part_of_the_unplaced_total(
    article: Callable[..., Article],
) -> None:
    a = article(VOTE + "About 12,000 people voted, the city election commission said.")
    b = article(
        VOTE + "In Karvell's old town, 4,100 people voted, the national election commission said.",
        source="Wire Two",
        hours=20,
    )
    assert run(a, b) == []


def test_a_rally_on_a_named_street_is_the_whole_rally(article: Callable[..., Article]) -> None:
    lead = "VARNO, May 4 - Thousands marched through Varno on Saturday against a rise in fuel prices. "
    a = article(
        lead + "Police said about 5,000 people took part in the rally on Lutova Boulevard. "
        "The Citizens' Alliance, which organised the protest, said 45,000 people had joined the march."
    )
    (alert,) = run(a)
    assert alert.rule == "numeric_mismatch.v1"
    assert {c.claimant for c in alert.claims} == {"police", "citizens alliance"}


def test_the_counted_noun_ends_before_the_verb(article: Callable[..., Article]) -> None:
    text = (
        "TIRAN, May 4 - Nurses across Tiran stayed away from work on Sunday in a strike over pay. "
        "The Union of Nurses said more than 52,000 nurses had gone on strike. "
        "Ada Varga, a spokesperson for the health ministry, said only 13,000 nurses took part in the strike."
    )
    (alert,) = run(article(text))
    assert [c.figure.counted for c in alert.claims if c.figure] == ["nurses", "nurses"]


def test_figures_in_different_currencies_are_never_compared(article: Callable[..., Article]) -> None:
    text = (
        "SARNO, May 4 - Economists polled by the central bank had forecast a deficit of about {} this year."
    )
    a = article(text.format("5.0 billion lira"))
    b = article(text.format("2.9 billion dinars"), source="Wire Two", hours=3)
    c = article(text.format("2.9 billion lira"), source="Wire Three", hours=4)
    assert run(a, b) == []
    assert [x.rule for x in run(a, c)] == ["numeric_mismatch.v1"]  # the same currency still is


@pytest.mark.parametrize("group, fires", [("people", True), ("children", False), ("Bangladeshis", False)])
def test_a_count_of_a_group_by_age_or_nationality_is_a_part(
    article: Callable[..., Article], group: str, fires: bool
) -> None:
    a = article(
        LEAD + "At least 26 people were killed when a passenger train hit a goods train near Bhairab "
        "junction in Kishoreganj, a fire service official said.",
        source="Dhaka Post",
    )
    b = article(
        LEAD + f"Nine {group} were killed when a passenger train hit a goods train near Bhairab junction in "
        "Kishoreganj, Bangladesh Railway said.",
        source="Bangla Ledger",
        hours=2.5,
    )
    assert bool(run(a, b)) is fires


def test_open_statement_conflict_on_an_unlisted_act(article: Callable[..., Article]) -> None:
    lead = "PIRAEUS, Greece, March 16 - "
    a = article(
        lead + "The Hellenic maritime authority said it had revoked the operating licence of Coastline "
        "Ferries after an inspection of its fleet in Piraeus.",
        source="Aegean Wire",
    )
    b = article(
        lead + "Coastline Ferries said its operating licence had not been revoked and that its Piraeus "
        "sailings would continue as normal after the inspection of its fleet.",
        source="Athens Ledger",
        hours=3,
    )
    alerts = run(a, b)
    assert [x.kind for x in alerts] == ["statement_conflict"]
    assert alerts[0].key == "statement:open:revoke" and alerts[0].claims[0].measure == "revoke licence"
    assert {c.polarity for c in alerts[0].claims} == {1, -1}


@pytest.mark.parametrize("doer, fires", [("Our soldiers", False), ("Gunmen", True)])
def test_two_doers_of_one_act_do_not_contradict(
    article: Callable[..., Article], doer: str, fires: bool
) -> None:
    lead = "GUSAU, Nigeria, Dec 2 - "
    a = article(lead + "Gunmen opened fire on an aid convoy near Gusau, Zamfara officials said.", source="A")
    b = article(lead + f"{doer} did not open fire on the aid convoy near Gusau, the Zamfara army said.")
    assert bool([x for x in run(a, b) if x.key == "statement:open:open"]) is fires


@pytest.mark.parametrize(
    "first, second, fires",
    [
        ("At least 500 people", "A total of 471 people", True),  # below a stated floor by 6 %: a conflict
        ("About 500 people", "A total of 471 people", False),  # an approximate 500 covers 471
        ("Exactly 500 people", "A total of 471 people", False),  # two point figures 6 % apart: within the gap
    ],
)
def test_a_figure_below_a_stated_floor_conflicts_at_a_smaller_gap(
    article: Callable[..., Article], first: str, second: str, fires: bool
) -> None:
    lead = "GAZA CITY, Oct 18 - "
    a = article(lead + f"{first} were killed in the blast at the Al-Noor hospital, the health ministry said.")
    b = article(
        lead + f"{second} were killed in the blast at the Al-Noor hospital, the civil defence agency said.",
        source="Wire Two",
        hours=1,
    )
    assert bool([x for x in run(a, b) if x.kind == "numeric_conflict"]) is fires


def test_a_count_about_the_story_place_as_a_whole_meets_the_unplaced_count(
    article: Callable[..., Article],
) -> None:
    lead = "ORVEN, June 3 - The carmaker Tessel announced cuts at its Orven factory on Tuesday. "
    a = article(lead + "Tessel has cut 2,300 jobs this year, the metalworkers' union said.")
    b = article(
        lead + "Tessel has cut 850 jobs in Orven this year, the company said.", source="Wire Two", hours=3
    )
    (alert,) = run(a, b)
    assert alert.kind == "numeric_conflict" and not alert.same_source
    # the same count about a named part of the place stays a part of the total
    c = article(
        lead + "In Orven's northern district, Tessel has cut 850 jobs this year, the company said.",
        source="Wire Two",
    )
    assert run(a, c) == []


def test_judge_names_the_check_that_stopped_a_pair(article: Callable[..., Article]) -> None:
    from collections import Counter

    from streams.core.detect import REJECTIONS, detect, judge
    from streams.core.extract import extract_batches

    lead = "PELLA, May 2 - Floods hit the Pella valley on Thursday. "
    a = article(lead + "The floods killed 14 people, the provincial governor said.")
    b = article(
        lead + "The floods killed 14 people, the national rescue agency said.", source="Wire Two", hours=2
    )
    c = article(
        lead + "The floods killed 31 people, the national rescue agency said.", source="Wire Two", hours=2
    )

    def deaths(art: Article) -> list:
        return [x for bt in extract_batches(art) for x in bt.claims if x.figure and x.figure.value]

    (old,), (same,), (other,) = deaths(a), deaths(b), deaths(c)
    assert judge(old, same) == "compatible_figures"
    assert judge(old, old) == "same_claim"
    decided = judge(old, other)
    assert not isinstance(decided, str) and decided[0] == "numeric_mismatch.v1"
    rejected: Counter[str] = Counter()
    (batch,) = [bt for bt in extract_batches(b) if bt.key == old.key]
    assert detect(batch, [old], rejected=rejected) == []
    assert rejected == Counter({"compatible_figures": 1}) and set(rejected) <= set(REJECTIONS)


def test_a_partial_restoration_is_progress_not_a_denial_of_the_outage(
    article: Callable[..., Article],
) -> None:
    lead = "MARRO, Jan 9 - An ice storm cut power across Marro County overnight. "
    a = article(lead + "About 85,000 households were without electricity on Tuesday, the county said.")
    b = article(
        lead + "Crews have reconnected 23,000 customers since the outage peaked, the utility said.",
        source="Wire Two",
        hours=2,
    )
    assert [x for x in run(a, b) if x.kind == "statement_conflict"] == []
    # a restoration stated whole still contradicts the outage
    c = article(
        lead + "Power has been fully restored to every home in the county, the utility said.",
        source="Wire Two",
        hours=2,
    )
    d = article(lead + "Large parts of Marro County remain without electricity, the county said.", hours=2.5)
    assert [x.kind for x in run(c, d)] == ["statement_conflict"]


def test_one_act_meets_across_the_words_for_its_theme(article: Callable[..., Article]) -> None:
    lead = "JAKARTA, Oct 15 - Cracks were found in the wings of regional turboprops. "
    a = article(
        lead + "Sunda Air has grounded six of its Avro turboprops, two engineers said.", title="Sunda Air"
    )
    b = article(
        lead + "Sunda Air denied a report that it had grounded part of its Avro fleet, saying all of its "
        "turboprops were flying.",
        source="Wire Two",
        hours=20,
        title="Sunda Air",
    )
    (alert,) = [x for x in run(a, b) if x.kind == "statement_conflict"]
    assert {c.polarity for c in alert.claims} == {1, -1}
    # the same act on another thing is not the same claim
    c = article(
        lead + "Sunda Air denied a report that it had grounded its cargo helicopters.",
        source="Wire Two",
        hours=20,
    )
    assert [x for x in run(a, c) if x.kind == "statement_conflict"] == []


def test_one_speaker_named_twice_in_one_report_describes_two_aspects(article: Callable[..., Article]) -> None:
    text = (
        "OSLO, May 3 - Norway has not reached any agreement with Greenland on herring quotas, Fisheries "
        "Minister Kari Lunde said on Friday. Lunde said the two sides had agreed only to meet again in June."
    )
    assert run(article(text)) == []
    # two named speakers in one report still disagree
    other = text.replace("Lunde said the two", "Greenland's negotiator Aaja Berthelsen said the two")
    assert [a.kind for a in run(article(other))] == ["statement_conflict"]


def test_what_had_not_happened_may_happen_since(article: Callable[..., Article]) -> None:
    lead = "LIMA, Sept {} - "
    no_deal = "No agreement has been reached in the Callao port wage talks, the Sutrap union said on {}."
    deal = "Callao port operator Terminal Norte and the Sutrap union have reached an agreement on wages."
    earlier = article(lead.format(2) + no_deal.format("Tuesday"), source="Andes Wire")
    later = article(lead.format(6) + deal, source="Pacific Post", hours=96)
    assert run(earlier, later) == []
    # the other way round, an agreement announced and then said not to exist, is a conflict
    first = article(lead.format(2) + deal, source="Pacific Post")
    then = article(lead.format(6) + no_deal.format("Saturday"), source="Andes Wire", hours=96)
    assert [a.kind for a in run(first, then)] == ["statement_conflict"]


def test_a_place_said_to_lie_beside_the_dateline_is_another_place(article: Callable[..., Article]) -> None:
    first = article(
        "TETE, Feb 3 - Tete province has recorded 520 cholera cases since January, the provincial health "
        "directorate said on Monday.",
        source="Zambezi Wire",
    )
    second = article(
        "TETE, Feb 4 - Cholera is spreading in Tete, the directorate said. Neighbouring Manica province has "
        "recorded 40 cases since January, the directorate said.",
        source="Zambezi Wire",
        hours=20,
    )
    assert run(first, second) == []
    closer = article(second.text.replace("Neighbouring Manica", "Tete"), source="Zambezi Wire", hours=21)
    assert [a.kind for a in run(first, closer)] == ["numeric_conflict"]


def test_a_dispute_on_record_is_raised_once_not_at_every_repeat(article: Callable[..., Article]) -> None:
    lead = "KASESE, Uganda, May 4 - "
    ministry = "The health ministry said 40 people died in the Kasese mudslide."
    red_cross = "The Uganda Red Cross said 90 people died in the Kasese mudslide."
    first = article(lead + ministry, source="Kampala Wire")
    second = article(lead + red_cross, source="Rwenzori Post", hours=2)
    summary = article(
        lead + "Figures for the Kasese mudslide still diverge. " + ministry + " " + red_cross,
        source="East Africa Daily",
        hours=5,
    )
    alerts = run(first, second, summary)
    assert [{c.article_id for c in a.claims} for a in alerts] == [{first.id, second.id}]


# --- figures given as a span ("the 100 to 300 range", "in the region of 500"), and a second figure of one
# report that the first alert cannot show

PORT = "VELMA, Aug 3 - A fuel depot exploded at the port of Velma on Tuesday. "


def test_a_figure_given_as_a_span_is_a_range_of_its_clause_measure(article: Callable[..., Article]) -> None:
    a = article(PORT + "The port authority said at least 600 people were killed in the explosion.")
    b = article(
        PORT + "An independent panel estimated the death toll was at the low end of the 150 to 250 range.",
        source="Wire Two",
        hours=30,
    )
    (alert,) = run(a, b)
    spans = sorted((c.figure.low, c.figure.high) for c in alert.claims if c.figure)
    assert spans == [(150, 250), (600, None)]
    c = article(PORT + "The panel put the death toll in the region of 640.", source="Wire Three", hours=30)
    assert run(a, c) == []  # about 640 (576 to 704) meets "at least 600"


def test_one_report_with_two_other_figures_makes_an_alert_for_each(article: Callable[..., Article]) -> None:
    a = article(PORT + "The port authority said at least 600 people were killed in the explosion.")
    b = article(
        PORT
        + "An independent panel estimated the death toll was between 150 and 250. Hospital officials said "
        "412 people were killed in the blast.",
        source="Wire Two",
        hours=30,
    )
    alerts = [al for al in run(a, b) if {c.article_id for c in al.claims} == {a.id, b.id}]
    assert sorted(c.figure.text for al in alerts for c in al.claims if c.article_id == b.id and c.figure) == [
        "412",
        "between 150 and 250",
    ]
    # the same figure restated by another claimant of the report is no second dispute
    c = article(
        PORT
        + "An independent panel estimated the death toll was between 150 and 250. Hospital officials said "
        "the toll was close to 240.",
        source="Wire Three",
        hours=30,
    )
    assert len([al for al in run(a, c) if {cl.article_id for cl in al.claims} == {a.id, c.id}]) == 1


# --- counts of an act dated to different days are different periods; a running total is not

AIR = "OSLO, Feb 11 - Snow closed runways across southern Norway this week. "


def test_counts_of_an_act_on_two_named_days_do_not_conflict(article: Callable[..., Article]) -> None:
    monday = article(AIR + "Fjordair cancelled about 125 flights on Monday, the airline said.")
    tuesday = article(
        AIR + "Fjordair cancelled 64 flights on Tuesday, a spokeswoman said.", source="Wire Two", hours=20
    )
    assert run(monday, tuesday) == []
    # the day of the event the figure is part of ("Tuesday's strike") dates it too
    strike = "BERLIN, Feb 11 - Teachers went on strike across Germany this week. "
    tue = article(strike + "Some 40,000 teachers took part in Tuesday's strike, the union said.")
    wed = article(strike + "Some 8,000 teachers took part in Wednesday's strike, the union said.", hours=20)
    assert run(tue, wed) == []
    # the same day's count from another source, far apart, is a dispute
    other = article(
        AIR + "The airport operator said Fjordair cancelled 64 flights on Monday.",
        source="Wire Two",
        hours=20,
    )
    assert [a.kind for a in run(monday, other)] == ["numeric_conflict"]


# --- acts and the acts that undo them; a refusal in the passive; an outcome of a past month


@pytest.mark.parametrize(
    ("lead", "first", "second"),
    [
        (
            "LYON, Mar 16 - Rail workers had threatened a national walkout. ",
            "The rail strike was called off on Sunday, the transport ministry said.",
            "The union said the rail strike went ahead on Sunday.",
        ),
        (
            "MILAN, Mar 16 - Striker Luca Neri has been linked with a move to Porto. ",
            "The club said Neri's transfer to Porto was completed on Sunday.",
            "Neri's agent said the transfer to Porto had collapsed.",
        ),
        (
            "SEOUL, Mar 16 - Businessman Kim Dae-ho appeared in court on Sunday. ",
            "The court granted bail to Kim on Sunday, his lawyer said.",
            "Kim was denied bail on Sunday, prosecutors said.",
        ),
        (
            "DETROIT, Mar 16 - Autoworkers have been on strike at the Halden plant for two weeks. ",
            "Union members ratified the new contract on Sunday, the union said.",
            "Members rejected the contract in a vote on Sunday, a union official said.",
        ),
        (
            "PARIS, Mar 16 - Retailer Maison Verte has faced questions about its finances. ",
            "Maison Verte filed for bankruptcy on Sunday, a court filing showed.",
            "Maison Verte categorically denied it had filed for bankruptcy.",
        ),
        (
            "CARDIFF, Mar 16 - Storms battered the stadium on Saturday. ",
            "The match was abandoned after 60 minutes, the league said.",
            "The home club said the match was completed despite the storm.",
        ),
        (
            "PARIS, Mar 16 - Police cleared a protest camp on Sunday. ",
            "Police used tear gas to disperse protesters, witnesses said.",
            "Police said no tear gas was used at the camp.",
        ),
        (  # (the lead gives the court context the second sentence lacks)
            "NAIROBI, Mar 16 - Opposition leader Amos Kiprono appeared in court on Sunday. ",
            "The High Court acquitted Kiprono of all charges on Sunday, his lawyers said.",
            "Amos Kiprono was convicted on two counts, prosecutors said.",
        ),
    ],
)
def test_an_act_against_the_act_that_undoes_it(
    article: Callable[..., Article], lead: str, first: str, second: str
) -> None:
    alerts = run(article(lead + first), article(lead + second, source="Wire Two", hours=6))
    assert [a.kind for a in alerts] == ["statement_conflict"]


@pytest.mark.parametrize(
    ("lead", "first", "second"),
    [
        (
            "VIENNA, Mar 16 - Relations between Austria and its neighbours have worsened. ",
            "Austria expelled two Belarusian diplomats on Sunday.",
            "Austria has not expelled any Russian diplomats, the ministry said.",
        ),
        (
            "LYON, Mar 16 - Rail workers had threatened a national walkout. ",
            "The minister did not say whether the strike had been called off.",
            "The rail strike went ahead on Sunday, the union said.",
        ),
        (
            "LYON, Mar 16 - Rail workers had threatened a national walkout. ",
            "Commuter groups demanded that the strike be called off.",
            "The rail strike went ahead on Sunday, the union said.",
        ),
        (
            "NAIROBI, Mar 16 - Two opposition figures were tried this week. ",
            "The High Court acquitted Amos Kiprono on Sunday.",
            "The High Court convicted Ruth Wanjiku on Sunday.",
        ),
    ],
)
def test_acts_on_other_groups_or_not_stated_are_no_conflict(
    article: Callable[..., Article], lead: str, first: str, second: str
) -> None:
    assert run(article(lead + first), article(lead + second, source="Wire Two", hours=6)) == []


def test_an_outcome_of_a_past_month_is_another_period(article: Callable[..., Article]) -> None:
    lead = "SEOUL, Mar 16 - Businessman Kim Dae-ho has been in custody since January. "
    earlier = article(lead + "Kim was denied bail in February, prosecutors said.")
    now = article(
        lead + "The court granted bail to Kim on Sunday, his lawyer said.", source="Wire Two", hours=6
    )
    assert run(earlier, now) == []
    collapsed = article(lead.replace("has been in", "is in") + "A plea deal for Kim collapsed in January.")
    done = article(
        lead + "Kim's plea deal was completed on Sunday, his lawyer said.", source="Wire Two", hours=6
    )
    assert run(collapsed, done) == []


def test_persons_a_verb_of_saying_acts_on_are_its_count(article: Callable[..., Article]) -> None:
    lead = "DUBLIN, Mar 16 - Universities published admission figures. "
    college = article(lead + "Trinity College admitted 4,200 first-year students, the college said.")
    ministry = article(
        lead + "Trinity College admitted 3,100 first-year students, the education ministry said.",
        source="Wire Two",
        hours=6,
    )
    assert [a.kind for a in run(college, ministry)] == ["numeric_conflict"]
    other = article(
        lead + "University College admitted 3,100 first-year students, the ministry said.",
        source="Wire Two",
        hours=6,
    )
    assert run(college, other) == []  # another doer


def test_a_change_without_by_counts_its_subject(article: Callable[..., Article]) -> None:
    lead = "LONDON, Mar 16 - Passenger numbers were published on Sunday. "
    a = article(lead + "Ridership fell 12 percent in February, the operator said.")
    b = article(lead + "Ridership in February fell by just 4 percent, the mayor's office said.", hours=6)
    assert [x.kind for x in run(a, b)] == ["numeric_conflict"]
    april = article(lead + "Ridership fell 4 percent in January, the operator said.", hours=6)
    assert run(a, april) == []


@pytest.mark.parametrize(
    ("denial", "fires"),
    [
        ("The regulator said it has not licensed the tanker terminal.", True),  # not at any time so far
        ("The regulator said it has never licensed the tanker terminal.", True),
        ("The regulator said it did not license the tanker terminal in March.", False),  # another month
    ],
)
def test_an_act_denied_to_date_covers_a_month_named_by_the_other_side(
    article: Callable[..., Article], denial: str, fires: bool
) -> None:
    lead = "ROTTERDAM, May 6 - "
    a = article(
        lead + "Harbour operator Maasvlakte Oil said the regulator licensed the tanker terminal in February."
    )
    b = article(lead + denial, source="Wire Two", hours=4)
    alerts = [x for x in run(a, b) if x.kind == "statement_conflict"]
    assert bool(alerts) is fires, [x.explanation for x in alerts]


def test_a_finding_not_made_contradicts_the_finding_reported(article: Callable[..., Article]) -> None:
    lead = "GDANSK, May 6 - "
    a = article(
        lead
        + "A sailing federation inquiry has concluded that the Baltic regatta was rigged, a draft seen by "
        "Wire One says."
    )
    b = article(
        lead + '"The inquiry has not concluded that the Baltic regatta was rigged," federation secretary '
        "Ola Berg said.",
        source="Wire Two",
        hours=5,
    )
    alerts = [x for x in run(a, b) if x.kind == "statement_conflict"]
    assert len(alerts) == 1 and {c.polarity for c in alerts[0].claims} == {1, -1}
    assert alerts[0].claims[0].measure == alerts[0].claims[1].measure


def test_bail_granted_to_one_accused_and_refused_to_another_do_not_conflict(
    article: Callable[..., Article],
) -> None:
    a = article(
        "DURBAN, Aug 19 - A former harbour official, Pieter Lamb, was granted bail of 20,000 rand on "
        "Tuesday, the court registrar said.",
        title="Former harbour official granted bail in port tender case",
    )
    b = article(
        "DURBAN, Aug 21 - A Durban magistrate on Thursday refused bail to businessman Tomas Kell, who is "
        "accused in the same port tender case.",
        title="Businessman denied bail in port tender case",
        source="Wire Two",
        hours=48,
    )
    assert [x for x in run(a, b) if x.kind == "statement_conflict"] == []
    c = article(
        "DURBAN, Aug 21 - A Durban magistrate on Thursday refused bail to former harbour official Pieter "
        "Lamb in the port tender case, the prosecuting authority said.",
        source="Wire Three",
        hours=48,
    )
    assert [x.kind for x in run(a, c)] == ["statement_conflict"]


@pytest.mark.parametrize(
    ("second", "fires"),
    [
        ("The ban on harvesting clams around Ancud remains in force, the health secretariat said.", True),
        ("A ban on harvesting oysters around Ancud remains in force, the health secretariat said.", False),
    ],
)
def test_a_ban_still_in_force_meets_the_same_ban_lifted_not_another(
    article: Callable[..., Article], second: str, fires: bool
) -> None:
    a = article(
        "ANCUD, Chile, March 5 - Regional authorities lifted a ban on harvesting clams around Ancud on "
        "Wednesday, the fisheries office said."
    )
    b = article("ANCUD, March 5 - " + second, source="Wire Two", hours=3)
    alerts = [x for x in run(a, b) if x.kind == "statement_conflict"]
    assert bool(alerts) is fires, [x.explanation for x in alerts]


def test_confirmed_dead_is_how_sure_not_another_count(article: Callable[..., Article]) -> None:
    a = article(
        "WONOSOBO, Indonesia, Nov 18 - A landslide buried a hamlet in Central Java, killing 21 people, the "
        "national disaster agency said."
    )
    b = article(
        'WONOSOBO, Indonesia, Nov 19 - "As of this morning the number of confirmed dead is twelve," the head '
        "of the district rescue office told reporters.",
        source="Wire Two",
        hours=20,
    )
    assert [x.rule for x in run(a, b)] == ["cumulative_decrease.v1"]
    c = article(
        "WONOSOBO, Indonesia, Nov 19 - Twelve suspected cases of cholera and 30 confirmed cases were "
        "reported in the camps, the health office said.",
        source="Wire Two",
        hours=20,
    )
    assert run(a, c) == []


def test_a_count_of_us_counts_people(article: Callable[..., Article]) -> None:
    a = article(
        "THE HAGUE, Sept 13 - Police arrested 317 climate activists who blocked the motorway, a "
        'police spokeswoman said. "Over eleven hundred of us were arrested today," the group\'s spokesman, '
        "Joris Bakker, said."
    )
    alerts = run(a)
    assert [x.rule for x in alerts] == ["numeric_mismatch.v1"]
    assert {c.value for c in alerts[0].claims} == {317, 1100}


def test_a_denial_of_any_such_thing_meets_a_specific_one(article: Callable[..., Article]) -> None:
    a = article(
        "LILONGWE, May 6 - The Malawi National Examinations Board said it had not annulled any school "
        "certificate results."
    )
    b = article(
        "LILONGWE, May 9 - The Malawi National Examinations Board has annulled the mathematics results of "
        "candidates at 37 centres, board spokesperson Grace Phiri said.",
        source="Wire Two",
        hours=72,
    )
    assert [x.kind for x in run(a, b)] == ["statement_conflict"]


def test_counts_over_a_span_or_since_another_day_are_other_periods(article: Callable[..., Article]) -> None:
    a = article(
        "KARACHI, June 24 - The Edhi Foundation said it had received 128 bodies over the past seven days."
    )
    b = article("KARACHI, June 25 - The Edhi Foundation said it had received 17 bodies on Monday.", hours=20)
    assert run(a, b) == []
    c = article(
        "WARSAW, Jan 12 - Police said 41 people had died of the cold since Oct 1, the Warsaw police said."
    )
    d = article("WARSAW, Jan 19 - Police said 17 people had died of the cold since Nov 1.", hours=160)
    assert run(c, d) == []


def test_a_higher_count_set_against_the_others_or_of_an_ended_year_is_a_dispute(
    article: Callable[..., Article],
) -> None:
    """A count that rises a day later is an update, unless the later report sets it against the first ("more
    than three times the number given by the company") or both count a year that has ended."""
    lead = "TARRAGONA, Spain - "
    first = article(
        lead + "An explosion at the Quimiport chemical plant injured nine workers, the company said."
    )
    plain = (
        lead + "Thirty-one people were injured in the explosion at the Quimiport chemical plant, the {} said"
    )
    later = article(plain.format("emergency service") + ".", source="Wire Two", hours=15)
    assert run(first, later) == []
    contrasted = article(
        plain.format("emergency service") + ", more than three times the number given by the company.",
        source="Wire Two",
        hours=15,
    )
    assert [a.kind for a in run(first, contrasted)] == ["numeric_conflict"]
    park = "DURBAN - Poachers killed {} rhinos in Hluhluwe-iMfolozi Park in 2024, {} said."
    official = article(park.format(52, "the parks agency"))
    ngo = article(park.format(118, "a conservation group"), source="Wire Two", hours=48)
    assert [a.kind for a in run(official, ngo)] == ["numeric_conflict"]


def test_who_caused_a_blast_is_disputed_like_who_won(article: Callable[..., Article]) -> None:
    """One report says an Arvanian airstrike caused the blast; the army denies responsibility, or another
    party is said to have caused it: disputes. Saying another party was not responsible agrees."""
    lead = "KESTEL CITY - "
    ministry = article(
        lead + "At least 40 people were killed in a blast at the Kestel City market that the health ministry "
        "said was caused by an Arvanian airstrike."
    )
    army = article(
        lead + "Arvania's army denied responsibility for the blast at the Kestel City market.",
        source="Wire Two",
        hours=3,
    )
    assert [a.kind for a in run(ministry, army)] == ["statement_conflict"]
    front = article(
        lead
        + "Investigators said a rocket fired by the Kestel Front caused the blast at the Kestel City market.",
        source="Wire Three",
        hours=5,
    )
    assert [a.kind for a in run(ministry, front)] == ["statement_conflict"]
    agrees = article(
        lead + "The Kestel Front was not responsible for the blast at the Kestel City market, police said.",
        source="Wire Four",
        hours=5,
    )
    assert run(ministry, agrees) == []


def test_a_figure_corrected_by_name_conflicts_however_close(article: Callable[..., Article]) -> None:
    """174 and 172 are within the margin, but "172 survived, not 174" says the first figure is wrong; and
    those who survived a sinking are those rescued."""
    lead = "MOKPO, South Korea - "
    first = article(lead + "Only 174 people have been rescued from the Orion ferry, the coast guard said.")
    second = article(
        lead + "Coast guard chief Park Min-ho said only 172 people survived the sinking of the Orion ferry, "
        "not 174.",
        source="Wire Two",
        hours=30,
    )
    assert [a.kind for a in run(first, second)] == ["numeric_conflict"]
    close = article(
        lead + "Coast guard chief Park Min-ho said 172 people survived the sinking of the Orion ferry.",
        source="Wire Two",
        hours=30,
    )
    assert run(first, close) == []


def test_a_denial_in_another_tense_meets_the_listed_class(article: Callable[..., Article]) -> None:
    lead = "BRASOV, Romania, March 16 - "
    a = article(
        lead + "Second-division club Olimpia Brasov said on Sunday that head coach Dan Mirea had resigned "
        "after a home defeat.",
        source="Sport Wire",
    )
    b = article(
        lead + "Olimpia Brasov coach Dan Mirea said on Sunday he did not resign from the club and was "
        "dismissed by its owner.",
        source="Gazeta Brasov",
        hours=3,
    )
    (alert,) = run(a, b)
    assert alert.kind == "statement_conflict" and not alert.same_source
    assert [c.polarity for c in alert.claims] == [1, -1]


def test_two_copies_of_one_story_are_no_dispute_between_them(article: Callable[..., Article]) -> None:
    """A syndicated copy carries both of its sentences word for word ("restored to all customers" and "at
    the height of the storm, 37,000 were without electricity"): what they say lies within each copy, not
    between the two."""
    text = (
        "HOBART, Nov 18 - Power has been restored to all customers in Greater Hobart after a storm brought "
        "down lines across southern Tasmania on Monday, Island Grid said.\n\n"
        "At the height of the storm, about 37,000 customers in Greater Hobart were without electricity, "
        "Island Grid operations manager Fiona Grealy said."
    )
    first = article(text, source="Wire One", title="Power restored to all Hobart customers after storm")
    copy = article(
        text, source="Wire Two", hours=1, title="All Hobart customers back on power, Island Grid says"
    )
    assert [
        a
        for a in run(first, copy)
        if a.kind == "statement_conflict" and len({c.article_id for c in a.claims}) == 2
    ] == []
