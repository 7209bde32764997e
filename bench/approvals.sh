#!/usr/bin/env bash
# Approvals benchmark: "submit -> manager approves -> director approves -> approved" per second through the HTTP API
# vs the same BPMN driven through the engine's Java API (an Operaton engine in the client's JVM), against one fresh
# database on the local PostgreSQL. See bench/README.md.
#
# Knobs (environment): BENCH_SECONDS per side [20]  BENCH_CLIENTS [8]  BENCH_WARMUP uncounted seconds per side [60]
#   BENCH_ROUNDS turns API and bare take [2]  BENCH_DEALS deals prepared per client [400]
#   BENCH_PG_HOST [127.0.0.1]  BENCH_PG_PORT [5432]  BENCH_PG_USER [postgres]  BENCH_DB [brickwork_bench_flows]
#   BENCH_PORT server HTTP port [18090]  BENCH_APP_DIR the quarkus-app to run [runtime/target/quarkus-app]
#   BENCH_SERVER_JAVA_OPTS extra JVM options for the server, e.g. -XX:StartFlightRecording=filename=/tmp/s.jfr
#   BENCH_CLIENT_JAVA_OPTS the same for the client (which runs the bare engine)
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

export BENCH_SECONDS=${BENCH_SECONDS:-20}
export BENCH_CLIENTS=${BENCH_CLIENTS:-8}
export BENCH_WARMUP=${BENCH_WARMUP:-60}
DB=${BENCH_DB:-brickwork_bench_flows}
# shellcheck source=bench/server.sh
. "$ROOT/bench/server.sh"
bench_build

# the client runs the bare engine: the server's own jars (Operaton, MyBatis, the driver, Jackson) are its class path
LIBS="$APP_DIR/lib/main/*"
bench_compile "$LIBS" "$ROOT/bench/src" "$ROOT/bench/flows"
bench_server "$DB"

set +e
BENCH_URL=http://127.0.0.1:$PORT BENCH_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$DB" BENCH_DB_USER=$PG_USER \
  BENCH_ADMIN_PASSWORD=$ADMIN_PASSWORD BENCH_SERVER_PID=$SERVER_PID \
  java ${BENCH_CLIENT_JAVA_OPTS:-} -cp "$WORK/classes:$LIBS" dev.brickwork.bench.ApprovalsBenchmark 2> "$WORK/client.log" | tee "$WORK/bench.out"
STATUS=${PIPESTATUS[0]}
set -e

bench_server_errors

echo
echo "summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by server, PostgreSQL and client; output in $WORK):"
grep -E "^approvals/s" "$WORK/bench.out" || { echo "no figures: the benchmark failed (exit $STATUS); client log:"; tail -30 "$WORK/client.log"; }
exit "$STATUS"
