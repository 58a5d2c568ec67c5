"""Relations between two claims that detection's checks ask about: the same story, compatible places and
periods, what a statement names, how far apart two figures are, whether counted nouns meet.

Reads: two claims (and the detection settings). Emits: plain answers (bool, a similarity, a gap). Token
sets derived from a claim are computed once per claim id (`features`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from schemas import Claim

from .claimants import same_claimant
from .lexicon import (
    MEASURE_BY_NAME,
    OUTCOME_BY_NAME,
    Measure,
    Outcome,
)
from .scope import MONTHS
from .story import one_event, one_kind
from .text import GENERIC_NAMES, name_tokens


def measure_of(c: Claim) -> Measure | None:
    """The lexicon's record of the claim's measure family (of "held:now" too; None for an open measure)."""
    return None if c.features.measure.open else MEASURE_BY_NAME.get(c.features.measure.family)


def outcome_of(c: Claim) -> Outcome | None:
    """The lexicon's record of the claim's outcome class (None for an open statement)."""
    return OUTCOME_BY_NAME.get(c.features.measure.name)


_NO_MEASURE = Measure(name="", pattern=re.compile("$^"), cumulative=False)
_NO_OUTCOME = Outcome(name="", positive=re.compile("$^"), negative=None)


def is_state(c: Claim) -> bool:
    """A level that changes (outages, missing, a count "now", an open percentage): figures meet when close."""
    m = c.features.measure
    return m.current or (measure_of(c) or _NO_MEASURE).state or (m.open and not c.cumulative)


def of_event(c: Claim) -> bool:
    """A figure of the event as a whole (a magnitude, a spill): never a part of a whole."""
    return (measure_of(c) or _NO_MEASURE).event


def changes(c: Claim) -> bool:
    """An outcome that changes over time (supply restored, operations, functioning)."""
    return (outcome_of(c) or _NO_OUTCOME).changes


def recovers(c: Claim) -> bool:
    """An outcome whose negative is the broken condition (restored, functioning)."""
    return (outcome_of(c) or _NO_OUTCOME).recovery


@dataclass(frozen=True)
class DetectConfig:
    story_window_days: float = 10.0
    state_window_hours: float = 12.0  # levels that change (outages, missing) compare only this close in time
    min_gap: float = 0.08  # relative gap between two figures' disjoint intervals before they conflict
    min_gap_bound: float = 0.03  # ... when one of them is a stated bound ("at least 500" against 471)
    min_points: float = 0.15  # for percentages: gap in points between disjoint intervals ("4.9%" vs "4.6%")
    min_story_overlap: int = 2
    max_ratio: float = 50.0
    near_days: float = 2.0
    period_window_days: float = 400.0
    #: a dispute over one stated act on one thing may come weeks after the first report (an investigator at a
    #: congress, an agency reversing its deputy): its two statements still share names and the act's theme
    dispute_window_days: float = 45.0
    min_shared_words: int = 3
    same_time_hours: float = 12.0  # two sources this close in time describe the same moment
    same_time_ratio: float = 2.5  # ... so a rise this steep between them is a dispute, not an update
    state_outcome_hours: float = 8.0


DEFAULT = DetectConfig()

#: words for persons that name no particular group: they meet any group ("no one was moved" vs "migrants")
GENERIC_PERSONS = frozenset({"person", "people", "man", "woman", "individual", "resident", "civilian"})


@dataclass(frozen=True, slots=True)
class Features:
    """Token sets derived from one claim, computed once per claim (claims are immutable)."""

    names: frozenset[str]  # the story's names
    anchors: frozenset[str]  # the story's names its lead uses as places ("in Fez", the dateline's)
    places: frozenset[str]
    place_names: tuple[frozenset[str], ...]  # each place phrase's name words ("swiss alps": swiss, alps)
    content: frozenset[str]
    quals: frozenset[str]
    objects: frozenset[str]  # statements: names after the outcome trigger (what the outcome is about)
    regions: frozenset[str]  # regions the article's dateline puts its place in ("GAZIPUR, Bangladesh")
    datelines: frozenset[str]  # the article's dateline place ("TOMOHON, Indonesia": tomohon)
    subjects: frozenset[str]  # statements: names of the outcome's own subject, before the trigger
    around: frozenset[str]  # names of the sentence and story, only where there are objects to look for
    doers: frozenset[str]  # open statements: who did the act (name words, else the head word: "gunman")
    persons: frozenset[str]  # open statements about persons: the word for them ("migrant", "person")
    themes: frozenset[str]  # open statements: what the act is done to ("certificate", "fleet")
    owners: frozenset[str]  # open statements: whose thing the theme is ("mulenga")
    kinds: frozenset[str]  # open statements: which thing the theme is ("clam" in "the clam ban")


_FEATURES: dict[str, Features] = {}
_FEATURES_MAX = 20_000  # about the claims one worker holds (keys x CLAIMWATCH_HISTORY_PER_KEY)


def features(c: Claim) -> Features:
    f = _FEATURES.get(c.claim_id)
    if f is None:
        typed, story = c.features, c.features.story
        names = frozenset(story.names)
        objects = frozenset(typed.objects)
        place_names = tuple(
            {frozenset(p.split()) - GENERIC_NAMES for p in (c.place or "").split(" | ")} - {frozenset()}
        )
        f = Features(
            names=names,
            anchors=frozenset(story.places),
            regions=frozenset(story.regions),
            datelines=frozenset(story.dateline),
            subjects=frozenset(typed.agents),
            places=frozenset().union(*place_names),
            place_names=place_names,
            content=frozenset(typed.words),
            quals=frozenset(typed.qualifiers),
            objects=objects,
            around=frozenset(name_tokens(c.sentence) | names) if objects else frozenset(),
            doers=frozenset(typed.doers),
            persons=frozenset(typed.persons),
            themes=frozenset(typed.themes),
            owners=frozenset(typed.owners),
            kinds=frozenset(typed.kinds),
        )
        if len(_FEATURES) >= _FEATURES_MAX:
            _FEATURES.clear()  # a bounded memo: recomputing is cheap, unbounded growth is not
        _FEATURES[c.claim_id] = f
    return f


def one_speaker(a: Claim, b: Claim) -> bool:
    """Within one report, two speaker phrases for one person: the name one ends with is in the other
    ("Fisheries Minister Joannes Hansen" and, later, "Hansen")."""
    wa, wb = a.speaker.split(), b.speaker.split()
    if not wa or not wb or "person" not in (a.speaker_kind, b.speaker_kind):
        return False
    return (wa[-1][:1].isupper() and wa[-1] in wb) or (wb[-1][:1].isupper() and wb[-1] in wa)


def same_report(a: Claim, b: Claim) -> bool:
    """One version of one article. Two versions of an article (same id, changed content) are two reports
    by the same outlet at two times: a figure the revision changes is compared like a later report's."""
    return a.article_id == b.article_id and a.article_version == b.article_version


def same_story(a: Claim, b: Claim, cfg: DetectConfig) -> float:
    """0 when the claims are about different stories, else a similarity in (0, 1]."""
    if a.article_id == b.article_id:
        return 1.0
    dt = abs((a.published_at - b.published_at).total_seconds()) / 86400
    fa, fb = features(a), features(b)
    common = fa.names & fb.names
    if dt <= cfg.story_window_days:
        sim = _story_similarity(a, b, fa.anchors, fb.anchors, common, dt, cfg)
        if sim > 0:
            return sim
    if (
        _periods(a)
        and _periods(b)
        and (_periods(a) <= _periods(b) or _periods(b) <= _periods(a))
        and common
        and dt <= cfg.period_window_days
        and "outlet" not in (a.speaker_kind, b.speaker_kind)
        and same_claimant(a.claimant, b.claimant)
    ):
        return 0.5  # one claimant revisiting the same stated period ("first quarter", "2024/25")
    disputed = a.kind == b.kind == "statement" and bool(fa.themes & fb.themes) and len(common) > 1
    if dt <= cfg.dispute_window_days and disputed:
        return 0.5  # one act on one thing, disputed weeks later
    if (
        common
        and dt <= cfg.period_window_days
        and one_event(a.features.story.events, b.features.story.events)
    ):
        return 0.5  # one event the leads name by its year or name ("the 2010 earthquake"), months apart
    return 0.0


def _story_similarity(
    a: Claim,
    b: Claim,
    anchors_a: frozenset[str],
    anchors_b: frozenset[str],
    common: frozenset[str],
    dt: float,
    cfg: DetectConfig,
) -> float:
    if len(common) < cfg.min_story_overlap:
        # one shared name is enough, days apart at most, when both claims or both leads name it as the
        # place, or when one lead places it and the claims share the words around them ("Fez" + "stadium
        # safety inspection"): a shared surname or organisation alone never joins two stories
        marked = anchors_a | anchors_b
        shared_place = features(a).places & features(b).places & common
        shared_words = features(a).content & features(b).content
        if not (
            common
            and dt <= cfg.near_days
            and (
                shared_place
                or common & anchors_a & anchors_b
                or (common & marked and len(shared_words) >= cfg.min_shared_words)
                or one_kind(a.features.story.events, b.features.story.events)
            )
        ):
            return 0.0
    return len(common) / max(1, min(len(features(a).names), len(features(b).names)))


def corrects(a: Claim, b: Claim) -> bool:
    """`a`'s sentence denies `b`'s figure as written: "..., not 174", "rather than 174", "instead of 174"."""
    if b.figure is None or not b.figure.text or a.figure is None or a.figure.text == b.figure.text:
        return False
    said = re.escape(b.figure.text)
    return (
        re.search(rf"\b(?:not|rather than|instead of)\s+(?:the\s+)?{said}(?![\w.,]\d)", a.sentence)
        is not None
    )


def _days(c: Claim) -> set[str]:
    return {p for p in (c.time_scope or "").split(",") if p.startswith("day:")}


def _periods(c: Claim) -> set[str]:
    """The claim's stated periods other than a day."""
    return {p for p in (c.time_scope or "").split(",") if p and not p.startswith("day:")}


def closed_period(c: Claim) -> set[str]:
    """The periods the claim states a figure for that had ended when it was published: a past year ("118
    rhinos were poached in 2024", said in 2025), a month other than the report's ("4,850 were waiting at the
    end of September", said in November; "in November", said in January)."""
    this_month, year = MONTHS[c.published_at.month - 1], c.published_at.year
    return {
        p
        for p in _periods(c)
        if (p.isdigit() and len(p) == 4 and int(p) < year) or (p in MONTHS and p != this_month)
    }


def _pub_day(c: Claim) -> str:
    return f"day:{c.published_at.date().isoformat()}"


def _month(c: Claim) -> str:
    """The month a claim is of: its named day's, else its report's."""
    day = min(_days(c), default=None)
    return MONTHS[int(day[9:11]) - 1] if day else MONTHS[c.published_at.month - 1]


def periods_compatible(a: Claim, b: Claim) -> bool:
    """Explicit periods must agree; a claim about a past year never meets one about the present. A level
    that changes (a price, a rate, a percentage change) is of one day: a figure that names its day ("closed
    2.3% up on Friday") never meets one of another day (named, or the day of its report)."""
    da, db = _days(a), _days(b)
    if (da or db) and is_state(a) and is_state(b):
        if not (da or {_pub_day(a)}) & (db or {_pub_day(b)}):
            return False
    sa, sb = _periods(a), _periods(b)
    if sa and sb:
        # an act in February is of 2019 (a figure for February is no figure for 2019)
        acts = a.kind == b.kind == "statement"
        return bool(sa & sb) or acts and (_month_of_year(a, sa, sb) or _month_of_year(b, sb, sa))
    one, other = (sa, b) if sa else (sb, a)
    if not one:
        return True
    own = a if one is sa else b
    months = a.kind == "statement" and one <= set(MONTHS)
    past = months and all(MONTHS.index(m) < own.published_at.month for m in one)  # (not "to meet in June")
    if past and _month(other) not in one and not _to_date(other):
        return False  # an outcome "in March" against one of June (its day, else its report): two periods
    if all(s.startswith(("since ", "span ")) for s in one) or "past" in one or "habitual" in one:
        return False  # a running total ("since mid-June"), a past period ("that year"), a habitual rate
    years = {s for s in one if s[:4].isdigit()}
    return not years or str(other.published_at.year) in {y[:4] for y in years}


def _month_of_year(c: Claim, months: set[str], years: set[str]) -> bool:
    """A month the claim names (of its report's year, or the year before for a later month) lies in the year
    the other names: "in February" is of "2019"."""
    pub = c.published_at
    return months <= set(MONTHS) and all(
        str(pub.year if MONTHS.index(m) < pub.month else pub.year - 1) in years for m in months
    )


#: a negation in the perfect, or "never": the act has not happened at any time up to the report
_NOT_TO_DATE = re.compile(
    r"\b(?:(?:has|have)(?:\s+(?:not|never)|n['’]t)|(?:has|have)\s+yet\s+to|never|not\s+yet)\s+(?:\w+\s+)?$",
    re.IGNORECASE,
)


def _to_date(c: Claim) -> bool:
    """A denied act stated for all time up to the report ("the office has not approved the deal", "never
    cleared it"): it covers a month named by the other side ("cleared the deal in August")."""
    if c.kind != "statement" or c.polarity > 0 or c.span_start is None:
        return False
    return _NOT_TO_DATE.search(c.sentence[max(0, c.span_start - 40) : c.span_start]) is not None


def names_compatible(a: Claim, b: Claim) -> bool:
    """Statements: when both name what the outcome is about (names after the trigger), one side's names must
    occur in the other's sentence or story ("clears the cement merger" never meets "blocks the app
    takeover")."""
    fa, fb = features(a), features(b)
    # outcomes said of a thing ("the Ciudad Hidalgo crossing has reopened", "La Mesilla crossing remains
    # closed"): two different named subjects are two things; most names shared is one
    sa, sb = fa.subjects, fb.subjects
    oc = outcome_of(a) or _NO_OUTCOME
    if (oc.of_thing or oc.per_subject) and sa and sb and len(sa & sb) * 2 < len(sa | sb):
        return False
    if fa.objects and fb.objects:
        return bool(fa.objects & fb.around) or bool(fb.objects & fa.around)
    return True


def quals(c: Claim) -> frozenset[str]:
    return features(c).quals
