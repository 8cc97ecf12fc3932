#!/usr/bin/env bash
# Side by side with Shopizer (issue 22): an open-source Java shop's public product list, measured with the same wrk
# settings and Lua script as bench/saturation.sh (2 threads, 32 connections, no think time, gzip accepted), so
# that its row can stand in the same table as the shop's pages.
#   1. Shopizer's jar ($SHOPIZER_JAR, by default ~/.cache/rivendo-bench/shopizer-3.2.5.jar) is started in a fresh
#      folder with its own in-process database (H2, Shopizer's default), on 127.0.0.1:$SHOPIZER_PORT, heap $HEAP;
#   2. $PRODUCTS products are created through its admin API (the demo administrator of a fresh install), each
#      visible and available with one price, one English description and a stock of 100;
#   3. its public list /api/v1/products?count=20 (20 products, about 27 KB of JSON) is warmed up for
#      $ROUNDS × $WARMUP s, then measured for $DURATION s: req/s, p50, p99, answers other than 200, CPU ms per
#      request of its JVM (which holds the database too), and its live heap after a full GC;
#   4. Shopizer is stopped and its folder removed; one markdown row in saturation.sh's format is printed on stdout
#      (LOGIN_RPS, the /login req/s of a saturation run, fills its "× /login" column).
# The project never needs Shopizer to build, run or test: this script only runs a jar built outside the repository
# (from Shopizer's own sources, 3.2.5, commit 42e5937f6) and says so when it is missing.
# Run it holding the build lock:  flock /tmp/rivendo-build.lock bench/shopizer.sh  (or SHOPIZER=1 bench/saturation.sh)
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
JAR=${SHOPIZER_JAR:-$HOME/.cache/rivendo-bench/shopizer-3.2.5.jar}
PORT=${SHOPIZER_PORT:-8190}
PRODUCTS=${PRODUCTS:-20}
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-5}
ROUNDS=${ROUNDS:-5}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
HEAP=${HEAP:-512m}
LOGIN_RPS=${LOGIN_RPS:-}
BASE="http://127.0.0.1:$PORT"
PAGE="/api/v1/products?count=20"
OUT=${OUT:-$BENCH/results/shopizer-$(date -u +%Y%m%d-%H%M%S)}
mkdir -p "$OUT"
APP_PID=""
RUN_DIR=""

log() { echo "[shopizer $(date -u +%H:%M:%S)] $*" >&2; }

if [[ ! -f "$JAR" ]]; then
  log "no Shopizer jar at $JAR (build Shopizer 3.2.5 outside this repository and set SHOPIZER_JAR): not measured"
  exit 2
fi
if curl -s -o /dev/null "$BASE/" 2>/dev/null; then
  log "something already answers on $BASE: not measured"
  exit 1
fi

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
  [[ -n "$RUN_DIR" ]] && rm -rf "$RUN_DIR"
}
trap cleanup EXIT INT TERM

# ---------------------------------------------------------------- start on a fresh H2 database
RUN_DIR=$(mktemp -d /tmp/rivendo-bench-shopizer.XXXXXX)
log "starting Shopizer on $BASE (its database in $RUN_DIR)"
(cd "$RUN_DIR" && exec java -Xms$HEAP -Xmx$HEAP -XX:+UseG1GC -jar "$JAR" --server.port="$PORT" \
  --server.address=127.0.0.1 >"$OUT/shopizer.log" 2>&1) &
APP_PID=$!
for i in $(seq 1 300); do
  [[ $(curl -s -o /dev/null -w '%{http_code}' "$BASE/actuator/health" 2>/dev/null) == 200 ]] && break
  kill -0 "$APP_PID" 2>/dev/null || { log "Shopizer did not start, see $OUT/shopizer.log"; exit 1; }
  [[ $i == 300 ]] && { log "Shopizer was not ready after 300 s"; exit 1; }
  sleep 1
done
log "ready after about $i s"

# ---------------------------------------------------------------- its products, through its admin API
token=$(curl -sf -H 'Content-Type: application/json' -d '{"username":"admin@shopizer.com","password":"password"}' \
  "$BASE/api/v1/private/login" | python3 -c 'import json, sys; print(json.load(sys.stdin)["token"])')
for n in $(seq -w 1 "$PRODUCTS"); do
  sku="BENCH-$n"
  body=$(printf '{"sku":"%s","available":true,"visible":true,"price":%s,"quantity":100,"inventory":{"quantity":100,"sku":"%s","price":{"defaultPrice":true,"price":%s}},"descriptions":[{"language":"en","name":"Bench product %s","friendlyUrl":"bench-product-%s","title":"Bench product %s","description":"A product of the side-by-side benchmark, number %s."}]}' \
    "$sku" "1$n.90" "$sku" "1$n.90" "$n" "$n" "$n" "$n")
  code=$(curl -s -o "$OUT/create.txt" -w '%{http_code}' -H "Authorization: Bearer $token" -H 'Content-Type: application/json' \
    -d "$body" "$BASE/api/v1/private/product?store=DEFAULT")
  [[ $code == 201 ]] || { log "creating $sku answered $code: $(cat "$OUT/create.txt")"; exit 1; }
done
listed=$(curl -sf "$BASE$PAGE" | tee "$OUT/list.json" | python3 -c 'import json, sys; print(len(json.load(sys.stdin)["products"]))')
bytes=$(stat -c %s "$OUT/list.json")
encoding=$(curl -s -o /dev/null -D - -H "Accept-Encoding: gzip, deflate" "$BASE$PAGE" | tr -d '\r' \
  | sed -n 's/^[Cc]ontent-[Ee]ncoding: *//p' | head -1)
expected=$(( PRODUCTS < 20 ? PRODUCTS : 20 ))
[[ $listed == "$expected" ]] || { log "$PAGE lists $listed products, not $expected"; exit 1; }
log "$PAGE lists $listed products ($bytes bytes)"

# ---------------------------------------------------------------- measuring
ticks=$(getconf CLK_TCK)
proc_cpu() { sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0; }
wrk_page() {
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 10s -s "$BENCH/saturation.lua" \
    -H "Accept-Encoding: gzip, deflate" -H "Accept: application/json" "$BASE$PAGE" | grep '^RESULT'
}
live_heap_mb() {
  jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
  jcmd "$APP_PID" GC.heap_info 2>/dev/null | sed -n 's/.*garbage-first heap.*used \([0-9]*\)K.*/\1/p' | awk '{ printf "%.0f", $1 / 1024 }'
}
log "warm-up: $ROUNDS × $WARMUP s"
for r in $(seq 1 "$ROUNDS"); do wrk_page "$WARMUP" | tee -a "$OUT/warmup.txt" >/dev/null; done
HEAP_WARM=$(live_heap_mb)
sleep 1
before=$(proc_cpu "$APP_PID")
line=$(wrk_page "$DURATION")
used=$(( $(proc_cpu "$APP_PID") - before ))
HEAP_AFTER=$(live_heap_mb)
echo "shopizer $line shop_ticks=$used heap_warm=$HEAP_WARM heap_after=$HEAP_AFTER bytes=$bytes encoding=${encoding:-none}" | tee "$OUT/page.txt" >&2

awk -v t="$ticks" -v login="$LOGIN_RPS" -v heap="$HEAP" '
  function val(name,   i, kv) { for (i = 2; i <= NF; i++) if (index($i, name "=") == 1) { split($i, kv, "="); return kv[2] } return 0 }
  { rps = val("rps"); req = val("requests")
    ratio = login > 0 ? sprintf("%.2f", rps / login) : "–"
    printf "| Shopizer 3.2.5 `/api/v1/products?count=20` (JSON, 20 products, H2 in-process) | %.0f | %s | %.0f ms | %.0f ms | %d | %.2f (database in-process) | – | – | – |\n",
      rps, ratio, val("p50_us") / 1000, val("p99_us") / 1000, val("not200") + val("socket_errors"), val("shop_ticks") * 1000 / t / req
    printf "\nShopizer: %d requests in %.1f s; live heap after a full GC %d MB after the warm-up, %d MB after the run (heap %s); %d bytes of JSON a list, content encoding with gzip accepted: %s.\n",
      req, val("seconds"), val("heap_warm"), val("heap_after"), heap, val("bytes"), val("encoding") }' "$OUT/page.txt"
