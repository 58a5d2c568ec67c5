"""What an operator sees with kcat: the topics claimwatch created (with their partition counts and the
compacted table changelog) and the alert a subscriber reads, byte for byte the schema's JSON."""

from __future__ import annotations

import json
import shutil
import subprocess
import time

import pytest

from schemas import AlertV2

try:  # see conftest.py
    from .workerproc import CLAIMWATCH, PARTITIONS, SEED, Names, WorkerProc, send
except ImportError:
    from workerproc import CLAIMWATCH, PARTITIONS, SEED, Names, WorkerProc, send  # type: ignore[no-redef]

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(180)]


def kcat(*args: str, timeout: float = 30.0) -> str:
    exe = shutil.which("kcat") or shutil.which("kafkacat")
    if exe is None:
        pytest.fail("kcat is not installed: deploy/check-tools.sh installs it (Debian package kcat)")
    done = subprocess.run([exe, *args], capture_output=True, text=True, timeout=timeout, check=True)
    return done.stdout


def test_topics_and_alerts_as_kcat_sees_them(kafka_bootstrap: str, names: Names, worker: WorkerProc) -> None:
    meta = json.loads(kcat("-b", kafka_bootstrap, "-L", "-J"))
    partitions = {t["topic"]: len(t["partitions"]) for t in meta["topics"]}
    changelog = f"{names.app_id}-claims_by_key-changelog"
    for topic in (names.articles, names.claims, names.alerts, names.dlq, changelog):
        assert partitions.get(topic) == PARTITIONS, (topic, partitions)

    send(kafka_bootstrap, names.articles, [SEED.read_bytes().strip()])
    deadline = time.monotonic() + 90
    lines: list[str] = []
    while time.monotonic() < deadline and not lines:
        out = kcat(
            "-b", kafka_bootstrap, "-C", "-t", names.alerts, "-o", "beginning", "-e", "-q", "-f", "%k\t%s\n"
        )
        lines = [ln for ln in out.splitlines() if ln.strip()]
        if not lines:
            time.sleep(1)
    assert lines, worker.log_tail()
    key, value = lines[0].split("\t", 1)
    alert = AlertV2.model_validate_json(value)
    assert key == alert.story_id and alert.story_label == "Kursk"
    assert alert.kind == "statement_conflict"
    assert any("regained several villages" in c.sentence for c in alert.claims)


@pytest.mark.parametrize("fmt", ["text", "json"])
@pytest.mark.parametrize("command", ["send", "tail"])
def test_a_missing_topic_is_one_error_line_with_the_fix(
    kafka_bootstrap: str, tmp_path, command: str, fmt: str
) -> None:
    """Before the topics exist: one line that says how to create them, exit 1, at once (kafka-python
    alone would log an error for every metadata refresh until its timeout)."""
    names = Names()  # topics nobody created
    articles = tmp_path / "articles.jsonl"
    articles.write_bytes(SEED.read_bytes())
    args = {"send": ["send", str(articles)], "tail": ["tail", "--timeout", "30"]}[command]
    started = time.monotonic()
    res = subprocess.run(
        [str(CLAIMWATCH), *args, "--timeout", "30"] if command == "send" else [str(CLAIMWATCH), *args],
        env=names.env(kafka_bootstrap, {"CLAIMWATCH_LOG_FORMAT": fmt}),
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    elapsed = time.monotonic() - started
    assert res.returncode == 1 and res.stdout == "", res.stderr
    lines = res.stderr.splitlines()
    assert len(lines) == 1, res.stderr
    message = json.loads(lines[0])["msg"] if fmt == "json" else lines[0]
    topic = names.articles if command == "send" else names.alerts
    assert message.startswith(f"claimwatch {command}: topic {topic!r} does not exist"), message
    assert f"claimwatch topics create --broker kafka://{kafka_bootstrap}" in message
    assert elapsed < 15, f"took {elapsed:.1f} s: waited for the topic instead of checking it"
