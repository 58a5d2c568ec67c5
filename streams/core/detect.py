"""Detection: compare a batch of new claims with the earlier claims under the same claim key.

Reads: a ClaimBatch and the history under its key (claims, any order). Emits: Alerts.

Every pair is judged by the ordered checks of `checks.py` (each a reason not to alert, named by a reason
code), in short:
1. same story: same article, or articles whose title/lead names overlap, published within the window;
2. same place (when both name one), same stated period (when either states one), same subject;
3. numeric: same counted noun and unit, intervals disjoint by a margin (hedges and rounding widen them);
   a cumulative count that rises over event time is an update; one that falls later is a conflict;
   statement: same outcome class with opposite polarity;
then `rules.py` names the rule that fires: two claimants disagreeing (cross-source) or one claimant
changing its story later (revision).
Per new article and earlier article at most one alert per claim key (the most confident pair).
"""

from __future__ import annotations

import hashlib
from collections import Counter
from collections.abc import Iterable

from schemas import Alert, Claim, ClaimBatch

from .checks import REJECTIONS, first_failing
from .claimants import same_claimant
from .figures import far_enough
from .pair import Pair
from .reasons import REASONS_TEXT, RESTATED_DISPUTE
from .relations import _FEATURES, DEFAULT, DetectConfig, features
from .rules import BY_NAME, RULES, fire

__all__ = [
    "DEFAULT",
    "REASONS_TEXT",
    "REJECTIONS",
    "RESTATED_DISPUTE",
    "RULES",
    "DetectConfig",
    "alert_confidence",
    "alert_id",
    "as_sentence",
    "detect",
    "judge",
    "pair_order",
    "restated",
]


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


def judge(old: Claim, new: Claim, cfg: DetectConfig = DEFAULT) -> tuple[str, float, str, float] | str:
    """The decision on one pair of claims under one key: `(rule, confidence, why, story similarity)` when
    they conflict, else the reason code of the first check that stopped them (`REJECTIONS`)."""
    pair = Pair(old, new, cfg)
    reason = first_failing(pair)
    if reason is not None:
        return reason
    return (*fire(pair), pair.story)


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
    return h.figure is not None and not far_enough(h, c, cfg)


def restated(old: Claim, new: Claim, candidates: list[Claim], cfg: DetectConfig = DEFAULT) -> bool:
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


def copied(old: Claim, new: Claim, candidates: list[Claim]) -> bool:
    """One article carries the other side's sentence word for word (a syndicated copy, a rewrite keeping
    the quotes): the two sides meet within that article, and are judged there, not between the two."""
    if old.article_id == new.article_id:
        return False
    return any(
        (h.article_id, h.sentence) in ((old.article_id, new.sentence), (new.article_id, old.sentence))
        for h in candidates
        if h.key == new.key and h.claim_id not in (old.claim_id, new.claim_id)
    )


def _candidates(
    batch: ClaimBatch, history: Iterable[Claim]
) -> tuple[list[tuple[Claim, frozenset[str]]], list[Claim]]:
    """One pass over the history: the claims of other articles sharing a name with any new claim (the only
    ones that can be in the same story; set disjointness, in C), with their names, and the article's own
    earlier versions (always compared); the claims of this very version are the batch itself."""
    version = batch.claims[0].article_version if batch.claims else None
    wanted = frozenset().union(*(features(c).names for c in batch.claims))
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
            f = memo(c.claim_id) or features(c)  # (the memo, read inline: this loop runs per stored claim)
            if not disjoint(f.names):
                pool.append((c, f.names))
    return pool, same_article


def _rank(old: Claim, new: Claim, confidence: float) -> float:
    """Which alert of one pair of articles is published: the most confident, preferring lead sentences,
    named speakers and, within one article, nearby sentences."""
    rank = confidence + sum(
        0.03 / (1 + (c.sentence_index if c.sentence_index >= 0 else 2)) for c in (old, new)
    )
    rank += 0.01 * sum(c.speaker_kind in ("person", "organisation") for c in (old, new))
    if old.article_id == new.article_id:
        rank += 0.02 / (1 + abs(old.sentence_index - new.sentence_index))
    return rank


def detect(
    batch: ClaimBatch,
    history: Iterable[Claim],
    cfg: DetectConfig = DEFAULT,
    rejected: Counter[str] | None = None,
) -> list[Alert]:
    """Alerts for the new claims in `batch` against `history` and against each other. With `rejected`,
    every pair considered and not alerted is counted there under the reason code that stopped it."""
    pool, same_article = _candidates(batch, history)
    found: dict[tuple[str, str], list[tuple[float, Alert]]] = {}
    for i, new in enumerate(batch.claims):
        names = features(new).names
        near = [c for c, other in pool if not names.isdisjoint(other)]
        candidates = [*near, *same_article, *batch.claims[:i]]
        for old in candidates:
            decided = judge(old, new, cfg)
            if not isinstance(decided, str) and (
                restated(old, new, candidates, cfg) or copied(old, new, [*candidates, *batch.claims[i:]])
            ):
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
                same_source=BY_NAME[rule].same_source,
                confidence=confidence,
                rule=rule,
                explanation=as_sentence(why),
                key=batch.key,
                claims=[first, second],
            )
            found.setdefault((old.article_id, new.article_id), []).append(
                (_rank(old, new, confidence), alert)
            )
    return sorted((a for group in found.values() for a in _distinct(group, cfg)), key=lambda a: a.alert_id)


def _distinct(group: list[tuple[float, Alert]], cfg: DetectConfig) -> list[Alert]:
    """The alerts one pair of articles publishes under one key: the most confident, and another only where
    one article holds a second, different figure from another named claimant that the first alert cannot
    show (an intelligence estimate of 100 to 300 and an official count of 471 in one report, each against
    the ministry's "at least 500" in the other)."""
    out: list[Alert] = []
    for _, alert in sorted(group, key=lambda x: (-x[0], x[1].alert_id)):
        if not out or any(_another_figure(c, out, cfg) for c in alert.claims):
            out.append(alert)
    return out


def _another_figure(c: Claim, published: list[Alert], cfg: DetectConfig) -> bool:
    """A named claimant's figure apart from every published figure of its article."""
    shown = [p for a in published for p in a.claims if p.article_id == c.article_id]
    return (
        c.figure is not None
        and c.speaker_kind != "outlet"
        and all(p.claimant != c.claimant and p.figure is not None and far_enough(c, p, cfg) for p in shown)
    )
