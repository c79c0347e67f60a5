-- login.lua: POST /api/v1/auth/login with the right password.  Bounded by
-- the password KDF on purpose: run-bench.sh reports logins/s and the
-- server's CPU seconds per login rather than holding it to the list
-- budget.  Every answer is a new session (left to expire).
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local req = nil

common.run {
  init = function ()
    local body = string.format ('{"username":"%s","password":"%s"}',
                                os.getenv ("ANJU_BENCH_USERNAME"),
                                os.getenv ("ANJU_BENCH_PASSWORD"))
    req = wrk.format ("POST", "/api/v1/auth/login",
                      { ["Content-Type"] = "application/json", ["Accept"] = "application/json" },
                      body)
  end,
  request = function ()
    return req
  end,
}
