"""Settings -> core objects, shared by the worker, replay and the benchmark (no faust import here)."""

from __future__ import annotations

from collections.abc import MutableMapping
from typing import Any

from .core.guard import Limits
from .core.pipeline import Pipeline
from .core.store import StateBounds
from .settings import Settings


def limits_from(settings: Settings) -> Limits:
    return Limits(
        max_message_bytes=settings.max_message_bytes,
        max_text_chars=settings.max_text_chars,
        max_sentences=settings.max_sentences,
        max_sentence_chars=settings.max_sentence_chars,
        max_claims_per_article=settings.max_claims_per_article,
        unknown_fields=settings.unknown_fields,
    )


def bounds_from(settings: Settings) -> StateBounds:
    return StateBounds(
        per_key=settings.history_per_key,
        max_age_days=settings.history_days,
        lateness_days=settings.lateness_days,
    )


def make_pipeline(settings: Settings, state: MutableMapping[str, Any] | None = None) -> Pipeline:
    """The one pipeline both drivers run: over a dict (replay) or the claims table (detect agent)."""
    return Pipeline(
        state={} if state is None else state, limits=limits_from(settings), bounds=bounds_from(settings)
    )
