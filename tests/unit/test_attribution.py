"""Attribution: who makes a claim, and when two claimants are one."""

from __future__ import annotations

import pytest

from streams.core.attribution import Context, attribute
from streams.core.claimants import normalise_claimant, same_claimant


@pytest.mark.parametrize(
    ("sentence", "claimant"),
    [
        (
            "Turnout was 24.6 per cent, according to figures released by the National Election Commission.",
            "national election commission",
        ),
        ("Kang won, according to results from the city's election commission.", "city election commission"),
        ("The toll rose to 41, according to data from the health ministry.", "health ministry"),
        ("The toll rose to 41, according to the health ministry.", "health ministry"),
    ],
)
def test_according_to_a_document_names_its_source(sentence: str, claimant: str) -> None:
    assert attribute(sentence, Context("Wire One")).claimant == claimant


def test_a_bare_head_names_the_body_named_in_full_earlier() -> None:
    ctx = Context("Wire One")
    attribute("Kang won, according to results from the city's election commission.", ctx)
    attribute("The ministry of interior said roads were closed.", ctx)
    assert (
        attribute("Turnout was 38.7 per cent, the commission said.", ctx).claimant
        == "city election commission"
    )
    # with no earlier body of that kind, the head stays as it is
    assert attribute("Turnout was 38.7 per cent, the commission said.", Context("Wire One")).claimant == (
        "commission"
    )


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("national election commission", "city election commission", False),
        ("federal police", "state police", False),
        ("provincial health ministry", "national health ministry", False),
        ("state election commission", "election commission", True),
        ("health ministry", "national health ministry", True),
        ("army", "army", True),
    ],
)
def test_bodies_at_different_levels_are_different_claimants(a: str, b: str, same: bool) -> None:
    assert same_claimant(a, b) is same


def test_a_document_speaks_for_whoever_commissioned_it() -> None:
    sp = attribute(
        "An audit commissioned by the sports ministry has put the debts at 38 million dinars.", Context("W")
    )
    assert (sp.claimant, sp.kind) == ("sports ministry", "organisation")


def test_participle_and_age_appositions_keep_the_subject_as_speaker() -> None:
    ctx = Context("W")
    sp = attribute("The report, presented to parliament on Monday, said the federation owed 38 million.", ctx)
    assert sp.claimant == "report"
    sp = attribute("Treasurer Hichem Ben Slama, 57, rejected the findings at a news conference.", ctx)
    assert (sp.claimant, sp.kind) == ("slama", "person")
    assert attribute('"Our debts were no more than 11 million dinars," he said.', ctx).claimant == "slama"


def test_a_name_in_apposition_keeps_the_title_as_speaker() -> None:
    sp = attribute(
        "The mayor of Rakriakpur, Chiara Farah, said 312,000 customers had no power.", Context("W")
    )
    assert (sp.claimant, sp.kind, sp.verb) == ("mayor", "organisation", "said")


def test_who_counts_or_lists_a_figure_is_its_source() -> None:
    ctx = Context("W")
    sp = attribute("The energy regulator, however, listed the release at 1,900 barrels.", ctx)
    assert sp.claimant == "energy regulator"
    assert attribute("The tourism board logged 622,000 arrivals in the quarter.", ctx).claimant == (
        "tourism board"
    )
    assert attribute("Police, for their part, said 12 people died.", ctx).claimant == "police"
    # a closing attribution to what the figures show names the source, not the counting place before it
    sp = attribute("Andalusia recorded the most deaths, at 410, the mortality data showed.", ctx)
    assert sp.claimant == "mortality data"


@pytest.mark.parametrize(
    "sentence",
    [
        "On Monday, police said 12 people died.",
        "In Goma, Congo, police said 12 people died.",
        "Police said 12 people died.",
        "The toll rose to 12, police said.",
    ],
)
def test_police_speak_after_an_opening_phrase_too(sentence: str) -> None:
    assert attribute(sentence, Context("W")).claimant == "police"


@pytest.mark.parametrize(
    ("sentence", "speaker"),
    [
        ("Police had earlier said 30 people were arrested in the clashes.", "Police"),
        ("April 23 The coast guard said 40 people were missing.", "The coast guard"),
        ("The mayor apologized and said 40 homes were lost.", "The mayor"),
        ("Auditors are also looking into six frauds involving people who said they lost money.", "Wire"),
    ],
)
def test_a_clause_or_a_fragment_is_never_a_speaker(sentence: str, speaker: str) -> None:
    assert attribute(sentence, Context(outlet="Wire")).name == speaker


@pytest.mark.parametrize(
    ("sentences", "name", "claimant"),
    [
        (["According to the regional governor, 40 people were killed."], "the regional governor", None),
        (
            ["Speaking to reporters on Monday, fire chief Tom Hale said 12 homes burned."],
            "fire chief Tom Hale",
            None,
        ),
        (["The ministry, in a statement on Tuesday, said 12 people died."], "The ministry", "ministry"),
        (
            ['"We found 45 bodies," said Maria Lopez, a Red Cross official.'],
            "Maria Lopez, a Red Cross official",
            None,
        ),
        (
            [
                "The Nordbank board said on Monday the merger was off.",
                "Its spokesman said 300 jobs would go.",
            ],
            "Its spokesman",
            "nordbank board",
        ),
    ],
)
def test_attribution_forms(sentences: list[str], name: str, claimant: str | None) -> None:
    ctx = Context(outlet="Wire")
    for s in sentences:
        sp = attribute(s, ctx)
    assert sp.name == name
    if claimant is not None:
        assert sp.claimant == claimant


def test_a_speaker_described_by_a_relative_clause() -> None:
    for sentence, claimant in (
        ("Corvina Mining, which operates the mine, said the licence remained valid.", "corvina mining"),
        ("The union, which represents 9,000 dockworkers, said more than 9,000 had walked out.", "union"),
        ('"Forty people died," said Ruiz, who heads the agency.', "ruiz"),
    ):
        assert attribute(sentence, Context(outlet="Wire")).claimant == claimant, sentence


@pytest.mark.parametrize(
    ("sentence", "claimant", "kind"),
    [
        ("An independent panel estimated that 40 people died.", "independent panel", "organisation"),
        ("The review board said 40 people died.", "review board", "organisation"),
        ("An official said 40 people died.", "official", "organisation"),
        ("The Red Crescent said 40 people died.", "red crescent", "organisation"),  # "the" + a name: a body
        ("Vera Lind said 40 people died.", "lind", "person"),
        ("Ridership fell 12 percent, Transport for London said.", "transport for london", "organisation"),
        ("Maria de Souza said 40 people died.", "souza", "person"),  # ("de" joins a person's names)
    ],
)
def test_an_article_is_no_name_of_the_speaker(sentence: str, claimant: str, kind: str) -> None:
    sp = attribute(sentence, Context("Wire One"))
    assert (sp.claimant, sp.kind) == (claimant, kind)


def test_a_leading_conjunction_or_a_manner_adverb_is_no_part_of_the_speaker() -> None:
    sp = attribute("But opposition candidate Edmundo Gonzalez said 40 percent were counted.", Context("Wire"))
    assert sp.name == "opposition candidate Edmundo Gonzalez"
    sp = attribute("Maison Verte categorically denied it had filed for bankruptcy.", Context("Wire"))
    assert sp.name == "Maison Verte"


@pytest.mark.parametrize(
    ("phrase", "claimant"),
    [
        ("federation general secretary Ilse Varga", "federation"),
        ("deputy health minister Ana Ruiz", "health"),
        ("the ministry's deputy spokeswoman", "ministry"),
        ("General Dynamics spokesman Tom Reed", "general dynamics"),  # a name's first word, not a rank
    ],
)
def test_a_rank_is_part_of_the_role_not_of_the_body(phrase: str, claimant: str) -> None:
    assert normalise_claimant(phrase)[0] == claimant


def test_a_verb_with_a_particle_is_no_verb_of_saying() -> None:
    sp = attribute("Dock strike called off after late-night pay offer", Context("Harbour Wire"))
    assert (sp.name, sp.kind) == ("Harbour Wire", "outlet")
    sp = attribute("The dockers' union called the offer an insult.", Context("Harbour Wire"))
    assert sp.claimant == "dockers union"


def test_a_thing_denied_to_the_subject_of_a_headline_is_no_denial_by_it() -> None:
    assert attribute("Trader denied bail in fraud case", Context("Court Wire")).kind == "outlet"
    assert attribute("Trader denied wrongdoing in fraud case", Context("Court Wire")).claimant == "trader"
    assert attribute("The trader denied the reports.", Context("Court Wire")).claimant == "trader"


def test_a_bare_kind_of_body_or_a_role_speaks_for_the_body_the_report_is_about() -> None:
    from streams.core.claimants import for_protagonist

    assert for_protagonist("the carrier", "carrier", "organisation", "aeroplata") == "aeroplata"
    assert for_protagonist("finance director Helen Marlow", "marlow", "person", "corrigan") == "corrigan"
    assert for_protagonist("Helen Marlow", "marlow", "person", "corrigan") == "marlow"  # no role: herself
    assert for_protagonist("the union", "union", "organisation", "corrigan") == "union"  # another body
    assert for_protagonist("the carrier", "carrier", "organisation", None) == "carrier"


def test_a_company_revising_itself_is_one_claimant_whatever_it_is_called() -> None:
    from datetime import datetime, timezone

    from schemas import Article
    from streams.core.extract import extract_claims

    def claimants(aid: str, text: str) -> set[str]:
        art = Article(
            id=aid,
            source="Wire",
            published_at=datetime(2026, 2, 9, tzinfo=timezone.utc),
            title="Report",
            text=text,
            url=None,
        )
        return {c.claimant for c in extract_claims(art) if c.kind == "numeric"}

    first = claimants(
        "a", "MEXICO CITY, Feb 9 - Low-cost airline Aeroplata has grounded 14 of its jets, the carrier said."
    )
    second = claimants(
        "b",
        "MEXICO CITY, Feb 10 - Aeroplata grounded nine jets, not 14, operations director Jorge Salinas said.",
    )
    assert first == {"aeroplata"} and "aeroplata" in second


def test_a_surname_alone_is_the_speaker_named_in_full_before() -> None:
    """ "Fontenot said" after "sheriff's spokesman Major Curtis Fontenot said": one speaker, for one body; a
    surname never named before stays itself."""
    from streams.core.attribution import ParsedSpeaker

    ctx = Context("Wire One")
    first = attribute(
        "The family had used the generator since Thursday.",
        ctx,
        parsed=[ParsedSpeaker("sheriff's spokesman Major Curtis Fontenot", "said", "say")],
    )
    again = attribute('"There were five people in the house," Fontenot said.', ctx)
    assert again.claimant == first.claimant != "fontenot"
    assert attribute('"Five were inside," Boudreaux said.', ctx).claimant == "boudreaux"


def test_a_role_at_a_named_body_speaks_for_that_body() -> None:
    """ "Lusomed's general counsel, Tiago Moreira": the counsel speaks for Lusomed, as its spokesman would
    (the possessive is no part of the name); a person named on their own stays a person."""
    assert normalise_claimant("Lusomed's general counsel, Tiago Moreira") == ("lusomed", "organisation")
    assert normalise_claimant("Halvard Labs' chief executive") == ("halvard labs", "organisation")
    assert normalise_claimant("Tiago Moreira") == ("moreira", "person")
    assert normalise_claimant("John Smith's neighbour")[1] == "person"  # (a neighbour speaks for nobody)
