"""What a claims table holds, read from the truth: the table's changelog topic on the broker, or the state
of the embedded pipeline. Both give {claim id: the claim as stored (canonical JSON)}."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from streams.core.guard import parse_article
from streams.exceptions import BadInput
from streams.runtime import make_pipeline
from streams.settings import Settings, load_settings

try:  # see conftest.py
    from .topicio import TopicReader
except ImportError:
    from topicio import TopicReader  # type: ignore[no-redef]


def claims_of(state: Mapping[str, Any]) -> dict[str, str]:
    """{claim id: canonical JSON} of every claim stored in table values (segments are lists of claims; heads
    and ledger buckets are objects). A claim id stored twice fails: a redelivery must store nothing."""
    out: dict[str, str] = {}
    for key, value in state.items():
        if not isinstance(value, list):
            continue
        for item in value:
            cid = item["claim_id"]
            assert cid not in out, f"claim {cid} stored twice (again under {key})"
            out[cid] = json.dumps(item, sort_keys=True)
    return out


def changelog_state(bootstrap: str, topic: str) -> dict[str, Any]:
    """The table as its changelog says: the last value of every key, deleted keys (tombstones) left out."""
    state: dict[str, Any] = {}
    with TopicReader(bootstrap, topic) as reader:
        records = reader.drain(timeout=60)
    for record in sorted(records, key=lambda r: (r.partition, r.offset)):
        key = json.loads(record.key)
        if record.value is None:
            state.pop(key, None)
        else:
            state[key] = json.loads(record.value)
    return state


def replay_state(raws: Sequence[bytes], settings: Settings | None = None) -> dict[str, Any]:
    """The embedded pipeline's state after `raws` in order (an uninterrupted run; bad messages skipped)."""
    pipeline = make_pipeline(settings or load_settings({}))
    for raw in raws:
        try:
            article = parse_article(raw, pipeline.limits)
        except BadInput:
            continue
        pipeline.process_article(article, 0.0)
    return dict(pipeline.state)
