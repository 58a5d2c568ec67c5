"""Process-wide logging: one handler on the root logger, one format, set before anything else logs.

`claimwatch` calls `configure_logging` first thing in `main()`, before faust, aiokafka, kafka-python or
spaCy are imported, so every line the process writes to stderr has the selected format
(CLAIMWATCH_LOG_FORMAT / --log-format):

- text: `[2025-01-31 12:00:00,123] WARNING claimwatch.agents: message` (a traceback follows on its own
  lines);
- json: one object per line, `{"ts": 1738324800.123, "level": "warning", "logger": "...", "msg": "...",
  "exc": "traceback, when there is one"}`.

The same handler carries faust's and mode's records (the faust worker is started with
`override_logging=False`, so it never installs its own handlers), Python warnings (`logging.captureWarnings`,
logger `py.warnings`), uncaught exceptions in the main thread and in other threads, and exceptions Python
can only report as "ignored" (`sys.unraisablehook`), all at CRITICAL/ERROR on logger `claimwatch.crash`.

Library loggers (`LIBRARY_LOGGERS`: kafka-python, aiokafka, faust, mode, aiohttp) log at
CLAIMWATCH_LIBRARY_LOG_LEVEL (--library-log-level), WARNING by default: kafka-python alone logs every
connection at INFO. Set it to `info` or `debug` to see them while chasing a broker problem.
"""

from __future__ import annotations

import json
import logging
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from types import TracebackType
from typing import IO, Any

__all__ = [
    "LEVELS",
    "LIBRARY_LOGGERS",
    "TEXT_FORMAT",
    "JsonFormatter",
    "configure_logging",
    "current_format",
    "error_line",
    "level_number",
    "quiet_library",
]

#: the level names of the settings and the flags -> logging's level numbers
LEVELS = {
    "crit": logging.CRITICAL,
    "error": logging.ERROR,
    "warn": logging.WARNING,
    "info": logging.INFO,
    "debug": logging.DEBUG,
}
#: loggers of the libraries under the worker and the command-line clients
LIBRARY_LOGGERS = ("kafka", "aiokafka", "faust", "mode", "aiohttp")
TEXT_FORMAT = "[%(asctime)s] %(levelname)s %(name)s: %(message)s"
FORMATS = ("text", "json")

crash_log = logging.getLogger("claimwatch.crash")

_state: dict[str, Any] = {"format": "text", "handler": None}


class JsonFormatter(logging.Formatter):
    """One JSON object per log record, on one line (a traceback goes in `exc`)."""

    def format(self, record: logging.LogRecord) -> str:
        obj: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info:
            obj["exc"] = self.formatException(record.exc_info)
        elif record.exc_text:
            obj["exc"] = record.exc_text
        if record.stack_info:
            obj["stack"] = self.formatStack(record.stack_info)
        return json.dumps(obj, ensure_ascii=False)


def level_number(name: str) -> int:
    """`crit|error|warn|info|debug` (or a logging name like WARNING) -> logging's number."""
    key = name.strip().lower()
    if key in LEVELS:
        return LEVELS[key]
    number = logging.getLevelName(key.upper())
    if isinstance(number, int):
        return number
    raise ValueError(f"unknown log level {name!r}: one of {', '.join(LEVELS)}")


def current_format() -> str:
    """The format configure_logging selected last (`text` before it ran)."""
    return str(_state["format"])


def error_line(message: str, logger: str = "claimwatch.cli") -> str:
    """A one-line error for stderr in the selected format (plain text, or a JSON log record)."""
    if current_format() != "json":
        return message
    record = logging.LogRecord(logger, logging.ERROR, __file__, 0, message, None, None)
    return JsonFormatter().format(record)


@contextmanager
def quiet_library(name: str) -> Iterator[None]:
    """Silence logger `name` for a step whose outcome the caller reports itself in one line (a
    bootstrap that retries logs an error per attempt), unless its level was lowered below WARNING
    on purpose (CLAIMWATCH_LIBRARY_LOG_LEVEL=info|debug)."""
    logger = logging.getLogger(name)
    before = logger.level
    if logger.getEffectiveLevel() >= logging.WARNING:
        logger.setLevel(logging.CRITICAL + 1)
    try:
        yield
    finally:
        logger.setLevel(before)


def configure_logging(
    fmt: str = "text",
    level: int | str = logging.INFO,
    library_level: int | str = logging.WARNING,
    stream: IO[str] | None = None,
    *,
    hooks: bool = True,
) -> logging.Handler:
    """Install the one root handler (replacing an earlier one) and the levels; idempotent.

    `hooks` also routes warnings, uncaught exceptions (main thread and threads) and unraisable
    exceptions through logging."""
    if fmt not in FORMATS:
        raise ValueError(f"unknown log format {fmt!r}: text or json")
    level = level_number(level) if isinstance(level, str) else level
    library_level = level_number(library_level) if isinstance(library_level, str) else library_level
    root = logging.getLogger()
    for old in list(root.handlers):
        # ours from an earlier call, or logging.basicConfig's; handlers of test harnesses stay
        if old is _state["handler"] or type(old) is logging.StreamHandler:
            root.removeHandler(old)
    handler = logging.StreamHandler(stream if stream is not None else sys.stderr)
    handler.setFormatter(JsonFormatter() if fmt == "json" else logging.Formatter(TEXT_FORMAT))
    root.addHandler(handler)
    root.setLevel(level)
    for name in LIBRARY_LOGGERS:
        logging.getLogger(name).setLevel(library_level)
    _state.update(format=fmt, handler=handler)
    if hooks:
        logging.captureWarnings(True)
        sys.excepthook = _log_uncaught
        threading.excepthook = _log_thread_exception
        sys.unraisablehook = _log_unraisable
    return handler


def _log_uncaught(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    crash_log.critical("uncaught exception: %s: %s", exc_type.__name__, exc, exc_info=(exc_type, exc, tb))


def _log_thread_exception(args: threading.ExceptHookArgs) -> None:
    if args.exc_type is SystemExit:
        return
    name = args.thread.name if args.thread is not None else "?"
    crash_log.error(
        "uncaught exception in thread %s: %s: %s",
        name,
        args.exc_type.__name__,
        args.exc_value,
        exc_info=(args.exc_type, args.exc_value, args.exc_traceback),  # type: ignore[arg-type]
    )


def _log_unraisable(unraisable: Any) -> None:
    exc = unraisable.exc_value
    what = unraisable.err_msg or "Exception ignored in"
    crash_log.error(
        "%s: %r",
        what,
        unraisable.object,
        exc_info=(unraisable.exc_type, exc, unraisable.exc_traceback) if exc is not None else None,
    )
