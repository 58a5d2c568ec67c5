"""Invented names for the generated news stream: places, people, outlets, organisations.

Place names are built from syllables, so every story gets its own towns and provinces and two stories
never share a place by accident (the detector must not meet claims across stories). Everything is drawn
from a `random.Random` passed in: the same seed gives the same names.
"""

from __future__ import annotations

import random

OUTLETS = (
    "Meridian Wire",
    "Northern Dispatch",
    "The Harbour Ledger",
    "Continental Press Agency",
    "Evening Courier",
    "Capital Observer",
    "Riverside Gazette",
    "Atlas News Service",
    "The Plain Dealer Review",
    "Coastline Times",
    "Eastern Bulletin",
    "Frontier Radio",
    "The Morning Record",
    "Summit Daily",
    "Lowland Chronicle",
)

_ONSETS = (
    "b",
    "d",
    "k",
    "l",
    "m",
    "n",
    "r",
    "s",
    "t",
    "v",
    "z",
    "br",
    "dr",
    "gr",
    "kr",
    "tr",
    "st",
    "sh",
    "ch",
    "p",
    "h",
    "y",
    "g",
    "f",
    "kh",
)
_VOWELS = ("a", "e", "i", "o", "u", "a", "o", "ia", "ei", "ou")
_CODAS = ("", "", "", "n", "r", "l", "s", "k", "m", "sh", "t", "v")
_SUFFIXES = (
    "",
    "",
    "",
    "ovo",
    "ani",
    "eni",
    "ara",
    "ica",
    "ek",
    "ino",
    "abad",
    "burg",
    "ville",
    "dorf",
    "pur",
    "grad",
    "ona",
    "esti",
)

FIRST = (
    "Amara",
    "Jonas",
    "Leila",
    "Tomas",
    "Nadia",
    "Samuel",
    "Ines",
    "Viktor",
    "Fatima",
    "Daniel",
    "Mira",
    "Hassan",
    "Elena",
    "Kwame",
    "Sofia",
    "Ravi",
    "Anika",
    "Mateo",
    "Yusuf",
    "Clara",
    "Oleg",
    "Priya",
    "Ibrahim",
    "Lucia",
    "Kenji",
    "Zainab",
    "Pedro",
    "Irina",
    "Malik",
    "Greta",
    "Omar",
    "Rosa",
    "Dmitri",
    "Aisha",
    "Felix",
    "Nia",
    "Marco",
    "Layla",
    "Stefan",
    "Chiara",
)
LAST = (
    "Okafor",
    "Lindqvist",
    "Haddad",
    "Novak",
    "Mensah",
    "Castillo",
    "Petrov",
    "Rahman",
    "Moreau",
    "Tanaka",
    "Kovac",
    "Adeyemi",
    "Ferreira",
    "Nowak",
    "Aziz",
    "Brennan",
    "Santos",
    "Ivanova",
    "Osei",
    "Keller",
    "Sato",
    "Mwangi",
    "Rossi",
    "Dubois",
    "Kaplan",
    "Yilmaz",
    "Banda",
    "Horvat",
    "Quispe",
    "Nkosi",
    "Varga",
    "Alvarez",
    "Demir",
    "Lund",
    "Obi",
    "Silva",
    "Marin",
    "Farah",
    "Baptiste",
    "Sorensen",
)
OCCUPATIONS = (
    "shopkeeper",
    "teacher",
    "farmer",
    "nurse",
    "taxi driver",
    "retired engineer",
    "student",
    "fisherman",
    "baker",
    "mechanic",
    "pharmacist",
    "construction worker",
    "market trader",
    "midwife",
)
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
DIRECTIONS = ("north", "south", "east", "west", "north-east", "north-west", "south-east", "south-west")
CURRENCIES = ("dinars", "crowns", "pesos", "rand", "lira", "francs")


def word(rng: random.Random, syllables: int | None = None) -> str:
    n = syllables or rng.choice((2, 2, 3))
    w = "".join(
        rng.choice(_ONSETS) + rng.choice(_VOWELS) + (rng.choice(_CODAS) if i == n - 1 else "")
        for i in range(n)
    )
    w += rng.choice(_SUFFIXES) if len(w) < 8 else ""
    return w.capitalize()


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


class Places:
    """A story's country, province, town, villages, river, square and capital, all distinct names."""

    def __init__(self, rng: random.Random) -> None:
        used: set[str] = set()

        def fresh(syll: int | None = None) -> str:
            while True:
                w = word(rng, syll)
                if w not in used and len(w) >= 4:
                    used.add(w)
                    return w

        self.country = (
            fresh(3) if rng.random() < 0.5 else word(rng, 2).rstrip("aeiou") + rng.choice(("ia", "land", "a"))
        )
        self.province = fresh()
        self.town = fresh()
        self.capital = fresh()
        self.villages = [fresh() for _ in range(4)]
        self.river = fresh(2)
        self.square = fresh() + rng.choice((" Square", " Avenue", " Boulevard"))
        self.district = fresh()
