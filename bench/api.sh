#!/usr/bin/env bash
# The partner API under load (issue 18), side by side with the HTML checkout in the same run:
#   1. a fresh database ($DB) with the demo data plus bench resellers and products (bench/data/base.sql),
#   2. the shop started on it (127.0.0.1:$PORT, profiles demo and bench, the API's rate limit out of the way),
#   3. the HTML checkout: the Gatling buy scenario (bench/gatling BuySimulation), $CLIENTS buyers, no think time:
#      paid orders a second,
#   4. POST /api/v1/orders: $CLIENTS integrators (wrk, one thread each, each its own reseller and read_write key, a new
#      Idempotency-Key every time, one line like the buy scenario's): paid orders a second, p50, p99,
#   5. GET /api/v1/services?limit=50 at $READERS connections (the same keys, services bought in 4): req/s, p50, p99,
#   6. webhooks: $BACKLOG order.paid deliveries due at once to a receiver on this machine (bench/webhook_receiver.py),
#      sent by the shop's own sender: deliveries a second, from the first attempt to the last.
# Each of 3 and 4 runs $WARMUP s before its measured $DURATION s. Run it holding the build lock, so that no build
# shares the cores:  flock /tmp/rivendo-build.lock bench/api.sh
# Results: bench/results/api-<time>.md (raw output in api-<time>/).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
PORT=${PORT_BENCH:-8118}
RECEIVER_PORT=${RECEIVER_PORT:-18119}
DB=${BENCH_DB:-rivendo_api}
CLIENTS=${CLIENTS:-10}
READERS=${READERS:-50}
DURATION=${DURATION:-20}
WARMUP=${WARMUP:-10}
BACKLOG=${BACKLOG:-2000}
PRODUCTS=100
RESELLERS=$(( 2 * CLIENTS + 2 ))  # the API uses r1..r$CLIENTS, the Gatling buyers the last $CLIENTS
HEAP=${HEAP:-512m}
PG="-h 127.0.0.1 -p 5432 -U postgres"
source "$BENCH/mail_sink.sh"
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT="$BENCH/results/api-$STAMP"
REPORT="$BENCH/results/api-$STAMP.md"
mkdir -p "$OUT"
APP_PID=""
RECEIVER_PID=""

log() { echo "[api-bench $(date -u +%H:%M:%S)] $*" >&2; }

cleanup() {
  for pid in "$APP_PID" "$RECEIVER_PID"; do
    if [[ -n "$pid" ]] && kill -0 "$pid" 2>/dev/null; then
      kill "$pid" 2>/dev/null || true
      for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    fi
  done
  mail_sink_stop
  [[ "${KEEP_DB:-0}" == 1 ]] || dropdb $PG --if-exists --force "$DB" 2>/dev/null || true
}
trap cleanup EXIT INT TERM

JAR=$(ls "$ROOT"/target/rivendo-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [[ -z "$JAR" || "${SKIP_BUILD:-0}" != 1 ]]; then
  log "building the shop's jar"
  (cd "$ROOT" && ./mvnw -q -B -ntp -DskipTests package)
  JAR=$(ls "$ROOT"/target/rivendo-*.jar | grep -v plain | head -1)
fi
log "compiling the Gatling simulations"
(cd "$ROOT" && ./mvnw -q -B -ntp -f bench/gatling/pom.xml test-compile)

dropdb $PG --if-exists --force "$DB"
createdb $PG "$DB"
mail_sink_start "$OUT/mail-sink.txt"
log "starting the shop on $BASE (its e-mails to bench/smtp_sink.py on port $MAIL_PORT)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORT=$PORT RIVENDO_PUBLIC_URL="$BASE" \
  RIVENDO_EMBEDDED_SMTP=false SPRING_MAIL_PORT="$MAIL_PORT" \
  SPRING_PROFILES_ACTIVE=demo,bench RIVENDO_DB_POOL_SIZE=${POOL:-20} \
  RIVENDO_API_RATE_LIMIT_PER_MINUTE=100000000 RIVENDO_WEBHOOKS_INTERVAL=1s \
  java -Xms$HEAP -Xmx$HEAP -XX:+UseG1GC -jar "$JAR" >"$OUT/shop.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 180); do
  curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { log "the shop did not start, see $OUT/shop.log"; exit 1; }
  [[ $i == 180 ]] && { log "the shop was not ready after 180 s"; exit 1; }
  sleep 1
done
psql $PG -q -v products=$PRODUCTS -v resellers=$RESELLERS -f "$BENCH/data/base.sql" "$DB"

# one read_write key per integrator, made as ApiKeys makes them (rvk_live_ + 43 characters; only the SHA-256 is kept)
for n in $(seq 1 "$CLIENTS"); do
  secret="rvk_live_$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=\n')"
  hash=$(printf '%s' "$secret" | sha256sum | cut -d' ' -f1)
  psql $PG -q -c "insert into api_key (reseller_id, name, scope, prefix, secret_hash, created_at, created_by)
    select reseller_id, 'bench', 'READ_WRITE', '${secret:0:17}', '$hash', now(), 'bench'
    from user_account where email = 'r$n@bench.rivendo.it'" "$DB"
  export "API_KEY_$n=$secret"
done
code=$(curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $API_KEY_1" "$BASE/api/v1/balance")
[[ $code == 200 ]] || { log "GET /api/v1/balance answers $code to a bench key"; exit 1; }

ticks=$(getconf CLK_TCK)
proc_cpu() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0; }
orders() { psql $PG -Atc "select count(*) from purchase_order" "$DB"; }
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- 3. the HTML checkout
buy() { # seconds output
  (cd "$ROOT" && ./mvnw -q -B -ntp -f bench/gatling/pom.xml gatling:test -Dgatling.simulationClass=rivendo.bench.BuySimulation \
     -Dgatling.failOnAssertionFailure=false -Dbase="$BASE" -Dbuyers="$CLIENTS" -Dduration="$1" \
     -Dresellers="$RESELLERS" -Dproducts=$PRODUCTS) >"$2" 2>&1 || log "Gatling reported a failure (see $2)"
}
log "HTML checkout: warm-up, $WARMUP s"
buy "$WARMUP" "$OUT/gatling-buy-warmup.txt"
log "HTML checkout: $CLIENTS buyers, no think time, $DURATION s"
sleep 2
before=$(orders); shop_before=$(proc_cpu "$APP_PID")
buy "$DURATION" "$OUT/gatling-buy.txt"
html_orders=$(( $(orders) - before )); html_cpu=$(( $(proc_cpu "$APP_PID") - shop_before ))

# ---------------------------------------------------------------- 4. POST /api/v1/orders
wrk_api() { # mode seconds connections -> the RESULT line
  MODE=$1 STAMP="$STAMP-$1-$2-$RANDOM" wrk -t"$CLIENTS" -c"$3" -d"$2"s --timeout 10s -s "$BENCH/api.lua" "$BASE" \
    2>>"$OUT/wrk-errors.txt" | tee -a "$OUT/wrk.txt" | grep '^RESULT'
}
log "API orders: warm-up, $WARMUP s"
wrk_api orders "$WARMUP" "$CLIENTS" >/dev/null
log "API orders: $CLIENTS integrators, no think time, $DURATION s"
sleep 2
before=$(orders); shop_before=$(proc_cpu "$APP_PID")
API_LINE=$(wrk_api orders "$DURATION" "$CLIENTS")
api_orders=$(( $(orders) - before )); api_cpu=$(( $(proc_cpu "$APP_PID") - shop_before ))
log "$API_LINE"

# ---------------------------------------------------------------- 5. GET /api/v1/services
log "API services list: warm-up, then $READERS connections for $DURATION s"
wrk_api services "$WARMUP" "$READERS" >/dev/null
sleep 1
SERVICES_LINE=$(wrk_api services "$DURATION" "$READERS")
log "$SERVICES_LINE"

# ---------------------------------------------------------------- 6. webhook deliveries
python3 "$BENCH/webhook_receiver.py" "$RECEIVER_PORT" &
RECEIVER_PID=$!
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$RECEIVER_PORT/count" >/dev/null && break; sleep 0.1; done
log "webhooks: $BACKLOG deliveries due at once to http://127.0.0.1:$RECEIVER_PORT"
psql $PG -q "$DB" <<SQL
insert into webhook_endpoint (reseller_id, url, events, secret, created_at)
select reseller_id, 'http://127.0.0.1:$RECEIVER_PORT/hook', 'order.paid', 'whsec_$(head -c 32 /dev/urandom | base64 | tr -d '\n')', now()
from user_account where email = 'r1@bench.rivendo.it';
insert into webhook_delivery (endpoint_id, message_id, event_type, event_key, payload, created_at, next_attempt_at)
select (select max(id) from webhook_endpoint), 'msg_bench_' || n, 'order.paid', 'order.paid:bench-' || n,
       json_build_object('type', 'order.paid', 'timestamp', now(), 'data',
         json_build_object('number', 'BENCH-' || n, 'total', '38.06', 'currency', 'EUR'))::text,
       now(), now()
from generate_series(1, $BACKLOG) n;
SQL
for i in $(seq 1 600); do
  pending=$(psql $PG -Atc "select count(*) from webhook_delivery where status = 'PENDING'" "$DB")
  [[ $pending == 0 ]] && break
  sleep 0.5
done
WEBHOOK_LINE=$(psql $PG -Atc "select count(distinct d.id), count(a.id),
    round(extract(epoch from max(a.attempted_at) - min(a.attempted_at))::numeric, 2),
    percentile_cont(0.5) within group (order by a.latency_ms), percentile_cont(0.99) within group (order by a.latency_ms)
  from webhook_delivery d join webhook_attempt a on a.delivery_id = d.id where d.status = 'DELIVERED'" "$DB")
received=$(curl -s "http://127.0.0.1:$RECEIVER_PORT/count")
LOAD_END=$(cut -d' ' -f1-3 /proc/loadavg)

# ---------------------------------------------------------------- report
field() { sed -n "s/.*$1=\([^ ]*\).*/\1/p" <<<"$2"; }
html_rate=$(awk -v o="$html_orders" -v d="$DURATION" 'BEGIN { printf "%.1f", o / d }')
api_rate=$(awk -v o="$api_orders" -v d="$DURATION" 'BEGIN { printf "%.1f", o / d }')
ratio=$(awk -v a="$api_orders" -v h="$html_orders" 'BEGIN { if (h == 0) print "n/a"; else printf "%.2f", a / h }')
cpu_html=$(awk -v c="$html_cpu" -v t="$ticks" -v o="$html_orders" 'BEGIN { if (o == 0) print "n/a"; else printf "%.1f", c * 1000 / t / o }')
cpu_api=$(awk -v c="$api_cpu" -v t="$ticks" -v o="$api_orders" 'BEGIN { if (o == 0) print "n/a"; else printf "%.1f", c * 1000 / t / o }')
IFS='|' read -r wh_delivered wh_attempts wh_seconds wh_p50 wh_p99 <<<"$WEBHOOK_LINE"
wh_rate=$(awk -v n="$wh_delivered" -v s="$wh_seconds" 'BEGIN { if (s == 0) print "n/a"; else printf "%.0f", n / s }')
{
  echo "# Partner API benchmark, $STAMP"
  echo
  echo "Commit $(cd "$ROOT" && git rev-parse --short HEAD), $(nproc) cores, load $LOAD_START at the start and $LOAD_END at the end;"
  echo "$CLIENTS clients, $DURATION s measured after $WARMUP s of warm-up each; $RESELLERS bench resellers, $PRODUCTS products."
  echo
  echo "| what | clients | result | p50 | p99 | bad answers | shop CPU per order |"
  echo "|---|---|---|---|---|---|---|"
  echo "| HTML checkout (Gatling buy: catalog, cart, checkout, pay) | $CLIENTS | $html_orders orders, **$html_rate paid orders/s** | | | see gatling-buy.txt | $cpu_html ms |"
  echo "| POST /api/v1/orders | $CLIENTS | $api_orders orders, **$api_rate paid orders/s** ($ratio× the HTML checkout) | $(( $(field p50_us "$API_LINE") / 1000 )) ms | $(( $(field p99_us "$API_LINE") / 1000 )) ms | $(field bad "$API_LINE") | $cpu_api ms |"
  echo "| GET /api/v1/services?limit=50 | $READERS | $(field rps "$SERVICES_LINE") req/s | $(( $(field p50_us "$SERVICES_LINE") / 1000 )) ms | **$(( $(field p99_us "$SERVICES_LINE") / 1000 )) ms** | $(field bad "$SERVICES_LINE") | |"
  echo "| webhook deliveries (shop's sender to a local receiver) | 1 sender | $wh_delivered delivered in $wh_seconds s, **$wh_rate deliveries/s** ($wh_attempts attempts, $received received) | ${wh_p50%.*} ms | ${wh_p99%.*} ms | | |"
} >"$REPORT"
cat "$REPORT"
log "report: $REPORT"
