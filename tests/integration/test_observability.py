"""What an operator watching a worker sees: a real Prometheus (Debian's `prometheus`, installed by
deploy/check-tools.sh) scraping a real worker on the real broker, with the project's own alert rules,
and the worker's log in JSON from its first line.

The Prometheus here scrapes and evaluates every second (the compose file's: 15 s) and loads
deploy/prometheus/alerts.yml unchanged. The first burst of dead letters must reach the dead-letter rule:
it does only because the worker exposes every reason at 0 from the start (a series born with its first
event has no earlier sample, so increase() over it stays 0).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

try:  # see conftest.py
    from .workerproc import ROOT, Names, WorkerProc, free_port, send
except ImportError:
    from workerproc import ROOT, Names, WorkerProc, free_port, send  # type: ignore[no-redef]

pytestmark = [pytest.mark.kafka, pytest.mark.timeout(240)]

RULES = ROOT / "deploy" / "prometheus" / "alerts.yml"
BURST = 15  # invalid articles; the rule fires above 10 dead letters of one reason in 15 min


def tool(name: str) -> str:
    exe = shutil.which(name)
    if exe is None:
        pytest.fail(f"{name} is not installed: deploy/check-tools.sh installs it (Debian package prometheus)")
    return exe


@dataclass
class Prometheus:
    proc: subprocess.Popen[bytes]
    url: str
    log: Path

    def api(self, path: str, **params: str) -> Any:
        query = f"?{urllib.parse.urlencode(params)}" if params else ""
        with urllib.request.urlopen(f"{self.url}/api/v1/{path}{query}", timeout=5) as resp:
            body = json.load(resp)
        assert body["status"] == "success", body
        return body["data"]

    def value(self, promql: str) -> float | None:
        result = self.api("query", query=promql)["result"]
        return float(result[0]["value"][1]) if result else None

    def alerts(self, name: str) -> list[dict[str, Any]]:
        return [a for a in self.api("alerts")["alerts"] if a["labels"].get("alertname") == name]

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(timeout=10)

    def failure(self, msg: str) -> str:
        try:
            rules = json.dumps(self.api("rules"), indent=1)[:3000]
        except OSError as exc:
            rules = repr(exc)
        tail = "\n".join(self.log.read_text(errors="replace").splitlines()[-20:])
        return f"{msg}\nrules: {rules}\nprometheus log:\n{tail}"


def start_prometheus(workdir: Path, target: str) -> Prometheus:
    port = free_port()
    config = {
        "global": {"scrape_interval": "1s", "evaluation_interval": "1s"},
        "rule_files": [str(RULES)],
        "scrape_configs": [{"job_name": "claimwatch", "static_configs": [{"targets": [target]}]}],
    }
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / "prometheus.yml").write_text(yaml.safe_dump(config))
    log = workdir / "prometheus.log"
    with log.open("ab") as fh:
        proc = subprocess.Popen(
            [
                tool("prometheus"),
                f"--config.file={workdir / 'prometheus.yml'}",
                f"--storage.tsdb.path={workdir / 'data'}",
                f"--web.listen-address=127.0.0.1:{port}",
                "--log.level=warn",
            ],
            stdout=fh,
            stderr=subprocess.STDOUT,
            stdin=subprocess.DEVNULL,
        )
    prom = Prometheus(proc, f"http://127.0.0.1:{port}", log)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(prom.failure(f"prometheus exited with {proc.returncode}"))
        try:
            with urllib.request.urlopen(prom.url + "/-/ready", timeout=2) as resp:
                if resp.status == 200:
                    return prom
        except OSError:
            pass
        time.sleep(0.2)
    prom.stop()
    pytest.fail(prom.failure("prometheus not ready after 60 s"))


@dataclass
class Observed:
    names: Names
    worker: WorkerProc
    prometheus: Prometheus


@pytest.fixture(scope="module")
def observed(kafka_bootstrap: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Observed]:
    """A worker logging JSON (library records at INFO too, so faust's and aiokafka's lines are in it)
    and a Prometheus scraping it with the project's alert rules."""
    tmp = tmp_path_factory.mktemp("observed")
    names = Names()
    worker = WorkerProc(
        kafka_bootstrap,
        names,
        tmp / "data",
        tmp / "worker.log",
        env={"CLAIMWATCH_LOG_FORMAT": "json", "CLAIMWATCH_LIBRARY_LOG_LEVEL": "info"},
    ).start()
    prometheus = None
    try:
        worker.wait_ready()
        prometheus = start_prometheus(tmp / "prometheus", f"127.0.0.1:{worker.metrics_port}")
        yield Observed(names, worker, prometheus)
    finally:
        if prometheus is not None:
            prometheus.stop()
        worker.stop()


def wait(pred: Any, timeout: float, what: str, explain: Any = str) -> Any:
    deadline = time.monotonic() + timeout
    last = None
    while time.monotonic() < deadline:
        last = pred()
        if last:
            return last
        time.sleep(0.5)
    raise AssertionError(explain(f"{what}: not within {timeout} s (last {last!r})"))


def test_first_burst_of_dead_letters_reaches_the_alert_rule(kafka_bootstrap: str, observed: Observed) -> None:
    prom, worker = observed.prometheus, observed.worker
    series = 'claimwatch_dead_letters_total{job="claimwatch", reason="invalid_json"}'
    # Prometheus holds the reason's series at 0 before the first dead letter
    wait(
        lambda: (prom.value(f"count_over_time({series}[1m])") or 0) >= 3 and prom.value(series) == 0,
        30,
        "three scrapes of the invalid_json series at 0",
        prom.failure,
    )
    assert prom.alerts("ClaimwatchDeadLettersRising") == []

    send(kafka_bootstrap, observed.names.articles, [b"{not json %d" % i for i in range(BURST)])
    worker.wait_metric("claimwatch_dead_letters_total", lambda v: v == BURST, reason="invalid_json")

    def burst_alert() -> list[dict[str, Any]]:
        return [
            a
            for a in prom.alerts("ClaimwatchDeadLettersRising")
            if a["labels"].get("reason") == "invalid_json" and a["state"] in ("pending", "firing")
        ]

    alerts = wait(burst_alert, 60, "ClaimwatchDeadLettersRising pending after the first burst", prom.failure)
    assert alerts[0]["labels"]["severity"] == "warning"
    assert alerts[0]["annotations"]["runbook_url"].endswith("docs/RUNBOOK.md#claimwatchdeadlettersrising")
    increase = prom.value(f"sum by (reason) (increase({series}[15m]))")
    assert increase is not None and increase >= BURST, increase


def test_promtool_check_metrics_is_clean_on_the_workers_scrape(observed: Observed) -> None:
    status, text = observed.worker.get("/metrics")
    assert status == 200
    for family in (
        "claimwatch_build_info{",
        "process_resident_memory_bytes ",
        "python_gc_collections_total{",
    ):
        assert family in text, family
    res = subprocess.run(
        [tool("promtool"), "check", "metrics"], input=text, capture_output=True, text=True, timeout=60
    )
    assert res.returncode == 0 and not (res.stdout + res.stderr).strip(), res.stdout + res.stderr


def test_json_logs_from_the_first_line_to_the_last(observed: Observed) -> None:
    """Every line the worker wrote (stdout and stderr, start to stop) is one JSON record; faust's and
    aiokafka's records among them. Runs last in this module: it stops the worker."""
    worker = observed.worker
    code = worker.stop()
    assert code == 0, worker.log_tail()
    lines = [ln for ln in worker.log.read_text().splitlines() if ln and not ln.startswith("==== start")]
    records = []
    for line in lines:
        try:
            records.append(json.loads(line))
        except ValueError:
            pytest.fail(f"not a JSON line in the worker's log: {line[:300]!r}")
    assert all(set(r) >= {"ts", "level", "logger", "msg"} for r in records)
    loggers = {r["logger"].split(".")[0] for r in records}
    assert {"claimwatch", "faust", "aiokafka", "kafka"} <= loggers, loggers
    ours = [r for r in records if r["logger"].startswith("claimwatch")]
    assert ours[0]["logger"] == "claimwatch.worker" and ours[0]["msg"].startswith("topics:"), ours[0]
    assert any(r["msg"].startswith("dead-lettering") for r in records)
