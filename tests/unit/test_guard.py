"""guard.parse_article: every bad message becomes BadInput with its reason code; good ones parse."""

from __future__ import annotations

import json
from typing import Any

import pytest

from schemas import Article
from streams.core.extract import extract_claims
from streams.core.guard import REASONS, Limits, parse_article, read_article
from streams.exceptions import BadInput

GOOD: dict[str, Any] = {
    "id": "goma-001",
    "source": "Wire One",
    "published_at": "2025-04-16T10:00:00Z",
    "title": "Rebels seize town",
    "text": "GOMA, April 16 - At least 26 people were killed in Lukweti, police said.",
}


def encode(**overrides: Any) -> bytes:
    return json.dumps({**GOOD, **overrides}).encode("utf-8")


def without(field: str) -> bytes:
    return json.dumps({k: v for k, v in GOOD.items() if k != field}).encode("utf-8")


def reason_of(raw: Any, limits: Limits | None = None) -> BadInput:
    with pytest.raises(BadInput) as err:
        parse_article(raw, limits)
    assert err.value.reason in REASONS
    assert err.value.detail, "every rejection says what was wrong"
    return err.value


@pytest.mark.parametrize(
    ("raw", "reason"),
    [
        pytest.param(b"", "empty_message", id="empty bytes"),
        pytest.param(None, "empty_message", id="none"),
        pytest.param(b"not json at all", "invalid_json", id="not json"),
        pytest.param(b'{"id": "x", ', "invalid_json", id="truncated json"),
        pytest.param(b"\xff\xfe{\x00}\x00", "invalid_utf8", id="utf-16 bytes"),
        pytest.param(b'{"text": "caf\xe9"}', "invalid_utf8", id="latin-1 byte"),
        pytest.param(b"[1, 2, 3]", "not_an_object", id="json list"),
        pytest.param(b'"an article"', "not_an_object", id="json string"),
        pytest.param(b"null", "not_an_object", id="json null"),
        pytest.param(b"[" * 100_000, "too_deeply_nested", id="list recursion bomb"),
        pytest.param(b'{"a":' * 50_000, "too_deeply_nested", id="object recursion bomb"),
        pytest.param(b"{}", "invalid_article", id="empty object"),
        pytest.param(without("text"), "invalid_article", id="missing text"),
        pytest.param(without("published_at"), "invalid_article", id="missing published_at"),
        pytest.param(encode(published_at=["2025-04-16"]), "invalid_article", id="published_at list"),
        pytest.param(encode(published_at={"day": 16}), "invalid_article", id="published_at object"),
        pytest.param(encode(published_at="yesterday"), "invalid_article", id="published_at not a date"),
        pytest.param(encode(text=26), "invalid_article", id="text not a string"),
        pytest.param(encode(id=""), "invalid_article", id="empty id"),
        pytest.param(encode(source="   "), "invalid_article", id="blank source"),
        pytest.param(encode(text=""), "empty_text", id="empty text"),
        pytest.param(encode(text=" \n\t \r\n "), "empty_text", id="whitespace text"),
        pytest.param(encode(text="\x00\x01\x02\x03" * 100 + "words"), "binary_text", id="control characters"),
    ],
)
def test_rejection_reason(raw: Any, reason: str) -> None:
    assert reason_of(raw).reason == reason


def test_missing_field_is_named_in_the_detail() -> None:
    assert "text" in reason_of(without("text")).detail
    assert "published_at" in reason_of(encode(published_at=["x"])).detail


def test_unknown_fields_are_ignored_by_default() -> None:
    article, unknown = read_article(encode(sentiment="negative", author="A. Writer"))
    assert unknown == ("author", "sentiment")
    assert article == parse_article(encode()), "the article is read as if the fields were not there"


def test_unknown_fields_rejected_on_request() -> None:
    err = reason_of(encode(sentiment="negative", author="A. Writer"), Limits(unknown_fields="reject"))
    assert err.reason == "unknown_fields"
    assert "'author', 'sentiment'" in err.detail and "CLAIMWATCH_UNKNOWN_FIELDS=ignore" in err.detail
    assert read_article(encode(), Limits(unknown_fields="reject"))[1] == ()


def test_many_unknown_fields_are_named_briefly() -> None:
    raw = encode(**{f"f{i:03}" + "x" * 200: i for i in range(40)})
    err = reason_of(raw, Limits(unknown_fields="reject"))
    assert "and 35 more" in err.detail and len(err.detail) < 600
    assert len(read_article(raw)[1]) == 40


def test_a_known_field_with_a_bad_value_is_still_refused_when_extras_are_ignored() -> None:
    assert reason_of(encode(title=5, author="x")).reason == "invalid_article"


def test_text_over_the_limit() -> None:
    limits = Limits(max_text_chars=1000)
    assert reason_of(encode(text="a" * 1001), limits).reason == "text_too_large"
    assert parse_article(encode(text="a" * 1000), limits).text == "a" * 1000


def test_message_over_max_message_bytes() -> None:
    raw = encode()
    assert reason_of(raw, Limits(max_message_bytes=len(raw) - 1)).reason == "message_too_large"
    assert isinstance(parse_article(raw, Limits(max_message_bytes=len(raw))), Article)


def test_message_size_is_checked_before_decoding() -> None:
    # a large message of garbage is refused for its size, without reading it
    assert reason_of(b"\xff" * 3_000_000).reason == "message_too_large"


def test_nesting_at_the_limit_is_accepted() -> None:
    # depth 1 (the object) + 7 nested lists = 8 = the default max_json_depth; the field is then invalid
    nested = {**GOOD, "title": [[[[[[["x"]]]]]]]}
    assert reason_of(json.dumps(nested).encode()).reason == "invalid_article"
    deeper = {**GOOD, "title": [[[[[[[["x"]]]]]]]]}
    assert reason_of(json.dumps(deeper).encode()).reason == "too_deeply_nested"


def test_brackets_inside_strings_do_not_count_as_nesting() -> None:
    article = parse_article(encode(text="Rebels said [[[[[[[[[[[[ {{{{{{{{{{{ 26 people died."))
    assert article.text.startswith("Rebels")


def test_valid_article_parses() -> None:
    article = parse_article(encode())
    assert isinstance(article, Article)
    assert article.id == "goma-001"
    assert article.source == "Wire One"
    assert article.text == GOOD["text"]
    assert article.published_at.year == 2025
    assert article.url is None


def test_utf8_bom_is_accepted() -> None:
    article = parse_article(b"\xef\xbb\xbf" + encode())
    assert article.id == "goma-001"


def test_non_ascii_text_is_accepted() -> None:
    text = "Ndeze, près de Goma : «au moins 26 morts», selon la police — 26 people."
    assert parse_article(encode(text=text)).text == text


def test_str_and_dict_inputs_are_accepted() -> None:
    assert parse_article(encode().decode("utf-8")).id == "goma-001"
    assert parse_article(dict(GOOD)).id == "goma-001"


def test_a_few_control_characters_are_tolerated() -> None:
    text = "At least 26 people were killed.\x0b " + "Police said so. " * 10
    assert parse_article(encode(text=text)).text == text


# -- pathological but valid text goes through extraction (hang guard, not a speed assertion) ----------


def _extract(text: str, limits: Limits) -> None:
    article = parse_article(encode(text=text), limits)
    claims = extract_claims(article, limits)
    assert len(claims) <= limits.max_claims_per_article


@pytest.mark.timeout(60)
def test_long_digit_run_is_extracted_without_error() -> None:
    _extract("Officials said " + "9" * 100_000 + " people were killed.", Limits())


@pytest.mark.timeout(60)
def test_long_punctuation_run_is_extracted_without_error() -> None:
    _extract("." * 200_000, Limits(max_text_chars=250_000))
