"""The one adapter from the detector's record (`schemas.Alert`, v1) to what the alerts topic carries
(`schemas.AlertV2`): links, titles and offsets of both claims, a readable measure, the story the alert
belongs to, the time it was raised, and an explanation written for a person.

Pure: the same v1 alert and `detected_at` always give the same v2 alert (so `replay` stays byte-identical).

Story: the two claims' story signatures (the names of each article's title, lead and dateline, most
weighty first) are intersected; the first place both are anchored to (else the first name both share)
names the story, and its hash is `story_id`, the alerts topic's key. Every alert about events anchored to
one place in the detector's history window therefore shares one key, and one story stays in order.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from schemas import Alert, AlertClaim, AlertV2, Claim, Span

#: how a claim's normalised measure reads, for the few whose name is no English word
_MEASURE_WORDS = {"deaths": "death toll", "present": "number present"}
#: counts named by where the counted are or what happened to them: "the number evacuated"
_NUMBER_OF = ("aboard", "underground", "missing", "displaced", "homeless")


def measure_label(measure: str, numeric: bool = False) -> str:
    """A normalised measure in words: `outage:households` -> 'outage (households)', `open:kill~people` ->
    'kill people', `sanction_lifted` -> 'sanction lifted'; a count named by a participle reads as a number
    (`evacuated` -> 'number evacuated')."""
    if measure.startswith("open:"):
        act, _, theme = measure[len("open:") :].partition("~")
        theme = theme.rsplit(":", 1)[-1]
        return " ".join(w for w in (act, theme) if w).replace("_", " ")
    head, _, part = measure.partition(":")
    head = _MEASURE_WORDS.get(head, head).replace("_", " ")
    if numeric and (head.endswith("ed") or head in _NUMBER_OF):
        head = f"number {head}"
    return f"{head} ({part.replace('_', ' ')})" if part else head


def story_of(first: Claim, second: Claim) -> tuple[str, str]:
    """(story_id, story label) of a pair of claims: the first place both stories are anchored to, else
    the first name both share, else the earlier article."""
    one, other = first.features.story, second.features.story
    anchors = [t for t in one.places if t in set(other.places)]
    names = [t for t in one.names if t in set(other.names)]
    if anchors or names:
        anchor = (anchors or names)[0]
        label = "-".join(part[:1].upper() + part[1:] for part in anchor.split("-"))
    else:
        anchor, label = f"article:{first.article_id}", first.title or first.article_id
    return hashlib.sha1(f"story|{anchor}".encode()).hexdigest()[:16], label


def _highlight(c: Claim) -> tuple[Span | None, str | None]:
    if c.span_start is None or c.span_end is None or not c.span_start <= c.span_end <= len(c.sentence):
        return None, None
    return Span(start=c.span_start, end=c.span_end), c.sentence[c.span_start : c.span_end]


def _claim(c: Claim) -> AlertClaim:
    highlight, text = _highlight(c)
    where = None
    if c.sentence_start is not None:
        where = Span(start=c.sentence_start, end=c.sentence_start + len(c.sentence))
    return AlertClaim(
        claim_id=c.claim_id,
        article_id=c.article_id,
        source=c.source,
        url=c.url,
        title=c.title,
        published_at=c.published_at,
        sentence=c.sentence,
        sentence_index=c.sentence_index,
        sentence_span=where,
        highlight=highlight,
        highlight_text=text,
        measure=measure_label(c.features.measure.name, c.kind == "numeric"),
        speaker=c.speaker,
        speaker_kind=c.speaker_kind,
        claimant=c.claimant,
        reporting_verb=c.reporting_verb,
        certainty=c.certainty,
        polarity=_sign(c),
        figure=c.figure,
        value=c.value,
        place=c.place,
        time_scope=c.time_scope,
    )


def _who(c: Claim, start: bool = False) -> str:
    name = c.source if c.speaker_kind == "outlet" else c.speaker
    if start:
        return name[:1].upper() + name[1:]
    first = name.split(" ", 1)[0]
    return name[:1].lower() + name[1:] if first in ("The", "A", "An") else name


def _times(a: float, b: float) -> str:
    """How the later figure compares with the earlier: '5× more', '40% fewer'."""
    if a <= 0 or b <= 0 or a == b:
        return ""
    if b >= 2 * a:
        return f"{b / a:.1f}".rstrip("0").rstrip(".") + "× more"
    return f"{abs(b - a) / a:.0%} {'more' if b > a else 'fewer'}"


def _sign(c: Claim) -> int:
    return 1 if c.polarity >= 0 else -1


def _figure(c: Claim) -> str:
    """The figure as written, its sentence-initial capital lowered ("At least 26" -> "at least 26")."""
    text = c.figure.text if c.figure is not None else "?"
    return text[:1].lower() + text[1:] if text[1:2].islower() else text


def _quote(c: Claim) -> str:
    _, text = _highlight(c)
    return f" (“{text}”)" if text else ""


def explain(alert: Alert) -> str:
    """One sentence for a person: who says what against whom, with the figures or the words that clash.
    E.g. "Police put the turnout at 240,000; the organisers said 1.2 million (5× more)."."""
    first, second = alert.claims
    what = measure_label(second.features.measure.name, alert.kind == "numeric_conflict")
    if alert.kind == "numeric_conflict":
        change = ""
        if first.value is not None and second.value is not None:
            change = _times(first.value, second.value)
        change = f" ({change})" if change else ""
        if alert.same_source:
            if first.article_id == second.article_id and first.article_version != second.article_version:
                return (
                    f"{first.source} revised article {first.article_id}: {what} "
                    f"from {_figure(first)} to {_figure(second)}{change}."
                )
            later = f"later at {_figure(second)}{change}"
            return f"{_who(first, True)} first put the {what} at {_figure(first)}, {later}."
        tail = " later, though it is a running total" if alert.rule.startswith("cumulative_decrease") else ""
        return (
            f"{_who(first, True)} put the {what} at {_figure(first)}; "
            f"{_who(second)} said {_figure(second)}{tail}{change}."
        )
    if alert.same_source:
        did = {1: "asserted", -1: "denied"}
        return (
            f"{_who(first, True)} first {did[_sign(first)]} {what}{_quote(first)}, "
            f"then {did[_sign(second)]} it{_quote(second)}."
        )
    side = "asserts" if first.polarity > 0 else "denies"
    other = "contradicts it" if first.polarity > 0 else "asserts it"
    return f"{_who(first, True)} {side} {what}{_quote(first)}; {_who(second)} {other}{_quote(second)}."


def replay_time(alert: Alert) -> datetime:
    """`detected_at` in replay: the later article's publication time, when a live worker could first
    have raised the alert (replay stays a pure function of its input)."""
    return max(c.published_at for c in alert.claims)


def to_v2(alert: Alert, detected_at: datetime | None = None) -> AlertV2:
    """The alerts topic's record of a detector alert; `detected_at` defaults to `replay_time`."""
    first, second = alert.claims
    story_id, label = story_of(first, second)
    return AlertV2(
        alert_id=alert.alert_id,
        kind=alert.kind,
        rule=alert.rule,
        same_source=alert.same_source,
        confidence=alert.confidence,
        detected_at=detected_at or replay_time(alert),
        story_id=story_id,
        story_label=label,
        measure=measure_label(second.features.measure.name, alert.kind == "numeric_conflict"),
        explanation=explain(alert),
        claims=[_claim(first), _claim(second)],
    )


__all__ = ["explain", "measure_label", "replay_time", "story_of", "to_v2"]
