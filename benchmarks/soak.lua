-- wrk script for the soak: the benchmark user's session cookie, requests cycling through the pages
-- given in BENCH_PATHS ("|"-separated); at the end one machine-readable line, as session.lua.
local cookie = os.getenv("BENCH_COOKIE")
if cookie and cookie ~= "" then
  wrk.headers["Cookie"] = cookie
end
local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^|]+") do
  table.insert(paths, p)
end
local i = 0

setup = function(thread)
  thread:set("offset", #paths > 0 and math.random(#paths) or 1)
end

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i + (offset or 0)) % #paths + 1])
end

done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    'BENCH {"requests": %d, "duration_us": %d, "bytes": %d, "socket_errors": %d, "status_errors": %d, ' ..
    '"p50": %d, "p95": %d, "p99": %d}\n',
    summary.requests, summary.duration, summary.bytes, e.connect + e.read + e.write + e.timeout, e.status,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
