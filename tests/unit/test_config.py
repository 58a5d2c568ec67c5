"""Settings as an operator meets them: docs/CONFIG.md generated from the model (and failing here when it
drifts), `claimwatch config` with the source of every value and secrets masked, and error messages whose
hints name only flags that exist."""

from __future__ import annotations

import ast
import io
import json
import re
import subprocess
import sys
from pathlib import Path
from typing import Any, Literal, get_origin

import pytest

from streams import configref
from streams.cli import COMMAND_SETTINGS, ENV_ONLY, build_parser, command_parser, main
from streams.exceptions import ConfigError
from streams.settings import MASK, Settings, allowed, env_var, is_secret, load_sourced, masked

ROOT = Path(__file__).resolve().parents[2]
CONFIG_MD = ROOT / "docs" / "CONFIG.md"
FLAG = re.compile(r"(?<![\w-])--[a-z][a-z0-9-]*")


def run(argv: list[str]) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(argv, out=out, err=err)
    return code, out.getvalue(), err.getvalue()


def test_config_md_is_generated_from_the_model() -> None:
    expected = configref.markdown(build_parser())
    assert CONFIG_MD.read_text(encoding="utf-8") == expected, (
        "docs/CONFIG.md differs from the settings: "
        "run `.venv/bin/claimwatch config --markdown > docs/CONFIG.md`"
    )


def test_config_md_lists_every_setting_with_env_flag_default_range_and_meaning() -> None:
    rows = {
        line.split("|")[1].strip(" `"): [c.strip() for c in line.split("|")[2:-1]]
        for line in CONFIG_MD.read_text(encoding="utf-8").splitlines()
        if line.startswith("| `")
    }
    assert set(rows) == set(Settings.model_fields)
    for name, field in Settings.model_fields.items():
        env, flag, commands, default, allowed_text, meaning = rows[name]
        assert env == f"`{env_var(name)}`"
        if name in ENV_ONLY:  # a secret: from the environment only, never a flag
            assert (flag, commands) == ("none", "none")
        else:
            assert f"`--{name.replace('_', '-')}`" in flag and "worker" in commands
        assert default == f"`{field.default}`"
        assert allowed_text == allowed(field) and meaning == field.description


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_every_setting_has_a_meaning_and_a_range(name: str) -> None:
    field = Settings.model_fields[name]
    assert field.description and len(field.description) > 20, f"{name}: say what it means"
    bounded = field.metadata or get_origin(field.annotation) is Literal
    assert bounded, f"{name}: no constraint, so no documented range"
    # the range is checked where the value is read: a value outside it is refused
    with pytest.raises(ConfigError, match=env_var(name)):
        load_sourced({env_var(name): "\x00 out of range \x00 -1"})


def test_config_reports_the_source_of_each_value(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_PARTITIONS", "8")
    monkeypatch.setenv("CLAIMWATCH_HISTORY_DAYS", "9")
    monkeypatch.setenv("CLAIMWATCH_HISTRY_DAYS", "3")  # misspelt: no setting
    code, out, err = run(["config", "--format", "json", "--history-days", "2.5", "--store", "memory"])
    assert code == 0, err
    doc = json.loads(out)
    s = doc["settings"]
    assert set(s) == set(Settings.model_fields)
    assert s["partitions"] == {"value": 8, "source": "env", "env": "CLAIMWATCH_PARTITIONS"}
    assert s["history_days"]["value"] == 2.5 and s["history_days"]["source"] == "flag"
    assert s["store"] == {"value": "memory", "source": "flag", "env": "CLAIMWATCH_STORE"}
    assert s["replication"]["source"] == "default" and s["replication"]["value"] == 1
    assert doc["unknown_env"] == ["CLAIMWATCH_HISTRY_DAYS"]
    assert doc["version"] == _project_version()

    code, text, _ = run(["config", "--history-days", "2.5"])
    assert code == 0
    rows = {line.split()[0]: line.split() for line in text.splitlines() if not line.startswith("#")}
    assert rows["partitions"][1:] == ["8", "env", "CLAIMWATCH_PARTITIONS"]
    assert rows["history_days"][1:] == ["2.5", "flag", "CLAIMWATCH_HISTORY_DAYS"]
    assert rows["log_format"][1:] == ["text", "default", "CLAIMWATCH_LOG_FORMAT"]
    assert "CLAIMWATCH_HISTRY_DAYS is set but is no setting" in text


def test_config_masks_secrets(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_BROKER", "kafka://ops:hunter2@k1:9092,kafka://k2:9092")
    for fmt in ("text", "json"):
        code, out, _ = run(["config", "--format", fmt])
        assert code == 0
        assert "hunter2" not in out and f"kafka://ops:{MASK}@k1:9092,kafka://k2:9092" in out
    # an invalid secret is not echoed in the error either
    with pytest.raises(ConfigError) as exc:
        load_sourced({"CLAIMWATCH_BROKER": "kafka://ops:hunter2@k1:9092", "CLAIMWATCH_PARTITIONS": "0"})
    assert "hunter2" not in str(exc.value)


@pytest.mark.parametrize(
    "name",
    ["sasl_password", "ssl_key_password", "api_token", "client_secret", "sasl_secret", "aws_access_key"],
)
def test_secret_names_are_masked(name: str) -> None:
    assert is_secret(name) and masked(name, "s3cr3t") == MASK


@pytest.mark.parametrize("name", list(Settings.model_fields))
def test_no_current_setting_is_taken_for_a_secret(name: str) -> None:
    # history_per_key, max_message_bytes ...: "key" or "bytes" alone do not make a secret; sasl_mechanism,
    # ssl_cafile ...: declared not secret in the model; the secret settings are desk_token and sasl_password
    secrets = {"desk_token", "sasl_password"}
    assert is_secret(name) == (name in secrets)
    if name in secrets:
        assert masked(name, "x" * 16) == MASK
    else:
        assert masked(name, getattr(Settings(), name)) == getattr(Settings(), name)


def _bad_value(name: str) -> str | None:
    """A value the setting refuses from the environment (None: none of the candidates)."""
    for candidate in ("no such value !", "-1", "kafka://nohost"):
        try:
            load_sourced({env_var(name): candidate})
        except ConfigError:
            return candidate
    return None


@pytest.mark.parametrize("command", list(COMMAND_SETTINGS))
def test_invalid_setting_hints_only_at_flags_the_command_has(
    command: str, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    sub = command_parser(build_parser(), command)
    options = {o for a in sub._actions for o in a.option_strings}
    argv = command.split() + (
        ["nothing.jsonl"] if command in ("replay", "extract", "explain", "send") else []
    )
    argv += ["--a", "x", "--b", "y"] if command == "explain" else []
    checked = 0
    for name in Settings.model_fields:
        bad = _bad_value(name)
        if bad is None:
            continue
        monkeypatch.setenv(env_var(name), bad)
        monkeypatch.chdir(tmp_path)
        code, out, err = run(argv)
        monkeypatch.delenv(env_var(name))
        assert code == 2 and out == "", (name, err)
        assert env_var(name) in err, err
        hinted = set(FLAG.findall(err))
        assert hinted <= options, f"{command}: {err.strip()} names {hinted - options}, which it does not have"
        flag = "--" + name.replace("_", "-")
        assert (flag in hinted) == (flag in options), f"{command}: the hint should name {flag}: {err}"
        checked += 1
    assert checked >= 20


def test_history_per_key_hint_names_a_real_flag(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CLAIMWATCH_HISTORY_PER_KEY", "0")
    code, _, err = run(["worker"])
    assert code == 2
    assert "CLAIMWATCH_HISTORY_PER_KEY=0 (or --history-per-key): must be an integer from 1 to 100000" in err
    args = build_parser().parse_args(["worker", "--history-per-key", "5"])
    assert args.history_per_key == 5
    code, _, err = run(["tail", "--timeout", "1"])
    assert code == 2 and "--history-per-key" not in err  # tail has no such flag: only the variable


def _all_options(parser: Any) -> set[str]:
    import argparse

    out = {o for a in parser._actions for o in a.option_strings}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                if name != "bench":  # bench passes its arguments to the benchmark's own parser
                    out |= _all_options(child)
    return out


def test_every_flag_named_in_the_code_exists() -> None:
    """Any `--flag` in a string of streams/ (messages, help, docstrings) is an option of the CLI."""
    options = _all_options(build_parser())
    named: dict[str, set[str]] = {}
    for path in sorted((ROOT / "streams").rglob("*.py")):
        if "bench" in path.relative_to(ROOT).parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                for flag in FLAG.findall(node.value):
                    named.setdefault(flag, set()).add(path.name)
    assert named, "the scan found no flag at all"
    missing = {flag: sorted(files) for flag, files in named.items() if flag not in options}
    assert not missing, f"flags named in messages that no command has: {missing}"


def _project_version() -> str:
    text = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    return re.search(r'^version = "([^"]+)"', text, re.M).group(1)  # type: ignore[union-attr]


def test_version() -> None:
    exe = Path(sys.executable).with_name("claimwatch")
    proc = subprocess.run([str(exe), "--version"], capture_output=True, text=True, timeout=60, check=False)
    assert proc.returncode == 0
    assert proc.stdout == f"claimwatch {_project_version()}\n"
