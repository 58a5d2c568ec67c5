"""`claimwatch` command line: the worker, the in-process pipeline, the review page and the operator's tools.

Commands: worker | replay | extract | explain | send | tail | desk | feedback-report | topics | config |
bench.

Settings come from CLAIMWATCH_* environment variables, then the flags given here.
Exit codes: 0 ok, 1 failure (tail: fewer alerts than --max before --timeout; send: a line refused),
2 bad usage/config.
"""

from __future__ import annotations

import argparse
import importlib.metadata
import logging
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import IO, Any, Literal, get_args, get_origin

from pydantic import ValidationError

from .exceptions import ClaimwatchError, ConfigError
from .logs import FORMATS, LEVELS, configure_logging, error_line
from .settings import ENV_PREFIX, Settings, allowed, env_var, load_sourced

log = logging.getLogger("claimwatch")

#: the settings each command reads, hence the setting flags it takes (worker and config take them all)
PIPELINE_SETTINGS = (
    "max_message_bytes",
    "max_text_chars",
    "max_sentences",
    "max_sentence_chars",
    "max_claims_per_article",
    "unknown_fields",
)
TOPIC_SETTINGS = ("topic_articles", "topic_claims", "topic_alerts", "topic_dlq", "topic_feedback")
#: how every Kafka client authenticates (streams.security); the password is read from the environment only
SECURITY_SETTINGS = (
    "security_protocol",
    "sasl_mechanism",
    "sasl_username",
    "ssl_cafile",
    "ssl_certfile",
    "ssl_keyfile",
)
#: settings that have no flag: secrets stay out of command lines (and process listings)
ENV_ONLY = frozenset({"sasl_password"})
#: the commands that talk to the broker log as the worker does (format, library level)
LOG_SETTINGS = ("log_format", "library_log_level")
COMMAND_SETTINGS: dict[str, tuple[str, ...]] = {
    "worker": tuple(n for n in Settings.model_fields if n not in ENV_ONLY),
    "config": tuple(n for n in Settings.model_fields if n not in ENV_ONLY),
    "replay": PIPELINE_SETTINGS + ("history_per_key", "history_days", "lateness_days"),
    "extract": PIPELINE_SETTINGS,
    "explain": PIPELINE_SETTINGS + ("history_per_key", "history_days", "lateness_days"),
    "send": ("broker", "topic_articles", "max_message_bytes") + SECURITY_SETTINGS + LOG_SETTINGS,
    "tail": ("broker", "topic_alerts") + SECURITY_SETTINGS + LOG_SETTINGS,
    "desk": ("broker", "topic_alerts", "topic_feedback", "desk_host", "desk_port", "desk_token")
    + SECURITY_SETTINGS
    + LOG_SETTINGS,
    "feedback-report": ("broker", "topic_feedback") + SECURITY_SETTINGS + LOG_SETTINGS,
    "topics create": ("broker", "app_id", "partitions", "replication", "max_message_bytes")
    + TOPIC_SETTINGS
    + SECURITY_SETTINGS
    + LOG_SETTINGS,
}
#: short options kept from earlier releases
SHORT_FLAGS = {"log_level": "-l"}


def flag_name(name: str) -> str:
    return "--" + name.replace("_", "-")


def _setting_type(name: str) -> Callable[[str], Any]:
    """argparse type of a setting flag: the field's own type and constraints, so that a value out of
    range fails at parse time with the allowed range."""
    field = Settings.model_fields[name]

    def check(text: str) -> Any:
        try:
            return getattr(Settings.model_validate({name: text}), name)  # the model's own checks
        except ValidationError:
            raise argparse.ArgumentTypeError(f"must be {allowed(field)}, not {text!r}") from None

    return check


def add_setting_flags(p: argparse.ArgumentParser, names: Sequence[str]) -> None:
    """One flag per setting, named, typed, constrained and described from the Settings model."""
    for name in names:
        field = Settings.model_fields[name]
        default = field.default
        help_text = f"{field.description} Allowed: {allowed(field)}. Default {default}; env {env_var(name)}."
        opts = [flag_name(name)] + ([SHORT_FLAGS[name]] if name in SHORT_FLAGS else [])
        kwargs: dict[str, Any] = {"dest": name, "help": help_text.replace("%", "%%")}
        if get_origin(field.annotation) is Literal:
            kwargs["choices"] = list(get_args(field.annotation))
        else:
            kwargs["type"] = _setting_type(name)
            kwargs["metavar"] = name.upper()
        p.add_argument(*opts, **kwargs)


def _bounded(
    kind: type, low: float | None, high: float | None, *, low_open: bool = False
) -> Callable[[str], Any]:
    """argparse type for a number within [low, high] (low excluded with low_open)."""
    if low is not None and high is not None and not low_open:
        bounds = f" from {low:g} to {high:g}"
    elif low is not None:
        bounds = f" {'>' if low_open else '≥'} {low:g}"
    else:
        bounds = f" ≤ {high:g}" if high is not None else ""
    what = ("an integer" if kind is int else "a number") + bounds

    def check(text: str) -> Any:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"must be {what}, not {text!r}") from None
        too_low = low is not None and (value <= low if low_open else value < low)
        if value != value or too_low or (high is not None and value > high):  # NaN fails every bound
            raise argparse.ArgumentTypeError(f"must be {what}, not {text!r}")
        return value

    return check


confidence = _bounded(float, 0.0, 1.0)
count = _bounded(int, 1, None)
seconds = _bounded(float, 0.0, None, low_open=True)


def _version() -> str:
    try:
        return importlib.metadata.version("claimwatch")
    except importlib.metadata.PackageNotFoundError:  # running from a source tree that is not installed
        from . import __version__

        return __version__


class Parser(argparse.ArgumentParser):
    """argparse, with its usage errors in the selected log format (a JSON line under json)."""

    def error(self, message: str) -> Any:  # type: ignore[override]
        if _log_format() != "json":
            self.print_usage(sys.stderr)
        self.exit(2, error_line(f"{self.prog}: error: {message}") + "\n")


def add_format_flag(p: argparse.ArgumentParser) -> None:
    from .render import FORMATS

    p.add_argument(
        "--format",
        choices=list(FORMATS),
        default="json",
        help="alerts as JSON lines (the alerts topic's records, default), text for a terminal (the two "
        "sentences side by side) or markdown",
    )


def build_parser() -> argparse.ArgumentParser:
    parser = Parser(prog="claimwatch", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"claimwatch {_version()}")
    sub = parser.add_subparsers(dest="command", required=True)

    w = sub.add_parser("worker", help="run the stream worker (faust) until SIGTERM/SIGINT")
    add_setting_flags(w, COMMAND_SETTINGS["worker"])

    r = sub.add_parser("replay", help="run JSONL articles through the pipeline in-process (no Kafka)")
    r.add_argument("file", help="JSONL file, one article per line; - for stdin")
    add_format_flag(r)
    add_setting_flags(r, COMMAND_SETTINGS["replay"])

    x = sub.add_parser(
        "extract", help="print every claim extracted from JSONL articles, one JSON line each (no Kafka)"
    )
    x.add_argument("file", help="JSONL file, one article per line; - for stdin")
    add_setting_flags(x, COMMAND_SETTINGS["extract"])

    e = sub.add_parser(
        "explain",
        help="replay JSONL articles and show why two of them did or did not raise an alert (no Kafka)",
        description="Replay FILE as `claimwatch replay` does, then show the claims extracted from the two "
        "articles and, for every pair of their claims, the rule that fires or the check that stopped it. "
        "SENTENCE is a sentence_index as `claimwatch extract` prints it (-1: the title; several: 2,5).",
    )
    e.add_argument("file", help="JSONL file, one article per line; - for stdin")
    e.add_argument("--a", dest="a", required=True, metavar="ARTICLE[:SENTENCE]", help="the first article")
    e.add_argument("--b", dest="b", required=True, metavar="ARTICLE[:SENTENCE]", help="the second article")
    e.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")
    add_setting_flags(e, COMMAND_SETTINGS["explain"])

    s = sub.add_parser("send", help="produce JSONL lines to the articles topic")
    s.add_argument("file", help="JSONL file; - for stdin")
    s.add_argument(
        "--timeout", type=seconds, default=30.0, help="seconds to wait for the broker (default 30)"
    )
    add_setting_flags(s, COMMAND_SETTINGS["send"])

    t = sub.add_parser("tail", help="print alerts as JSON lines, text or markdown")
    add_format_flag(t)
    t.add_argument("--kind", choices=["numeric_conflict", "statement_conflict"])
    t.add_argument(
        "--min-confidence", dest="min_confidence", type=confidence, help="only alerts this confident (0 to 1)"
    )
    t.add_argument("--source", help="only alerts with a claim from this outlet (case-insensitive)")
    t.add_argument("--from-beginning", dest="from_beginning", action="store_true")
    t.add_argument(
        "--max", dest="max_alerts", type=count, help="stop after N alerts (exit 1 if fewer by --timeout)"
    )
    t.add_argument("--timeout", type=seconds, help="stop after S seconds")
    add_setting_flags(t, COMMAND_SETTINGS["tail"])

    d = sub.add_parser(
        "desk",
        help="serve the review page: alerts by story, verdicts to the feedback topic",
        description="Serve the review page on CLAIMWATCH_DESK_HOST:CLAIMWATCH_DESK_PORT. It follows the "
        "alerts topic (or --alerts-file, a `claimwatch replay` output), reads earlier verdicts from the "
        "feedback topic and publishes new ones there.",
    )
    d.add_argument(
        "--alerts-file", dest="alerts_file", help="alerts (v2 JSON lines) from this file, followed"
    )
    d.add_argument(
        "--state-dir",
        dest="state_dir",
        default="./var/desk",
        help="directory of the mute rules (default ./var/desk)",
    )
    add_setting_flags(d, COMMAND_SETTINGS["desk"])

    fr = sub.add_parser(
        "feedback-report", help="precision per rule and dismiss reasons, from the feedback topic"
    )
    fr.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")
    fr.add_argument(
        "--timeout", type=seconds, default=30.0, help="seconds to wait for the broker (default 30)"
    )
    add_setting_flags(fr, COMMAND_SETTINGS["feedback-report"])

    tp = sub.add_parser("topics", help="manage topics")
    tsub = tp.add_subparsers(dest="topics_command", required=True)
    tc = tsub.add_parser("create", help="create every topic (and the table changelog) explicitly")
    tc.add_argument(
        "--timeout", type=seconds, default=30.0, help="seconds to wait for the broker (default 30)"
    )
    add_setting_flags(tc, COMMAND_SETTINGS["topics create"])

    c = sub.add_parser(
        "config", help="print the effective settings and where each comes from (default, env, flag)"
    )
    c.add_argument("--format", choices=["text", "json"], default="text", help="output format (default text)")
    c.add_argument(
        "--markdown", action="store_true", help="print the settings reference (docs/CONFIG.md) instead"
    )
    add_setting_flags(c, COMMAND_SETTINGS["config"])

    b = sub.add_parser(
        "bench",
        help="benchmarks: `bench [inprocess] ...`, `bench e2e ...`, `bench generate ...` (see BENCHMARKS.md)",
    )
    b.add_argument(
        "which", nargs="?", default="inprocess", choices=["inprocess", "e2e", "generate", "parsecost"]
    )
    b.add_argument("rest", nargs=argparse.REMAINDER, help="arguments for that benchmark (--help for its own)")
    return parser


def command_parser(parser: argparse.ArgumentParser, command: str) -> argparse.ArgumentParser:
    """The subparser of `command` ("worker", "topics create", ...)."""
    node = parser
    for word in command.split():
        (action,) = (a for a in node._actions if isinstance(a, argparse._SubParsersAction))
        node = action.choices[word]
    return node


def setting_flags_of(parser: argparse.ArgumentParser) -> dict[str, str]:
    """{setting: option} for the setting flags `parser` really has (the hints of ConfigError)."""
    names = set(Settings.model_fields)
    return {a.dest: a.option_strings[0] for a in parser._actions if a.dest in names and a.option_strings}


def command_of(args: argparse.Namespace) -> str:
    return " ".join(w for w in (args.command, getattr(args, "topics_command", None)) if w)


def settings_sourced(args: argparse.Namespace, env: Any = None) -> tuple[Settings, dict[str, str]]:
    """Settings from the environment and the flags of `args`, with the source of each; an invalid value's
    message names the flag of this command that sets it, if it has one."""
    names = set(Settings.model_fields)
    overrides = {k: v for k, v in vars(args).items() if k in names and v is not None}
    flags = setting_flags_of(command_parser(build_parser(), command_of(args)))
    return load_sourced(env, overrides, flags)


def settings_from(args: argparse.Namespace, env: Any = None) -> Settings:
    return settings_sourced(args, env)[0]


@contextmanager
def open_lines(name: str) -> Iterator[Iterator[bytes]]:
    """The lines of a JSONL file (or stdin for "-"); a path that is no readable, non-empty file is a
    usage error that says what it is instead."""
    if name == "-":
        yield iter(sys.stdin.buffer)
        return
    path = Path(name)
    if path.is_dir():
        raise ConfigError(f"{name} is a directory; give a JSONL file of articles (or - for stdin)")
    if not path.exists():
        raise ConfigError(f"input file not found: {name}")
    try:
        fh = path.open("rb")
    except OSError as exc:
        raise ConfigError(f"cannot open {name}: {exc.strerror or exc}") from exc
    with fh:
        try:
            first = fh.readline()
        except OSError as exc:
            raise ConfigError(f"cannot read {name}: {exc.strerror or exc}") from exc
        if not first:
            raise ConfigError(f"{name} is empty: nothing to read (one JSON article per line expected)")
        yield _reading(name, first, fh)


def _reading(name: str, first: bytes, fh: IO[bytes]) -> Iterator[bytes]:
    yield first
    while True:
        try:
            line = fh.readline()
        except OSError as exc:
            raise ClaimwatchError(f"cannot read {name}: {exc.strerror or exc}") from exc
        if not line:
            return
        yield line


def cmd_replay(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .replay import replay
    from .runtime import make_pipeline

    settings = settings_from(args)
    with open_lines(args.file) as lines:
        replay(lines, make_pipeline(settings), out, err, args.format)
    return 0


def cmd_extract(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .replay import extract_lines
    from .runtime import make_pipeline

    settings = settings_from(args)
    with open_lines(args.file) as lines:
        extract_lines(lines, make_pipeline(settings), out, err)
    return 0


def cmd_explain(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .explain import explain, write
    from .runtime import make_pipeline

    settings = settings_from(args)
    with open_lines(args.file) as lines:
        explained = explain(lines, make_pipeline(settings), args.a, args.b, args.file, err)
    write(explained, args.format, out)
    return 0


def cmd_send(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .clients import send_lines

    settings = settings_from(args)
    with open_lines(args.file) as lines:
        report = send_lines(lines, settings, err, timeout=args.timeout)
    return 1 if report.refused else 0


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
        fmt=args.format,
    )
    if args.max_alerts is not None and printed < args.max_alerts:
        print(f"tail: {printed} of {args.max_alerts} alerts before the timeout", file=err)
        return 1
    return 0


def cmd_desk(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .desk import run_desk

    return run_desk(settings_from(args), err, args.alerts_file, args.state_dir)


def cmd_feedback_report(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .feedback import read_feedback, report

    settings = settings_from(args)
    out.write(report(read_feedback(settings, timeout=args.timeout), args.format))
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


def cmd_config(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    import os

    from . import configref

    if args.markdown:
        out.write(configref.markdown(build_parser()))
        return 0
    settings, sources = settings_sourced(args)
    render = configref.render_json if args.format == "json" else configref.render_text
    out.write(render(settings, sources, _version(), os.environ))
    return 0


def cmd_bench(args: argparse.Namespace, out: IO[str], err: IO[str]) -> int:
    from .bench import BENCHMARKS

    return int(BENCHMARKS[args.which]().main(list(args.rest)) or 0)


COMMANDS = {
    "bench": cmd_bench,
    "config": cmd_config,
    "desk": cmd_desk,
    "explain": cmd_explain,
    "extract": cmd_extract,
    "feedback-report": cmd_feedback_report,
    "replay": cmd_replay,
    "send": cmd_send,
    "tail": cmd_tail,
    "topics": cmd_topics,
    "worker": cmd_worker,
}


def _log_format(args: argparse.Namespace | None = None) -> str:
    """The log format asked for (flag, then CLAIMWATCH_LOG_FORMAT), before Settings validate it."""
    return _early(args, "log_format", FORMATS, "text")


def _early(args: argparse.Namespace | None, name: str, allowed: Sequence[str], default: str) -> str:
    value = getattr(args, name, None) or os.environ.get(ENV_PREFIX + name.upper(), "")
    return value if value in allowed else default  # an invalid value is reported by load_settings


def start_logging(args: argparse.Namespace | None, err: IO[str]) -> None:
    """Logging as selected, from the first line: the worker at its log level, the other commands
    at WARNING; library loggers at their own level (see streams.logs)."""
    worker = args is not None and args.command == "worker"
    configure_logging(
        _log_format(args),
        _early(args, "log_level", list(LEVELS), "info") if worker else "warn",
        _early(args, "library_log_level", list(LEVELS), "warn"),
        stream=err,
    )


def main(argv: Sequence[str] | None = None, out: IO[str] | None = None, err: IO[str] | None = None) -> int:
    out = out or sys.stdout
    err = err or sys.stderr
    start_logging(None, err)  # usage errors already in the format CLAIMWATCH_LOG_FORMAT selects
    args = build_parser().parse_args(argv)
    start_logging(args, err)
    try:
        return COMMANDS[args.command](args, out, err)
    except ConfigError as exc:
        print(error_line(f"claimwatch {args.command}: {exc}"), file=err)
        return 2
    except ClaimwatchError as exc:
        print(error_line(f"claimwatch {args.command}: {exc}"), file=err)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `claimwatch tail | head`
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
