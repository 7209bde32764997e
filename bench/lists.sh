#!/usr/bin/env bash
# Lists benchmark: the latency of each list interaction of a staff screen (first page under every sort offered,
# filters on indexed fields, q, count=true, pages 50 deep) at BENCH_ROWS records, through the HTTP API and as the
# same SQL by hand through JDBC, one request at a time, against one fresh database on the local PostgreSQL.
# See bench/README.md.
#
# Knobs (environment): BENCH_ROWS [1000000]  BENCH_REQUESTS per side and interaction [200]
#   BENCH_WARMUP_REQUESTS rounds over every interaction first, not counted [50]
#   BENCH_CASE_SECONDS a side stops after this long once it has 20 samples [30]
#   BENCH_PG_HOST [127.0.0.1]  BENCH_PG_PORT [5432]  BENCH_PG_USER [postgres]  BENCH_DB [brickwork_bench_lists]
#   BENCH_PORT server HTTP port [18090]  BENCH_APP_DIR the quarkus-app to run [runtime/target/quarkus-app]
#   BENCH_SERVER_JAVA_OPTS extra JVM options for the server
set -euo pipefail

cd "$(dirname "$0")/.."
ROOT=$(pwd)

export BENCH_ROWS=${BENCH_ROWS:-1000000}
DB=${BENCH_DB:-brickwork_bench_lists}
# shellcheck source=bench/server.sh
. "$ROOT/bench/server.sh"
bench_build

bench_jdbc_client "$DB" dev.brickwork.bench.ListsBenchmark

bench_server_errors

echo
echo "summary ($(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores shared by server, PostgreSQL and client; output in $WORK):"
grep -E "^(list |for comparison)" "$WORK/bench.out" || echo "no figures: the benchmark failed (exit $STATUS)"
exit "$STATUS"
