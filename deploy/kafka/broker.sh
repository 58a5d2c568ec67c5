#!/usr/bin/env bash
# A single-node Apache Kafka 4.4.0 broker (KRaft, broker+controller in one JVM) for local runs and
# integration tests, from Maven Central jars: no tarball, no Docker.
#
#   broker.sh install                         fetch the jars into $KAFKA_HOME/libs (cached; stamp file)
#   broker.sh start  [--dir DIR] [--port N] [--sasl]
#                                             format + start; prints "127.0.0.1:PORT" as the only stdout line
#   broker.sh stop   [--dir DIR] [--port N] [--clean]
#   broker.sh status [--dir DIR] [--port N]
#
# Environment:
#   CLAIMWATCH_KAFKA_HOME           where the jars go (default ~/.cache/claimwatch/kafka-4.4.0)
#   CLAIMWATCH_KAFKA_DIR            broker directory (default /tmp/claimwatch-kafka-$PORT)
#   CLAIMWATCH_KAFKA_PORT           PLAINTEXT port (default: a free one)
#   CLAIMWATCH_KAFKA_START_TIMEOUT  seconds to wait for the broker (default 60)
#   CLAIMWATCH_KAFKA_HEAP           JVM heap flags (default "-Xms256m -Xmx512m")
#   CLAIMWATCH_KAFKA_SASL=1         same as --sasl
#   CLAIMWATCH_KAFKA_SASL_USER      the SCRAM user --sasl creates (default claimwatch)
#   CLAIMWATCH_KAFKA_SASL_PASSWORD  its password (default claimwatch-secret)
#
# --sasl adds a second listener, SASL_PLAINTEXT on another free port, taking SCRAM-SHA-256 and
# SCRAM-SHA-512, and creates the SCRAM user (both mechanisms) when the storage is formatted; its address
# is written to DIR/sasl_bootstrap. The PLAINTEXT listener stays as it is (and carries inter-broker
# traffic). A DIR formatted without --sasl has no SCRAM user: start it with --sasl in a fresh DIR.
# DIR holds server.properties, data/ (log.dirs), broker.log, broker.pid and bootstrap.
# Restarting in the same DIR keeps the data and reuses the ports recorded in DIR/server.properties.
# Topics are never auto-created (auto.create.topics.enable=false): create them explicitly.
# Progress goes to stderr; stdout carries only the bootstrap address (start) or the status line.
set -euo pipefail

SCRIPT_DIR="$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)"
POM="$SCRIPT_DIR/pom.xml"
LOG4J_CONFIG="$SCRIPT_DIR/log4j2.properties"
KAFKA_HOME="${CLAIMWATCH_KAFKA_HOME:-$HOME/.cache/claimwatch/kafka-4.4.0}"
LIBS="$KAFKA_HOME/libs"
STAMP="$LIBS/.claimwatch-installed"
START_TIMEOUT="${CLAIMWATCH_KAFKA_START_TIMEOUT:-60}"
HEAP="${CLAIMWATCH_KAFKA_HEAP:--Xms256m -Xmx512m}"

log() { printf 'broker.sh: %s\n' "$*" >&2; }
die() { log "error: $*"; exit 1; }

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2
  exit 2
}

# ---------------------------------------------------------------- install
pom_digest() { sha256sum "$POM" | cut -d' ' -f1; }

install() {
  command -v java >/dev/null || die "java not found on PATH (Java 17+ is needed)"
  local digest
  digest="$(pom_digest)"
  if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$digest" ]]; then
    log "jars already in $LIBS"
    return 0
  fi
  command -v mvn >/dev/null || die "mvn not found on PATH (needed once to fetch the Kafka jars)"
  mkdir -p "$KAFKA_HOME"
  # one installer at a time (parallel test sessions share KAFKA_HOME)
  exec 9>"$KAFKA_HOME/.install.lock"
  flock 9
  if [[ -f "$STAMP" && "$(cat "$STAMP")" == "$digest" ]]; then
    log "jars already in $LIBS"
    exec 9>&-
    return 0
  fi
  log "fetching Kafka jars into $LIBS (mvn dependency:copy-dependencies)"
  local tmp="$KAFKA_HOME/libs.tmp.$$"
  rm -rf "$tmp"
  if ! mvn -q -B -Dstyle.color=never -f "$POM" dependency:copy-dependencies -DoutputDirectory="$tmp" >&2; then
    rm -rf "$tmp"
    die "mvn could not fetch the Kafka jars (see the output above)"
  fi
  compgen -G "$tmp/kafka_2.13-*.jar" >/dev/null || die "no kafka_2.13 jar in $tmp after mvn"
  printf '%s\n' "$digest" >"$tmp/.claimwatch-installed"
  rm -rf "$LIBS"
  mv "$tmp" "$LIBS"
  exec 9>&-
  log "installed $(find "$LIBS" -name '*.jar' | wc -l) jars into $LIBS"
}

# ---------------------------------------------------------------- helpers
free_ports() {  # prints N distinct free TCP ports on 127.0.0.1
  python3 - "$1" <<'PY'
import socket, sys
socks = []
for _ in range(int(sys.argv[1])):
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    socks.append(s)
print(" ".join(str(s.getsockname()[1]) for s in socks))
for s in socks:
    s.close()
PY
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

prop() {  # prop FILE KEY -> value or empty
  [[ -f "$1" ]] || return 0
  sed -n "s/^$2=//p" "$1" | tail -n 1
}

# The pid in DIR/broker.pid, if that process is alive and is our broker for DIR.
running_pid() {
  local dir="$1" pid
  [[ -f "$dir/broker.pid" ]] || return 1
  pid="$(cat "$dir/broker.pid")"
  [[ "$pid" =~ ^[0-9]+$ ]] || return 1
  [[ -r "/proc/$pid/cmdline" ]] || return 1
  tr '\0' ' ' <"/proc/$pid/cmdline" | grep -F -- "kafka.Kafka $dir/server.properties" >/dev/null || return 1
  printf '%s\n' "$pid"
}

log_tail() {
  local dir="$1"
  if [[ -f "$dir/broker.log" ]]; then
    log "last lines of $dir/broker.log:"
    tail -n 40 "$dir/broker.log" >&2 || true
  fi
}

DIR=""
PORT=""
CLEAN=0
SASL="${CLAIMWATCH_KAFKA_SASL:-0}"
SASL_USER="${CLAIMWATCH_KAFKA_SASL_USER:-claimwatch}"
SASL_PASSWORD="${CLAIMWATCH_KAFKA_SASL_PASSWORD:-claimwatch-secret}"
parse_args() {
  while (($#)); do
    case "$1" in
      --dir) DIR="${2:?--dir needs a value}"; shift 2 ;;
      --dir=*) DIR="${1#--dir=}"; shift ;;
      --port) PORT="${2:?--port needs a value}"; shift 2 ;;
      --port=*) PORT="${1#--port=}"; shift ;;
      --clean) CLEAN=1; shift ;;
      --sasl) SASL=1; shift ;;
      -h|--help) usage ;;
      *) die "unknown argument: $1" ;;
    esac
  done
  [[ -z "$PORT" ]] && PORT="${CLAIMWATCH_KAFKA_PORT:-}"
  [[ -z "$PORT" || "$PORT" =~ ^[0-9]+$ ]] || die "--port must be a number, got '$PORT'"
  [[ -z "$DIR" ]] && DIR="${CLAIMWATCH_KAFKA_DIR:-}"
  return 0
}

need_dir() {
  if [[ -z "$DIR" ]]; then
    [[ -n "$PORT" ]] || die "give --dir DIR or --port N (or set CLAIMWATCH_KAFKA_DIR / CLAIMWATCH_KAFKA_PORT)"
    DIR="/tmp/claimwatch-kafka-$PORT"
  fi
  if [[ "${1:-}" == create ]]; then
    mkdir -p "$DIR" || die "cannot create $DIR"
  fi
  if [[ -d "$DIR" ]]; then
    DIR="$(cd -- "$DIR" && pwd)"
  fi
}

# ---------------------------------------------------------------- start
write_properties() {
  local file="$1" port="$2" cport="$3" data="$4" sport="${5:-}"
  local listeners="PLAINTEXT://127.0.0.1:$port" advertised="PLAINTEXT://127.0.0.1:$port"
  local protocols="CONTROLLER:PLAINTEXT,PLAINTEXT:PLAINTEXT"
  if [[ -n "$sport" ]]; then
    listeners+=",SASL_PLAINTEXT://127.0.0.1:$sport"
    advertised+=",SASL_PLAINTEXT://127.0.0.1:$sport"
    protocols+=",SASL_PLAINTEXT:SASL_PLAINTEXT"
  fi
  cat >"$file" <<EOF
# written by deploy/kafka/broker.sh: single-node KRaft broker+controller for claimwatch
process.roles=broker,controller
node.id=1
controller.quorum.bootstrap.servers=127.0.0.1:$cport
listeners=$listeners,CONTROLLER://127.0.0.1:$cport
advertised.listeners=$advertised
inter.broker.listener.name=PLAINTEXT
controller.listener.names=CONTROLLER
listener.security.protocol.map=$protocols
log.dirs=$data
# apps create their topics explicitly (a table's source and changelog must match in partitions)
auto.create.topics.enable=false
num.partitions=1
default.replication.factor=1
offsets.topic.replication.factor=1
transaction.state.log.replication.factor=1
transaction.state.log.min.isr=1
share.coordinator.state.topic.replication.factor=1
share.coordinator.state.topic.min.isr=1
min.insync.replicas=1
group.initial.rebalance.delay.ms=0
EOF
  if [[ -n "$sport" ]]; then
    cat >>"$file" <<EOF
# --sasl: SCRAM on the SASL_PLAINTEXT listener (the user is created when the storage is formatted)
sasl.enabled.mechanisms=SCRAM-SHA-256,SCRAM-SHA-512
listener.name.sasl_plaintext.scram-sha-256.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
listener.name.sasl_plaintext.scram-sha-512.sasl.jaas.config=org.apache.kafka.common.security.scram.ScramLoginModule required;
EOF
  fi
}

start() {
  parse_args "$@"
  local cport="" old_cport=""
  if [[ -z "$DIR" && -z "$PORT" ]]; then
    read -r PORT cport < <(free_ports 2)
  fi
  need_dir create
  local props="$DIR/server.properties" data="$DIR/data"

  local pid
  if pid="$(running_pid "$DIR")"; then
    log "already running in $DIR (pid $pid)"
    cat "$DIR/bootstrap"
    return 0
  fi

  install

  # A restart in the same DIR keeps its ports unless told otherwise.
  if [[ -f "$data/meta.properties" ]]; then
    old_cport="$(prop "$props" controller.quorum.bootstrap.servers)"
    old_cport="${old_cport##*:}"
    if [[ -z "$PORT" ]]; then
      PORT="$(prop "$props" advertised.listeners)"
      PORT="${PORT##*:}"
    fi
    cport="$old_cport"
  fi
  if [[ -z "$PORT" && -z "$cport" ]]; then
    read -r PORT cport < <(free_ports 2)
  elif [[ -z "$PORT" ]]; then
    PORT="$(free_ports 1)"
  fi
  if [[ -z "$cport" ]]; then
    cport="$(free_ports 1)"
    while [[ "$cport" == "$PORT" ]]; do cport="$(free_ports 1)"; done
  fi
  if port_open "$PORT"; then
    die "port $PORT is already in use"
  fi
  local sport=""
  if [[ "$SASL" == 1 ]]; then
    if [[ -f "$data/meta.properties" ]]; then  # a restart keeps its SASL port too
      sport="$(prop "$props" advertised.listeners | sed -n 's|.*SASL_PLAINTEXT://[^:]*:\([0-9]*\).*|\1|p')"
    fi
    if [[ -z "$sport" ]]; then
      sport="$(free_ports 1)"
      while [[ "$sport" == "$PORT" || "$sport" == "$cport" ]]; do sport="$(free_ports 1)"; done
    fi
    if port_open "$sport"; then
      die "port $sport (SASL) is already in use"
    fi
  fi

  write_properties "$props" "$PORT" "$cport" "$data" "$sport"

  local cp="$LIBS/*"
  if [[ ! -f "$data/meta.properties" ]]; then
    local cluster_id
    cluster_id="$(java -cp "$cp" -Dlog4j2.configurationFile="$LOG4J_CONFIG" kafka.tools.StorageTool random-uuid)"
    log "formatting $data (cluster id $cluster_id)"
    local scram=()
    if [[ -n "$sport" ]]; then
      scram=(--add-scram "SCRAM-SHA-256=[name=$SASL_USER,password=$SASL_PASSWORD]"
             --add-scram "SCRAM-SHA-512=[name=$SASL_USER,password=$SASL_PASSWORD]")
    fi
    if ! java -cp "$cp" -Dlog4j2.configurationFile="$LOG4J_CONFIG" \
        kafka.tools.StorageTool format --standalone -t "$cluster_id" -c "$props" ${scram[@]+"${scram[@]}"} \
        >"$DIR/format.log" 2>&1; then
      cat "$DIR/format.log" >&2
      die "kafka-storage format failed"
    fi
  else
    log "reusing formatted storage in $data"
  fi

  log "starting Kafka on 127.0.0.1:$PORT (controller $cport), dir $DIR"
  local t0=$SECONDS log_offset=0
  # broker.log is appended across restarts: only lines after this offset count as this start's
  [[ -f "$DIR/broker.log" ]] && log_offset="$(stat -c %s "$DIR/broker.log")"
  # shellcheck disable=SC2086  # HEAP is a list of flags
  nohup java $HEAP -XX:+UseG1GC -XX:+ExitOnOutOfMemoryError -Djava.awt.headless=true \
    -Dlog4j2.configurationFile="$LOG4J_CONFIG" -Dkafka.logs.dir="$DIR" \
    -cp "$cp" kafka.Kafka "$props" >>"$DIR/broker.log" 2>&1 </dev/null &
  pid=$!
  printf '%s\n' "$pid" >"$DIR/broker.pid"

  # Ready = the PLAINTEXT port accepts TCP and the broker logged "Kafka Server started", which
  # KafkaRaftServer only logs once the broker has caught up with the metadata log and is unfenced.
  local deadline=$((SECONDS + START_TIMEOUT))
  while :; do
    if ! kill -0 "$pid" 2>/dev/null; then
      log_tail "$DIR"
      rm -f "$DIR/broker.pid"
      die "broker exited during start-up"
    fi
    if port_open "$PORT" && tail -c "+$((log_offset + 1))" "$DIR/broker.log" 2>/dev/null \
        | grep "Kafka Server started" >/dev/null; then
      break
    fi
    if ((SECONDS >= deadline)); then
      log_tail "$DIR"
      stop_pid "$pid"
      rm -f "$DIR/broker.pid"
      die "broker not ready after ${START_TIMEOUT}s"
    fi
    sleep 0.2
  done
  printf '127.0.0.1:%s\n' "$PORT" >"$DIR/bootstrap"
  if [[ -n "$sport" ]]; then
    printf '127.0.0.1:%s\n' "$sport" >"$DIR/sasl_bootstrap"
    log "SASL_PLAINTEXT (SCRAM-SHA-256, SCRAM-SHA-512) on 127.0.0.1:$sport, user $SASL_USER"
  else
    rm -f "$DIR/sasl_bootstrap"
  fi
  log "ready in $((SECONDS - t0))s (pid $pid)"
  printf '127.0.0.1:%s\n' "$PORT"
}

# ---------------------------------------------------------------- stop / status
stop_pid() {
  local pid="$1" i
  kill -TERM "$pid" 2>/dev/null || return 0
  for ((i = 0; i < 100; i++)); do  # 20 s
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
  log "pid $pid still alive after 20s: SIGKILL"
  kill -KILL "$pid" 2>/dev/null || true
  for ((i = 0; i < 25; i++)); do
    kill -0 "$pid" 2>/dev/null || return 0
    sleep 0.2
  done
}

stop() {
  parse_args "$@"
  need_dir
  local pid
  if pid="$(running_pid "$DIR")"; then
    log "stopping broker pid $pid ($DIR)"
    stop_pid "$pid"
  else
    log "no broker running in $DIR"
  fi
  rm -f "$DIR/broker.pid"
  if ((CLEAN)) && [[ -d "$DIR" ]]; then
    [[ -f "$DIR/server.properties" || -z "$(ls -A "$DIR")" ]] \
      || die "refusing to --clean $DIR: it has no server.properties (not a broker dir?)"
    log "removing $DIR"
    rm -rf -- "$DIR"
  fi
}

status() {
  parse_args "$@"
  need_dir
  local pid
  if pid="$(running_pid "$DIR")"; then
    printf 'running pid=%s bootstrap=%s dir=%s\n' "$pid" "$(cat "$DIR/bootstrap" 2>/dev/null || echo '?')" "$DIR"
  else
    printf 'stopped dir=%s\n' "$DIR"
    return 1
  fi
}

cmd="${1:-}"
[[ $# -gt 0 ]] && shift
case "$cmd" in
  install) install ;;
  start) start "$@" ;;
  stop) stop "$@" ;;
  status) status "$@" ;;
  *) usage ;;
esac
