"""Every client over SASL/SCRAM, on the broker's second listener (SASL_PLAINTEXT, SCRAM-SHA-256 and
SCRAM-SHA-512, started by `deploy/kafka/broker.sh start --sasl`): the worker (which creates the topics)
with SCRAM-SHA-512, `claimwatch send` with SCRAM-SHA-256 and `claimwatch tail` with SCRAM-SHA-512 give
the replay's alerts; a wrong password gets nothing through.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from schemas import AlertV2

try:  # see conftest.py
    from .conftest import KafkaEndpoints
    from .devstream import DELIVERY, dev_articles, replay
    from .workerproc import CLAIMWATCH, Names, WorkerProc, end_offsets, wait_caught_up
except ImportError:
    from conftest import KafkaEndpoints  # type: ignore[no-redef]
    from devstream import DELIVERY, dev_articles, replay  # type: ignore[no-redef]
    from workerproc import CLAIMWATCH, Names, WorkerProc, end_offsets, wait_caught_up  # type: ignore[no-redef]

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(300)]


def scram(broker: KafkaEndpoints, mechanism: str, password: str | None = None) -> dict[str, str]:
    return {
        "CLAIMWATCH_SECURITY_PROTOCOL": "SASL_PLAINTEXT",
        "CLAIMWATCH_SASL_MECHANISM": mechanism,
        "CLAIMWATCH_SASL_USERNAME": broker.sasl_user,
        "CLAIMWATCH_SASL_PASSWORD": broker.sasl_password if password is None else password,
    }


def claimwatch(
    args: list[str], env: dict[str, str], timeout: float = 120
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(CLAIMWATCH), *args], env=env, capture_output=True, text=True, timeout=timeout, check=False
    )


def test_worker_send_and_tail_over_sasl_scram(kafka_broker: KafkaEndpoints, tmp_path: Path) -> None:
    articles = dev_articles(DELIVERY)
    expected = {a.alert_id for a in replay(articles)}
    assert len(expected) >= 5, "precondition: the chosen scenarios give alerts"
    names = Names(partitions=2)
    sasl = kafka_broker.sasl_bootstrap
    jsonl = tmp_path / "stream.jsonl"
    jsonl.write_bytes(b"\n".join(articles) + b"\n")

    # no topic exists yet: a wrong password must not get as far as finding that out
    denied = claimwatch(
        ["send", str(jsonl), "--timeout", "10"],
        names.env(sasl, scram(kafka_broker, "SCRAM-SHA-256", "wrong")),
    )
    assert denied.returncode == 1, denied.stderr
    assert "no Kafka broker answered" in denied.stderr, denied.stderr

    worker = WorkerProc(
        sasl, names, tmp_path / "data", tmp_path / "worker.log", env=scram(kafka_broker, "SCRAM-SHA-512")
    )
    worker.start()
    try:
        worker.wait_ready()
        sent = claimwatch(["send", str(jsonl)], names.env(sasl, scram(kafka_broker, "SCRAM-SHA-256")))
        assert sent.returncode == 0, sent.stderr
        assert f"send: {len(articles)} sent, 0 refused" in sent.stderr
        tail = claimwatch(
            ["tail", "--from-beginning", "--max", str(len(expected)), "--timeout", "120"],
            names.env(sasl, scram(kafka_broker, "SCRAM-SHA-512")),
            timeout=180,
        )
        assert tail.returncode == 0, tail.stderr + worker.log_tail()
        got = {AlertV2.model_validate_json(line).alert_id for line in tail.stdout.splitlines()}
        assert got == expected
        # and what went over SASL is on the broker for every listener: read back over PLAINTEXT
        plain = kafka_broker.bootstrap
        ends = wait_caught_up(plain, names.app_id, [names.articles, names.claims], log_tail=worker.log_tail())
        assert sum(ends[names.articles].values()) == len(articles)
        assert end_offsets(plain, names.dlq) == 0
        config = claimwatch(
            ["config", "--format", "json"], names.env(sasl, scram(kafka_broker, "SCRAM-SHA-512"))
        )
        shown = json.loads(config.stdout)
        assert kafka_broker.sasl_password not in config.stdout
        assert shown["settings"]["sasl_username"]["value"] == kafka_broker.sasl_user
    finally:
        worker.stop()
