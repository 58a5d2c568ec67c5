"""A battery of bad input, interleaved with valid articles, through a real worker: nothing is lost.

Every message produced to `articles` ends either processed or dead-lettered, counted from the topics
themselves (end offsets of `articles` and `articles.dlq`, and each dead letter's own topic/partition/
offset) and cross-checked with the worker's counters. Redeliveries and revisions are valid input.
"""

from __future__ import annotations

import base64
import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from schemas import DeadLetter
from streams.agents import DLQ_MAX_PAYLOAD_BYTES
from streams.core.guard import parse_article
from streams.runtime import limits_from
from streams.topics import articles_max_message_bytes

try:  # see conftest.py
    from .devstream import alert_ids, article_id, assert_order_independent, dev_articles, replay, settings_for
    from .workerproc import Names, TopicReader, WorkerProc, end_offsets, send, wait_caught_up
except ImportError:
    from devstream import (  # type: ignore[no-redef]
        alert_ids,
        article_id,
        assert_order_independent,
        dev_articles,
        replay,
        settings_for,
    )
    from workerproc import Names, TopicReader, WorkerProc, end_offsets, send, wait_caught_up  # type: ignore[no-redef]

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(240)]

MAX_TEXT_CHARS = 5000
WORKER_ENV = {"CLAIMWATCH_MAX_TEXT_CHARS": str(MAX_TEXT_CHARS)}
BIG = 1_500_000  # bytes: over the broker's default ~1 MiB, under the guard's 2 MB message limit


@dataclass(frozen=True)
class Msg:
    name: str
    key: bytes
    value: bytes
    reason: str | None  # None: a valid article, processed


def article(id_: str, text: str, **fields: object) -> dict:
    return {
        "id": id_,
        "source": "Test Wire",
        "published_at": "2025-05-01T09:00:00Z",
        "title": "Battery",
        "text": text,
        **fields,
    }


def dumps(obj: object) -> bytes:
    return json.dumps(obj).encode()


def battery() -> tuple[list[Msg], list[Msg]]:
    """Two parts: the second (a revision among more bad input) is sent once the first one's alerts are
    out -- a revision comes later than the article it revises, and only then is its effect defined."""
    dev = {article_id(raw): raw for raw in dev_articles(["dev-a-04", "dev-b-01", "dev-d-09"])}
    a04_2 = json.loads(dev["dev-a-04-2"])
    revised = dict(  # the police revise their figure: same id, new content
        a04_2,
        published_at="2026-06-11T10:05:00Z",
        text=a04_2["text"].replace("that 27 people were arrested", "that 31 people were arrested"),
    )
    assert revised["text"] != a04_2["text"]
    weird_numbers = article(
        "weird-numbers-1",
        "Officials said 1e400 people were evacuated and 1000000000000000000000000000000 homes were "
        f"destroyed, while police said 10^30 people were arrested and {'9' * 4000} were injured. "
        "A spokesman said NaN and Infinity people died, and -0 were missing.",
    )
    big = dumps(article("big-1", "x" * BIG))
    assert BIG < len(big) < BIG + 1000
    latin1 = '{"id": "latin-1", "source": "AFP", "published_at": "2025-01-01T00:00:00Z", "text": "café"}'
    m = Msg
    first = [
        m("valid dev-a-04-1", b"dev-a-04-1", dev["dev-a-04-1"], None),
        m("not JSON", b"bad-json", b"this is not JSON {", "invalid_json"),
        m("valid dev-b-01-1", b"dev-b-01-1", dev["dev-b-01-1"], None),
        m("invalid UTF-8 (latin-1 JSON)", b"latin-1", latin1.encode("latin-1"), "invalid_utf8"),
        m("missing fields", b"bad-missing", dumps({"id": "bad-missing", "source": "AFP"}), "invalid_article"),
        m("valid dev-a-04-2", b"dev-a-04-2", dev["dev-a-04-2"], None),
        m(
            "wrong types",
            b"bad-types",
            dumps({"id": 42, "source": ["AFP"], "published_at": True, "title": None, "text": {"a": 1}}),
            "invalid_article",
        ),
        m("empty text", b"empty-1", dumps(article("empty-1", " \n\t ")), "empty_text"),
        m("redelivery of dev-b-01-1 (same content)", b"dev-b-01-1", dev["dev-b-01-1"], None),
        m("text over the limit", b"long-1", dumps(article("long-1", "word " * 1200)), "text_too_large"),
        m(
            "1e400 as a date",
            b"inf-1",
            b'{"id": "inf-1", "source": "AFP", "published_at": 1e400, "text": "x y"}',
            "invalid_article",
        ),
        m(
            "10^30 as a date",
            b"huge-1",
            b'{"id": "huge-1", "source": "AFP", "published_at": 1' + b"0" * 30 + b', "text": "x y"}',
            "invalid_article",
        ),
        m(
            "a 5000-digit number",
            b"digits-1",
            b'{"id": "digits-1", "source": "AFP", "published_at": ' + b"9" * 5000 + b', "text": "x y"}',
            "invalid_json",
        ),
        m("absurd figures in a valid text", b"weird-numbers-1", dumps(weird_numbers), None),
        m("recursion bomb (arrays)", b"bomb-1", b"[" * 100_000, "too_deeply_nested"),
        m(
            "recursion bomb (objects)",
            b"bomb-2",
            b'{"a": ' * 50_000 + b"1" + b"}" * 50_000,
            "too_deeply_nested",
        ),
    ]
    second = [
        m("revision of dev-a-04-2 (changed content)", b"dev-a-04-2", dumps(revised), None),
        m("1.5 MB article", b"big-1", big, "text_too_large"),
        m("valid dev-b-01-2", b"dev-b-01-2", dev["dev-b-01-2"], None),
        m("empty message", b"empty-message", b"", "empty_message"),
        m("a JSON array", b"array-1", b"[1, 2, 3]", "not_an_object"),
        m("binary text", b"binary-1", dumps(article("binary-1", "\x00\x01\x02\x03" * 500)), "binary_text"),
    ]
    return first, second


@pytest.fixture
def names() -> Names:
    return Names()


@pytest.fixture
def worker(kafka_bootstrap: str, names: Names, tmp_path: Path) -> Iterator[WorkerProc]:
    proc = WorkerProc(kafka_bootstrap, names, tmp_path / "data", tmp_path / "worker.log", env=WORKER_ENV)
    proc.start()
    try:
        proc.wait_ready()
        yield proc
    finally:
        proc.stop()


def test_every_message_is_processed_or_dead_lettered_with_its_reason(
    kafka_bootstrap: str, names: Names, worker: WorkerProc
) -> None:
    settings = settings_for(WORKER_ENV)
    first, second = battery()
    msgs = first + second
    assert BIG + 1000 < articles_max_message_bytes(settings), "the articles topic must take 1.5 MB"
    valid = [[x.value for x in part if x.reason is None] for part in (first, second)]
    bad = [x for x in msgs if x.reason is not None]
    for x in msgs:
        if x.reason is None:
            parse_article(x.value, limits_from(settings))  # precondition: valid for this worker
    expected_first = {a.alert_id for a in replay(valid[0], settings)}
    expected = {a.alert_id for a in replay(valid[0] + valid[1], settings)}
    assert expected_first, "precondition: the valid articles give alerts"
    # no crash here: messages only swap across partitions inside one part
    assert assert_order_independent(valid[0] + valid[1], settings, phases=valid, redeliver=False) == expected
    unrevised = [x.value for x in msgs if x.reason is None and not x.name.startswith("revision")]
    assert expected - {a.alert_id for a in replay(unrevised, settings)}, (
        "precondition: the revision makes an alert of its own (proof it was processed)"
    )

    where: dict[tuple[int, int], Msg] = {}
    with TopicReader(kafka_bootstrap, names.alerts) as alerts:
        for part, want in ((first, expected_first), (second, expected)):
            sent = send(
                kafka_bootstrap,
                names.articles,
                [x.value for x in part],
                keys=[x.key for x in part],
                max_request_size=articles_max_message_bytes(settings),
            )
            where.update({(meta.partition, meta.offset): x for meta, x in zip(sent, part, strict=True)})
            alerts.poll_until(lambda rs, want=want: want <= alert_ids(rs), timeout=60, what="the alerts")
        wait_caught_up(
            kafka_bootstrap,
            names.app_id,
            [names.articles, names.claims],
            timeout=60,
            log_tail=worker.log_tail(),
        )
        # the valid ones (the redelivery and the revision included) gave exactly the replay's alerts
        assert alert_ids(alerts.drain()) == expected

        with TopicReader(kafka_bootstrap, names.dlq) as dlq:
            dead = dlq.drain()

        # nothing lost, from the topics: N in == processed + dead-lettered, each bad message once
        n_in = end_offsets(kafka_bootstrap, names.articles)
        assert n_in == len(msgs)
        assert end_offsets(kafka_bootstrap, names.dlq) == len(dead) == len(bad)
        letters = [DeadLetter.model_validate_json(r.value) for r in dead]
        assert len({(x.partition, x.offset) for x in letters}) == len(bad), "each bad message once"
        for record, letter in zip(dead, letters, strict=True):
            assert letter.topic == names.articles
            original = where.get((letter.partition, letter.offset))  # type: ignore[arg-type]
            assert original is not None, (
                f"dead letter for no message sent: {letter.partition}@{letter.offset}"
            )
            assert original.reason == letter.reason, f"{original.name}: {letter.reason} ({letter.detail})"
            assert record.key == original.key
            assert letter.key_b64 is not None and base64.b64decode(letter.key_b64) == original.key
            assert letter.payload_size == len(original.value)
            payload = base64.b64decode(letter.payload_b64)
            assert payload == original.value[:DLQ_MAX_PAYLOAD_BYTES], f"{original.name}: payload differs"
        reasons = Counter(x.reason for x in letters)
        assert reasons == Counter(x.reason for x in bad)

        # ... and cross-checked with the worker's counters
        consumed = worker.sample("claimwatch_articles_consumed_total")
        dead_letters = sum(worker.sample("claimwatch_dead_letters_total", reason=r) or 0 for r in reasons)
        assert consumed == n_in
        assert dead_letters == len(bad)
        assert consumed - dead_letters == len(valid[0]) + len(valid[1])  # processed
        assert worker.sample("claimwatch_dead_letters_total", reason="processing_error") == 0

        # still alive, still ready, and still working: one more valid article, one more alert
        assert worker.alive()
        assert worker.wait_ready(timeout=10) >= 0
        final = dev_articles(["dev-d-09"])
        more = {a.alert_id for a in replay(valid[0] + valid[1] + final, settings)} - expected
        assert more, "precondition: the final article makes an alert"
        send(kafka_bootstrap, names.articles, final, keys=[article_id(raw).encode() for raw in final])
        alerts.poll_until(lambda rs: more <= alert_ids(rs), timeout=60, what="the final article's alert")
    worker.wait_metric("claimwatch_articles_consumed_total", lambda v: v == n_in + len(final))
    assert end_offsets(kafka_bootstrap, names.dlq) == len(bad)
