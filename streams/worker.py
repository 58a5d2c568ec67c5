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

import logging
import sys
import time

from .logs import configure_logging
from .settings import Settings

log = logging.getLogger("claimwatch.worker")

#: the settings' level names -> faust's (mode's) names
LOG_LEVELS = {"crit": "critical", "error": "error", "warn": "warning", "info": "info", "debug": "debug"}


def run_worker(settings: Settings) -> int:
    import faust

    from .app import create_app, liveness, probe_ready
    from .metrics import Metrics, MetricsServer
    from .topics import create_topics

    # the same handler `claimwatch` installed first thing, now with the validated settings
    configure_logging(settings.log_format, settings.log_level, settings.library_log_level)
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
    log.info(
        "consumer group %s, %s; session timeout %d ms; security %s",
        settings.app_id,
        f"static member {app.conf.consumer_group_instance_id}"
        if app.conf.consumer_group_instance_id
        else "dynamic membership",
        settings.session_timeout_ms,
        settings.security_protocol,
    )
    worker = faust.Worker(
        app,
        loglevel=LOG_LEVELS[settings.log_level],
        # mode would replace the root handlers with its own (colour) format: streams.logs owns logging
        override_logging=False,
        logfile=sys.stderr,  # stdout stays free (faust would write there)
        quiet=True,
        redirect_stdouts=False,
    )
    worker.spinner = None  # a terminal spinner: it would write cursor escapes to stdout at stop
    try:
        worker.execute_from_commandline()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
        return code
    finally:
        server.stop()
    return 0
