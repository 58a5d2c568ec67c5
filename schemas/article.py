"""Topic `articles`: one news article per message, keyed by article id."""

from __future__ import annotations

from datetime import datetime, timezone

from pydantic import Field, field_validator

from ._base import Record

MAX_ID_CHARS = 256
MAX_SOURCE_CHARS = 256
MAX_TITLE_CHARS = 2_000


class Article(Record):
    id: str = Field(min_length=1, max_length=MAX_ID_CHARS, description="stable article id, the message key")
    source: str = Field(min_length=1, max_length=MAX_SOURCE_CHARS, description="the outlet that published it")
    published_at: datetime = Field(description="ISO 8601 publication time; naive times are taken as UTC")
    title: str = Field(default="", max_length=MAX_TITLE_CHARS)
    text: str = Field(
        description="body text; its size limit is a runtime setting (CLAIMWATCH_MAX_TEXT_CHARS)"
    )
    url: str | None = Field(default=None, max_length=4_000)
    language: str | None = Field(default=None, max_length=16)

    @field_validator("id", "source")
    @classmethod
    def _not_blank(cls, v: str) -> str:
        if not v.strip():
            raise ValueError("must not be blank")
        return v

    @field_validator("published_at")
    @classmethod
    def _utc_when_naive(cls, v: datetime) -> datetime:
        # one time axis for every article: a naive time is UTC (and never compared with an aware one)
        return v.replace(tzinfo=timezone.utc) if v.tzinfo is None else v
