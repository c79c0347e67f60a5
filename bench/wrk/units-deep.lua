-- units-deep.lua: a deep page of the unfiltered unit list (page
-- ANJU_BENCH_DEEP_PAGE of 50 rows, 90 % of the way down: the OFFSET
-- a person reaches by scrolling far), plus a few pages around it.
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local deep, n = 1, 0

common.run {
  init = function ()
    deep = tonumber (os.getenv ("ANJU_BENCH_DEEP_PAGE") or "1")
    n = thread_index * 13
  end,
  request = function ()
    n = n + 1
    local page = math.max (1, deep - n % 10)
    return common.get (string.format ("/api/v1/pubrent/units?page=%d&page_size=50", page))
  end,
}
