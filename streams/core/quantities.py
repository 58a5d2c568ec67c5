"""Quantities in words and digits: number words, scales, fractions, vague quantities, hedges, units and
currencies, and the interval a written number stands for. The figures component (numbers.py) reads
figures with them.
"""

from __future__ import annotations

import math
import re

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
    (
        r"an estimated|estimated|approximately|roughly|around|about|some|circa|an average of|"
        r"in the (?:region|vicinity|neighbou?rhood) of|(?:of|on) the order of",
        "approx",
    ),
    (r"nearly|almost|close to|just under|just short of|barely", "nearly"),
    (r"more than|over|above|in excess of|upwards of|well over|just over|greater than|exceeding", "more_than"),
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


#: the units of an amount of money (a symbol whose currency is not told is "currency")
MONEY_UNITS = frozenset({"usd", "eur", "gbp", "currency", *(unit for _, unit in _CURRENCIES)})

CURRENCY_SYMBOL = re.compile(r"(?:US\$|A\$|C\$|NZ\$|HK\$|R\$|\$|€|£|¥|₹|₦|₺|₽|\bRs\.?|\bINR)\s?$")


def parse_digits(s: str) -> float | None:
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


def scale_of(s: str | None) -> float:
    if not s:
        return 1.0
    return SCALES.get(s.strip().lower(), 1.0)


def number_value(token: str, scale: str | None) -> float | None:
    token = token.strip()
    if token[:1].isdigit():
        v = parse_digits(token)
        if v is None:
            return None
        return v * scale_of(scale)
    return parse_word_number(token)


def precision(token: str, value: float, scale: str | None) -> float:
    """Half the unit of the last significant digit of a round written number, else 0."""
    digits = re.sub(r"[,\u202f\u00a0 ]", "", token)
    if not digits[:1].isdigit():
        # word numbers carry the precision of the same number written in digits ("two million" = 2,000,000)
        if not math.isfinite(value) or value >= 1e18 or value != int(value) or value < 1000:
            return 0.0
        return precision(str(int(value)), value, None)
    scale_v = scale_of(scale)
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


def split_scale(tok: str) -> tuple[str, str | None]:
    m = re.match(rf"^(.*?)({SCALE_WORDS})?$", tok.strip(), re.IGNORECASE)
    if m and m.group(2) and m.group(1).strip()[:1].isdigit():
        return m.group(1), m.group(2)
    return tok, None


def hedge_interval(bound: str, lo: float, hi: float, hedge: str) -> tuple[float | None, float | None]:
    b = next((b for p, b in HEDGES if re.fullmatch(p, hedge)), "approx")
    if b in ("more_than", "at_least"):
        return lo, None
    if b in ("at_most", "less_than"):
        return 0.0, hi
    if b == "nearly":
        return lo * 0.9, hi
    return lo * 0.9, hi * 1.1


SCALE_WORDS = (
    r"(?:\s?(?:hundred|thousand|million|billion|trillion|mn|mln|bn|bln|tn|lakh|crore)\b"
    r"|(?<=\d)(?:m|b|k|bn)\b)"
)
