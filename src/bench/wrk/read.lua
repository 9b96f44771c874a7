-- GET one product by id.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", "/api/products/" .. math.random(products))
end
