#!/usr/bin/env bash
# Lighthouse (accessibility, best practices, SEO) and the Nu HTML checker over the shop's pages, against a running
# shop with the demo data (e.g. java -jar target/rivendo-*.jar --spring.profiles.active=demo --server.port=8184).
# Signs in as the demo's Gold reseller with curl (CSRF token from the login page) and hands Lighthouse the session
# cookie with --extra-headers; puts one product in the cart so that the checkout has something to show.
# Tools: lighthouse 12.2.3 and vnu-jar from npm, installed once into .quality-tools (ignored by git); Chromium is
# Debian's (CHROME_PATH, /usr/bin/chromium). Reports and the pages' HTML go to target/quality.
# Usage: scripts/quality.sh [base-url] [activation-path]   (default http://localhost:8184; an /activate/<token> path
# adds the end customer's activation page). Run it when no build is running: it takes the build lock.
set -euo pipefail
BASE=${1:-http://localhost:8184}
ACTIVATION=${2:-}
HERE=$(cd "$(dirname "$0")/.." && pwd)
TOOLS=$HERE/.quality-tools
OUT=$HERE/target/quality
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
if [ ! -x "$TOOLS/node_modules/.bin/lighthouse" ] || [ ! -f "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
  mkdir -p "$TOOLS" && (cd "$TOOLS" && npm i -E --no-audit --no-fund lighthouse@12.2.3 vnu-jar >/dev/null)
fi
mkdir -p "$OUT/html"
JAR=$OUT/cookies.txt
rm -f "$JAR"

csrf() { grep -o 'name="_csrf" value="[^"]*"' | head -1 | sed 's/.*value="//;s/"$//'; }
token=$(curl -s -c "$JAR" -b "$JAR" "$BASE/login" | csrf)
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "email=gold@demo.rivendo.it" \
  --data-urlencode "password=demo1234" --data-urlencode "_csrf=$token" "$BASE/login"
token=$(curl -s -c "$JAR" -b "$JAR" "$BASE/catalog" | csrf)
curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "product=FIRMA-REMOTA-1A" --data-urlencode "mode=SPID" \
  --data-urlencode "quantity=1" --data-urlencode "_csrf=$token" "$BASE/cart/items"
COOKIE=$(awk '!/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")

pages=("login:/login:anonymous" "home:/:reseller" "catalog:/catalog:reseller" "checkout:/checkout:reseller")
[ -n "$ACTIVATION" ] && pages+=("activation:$ACTIVATION:anonymous")

printf '%-12s %14s %15s %5s\n' page accessibility best-practices seo | tee "$OUT/summary.txt"
for entry in "${pages[@]}"; do
  IFS=: read -r name path who <<<"$entry"
  headers=()
  [ "$who" = reseller ] && headers=(--extra-headers "{\"Cookie\": \"$COOKIE\"}")
  if [ "$who" = reseller ]; then
    curl -s -b "$JAR" "$BASE$path" > "$OUT/html/$name.html"
  else
    curl -s "$BASE$path" > "$OUT/html/$name.html"
  fi
  flock /tmp/rivendo-build.lock "$TOOLS/node_modules/.bin/lighthouse" "$BASE$path" "${headers[@]}" --quiet \
    --only-categories=accessibility,best-practices,seo --output=json --output-path="$OUT/$name.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1 || true
  node -e '
    const r = require(process.argv[1]); const c = r.categories;
    const s = k => c[k] ? Math.round(c[k].score * 100) : "-";
    console.log(process.argv[2].padEnd(12), String(s("accessibility")).padStart(14),
      String(s("best-practices")).padStart(15), String(s("seo")).padStart(5));' "$OUT/$name.json" "$name" \
    | tee -a "$OUT/summary.txt"
done

# the Nu HTML checker over these pages and any HTML the browser tests saved (target/pages)
shopt -s nullglob
files=("$OUT"/html/*.html "$HERE"/target/pages/*.html)
errors=$(java -jar "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --format gnu "${files[@]}" 2>&1 || true)
count=$(printf '%s' "$errors" | grep -c . || true)
printf '%s\n' "$errors" > "$OUT/vnu.txt"
echo "Nu HTML checker: $count errors over ${#files[@]} pages (details in target/quality/vnu.txt)" | tee -a "$OUT/summary.txt"
