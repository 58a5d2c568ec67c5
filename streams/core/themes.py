"""Theme families: nouns that name one thing an act is done to ("the strike" and "the stoppage", "the deal"
and "the agreement"), so that two statements about it meet whatever word each report uses.

Data, not phrases of any one story: each family is a set of near-synonyms in the general language of news
(a thesaurus entry), headed by its commonest word. A noun in no family is its own family. Detection asks here
whether two acts' themes are one thing (`themes_meet`) and whether whose or which thing it is keeps them apart
(`owners_apart`).
"""

from __future__ import annotations

import re

from schemas import Claim

from .acts import family
from .relations import Features, features

#: head -> the other nouns of the family (lemmas)
THEME_FAMILIES: dict[str, tuple[str, ...]] = {
    "strike": ("stoppage", "walkout"),
    "deal": ("agreement", "accord", "pact", "settlement"),
    "takeover": ("acquisition", "merger", "buyout", "concentration", "transaction"),
    "outbreak": ("epidemic",),
    "ceasefire": ("truce", "armistice"),
    "talk": ("negotiation",),
    "plant": ("factory",),
    "contract": ("concession", "franchise", "tender"),
    "blast": ("explosion", "attack", "bombing", "detonation", "airstrike"),
    "ship": ("vessel",),
    "item": ("object", "piece"),
}
_HEAD = {word: head for head, words in THEME_FAMILIES.items() for word in (head, *words)}


def theme_family(noun: str) -> str:
    """The family head of a theme noun (itself when it is in no family)."""
    return _HEAD.get(noun, noun)


_UNIVERSAL = re.compile(r"\b(?:any|no|none|not a single)\b", re.IGNORECASE)  # a denial of every kind


def owners_apart(a: Claim, b: Claim) -> bool:
    """Two owners of the thing ("Mulenga's" / "of Victor Phiri"), or two kinds of it (a ban on clams / on
    mussels): each names one the other does not, and no word of the other's sentence names it. Whose it is
    and which it is are apart: "Pakistan's jet" and "a fighter jet" may be one jet."""
    fa, fb = features(a), features(b)
    # (the sets first: most pairs name no owner or kind on one side, and need no scan of the sentences)
    apart = [(sa - sb, sb - sa) for sa, sb in ((fa.owners, fb.owners), (fa.kinds, fb.kinds))]
    apart = [(ra, rb) for ra, rb in apart if ra and rb]
    if not apart or any(_UNIVERSAL.search(c.sentence) for c in (a, b)):
        return False  # ("no results have been annulled", "not annulled any results")
    wa, wb = (frozenset(re.findall(r"[a-z]+", c.sentence.lower())) for c in (a, b))
    return any(not ra & wb and not rb & wa for ra, rb in apart)


def themes_meet(a: Features, b: Features) -> bool:
    """Two acts' themes are one thing: the same word, a name shared by the two themes' phrases, or one
    theme named by the other's own words ("part of its fleet ..., saying all of its turboprops ...")."""
    return bool(a.themes & b.themes or a.objects & b.objects or a.themes & b.content or b.themes & a.content)


def act_alone(c: Claim) -> bool:
    """An open act denied with nothing it is done to: its only theme is the act's own word ("there was no
    dismissal": lay_off~dismiss); "there was a dismissal" names no one to set against a denial."""
    act = c.key.partition("statement:open:")[2].split("~")[0]  # (a key of the tests' claims may hold a theme)
    themes = features(c).themes
    return (
        bool(act)
        and c.polarity < 0
        and len(themes) == 1
        and all(t == act or family(t) in (act, family(act)) for t in themes)
    )


__all__ = ["THEME_FAMILIES", "act_alone", "owners_apart", "theme_family", "themes_meet"]
