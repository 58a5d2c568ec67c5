"""Write schemas/json/<name>.schema.json from the models: `python -m schemas.generate`."""

from __future__ import annotations

import json
from pathlib import Path

from . import MODELS

OUT = Path(__file__).parent / "json"


def render(name: str) -> str:
    schema = MODELS[name].model_json_schema()
    schema["$id"] = f"https://claimwatch.invalid/schemas/{name}.schema.json"
    return json.dumps(schema, indent=2, sort_keys=True) + "\n"


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name in MODELS:
        (OUT / f"{name}.schema.json").write_text(render(name), encoding="utf-8")


if __name__ == "__main__":
    main()
