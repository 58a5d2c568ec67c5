"""Cost of the parse: per-article time of the pipeline split into parse and the rest, the share of words
parsed, and (with --compare TREE) the same stream through another checkout's pipeline, side by side.

    python -m streams.bench.parsecost                          # 300 generated ~600-word articles
    python -m streams.bench.parsecost --compare ../old-tree    # and the pipeline of another checkout
    python -m streams.bench.parsecost --json out.json

One process per pipeline, one core, the same generated file; the two pipelines run in alternating rounds so
that drift of a shared machine falls on both. Figures are printed, never asserted.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[2]

_WORKER = r"""
import json, sys, time, resource
from streams.core.guard import parse_article
from streams.core.pipeline import Pipeline
lines = open(sys.argv[1], "rb").read().splitlines()
rounds = int(sys.argv[2])
arts = [parse_article(l) for l in lines if l.strip()]
pipe = Pipeline()
pipe.process_article(arts[0])  # load models and caches outside the timing
for r in range(rounds):
    input()
    pipe = Pipeline()
    t = time.perf_counter()
    for a in arts:
        pipe.process_article(a)
    dt = time.perf_counter() - t
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"seconds": dt, "articles": len(arts), "peak_rss_mb": rss}), flush=True)
"""


def _words(text: str) -> int:
    return len(re.findall(r"\S+", text))


def split_cost(path: Path) -> dict[str, Any]:
    """Per-article time in the parse and in everything else, and the share of words parsed."""
    from streams.core import claims, parse
    from streams.core.guard import parse_article
    from streams.core.pipeline import Pipeline

    arts = [parse_article(line) for line in path.read_bytes().splitlines() if line.strip()]
    parsed_words = 0
    parse_seconds = 0.0
    real_parse = parse.parse

    def timed(texts: Any, budget: int = parse.MAX_PARSE_CHARS) -> Any:
        nonlocal parsed_words, parse_seconds
        t = time.perf_counter()
        out = real_parse(texts, budget)
        parse_seconds += time.perf_counter() - t
        parsed_words += sum(_words(x) for x, d in zip(texts, out, strict=True) if d is not None)
        return out

    Pipeline().process_article(arts[0])  # load the model outside the timing
    claims.parse = timed  # type: ignore[assignment]  (where extraction calls the parse)
    try:
        pipe = Pipeline()
        t = time.perf_counter()
        for a in arts:
            pipe.process_article(a)
        total = time.perf_counter() - t
    finally:
        claims.parse = real_parse  # type: ignore[assignment]
    if parsed_words == 0:
        raise RuntimeError("the parse was never timed: extraction no longer calls streams.core.claims.parse")
    words = sum(_words(a.title) + _words(a.text) for a in arts)
    n = len(arts)
    return {
        "articles": n,
        "words_per_article": round(words / n),
        "ms_per_article": round(1000 * total / n, 2),
        "parse_ms_per_article": round(1000 * parse_seconds / n, 2),
        "rest_ms_per_article": round(1000 * (total - parse_seconds) / n, 2),
        "parse_share_of_time": round(parse_seconds / total, 3),
        "share_of_words_parsed": round(parsed_words / words, 3),
        "articles_per_s": round(n / total, 1),
    }


def side_by_side(path: Path, trees: dict[str, Path], rounds: int) -> dict[str, Any]:
    procs = {}
    for name, tree in trees.items():
        env = {**os.environ, "PYTHONPATH": str(tree)}
        procs[name] = subprocess.Popen(
            [sys.executable, "-c", _WORKER, str(path), str(rounds)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
            cwd=tree,
            env=env,
        )
    results: dict[str, list[dict[str, Any]]] = {name: [] for name in trees}
    for _ in range(rounds):
        for name, p in procs.items():  # one at a time: never two pipelines on the core at once
            assert p.stdin is not None and p.stdout is not None
            p.stdin.write("\n")
            p.stdin.flush()
            results[name].append(json.loads(p.stdout.readline()))
    for p in procs.values():
        p.wait(timeout=60)
    out: dict[str, Any] = {}
    for name, rows in results.items():
        rates = sorted(r["articles"] / r["seconds"] for r in rows)
        out[name] = {
            "articles_per_s_median": round(rates[len(rates) // 2], 1),
            "articles_per_s_all": [round(x, 1) for x in rates],
            "peak_rss_mb": round(max(r["peak_rss_mb"] for r in rows)),
        }
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="claimwatch bench parsecost", description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=300)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--compare", help="another checkout whose pipeline runs the same stream side by side")
    ap.add_argument("--json", help="write the figures as JSON ('-' for stdout)")
    args = ap.parse_args(argv)
    from streams.bench.inprocess import generate_file

    path = generate_file(
        ROOT / "bench-out" / f"gen-{args.articles}-{args.seed}.jsonl", args.articles, args.seed
    )
    result: dict[str, Any] = {"split": split_cost(path)}
    s = result["split"]
    print(
        f"parse cost: {s['articles']} articles of ~{s['words_per_article']} words: "
        f"{s['ms_per_article']} ms/article = parse {s['parse_ms_per_article']} + rest "
        f"{s['rest_ms_per_article']} (parse {s['parse_share_of_time']:.0%} of the time; "
        f"{s['share_of_words_parsed']:.0%} of words parsed)"
    )
    if args.compare:
        trees = {"this": ROOT, "compare": Path(args.compare).resolve()}
        result["side_by_side"] = side_by_side(path, trees, args.rounds)
        a, b = result["side_by_side"]["this"], result["side_by_side"]["compare"]
        ratio = a["articles_per_s_median"] / b["articles_per_s_median"]
        result["ratio"] = round(ratio, 2)
        print(
            f"side by side ({args.rounds} rounds): this {a['articles_per_s_median']} articles/s "
            f"(peak RSS {a['peak_rss_mb']} MB), compare {b['articles_per_s_median']} articles/s "
            f"(peak RSS {b['peak_rss_mb']} MB): ratio {ratio:.2f}"
        )
    if args.json:
        text = json.dumps(result, indent=2)
        if args.json == "-":
            print(text)
        else:
            Path(args.json).write_text(text + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
