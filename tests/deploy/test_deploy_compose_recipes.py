"""The command recipes in docker-compose.yml's header: each is a command claimwatch accepts, and one that
feeds a file to the container's stdin asks for no TTY (`exec -T`): with a TTY, Compose attaches the
terminal instead and the file never reaches the command."""

from __future__ import annotations

import shlex

import pytest
from deploy_helpers import COMPOSE_FILE, cli_parse

#: exec options of `docker compose exec` that take no value
EXEC_SWITCHES = {"-T", "--no-TTY", "-d", "--detach", "--privileged"}


def recipes() -> list[str]:
    out = []
    for line in COMPOSE_FILE.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        text = line.lstrip("#").strip()
        if text.startswith(("docker compose exec", "docker-compose exec")):
            out.append(text.split("  (", 1)[0].strip())
    return out


def split_recipe(recipe: str) -> tuple[list[str], str, list[str], bool]:
    """(exec options, service, command argv, whether a file is redirected into stdin)."""
    words = shlex.split(recipe, comments=True)
    words = words[2:] if words[0] == "docker-compose" else words[3:]
    words = words[1:] if words[0] == "exec" else words
    fed = "<" in words
    if fed:
        words = words[: words.index("<")]
    options = []
    while words[0].startswith("-"):
        options.append(words.pop(0))
    return options, words[0], words[1:], fed


def test_the_header_has_exec_recipes() -> None:
    found = recipes()
    assert any("claimwatch send" in r for r in found) and any("claimwatch tail" in r for r in found), found


@pytest.mark.parametrize("recipe", recipes())
def test_exec_recipe(recipe: str) -> None:
    options, service, argv, fed = split_recipe(recipe)
    assert set(options) <= EXEC_SWITCHES, f"unknown exec option in {recipe!r}"
    assert service == "worker"
    assert argv[0] == "claimwatch"
    cli_parse(argv[1:])  # SystemExit on a command claimwatch would refuse
    if fed:
        assert {"-T", "--no-TTY"} & set(options), f"{recipe!r} pipes a file into exec without -T"


def test_a_piped_recipe_without_no_tty_is_caught() -> None:
    options, _, _, fed = split_recipe("docker compose exec worker claimwatch send - < articles.jsonl")
    assert fed and not {"-T", "--no-TTY"} & set(options)
