#!/bin/sh
# Renewals at scale (issue 16), see RenewalsBenchmark: the daily automatic renewal job at 10,000 and 100,000 active
# services (in-process), then "In scadenza" for a reseller holding 100,000 services read by 50 users over HTTP
# (p50/p95/p99), its CSV, and the staff dashboard's renewal figures. Each part takes the shared build lock on its
# own (a few minutes each), on its own database; the tables it prints go into docs/performance.md.
#   BENCH_SIZES=1000,10000 bench/renewals.sh    smaller job sizes
#   BENCH_PART=page bench/renewals.sh           only the page and the dashboard (BENCH_PART=job: only the job)
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${BENCH_DB:-rivendo_bench_renewals}
OUT=${BENCH_OUT:-$ROOT/bench/results/renewals-$(date -u +%Y%m%d-%H%M%S).txt}
PART=${BENCH_PART:-all}
mkdir -p "$(dirname "$OUT")"
cd "$ROOT"
run() { # test method, extra -D options
  method=$1; shift
  TEST_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" flock /tmp/rivendo-build.lock ./mvnw -q -B -ntp test \
    -Dtest="RenewalsBenchmark#$method" -Dsurefire.failIfNoSpecifiedTests=false -Dbench.out="$OUT" "$@"
}
if [ "$PART" != page ]; then
  run automaticRenewals ${BENCH_SIZES:+-Dbench.sizes=$BENCH_SIZES}
fi
if [ "$PART" != job ]; then
  run expiringPageAndDashboard -Dbench.services="${BENCH_SERVICES:-100000}" -Dbench.users="${BENCH_USERS:-50}" \
    -Dbench.seconds="${BENCH_SECONDS:-30}"
fi
echo "renewals benchmark: $OUT"
cat "$OUT"
