"""`claimwatch send` keeps going: a line the broker refuses, or one too large to produce at all, is reported
with its line number and reason, every other line is sent, and the summary counts both (exit 1)."""

from __future__ import annotations

import json
import subprocess

import pytest

try:  # see conftest.py
    from .workerproc import CLAIMWATCH, SEED, Names, TopicReader
except ImportError:
    from workerproc import CLAIMWATCH, SEED, Names, TopicReader  # type: ignore[no-redef]

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(180)]

#: the articles topic accepts this much (plus batch overhead); `send` produces up to 1 MiB
TOPIC_MESSAGE_BYTES = 100_000


def article(n: int, text_bytes: int = 0) -> bytes:
    obj = json.loads(SEED.read_bytes())
    obj["id"] = f"bulk-{n}"
    if text_bytes:
        obj["text"] = "Officials said the road was closed. " * (text_bytes // 36)
    return json.dumps(obj).encode()


def claimwatch(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLAIMWATCH), *args], env=env, capture_output=True, text=True, timeout=120, check=False
    )


def test_refused_lines_are_reported_and_the_rest_sent(kafka_bootstrap: str, names: Names, tmp_path) -> None:
    env = names.env(kafka_bootstrap, {"CLAIMWATCH_MAX_MESSAGE_BYTES": str(TOPIC_MESSAGE_BYTES)})
    created = claimwatch(env, "topics", "create", "--timeout", "60")
    assert created.returncode == 0, created.stderr
    lines = [
        article(1),
        article(2),
        article(3, text_bytes=300_000),  # over the topic's limit: the broker refuses it
        article(4),
        article(5, text_bytes=1_200_000),  # over what `send` produces: refused before it is sent
        b"",
        article(7),
        b'{"id": "bulk-8", "text": ',  # not JSON: sent all the same (the worker dead-letters it)
    ]
    path = tmp_path / "bulk.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")

    done = claimwatch(env, "send", str(path), "--timeout", "60")

    assert done.returncode == 1, done.stderr
    err = done.stderr.splitlines()
    refused = [line for line in err if " refused: " in line]
    assert len(refused) == 2, done.stderr
    assert refused[0].startswith("send: line 3 refused: message_too_large: "), refused
    assert "by the broker" in refused[0]
    assert refused[1].startswith("send: line 5 refused: message_too_large: "), refused
    assert "over the limit of 1,048,576" in refused[1]
    assert err[-1].startswith(f"send: 5 sent, 2 refused to {names.articles} "), err[-1]
    assert err[-1].endswith("(lines 3, 5)"), err[-1]

    with TopicReader(kafka_bootstrap, names.articles) as reader:
        records = reader.poll_until(lambda rs: len(rs) >= 5, timeout=30, what="5 sent lines")
        reader.drain()
    keys = sorted((r.key or b"").decode() for r in reader.records)
    assert keys == ["", "bulk-1", "bulk-2", "bulk-4", "bulk-7"], keys
    assert len(records) == 5
    assert "WARNING" not in done.stderr, "a refusal is reported once, by send, not also by the library"


def test_nothing_refused_exits_zero(kafka_bootstrap: str, names: Names, tmp_path) -> None:
    env = names.env(kafka_bootstrap)
    assert claimwatch(env, "topics", "create", "--timeout", "60").returncode == 0
    path = tmp_path / "ok.jsonl"
    path.write_bytes(article(1) + b"\n" + article(2) + b"\n")
    done = claimwatch(env, "send", str(path), "--timeout", "60")
    assert done.returncode == 0, done.stderr
    assert done.stderr.splitlines()[-1].startswith(f"send: 2 sent, 0 refused to {names.articles} ")
