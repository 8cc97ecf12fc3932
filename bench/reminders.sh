#!/bin/sh
# The daily renewal reminders at 10,000 and 100,000 active services of 300 resellers, without HTTP: the first day
# (everything within 90 days reminded at once) and an ordinary next day, in seconds and milliseconds per service
# (see RenewalRemindersBenchmark). Runs under the shared build lock, on its own database; the table it prints goes
# into docs/performance.md.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${BENCH_DB:-rivendo_bench_reminders}
OUT=${BENCH_OUT:-$ROOT/bench/results/reminders-$(date -u +%Y%m%d-%H%M%S).txt}
mkdir -p "$(dirname "$OUT")"
cd "$ROOT"
TEST_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" flock /tmp/rivendo-build.lock ./mvnw -q -B -ntp test \
  -Dtest=RenewalRemindersBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.out="$OUT"
echo "renewal reminders benchmark: $OUT"
cat "$OUT"
