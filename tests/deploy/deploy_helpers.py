"""Helpers of the deployment-file tests: paths, loaders, offline validators, the metric catalogue.

Offline validators are used when installed (deploy/check-tools.sh installs them): `promtool`
(Prometheus config, rules, rule unit tests, metrics lint), a compose client (`docker-compose` or
`docker compose`: `config -q`) and `kubectl` (`kubectl kustomize`). Without one, a test still runs
its structural checks, and the session summary says which validators ran. With
CLAIMWATCH_REQUIRE_DEPLOY_TOOLS=1 a missing validator fails the test instead.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
DEPLOY = ROOT / "deploy"
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = DEPLOY / "Dockerfile"
PROMETHEUS_DIR = DEPLOY / "prometheus"
GRAFANA_DIR = DEPLOY / "grafana"
K8S_DIR = DEPLOY / "k8s"

REQUIRE_TOOLS = os.environ.get("CLAIMWATCH_REQUIRE_DEPLOY_TOOLS", "") == "1"


def tool_missing(what: str) -> None:
    """A validator is absent: fail under CLAIMWATCH_REQUIRE_DEPLOY_TOOLS=1, else carry on structurally."""
    if REQUIRE_TOOLS:
        pytest.fail(f"{what} not installed and CLAIMWATCH_REQUIRE_DEPLOY_TOOLS=1: run deploy/check-tools.sh")


def run(
    cmd: list[str], *, cwd: Path = ROOT, timeout: float = 120, **kw: Any
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, timeout=timeout, check=False, **kw)


def compose_client() -> list[str] | None:
    """The compose command available here, or None."""
    if shutil.which("docker-compose"):
        return ["docker-compose"]
    if shutil.which("docker") and run(["docker", "compose", "version"], timeout=30).returncode == 0:
        return ["docker", "compose"]
    return None


def load_yaml(path: Path) -> Any:
    with path.open(encoding="utf-8") as fh:
        return yaml.safe_load(fh)


def load_yaml_all(path: Path) -> list[Any]:
    with path.open(encoding="utf-8") as fh:
        return [doc for doc in yaml.safe_load_all(fh) if doc is not None]


def interpolate(value: str, env: dict[str, str] | None = None) -> str:
    """Compose-style `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `$VAR` and `$$`, against `env`."""
    env = env or {}

    def sub(m: re.Match[str]) -> str:
        if m.group(0) == "$$":
            return "$"
        name, op, default = m.group(1) or m.group(4), m.group(2), m.group(3)
        if op == ":-":
            return env.get(name) or default
        if op == "-":
            return env.get(name, default)
        return env.get(name, "")

    return re.sub(
        r"\$\$|\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:-|-)([^}]*))?\}|\$([A-Za-z_][A-Za-z0-9_]*)", sub, value
    )


# ---------------------------------------------------------------- metric catalogue


@dataclass(frozen=True)
class MetricFamily:
    name: str  # family name as registered, e.g. claimwatch_articles_consumed
    type: str  # counter | gauge | histogram | summary | info | ...
    labels: frozenset[str] | None  # None: not readable from the collector

    @property
    def exposed(self) -> set[str]:
        """Sample names this family exposes in the text format."""
        n = self.name
        return {
            "counter": {f"{n}_total", f"{n}_created"},
            "gauge": {n},
            "histogram": {f"{n}_bucket", f"{n}_sum", f"{n}_count", f"{n}_created"},
            "summary": {n, f"{n}_sum", f"{n}_count", f"{n}_created"},
            "info": {f"{n}_info"},
        }.get(self.type, {n})

    @property
    def sample_labels(self) -> frozenset[str] | None:
        if self.labels is None:
            return None
        extra = {"histogram": {"le"}, "summary": {"quantile"}}.get(self.type, set())
        return self.labels | extra


@dataclass(frozen=True)
class Catalogue:
    families: dict[str, MetricFamily]
    by_sample: dict[str, MetricFamily]

    def labels_of(self, sample_name: str) -> frozenset[str] | None:
        return self.by_sample[sample_name].sample_labels


def build_catalogue() -> Catalogue:
    """Every metric streams.metrics.Metrics registers, read from a fresh CollectorRegistry."""
    from prometheus_client import CollectorRegistry
    from prometheus_client.metrics import MetricWrapperBase

    from streams.metrics import Metrics

    registry = CollectorRegistry()
    metrics = Metrics(registry)
    # Label names come from the collectors: a registry shows the labels of existing children only.
    # `_labelnames` is prometheus_client's (stable, private) attribute; without it labels go unchecked.
    labels: dict[str, frozenset[str]] = {}
    for value in vars(metrics).values():
        if isinstance(value, MetricWrapperBase):
            names = getattr(value, "_labelnames", None)
            for fam in value.describe():
                if names is not None:
                    labels[fam.name] = frozenset(names)
    families = {
        fam.name: MetricFamily(fam.name, fam.type, labels.get(fam.name)) for fam in registry.collect()
    }
    by_sample = {sample: fam for fam in families.values() for sample in fam.exposed}
    return Catalogue(families, by_sample)


METRIC_RE = re.compile(r"\b(claimwatch_[A-Za-z0-9_:]+)")
SELECTOR_RE = re.compile(r"\b(claimwatch_[A-Za-z0-9_:]+)\s*\{([^}]*)\}")
MATCHER_RE = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)\s*(?:=~|!~|!=|=)")
GROUPING_RE = re.compile(r"\b(?:by|without)\s*\(([^)]*)\)")

#: labels Prometheus attaches to scraped series (target labels), not declared in metrics.py
TARGET_LABELS = frozenset({"instance", "job", "service", "namespace", "pod", "container", "endpoint"})


def promql_problems(expr: str, catalogue: Catalogue) -> list[str]:
    """Unknown claimwatch_ metric names, and label names that no metric of the expression has."""
    names = set(METRIC_RE.findall(expr))
    unknown = sorted(n for n in names if n not in catalogue.by_sample)
    problems = [f"unknown metric {n!r}" for n in unknown]
    known = names - set(unknown)
    allowed: set[str] = set(TARGET_LABELS)
    for name in known:
        lab = catalogue.labels_of(name)
        if lab is None:
            return problems  # labels not readable: names only
        allowed |= lab
    for name, body in SELECTOR_RE.findall(expr):
        if name in known:
            own = set(catalogue.labels_of(name) or ()) | TARGET_LABELS
            problems += [f"{name} has no label {k!r}" for k in MATCHER_RE.findall(body) if k not in own]
    if known:
        for group in GROUPING_RE.findall(expr):
            for label in (part.strip() for part in group.split(",")):
                if label and label not in allowed:
                    problems.append(f"grouping label {label!r} is on none of {sorted(known)}")
    return problems


def cli_parse(argv: list[str]) -> Any:
    """argv as `claimwatch` would parse it (raises SystemExit on bad usage)."""
    from streams.cli import build_parser

    return build_parser().parse_args(argv)


def settings_from_env(env: dict[str, Any]) -> Any:
    """Settings built from CLAIMWATCH_* variables exactly as a container would (raises ConfigError)."""
    from streams.settings import load_settings

    return load_settings({k: str(v) for k, v in env.items()})


def unknown_setting_vars(env: dict[str, Any]) -> list[str]:
    """CLAIMWATCH_* names that are no Settings field (load_settings would silently ignore them)."""
    from streams.settings import ENV_PREFIX, Settings

    known = {ENV_PREFIX + name.upper() for name in Settings.model_fields}
    return sorted(k for k in env if k.startswith(ENV_PREFIX) and k not in known)
