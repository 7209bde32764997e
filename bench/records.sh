#!/usr/bin/env bash
# Records benchmark: records created/s and keyset pages/s through the HTTP API vs the same work through JDBC,
# and (phase C) the same keyset pages as a user with read scope `department` vs the admin, against one fresh
# database on the local PostgreSQL. See bench/README.md.
#
# Knobs (environment): BENCH_ROWS [1000000]  BENCH_SECONDS per phase [20]  BENCH_CLIENTS [8]
#   BENCH_WARMUP seconds of uncounted mixed work first [45]  BENCH_ROUNDS turns API and raw take [2]
#   BENCH_PAGES pages per keyset walk [5]
#   BENCH_PG_HOST [127.0.0.1]  BENCH_PG_PORT [5432]  BENCH_PG_USER [postgres]  BENCH_DB [brickwork_bench]
#   BENCH_PORT server HTTP port [18090]  BENCH_APP_DIR the quarkus-app to run [runtime/target/quarkus-app]
#   BENCH_STAGE_ID_INDEX=true adds an index on (stage, id DESC) even when the planner does not need it
#   BENCH_SERVER_JAVA_OPTS extra JVM options for the server, e.g. -XX:StartFlightRecording=filename=/tmp/s.jfr
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

export BENCH_ROWS=${BENCH_ROWS:-1000000}
export BENCH_SECONDS=${BENCH_SECONDS:-20}
export BENCH_CLIENTS=${BENCH_CLIENTS:-8}
PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
DB=${BENCH_DB:-brickwork_bench}
PORT=${BENCH_PORT:-18090}
APP_DIR=${BENCH_APP_DIR:-$ROOT/runtime/target/quarkus-app}

if [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
  echo "building the server ($APP_DIR/quarkus-run.jar is missing)"
  ./mvnw -B -q package -DskipTests
fi

JDBC_JAR=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1 || true)
if [ -z "$JDBC_JAR" ]; then
  JDBC_JAR=$(ls "$APP_DIR"/lib/main/org.postgresql.postgresql-*.jar | tail -1)
fi

WORK=$(mktemp -d /tmp/brickwork-bench.XXXXXX)
CLASSES=$WORK/classes
mkdir -p "$CLASSES"
# shellcheck disable=SC2046 # one argument per source file; the paths have no spaces
javac -d "$CLASSES" -cp "$JDBC_JAR" $(find "$ROOT/bench/src" -name '*.java')
SERVER_LOG=$WORK/server.log
ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')
SERVER_PID=

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}
trap stop_server EXIT
trap 'exit 130' INT TERM

echo "database $DB on $PG_HOST:$PG_PORT: dropped and created"
psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 \
  -c "DROP DATABASE IF EXISTS $DB WITH (FORCE)" -c "CREATE DATABASE $DB"

echo "server: $APP_DIR/quarkus-run.jar on port $PORT (log $SERVER_LOG)"
BRICKWORK_DB_HOST=$PG_HOST BRICKWORK_DB_PORT=$PG_PORT BRICKWORK_DB_USER=$PG_USER BRICKWORK_DB_NAME=$DB \
  BRICKWORK_ADMIN_PASSWORD=$ADMIN_PASSWORD QUARKUS_HTTP_PORT=$PORT \
  java ${BENCH_SERVER_JAVA_OPTS:-} -jar "$APP_DIR/quarkus-run.jar" >"$SERVER_LOG" 2>&1 &
SERVER_PID=$!

for _ in $(seq 1 120); do
  if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then
    break
  fi
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then
    echo "the server exited; its log:" >&2
    tail -50 "$SERVER_LOG" >&2
    exit 1
  fi
  sleep 0.5
done
curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready" || { echo "the server is not ready after 60 s" >&2; tail -50 "$SERVER_LOG" >&2; exit 1; }

set +e
BENCH_URL=http://127.0.0.1:$PORT BENCH_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" BENCH_DB_USER=$PG_USER \
  BENCH_ADMIN_PASSWORD=$ADMIN_PASSWORD BENCH_SERVER_PID=$SERVER_PID \
  java -cp "$CLASSES:$JDBC_JAR" dev.brickwork.bench.RecordsBenchmark | tee "$WORK/bench.out"
STATUS=${PIPESTATUS[0]}
set -e

if grep -q "ERROR\|Exception" "$SERVER_LOG"; then
  echo
  echo "the server logged errors (first lines; full log $SERVER_LOG):"
  grep -m 10 "ERROR\|Exception" "$SERVER_LOG"
fi

echo
echo "summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by server, PostgreSQL and client; output in $WORK):"
grep -E "^(records created/s|keyset pages/s|department-scope pages/s)" "$WORK/bench.out" || echo "no figures: the benchmark failed (exit $STATUS)"
exit "$STATUS"
