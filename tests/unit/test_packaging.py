"""What the wheel installs: the project's own packages only (`streams`, `schemas`), the benchmarks inside
`streams.bench`, and the `claimwatch` console script that runs them."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SKIP = {".git", ".venv", "var", "bench-out", "build", "__pycache__", ".pytest_cache", ".ruff_cache"}


def test_wheel_ships_only_the_project_packages(tmp_path: Path) -> None:
    src = tmp_path / "src"
    # a copy of the tree, so that the build leaves nothing behind in the checkout
    shutil.copytree(
        ROOT, src, ignore=lambda _d, names: [n for n in names if n in SKIP or n.endswith(".egg-info")]
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "wheel",
            "-q",
            "--no-deps",
            "--no-build-isolation",
            "-w",
            str(tmp_path / "dist"),
            str(src),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    (wheel,) = (tmp_path / "dist").glob("claimwatch-*.whl")
    names = zipfile.ZipFile(wheel).namelist()
    top = {n.split("/", 1)[0] for n in names if not n.split("/", 1)[0].endswith(".dist-info")}
    assert top == {"streams", "schemas"}, f"top-level names installed by the wheel: {sorted(top)}"
    assert "streams/bench/generate.py" in names and "streams/bench/e2e.py" in names
    assert "schemas/json/article.schema.json" in names
    assert "streams/core/data/person_nouns.txt" in names  # the lexicons the extractor loads at import
    assert "streams/core/data/event_nouns.txt" in names
    assert "streams/core/data/adjective_antonyms.txt" in names
    assert "streams/core/data/peoples.txt" in names
    assert "streams/core/data/motion_verbs.txt" in names
    assert "streams/templates/desk.html" in names  # the review page's template
    assert "schemas/json/alert_v2.schema.json" in names and "schemas/json/feedback.schema.json" in names
    entry_points = next(n for n in names if n.endswith(".dist-info/entry_points.txt"))
    assert "claimwatch = streams.cli:main" in zipfile.ZipFile(wheel).read(entry_points).decode()


def test_bench_runs_through_the_cli() -> None:
    exe = Path(sys.executable).with_name("claimwatch")
    proc = subprocess.run(
        [str(exe), "bench", "generate", "--articles", "3", "--seed", "5"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert len(rows) == 3 and all(r["id"] and r["text"] for r in rows)
