"""Places of two claims: whether they are about one place (or one within the other), a venue, a sub-area, the
place the other story is anchored to.

Reads: claims and their derived features (relations.features). Emits: booleans the checks use.
"""

from __future__ import annotations

import re

from schemas import Claim

from .relations import features

#: last words of place names that are venues of an event, not parts of an area: a rally "on Roubedorf
#: Boulevard" is the whole rally, not a district's share of it
VENUE_HEADS = frozenset(
    {"boulevard", "square", "street", "avenue", "road", "park", "stadium", "plaza", "esplanade", "arena"}
)


def venue_only(c: Claim) -> bool:
    places = [p.split() for p in (c.place or "").split(" | ") if p.strip()]
    return bool(places) and all(p[-1] in VENUE_HEADS for p in places)


#: a place named with a part of it ("Karvell's old town", "the outskirts of Karvell"): a sub-area, not the
#: place as a whole ("the town of Karvell", "Karvell's mayor")
_PART_NOUNS = (
    r"(?:old town|outskirts|suburbs?|districts?|neighbou?rhoods?|parts?|areas?|centre|center|"
    r"north|south|east|west|northern|southern|eastern|western|central)"
)


def sub_area(c: Claim) -> bool:
    sentence = c.sentence.lower()
    for place in filter(None, (p.strip() for p in (c.place or "").split(" | "))):
        name = re.escape(place)
        if re.search(rf"\b{name}['’]s (?:\w+ )?{_PART_NOUNS}\b", sentence) or re.search(
            rf"\b{_PART_NOUNS} (?:\w+ )?of (?:the )?(?:\w+ )?{name}\b", sentence
        ):
            return True
    return False


def story_place(placed: Claim, unplaced: Claim) -> bool:
    """The placed claim names only places the other claim's story is anchored to (its dateline or lead
    places), and names them whole: the two figures are about one scope, the other report's figure only
    leaves its place unsaid."""
    own = features(placed).places
    anchors = features(unplaced).anchors
    return bool(own) and own <= anchors and not sub_area(placed)


def places_compatible(a: Claim, b: Claim) -> bool:
    if not a.place or not b.place:
        # a figure of the whole world never meets one a report about some place leaves unplaced
        placed, other = (a, b) if a.place else (b, a)
        return placed.place != "world" or not features(other).anchors
    pa, pb = features(a).places, features(b).places
    if _one_place_named(features(a).place_names, features(b).place_names):
        return True
    if a.article_id == b.article_id:
        return False  # one writer naming two places for two figures means two scopes ("about 4,000 hectares
        # in Marsabit"; "across northern Kenya, at least 16,000"), whatever the dateline
    # a region a dateline names as containing the story's place ("GAZIPUR, Bangladesh") contains the other
    regions = features(a).regions | features(b).regions
    if bool(pa) and pa <= regions or bool(pb) and pb <= regions:
        return True
    # one names the place the other's article is datelined from: that article's figure is about it too,
    # unless its own place is said to lie beside it ("neighbouring Cabo Delgado province") or is a scope
    # beyond any dateline ("nationwide")
    if {a.place, b.place} & {"nationwide", "world"}:
        return False
    if bool(pa) and pa <= features(b).datelines and not beside(b):
        return True
    return bool(pb) and pb <= features(a).datelines and not beside(a)


def _one_place_named(a: tuple[frozenset[str], ...], b: tuple[frozenset[str], ...]) -> bool:
    """Some place of one claim is a place of the other, once generic words are left out ("Kabul" and "Kabul
    province"; "North Darfur" and "South Darfur" are both "darfur"): not a shared head ("the Swiss Alps" and
    "the Italian Alps"), nor a part and its whole ("the Swiss Alps" within "the Alps")."""
    return any(x == y for x in a for y in b)


_BESIDE = re.compile(r"\b(?:neighbou?ring|adjacent|adjoining|nearby|bordering|next-door)\s+", re.IGNORECASE)


def beside(c: Claim) -> bool:
    """The claim's place is introduced as next to another ("in neighbouring Cabo Delgado")."""
    words = [w for w in (c.place or "").split(" | ") if w]
    low = c.sentence.lower()
    if any(_BESIDE.match(w + " ") for w in words):
        return True  # (a capitalised "Neighbouring" opening the sentence read into the name)
    starts = [low.find(w) for w in words]
    return any(m.end() <= i <= m.end() + 12 for m in _BESIDE.finditer(c.sentence) for i in starts)
