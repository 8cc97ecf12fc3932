#!/usr/bin/env bash
# Lighthouse (accessibility, best practices, SEO) and the Nu HTML checker over the shop's pages, against a running
# shop with the demo data (e.g. java -jar target/rivendo-*.jar --spring.profiles.active=demo --server.port=8184).
# Signs in as the demo's Gold reseller with curl (CSRF token from the login page) and hands Lighthouse the session
# cookie with --extra-headers; puts one product in the cart so that the checkout has something to show.
# Tools: lighthouse 12.2.3 and vnu-jar from npm, installed once into .quality-tools (ignored by git); Chromium is
# Debian's (CHROME_PATH, /usr/bin/chromium). Reports and the pages' HTML go to target/quality.
# The end customer's activation page needs a personal link: unless one is given, the script makes one through the
# running shop as a reseller would (the Gold reseller pays one product at checkout with its own billing data and
# associates the service with an end customer's e-mail), then reads the link from the activation e-mail in the
# staff outbox (signed in as the demo's staff). Then it puts one product in the cart again for the checkout page.
# Usage: scripts/quality.sh [base-url] [activation-path]   (default http://localhost:8184; an /activate/<token> path
# instead of making one). Run it when no build is running: it takes the build lock for each Lighthouse run.
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
add_to_cart() {
  local token
  token=$(curl -s -c "$JAR" -b "$JAR" "$BASE/catalog" | csrf)
  curl -s -c "$JAR" -b "$JAR" -o /dev/null --data-urlencode "product=FIRMA-REMOTA-1A" --data-urlencode "mode=SPID" \
    --data-urlencode "quantity=1" --data-urlencode "_csrf=$token" "$BASE/cart/items"
}
# the fields a form would send as the page fills them (inputs, checked boxes, chosen options), plus name=value pairs
form_fields() {
  python3 -c '
import sys, urllib.parse
from html.parser import HTMLParser
marker, extra = sys.argv[1], sys.argv[2:]
class Form(HTMLParser):
    inside, fields, select = False, [], None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and marker in (a.get("data-testid"), a.get("action")):
            self.inside = True
        if not self.inside or "disabled" in a:
            return
        if tag == "input" and a.get("name"):
            if a.get("type") in ("checkbox", "radio") and "checked" not in a:
                return
            if a.get("type") == "checkbox" and a.get("value") is None:
                a["value"] = "on"
            self.fields.append((a["name"], a.get("value") or ""))
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select and "selected" in a:
            self.fields.append((self.select, a.get("value") or ""))
    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        if tag == "select":
            self.select = None
form = Form()
form.feed(sys.stdin.read())
names = {n.split("=", 1)[0] for n in extra}
fields = [f for f in form.fields if f[0] not in names] + [tuple(n.split("=", 1)) for n in extra]
print(urllib.parse.urlencode(fields))' "$@"
}
activation_link() {
  add_to_cart
  curl -s -c "$JAR" -b "$JAR" "$BASE/checkout" | form_fields checkout-form confirmed=true \
    | curl -s -c "$JAR" -b "$JAR" -o /dev/null --data @- "$BASE/checkout"
  local service
  service=$(curl -s -c "$JAR" -b "$JAR" "$BASE/account/services" | grep -o '/account/services/[0-9]*/associate' | head -1)
  [ -n "$service" ] || { echo "no service to associate after paying at checkout" >&2; return 1; }
  curl -s -c "$JAR" -b "$JAR" "$BASE$service" \
    | form_fields "$service" email=cliente.quality@example.it name=Cliente confirmed=true \
    | curl -s -c "$JAR" -b "$JAR" -o /dev/null --data @- "$BASE$service"
  local staff=$OUT/staff-cookies.txt message
  rm -f "$staff"
  curl -s -c "$staff" -b "$staff" -o /dev/null --data-urlencode "email=staff@demo.rivendo.it" \
    --data-urlencode "password=demo1234" \
    --data-urlencode "_csrf=$(curl -s -c "$staff" -b "$staff" "$BASE/login" | csrf)" "$BASE/login"
  for message in $(curl -s -b "$staff" "$BASE/admin/outbox" | grep -o '/admin/outbox/[0-9]*"' | tr -d '"' | uniq); do
    curl -s -b "$staff" "$BASE$message" | grep -o '/activate/[A-Za-z0-9_-]*' | head -1 | grep . && return 0
  done
  echo "no activation e-mail in the outbox" >&2
  return 1
}
[ -n "$ACTIVATION" ] || ACTIVATION=$(activation_link)
echo "activation page: $ACTIVATION"
add_to_cart
# the session cookie is HttpOnly: curl writes it as a line starting "#HttpOnly_", which is not a comment
COOKIE=$(awk '{ sub(/^#HttpOnly_/, "") } !/^#/ && NF >= 7 { printf "%s%s=%s", (n++ ? "; " : ""), $6, $7 }' "$JAR")
case "$COOKIE" in *SESSION=*) ;; *) echo "not signed in: no session cookie from $BASE/login" >&2; exit 1 ;; esac

pages=("login:/login:anonymous" "home:/:reseller" "catalog:/catalog:reseller" "checkout:/checkout:reseller")
# the personal link keeps its token in a cookie and redirects to /activate: that is the page measured
[ -n "$ACTIVATION" ] && pages+=("activation:$ACTIVATION:anonymous:/activate")

printf '%-12s %14s %15s %5s\n' page accessibility best-practices seo | tee "$OUT/summary.txt"
for entry in "${pages[@]}"; do
  IFS=: read -r name path who lands <<<"$entry"
  headers=()
  [ "$who" = reseller ] && headers=(--extra-headers "{\"Cookie\": \"$COOKIE\"}")
  if [ "$who" = reseller ]; then
    curl -s -b "$JAR" "$BASE$path" > "$OUT/html/$name.html"
  else
    rm -f "$OUT/anonymous-cookies.txt"
    curl -s -L -c "$OUT/anonymous-cookies.txt" -b "$OUT/anonymous-cookies.txt" "$BASE$path" > "$OUT/html/$name.html"
  fi
  flock /tmp/rivendo-build.lock "$TOOLS/node_modules/.bin/lighthouse" "$BASE$path" "${headers[@]}" --quiet \
    --only-categories=accessibility,best-practices,seo --output=json --output-path="$OUT/$name.json" \
    --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage" >/dev/null 2>&1 || true
  # a page that sent Lighthouse elsewhere (to the login page: not signed in) was not measured
  node -e '
    const r = require(process.argv[1]); const c = r.categories;
    const s = k => c[k] ? Math.round(c[k].score * 100) : "-";
    const landed = new URL(r.finalDisplayedUrl || r.finalUrl).pathname;
    const asked = process.argv[3] || new URL(r.requestedUrl).pathname;
    const where = landed === asked ? "" : "   NOT MEASURED: landed on " + landed;
    console.log(process.argv[2].padEnd(12), String(s("accessibility")).padStart(14),
      String(s("best-practices")).padStart(15), String(s("seo")).padStart(5) + where);' "$OUT/$name.json" "$name" "$lands" \
    | tee -a "$OUT/summary.txt"
done

# the Nu HTML checker over these pages and any HTML the browser tests saved (target/pages)
shopt -s nullglob
files=("$OUT"/html/*.html "$HERE"/target/pages/*.html)
errors=$(java -jar "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --format gnu "${files[@]}" 2>&1 || true)
count=$(printf '%s' "$errors" | grep -c . || true)
printf '%s\n' "$errors" > "$OUT/vnu.txt"
echo "Nu HTML checker: $count errors over ${#files[@]} pages (details in target/quality/vnu.txt)" | tee -a "$OUT/summary.txt"
