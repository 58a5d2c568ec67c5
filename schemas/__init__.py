"""Pydantic models, one per topic, and their JSON Schema files (schemas/json/)."""

from ._base import Record
from .alert import Alert, AlertKind
from .alert_v2 import AlertClaim, AlertV2, Span
from .article import Article
from .claim import Claim, ClaimBatch, Figure
from .dead_letter import DeadLetter
from .feedback import DISMISS_REASONS, Feedback

__all__ = [
    "Alert",
    "AlertClaim",
    "AlertKind",
    "AlertV2",
    "Article",
    "Claim",
    "ClaimBatch",
    "DeadLetter",
    "DISMISS_REASONS",
    "Feedback",
    "Figure",
    "MODELS",
    "Span",
]

#: topic model name -> model, the set whose JSON Schema files are generated into schemas/json/
#: (`alert` is the detector's record, version 1; the alerts topic carries `alert_v2`)
MODELS: dict[str, type[Record]] = {
    "article": Article,
    "claim_batch": ClaimBatch,
    "alert": Alert,
    "alert_v2": AlertV2,
    "feedback": Feedback,
    "dead_letter": DeadLetter,
}
