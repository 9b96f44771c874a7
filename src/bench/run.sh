#!/usr/bin/env bash
# The benchmark. From the repository root:
#
#   bash src/bench/run.sh
#
# Seeds 1,000 products in a database of the machine's PostgreSQL, starts the service on Payara Micro (or uses
# BASE_URL), drives every scenario with wrk at each concurrency, runs the same SQL with pgbench for the
# database's own ceiling, and prints one table. Settings (environment, defaults):
#   CONCURRENCY="16 64 256"  DURATION=8 (seconds per run)  SCENARIOS="read read_token list create get_put
#   hot_row stock_atomic stock_optimistic stock_pessimistic stock_serializable" (read_token: reads by id sending
#   the writers' token; also: first_page, deep_page (by cursor), filtered (name contains, in stock, by price
#   descending))
#   SIZES=1000    catalogue sizes to measure at, e.g. "10000 1000000 10000000": each is loaded outside the API
#                 (generate_series, indexes built after) and every scenario runs at every size. Up to 10,000
#                 products the database is reseeded before every run; above, once per size (writes add to it)
#   BASE_URL      a running service to measure instead of starting one (then its database must be BENCH_DB)
#   PEER=spring   also start ../shared/peers/spring-jdbc on the same database and measure it in the same run
#   PEER_URL      or measure an already running peer at this URL (same contract, same database)
#   PGHOST=127.0.0.1 PGPORT=5432 PGUSER=postgres BENCH_DB=products_bench
#   JAVA_OPTS     JVM flags for the service (default: src/main/payara/jvm.options, as the run command)
#   WARMUP=240    seconds of unmeasured load on each target first: Payara's JIT needs minutes to settle (at 60 s
#                 the service's reads were a third of their steady rate)
#   STREAMS       e.g. 100: every cell is measured a second time with that many clients following the change feed
#                 (curl, Server-Sent Events, from the feed's head), and each stream is checked to have received
#                 every event committed meanwhile exactly once, in order; the warm-up gets WARMUP/4 s more of
#                 creates followed by the streams
#   BENCH_AUTH=on writes send a bearer token with the role writer, which the service (and the peer, given the
#                 same MP_JWT_VERIFY_* variables) verifies; off: no token, the service runs with AUTH_REQUIRED=none
set -euo pipefail
cd "$(dirname "$0")/../.."
. src/test/jdk.sh  # Payara Micro 7 needs a JDK 21+
root=$(pwd)

CONCURRENCY=${CONCURRENCY:-"16 64 256"}
DURATION=${DURATION:-8}
SCENARIOS=${SCENARIOS:-"read read_token list create get_put hot_row stock_atomic stock_optimistic stock_pessimistic stock_serializable"}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-5432} PGUSER=${PGUSER:-postgres}
export PGOPTIONS=${PGOPTIONS:-"-c client_min_messages=warning"}  # init.sql's "already exists" notices
BENCH_DB=${BENCH_DB:-products_bench}
PORT=${PORT:-8080}
JAVA_OPTS=${JAVA_OPTS:-"@src/main/payara/jvm.options"}  # the flags users start the server with
WARMUP=${WARMUP:-240}
SIZES=${SIZES:-1000}
STREAMS=${STREAMS:-}
export BENCH_PRODUCTS=${SIZES%% *} BENCH_WRK="$root/src/bench/wrk"
out="$root/target/bench"
mkdir -p "$out"
rm -f "$out/streams-bad"

# --- tools ----------------------------------------------------------------------------------------------
apt_install() {
  echo "installing $*" >&2
  if [ "$(id -u)" = 0 ]; then apt-get install -y -q "$@" >/dev/null; else sudo apt-get install -y -q "$@" >/dev/null; fi
}
command -v wrk >/dev/null || apt_install wrk
command -v bc >/dev/null || apt_install bc
command -v pgbench >/dev/null || apt_install postgresql-client postgresql-contrib
command -v psql >/dev/null || apt_install postgresql-client
pg_isready -q || { echo "PostgreSQL is not answering on $PGHOST:$PGPORT" >&2; exit 1; }

# --- bearer tokens: a key pair of the benchmark's own, trusted by the service and the peer ---------------------
BENCH_AUTH=${BENCH_AUTH:-on}
if [ "$BENCH_AUTH" = on ]; then
  jwt="$out/jwt"
  mkdir -p "$jwt"
  [ -f "$jwt/private.pem" ] || openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$jwt/private.pem" 2>/dev/null
  export MP_JWT_VERIFY_PUBLICKEY=$(openssl pkey -in "$jwt/private.pem" -pubout | grep -v -- ----- | tr -d '\n')
  export MP_JWT_VERIFY_ISSUER=urn:products:bench MP_JWT_VERIFY_AUDIENCES=products
  . src/test/writer-token.sh
  BENCH_TOKEN=$(writer_token "$jwt/private.pem" bench)
  export BENCH_TOKEN
else
  export AUTH_REQUIRED=none
  unset MP_JWT_VERIFY_PUBLICKEY MP_JWT_VERIFY_PUBLICKEY_LOCATION BENCH_TOKEN
fi

# --- database: init.sql and 1,000 products, reset before every measured run ------------------------------
if [ -z "${BASE_URL:-}" ]; then
  dropdb --if-exists "$BENCH_DB" 2>/dev/null
  createdb "$BENCH_DB"
fi  # else the running service holds connections to it: keep it, init.sql is idempotent and seed() truncates
psql -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -f init.sql >/dev/null
load() {  # products: the catalogue of that size, as in production (indexes built after the rows)
  psql -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 >/dev/null <<SQL
TRUNCATE order_items, orders, idempotency_keys, product_events, products RESTART IDENTITY;
UPDATE product_events_pruned SET position = 0;
DROP INDEX IF EXISTS products_name_id, products_price_id, products_updated_at_id, products_name_trigrams,
  products_out_of_stock;
INSERT INTO products (name, description, price, stock_quantity)
SELECT 'Product ' || g, 'seeded for the benchmark', 10 + g % 100, 1000 FROM generate_series(1, $1) AS g;
SQL
  psql -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -c "SET maintenance_work_mem = '512MB'" -f init.sql >/dev/null
  psql -q -d "$BENCH_DB" -v ON_ERROR_STOP=1 -c "VACUUM ANALYZE products" >/dev/null
}
seed() {  # before every measured run at small sizes, so that runs do not see each other's writes
  if [ "$BENCH_PRODUCTS" -le 10000 ]; then load "$BENCH_PRODUCTS"; fi
}
load "$BENCH_PRODUCTS"

# --- the service ----------------------------------------------------------------------------------------
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  if [ "${PEER:-}" = spring ]; then "$root/../shared/peers/spring-jdbc/run.sh" stop >/dev/null 2>&1 || true; fi
}
trap cleanup EXIT

wait_ready() {  # url -> seconds until /health/ready and the API answer 200
  local t0=$(date +%s%N)
  for _ in $(seq 1 600); do
    if curl -fsS -o /dev/null "$1/health/ready" 2>/dev/null && curl -fsS -o /dev/null "$1/api/products/1" 2>/dev/null; then
      echo "scale=1; ($(date +%s%N) - $t0) / 1000000000" | bc; return 0
    fi
    sleep 0.1
  done
  return 1
}

service_pid=""
if [ -z "${BASE_URL:-}" ]; then
  echo "building the WAR" >&2
  mvn -q -B package -DskipTests
  version=$(sed -n 's:.*<payara.version>\(.*\)</payara.version>.*:\1:p' pom.xml)
  mvn -q -B dependency:copy -Dartifact="fish.payara.extras:payara-micro:$version" -DoutputDirectory="$out" \
      -Dmdep.stripVersion=true
  BASE_URL="http://127.0.0.1:$PORT"
  # shellcheck disable=SC2086
  DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" DB_USER=$PGUSER \
    java $JAVA_OPTS -javaagent:target/server-lib/flashlight-agent.jar -jar "$out/payara-micro.jar" \
      --nohazelcast --port "$PORT" --addlibs target/server-lib/postgresql.jar \
      --prebootcommandfile src/main/payara/pre-boot-commands.asadmin \
      --postbootcommandfile src/main/payara/post-boot-commands.asadmin \
      --deploy target/products.war > "$out/payara-micro.log" 2>&1 &
  service_pid=$!
  pids+=("$service_pid")
  ready=$(wait_ready "$BASE_URL") || { echo "the service did not start; see $out/payara-micro.log" >&2; exit 1; }
  echo "service ready in ${ready} s (launch to /health/ready and the API answering)" >&2
fi

peer_scenarios=" read read_token list create get_put hot_row "  # the peer has no cursor, filter or sort
if [ "${PEER:-}" = spring ]; then
  PEER_URL="http://127.0.0.1:8400"
  DB_URL="jdbc:postgresql://$PGHOST:$PGPORT/$BENCH_DB" DB_USER=$PGUSER PORT=8400 \
    "$root/../shared/peers/spring-jdbc/run.sh" >/dev/null
  seed
fi

# --- one measured run -----------------------------------------------------------------------------------
measure() {  # url scenario concurrency -> RESULT fields
  local url=$1 scenario=$2 c=$3 script threads=$(( $3 < 2 ? $3 : 2 )) env=()
  case $scenario in
    get_put) script=get_put.lua; threads=$c ;;
    hot_row) script=get_put.lua; threads=$c; env=(HOT_ROW=1) ;;
    stock_*) script=stock.lua; env=(STRATEGY="${scenario#stock_}") ;;
    *) script=$scenario.lua ;;
  esac
  seed
  if [ -n "${FOLLOW:-}" ]; then follow_start "$url" "$FOLLOW"; fi
  env "${env[@]}" wrk -t "$threads" -c "$c" -d "${DURATION}s" --timeout 10s -s "$BENCH_WRK/$script" "$url" \
    | sed -n 's/^RESULT //p'
  if [ -n "${FOLLOW:-}" ]; then follow_check >&2; fi
}

# --- clients following the change feed during a run ------------------------------------------------------------
feed_head() { psql -qtA -d "$BENCH_DB" -c "SELECT coalesce(max(position), 0) FROM product_events"; }
follow_start() {  # url n: n streams from the feed's head, each into its own file
  rm -rf "$out/streams" && mkdir -p "$out/streams"
  follow_from=$(feed_head) follow_pids=()
  for i in $(seq 1 "$2"); do
    curl -sN -H 'Accept: text/event-stream' "$1/api/products/events?after=$follow_from" > "$out/streams/$i" 2>/dev/null &
    follow_pids+=($!)
  done
  sleep 1
}
follow_check() {  # every stream got each event after follow_from exactly once, in order, up to the last one
  local last i bad=0 waited all
  for _ in $(seq 1 100); do  # until the sequencer has numbered every commit
    [ "$(psql -qtA -d "$BENCH_DB" -c "SELECT count(*) FROM product_events WHERE position IS NULL")" = 0 ] && break
    sleep 0.1
  done
  last=$(feed_head)
  for waited in $(seq 1 100); do  # until every stream has the last event, or 10 s
    all=1
    for i in $(seq 1 "${#follow_pids[@]}"); do
      tail -c 1500 "$out/streams/$i" 2>/dev/null | grep -qx "id: *$last" || { all=0; break; }
    done
    [ "$all" = 1 ] && break
    sleep 0.1
  done
  kill "${follow_pids[@]}" 2>/dev/null; wait "${follow_pids[@]}" 2>/dev/null || true
  for i in $(seq 1 "${#follow_pids[@]}"); do
    # the first event out of place: missed, repeated or reordered
    sed -n 's/^id: *//p' "$out/streams/$i" | awk -v from="$follow_from" -v last="$last" -v stream="$i" '
      BEGIN { e = from + 1 }
      $1 != e && !bad { bad = 1; printf "stream %d: event %s where %d was due\n", stream, $1, e > "/dev/stderr" }
      { e++ }
      END { if (!bad && e != last + 1) printf "stream %d: ends at %d of %d\n", stream, e - 1, last > "/dev/stderr"
            exit (bad || e != last + 1) }' || bad=$((bad + 1))
  done
  echo "${#follow_pids[@]} streams, events $((follow_from + 1))..$last, all in after $((waited / 10)).$((waited % 10)) s at most: $bad streams missed, repeated or reordered one"
  # measure runs in a subshell: the count goes through a file
  echo "$bad" >> "$out/streams-bad"
}
field() { echo "$1" | grep -o "\"$2\": [0-9.]*" | awk '{print $2}'; }
ratio() { echo "$1 $2" | awk '{ if ($2 > 0) printf "%.2f", $1 / $2; else printf "n/a" }'; }

warm_up() {  # url scenarios: unmeasured load so that both JVMs are compiled before anything is measured
  local url=$1; shift
  local each=$(( WARMUP / $# ))
  for scenario in "$@"; do
    if [ "$each" -gt 0 ]; then DURATION=$each measure "$url" "$scenario" 64 >/dev/null; fi
  done
}

ceiling() {  # scenario -> SQL transactions/s of pgbench running the same statements, 16 clients
  local extra=() file=${1%_token} products=$BENCH_PRODUCTS   # read_token runs read's SQL
  [ -f "$root/src/bench/pgbench/$file.sql" ] || { echo 0; return; }
  [ "$1" = stock_serializable ] && extra=(--max-tries=100)
  [ "$1" = hot_row ] && { file=get_put; products=1; }   # the same statements, all on product 1
  seed
  pgbench -n -M prepared -c 16 -j 2 -T "$DURATION" -D products=$products "${extra[@]}" \
    -f "$root/src/bench/pgbench/$file.sql" "$BENCH_DB" 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}

echo "warming up for ${WARMUP} s per target" >&2
warm_up "$BASE_URL" read list create get_put stock_atomic stock_optimistic
# with streams, a quarter more of creates followed by them: else the first cell measured with streams ran the
# streams' code still uncompiled (0.60 of creates without at c=16, 0.90 at c=64, measured in that order)
if [ -n "$STREAMS" ]; then FOLLOW=$STREAMS DURATION=$(( WARMUP / 4 )) measure "$BASE_URL" create 16 >/dev/null; fi
if [ -n "${PEER_URL:-}" ]; then warm_up "$PEER_URL" read list create get_put; fi
load_before=$(cut -d' ' -f1-3 /proc/loadavg)
{
  echo "# Benchmark $(date -u +%Y-%m-%dT%H:%MZ)"
  echo
  echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.0f GiB", $2/1048576}' /proc/meminfo), load average before: $load_before."
  echo "wrk, the service, PostgreSQL (and the peer) share these cores: compare figures from one run only."
  echo "Each run ${DURATION} s after ${WARMUP} s of warm-up per target; up to 10,000 products the database is reseeded before every run, above once per size."
  if [ "$BENCH_AUTH" = on ]; then
    echo "Writes send an RS256 bearer token that the service (and the peer) verify; reads send none (public), except read_token, which sends the same token."
  else
    echo "No tokens: the service runs with AUTH_REQUIRED=none (and the peer without its JWT build)."
  fi
  echo "pgbench: the same SQL, -M prepared, 16 clients; 'vs db' = service 2xx/s per SQL-equivalent/s."
  echo
  echo "| products | scenario | c | target | req/s | 2xx/s | p50 ms | p99 ms | 2xx | 3xx | 4xx | 5xx | socket errors | vs db | vs peer |"
  echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|---|"
} | tee "$out/results.md"

for size in $SIZES; do
  if [ "$size" != "$BENCH_PRODUCTS" ]; then
    echo "loading $size products" >&2
    BENCH_PRODUCTS=$size
    load "$size"
  fi
  for scenario in $SCENARIOS; do
    tps=$(ceiling "$scenario")
    per_tx=1; case $scenario in get_put|hot_row) per_tx=2 ;; esac
    for c in $CONCURRENCY; do
      svc=$(measure "$BASE_URL" "$scenario" "$c")
      s_ok=$(echo "scale=0; $(field "$svc" s2xx) / $(field "$svc" seconds)" | bc)
      s_all=$(echo "scale=0; $(field "$svc" requests) / $(field "$svc" seconds)" | bc)
      vs_db=$(ratio "$s_ok" "$(echo "$tps * $per_tx" | bc)")
      peer_ratio="n/a"
      if [ -n "${PEER_URL:-}" ] && [[ $peer_scenarios == *" $scenario "* ]]; then
        peer=$(measure "$PEER_URL" "$scenario" "$c")
        p_ok=$(echo "scale=0; $(field "$peer" s2xx) / $(field "$peer" seconds)" | bc)
        p_all=$(echo "scale=0; $(field "$peer" requests) / $(field "$peer" seconds)" | bc)
        peer_ratio=$(ratio "$s_ok" "$p_ok")
        printf '| %s | %s | %s | peer | %s | %s | %s | %s | %s | %s | %s | %s | %s | | |\n' "$BENCH_PRODUCTS" "$scenario" "$c" "$p_all" "$p_ok" \
          "$(field "$peer" p50_ms)" "$(field "$peer" p99_ms)" "$(field "$peer" s2xx)" "$(field "$peer" s3xx)" \
          "$(field "$peer" s4xx)" "$(field "$peer" s5xx)" "$(field "$peer" socket_errors)" | tee -a "$out/results.md"
      fi
      printf '| %s | %s | %s | service | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s | %s |\n' "$BENCH_PRODUCTS" "$scenario" "$c" "$s_all" "$s_ok" \
        "$(field "$svc" p50_ms)" "$(field "$svc" p99_ms)" "$(field "$svc" s2xx)" "$(field "$svc" s3xx)" \
        "$(field "$svc" s4xx)" "$(field "$svc" s5xx)" "$(field "$svc" socket_errors)" "$vs_db" "$peer_ratio" \
        | tee -a "$out/results.md"
      if [ -n "$STREAMS" ]; then
        svc=$(FOLLOW=$STREAMS measure "$BASE_URL" "$scenario" "$c")
        f_ok=$(echo "scale=0; $(field "$svc" s2xx) / $(field "$svc" seconds)" | bc)
        printf '| %s | %s | %s | service, %s streams | %s | %s | %s | %s | %s | %s | %s | %s | %s | | %s of without |\n' "$BENCH_PRODUCTS" \
          "$scenario" "$c" "$STREAMS" "$(echo "scale=0; $(field "$svc" requests) / $(field "$svc" seconds)" | bc)" "$f_ok" \
          "$(field "$svc" p50_ms)" "$(field "$svc" p99_ms)" "$(field "$svc" s2xx)" "$(field "$svc" s3xx)" \
          "$(field "$svc" s4xx)" "$(field "$svc" s5xx)" "$(field "$svc" socket_errors)" "$(ratio "$f_ok" "$s_ok")" \
          | tee -a "$out/results.md"
      fi
    done
    if [ "${tps%.*}" != 0 ]; then
      printf '| %s | %s | 16 | pgbench | %.0f tx/s | | | | | | | | | | |\n' "$BENCH_PRODUCTS" "$scenario" "$tps" \
        | tee -a "$out/results.md"
    fi
  done
done

{
  echo
  echo "Load average after: $(cut -d' ' -f1-3 /proc/loadavg)."
  if [ -n "${ready:-}" ]; then echo "Service ready ${ready} s after launch."; fi
  if [ -n "$STREAMS" ]; then
    echo "Streams: $(awk '{ n += $1 } END { print n + 0 }' "$out/streams-bad" 2>/dev/null) of the runs' streams missed, repeated or reordered an event."
  fi
  if [ -n "$service_pid" ]; then
    echo "Service resident memory after the runs: $(( $(ps -o rss= -p "$service_pid") / 1024 )) MiB (JAVA_OPTS: $JAVA_OPTS)."
  fi
} | tee -a "$out/results.md"
# the table drawn beside it: target/bench/throughput-<products>.svg (service next to the peer) and sizes.svg
java "$root/src/test/java/io/concurrencydb/bench/Charts.java" "$out/results.md" "$out"
echo "written to target/bench/results.md" >&2
