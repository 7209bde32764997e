# Sourced by the benchmark scripts: a fresh database, the server started against it, the Java client compiled.
# Expects ROOT (the checkout); reads BENCH_PG_HOST [127.0.0.1] BENCH_PG_PORT [5432] BENCH_PG_USER [postgres]
# BENCH_PORT [18090] BENCH_APP_DIR [runtime/target/quarkus-app] BENCH_SERVER_JAVA_OPTS; sets PG_HOST PG_PORT PG_USER
# PORT APP_DIR WORK SERVER_LOG SERVER_PID ADMIN_PASSWORD.

PG_HOST=${BENCH_PG_HOST:-127.0.0.1}
PG_PORT=${BENCH_PG_PORT:-5432}
PG_USER=${BENCH_PG_USER:-postgres}
PORT=${BENCH_PORT:-18090}
APP_DIR=${BENCH_APP_DIR:-$ROOT/runtime/target/quarkus-app}
WORK=$(mktemp -d /tmp/brickwork-bench.XXXXXX)
SERVER_LOG=$WORK/server.log
SERVER_PID=
ADMIN_PASSWORD=$(head -c 24 /dev/urandom | base64 | tr -dc 'A-Za-z0-9')

bench_build() {
  if [ ! -f "$APP_DIR/quarkus-run.jar" ]; then
    echo "building the server ($APP_DIR/quarkus-run.jar is missing)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  elif [ -z "${BENCH_APP_DIR:-}" ] && [ -n "$(find "$ROOT"/*/src/main -newer "$APP_DIR/quarkus-run.jar" -type f -print -quit)" ]; then
    echo "building the server (sources changed since $APP_DIR/quarkus-run.jar was built)"
    (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
  fi
}

# bench_compile CLASSPATH SOURCE_DIR...: compiles the client's sources into $WORK/classes
bench_compile() {
  local classpath=$1
  shift
  mkdir -p "$WORK/classes"
  # shellcheck disable=SC2046 # one argument per source file; the paths have no spaces
  javac -d "$WORK/classes" -cp "$classpath" $(find "$@" -name '*.java')
}

stop_server() {
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
}

# bench_server DATABASE: drops and creates the database, starts the server on it and waits until it is ready
bench_server() {
  local db=$1
  trap stop_server EXIT
  trap 'exit 130' INT TERM
  echo "database $db on $PG_HOST:$PG_PORT: dropped and created"
  psql -q -h "$PG_HOST" -p "$PG_PORT" -U "$PG_USER" -d postgres -v ON_ERROR_STOP=1 \
    -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" -c "CREATE DATABASE $db"
  echo "server: $APP_DIR/quarkus-run.jar on port $PORT (log $SERVER_LOG)"
  # shellcheck disable=SC2086 # the extra options are meant to split into words
  BRICKWORK_DB_HOST=$PG_HOST BRICKWORK_DB_PORT=$PG_PORT BRICKWORK_DB_USER=$PG_USER BRICKWORK_DB_NAME=$db \
    BRICKWORK_ADMIN_PASSWORD=$ADMIN_PASSWORD QUARKUS_HTTP_PORT=$PORT \
    java ${BENCH_SERVER_JAVA_OPTS:-} -jar "$APP_DIR/quarkus-run.jar" >"$SERVER_LOG" 2>&1 &
  SERVER_PID=$!
  for _ in $(seq 1 120); do
    if curl -fs -o /dev/null "http://127.0.0.1:$PORT/q/health/ready"; then
      return 0
    fi
    if ! kill -0 "$SERVER_PID" 2>/dev/null; then
      echo "the server exited; its log:" >&2
      tail -50 "$SERVER_LOG" >&2
      exit 1
    fi
    sleep 0.5
  done
  echo "the server is not ready after 60 s" >&2
  tail -50 "$SERVER_LOG" >&2
  exit 1
}

# bench_jdbc_client DATABASE MAIN_CLASS: compiles bench/src with the PostgreSQL driver, starts the server on a fresh
# DATABASE and runs MAIN_CLASS against both (output also in $WORK/bench.out); sets STATUS to its exit status
bench_jdbc_client() {
  local db=$1 main=$2 jdbc_jar
  jdbc_jar=$(ls "$HOME"/.m2/repository/org/postgresql/postgresql/*/postgresql-*.jar 2>/dev/null | grep -v sources | sort -V | tail -1 || true)
  if [ -z "$jdbc_jar" ]; then
    jdbc_jar=$(ls "$APP_DIR"/lib/main/org.postgresql.postgresql-*.jar | tail -1)
  fi
  bench_compile "$jdbc_jar" "$ROOT/bench/src"
  bench_server "$db"
  set +e
  BENCH_URL=http://127.0.0.1:$PORT BENCH_JDBC_URL="jdbc:postgresql://$PG_HOST:$PG_PORT/$db" BENCH_DB_USER=$PG_USER \
    BENCH_ADMIN_PASSWORD=$ADMIN_PASSWORD BENCH_SERVER_PID=$SERVER_PID \
    java -cp "$WORK/classes:$jdbc_jar" "$main" | tee "$WORK/bench.out"
  STATUS=${PIPESTATUS[0]}
  set -e
}

# bench_server_errors: prints the first errors the server logged, if any
bench_server_errors() {
  if grep -q "ERROR\|Exception" "$SERVER_LOG"; then
    echo
    echo "the server logged errors (first lines; full log $SERVER_LOG):"
    grep -m 10 "ERROR\|Exception" "$SERVER_LOG"
  fi
}
