-- Shared by every scenario: counts answers by status class per thread, and prints one JSON line at the end.
local threads = {}

function setup(thread)
  thread:set("id", #threads + 1)
  table.insert(threads, thread)
end

function init(args)
  counts = { [2] = 0, [3] = 0, [4] = 0, [5] = 0 }
  math.randomseed(os.time() * 1000 + id)
end

function count(status)
  local class = math.floor(status / 100)
  counts[class] = (counts[class] or 0) + 1
end

function response(status, headers, body)
  count(status)
end

function done(summary, latency, requests)
  local total = { [2] = 0, [3] = 0, [4] = 0, [5] = 0 }
  for _, thread in ipairs(threads) do
    local c = thread:get("counts")
    for class = 2, 5 do total[class] = total[class] + (c[class] or 0) end
  end
  local e = summary.errors
  io.write(string.format(
    'RESULT {"requests": %d, "seconds": %.3f, "p50_ms": %.2f, "p99_ms": %.2f, "s2xx": %d, "s3xx": %d, "s4xx": %d, "s5xx": %d, "socket_errors": %d}\n',
    summary.requests, summary.duration / 1e6, latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    total[2], total[3], total[4], total[5], e.connect + e.read + e.write + e.timeout))
end

products = tonumber(os.getenv("BENCH_PRODUCTS") or "1000")
json = { ["Content-Type"] = "application/json" }
-- Writes carry the bearer token run.sh minted (reads are public, as the service ships them).
if os.getenv("BENCH_TOKEN") then json["Authorization"] = "Bearer " .. os.getenv("BENCH_TOKEN") end
