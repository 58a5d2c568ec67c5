"""Why a pair of claims did or did not raise an alert: the detector's decision on every pair of two sets of
claims (one from each of two articles), and what was extracted on each side.

Reads: claims (as extracted) and the detection config. Emits: one `Verdict` per pair, in a-side x b-side
order, and a plain description of each claim. Pure: no state, no I/O (`streams/explain.py` replays a file
and renders the result).

Each pair is judged as the detector judges it (`detect.judge`), the older claim first (`detect.pair_order`,
the order of an alert's claims); claims under different claim keys are never compared (`DIFFERENT_KEY`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from schemas import Claim

from .detect import (
    DEFAULT,
    REASONS_TEXT,
    DetectConfig,
    alert_confidence,
    alert_id,
    as_sentence,
    judge,
    pair_order,
)

#: the reason two claims never meet: only claims under one key are compared
DIFFERENT_KEY = "different_key"
DIFFERENT_KEY_TEXT = "the claims are under different claim keys, and only claims under one key are compared"


@dataclass(frozen=True)
class Verdict:
    """The decision on one pair: the rule that fires (with the alert's confidence and explanation) or the
    reason code of the check that stopped the pair."""

    a: Claim
    b: Claim
    older: Claim
    newer: Claim
    rule: str | None = None
    confidence: float | None = None
    explanation: str | None = None
    story_similarity: float | None = None
    alert_id: str | None = None
    reason: str | None = None

    @property
    def fires(self) -> bool:
        return self.rule is not None

    @property
    def same_key(self) -> bool:
        return self.a.key == self.b.key

    @property
    def reason_text(self) -> str | None:
        if self.reason is None:
            return None
        return DIFFERENT_KEY_TEXT if self.reason == DIFFERENT_KEY else REASONS_TEXT[self.reason]


def verdict(a: Claim, b: Claim, cfg: DetectConfig = DEFAULT) -> Verdict:
    """The detector's decision on the pair (a, b), judged with the older claim first."""
    older, newer = sorted((a, b), key=pair_order)
    if a.key != b.key:
        return Verdict(a, b, older, newer, reason=DIFFERENT_KEY)
    decided = judge(older, newer, cfg)
    if isinstance(decided, str):
        return Verdict(a, b, older, newer, reason=decided)
    rule, confidence, why, story = decided
    return Verdict(
        a,
        b,
        older,
        newer,
        rule=rule,
        confidence=alert_confidence(confidence, story),
        explanation=as_sentence(why),
        story_similarity=round(story, 3),
        alert_id=alert_id(rule, older, newer),
    )


def verdicts(a_side: Iterable[Claim], b_side: Iterable[Claim], cfg: DetectConfig = DEFAULT) -> list[Verdict]:
    """Every pair of an a-side and a b-side claim, a-side first."""
    b_claims = list(b_side)
    return [verdict(a, b, cfg) for a in a_side for b in b_claims]


def claim_order(c: Claim) -> tuple[int, str]:
    """The order `claimwatch extract` prints an article's claims in."""
    return (c.sentence_index, c.claim_id)


def describe(c: Claim) -> dict[str, Any]:
    """What was extracted: a claim's readable fields, the figure as written and as an interval."""
    fig = c.figure
    return {
        "claim_id": c.claim_id,
        "sentence_index": c.sentence_index,
        "kind": c.kind,
        "key": c.key,
        "measure": c.measure,
        "figure": None
        if fig is None
        else {
            "text": fig.text,
            "value": fig.value,
            "low": fig.low,
            "high": fig.high,
            "bound": fig.bound,
            "unit": fig.unit,
            "counted": fig.counted,
        },
        "polarity": c.polarity,
        "certainty": c.certainty,
        "speaker": c.speaker,
        "speaker_kind": c.speaker_kind,
        "claimant": c.claimant,
        "place": c.place,
        "period": c.time_scope,
        "cumulative": c.cumulative,
        "sentence": c.sentence,
        "features": c.features.model_dump(mode="json"),
    }


#: the typed features `claimwatch explain` shows on a claim's line (content words and story are long)
SHOWN_FEATURES = ("qualifiers", "agents", "objects", "themes", "doers", "persons", "owners")


def feature_line(c: Claim) -> str:
    """The claim's measure (as its key names it) and the typed features detection compares that it has."""
    f = c.features
    parts = [f"measure {f.measure.name}"]
    parts += [f"{name} {' '.join(getattr(f, name))}" for name in SHOWN_FEATURES if getattr(f, name)]
    if f.story.places:
        parts.append(f"story places {' '.join(f.story.places)}")
    return "; ".join(parts)
