"""`claimwatch replay FILE.jsonl`: the embedded driver, no Kafka.

Reads one JSON article per line, runs each through the same Pipeline the worker runs (state in a
local dict), and writes every alert to `out` as the alerts topic carries it (`AlertV2`, one JSON line,
`streams.alerting.to_v2` with the later article's time as `detected_at`), or as text or markdown
(`streams.render`). Nothing
else goes to `out`: bad lines, progress and the summary go to `err`. A bad line is reported with its
line number and reason code and skipped (the worker dead-letters the same message with the same
reason). Blank lines are ignored. The summary's second line counts the pairs of claims compared and not
alerted, by the reason code of the check that stopped them (`claimwatch explain` shows one pair's).
"""

from __future__ import annotations

import json
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from typing import IO, TypeVar

from schemas import Article, Claim

from .alerting import to_v2
from .core.guard import read_article
from .core.pipeline import Pipeline
from .exceptions import BadInput
from .render import render

PROGRESS_EVERY = 1000
T = TypeVar("T")


@dataclass
class ReplaySummary:
    lines: int = 0
    articles: int = 0
    bad: Counter[str] = field(default_factory=Counter)
    unknown_fields: Counter[str] = field(default_factory=Counter)
    alerts: int = 0
    seconds: float = 0.0
    rejected: Counter[str] = field(default_factory=Counter)

    def line(self) -> str:
        bad = sum(self.bad.values())
        reasons = ", ".join(f"{r}={n}" for r, n in sorted(self.bad.items()))
        rate = self.articles / self.seconds if self.seconds > 0 else 0.0
        return (
            f"replay: {self.lines} lines, {self.articles} articles, {bad} bad"
            + (f" ({reasons})" if reasons else "")
            + f", {self.alerts} alerts in {self.seconds:.2f} s ({rate:.0f} articles/s)"
            + self.unknown_line()
        )

    def rejected_line(self) -> str:
        """The pairs compared and not alerted, by the check that stopped them (most frequent first)."""
        total = sum(self.rejected.values())
        top = sorted(self.rejected.items(), key=lambda kv: (-kv[1], kv[0]))
        return f"replay: {total} pairs not alerted" + (
            " (" + ", ".join(f"{r}={n}" for r, n in top) + ")" if top else ""
        )

    def unknown_line(self) -> str:
        """The tail of a summary naming the unknown fields ignored (ten most frequent), or nothing."""
        if not self.unknown_fields:
            return ""
        top = sorted(self.unknown_fields.items(), key=lambda kv: (-kv[1], kv[0]))[:10]
        return "; unknown fields ignored: " + ", ".join(f"{name[:64]}={n}" for name, n in top)


def each_article(
    lines: Iterable[bytes],
    pipeline: Pipeline,
    summary: ReplaySummary,
    err: IO[str],
    work: Callable[[Article], T],
) -> Iterator[T]:
    """`work` applied to every valid article of `lines`, in order. A bad line is reported on `err` with its
    line number and reason code and skipped, as the worker dead-letters it; blank lines are ignored."""
    for number, raw in enumerate(lines, start=1):
        summary.lines = number
        raw = raw.rstrip(b"\r\n")
        if not raw.strip():
            continue
        try:
            article, unknown = read_article(raw, pipeline.limits)
            summary.unknown_fields.update(unknown)
            result = work(article)
        except BadInput as exc:
            summary.bad[exc.reason] += 1
            print(f"line {number}: {exc.reason}: {exc.detail}", file=err)
            continue
        except Exception as exc:  # same policy as the agents: report, skip, go on
            summary.bad["processing_error"] += 1
            print(f"line {number}: processing_error: {type(exc).__name__}: {exc}", file=err)
            continue
        summary.articles += 1
        yield result


def replay(
    lines: Iterable[bytes], pipeline: Pipeline, out: IO[str], err: IO[str], fmt: str = "json"
) -> ReplaySummary:
    summary = ReplaySummary()
    started = time.perf_counter()
    for alerts in each_article(
        lines, pipeline, summary, err, lambda a: pipeline.process_article(a, time.time(), summary.rejected)
    ):
        for alert in alerts:
            out.write(render(to_v2(alert), fmt))
            summary.alerts += 1
        if summary.articles % PROGRESS_EVERY == 0:
            print(f"replay: {summary.articles} articles, {summary.alerts} alerts", file=err)
    out.flush()
    summary.seconds = time.perf_counter() - started
    late = pipeline.late_claims
    print(
        summary.line()
        + (
            f"; {late} late claims (more than --lateness-days behind their key's newest claim)"
            if late
            else ""
        ),
        file=err,
    )
    print(summary.rejected_line(), file=err)
    return summary


def claim_line(claim: Claim) -> str:
    """One extracted claim as a JSON line: the claim's own fields, with the figure flattened for reading
    (`value`, `figure_text`, `low`, `high`, `unit`)."""
    row = claim.model_dump(mode="json")
    fig = row.pop("figure", None) or {}
    row["figure_text"] = fig.get("text")
    row["low"] = fig.get("low")
    row["high"] = fig.get("high")
    row["unit"] = fig.get("unit")
    row["counted"] = fig.get("counted")
    return json.dumps(row, ensure_ascii=False, sort_keys=True)


def extract_lines(lines: Iterable[bytes], pipeline: Pipeline, out: IO[str], err: IO[str]) -> ReplaySummary:
    """`claimwatch extract`: every claim of every article, one JSON line each, nothing compared or stored.
    Bad lines are reported on `err` as `replay` reports them."""
    summary = ReplaySummary()
    started = time.perf_counter()
    claims = 0
    for batches in each_article(lines, pipeline, summary, err, lambda a: pipeline.extract(a, time.time())):
        ordered = sorted((c for b in batches for c in b.claims), key=lambda c: (c.sentence_index, c.claim_id))
        for claim in ordered:
            out.write(claim_line(claim) + "\n")
            claims += 1
    out.flush()
    summary.seconds = time.perf_counter() - started
    print(
        f"extract: {summary.articles} articles, {claims} claims in {summary.seconds:.2f} s"
        + summary.unknown_line(),
        file=err,
    )
    return summary
