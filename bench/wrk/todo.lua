-- todo.lua: a street user's to-do list, first page (ANJU_BENCH_TOKEN is
-- the street user's).
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local req = nil

common.run {
  init = function ()
    req = common.get ("/api/v1/todo?page_size=50")
  end,
  request = function ()
    return req
  end,
}
