#!/usr/bin/env bash
# Two instances of the shop on one database, as behind a load balancer, without Docker:
#   instance A on 127.0.0.1:${PORT_A:-18081} with the demo profile (loads the demo data, runs the in-process SMTP
#   server on ${SMTP_PORT:-12525}), instance B on 127.0.0.1:${PORT_B:-18082} also in the demo profile (so that both
#   offer the same simulated card payment and identification) but loading nothing, sending mail to A's SMTP.
# Waits until both are ready, then:
#   scripts/two-instances.sh          keeps them running until Ctrl-C
#   scripts/two-instances.sh --check  proves a session started on A works on B (same cart, same balance), then stops
# Both are stopped on exit. The database (${DB:-rivendo_two}) is dropped on exit unless KEEP_DB=1.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
PORT_A=${PORT_A:-18081}
PORT_B=${PORT_B:-18082}
SMTP_PORT=${SMTP_PORT:-12525}
DB=${DB:-rivendo_two}
PG="-h 127.0.0.1 -p 5432 -U postgres"
A="http://127.0.0.1:$PORT_A"
B="http://127.0.0.1:$PORT_B"
LOGS=${LOGS:-$ROOT/target/two-instances}
mkdir -p "$LOGS"
PIDS=()

log() { echo "[two-instances] $*" >&2; }

stop_all() {
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  done
  [[ "${KEEP_DB:-0}" == 1 ]] || dropdb $PG --if-exists --force "$DB" 2>/dev/null || true
}
trap stop_all EXIT INT TERM

JAR=$(ls "$ROOT"/target/rivendo-*.jar 2>/dev/null | grep -v plain | head -1 || true)
if [[ -z "$JAR" ]]; then
  log "building the jar"
  (cd "$ROOT" && ./mvnw -q -DskipTests package)
  JAR=$(ls "$ROOT"/target/rivendo-*.jar | grep -v plain | head -1)
fi

wait_ready() { # url pid name
  for i in $(seq 1 180); do
    curl -sf "$1/actuator/health/readiness" >/dev/null 2>&1 && { log "$3 ready at $1"; return 0; }
    kill -0 "$2" 2>/dev/null || { log "$3 stopped, see $LOGS/$3.log"; return 1; }
    sleep 1
  done
  log "$3 not ready after 180 s"; return 1
}

start() { # name port profile embedded-smtp load-demo-data
  SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORT=$2 SPRING_PROFILES_ACTIVE=$3 \
    RIVENDO_EMBEDDED_SMTP=$4 RIVENDO_DEMO_LOAD_DATA=$5 SPRING_MAIL_PORT=$SMTP_PORT RIVENDO_PUBLIC_URL="$A" RIVENDO_DB_POOL_SIZE=10 \
    java -Xmx384m -jar "$JAR" >"$LOGS/$1.log" 2>&1 &
  PIDS+=($!)
}

start A "$PORT_A" demo true true
wait_ready "$A" "${PIDS[0]}" A
start B "$PORT_B" demo false false
wait_ready "$B" "${PIDS[1]}" B

if [[ "${1:-}" != "--check" ]]; then
  log "both running; Ctrl-C stops them"
  wait
  exit 0
fi

# ---- the check: log in on A, put something in the cart on A, then read cart and balance on B with the same cookie
JAR_FILE="$LOGS/cookies"
rm -f "$JAR_FILE"
# (sed reads to the end: no early exit that would break the pipe under pipefail)
csrf() { grep -o 'name="_csrf" value="[^"]*"' | sed -n '1{s/.*value="//;s/"$//;p}'; }
token=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$A/login" | csrf)
curl -s -o /dev/null -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "email=gold@demo.rivendo.it" \
  --data-urlencode "password=demo1234" --data-urlencode "_csrf=$token" "$A/login"
token=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$A/catalog" | csrf)
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "product=FIRMA-REMOTA-1A" \
  --data-urlencode "mode=SPID" --data-urlencode "_csrf=$token" "$A/cart/items")
[[ "$code" == 302 ]] || { log "FAILED: adding to the cart on A answered $code"; exit 1; }

count_of() { curl -s -b "$JAR_FILE" "$1/cart" | sed -n 's/.*data-testid="cart-count">\([0-9]*\)<.*/\1/p'; }
balance_of() { curl -s -b "$JAR_FILE" "$1/account/credit" | sed -n 's/.*data-testid="balance-amount">\([^<]*\)<.*/\1/p'; }
cart_a=$(count_of "$A"); cart_b=$(count_of "$B")
balance_a=$(balance_of "$A"); balance_b=$(balance_of "$B")
status_b=$(curl -s -o /dev/null -w '%{http_code}' -b "$JAR_FILE" "$B/cart")
log "A: cart $cart_a item(s), balance $balance_a"
log "B: cart $cart_b item(s), balance $balance_b (GET /cart on B with A's session answered $status_b)"
# and back: a change made on B is seen on A
token=$(curl -s -c "$JAR_FILE" -b "$JAR_FILE" "$B/catalog" | csrf)
curl -s -o /dev/null -c "$JAR_FILE" -b "$JAR_FILE" --data-urlencode "product=FIRMA-REMOTA-1A" --data-urlencode "mode=CIE" \
  --data-urlencode "_csrf=$token" "$B/cart/items"
cart_a2=$(count_of "$A")
log "after adding on B with the CSRF token of B's page: A shows $cart_a2 item(s)"
if [[ "$status_b" == 200 && -n "$cart_a" && "$cart_a" == "$cart_b" && "$cart_a" -ge 1 && -n "$balance_a" \
      && "$balance_a" == "$balance_b" && "$cart_a2" == $(( cart_a + 1 )) ]]; then
  log "OK: one session, two instances"
else
  log "FAILED"; exit 1
fi
