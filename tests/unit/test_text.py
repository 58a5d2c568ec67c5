"""sentences.split_sentences and sentences.strip_dateline."""

from __future__ import annotations

import pytest

from streams.core.sentences import Sentence, split_sentences, strip_dateline


def texts(sentences: list[Sentence]) -> list[str]:
    return [s.text for s in sentences]


def assert_verbatim(text: str, sentences: list[Sentence]) -> None:
    for s in sentences:
        assert text[s.start : s.start + len(s.text)] == s.text
    assert [s.index for s in sentences] == list(range(len(sentences)))
    assert [s.start for s in sentences] == sorted(s.start for s in sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "The U.S. Army said 12 people died. Gen. Smith disagreed.",
            ["The U.S. Army said 12 people died.", "Gen. Smith disagreed."],
            id="U.S. and Gen.",
        ),
        pytest.param(
            "Talks with the U.S. and U.K. envoys resumed. The U.N. said nothing.",
            ["Talks with the U.S. and U.K. envoys resumed.", "The U.N. said nothing."],
            id="U.S. U.K. U.N.",
        ),
        pytest.param(
            "Dr. Kambale spoke in Goma on Jan. 19 after the attack. He said the town was calm.",
            ["Dr. Kambale spoke in Goma on Jan. 19 after the attack.", "He said the town was calm."],
            id="Dr. and Jan. 19",
        ),
        pytest.param(
            "Lt. Col. Mbeki spoke at 10 a.m. on Friday. The army denied it.",
            ["Lt. Col. Mbeki spoke at 10 a.m. on Friday.", "The army denied it."],
            id="Lt. Col. a.m.",
        ),
        pytest.param(
            "J. R. Smith spoke. Then he left.",
            ["J. R. Smith spoke.", "Then he left."],
            id="initials",
        ),
        pytest.param(
            "Rebels seized 3 towns. 40 people died.",
            ["Rebels seized 3 towns.", "40 people died."],
            id="sentence starting with a digit",
        ),
        pytest.param(
            "Is it over? Yes! It is.",
            ["Is it over?", "Yes!", "It is."],
            id="question and exclamation",
        ),
        pytest.param(
            'He said "we will win." Then he left.',
            ['He said "we will win."', "Then he left."],
            id="closing quote stays with its sentence",
        ),
        pytest.param(
            "The toll rose to 1.5 million. Officials said 3.2 per cent more.",
            ["The toll rose to 1.5 million.", "Officials said 3.2 per cent more."],
            id="decimal points do not split",
        ),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert texts(sentences) == expected
    assert_verbatim(text, sentences)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "Para one.\n\nPara two. Still two.", ["Para one.", "Para two.", "Still two."], id="blank line"
        ),
        pytest.param(
            "First line, no period\nSecond line.", ["First line, no period", "Second line."], id="newline"
        ),
        pytest.param("Para one\r\n\r\nPara two", ["Para one", "Para two"], id="CRLF"),
        pytest.param(
            "Only 40 people have been\nrescued so far. Next one.\nNew line",
            ["Only 40 people have been\nrescued so far.", "Next one.", "New line"],
            id="a line wrapped at a fixed width goes on in lower case",
        ),
        pytest.param("Gen.\n\nSmith spoke.", ["Gen.", "Smith spoke."], id="paragraph beats abbreviation"),
        pytest.param("\n\n  Indented para.  \n\n\n", ["Indented para."], id="surrounding whitespace"),
    ],
)
def test_paragraph_breaks_always_split(text: str, expected: list[str]) -> None:
    sentences = split_sentences(text)
    assert texts(sentences) == expected
    assert_verbatim(text, sentences)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", " \r\n \r\n "])
def test_blank_text_has_no_sentences(text: str) -> None:
    assert split_sentences(text) == []


def test_sentences_are_verbatim_slices_of_a_wire_story() -> None:
    text = (
        "GOMA, April 16 - At least 26 people were killed in Lukweti, the U.N. said on Tuesday.  "
        "Gen. Sylvain Ekenge, an army spokesman, put the toll at \u201cnearly 30\u201d.\n\n"
        "  Kambale, 50, a civil society leader, said: \u201cThey came at night.\u201d Dr. Mukwege agreed.\r\n"
        "Some 1,200 families fled (about 6,000 people). Aid is expected on Jan. 19!"
    )
    sentences = split_sentences(text)
    assert_verbatim(text, sentences)
    assert texts(sentences) == [
        "GOMA, April 16 - At least 26 people were killed in Lukweti, the U.N. said on Tuesday.",
        "Gen. Sylvain Ekenge, an army spokesman, put the toll at \u201cnearly 30\u201d.",
        "Kambale, 50, a civil society leader, said: \u201cThey came at night.\u201d",
        "Dr. Mukwege agreed.",
        "Some 1,200 families fled (about 6,000 people).",
        "Aid is expected on Jan. 19!",
    ]


def test_max_sentences() -> None:
    text = " ".join(f"Sentence number {i} is here." for i in range(10))
    sentences = split_sentences(text, max_sentences=3)
    assert texts(sentences) == [f"Sentence number {i} is here." for i in range(3)]
    assert_verbatim(text, sentences)


def test_max_sentences_across_paragraphs() -> None:
    text = "\n\n".join(f"Para {i}." for i in range(10))
    assert texts(split_sentences(text, max_sentences=4)) == ["Para 0.", "Para 1.", "Para 2.", "Para 3."]


def test_max_sentence_chars_cuts_overlong_sentences() -> None:
    long = "Rebels " + "and more rebels " * 50 + "came."
    text = f"Short one. {long} Short two."
    sentences = split_sentences(text, max_chars=40)
    assert texts(sentences)[0] == "Short one."
    assert texts(sentences)[-1] == "Short two."
    assert all(len(s.text) <= 40 for s in sentences)
    assert sentences[1].text == long[:40]
    assert_verbatim(text, sentences)


def test_default_bounds_hold_on_a_huge_text() -> None:
    text = "A claim. " * 5_000 + "x" * 10_000
    sentences = split_sentences(text)
    assert len(sentences) == 2_000
    assert all(len(s.text) <= 2_000 for s in sentences)


@pytest.mark.parametrize(
    ("sentence", "body", "place"),
    [
        ("GOMA, April 16 - Rebels seized the town.", "Rebels seized the town.", "goma"),
        (
            "JUIZ DE FORA, Brazil, Jan 12 (Brasilia Wire) - Floods hit the city.",
            "Floods hit the city.",
            "juiz de fora, brazil",
        ),
        ("LAGOS, July 11 \u2014 Protests spread.", "Protests spread.", "lagos"),
        ("NEW YORK, Jan. 5 - Stocks fell.", "Stocks fell.", "new york"),
        ("KYIV (Reuters) - Drones struck.", "Drones struck.", "kyiv"),
    ],
)
def test_strip_dateline(sentence: str, body: str, place: str) -> None:
    got_body, got_place = strip_dateline(sentence)
    assert got_body == body
    assert got_place is not None and got_place.lower() == place
    assert sentence.endswith(got_body)


@pytest.mark.parametrize(
    "sentence",
    [
        "Rebels seized the town on April 16.",
        "Rebels seized GOMA - the capital of North Kivu.",
        "At least 26 people - most of them children - died.",
        "",
    ],
)
def test_no_dateline(sentence: str) -> None:
    assert strip_dateline(sentence) == (sentence, None)


def test_initials_after_the_name_a_body_not_a_place() -> None:
    from streams.core.scope import places

    assert places("New estimates from the WHO show that 90,000 died.") == []
    assert places("Officials in the UAE said three died.") == ["uae"]


def test_a_name_before_an_event_noun_names_the_event_not_a_place() -> None:
    from streams.core.scope import places

    assert places("Police put the crowd at Sunday's Cup final at roughly 30,000.") == []
    assert places("The crowd at the Harbour Derby race was smaller.") == []
    assert places("Crowds gathered in Mombasa on Sunday.") == ["mombasa"]


def test_a_running_total_from_a_day_and_a_span_of_days_are_periods() -> None:
    from datetime import datetime, timezone

    from streams.core.scope import time_scope

    published = datetime(2026, 1, 12, tzinfo=timezone.utc)
    assert time_scope("41 people had died since Oct 1, the service said.", published) == "since october 1"
    assert time_scope("It had received 128 bodies over the past seven days.", published) == "span seven day"
    assert time_scope("It received 17 bodies on Monday.", published) is None
    assert (
        time_scope("Hundreds of inmates have been killed in recent years.", published) == "span recent year"
    )
    assert time_scope("It has lost 40 ships over the past three decades.", published) == "span three decade"
    # the year so far is a running total since January, not the year
    assert time_scope("About 9,000 people have landed so far this year.", published) == "since january"
    assert time_scope("Some 300 boats were seized since the start of the year.", published) == "since january"
    assert time_scope("It has paid 41 claims since the beginning of the year.", published) == "since january"
    assert time_scope("About 9,000 people have landed this year.", published) == "2026"
    # a span with no count is one of its unit
    assert time_scope("Nine cases were reported in the past week.", published) == "span one week"


def test_an_episode_some_time_ago_is_of_its_own_year() -> None:
    from datetime import datetime, timezone

    from streams.core.scope import time_scope

    published = datetime(2026, 1, 12, tzinfo=timezone.utc)
    assert time_scope("A similar outbreak five years ago killed 22 people.", published) == "2021"
    assert time_scope("A flood a decade ago displaced 4,000.", published) == "2016"
    assert time_scope("Three months ago, a fire destroyed 40 homes.", published) == "october"
    assert time_scope("Twenty-five years ago, a fire killed 40.", published) == "2001"
    assert time_scope("Several years ago, 12 miners died there.", published) is None  # (no year to name)


def test_a_body_figures_come_from_is_no_place() -> None:
    from streams.core.scope import places

    text = "The fire burned 10,400 hectares, according to an estimate from the Northern Fire Mapping Service."
    assert places(text) == []
    assert places("Thousands fled from Kherson on Monday.") == ["kherson"]


def test_a_dotted_abbreviation_ends_a_sentence_before_a_word_that_opens_one() -> None:
    """ "At 6 p.m. She said ..." is two sentences; "the U.S. Senate" and "at 2 p.m. on Friday" are not."""
    assert [s.text for s in split_sentences("The airport shut at 6 p.m. She said it was closed.")] == [
        "The airport shut at 6 p.m.",
        "She said it was closed.",
    ]
    assert len(split_sentences("Talks in the U.S. Senate stalled at 2 p.m. on Friday.")) == 1
