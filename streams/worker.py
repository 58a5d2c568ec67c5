"""`claimwatch worker`: create topics, start the metrics server, run the faust worker until stopped.

SIGTERM and SIGINT stop the worker gracefully (mode.Worker's signal handlers: agents finish the current
message, offsets are committed, tables flushed). A worker that seems stuck: `kill -USR1 <pid>` makes
mode.Worker log every thread's and every asyncio task's stack. Startup order matters:
1. topics are created explicitly (the broker may not auto-create; a table with a mismatched source
   topic crashes with PartitionsMismatch);
2. the metrics server answers /healthz at once and /readyz 503 until the worker is running;
3. the faust worker starts (and recovers the table from its changelog if the data dir is empty).
"""

from __future__ import annotations

import json
import logging
import sys
import time
from typing import Any

from .settings import Settings

log = logging.getLogger("claimwatch.worker")

LOG_LEVELS = {"crit": "critical", "error": "error", "warn": "warning", "info": "info", "debug": "debug"}


class JsonFormatter(logging.Formatter):
    """One JSON object per log line (CLAIMWATCH_LOG_FORMAT=json)."""

    def format(self, record: logging.LogRecord) -> str:
        obj: dict[str, Any] = {
            "ts": round(record.created, 3),
            "level": record.levelname.lower(),
            "logger": record.name,
            "msg": record.getMessage(),
        }
        if record.exc_info:
            obj["exc"] = self.formatException(record.exc_info)
        return json.dumps(obj, ensure_ascii=False)


def logging_config(settings: Settings) -> dict[str, Any] | None:
    if settings.log_format != "json":
        return None
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"json": {"()": f"{__name__}.JsonFormatter"}},
        "handlers": {
            "stderr": {"class": "logging.StreamHandler", "formatter": "json", "stream": "ext://sys.stderr"}
        },
        "root": {"level": LOG_LEVELS[settings.log_level].upper(), "handlers": ["stderr"]},
    }


def run_worker(settings: Settings) -> int:
    import faust

    from .app import create_app, liveness, probe_ready
    from .metrics import Metrics, MetricsServer
    from .topics import create_topics

    logging.basicConfig(
        level=LOG_LEVELS[settings.log_level].upper(),
        format="[%(asctime)s] %(levelname)s %(name)s: %(message)s",
    )
    started = time.monotonic()
    created = create_topics(settings)
    log.info("topics: %s", ", ".join(f"{k}={v}" for k, v in created.items()))

    # the English model is loaded (and its first batch run) before the worker joins its group: loading it
    # inside the first message would stall the event loop for seconds and trigger a re-read
    from .core import parse

    loaded = time.monotonic()
    parse.parse(["Warm-up: 3 boats sank, officials said."])
    log.info("parser %s %s ready in %.2f s", parse.MODEL, parse.MODEL_VERSION, time.monotonic() - loaded)

    metrics = Metrics()
    app = create_app(settings, metrics)
    server = MetricsServer(
        metrics,
        settings.web_host,
        settings.metrics_port,
        ready=lambda: probe_ready(app),
        live=lambda: liveness(app),
    ).start()
    log.info(
        "metrics on %s; faust web on %s:%s; store %s in %s; fetch wait %d ms; setup %.2f s",
        server.url,
        settings.web_host,
        settings.web_port,
        settings.store,
        settings.data_dir,
        settings.fetch_max_wait_ms,
        time.monotonic() - started,
    )
    worker = faust.Worker(
        app,
        loglevel=LOG_LEVELS[settings.log_level],
        logging_config=logging_config(settings),
        logfile=sys.stderr,  # stdout stays free (faust would log there)
        quiet=True,
        redirect_stdouts=False,
    )
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return code
    finally:
        server.stop()
    return 0
