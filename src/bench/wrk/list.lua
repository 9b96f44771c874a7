-- GET a page of 20 by offset, as the original's clients page (offsets up to the service's bound, 10,000).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", "/api/products?limit=20&offset=" .. math.random(0, math.min(products - 20, 10000)))
end
