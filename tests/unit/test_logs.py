"""streams.logs: one handler, one format, library levels, and what else reaches stderr (warnings,
uncaught exceptions in the main thread and in threads), checked in fresh processes."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from streams.logs import LIBRARY_LOGGERS, configure_logging, error_line, quiet_library

ROOT = Path(__file__).resolve().parents[2]
CLAIMWATCH = ROOT / ".venv" / "bin" / "claimwatch"


def run_python(code: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=ROOT,
        env={"PATH": "/usr/bin:/bin", **env},
        check=False,
    )


SCRIPT = """
    import logging, threading, warnings
    from streams.logs import configure_logging
    configure_logging("{fmt}", "info", "{library}")
    logging.getLogger("claimwatch.test").info("one")
    logging.getLogger("kafka.conn").info("a connection, at info")
    logging.getLogger("aiokafka.consumer").warning("a library warning")
    logging.getLogger("faust.app").info("faust at info")
    warnings.warn("a deprecated thing", DeprecationWarning, stacklevel=1)
    t = threading.Thread(target=lambda: 1 / 0, name="helper")
    t.start(); t.join()
    raise RuntimeError("boom\\nsecond line")
"""


def test_json_mode_every_stderr_line_is_one_json_record() -> None:
    res = run_python(SCRIPT.format(fmt="json", library="warn"))
    assert res.returncode == 1 and res.stdout == ""
    records = [json.loads(line) for line in res.stderr.splitlines()]  # raises on any non-JSON line
    by_logger = {r["logger"]: r for r in records}
    assert by_logger["claimwatch.test"]["msg"] == "one"
    assert by_logger["aiokafka.consumer"]["level"] == "warning"
    assert "kafka.conn" not in by_logger and "faust.app" not in by_logger  # library INFO is dropped
    assert "a deprecated thing" in by_logger["py.warnings"]["msg"]
    crashes = [r for r in records if r["logger"] == "claimwatch.crash"]
    assert [r["level"] for r in crashes] == ["error", "critical"]
    assert "thread helper" in crashes[0]["msg"] and "ZeroDivisionError" in crashes[0]["exc"]
    assert "RuntimeError: boom" in crashes[1]["msg"] and "second line" in crashes[1]["exc"]


def test_text_mode_and_library_level_asked_for() -> None:
    res = run_python(SCRIPT.format(fmt="text", library="info"))
    lines = res.stderr.splitlines()
    assert any(" INFO kafka.conn: a connection, at info" in ln for ln in lines)
    assert any(" INFO faust.app: faust at info" in ln for ln in lines)
    assert any(" CRITICAL claimwatch.crash: uncaught exception: RuntimeError: boom" in ln for ln in lines)
    for line in lines:
        if line.startswith("["):
            assert line.split("] ", 1)[1].split(" ", 1)[0] in {"INFO", "WARNING", "ERROR", "CRITICAL"}, line


def test_usage_error_under_json_is_one_json_line() -> None:
    res = subprocess.run(
        [str(CLAIMWATCH), "tail", "--min-confidence", "high"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "CLAIMWATCH_LOG_FORMAT": "json"},
        check=False,
    )
    assert res.returncode == 2 and res.stdout == ""
    lines = res.stderr.splitlines()
    assert len(lines) == 1, res.stderr
    record = json.loads(lines[0])
    assert record["level"] == "error" and "--min-confidence" in record["msg"]


def test_configure_is_idempotent_and_keeps_foreign_handlers() -> None:
    root = logging.getLogger()
    foreign = logging.NullHandler()
    root.addHandler(foreign)
    before = (root.level, {n: logging.getLogger(n).level for n in LIBRARY_LOGGERS})
    try:
        first = configure_logging("json", "info", "warn", hooks=False)
        second = configure_logging("text", "debug", "error", hooks=False)
        assert first not in root.handlers and second in root.handlers and foreign in root.handlers
        assert root.level == logging.DEBUG
        assert all(logging.getLogger(n).level == logging.ERROR for n in LIBRARY_LOGGERS)
        assert error_line("x: broken") == "x: broken"
        configure_logging("json", "info", "warn", hooks=False)
        assert json.loads(error_line("x: broken"))["msg"] == "x: broken"
    finally:
        configure_logging("text", "warn", "warn", hooks=False)
        root.removeHandler(foreign)
        root.setLevel(before[0])
        for name, level in before[1].items():
            logging.getLogger(name).setLevel(level)
    with pytest.raises(ValueError):
        configure_logging("xml", hooks=False)


def test_quiet_library_only_when_not_asked_for() -> None:
    kafka = logging.getLogger("kafka")
    saved = kafka.level
    try:
        kafka.setLevel(logging.WARNING)
        with quiet_library("kafka"):
            assert not kafka.isEnabledFor(logging.CRITICAL)
        assert kafka.level == logging.WARNING
        kafka.setLevel(logging.DEBUG)  # CLAIMWATCH_LIBRARY_LOG_LEVEL=debug: the operator wants them
        with quiet_library("kafka"):
            assert kafka.isEnabledFor(logging.ERROR)
    finally:
        kafka.setLevel(saved)
