-- units-first.lua: the unit list's first page with filters, as the
-- desktop asks it: one project (rotating over every project) and a
-- state, 50 rows.
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local projects, states = nil, { "vacant", "allocated", "leased" }
local n = 0

common.run {
  init = function ()
    projects = common.lines ("project-ids.txt")
    n = thread_index * 7919
  end,
  request = function ()
    n = n + 1
    local project = projects[n % #projects + 1]
    local state = states[n % #states + 1]
    return common.get (string.format ("/api/v1/pubrent/units?project_id=%s&state=%s&page=1&page_size=50",
                                      project, state))
  end,
}
