"""Detection's checks about moments: a state that has changed since, a later moment of an act, what is
not yet due, what has happened since, partial progress. Each returns `PASS` (None) or the reason code that
stops the pair; checks.py runs them in its order.
"""

from __future__ import annotations

from .moments import (
    AT_EVENT,
    HAS_NOW_HAPPENED,
    REASSERTED,
    STILL_IN_STATE,
    dated_to_report,
    done_after,
    partial,
)
from .pair import PASS, Pair
from .relations import changes


def state_close_in_time(p: Pair) -> str | None:
    """A state that changes (supply restored, operations, functioning), or a thing said to remain in a
    state that a later report says has left it: a later report is an update, unless a claim fixes the
    moment ("worked before the collision"), or the later one dates its state to the day of the earlier
    report."""
    old, new = p.old, p.new
    stayed = (
        p.ordered[0] is old
        and old.certainty != "denied"
        and STILL_IN_STATE.search(old.sentence) is not None
        and old.polarity < 0 < new.polarity
    )
    if (
        (changes(new) or stayed)  # ("the bridge remained closed on Wednesday"; reopened the next day)
        and old.article_id != new.article_id
        and p.hours > p.cfg.state_outcome_hours
        and not (AT_EVENT.search(old.sentence) or AT_EVENT.search(new.sentence))
        and not dated_to_report(new, old)
    ):
        return "state_update"
    return PASS


def not_later_moment(p: Pair) -> str | None:
    """ "the airport was closed for the afternoon" on Sunday, "the airport reopened on Monday morning": the
    later report dates its act after the day of the earlier one; a later moment, not the same one."""
    if p.old.article_id != p.new.article_id and done_after(p.new, p.old):
        return "later_moment"
    return PASS


def not_yet_due(p: Pair) -> str | None:
    """ "the embassy will close on 31 March" and "the embassy has not closed": what one report says will
    happen, another says has not happened yet; not at odds (a denial that it will happen still meets)."""
    will, now = (p.old, p.new) if p.old.features.future else (p.new, p.old)
    if will.features.future and not now.features.future and will.polarity > 0 > now.polarity:
        return "not_yet_due"
    return PASS


def not_happened_since(p: Pair) -> str | None:
    """ "no agreement has been reached" on Tuesday, "we have reached an agreement" on Saturday: what had not
    happened then has happened since (a later report that maintains an earlier act still meets)."""
    old, new = p.old, p.new
    if (
        old.polarity < 0
        and new.polarity > 0
        and old.certainty != "denied"
        and old.article_id != new.article_id
        and new.published_at > old.published_at
        and p.hours > p.cfg.state_outcome_hours
        and (HAS_NOW_HAPPENED.search(new.sentence) or done_after(new, old))
        and not REASSERTED.search(new.sentence)
        and not (AT_EVENT.search(old.sentence) or AT_EVENT.search(new.sentence))
    ):
        return "happened_since"
    return PASS


def not_partial(p: Pair) -> str | None:
    """ "crews reconnected 23,000 customers": progress on a part, not the end of the outage."""
    old, new = p.old, p.new
    if new.features.measure.name == "restored" and partial(old if old.polarity > 0 else new):
        return "partial_progress"
    return PASS


__all__ = ["not_happened_since", "not_later_moment", "not_partial", "not_yet_due", "state_close_in_time"]
