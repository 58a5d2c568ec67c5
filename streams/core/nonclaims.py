"""Numbers that are no quantity: years, dates, clock times, ages, pages, routes, model codes, identifiers
("Boeing 737", "Resolution 2334") and a pronoun-like "one".

Reads: a number as written and the text around it. Emits: whether it is no quantity (numbers.py keeps the
rest).
"""

from __future__ import annotations

import re

from .quantities import CURRENCY_SYMBOL

MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
    r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
_BEFORE_NONCLAIM = re.compile(
    rf"(?:\b(?:{MONTHS})\.?|\b(?:page|pages|p\.|article|articles|section|chapter|paragraph|clause|model|"
    r"models|no\.|number|route|highway|flight|room|gate|platform|line|unit|box|suite|ward|district no\.|"
    r"grade|level|phase|category|class|code|version|lot|batch no\.|item|row|seat|bus|train|tel\.?|"
    r"phone|hotline|call|dial|aged|age|ages|since|until|till|from the|in|by|before|after|of the year|"
    r"season|year|years|election of|census of|fiscal))\s*$",
    re.IGNORECASE,
)
_AFTER_NONCLAIM = re.compile(
    rf"^(?:\s?(?:st|nd|rd|th)\b|\s*(?:{MONTHS})\b|\s*(?:am|pm|a\.m\.|p\.m\.|gmt|utc|hrs|h\b|o'clock)|"
    r"[-\s]year[-\s]old|[-\s]years?[-\s]old|-(?:day|hour|week|month|minute)\b|"
    r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:street|st\.|road|rd\.|avenue|ave\.|lane|drive|boulevard|blvd|way|square)\b|"
    r"\s+(?:(?:more\s+|fewer\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|seconds?|nights?|"
    r"times?|rounds?|goals?|points?|overs?|wickets?|runs?|laps?)\b)|"
    r"\s*(?:km|kilometres?|kilometers?|miles?|metres?|meters?)\s+(?:north|south|east|west|from|away|"
    r"outside|inland|off|upstream|downstream|to the|north-|south-)|/\d|:\d|\.\d+\.)",
    re.IGNORECASE,
)


def is_year(token: str, value: float) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", token)) and 1800 <= value <= 2100


_AGE_LIST = re.compile(r"\bage[ds]?\s+\d+(?:\s*(?:,|to|and|or|-)\s*\d+)*\s*(?:,|to|and|or|-)\s*$")


def no_quantity(
    sentence: str,
    start: int,
    token: str,
    value: float,
    scale: str | None,
    hedge_word: str,
    before: str,
    after: str,
) -> bool:
    """The number is a year, a date, a page, an age, a model code or an identifier, not a quantity."""
    if _BEFORE_NONCLAIM.search(before) and not scale:
        # "in 2019", "April 16", "page 4", "aged 50", "since 2023" -- but "in 26 villages" is a count
        if (
            not re.search(r"\b(?:in|by|from the|since|until|before|after)\s*$", before, re.IGNORECASE)
            or is_year(token.strip(), value)
            or not token[:1].isdigit()
        ):
            return True
        if re.search(r"\b(?:since|until|before|after)\s*$", before, re.IGNORECASE):
            return True  # ("by": "rose by 5 percent" is a change; "by 2030" is a year, read above)
    if _AFTER_NONCLAIM.match(after) and not scale:
        return True
    if (
        is_year(token.strip(), value)
        and not scale
        and not re.match(
            r"\s+(?:people|persons|households|homes|houses|families|workers|residents|passengers)\b",
            after,
        )
    ):
        return True
    if token.strip()[:1].isdigit() and re.search(r"(?:[A-Za-z#/]-?|#)$", sentence[max(0, start - 2) : start]):
        return True  # model codes "HL-2000", "F-16", "COVID-19", "#4"
    if (
        not hedge_word
        and not scale
        and not CURRENCY_SYMBOL.search(sentence[max(0, start - 5) : start])
        and re.search(
            r"\b(?!(?:The|A|An|In|On|At|By|Of|And|But|Some|Only|Just|With|Without|For|From|To|After|Before|"
            r"Since|Over|Under|About|Around|Nearly|Almost|As|All|Another|Those|These|Its|Their|His|Her|"
            r"Our|Another|Every|Each|Then|Now|Yet|So|Or|Nor|Than|Among|Between|Within|During)\b)"
            r"[A-Z]\w+\s$",
            sentence[max(0, start - 20) : start],
        )
        and start > 0
        and not re.match(r"\s+(?:people|persons|[a-z]{3,}s)\b", after)
    ):
        return True  # identifiers after a name: "Boeing 737", "Resolution 2334", "Rescue 1122"
    if (
        re.search(r"[A-Za-z]\w*,\s*$", before) or re.search(r"[A-Za-z]\w*,\s*\d+\s+(?:and|to)\s+$", before)
    ) and re.match(r"(?:\s+(?:and|to|-)\s+\d+)?\s*,", after):
        return True  # an age in apposition: "Kambale, 50, said"; "Both men, 34 and 51, were"
    if _AGE_LIST.search(before):
        return True  # "aged 20 to 30", "aged 31, 34 and 40": every number of a list of ages is an age
    if value == 0 and not token.strip()[:1].isdigit():
        return True
    return token.strip().lower() == "one" and not hedge_word  # "one of the", "one official": pronoun-like
