"""Every YAML and JSON file of the deployment parses, and the expected files are there."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from deploy_helpers import COMPOSE_FILE, DEPLOY, ROOT

YAML_FILES = sorted([COMPOSE_FILE, *DEPLOY.rglob("*.yml"), *DEPLOY.rglob("*.yaml")])
JSON_FILES = sorted(DEPLOY.rglob("*.json"))

EXPECTED = [
    "deploy/Dockerfile",
    "deploy/README.md",
    "deploy/check-tools.sh",
    ".dockerignore",
    "docker-compose.yml",
    "deploy/prometheus/prometheus.yml",
    "deploy/prometheus/alerts.yml",
    "deploy/prometheus/tests/alerts.test.yml",
    "deploy/grafana/provisioning/datasources/prometheus.yml",
    "deploy/grafana/provisioning/dashboards/claimwatch.yml",
    "deploy/grafana/dashboards/claimwatch.json",
    "deploy/k8s/kustomization.yaml",
    "deploy/k8s/configmap.yaml",
    "deploy/k8s/statefulset.yaml",
    "deploy/k8s/service-headless.yaml",
    "deploy/k8s/service-metrics.yaml",
    "deploy/k8s/pdb.yaml",
    "deploy/k8s/job-topics.yaml",
    "deploy/k8s/README.md",
]


def rel(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("name", EXPECTED)
def test_expected_file_exists(name: str) -> None:
    assert (ROOT / name).is_file(), f"missing {name}"


def test_check_tools_script_is_executable() -> None:
    assert (DEPLOY / "check-tools.sh").stat().st_mode & 0o111, "chmod +x deploy/check-tools.sh"


@pytest.mark.parametrize("path", YAML_FILES, ids=rel)
def test_yaml_parses(path: Path) -> None:
    with path.open(encoding="utf-8") as fh:
        docs = [d for d in yaml.safe_load_all(fh) if d is not None]
    assert docs, f"{rel(path)} is empty"
    assert all(isinstance(d, dict) for d in docs), f"{rel(path)}: every document must be a mapping"


@pytest.mark.parametrize("path", JSON_FILES, ids=rel)
def test_json_parses(path: Path) -> None:
    doc = json.loads(path.read_text(encoding="utf-8"))
    assert isinstance(doc, dict)


def test_file_lists_are_not_empty() -> None:
    # guards the parametrisations above against a moved directory
    assert len(YAML_FILES) >= 12 and JSON_FILES
