"""`claimwatch replay`: the embedded driver -- stdout carries only JSON alerts, bad lines go to stderr."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from schemas import AlertV2 as Alert
from streams.cli import main

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / ".." / "shared" / "seeds" / "kursk-article.jsonl"


@pytest.fixture
def seed_line() -> bytes:
    return SEED.read_bytes().strip()


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_seed_replay_prints_only_alert_json_lines(seed_line: bytes) -> None:
    code, out, err = run(["replay", str(SEED)])
    assert code == 0
    lines = out.splitlines()
    assert lines, "the seed article holds at least one contradiction"
    alerts = [Alert.model_validate_json(line) for line in lines]
    assert any(a.kind == "statement_conflict" for a in alerts)
    assert "1 articles, 0 bad" in err


def test_malformed_line_between_two_valid_ones(tmp_path: Path, seed_line: bytes) -> None:
    second = json.loads(seed_line)
    second["id"] = "seed-kursk-002"
    second["source"] = "Reuters"
    src = tmp_path / "mixed.jsonl"
    src.write_bytes(seed_line + b"\n" + b'{"id": "broken", "text": \n' + json.dumps(second).encode() + b"\n")

    code, out, err = run(["replay", str(src)])

    assert code == 0
    assert "line 2: invalid_json:" in err
    assert "3 lines, 2 articles, 1 bad (invalid_json=1)" in err
    alerts = [Alert.model_validate_json(line) for line in out.splitlines()]  # every stdout line is an alert
    articles = {c.article_id for a in alerts for c in a.claims}
    assert "seed-kursk-001" in articles and "broken" not in articles
    _, seed_out, _ = run(["replay", str(SEED)])
    seed_ids = {Alert.model_validate_json(line).alert_id for line in seed_out.splitlines()}
    assert seed_ids <= {a.alert_id for a in alerts}, "the bad line changes nothing for the valid ones"


def test_invalid_article_reason_and_blank_lines(tmp_path: Path, seed_line: bytes) -> None:
    src = tmp_path / "x.jsonl"
    src.write_bytes(
        b"\n"
        + b'{"id": "a", "source": "AFP", "published_at": "2024-01-01T00:00:00Z", "text": " "}\n'
        + b"[1, 2]\n"
        + seed_line
        + b"\n\n"
    )
    code, out, err = run(["replay", str(src)])
    assert code == 0
    assert "line 2: empty_text:" in err and "line 3: not_an_object:" in err
    assert all(Alert.model_validate_json(line) for line in out.splitlines())


def test_console_script_reads_stdin_and_keeps_stdout_clean(seed_line: bytes) -> None:
    exe = Path(sys.executable).with_name("claimwatch")
    proc = subprocess.run(
        [str(exe), "replay", "-"],
        input=b"not json\n" + seed_line + b"\n",
        capture_output=True,
        timeout=60,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr.decode()
    assert b"line 1: invalid_json" in proc.stderr
    for line in proc.stdout.decode().splitlines():
        Alert.model_validate_json(line)
    assert proc.stdout.strip(), "alerts on stdout"


def test_missing_file_is_a_usage_error(tmp_path: Path) -> None:
    code, out, err = run(["replay", str(tmp_path / "nope.jsonl")])
    assert code == 2 and out == "" and "input file not found" in err


def test_extract_prints_every_claim_as_a_json_line(tmp_path: Path, seed_line: bytes) -> None:
    src = tmp_path / "two.jsonl"
    src.write_bytes(seed_line + b"\n" + b"not json\n")

    code, out, err = run(["extract", str(src)])

    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows and all(r["article_id"] == "seed-kursk-001" for r in rows)
    for field in ("sentence", "speaker", "claimant", "measure", "value", "place", "time_scope", "polarity"):
        assert all(field in r for r in rows), field
    text = json.loads(seed_line)["text"]
    assert all(r["sentence"] in text or r["sentence_index"] == -1 for r in rows)
    assert any(r["kind"] == "numeric" and r["value"] == 23 for r in rows)
    assert "line 2: invalid_json" in err and "1 articles" in err


def test_unknown_fields_ignored_and_named_or_rejected_on_request(tmp_path: Path, seed_line: bytes) -> None:
    src = tmp_path / "extra.jsonl"
    src.write_bytes(json.dumps({**json.loads(seed_line), "author": "A. Correspondent"}).encode() + b"\n")
    code, out, err = run(["replay", str(src)])
    _, seed_out, _ = run(["replay", str(SEED)])
    assert code == 0 and out == seed_out, "the extra field changes no alert"
    assert "1 articles, 0 bad" in err and "unknown fields ignored: author=1" in err

    code, out, err = run(["replay", str(src), "--unknown-fields", "reject"])
    assert code == 0 and out == ""
    assert "line 1: unknown_fields: fields not in the article schema: 'author'" in err
    assert "0 articles, 1 bad (unknown_fields=1)" in err
