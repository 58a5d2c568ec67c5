"""In-process benchmark of the pure core: extraction, the whole pipeline, and growth with state.

    python -m streams.bench.inprocess                       # all sections, readable tables
    python -m streams.bench.inprocess --json out.json       # also the figures as JSON ('-' for stdout)
    python -m streams.bench.inprocess --quick               # small sizes (a smoke run, ~1 min)

Sections (one process, one core; the machine is shared, so numbers are printed, never asserted):
  extract    `extract_batches` alone over the generated stream and over ../shared/eval/dev/articles.jsonl:
             articles/s, claims/s, claims and ClaimBatches per article
  pipeline   `Pipeline().process_article` per article, from an empty state: articles/s, claims/s, alerts,
             latency p50/p95/p99 (time.perf_counter around each call), peak RSS (ru_maxrss), messages on
             `claims` = table writes per article (ClaimBatches), messages on `alerts` per article
  growth     a long stream through one Pipeline; at checkpoints of claims written to state (1k, 10k, 50k,
             100k): per-article cost over the last window, claims held (Pipeline.claims_held), state size
             (JSON bytes), current RSS
  profile    (--profile) cProfile of a steady-state window: the top functions by own time, % of the total

Articles are generated into a file first (by a subprocess) and streamed from it, so the measured process
never holds the whole stream: RSS is the pipeline's, not the test data's.
"""

from __future__ import annotations

import argparse
import cProfile
import json
import os
import pstats
import resource
import statistics
import subprocess
import sys
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from schemas import Article
from streams.core.extract import extract_batches
from streams.core.guard import parse_article
from streams.core.pipeline import Pipeline
from streams.core.store import SEGMENT_SEP, StateBounds

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT.parent / "shared" / "eval" / "dev" / "articles.jsonl"


# ---------------------------------------------------------------- helpers
def rss_mb() -> float:
    """Current resident set size (VmRSS) of this process, MB."""
    with open("/proc/self/status") as fh:
        for line in fh:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KB on Linux


def pct(values: list[float], q: float) -> float:
    if not values:
        return float("nan")
    s = sorted(values)
    k = min(len(s) - 1, max(0, round(q / 100 * (len(s) - 1))))
    return s[k]


def generate_file(path: Path, articles: int, seed: int) -> Path:
    """Write a generated stream with a subprocess (keeps this process's memory clean); cached by name."""
    if path.exists() and path.stat().st_size > 0:
        return path
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("wb") as fh:
        subprocess.run(
            [
                sys.executable,
                "-m",
                "streams.bench.generate",
                "--articles",
                str(articles),
                "--seed",
                str(seed),
            ],
            stdout=fh,
            check=True,
            cwd=ROOT,
        )
    tmp.rename(path)
    return path


def articles_from(path: Path, limit: int | None = None) -> Iterator[Article]:
    with path.open("rb") as fh:
        for i, line in enumerate(fh):
            if limit is not None and i >= limit:
                return
            if line.strip():
                yield parse_article(line)


def _table(title: str, rows: list[tuple[str, ...]], head: tuple[str, ...]) -> str:
    widths = [max(len(str(r[i])) for r in [head, *rows]) for i in range(len(head))]

    def line(r: tuple[Any, ...]) -> str:
        cells = enumerate(zip(r, widths, strict=False))
        return "  ".join(str(c).rjust(w) if j else str(c).ljust(w) for j, (c, w) in cells)

    out = [f"\n== {title}", line(head), line(tuple("-" * w for w in widths))]
    out += [line(r) for r in rows]
    return "\n".join(out)


# ---------------------------------------------------------------- sections
def bench_extract(path: Path, label: str, limit: int | None = None) -> dict[str, Any]:
    arts = list(articles_from(path, limit))
    for a in arts[:10]:  # warm-up (first calls compile lazily built patterns)
        extract_batches(a)
    claims = batches = words = 0
    t0 = time.perf_counter()
    for a in arts:
        bs = extract_batches(a)
        batches += len(bs)
        claims += sum(len(b.claims) for b in bs)
    dt = time.perf_counter() - t0
    words = sum(len(a.text.split()) for a in arts)
    return {
        "stream": label,
        "articles": len(arts),
        "seconds": round(dt, 3),
        "articles_per_s": round(len(arts) / dt, 1),
        "claims_per_s": round(claims / dt, 1),
        "words_per_article": round(words / len(arts)),
        "us_per_article": round(dt / len(arts) * 1e6),
        "claims_per_article": round(claims / len(arts), 2),
        "batches_per_article": round(batches / len(arts), 2),
    }


def bench_parse(path: Path, limit: int | None = None) -> dict[str, Any]:
    with path.open("rb") as fh:
        lines = [ln for i, ln in enumerate(fh) if limit is None or i < limit]
    t0 = time.perf_counter()
    for ln in lines:
        parse_article(ln)
    dt = time.perf_counter() - t0
    return {"articles": len(lines), "us_per_article": round(dt / len(lines) * 1e6)}


def claim_keys(state: Any) -> int:
    """Claim keys in a state (the heads; segments are stored under "<key>#<n>")."""
    return sum(1 for k in state if SEGMENT_SEP not in k)


def bench_pipeline(path: Path, bounds: StateBounds, limit: int | None = None) -> dict[str, Any]:
    pipe = Pipeline(bounds=bounds)
    lat: list[float] = []
    claims = batches = alerts = 0
    total = 0.0
    n = 0
    for a in articles_from(path, limit):
        t0 = time.perf_counter()
        bs = pipe.extract(a)
        out = []
        for b in bs:
            out.extend(pipe.process_batch(b))
        dt = time.perf_counter() - t0  # same two calls as Pipeline.process_article, counted per batch
        lat.append(dt)
        total += dt
        n += 1
        batches += len(bs)
        claims += sum(len(b.claims) for b in bs)
        alerts += len(out)
    state_bytes = len(json.dumps(dict(pipe.state), default=str))
    return {
        "articles": n,
        "seconds": round(total, 3),
        "articles_per_s": round(n / total, 1),
        "claims_per_s": round(claims / total, 1),
        "alerts": alerts,
        "alerts_per_article": round(alerts / n, 2),
        "claims_per_article": round(claims / n, 2),
        "claim_messages_per_article": round(batches / n, 2),
        "table_writes_per_article": round(batches / n, 2),
        "latency_ms": {
            "p50": round(pct(lat, 50) * 1e3, 2),
            "p95": round(pct(lat, 95) * 1e3, 2),
            "p99": round(pct(lat, 99) * 1e3, 2),
            "max": round(max(lat) * 1e3, 2),
            "mean": round(statistics.fmean(lat) * 1e3, 2),
        },
        "claims_held": pipe.claims_held(),
        "keys": claim_keys(pipe.state),
        "table_entries": len(pipe.state),
        "state_json_bytes": state_bytes,
        "peak_rss_mb": round(peak_rss_mb(), 1),
    }


def bench_pipeline_as_called(path: Path, bounds: StateBounds, limit: int) -> dict[str, Any]:
    """`Pipeline.process_article` exactly as replay calls it (a cross-check of the per-batch loop above)."""
    pipe = Pipeline(bounds=bounds)
    arts = list(articles_from(path, limit))
    t0 = time.perf_counter()
    alerts = sum(len(pipe.process_article(a)) for a in arts)
    dt = time.perf_counter() - t0
    return {"articles": len(arts), "articles_per_s": round(len(arts) / dt, 1), "alerts": alerts}


def bench_tracemalloc(path: Path, bounds: StateBounds, limit: int) -> dict[str, Any]:
    pipe = Pipeline(bounds=bounds)
    tracemalloc.start()
    for a in articles_from(path, limit):
        pipe.process_article(a)
    cur, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return {
        "articles": limit,
        "traced_current_mb": round(cur / 2**20, 1),
        "traced_peak_mb": round(peak / 2**20, 1),
    }


def bench_growth(
    path: Path, bounds: StateBounds, checkpoints: list[int], window: int, progress: bool = True
) -> list[dict[str, Any]]:
    pipe = Pipeline(bounds=bounds)
    written = n = 0
    recent: list[tuple[float, int, int]] = []  # (seconds, claims, alerts) per article
    rows: list[dict[str, Any]] = []
    todo = sorted(checkpoints)
    t_start = time.perf_counter()
    for a in articles_from(path):
        t0 = time.perf_counter()
        bs = pipe.extract(a)
        alerts = 0
        for b in bs:
            alerts += len(pipe.process_batch(b))
        dt = time.perf_counter() - t0
        n += 1
        c = sum(len(b.claims) for b in bs)
        written += c
        recent.append((dt, c, alerts))
        if len(recent) > window:
            recent.pop(0)
        while todo and written >= todo[0]:
            secs = [r[0] for r in recent]
            row = {
                "checkpoint_claims": todo.pop(0),
                "claims_written": written,
                "articles": n,
                "window_articles": len(recent),
                "us_per_article": round(statistics.fmean(secs) * 1e6),
                "p99_ms": round(pct(secs, 99) * 1e3, 2),
                "us_per_claim": round(sum(secs) / max(1, sum(r[1] for r in recent)) * 1e6),
                "alerts_per_article": round(sum(r[2] for r in recent) / len(recent), 2),
                "claims_held": pipe.claims_held(),
                "keys": claim_keys(pipe.state),
                "state_json_mb": round(len(json.dumps(dict(pipe.state), default=str)) / 2**20, 2),
                "rss_mb": round(rss_mb(), 1),
                "elapsed_s": round(time.perf_counter() - t_start, 1),
            }
            rows.append(row)
            if progress:
                print(
                    f"  growth: {row['checkpoint_claims']:>7} claims written, "
                    f"{row['us_per_article']} µs/article, {row['claims_held']} held, {row['rss_mb']} MB",
                    file=sys.stderr,
                    flush=True,
                )
        if not todo:
            break
    if todo:
        print(f"  growth: stream ended at {written} claims before checkpoints {todo}", file=sys.stderr)
    return rows


def bench_profile(path: Path, bounds: StateBounds, warm: int, window: int, top: int = 15) -> dict[str, Any]:
    """cProfile `window` articles after `warm` articles have filled the state: steady-state hot spots."""
    pipe = Pipeline(bounds=bounds)
    arts = articles_from(path)
    for _, a in zip(range(warm), arts, strict=False):
        pipe.process_article(a)
    batch = [a for _, a in zip(range(window), arts, strict=False)]
    prof = cProfile.Profile()
    t0 = time.perf_counter()
    prof.enable()
    for a in batch:
        pipe.process_article(a)
    prof.disable()
    wall = time.perf_counter() - t0
    st = pstats.Stats(prof)
    total = st.total_tt  # type: ignore[attr-defined]
    rows = []
    entries = st.stats  # type: ignore[attr-defined]
    for (file, line, fn), (_cc, nc, tt, ct, _callers) in sorted(entries.items(), key=lambda kv: -kv[1][2])[
        :top
    ]:
        where = f"{Path(file).name}:{line}" if file != "~" else "builtin"
        rows.append(
            {
                "function": f"{fn} ({where})",
                "calls": nc,
                "own_pct": round(100 * tt / total, 1),
                "cum_pct": round(100 * ct / total, 1),
            }
        )
    cum = []
    for name in (
        "extract_claims",
        "detect",
        "load",
        "dump",
        "merge",
        "process_batch",
        "find_figures",
        "_same_story",
        "attribute",
        "split_sentences",
    ):
        for (file, _line, fn), (_cc, _nc, _tt, ct, _c) in entries.items():
            if fn == name and "streams/core" in file:
                cum.append({"function": f"{fn} ({Path(file).name})", "cum_pct": round(100 * ct / total, 1)})
    return {
        "warm_articles": warm,
        "window_articles": len(batch),
        "claims_held": pipe.claims_held(),
        "articles_per_s_profiled": round(len(batch) / wall, 1),
        "top_own_time": rows,
        "stages_cumulative": cum,
    }


# ---------------------------------------------------------------- report
def report(res: dict[str, Any]) -> str:
    out = []
    ex = res["extract"]
    out.append(
        _table(
            "extraction alone (extract_batches, one core)",
            [
                (
                    e["stream"],
                    e["articles"],
                    e["words_per_article"],
                    e["articles_per_s"],
                    e["claims_per_s"],
                    e["us_per_article"],
                    e["claims_per_article"],
                    e["batches_per_article"],
                )
                for e in ex
            ],
            (
                "stream",
                "articles",
                "words/art",
                "articles/s",
                "claims/s",
                "µs/article",
                "claims/art",
                "batches/art",
            ),
        )
    )
    out.append(
        f"parse_article (guard: JSON decode + validation): {res['parse']['us_per_article']} µs/article"
    )
    p = res["pipeline"]
    lat = p["latency_ms"]
    out.append(
        _table(
            "whole pipeline (Pipeline.process_article, from an empty state)",
            [
                ("articles", p["articles"]),
                ("articles/s", p["articles_per_s"]),
                ("claims/s", p["claims_per_s"]),
                ("alerts", p["alerts"]),
                ("alerts/article (messages on alerts)", p["alerts_per_article"]),
                ("ClaimBatches/article = messages on claims = table writes", p["claim_messages_per_article"]),
                (
                    "latency p50 / p95 / p99 / max ms",
                    f"{lat['p50']} / {lat['p95']} / {lat['p99']} / {lat['max']}",
                ),
                (
                    "claims held at end / claim keys / table entries (heads + segments)",
                    f"{p['claims_held']} / {p['keys']} / {p.get('table_entries', '?')}",
                ),
                ("state (JSON) bytes", p["state_json_bytes"]),
                ("peak RSS MB (ru_maxrss)", p["peak_rss_mb"]),
            ],
            ("measure", "value"),
        )
    )
    if "as_called" in res:
        out.append(
            f"cross-check, process_article as replay calls it: "
            f"{res['as_called']['articles_per_s']} articles/s over {res['as_called']['articles']} articles"
        )
    if "tracemalloc" in res:
        t = res["tracemalloc"]
        out.append(
            f"tracemalloc over {t['articles']} articles: peak {t['traced_peak_mb']} MB traced, "
            f"{t['traced_current_mb']} MB at the end"
        )
    if res.get("growth"):
        g = res["growth"]
        out.append(
            _table(
                f"growth (bounds: {res['bounds']['per_key']} claims per key, window "
                f"{res['bounds']['max_age_days']} days, grace {res['bounds'].get('lateness_days', 0)} days; "
                f"window = last {g[0]['window_articles']} articles)",
                [
                    (
                        r["checkpoint_claims"],
                        r["articles"],
                        r["us_per_article"],
                        r["p99_ms"],
                        r["us_per_claim"],
                        r["alerts_per_article"],
                        r["claims_held"],
                        r["keys"],
                        r["state_json_mb"],
                        r["rss_mb"],
                    )
                    for r in g
                ],
                (
                    "claims written",
                    "articles",
                    "µs/article",
                    "p99 ms",
                    "µs/claim",
                    "alerts/art",
                    "claims held",
                    "keys",
                    "state MB",
                    "RSS MB",
                ),
            )
        )
        if len(g) >= 2:
            first = g[1] if len(g) > 2 else g[0]
            out.append(
                f"per-article cost, last checkpoint / {first['checkpoint_claims']} claims: "
                f"{g[-1]['us_per_article'] / first['us_per_article']:.2f}x"
            )
    if "profile" in res:
        pr = res["profile"]
        out.append(
            _table(
                f"profile: {pr['window_articles']} articles after {pr['warm_articles']} "
                f"({pr['claims_held']} claims held), own time",
                [(r["function"], r["calls"], r["own_pct"], r["cum_pct"]) for r in pr["top_own_time"]],
                ("function", "calls", "own %", "cum %"),
            )
        )
        out.append(
            _table(
                "profile: stages, cumulative % of the window",
                [(r["function"], r["cum_pct"]) for r in pr["stages_cumulative"]],
                ("stage", "cum %"),
            )
        )
    return "\n".join(out)


def machine() -> dict[str, Any]:
    model = "?"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        mem = next(int(ln.split()[1]) for ln in open("/proc/meminfo") if ln.startswith("MemTotal"))
    except OSError:
        mem = 0
    return {
        "nproc": os.cpu_count(),
        "cpu": model,
        "mem_gb": round(mem / 2**20, 1),
        "python": sys.version.split()[0],
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="claimwatch bench inprocess", description=__doc__.splitlines()[0])
    ap.add_argument(
        "--articles", type=int, default=2000, help="articles for the extract and pipeline sections"
    )
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument(
        "--growth-claims", type=int, default=100_000, help="last growth checkpoint (claims written)"
    )
    ap.add_argument(
        "--checkpoints", default="1000,10000,50000,100000", help="growth checkpoints, claims written"
    )
    ap.add_argument("--window", type=int, default=250, help="articles per growth window")
    ap.add_argument(
        "--per-key", type=int, default=StateBounds.per_key, help="state bound: claims kept per key"
    )
    ap.add_argument(
        "--max-age-days", type=float, default=StateBounds.max_age_days, help="comparison window, days"
    )
    ap.add_argument(
        "--lateness-days", type=float, default=StateBounds.lateness_days, help="grace period, days"
    )
    ap.add_argument("--skip-growth", action="store_true")
    ap.add_argument("--tracemalloc", action="store_true", help="also a tracemalloc pass (slow)")
    ap.add_argument("--profile", action="store_true", help="cProfile a steady-state window")
    ap.add_argument("--quick", action="store_true", help="small sizes: a smoke run")
    ap.add_argument("--workdir", default=str(ROOT / "bench-out" / "data"), help="where generated streams go")
    ap.add_argument("--json", help="write all figures as JSON to this file ('-' = stdout, tables to stderr)")
    args = ap.parse_args(argv)
    if args.quick:
        args.articles = min(args.articles, 300)
        args.checkpoints = "1000,5000"
        args.window = 100
    checkpoints = [int(x) for x in args.checkpoints.split(",") if x] or [args.growth_claims]
    if not args.quick and args.growth_claims not in checkpoints:
        checkpoints = [c for c in checkpoints if c < args.growth_claims] + [args.growth_claims]
    bounds = StateBounds(
        per_key=args.per_key, max_age_days=args.max_age_days, lateness_days=args.lateness_days
    )
    work = Path(args.workdir)
    main_stream = generate_file(work / f"gen-{args.articles}-s{args.seed}.jsonl", args.articles, args.seed)

    res: dict[str, Any] = {
        "machine": machine(),
        "bounds": {
            "per_key": bounds.per_key,
            "max_age_days": bounds.max_age_days,
            "lateness_days": bounds.lateness_days,
        },
    }
    log = lambda m: print(m, file=sys.stderr, flush=True)  # noqa: E731
    log(f"inprocess: extract ({args.articles} generated articles + dev set)")
    res["extract"] = [bench_extract(main_stream, f"generated ({args.articles})")]
    if DEV.exists():
        res["extract"].append(bench_extract(DEV, "eval/dev"))
    res["parse"] = bench_parse(main_stream)
    log("inprocess: pipeline")
    res["pipeline"] = bench_pipeline(main_stream, bounds)
    res["as_called"] = bench_pipeline_as_called(main_stream, bounds, min(500, args.articles))
    if args.tracemalloc:
        log("inprocess: tracemalloc")
        res["tracemalloc"] = bench_tracemalloc(main_stream, bounds, min(500, args.articles))
    if not args.skip_growth:
        per_article = max(1.0, res["extract"][0]["claims_per_article"])
        need = int(max(checkpoints) / per_article * 1.15) + 200
        log(f"inprocess: growth to {max(checkpoints)} claims (~{need} articles)")
        growth_stream = generate_file(work / f"gen-{need}-s{args.seed + 1}.jsonl", need, args.seed + 1)
        res["growth"] = bench_growth(growth_stream, bounds, checkpoints, args.window)
    if args.profile:
        log("inprocess: profile")
        res["profile"] = bench_profile(
            main_stream,
            bounds,
            warm=min(args.articles - 300, 1500) if args.articles > 600 else args.articles // 2,
            window=300 if args.articles > 600 else args.articles // 2,
        )
    text = report(res)
    if args.json == "-":
        print(text, file=sys.stderr)
        json.dump(res, sys.stdout, indent=1)
        print()
    else:
        print(text)
        if args.json:
            Path(args.json).parent.mkdir(parents=True, exist_ok=True)
            Path(args.json).write_text(json.dumps(res, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
