-- GET a filtered, sorted page: names containing four random digits, in stock, priced 50 or more, dearest first.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", string.format("/api/products?limit=20&name=%04d&in_stock=true&min_price=50&sort=-price",
    math.random(0, 9999)))
end
