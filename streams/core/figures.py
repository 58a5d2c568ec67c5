"""Relations between two claims' figures that detection's checks ask about: how far apart two figures are,
whether the later one is above the earlier, whether they count the same unit and the same thing.

Reads: two numeric claims (and the detection settings). Emits: plain answers (bool, a relative gap).
"""

from __future__ import annotations

import re
from itertools import combinations

from schemas import Claim

from .families import ANY_MEASURE
from .lexicon import PERSON_CLASSES, SUBGROUPS, is_person_noun
from .numbers import FigureSpan, find_figures
from .relations import DetectConfig, measure_of


def far_enough(a: Claim, b: Claim, cfg: DetectConfig) -> bool:
    """Disjoint intervals far enough apart: a relative gap for counts and amounts, points for percentages
    (a rate revised from 4.9 % to 4.6 % is a real revision however small relative to 4.9)."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if fa.unit == "percent" and fb.unit == "percent":
        lo_a, hi_a = fa.low or 0.0, fa.high if fa.high is not None else float("inf")
        lo_b, hi_b = fb.low or 0.0, fb.high if fb.high is not None else float("inf")
        return max(lo_b - hi_a, lo_a - hi_b) >= cfg.min_points
    bounded = fa.bound in _ONE_SIDED or fb.bound in _ONE_SIDED
    return gap(a, b) >= (cfg.min_gap_bound if bounded else cfg.min_gap)


#: bounds a speaker states on one side: a figure beyond one contradicts it by more than rounding
_ONE_SIDED = frozenset({"at_least", "more_than", "less_than", "at_most"})


def gap(a: Claim, b: Claim) -> float:
    """Relative gap between the two figures' intervals; 0 when they overlap."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None  # numeric claims always carry a figure
    lo_a, hi_a = fa.low or 0.0, fa.high if fa.high is not None else float("inf")
    lo_b, hi_b = fb.low or 0.0, fb.high if fb.high is not None else float("inf")
    if hi_a < lo_b:
        return (lo_b - hi_a) / lo_b if lo_b else 0.0
    if hi_b < lo_a:
        return (lo_a - hi_b) / lo_a if lo_a else 0.0
    return 0.0


def above(later: Claim, earlier: Claim) -> bool:
    """The later figure is at least as high as the earlier one (a rising count)."""
    fl, fe = later.figure, earlier.figure
    assert fl is not None and fe is not None
    return (fl.high if fl.high is not None else float("inf")) >= (fe.low or 0.0) and (
        (fl.value or fl.low or 0.0) >= (fe.value or fe.low or 0.0)
    )


def _subgroup(counted: str | None) -> bool:
    return counted is not None and (counted in SUBGROUPS or counted[:1].isupper())


def _counted(c: Claim) -> str | None:
    """What the figure counts; the measure's own noun counts what the measure does ("the number of
    fatalities": people)."""
    counted, m = c.figure.counted if c.figure else None, measure_of(c)
    if counted in ("we", "us", "they", "them", "you"):
        return "people"  # "over eleven hundred of us were arrested"
    return "people" if counted and m and m.persons and m.pattern.fullmatch(counted) else counted


def units_compatible(a: Claim, b: Claim) -> bool:
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if fa.unit != fb.unit:
        return False
    if _counted(a) != fa.counted or _counted(b) != fb.counted:
        fa, fb = (
            fa.model_copy(update={"counted": _counted(a)}),
            fb.model_copy(update={"counted": _counted(b)}),
        )
    if fa.counted != fb.counted and (_subgroup(fa.counted) or _subgroup(fb.counted)):
        return False  # a count of women, children or Israelis is a part of a count of people
    if fa.counted and fb.counted and fa.counted != fb.counted:
        short, long = sorted((fa.counted, fb.counted), key=len)
        if len(short) >= 4 and long.endswith(short) and is_person_noun(short):
            return True  # a compound is a kind of its head: "dockworkers" are "workers"
        # "people" covers any group of persons, not objects ("12 injured people" never meets "120 units")
        other = fb.counted if fa.counted == "people" else fa.counted if fb.counted == "people" else None
        return other is not None and (other in PERSON_CLASSES or is_person_noun(other))
    return True


def _own_span(spans: list[FigureSpan], c: Claim) -> int | None:
    """Which of its sentence's figures the claim's is (by where it stands, else by value)."""
    assert c.figure is not None
    found = next((k for k, f in enumerate(spans) if f.start == c.span_start), None)
    value = c.figure.value
    return found if found is not None else next((k for k, f in enumerate(spans) if f.value == value), None)


def sums_to(part: Claim, whole: Claim) -> bool:
    """The part's figure and other counts of its own sentence add up to the whole's exact figure ("six were
    taken to hospital and eight treated at the scene" against "fourteen were treated"): a breakdown of the
    same count, not a second count of it. Exact counts only (no percentages), up to four summed; a figure
    followed by another measure's word ("six killed and eight injured") or said to be a part of one
    ("including 3 children") is not added."""
    fp, fw = part.figure, whole.figure
    if (
        fp is None
        or fw is None
        or fw.bound != "exact"
        or fp.bound != "exact"
        or "percent" in (fp.unit, fw.unit)
    ):
        return False
    target, own = fw.value, fp.value
    if target is None or own is None or own >= target:
        return False
    text = part.sentence
    spans = find_figures(text, max_figures=8)
    mine = _own_span(spans, part)
    family = part.features.measure.family if part.features is not None else None
    unit = spans[mine].unit if mine is not None else None
    others = []
    for k, f in enumerate(spans):
        if k == mine or f.value is None or f.bound != "exact" or f.unit != unit:
            continue
        after = ANY_MEASURE.search(text[f.end : f.end + 30].lower())
        if after is not None and after.group(0) not in (family or ""):
            continue  # ("six killed and eight injured": eight count another measure)
        if _named_as_part(text, f):
            continue  # (a part of a count, not another count)
        others.append(f.value)
    return any(abs(own + sum(combo) - target) < 0.5 for n in (1, 2, 3) for combo in combinations(others, n))


#: a figure said to be a part of the one before it: "21,700 of them", "including 40", "among them 12"
_OF_THEM = re.compile(r"\s+of\s+(?:them|whom|those|these|which)\b")
_INCLUDING = re.compile(r"\b(?:including|among them|of whom|of which)\s+(?:about\s+|some\s+|around\s+)?$")


def _named_as_part(text: str, f: FigureSpan) -> bool:
    """The sentence says the figure is a part of another: "21,700 of them", "including 40"."""
    return bool(_OF_THEM.match(text, f.end) or _INCLUDING.search(text[max(0, f.start - 30) : f.start]))


def part_given(part: Claim, whole: Claim) -> bool:
    """The whole's own sentence gives the part's figure as a part of it ("96,300 cases this year, about
    21,700 of them in Londrina" against the city's 21,740; "including 40"): the other report restates that
    part. A hedged figure ("about") reaches 3 % either side."""
    if part.figure is None or whole.figure is None:
        return False
    own, target = part.figure.value, whole.figure.value
    if own is None or target is None or own >= target:
        return False
    text = whole.sentence
    spans = find_figures(text, max_figures=8)
    mine = _own_span(spans, whole)
    if mine is None or mine + 1 >= len(spans):
        return False
    for f in spans[mine + 1 : mine + 2]:  # the figure right after the whole's own (no other between)
        if f.value is None or f.value >= target or f.low is None:
            continue
        if not _named_as_part(text, f):
            continue  # (a part said to be one: not "rose to 41 from 12")
        slack = 0.0 if f.bound == "exact" else 0.03
        if f.low * (1 - slack) <= own <= (f.high if f.high is not None else f.low) * (1 + slack):
            return True
    return False
