-- wrk script for the soak: session.lua's cookie and closing line, with requests cycling through the
-- pages given in BENCH_PATHS ("|"-separated).
dofile((debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "session.lua")

local paths = {}
for p in string.gmatch(os.getenv("BENCH_PATHS") or "/", "[^|]+") do
  table.insert(paths, p)
end
local i = 0

setup = function(thread)
  thread:set("offset", #paths > 0 and math.random(#paths) or 1)
end

request = function()
  i = i + 1
  return wrk.format("GET", paths[(i + (offset or 0)) % #paths + 1])
end
