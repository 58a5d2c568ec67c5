"""Every Prometheus metric of claimwatch, on a registry passed in, and the /metrics HTTP server.

Conventions: namespace `claimwatch_`, durations in seconds, counters end in `_total`, label values
from closed sets (reason codes, claim kinds, alert kinds and rule names) to keep cardinality low.
Faust's own Prometheus sensor is not used (milliseconds, odd names).

Every labelled series whose label set is closed exists from the start, at 0 (`LABEL_SETS`): a series
born at its first event has no earlier sample, so `increase()` and `rate()` read the first burst as
0 and an alert on it waits for a second one. The consumer-lag gauge is the exception (its partitions
come and go with assignments).

The registry also carries `claimwatch_build_info{version,python,faust,aiokafka,kafka_python,spacy} 1`
and the client library's process (`process_*`: CPU, memory, file descriptors, start time), platform
(`python_info`) and garbage-collector (`python_gc_*`) collectors.

The server (stdlib, one daemon thread) serves:
- /metrics  the registry in the Prometheus text format
- /healthz  liveness: 200 while the process serves requests and `live()` is true
- /readyz   readiness: 200 when `ready()` says so, else 503 with the reason (starting, rebalancing,
            recovering tables); see `streams.app.probe_ready` (thread-safe) and `readiness`.
"""

from __future__ import annotations

import logging
import platform
import threading
from collections.abc import Callable, Mapping
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import metadata
from typing import get_args

from prometheus_client import REGISTRY, CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import CONTENT_TYPE_LATEST, generate_latest
from prometheus_client.gc_collector import GCCollector
from prometheus_client.platform_collector import PlatformCollector
from prometheus_client.process_collector import ProcessCollector

from schemas import Claim

from .core.detect import REJECTIONS, RULES
from .core.guard import REASONS

log = logging.getLogger(__name__)

NAMESPACE = "claimwatch"

#: stage time: one article's extraction or one batch's detection, typically 0.1-50 ms
STAGE_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5)
#: article consumed -> alert published, across two topics (target p99 < 1 s)
LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 0.75, 1.0, 1.5, 2.5, 5.0, 10.0, 30.0)

STAGES = ("extract", "detect")
#: the closed label set of each labelled metric (attribute of Metrics -> label values), pre-set at 0
LABEL_SETS: dict[str, tuple[tuple[str, ...], ...]] = {
    "dead_letters": tuple((reason,) for reason in REASONS),
    "claims_extracted": tuple((kind,) for kind in get_args(Claim.model_fields["kind"].annotation)),
    "alerts_published": tuple((kind, rule) for rule, kind in sorted(RULES.items())),
    "stage_seconds": tuple((stage,) for stage in STAGES),
    "pairs_rejected": tuple((reason,) for reason in REJECTIONS),
}
#: build_info's labels -> the distribution whose version it carries ("python": the interpreter)
BUILD_INFO = {
    "version": "claimwatch",
    "python": "",
    "faust": "faust-streaming",
    "aiokafka": "aiokafka",
    "kafka_python": "kafka-python",
    "spacy": "spacy",
}


def build_versions() -> dict[str, str]:
    """The label values of claimwatch_build_info (`unknown` for a distribution not installed)."""
    out = {}
    for label, dist in BUILD_INFO.items():
        if not dist:
            out[label] = platform.python_version()
            continue
        try:
            out[label] = metadata.version(dist)
        except metadata.PackageNotFoundError:
            out[label] = "unknown"
    return out


class Metrics:
    """All metrics, registered on `registry` (a fresh CollectorRegistry in tests)."""

    def __init__(self, registry: CollectorRegistry | None = None, *, process: bool = True) -> None:
        """`process`: also register the process, platform and gc collectors (once per registry)."""
        self.registry = registry if registry is not None else CollectorRegistry()
        r, ns = self.registry, NAMESPACE
        self.build_info = Gauge(
            "build_info",
            "Always 1; the labels name the versions of claimwatch, Python and the stream libraries",
            list(BUILD_INFO),
            namespace=ns,
            registry=r,
        )
        self.build_info.labels(**build_versions()).set(1)
        self.articles_consumed = Counter(
            "articles_consumed",
            "Messages read from the articles topic (valid or not)",
            namespace=ns,
            registry=r,
        )
        self.article_unknown_fields = Counter(
            "article_unknown_fields",
            "Fields not in the article schema, ignored in accepted articles (one per field and article; "
            "CLAIMWATCH_UNKNOWN_FIELDS=ignore)",
            namespace=ns,
            registry=r,
        )
        self.claims_extracted = Counter(
            "claims_extracted", "Claims extracted from articles", ["kind"], namespace=ns, registry=r
        )
        self.claim_batches = Counter(
            "claim_batches",
            "ClaimBatch messages sent to the claims topic (one per article and claim key)",
            namespace=ns,
            registry=r,
        )
        self.batches_processed = Counter(
            "claim_batches_processed",
            "ClaimBatch messages compared with the claims table",
            namespace=ns,
            registry=r,
        )
        self.late_claims = Counter(
            "late_claims",
            "Claims older than CLAIMWATCH_HISTORY_DAYS before the newest claim of their key: compared with "
            "the history, not stored",
            namespace=ns,
            registry=r,
        )
        self.alerts_published = Counter(
            "alerts_published", "Alerts sent to the alerts topic", ["kind", "rule"], namespace=ns, registry=r
        )
        self.dead_letters = Counter(
            "dead_letters", "Messages sent to the dead-letter topic", ["reason"], namespace=ns, registry=r
        )
        self.pairs_rejected = Counter(
            "pairs_rejected",
            "Pairs of claims under one key compared and not alerted, by the check that stopped them "
            "(streams.core.detect.REJECTIONS; docs/METHOD.md)",
            ["reason"],
            namespace=ns,
            registry=r,
        )
        self.stage_seconds = Histogram(
            "stage_processing_seconds",
            "Processing time of one message in a stage",
            ["stage"],
            namespace=ns,
            registry=r,
            buckets=STAGE_BUCKETS,
        )
        self.article_to_alert_seconds = Histogram(
            "article_to_alert_seconds",
            "Time from consuming an article (ClaimBatch.ingested_at) to publishing its alert",
            namespace=ns,
            registry=r,
            buckets=LATENCY_BUCKETS,
        )
        self.claims_in_state = Gauge(
            "claims_in_state", "Claims held in the claims table on this worker", namespace=ns, registry=r
        )
        self.consumer_lag = Gauge(
            "consumer_lag_messages",
            "Highwater minus committed offset, per assigned input partition",
            ["topic", "partition"],
            namespace=ns,
            registry=r,
        )
        self.table_recovery_seconds = Gauge(
            "table_recovery_seconds",
            "Duration of the last table recovery from the changelog",
            namespace=ns,
            registry=r,
        )
        self.ready = Gauge(
            "ready",
            "1 when the worker is running (not starting, rebalancing or recovering)",
            namespace=ns,
            registry=r,
        )
        for name, label_sets in LABEL_SETS.items():
            metric = getattr(self, name)
            for values in label_sets:
                metric.labels(*values)  # the child exists, at 0, before its first event
        self._lag_labels: set[tuple[str, str]] = set()
        if process:
            _register_runtime_collectors(r)

    def count_rejections(self, rejected: Mapping[str, int]) -> None:
        """Add the reason counts of one detection (`detect(..., rejected=Counter())`)."""
        for reason, n in rejected.items():
            self.pairs_rejected.labels(reason=reason).inc(n)

    def set_lag(self, lags: dict[tuple[str, int], int]) -> None:
        """Replace the lag gauge's children with `lags` ({(topic, partition): messages})."""
        seen = set()
        for (topic, partition), lag in lags.items():
            labels = (topic, str(partition))
            self.consumer_lag.labels(*labels).set(max(0, lag))
            seen.add(labels)
        for labels in self._lag_labels - seen:
            try:
                self.consumer_lag.remove(*labels)
            except KeyError:
                pass
        self._lag_labels = seen


def _register_runtime_collectors(registry: CollectorRegistry) -> None:
    """process_*, python_info and python_gc_* on `registry` (the default registry has its own)."""
    if registry is REGISTRY:  # prometheus_client registered them there on import
        return
    ProcessCollector(registry=registry)
    PlatformCollector(registry=registry)
    GCCollector(registry=registry)


Probe = Callable[[], tuple[bool, str]]


def _always_live() -> tuple[bool, str]:
    return True, "alive"


class MetricsServer:
    """Serve /metrics, /healthz and /readyz from a daemon thread (port 0 picks a free port)."""

    def __init__(
        self,
        metrics: Metrics,
        host: str = "127.0.0.1",
        port: int = 0,
        *,
        ready: Probe | None = None,
        live: Probe | None = None,
    ) -> None:
        self.metrics = metrics
        self.ready_probe: Probe = ready or (lambda: (False, "starting"))
        self.live_probe: Probe = live or _always_live
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 - stdlib API
                path = self.path.split("?", 1)[0]
                if path == "/metrics":
                    body = generate_latest(server.metrics.registry)
                    self._reply(200, body, CONTENT_TYPE_LATEST)
                elif path == "/healthz":
                    self._probe(server.live_probe)
                elif path == "/readyz":
                    self._probe(server.ready_probe)
                else:
                    self._reply(404, b"not found: try /metrics, /healthz or /readyz\n")

            def _probe(self, probe: Probe) -> None:
                try:
                    ok, reason = probe()
                except Exception as exc:  # a probe must answer, never kill the handler
                    ok, reason = False, f"probe failed: {exc!r}"
                self._reply(200 if ok else 503, (reason + "\n").encode())

            def _reply(self, code: int, body: bytes, ctype: str = "text/plain; charset=utf-8") -> None:
                self.send_response(code)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib API
                log.debug("metrics http: " + format, *args)

        self._httpd = ThreadingHTTPServer((host, port), Handler)
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None
        self.metrics.ready.set_function(lambda: 1.0 if self._safe_ready() else 0.0)

    def _safe_ready(self) -> bool:
        try:
            return bool(self.ready_probe()[0])
        except Exception:
            return False

    @property
    def port(self) -> int:
        return int(self._httpd.server_address[1])

    @property
    def url(self) -> str:
        host = self._httpd.server_address[0]
        return f"http://{host}:{self.port}"

    def start(self) -> MetricsServer:
        self._thread = threading.Thread(
            target=self._httpd.serve_forever, name="claimwatch-metrics", daemon=True
        )
        self._thread.start()
        log.info("metrics server on %s (/metrics /healthz /readyz)", self.url)
        return self

    def stop(self) -> None:
        if self._thread is not None:
            self._httpd.shutdown()
            self._thread.join(timeout=5)
            self._thread = None
        self._httpd.server_close()
