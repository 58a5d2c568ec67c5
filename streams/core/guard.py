"""Input policy: turn raw message bytes into a valid Article or raise BadInput with a reason.

Reads: raw bytes (or an already-decoded dict). Emits: schemas.Article.
Every limit here bounds the work one message can cost, whatever its content:
bytes before decoding, JSON nesting depth, text size, control characters.
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from schemas import Article

from ..exceptions import BadInput

#: reason codes (label values of the dead-letter metric); a closed set keeps metric cardinality low
REASONS = (
    "empty_message",
    "message_too_large",
    "invalid_utf8",
    "invalid_json",
    "too_deeply_nested",
    "not_an_object",
    "invalid_article",
    "unknown_fields",
    "empty_text",
    "text_too_large",
    "binary_text",
    "processing_error",
)


@dataclass(frozen=True)
class Limits:
    max_message_bytes: int = 2_000_000
    max_text_chars: int = 200_000
    max_json_depth: int = 8
    max_sentences: int = 2_000
    max_sentence_chars: int = 2_000
    max_claims_per_article: int = 400
    #: a field the Article schema does not know: "ignore" it (the article is processed without it) or
    #: "reject" the article (reason unknown_fields)
    unknown_fields: str = "ignore"


#: the fields an article may carry; any other is an unknown field, handled by Limits.unknown_fields
ARTICLE_FIELDS = frozenset(Article.model_fields)
#: unknown field names quoted in a message (each cut to 64 characters): a feed can send thousands
MAX_NAMED_FIELDS = 5


def _depth_ok(raw: str, limit: int) -> bool:
    """Cheap scan of bracket depth outside strings, before json.loads can recurse."""
    depth = 0
    in_str = False
    esc = False
    for ch in raw:
        if in_str:
            if esc:
                esc = False
            elif ch == "\\":
                esc = True
            elif ch == '"':
                in_str = False
        elif ch == '"':
            in_str = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return False
        elif ch in "]}":
            depth -= 1
    return True


def _control_share(text: str) -> float:
    if not text:
        return 0.0
    sample = text[:20_000]
    bad = sum(1 for ch in sample if unicodedata.category(ch) in ("Cc", "Cs", "Co") and ch not in "\n\r\t")
    return bad / len(sample)


def decode(raw: bytes | str | None, limits: Limits) -> dict[str, Any]:
    if raw is None or len(raw) == 0:
        raise BadInput("empty_message", "message value is empty; send one JSON article object per message")
    if len(raw) > limits.max_message_bytes:
        raise BadInput(
            "message_too_large",
            f"message is {len(raw)} bytes, over the limit of {limits.max_message_bytes} "
            "(CLAIMWATCH_MAX_MESSAGE_BYTES)",
        )
    if isinstance(raw, bytes | bytearray | memoryview):
        try:
            text = bytes(raw).decode("utf-8")
        except UnicodeDecodeError as exc:
            raise BadInput(
                "invalid_utf8", f"message is not valid UTF-8 at byte {exc.start}; encode as UTF-8"
            ) from exc
    else:
        text = raw
    if text.startswith("\ufeff"):
        text = text[1:]
    if not _depth_ok(text, limits.max_json_depth):
        raise BadInput("too_deeply_nested", f"JSON nesting deeper than {limits.max_json_depth} levels")
    try:
        obj = json.loads(text)
    except (json.JSONDecodeError, RecursionError, ValueError) as exc:
        raise BadInput("invalid_json", f"message is not valid JSON: {str(exc)[:200]}") from exc
    if not isinstance(obj, dict):
        raise BadInput("not_an_object", f"expected a JSON object (an article), got {type(obj).__name__}")
    return obj


def validate(obj: dict[str, Any], limits: Limits) -> Article:
    try:
        article = Article.model_validate(obj)
    except ValidationError as exc:
        parts = []
        for err in exc.errors()[:5]:
            loc = ".".join(str(x) for x in err["loc"]) or "article"
            parts.append(f"{loc}: {err['msg']}")
        raise BadInput("invalid_article", "; ".join(parts)) from exc
    except (RecursionError, OverflowError, ValueError) as exc:
        raise BadInput("invalid_article", f"article fields cannot be read: {str(exc)[:200]}") from exc
    for name in ("id", "source", "title", "text", "url", "language"):
        value = getattr(article, name)
        if value is not None:
            try:
                value.encode("utf-8")
            except UnicodeEncodeError as exc:
                raise BadInput(
                    "invalid_utf8",
                    f"{name} holds a lone surrogate at character {exc.start}; send valid Unicode",
                ) from exc
    if not article.text.strip():
        raise BadInput("empty_text", "article text is empty or whitespace; nothing to extract")
    if len(article.text) > limits.max_text_chars:
        raise BadInput(
            "text_too_large",
            f"text has {len(article.text)} characters, over the limit of {limits.max_text_chars} "
            "(CLAIMWATCH_MAX_TEXT_CHARS)",
        )
    if _control_share(article.text) > 0.05:
        raise BadInput("binary_text", "text is mostly control characters; is it binary or mis-decoded?")
    return article


def _named(fields: tuple[str, ...]) -> str:
    shown = ", ".join(repr(f[:64]) for f in fields[:MAX_NAMED_FIELDS])
    more = len(fields) - MAX_NAMED_FIELDS
    return shown + (f" and {more} more" if more > 0 else "")


def read_article(
    raw: bytes | str | dict[str, Any] | None, limits: Limits | None = None
) -> tuple[Article, tuple[str, ...]]:
    """Decode and validate one message: the Article and the unknown fields it carried (sorted), which
    were ignored. Raise BadInput with a reason code on any problem, and on an unknown field when the
    policy is "reject"."""
    limits = limits or Limits()
    obj = raw if isinstance(raw, dict) else decode(raw, limits)
    unknown = tuple(sorted(k for k in obj if k not in ARTICLE_FIELDS))
    if unknown:
        if limits.unknown_fields == "reject":
            raise BadInput(
                "unknown_fields",
                f"fields not in the article schema: {_named(unknown)}; remove them, or accept and ignore "
                "them with CLAIMWATCH_UNKNOWN_FIELDS=ignore",
            )
        obj = {k: v for k, v in obj.items() if k in ARTICLE_FIELDS}
    return validate(obj, limits), unknown


def parse_article(raw: bytes | str | dict[str, Any] | None, limits: Limits | None = None) -> Article:
    """Decode and validate one message; raise BadInput with a reason code on any problem."""
    return read_article(raw, limits)[0]
