"""Theme families: nouns that name one thing an act is done to ("the strike" and "the stoppage", "the deal"
and "the agreement"), so that two statements about it meet whatever word each report uses.

Data, not phrases of any one story: each family is a set of near-synonyms in the general language of news
(a thesaurus entry), headed by its commonest word. A noun in no family is its own family.
"""

from __future__ import annotations

#: head -> the other nouns of the family (lemmas)
THEME_FAMILIES: dict[str, tuple[str, ...]] = {
    "strike": ("stoppage", "walkout"),
    "deal": ("agreement", "accord", "pact", "settlement"),
    "takeover": ("acquisition", "merger", "buyout", "concentration", "transaction"),
    "outbreak": ("epidemic",),
    "ceasefire": ("truce", "armistice"),
    "talk": ("negotiation",),
    "plant": ("factory",),
}
_HEAD = {word: head for head, words in THEME_FAMILIES.items() for word in (head, *words)}


def theme_family(noun: str) -> str:
    """The family head of a theme noun (itself when it is in no family)."""
    return _HEAD.get(noun, noun)


__all__ = ["THEME_FAMILIES", "theme_family"]
