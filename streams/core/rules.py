"""The rules that fire on a pair every check let through: which rule, its confidence and its account.

Reads: a `checks.Pair` that passed every check of its kind. Emits: `(rule, confidence, why)`. The rule says
who disagrees: two claimants (a dispute) or one claimant later (a revision, `same_source`); for a running
total, a later lower figure (`cumulative_decrease.v1`).
"""

from __future__ import annotations

from dataclasses import dataclass

from schemas import AlertKind, Claim

from .figures import above
from .pair import Pair
from .winners import WIN


@dataclass(frozen=True, kw_only=True)
class Rule:
    """One rule: its versioned name, the alert kind it raises, and whether it is one claimant revising its
    own claim (`same_source`)."""

    name: str
    kind: AlertKind
    same_source: bool


NUMERIC = Rule(name="numeric_mismatch.v1", kind="numeric_conflict", same_source=False)
CUMULATIVE = Rule(name="cumulative_decrease.v1", kind="numeric_conflict", same_source=False)
REVISION = Rule(name="numeric_revision.v1", kind="numeric_conflict", same_source=True)
STATEMENT = Rule(name="outcome_polarity.v1", kind="statement_conflict", same_source=False)
STATEMENT_REVISION = Rule(name="outcome_reversal.v1", kind="statement_conflict", same_source=True)
EXCLUSIVE = Rule(name="rival_outcome.v1", kind="statement_conflict", same_source=False)
#: every rule by name
BY_NAME: dict[str, Rule] = {
    r.name: r for r in (NUMERIC, CUMULATIVE, REVISION, STATEMENT, STATEMENT_REVISION, EXCLUSIVE)
}
#: every rule and the alert kind it raises: the closed label set of the alerts metric (streams/metrics.py)
RULES: dict[str, AlertKind] = {name: r.kind for name, r in BY_NAME.items()}


def _describe(c: Claim) -> str:
    who = c.speaker if c.speaker_kind != "outlet" else f"{c.source} (unattributed)"
    if c.figure is not None:
        return f"{who} gives {c.figure.text!r}"
    return f"{who} {'asserts' if c.polarity > 0 else 'denies'} {c.features.measure.name.replace('_', ' ')}"


def numeric_rule(p: Pair) -> Rule:
    """A running total lower later is a decrease; one claimant's changed figure a revision."""
    earlier, later = p.ordered
    rule = NUMERIC
    if p.new.cumulative and not p.same_report and not above(later, earlier):
        rule = CUMULATIVE
    if p.same_claimant and not p.same_report:
        rule = REVISION
    return rule


def numeric(p: Pair) -> tuple[str, float, str]:
    old, new = p.old, p.new
    rule = numeric_rule(p)
    confidence = 0.55 + 0.25 * min(1.0, p.gap * 1.5)
    if old.speaker_kind != "outlet" and new.speaker_kind != "outlet":
        confidence += 0.1
    if old.place and new.place:
        confidence += 0.05
    what = new.features.measure.name.replace("_", " ")
    earlier, later = p.ordered
    assert earlier.figure is not None and later.figure is not None
    if rule is CUMULATIVE:
        why = (
            f"the running count of {what} falls from {earlier.figure.text!r} ({earlier.speaker}) to "
            f"{later.figure.text!r} ({later.speaker}) {p.hours:.0f} h later, with no stated revision"
        )
    elif rule is REVISION:
        old_text, new_text = earlier.figure.text, later.figure.text
        why = f"{later.speaker} changes the figure for {what} from {old_text!r} to {new_text!r}"
        if earlier.article_id == later.article_id:
            why = f"{later.source} revised article {later.article_id}: {why}"
    else:
        why = f"incompatible figures for {what}: {_describe(old)}, {_describe(new)} (gap {p.gap:.0%})"
    return rule.name, min(confidence, 0.97), why


def statement(p: Pair) -> tuple[str, float, str]:
    old, new = p.old, p.new
    same = p.same_claimant
    rule = STATEMENT_REVISION if same else STATEMENT
    confidence = 0.6
    if old.speaker_kind != "outlet" and new.speaker_kind != "outlet":
        confidence += 0.15
    if "hedged" in (old.certainty, new.certainty):
        confidence -= 0.2
    if "denied" in (old.certainty, new.certainty):
        confidence += 0.1
    what = new.features.measure.name.replace("_", " ")
    pos, neg = (old, new) if old.polarity > 0 else (new, old)
    if old.polarity > 0 and new.polarity > 0:  # an exclusive act claimed for two parties
        rule = STATEMENT_REVISION if same else EXCLUSIVE
        who_old, who_new = (" ".join(c.features.doers) for c in (old, new))
        did, it = ("won", "the same contest") if new.features.measure.family == WIN else ("caused it", "")
        why = f"{old.speaker} says {who_old} {did}; {new.speaker} says {who_new} {did} {it}".rstrip()
        if same:
            why = f"{new.speaker} changes who {did}: first {who_old}, then {who_new}"
    elif same:
        first = "asserted" if old.polarity > 0 else "denied"
        then = "asserted" if new.polarity > 0 else "denied"
        why = f"{new.speaker} reverses its account of {what}: first {first}, then {then}"
    else:
        why = f"{pos.speaker} asserts {what}; {neg.speaker} denies or contradicts it"
    return rule.name, min(confidence, 0.95), why


def fire(p: Pair) -> tuple[str, float, str]:
    """The rule that fires on a pair that passed every check: `(rule, confidence, why)`."""
    return numeric(p) if p.new.kind == "numeric" else statement(p)
