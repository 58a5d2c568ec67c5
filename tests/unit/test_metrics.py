"""Metrics on a registry passed in, and the /metrics /healthz /readyz server."""

from __future__ import annotations

import urllib.error
import urllib.request

import pytest
from prometheus_client import CollectorRegistry

from streams.core import detect, rules
from streams.core.guard import REASONS
from streams.metrics import LABEL_SETS, Metrics, MetricsServer


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def test_names_units_and_labels_on_a_fresh_registry() -> None:
    reg = CollectorRegistry()
    m = Metrics(reg)
    m.articles_consumed.inc(3)
    m.dead_letters.labels(reason="invalid_json").inc()
    m.alerts_published.labels(kind="numeric_conflict", rule="numeric_mismatch.v1").inc(2)
    m.stage_seconds.labels(stage="extract").observe(0.004)
    m.article_to_alert_seconds.observe(0.3)
    assert reg.get_sample_value("claimwatch_articles_consumed_total") == 3
    assert reg.get_sample_value("claimwatch_dead_letters_total", {"reason": "invalid_json"}) == 1
    assert (
        reg.get_sample_value(
            "claimwatch_alerts_published_total", {"kind": "numeric_conflict", "rule": "numeric_mismatch.v1"}
        )
        == 2
    )
    assert reg.get_sample_value("claimwatch_stage_processing_seconds_sum", {"stage": "extract"}) == 0.004
    assert reg.get_sample_value("claimwatch_article_to_alert_seconds_bucket", {"le": "0.5"}) == 1
    names = {metric.name for metric in reg.collect()}
    ours = {n for n in names if not n.startswith(("process_", "python_"))}  # the client's collectors
    assert ours and all(n.startswith("claimwatch_") for n in ours)
    assert not any("millis" in n or n.endswith("_ms") for n in names)
    # two registries never collide: metrics are not module globals
    Metrics(CollectorRegistry())


def test_every_closed_label_set_is_exposed_at_zero_from_the_start() -> None:
    """A series that appears only with its first event hides that event from increase(): each reason,
    kind, rule and stage is there, at 0, before anything happened."""
    reg = Metrics(CollectorRegistry()).registry
    for reason in REASONS:
        assert reg.get_sample_value("claimwatch_dead_letters_total", {"reason": reason}) == 0, reason
    for rule, kind in detect.RULES.items():
        labels = {"kind": kind, "rule": rule}
        assert reg.get_sample_value("claimwatch_alerts_published_total", labels) == 0, labels
    for kind in ("numeric", "statement"):
        assert reg.get_sample_value("claimwatch_claims_extracted_total", {"kind": kind}) == 0
    for stage in ("extract", "detect"):
        assert reg.get_sample_value("claimwatch_stage_processing_seconds_count", {"stage": stage}) == 0
    for reason in detect.REJECTIONS:
        assert reg.get_sample_value("claimwatch_pairs_rejected_total", {"reason": reason}) == 0, reason
    assert set(LABEL_SETS) == {
        "dead_letters",
        "claims_extracted",
        "alerts_published",
        "stage_seconds",
        "pairs_rejected",
    }


def test_rejections_of_one_detection_add_to_their_series() -> None:
    from collections import Counter

    m = Metrics(CollectorRegistry())
    m.count_rejections(Counter({"compatible_figures": 3, "different_place": 1}))
    m.count_rejections(Counter({"compatible_figures": 2}))
    reg = m.registry
    assert reg.get_sample_value("claimwatch_pairs_rejected_total", {"reason": "compatible_figures"}) == 5
    assert reg.get_sample_value("claimwatch_pairs_rejected_total", {"reason": "different_place"}) == 1
    assert reg.get_sample_value("claimwatch_pairs_rejected_total", {"reason": "same_claim"}) == 0


def test_the_rule_list_names_every_rule_of_the_detector() -> None:
    defined = {v.name for v in vars(rules).values() if isinstance(v, rules.Rule)}
    assert defined == set(detect.RULES) == set(rules.BY_NAME)
    assert set(detect.RULES.values()) == {"numeric_conflict", "statement_conflict"}


def test_build_info_names_the_versions() -> None:
    import platform
    from importlib import metadata

    reg = Metrics(CollectorRegistry()).registry
    samples = [s for fam in reg.collect() if fam.name == "claimwatch_build_info" for s in fam.samples]
    assert len(samples) == 1 and samples[0].value == 1
    labels = samples[0].labels
    assert labels == {
        "version": metadata.version("claimwatch"),
        "python": platform.python_version(),
        "faust": metadata.version("faust-streaming"),
        "aiokafka": metadata.version("aiokafka"),
        "kafka_python": metadata.version("kafka-python"),
        "spacy": metadata.version("spacy"),
    }


def test_process_platform_and_gc_collectors_on_the_workers_registry() -> None:
    reg = Metrics(CollectorRegistry()).registry
    assert reg.get_sample_value("process_resident_memory_bytes") > 0
    assert reg.get_sample_value("process_start_time_seconds") > 0
    assert reg.get_sample_value("python_gc_collections_total", {"generation": "0"}) is not None
    assert any(fam.name == "python_info" for fam in reg.collect())
    bare = Metrics(CollectorRegistry(), process=False).registry
    assert bare.get_sample_value("process_resident_memory_bytes") is None


def test_lag_gauge_drops_revoked_partitions() -> None:
    m = Metrics(CollectorRegistry())
    m.set_lag({("articles", 0): 5, ("articles", 1): 0})
    m.set_lag({("articles", 1): 2})
    reg = m.registry
    assert (
        reg.get_sample_value("claimwatch_consumer_lag_messages", {"topic": "articles", "partition": "1"}) == 2
    )
    assert (
        reg.get_sample_value("claimwatch_consumer_lag_messages", {"topic": "articles", "partition": "0"})
        is None
    )


@pytest.fixture
def server():
    state = {"ready": (False, "recovering tables")}
    srv = MetricsServer(Metrics(CollectorRegistry()), "127.0.0.1", 0, ready=lambda: state["ready"]).start()
    srv.state = state
    yield srv
    srv.stop()


def test_probes_and_metrics_endpoint(server: MetricsServer) -> None:
    assert get(server.url + "/healthz") == (200, "alive\n")
    assert get(server.url + "/readyz") == (503, "recovering tables\n")
    status, body = get(server.url + "/metrics")
    assert status == 200 and "claimwatch_ready 0.0" in body
    server.state["ready"] = (True, "running")
    assert get(server.url + "/readyz") == (200, "running\n")
    assert "claimwatch_ready 1.0" in get(server.url + "/metrics")[1]
    assert get(server.url + "/nope")[0] == 404


def test_a_failing_probe_answers_503(server: MetricsServer) -> None:
    def broken() -> tuple[bool, str]:
        raise RuntimeError("no app yet")

    server.ready_probe = broken
    status, body = get(server.url + "/readyz")
    assert status == 503 and "no app yet" in body
