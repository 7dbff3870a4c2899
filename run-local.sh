#!/usr/bin/env bash
# Runs the whole Lodestone system on this machine, without Docker: a Kafka broker (KRaft),
# PostgreSQL, a mail catcher and the three services. State is kept in .lodestone/.
#   ./run-local.sh            start (builds first if a jar is missing)
#   ./run-local.sh --clean    delete .lodestone/ and start afresh
#   ./run-local.sh --demo     also replay the 2023-2025 timeline and create a sample subscription
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

if ! command -v java >/dev/null 2>&1; then
  echo "run-local: java is not on the PATH; install a JDK 17 or newer" >&2
  exit 2
fi

jars=(news-ingest-service/target/news-ingest-service.jar
      risk-scoring-service/target/risk-scoring-service.jar
      alert-service/target/alert-service.jar
      local-stack/target/local-stack.jar)
missing=0
for jar in "${jars[@]}"; do
  [ -f "$jar" ] || missing=1
done
if [ "$missing" = 1 ] || [ "${LODESTONE_REBUILD:-}" = 1 ]; then
  echo "run-local: building the services (first run takes a few minutes)…"
  ./mvnw -B -q -DskipTests package
fi

# The built-in catalogue of publishers is polled unless LODESTONE_INGEST_CATALOGUE=false;
# LODESTONE_INGEST_POLLING=false lists every source but polls none (nothing leaves the machine).
export LODESTONE_INGEST_CATALOGUE="${LODESTONE_INGEST_CATALOGUE:-true}"
exec java -jar local-stack/target/local-stack.jar "$@"
