-- search-name.lua: application search by an applicant's name (?q=),
-- rotating over names that exist.
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local names, n = nil, 0

common.run {
  init = function ()
    names = common.lines ("names.txt")
    n = thread_index * 7919
  end,
  request = function ()
    n = n + 1
    return common.get ("/api/v1/pubrent/applications?page_size=50&q=" .. common.escape (names[n % #names + 1]))
  end,
}
