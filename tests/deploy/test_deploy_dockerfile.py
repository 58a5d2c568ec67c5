"""deploy/Dockerfile: base image, install, non-root user, entrypoint, ports, volume and healthcheck.

No Docker daemon is needed: the file is parsed, and the HEALTHCHECK command is run for real against
streams.metrics' server.
"""

from __future__ import annotations

import json
import re
import shlex
import sys
from collections.abc import Callable
from fnmatch import fnmatch
from typing import Any

import pytest
from deploy_helpers import DOCKERFILE, K8S_DIR, ROOT, cli_parse, load_yaml, run, settings_from_env


def instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) with continuation lines joined and comments dropped."""
    out: list[tuple[str, str]] = []
    pending = ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not pending and (not line or line.startswith("#")):
            continue
        if pending and line.startswith("#"):
            continue
        if line.endswith("\\"):
            pending += line[:-1] + " "
            continue
        line = pending + line
        pending = ""
        word, _, rest = line.partition(" ")
        out.append((word.upper(), rest.strip()))
    assert not pending, "Dockerfile ends in a continuation"
    return out


def stages() -> list[list[tuple[str, str]]]:
    out: list[list[tuple[str, str]]] = []
    for instr in instructions():
        if instr[0] == "FROM":
            out.append([])
        if out:
            out[-1].append(instr)
    return out


def args_defaults() -> dict[str, str]:
    out = {}
    for word, rest in instructions():
        if word == "ARG" and "=" in rest:
            key, value = rest.split("=", 1)
            out[key] = value
    return out


def env_of(stage: list[tuple[str, str]]) -> dict[str, str]:
    env: dict[str, str] = {}
    for word, rest in stage:
        if word == "ENV":
            for token in shlex.split(rest):
                key, _, value = token.partition("=")
                env[key] = value
    return env


def final() -> list[tuple[str, str]]:
    return stages()[-1]


def last(stage: list[tuple[str, str]], word: str) -> str:
    values = [rest for w, rest in stage if w == word]
    assert values, f"no {word} in the final stage"
    return values[-1]


def test_base_image_is_python_311_slim() -> None:
    defaults = args_defaults()
    for word, rest in instructions():
        if word == "FROM":
            image = rest.split()[0]
            image = re.sub(r"\$\{(\w+)\}", lambda m: defaults[m.group(1)], image)
            assert image.startswith("python:3.11-slim"), image


def test_project_is_installed_with_pip_from_copied_sources() -> None:
    build = stages()[0]
    runs = " ".join(rest for w, rest in build if w == "RUN")
    assert re.search(r"pip install (--[\w-]+ )*\.(\s|$)", runs), "the build stage must `pip install .`"
    ignored = [
        line.strip()
        for line in (ROOT / ".dockerignore").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    ]
    for word, rest in build:
        if word == "COPY" and not rest.startswith("--from"):
            for source in rest.split()[:-1]:
                source = source.rstrip("/")
                assert (ROOT / source).exists(), f"COPY source {source} missing"
                assert not any(fnmatch(source, pat.rstrip("/")) for pat in ignored), (
                    f".dockerignore drops {source}"
                )


def test_runs_as_non_root_user_matching_kubernetes() -> None:
    user = last(final(), "USER").split(":")
    assert user[0] not in {"0", "root"}, "the image must not run as root"
    assert user[0].isdigit(), "a numeric USER lets Kubernetes' runAsNonRoot verify it"
    pod = load_yaml(K8S_DIR / "statefulset.yaml")["spec"]["template"]["spec"]["securityContext"]
    assert str(pod["runAsUser"]) == user[0]
    if len(user) > 1:
        assert str(pod["runAsGroup"]) == user[1]
    # USER must come after every RUN of the final stage that needs root, and nothing switches back
    words = [w for w, _ in final()]
    assert "RUN" not in words[words.index("USER") :], "RUN after USER would run unprivileged by surprise"


def test_entrypoint_and_cmd() -> None:
    entry = json.loads(last(final(), "ENTRYPOINT"))
    cmd = json.loads(last(final(), "CMD"))
    assert entry == ["claimwatch"] and cmd == ["worker"]
    from importlib.metadata import entry_points

    scripts = entry_points(group="console_scripts", name="claimwatch")
    assert [ep.value for ep in scripts] == ["streams.cli:main"], (
        "ENTRYPOINT must be the project's console script"
    )
    assert cli_parse(cmd).command == "worker"


def test_ports_volume_and_env_match_settings(settings_defaults: Any) -> None:
    stage = final()
    exposed = {int(p.split("/")[0]) for w, rest in stage if w == "EXPOSE" for p in rest.split()}
    assert {settings_defaults.metrics_port, settings_defaults.web_port} <= exposed
    env = env_of(stage)
    settings = settings_from_env({k: v for k, v in env.items() if k.startswith("CLAIMWATCH_")})
    assert settings.metrics_port == settings_defaults.metrics_port
    assert settings.web_port == settings_defaults.web_port
    assert settings.web_host == "0.0.0.0", "127.0.0.1 would hide the ports inside the container"
    volumes = json.loads(last(stage, "VOLUME"))
    assert settings.data_dir in volumes, "CLAIMWATCH_DATA_DIR must be the declared volume"


def healthcheck_argv() -> list[str]:
    rest = last(final(), "HEALTHCHECK")
    cmd = rest[rest.index("CMD") + 3 :].strip()
    argv = json.loads(cmd)
    assert argv[0] == "python", "slim images have no curl: the check uses python"
    assert "/healthz" in argv[-1] and "urllib" in argv[-1]
    return [sys.executable, *argv[1:]]


@pytest.mark.parametrize(("live", "exit_ok"), [(True, True), (False, False)])
def test_healthcheck_command_probes_healthz(
    metrics_server: Callable[..., Any], live: bool, exit_ok: bool
) -> None:
    server = metrics_server(live=lambda: (live, "alive" if live else "crashed"))
    res = run(healthcheck_argv(), env={"CLAIMWATCH_METRICS_PORT": str(server.port)}, timeout=30)
    assert (res.returncode == 0) is exit_ok, res.stderr


def test_healthcheck_fails_when_nothing_listens() -> None:
    import socket

    with socket.socket() as sock:  # a port that was free a moment ago and has no server
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    res = run(healthcheck_argv(), env={"CLAIMWATCH_METRICS_PORT": str(port)}, timeout=30)
    assert res.returncode != 0
