"""Detection: compare a batch of new claims with the earlier claims under the same claim key.

Reads: a ClaimBatch and the history under its key (claims, any order). Emits: Alerts.

Decisions, in order (each a reason not to alert, so every alert survived all of them):
1. same story: same article, or articles whose title/lead names overlap, published within the window;
2. same place (when both name one), same stated period (when either states one), same subject;
3. numeric: same counted noun and unit, intervals disjoint by a margin (hedges and rounding widen them);
   a cumulative count that rises over event time is an update; one that falls later is a conflict;
   statement: same outcome class with opposite polarity;
4. who: two claimants disagreeing (cross-source) or one claimant changing its story later (revision).
Per new article and earlier article at most one alert per claim key (the most confident pair).
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from schemas import Alert, Claim, ClaimBatch

from .attribution import same_claimant
from .lexicon import PERSON_CLASSES, SUBGROUPS, is_person_noun
from .numbers import find_figures
from .text import GENERIC_NAMES, name_tokens, strip_dateline

RULE_NUMERIC = "numeric_mismatch.v1"
RULE_CUMULATIVE = "cumulative_decrease.v1"
RULE_REVISION = "numeric_revision.v1"
RULE_STATEMENT = "outcome_polarity.v1"
RULE_STATEMENT_REVISION = "outcome_reversal.v1"
#: every rule and the alert kind it raises: the closed label set of the alerts metric (streams/metrics.py)
RULES = {
    RULE_NUMERIC: "numeric_conflict",
    RULE_CUMULATIVE: "numeric_conflict",
    RULE_REVISION: "numeric_conflict",
    RULE_STATEMENT: "statement_conflict",
    RULE_STATEMENT_REVISION: "statement_conflict",
}
STATE_OUTCOMES = frozenset({"restored", "operations_halted", "functioning"})
#: outcomes whose grammatical subject is the thing they happen to (a crossing closes, a plant restarts, a
#: dam is damaged), not an actor (forces capture, a regulator approves)
THING_OUTCOMES = frozenset(
    {
        "closure",
        "restored",
        "functioning",
        "operations_halted",
        "damaged",
        "cancelled",
        "suspended",
        "released",
        "shot_down",
        "contaminated",
    }
)

#: a state claimed at the moment of an event ("the signalling worked before the collision") is fixed in time:
#: a later report of the opposite is a contradiction, not an update
_AT_EVENT = re.compile(
    r"\b(?:before|at the time of|during|when|as) (?:the |a |its )?(?:\w+ ){0,2}?(?:crash|collision|accident|"
    r"derailment|explosion|blast|fire|attack|collapse|incident|disaster|outage|failure)\b",
    re.IGNORECASE,
)
#: states whose negative is the broken condition: one claimant reporting it first and the repair later
#: ("without power" ... "power restored") reports progress
RECOVERY_OUTCOMES = frozenset({"restored", "functioning"})


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
    min_shared_words: int = 3
    same_time_hours: float = 12.0  # two sources this close in time describe the same moment
    same_time_ratio: float = 2.5  # ... so a rise this steep between them is a dispute, not an update
    state_outcome_hours: float = 8.0


DEFAULT = DetectConfig()

#: words for persons that name no particular group: they meet any group ("no one was moved" vs "migrants")
GENERIC_PERSONS = frozenset({"person", "people", "man", "woman", "individual", "resident", "civilian"})


def _tokens(s: str | None) -> set[str]:
    return set(s.split()) if s else set()


@dataclass(frozen=True, slots=True)
class _Features:
    """Token sets derived from one claim, computed once per claim (claims are immutable)."""

    story: frozenset[str]
    names: frozenset[str]
    places: frozenset[str]
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


_FEATURES: dict[str, _Features] = {}
_FEATURES_MAX = 20_000  # about the claims one worker holds (keys x CLAIMWATCH_HISTORY_PER_KEY)


def _features(c: Claim) -> _Features:
    f = _FEATURES.get(c.claim_id)
    if f is None:
        story = frozenset(_tokens(c.story))
        subject = c.subject.split()
        objects = frozenset(t[4:] for t in subject if t.startswith("obj:"))
        f = _Features(
            story=frozenset(t for t in story if not t.startswith(("^", "~"))),
            names=frozenset(t for t in story if not t.startswith(("@", "^", "~"))),
            regions=frozenset(t[1:] for t in story if t.startswith("^")),
            datelines=frozenset(t[1:] for t in story if t.startswith("~")),
            subjects=frozenset(t[4:] for t in subject if t.startswith("sbj:")),
            places=frozenset({t for p in (c.place or "").split(" | ") for t in p.split()} - GENERIC_NAMES),
            content=frozenset(t for t in subject if ":" not in t),
            quals=frozenset(t for t in subject if t.startswith("q:")),
            objects=objects,
            around=frozenset(name_tokens(c.sentence) | story) if objects else frozenset(),
            doers=frozenset(t[3:] for t in subject if t.startswith("by:")),
            persons=frozenset(t[4:] for t in subject if t.startswith("who:")),
            themes=frozenset(t[4:] for t in subject if t.startswith("thm:")),
        )
        if len(_FEATURES) >= _FEATURES_MAX:
            _FEATURES.clear()  # a bounded memo: recomputing is cheap, unbounded growth is not
        _FEATURES[c.claim_id] = f
    return f


#: figures that describe one event as a whole (not counts that add up over its parts): where one report
#: places the event, the figure is still about the whole event
EVENT_PROPERTIES = frozenset({"magnitude", "spilled", "derailed", "aboard"})

#: last words of place names that are venues of an event, not parts of an area: a rally "on Roubedorf
#: Boulevard" is the whole rally, not a district's share of it
VENUE_HEADS = frozenset(
    {"boulevard", "square", "street", "avenue", "road", "park", "stadium", "plaza", "esplanade", "arena"}
)


def _venue_only(c: Claim) -> bool:
    places = [p.split() for p in (c.place or "").split(" | ") if p.strip()]
    return bool(places) and all(p[-1] in VENUE_HEADS for p in places)


#: a place named with a part of it ("Karvell's old town", "the outskirts of Karvell"): a sub-area, not the
#: place as a whole ("the town of Karvell", "Karvell's mayor")
_PART_NOUNS = (
    r"(?:old town|outskirts|suburbs?|districts?|neighbou?rhoods?|parts?|areas?|centre|center|"
    r"north|south|east|west|northern|southern|eastern|western|central)"
)


def _sub_area(c: Claim) -> bool:
    sentence = c.sentence.lower()
    for place in filter(None, (p.strip() for p in (c.place or "").split(" | "))):
        name = re.escape(place)
        if re.search(rf"\b{name}['’]s (?:\w+ )?{_PART_NOUNS}\b", sentence) or re.search(
            rf"\b{_PART_NOUNS} (?:\w+ )?of (?:the )?(?:\w+ )?{name}\b", sentence
        ):
            return True
    return False


def _story_place(placed: Claim, unplaced: Claim) -> bool:
    """The placed claim names only places the other claim's story is anchored to (its dateline or lead
    places), and names them whole: the two figures are about one scope, the other report's figure only
    leaves its place unsaid."""
    own = _features(placed).places
    anchors = {t[1:] for t in _features(unplaced).story if t.startswith("@")}
    return bool(own) and own <= anchors and not _sub_area(placed)


def _one_speaker(a: Claim, b: Claim) -> bool:
    """Within one report, two speaker phrases for one person: the name one ends with is in the other
    ("Fisheries Minister Joannes Hansen" and, later, "Hansen")."""
    wa, wb = a.speaker.split(), b.speaker.split()
    if not wa or not wb or "person" not in (a.speaker_kind, b.speaker_kind):
        return False
    return (wa[-1][:1].isupper() and wa[-1] in wb) or (wb[-1][:1].isupper() and wb[-1] in wa)


def _same_report(a: Claim, b: Claim) -> bool:
    """One version of one article. Two versions of an article (same id, changed content) are two reports
    by the same outlet at two times: a figure the revision changes is compared like a later report's."""
    return a.article_id == b.article_id and a.article_version == b.article_version


def _same_story(a: Claim, b: Claim, cfg: DetectConfig) -> float:
    """0 when the claims are about different stories, else a similarity in (0, 1]."""
    if a.article_id == b.article_id:
        return 1.0
    dt = abs((a.published_at - b.published_at).total_seconds()) / 86400
    fa, fb = _features(a), _features(b)
    sa, sb = fa.story, fb.story
    common = fa.names & fb.names
    if dt <= cfg.story_window_days:
        sim = _story_similarity(a, b, sa, sb, common, dt, cfg)
        if sim > 0:
            return sim
    if (
        a.time_scope
        and a.time_scope == b.time_scope
        and common
        and dt <= cfg.period_window_days
        and "outlet" not in (a.speaker_kind, b.speaker_kind)
        and same_claimant(a.claimant, b.claimant)
    ):
        return 0.5  # one claimant revisiting the same stated period ("first quarter", "2024/25")
    return 0.0


def _story_similarity(
    a: Claim,
    b: Claim,
    sa: frozenset[str],
    sb: frozenset[str],
    common: frozenset[str],
    dt: float,
    cfg: DetectConfig,
) -> float:
    if len(common) < cfg.min_story_overlap:
        # one shared name is enough, days apart at most, when both claims or both leads name it as the
        # place, or when one lead places it and the claims share the words around them ("Fez" + "stadium
        # safety inspection"): a shared surname or organisation alone never joins two stories
        marked = {t[1:] for t in sa | sb if t.startswith("@")}
        shared_place = _place_tokens(a) & _place_tokens(b) & common
        shared_words = _content_tokens(a) & _content_tokens(b)
        if not (
            common
            and dt <= cfg.near_days
            and (
                shared_place
                or any(f"@{t}" in sa and f"@{t}" in sb for t in common)
                or (common & marked and len(shared_words) >= cfg.min_shared_words)
            )
        ):
            return 0.0
    return len(common) / max(1, min(len(_features(a).names), len(_features(b).names)))


def _content_tokens(c: Claim) -> frozenset[str]:
    return _features(c).content


def _place_tokens(c: Claim) -> frozenset[str]:
    return _features(c).places


def _places_compatible(a: Claim, b: Claim) -> bool:
    if not a.place or not b.place:
        return True
    pa, pb = _place_tokens(a), _place_tokens(b)
    if pa & pb:
        return True
    # a region a dateline names as containing the story's place ("GAZIPUR, Bangladesh") contains the other
    regions = _features(a).regions | _features(b).regions
    if bool(pa) and pa <= regions or bool(pb) and pb <= regions:
        return True
    # one names the place the other's article is datelined from: that article's figure is about it too,
    # unless its own place is said to lie beside it ("neighbouring Cabo Delgado province")
    if bool(pa) and pa <= _features(b).datelines and not _beside(b):
        return True
    return bool(pb) and pb <= _features(a).datelines and not _beside(a)


_BESIDE = re.compile(r"\b(?:neighbou?ring|adjacent|adjoining|nearby|bordering|next-door)\s+", re.IGNORECASE)


def _beside(c: Claim) -> bool:
    """The claim's place is introduced as next to another ("in neighbouring Cabo Delgado")."""
    words = [w for w in (c.place or "").split(" | ") if w]
    low = c.sentence.lower()
    if any(_BESIDE.match(w + " ") for w in words):
        return True  # (a capitalised "Neighbouring" opening the sentence read into the name)
    starts = [low.find(w) for w in words]
    return any(m.end() <= i <= m.end() + 12 for m in _BESIDE.finditer(c.sentence) for i in starts)


def _periods_compatible(a: Claim, b: Claim) -> bool:
    """Explicit periods must agree; a claim about a past year never meets one about the present."""
    sa, sb = (
        set(filter(None, (a.time_scope or "").split(","))),
        set(filter(None, (b.time_scope or "").split(","))),
    )
    if sa and sb:
        return bool(sa & sb)
    one, other = (sa, b) if sa else (sb, a)
    if not one:
        return True
    if all(s.startswith("since ") for s in one) or "past" in one or "habitual" in one:
        return False  # a running total ("since mid-June"), a past period ("that year"), a habitual rate
    years = {s for s in one if s[:4].isdigit()}
    return not years or str(other.published_at.year) in {y[:4] for y in years}


def _names_compatible(a: Claim, b: Claim) -> bool:
    """Statements: when both name what the outcome is about (names after the trigger), one side's names must
    occur in the other's sentence or story ("clears the cement merger" never meets "blocks the app
    takeover")."""
    fa, fb = _features(a), _features(b)
    # outcomes said of a thing ("the Ciudad Hidalgo crossing has reopened", "La Mesilla crossing remains
    # closed"): two different named subjects are two things; most names shared is one
    sa, sb = fa.subjects, fb.subjects
    if a.measure in THING_OUTCOMES and sa and sb and len(sa & sb) * 2 < len(sa | sb):
        return False
    if fa.objects and fb.objects:
        return bool(fa.objects & fb.around) or bool(fb.objects & fa.around)
    return True


def _far_enough(a: Claim, b: Claim, cfg: DetectConfig) -> bool:
    """Disjoint intervals far enough apart: a relative gap for counts and amounts, points for percentages
    (a rate revised from 4.9 % to 4.6 % is a real revision however small relative to 4.9)."""
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if fa.unit == "percent" and fb.unit == "percent":
        lo_a, hi_a = fa.low or 0.0, fa.high if fa.high is not None else float("inf")
        lo_b, hi_b = fb.low or 0.0, fb.high if fb.high is not None else float("inf")
        return max(lo_b - hi_a, lo_a - hi_b) >= cfg.min_points
    bounded = fa.bound in _ONE_SIDED or fb.bound in _ONE_SIDED
    return _gap(a, b) >= (cfg.min_gap_bound if bounded else cfg.min_gap)


#: bounds a speaker states on one side: a figure beyond one contradicts it by more than rounding
_ONE_SIDED = frozenset({"at_least", "more_than", "less_than", "at_most"})


def _gap(a: Claim, b: Claim) -> float:
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


def _above(later: Claim, earlier: Claim) -> bool:
    """The later figure is at least as high as the earlier one (a rising count)."""
    fl, fe = later.figure, earlier.figure
    assert fl is not None and fe is not None
    return (fl.high if fl.high is not None else float("inf")) >= (fe.low or 0.0) and (
        (fl.value or fl.low or 0.0) >= (fe.value or fe.low or 0.0)
    )


def _subgroup(counted: str | None) -> bool:
    return counted is not None and (counted in SUBGROUPS or counted[:1].isupper())


def _units_compatible(a: Claim, b: Claim) -> bool:
    fa, fb = a.figure, b.figure
    assert fa is not None and fb is not None
    if fa.unit != fb.unit:
        return False
    if fa.counted != fb.counted and (_subgroup(fa.counted) or _subgroup(fb.counted)):
        return False  # a count of women, children or Israelis is a part of a count of people
    if fa.counted and fb.counted and fa.counted != fb.counted:
        # "people" covers any group of persons, not objects ("12 injured people" never meets "120 units")
        other = fb.counted if fa.counted == "people" else fa.counted if fb.counted == "people" else None
        return other is not None and (other in PERSON_CLASSES or is_person_noun(other))
    return True


def _quals(c: Claim) -> frozenset[str]:
    return _features(c).quals


def alert_id(rule: str, a: Claim, b: Claim) -> str:
    """The id of the alert `rule` raises on the pair (a, b), in either order."""
    pair = sorted([a.claim_id, b.claim_id])
    return hashlib.sha1(f"{rule}|{pair[0]}|{pair[1]}".encode()).hexdigest()[:24]


def pair_order(c: Claim) -> tuple[object, ...]:
    """Sort key of the two claims of a pair: the older first (published_at, article id, sentence index), the
    order of an alert's claims."""
    return (c.published_at, c.article_id, c.sentence_index)


def as_sentence(why: str) -> str:
    """An alert's explanation from a rule's account of the pair."""
    return why[:1].upper() + why[1:] + "."


def alert_confidence(confidence: float, story: float) -> float:
    """An alert's confidence: the rule's, scaled down by a weak story match."""
    return round(confidence * (0.85 + 0.15 * min(1.0, story)), 3)


def _describe(c: Claim) -> str:
    who = c.speaker if c.speaker_kind != "outlet" else f"{c.source} (unattributed)"
    if c.figure is not None:
        return f"{who} gives {c.figure.text!r}"
    return f"{who} {'asserts' if c.polarity > 0 else 'denies'} {c.measure.replace('_', ' ')}"


def _numeric(old: Claim, new: Claim, cfg: DetectConfig) -> tuple[str, float, str] | str:
    if new.figure is None or old.figure is None or not _units_compatible(old, new):
        return "different_unit"
    gap = _gap(old, new)  # (far enough apart: judge's check)
    va, vb = old.figure.value or old.figure.low, new.figure.value or new.figure.low  # type: ignore[union-attr]
    if va and vb and max(va, vb) / min(va, vb) > cfg.max_ratio:
        # orders of magnitude apart: a different scope (national vs local), not a dispute
        return "scale_apart"
    if _quals(old) != _quals(new):
        # "imported cases" vs "local cases", "partly damaged" vs "destroyed": different measures
        return "different_qualifier"
    doers = _features(old).subjects, _features(new).subjects
    if doers[0] and doers[1] and not (doers[0] <= doers[1] or doers[1] <= doers[0]):
        # two different doers ("Meridian cancelled 340 flights", "Skyline cancelled 90")
        return "different_doers"
    lower, higher = (
        (old, new)
        if (old.figure.value or old.figure.low or 0) < (new.figure.value or new.figure.low or 0)
        else (new, old)
    )  # type: ignore[union-attr]  # noqa: E501
    lower_part = bool(lower.place) and "nationwide" not in (lower.place or "") and not higher.place
    # a lower figure about the very place the other report's story is anchored to (its dateline, its
    # lead) is about the same scope as that report's unplaced figure, not a part of it
    lower_part = lower_part and not _story_place(lower, higher)
    higher_whole = "nationwide" in (higher.place or "") and "nationwide" not in (lower.place or "")
    if new.figure.unit == "percent":
        # a part's rate is not bounded by the whole's: only a rate about another named place is another
        # scope (that is _places_compatible's)
        higher_whole = False
    if (
        (lower_part or higher_whole)
        and not _venue_only(lower if lower.place else higher)
        and new.measure not in EVENT_PROPERTIES
    ):
        # the lower figure is about a named part, or the higher one about the whole country: a subset
        return "part_of_whole"
    if _same_report(old, new) and (
        "outlet" in (old.speaker_kind, new.speaker_kind)
        or same_claimant(old.claimant, new.claimant)
        or new.measure.startswith("count:")
    ):
        return "same_report"  # within one report only two named claimants disagreeing count
    earlier, later = (
        (old, new) if (old.published_at, old.article_id) <= (new.published_at, new.article_id) else (new, old)
    )
    same_time = _same_report(earlier, later)
    hours = (later.published_at - earlier.published_at).total_seconds() / 3600
    measure = new.measure
    level = measure.startswith("open:") and not new.cumulative  # an open measure of a level (a percentage)
    changing = measure in ("missing", "outage", "fill_level") or level
    if changing and hours > cfg.state_window_hours and not same_time:
        return "state_changed"
    rule = RULE_NUMERIC
    if new.cumulative and not same_time:
        if _above(later, earlier):
            lo_e = earlier.figure.high or earlier.figure.value or earlier.figure.low or 0  # type: ignore[union-attr]
            hi_l = later.figure.low or later.figure.value or 0  # type: ignore[union-attr]
            jump = hi_l / lo_e if lo_e else 0.0
            # two claimants' counts at about the same moment must agree; the longer apart, the more a
            # count may have grown (ratio needed: 1.5 at once, cfg.same_time_ratio at cfg.same_time_hours)
            needed = 1.5 + (cfg.same_time_ratio - 1.5) * min(1.0, hours / cfg.same_time_hours)
            if not (
                hours <= cfg.same_time_hours
                and jump >= needed
                and not same_claimant(old.claimant, new.claimant)
            ):
                return "cumulative_update"  # a rising running total: an update
        else:
            rule = RULE_CUMULATIVE
    if same_claimant(old.claimant, new.claimant) and not same_time:
        rule = RULE_REVISION
    confidence = 0.55 + 0.25 * min(1.0, gap * 1.5)
    if old.speaker_kind != "outlet" and new.speaker_kind != "outlet":
        confidence += 0.1
    if old.place and new.place:
        confidence += 0.05
    what = measure.replace("count:", "").replace("amount:", "").replace("_", " ")
    if rule == RULE_CUMULATIVE:
        why = (
            f"the running count of {what} falls from {earlier.figure.text!r} ({earlier.speaker}) to "  # type: ignore[union-attr]
            f"{later.figure.text!r} ({later.speaker}) {hours:.0f} h later, with no stated revision"
        )
    elif rule == RULE_REVISION:
        old_text, new_text = earlier.figure.text, later.figure.text  # type: ignore[union-attr]
        why = f"{later.speaker} changes the figure for {what} from {old_text!r} to {new_text!r}"
        if earlier.article_id == later.article_id:
            why = f"{later.source} revised article {later.article_id}: {why}"
    else:
        why = f"incompatible figures for {what}: {_describe(old)}, {_describe(new)} (gap {gap:.0%})"
    return rule, min(confidence, 0.97), why


_DURATION = re.compile(r"\b(?:second|minute|hour|day|week|month|year)s?\b", re.I)


def _partial(c: Claim) -> bool:
    """The claim's sentence counts what the outcome reached ("restored power to 40,000 homes", "to 80
    percent of customers"): it says how far the outcome got, not that it is complete."""
    body = strip_dateline(c.sentence)[0]
    return any(
        f.value is not None and not _DURATION.search(body[f.end : f.end + 12])
        for f in find_figures(body, max_figures=8)
    )


#: words by which a later report maintains an act as already done: it answers an earlier denial
_REASSERTED = re.compile(
    r"\b(?:confirm\w*|stands? by|stood by|maintain\w*|reiterat\w*|insist\w*|already|repeated\w*|"
    r"last (?:week|month|year)|earlier|previously)\b",
    re.IGNORECASE,
)


#: a present perfect and no past perfect or future: the act has happened by now ("we have reached", "has
#: finally been signed"), not at the story's event ("the quake had damaged") nor in a plan ("will cut")
_HAS_NOW_HAPPENED = re.compile(
    r"^(?!.*\b(?:had|will|would|shall)\b).*\b(?:has|have|'ve)\s+(?:now\s+|finally\s+|just\s+)?"
    r"(?:been\s+)?\w+(?:ed|en|t)\b",
    re.IGNORECASE | re.DOTALL,
)


def _themes_meet(a: _Features, b: _Features) -> bool:
    """Two acts' themes are one thing: the same word, a name shared by the two themes' phrases, or one
    theme named by the other's own words ("part of its fleet ..., saying all of its turboprops ...")."""
    return bool(a.themes & b.themes or a.objects & b.objects or a.themes & b.content or b.themes & a.content)


def _statement(old: Claim, new: Claim, cfg: DetectConfig) -> tuple[str, float, str] | str:
    if not _names_compatible(old, new):  # (opposite polarities: judge's check)
        return "different_names"
    da, db = _features(old).doers, _features(new).doers
    if da and db and not da & db:
        # "gunmen opened fire" and "our troops did not open fire": two doers, both may be true
        return "different_doers"
    ta, tb = _features(old).themes, _features(new).themes
    if ta and tb and not _themes_meet(_features(old), _features(new)):
        # "grounded six ATR turboprops" and "did not ground part of its ATR fleet" are one thing (a name
        # shared); "closed the road" and "did not close the school" are two
        return "different_theme"
    pa, pb = _features(old).persons, _features(new).persons
    if pa and pb and not (pa & pb or (pa | pb) & GENERIC_PERSONS):
        return "different_groups"  # "arrested two journalists" and "no protester was arrested": two groups
    hours = abs((new.published_at - old.published_at).total_seconds()) / 3600
    if (
        new.measure in STATE_OUTCOMES
        and old.article_id != new.article_id
        and hours > cfg.state_outcome_hours
        and not (_AT_EVENT.search(old.sentence) or _AT_EVENT.search(new.sentence))
    ):
        # a state that changes (supply restored, talks, operations): a later report is an update
        return "state_update"
    if (
        old.polarity < 0
        and new.polarity > 0
        and old.certainty != "denied"
        and old.article_id != new.article_id
        and new.published_at > old.published_at
        and hours > cfg.state_outcome_hours
        and _HAS_NOW_HAPPENED.search(new.sentence)
        and not _REASSERTED.search(new.sentence)
        and not (_AT_EVENT.search(old.sentence) or _AT_EVENT.search(new.sentence))
    ):
        # "no agreement has been reached" on Tuesday, "we have reached an agreement" on Saturday: what had
        # not happened then has happened since (a later report that maintains an earlier act still meets)
        return "happened_since"
    if new.measure == "restored" and _partial(old if old.polarity > 0 else new):
        # "crews reconnected 23,000 customers": progress on a part, not the end of the outage
        return "partial_progress"
    same = same_claimant(old.claimant, new.claimant)
    if _same_report(old, new) and (same or _one_speaker(old, new)):
        return "same_speaker_same_report"  # one speaker describing two aspects in one report
    if same and new.measure in RECOVERY_OUTCOMES:
        earlier, later = (old, new) if old.published_at <= new.published_at else (new, old)
        if earlier.published_at < later.published_at and earlier.polarity < 0 < later.polarity:
            return "recovery_progress"  # the claimant reports the repair of what it reported broken: progress
    outlets = (old.speaker_kind == "outlet") + (new.speaker_kind == "outlet")
    if outlets == 2 or (outlets and (same or _same_report(old, new))):
        return "outlet_narrative"  # an outlet's own narrative is not a party to the dispute
    rule = RULE_STATEMENT_REVISION if same else RULE_STATEMENT
    confidence = 0.6
    if old.speaker_kind != "outlet" and new.speaker_kind != "outlet":
        confidence += 0.15
    if "hedged" in (old.certainty, new.certainty):
        confidence -= 0.2
    if "denied" in (old.certainty, new.certainty):
        confidence += 0.1
    what = new.measure.replace("_", " ")
    pos, neg = (old, new) if old.polarity > 0 else (new, old)
    if same:
        why = f"{new.speaker} reverses its account of {what}: first {'asserted' if old.polarity > 0 else 'denied'}, then {'asserted' if new.polarity > 0 else 'denied'}"  # noqa: E501
    else:
        why = f"{pos.speaker} asserts {what}; {neg.speaker} denies or contradicts it"
    return rule, min(confidence, 0.95), why


def judge(old: Claim, new: Claim, cfg: DetectConfig = DEFAULT) -> tuple[str, float, str, float] | str:
    """The decision on one pair of claims under one key: `(rule, confidence, why, story similarity)` when
    they conflict, else the reason code of the first check that stopped them (`REJECTIONS`)."""
    if old.claim_id == new.claim_id:
        return "same_claim"
    if new.kind == "statement" and old.polarity == new.polarity:
        return "same_polarity"
    if new.kind == "numeric" and (
        old.figure is None or new.figure is None or old.figure.unit != new.figure.unit
    ):
        return "different_unit"
    if new.kind == "numeric" and not _far_enough(old, new, cfg):
        return "compatible_figures"  # (the cheap checks above run before the story match)
    story = _same_story(old, new, cfg)
    if story <= 0:
        return "different_story"
    if not _places_compatible(old, new):
        return "different_place"
    if not _periods_compatible(old, new):
        return "different_period"
    if _same_report(old, new) and (
        old.sentence_index == new.sentence_index or min(old.sentence_index, new.sentence_index) < 0
    ):
        return "same_sentence"  # within one report, a headline summarises both sides: compare body sentences
    decided = _numeric(old, new, cfg) if new.kind == "numeric" else _statement(old, new, cfg)
    if isinstance(decided, str):
        return decided
    return (*decided, story)


#: the reason code of a pair `detect` passes over because the dispute is already on record (`_restated`)
RESTATED_DISPUTE = "restated_dispute"


#: every reason code `judge` can return, in the order the checks run
REJECTIONS: tuple[str, ...] = (
    "same_claim",
    "same_polarity",
    "different_unit",
    "compatible_figures",
    "different_story",
    "different_place",
    "different_period",
    "same_sentence",
    "scale_apart",
    "different_qualifier",
    "different_doers",
    "part_of_whole",
    "same_report",
    "state_changed",
    "cumulative_update",
    "different_names",
    "different_theme",
    "different_groups",
    "state_update",
    "partial_progress",
    "happened_since",
    "same_speaker_same_report",
    "recovery_progress",
    "outlet_narrative",
    RESTATED_DISPUTE,
)

#: one line for each reason code, what it means (`claimwatch explain`, docs/METHOD.md)
REASONS_TEXT: dict[str, str] = {
    "same_claim": "one and the same claim on both sides",
    "same_polarity": "statements that both assert, or both deny, the outcome",
    "different_unit": "figures in different units, or counting different things (people against objects, "
    "a group by sex, age or nationality against all people)",
    "compatible_figures": "the figures agree: their intervals overlap or are closer than the margin (8 % "
    "of the larger, 3 % against a stated bound, 0.15 points between percentages)",
    "different_story": "not the same story: too few distinctive names shared by the two articles' title, "
    "lead and dateline within the story window, and no claimant revisiting a stated period",
    "different_place": "both name a place, and not the same one (nor a region or dateline containing it)",
    "different_period": "different stated periods, or a running total or past period against an unscoped "
    "figure",
    "same_sentence": "within one report, the same sentence or the headline (a headline summarises both "
    "sides)",
    "scale_apart": "figures more than 50 times apart: a different scope, not a dispute",
    "different_qualifier": "different qualifiers make different measures (imported against local cases, "
    "partly damaged against destroyed)",
    "different_doers": "two different named doers of the act; both may be true",
    "part_of_whole": "the lower figure is about a named part (not the other report's own story place) and "
    "the higher about the unplaced or nationwide whole: a subset",
    "same_report": "two figures of one report that are not two named claimants disagreeing",
    "state_changed": "a level that changes (outage, missing, a rate) reported more than 12 hours apart",
    "cumulative_update": "a running total that rises over time: an update, not a dispute",
    "different_names": "statements about two different named things",
    "different_theme": "the same act done to two different things: neither the same word, nor a shared "
    "name, nor one named by the other's words",
    "different_groups": "statements about two different groups of persons",
    "state_update": "an outcome that changes over time (supply, operations, functioning) reported more "
    "than 8 hours apart, the moment not fixed",
    "partial_progress": "a restoration that counts how far it got: progress, not a denial of the outage",
    "happened_since": "what one report said had not happened, a later report says has happened: it happened "
    "since (a later report that maintains the act as already done still meets the earlier denial)",
    "same_speaker_same_report": "one speaker describing two aspects in one report",
    "recovery_progress": "one claimant reporting the repair of what it had reported broken: progress",
    "outlet_narrative": "an outlet's own narrative is not a party to a dispute",
    RESTATED_DISPUTE: "the claimant had already made the same claim against the other side, and that pair "
    "conflicts: a repeat of a dispute on record, not a new one",
}


def _repeats(h: Claim, c: Claim, cfg: DetectConfig) -> bool:
    """`h`, in an earlier article, is the claim `c`'s claimant makes again in `c`."""
    if h.claim_id == c.claim_id or h.key != c.key or h.article_id == c.article_id:
        return False
    if h.published_at >= c.published_at or h.speaker_kind != c.speaker_kind:
        return False
    if not same_claimant(h.claimant, c.claimant):
        return False
    if c.kind == "statement":
        return h.polarity == c.polarity
    return h.figure is not None and not _far_enough(h, c, cfg)


def _restated(old: Claim, new: Claim, candidates: list[Claim], cfg: DetectConfig) -> bool:
    """One side of the pair repeats what its claimant had said in an earlier article, and that earlier claim
    already conflicts with the other side: the dispute is on record, and a report that repeats it (a later
    article, a summary of both sides) is not a new one."""
    for h in candidates:
        if h.claim_id in (old.claim_id, new.claim_id):
            continue
        for mine, other in ((new, old), (old, new)):
            if _repeats(h, mine, cfg):
                first, second = sorted((other, h), key=pair_order)
                if not isinstance(judge(first, second, cfg), str):
                    return True
    return False


def detect(
    batch: ClaimBatch,
    history: Iterable[Claim],
    cfg: DetectConfig = DEFAULT,
    rejected: Counter[str] | None = None,
) -> list[Alert]:
    """Alerts for the new claims in `batch` against `history` and against each other. With `rejected`,
    every pair considered and not alerted is counted there under the reason code that stopped it."""
    # one pass over the history: the article's own earlier versions (always compared), and the claims of
    # other articles sharing a name with any new claim (the only ones that can be in the same story; set
    # disjointness, in C); the claims of this very version are the batch itself
    version = batch.claims[0].article_version if batch.claims else None
    wanted = frozenset().union(*(_features(c).names for c in batch.claims))
    pool: list[tuple[Claim, frozenset[str]]] = []
    same_article: list[Claim] = []
    article_id = batch.article_id
    memo = _FEATURES.get
    disjoint = wanted.isdisjoint
    for c in history:
        if c.article_id == article_id:
            if c.article_version == version:
                continue
            same_article.append(c)
        if wanted:
            f = memo(c.claim_id) or _features(c)  # (the memo, read inline: this loop runs per stored claim)
            if not disjoint(f.names):
                pool.append((c, f.names))
    best: dict[tuple[str, str], tuple[float, Alert]] = {}
    for i, new in enumerate(batch.claims):
        names = _features(new).names
        near = [c for c, other in pool if not names.isdisjoint(other)]
        candidates = [*near, *same_article, *batch.claims[:i]]
        for old in candidates:
            decided = judge(old, new, cfg)
            if not isinstance(decided, str) and _restated(old, new, candidates, cfg):
                decided = RESTATED_DISPUTE
            if isinstance(decided, str):
                if rejected is not None:
                    rejected[decided] += 1
                continue
            rule, confidence, why, story = decided
            confidence = alert_confidence(confidence, story)
            first, second = sorted((old, new), key=pair_order)
            alert = Alert(
                alert_id=alert_id(rule, first, second),
                kind=RULES[rule],
                same_source=rule in (RULE_REVISION, RULE_STATEMENT_REVISION),
                confidence=confidence,
                rule=rule,
                explanation=as_sentence(why),
                key=batch.key,
                claims=[first, second],
            )
            group = (old.article_id, new.article_id)
            rank = confidence + sum(
                0.03 / (1 + (c.sentence_index if c.sentence_index >= 0 else 2)) for c in (old, new)
            )
            rank += 0.01 * sum(c.speaker_kind in ("person", "organisation") for c in (old, new))
            if old.article_id == new.article_id:
                rank += 0.02 / (1 + abs(old.sentence_index - new.sentence_index))
            if (
                group not in best
                or rank > best[group][0]
                or (rank == best[group][0] and alert.alert_id < best[group][1].alert_id)
            ):
                best[group] = (rank, alert)
    return [a for _, a in sorted(best.values(), key=lambda x: x[1].alert_id)]
