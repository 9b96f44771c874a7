-- POST a stock adjustment of +1 or -1 by the strategy in STRATEGY, on a random product.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

local strategy = os.getenv("STRATEGY") or "atomic"

request = function()
  local delta = math.random(2) == 1 and 1 or -1
  return wrk.format("POST", "/api/products/" .. math.random(products) .. "/stock-adjustments", json,
    string.format('{"delta": %d, "strategy": "%s"}', delta, strategy))
end
