"""Benchmarks for claimwatch: a seeded article-stream generator, in-process and end-to-end benchmarks.

    claimwatch bench generate --articles 2000 --seed 7 > stream.jsonl
    claimwatch bench inprocess [--json out.json]
    claimwatch bench e2e [--bootstrap HOST:PORT] [--workers 2] [--json out.json]
    claimwatch bench parsecost [--compare ../other-checkout]
    scripts/bench [--quick]                      # all of them, results in bench-out/

(`python -m streams.bench.<name>` runs the same.) They run from a checkout: the end-to-end benchmark starts
the broker with deploy/kafka/broker.sh and workers from .venv/. Method and latest figures: BENCHMARKS.md.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType


def _module(name: str) -> Callable[[], ModuleType]:
    return lambda: importlib.import_module(f"{__name__}.{name}")


#: `claimwatch bench NAME`: each module has `main(argv) -> int`; imported only when chosen (e2e and
#: parsecost pull in more than the in-process benchmark needs)
BENCHMARKS: dict[str, Callable[[], ModuleType]] = {
    name: _module(name) for name in ("inprocess", "e2e", "generate", "parsecost")
}
