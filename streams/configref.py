"""The settings, shown: the effective configuration (`claimwatch config`) and the reference
(`claimwatch config --markdown`, committed as docs/CONFIG.md), both read from the Settings model and the
command line's real flags, so neither can say something the code does not do."""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from typing import Any

from .settings import ENV_PREFIX, Settings, allowed, env_var, is_secret, masked

SOURCES = ("flag", "env", "default")


def _commands(parser: argparse.ArgumentParser, prefix: str = "") -> dict[str, argparse.ArgumentParser]:
    """{"worker": parser, "topics create": parser, ...}: every leaf command of `parser`."""
    out: dict[str, argparse.ArgumentParser] = {}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, child in action.choices.items():
                out.update(_commands(child, f"{prefix}{name} "))
    if not out and prefix:
        out[prefix.strip()] = parser
    return out


def flags_by_setting(parser: argparse.ArgumentParser) -> dict[str, tuple[list[str], list[str]]]:
    """{setting: (its option strings, the commands that take them)} from the real parser."""
    out: dict[str, tuple[list[str], list[str]]] = {}
    for command, sub in _commands(parser).items():
        for action in sub._actions:
            if action.dest in Settings.model_fields and action.option_strings:
                opts, commands = out.setdefault(action.dest, ([], []))
                opts.extend(o for o in action.option_strings if o not in opts)
                commands.append(command)
    return out


def unknown_env(env: Mapping[str, str]) -> list[str]:
    """CLAIMWATCH_* variables that name no setting (a typo is otherwise silently ignored)."""
    known = {env_var(name) for name in Settings.model_fields}
    return sorted(k for k in env if k.startswith(ENV_PREFIX) and k not in known)


def effective(settings: Settings, sources: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    """{setting: {value, source, env}} with secrets masked."""
    return {
        name: {
            "value": masked(name, getattr(settings, name)),
            "source": sources.get(name, "default"),
            "env": env_var(name),
        }
        for name in Settings.model_fields
    }


def render_json(settings: Settings, sources: Mapping[str, str], version: str, env: Mapping[str, str]) -> str:
    doc = {"version": version, "settings": effective(settings, sources), "unknown_env": unknown_env(env)}
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def render_text(settings: Settings, sources: Mapping[str, str], version: str, env: Mapping[str, str]) -> str:
    rows = [("setting", "value", "source", "environment variable")]
    for name, row in effective(settings, sources).items():
        rows.append((name, str(row["value"]), row["source"], row["env"]))
    widths = [max(len(r[i]) for r in rows) for i in range(3)]
    lines = [f"# claimwatch {version}: effective settings (flag, else environment, else default)"]
    lines += [
        "  ".join(cell.ljust(w) for cell, w in zip(r[:3], widths, strict=True)) + "  " + r[3] for r in rows
    ]
    for var in unknown_env(env):
        lines.append(f"# {var} is set but is no setting: ignored (a typo?)")
    return "\n".join(line.rstrip() for line in lines) + "\n"


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def markdown(parser: argparse.ArgumentParser) -> str:
    """docs/CONFIG.md: every setting with its variable, flag, default, allowed range and meaning."""
    flags = flags_by_setting(parser)
    out = [
        "# Configuration",
        "",
        "<!-- Generated from streams/settings.py by `claimwatch config --markdown > docs/CONFIG.md`;",
        "     tests/unit/test_config.py fails when this file and the settings differ.",
        "     Edit the model, then regenerate. -->",
        "",
        "Every setting is read from its `CLAIMWATCH_*` environment variable and from a flag on the",
        "commands that use it. A flag wins over the variable, the variable over the default; a variable",
        "set to the empty string counts as unset. Every value is checked when a command starts: a value",
        "outside its range stops the command with exit code 2 and a message naming the variable or flag",
        "and what it must be.",
        "",
        "`claimwatch config` prints the effective settings and where each comes from (`default`, `env`,",
        "`flag`); `--format json` prints the same for programs. It takes every flag below, so",
        "`claimwatch config --partitions 8` shows what a command given that flag would run with. The values",
        "of secret settings (a name with password, secret, token, sasl, ssl or credentials) and any",
        "password inside a URL (`kafka://user:password@host:9092`) are masked. It also names any",
        "`CLAIMWATCH_*` variable that is no setting, since a misspelt variable is otherwise ignored.",
        "",
        "| Setting | Environment variable | Flag | Commands | Default | Allowed | Meaning |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, field in Settings.model_fields.items():
        opts, commands = flags.get(name, ([], []))
        shown = [c for c in commands if c != "config"]
        default = masked(name, field.default) if is_secret(name) else field.default
        out.append(
            "| "
            + " | ".join(
                _cell(c)
                for c in (
                    f"`{name}`",
                    f"`{env_var(name)}`",
                    ", ".join(f"`{o}`" for o in opts) or "none",
                    ", ".join(shown) or "none",
                    f"`{default}`",
                    allowed(field),
                    field.description or "",
                )
            )
            + " |"
        )
    out += [
        "",
        "Every flag in the table is also accepted by `claimwatch config`.",
        "",
    ]
    return "\n".join(out)
