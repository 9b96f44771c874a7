-- POST a new product.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

local body = '{"name": "Bench", "description": "created by the benchmark", "price": 9.99, "stock_quantity": 5}'

request = function()
  return wrk.format("POST", "/api/products", json, body)
end
