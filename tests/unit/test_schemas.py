"""The committed JSON Schema files match the models (drift test) and the public names are pinned."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import schemas
from schemas.generate import render

JSON_DIR = Path(schemas.__file__).parent / "json"


@pytest.mark.parametrize("name", sorted(schemas.MODELS))
def test_schema_file_matches_model(name: str) -> None:
    path = JSON_DIR / f"{name}.schema.json"
    assert path.is_file(), f"{path} is missing: run `python -m schemas.generate` and commit schemas/json/"
    assert path.read_text(encoding="utf-8") == render(name), (
        f"{path.name} is out of date with the {schemas.MODELS[name].__name__} model: "
        "run `python -m schemas.generate` and commit schemas/json/"
    )


def test_no_stale_schema_files() -> None:
    on_disk = {p.name for p in JSON_DIR.glob("*.json")}
    assert on_disk == {f"{name}.schema.json" for name in schemas.MODELS}


@pytest.mark.parametrize("name", sorted(schemas.MODELS))
def test_rendered_schema_is_valid_json_with_an_id(name: str) -> None:
    schema = json.loads(render(name))
    assert schema["$id"] == f"https://claimwatch.invalid/schemas/{name}.schema.json"
    assert schema["type"] == "object"
    assert schema["additionalProperties"] is False  # extra="forbid" shows in the contract


def test_public_names_are_pinned() -> None:
    assert schemas.__all__ == [
        "Alert",
        "AlertClaim",
        "AlertKind",
        "AlertV2",
        "Article",
        "Claim",
        "ClaimBatch",
        "DeadLetter",
        "DISMISS_REASONS",
        "Feedback",
        "Figure",
        "MODELS",
        "Span",
    ]
    for name in schemas.__all__:
        assert hasattr(schemas, name)


def test_topic_models_are_pinned() -> None:
    assert schemas.MODELS == {
        "article": schemas.Article,
        "claim_batch": schemas.ClaimBatch,
        "alert": schemas.Alert,
        "alert_v2": schemas.AlertV2,
        "feedback": schemas.Feedback,
        "dead_letter": schemas.DeadLetter,
    }
