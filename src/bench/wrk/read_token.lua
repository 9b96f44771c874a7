-- GET one product by id, with the writer's bearer token: what a client that sends its token on every request
-- costs (the service reuses a token it verified, see VerifiedTokens; the peer verifies each one).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", "/api/products/" .. math.random(products), json)
end
