-- search-id.lua: application search by a full ID number (?q=), rotating
-- over ID numbers of applicants that exist.
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local ids, n = nil, 0

common.run {
  init = function ()
    ids = common.lines ("id-numbers.txt")
    n = thread_index * 7919
  end,
  request = function ()
    n = n + 1
    return common.get ("/api/v1/pubrent/applications?page_size=50&q=" .. ids[n % #ids + 1])
  end,
}
