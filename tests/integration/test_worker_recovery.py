"""Table recovery: the worker loses its local state directory and rebuilds the table from the changelog.

Article 1 and article 2 are the seed article cut in two just before "Kyiv's military administrator":
article 1 holds the Kremlin's "regained several villages", article 2 says "those advances have now been
halted". Neither alone makes an alert; together they do -- so the alert after the restart proves the
claim from article 1 came back from the changelog, not from the (deleted) RocksDB directory.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from schemas import Alert, AlertV2
from streams.core.guard import parse_article
from streams.runtime import make_pipeline
from streams.settings import load_settings

try:  # see conftest.py
    from .workerproc import SEED, Names, WorkerProc, read, send
except ImportError:
    from workerproc import SEED, Names, WorkerProc, read, send  # type: ignore[no-redef]

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(300)]

CUT = "Kyiv’s military administrator"


def two_halves() -> tuple[bytes, bytes]:
    seed = json.loads(SEED.read_text(encoding="utf-8"))
    text = seed["text"]
    cut = text.index(CUT)
    first = dict(seed, id="recovery-1", title="", text=text[:cut].strip())
    second = dict(seed, id="recovery-2", text=text[cut:].strip())
    return json.dumps(first).encode(), json.dumps(second).encode()


def replay(*articles: bytes) -> list[Alert]:
    pipeline = make_pipeline(load_settings({}))
    out: list[Alert] = []
    for raw in articles:
        out.extend(pipeline.process_article(parse_article(raw), 0.0))
    return out


def test_table_comes_back_from_the_changelog_after_the_data_dir_is_deleted(
    kafka_bootstrap: str, tmp_path: Path
) -> None:
    first, second = two_halves()
    assert replay(first) == [] and replay(second) == [], "precondition: neither half alerts alone"
    expected = replay(first, second)
    assert expected, "precondition: the core finds the conflict across the two halves"
    want = {a.alert_id for a in expected}
    first_batches = make_pipeline(load_settings({})).extract(parse_article(first), 0.0)
    held = sum(len(b.claims) for b in first_batches)

    names = Names()
    data_dir = tmp_path / "data"
    log = tmp_path / "worker.log"
    worker = WorkerProc(kafka_bootstrap, names, data_dir, log).start()
    try:
        worker.wait_ready()
        send(kafka_bootstrap, names.articles, [first], keys=[b"recovery-1"])
        worker.wait_metric("claimwatch_claims_in_state", lambda v: v == held, timeout=60)
        # no alert yet: every (kind, rule) series exists, at 0
        assert worker.metric("claimwatch_alerts_published_total") == 0
    finally:
        code = worker.stop()
    assert code == 0, f"graceful stop expected, got {code}:\n{worker.log_tail()}"

    assert data_dir.exists()
    shutil.rmtree(data_dir)

    worker = WorkerProc(kafka_bootstrap, names, data_dir, log).start()
    try:
        worker.wait_ready()
        # the ready transition recounts the table: everything article 1 stored is back
        worker.wait_metric("claimwatch_claims_in_state", lambda v: v == held, timeout=10)
        assert worker.sample("claimwatch_table_recovery_seconds") is not None
        send(kafka_bootstrap, names.articles, [second], keys=[b"recovery-2"])
        records = read(
            kafka_bootstrap,
            names.alerts,
            lambda rs: want <= {AlertV2.model_validate_json(r.value).alert_id for r in rs},
            timeout=60,
        )
        got = {AlertV2.model_validate_json(r.value).alert_id for r in records}
        assert want <= got, f"missing {want - got}:\n{worker.log_tail()}"
        alert = next(AlertV2.model_validate_json(r.value) for r in records)
        assert {c.article_id for c in alert.claims} == {"recovery-1", "recovery-2"}
    finally:
        worker.stop()
