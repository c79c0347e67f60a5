-- approve.lua: a street reviewer approves the street_review step of an
-- application (POST /api/v1/workflow/instances/{id}/actions), which moves
-- it on to the street publicity.  Each instance can be approved once, so
-- run-bench.sh prepares a pool of open street_review tasks of the street
-- user (approve-pool.txt, instance ids) and each thread takes its own
-- share of it, in order.  A thread whose share is used up stops; the
-- rate is then counted over the time answers came (common.lua).
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")

local pool, position = {}, 0
local body = '{"action":"approve","comment":"材料齐全，同意（压力测试）"}'
exhausted = 0

common.run {
  stops_early = true,
  init = function ()
    local all = common.lines (os.getenv ("ANJU_BENCH_POOL") or "approve-pool.txt")
    for i = thread_index + 1, #all, thread_count do
      pool[#pool + 1] = all[i]
    end
  end,
  request = function ()
    position = position + 1
    if position > #pool then
      exhausted = 1
      wrk.thread:stop ()
      -- Something must go out while the thread stops: a read that
      -- changes nothing.
      return common.get ("/api/v1/health")
    end
    return common.post ("/api/v1/workflow/instances/" .. pool[position] .. "/actions", body)
  end,
  extra = function (threads)
    local exhausted_threads = 0
    for _, thread in ipairs (threads) do
      exhausted_threads = exhausted_threads + (thread:get ("exhausted") or 0)
    end
    return { pool_exhausted_threads = exhausted_threads }
  end,
}
