-- GET the first page of 20, with the total: what a catalogue's front page asks on every visit.
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

request = function()
  return wrk.format("GET", "/api/products?limit=20")
end
