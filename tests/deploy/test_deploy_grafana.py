"""Grafana: provisioned data source and dashboard; every metric the dashboard queries exists."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import pytest
from deploy_helpers import COMPOSE_FILE, GRAFANA_DIR, Catalogue, load_yaml, promql_problems

DASHBOARD = GRAFANA_DIR / "dashboards" / "claimwatch.json"
DATASOURCES = GRAFANA_DIR / "provisioning" / "datasources" / "prometheus.yml"
PROVIDERS = GRAFANA_DIR / "provisioning" / "dashboards" / "claimwatch.yml"

#: panel the operators asked for -> a metric its queries must read (and a grouping, if any)
REQUIRED_PANELS = {
    "articles/s": (r"claimwatch_articles_consumed_total", None),
    "claims/s by kind": (r"claimwatch_claims_extracted_total", "kind"),
    "alerts/s by kind and rule": (r"claimwatch_alerts_published_total", "kind, rule"),
    "dead letters by reason": (r"claimwatch_dead_letters_total", "reason"),
    "stage processing time": (r"claimwatch_stage_processing_seconds_bucket", "le, stage"),
    "article-to-alert latency": (r"claimwatch_article_to_alert_seconds_bucket", "le"),
    "claims held in state": (r"claimwatch_claims_in_state", None),
    "consumer lag by partition": (r"claimwatch_consumer_lag_messages", "topic, partition"),
    "readiness": (r"claimwatch_ready", None),
}


def dashboard() -> dict[str, Any]:
    return json.loads(DASHBOARD.read_text(encoding="utf-8"))


def panels(items: list[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    for panel in items:
        yield panel
        yield from panels(panel.get("panels", []))


def queries() -> list[tuple[str, str]]:
    """(where, PromQL) for every panel target and templating query."""
    out = []
    for panel in panels(dashboard()["panels"]):
        for target in panel.get("targets", []):
            out.append((panel["title"], target["expr"]))
    for var in dashboard().get("templating", {}).get("list", []):
        query = var.get("query")
        if var.get("type") == "query":
            out.append((f"${var['name']}", query["query"] if isinstance(query, dict) else query))
    return out


def test_every_query_uses_metrics_and_labels_of_streams_metrics(metric_catalogue: Catalogue) -> None:
    problems = {}
    for where, expr in queries():
        found = promql_problems(expr, metric_catalogue)
        if found:
            problems[where] = found
    assert not problems, f"dashboard vs streams/metrics.py: {problems}"


@pytest.mark.parametrize("panel", sorted(REQUIRED_PANELS))
def test_required_panel_present(panel: str) -> None:
    metric, grouping = REQUIRED_PANELS[panel]
    exprs = [expr for _, expr in queries() if re.search(rf"\b{metric}\b", expr)]
    assert exprs, f"no panel queries {metric} ({panel})"
    if grouping:
        want = {g.strip() for g in grouping.split(",")}
        groups = [
            {g.strip() for g in m.split(",")} for e in exprs for m in re.findall(r"\bby\s*\(([^)]*)\)", e)
        ]
        assert any(want <= g for g in groups), f"{panel}: no query grouped by ({grouping}): {exprs}"


def test_stage_time_shows_p50_p95_p99_and_latency_p99() -> None:
    exprs = [e for _, e in queries()]

    def quantiles(metric: str) -> set[str]:
        return {q for e in exprs if metric in e for q in re.findall(r"histogram_quantile\(\s*([0-9.]+)", e)}

    assert {"0.5", "0.95", "0.99"} <= quantiles("claimwatch_stage_processing_seconds_bucket")
    assert "0.99" in quantiles("claimwatch_article_to_alert_seconds_bucket")


def test_rates_over_counters_only(metric_catalogue: Catalogue) -> None:
    for where, expr in queries():
        for name in re.findall(r"\b(?:rate|irate|increase)\(\s*(claimwatch_\w+)", expr):
            assert metric_catalogue.by_sample[name].type in {"counter", "histogram"}, (where, name)


def test_dashboard_shape() -> None:
    dash = dashboard()
    assert dash["uid"] == "claimwatch" and dash["title"]
    ids = [p["id"] for p in panels(dash["panels"])]
    assert len(ids) == len(set(ids)), "panel ids must be unique"
    for panel in panels(dash["panels"]):
        grid = panel["gridPos"]
        assert 0 <= grid["x"] and grid["x"] + grid["w"] <= 24, panel["title"]
        if panel["type"] != "row":
            assert panel["targets"], panel["title"]
            assert panel["datasource"]["uid"] == "${datasource}", panel["title"]
            refs = [t["refId"] for t in panel["targets"]]
            assert len(refs) == len(set(refs)), panel["title"]
    names = {v["name"] for v in dash["templating"]["list"]}
    assert "datasource" in names


def test_units_are_seconds_for_latency_panels() -> None:
    for panel in panels(dashboard()["panels"]):
        exprs = " ".join(t["expr"] for t in panel.get("targets", []))
        if "_seconds_bucket" in exprs:
            assert panel["fieldConfig"]["defaults"]["unit"] == "s", panel["title"]


def test_provisioning_points_at_the_mounted_dashboards_and_prometheus() -> None:
    ds = load_yaml(DATASOURCES)
    assert ds["apiVersion"] == 1
    (prom,) = [d for d in ds["datasources"] if d["type"] == "prometheus"]
    assert prom["url"] == "http://prometheus:9090" and prom["isDefault"] is True

    providers = load_yaml(PROVIDERS)
    assert providers["apiVersion"] == 1
    (provider,) = providers["providers"]
    assert provider["type"] == "file"
    path = provider["options"]["path"]

    grafana = load_yaml(COMPOSE_FILE)["services"]["grafana"]
    mounts = dict(reversed(v.split(":")[:2]) for v in grafana["volumes"] if v.startswith("./"))
    assert mounts.get(path) == "./deploy/grafana/dashboards", f"compose must mount the dashboards at {path}"
    assert mounts.get("/etc/grafana/provisioning") == "./deploy/grafana/provisioning"
    home = grafana["environment"].get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")
    assert home is None or home == f"{path}/{DASHBOARD.name}"
