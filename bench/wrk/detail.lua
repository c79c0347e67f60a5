-- detail.lua: an application's detail (with members, files, pre-review
-- report and process) and then its timeline, as the desktop's record
-- page asks them; rotating over existing applications.  Each of the two
-- is one request.
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local ids, n = nil, 0

common.run {
  init = function ()
    ids = common.lines ("application-ids.txt")
    n = thread_index * 15838
  end,
  request = function ()
    n = n + 1
    local id = ids[math.floor (n / 2) % #ids + 1]
    if n % 2 == 0 then
      return common.get ("/api/v1/pubrent/applications/" .. id)
    end
    return common.get ("/api/v1/pubrent/applications/" .. id .. "/timeline")
  end,
}
