"""On the real broker: an edited article that no longer carries a figure retires the earlier version's
claims under the key it no longer writes, so a later report from another outlet raises no alert against
the figure the outlet removed.

Article wire-1 first says 26 killed and 1,200 evacuated; its edit (same id, same time) drops the
evacuation figure. The Red Cross's "only 300 evacuated" two hours later conflicts with the first version
(cumulative_decrease.v1, checked in-process first), not with the edit. Between the two versions and the
later report, the worker sends a `retire` batch back to `claims` under numeric:evacuated, and the table's
changelog shows wire-1's claim gone from there.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from schemas import ClaimBatch
from streams.core.guard import parse_article
from streams.runtime import make_pipeline
from streams.topics import changelog_topic_name

try:  # see conftest.py
    from .devstream import settings_for
    from .tablecontent import changelog_state
    from .workerproc import Names, TopicReader, WorkerProc, end_offsets, send, wait_caught_up
except ImportError:
    from devstream import settings_for  # type: ignore[no-redef]
    from tablecontent import changelog_state  # type: ignore[no-redef]
    from workerproc import (  # type: ignore[no-redef]
        Names,
        TopicReader,
        WorkerProc,
        end_offsets,
        send,
        wait_caught_up,
    )

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(300)]

DEATHS = (
    "At least 26 people were killed in Goma on Tuesday when a fuel depot exploded in the Kyeshero district, "
    "police said."
)
EVACUATED = " About 1,200 residents were evacuated from Kyeshero, the provincial governor Jean Mulumba said."
OTHER = (
    "GOMA, April 16 - Only 300 residents were evacuated from Kyeshero after a fuel depot exploded in Goma, "
    "the Red Cross said."
)
KEY = "numeric:evacuated"


def line(article_id: str, source: str, published: str, text: str) -> bytes:
    raw = {"id": article_id, "source": source, "published_at": published, "title": "", "text": text}
    return json.dumps(raw).encode()


V1 = line("wire-1", "Wire One", "2025-04-16T10:00:00Z", "GOMA, April 16 - " + DEATHS + EVACUATED)
V2 = line("wire-1", "Wire One", "2025-04-16T10:00:00Z", "GOMA, April 16 - " + DEATHS)
LATER = line("post-1", "Daily Post", "2025-04-16T12:00:00Z", OTHER)


def rules(*raws: bytes) -> list[str]:
    pipeline = make_pipeline(settings_for())
    return [a.rule for raw in raws for a in pipeline.process_article(parse_article(raw), 0.0)]


def dropped_keys() -> list[str]:
    """The claim keys the first version writes and the edit does not."""
    pipeline = make_pipeline(settings_for())
    keys = [{b.key for b in pipeline.extract(parse_article(raw)) if b.kind == "claims"} for raw in (V1, V2)]
    return sorted(keys[0] - keys[1])


def evacuated_articles(state: dict) -> set[str]:
    return {item["article_id"] for key, value in state.items() if key.startswith(KEY + "#") for item in value}


def test_a_revision_that_drops_a_figure_retires_it_on_the_broker(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    assert rules(V1, LATER) == ["cumulative_decrease.v1"], "precondition: the first version conflicts"
    assert rules(V1, V2, LATER) == [], "precondition: the edit retires it in-process"

    names = Names(partitions=4)
    changelog = changelog_topic_name(settings_for(names.env(kafka_bootstrap)))
    worker = WorkerProc(kafka_bootstrap, names, tmp_path / "data", tmp_path / "worker.log").start()
    group, inputs = names.app_id, [names.articles, names.claims]
    try:
        worker.wait_ready()
        send(kafka_bootstrap, names.articles, [V1], keys=[b"wire-1"])
        wait_caught_up(kafka_bootstrap, group, inputs, timeout=90, log_tail=worker.log_tail())
        assert evacuated_articles(changelog_state(kafka_bootstrap, changelog)) == {"wire-1"}

        send(kafka_bootstrap, names.articles, [V2], keys=[b"wire-1"])
        with TopicReader(kafka_bootstrap, names.claims) as claims:
            claims.poll_until(
                lambda rs: any(ClaimBatch.model_validate_json(r.value).kind == "retire" for r in rs),
                timeout=90,
                what="a retire batch",
            )
            retires = [
                b
                for b in (ClaimBatch.model_validate_json(r.value) for r in claims.records)
                if b.kind == "retire"
            ]
        assert KEY in dropped_keys()
        assert sorted((b.key, b.article_id) for b in retires) == [(k, "wire-1") for k in dropped_keys()]
        wait_caught_up(kafka_bootstrap, group, inputs, timeout=90, log_tail=worker.log_tail())
        assert evacuated_articles(changelog_state(kafka_bootstrap, changelog)) == set()

        send(kafka_bootstrap, names.articles, [LATER], keys=[b"post-1"])
        wait_caught_up(kafka_bootstrap, group, inputs, timeout=90, log_tail=worker.log_tail())
        assert evacuated_articles(changelog_state(kafka_bootstrap, changelog)) == {"post-1"}
        assert end_offsets(kafka_bootstrap, names.alerts) == 0, "an alert against the retired figure"
        assert "article wire-1 revised" in worker.log.read_text(errors="replace")
    finally:
        worker.stop()
