"""docker-compose.yml: `config -q` with a compose client when one is installed, structural checks always.

The structural checks are what a compose client cannot know: the worker talks to the in-network
listener, its settings validate, state is on a named volume at the data dir, start-up is ordered by
health, and Prometheus and Grafana mount the files this repository ships.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from deploy_helpers import (
    COMPOSE_FILE,
    ROOT,
    cli_parse,
    compose_client,
    interpolate,
    load_yaml,
    run,
    settings_from_env,
    tool_missing,
    unknown_setting_vars,
)

#: service keys of the Compose specification (the fallback's guard against typos)
SERVICE_KEYS = {
    "build", "command", "container_name", "cpus", "depends_on", "deploy", "entrypoint", "env_file",
    "environment", "expose", "extra_hosts", "healthcheck", "hostname", "image", "init", "labels",
    "logging", "mem_limit", "networks", "platform", "ports", "profiles", "pull_policy", "read_only",
    "restart", "security_opt", "shm_size", "stop_grace_period", "stop_signal", "tmpfs", "ulimits",
    "user", "volumes", "working_dir",
}  # fmt: skip
TOP_KEYS = {"version", "name", "services", "volumes", "networks", "configs", "secrets"}


def compose() -> dict[str, Any]:
    return load_yaml(COMPOSE_FILE)


def env_of(service: dict[str, Any]) -> dict[str, str]:
    env = service.get("environment", {})
    if isinstance(env, list):
        env = dict(item.split("=", 1) for item in env)
    return {k: interpolate(str(v)) for k, v in env.items()}


def published(service: dict[str, Any]) -> dict[int, int]:
    """{container port: host port} of short-syntax `ports`."""
    out = {}
    for spec in service.get("ports", []):
        host, container = str(spec).rsplit(":", 2)[-2:]
        out[int(container.split("/")[0])] = int(host)
    return out


def mounts(service: dict[str, Any]) -> dict[str, str]:
    """{container path: source} of short-syntax `volumes`."""
    return {v.split(":")[1]: v.split(":")[0] for v in service.get("volumes", [])}


def test_compose_client_config(tool_report: Callable[[str, str], None]) -> None:
    client = compose_client()
    if client is None:
        tool_missing("docker-compose / docker compose")
        tool_report("compose", "no compose client: structural checks only (test_compose_structure)")
        test_compose_structure()
        return
    res = run([*client, "-f", str(COMPOSE_FILE), "config", "-q"], timeout=60)
    assert res.returncode == 0, res.stdout + res.stderr
    version = run([*client, "version", "--short"], timeout=30).stdout.strip()
    tool_report("compose", f"{' '.join(client)} {version} config -q: ok (plus structural checks)")


def test_compose_structure() -> None:
    doc = compose()
    assert set(doc) - TOP_KEYS <= {k for k in doc if k.startswith("x-")}, set(doc)
    services = doc["services"]
    assert {"kafka", "topics", "worker", "prometheus", "grafana"} <= set(services)
    for name, svc in services.items():
        assert set(svc) <= SERVICE_KEYS, f"{name}: unknown keys {sorted(set(svc) - SERVICE_KEYS)}"
        assert "image" in svc or "build" in svc, name
        for dep, cond in (svc.get("depends_on") or {}).items():
            assert dep in services, f"{name} depends on unknown {dep}"
            assert cond["condition"] in {
                "service_started",
                "service_healthy",
                "service_completed_successfully",
            }
            if cond["condition"] == "service_healthy":
                assert "test" in services[dep].get("healthcheck", {}), f"{dep} has no healthcheck"
        for container_path, source in mounts(svc).items():
            assert container_path.startswith("/"), (name, container_path)
            if source.startswith((".", "/")):
                assert (ROOT / source).exists(), f"{name}: bind source {source} missing"
            else:
                assert source in (doc.get("volumes") or {}), f"{name}: volume {source} not declared"


def test_kafka_is_single_node_kraft_without_auto_creation() -> None:
    kafka = compose()["services"]["kafka"]
    assert interpolate(kafka["image"]).startswith("apache/kafka:4."), kafka["image"]
    env = env_of(kafka)
    assert set(env["KAFKA_PROCESS_ROLES"].split(",")) == {"broker", "controller"}
    assert env["KAFKA_AUTO_CREATE_TOPICS_ENABLE"] == "false"
    node = env["KAFKA_NODE_ID"]
    assert env["KAFKA_CONTROLLER_QUORUM_VOTERS"].startswith(f"{node}@")
    listeners = dict(item.split("://") for item in env["KAFKA_LISTENERS"].split(","))
    advertised = dict(item.split("://") for item in env["KAFKA_ADVERTISED_LISTENERS"].split(","))
    protocols = dict(item.split(":") for item in env["KAFKA_LISTENER_SECURITY_PROTOCOL_MAP"].split(","))
    assert set(listeners) <= set(protocols) and env["KAFKA_CONTROLLER_LISTENER_NAMES"] in listeners
    assert set(advertised) <= set(listeners) and env["KAFKA_CONTROLLER_LISTENER_NAMES"] not in advertised
    # one listener for the other containers, one published for the host
    assert "kafka:9092" in advertised.values()
    host_listener = [name for name, addr in advertised.items() if addr.startswith("localhost:")]
    assert host_listener, "no listener advertised for host access"
    host_port = int(advertised[host_listener[0]].rsplit(":", 1)[1])
    assert published(kafka).get(host_port) == host_port
    for key in ("OFFSETS_TOPIC", "TRANSACTION_STATE_LOG", "SHARE_COORDINATOR_STATE_TOPIC"):
        assert env[f"KAFKA_{key}_REPLICATION_FACTOR"] == "1"


def test_topics_service_creates_topics_once_kafka_is_healthy() -> None:
    services = compose()["services"]
    topics = services["topics"]
    args = cli_parse(topics["command"])
    assert (args.command, args.topics_command) == ("topics", "create")
    assert topics["depends_on"]["kafka"]["condition"] == "service_healthy"
    assert topics.get("restart") == "no"
    assert settings_from_env(env_of(topics)).bootstrap_servers == ["kafka:9092"]
    # same app id and partitions as the worker: the table and its topics must be co-partitioned
    worker = settings_from_env(env_of(services["worker"]))
    made = settings_from_env(env_of(topics))
    assert (made.app_id, made.partitions, made.replication) == (
        worker.app_id,
        worker.partitions,
        worker.replication,
    )


def test_worker_service(settings_defaults: Any) -> None:
    doc = compose()
    worker = doc["services"]["worker"]
    assert worker["build"]["dockerfile"] == "deploy/Dockerfile"
    assert (ROOT / worker["build"]["context"] / worker["build"]["dockerfile"]).is_file()
    env = env_of(worker)
    assert env["CLAIMWATCH_BROKER"] == "kafka://kafka:9092"
    assert not unknown_setting_vars(env), unknown_setting_vars(env)
    settings = settings_from_env(env)  # raises ConfigError on a bad value
    assert settings.web_host == "0.0.0.0", "the metrics port must be reachable by Prometheus"
    assert cli_parse(worker["command"]).command == "worker"
    # state on a named volume at the data dir
    source = mounts(worker)[settings.data_dir]
    assert source in doc["volumes"], "table state must live on a named volume"
    assert published(worker).get(settings.metrics_port) == settings.metrics_port
    deps = worker["depends_on"]
    assert deps["kafka"]["condition"] == "service_healthy"
    assert deps["topics"]["condition"] == "service_completed_successfully"
    assert str(worker.get("stop_grace_period")) == "60s"
    assert "/healthz" in " ".join(worker["healthcheck"]["test"])


def test_worker_healthcheck_command_probes_healthz(metrics_server: Callable[..., Any]) -> None:
    """The compose healthcheck, run for real against streams.metrics' server: 0 when live, 1 when not."""
    test = compose()["services"]["worker"]["healthcheck"]["test"]
    assert test[:2] == ["CMD", "python"], test
    argv = [sys.executable, *test[2:]]
    live = metrics_server(live=lambda: (True, "alive"))
    dead = metrics_server(live=lambda: (False, "crashed"))
    ok = run(argv, env={"CLAIMWATCH_METRICS_PORT": str(live.port)}, timeout=30)
    assert ok.returncode == 0, ok.stderr
    bad = run(argv, env={"CLAIMWATCH_METRICS_PORT": str(dead.port)}, timeout=30)
    assert bad.returncode != 0


def test_prometheus_and_grafana_mount_the_shipped_files() -> None:
    services = compose()["services"]
    prom = services["prometheus"]
    m = mounts(prom)
    config_arg = next(a for a in prom["command"] if a.startswith("--config.file="))
    config_path = config_arg.split("=", 1)[1]
    assert m[config_path] == "./deploy/prometheus/prometheus.yml"
    # rule_files are relative to the config file: alerts.yml must sit next to it in the container
    assert m[str(Path(config_path).parent / "alerts.yml")] == "./deploy/prometheus/alerts.yml"
    grafana = services["grafana"]
    assert mounts(grafana)["/etc/grafana/provisioning"] == "./deploy/grafana/provisioning"
    assert grafana["depends_on"]["prometheus"]["condition"] == "service_healthy"


@pytest.mark.parametrize(
    ("text", "env", "expected"),
    [
        ("${A:-4}", {}, "4"),
        ("${A:-4}", {"A": "8"}, "8"),
        ("${A-x}", {"A": ""}, ""),
        ("$$HOME", {}, "$HOME"),
        ("kafka://${H}:9092", {"H": "k"}, "kafka://k:9092"),
    ],
)
def test_interpolation_helper(text: str, env: dict[str, str], expected: str) -> None:
    assert interpolate(text, env) == expected
