-- wrk script of bench/saturation.sh: counts the answers that are not 200 (a redirect to /login, an error page) and
-- prints one machine-readable line at the end: requests, seconds, req/s, p50 and p99 in microseconds, bad answers.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

function init(args)
  bad = 0
end

function response(status, headers, body)
  if status ~= 200 then
    bad = bad + 1
  end
end

function done(summary, latency, requests)
  local notOk = 0
  for _, thread in ipairs(threads) do
    notOk = notOk + thread:get("bad")
  end
  local e = summary.errors
  io.write(string.format("RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p99_us=%d max_us=%d not200=%d socket_errors=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(99), latency.max, notOk,
    e.connect + e.read + e.write + e.timeout))
end
