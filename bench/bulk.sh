#!/bin/sh
# The bulk order ("Ordine multiplo") at 100 and 1,000 rows, without HTTP: upload (read, check, store), preview and
# confirm, in seconds, milliseconds per row and bytes allocated (see BulkOrderBenchmark). Runs under the shared
# build lock, on its own database; the table it prints goes into docs/performance.md.
set -e
ROOT=$(cd "$(dirname "$0")/.." && pwd)
DB=${BENCH_DB:-rivendo_bench_bulk}
OUT=${BENCH_OUT:-$ROOT/bench/results/bulk-$(date -u +%Y%m%d-%H%M%S).txt}
mkdir -p "$(dirname "$OUT")"
cd "$ROOT"
TEST_DATASOURCE_URL="jdbc:postgresql://127.0.0.1:5432/$DB" flock /tmp/rivendo-build.lock ./mvnw -q -B -ntp test \
  -Dtest=BulkOrderBenchmark -Dsurefire.failIfNoSpecifiedTests=false -Dbench.out="$OUT"
echo "bulk order benchmark: $OUT"
cat "$OUT"
