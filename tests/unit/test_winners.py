"""Who won: win claims from the parse, one group per form, asserting the winner, contest and polarity.
Sentences are written for these tests."""

from __future__ import annotations

import pytest

from streams.core import parse
from streams.core.attribution import Context, attribute
from streams.core.winners import Win, causes, wins

SPEAKER = frozenset({"tomas", "ortega"})


def found(sentence: str, quoted: bool = True) -> list[tuple[tuple[str, ...], str, int]]:
    (doc,) = parse.parse([sentence])
    assert doc is not None
    return [(w.winner, w.contest, w.polarity) for w in wins(doc, SPEAKER, quoted)]


@pytest.mark.parametrize(
    ("sentence", "winner"),
    [
        ("Vera Lind won the mayoral runoff on Sunday.", ("vera", "lind")),  # a verb of winning
        ("Lind clinched a second term as mayor of Tartu.", ("lind",)),
        ("Vera Lind was re-elected on Sunday.", ("vera", "lind")),  # a verb of electing, passive
        ("The board declared Vera Lind the winner of the race.", ("vera", "lind")),  # "winner" of someone
        ("Lind declared herself the winner on Monday.", ("lind",)),
        ("The commission confirmed the victory of incumbent mayor Vera Lind.", ("vera", "lind")),  # "victory"
        ("Lind claimed victory in the runoff.", ("lind",)),
        ("Lind's victory was confirmed by the court.", ("lind",)),
    ],
)
def test_each_form_names_the_winner(sentence: str, winner: tuple[str, ...]) -> None:
    assert found(sentence) == [(winner, "", 1)]


def test_a_first_person_or_reported_pronoun_is_the_speaker() -> None:
    assert found('"We won this election," the candidate said.') == [(("ortega", "tomas"), "", 1)]
    assert found("Ortega said he was the rightful winner.") == [(("ortega", "tomas"), "", 1)]
    assert found("Ortega said Lind had won the race.") == [(("lind",), "", 1)]
    # what evidence someone has shows is their claim; what a clause describing some other noun says is not
    assert found(
        "Ortega told reporters his team had the proof it needed to show that he was the winner."
    ) == [(("ortega", "tomas"), "", 1)]
    assert found("Ortega met a voter who needed to show that Lind was the winner.") == []
    # a first person in the outlet's own narrative is no one's
    assert found("We won this election.", quoted=False) == []


def test_negation_and_denial() -> None:
    assert found("Lind did not win the vote, the court said.") == [(("lind",), "", -1)]
    assert found("None of Harbor's nominees was elected.") == [(("harbor",), "", -1)]
    assert found("The board denied that Lind had won the runoff.") == [(("lind",), "", -1)]
    assert found("Lind lost the runoff to Ortega.") == [(("lind",), "", -1)]  # losing a contest
    assert found("Lind did not lose the vote.") == [(("lind",), "", 1)]
    assert found("Lind lost her seat on the board.") == [(("lind",), "", -1)]
    assert found("Lind lost her job in March.") == []  # not a contest


def test_contests_apart_and_what_is_not_a_win_claim() -> None:
    assert found("Lind won the first round but Ortega won the runoff.") == [
        (("lind",), "round-first", 1),
        (("ortega",), "", 1),
    ]
    for sentence in (
        "The Greens won 12 seats on the council.",  # a count won
        "Lind hopes to win the runoff.",  # an aim
        "Lind, who won the 2019 election, is standing again.",  # about someone, in a relative clause
        "Did Lind win the runoff?",  # a question
        "The candidate won the runoff.",  # no name
    ):
        assert found(sentence) == [], sentence


def test_the_win_type() -> None:
    (doc,) = parse.parse(["Vera Lind won the runoff."])
    assert doc is not None
    (w,) = wins(doc, SPEAKER, False)
    assert isinstance(w, Win) and doc.text[w.start : w.end] == "won" and not w.denied


def test_told_an_audience_after_a_quote() -> None:
    for sentence in (
        '"The majority is ours," Villa told a news conference in Tartu.',
        '"The majority is ours," Villa, 47, told a news conference in Tartu.',
    ):
        assert attribute(sentence, Context(outlet="Wire")).claimant == "villa", sentence


def test_coordinated_winners_are_a_summary_and_one_person_named_two_ways_is_one() -> None:
    from streams.core.winners import aliases

    assert found("Both Lind and Ortega claimed victory on Sunday.") == []
    known = aliases("Maria Elena van der Berg won. Van der Berg thanked voters. Tomas Ortega conceded.")
    assert known["berg"] >= {"maria", "elena", "berg"} and "ortega" not in known["berg"]


def test_a_contest_won_by_someone() -> None:
    assert found("The mayoral runoff was won by Vera Lind, the board said.") == [(("vera", "lind"), "", 1)]


def test_a_thing_awarded_or_a_winning_party_is_a_win() -> None:
    """Awarding a contract is its being won, by whoever receives it; "the winning bidder" is the winner; a
    group is named by its leader; a contract, a concession and a tender are one thing won; "a 25-year
    concession" is no count."""
    assert found("Harbor Logistics had been awarded the concession for the terminal.") == [
        (("harbor", "logistics"), "contract", 1)
    ]
    assert found("The ministry awarded the contract to Meridian Terminals.") == [
        (("meridian", "terminals"), "contract", 1)
    ]
    assert found("Harbor Logistics is the winning bidder, its chief said.") == [
        (("harbor", "logistics"), "", 1)
    ]
    assert found("A consortium led by Meridian Terminals has won a 25-year concession to run the port.") == [
        (("meridian", "terminals"), "contract", 1)
    ]
    assert found("Lind won 12 seats in the council.") == []


def causers(sentence: str) -> list[tuple[tuple[str, ...], str, int]]:
    (doc,) = parse.parse([sentence])
    assert doc is not None
    return [(w.winner, w.contest, w.polarity) for w in causes(doc, SPEAKER, False)]


def test_who_caused_a_thing_is_one_party() -> None:
    """Causing a thing, or being responsible for it, is one party's act: a passive with its agent, an
    active subject, responsibility taken or denied, "responsible" said or negated; a nationality names its
    country ("an Arvanian airstrike" is Arvania's); a relative pronoun is the noun it describes."""
    assert causers("The ministry said the fire was caused by an Arvanian airstrike.") == [
        (("arvania",), "fire", 1)
    ]
    assert causers("The ministry denied responsibility for the bombing.") == []  # (no named party)
    assert causers("Arvania's army denied responsibility for the bombing.") == [(("arvania",), "blast", -1)]
    assert causers("The Kestel Front claimed responsibility for the attack.") == [
        (("kestel", "front"), "blast", 1)
    ]
    assert causers("Investigators said Arvania was not responsible.") == [(("arvania",), "", -1)]
    assert causers("A blast that officials say was caused by a Kestel Front rocket hit the market.") == [
        (("kestel", "front"), "blast", 1)
    ]
    assert causers("Was the fire caused by an Arvanian airstrike?") == []
