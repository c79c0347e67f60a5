-- search-status.lua: the application list filtered by status, first
-- page, rotating over every status.
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local statuses = { "draft", "prereview_failed", "street_review", "street_publicity",
                   "center_review", "returned", "rejected", "announcement", "confirmed",
                   "withdrawn", "closed" }
local n = 0

common.run {
  init = function ()
    n = thread_index * 5
  end,
  request = function ()
    n = n + 1
    return common.get ("/api/v1/pubrent/applications?page_size=50&status=" .. statuses[n % #statuses + 1])
  end,
}
