"""Detection's checks: an ordered list of named checks, each a small function of one pair of claims that
returns `PASS` (None) or the reason code that stops the pair. Reads: a `Pair` (two claims under one key,
the earlier stored one first, and the settings). Emits: a reason code, or `PASS`. `CHECKS` is the order
they run in (cheap ones first); the first that fails names the pair (`REJECTIONS` lists the codes in
order, `REASONS_TEXT` says what each means); a pair that passes every check of its kind conflicts
(`rules.py` names the rule).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from .figures import above, far_enough, part_given, sums_to, units_compatible
from .moment_checks import not_happened_since, not_later_moment, not_partial, not_yet_due, state_close_in_time
from .moments import CONTRASTED
from .pair import PASS, Pair
from .placing import places_compatible, story_place, venue_only
from .reasons import RESTATED_DISPUTE
from .relations import (
    GENERIC_PERSONS,
    closed_period,
    corrects,
    features,
    is_state,
    names_compatible,
    of_event,
    one_speaker,
    periods_compatible,
    quals,
    recovers,
)
from .themes import act_alone, owners_apart, themes_meet
from .winners import CAUSE, WIN

Kind = Literal["numeric", "statement"]


# -- every kind --------------------------------------------------------------------------------------------


def one_claim(p: Pair) -> str | None:
    return "same_claim" if p.old.claim_id == p.new.claim_id else PASS


def not_both_read_as_class(p: Pair) -> str | None:
    """Two open readings of acts a listed class reads too: the class's claims compare them, with its own
    rules (a state that changes, who must act); the open readings meet only other reports' open acts."""
    a, b = p.old.features, p.new.features
    if (a.read_as is not None and a.read_as in (b.read_as, *b.classes)) or (
        b.read_as is not None and b.read_as in a.classes
    ):
        return "read_as_class"  # (an article with the class's own claim meets the other under the class)
    return PASS


def exclusive(p: Pair) -> bool:
    """An act only one party can do (winning a contest, causing a thing): who did it decides, not only the
    polarity."""
    return p.new.features.measure.open and p.new.features.measure.family in (WIN, CAUSE)


def opposite_polarity(p: Pair) -> str | None:
    """Assert against deny; for an exclusive act, also two parties each said to have done it ("Lind won",
    "Ortega won"), while one party winning and another not is no conflict."""
    if exclusive(p):
        da, db = features(p.old).doers, features(p.new).doers
        if p.old.polarity != p.new.polarity:
            return PASS if da & db else "same_polarity"  # "Lind won", "Ortega did not": they agree
        return PASS if p.old.polarity > 0 and da and db and not da & db else "same_polarity"
    return "same_polarity" if p.old.polarity == p.new.polarity else PASS


def same_unit(p: Pair) -> str | None:
    fo, fn = p.old.figure, p.new.figure
    if fo is None or fn is None or fo.unit != fn.unit:
        return "different_unit"
    return PASS


def figures_apart(p: Pair) -> str | None:
    """Figures too close to be a dispute agree, unless one report says the other's figure is wrong ("172
    survived, not 174")."""
    if far_enough(p.old, p.new, p.cfg) or corrects(p.old, p.new) or corrects(p.new, p.old):
        return PASS
    return "compatible_figures"


def one_story(p: Pair) -> str | None:
    return "different_story" if p.story <= 0 else PASS


def one_place(p: Pair) -> str | None:
    return PASS if places_compatible(p.old, p.new) else "different_place"


def one_period(p: Pair) -> str | None:
    return PASS if periods_compatible(p.old, p.new) else "different_period"


def two_sentences(p: Pair) -> str | None:
    """Within one report, a headline summarises both sides: compare body sentences."""
    old, new = p.old, p.new
    if p.same_report and (
        old.sentence_index == new.sentence_index or min(old.sentence_index, new.sentence_index) < 0
    ):
        return "same_sentence"
    return PASS


# -- figures -----------------------------------------------------------------------------------------------


def counted_alike(p: Pair) -> str | None:
    """Compatible counted nouns: a group by sex, age or nationality, or objects, never meet all people."""
    if p.new.figure is None or p.old.figure is None or not units_compatible(p.old, p.new):
        return "different_unit"
    return PASS


def one_scale(p: Pair) -> str | None:
    """Orders of magnitude apart: a different scope (national against local), not a dispute."""
    fo, fn = p.old.figure, p.new.figure
    assert fo is not None and fn is not None
    va, vb = fo.value or fo.low, fn.value or fn.low
    if va and vb and max(va, vb) / min(va, vb) > p.cfg.max_ratio:
        return "scale_apart"
    return PASS


def same_qualifiers(p: Pair) -> str | None:
    """ "imported cases" against "local cases", "partly damaged" against "destroyed": different measures."""
    qa, qb = quals(p.old), quals(p.new)
    if p.old.key == "numeric:deaths" and not (qa | qb) & {"suspected", "probable"}:  # "confirmed dead": how
        qa, qb = qa - {"confirmed"}, qb - {"confirmed"}  # sure, not another count (but not "suspected")
    return "different_qualifier" if qa != qb else PASS


def figure_doers(p: Pair) -> str | None:
    """Two different doers ("Meridian cancelled 340 flights", "Skyline cancelled 90"); the places that name
    an event are no doers ("the Monchique wildfire", "the fire in Portugal's Algarve")."""
    fa, fb = features(p.old), features(p.new)
    places = fa.anchors | fb.anchors | fa.places | fb.places
    da, db = fa.subjects - places, fb.subjects - places
    if da and db and not (da <= db or db <= da):
        return "different_doers"
    return PASS


def not_part_of_whole(p: Pair) -> str | None:
    """The lower figure about a named part, or the higher one about the whole country; or the lower and
    other counts of its sentence add up to the higher, or the higher's sentence names it as a part: a
    subset."""
    old, new = p.old, p.new
    assert old.figure is not None and new.figure is not None
    lower, higher = (
        (old, new)
        if (old.figure.value or old.figure.low or 0) < (new.figure.value or new.figure.low or 0)
        else (new, old)
    )
    lower_part = bool(lower.place) and "nationwide" not in (lower.place or "") and not higher.place
    # a lower figure about the very place the other report's story is anchored to (its dateline, its
    # lead) is about the same scope as that report's unplaced figure, not a part of it
    lower_part = lower_part and not story_place(lower, higher)
    higher_whole = "nationwide" in (higher.place or "") and "nationwide" not in (lower.place or "")
    if new.figure.unit == "percent":
        # a part's rate is not bounded by the whole's: only a rate about another named place is another
        # scope (that is one_place's)
        higher_whole = False
    if (
        (
            (lower_part or higher_whole)
            and not venue_only(lower if lower.place else higher)
            and not of_event(new)
        )
        or sums_to(lower, higher)
        or part_given(lower, higher)
    ):
        return "part_of_whole"
    return PASS


def two_claimants_of_one_report(p: Pair) -> str | None:
    """Within one report only two named claimants disagreeing count."""
    kinds = (p.old.speaker_kind, p.new.speaker_kind)
    if p.same_report and ("outlet" in kinds or p.same_claimant):
        return "same_report"
    return PASS


def level_close_in_time(p: Pair) -> str | None:
    """A level that changes (outages, missing, an open measure's percentage) meets only close in time."""
    if is_state(p.new) and p.hours > p.cfg.state_window_hours and not p.same_report:
        return "state_changed"
    return PASS


def not_rising_total(p: Pair) -> str | None:
    """A running total that rises over time is an update; unless two claimants' counts at about the same
    moment differ by more than a count can grow in that time (1.5 at once, cfg.same_time_ratio at
    cfg.same_time_hours) when the earlier report did not call its counts early ones, or the later report sets
    its count against the other ("three times the number given by the company"), or both count a period that
    had ended (a past year, an earlier month): a dispute about one total."""
    earlier, later = p.ordered
    if not p.new.cumulative or p.same_report or not above(later, earlier):
        return PASS
    assert earlier.figure is not None and later.figure is not None
    cfg, hours = p.cfg, p.hours
    lo_e = earlier.figure.high or earlier.figure.value or earlier.figure.low or 0
    hi_l = later.figure.low or later.figure.value or 0
    jump = hi_l / lo_e if lo_e else 0.0
    needed = 1.5 + (cfg.same_time_ratio - 1.5) * min(1.0, hours / cfg.same_time_hours)
    at_odds = (
        hours <= cfg.same_time_hours
        and jump >= needed
        and not (earlier.features.provisional and hours >= 1.0)  # (the first report said they would rise)
        or CONTRASTED.search(later.sentence) is not None  # "three times the number given by the company"
        or bool(closed_period(earlier) & closed_period(later))  # "52 poached in 2024": a closed total
    )
    return PASS if at_odds and not p.same_claimant else "cumulative_update"


# -- statements --------------------------------------------------------------------------------------------


def same_named_things(p: Pair) -> str | None:
    return PASS if names_compatible(p.old, p.new) else "different_names"


def act_doers(p: Pair) -> str | None:
    """ "gunmen opened fire" and "our troops did not open fire": two doers, both may be true."""
    if exclusive(p):
        return PASS  # (who did it was compared with the polarity)
    da, db = features(p.old).doers, features(p.new).doers
    return "different_doers" if da and db and not da & db else PASS


def one_theme(p: Pair) -> str | None:
    """ "grounded six ATR turboprops" and "did not ground part of its ATR fleet" are one thing (a name
    shared); "closed the road" and "did not close the school" are two."""
    fa, fb = features(p.old), features(p.new)
    apart = fa.themes and fb.themes and not themes_meet(fa, fb)
    if apart and (act_alone(p.old) or act_alone(p.new)):
        apart = False  # "there was no dismissal" names no one dismissed: it denies any dismissal in the story
    return "different_theme" if apart or owners_apart(p.old, p.new) else PASS


def one_group(p: Pair) -> str | None:
    """ "arrested two journalists" and "no protester was arrested": two groups."""
    pa, pb = features(p.old).persons, features(p.new).persons
    if pa and pb and not (pa & pb or (pa | pb) & GENERIC_PERSONS):
        return "different_groups"
    return PASS


def two_aspects(p: Pair) -> str | None:
    """One speaker (one claimant, or one person named twice) describing two aspects in one report."""
    if p.same_report and (p.same_claimant or one_speaker(p.old, p.new)):
        return "same_speaker_same_report"
    return PASS


def not_recovery(p: Pair) -> str | None:
    """The claimant reports the repair of what it reported broken: progress."""
    old, new = p.old, p.new
    if p.same_claimant and recovers(new):
        earlier, later = (old, new) if old.published_at <= new.published_at else (new, old)
        if earlier.published_at < later.published_at and earlier.polarity < 0 < later.polarity:
            return "recovery_progress"
    return PASS


def parties(p: Pair) -> str | None:
    """An outlet's own narrative is not a party to the dispute."""
    outlets = (p.old.speaker_kind == "outlet") + (p.new.speaker_kind == "outlet")
    if outlets == 2 or (outlets and (p.same_claimant or p.same_report)):
        return "outlet_narrative"
    return PASS


# -- the order ---------------------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class Check:
    """One named check: the reason code it returns, the claim kinds it applies to, the function."""

    reason: str
    kinds: frozenset[Kind]
    run: Callable[[Pair], str | None]

    @property
    def name(self) -> str:
        return self.run.__name__


_BOTH: frozenset[Kind] = frozenset({"numeric", "statement"})
_NUMERIC: frozenset[Kind] = frozenset({"numeric"})
_STATEMENT: frozenset[Kind] = frozenset({"statement"})

#: every check, in the order they run: cheap ones first, the story match after them
CHECKS: tuple[Check, ...] = (
    Check(reason="same_claim", kinds=_BOTH, run=one_claim),
    Check(reason="read_as_class", kinds=_STATEMENT, run=not_both_read_as_class),
    Check(reason="same_polarity", kinds=_STATEMENT, run=opposite_polarity),
    Check(reason="different_unit", kinds=_NUMERIC, run=same_unit),
    Check(reason="compatible_figures", kinds=_NUMERIC, run=figures_apart),
    Check(reason="different_story", kinds=_BOTH, run=one_story),
    Check(reason="different_place", kinds=_BOTH, run=one_place),
    Check(reason="different_period", kinds=_BOTH, run=one_period),
    Check(reason="same_sentence", kinds=_BOTH, run=two_sentences),
    Check(reason="different_unit", kinds=_NUMERIC, run=counted_alike),
    Check(reason="scale_apart", kinds=_NUMERIC, run=one_scale),
    Check(reason="different_qualifier", kinds=_NUMERIC, run=same_qualifiers),
    Check(reason="different_doers", kinds=_NUMERIC, run=figure_doers),
    Check(reason="part_of_whole", kinds=_NUMERIC, run=not_part_of_whole),
    Check(reason="same_report", kinds=_NUMERIC, run=two_claimants_of_one_report),
    Check(reason="state_changed", kinds=_NUMERIC, run=level_close_in_time),
    Check(reason="cumulative_update", kinds=_NUMERIC, run=not_rising_total),
    Check(reason="different_names", kinds=_STATEMENT, run=same_named_things),
    Check(reason="different_doers", kinds=_STATEMENT, run=act_doers),
    Check(reason="different_theme", kinds=_STATEMENT, run=one_theme),
    Check(reason="different_groups", kinds=_STATEMENT, run=one_group),
    Check(reason="state_update", kinds=_STATEMENT, run=state_close_in_time),
    Check(reason="later_moment", kinds=_STATEMENT, run=not_later_moment),
    Check(reason="not_yet_due", kinds=_STATEMENT, run=not_yet_due),
    Check(reason="happened_since", kinds=_STATEMENT, run=not_happened_since),
    Check(reason="partial_progress", kinds=_STATEMENT, run=not_partial),
    Check(reason="same_speaker_same_report", kinds=_STATEMENT, run=two_aspects),
    Check(reason="recovery_progress", kinds=_STATEMENT, run=not_recovery),
    Check(reason="outlet_narrative", kinds=_STATEMENT, run=parties),
)
#: the checks of each claim kind, in order
BY_KIND: dict[str, tuple[Check, ...]] = {
    kind: tuple(c for c in CHECKS if kind in c.kinds) for kind in ("numeric", "statement")
}

#: every reason code a check can return, in the order the checks run, then `RESTATED_DISPUTE`
REJECTIONS: tuple[str, ...] = (*dict.fromkeys(c.reason for c in CHECKS), RESTATED_DISPUTE)


def first_failing(p: Pair) -> str | None:
    """The reason code of the first check the pair fails, or `PASS`."""
    for check in BY_KIND[p.new.kind]:
        reason = check.run(p)
        if reason is not None:
            return reason
    return PASS
