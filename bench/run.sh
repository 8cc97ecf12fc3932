#!/usr/bin/env bash
# Runs every benchmark of the shop in one go and writes a report to bench/results/<timestamp>.md:
#   1. a fresh database (rivendo_bench) with the demo data scaled up (bench/data/*.sql),
#   2. the shop started on it (127.0.0.1:$PORT, its own JVM),
#   3. cost growth: customer-area and admin pages and EXPLAIN of their queries at 1/10 of the orders, then at all,
#   4. pgbench TPC-B-like tps on the same PostgreSQL (database pgbench_rivendo),
#   5. Gatling: the browse scenario, then the buy scenario,
#   6. heap after the run, the catalog's HTML size and static requests.
# Everything started here is stopped on exit. Defaults are the full run; QUICK=1 is a short check (small data,
# 20 s per scenario). Every setting can be overridden from the environment, e.g. DURATION=120 bench/run.sh
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
if [[ "${QUICK:-0}" == 1 ]]; then
  : "${RESELLERS:=100}" "${PRODUCTS:=100}" "${ORDERS:=10000}" "${DURATION:=20}"
fi
RESELLERS=${RESELLERS:-1000}
PRODUCTS=${PRODUCTS:-500}
ORDERS=${ORDERS:-100000}
DURATION=${DURATION:-60}          # seconds per Gatling scenario and for pgbench
USERS=${USERS:-50}                # concurrent browsing resellers
PAUSE=${PAUSE:-1.0}               # think time between pages, seconds
BUYERS=${BUYERS:-10}              # concurrent buyers, no think time
PGBENCH_CLIENTS=${PGBENCH_CLIENTS:-10}
PGBENCH_SCALE=${PGBENCH_SCALE:-10}
PORT=${PORT_BENCH:-18080}
DB=${BENCH_DB:-rivendo_bench}
PGDB=${PGBENCH_DB:-pgbench_rivendo}
PG="-h 127.0.0.1 -p 5432 -U postgres"
source "$BENCH/mail_sink.sh"
HEAP=${HEAP:-512m}
JFR=${JFR:-0}                     # 1: record a JFR profile of the shop during the run
KEEP_DB=${KEEP_DB:-0}             # 1: keep the databases afterwards
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT="$BENCH/results/$STAMP"
REPORT="$BENCH/results/$STAMP.md"
mkdir -p "$OUT"
JAR=$(ls "$ROOT"/target/rivendo-*.jar 2>/dev/null | grep -v plain | head -1 || true)
APP_PID=""
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

log() { echo "[bench $(date -u +%H:%M:%S)] $*" >&2; }

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    log "stopping the shop (pid $APP_PID)"
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  mail_sink_stop
  if [[ "$KEEP_DB" != 1 ]]; then
    dropdb $PG --if-exists "$PGDB" 2>/dev/null || true
    dropdb $PG --if-exists --force "$DB" 2>/dev/null || true
  fi
}
trap cleanup EXIT INT TERM

# Always measure the code as it is now: a jar left in target/ may be older than the sources (SKIP_BUILD=1 reuses it).
if [[ -z "$JAR" || "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building the shop's jar"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
  JAR=$(ls "$ROOT"/target/rivendo-*.jar | grep -v plain | head -1)
fi
log "compiling the Gatling simulations"
(cd "$ROOT" && ./mvnw -q -f bench/gatling/pom.xml test-compile)

# ---------------------------------------------------------------- data
log "fresh database $DB"
dropdb $PG --if-exists --force "$DB"
createdb $PG "$DB"

JVM_OPTS=(-Xms$HEAP -Xmx$HEAP -XX:+UseG1GC)
if [[ "$JFR" == 1 ]]; then
  JVM_OPTS+=("-XX:FlightRecorderOptions:stackdepth=512" "-XX:StartFlightRecording=filename=$OUT/shop.jfr,settings=profile,dumponexit=true")
fi
mail_sink_start "$OUT/mail-sink.txt"
log "starting the shop on $BASE (demo profile: loads the demo catalog and accounts; its e-mails to bench/smtp_sink.py on port $MAIL_PORT)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORT=$PORT RIVENDO_PUBLIC_URL="$BASE" \
  RIVENDO_EMBEDDED_SMTP=false SPRING_MAIL_PORT="$MAIL_PORT" \
  SPRING_PROFILES_ACTIVE=demo RIVENDO_DB_POOL_SIZE=${POOL:-20} \
  java "${JVM_OPTS[@]}" -jar "$JAR" >"$OUT/shop.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 180); do
  if curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { log "the shop did not start, see $OUT/shop.log"; exit 1; }
  [[ $i == 180 ]] && { log "the shop was not ready after 180 s"; exit 1; }
  sleep 1
done
log "shop ready (pid $APP_PID)"

FIRST=$(( ORDERS / 10 ))
log "generating $RESELLERS resellers, $PRODUCTS products and $FIRST orders"
psql $PG -q -v products="$PRODUCTS" -v resellers="$RESELLERS" -f "$BENCH/data/base.sql" "$DB"
psql $PG -q -v from=1 -v to="$FIRST" -f "$BENCH/data/orders.sql" "$DB"

# ---------------------------------------------------------------- cost growth
login() { # cookie-jar email: a new session, logged in
  local csrf
  rm -f "$1"
  csrf=$(curl -s -c "$1" -b "$1" "$BASE/login" | { grep -o 'name="_csrf" value="[^"]*"' || true; } | head -1 |
    sed 's/.*value="//;s/"$//')
  curl -s -o /dev/null -c "$1" -b "$1" --data-urlencode "email=$2" --data-urlencode "password=demo1234" \
    --data-urlencode "_csrf=$csrf" "$BASE/login"
}
# median and 95th percentile of 40 sequential requests, in ms, after 5 to warm up
timing() { # cookie-jar path
  for _ in 1 2 3 4 5; do curl -s -o /dev/null -b "$1" "$BASE$2"; done
  for _ in $(seq 1 40); do curl -s -o /dev/null -b "$1" -w '%{time_total}\n' "$BASE$2"; done | sort -n |
    awk '{ v[NR] = $1 * 1000 } END { printf "%.1f | %.1f", v[int(NR * 0.5)], v[int(NR * 0.95)] }'
}
RESELLER_JAR="$OUT/reseller.cookies"; STAFF_JAR="$OUT/staff.cookies"
BUSY="r1@bench.rivendo.it"   # a tenth of all orders are r1's (bench/data/orders.sql)
BUSY_ID=$(psql $PG -Atc "select reseller_id from user_account where email = '$BUSY'" "$DB")
PAGES=("/account/services" "/orders" "/account/credit" "/admin" "/admin/services" "/admin/resellers/$BUSY_ID")
explain_all() { # label
  {
    echo "-- $1"
    psql $PG -q -v reseller="$BUSY_ID" -f "$BENCH/data/explain.sql" "$DB"
  } >"$OUT/explain-$1.txt" 2>&1
}
measure_pages() { # label
  login "$RESELLER_JAR" "$BUSY"; login "$STAFF_JAR" "staff@demo.rivendo.it"
  for page in "${PAGES[@]}"; do
    jar=$RESELLER_JAR; [[ $page == /admin* ]] && jar=$STAFF_JAR
    echo "$1|$page|$(timing "$jar" "$page")"
  done >>"$OUT/growth.txt"
  explain_all "$1"
}
orders_now() { psql $PG -Atc "select count(*) from purchase_order" "$DB"; }
: >"$OUT/growth.txt"
COUNT_SMALL=$(orders_now)
log "warming the shop up (JIT) before the first measurement"
login "$RESELLER_JAR" "$BUSY"; login "$STAFF_JAR" "staff@demo.rivendo.it"
for _ in $(seq 1 25); do
  for page in "${PAGES[@]}" /catalog /products/BENCH-0001; do
    jar=$RESELLER_JAR; [[ $page == /admin* ]] && jar=$STAFF_JAR
    curl -s -o /dev/null -b "$jar" "$BASE$page"
  done
done
log "cost growth: measuring pages at $COUNT_SMALL orders"
measure_pages small
log "generating the other $(( ORDERS - FIRST )) orders"
psql $PG -q -v from=$(( FIRST + 1 )) -v to="$ORDERS" -f "$BENCH/data/orders.sql" "$DB"
COUNT_LARGE=$(orders_now)
log "cost growth: measuring pages at $COUNT_LARGE orders"
measure_pages large
BUSY_ORDERS=$(psql $PG -Atc "select count(*) from purchase_order where reseller_id = $BUSY_ID" "$DB")

# ---------------------------------------------------------------- pgbench
log "pgbench: TPC-B-like, scale $PGBENCH_SCALE, $PGBENCH_CLIENTS clients, $DURATION s"
dropdb $PG --if-exists "$PGDB"; createdb $PG "$PGDB"
pgbench $PG -i -q -s "$PGBENCH_SCALE" "$PGDB" >"$OUT/pgbench-init.txt" 2>&1
pgbench $PG -c "$PGBENCH_CLIENTS" -j 2 -T "$DURATION" "$PGDB" >"$OUT/pgbench.txt" 2>&1
PGBENCH_TPS=$(grep -Eo 'tps = [0-9.]+' "$OUT/pgbench.txt" | head -1 | awk '{print $3}')
dropdb $PG --if-exists "$PGDB"
log "pgbench: $PGBENCH_TPS tps"

# ---------------------------------------------------------------- Gatling
gatling() { # simulation
  (cd "$ROOT" && ./mvnw -q -f bench/gatling/pom.xml gatling:test -Dgatling.simulationClass="rivendo.bench.$1" \
     -Dgatling.failOnAssertionFailure=false -Dbase="$BASE" -Dusers="$USERS" -Dbuyers="$BUYERS" \
     -Dduration="$DURATION" -Dpause="$PAUSE" -Dresellers="$RESELLERS" -Dproducts="$PRODUCTS") \
    >"$OUT/gatling-$1.txt" 2>&1 || log "Gatling $1 reported a failure (see $OUT/gatling-$1.txt)"
  local dir
  dir=$(ls -dt "$BENCH"/gatling/target/gatling/"$(echo "$1" | tr 'A-Z' 'a-z')"-* 2>/dev/null | head -1)
  [[ -n "$dir" ]] && cp "$dir/index.html" "$OUT/gatling-$1.html" 2>/dev/null || true
  echo "$dir"
}
log "Gatling: browse, $USERS resellers, $PAUSE s think time, $DURATION s"
BROWSE_DIR=$(gatling BrowseSimulation)
db_counters() { psql $PG -Atc "select xact_commit, tup_inserted + tup_updated + tup_deleted, tup_returned + tup_fetched
  from pg_stat_database where datname = '$DB'" postgres; }
# CPU time in clock ticks: the shop's process, and the whole machine's busy time (everything but idle and iowait)
shop_cpu() { awk '{ print $14 + $15 }' "/proc/$APP_PID/stat"; }
machine_cpu() { awk '/^cpu / { print $2 + $3 + $4 + $7 + $8 + $9 }' /proc/stat; }
sleep 3; BEFORE=$(db_counters); CPU_SHOP_BEFORE=$(shop_cpu); CPU_ALL_BEFORE=$(machine_cpu)
log "Gatling: buy, $BUYERS resellers without think time, $DURATION s"
BUY_DIR=$(gatling BuySimulation)
sleep 3; AFTER=$(db_counters); CPU_SHOP=$(( $(shop_cpu) - CPU_SHOP_BEFORE )); CPU_ALL=$(( $(machine_cpu) - CPU_ALL_BEFORE ))
ORDERS_PAID=$(psql $PG -Atc "select count(*) from purchase_order where number not like 'H-%'" "$DB")

# ---------------------------------------------------------------- after the run
HEAP_USED=$(curl -s "$BASE/actuator/prometheus" |
  awk 'index($0, "jvm_memory_used_bytes{") == 1 && index($0, "area=\"heap\"") { s += $NF } END { printf "%.0f", s / 1048576 }')
jcmd "$APP_PID" GC.heap_info >"$OUT/heap-info.txt" 2>&1 || true
HEAP_JCMD=$(sed -n 's/.*garbage-first heap.*used \([0-9]*\)K.*/\1/p' "$OUT/heap-info.txt" | awk '{ printf "%.0f", $1 / 1024 }')
# what is really live: the heap after a full collection
jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
jcmd "$APP_PID" GC.heap_info >"$OUT/heap-info-after-gc.txt" 2>&1 || true
HEAP_LIVE=$(sed -n 's/.*garbage-first heap.*used \([0-9]*\)K.*/\1/p' "$OUT/heap-info-after-gc.txt" | awk '{ printf "%.0f", $1 / 1024 }')
METRICS=$(curl -s "$BASE/actuator/prometheus" | grep -E '^rivendo_(orders_placed_total|credit_debited_euros_total|outbox_messages)' || true)
login "$RESELLER_JAR" "$BUSY"
curl -s -b "$RESELLER_JAR" -o "$OUT/catalog.html" "$BASE/catalog"
CATALOG_BYTES=$(wc -c <"$OUT/catalog.html")
CATALOG_GZIP=$(curl -s -b "$RESELLER_JAR" -H 'Accept-Encoding: gzip' -o /dev/null -w '%{size_download}' "$BASE/catalog")
# distinct asset URLs the page makes a browser fetch (each with a content hash or version, cached for a year)
STATIC=$(grep -Eo '<(link[^>]*rel="(stylesheet|icon)"[^>]*href|script[^>]*src|img[^>]*src)="/[^"]*"' "$OUT/catalog.html" |
  sed 's/.*="//; s/"$//' | sort -u | tee "$OUT/static-urls.txt" | wc -l)
CATALOG_ROWS=$(grep -c 'data-product=' "$OUT/catalog.html" || true)   # products on the page, one entry each

# ---------------------------------------------------------------- checkout without HTTP
# The same checkout (cart, total, pay) driven in-process by BUYERS threads on a database of its own, with no pages,
# sessions or load generator; then the mail sender's pace on the queued purchase e-mails (invoice PDF + SMTP).
log "stopping the shop: the next measure runs the checkout in-process"
kill "$APP_PID" 2>/dev/null || true
for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
APP_PID=""
DIRECT_DB=${DIRECT_DB:-rivendo_bench_direct}
log "checkout without HTTP: $BUYERS buyers, $DURATION s (database $DIRECT_DB)"
dropdb $PG --if-exists --force "$DIRECT_DB"; createdb $PG "$DIRECT_DB"
(cd "$ROOT" && TEST_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DIRECT_DB" ./mvnw -q -B -ntp test \
   -Dtest=CheckoutThroughputBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.buyers="$BUYERS" \
   -Dbench.duration="$DURATION" -Dbench.out="$OUT/checkout-direct.txt") >"$OUT/checkout-direct.log" 2>&1 ||
  log "the in-process checkout benchmark failed (see $OUT/checkout-direct.log)"
[[ "$KEEP_DB" != 1 ]] && dropdb $PG --if-exists --force "$DIRECT_DB"

python3 "$BENCH/report.py" "$OUT" "$REPORT" \
  "resellers=$RESELLERS" "products=$PRODUCTS" "orders=$ORDERS" "duration=$DURATION" "users=$USERS" "pause=$PAUSE" \
  "buyers=$BUYERS" "pgbench_tps=$PGBENCH_TPS" "pgbench_clients=$PGBENCH_CLIENTS" "pgbench_scale=$PGBENCH_SCALE" \
  "heap_used_mb=$HEAP_USED" "heap_jcmd_mb=${HEAP_JCMD:-?}" "heap_live_mb=${HEAP_LIVE:-?}" "heap_max=$HEAP" "catalog_bytes=$CATALOG_BYTES" "catalog_gzip=$CATALOG_GZIP" \
  "catalog_rows=$CATALOG_ROWS" "static=$STATIC" "orders_small=$COUNT_SMALL" "orders_large=$COUNT_LARGE" \
  "busy_orders=$BUSY_ORDERS" "cores=$(nproc)" "load=$(cut -d' ' -f1-3 /proc/loadavg)" "load_start=$LOAD_START" "quick=${QUICK:-0}" \
  "db_before=$BEFORE" "db_after=$AFTER" "cpu_shop=$CPU_SHOP" "cpu_all=$CPU_ALL" "clk_tck=$(getconf CLK_TCK)" "orders_paid=$ORDERS_PAID" "browse_dir=$BROWSE_DIR" "buy_dir=$BUY_DIR" "metrics=$(echo "$METRICS" | tr '\n' ';')"
log "report: $REPORT"
