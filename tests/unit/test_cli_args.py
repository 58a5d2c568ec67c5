"""Command-line arguments: ranges checked at parse time with the allowed range in the message, and input
files that are not readable JSONL named for what they are."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from streams.cli import build_parser, main


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (
            ["tail", "--min-confidence", "85"],
            "argument --min-confidence: must be a number from 0 to 1, not '85'",
        ),
        (["tail", "--min-confidence", "-0.1"], "must be a number from 0 to 1, not '-0.1'"),
        (["tail", "--min-confidence", "nan"], "must be a number from 0 to 1, not 'nan'"),
        (["tail", "--max", "0"], "argument --max: must be an integer ≥ 1, not '0'"),
        (["tail", "--max", "2.5"], "argument --max: must be an integer ≥ 1, not '2.5'"),
        (["tail", "--timeout", "0"], "argument --timeout: must be a number > 0, not '0'"),
        (["send", "x.jsonl", "--timeout", "-3"], "argument --timeout: must be a number > 0, not '-3'"),
        (["topics", "create", "--timeout", "0"], "argument --timeout: must be a number > 0, not '0'"),
        (
            ["worker", "--partitions", "0"],
            "argument --partitions: must be an integer from 1 to 1024, not '0'",
        ),
        (["worker", "--metrics-port", "70000"], "must be an integer from 0 to 65535, not '70000'"),
        (["worker", "--broker", "localhost"], "argument --broker: must be one or more host:port"),
        (["worker", "--topic-alerts", "my alerts"], "argument --topic-alerts: must be a Kafka topic name"),
        (["replay", "f", "--history-days", "0"], "argument --history-days: must be a number > 0, not '0'"),
        (["replay", "f", "--unknown-fields", "drop"], "argument --unknown-fields: invalid choice: 'drop'"),
    ],
)
def test_out_of_range_arguments_are_refused(
    argv: list[str], message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(SystemExit) as exc:
        build_parser().parse_args(argv)
    assert exc.value.code == 2
    assert message in capsys.readouterr().err


@pytest.mark.parametrize(
    ("argv", "dest", "value"),
    [
        (["tail", "--min-confidence", "0"], "min_confidence", 0.0),
        (["tail", "--min-confidence", "1"], "min_confidence", 1.0),
        (["tail", "--min-confidence", "0.85"], "min_confidence", 0.85),
        (["tail", "--max", "1"], "max_alerts", 1),
        (["tail", "--timeout", "0.5"], "timeout", 0.5),
        (["worker", "--partitions", "1024"], "partitions", 1024),
        (["worker", "--broker", "kafka://a:1,b:2"], "broker", "kafka://a:1,b:2"),
        (["worker", "-l", "debug"], "log_level", "debug"),
        (["replay", "f", "--unknown-fields", "reject"], "unknown_fields", "reject"),
    ],
)
def test_values_in_range_are_taken(argv: list[str], dest: str, value: object) -> None:
    assert getattr(build_parser().parse_args(argv), dest) == value


@pytest.mark.parametrize("command", ["replay", "extract", "send"])
def test_a_directory_is_named_as_one(command: str, tmp_path: Path) -> None:
    code, out, err = run([command, str(tmp_path)])
    assert code == 2 and out == ""
    assert f"{tmp_path} is a directory; give a JSONL file of articles (or - for stdin)" in err


@pytest.mark.parametrize("command", ["replay", "extract", "send"])
def test_an_empty_file_is_named_as_one(command: str, tmp_path: Path) -> None:
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    code, out, err = run([command, str(empty)])
    assert code == 2 and out == ""
    assert f"{empty} is empty: nothing to read" in err


def test_a_file_that_cannot_be_read() -> None:
    # /proc/self/mem opens but refuses a read at offset 0 (EIO), for root too
    code, out, err = run(["replay", "/proc/self/mem"])
    assert code == 2 and out == ""
    assert "cannot read /proc/self/mem: Input/output error" in err


def test_missing_file(tmp_path: Path) -> None:
    code, _, err = run(["extract", str(tmp_path / "nope.jsonl")])
    assert code == 2 and f"input file not found: {tmp_path / 'nope.jsonl'}" in err
