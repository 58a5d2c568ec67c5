"""Benchmarks for claimwatch: a seeded article-stream generator, in-process and end-to-end benchmarks.

    python -m benchmarks.generate --articles 2000 --seed 7 > stream.jsonl
    python -m benchmarks.inprocess [--json]
    python -m benchmarks.e2e [--bootstrap HOST:PORT] [--workers 2] [--json]

Method and latest figures: BENCHMARKS.md at the repository root.
"""
