"""Streams of dev-set articles for broker tests, and what the embedded pipeline says they must give.

The articles are read where the evaluation set lives (``ROOT/../shared/eval/dev/articles.jsonl``), never
copied into the repository. Expected alerts come from an in-process replay of the same messages in the
same order (the pipeline `claimwatch replay` runs): one pipeline, two drivers, the same alert ids.

A broker does not keep the send order across partitions: a worker may extract article B before article
A when they sit on different partitions (only messages with one key keep their order), and at-least-once
delivery re-processes a block of messages after a crash. So a stream is a fair test of "the broker gives
the replay's alerts" only if its alerts do not depend on that order: `assert_order_independent` checks
it in-process first (cheap: extraction once, detection per ordering), so a core change that makes a
chosen stream order-dependent fails there, with the orders, instead of as a flaky broker test.
"""

from __future__ import annotations

import json
import random
from collections import defaultdict
from collections.abc import Iterable, Sequence

from schemas import Alert, AlertV2
from streams.core.guard import parse_article
from streams.exceptions import BadInput
from streams.runtime import make_pipeline
from streams.settings import Settings, load_settings

try:  # see conftest.py
    from .workerproc import ROOT
except ImportError:
    from workerproc import ROOT  # type: ignore[no-redef]

DEV_ARTICLES = ROOT / ".." / "shared" / "eval" / "dev" / "articles.jsonl"

#: Scenarios (id prefixes) whose replay gives alerts, plus a few quiet ones, picked so that each stream's
#: alert set is the same under any interleaving and redelivery (dev-a-01 with dev-d-06, or dev-b-01 with
#: dev-b-05, are not: both pairs share a claim key and the order decides which alert fires).
DELIVERY = ("dev-a-01", "dev-a-04", "dev-b-01", "dev-c-04", "dev-d-07", "dev-d-09")
SHUTDOWN = (
    "dev-a-07", "dev-a-08", "dev-b-03", "dev-b-05", "dev-b-07", "dev-b-08",
    "dev-b-09", "dev-b-10", "dev-b-11", "dev-b-12", "dev-d-02", "dev-d-06",
)  # fmt: skip
SCALE = (
    "dev-a-06", "dev-a-09", "dev-a-11", "dev-b-02", "dev-b-06", "dev-c-03",
    "dev-c-08", "dev-d-03", "dev-d-05", "dev-d-10", "dev-d-11", "dev-d-12",
)  # fmt: skip


def article_id(raw: bytes) -> str:
    return str(json.loads(raw)["id"])


def dev_articles(scenarios: Iterable[str]) -> list[bytes]:
    """The raw lines of the given scenarios, in published_at order (the file's order)."""
    prefixes = tuple(f"{s}-" for s in scenarios)
    assert DEV_ARTICLES.is_file(), f"dev set not found at {DEV_ARTICLES.resolve()}"
    lines = [line.rstrip(b"\r\n") for line in DEV_ARTICLES.read_bytes().splitlines() if line.strip()]
    picked = [raw for raw in lines if article_id(raw).startswith(prefixes)]
    found = {p for p in prefixes if any(article_id(raw).startswith(p) for raw in picked)}
    assert found == set(prefixes), f"scenarios missing from the dev set: {set(prefixes) - found}"
    return sorted(picked, key=lambda raw: json.loads(raw)["published_at"])


def settings_for(env: dict[str, str] | None = None) -> Settings:
    """The settings a worker started with these CLAIMWATCH_* variables runs with (limits, bounds)."""
    return load_settings(env or {})


def replay(raws: Sequence[bytes], settings: Settings | None = None) -> list[Alert]:
    """Alerts of the embedded pipeline over `raws` in order; bad messages are skipped (dead letters)."""
    pipeline = make_pipeline(settings or settings_for())
    out: list[Alert] = []
    for raw in raws:
        try:
            article = parse_article(raw, pipeline.limits)
        except BadInput:
            continue
        out.extend(pipeline.process_article(article, 0.0))
    return out


def interleave(keys: Sequence[str], rng: random.Random) -> list[int]:
    """A random order of positions that keeps messages of one key in their relative order (what a
    partitioned topic guarantees, at least)."""
    queues: dict[str, list[int]] = defaultdict(list)
    for i, key in enumerate(keys):
        queues[key].append(i)
    order: list[int] = []
    pending = [list(reversed(q)) for q in queues.values()]
    while pending:
        q = rng.choice(pending)
        order.append(q.pop())
        if not q:
            pending.remove(q)
    return order


def assert_order_independent(
    raws: Sequence[bytes],
    settings: Settings | None = None,
    *,
    phases: Sequence[Sequence[bytes]] | None = None,
    redeliver: bool = True,
    tries: int = 150,
    seed: int = 7,
) -> set[str]:
    """The replay's alert ids are the same under random interleavings (and, with `redeliver`, a block
    of the stream processed again at the end, as after a crash).

    `phases` splits the stream into parts sent one after the other, each once the previous part's
    alerts were seen (so only messages inside a phase can swap). Returns the alert ids of the send
    order. Raises AssertionError naming an order that differs.
    """
    settings = settings or settings_for()
    extractor = make_pipeline(settings)
    parts = [list(p) for p in phases] if phases is not None else [list(raws)]
    assert [raw for p in parts for raw in p] == list(raws), "phases must split the stream in order"
    batches = []
    keys = []
    phase_of = []
    for n, part in enumerate(parts):
        for raw in part:
            try:
                article = parse_article(raw, extractor.limits)
            except BadInput:
                continue
            batches.append(extractor.extract(article, 0.0))
            keys.append(article.id)
            phase_of.append(n)

    def ids(order: Iterable[int]) -> set[str]:
        pipeline = make_pipeline(settings)
        return {a.alert_id for i in order for b in batches[i] for a in pipeline.process_batch(b)}

    want = ids(range(len(batches)))
    rng = random.Random(seed)
    for _ in range(tries):
        order: list[int] = []
        for n in range(len(parts)):
            members = [i for i in range(len(batches)) if phase_of[i] == n]
            order += [members[j] for j in interleave([keys[i] for i in members], rng)]
        if redeliver and order:
            start = rng.randrange(len(order))
            order += order[start : start + rng.randrange(1, len(order) + 1)]  # at-least-once
        got = ids(order)
        assert got == want, (
            "precondition failed: this stream's alerts depend on arrival order, so the broker may "
            f"legitimately differ from the replay. Order {[keys[i] for i in order]} gives "
            f"{sorted(got)} instead of {sorted(want)}: choose other scenarios, or fix the core."
        )
    return want


def alerts_of(records: Iterable) -> list[AlertV2]:
    return [AlertV2.model_validate_json(r.value) for r in records]


def alert_ids(records: Iterable) -> set[str]:
    return {a.alert_id for a in alerts_of(records)}


def assert_duplicates_are_redeliveries(records: Iterable) -> dict[str, int]:
    """Every record's key is its story_id, and records sharing an alert_id carry the same rule, story and
    claim pair (a redelivery, not a different conflict). Returns {alert_id: copies}."""
    seen: dict[str, tuple] = {}
    copies: dict[str, int] = defaultdict(int)
    for record in records:
        alert = AlertV2.model_validate_json(record.value)
        assert record.key == alert.story_id.encode(), f"alert keyed {record.key!r}, story {alert.story_id}"
        identity = (alert.rule, alert.kind, alert.story_id, tuple(c.claim_id for c in alert.claims))
        first = seen.setdefault(alert.alert_id, identity)
        assert first == identity, f"alert id {alert.alert_id} reused: {first} vs {identity}"
        copies[alert.alert_id] += 1
    return dict(copies)


def scenario(raw: bytes) -> str:
    """dev-a-06-2 -> dev-a-06"""
    return article_id(raw).rsplit("-", 1)[0]


def first_and_rest(raws: Sequence[bytes]) -> tuple[list[bytes], list[bytes]]:
    """(the first article of every scenario, the others), each in published order: sent as two phases,
    nearly every alert then pairs a claim of the first phase with one of the second."""
    seen: set[str] = set()
    first, rest = [], []
    for raw in raws:
        (rest if scenario(raw) in seen else first).append(raw)
        seen.add(scenario(raw))
    return first, rest


def key_partition(key: str | bytes, partitions: int) -> int:
    """The partition a keyed record lands on (murmur2, as the Java, kafka-python and aiokafka clients)."""
    from kafka.partitioner.default import murmur2

    raw = key.encode() if isinstance(key, str) else key
    return (murmur2(raw) & 0x7FFFFFFF) % partitions


def claims_held(raws: Sequence[bytes], settings: Settings | None = None) -> int:
    """Claims the embedded pipeline's state holds after `raws` (bad messages skipped)."""
    pipeline = make_pipeline(settings or settings_for())
    for raw in raws:
        try:
            article = parse_article(raw, pipeline.limits)
        except BadInput:
            continue
        pipeline.process_article(article, 0.0)
    return pipeline.claims_held()
