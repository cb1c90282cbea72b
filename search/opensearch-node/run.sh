#!/usr/bin/env bash
# A single-node OpenSearch 2.19 for Sanad's tests and CI (see SanadTestNode.java).
#
#   run.sh start   build if needed, start the node in the background, wait until it answers
#   run.sh wait    wait until /_cluster/health is green or yellow (bounded by OPENSEARCH_WAIT seconds)
#   run.sh stop    stop the node and delete its data
#   run.sh url     print the node's URL
#
# Environment: OPENSEARCH_PORT (HTTP, default 9200), OPENSEARCH_TRANSPORT_PORT (default HTTP + 100),
# OPENSEARCH_WAIT (default 120),
# OPENSEARCH_HEAP (default 512m), OPENSEARCH_STATE (pid and log files, default <repo>/var/opensearch-<port>).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
port="${OPENSEARCH_PORT:-9200}"
wait_seconds="${OPENSEARCH_WAIT:-120}"
heap="${OPENSEARCH_HEAP:-512m}"
state="${OPENSEARCH_STATE:-$repo/var/opensearch-$port}"
pid_file="$state/node.pid"
log_file="$state/node.log"
home_file="$state/home"
url="http://127.0.0.1:$port"

running() { [ -f "$pid_file" ] && kill -0 "$(cat "$pid_file")" 2>/dev/null; }

health() {
  if command -v curl >/dev/null; then
    curl -fsS --max-time 2 "$url/_cluster/health" 2>/dev/null
  else
    python3 -c "import sys,urllib.request; sys.stdout.write(urllib.request.urlopen(sys.argv[1], timeout=2).read().decode())" \
      "$url/_cluster/health" 2>/dev/null
  fi
}

build() {
  # Rebuilt only when the pom or the launcher changed since the last build.
  if [ ! -f "$here/target/classpath.txt" ] || [ -n "$(find "$here/pom.xml" "$here/src" -newer "$here/target/classpath.txt" -type f | head -n 1)" ]; then
    command -v mvn >/dev/null || { echo "run.sh: Maven (mvn) is not installed" >&2; exit 1; }
    local out
    if ! out="$(cd "$here" && mvn -q -B package 2>&1)"; then
      echo "run.sh: the Maven build failed:" >&2
      echo "$out" >&2
      exit 1
    fi
    touch "$here/target/classpath.txt"  # Maven leaves it alone when the classpath did not change
  fi
}

wait_ready() {
  local deadline=$((SECONDS + wait_seconds))
  while [ "$SECONDS" -lt "$deadline" ]; do
    if health | grep -Eq '"status":"(green|yellow)"'; then
      echo "OpenSearch answers at $url"
      return 0
    fi
    if [ -f "$pid_file" ] && ! running; then
      echo "run.sh: the node exited; last lines of $log_file:" >&2
      tail -n 40 "$log_file" >&2 || true
      return 1
    fi
    sleep 0.5
  done
  echo "run.sh: no healthy node at $url after ${wait_seconds}s; last lines of $log_file:" >&2
  tail -n 40 "$log_file" >&2 || true
  return 1
}

start() {
  if running; then
    echo "run.sh: a node is already running (pid $(cat "$pid_file"))"
    wait_ready
    return
  fi
  if health >/dev/null; then
    echo "run.sh: something else already answers at $url; set OPENSEARCH_PORT to another port" >&2
    exit 1
  fi
  command -v java >/dev/null || { echo "run.sh: Java (17) is not installed" >&2; exit 1; }
  build
  mkdir -p "$state"
  local home
  home="$(mktemp -d "${TMPDIR:-/tmp}/sanad-opensearch-$port.XXXXXX")"
  echo "$home" >"$home_file"
  local started=$SECONDS
  nohup java -Xms"$heap" -Xmx"$heap" -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -Xshare:auto \
    -Dlog4j2.disable.jmx=true -Dfile.encoding=UTF-8 \
    -cp "$here/target/classes:$(cat "$here/target/classpath.txt")" \
    sanad.search.SanadTestNode "$home" "$port" "${OPENSEARCH_TRANSPORT_PORT:-$((port + 100))}" >"$log_file" 2>&1 &
  echo $! >"$pid_file"
  wait_ready
  echo "OpenSearch started in $((SECONDS - started))s (pid $(cat "$pid_file"), log $log_file)"
}

stop() {
  if running; then
    local pid
    pid="$(cat "$pid_file")"
    kill "$pid"
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -0 "$pid" 2>/dev/null && kill -9 "$pid" 2>/dev/null || true
    echo "OpenSearch stopped (pid $pid)"
  elif [ -f "$pid_file" ]; then
    echo "run.sh: the node (pid $(cat "$pid_file")) had already exited; last lines of $log_file:" >&2
    tail -n 40 "$log_file" >&2 || true
  fi
  if [ -f "$home_file" ]; then
    rm -rf "$(cat "$home_file")"
  fi
  rm -f "$pid_file" "$log_file" "$home_file"
  rmdir "$state" 2>/dev/null || true
}

case "${1:-}" in
  start) start ;;
  wait) wait_ready ;;
  stop) stop ;;
  url) echo "$url" ;;
  *) echo "usage: $0 start|wait|stop|url" >&2; exit 2 ;;
esac
