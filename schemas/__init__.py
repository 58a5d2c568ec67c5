"""Pydantic models, one per topic, and their JSON Schema files (schemas/json/)."""

from ._base import Record
from .alert import Alert, AlertKind
from .article import Article
from .claim import Claim, ClaimBatch, Figure
from .dead_letter import DeadLetter

__all__ = ["Alert", "AlertKind", "Article", "Claim", "ClaimBatch", "DeadLetter", "Figure", "MODELS"]

#: topic model name -> model, the set whose JSON Schema files are generated into schemas/json/
MODELS: dict[str, type[Record]] = {
    "article": Article,
    "claim_batch": ClaimBatch,
    "alert": Alert,
    "dead_letter": DeadLetter,
}
