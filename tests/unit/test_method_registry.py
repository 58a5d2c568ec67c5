"""docs/METHOD.md's registry tables are the code's: the checks in order, the rules, every outcome class and
every measure family with their properties. A record added, removed or changed without the document
fails here."""

from __future__ import annotations

import re
from pathlib import Path

from streams.core.checks import CHECKS
from streams.core.families import MEASURES
from streams.core.outcome_classes import OUTCOMES
from streams.core.rules import BY_NAME

METHOD = Path(__file__).resolve().parents[2] / "docs" / "METHOD.md"


def _yes(flag: bool) -> str:
    return "yes" if flag else ""


def _rows(title: str) -> list[str]:
    text = METHOD.read_text(encoding="utf-8")
    section = text.split(f"### {title}\n", 1)[1].split("\n\n", 1)[0]
    return [line for line in section.splitlines()[2:] if line.startswith("|")]


def _cells(*cells: str) -> str:
    return "| " + " | ".join(cells) + " |"


def test_the_checks_in_order() -> None:
    want = [_cells(f"`{c.name}`", ", ".join(sorted(c.kinds)), f"`{c.reason}`") for c in CHECKS]
    assert _rows("Checks, in the order they run") == want


def test_the_rules() -> None:
    want = [_cells(f"`{r.name}`", f"`{r.kind}`", _yes(r.same_source)) for r in BY_NAME.values()]
    assert _rows("Rules") == want


def test_every_outcome_class() -> None:
    want = [_cells(f"`{o.name}`", _yes(o.changes), _yes(o.of_thing), _yes(o.recovery)) for o in OUTCOMES]
    assert _rows("Outcome classes") == want


def test_every_measure_family() -> None:
    want = [
        _cells(
            f"`{m.name}`",
            _yes(m.cumulative),
            _yes(m.state),
            _yes(m.event),
            _yes(m.persons),
            _yes(m.of_containers),
        )
        for m in MEASURES
    ]
    assert _rows("Measure families") == want


def test_the_module_names_in_method_exist() -> None:
    core = Path(__file__).resolve().parents[2] / "streams" / "core"
    named = set(re.findall(r"`(\w+)\.py`", METHOD.read_text(encoding="utf-8")))
    assert named and all((core / f"{name}.py").is_file() for name in named), named
