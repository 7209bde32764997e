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
DB=${BENCH_DB:-brickwork_bench}
# shellcheck source=bench/server.sh
. "$ROOT/bench/server.sh"
bench_build

bench_jdbc_client "$DB" dev.brickwork.bench.RecordsBenchmark

bench_server_errors

echo
echo "summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by server, PostgreSQL and client; output in $WORK):"
grep -E "^(records created/s|keyset pages/s|department-scope pages/s|no-op requests/s)" "$WORK/bench.out" || echo "no figures: the benchmark failed (exit $STATUS)"
exit "$STATUS"
