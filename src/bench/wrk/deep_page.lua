-- GET a page of 20 by cursor anywhere in the catalogue: the cursor a client would hold after walking that far
-- (sort id: "id\n<last id>\n", base64url).
dofile(os.getenv("BENCH_WRK") .. "/common.lua")

local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"

local function base64url(text)
  local out = {}
  for i = 1, #text, 3 do
    local a, b, c = text:byte(i, i + 2)
    local n = a * 65536 + (b or 0) * 256 + (c or 0)
    local chars = 2 + (b and 1 or 0) + (c and 1 or 0)
    for k = 1, chars do
      local index = math.floor(n / 2 ^ (6 * (4 - k))) % 64
      out[#out + 1] = alphabet:sub(index + 1, index + 1)
    end
  end
  return table.concat(out)
end

request = function()
  local after = base64url("id\n" .. math.random(products - 20) .. "\n")
  return wrk.format("GET", "/api/products?limit=20&after=" .. after)
end
