"""Topic `alerts.feedback`: an analyst's verdict on one alert, keyed by `alert_id` (compacted: the last
verdict on an alert is the one that counts).

A verdict carries the alert's rule, kind, story and confidence as they were when it was given, so that
`claimwatch feedback-report` needs nothing but this topic.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import Field, model_validator

from ._base import Record
from .alert import AlertKind

Verdict = Literal["confirm", "dismiss", "snooze"]
DismissReason = Literal[
    "not_same_event", "different_measure", "update_not_conflict", "misattributed", "other"
]
#: each dismiss reason, as the review page words it
DISMISS_REASONS: dict[str, str] = {
    "not_same_event": "not the same event",
    "different_measure": "different measure",
    "update_not_conflict": "an update, not a conflict",
    "misattributed": "misattributed",
    "other": "other",
}


class Feedback(Record):
    schema_version: Literal[1] = 1
    alert_id: str = Field(min_length=1, max_length=64, description="the alert judged; the message key")
    verdict: Verdict = Field(description="confirm (a real conflict), dismiss (not one), snooze (look later)")
    reason: DismissReason | None = Field(
        default=None, description="why it was dismissed: required with dismiss, absent otherwise"
    )
    note: str = Field(default="", max_length=2_000, description="free text from the analyst")
    snooze_until: datetime | None = Field(default=None, description="with snooze: when to show it again")
    analyst: str | None = Field(default=None, max_length=200, description="who gave the verdict, if known")
    decided_at: datetime = Field(description="when the verdict was given")
    rule: str = Field(description="the alert's rule, e.g. numeric_mismatch.v1")
    kind: AlertKind
    story_id: str
    confidence: float = Field(ge=0.0, le=1.0, description="the alert's confidence")

    @model_validator(mode="after")
    def _reason_with_dismiss(self) -> Feedback:
        if (self.verdict == "dismiss") != (self.reason is not None):
            raise ValueError("a reason goes with dismiss, and only with dismiss")
        if self.snooze_until is not None and self.verdict != "snooze":
            raise ValueError("snooze_until goes with snooze only")
        return self
