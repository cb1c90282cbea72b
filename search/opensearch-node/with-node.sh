#!/usr/bin/env bash
# Runs a command (the test suite) with a search engine for the contract tests in tests/search:
# - OPENSEARCH_URL or ELASTICSEARCH_URL already set (CI starts one node for both databases): as it is;
# - else, Java and Maven present: starts a node on a free port, exports OPENSEARCH_URL, stops it after;
# - else: says why the engine's contract tests will be skipped, and runs the command without one.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"

if [ -n "${OPENSEARCH_URL:-}${ELASTICSEARCH_URL:-}" ]; then
  exec "$@"
fi
if ! command -v java >/dev/null || ! command -v mvn >/dev/null; then
  echo "search engine: Java 17 and Maven are not both installed, so no OpenSearch node; the engine's contract tests will be skipped"
  exec "$@"
fi

free_port() { python3 -c "import socket; s=socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])"; }
OPENSEARCH_PORT="${OPENSEARCH_PORT:-$(free_port)}"
OPENSEARCH_TRANSPORT_PORT="${OPENSEARCH_TRANSPORT_PORT:-$(free_port)}"
export OPENSEARCH_PORT OPENSEARCH_TRANSPORT_PORT
trap '"$here/run.sh" stop' EXIT
"$here/run.sh" start
OPENSEARCH_URL="$("$here/run.sh" url)"
export OPENSEARCH_URL
"$@"
