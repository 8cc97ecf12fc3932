#!/usr/bin/env bash
# Pages at full load (issue 22): every page of a signed-in reseller, the login page and a trivial page, each driven
# by wrk at saturation (2 threads, 32 connections, no think time) in one run, so that their ratios compare.
#   1. a fresh database ($DB) with the demo data plus a few bench resellers and products (bench/data/base.sql),
#   2. the shop started on it (127.0.0.1:$PORT, profiles demo and bench: /bench/ping is the trivial page),
#   3. a reseller (gold@demo) logged in with curl, one product in the cart,
#   4. warm-up: every page for $WARMUP s, then each page for $DURATION s: req/s, p50, p99, answers other than 200,
#      CPU ms per request of the shop's JVM and of PostgreSQL (the database's backends and the server's background
#      processes, from /proc/<pid>/stat), database transactions and rows read per request,
#   5. the live heap (after a full GC) after the warm-up and after the run,
#   6. BUY=1: the Gatling buy scenario (BUYERS resellers, no think time, BUY_DURATION s after BUY_WARMUP s) and the
#      shop's CPU per paid order (its logins, pages, payments, the invoices made after them and the purchase e-mail,
#      sent once to bench/smtp_sink.py; the e-mails sent and their attempts are in the report),
#   7. SHOPIZER=1: the shop stopped, then bench/shopizer.sh (Shopizer 3.2.5's public product list with the same wrk
#      settings, from a jar built outside the repository) in the same run: its row joins the table.
# Run it holding the build lock, so that no build shares the cores:  flock /tmp/rivendo-build.lock bench/saturation.sh
# Results: bench/results/saturation-<time>.md (and the raw wrk lines in saturation-<time>/).
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/.." && pwd)
BENCH="$ROOT/bench"
PORT=${PORT_BENCH:-18107}
DB=${BENCH_DB:-rivendo_bench_perf}
DURATION=${DURATION:-10}          # seconds per page
WARMUP=${WARMUP:-3}               # seconds per page of warm-up, before any measurement
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-32}
BUY=${BUY:-1}
BUYERS=${BUYERS:-8}
BUY_DURATION=${BUY_DURATION:-20}
BUY_WARMUP=${BUY_WARMUP:-10}      # seconds of the buy scenario before the measured one (its code paths warm)
HEAP=${HEAP:-512m}
JFR=${JFR:-0}
PG="-h 127.0.0.1 -p 5432 -U postgres"
source "$BENCH/mail_sink.sh"
BASE="http://127.0.0.1:$PORT"
STAMP=$(date -u +%Y%m%d-%H%M%S)
OUT="$BENCH/results/saturation-$STAMP"
REPORT="$BENCH/results/saturation-$STAMP.md"
mkdir -p "$OUT"
# what is measured, taken now (the tree may change while the run goes on): the commit and whether files differ from it
COMMIT=$(cd "$ROOT" && git rev-parse --short HEAD)
DIRTY=$(cd "$ROOT" && git status --porcelain --untracked-files=no | wc -l)
if [[ "$DIRTY" == 0 ]]; then TREE="clean"; else TREE="dirty: $DIRTY tracked files differ from it"; fi
APP_PID=""
RESELLER=${RESELLER:-gold@demo.rivendo.it}
PRODUCT=${PRODUCT:-FIRMA-REMOTA-1A}
PAGES=(/login /bench/ping / /catalog "/products/$PRODUCT" /cart /checkout /account/services /orders /account/credit)
# PAGES_ONLY="/catalog /login" measures only those (e.g. for a JFR profile of them)
[[ -n "${PAGES_ONLY:-}" ]] && read -r -a PAGES <<<"$PAGES_ONLY"

log() { echo "[saturation $(date -u +%H:%M:%S)] $*" >&2; }
log "commit $COMMIT, work tree $TREE"

cleanup() {
  if [[ -n "$APP_PID" ]] && kill -0 "$APP_PID" 2>/dev/null; then
    kill "$APP_PID" 2>/dev/null || true
    for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$APP_PID" 2>/dev/null || true
  fi
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
if [[ "$BUY" == 1 ]]; then
  log "compiling the Gatling simulations"
  (cd "$ROOT" && ./mvnw -q -B -ntp -f bench/gatling/pom.xml test-compile)
fi

dropdb $PG --if-exists --force "$DB"
createdb $PG "$DB"
JVM_OPTS=(-Xms$HEAP -Xmx$HEAP -XX:+UseG1GC)
if [[ "$JFR" == 1 ]]; then
  JVM_OPTS+=("-XX:FlightRecorderOptions:stackdepth=512" "-XX:StartFlightRecording=filename=$OUT/shop.jfr,settings=profile,dumponexit=true")
fi
mail_sink_start "$OUT/mail-sink.txt"
log "starting the shop on $BASE (its e-mails to bench/smtp_sink.py on port $MAIL_PORT)"
SPRING_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" PORT=$PORT RIVENDO_PUBLIC_URL="$BASE" \
  RIVENDO_EMBEDDED_SMTP=false SPRING_MAIL_PORT="$MAIL_PORT" \
  SPRING_PROFILES_ACTIVE=demo,bench RIVENDO_DB_POOL_SIZE=${POOL:-20} \
  java "${JVM_OPTS[@]}" -jar "$JAR" >"$OUT/shop.log" 2>&1 &
APP_PID=$!
for i in $(seq 1 180); do
  curl -sf "$BASE/actuator/health/readiness" >/dev/null 2>&1 && break
  kill -0 "$APP_PID" 2>/dev/null || { log "the shop did not start, see $OUT/shop.log"; exit 1; }
  [[ $i == 180 ]] && { log "the shop was not ready after 180 s"; exit 1; }
  sleep 1
done
psql $PG -q -v products=100 -v resellers=$(( BUYERS + 2 )) -f "$BENCH/data/base.sql" "$DB"

# ---------------------------------------------------------------- a signed-in reseller with one product in the cart
JARF="$OUT/reseller.cookies"
csrf_of() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
csrf=$(curl -s -c "$JARF" -b "$JARF" "$BASE/login" | csrf_of)
curl -s -o /dev/null -c "$JARF" -b "$JARF" --data-urlencode "email=$RESELLER" --data-urlencode "password=demo1234" \
  --data-urlencode "_csrf=$csrf" "$BASE/login"
csrf=$(curl -s -c "$JARF" -b "$JARF" "$BASE/products/$PRODUCT" | csrf_of)
curl -s -o /dev/null -c "$JARF" -b "$JARF" --data-urlencode "product=$PRODUCT" --data-urlencode "mode=SPID" \
  --data-urlencode "_csrf=$csrf" "$BASE/cart/items"
COOKIE=$(awk '!/^#/ || /^#HttpOnly_/ { if (NF >= 7) printf "%s=%s; ", $6, $7 }' "$JARF" | sed 's/; $//')
for page in "${PAGES[@]}"; do
  [[ $page == /login || $page == /bench/ping ]] && continue
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: $COOKIE" "$BASE$page")
  [[ $code == 200 ]] || { log "$page answers $code to the signed-in reseller"; exit 1; }
done

# ---------------------------------------------------------------- measuring
ticks=$(getconf CLK_TCK)
proc_cpu() { # pid -> utime + stime in ticks (fields 14 and 15, counted after the command name)
  sed 's/.*) //' "/proc/$1/stat" 2>/dev/null | awk '{ print $12 + $13 }' || echo 0
}
pg_pids() { psql $PG -Atc "select pid from pg_stat_activity where datname = '$DB' or backend_type <> 'client backend'" postgres; }
declare -A PG_START
pg_snapshot() { PG_START=(); for p in $(pg_pids); do PG_START[$p]=$(proc_cpu "$p"); done; }
pg_used() { local s=0 now; for p in $(pg_pids); do now=$(proc_cpu "$p"); s=$(( s + now - ${PG_START[$p]:-0} )); done; echo $s; }
db_counters() { psql $PG -Atc "select xact_commit + xact_rollback, tup_returned + tup_fetched from pg_stat_database where datname = '$DB'" postgres; }
sessions() { psql $PG -Atc "select count(*) from spring_session" "$DB"; }
live_heap_mb() {
  jcmd "$APP_PID" GC.run >/dev/null 2>&1 || true
  jcmd "$APP_PID" GC.heap_info 2>/dev/null | sed -n 's/.*garbage-first heap.*used \([0-9]*\)K.*/\1/p' | awk '{ printf "%.0f", $1 / 1024 }'
}
wrk_page() { # seconds page -> the RESULT line
  local headers=(-H "Accept-Encoding: gzip, deflate" -H "Accept: text/html")
  [[ $2 == /login || $2 == /bench/ping ]] || headers+=(-H "Cookie: $COOKIE")
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"$1"s --timeout 10s -s "$BENCH/saturation.lua" "${headers[@]}" "$BASE$2" | grep '^RESULT'
}

log "warm-up: every page for $WARMUP s"
for _ in 1 2; do for page in "${PAGES[@]}"; do wrk_page "$WARMUP" "$page" >/dev/null; done; done
HEAP_WARM=$(live_heap_mb)
REQUESTS_TOTAL=0
LOAD_START=$(cut -d' ' -f1-3 /proc/loadavg)
: >"$OUT/pages.txt"
for page in "${PAGES[@]}"; do
  sessions_before=$(sessions)
  sleep 1
  read -r xact_before rows_before < <(db_counters | tr '|' ' ')
  shop_before=$(proc_cpu "$APP_PID"); pg_snapshot
  from=$(date -u +%H:%M:%S)
  line=$(wrk_page "$DURATION" "$page")
  to=$(date -u +%H:%M:%S)
  shop_used=$(( $(proc_cpu "$APP_PID") - shop_before )); pg_used_ticks=$(pg_used)
  sleep 1
  read -r xact_after rows_after < <(db_counters | tr '|' ' ')
  sessions_after=$(sessions)
  echo "$page $line shop_ticks=$shop_used pg_ticks=$pg_used_ticks xact=$(( xact_after - xact_before )) rows=$(( rows_after - rows_before )) sessions_added=$(( sessions_after - sessions_before )) from=$from to=$to" | tee -a "$OUT/pages.txt" >&2
done
HEAP_AFTER=$(live_heap_mb)
REQUESTS_TOTAL=$(awk '{ for (i = 1; i <= NF; i++) if ($i ~ /^requests=/) { split($i, kv, "="); s += kv[2] } } END { print s }' "$OUT/pages.txt")

# ---------------------------------------------------------------- CPU per paid order
BUY_LINE="not measured (BUY=0)"
if [[ "$BUY" == 1 ]]; then
  buy() { # seconds output
    (cd "$ROOT" && ./mvnw -q -B -ntp -f bench/gatling/pom.xml gatling:test -Dgatling.simulationClass=rivendo.bench.BuySimulation \
       -Dgatling.failOnAssertionFailure=false -Dbase="$BASE" -Dbuyers="$BUYERS" -Dduration="$1" \
       -Dresellers=$(( BUYERS + 2 )) -Dproducts=100) >"$2" 2>&1 || log "Gatling reported a failure (see $2)"
  }
  log "Gatling buy scenario: warm-up, $BUY_WARMUP s"
  buy "$BUY_WARMUP" "$OUT/gatling-buy-warmup.txt"
  log "Gatling buy scenario: $BUYERS buyers, no think time, $BUY_DURATION s"
  sleep 2
  orders_before=$(psql $PG -Atc "select count(*) from purchase_order" "$DB")
  shop_before=$(proc_cpu "$APP_PID"); pg_snapshot
  from=$(date -u +%H:%M:%S)
  buy "$BUY_DURATION" "$OUT/gatling-buy.txt"
  to=$(date -u +%H:%M:%S)
  shop_used=$(( $(proc_cpu "$APP_PID") - shop_before )); pg_used_ticks=$(pg_used)
  orders=$(( $(psql $PG -Atc "select count(*) from purchase_order" "$DB") - orders_before ))
  # the buy scenario's window and CPU in pages.txt's format, one "request" a paid order (bench/layers.py, profile.py)
  echo "buy requests=$orders shop_ticks=$shop_used pg_ticks=$pg_used_ticks from=$from to=$to" >"$OUT/buy.txt"
  failed=$(grep -Eo 'failed[^|]*\|[^|]*' "$OUT/gatling-buy.txt" | head -1 || true)
  BUY_LINE=$(awk -v o="$orders" -v s="$shop_used" -v p="$pg_used_ticks" -v t="$ticks" -v d="$BUY_DURATION" 'BEGIN {
    if (o == 0) { print "no order paid"; exit }
    printf "%d orders paid in %d s (%.1f a second); CPU per paid order: shop %.1f ms, PostgreSQL %.1f ms", o, d, o / d, s * 1000 / t / o, p * 1000 / t / o }')
  sleep 3  # the outbox sender's next round (every 2 s) sends the last orders' e-mails
  read -r mail_sent mail_unsent mail_attempts < <(psql $PG -Atc "select count(*) filter (where status = 'SENT'),
    count(*) filter (where status <> 'SENT'), coalesce(sum(attempts), 0) from mail_outbox" "$DB" | tr '|' ' ')
  BUY_LINE="$BUY_LINE; e-mails of the whole run: $mail_sent sent in $mail_attempts attempts, $mail_unsent not sent"
  log "$BUY_LINE"
fi

# ---------------------------------------------------------------- Shopizer's product list, in the same run
SHOPIZER_ROW=""; SHOPIZER_NOTE=""
if [[ "${SHOPIZER:-0}" == 1 ]]; then
  log "stopping the shop, then Shopizer's product list (bench/shopizer.sh)"
  kill "$APP_PID" 2>/dev/null || true
  for _ in $(seq 1 40); do kill -0 "$APP_PID" 2>/dev/null || break; sleep 0.5; done
  login_rps=$(awk '$1 == "/login" { for (i = 2; i <= NF; i++) if ($i ~ /^rps=/) { split($i, kv, "="); print kv[2] } }' "$OUT/pages.txt")
  if LOGIN_RPS="$login_rps" OUT="$OUT/shopizer" DURATION="$DURATION" THREADS="$THREADS" CONNECTIONS="$CONNECTIONS" \
      HEAP="$HEAP" "$BENCH/shopizer.sh" >"$OUT/shopizer.md"; then
    SHOPIZER_ROW=$(grep '^| Shopizer' "$OUT/shopizer.md")
    SHOPIZER_NOTE=$(grep '^Shopizer:' "$OUT/shopizer.md")
  else
    SHOPIZER_NOTE="Shopizer: not measured (bench/shopizer.sh failed, see its log above)."
  fi
fi

# ---------------------------------------------------------------- the report
{
  echo "# Pages at full load, $(date -u '+%Y-%m-%d %H:%M') UTC"
  echo
  echo "wrk, $THREADS threads, $CONNECTIONS connections, no think time, $DURATION s per page after a warm-up of"
  echo "2 × $WARMUP s per page; signed in as $RESELLER (one product in the cart); gzip accepted. $(nproc) cores, load"
  echo "$LOAD_START at the start, $(cut -d' ' -f1-3 /proc/loadavg) at the end. Commit $COMMIT at the start of the run (work tree $TREE)."
  echo
  echo "| page | req/s | × /login | p50 | p99 | not 200 / errors | CPU ms/request (shop + PostgreSQL) | transactions/request | rows read/request | session rows added |"
  echo "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|"
  awk -v t="$ticks" '
    function val(name,   i, kv) { for (i = 2; i <= NF; i++) if (index($i, name "=") == 1) { split($i, kv, "="); return kv[2] } return 0 }
    { page[NR] = $1; rps[NR] = val("rps"); p50[NR] = val("p50_us") / 1000; p99[NR] = val("p99_us") / 1000
      bad[NR] = val("not200") + val("socket_errors"); req[NR] = val("requests")
      shop[NR] = val("shop_ticks") * 1000 / t / req[NR]; pg[NR] = val("pg_ticks") * 1000 / t / req[NR]
      xact[NR] = val("xact") / req[NR]; rows[NR] = val("rows") / req[NR]; sess[NR] = val("sessions_added")
      if (page[NR] == "/login") login = rps[NR] }
    END { for (i = 1; i <= NR; i++)
      printf "| `%s` | %.0f | %s | %.0f ms | %.0f ms | %d | %.2f + %.2f | %.2f | %.0f | %d |\n", page[i], rps[i], (login > 0 ? sprintf("%.2f", rps[i] / login) : "–"),
        p50[i], p99[i], bad[i], shop[i], pg[i], xact[i], rows[i], sess[i] }' "$OUT/pages.txt"
  [[ -n "$SHOPIZER_ROW" ]] && echo "$SHOPIZER_ROW"
  echo
  awk '$1 == "/login" { for (i = 2; i <= NF; i++) if ($i ~ /^rps=/) { split($i, kv, "="); l = kv[2] } }
       $1 == "/bench/ping" { for (i = 2; i <= NF; i++) if ($i ~ /^rps=/) { split($i, kv, "="); p = kv[2] } }
       END { if (p > 0) printf "/login at %.2f× the trivial page (/bench/ping).\n", l / p }' "$OUT/pages.txt"
  if [[ -n "$SHOPIZER_ROW" ]]; then
    echo
    echo "$SHOPIZER_NOTE"
    awk -v s="$(echo "$SHOPIZER_ROW" | awk -F'|' '{ print $3 + 0 }')" '
      $1 != "/login" && $1 != "/bench/ping" { for (i = 2; i <= NF; i++) if ($i ~ /^rps=/) { split($i, kv, "="); r = kv[2] / s }
        n++; if (n == 1 || r < lo) { lo = r; lp = $1 } if (n == 1 || r > hi) { hi = r; hp = $1 } if (r < 1) behind = behind " " $1 }
      END { printf "Reseller pages at %.2f× (%s) to %.2f× (%s) Shopizer'"'"'s product list; %s.\n", lo, lp, hi, hp,
        behind == "" ? "every one ahead of it" : "behind it:" behind }' "$OUT/pages.txt"
  elif [[ -n "$SHOPIZER_NOTE" ]]; then
    echo; echo "$SHOPIZER_NOTE"
  fi
  echo
  echo "Live heap after a full GC: $HEAP_WARM MB after the warm-up, $HEAP_AFTER MB after the $REQUESTS_TOTAL measured requests (heap $HEAP)."
  echo
  echo "Buy scenario: $BUY_LINE."
} >"$REPORT"
cat "$REPORT"
log "report: $REPORT"
