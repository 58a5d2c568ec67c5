#!/usr/bin/env bash
# One command for every benchmark: setup, in-process, end-to-end (1 worker, 2 workers, failover).
# Results go to bench-out/ (gitignored): *.txt (tables as printed) and *.json (all figures).
#
#   benchmarks/run.sh            full run (~35 min on 2 cores)
#   benchmarks/run.sh --quick    smoke run (~4 min): small sizes, short load steps, no failover
#
# Environment: BENCH_BOOTSTRAP=host:port uses that broker instead of starting one per e2e run.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
quick=0
[[ "${1:-}" == "--quick" ]] && quick=1

scripts/setup
py=.venv/bin/python
out=bench-out
mkdir -p "$out"
boot=()
[[ -n "${BENCH_BOOTSTRAP:-}" ]] && boot=(--bootstrap "$BENCH_BOOTSTRAP")

{
  echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "commit: $(git rev-parse --short HEAD 2>/dev/null || echo '?') $(git status --porcelain 2>/dev/null | grep -q . && echo '(dirty tree)')"
  echo "nproc: $(nproc)"
  echo "cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "memory: $(awk '/MemTotal/ {printf "%.1f GiB", $2/1048576}' /proc/meminfo)"
  echo "python: $($py -c 'import sys; print(sys.version.split()[0])')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee "$out/machine.txt"

if ((quick)); then
  $py -m benchmarks.inprocess --quick --json "$out/inprocess.json" | tee "$out/inprocess.txt"
  $py -m benchmarks.e2e "${boot[@]}" --loads 25,50 --seconds 10 --warmup 50 --json "$out/e2e-1w.json" \
    | tee "$out/e2e-1w.txt"
  exit 0
fi

$py -m benchmarks.inprocess --profile --tracemalloc --json "$out/inprocess.json" | tee "$out/inprocess.txt"
$py -m benchmarks.e2e "${boot[@]}" --workers 1 --loads 25,50,75,100,max --seconds 30 \
  --json "$out/e2e-1w.json" | tee "$out/e2e-1w.txt"
$py -m benchmarks.e2e "${boot[@]}" --workers 2 --loads 25,50,75,100,max --seconds 30 \
  --json "$out/e2e-2w.json" | tee "$out/e2e-2w.txt"
$py -m benchmarks.e2e "${boot[@]}" --workers 2 --failover --failover-rate 25 --failover-seconds 120 \
  --json "$out/e2e-failover.json" | tee "$out/e2e-failover.txt"
$py -m benchmarks.e2e "${boot[@]}" --workers 2 --failover --failover-rate 25 --failover-seconds 120 \
  --session-timeout-ms 10000 --json "$out/e2e-failover-10s.json" | tee "$out/e2e-failover-10s.txt"
echo "benchmarks: results in $out/"
