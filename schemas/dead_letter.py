"""Topic `articles.dlq`: messages that could not be processed, with the reason and the original bytes."""

from __future__ import annotations

from pydantic import Field

from ._base import Record


class DeadLetter(Record):
    reason: str = Field(description="machine-readable reason code, e.g. invalid_json, text_too_large")
    detail: str = Field(description="human-readable message saying what was wrong and how to fix it")
    topic: str | None = None
    partition: int | None = None
    offset: int | None = None
    key_b64: str | None = Field(default=None, description="original message key, base64")
    payload_b64: str = Field(description="original message value bytes (truncated to the DLQ limit), base64")
    payload_size: int = Field(ge=0, description="size in bytes of the original value")
    article_id: str | None = None
    failed_at: float = Field(description="unix time of the failure")
