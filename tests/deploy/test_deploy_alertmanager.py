"""Alertmanager: its config (amtool when installed, structural checks always), its compose service and
Prometheus sending to it."""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from typing import Any

from deploy_helpers import COMPOSE_FILE, DEPLOY, PROMETHEUS_DIR, load_yaml, run, tool_missing

CONFIG = DEPLOY / "alertmanager" / "alertmanager.yml"


def alert_names() -> set[str]:
    return {r["alert"] for g in load_yaml(PROMETHEUS_DIR / "alerts.yml")["groups"] for r in g["rules"]}


def rule_labels() -> set[str]:
    """Labels an alert of the rules can carry: the rules' own, and the by (...) groupings they keep."""
    labels = {"alertname", "instance", "job", "severity"}
    for group in load_yaml(PROMETHEUS_DIR / "alerts.yml")["groups"]:
        for rule in group["rules"]:
            labels |= set(rule.get("labels", {}))
            for grouping in re.findall(r"\bby\s*\(([^)]*)\)", rule["expr"]):
                labels |= {part.strip() for part in grouping.split(",") if part.strip()}
    return labels


def test_amtool_check_config(tool_report: Callable[[str, str], None]) -> None:
    tool = shutil.which("amtool")
    if tool is None:
        tool_missing("amtool")
        tool_report("alertmanager config", "amtool absent: structural checks only")
        return
    res = run([tool, "check-config", str(CONFIG)])
    assert res.returncode == 0, res.stdout + res.stderr
    tool_report("alertmanager config", "amtool check-config: ok")


def routes(route: dict[str, Any]) -> list[dict[str, Any]]:
    return [route] + [r for child in route.get("routes", []) for r in routes(child)]


def test_routes_receivers_and_inhibitions_name_real_things() -> None:
    doc = load_yaml(CONFIG)
    receivers = {r["name"] for r in doc["receivers"]}
    for route in routes(doc["route"]):
        if "receiver" in route:
            assert route["receiver"] in receivers, route
        assert set(route.get("group_by", [])) <= rule_labels(), route["group_by"]
    names = alert_names()
    for rule in doc.get("inhibit_rules", []):
        for matcher in rule["source_matchers"] + rule["target_matchers"]:
            m = re.fullmatch(r'\s*alertname\s*(=~|=)\s*"([^"]+)"\s*', matcher)
            assert m, f"inhibit matchers here select by alertname: {matcher}"
            wanted = m.group(2).split("|") if m.group(1) == "=~" else [m.group(2)]
            assert set(wanted) <= names, f"{matcher}: no such alert in alerts.yml"
        assert set(rule.get("equal", [])) <= rule_labels(), rule


def test_compose_runs_a_pinned_alertmanager_that_prometheus_sends_to() -> None:
    services = load_yaml(COMPOSE_FILE)["services"]
    am = services["alertmanager"]
    assert re.fullmatch(r"prom/alertmanager:v\d+\.\d+\.\d+", am["image"]), am["image"]
    config_arg = next(a for a in am["command"] if a.startswith("--config.file="))
    volumes = {v.split(":")[1]: v.split(":")[0] for v in am["volumes"]}
    assert volumes[config_arg.split("=", 1)[1]] == "./deploy/alertmanager/alertmanager.yml"
    assert "9093:9093" in am["ports"] and "test" in am["healthcheck"]
    assert services["prometheus"]["depends_on"]["alertmanager"]["condition"] == "service_healthy"
    prom = load_yaml(PROMETHEUS_DIR / "prometheus.yml")
    targets = [
        t
        for am_cfg in prom["alerting"]["alertmanagers"]
        for sc in am_cfg["static_configs"]
        for t in sc["targets"]
    ]
    assert targets == ["alertmanager:9093"]
