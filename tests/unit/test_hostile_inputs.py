"""Hostile inputs: each either becomes a clear BadInput or runs through the whole pipeline.

The timeout is a hang guard for accidental quadratic or exponential scans (the battery runs in well under
a second here), not a speed assertion: speed is measured in streams/bench/.
"""

from __future__ import annotations

import json

import pytest

from streams.core.guard import parse_article
from streams.core.pipeline import Pipeline
from streams.exceptions import BadInput

BASE = {"id": "h", "source": "Wire", "published_at": "2025-01-01T00:00:00Z", "title": "T"}
N = 190_000

TEXTS = {
    "digit run": "9" * N,
    "digit groups": "1," * (N // 2),
    "dot run": "." * N,
    "dot space run": ". " * (N // 2),
    "abbreviations": "Gen. " * (N // 5),
    "initials": "A. " * (N // 3),
    "word numbers": "one hundred " * (N // 12),
    "vague quantities": "several thousand " * (N // 17),
    "open ranges": "between 1 and " * (N // 14),
    "hyphen ranges": "1-" * (N // 2),
    "quote marks": "\u201c" * N,
    "capitalised words": "Aaaa " * (N // 5),
    "reporting verbs": "X said, " * (N // 8),
    "brackets": "(" * N,
    "currency": "$1.4bn " * (N // 7),
    "huge number": "1" + "0" * 400 + " people were killed.",
    "float overflow": "1e309 people were killed and 1.7976931348623157e308 injured.",
    "claims everywhere": "At least 26 people were killed in Bhairab, the Ministry said. " * 3000,
}


@pytest.mark.timeout(60)
@pytest.mark.parametrize("name", list(TEXTS))
def test_pathological_text_is_processed(name: str) -> None:
    raw = json.dumps({**BASE, "id": name, "text": TEXTS[name]}).encode()
    article = parse_article(raw)
    alerts = Pipeline().process_article(article)
    assert all(0 <= a.confidence <= 1 for a in alerts)


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        (b"[" * 100_000, "too_deeply_nested"),
        (b'{"a":' * 50_000, "too_deeply_nested"),
        (b"\xff\xfe\xfa" * 10, "invalid_utf8"),
        (json.dumps({**BASE, "text": "ok \ud800 text"}).encode(), "invalid_utf8"),
        (json.dumps({**BASE, "text": "\n" * 1000}).encode(), "empty_text"),
        (b"", "empty_message"),
        (b"not json", "invalid_json"),
        (b"42", "not_an_object"),
        (json.dumps({**BASE}).encode(), "invalid_article"),
        (json.dumps({**BASE, "text": "x", "published_at": "yesterday"}).encode(), "invalid_article"),
        (json.dumps({**BASE, "text": "x", "title": ["a", "list"]}).encode(), "invalid_article"),
        (json.dumps({**BASE, "text": "\x00\x01\x02" * 100}).encode(), "binary_text"),
        (b'{"x": "' + b"a" * 3_000_000 + b'"}', "message_too_large"),
    ],
)
def test_bad_input_has_a_reason(raw: bytes, reason: str) -> None:
    with pytest.raises(BadInput) as err:
        parse_article(raw)
    assert err.value.reason == reason
    assert err.value.detail
