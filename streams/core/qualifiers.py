"""Qualifiers of a figure: words that make it another measure than one without them ("imported" cases,
"annual" inflation, "critical" patients, a sum "each" member received). Data and their names; numeric.py
reads them near each figure.
"""

from __future__ import annotations

import re

#: kinds of a count or an amount: a figure so qualified is another measure than one without
QUALIFIER = re.compile(
    r"\b(imported|local(?:ly)?|suspected|confirmed|probable|new|additional|excess|severe(?:ly)?|"
    r"critical(?:ly)?|serious(?:ly)?|foreign|domestic|partly|partially|completely|fully|"
    r"minor|weekly|daily|monthly|annual|treated|hospitali[sz]ed|intensive care|critical condition|alone|"
    r"full[- ]year|ceiling|target|forecast|projected|projection|goal|cap|limit|budgeted|planned|"
    # a figure for each one of many is no total ("each receive"; not "each year", "each other")
    r"each(?!\s+(?:other|year|day|week|month|time|season|night|morning|evening))|"
    r"apiece|per head|per person)\b"
)


#: what a rate or an amount is about, and over what span: read only for a figure with a unit (a percentage,
#: a currency); near a plain count these words are the story's ("96 food poisoning cases"), not a measure's
RATE_QUALIFIER = re.compile(
    r"\b(food|energy|electricity|fuel|core|housing|rents?|services|wages|exports|imports|"
    r"year[- ]on[- ]year|(?:from|than|on) a year (?:earlier|ago|before)|month[- ]on[- ]month|"
    r"(?:from|than|on) the (?:previous|prior) month|compared with (?:january|february|march|april|may|june|"
    r"july|august|september|october|november|december|the previous month|last month))\b"
)


#: qualifiers written several ways, one name each
_SAME = {
    "year-on-year": "annual",
    "year on year": "annual",
    "month-on-month": "monthly",
    "apiece": "each",
    "per head": "each",
    "per person": "each",
}


def qual_name(q: str) -> str:
    """One name for a qualifier written several ways ("year-on-year", "from a year earlier": annual)."""
    if q in _SAME:
        return _SAME[q]
    if re.search(r"a year (?:earlier|ago|before)", q):
        return "annual"
    if q.startswith("compared with") or "previous month" in q or "prior month" in q:
        return "monthly"
    return q.replace("rents", "rent")


__all__ = ["QUALIFIER", "RATE_QUALIFIER", "qual_name"]
