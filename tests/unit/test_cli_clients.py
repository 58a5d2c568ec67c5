"""Pieces of `claimwatch send | tail | worker` that need no broker: keys, filters, flags -> settings."""

from __future__ import annotations

import json
from datetime import datetime, timezone

import pytest

from schemas import Alert, Claim
from schemas.claim import Features, MeasureRef, Story
from streams.cli import build_parser, settings_from
from streams.clients import AlertFilter, article_key


@pytest.mark.parametrize(
    ("line", "key"),
    [
        (b'{"id": "a-1", "text": "x"}', b"a-1"),
        ('{"id": "é"}'.encode(), "é".encode()),
        (b'{"id": 7}', None),
        (b'{"id": ""}', None),
        (b"[1, 2]", None),
        (b'{"id": "a-1", "text": ', None),
        (b"\xff\xfe", None),
    ],
)
def test_article_key(line: bytes, key: bytes | None) -> None:
    assert article_key(line) == key


def claim(source: str, n: int) -> Claim:
    return Claim(
        claim_id=f"c{n}",
        article_id=f"a{n}",
        article_version="v",
        source=source,
        published_at=datetime(2024, 9, 11, tzinfo=timezone.utc),
        sentence="s",
        sentence_index=0,
        speaker=source,
        claimant=source.lower(),
        kind="statement",
        key="k",
        story="kursk",
        measure="control",
        polarity=1 - 2 * n,
        features=Features(measure=MeasureRef(family="control"), story=Story(names=["kursk"])),
    )


def alert(kind: str = "statement_conflict", confidence: float = 0.8) -> Alert:
    return Alert(
        alert_id="x",
        kind=kind,
        same_source=False,
        confidence=confidence,
        rule="r.v1",
        explanation="e",
        key="k",
        claims=[claim("TASS", 0), claim("AFP", 1)],
    )


def test_alert_filter() -> None:
    assert AlertFilter()(alert())
    assert AlertFilter(kind="statement_conflict")(alert())
    assert not AlertFilter(kind="numeric_conflict")(alert())
    assert AlertFilter(min_confidence=0.8)(alert()) and not AlertFilter(min_confidence=0.81)(alert())
    assert AlertFilter(source="afp")(alert()) and not AlertFilter(source="Reuters")(alert())


def test_worker_flags_override_environment() -> None:
    args = build_parser().parse_args(
        [
            "worker",
            "--broker",
            "kafka://h:1",
            "--data-dir",
            "/d",
            "--web-port",
            "1",
            "--metrics-port",
            "0",
            "--partitions",
            "8",
            "--log-level",
            "debug",
            "--fetch-max-wait-ms",
            "20",
        ]
    )
    s = settings_from(args, {"CLAIMWATCH_BROKER": "kafka://env:2", "CLAIMWATCH_APP_ID": "from-env"})
    assert (s.broker, s.data_dir, s.web_port, s.metrics_port, s.partitions) == ("kafka://h:1", "/d", 1, 0, 8)
    assert (s.log_level, s.fetch_max_wait_ms, s.app_id) == ("debug", 20, "from-env")
    assert s.bootstrap_servers == ["h:1"]


def test_json_formatter_one_line_per_record() -> None:
    import logging

    from streams.logs import JsonFormatter

    record = logging.LogRecord("claimwatch", logging.WARNING, __file__, 1, "dead-lettering %s", ("x",), None)
    obj = json.loads(JsonFormatter().format(record))
    assert obj["msg"] == "dead-lettering x" and obj["level"] == "warning" and obj["logger"] == "claimwatch"
    try:
        raise ValueError("multi\nline")
    except ValueError:
        import sys

        record.exc_info = sys.exc_info()
    line = JsonFormatter().format(record)
    assert "\n" not in line and "ValueError: multi" in json.loads(line)["exc"]
