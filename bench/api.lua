-- wrk script of bench/api.sh: each thread is one integrator (its own reseller and API key, from the environment:
-- API_KEY_1..API_KEY_n, one thread per key). MODE=orders: POST /api/v1/orders with a new Idempotency-Key each time
-- (a paid order each); MODE=services: GET /api/v1/services. Counts the answers other than the expected one and
-- prints one machine-readable line at the end: requests, seconds, req/s, p50 and p99 in microseconds, bad answers.
local threads = {}
local counter = 1

function setup(thread)
  thread:set("n", counter)
  counter = counter + 1
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  sent = 0
  mode = os.getenv("MODE") or "orders"
  key = os.getenv("API_KEY_" .. n)
  stamp = os.getenv("STAMP") or "run"
  product = os.getenv("PRODUCT") or "BENCH-0001"
  expected = (mode == "orders") and 201 or 200
  body = '{"lines": [{"product_code": "' .. product .. '", "mode": "SPID", "quantity": 1}],'
    .. ' "billing": {"customer_type": "company", "company_name": "Studio Rossi S.r.l.", "vat_number": "01114601006",'
    .. ' "street": "Via del Corso 12", "postal_code": "00186", "city": "Roma", "province": "RM", "country": "IT",'
    .. ' "sdi_code": "M5UXCR1"}}'
end

function request()
  sent = sent + 1
  if mode == "orders" then
    return wrk.format("POST", "/api/v1/orders", {
      ["Authorization"] = "Bearer " .. key,
      ["Content-Type"] = "application/json",
      ["Idempotency-Key"] = stamp .. "-" .. n .. "-" .. sent }, body)
  end
  return wrk.format("GET", "/api/v1/services?limit=50", { ["Authorization"] = "Bearer " .. key })
end

function response(status, headers, body)
  if status ~= expected then
    bad = bad + 1
    if bad <= 3 then
      io.stderr:write("unexpected " .. status .. ": " .. string.sub(body or "", 1, 300) .. "\n")
    end
  end
end

function done(summary, latency, requests)
  local notOk = 0
  for _, thread in ipairs(threads) do
    notOk = notOk + thread:get("bad")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p99_us=%d max_us=%d bad=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, notOk,
    e.connect + e.read + e.write + e.timeout))
end
