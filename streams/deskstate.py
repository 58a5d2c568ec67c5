"""What the review page shows, as plain data: the alerts seen, the verdicts given, the mute rules, and
the view of them a set of filters selects (grouped by story, newest first). No I/O: `streams.desk`
feeds it from the topics (or a replay's file) and renders it.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from datetime import datetime, timezone
from pathlib import Path
from typing import Literal

from schemas import AlertClaim, AlertV2, Feedback

Status = Literal["open", "confirmed", "dismissed", "snoozed"]
STATUSES: tuple[str, ...] = ("open", "confirmed", "dismissed", "snoozed", "all")
MUTE_FIELDS: tuple[str, ...] = ("outlet", "story", "rule")


@dataclass(frozen=True)
class Filters:
    """The page's filters; every field empty selects everything (status: open alerts only)."""

    kind: str = ""
    rule: str = ""
    outlet: str = ""
    min_confidence: float = 0.0
    q: str = ""
    status: str = "open"

    @classmethod
    def parse(cls, query: dict[str, str]) -> Filters:
        """From a request's query string; an unreadable value is taken as absent."""
        try:
            conf = min(1.0, max(0.0, float(query.get("min_confidence") or 0)))
        except ValueError:
            conf = 0.0
        status = query.get("status") or "open"
        return cls(
            kind=query.get("kind", "").strip(),
            rule=query.get("rule", "").strip(),
            outlet=query.get("outlet", "").strip(),
            min_confidence=conf if conf == conf else 0.0,
            q=query.get("q", "").strip()[:200],
            status=status if status in STATUSES else "open",
        )

    def query(self) -> dict[str, str]:
        """The non-default filters, as query parameters."""
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value != f.default:
                out[f.name] = f"{value:g}" if isinstance(value, float) else str(value)
        return out


@dataclass(frozen=True)
class Mute:
    field: str  # outlet | story | rule
    value: str

    def hides(self, alert: AlertV2) -> bool:
        if self.field == "outlet":
            return any(c.source.casefold() == self.value.casefold() for c in alert.claims)
        if self.field == "story":
            return alert.story_id == self.value
        return alert.rule == self.value


@dataclass
class Card:
    """One alert as the page shows it."""

    alert: AlertV2
    status: Status
    verdict: Feedback | None


@dataclass
class Story:
    story_id: str
    label: str
    cards: list[Card]

    @property
    def newest(self) -> datetime:
        return max(c.alert.detected_at for c in self.cards)


def parts(c: AlertClaim) -> tuple[str, str, str]:
    """The sentence as (before, highlighted, after): the figure or trigger is the middle part."""
    if c.highlight is None:
        return c.sentence, "", ""
    s, e = c.highlight.start, c.highlight.end
    return c.sentence[:s], c.sentence[s:e], c.sentence[e:]


@dataclass
class DeskState:
    """Alerts by id, the last verdict per alert, and the mute rules (kept in `mutes_path` when given).
    Thread-safe: the topic readers add to it while the server reads it."""

    mutes_path: Path | None = None
    alerts: dict[str, AlertV2] = field(default_factory=dict)
    verdicts: dict[str, Feedback] = field(default_factory=dict)
    mutes: list[Mute] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock, repr=False)

    def __post_init__(self) -> None:
        if self.mutes_path is not None and self.mutes_path.is_file():
            rows = json.loads(self.mutes_path.read_text(encoding="utf-8"))
            self.mutes = [Mute(r["field"], r["value"]) for r in rows if r.get("field") in MUTE_FIELDS]

    def add_alert(self, alert: AlertV2) -> None:
        with self.lock:
            self.alerts[alert.alert_id] = alert  # a redelivered alert is the same alert

    def add_feedback(self, verdict: Feedback) -> None:
        """The last verdict on an alert counts (by the time it was given; equal times: the later read)."""
        with self.lock:
            known = self.verdicts.get(verdict.alert_id)
            if known is None or verdict.decided_at >= known.decided_at:
                self.verdicts[verdict.alert_id] = verdict

    def status(self, alert_id: str, now: datetime) -> Status:
        v = self.verdicts.get(alert_id)
        if v is None:
            return "open"
        if v.verdict == "snooze":
            return "snoozed" if v.snooze_until is not None and v.snooze_until > now else "open"
        return "confirmed" if v.verdict == "confirm" else "dismissed"

    def _save_mutes(self) -> None:
        if self.mutes_path is None:
            return
        self.mutes_path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.mutes_path.with_suffix(".tmp")
        tmp.write_text(json.dumps([m.__dict__ for m in self.mutes], indent=1), encoding="utf-8")
        tmp.replace(self.mutes_path)

    def mute(self, rule: Mute) -> None:
        with self.lock:
            if rule.field in MUTE_FIELDS and rule.value and rule not in self.mutes:
                self.mutes.append(rule)
                self._save_mutes()

    def unmute(self, rule: Mute) -> None:
        with self.lock:
            if rule in self.mutes:
                self.mutes.remove(rule)
                self._save_mutes()

    def choices(self) -> dict[str, list[str]]:
        """The values the page's selects offer: kinds, rules and outlets seen."""
        with self.lock:
            alerts = list(self.alerts.values())
        return {
            "kind": sorted({a.kind for a in alerts}),
            "rule": sorted({a.rule for a in alerts}),
            "outlet": sorted({c.source for a in alerts for c in a.claims}, key=str.casefold),
        }

    def view(self, filters: Filters, now: datetime | None = None) -> tuple[list[Story], int]:
        """The stories the filters select, newest first, each with its alerts newest first; and how many
        alerts the mute rules hid."""
        now = now or datetime.now(timezone.utc)
        with self.lock:
            alerts = list(self.alerts.values())
            mutes = list(self.mutes)
            cards = []
            muted = 0
            for a in alerts:
                if not _selected(a, filters):
                    continue
                if any(m.hides(a) for m in mutes):
                    muted += 1
                    continue
                status = self.status(a.alert_id, now)
                if filters.status not in ("all", status):
                    continue
                cards.append(Card(a, status, self.verdicts.get(a.alert_id)))
        stories: dict[str, Story] = {}
        for card in cards:
            story = stories.setdefault(
                card.alert.story_id, Story(card.alert.story_id, card.alert.story_label, [])
            )
            story.cards.append(card)
        for story in stories.values():
            story.cards.sort(key=lambda c: (c.alert.detected_at, c.alert.alert_id), reverse=True)
        return sorted(stories.values(), key=lambda s: (s.newest, s.story_id), reverse=True), muted


def _selected(a: AlertV2, f: Filters) -> bool:
    if f.kind and a.kind != f.kind:
        return False
    if f.rule and a.rule != f.rule:
        return False
    if f.outlet and not any(c.source.casefold() == f.outlet.casefold() for c in a.claims):
        return False
    if a.confidence < f.min_confidence:
        return False
    if f.q:
        needle = f.q.casefold()
        hay: Iterable[str] = (
            a.explanation,
            a.story_label,
            a.measure,
            *(x for c in a.claims for x in (c.sentence, c.speaker, c.source, c.title)),
        )
        if not any(needle in h.casefold() for h in hay):
            return False
    return True
