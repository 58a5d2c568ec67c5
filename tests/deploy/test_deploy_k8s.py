"""deploy/k8s: manifests point at the real endpoints and ports, and scale within the partitions.

kubectl needs an API server to validate, so the manifests are parsed and their fields tested here;
`kubectl kustomize` (offline) checks that the kustomization builds when kubectl is installed.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml
from deploy_helpers import (
    K8S_DIR,
    ROOT,
    cli_parse,
    load_yaml,
    load_yaml_all,
    run,
    settings_from_env,
    tool_missing,
    unknown_setting_vars,
)

MANIFESTS = sorted(p for p in K8S_DIR.glob("*.yaml") if p.name != "kustomization.yaml")


def objects() -> dict[tuple[str, str], dict[str, Any]]:
    out = {}
    for path in MANIFESTS:
        for doc in load_yaml_all(path):
            key = (doc["kind"], doc["metadata"]["name"])
            assert key not in out, f"duplicate {key}"
            out[key] = doc
    return out


def one(kind: str) -> dict[str, Any]:
    found = [doc for (k, _), doc in objects().items() if k == kind]
    assert len(found) == 1, f"expected one {kind}, found {len(found)}"
    return found[0]


def configmap() -> dict[str, str]:
    return one("ConfigMap")["data"]


def settings() -> Any:
    return settings_from_env(configmap())


def worker_pod() -> dict[str, Any]:
    return one("StatefulSet")["spec"]["template"]


def worker_container() -> dict[str, Any]:
    (container,) = worker_pod()["spec"]["containers"]
    return container


def container_port(container: dict[str, Any], port: int | str) -> int:
    if isinstance(port, int):
        return port
    (match,) = [p["containerPort"] for p in container["ports"] if p["name"] == port]
    return int(match)


def memory_bytes(quantity: str) -> int:
    m = re.fullmatch(r"([0-9.]+)(Ki|Mi|Gi|K|M|G)?", quantity)
    assert m, quantity
    unit = {"Ki": 2**10, "Mi": 2**20, "Gi": 2**30, "K": 10**3, "M": 10**6, "G": 10**9, None: 1}
    return int(float(m.group(1)) * unit[m.group(2)])


def selects(selector: dict[str, str], labels: dict[str, str]) -> bool:
    return bool(selector) and all(labels.get(k) == v for k, v in selector.items())


@pytest.mark.parametrize("path", MANIFESTS, ids=lambda p: p.name)
def test_manifest_is_namespace_agnostic_and_labelled(path: Path) -> None:
    for doc in load_yaml_all(path):
        assert {"apiVersion", "kind", "metadata"} <= set(doc), path.name
        assert "namespace" not in doc["metadata"], (
            f"{path.name}: leave the namespace to kubectl -n / kustomize"
        )
        assert doc["metadata"]["labels"]["app.kubernetes.io/name"] == "claimwatch"


def test_kustomization_lists_every_manifest(tool_report: Callable[[str, str], None]) -> None:
    kust = load_yaml(K8S_DIR / "kustomization.yaml")
    assert sorted(kust["resources"]) == sorted(p.name for p in MANIFESTS)
    assert "namespace" not in kust
    kubectl = shutil.which("kubectl")
    if kubectl is None:
        tool_missing("kubectl")
        tool_report("k8s", "kubectl absent: structural checks only")
        return
    res = run([kubectl, "kustomize", str(K8S_DIR)], timeout=60)
    assert res.returncode == 0, res.stderr
    built = [d for d in yaml.safe_load_all(res.stdout) if d]
    assert {(d["kind"], d["metadata"]["name"]) for d in built} == set(objects())
    tool_report(
        "k8s", f"kubectl kustomize: ok ({len(built)} objects; no API server, fields tested structurally)"
    )


def test_configmap_holds_valid_settings_only() -> None:
    data = configmap()
    assert not unknown_setting_vars(data), f"not a setting: {unknown_setting_vars(data)}"
    assert all(k.startswith("CLAIMWATCH_") for k in data)
    assert all(isinstance(v, str) for v in data.values()), "ConfigMap values must be strings"
    s = settings()  # raises ConfigError naming the variable
    assert s.web_host == "0.0.0.0", "kubelet probes and Prometheus reach the pod IP, not 127.0.0.1"
    assert s.store == "rocksdb"


def test_replicas_within_partitions_and_standbys() -> None:
    sts = one("StatefulSet")
    replicas = sts["spec"]["replicas"]
    s = settings()
    assert 1 <= replicas <= s.partitions, "workers beyond the partition count stay idle"
    assert replicas == 2
    assert s.standby_replicas < replicas or s.standby_replicas == 0


def test_statefulset_shape() -> None:
    sts = one("StatefulSet")
    spec = sts["spec"]
    assert spec["podManagementPolicy"] == "Parallel"
    assert selects(spec["selector"]["matchLabels"], worker_pod()["metadata"]["labels"])
    pod = worker_pod()["spec"]
    assert pod["terminationGracePeriodSeconds"] == 60
    headless = objects()[("Service", spec["serviceName"])]
    assert headless["spec"]["clusterIP"] == "None"
    container = worker_container()
    assert cli_parse(container.get("args", [])).command == "worker"
    assert "command" not in container, "keep the image's ENTRYPOINT (claimwatch)"
    (env_from,) = container["envFrom"]
    assert env_from["configMapRef"]["name"] == one("ConfigMap")["metadata"]["name"]


def test_state_volume_claim_is_mounted_at_the_data_dir() -> None:
    (claim,) = one("StatefulSet")["spec"]["volumeClaimTemplates"]
    mounts = {m["name"]: m["mountPath"] for m in worker_container()["volumeMounts"]}
    assert mounts[claim["metadata"]["name"]] == settings().data_dir
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    assert memory_bytes(claim["spec"]["resources"]["requests"]["storage"]) > 0


def test_probes_hit_the_real_endpoints_and_port(settings_defaults: Any) -> None:
    source = (ROOT / "streams" / "metrics.py").read_text(encoding="utf-8")
    container = worker_container()
    metrics_port = settings().metrics_port
    assert metrics_port == settings_defaults.metrics_port
    for probe, path in (("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")):
        http = container[probe]["httpGet"]
        assert http["path"] == path
        assert f'"{path}"' in source, f"streams/metrics.py no longer serves {path}"
        assert container_port(container, http["port"]) == metrics_port
        assert http.get("scheme", "HTTP") == "HTTP"
    web = [p for p in container["ports"] if p["containerPort"] == settings().web_port]
    assert web, "the faust web port must be declared"


def test_probe_endpoints_answer_like_the_probes_expect(metrics_server: Callable[..., Any]) -> None:
    """Liveness stays 200 while readiness is 503 (a rebalancing worker must not be restarted)."""
    import urllib.error
    import urllib.request

    server = metrics_server(ready=lambda: (False, "rebalancing"))
    container = worker_container()

    def status(path: str) -> int:
        try:
            with urllib.request.urlopen(server.url + path, timeout=5) as resp:
                return resp.status
        except urllib.error.HTTPError as exc:
            return exc.code

    assert status(container["livenessProbe"]["httpGet"]["path"]) == 200
    assert status(container["readinessProbe"]["httpGet"]["path"]) == 503


def test_resources_fit_a_small_pod() -> None:
    res = worker_container()["resources"]
    limit = memory_bytes(res["limits"]["memory"])
    request = memory_bytes(res["requests"]["memory"])
    assert 256 * 2**20 <= request <= limit <= 512 * 2**20
    assert res["requests"]["cpu"] and res["limits"]["cpu"]


@pytest.mark.parametrize("kind", ["StatefulSet", "Job"])
def test_pods_run_as_non_root(kind: str) -> None:
    doc = one(kind)
    pod = doc["spec"]["template"]["spec"]
    ctx = pod["securityContext"]
    assert ctx["runAsNonRoot"] is True and int(ctx["runAsUser"]) != 0
    for container in pod["containers"]:
        c = container["securityContext"]
        assert c["allowPrivilegeEscalation"] is False
        assert c["capabilities"]["drop"] == ["ALL"]
        if c.get("readOnlyRootFilesystem"):
            # faust writes only to the data dir (and Python to /tmp)
            paths = {m["mountPath"] for m in container.get("volumeMounts", [])}
            if kind == "StatefulSet":
                assert {settings().data_dir, "/tmp"} <= paths


def test_services_select_the_workers_and_expose_metrics() -> None:
    labels = worker_pod()["metadata"]["labels"]
    container = worker_container()
    services = [doc for (kind, _), doc in objects().items() if kind == "Service"]
    assert len(services) == 2
    for svc in services:
        assert selects(svc["spec"]["selector"], labels), svc["metadata"]["name"]
        for port in svc["spec"]["ports"]:
            container_port(container, port["targetPort"])  # resolves, or raises
    (metrics,) = [s for s in services if s["spec"].get("clusterIP") != "None"]
    ann = metrics["metadata"]["annotations"]
    assert ann["prometheus.io/scrape"] == "true"
    assert int(ann["prometheus.io/port"]) == settings().metrics_port
    assert ann.get("prometheus.io/path", "/metrics") == "/metrics"
    (port,) = metrics["spec"]["ports"]
    assert container_port(container, port["targetPort"]) == settings().metrics_port


def test_pod_disruption_budget() -> None:
    pdb = one("PodDisruptionBudget")
    assert pdb["apiVersion"] == "policy/v1"
    assert pdb["spec"]["maxUnavailable"] == 1
    assert selects(pdb["spec"]["selector"]["matchLabels"], worker_pod()["metadata"]["labels"])


def test_topics_job() -> None:
    job = one("Job")
    pod = job["spec"]["template"]
    assert not selects(one("StatefulSet")["spec"]["selector"]["matchLabels"], pod["metadata"]["labels"]), (
        "the Job's pod must not count as a worker (PDB, Services)"
    )
    spec = pod["spec"]
    assert spec["restartPolicy"] in {"OnFailure", "Never"}
    (container,) = spec["containers"]
    args = cli_parse(container["args"])
    assert (args.command, args.topics_command) == ("topics", "create")
    assert container["envFrom"][0]["configMapRef"]["name"] == one("ConfigMap")["metadata"]["name"]
    assert container["image"] == worker_container()["image"]


def test_readme_covers_scaling() -> None:
    text = (K8S_DIR / "README.md").read_text(encoding="utf-8").lower()
    for phrase in ("partitions", "scale-down", "standby", "claimwatch_standby_replicas"):
        assert phrase in text, phrase
