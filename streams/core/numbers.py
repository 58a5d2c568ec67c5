"""Figures: find quantities in a sentence and normalise them to intervals.

Reads a sentence (str); emits FigureSpan values: the text as written, its span, a central value,
an interval [low, high] following the hedge, the bound kind and the unit.

Conventions (documented in docs/EXTRACTION.md):
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

import math
import re
from dataclasses import dataclass

MAX_DIGITS = 18  # longer digit runs are identifiers or garbage, never quantities

SMALL = {
    "zero": 0,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
}
TENS = {
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
}
SCALES = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
    "mn": 1e6,
    "mln": 1e6,
    "m": 1e6,
    "bn": 1e9,
    "bln": 1e9,
    "b": 1e9,
    "k": 1e3,
    "tn": 1e12,
    "lakh": 1e5,
    "crore": 1e7,
}
FRACTIONS = {
    "half": 0.5,
    "a third": 1 / 3,
    "one third": 1 / 3,
    "a quarter": 0.25,
    "one quarter": 0.25,
    "two thirds": 2 / 3,
    "two-thirds": 2 / 3,
    "three quarters": 0.75,
    "three-quarters": 0.75,
}

VAGUE = [
    # (regex, low, high) -- longest first
    (r"hundreds of thousands", 2e5, 999_999),
    (r"tens of thousands", 2e4, 99_999),
    (r"several hundred thousand", 3e5, 999_999),
    (r"several thousand", 3e3, 9_999),
    (r"several hundred", 300, 999),
    (r"several dozen", 36, 99),
    (r"a few thousand", 2e3, 5_000),
    (r"a few hundred", 200, 500),
    (r"a few dozen", 24, 60),
    (r"two dozen", 24, 24),
    (r"three dozen", 36, 36),
    (r"half a dozen", 6, 6),
    (r"a dozen", 12, 12),
    (r"dozens", 24, 99),
    (r"scores", 40, 99),
    (r"hundreds", 200, 999),
    (r"thousands", 2e3, 9_999),
    (r"millions", 2e6, 999e6),
    (r"a handful", 2, 5),
    (r"a few", 2, 5),
    (r"several", 3, 9),
]

HEDGES = [
    # (regex, bound)
    (r"an estimated|estimated|approximately|roughly|around|about|some|circa|an average of", "approx"),
    (r"nearly|almost|close to|just under|just short of|barely", "nearly"),
    (r"more than|over|above|in excess of|upwards of|well over|just over", "more_than"),
    (r"at least|no fewer than|no less than|a minimum of|not less than", "at_least"),
    (r"up to|as many as|at most|no more than|a maximum of|not more than|as much as", "at_most"),
    (r"fewer than|less than|under|below", "less_than"),
]

#: named currencies, each its own unit: "38 million dinars" never meets "38 million lira"
_CURRENCIES = (
    (r"dinars?", "dinar"),
    (r"zlotys?|złoty", "zloty"),
    (r"reais|reals?", "real"),
    (r"rupees?", "rupee"),
    (r"pesos?", "peso"),
    (r"yuan|renminbi", "yuan"),
    (r"yen", "yen"),
    (r"rand", "rand"),
    (r"naira", "naira"),
    (r"shillings?", "shilling"),
    (r"cedis?", "cedi"),
    (r"francs?", "franc"),
    (r"liras?|lira", "lira"),
    (r"rubles?|roubles?", "rouble"),
    (r"hryvnias?", "hryvnia"),
    (r"won", "won"),
    (r"ringgit", "ringgit"),
    (r"baht", "baht"),
    (r"dirhams?", "dirham"),
    (r"riyals?|rials?", "riyal"),
    (r"taka", "taka"),
    (r"leva|lev", "lev"),
    (r"lei|leu", "leu"),
    (r"forints?", "forint"),
    (r"krona|kronor|kroner|krone", "krona"),
    (r"dong", "dong"),
    (r"rupiah", "rupiah"),
    (r"soles?", "sol"),
    (r"bolivianos?", "boliviano"),
    (r"kwacha", "kwacha"),
    (r"birr", "birr"),
    (r"pula", "pula"),
    (r"manat", "manat"),
    (r"lari", "lari"),
    (r"drams?", "dram"),
    (r"tenge", "tenge"),
    (r"som", "som"),
    (r"afghanis?", "afghani"),
    (r"kyats?", "kyat"),
    (r"quetzals?", "quetzal"),
    (r"lempiras?", "lempira"),
    (r"colones?", "colon"),
    (r"guarani(?:es)?", "guarani"),
)

UNITS = [
    # (regex after the number, unit)
    (r"per ?cent|percent|pct|%", "percent"),
    (r"percentage points?", "percentage_points"),
    (r"hectares?|ha\b", "hectares"),
    (r"acres?", "acres"),
    (r"square kilometres?|square kilometers?|km2|km²|sq km", "km2"),
    (r"kilometres?|kilometers?|km\b", "km"),
    (r"miles?", "miles"),
    (r"metres?|meters?|m\b", "metres"),
    (r"millimetres?|millimeters?|mm\b", "mm"),
    (r"centimetres?|centimeters?|cm\b", "cm"),
    (r"cubic metres?|cubic meters?|m3|m³", "m3"),
    (r"tonnes?|tons?|t\b", "tonnes"),
    (r"kilogrammes?|kilograms?|kilos?|kg\b", "kg"),
    (r"grammes?|grams?", "grams"),
    (r"gigawatts?|GW\b", "GW"),
    (r"megawatt[- ]hours?|MWh\b", "MWh"),
    (r"gallons?", "gallons"),
    (r"megawatts?|MW\b", "MW"),
    (r"degrees?(?: Celsius| Fahrenheit| C\b| F\b)?|°C|°F", "degrees"),
    (r"barrels?", "barrels"),
    (r"litres?|liters?", "litres"),
    (r"dollars?|usd\b", "usd"),
    (r"euros?|eur\b", "eur"),
    (r"pounds? sterling|pounds?|gbp\b", "gbp"),
    *_CURRENCIES,
]
CURRENCY_SYMBOL = re.compile(r"(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|\$|€|£|¥|₹|₦|₺|₽)\s?$")

_NUMWORD = "|".join(sorted([*SMALL, *TENS], key=len, reverse=True))
_WORDNUM = rf"(?:(?:{_NUMWORD})(?:[- ](?:{_NUMWORD}))?(?:\s+(?:hundred|thousand|million|billion)(?:\s+(?:and\s+)?(?:{_NUMWORD})(?:[- ](?:{_NUMWORD}))?)?)*)"  # noqa: E501
_DIGITS = r"(?:\d{1,3}(?:[,\u202f\u00a0 ]\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"
_SCALE = (
    r"(?:\s?(?:hundred|thousand|million|billion|trillion|mn|mln|bn|bln|tn|lakh|crore)\b"
    r"|(?<=\d)(?:m|b|k|bn)\b)"
)
_VAGUE = "|".join(v[0] for v in VAGUE)
_FRACTION = "|".join(sorted((re.escape(f) for f in FRACTIONS), key=len, reverse=True))
_HEDGE = "|".join(h[0] for h in HEDGES)

FIGURE = re.compile(
    rf"(?P<hedge>\b(?:{_HEDGE})\s+)?"
    rf"(?:(?P<half>\b(?:(?:{_NUMWORD}|\d+) and a half|half a) (?:million|billion|thousand|hundred)\b)"
    rf"|(?:\bbetween\s+)(?P<r1>{_DIGITS}{_SCALE}?|{_WORDNUM})\s+and\s+(?P<r2>{_DIGITS}{_SCALE}?|{_WORDNUM})"
    rf"|(?P<d1>{_DIGITS})\s?[-–](?P<d2>{_DIGITS})(?P<rscale>{_SCALE})?(?![-–]?\d)"
    rf"|(?P<vague>\b(?:{_VAGUE})\b)"
    rf"|(?P<frac>\b(?:{_FRACTION})\b)"
    rf"|(?P<num>(?<![\w.,:/])(?:{_DIGITS})(?P<scale>{_SCALE})?(?![\w]|[.,]\d)|\b{_WORDNUM}\b)"
    rf")"
)

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
    r"[-\s]year[-\s]old|[-\s]years?[-\s]old|\s*,\s*(?:who|a|an|the)\b|-(?:day|hour|week|month|minute)\b|"
    r"(?:\s+[A-Z][a-z]+){0,2}\s+(?:street|st\.|road|rd\.|avenue|ave\.|lane|drive|boulevard|blvd|way|square)\b|"
    r"\s+(?:(?:more\s+|fewer\s+)?(?:minutes?|hours?|days?|weeks?|months?|years?|decades?|seconds?|nights?|"
    r"times?|rounds?|goals?|points?|overs?|wickets?|runs?|laps?)\b)|"
    r"\s*(?:km|kilometres?|kilometers?|miles?|metres?|meters?)\s+(?:north|south|east|west|from|away|"
    r"outside|inland|off|upstream|downstream|to the|north-|south-)|/\d|:\d|\.\d+\.)",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?:\+?\d[\d\s().-]{7,}\d)")
_SCORE_CONTEXT = re.compile(
    r"\b(?:won|win|wins|beat|beats|lost|draw|drew|defeat(?:ed)?|victory|score|"
    r"scored|goals?|match|game|final|league|cup)\b",
    re.IGNORECASE,
)


_MAYBE_NUMBER = re.compile(
    rf"\d|\b(?:{_NUMWORD}|hundreds?|thousands?|millions?|dozens?|several|few|scores|half|third|quarter|"
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


def _parse_digits(s: str) -> float | None:
    s = re.sub(r"[,\u202f\u00a0 ]", "", s)
    if len(s.replace(".", "")) > MAX_DIGITS:
        return None
    try:
        v = float(s)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def parse_word_number(s: str) -> float | None:
    """'twenty-three' -> 23, 'three hundred' -> 300, 'two million' -> 2e6, 'forty-seven' -> 47."""
    total = 0.0
    current = 0.0
    seen = False
    for w in re.split(r"[\s-]+", s.lower()):
        if w == "and" or not w:
            continue
        if w in SMALL:
            current += SMALL[w]
            seen = True
        elif w in TENS:
            current += TENS[w]
            seen = True
        elif w == "hundred":
            current = (current or 1) * 100
            seen = True
        elif w in ("thousand", "million", "billion", "trillion"):
            total += (current or 1) * SCALES[w]
            current = 0
            seen = True
        else:
            return None
    value = total + current
    return value if seen and math.isfinite(value) and value < 1e18 else None


def _scale_of(s: str | None) -> float:
    if not s:
        return 1.0
    return SCALES.get(s.strip().lower(), 1.0)


def _number(token: str, scale: str | None) -> float | None:
    token = token.strip()
    if token[:1].isdigit():
        v = _parse_digits(token)
        if v is None:
            return None
        return v * _scale_of(scale)
    return parse_word_number(token)


def _precision(token: str, value: float, scale: str | None) -> float:
    """Half the unit of the last significant digit of a round written number, else 0."""
    digits = re.sub(r"[,\u202f\u00a0 ]", "", token)
    if not digits[:1].isdigit():
        # word numbers carry the precision of the same number written in digits ("two million" = 2,000,000)
        if not math.isfinite(value) or value >= 1e18 or value != int(value) or value < 1000:
            return 0.0
        return _precision(str(int(value)), value, None)
    scale_v = _scale_of(scale)
    if "." in digits:
        decimals = len(digits.split(".")[1])
        unit = 10 ** (-decimals) * scale_v
        return unit / 2 if scale_v > 1 else 0.0
    stripped = digits.rstrip("0")
    zeros = len(digits) - len(stripped)
    if scale_v > 1:
        return scale_v / 2 if zeros == 0 and len(digits) <= 2 else scale_v * (10**zeros) / 2
    if zeros >= 2 and value >= 1000:
        return float(10**zeros) / 2
    return 0.0


def interval(bound: str, value: float, precision: float = 0.0) -> tuple[float | None, float | None]:
    """[low, high] for a figure; `precision` (half the last significant unit, 0 if not round) widens
    an unhedged round number and marks a hedged one as round."""
    if bound == "approx":
        tol = 0.15 if precision else 0.10
        return value * (1 - tol), value * (1 + tol)
    if bound == "nearly":
        return value * 0.9, value
    if bound == "more_than":
        return value, None
    if bound == "at_least":
        return value, None
    if bound == "at_most":
        return 0.0, value
    if bound == "less_than":
        return 0.0, value
    return value - precision, value + precision


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


def _is_year(token: str, value: float) -> bool:
    return bool(re.fullmatch(r"(?:1[89]|20)\d\d", token)) and 1800 <= value <= 2100


def find_figures(sentence: str, max_figures: int = 40) -> list[FigureSpan]:
    """All quantity figures in a sentence, with years, dates and identifiers left out."""
    out: list[FigureSpan] = []
    if not _MAYBE_NUMBER.search(sentence):
        return out  # most sentences hold no number at all: one cheap scan instead of the full grammar
    phone_spans = [m.span() for m in _PHONE.finditer(sentence) if sum(c.isdigit() for c in m.group(0)) >= 8]
    lowered = sentence.lower()
    if len(lowered) != len(sentence):  # a few characters change length when lower-cased: keep offsets true
        lowered = "".join(ch.lower() if len(ch.lower()) == 1 else ch for ch in sentence)
    for m in FIGURE.finditer(lowered):
        if len(out) >= max_figures:
            break
        start, end = m.span()
        if any(a <= m.start("hedge" if m.group("hedge") else 0) < b for a, b in phone_spans):
            continue
        core_start = m.end("hedge") if m.group("hedge") else start
        before = sentence[max(0, core_start - 30) : core_start]
        after = sentence[end : end + 40]
        hedge_word = (m.group("hedge") or "").strip().lower()
        bound = (
            next((b for p, b in HEDGES if re.fullmatch(p, hedge_word)), "exact") if hedge_word else "exact"
        )
        if (
            hedge_word in ("over", "under", "below", "above", "some")
            and not m.group("num")
            and not m.group("vague")
        ):
            pass
        value: float | None
        low: float | None
        high: float | None
        if m.group("half"):
            words = m.group("half").lower().split()
            scale_word = words[-1]
            base = 0.5 if words[0] == "half" else (_number(words[0], None) or 0) + 0.5
            value = base * SCALES[scale_word]
            if value <= 0:
                continue
            prec = SCALES[scale_word] * 0.05
            low, high = interval(bound, value, prec)
        elif m.group("r1"):
            a = _number(*_split_scale(m.group("r1")))
            b = _number(*_split_scale(m.group("r2")))
            if a is None or b is None or a >= b:
                continue
            if b > 1e3 * max(a, 1) and not re.search(r"[a-z]", m.group("r1")):
                a = a * _scale_of(_split_scale(m.group("r2"))[1])
            value, low, high, bound = (a + b) / 2, a, b, "range"
        elif m.group("d1"):
            a = _parse_digits(m.group("d1"))
            b = _parse_digits(m.group("d2"))
            if a is None or b is None:
                continue
            if a >= b or _SCORE_CONTEXT.search(sentence) and b < 30:
                continue  # scores ("2-1"), codes
            if _is_year(m.group("d1"), a) or re.fullmatch(r"\d{2}", m.group("d2")) and a > 1900:
                continue  # 2024-25, 1990-2000 periods
            sc = _scale_of(m.group("rscale"))
            a, b = a * sc, b * sc
            value, low, high, bound = (a + b) / 2, a, b, "range"
        elif m.group("vague"):
            word = m.group("vague").lower()
            lo, hi = next((lo, hi) for p, lo, hi in VAGUE if re.fullmatch(p, word))
            if word in ("several", "a few", "scores", "hundreds", "thousands", "millions", "dozens") and (
                not re.match(r"[\"”’']?\s+(?:of\s+)?[a-z]", after, re.IGNORECASE)
            ):
                continue
            if word in ("several", "a few") and re.match(
                r"\s+(?:times|days|weeks|months|years|hours|"
                r"minutes|occasions|ways|reasons)\b",
                after,
            ):
                continue
            value, low, high, bound = None, lo, hi, "vague"
            if lo == hi:
                value, bound = lo, "exact"
            if hedge_word:
                low, high = _hedge_interval(
                    bound=("approx" if hedge_word else bound), lo=lo, hi=hi, hedge=hedge_word
                )
                bound = next(b for p, b in HEDGES if re.fullmatch(p, hedge_word))
        elif m.group("frac"):
            f = FRACTIONS[m.group("frac").lower()]
            if not re.match(r"\s+(?:full|of (?:its |the )?capacity|capacity)", after, re.IGNORECASE):
                continue
            value = round(f * 100, 1)
            low, high = interval(bound, value, 2.5) if bound != "exact" else (value - 3, value + 3)
            if bound == "nearly":
                low, high = value * 0.85, value
            return_unit = "percent"
            out.append(
                FigureSpan(
                    sentence[start:end],
                    start,
                    end,
                    value,
                    low,
                    high,
                    "approx" if bound == "exact" else bound,
                    return_unit,
                )
            )
            continue
        else:
            token = m.group("num")
            scale = m.group("scale")
            if scale:
                token = token[: len(token) - len(scale)]
            if not token.strip():
                continue
            value = _number(token, scale)
            if value is None:
                continue
            if _BEFORE_NONCLAIM.search(before) and not scale:
                # "in 2019", "April 16", "page 4", "aged 50", "since 2023" -- but "in 26 villages" is a count
                if (
                    not re.search(r"\b(?:in|by|from the|since|until|before|after)\s*$", before, re.IGNORECASE)
                    or _is_year(token.strip(), value)
                    or not token[:1].isdigit()
                ):
                    continue
                if re.search(r"\b(?:since|until|before|after|by)\s*$", before, re.IGNORECASE):
                    continue
            if _AFTER_NONCLAIM.match(after) and not scale:
                continue
            if (
                _is_year(token.strip(), value)
                and not scale
                and not re.match(
                    r"\s+(?:people|persons|households|homes|houses|families|workers|residents|passengers)\b",
                    after,
                )
            ):
                continue
            if token.strip()[:1].isdigit() and re.search(
                r"(?:[A-Za-z#/]-?|#)$", sentence[max(0, start - 2) : start]
            ):
                continue  # model codes "HL-2000", "F-16", "COVID-19", "#4"
            if (
                not hedge_word
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
                continue  # identifiers after a name: "Boeing 737", "Resolution 2334", "Rescue 1122"
            if (
                re.search(r"[A-Za-z]\w*,\s*$", before)
                or re.search(r"[A-Za-z]\w*,\s*\d+\s+(?:and|to)\s+$", before)
            ) and re.match(r"(?:\s+(?:and|to|-)\s+\d+)?\s*,", after):
                continue  # an age in apposition: "Kambale, 50, said"; "Both men, 34 and 51, were"
            if re.search(r"\baged\s+\d+\s+(?:to|and|-)\s*$", before):
                continue  # "aged 20 to 30"
            if value == 0 and not token.strip()[:1].isdigit():
                continue
            if token.strip().lower() == "one" and not hedge_word:
                continue  # "one of the", "one official": pronoun-like, never a compared figure
            low, high = interval(bound, value, _precision(token, value, scale))
        unit, unit_len = _unit_after(sentence[end : end + 30])
        pre = sentence[max(0, start - 4) : core_start]
        sym = CURRENCY_SYMBOL.search(sentence[max(0, core_start - 4) : core_start])
        if sym or CURRENCY_SYMBOL.search(pre):
            symbol = sym.group(0).strip() if sym else "$"
            unit = {"$": "usd", "€": "eur", "£": "gbp"}.get(symbol, "currency")
            if sym and start == core_start:
                start = core_start - len(sentence[max(0, core_start - 4) : core_start]) + sym.start()
        if unit_len:
            end = end + unit_len
        out.append(FigureSpan(sentence[start:end], start, end, value, low, high, bound, unit))
    return out


def _split_scale(tok: str) -> tuple[str, str | None]:
    m = re.match(rf"^(.*?)({_SCALE})?$", tok.strip(), re.IGNORECASE)
    if m and m.group(2) and m.group(1).strip()[:1].isdigit():
        return m.group(1), m.group(2)
    return tok, None


def _hedge_interval(bound: str, lo: float, hi: float, hedge: str) -> tuple[float | None, float | None]:
    b = next((b for p, b in HEDGES if re.fullmatch(p, hedge)), "approx")
    if b in ("more_than", "at_least"):
        return lo, None
    if b in ("at_most", "less_than"):
        return 0.0, hi
    if b == "nearly":
        return lo * 0.9, hi
    return lo * 0.9, hi * 1.1
