-- GET a product, then PUT it back with the version just read. Run with one connection per thread
-- (wrk -t equal to -c), so that every thread strictly alternates GET and PUT on its connection.
-- HOT_ROW=1 makes every client work on product 1.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

local hot = os.getenv("HOT_ROW") == "1"
local read = nil

request = function()
  if read then
    local body = string.format('{"name": "Bench", "price": 9.99, "stock_quantity": %d, "version": %s}',
      math.random(1, 1000), read.version)
    local put = wrk.format("PUT", "/api/products/" .. read.id, json, body)
    read = nil
    putting = true
    return put
  end
  putting = false
  return wrk.format("GET", "/api/products/" .. (hot and 1 or math.random(products)))
end

response = function(status, headers, body)
  count(status)
  if not putting and status == 200 and body then
    local id, version = body:match('"id":(%d+)'), body:match('"version":(%d+)')
    if id and version then
      read = { id = id, version = version }
    end
  end
end
