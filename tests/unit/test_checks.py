"""Each named check of detection on plain typed claims built by hand (no extraction): the pair it stops,
with its reason code, and the nearest pair it lets through (`PASS`)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
from typing import Any

import pytest

from schemas import Claim, Figure
from schemas.claim import Features, MeasureRef, Story
from streams.core import checks, relations
from streams.core.checks import PASS
from streams.core.detect import judge
from streams.core.pair import Pair
from streams.core.scope import WEEKDAYS

Make = Callable[..., Claim]


@pytest.fixture(autouse=True)
def _fresh_features() -> None:
    """Claims here are built by hand with ids reused across tests: no derived features from another test."""
    relations._FEATURES.clear()


def saying(c: Claim, sentence: str) -> Claim:
    """The claim as another sentence words it."""
    return c.model_copy(update={"sentence": sentence})


def feats(measure: str = "deaths", story: tuple[str, ...] = ("goma", "kivu"), **kw: Any) -> Features:
    return Features(measure=MeasureRef.of_name(measure), story=Story(names=list(story)), **kw)


def fig(value: float, unit: str | None = "people", **kw: Any) -> Figure:
    fields: dict[str, Any] = {"text": f"{value:g}", "value": value, "low": value, "high": value, "unit": unit}
    return Figure(**{**fields, **kw})


@pytest.fixture
def num(make_claim: Make) -> Make:
    """A numeric claim: `num(26, measure=..., features=..., hours=..., ...)`."""

    def make(value: float, *, measure: str = "deaths", hours: float = 0.0, **kw: Any) -> Claim:
        kw.setdefault("features", feats(measure))
        kw.setdefault("figure", fig(value))
        at = make_claim().published_at + timedelta(hours=hours)
        return make_claim(value=value, measure=measure, key=f"numeric:{measure}", published_at=at, **kw)

    return make


@pytest.fixture
def stmt(make_claim: Make) -> Make:
    """A statement claim: `stmt(+1 or -1, measure=..., features=..., hours=..., ...)`."""

    def make(polarity: int, *, measure: str = "control", hours: float = 0.0, **kw: Any) -> Claim:
        kw.setdefault("features", feats(measure))
        at = make_claim().published_at + timedelta(hours=hours)
        return make_claim(
            kind="statement",
            key=f"statement:{measure}",
            measure=measure,
            polarity=polarity,
            figure=None,
            value=None,
            published_at=at,
            **kw,
        )

    return make


def same_report(**kw: Any) -> dict[str, Any]:
    return {"article_id": "r1", "article_version": "v1", **kw}


# -- every kind --------------------------------------------------------------------------------------------


def test_one_claim(num: Make) -> None:
    a = num(26)
    assert checks.one_claim(Pair(a, a)) == "same_claim"
    assert checks.one_claim(Pair(a, num(26))) is PASS


def test_opposite_polarity(stmt: Make) -> None:
    assert checks.opposite_polarity(Pair(stmt(1), stmt(1))) == "same_polarity"
    assert checks.opposite_polarity(Pair(stmt(1), stmt(-1))) is PASS


def test_opposite_polarity_of_an_exclusive_act(stmt: Make) -> None:
    """Winning: two parties each said to have won conflict; one winning and another not does not."""

    def won(polarity: int, *winner: str, **kw: Any) -> Claim:
        f = feats("open:win~contest", doers=list(winner))
        return stmt(polarity, measure="open:win~contest", features=f, **kw)

    assert checks.opposite_polarity(Pair(won(1, "lind"), won(1, "ortega"))) is PASS
    assert checks.opposite_polarity(Pair(won(1, "vera", "lind"), won(1, "lind"))) == "same_polarity"
    assert checks.opposite_polarity(Pair(won(1, "lind"), won(-1, "lind"))) is PASS
    assert checks.opposite_polarity(Pair(won(1, "lind"), won(-1, "ortega"))) == "same_polarity"
    assert checks.opposite_polarity(Pair(won(-1, "lind"), won(-1, "ortega"))) == "same_polarity"
    # the doers of an exclusive act were compared with the polarity: the doers check lets them through
    assert checks.act_doers(Pair(won(1, "lind"), won(1, "ortega"))) is PASS
    verdict = judge(won(1, "lind"), won(1, "ortega", claimant="electoral board", article_id="r2"))
    assert isinstance(verdict, tuple) and verdict[0] == "rival_outcome.v1", verdict


def test_same_unit(num: Make, stmt: Make) -> None:
    assert checks.same_unit(Pair(num(26), num(9, figure=fig(9, unit="hectares")))) == "different_unit"
    assert checks.same_unit(Pair(stmt(1), num(9))) == "different_unit"
    assert checks.same_unit(Pair(num(26), num(9))) is PASS


def test_figures_apart(num: Make) -> None:
    assert checks.figures_apart(Pair(num(26), num(27))) == "compatible_figures"
    assert checks.figures_apart(Pair(num(26), num(9))) is PASS
    # against a stated bound, 3 %: "at least 500" against 471
    bound = num(500, figure=fig(500, high=None, bound="at_least"))
    assert checks.figures_apart(Pair(bound, num(471))) is PASS
    # percentages: points, not a ratio
    rate = {"unit": "percent"}
    assert (
        checks.figures_apart(Pair(num(4.9, figure=fig(4.9, **rate)), num(4.6, figure=fig(4.6, **rate))))
        is PASS
    )
    assert checks.figures_apart(
        Pair(num(4.9, figure=fig(4.9, **rate)), num(4.8, figure=fig(4.8, **rate)))
    ) == ("compatible_figures")


def test_one_story(num: Make) -> None:
    other = feats(story=("lagos", "ikeja"))
    assert checks.one_story(Pair(num(26), num(9, features=other))) == "different_story"
    assert checks.one_story(Pair(num(26), num(9))) is PASS  # two names shared within the window
    far = num(9, hours=24 * 30)
    assert checks.one_story(Pair(num(26), far)) == "different_story"
    assert checks.one_story(Pair(num(26, article_id="x"), num(9, article_id="x", features=other))) is PASS


def test_one_story_months_apart_when_both_leads_name_one_event(num: Make) -> None:
    """Past the story window, two reports meet when their leads name one event by its year or its name
    ("the 2010 earthquake", "the Grenfell Tower fire") and share a name; another event of that kind or
    another year does not."""

    def told(*events: str, days: float = 120) -> Claim:
        story = Story(names=["haiti", "bellerive"], events=list(events))
        return num(9, hours=24 * days, features=Features(measure=MeasureRef(family="deaths"), story=story))

    first = told("earthquake@2010", days=0)
    assert checks.one_story(Pair(first, told("earthquake@2010", "earthquake:haiti"))) is PASS
    assert checks.one_story(Pair(first, told("earthquake@2012"))) == "different_story"
    named = told("earthquake:haiti", "earthquake@2010", days=0)
    assert checks.one_story(Pair(named, told("earthquake:haiti"))) is PASS
    assert checks.one_story(Pair(named, told("earthquake:haiti", "earthquake@2021"))) == "different_story"
    assert checks.one_story(Pair(first, told("flood@2010"))) == "different_story"
    assert checks.one_story(Pair(first, told())) == "different_story"
    assert checks.one_story(Pair(first, told("earthquake@2010", days=500))) == "different_story"


def test_one_story_on_one_shared_place(num: Make) -> None:
    """One shared name is enough, days apart at most, when both leads mark it as a place."""
    a = num(26, features=feats(story=("goma", "mbala"), objects=[]))
    b = num(9, features=feats(story=("goma", "kabila")))
    assert checks.one_story(Pair(a, b)) == "different_story"
    placed = Features(
        measure=MeasureRef(family="deaths"), story=Story(names=["goma", "mbala"], places=["goma"])
    )
    placed_b = Features(
        measure=MeasureRef(family="deaths"), story=Story(names=["goma", "kabila"], places=["goma"])
    )
    assert checks.one_story(Pair(num(26, features=placed), num(9, features=placed_b))) is PASS


def test_one_place(num: Make) -> None:
    assert checks.one_place(Pair(num(26, place="goma"), num(9, place="bukavu"))) == "different_place"
    assert checks.one_place(Pair(num(26, place="goma"), num(9))) is PASS
    # one place within the other's name, not two places sharing a head word
    assert checks.one_place(Pair(num(6, place="kabul"), num(4, place="kabul province"))) is PASS
    assert (
        checks.one_place(Pair(num(6, place="swiss alps"), num(4, place="italian alps"))) == "different_place"
    )
    assert checks.one_place(Pair(num(6, place="blue nile"), num(4, place="white nile | kosti"))) == (
        "different_place"
    )
    # a part and its whole are two scopes
    assert checks.one_place(Pair(num(6, place="swiss alps"), num(10, place="alps"))) == "different_place"
    # a region the dateline puts the other's place in ("GAZIPUR, Bangladesh")
    dated = Features(
        measure=MeasureRef(family="deaths"), story=Story(names=["gazipur"], regions=["bangladesh"])
    )
    assert (
        checks.one_place(Pair(num(26, place="gazipur", features=dated), num(9, place="bangladesh"))) is PASS
    )
    # but one writer giving two figures two places means two scopes, whatever the dateline
    same = {"article_id": "a-one", "features": dated}
    assert checks.one_place(Pair(num(26, place="gazipur", **same), num(9, place="bangladesh", **same))) == (
        "different_place"
    )
    # a figure of the whole world ("globally") never meets one a report placed somewhere leaves unplaced
    placed = Features(measure=MeasureRef(family="deaths"), story=Story(names=["pune"], places=["pune"]))
    assert checks.one_place(Pair(num(26, place="world"), num(9, features=placed))) == "different_place"
    assert checks.one_place(Pair(num(26, place="world"), num(9))) is PASS


def test_one_period(num: Make) -> None:
    assert (
        checks.one_period(Pair(num(26, time_scope="2023"), num(9, time_scope="2024"))) == "different_period"
    )
    assert checks.one_period(Pair(num(26, time_scope="since june"), num(9))) == "different_period"
    assert checks.one_period(Pair(num(26, time_scope="past"), num(9))) == "different_period"
    this_year = str(num(1).published_at.year)
    assert checks.one_period(Pair(num(26, time_scope=this_year), num(9))) is PASS


def test_one_period_of_a_level_by_day(num: Make) -> None:
    """A level that changes (a share price, a percentage change) is of one day."""
    level = "open:close~share"
    made = num(1.0, measure=level, cumulative=False)
    friday = made.published_at.date() - timedelta(days=3)
    on_friday = num(2.3, measure=level, cumulative=False, time_scope=f"day:{friday.isoformat()}")
    unscoped_today = num(0.4, measure=level, cumulative=False, hours=5)
    assert checks.one_period(Pair(on_friday, unscoped_today)) == "different_period"
    same_day = num(0.4, measure=level, cumulative=False, time_scope=f"day:{friday.isoformat()}")
    assert checks.one_period(Pair(on_friday, same_day)) is PASS
    # a level family counted in units ("households without power"), or those still in a state, is a level too
    for name in ("outage:households", "arrested:now"):
        then = num(9000, measure=name, cumulative=False, time_scope=f"day:{friday.isoformat()}")
        assert checks.one_period(Pair(then, num(30000, measure=name, cumulative=False, hours=5))) == (
            "different_period"
        ), name
    # a count of an event is not a level: the day it happened does not set the figure's period
    toll = num(23, time_scope=f"day:{friday.isoformat()}")
    assert checks.one_period(Pair(toll, num(30, hours=5))) is PASS


def test_two_sentences(num: Make) -> None:
    assert checks.two_sentences(Pair(num(26, **same_report()), num(9, **same_report()))) == "same_sentence"
    headline = num(26, **same_report(sentence_index=-1))
    assert checks.two_sentences(Pair(headline, num(9, **same_report(sentence_index=3)))) == "same_sentence"
    body = num(26, **same_report(sentence_index=1))
    assert checks.two_sentences(Pair(body, num(9, **same_report(sentence_index=3)))) is PASS


# -- figures -----------------------------------------------------------------------------------------------


def test_counted_alike(num: Make) -> None:
    women = num(9, figure=fig(9, counted="women"))
    assert checks.counted_alike(Pair(num(26, figure=fig(26, counted="people")), women)) == "different_unit"
    units = num(120, figure=fig(120, counted="units"))
    assert checks.counted_alike(Pair(num(12, figure=fig(12, counted="people")), units)) == "different_unit"
    passengers = num(9, figure=fig(9, counted="passengers"))
    assert checks.counted_alike(Pair(num(26, figure=fig(26, counted="people")), passengers)) is PASS


def test_counted_alike_the_measure_own_noun_counts_people(num: Make) -> None:
    """ "The number of fatalities" counts what "people killed" counts; "fatalities" of a count of
    objects is no person."""
    fatalities = num(9, figure=fig(9, counted="fatalities"))
    assert checks.counted_alike(Pair(num(26, figure=fig(26, counted="people")), fatalities)) is PASS
    homes = num(26, measure="destroyed", figure=fig(26, counted="homes"))
    assert checks.counted_alike(
        Pair(homes, num(9, measure="destroyed", figure=fig(9, counted="fatalities")))
    ) == ("different_unit")


def test_counted_alike_a_compound_is_a_kind_of_its_head(num: Make) -> None:
    dock = num(9000, measure="turnout", figure=fig(9000, counted="dockworkers"))
    workers = num(400, measure="turnout", figure=fig(400, counted="workers"))
    assert checks.counted_alike(Pair(dock, workers)) is PASS
    tourists = num(400, measure="turnout", figure=fig(400, counted="tourists"))
    assert checks.counted_alike(Pair(dock, tourists)) == "different_unit"


def test_one_scale(num: Make) -> None:
    assert checks.one_scale(Pair(num(10), num(1000))) == "scale_apart"
    assert checks.one_scale(Pair(num(10), num(400))) is PASS


def test_same_qualifiers(num: Make) -> None:
    imported = num(9, features=feats(qualifiers=["imported"]))
    assert checks.same_qualifiers(Pair(num(26), imported)) == "different_qualifier"
    assert checks.same_qualifiers(Pair(num(26, features=feats(qualifiers=["imported"])), imported)) is PASS


def test_figure_doers(num: Make) -> None:
    meridian = num(340, features=feats(agents=["meridian"]))
    assert (
        checks.figure_doers(Pair(meridian, num(90, features=feats(agents=["skyline"])))) == "different_doers"
    )
    assert checks.figure_doers(Pair(meridian, num(90, features=feats(agents=["air", "meridian"])))) is PASS
    assert checks.figure_doers(Pair(meridian, num(90))) is PASS

    # places that name the event are no doers: "the Monchique wildfire" and "the fire in the Algarve"
    def fire(value: float, agents: list[str], places: list[str]) -> Claim:
        story = Story(names=["monchique", "algarve"], places=places)
        return num(
            value, features=Features(measure=MeasureRef.of_name("burned_area"), story=story, agents=agents)
        )

    assert (
        checks.figure_doers(
            Pair(fire(4200, ["algarve"], ["algarve", "monchique"]), fire(11800, ["monchique"], ["lisbon"]))
        )
        is PASS
    )
    assert (
        checks.figure_doers(Pair(fire(4200, ["meridian"], []), fire(11800, ["skyline"], [])))
        == "different_doers"
    )


def test_not_part_of_whole(num: Make) -> None:
    assert checks.not_part_of_whole(Pair(num(850, place="zwickau"), num(2300))) == "part_of_whole"
    assert checks.not_part_of_whole(Pair(num(850), num(2300, place="nationwide"))) == "part_of_whole"
    # the lower figure is about the very place the other report's story is anchored to
    anchored = Features(
        measure=MeasureRef(family="deaths"), story=Story(names=["zwickau"], places=["zwickau"])
    )
    assert checks.not_part_of_whole(Pair(num(850, place="zwickau"), num(2300, features=anchored))) is PASS
    # a venue is the whole event; so is a figure of the event as a whole
    assert checks.not_part_of_whole(Pair(num(850, place="lutova boulevard"), num(2300))) is PASS
    quake = {"measure": "magnitude"}
    assert checks.not_part_of_whole(Pair(num(5.9, place="zwickau", **quake), num(6.4, **quake))) is PASS


def test_two_claimants_of_one_report(num: Make) -> None:
    outlet = num(26, **same_report(speaker_kind="outlet", claimant="wire one", sentence_index=1))
    police = num(9, **same_report(sentence_index=2))
    assert checks.two_claimants_of_one_report(Pair(outlet, police)) == "same_report"
    union = num(26, **same_report(claimant="union", speaker="the union", sentence_index=1))
    assert checks.two_claimants_of_one_report(Pair(union, police)) is PASS


def test_level_close_in_time(num: Make) -> None:
    outage = {"measure": "outage"}
    assert (
        checks.level_close_in_time(Pair(num(9000, **outage), num(4000, hours=20, **outage)))
        == "state_changed"
    )
    assert checks.level_close_in_time(Pair(num(9000, **outage), num(4000, hours=2, **outage))) is PASS
    assert checks.level_close_in_time(Pair(num(26), num(9, hours=20))) is PASS  # deaths are no level


def test_not_rising_total(num: Make) -> None:
    rising = Pair(num(30, cumulative=True), num(41, hours=26, cumulative=True, claimant="army"))
    assert checks.not_rising_total(rising) == "cumulative_update"
    falling = Pair(num(41, cumulative=True), num(30, hours=26, cumulative=True, claimant="army"))
    assert checks.not_rising_total(falling) is PASS
    # two claimants, two hours apart, four times as many: a dispute about one moment
    steep = Pair(num(10, cumulative=True), num(40, hours=2, cumulative=True, claimant="army"))
    assert checks.not_rising_total(steep) is PASS
    # ... unless the first report called its counts early ones that would rise
    early = num(10, cumulative=True, features=feats("deaths", provisional=True))
    assert checks.not_rising_total(Pair(early, steep.new)) == "cumulative_update"
    # both count a month that had ended when each was published (the claims are of mid-April): a closed
    # total, days apart; the month still running is not closed
    march = Pair(
        num(30, cumulative=True, time_scope="march"),
        num(41, hours=72, cumulative=True, claimant="army", time_scope="march"),
    )
    assert checks.not_rising_total(march) is PASS
    april = Pair(
        num(30, cumulative=True, time_scope="april"),
        num(41, hours=72, cumulative=True, claimant="army", time_scope="april"),
    )
    assert checks.not_rising_total(april) == "cumulative_update"
    assert checks.not_rising_total(Pair(num(30, cumulative=True, time_scope="2001"), rising.new)) == (
        "cumulative_update"
    )


# -- statements --------------------------------------------------------------------------------------------


def test_same_named_things(stmt: Make) -> None:
    closure = {"measure": "closure"}
    hidalgo = stmt(1, features=feats("closure", agents=["ciudad", "hidalgo"]), **closure)
    mesilla = stmt(-1, features=feats("closure", agents=["la", "mesilla"]), **closure)
    assert checks.same_named_things(Pair(hidalgo, mesilla)) == "different_names"
    merger = stmt(
        1, sentence="Regulator clears the Cemex merger.", features=feats("control", objects=["cemex"])
    )
    takeover = stmt(
        -1, sentence="Regulator blocks the Rydo takeover.", features=feats("control", objects=["rydo"])
    )
    assert checks.same_named_things(Pair(merger, takeover)) == "different_names"
    again = stmt(
        -1, sentence="It did not clear the Cemex deal.", features=feats("control", objects=["cemex"])
    )
    assert checks.same_named_things(Pair(merger, again)) is PASS
    # a name with a code in it is one name in the sentence too
    code = {"measure": "die"}
    none = stmt(
        -1,
        sentence="No participant in the KX-210 study has died.",
        features=feats("die", objects=["kx-210"]),
        **code,
    )
    two = stmt(
        1,
        sentence="Two participants in the KX-210 study died.",
        features=feats("die", objects=["kx-210"]),
        **code,
    )
    assert checks.same_named_things(Pair(none, two)) is PASS


def test_act_doers(stmt: Make) -> None:
    gunmen = stmt(1, features=feats("open:open~fire", doers=["gunman"]))
    troops = stmt(-1, features=feats("open:open~fire", doers=["troop"]))
    assert checks.act_doers(Pair(gunmen, troops)) == "different_doers"
    assert (
        checks.act_doers(Pair(gunmen, stmt(-1, features=feats("open:open~fire", doers=["gunman"])))) is PASS
    )


def test_one_theme(stmt: Make) -> None:
    road = stmt(1, features=feats("open:close~road", themes=["road"]))
    school = stmt(-1, features=feats("open:close~school", themes=["school"]))
    assert checks.one_theme(Pair(road, school)) == "different_theme"
    # one name shared by the two themes' phrases: one thing
    turboprops = stmt(1, features=feats("open:ground~turboprop", themes=["turboprop"], objects=["atr"]))
    fleet = stmt(-1, features=feats("open:ground~fleet", themes=["fleet"], objects=["atr"]))
    assert checks.one_theme(Pair(turboprops, fleet)) is PASS
    # one word, two owners: "Mulenga's conviction" and "the conviction of Victor Phiri" are two things
    his = stmt(1, features=feats("open:uphold~conviction", themes=["conviction"], owners=["mulenga"]))
    theirs = stmt(-1, features=feats("open:uphold~conviction", themes=["conviction"], owners=["phiri"]))
    assert checks.one_theme(Pair(his, theirs)) == "different_theme"
    unowned = stmt(-1, features=feats("open:uphold~conviction", themes=["conviction"]))
    assert checks.one_theme(Pair(his, unowned)) is PASS

    # "there was no dismissal" names no one: it denies the act whoever it was done to, in the story
    def act(polarity: int, measure: str, theme: str) -> Claim:
        return stmt(polarity, measure=measure, features=feats(measure, themes=[theme]))

    sacked, none = act(1, "open:lay_off~lindner", "lindner"), act(-1, "open:lay_off~dismiss", "dismiss")
    assert checks.one_theme(Pair(sacked, none)) is PASS
    assert (
        checks.one_theme(Pair(act(1, "open:close~road", "road"), act(-1, "open:close~shut", "shut"))) is PASS
    )
    assert checks.one_theme(Pair(sacked, act(-1, "open:lay_off~coach", "coach"))) == "different_theme"
    # "there was a dismissal" names no one to set against a denial that a named coach was dismissed
    denied = act(-1, "open:lay_off~lindner", "lindner")
    assert checks.one_theme(Pair(denied, act(1, "open:lay_off~dismiss", "dismiss"))) == "different_theme"


def test_one_group(stmt: Make) -> None:
    journalists = stmt(1, features=feats("open:arrest~people", persons=["journalist"]))
    protesters = stmt(-1, features=feats("open:arrest~people", persons=["protester"]))
    assert checks.one_group(Pair(journalists, protesters)) == "different_groups"
    anyone = stmt(-1, features=feats("open:arrest~people", persons=["person"]))
    assert checks.one_group(Pair(journalists, anyone)) is PASS


def test_state_close_in_time(stmt: Make) -> None:
    restored = {"measure": "restored"}
    later = stmt(-1, hours=10, **restored)
    assert checks.state_close_in_time(Pair(stmt(1, **restored), later)) == "state_update"
    fixed = stmt(1, sentence="The signalling worked before the collision.", **restored)
    assert checks.state_close_in_time(Pair(fixed, later)) is PASS
    assert checks.state_close_in_time(Pair(stmt(1, **restored), stmt(-1, hours=2, **restored))) is PASS
    # the later report dates its state to the day of the earlier report: one moment, two accounts
    first = stmt(1, **restored)
    day = WEEKDAYS[first.published_at.weekday()].capitalize()
    on_that_day = saying(later, f"On {day}, 37 districts had no water, the utility said.")
    assert checks.state_close_in_time(Pair(first, on_that_day)) is PASS
    said_then = saying(later, f"The utility said on {day} that 37 districts had no water.")
    assert checks.state_close_in_time(Pair(first, said_then)) == "state_update"


def test_not_later_moment(stmt: Make) -> None:
    shut = {"measure": "closure"}
    closed = stmt(1, sentence="The authority closed the airport for the afternoon.", **shut)
    later = stmt(-1, hours=22, **shut)
    day = WEEKDAYS[later.published_at.weekday()].capitalize()
    reopened = saying(later, f"The airport reopened on {day} morning, the authority said.")
    assert checks.not_later_moment(Pair(closed, reopened)) == "later_moment"
    # the day it was said is not the day of the act
    said = saying(later, f"The authority on {day} denied that the airport had closed.")
    assert checks.not_later_moment(Pair(closed, said)) is PASS
    assert checks.not_later_moment(Pair(closed, later)) is PASS
    # an attribution closing the sentence, however long, dates the saying
    filed = saying(later, f'"The airport did not close," the authority said in a statement late on {day}.')
    assert checks.not_later_moment(Pair(closed, filed)) is PASS
    # but a reported clause after the verb of saying is the act's, with its day
    reported = saying(later, f"In a statement, the authority said the airport reopened on {day} morning.")
    assert checks.not_later_moment(Pair(closed, reported)) == "later_moment"
    # a day before the verb of saying is another act's when the saying names its own day after it: "the
    # authority, which closed the airport on <the earlier day>, said on <the later day> that ..."
    before = WEEKDAYS[closed.published_at.weekday()].capitalize()
    named = saying(
        later, f"The authority which closed the airport on {before} said on {day} that it had not reopened."
    )
    assert checks.not_later_moment(Pair(closed, named)) is PASS
    # and a day before the verb of saying is the saying's when the verb names no day of its own
    told = saying(later, f"Officials on {before} said the airport reopened on {day} morning.")
    assert checks.not_later_moment(Pair(closed, told)) == "later_moment"


def test_not_yet_due(stmt: Make) -> None:
    close = {"measure": "open:close~embassy"}
    will = Features(measure=MeasureRef.of_name("open:close~embassy"), future=True)
    plan = stmt(1, sentence="The ministry will close its embassy on 31 March.", features=will, **close)
    not_yet = stmt(-1, hours=100, sentence="The embassy has not closed, the envoy said.", **close)
    assert checks.not_yet_due(Pair(plan, not_yet)) == "not_yet_due"
    assert checks.not_yet_due(Pair(not_yet, plan)) == "not_yet_due"
    # a denial that it will happen, and an act done, still meet the plan
    wont = stmt(-1, hours=5, features=will.model_copy(), **close)
    assert checks.not_yet_due(Pair(plan, wont)) is PASS
    assert checks.not_yet_due(Pair(stmt(-1, **close), stmt(1, hours=5, **close))) is PASS


def test_not_happened_since(stmt: Make) -> None:
    deal = {"measure": "agreement"}
    no_deal = stmt(-1, sentence="No agreement has been reached, the union said.", **deal)
    reached = stmt(1, hours=72, sentence="We have reached an agreement, the union said.", **deal)
    assert checks.not_happened_since(Pair(no_deal, reached)) == "happened_since"
    maintained = stmt(1, hours=72, sentence="The union insisted it has reached an agreement.", **deal)
    assert checks.not_happened_since(Pair(no_deal, maintained)) is PASS
    denied = stmt(-1, certainty="denied", sentence="It denied that an agreement has been reached.", **deal)
    assert checks.not_happened_since(Pair(denied, reached)) is PASS
    assert (
        checks.not_happened_since(Pair(no_deal, stmt(1, hours=2, sentence=reached.sentence, **deal))) is PASS
    )
    # the later report dates the act after the day of the earlier one (the day it was said is not the act's)
    lifted = {"measure": "open:lift~advisory"}
    not_lifted = stmt(-1, sentence="The ash advisory has not been lifted, the agency said.", **lifted)
    later = stmt(1, hours=30, **lifted)
    day = WEEKDAYS[later.published_at.weekday()].capitalize()
    after = saying(later, f"Flights resumed on {day} after the advisory was lifted.")
    assert checks.not_happened_since(Pair(not_lifted, after)) == "happened_since"
    said_then = saying(later, f"The agency said on {day} it lifted the advisory.")
    assert checks.not_happened_since(Pair(not_lifted, said_then)) is PASS


def test_not_partial(stmt: Make) -> None:
    restored = {"measure": "restored"}
    progress = stmt(1, sentence="Crews restored power to 23,000 customers on Monday.", **restored)
    assert checks.not_partial(Pair(progress, stmt(-1, **restored))) == "partial_progress"
    whole = stmt(1, sentence="Power has been fully restored.", **restored)
    assert checks.not_partial(Pair(whole, stmt(-1, **restored))) is PASS


def test_two_aspects(stmt: Make) -> None:
    one = stmt(1, **same_report(sentence_index=1))
    assert (
        checks.two_aspects(Pair(one, stmt(-1, **same_report(sentence_index=4)))) == "same_speaker_same_report"
    )
    assert checks.two_aspects(Pair(one, stmt(-1, sentence_index=4))) is PASS


def test_not_recovery(stmt: Make) -> None:
    restored = {"measure": "restored"}
    broken, repaired = stmt(-1, **restored), stmt(1, hours=3, **restored)
    assert checks.not_recovery(Pair(broken, repaired)) == "recovery_progress"
    assert checks.not_recovery(Pair(repaired, stmt(-1, hours=6, **restored))) is PASS
    assert checks.not_recovery(Pair(broken, stmt(1, hours=3, claimant="army", **restored))) is PASS


def test_not_both_read_as_class(stmt: Make) -> None:
    """An act a listed class reads too ("denies suspending the batch") meets another report's act in its own
    words; two such readings, or one and an article that states the class itself, meet under the class."""

    def act(polarity: int, read_as: str | None = None, classes: tuple[str, ...] = ()) -> Claim:
        f = feats("open:suspend~batch", themes=["batch"], read_as=read_as, classes=list(classes))
        return stmt(polarity, measure="open:suspend~batch", features=f)

    assert checks.not_both_read_as_class(Pair(act(1), act(-1, "suspended"))) is PASS
    assert checks.not_both_read_as_class(Pair(act(1, "suspended"), act(-1, "suspended"))) == "read_as_class"
    told = act(1, classes=("suspended",))  # (its article has the class's own claim)
    assert checks.not_both_read_as_class(Pair(told, act(-1, "suspended"))) == "read_as_class"
    assert checks.not_both_read_as_class(Pair(act(1, classes=("closure",)), act(-1, "suspended"))) is PASS
    assert (
        checks.not_both_read_as_class(Pair(act(1, "closure"), act(-1, "suspended"))) is PASS
    )  # (no class meets)


def test_parties(stmt: Make) -> None:
    outlet = {"speaker_kind": "outlet", "claimant": "wire one"}
    assert checks.parties(Pair(stmt(1, **outlet), stmt(-1, **outlet))) == "outlet_narrative"
    assert checks.parties(Pair(stmt(1, **outlet), stmt(-1, claimant="army"))) is PASS
    assert checks.parties(Pair(stmt(1), stmt(-1, claimant="army"))) is PASS


# -- the order ---------------------------------------------------------------------------------------------


def test_every_check_has_a_test_here() -> None:
    tested = {name[5:] for name in globals() if name.startswith("test_")}
    assert {c.name for c in checks.CHECKS} <= tested


def test_the_order_of_the_checks_is_pinned() -> None:
    assert [(c.name, c.reason) for c in checks.CHECKS] == [
        ("one_claim", "same_claim"),
        ("not_both_read_as_class", "read_as_class"),
        ("opposite_polarity", "same_polarity"),
        ("same_unit", "different_unit"),
        ("figures_apart", "compatible_figures"),
        ("one_story", "different_story"),
        ("one_place", "different_place"),
        ("one_period", "different_period"),
        ("two_sentences", "same_sentence"),
        ("counted_alike", "different_unit"),
        ("one_scale", "scale_apart"),
        ("same_qualifiers", "different_qualifier"),
        ("figure_doers", "different_doers"),
        ("not_part_of_whole", "part_of_whole"),
        ("two_claimants_of_one_report", "same_report"),
        ("level_close_in_time", "state_changed"),
        ("not_rising_total", "cumulative_update"),
        ("same_named_things", "different_names"),
        ("act_doers", "different_doers"),
        ("one_theme", "different_theme"),
        ("one_group", "different_groups"),
        ("state_close_in_time", "state_update"),
        ("not_later_moment", "later_moment"),
        ("not_yet_due", "not_yet_due"),
        ("not_happened_since", "happened_since"),
        ("not_partial", "partial_progress"),
        ("two_aspects", "same_speaker_same_report"),
        ("not_recovery", "recovery_progress"),
        ("parties", "outlet_narrative"),
    ]


def test_judge_names_the_first_check_that_fails(num: Make, stmt: Make) -> None:
    # different place and different period: the place check runs first
    a, b = num(26, place="goma", time_scope="2023"), num(9, place="bukavu", time_scope="2024")
    assert judge(a, b) == "different_place"
    rule, confidence, why, story = judge(num(26, claimant="police"), num(9, claimant="army"))  # type: ignore[misc]
    assert rule == "numeric_mismatch.v1" and 0.5 < confidence <= 0.97 and story > 0
    assert judge(stmt(1, claimant="police"), stmt(-1, claimant="army"))[0] == "outcome_polarity.v1"


def test_an_act_in_a_month_is_of_that_year_a_figure_is_not(make_claim: Callable[..., Claim]) -> None:
    """A statement that something happened "in February" and one that it happened in the year of that
    February are one period; a figure for February is no figure for that year."""
    year = str(make_claim().published_at.year)
    month = relations.MONTHS[make_claim().published_at.month - 1]

    def act(scope: str) -> Claim:
        return make_claim(kind="statement", key="statement:shot_down", measure="shot_down", time_scope=scope)

    assert checks.one_period(Pair(act(month), act(year))) is PASS
    assert checks.one_period(Pair(act(month), act(str(int(year) - 1)))) == "different_period"
    assert (
        checks.one_period(Pair(make_claim(time_scope=month), make_claim(time_scope=year)))
        == "different_period"
    )


def test_whose_thing_and_which_thing_are_compared_apart(make_claim: Callable[..., Claim]) -> None:
    """Two owners keep two acts apart, as do two kinds; an owner on one side and a kind on the other do not
    ("the Pakistan Air Force's jet" and "a fighter jet" may be one jet)."""
    from streams.core.themes import owners_apart

    def act(owners: list[str], kinds: list[str]) -> Claim:
        f = Features(measure=MeasureRef(family="shot_down"), story=Story(names=["nowshera"]))
        f = f.model_copy(update={"owners": owners, "kinds": kinds})
        return make_claim(
            kind="statement",
            key="statement:shot_down",
            measure="shot_down",
            features=f,
            sentence="A jet was shot down.",
        )

    assert owners_apart(act(["pakistan"], []), act(["india"], []))
    assert owners_apart(act([], ["clam"]), act([], ["mussel"]))
    assert not owners_apart(act(["pakistan"], []), act([], ["fighter"]))
    assert not owners_apart(act(["pakistan"], ["fighter"]), act(["pakistan"], []))


def test_figures_of_one_sentence_that_add_up_to_the_other_are_its_parts(num: Make) -> None:
    """ "Six were taken to hospital and eight treated at the scene" against "fourteen were treated": a
    breakdown of the one count. Sums that miss, or a whole that is only a bound, stop nothing."""
    whole = saying(num(14), "Fourteen people were treated for fumes, emergency services said.")
    part = saying(
        num(8),
        "Six people were taken to hospital, one of them in a serious condition, and eight were treated at "
        "the scene.",
    )
    assert checks.not_part_of_whole(Pair(whole, part)) == "part_of_whole"
    short = saying(num(8), "Five people were taken to hospital and eight were treated at the scene.")
    assert checks.not_part_of_whole(Pair(whole, short)) is PASS
    bound = saying(num(14, figure=fig(14, bound="at_least")), "At least 14 people were treated.")
    assert checks.not_part_of_whole(Pair(bound, part)) is PASS


def test_a_part_the_whole_names_as_one_is_no_second_count(num: Make) -> None:
    """ "96,300 cases this year, about 21,700 of them in Londrina" against the city's 21,740: the city
    restates the part. A lower figure of the same sentence not said to be a part ("rose to 41 from 12")
    stops nothing."""
    whole = saying(
        num(96300), "The state has recorded 96,300 cases this year, about 21,700 of them in Londrina."
    )
    assert checks.not_part_of_whole(Pair(whole, num(21740))) == "part_of_whole"
    risen = saying(num(41), "The toll rose to 41 from 12, the ministry said.")
    assert checks.not_part_of_whole(Pair(risen, num(12))) is PASS


def test_a_thing_said_to_remain_in_a_state_may_leave_it_later(stmt: Make) -> None:
    """ "The bridge remained closed on Wednesday" against a next-day "the bridge reopens": the state
    changed, no dispute. The other way round ("reopened", then "remains closed") still meets, as does a
    closure that was not said to stay."""
    act = {"measure": "open:reopen~bridge"}
    stayed = stmt(-1, sentence="The bridge remained closed on Wednesday while engineers ran tests.", **act)
    reopened = stmt(1, hours=26, sentence="The bridge reopened to light vehicles.", **act)
    assert checks.state_close_in_time(Pair(stayed, reopened)) == "state_update"
    shut = stmt(-1, sentence="The bridge did not reopen on Wednesday.", **act)
    assert checks.state_close_in_time(Pair(shut, reopened)) is PASS
    first = stmt(1, sentence="The bridge reopened on Wednesday.", **act)
    still = stmt(-1, hours=26, sentence="The bridge remains closed.", **act)
    assert checks.state_close_in_time(Pair(first, still)) is PASS


def test_figures_of_other_measures_or_parts_are_not_summed(num: Make) -> None:
    """Only counts of the part's own measure add up: "six people were killed and eight injured" is no
    breakdown of fourteen killed, nor "12 killed, including 3 children" of fifteen; a part named right after
    the whole's own figure is its part, one named after another figure is not."""
    fourteen = saying(num(14), "Fourteen people were killed in the blast, police said.")
    split = saying(num(6), "Six people were killed and eight injured, the hospital said.")
    assert checks.not_part_of_whole(Pair(fourteen, split)) is PASS
    fifteen = saying(num(15), "Fifteen people were killed, police said.")
    kids = saying(num(12), "The attack killed 12 people, including 3 children, officials said.")
    assert checks.not_part_of_whole(Pair(fifteen, kids)) is PASS
    storm = saying(num(40), "The storm killed 40 people and damaged 500 buildings, including 30 schools.")
    assert checks.not_part_of_whole(Pair(storm, num(30))) is PASS


def test_a_stay_in_a_state_denied_is_no_state(stmt: Make) -> None:
    """ "The company still denies paying" is a denial, not a state that a later report could see left."""
    act = {"measure": "open:pay~bribe"}
    denies = stmt(-1, sentence="The company still denies paying the bribes.", certainty="denied", **act)
    paid = stmt(1, hours=30, sentence="Prosecutors said the company paid the bribes.", **act)
    assert checks.state_close_in_time(Pair(denies, paid)) is PASS
