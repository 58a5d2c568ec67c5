"""Figures: find quantities in a sentence and normalise them to intervals.

Reads: a sentence (str). Emits: FigureSpan values: the text as written, its span, a central value,
an interval [low, high] following the hedge, the bound kind and the unit.

Conventions (documented in docs/METHOD.md, section 3):
- "about/around/some/roughly/an estimated X" -> X +-10% (+-15% for a round X);
  "nearly/almost/close to X" -> [0.9X, X]; "more than/over X" -> (X, inf); "at least X" -> [X, inf);
  "up to/as many as/no more than X" -> [0, X]; "fewer/less than/under X" -> [0, X);
  "between X and Y", "X-Y" -> [X, Y].
- An unhedged round number carries the precision of its last significant digit
  ("1.2 million" -> [1.15m, 1.25m]; "18,000" -> [17,500, 18,500]); other exact numbers are exact.
- Vague quantities: a few 2-5, several 3-9, a dozen 12, dozens 24-99, scores 40-99, hundreds 200-999,
  several hundred 300-999, thousands 2,000-9,999, several thousand 3,000-9,999,
  tens of thousands 20,000-99,999, hundreds of thousands 200,000-999,999, millions 2m-999m.
- Not figures: years, dates, clock times, ages, ordinals, phone numbers, street numbers, page/article/
  model numbers, sports scores, durations and distances used as locators ("40 km west of").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .nonclaims import is_year, no_quantity
from .quantities import (
    CURRENCY_SYMBOL,
    FRACTIONS,
    HEDGES,
    SCALE_WORDS,
    SCALES,
    SMALL,
    TENS,
    UNITS,
    VAGUE,
    hedge_interval,
    interval,
    number_value,
    parse_digits,
    precision,
    scale_of,
    split_scale,
)

_NUMWORD = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_NUMWORD})(?:[- ](?:{_NUMWORD}))?(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:{_NUMWORD})(?:[- ](?:{_NUMWORD}))?)?)*)"  # noqa: E501
_DIGITS = r"(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_VAGUE = "|".join(v[0] for v in VAGUE)
_FRACTION = "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
_HEDGE = "|".join(h[0] for h in HEDGES)

FIGURE = re.compile(
    rf"(?P<hedge>\b(?:{_HEDGE})\s+)?"
    rf"(?:(?P<half>\b(?:(?:{_NUMWORD}|\d+) and a half|half a) (?:million|billion|thousand|hundred)\b)"
    rf"|(?:\bbetween\s+)(?P<r1>{_DIGITS}{SCALE_WORDS}?|{_WORDNUM})\s+and\s+(?P<r2>{_DIGITS}{SCALE_WORDS}?|{_WORDNUM})"
    rf"|(?P<d1>{_DIGITS})\s?[-–](?P<d2>{_DIGITS})(?P<rscale>{SCALE_WORDS})?(?![-–]?\d)"
    rf"|(?P<aone>\ba (?:hundred|thousand|million|billion|trillion)\b)"
    rf"|(?P<vague>\b(?:{_VAGUE})\b)"
    rf"|(?P<frac>\b(?:{_FRACTION})\b)"
    rf"|(?P<num>(?:(?<![\w\-−])[-−](?=\d))?(?<![\w.,:/])(?:{_DIGITS})(?P<scale>{SCALE_WORDS})?(?![\w]|[.,]\d)|\b{_WORDNUM}\b)"
    rf")"
)

_PHONE = re.compile(r"(?:\+?\d[\d\s().-]{7,}\d)")
#: two round numbers joined by a dash are a range, not a phone number ("1000-5000")
_ROUND_RANGE = re.compile(r"[1-9]\d*00\s?[-–]\s?[1-9]\d*00")
_SCORE_CONTEXT = re.compile(
    r"\b(?:won|win|wins|beat|beats|lost|draw|drew|defeat(?:ed)?|victory|score|"
    r"scored|goals?|match|game|final|league|cup)\b",
    re.IGNORECASE,
)


_MAYBE_NUMBER = re.compile(
    rf"\d|\b(?:{_NUMWORD}|hundreds?|thousands?|(?:m|b|tr)illions?|dozens?|several|few|scores|half|third|quarter|"
    r"handful)\b",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class FigureSpan:
    text: str
    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    bound: str
    unit: str | None


#: every unit in one alternation, tried in the order of UNITS (the first that matches wins, as in a loop)
_UNIT_AFTER = re.compile(
    r"\s?(?:" + "|".join(f"(?P<u{i}>{pattern})" for i, (pattern, _unit) in enumerate(UNITS)) + r")(?![a-z])",
    re.IGNORECASE,
)


def _unit_after(rest: str) -> tuple[str | None, int]:
    m = _UNIT_AFTER.match(rest)
    if m is None or m.lastgroup is None:
        return None, 0
    return UNITS[int(m.lastgroup[1:])][1], m.end()


#: what one figure reads as: central value, low, high, bound kind
_Reading = tuple[float | None, float | None, float | None, str]


def find_figures(sentence: str, max_figures: int = 40) -> list[FigureSpan]:
    """All quantity figures in a sentence, with years, dates and identifiers left out."""
    out: list[FigureSpan] = []
    if not _MAYBE_NUMBER.search(sentence):
        return out  # most sentences hold no number at all: one cheap scan instead of the full grammar
    phone_spans = [
        m.span()
        for m in _PHONE.finditer(sentence)
        if sum(c.isdigit() for c in m.group(0)) >= 8 and not _ROUND_RANGE.fullmatch(m.group(0))
    ]
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a few characters change length when lower-cased: keep offsets true
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in sentence)
    for m in FIGURE.finditer(lowered):
        if len(out) >= max_figures:
            break
        if any(a <= m.start("hedge" if m.group("hedge") else 0) < b for a, b in phone_spans):
            continue
        fig = _figure(sentence, m)
        if fig is not None:
            joined = _to_range(sentence, out[-1], fig) if out else None
            if joined is not None:
                out[-1] = joined
            else:
                out.append(fig)
    return out


#: the unit a currency symbol or code sets
_SYMBOL_UNITS = {
    "$": "usd",
    "€": "eur",
    "£": "gbp",
    "₹": "rupee",
    "Rs": "rupee",
    "Rs.": "rupee",
    "INR": "rupee",
}
_OR_MORE = re.compile(
    r"\s+(?:(or more|or above|or over|and above)|or fewer|or less|or below)\b", re.IGNORECASE
)
_VOTE_CONTEXT = re.compile(r"\b(?:vot\w*|ballots?|motion|margin|verdict|jury|judges?|ruled)\b", re.IGNORECASE)


def _to_range(sentence: str, first: FigureSpan, second: FigureSpan) -> FigureSpan | None:
    """ "46,190 to 84,961", "two to three million", "100 to 300 people": one range, not two exact figures.
    Not a change ("rose from 30 to 45": the figure before it), a score or a vote ("5 to 4", "48 to 52")."""
    if (
        sentence[first.end : second.start].lower() != " to "
        or second.bound != "exact"
        or first.unit not in (None, second.unit)
    ):
        return None
    a, b = first.value or 0.0, second.value or 0.0
    if not 0 < a < b or re.search(
        r"\bfrom\s+(?:\w+\s+)?$", sentence[max(0, first.start - 12) : first.start], re.IGNORECASE
    ):
        return None
    if (
        _SCORE_CONTEXT.search(sentence)
        or _VOTE_CONTEXT.search(sentence)
        or first.bound not in ("exact", "approx")
    ):
        return None
    if re.search(r"[a-z]", second.text.lower()) and not re.search(
        r"(?:hundred|thousand|[mbtr]illion|bn|m|k)$", first.text.lower()
    ):
        a *= next(
            (s for s in (1e12, 1e9, 1e6, 1e3) if b >= s and a * s <= b and a < 1000), 1.0
        )  # "two to three million"
    return FigureSpan(
        sentence[first.start : second.end], first.start, second.end, (a + b) / 2, a, b, "range", second.unit
    )


def _figure(sentence: str, m: re.Match[str]) -> FigureSpan | None:
    """The figure one match of the grammar reads as, with its unit; None when it is no quantity."""
    start, end = m.span()
    core_start = m.end("hedge") if m.group("hedge") else start
    before = sentence[max(0, core_start - 30) : core_start]
    after = sentence[end : end + 40]
    hedge_word = (m.group("hedge") or "").strip().lower()
    bound = next((b for p, b in HEDGES if re.fullmatch(p, hedge_word)), "exact") if hedge_word else "exact"
    if m.group("frac"):
        return _fraction(sentence, m, bound, after)
    reading: _Reading | None
    if m.group("half"):
        reading = _half(m, bound)
    elif m.group("r1"):
        reading = _range_in_words(m)
    elif m.group("d1"):
        reading = _range_in_digits(sentence, m)
    elif m.group("aone"):  # "a million": one million
        one = SCALES[m.group("aone").split()[1]]
        reading = (one, *interval(bound, one, precision(str(int(one)), one, None)), bound)
    elif m.group("vague"):
        reading = _vague(m, hedge_word, after)
    else:
        reading = _number(sentence, m, hedge_word, bound, before, after)
    if reading is None:
        return None
    value, low, high, bound = reading
    tail = _OR_MORE.match(sentence, end) if bound in ("exact", "approx") else None
    if tail:  # "300 or more": a floor; "300 or fewer": a ceiling
        low, high, bound = (value, None, "at_least") if tail.group(1) else (0.0, value, "at_most")
        end = tail.end()
    unit, unit_len = _unit_after(sentence[end : end + 30])
    pre = sentence[max(0, start - 4) : core_start]
    sym = CURRENCY_SYMBOL.search(sentence[max(0, core_start - 4) : core_start])
    if sym or CURRENCY_SYMBOL.search(pre):
        symbol = sym.group(0).strip() if sym else "$"
        unit = _SYMBOL_UNITS.get(symbol, "currency")
        if sym and start == core_start:
            start = core_start - len(sentence[max(0, core_start - 4) : core_start]) + sym.start()
    if unit_len:
        end = end + unit_len
    return FigureSpan(sentence[start:end], start, end, value, low, high, bound, unit)


def _half(m: re.Match[str], bound: str) -> _Reading | None:
    """ "two and a half million", "half a million"."""
    words = m.group("half").lower().split()
    scale_word = words[-1]
    base = 0.5 if words[0] == "half" else (number_value(words[0], None) or 0) + 0.5
    value = base * SCALES[scale_word]
    if value <= 0:
        return None
    low, high = interval(bound, value, SCALES[scale_word] * 0.05)
    return value, low, high, bound


def _range_in_words(m: re.Match[str]) -> _Reading | None:
    """ "between 200 and 300", "between two and three million"."""
    a = number_value(*split_scale(m.group("r1")))
    b = number_value(*split_scale(m.group("r2")))
    if a is None or b is None or a >= b:
        return None
    if b > 1e3 * max(a, 1) and not re.search(r"[a-z]", m.group("r1")):
        a = a * scale_of(split_scale(m.group("r2"))[1])
    return (a + b) / 2, a, b, "range"


def _range_in_digits(sentence: str, m: re.Match[str]) -> _Reading | None:
    """ "200-300", "2-3 million"; not scores, codes or periods."""
    a = parse_digits(m.group("d1"))
    b = parse_digits(m.group("d2"))
    if a is None or b is None:
        return None
    if a >= b or _SCORE_CONTEXT.search(sentence) and b < 30:
        return None  # scores ("2-1"), codes
    if re.fullmatch(r"\d{3}", m.group("d1")) and re.fullmatch(r"\d{4}", m.group("d2")) and a % 10 and b % 100:
        return None  # a local phone number ("555-1234"), not a range
    if is_year(m.group("d1"), a) or re.fullmatch(r"\d{2}", m.group("d2")) and a > 1900:
        return None  # 2024-25, 1990-2000 periods
    sc = scale_of(m.group("rscale"))
    a, b = a * sc, b * sc
    return (a + b) / 2, a, b, "range"


def _vague(m: re.Match[str], hedge_word: str, after: str) -> _Reading | None:
    """ "dozens", "several hundred", "tens of thousands" of something (not "several times")."""
    word = m.group("vague").lower()
    lo, hi = next((lo, hi) for p, lo, hi in VAGUE if re.fullmatch(p, word))
    if word in ("several", "a few", "scores", "hundreds", "thousands", "millions", "dozens") and (
        not re.match(r"[\"”’']?\s+(?:of\s+)?[a-z]", after, re.IGNORECASE)
    ):
        return None
    if word in ("several", "a few") and re.match(
        r"\s+(?:times|days|weeks|months|years|hours|"
        r"minutes|occasions|ways|reasons)\b",
        after,
    ):
        return None
    value: float | None
    low: float | None
    high: float | None
    value, low, high, bound = None, lo, hi, "vague"
    if lo == hi:
        value, bound = lo, "exact"
    if hedge_word:
        low, high = hedge_interval(bound=("approx" if hedge_word else bound), lo=lo, hi=hi, hedge=hedge_word)
        bound = next(b for p, b in HEDGES if re.fullmatch(p, hedge_word))
    return value, low, high, bound


def _fraction(sentence: str, m: re.Match[str], bound: str, after: str) -> FigureSpan | None:
    """A fraction of capacity: "barely a third full" is a percentage."""
    start, end = m.span()
    f = FRACTIONS[m.group("frac").lower()]
    if not re.match(r"\s+(?:full|of (?:its |the )?capacity|capacity)", after, re.IGNORECASE):
        return None
    value = round(f * 100, 1)
    low, high = interval(bound, value, 2.5) if bound != "exact" else (value - 3, value + 3)
    if bound == "nearly":
        low, high = value * 0.85, value
    return FigureSpan(
        sentence[start:end], start, end, value, low, high, "approx" if bound == "exact" else bound, "percent"
    )


def _number(
    sentence: str, m: re.Match[str], hedge_word: str, bound: str, before: str, after: str
) -> _Reading | None:
    """A number in digits or words ("1.2 million", "twenty-three"), unless it is a year, a date, an age, an
    identifier or a pronoun-like "one"."""
    token = m.group("num")
    scale = m.group("scale")
    if scale:
        token = token[: len(token) - len(scale)]
    sign = -1.0 if token[:1] in "-−" else 1.0  # "fell to -15": a minus, not a dash between two figures
    token = token.lstrip("-−")
    if sign < 0 and re.search(r"\d\s*$", sentence[: m.start("num")]):
        return None  # "10 - 15": a spaced range's dash
    if not token.strip():
        return None
    value = number_value(token, scale)
    if value is None or no_quantity(sentence, m.start(), token, value, scale, hedge_word, before, after):
        return None
    low, high = interval(bound, value, precision(token, value, scale))
    if sign < 0:  # the interval of the magnitude, mirrored
        value, low, high = -value, (-high if high is not None else None), (-low if low is not None else None)
        low, high = (low, high) if bound in ("exact", "approx", "range") else (None, None)
        if low is None:
            return None  # a bound on a negative figure ("more than -5"): left out
    return value, low, high, bound
