#!/usr/bin/env bash
# Runs the whole Lodestone system on this machine, without Docker: a Kafka broker (KRaft),
# PostgreSQL, a mail catcher and the three services. State is kept in .lodestone/.
#   ./run-local.sh            start (builds first if a jar is missing)
#   ./run-local.sh --clean    delete .lodestone/ and start afresh
#   ./run-local.sh --demo     also upload a sample bill of materials, create a sample subscription linked to it
#                             and replay the demo's sample events
# Every start publishes the measures in force (controls already in force, with their official
# sources) that the broker does not hold yet: a new stack starts from today's risk.
# Ctrl-C stops everything.
set -euo pipefail
cd "$(dirname "$0")"

# The JDK in JAVA_HOME if it is set, else java on the PATH; the services run on the same one.
# On JDK 25 or newer they start from an ahead-of-time cache instead of a class-data archive.
java="${JAVA_HOME:+$JAVA_HOME/bin/}java"
if ! command -v "$java" >/dev/null 2>&1; then
  echo "run-local: $java not found; install a JDK 17 or newer (JAVA_HOME, or java on the PATH)" >&2
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
# The measures in force, published by news-ingest-service at start where supply.events.v1 lacks them.
export LODESTONE_INGEST_MEASURES_AT_START="${LODESTONE_INGEST_MEASURES_AT_START:-true}"
exec "$java" -jar local-stack/target/local-stack.jar "$@"
