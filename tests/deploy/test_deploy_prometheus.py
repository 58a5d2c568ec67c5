"""Prometheus config and alert rules: promtool when installed, structural checks always.

Every metric name and label the rules use must exist in streams/metrics.py.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from typing import Any

import pytest
from deploy_helpers import (
    PROMETHEUS_DIR,
    Catalogue,
    load_yaml,
    promql_problems,
    run,
    tool_missing,
)

RUNBOOK = PROMETHEUS_DIR.parents[1] / "docs" / "RUNBOOK.md"
CONFIG = PROMETHEUS_DIR / "prometheus.yml"
RULES = PROMETHEUS_DIR / "alerts.yml"
RULE_TESTS = PROMETHEUS_DIR / "tests" / "alerts.test.yml"

#: the alerts the runbook relies on, and the metric each must watch
REQUIRED_ALERTS = {
    "ClaimwatchWorkerDown": "up",
    "ClaimwatchConsumerLagGrowing": "claimwatch_consumer_lag_messages",
    "ClaimwatchDeadLettersRising": "claimwatch_dead_letters_total",
    "ClaimwatchNoArticlesConsumed": "claimwatch_articles_consumed_total",
    "ClaimwatchAlertLatencyHigh": "claimwatch_article_to_alert_seconds_bucket",
}

DURATION_RE = re.compile(r"^([0-9]+(ms|s|m|h|d|w|y))+$")


def rules() -> list[dict[str, Any]]:
    return [rule for group in load_yaml(RULES)["groups"] for rule in group["rules"]]


def promtool() -> str | None:
    return shutil.which("promtool")


def test_promtool_check_config(tool_report: Callable[[str, str], None]) -> None:
    tool = promtool()
    if tool is None:
        tool_missing("promtool")
        tool_report("prometheus config", "promtool absent: structural checks only")
        return
    res = run([tool, "check", "config", str(CONFIG)])
    assert res.returncode == 0, res.stdout + res.stderr
    tool_report("prometheus config", "promtool check config: ok")


def test_promtool_check_rules(tool_report: Callable[[str, str], None]) -> None:
    tool = promtool()
    if tool is None:
        tool_missing("promtool")
        tool_report("prometheus rules", "promtool absent: structural checks only")
        return
    res = run([tool, "check", "rules", str(RULES)])
    assert res.returncode == 0, res.stdout + res.stderr
    tool_report("prometheus rules", f"promtool check rules: ok ({len(rules())} rules)")


def test_promtool_rule_unit_tests(tool_report: Callable[[str, str], None]) -> None:
    """Each alert fires on a series that should trip it and stays silent on a healthy one."""
    tool = promtool()
    if tool is None:
        tool_missing("promtool")
        tool_report("prometheus rule unit tests", "promtool absent: not run")
        return
    res = run([tool, "test", "rules", str(RULE_TESTS)])
    assert res.returncode == 0, res.stdout + res.stderr
    tool_report("prometheus rule unit tests", "promtool test rules: ok")


def test_rule_unit_tests_cover_every_alert() -> None:
    tested = {
        case["alertname"]
        for test in load_yaml(RULE_TESTS)["tests"]
        for case in test.get("alert_rule_test", [])
        if case.get("exp_alerts")
    }
    untested = {rule["alert"] for rule in rules()} - tested
    assert not untested, f"no firing case in {RULE_TESTS.name} for {sorted(untested)}"


def test_exported_metrics_pass_promtool_lint(tool_report: Callable[[str, str], None]) -> None:
    """The exposition of streams/metrics.py (a child of every labelled metric) passes promtool's lint."""
    from prometheus_client import CollectorRegistry, generate_latest
    from prometheus_client.metrics import MetricWrapperBase

    from streams.metrics import Metrics

    tool = promtool()
    if tool is None:
        tool_missing("promtool")
        tool_report("metrics lint", "promtool absent: not run")
        return
    metrics = Metrics(CollectorRegistry())
    for value in vars(metrics).values():
        names = getattr(value, "_labelnames", ()) if isinstance(value, MetricWrapperBase) else ()
        if names:
            value.labels(*["x"] * len(names))
    text = generate_latest(metrics.registry).decode()
    res = run([tool, "check", "metrics"], input=text)
    assert res.returncode == 0 and not res.stdout.strip() and not res.stderr.strip(), res.stdout + res.stderr
    tool_report("metrics lint", "promtool check metrics: ok")


def test_rules_are_well_formed() -> None:
    doc = load_yaml(RULES)
    assert set(doc) == {"groups"}
    seen = set()
    for group in doc["groups"]:
        assert group["name"] and group["rules"], group
        for rule in group["rules"]:
            name = rule.get("alert")
            assert name, f"only alerting rules expected here: {rule}"
            assert name not in seen, f"duplicate alert {name}"
            seen.add(name)
            assert set(rule) <= {"alert", "expr", "for", "labels", "annotations", "keep_firing_for"}, rule
            assert isinstance(rule["expr"], str) and rule["expr"].strip()
            assert rule["expr"].count("(") == rule["expr"].count(")"), f"{name}: unbalanced parentheses"
            assert DURATION_RE.match(str(rule["for"])), f"{name}: for {rule.get('for')!r}"
            assert rule["labels"]["severity"] in {"critical", "warning", "info"}, name
            assert rule["annotations"]["summary"] and rule["annotations"]["description"], name
            assert rule["annotations"]["runbook_url"], name
    assert set(REQUIRED_ALERTS) <= seen, f"missing alerts: {sorted(set(REQUIRED_ALERTS) - seen)}"


@pytest.mark.parametrize("alert", sorted(REQUIRED_ALERTS))
def test_required_alert_watches_its_metric(alert: str) -> None:
    rule = next(r for r in rules() if r["alert"] == alert)
    assert re.search(rf"\b{REQUIRED_ALERTS[alert]}\b", rule["expr"]), rule["expr"]


def test_worker_down_fires_after_two_minutes_of_up_zero() -> None:
    rule = next(r for r in rules() if r["alert"] == "ClaimwatchWorkerDown")
    assert re.fullmatch(r'up\{job="claimwatch"\}\s*==\s*0', rule["expr"].strip())
    assert rule["for"] == "2m"
    job_names = [s["job_name"] for s in load_yaml(CONFIG)["scrape_configs"]]
    assert "claimwatch" in job_names, "the rule's job must be the scrape job's name"


def test_rules_use_only_metrics_and_labels_of_streams_metrics(metric_catalogue: Catalogue) -> None:
    problems = {r["alert"]: promql_problems(r["expr"], metric_catalogue) for r in rules()}
    problems = {k: v for k, v in problems.items() if v}
    assert not problems, f"alerts.yml vs streams/metrics.py: {problems}"


def test_latency_rules_use_histogram_buckets_in_seconds(metric_catalogue: Catalogue) -> None:
    for rule in rules():
        for name in re.findall(r"\b(claimwatch_\w+)", rule["expr"]):
            fam = metric_catalogue.by_sample[name]
            if "histogram_quantile" in rule["expr"] and fam.type == "histogram":
                assert name.endswith("_seconds_bucket"), f"{rule['alert']}: quantiles over {name}"


def test_config_scrapes_the_worker_metrics_port(settings_defaults: Any) -> None:
    cfg = load_yaml(CONFIG)
    assert cfg["rule_files"] == ["alerts.yml"], "rules are resolved relative to prometheus.yml"
    job = next(s for s in cfg["scrape_configs"] if s["job_name"] == "claimwatch")
    assert job.get("metrics_path", "/metrics") == "/metrics"
    targets = [t for sc in job["static_configs"] for t in sc["targets"]]
    assert targets == [f"worker:{settings_defaults.metrics_port}"]


def test_metrics_endpoint_path_is_served(metrics_server: Callable[..., Any]) -> None:
    import urllib.request

    server = metrics_server()
    with urllib.request.urlopen(server.url + "/metrics", timeout=5) as resp:
        body = resp.read().decode()
    assert resp.status == 200 and "claimwatch_articles_consumed_total" in body


def runbook_sections() -> dict[str, str]:
    """{GitHub-style anchor of each `## ` heading: the section's text} of docs/RUNBOOK.md."""
    text = RUNBOOK.read_text(encoding="utf-8")
    parts = re.split(r"^## (.+)$", text, flags=re.MULTILINE)
    return {
        re.sub(r"[^a-z0-9 -]", "", heading.strip().lower()).replace(" ", "-"): body
        for heading, body in zip(parts[1::2], parts[2::2], strict=True)
    }


def test_every_rule_links_its_runbook_section_which_says_what_to_check_and_do() -> None:
    sections = runbook_sections()
    for rule in rules():
        url = rule["annotations"].get("runbook_url", "")
        m = re.fullmatch(r"\{\{ \$externalLabels\.runbook_base \}\}docs/RUNBOOK\.md#([a-z0-9-]+)", url)
        assert m, f"{rule['alert']}: runbook_url {url!r}"
        assert m.group(1) == rule["alert"].lower(), f"{rule['alert']}: links #{m.group(1)}"
        body = sections.get(m.group(1))
        assert body is not None, f"docs/RUNBOOK.md has no section #{m.group(1)}"
        assert "\nCheck:\n" in body and "\nDo:\n" in body, f"#{m.group(1)}: needs Check: and Do:"
    for anchor in re.findall(r"\]\(#([a-z0-9-]+)\)", RUNBOOK.read_text(encoding="utf-8")):
        assert anchor in sections, f"docs/RUNBOOK.md links a missing section #{anchor}"


def test_rule_tests_cover_the_first_burst_after_a_start() -> None:
    """A case where the dead-letter series sits at 0 and one burst fires the alert (the worker pre-sets
    every reason at 0 for this); and the same burst on a series born with it, which stays silent."""
    cases = [t for t in load_yaml(RULE_TESTS)["tests"] if "first burst" in t.get("name", "")]
    assert cases, "no first-burst case"
    values = {s["series"]: s["values"] for s in cases[0]["input_series"]}
    assert any(v.startswith("0x") for v in values.values()) and any(
        v.startswith("_x") for v in values.values()
    )
    fired = [c for c in cases[0]["alert_rule_test"] if c["exp_alerts"]]
    assert fired and fired[0]["alertname"] == "ClaimwatchDeadLettersRising"


def test_prometheus_sends_to_alertmanager() -> None:
    cfg = load_yaml(CONFIG)
    assert cfg["alerting"]["alertmanagers"], "no alertmanagers in prometheus.yml"
