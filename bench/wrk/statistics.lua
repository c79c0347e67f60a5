-- statistics.lua: the statistics page's one request (every count over
-- the caller's scope, 12 months), as the center.
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local req = nil

common.run {
  init = function ()
    req = common.get ("/api/v1/pubrent/statistics?months=12")
  end,
  request = function ()
    return req
  end,
}
