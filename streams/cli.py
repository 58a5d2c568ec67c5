"""`claimwatch` command line: worker | replay | extract | send | tail | topics create | bench.

Settings come from CLAIMWATCH_* environment variables, then the flags given here.
Exit codes: 0 ok, 1 failure (tail: fewer alerts than --max before --timeout), 2 bad usage/config.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any

from .exceptions import ClaimwatchError, ConfigError
from .settings import Settings, load_settings

log = logging.getLogger("claimwatch")


def _transport_flags(p: argparse.ArgumentParser) -> None:
    p.add_argument("--broker", help="Kafka bootstrap URL, kafka://host:port (CLAIMWATCH_BROKER)")
    p.add_argument("--app-id", dest="app_id", help="faust app id / consumer group (CLAIMWATCH_APP_ID)")
    p.add_argument(
        "--partitions", type=int, help="partitions of every topic and the table (CLAIMWATCH_PARTITIONS)"
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="claimwatch", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)

    w = sub.add_parser("worker", help="run the stream worker (faust) until SIGTERM/SIGINT")
    _transport_flags(w)
    w.add_argument("--data-dir", dest="data_dir", help="table state directory (CLAIMWATCH_DATA_DIR)")
    w.add_argument("--store", choices=["rocksdb", "memory"], help="table store (CLAIMWATCH_STORE)")
    w.add_argument("--web-port", dest="web_port", type=int, help="faust web port (CLAIMWATCH_WEB_PORT)")
    w.add_argument(
        "--web-host", dest="web_host", help="bind address of both HTTP servers (CLAIMWATCH_WEB_HOST)"
    )
    w.add_argument(
        "--metrics-port",
        dest="metrics_port",
        type=int,
        help="/metrics /healthz /readyz port, 0 = any free (CLAIMWATCH_METRICS_PORT)",
    )
    w.add_argument(
        "--fetch-max-wait-ms",
        dest="fetch_max_wait_ms",
        type=int,
        help="consumer fetch wait (CLAIMWATCH_FETCH_MAX_WAIT_MS)",
    )
    w.add_argument(
        "--log-level",
        "-l",
        dest="log_level",
        choices=["crit", "error", "warn", "info", "debug"],
        help="(CLAIMWATCH_LOG_LEVEL)",
    )

    r = sub.add_parser("replay", help="run JSONL articles through the pipeline in-process (no Kafka)")
    r.add_argument("file", help="JSONL file, one article per line; - for stdin")

    x = sub.add_parser(
        "extract", help="print every claim extracted from JSONL articles, one JSON line each (no Kafka)"
    )
    x.add_argument("file", help="JSONL file, one article per line; - for stdin")

    s = sub.add_parser("send", help="produce JSONL lines to the articles topic")
    s.add_argument("file", help="JSONL file; - for stdin")
    s.add_argument("--broker")
    s.add_argument("--timeout", type=float, default=30.0, help="seconds to wait for the broker (default 30)")

    t = sub.add_parser("tail", help="print alerts as JSON lines")
    t.add_argument("--broker")
    t.add_argument("--kind", choices=["numeric_conflict", "statement_conflict"])
    t.add_argument("--min-confidence", dest="min_confidence", type=float)
    t.add_argument("--source", help="only alerts with a claim from this outlet (case-insensitive)")
    t.add_argument("--from-beginning", dest="from_beginning", action="store_true")
    t.add_argument(
        "--max", dest="max_alerts", type=int, help="stop after N alerts (exit 1 if fewer by --timeout)"
    )
    t.add_argument("--timeout", type=float, help="stop after S seconds")

    tp = sub.add_parser("topics", help="manage topics")
    tsub = tp.add_subparsers(dest="topics_command", required=True)
    tc = tsub.add_parser("create", help="create every topic (and the table changelog) explicitly")
    _transport_flags(tc)
    tc.add_argument("--timeout", type=float, default=30.0)

    b = sub.add_parser(
        "bench",
        help="benchmarks: `bench [inprocess] ...`, `bench e2e ...`, `bench generate ...` (see BENCHMARKS.md)",
    )
    b.add_argument(
        "which", nargs="?", default="inprocess", choices=["inprocess", "e2e", "generate", "parsecost"]
    )
    b.add_argument("rest", nargs=argparse.REMAINDER, help="arguments for that benchmark (--help for its own)")
    return parser


def settings_from(args: argparse.Namespace, env: Any = None) -> Settings:
    names = set(Settings.model_fields)
    overrides = {k: v for k, v in vars(args).items() if k in names and v is not None}
    return load_settings(env, **overrides)


@contextmanager
def open_lines(name: str) -> Iterator[Iterator[bytes]]:
    if name == "-":
        yield iter(sys.stdin.buffer)
        return
    path = Path(name)
    if not path.is_file():
        raise ConfigError(f"input file not found: {name}")
    with path.open("rb") as fh:
        yield iter(fh)


def cmd_replay(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .replay import replay
    from .runtime import make_pipeline

    settings = settings_from(args)
    with open_lines(args.file) as lines:
        replay(lines, make_pipeline(settings), out, err)
    return 0


def cmd_extract(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .replay import extract_lines
    from .runtime import make_pipeline

    settings = settings_from(args)
    with open_lines(args.file) as lines:
        extract_lines(lines, make_pipeline(settings), out, err)
    return 0


def cmd_send(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .clients import send_lines

    settings = settings_from(args)
    with open_lines(args.file) as lines:
        send_lines(lines, settings, err, timeout=args.timeout)
    return 0


def cmd_tail(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .clients import AlertFilter, tail_alerts

    settings = settings_from(args)
    keep = AlertFilter(kind=args.kind, min_confidence=args.min_confidence, source=args.source)
    printed = tail_alerts(
        settings,
        out,
        err,
        keep=keep,
        from_beginning=args.from_beginning,
        max_alerts=args.max_alerts,
        timeout=args.timeout,
    )
    if args.max_alerts is not None and printed < args.max_alerts:
        print(f"tail: {printed} of {args.max_alerts} alerts before the timeout", file=err)
        return 1
    return 0


def cmd_topics(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .topics import create_topics

    settings = settings_from(args)
    for name, status in create_topics(settings, timeout=args.timeout).items():
        print(f"{status}\t{name}\t{settings.partitions} partitions", file=out)
    return 0


def cmd_worker(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    settings = settings_from(args)
    from .worker import run_worker

    return run_worker(settings)


def cmd_bench(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .bench import BENCHMARKS

    return int(BENCHMARKS[args.which]().main(list(args.rest)) or 0)


COMMANDS = {
    "bench": cmd_bench,
    "extract": cmd_extract,
    "replay": cmd_replay,
    "send": cmd_send,
    "tail": cmd_tail,
    "topics": cmd_topics,
    "worker": cmd_worker,
}


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    args = build_parser().parse_args(argv)
    if args.command != "worker":
        logging.basicConfig(level=logging.WARNING, stream=err, format="%(levelname)s %(name)s: %(message)s")
    try:
        return COMMANDS[args.command](args, out, err)
    except ConfigError as exc:
        print(f"claimwatch {args.command}: {exc}", file=err)
        return 2
    except ClaimwatchError as exc:
        print(f"claimwatch {args.command}: {exc}", file=err)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `claimwatch tail | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
