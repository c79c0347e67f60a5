-- health.lua: GET /api/v1/health, no sign-in: the server's HTTP ceiling
-- (TLS, routing, a small JSON answer, no database work).
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local req = nil

common.run {
  init = function ()
    req = wrk.format ("GET", "/api/v1/health", { ["Accept"] = "application/json" }, nil)
  end,
  request = function ()
    return req
  end,
}
