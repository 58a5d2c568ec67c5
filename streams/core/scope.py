"""Where and when a claim is: the places a sentence names and the periods it states.

Reads: a sentence (text) and the article's publication time. Emits: place phrases (with their offsets) and
a normalised period (`time_scope`), for the claims of the sentence (claims.py, numeric.py) and the story's
places (story.py).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime, timedelta

from .claimants import ORG_HEADS
from .numbers import FigureSpan
from .quantities import parse_word_number
from .structure import FigureRole
from .text import DEMONYM, UPPER, name_tokens
from .verbs import COUNTING

_PLACE = re.compile(
    r"\b(?:in|at|near|from|across|outside|inside|around|into|on|towards|toward|throughout|within|along|hit|hits|"
    r"struck|strikes|swept|sweeps|lashed|battered|"
    r"(?:region|province|state|district|department|city|town|village|county|prefecture|territory|port|island|"
    r"municipality|harbour|harbor) of)\s+"
    rf"((?:the\s+)?(?:[a-z\-]+\s+)?(?:[{UPPER}][\w'’\-]+)"
    rf"(?:\s+(?:de|da|do|del|of|al)?\s*[{UPPER}][\w'’\-]+)*)"
)


_YEAR = re.compile(r"\b((?:19|20)\d\d(?:/\d\d)?)\b")


_PERIOD = re.compile(
    r"\b(?:(?:in|during|since|for|of|by|until|through)\s+(?:early |late |mid-)?"
    r"(January|February|March|April|May|June|July|August|September|October|November|December)\b(?!\s+\d)"
    r"|(first|second|third|fourth|1st|2nd|3rd|4th)[- ]quarter"
    r"|\b(last|this|next|previous) (year|season|month|spring|summer|autumn|fall|winter)"
    r"|\bthat (?:year|season|month)\b"
    # a habitual rate, not one event's count: "avalanches kill around 20 people in an average winter"
    r"|\b(?:in an? (?:average|typical|normal) (?:year|winter|summer|season|month)|every year|each year|"
    r"on average|in a typical year)\b"
    r"|\b(20\d\d/\d\d|\d\d/\d\d season))",
    re.IGNORECASE,
)


_SEASONS = frozenset({"spring", "summer", "autumn", "fall", "winter"})
#: a running total from a day ("since Oct 1", "since November 12")
_SINCE_DATE = re.compile(
    r"\bsince\s+(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+(\d{1,2})\b", re.IGNORECASE
)
#: a span of days, weeks or months a count covers ("over the same seven days", "in the past two weeks")
_SPAN = re.compile(
    r"\b(?:over|in|during|within)\s+(?:the\s+(?:past|last|same|previous|first)\s+(?:(\w+)\s+)?|recent\s+)"
    r"(days?|weeks?|months?|years?|decades?)\b",
    re.IGNORECASE,
)


#: a running total of the year so far ("have reached the islands so far this year", "since the start of the
#: year"): since January
_YEAR_TO_DATE = re.compile(
    r"\b(?:so far this year|this year so far|(?:so far )?in \d{4} so far|year[- ]to[- ]date|"
    r"since the (?:start|beginning|turn) of (?:the|this) year)\b",
    re.I,
)


CLAUSE_END = re.compile(r"[;:]|,\s+(?:but|while|whereas|although|where|which|who)\b|\s+—\s+|\s-\s")


_PLACE_NOUNS = re.compile(
    r"\s*(?:region|province|state|district|department|territory|city|town|village|county|prefecture|area|"
    r"river|valley|municipality|governorate|oblast|island|islands|coast|basin|capital|neighbourhood|"
    r"neighborhood|suburb|port|border|settlement|earthquake|quake|floods?|fire|blaze|wildfire|explosion|blast|"
    r"crash|collision|derailment|landslide|storm|cyclone|typhoon|hurricane|outbreak|protest|march|strike|"
    r"attack|offensive|riot|shooting|bombing)\b"
)


_NATIONWIDE = re.compile(
    r"\b(?:nationwide|across (?:the )?(?:country|(?-i:[A-Z])\w+)|national(?:ly)? (?:total|strike|level|"
    r"scale|figure|count|toll)|country-wide|"
    r"countrywide)\b",
    re.IGNORECASE,
)


#: the whole world as a figure's scope ("globally", "worldwide"): not "the highest in the world"
_AS_A_WHOLE = re.compile(rf"\b([{UPPER}][\w'’-]+(?:\s+[{UPPER}][\w'’-]+)*)\s+as\s+a\s+whole\b")
_WORLDWIDE = re.compile(
    r"\b(?:globally|worldwide|world-wide|(?:around|across|throughout) the (?:world|globe))\b", re.IGNORECASE
)


_NAMED_AREA = re.compile(
    rf"\b([{UPPER}][\w'’\-]+(?:\s+[{UPPER}][\w'’\-]+)?)\s+(?:district|province|county|region|state|"
    r"prefecture|municipality|governorate|department)\b"
)


#: nouns of events: a name right before one names the event ("the Cup final"), not a place
_EVENT_AFTER = re.compile(
    r"\s+(?:final|finals|semi-final|match|game|race|summit|meeting|conference|festival|concert|ceremony|derby|"
    r"marathon|tournament|championships?|parade|rally|fixture|clash)\b",
    re.IGNORECASE,
)
#: countries named by their initials with "the" ("in the UAE"); other initials after "the" name bodies
_COUNTRY_INITIALS = frozenset({"UAE", "USA", "DRC", "CAR", "USSR"})


def places(sentence: str) -> list[str]:
    """Places a sentence names after a locative preposition; a capitalised word used as an adjective
    ("from Ukrainian forces") is not a place."""
    return [phrase for _at, phrase in place_spans(sentence)]


#: a body's name ending a "from" phrase: where figures come from, not where things happened
_SOURCE_BODY = re.compile(
    r"\b(?:Service|Agency|Ministry|Department|Commission|Office|Bureau|Authority|Institute|Foundation|"
    r"Association|Committee|Company|Corporation|Bank|Union|Federation|System|Network|Organi[sz]ation)$"
)


def place_spans(sentence: str) -> list[tuple[int, str]]:
    """`places`, each with the offset where it is named (so one scan serves every figure of a sentence)."""
    out: list[tuple[int, str]] = []
    head = re.match(r"(?:In|At|Near|Across|Outside|Inside|Throughout|Along|Around)\s", sentence)
    scan = sentence[0].lower() + sentence[1:] if head else sentence  # "In Karvell's old town, ..."
    for m in _PLACE.finditer(scan):
        nxt = sentence[m.end() : m.end() + 30]
        if m.group(0).lower().startswith("from ") and re.match(r"\s+to\s+[A-Z]", nxt):
            continue  # "the service from Cochabamba to Oruro": a route's ends, not where it happened
        if m.group(0).lower().startswith("from ") and _SOURCE_BODY.search(m.group(1)):
            continue  # "an estimate from the European Wildfire Mapping Service": a source, not a place
        demonym = DEMONYM.search(m.group(1)) is not None
        if demonym and re.match(r"\s+[a-z]+\s+of\s+(?:the\s+)?[A-Z]", nxt):
            continue  # "the Turkish province of Kocaeli": the place is what follows "of"
        if (
            re.match(r"\s+[a-z]", nxt)
            and demonym  # a demonym used as an adjective
            and not _PLACE_NOUNS.match(nxt)
            and not re.match(
                r"\s+(?:on|in|at|and|to|"
                r"from|after|since|for|"
                r"with|was|were|is|had|"
                r"has|have|said|says|stood|rose|fell|remained|reached|grew|declined|increased|dropped|climbed|"
                r"totalled|totaled|hit|is|are)\b",
                nxt,
            )
        ):
            continue
        if _EVENT_AFTER.match(nxt):
            continue  # "at Sunday's Cup final", "at the Fremont Derby race": an event, not a place
        if re.fullmatch(r"the\s+[A-Z]{3,}", m.group(1)) and m.group(1)[4:] not in _COUNTRY_INITIALS:
            continue  # "from the WHO", "at the IMF": an organisation by its initials, not a place
        phrase = re.sub(r"^the\s+", "", m.group(1)).lower().replace("’", "'")
        phrase = re.sub(r"'s$", "", phrase)
        toks = [t for t in phrase.split() if t in name_tokens(m.group(1))]
        if toks:
            out.append((m.start(), " ".join(toks)))
    for m in _NAMED_AREA.finditer(sentence):
        if re.match(r"\s+of\s+(?:the\s+)?[A-Z]", sentence[m.end() : m.end() + 20]) and DEMONYM.search(
            m.group(1)
        ):
            continue  # "the Turkish province of Kocaeli": a demonym describing the area named after "of"
        toks = [t for t in m.group(1).lower().split() if t in name_tokens(m.group(1))]
        if toks:
            out.append((m.start(), " ".join(toks)))
    for m in _AS_A_WHOLE.finditer(sentence):  # "Morocco as a whole has recorded 5,230 cases": all of it
        out.append((m.start(), m.group(1).lower()))
    nationwide = _NATIONWIDE.search(sentence)
    if nationwide:
        out.append((nationwide.start(), "nationwide"))
    worldwide = _WORLDWIDE.search(sentence)
    if worldwide:
        out.append((worldwide.start(), "world"))
    return out


MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]


#: "five years ago", "a decade ago", "18 months ago": when an earlier episode happened
_AGO = re.compile(
    r"(?<![\w-])((?:twenty|thirty|forty|fifty)-\w+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|"
    r"eleven|twelve|fifteen|twenty|thirty|forty|fifty|\d{1,2})\s+(years?|decades?|months?)\s+ago\b",
    re.IGNORECASE,
)


def _years_ago(m: re.Match[str], published: datetime | None) -> str:
    """The year (or month) an "N years ago" names, counted back from the report."""
    count, unit = m.group(1).lower(), m.group(2).lower()
    n = 1.0 if count in ("a", "an") else (float(count) if count.isdigit() else parse_word_number(count))
    if n is None or published is None:
        return "past"
    if unit.startswith("month"):
        months = published.year * 12 + published.month - 1 - int(n)
        return MONTHS[months % 12] if n < 12 else str(months // 12)
    return str(published.year - int(n) * (10 if unit.startswith("decade") else 1))


def time_scope(sentence: str, published: datetime | None = None) -> str | None:
    """Explicit periods a sentence is about, normalised: years, months (relative ones resolved
    against the publication date: 'this month' -> 'august'), quarters, seasons."""
    parts: set[str] = set()
    if _YEAR_TO_DATE.search(sentence):
        parts.add("since january")
        sentence = _YEAR_TO_DATE.sub(" ", sentence)
    for m in _PERIOD.finditer(sentence):
        raw = m.group(0).lower()
        if re.search(r"average|typical|normal|every year|each year", raw):
            parts.add("habitual")
            continue
        f = re.sub(r"^(?:in|during|since|for|of|by|until|through)\s+(?:early |late |mid-)?", "", raw)
        if raw.startswith("since "):
            parts.add(f"since {f}")  # a running total over months ("since mid-June"): its own kind of period
            continue
        if re.fullmatch(r"that (?:year|season|month)", f):
            parts.add("past")  # "a spill that year": a past period named earlier, never the present one
            continue
        rel = re.fullmatch(r"(last|this|next|previous) (year|season|month|" + "|".join(_SEASONS) + ")", f)
        if rel and rel.group(2) in _SEASONS:
            if rel.group(1) in ("last", "previous") and not re.search(
                r"\bsince\b(?:\s+[\w'-]+){0,4}\s+$", sentence[max(0, m.start() - 60) : m.start()]
            ):  # "since fighting resumed last autumn": when a span began, not the figure's period
                parts.add("past")  # "fighting last autumn in which 300 were killed": an earlier episode
            continue
        if rel and rel.group(2) == "month" and rel.group(1) in ("this", "next"):
            continue  # "later this month": a plan's date, not the period a figure is about
        if rel and published is not None:
            shift = {"last": -1, "previous": -1, "this": 0, "next": 1}[rel.group(1)]
            if rel.group(2) == "month":
                f = MONTHS[(published.month - 1 + shift) % 12]
            else:
                f = str(published.year + shift)
        parts.add(f.replace("-", " "))
    for m in _AGO.finditer(sentence):  # "an outbreak five years ago killed 22": an earlier episode's year
        parts.add(_years_ago(m, published))
    for m in _SINCE_DATE.finditer(sentence):  # "since Oct 1": a running total from a date
        month = next(n for n in MONTHS if n.startswith(m.group(1).lower()[:3]))
        parts.add(f"since {month} {int(m.group(2))}")
    for m in _SPAN.finditer(sentence):  # "over the past seven days", "in recent years": a span of its own
        count = m.group(1) or ("recent" if "recent" in m.group(0).lower() else "one")  # "the past week": one
        parts.add(f"span {count.lower()} {m.group(2).lower().rstrip('s')}")
    # "by the end of 2026", "until 2030": deadlines, not the period a fact is about
    parts.update(
        m.group(1)
        for m in _YEAR.finditer(sentence)
        if not re.search(
            r"\b(?:by|until|till|before)\s+(?:the end of\s+)?$", sentence[max(0, m.start() - 20) : m.start()]
        )
        # "the largest deal since 2021": a comparison, not the period the figure is about
        and not re.search(
            r"\b(?:\w+est|first|most|highest|lowest)\b[^.;]{0,40}\bsince\s+$", sentence[: m.start()]
        )
    )
    return ",".join(sorted(parts)) if parts else None


WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today)\b", re.IGNORECASE
)


def days(text: str, published: datetime | None) -> set[str]:
    """The days a text names ("on Friday", "yesterday"), as dates: the latest such day on or before
    publication ("day:2024-03-01"), or the day after it (a report timed late in the UTC day is already
    dated the next day where it was written: "Tuesday" in a Tokyo report sent at 23:30 UTC on Monday)."""
    if published is None:
        return set()
    out = set()
    for m in _DAY.finditer(text):
        word = m.group(1).lower()
        if word in ("today", "yesterday"):
            back = int(word == "yesterday")
        else:
            back = (published.weekday() - WEEKDAYS.index(word)) % 7
            back = -1 if back == 6 else back  # the day after the UTC date: the local date east of UTC
        out.add(f"day:{(published - timedelta(days=back)).date().isoformat()}")
    return out


def clause_places(
    spans: list[tuple[int, str]], figs: list[FigureSpan], i: int, role: FigureRole | None
) -> list[str]:
    """Places named in the figure's own clause (the subtree of its predicate), when no other figure of the
    sentence shares that clause: "Nine people, including four children, died when floods swept through
    villages in the Zhob district"."""
    if role is None or role.scope == (0, 0):
        return []
    lo, hi = role.scope
    others = [f for j, f in enumerate(figs) if j != i and lo <= f.start < hi and f.unit == figs[i].unit]
    found = [(at, phrase) for at, phrase in spans if lo <= at < hi]
    if others:
        # figures of one clause share the places named after all of them ("212 cases and six deaths had
        # been recorded in Ankazobe"); a place between them is one figure's own ("nine in Goma, four in
        # Uvira")
        first, last = min(f.start for f in [*others, figs[i]]), max(f.end for f in [*others, figs[i]])
        if any(first <= at < last for at, _ in found):
            return []
        found = [(at, phrase) for at, phrase in found if at >= last]
    return [phrase for _at, phrase in found]


#: the head of a body's name (a place never has one): a speaker's, or one that keeps counts
_BODY = re.compile(
    rf"\b(?:{ORG_HEADS}|university|college|laboratory|observatory|network|system|tracker)\b", re.IGNORECASE
)


def counter_place(role: FigureRole | None, speaker: set[str]) -> list[str]:
    """The place that kept a count, as its subject, when another speaks of it: "Andalusia recorded the most
    deaths, at 410, the data showed"."""
    if role is None or not role.agent or role.predicate not in COUNTING or speaker & set(role.agent):
        return []
    name = " ".join(role.agent)
    return (
        [] if _BODY.search(name) else [name]
    )  # (a body that counts is no place: "Johns Hopkins University")


#: a place referred back to: "there" (not the existential "there is"), "in that county"
PLACE_ANAPHORA = re.compile(
    r"(?<!^)(?<![.!?]\s)\bthere\b(?!\s+(?:is|are|was|were|has|have|had|will|would|seems?|appears?|remains?|"
    r"could|may|might|must|should)\b)|"
    r"\b(?:in|at|across) (?:that|the same) (?:county|district|province|region|state|area|city|town|village)\b"
)


def with_periods(own: str | None, more: Iterable[str]) -> str | None:
    """A claim's periods (comma-separated, sorted) with `more` added."""
    return ",".join(sorted({*filter(None, (own or "").split(",")), *more})) or None
