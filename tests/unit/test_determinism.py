"""Claims and alerts are a pure function of the articles and the settings: the same bytes in processes with
different hash seeds, and a re-delivered article (after a restart, in another process) stores nothing new."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
DEV_ARTICLES = ROOT / ".." / "shared" / "eval" / "dev" / "articles.jsonl"
#: scenarios with a revision, a cumulative decrease and a statement conflict between outlets
SCENARIOS = ("dev-a-18-", "dev-a-01-", "dev-a-11-", "dev-b-01-")
SEEDS = ("0", "1", "4242")

#: one process: load the state a file holds (or none), process the articles, write the state back
REDELIVER = """
import json, sys
from streams.core.guard import read_article
from streams.runtime import make_pipeline
from streams.settings import Settings
path, articles = sys.argv[1], sys.argv[2]
try:
    state = json.load(open(path))
except FileNotFoundError:
    state = {}
pipeline = make_pipeline(Settings(), state)
alerts = []
for raw in open(articles, "rb"):
    article, _ = read_article(raw.rstrip(b"\\n"), pipeline.limits)
    alerts += [a.alert_id for a in pipeline.process_article(article, ingested_at=0.0)]
json.dump(state, open(path, "w"), sort_keys=True)
print(json.dumps({"claims": pipeline.claims_held(), "alerts": alerts}))
"""


@pytest.fixture(scope="module")
def articles(tmp_path_factory: pytest.TempPathFactory) -> Path:
    assert DEV_ARTICLES.is_file(), f"dev set not found at {DEV_ARTICLES.resolve()}"
    lines = [
        line
        for line in DEV_ARTICLES.read_bytes().splitlines()
        if json.loads(line)["id"].startswith(SCENARIOS)
    ]
    assert len(lines) >= 6
    path = tmp_path_factory.mktemp("determinism") / "articles.jsonl"
    path.write_bytes(b"\n".join(lines) + b"\n")
    return path


def run(args: list[str], seed: str) -> bytes:
    env = {**os.environ, "PYTHONHASHSEED": seed}
    env = {k: v for k, v in env.items() if not k.startswith("CLAIMWATCH_")}
    done = subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, timeout=300, check=False
    )
    assert done.returncode == 0, done.stderr.decode(errors="replace")[-2000:]
    return done.stdout


@pytest.mark.parametrize("command", ["extract", "replay"])
def test_byte_identical_across_hash_seeds(articles: Path, command: str) -> None:
    outputs = {seed: run(["-m", "streams.cli", command, str(articles)], seed) for seed in SEEDS}
    first = outputs[SEEDS[0]]
    assert first.strip(), f"{command} printed nothing: the test would prove nothing"
    if command == "replay":
        assert len(first.splitlines()) >= 3
    for seed, out in outputs.items():
        assert out == first, f"`claimwatch {command}` differs between PYTHONHASHSEED={SEEDS[0]} and {seed}"


def test_redelivery_in_another_process_stores_nothing_new(articles: Path, tmp_path: Path) -> None:
    state = tmp_path / "state.json"
    first = json.loads(run(["-c", REDELIVER, str(state), str(articles)], "1"))
    stored = state.read_text()
    assert first["claims"] > 0 and first["alerts"]
    again = json.loads(run(["-c", REDELIVER, str(state), str(articles)], "2"))
    assert again["claims"] == first["claims"], "a redelivered article stored its claims again"
    assert state.read_text() == stored, "a redelivered article changed the claims table"
    assert set(again["alerts"]) <= set(first["alerts"]), "redelivery raised alerts of its own"
