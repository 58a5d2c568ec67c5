"""The faust application: `create_app(settings) -> faust.App`, wired with topics, table, agents, monitor.

Fetch wait (THE one place it is overridden): faust's aiokafka driver hard-codes
`fetch_max_wait_ms=1500` in `AIOKafkaConsumerThread._create_worker_consumer`. A fetch that covers only
empty partitions (every app also reads its empty `<app-id>-__assignor-__leader` topic) is then held by
the broker for 1.5 s, and aiokafka keeps one fetch in flight per broker: a throughput cap (~1,200
msgs/s) and up to 1.5 s of added latency. `FastFetchConsumerThread` builds the consumer as faust does,
then sets `settings.fetch_max_wait_ms` on it before it starts (aiokafka's Fetcher reads
`AIOKafkaConsumer._fetch_max_wait_ms` in `start()`). `ClaimwatchApp._new_transport` installs it.

Readiness (`readiness(app)`): faust attributes, read-only -- `app.started`, `app.should_stop`,
`app.rebalancing` (set by on_rebalance_start/on_rebalance_end), `app.in_recovery` (set by the table
Recovery service), `app.tables.recovery.completed` (an Event set once streams resume after the first
assignment) and `app.tables.actives_ready` (reset at each rebalance start, set when active tables are
up to date).
`readiness` runs only on the worker's event loop (the monitor timer, every 0.5 s); the HTTP thread calls
`probe_ready`, which reads the cached answer plus two plain events. It must never touch `app.tables`
itself: faust creates TableManager/Recovery lazily and binds them to the event loop current at first
access -- from the HTTP thread, a loop that never runs, and the worker then hangs at startup
("Waiting for tables to be registered...") -- seen intermittently before this rule.
"""

from __future__ import annotations

import logging
from typing import Any

import faust
from faust.transport.drivers import aiokafka as faust_aiokafka

from .agents import register_agents
from .core.store import claims_count
from .delivery import CommitGuard, StallWatch, reread_stalled
from .membership import StaticMemberAssignor, group_instance_id, leave_on_stop
from .metrics import Metrics
from .security import faust_credentials
from .settings import Settings
from .tables import declare_claims_table
from .topics import declare_topics

log = logging.getLogger(__name__)

__all__ = ["ClaimwatchApp", "create_app", "probe_ready", "readiness"]

MONITOR_INTERVAL = 0.5


#: faust's own records from the subclasses below stay under faust's logger names (mode would name them
#: after this module), so CLAIMWATCH_LIBRARY_LOG_LEVEL governs them like the rest of faust's
FAUST_APP_LOGGER = logging.getLogger("faust.app")
FAUST_TRANSPORT_LOGGER = logging.getLogger("faust.transport")


class FastFetchConsumerThread(faust_aiokafka.AIOKafkaConsumerThread):
    """faust's consumer thread, with the fetch wait taken from settings instead of 1500 ms."""

    logger = FAUST_TRANSPORT_LOGGER

    def _create_worker_consumer(self, transport: Any) -> Any:
        consumer = super()._create_worker_consumer(transport)
        apply_fetch_max_wait(consumer, self.app.claimwatch_settings.fetch_max_wait_ms)
        return consumer

    async def on_start(self) -> None:
        await super().on_start()
        leave_on_stop(self._consumer)  # a static member leaves its group on a graceful stop too


def apply_fetch_max_wait(consumer: Any, wait_ms: int) -> None:
    """Set an unstarted AIOKafkaConsumer's fetch wait (read by its Fetcher in start())."""
    if not hasattr(consumer, "_fetch_max_wait_ms"):
        raise RuntimeError(
            "aiokafka.AIOKafkaConsumer has no _fetch_max_wait_ms: aiokafka changed; "
            "update streams.app.apply_fetch_max_wait for the pinned version"
        )
    consumer._fetch_max_wait_ms = int(wait_ms)


class FastFetchConsumer(CommitGuard, faust_aiokafka.Consumer):
    """faust's aiokafka consumer with the fetch-wait override, and commits that never skip an input
    message (`streams.delivery.CommitGuard`)."""

    logger = FAUST_TRANSPORT_LOGGER

    def _new_consumer_thread(self) -> FastFetchConsumerThread:
        return FastFetchConsumerThread(self, loop=self.loop, beacon=self.beacon)


class FastFetchTransport(faust_aiokafka.Transport):
    Consumer = FastFetchConsumer


class ClaimwatchApp(faust.App):
    """faust.App carrying its claimwatch Settings, Metrics and the declared topics/table."""

    logger = FAUST_APP_LOGGER

    claimwatch_settings: Settings
    metrics: Metrics
    #: last readiness computed on the event loop by the monitor timer (read by the HTTP thread)
    claimwatch_ready: tuple[bool, str] = (False, "starting")

    def _new_transport(self) -> Any:
        scheme = self.conf.broker_consumer[0].scheme
        if scheme not in ("kafka", "aiokafka"):
            return super()._new_transport()
        return FastFetchTransport(self.conf.broker_consumer, self)


def _faust_store(settings: Settings) -> str:
    return "rocksdb://" if settings.store == "rocksdb" else "memory://"


def heartbeat_interval(session_timeout_ms: int) -> float:
    """Seconds between consumer heartbeats: faust's 3 s, or a third of a shorter session timeout."""
    return min(3.0, session_timeout_ms / 3000.0)


def create_app(settings: Settings, metrics: Metrics | None = None, **faust_overrides: Any) -> ClaimwatchApp:
    """Build the worker app: topics, the claims table, the two agents and the monitor timer."""
    conf: dict[str, Any] = dict(
        broker=settings.broker,
        store=_faust_store(settings),
        datadir=settings.data_dir,
        web_bind=settings.web_host,
        web_port=settings.web_port,
        web_host=settings.web_host,
        topic_partitions=settings.partitions,
        topic_replication_factor=settings.replication,
        table_standby_replicas=settings.standby_replicas,
        consumer_auto_offset_reset="earliest",
        # Every topic (and the table changelog, compacted) is created by streams.topics.create_topics
        # before the worker starts; faust never declares one (one place decides partitions and configs;
        # faust's own create path also waits on the broker with a millisecond timeout read as seconds).
        topic_allow_declare=False,
        # No `<app-id>-__assignor-__leader` topic: nothing here runs on_leader timers, and that empty
        # topic is one more partition the consumer must long-poll.
        topic_disable_leader=True,
        producer_linger=0.005,
        producer_max_batch_size=512 * 1024,
        producer_acks=-1,
        autodiscover=False,
        # commit often: a restart reprocesses little (alerts are idempotent by alert_id)
        broker_commit_every=1000,
        broker_commit_interval=1.0,
        # failover time after a worker dies without leaving the group (SIGKILL, OOM, lost node):
        # its partitions move only once the session times out; heartbeats stay <= 1/3 of it
        broker_session_timeout=settings.session_timeout_ms / 1000.0,
        broker_heartbeat_interval=heartbeat_interval(settings.session_timeout_ms),
        # static membership: a worker restarted after a crash takes its place back at once instead of
        # waiting out the session timeout (streams.membership)
        consumer_group_instance_id=group_instance_id(
            settings.group_instance_id,
            settings.app_id,
            settings.data_dir,
            web_port=settings.web_port if settings.store == "memory" else None,
        ),
        PartitionAssignor=StaticMemberAssignor,
    )
    credentials = faust_credentials(settings)  # TLS / SASL (streams.security); None for PLAINTEXT
    if credentials is not None:
        conf["broker_credentials"] = credentials
    conf.update(faust_overrides)
    app = ClaimwatchApp(settings.app_id, **conf)
    app.claimwatch_settings = settings
    app.metrics = metrics if metrics is not None else Metrics()
    app.claimwatch_topics = declare_topics(app, settings)
    app.claims_table = declare_claims_table(app, settings)
    app.claimwatch_agents = register_agents(
        app, app.claimwatch_topics, app.claims_table, settings, app.metrics
    )
    _register_monitor(app)
    return app


def readiness(app: faust.App) -> tuple[bool, str]:
    """(ready, reason): ready only while the worker runs with its tables recovered."""
    if not app.started:
        return False, "starting"
    if app.should_stop:
        return False, "stopping"
    if app.rebalancing:
        return False, "rebalancing"
    if getattr(app, "in_recovery", False):
        return False, "recovering tables"
    tables = app.tables
    if not tables.recovery.completed.is_set():
        return False, "waiting for partition assignment and table recovery"
    if not tables.actives_ready:
        return False, "recovering tables"
    return True, "running"


def probe_ready(app: faust.App) -> tuple[bool, str]:
    """Thread-safe readiness for /readyz: plain flags plus the answer cached on the event loop."""
    if not app.started:
        return False, "starting"
    if app.should_stop:
        return False, "stopping"
    return getattr(app, "claimwatch_ready", (False, "starting"))


def liveness(app: faust.App) -> tuple[bool, str]:
    if getattr(app, "crashed", False):
        return False, "crashed"
    return True, "alive"


def _register_monitor(app: ClaimwatchApp, interval: float = MONITOR_INTERVAL) -> None:
    """A timer (on the worker's loop) keeping readiness and the lag, claims and recovery gauges current.

    The claims gauge is recounted whenever the worker becomes ready AND whenever its assignment changed
    since the last recount: a rebalance (a worker joining, leaving or dying) can start and end between
    two ticks, so readiness is never seen false, yet the table now holds other partitions."""
    state: dict[str, Any] = {"ready": False, "assigned": None}
    stalls = StallWatch()
    metrics = app.metrics
    topics = app.claimwatch_topics
    input_topics = {topics.articles.get_topic_name(), topics.claims.get_topic_name()}

    @app.timer(interval, name="claimwatch.monitor")
    async def monitor() -> None:
        answer = readiness(app)
        ready = answer[0]
        if ready:
            assigned = assigned_partitions(app)
            if not state["ready"] or assigned != state["assigned"]:
                on_ready(app)  # recount before /readyz says 200, and after every reassignment
                state["assigned"] = assigned
        app.claimwatch_ready = answer
        state["ready"] = ready
        if ready:
            metrics.set_lag(consumer_lag(app, input_topics))
            reread_stalled(app, input_topics, stalls)  # faust can leave a partition behind: see delivery.py


def on_ready(app: ClaimwatchApp) -> None:
    """After each (re)assignment and recovery: recount state, record the recovery time."""
    metrics = app.metrics
    held = sum(claims_count(v) for v in app.claims_table.values())
    metrics.claims_in_state.set(held)
    recovery = app.tables.recovery
    started = getattr(recovery, "_recovery_started_at", None)
    ended = getattr(recovery, "_recovery_ended_at", None)
    if started is not None and ended is not None and ended >= started:
        metrics.table_recovery_seconds.set(ended - started)
    log.info("worker ready: %d claims in state", held)


def assigned_partitions(app: faust.App) -> frozenset | None:
    """The consumer's current assignment (None while the consumer is not readable)."""
    try:
        return frozenset(app.consumer.assignment())
    except Exception:  # consumer not started or being rebuilt
        return None


def consumer_lag(app: faust.App, topics: set[str]) -> dict[tuple[str, int], int]:
    """{(topic, partition): highwater - committed} for assigned input partitions (where readable)."""
    out: dict[tuple[str, int], int] = {}
    consumer = app.consumer
    try:
        assignment = consumer.assignment()
    except Exception:  # consumer not started or being rebuilt
        return out
    committed_map = getattr(consumer, "_committed_offset", {})
    for tp in assignment:
        if tp.topic not in topics:
            continue
        try:
            highwater = consumer.highwater(tp)
        except Exception:
            continue
        if highwater is None:
            continue
        committed = committed_map.get(tp)
        out[(tp.topic, tp.partition)] = max(0, int(highwater) - int(committed or 0))
    return out
