-- GET a page of 20.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", "/api/products?limit=20&offset=" .. math.random(0, products - 20))
end
