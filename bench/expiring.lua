-- wrk script of RenewalsBenchmark#expiringPageAndDashboard (bench/renewals.sh): "In scadenza" read by signed-in
-- users from a process of its own (the load does not share the shop's JVM, its heap or its threads), 30, 60 and 90
-- days in turn, a think time after each answer (uniform in 0.5-1.5 s: 1 s on average, so that the connections,
-- which wrk opens all at once, drift apart instead of arriving together every second). The session cookie comes
-- with -H. Counts the answers that are not the page and prints one machine-readable line at the end.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
  n = 0
  math.randomseed(os.time() + #threads)
end

function request()
  n = n + 1
  local days = ({30, 60, 90})[n % 3 + 1]
  return wrk.format("GET", "/account/services/expiring?days=" .. days)
end

-- EXPIRING_THINK=0: no think time (one user reading as fast as the shop answers: the page's own time)
local think = os.getenv("EXPIRING_THINK") ~= "0"

function delay()
  if think then
    return math.random(500, 1500)
  end
  return 0
end

function response(status, headers, body)
  if status ~= 200 or not string.find(body, "in scadenza entro", 1, true) then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local notOk = 0
  for _, thread in ipairs(threads) do
    notOk = notOk + thread:get("bad")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p95_us=%d p99_us=%d max_us=%d bad=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(95), latency:percentile(99), latency.max, notOk,
    e.connect + e.read + e.write + e.timeout))
end
