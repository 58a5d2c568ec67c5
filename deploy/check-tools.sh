#!/usr/bin/env bash
# Make sure the offline validators used by tests/deploy (and the servers tests/integration runs) are installed:
#   promtool        (Debian package `prometheus`)      check config / check rules / test rules / check metrics
#   prometheus      (Debian package `prometheus`)      a real Prometheus scraping a worker (tests/integration)
#   amtool          (Debian package `prometheus-alertmanager`)  check-config of deploy/alertmanager
#   docker-compose  (Debian package `docker-compose`)  docker-compose -f docker-compose.yml config -q
#   kcat            (Debian package `kcat`)            the operator's view of topics in tests/integration
#   chromium, chromedriver (Debian packages `chromium`, `chromium-driver`)  the review page's browser test
#                   (tests/integration/test_desk.py drives Debian's headless chromium through selenium)
# A `docker compose` (v2 plugin) client counts as a compose client too.
#
# Called by scripts/test before the tests. Idempotent and quick when the tools are present.
# Installs with apt-get as root (or through passwordless sudo). When it cannot install, it warns and
# exits 0: tests/deploy then falls back to structural checks and says so in its summary. Set
# CLAIMWATCH_REQUIRE_DEPLOY_TOOLS=1 (CI) to make a missing tool an error here and in tests/deploy.
set -euo pipefail

log() { printf 'check-tools: %s\n' "$*" >&2; }

have_compose() {
  command -v docker-compose >/dev/null 2>&1 && return 0
  command -v docker >/dev/null 2>&1 && docker compose version >/dev/null 2>&1 && return 0
  return 1
}

missing=()
{ command -v promtool >/dev/null 2>&1 && command -v prometheus >/dev/null 2>&1; } || missing+=(prometheus)
command -v amtool >/dev/null 2>&1 || missing+=(prometheus-alertmanager)
have_compose || missing+=(docker-compose)
command -v kcat >/dev/null 2>&1 || missing+=(kcat)
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)

if ((${#missing[@]} == 0)); then
  log "promtool, prometheus, amtool, kcat, chromium, chromedriver and a compose client are present"
  exit 0
fi

# Without a tool the deploy tests still run, structurally: only CLAIMWATCH_REQUIRE_DEPLOY_TOOLS=1 makes
# a tool that cannot be installed an error (a CI runner without network must not fail every test).
give_up() {
  if [[ "${CLAIMWATCH_REQUIRE_DEPLOY_TOOLS:-0}" == 1 ]]; then
    log "error: $*"
    exit 1
  fi
  log "warning: $*; tests/deploy will use structural checks instead"
  exit 0
}

sudo=()
if [[ "$(id -u)" != 0 ]]; then
  if command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=(sudo -n)
  else
    give_up "cannot install ${missing[*]}: needs root or passwordless sudo"
  fi
fi
command -v apt-get >/dev/null 2>&1 || give_up "cannot install ${missing[*]}: no apt-get (install them by hand)"

log "installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
# Only the binaries are wanted: keep the packages' services (daemons on :9090 and :9093) from
# being started by their postinst, with a temporary policy-rc.d when the system has none.
policy=/usr/sbin/policy-rc.d
if [[ ! -e "$policy" ]]; then
  printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee "$policy" >/dev/null
  "${sudo[@]}" chmod 0755 "$policy"
  trap '"${sudo[@]}" rm -f "$policy"' EXIT
fi
# --no-install-recommends: no node exporter, no docker daemon
if ! "${sudo[@]}" apt-get update -q >&2 \
    || ! "${sudo[@]}" apt-get install -y -q --no-install-recommends "${missing[@]}" >&2; then
  give_up "apt-get could not install ${missing[*]}"
fi

command -v promtool >/dev/null 2>&1 || give_up "promtool still missing after the install"
command -v prometheus >/dev/null 2>&1 || give_up "prometheus still missing after the install"
command -v amtool >/dev/null 2>&1 || give_up "amtool still missing after the install"
have_compose || give_up "no compose client after the install"
command -v kcat >/dev/null 2>&1 || give_up "kcat still missing after the install"
command -v chromium >/dev/null 2>&1 || give_up "chromium still missing after the install"
command -v chromedriver >/dev/null 2>&1 || give_up "chromedriver still missing after the install"
log "ok: $(promtool --version 2>&1 | head -1); $(amtool --version 2>&1 | head -1); docker-compose $(docker-compose version --short 2>/dev/null || docker compose version --short)"
