"""Processes the end-to-end benchmark and the integration tests start: a Kafka broker
(deploy/kafka/broker.sh) and `claimwatch worker`s.

Everything started here is stopped by pid with a deadline: SIGTERM, wait, then SIGKILL. Nothing is killed by
name. Each run has its own app id, topic names (CLAIMWATCH_TOPIC_* with a unique suffix), data directories
and free ports, so a run never sees another's messages or state.

`Names` and `Worker` are shared with the integration tests (tests/integration/workerproc.py subclasses them:
`cw-test-` app ids, a short session timeout, assertion failures carrying the worker's log tail).
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import time
import urllib.error
import urllib.request
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar, TypeVar

ROOT = Path(__file__).resolve().parents[2]
BROKER_SH = ROOT / "deploy" / "kafka" / "broker.sh"
CLAIMWATCH = ROOT / ".venv" / "bin" / "claimwatch"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def free_ports(n: int) -> list[int]:
    """`n` distinct free ports, held open together while they are picked (one at a time, the system may hand
    out the same port twice once the first socket is closed)."""
    socks = [socket.socket() for _ in range(n)]
    try:
        for s in socks:
            s.bind(("127.0.0.1", 0))
        return [int(s.getsockname()[1]) for s in socks]
    finally:
        for s in socks:
            s.close()


def stop_pid(proc: subprocess.Popen[bytes], timeout: float = 30.0) -> int | None:
    """SIGTERM, wait up to `timeout`, then SIGKILL (and wait 10 s). Returns the exit code."""
    if proc.poll() is not None:
        return proc.returncode
    proc.send_signal(signal.SIGTERM)
    try:
        return proc.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        try:
            return proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            return None


class Broker:
    """A broker from deploy/kafka/broker.sh in `dir`, or an external one (`bootstrap`: never stopped)."""

    def __init__(self, dir: Path, bootstrap: str | None = None) -> None:
        self.dir = dir
        self.bootstrap = bootstrap or ""
        self.owned = bootstrap is None

    def start(self) -> Broker:
        if not self.owned:
            return self
        self.dir.mkdir(parents=True, exist_ok=True)
        r = subprocess.run(
            ["bash", str(BROKER_SH), "start", "--dir", str(self.dir)],
            capture_output=True,
            text=True,
            timeout=600,
            stdin=subprocess.DEVNULL,
            check=False,
        )
        if r.returncode != 0 or len(r.stdout.split()) != 1:
            raise RuntimeError(f"broker.sh start failed ({r.returncode}):\n{r.stderr[-3000:]}")
        self.bootstrap = r.stdout.split()[0]
        return self

    def stop(self, clean: bool = True) -> None:
        if self.owned and self.dir.exists():
            subprocess.run(
                ["bash", str(BROKER_SH), "stop", "--dir", str(self.dir)] + (["--clean"] if clean else []),
                capture_output=True,
                text=True,
                timeout=90,
                stdin=subprocess.DEVNULL,
                check=False,
            )


@dataclass
class Names:
    """Unique app id (`<app_prefix>-<suffix>`) and topic names (`<base>-<suffix>`) for one run."""

    #: partitions of every topic and of the table changelog (they must match)
    partitions: int
    suffix: str = field(default_factory=lambda: uuid.uuid4().hex[:8])
    app_prefix: ClassVar[str] = "cw-bench"

    @property
    def app_id(self) -> str:
        return f"{self.app_prefix}-{self.suffix}"

    def topic(self, base: str) -> str:
        return f"{base}-{self.suffix}"

    @property
    def articles(self) -> str:
        return self.topic("articles")

    @property
    def claims(self) -> str:
        return self.topic("claims")

    @property
    def alerts(self) -> str:
        return self.topic("alerts")

    @property
    def dlq(self) -> str:
        return self.topic("articles.dlq")

    @property
    def feedback(self) -> str:
        return self.topic("alerts.feedback")

    def env(self, bootstrap: str, extra: dict[str, str] | None = None) -> dict[str, str]:
        """This process's environment without its CLAIMWATCH_* settings, then this run's, then `extra`."""
        env = {k: v for k, v in os.environ.items() if not k.startswith("CLAIMWATCH_")}
        env.update(
            CLAIMWATCH_BROKER=f"kafka://{bootstrap}",
            CLAIMWATCH_APP_ID=self.app_id,
            CLAIMWATCH_PARTITIONS=str(self.partitions),
            CLAIMWATCH_TOPIC_ARTICLES=self.articles,
            CLAIMWATCH_TOPIC_CLAIMS=self.claims,
            CLAIMWATCH_TOPIC_ALERTS=self.alerts,
            CLAIMWATCH_TOPIC_DLQ=self.dlq,
            CLAIMWATCH_TOPIC_FEEDBACK=self.feedback,
        )
        env.update(extra or {})
        return env


def create_topics(names: Names, bootstrap: str, log: Path) -> str:
    """`claimwatch topics create` with this run's names: every topic and the changelog, explicitly."""
    with log.open("ab") as fh:
        r = subprocess.run(
            [str(CLAIMWATCH), "topics", "create", "--timeout", "60"],
            env=names.env(bootstrap),
            stdout=subprocess.PIPE,
            stderr=fh,
            stdin=subprocess.DEVNULL,
            timeout=120,
            check=False,
        )
    if r.returncode != 0:
        raise RuntimeError(f"claimwatch topics create failed ({r.returncode}), see {log}")
    return r.stdout.decode()


W = TypeVar("W", bound="Worker")


class Worker:
    """One `claimwatch worker` subprocess with its own data dir and ports; its output goes to a log file.

    Settings come from `names.env(bootstrap, extra_env)`; every `start()` picks new free ports (a restart
    too). Stopped by pid: `stop()` (SIGTERM, a deadline, then SIGKILL), `terminate()` (SIGTERM and a
    deadline, never escalates) or `kill()` (SIGKILL at once: a crash).
    """

    log_level = "warn"

    def __init__(
        self,
        names: Names,
        bootstrap: str,
        data_dir: Path,
        log: Path,
        store: str = "rocksdb",
        extra_env: dict[str, str] | None = None,
    ) -> None:
        self.names, self.bootstrap, self.data_dir, self.log = names, bootstrap, data_dir, log
        self.store, self.extra_env = store, dict(extra_env or {})
        self.metrics_port = self.web_port = 0  # chosen by start()
        self.proc: subprocess.Popen[bytes] | None = None
        self.started_at = 0.0
        self.peak_rss_mb = 0.0

    def options(self) -> list[str]:
        """Command-line options besides the data dir, the ports and the log level."""
        return ["--store", self.store, "--web-host", "127.0.0.1"]

    def start(self: W) -> W:
        self.metrics_port, self.web_port = free_ports(2)
        args = [
            str(CLAIMWATCH),
            "worker",
            "--data-dir",
            str(self.data_dir),
            "--web-port",
            str(self.web_port),
            "--metrics-port",
            str(self.metrics_port),
            "--log-level",
            self.log_level,
            *self.options(),
        ]
        self.log.parent.mkdir(parents=True, exist_ok=True)
        with self.log.open("ab") as fh:
            fh.write(f"\n==== start {' '.join(args)}\n".encode())
            self.proc = subprocess.Popen(
                args,
                stdout=fh,
                stderr=subprocess.STDOUT,
                stdin=subprocess.DEVNULL,
                env=self.names.env(self.bootstrap, self.extra_env),
            )
        self.started_at = time.monotonic()
        return self

    @property
    def pid(self) -> int:
        assert self.proc is not None, "worker not started"
        return self.proc.pid

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.metrics_port}"

    def get(self, path: str) -> tuple[int, str]:
        try:
            with urllib.request.urlopen(self.url + path, timeout=5) as resp:
                return resp.status, resp.read().decode()
        except urllib.error.HTTPError as exc:
            return exc.code, exc.read().decode()

    def log_tail(self, lines: int = 60) -> str:
        try:
            return "\n".join(self.log.read_text(errors="replace").splitlines()[-lines:])
        except OSError:
            return "(no log)"

    def failure(self, msg: str) -> Exception:
        """What `wait_ready` raises when the worker dies or is late."""
        return RuntimeError(f"{msg}; log {self.log}")

    def wait_ready(self, timeout: float = 120.0) -> float:
        """Poll /readyz until 200; returns seconds since `start()`."""
        t0 = time.monotonic()
        last = "no answer"
        while time.monotonic() - t0 < timeout:
            assert self.proc is not None, "worker not started"
            if self.proc.poll() is not None:
                raise self.failure(f"worker exited with {self.proc.returncode}")
            try:
                status, body = self.get("/readyz")
                if status == 200:
                    return time.monotonic() - self.started_at
                last = f"{status} {body.strip()[:80]}"
            except OSError as exc:
                last = repr(exc)
            time.sleep(0.2)
        raise self.failure(f"worker not ready after {timeout} s (last /readyz: {last})")

    def metric(self, name: str) -> float | None:
        """Sum of all samples of one metric family sample name (e.g. claimwatch_articles_consumed_total)."""
        try:
            status, text = self.get("/metrics")
        except OSError:
            return None
        if status != 200:
            return None
        total, seen = 0.0, False
        for line in text.splitlines():
            if line.startswith(name) and (line[len(name)] in " {"):
                total += float(line.rsplit(" ", 1)[1])
                seen = True
        return total if seen else None

    def vm_hwm_mb(self) -> float:
        """Peak RSS of the worker process (VmHWM), remembered across calls (survives the process)."""
        if self.alive():
            try:
                with open(f"/proc/{self.pid}/status") as fh:
                    for line in fh:
                        if line.startswith("VmHWM:"):
                            self.peak_rss_mb = max(self.peak_rss_mb, int(line.split()[1]) / 1024)
            except OSError:
                pass
        return round(self.peak_rss_mb, 1)

    def kill(self) -> int | None:
        """SIGKILL (a crash: no commit, no LeaveGroup); returns the exit code once reaped."""
        self.vm_hwm_mb()
        if self.proc is None:
            return None
        self.proc.kill()  # a no-op once the process has been reaped
        return self.proc.wait(timeout=30)

    def terminate(self, timeout: float = 30.0) -> tuple[int | None, float]:
        """SIGTERM and wait up to `timeout`: (exit code or None if still running, seconds waited).

        Unlike `stop`, never escalates: the caller asserts on the deadline (and `stop()`s after)."""
        assert self.proc is not None, "worker not started"
        self.vm_hwm_mb()
        started = time.monotonic()
        self.proc.send_signal(signal.SIGTERM)
        try:
            code: int | None = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            code = None
        return code, time.monotonic() - started

    def stop(self, timeout: float = 30.0) -> int | None:
        """SIGTERM, wait up to `timeout`, then SIGKILL. Returns the exit code (None if never started)."""
        self.vm_hwm_mb()
        return stop_pid(self.proc, timeout) if self.proc is not None else None
