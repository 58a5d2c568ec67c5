"""numbers.find_figures against the conventions in the numbers.py module docstring.

Each positive case is one sentence holding exactly one figure; the row gives the figure as written and its
normalised (value, low, high, bound, unit). None for low/high means unbounded on that side.
"""

from __future__ import annotations

import pytest

from streams.core.numbers import FigureSpan, find_figures
from streams.core.quantities import parse_word_number

M = 1e6
BN = 1e9


def only_figure(sentence: str) -> FigureSpan:
    figs = find_figures(sentence)
    assert len(figs) == 1, f"expected one figure in {sentence!r}, got {[f.text for f in figs]}"
    fig = figs[0]
    assert sentence[fig.start : fig.end] == fig.text, "the span points at the text as written"
    return fig


def same(got: float | None, expected: float | None) -> bool:
    return got is None if expected is None else got is not None and got == pytest.approx(expected)


def check(
    sentence: str,
    text: str,
    value: float | None,
    low: float | None,
    high: float | None,
    bound: str,
    unit: str | None,
) -> None:
    fig = only_figure(sentence)
    got = (fig.text, fig.value, fig.low, fig.high, fig.bound, fig.unit)
    want = (text, value, low, high, bound, unit)
    assert fig.text == text, (got, want)
    assert same(fig.value, value), (got, want)
    assert same(fig.low, low), (got, want)
    assert same(fig.high, high), (got, want)
    assert fig.bound == bound, (got, want)
    assert fig.unit == unit, (got, want)


def case(
    sentence: str,
    text: str,
    value: float | None,
    low: float | None,
    high: float | None,
    bound: str = "exact",
    unit: str | None = None,
) -> object:
    return pytest.param(sentence, text, value, low, high, bound, unit, id=sentence)


ROW = ("sentence", "text", "value", "low", "high", "bound", "unit")

# -- digits: separators, decimals, scales, units; round numbers carry the precision of their last digit ----

DIGITS = [
    case("The quake killed 17 people.", "17", 17, 17, 17),
    case("Police arrested 3,512 protesters.", "3,512", 3512, 3512, 3512),
    case("The toll rose to 1,187 people.", "1,187", 1187, 1187, 1187),
    case("The storm killed 1,234,567 chickens.", "1,234,567", 1_234_567, 1_234_567, 1_234_567),
    case("Officials said 130,000 people had fled.", "130,000", 130_000, 125_000, 135_000),
    case("Officials said 130000 people had fled.", "130000", 130_000, 125_000, 135_000),
    case("Officials counted 18,000 displaced people.", "18,000", 18_000, 17_500, 18_500),
    case("Police said 250,000 people protested.", "250,000", 250_000, 245_000, 255_000),
    case("Police said 1,000 people protested.", "1,000", 1_000, 500, 1_500),
    case(
        "The fund received 1.2 million dollars.",
        "1.2 million dollars",
        1.2 * M,
        1.15 * M,
        1.25 * M,
        unit="usd",
    ),
    case("The army deployed 2.5 million troops.", "2.5 million", 2.5 * M, 2.45 * M, 2.55 * M),
    case("The company sold 4.75 million cars.", "4.75 million", 4.75 * M, 4.745 * M, 4.755 * M),
    case("Police said 2 million people protested.", "2 million", 2 * M, 1.5 * M, 2.5 * M),
    case(
        "The deal was worth 27.4 billion zlotys.",
        "27.4 billion zlotys",
        27.4 * BN,
        27.35 * BN,
        27.45 * BN,
        unit="zloty",
    ),
    case("Unemployment rose to 12% last quarter.", "12%", 12, 12, 12, unit="percent"),
    case("Turnout was 38.7 per cent.", "38.7 per cent", 38.7, 38.7, 38.7, unit="percent"),
    case("Turnout was 61.3 percent.", "61.3 percent", 61.3, 61.3, 61.3, unit="percent"),
    case(
        "The rate rose 0.5 percentage points.",
        "0.5 percentage points",
        0.5,
        0.5,
        0.5,
        unit="percentage_points",
    ),
    case("The fire burned 4,500 hectares.", "4,500 hectares", 4_500, 4_450, 4_550, unit="hectares"),
    case("The fire burned 12,000 acres of forest.", "12,000 acres", 12_000, 11_500, 12_500, unit="acres"),
    case(
        "Output reached 1.2 million barrels per day.",
        "1.2 million barrels",
        1.2 * M,
        1.15 * M,
        1.25 * M,
        unit="barrels",
    ),
    case("Rainfall reached 127 mm.", "127 mm", 127, 127, 127, unit="mm"),
    case("The pipeline is 37 km long.", "37 km", 37, 37, 37, unit="km"),
    # counts next to words that usually introduce dates
    case("Militias attacked people in 26 villages.", "26", 26, 26, 26),
    case("In 2019, 31 people were killed.", "31", 31, 31, 31),
    case("On 12 March, 15 people died.", "15", 15, 15, 15),
    case("The survey covered 2019 households.", "2019", 2019, 2019, 2019),
]

# -- word numbers ------------------------------------------------------------------------------------------

WORDS = [
    case("Twenty-three people were injured.", "Twenty-three", 23, 23, 23),
    case("Rescuers found twenty-three survivors.", "twenty-three", 23, 23, 23),
    case("Forty-seven bodies were recovered.", "Forty-seven", 47, 47, 47),
    case("Seven people died in the blast.", "Seven", 7, 7, 7),
    case("Officials said a dozen people died.", "a dozen", 12, 12, 12),
    case("Two dozen houses were destroyed.", "Two dozen", 24, 24, 24),
    case("Half a dozen villages burned.", "Half a dozen", 6, 6, 6),
    case("Nearly three hundred people were evacuated.", "Nearly three hundred", 300, 270, 300, "nearly"),
]

# -- vague quantities: the documented ranges -----------------------------------------------------------------

VAGUE = [
    case("A few people were hurt.", "A few", None, 2, 5, "vague"),
    case("Several people were hurt.", "Several", None, 3, 9, "vague"),
    case("Dozens of people were hurt.", "Dozens", None, 24, 99, "vague"),
    case("Dozens were hurt.", "Dozens", None, 24, 99, "vague"),
    case("Scores of people died.", "Scores", None, 40, 99, "vague"),
    case("Hundreds of shops were looted.", "Hundreds", None, 200, 999, "vague"),
    case("Several hundred people rallied.", "Several hundred", None, 300, 999, "vague"),
    case("Thousands of people fled.", "Thousands", None, 2_000, 9_999, "vague"),
    case("Several thousand people marched.", "Several thousand", None, 3_000, 9_999, "vague"),
    case("Tens of thousands of people fled.", "Tens of thousands", None, 20_000, 99_999, "vague"),
    case(
        "Hundreds of thousands of people lost power.",
        "Hundreds of thousands",
        None,
        200_000,
        999_999,
        "vague",
    ),
    case("Millions of people voted.", "Millions", None, 2 * M, 999 * M, "vague"),
]

# -- hedges ------------------------------------------------------------------------------------------------

HEDGED = [
    # about/around/some/roughly X -> X +-10% (non-round X)
    case(
        "Officials said about 137,412 people had fled.",
        "about 137,412",
        137_412,
        123_670.8,
        151_153.2,
        "approx",
    ),
    case("Around 45 people died.", "Around 45", 45, 40.5, 49.5, "approx"),
    case("About 26 people were killed.", "About 26", 26, 23.4, 28.6, "approx"),
    case("Roughly 1,234 homes were damaged.", "Roughly 1,234", 1_234, 1_110.6, 1_357.4, "approx"),
    case("Some 512 families were evacuated.", "Some 512", 512, 460.8, 563.2, "approx"),
    # at least X -> [X, inf); more than / over X -> (X, inf)
    case("At least 26 people were killed.", "At least 26", 26, 26, None, "at_least"),
    case("At least 1,200 homes were destroyed.", "At least 1,200", 1_200, 1_200, None, "at_least"),
    case(
        "At least several thousand people marched.",
        "At least several thousand",
        None,
        3_000,
        None,
        "at_least",
    ),
    case("More than 18,000 people were displaced.", "More than 18,000", 18_000, 18_000, None, "more_than"),
    case("Over 500 people were injured.", "Over 500", 500, 500, None, "more_than"),
    case("More than a dozen people died.", "More than a dozen", 12, 12, None, "more_than"),
    # up to / as many as / no more than X -> [0, X]
    case("Up to 40 people may have died.", "Up to 40", 40, 0, 40, "at_most"),
    case("As many as 1,200 people fled.", "As many as 1,200", 1_200, 0, 1_200, "at_most"),
    case("No more than 35 people attended.", "No more than 35", 35, 0, 35, "at_most"),
    case("Up to several hundred people came.", "Up to several hundred", None, 0, 999, "at_most"),
    # nearly / almost / close to X -> [0.9X, X]
    case("Nearly 300 people were evacuated.", "Nearly 300", 300, 270, 300, "nearly"),
    case("Nearly 1.2 million people fled.", "Nearly 1.2 million", 1.2 * M, 1.08 * M, 1.2 * M, "nearly"),
    case("Almost 90 percent of homes were damaged.", "Almost 90 percent", 90, 81, 90, "nearly", "percent"),
    case("Close to 4,000 people were displaced.", "Close to 4,000", 4_000, 3_600, 4_000, "nearly"),
    # fewer / less than / under X -> [0, X)
    case("Fewer than 6,000 people voted.", "Fewer than 6,000", 6_000, 0, 6_000, "less_than"),
    case("Less than 20% of the aid arrived.", "Less than 20%", 20, 0, 20, "less_than", "percent"),
    case("Under 400 homes remain.", "Under 400", 400, 0, 400, "less_than"),
    case("Fewer than a dozen people came.", "Fewer than a dozen", 12, 0, 12, "less_than"),
]

# -- ranges: "between X and Y", "X-Y" -> [X, Y] ------------------------------------------------------------

RANGES = [
    case("Between 40 and 50 people were killed.", "Between 40 and 50", 45, 40, 50, "range"),
    case("Officials said 40-50 people were killed.", "40-50", 45, 40, 50, "range"),
    case("Officials said 40\u201350 people were killed.", "40\u201350", 45, 40, 50, "range"),
    case("Between twenty and thirty houses burned.", "Between twenty and thirty", 25, 20, 30, "range"),
    case(
        "Between 2 and 3 million people were affected.",
        "Between 2 and 3 million",
        2.5 * M,
        2 * M,
        3 * M,
        "range",
    ),
    case(
        "Between 2 million and 3 million people were affected.",
        "Between 2 million and 3 million",
        2.5 * M,
        2 * M,
        3 * M,
        "range",
    ),
    case(
        "The storm left 1.5-2 million people without power.",
        "1.5-2 million",
        1.75 * M,
        1.5 * M,
        2 * M,
        "range",
    ),
    case("The figure rose 3-5%.", "3-5%", 4, 3, 5, "range", "percent"),
    # "X to Y": one range, its scale shared as in "between"
    case("Some 120 to 180 families were moved.", "Some 120 to 180", 150, 120, 180, "range"),
    case("The survey puts it at 31,250 to 47,900.", "31,250 to 47,900", 39575, 31250, 47900, "range"),
    case("Four to six million trees were felled.", "Four to six million", 5 * M, 4 * M, 6 * M, "range"),
    case("Fares went up 4 to 7 percent.", "4 to 7 percent", 5.5, 4, 7, "range", "percent"),
]

# -- bound words after and before, "a million", minus signs, rupees

MORE_FORMS = [
    case("Some 300 or more homes flooded.", "Some 300 or more", 300, 300, None, "at_least"),
    case("Groups of 20 or fewer may gather.", "20 or fewer", 20, 0, 20, "at_most"),
    case(
        "Losses greater than 500 tonnes were logged.",
        "greater than 500 tonnes",
        500,
        500,
        None,
        "more_than",
        "tonnes",
    ),
    case("Claims exceeding 2,000 were filed.", "exceeding 2,000", 2000, 2000, None, "more_than"),
    case("A million people marched.", "A million", M, 0.5 * M, 1.5 * M, "exact"),
    case("Nearly a billion dollars was lost.", "Nearly a billion dollars", BN, 0.9 * BN, BN, "nearly", "usd"),
    case("Prices rose by 5 percent.", "5 percent", 5, 5, 5, "exact", "percent"),
    case("Overnight it fell to -15 degrees.", "-15 degrees", -15, -15, -15, "exact", "degrees"),
    case("Output shrank −2.3% in the quarter.", "−2.3%", -2.3, -2.3, -2.3, "exact", "percent"),
    case("The fine was Rs 2 crore.", "Rs 2 crore", 2e7, 1.5e7, 2.5e7, "exact", "rupee"),
    case("Between 1000-5000 people attended.", "1000-5000", 3000, 1000, 5000, "range"),
]


@pytest.mark.parametrize(ROW, MORE_FORMS)
def test_more_forms(
    sentence: str, text: str, value: float, low: float, high: float | None, bound: str, unit: str | None
) -> None:
    check(sentence, text, value, low, high, bound, unit)


@pytest.mark.parametrize(
    "sentence", ["Call 555-1234 for help.", "It was the 2023-24 season.", "Scores of 10 - 15."]
)
def test_phone_numbers_periods_and_spaced_dashes_are_no_negative_figures(sentence: str) -> None:
    assert all((f.value or 0) >= 0 for f in find_figures(sentence)), find_figures(sentence)
    assert not any("555" in f.text for f in find_figures(sentence))


# -- "in the region of X", "of the order of X": about X

SPANS = [
    case("Losses were in the region of 500 people.", "in the region of 500", 500, 450, 550, "approx"),
    # (wider for a round number, as "about 8,000")
    case("The bill is of the order of 8,000.", "of the order of 8,000", 8000, 6800, 9200, "approx"),
]


@pytest.mark.parametrize(
    "sentence",
    [
        "The toll went from 30 to 45 overnight.",  # a change: the figure before it, then after it
        "The council voted 7 to 9 against the plan.",  # a vote
        "The hosts won the match 2 to 3 after extra time.",  # a score
        "Output fell 80 to 60 tonnes a day.",  # a fall, not a range
    ],
)
def test_x_to_y_that_is_no_range_stays_two_figures(sentence: str) -> None:
    assert [f.bound for f in find_figures(sentence)] == ["exact", "exact"]


@pytest.mark.parametrize(ROW, DIGITS)
def test_digits(
    sentence: str, text: str, value: float, low: float, high: float, bound: str, unit: str | None
) -> None:
    check(sentence, text, value, low, high, bound, unit)


@pytest.mark.parametrize(ROW, WORDS)
def test_word_numbers(
    sentence: str, text: str, value: float, low: float, high: float, bound: str, unit: str | None
) -> None:
    check(sentence, text, value, low, high, bound, unit)


@pytest.mark.parametrize(ROW, VAGUE)
def test_vague_quantities(
    sentence: str, text: str, value: float | None, low: float, high: float, bound: str, unit: str | None
) -> None:
    check(sentence, text, value, low, high, bound, unit)


@pytest.mark.parametrize(ROW, HEDGED)
def test_hedges(
    sentence: str,
    text: str,
    value: float | None,
    low: float | None,
    high: float | None,
    bound: str,
    unit: str | None,
) -> None:
    check(sentence, text, value, low, high, bound, unit)


@pytest.mark.parametrize(ROW, SPANS)
def test_about_in_words(
    sentence: str, text: str, value: float, low: float, high: float, bound: str, unit: str | None
) -> None:
    check(sentence, text, value, low, high, bound, unit)


@pytest.mark.parametrize(ROW, RANGES)
def test_ranges(
    sentence: str, text: str, value: float, low: float, high: float, bound: str, unit: str | None
) -> None:
    check(sentence, text, value, low, high, bound, unit)


@pytest.mark.parametrize(
    ("sentence", "number", "value", "low", "high"),
    [
        pytest.param(
            "The plan will cost $3.4bn over five years.", "3.4bn", 3.4 * BN, 3.35 * BN, 3.45 * BN, id="$3.4bn"
        ),
        pytest.param("The price was $5.", "5", 5, 5, 5, id="$5"),
    ],
)
def test_dollar_sign_sets_the_unit(sentence: str, number: str, value: float, low: float, high: float) -> None:
    fig = only_figure(sentence)
    # whether the span includes the currency symbol is not part of the convention; the number is
    assert fig.text.endswith(number)
    assert (fig.value, fig.low, fig.high) == pytest.approx((value, low, high))
    assert fig.bound == "exact"
    assert fig.unit == "usd"


def test_rounding_interval_contains_the_precise_count() -> None:
    # "1.2 million" written for 1,187,000: the round figure is compatible with the precise one
    fig = only_figure("The census counted 1.2 million residents.")
    assert fig.low is not None and fig.high is not None
    assert fig.low <= 1_187_000 <= fig.high
    assert fig.low <= 1_249_000 <= fig.high
    assert not fig.low <= 1_100_000 <= fig.high
    assert not fig.low <= 1_300_000 <= fig.high


def test_exact_number_has_no_tolerance() -> None:
    fig = only_figure("Police said 1,187 residents were evacuated.")
    assert fig.low == fig.high == fig.value == 1_187


@pytest.mark.parametrize(
    "sentence",
    [
        # years and periods
        "Fighting broke out in 2019.",
        "He was born in 1975.",
        "Prices peaked in March 2022.",
        "The fiscal 2023 results were weak.",
        "Fighting raged in the 1990s.",
        "The 2024-25 budget was passed.",
        "From 1990-2000 the population grew.",
        # dates
        "The attack happened on April 16.",
        "The attack happened on April 16, officials said.",
        "Talks resumed on Jan. 19 in Geneva.",
        "The attack happened on 4 July.",
        "Attacks resumed on Sept. 11.",
        "The attack happened on July 4th.",
        "He was jailed on 12 March.",
        "He was born on 16/04/1990.",
        "The law took effect on 2024-04-16.",
        # clock times
        "The meeting starts at 10am.",
        "The meeting starts at 10 a.m. local time.",
        "The blast happened at 6:30 pm.",
        "The blast happened at 6.30pm.",
        "The curfew starts at 0600 GMT.",
        # ages
        "Kambale, 50, a civil society leader, said the town was calm.",
        "A 27-year-old man was arrested.",
        "The 27-year-old was arrested.",
        "The 50-year-old leader said the town was calm.",
        "He is 50 years old.",
        "She is aged 34.",
        "Kambale, aged 50, said the town was calm.",
        # ordinals
        "It was the 3rd attack this week.",
        "He finished 3rd in the race.",
        "It was the 21st attack this year.",
        "It is his 2nd term.",
        # phone numbers
        "For details call 0800 123 4567.",
        "Call +44 20 7946 0958 for details.",
        # distances used as locators
        "The village lies about 50 km south-east of Lukweti.",
        "The village lies 40 km west of the city.",
        "The camp is 12 kilometres from the border.",
        "The village is 5 miles from the river.",
        # durations
        "Fighting continued for three days.",
        "Fighting continued for 3 days.",
        "The ceasefire lasted 72 hours.",
        "A three-day ceasefire began.",
        "It was a 10-day mission.",
        "It took 18 months to rebuild.",
        "He was sentenced to 12 years.",
        "He called several times.",
        "She waited a few days.",
        # sports scores
        "Arsenal won 2-1 on Saturday.",
        "The home side won the match 3-0.",
        "Madrid lost 1-3 to Barcelona.",
        # page / article / route / flight numbers and names with digits
        "The report appears on page 14.",
        "Article 5 of the treaty applies.",
        "Flight 370 vanished.",
        "Route 66 was closed.",
        "He lives at No. 10.",
        "The M23 rebels seized Goma.",
        "The G20 summit opened.",
        # digit runs too long to be a quantity
        "The zoo held 9999999999999999999999 ants.",
    ],
)
def test_not_a_figure(sentence: str) -> None:
    assert [f.text for f in find_figures(sentence)] == []


def test_figures_in_text_order_with_spans() -> None:
    sentence = "At least 26 people were killed and about 137,412 fled, while 40-50 homes burned."
    figs = find_figures(sentence)
    assert [f.text for f in figs] == ["At least 26", "about 137,412", "40-50"]
    assert [f.start for f in figs] == sorted(f.start for f in figs)
    assert all(sentence[f.start : f.end] == f.text for f in figs)


def test_max_figures_caps_the_output() -> None:
    sentence = ", ".join(f"{n} people" for n in range(11, 61))
    assert len(find_figures(sentence)) == 40
    assert len(find_figures(sentence, max_figures=3)) == 3


@pytest.mark.parametrize(
    ("words", "value"),
    [
        ("twenty-three", 23),
        ("Forty-seven", 47),
        ("three hundred", 300),
        ("two million", 2e6),
        ("one hundred and twenty", 120),
        ("nineteen", 19),
        ("zero", 0),
    ],
)
def test_parse_word_number(words: str, value: float) -> None:
    assert parse_word_number(words) == value


@pytest.mark.parametrize("words", ["", "and", "dozens", "twenty-something"])
def test_parse_word_number_rejects_non_numbers(words: str) -> None:
    assert parse_word_number(words) is None
