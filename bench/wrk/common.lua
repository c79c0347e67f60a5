-- common.lua: what every scenario of bench/run-bench.sh shares.
--
-- A scenario script starts with
--   local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")
-- and hands its request function to common.run (); common then installs
-- wrk's setup/init/request/response/done globals.  It adds the bearer
-- token (ANJU_BENCH_TOKEN), counts non-2xx answers per thread, and prints
-- one machine-readable line at the end, which run-bench.sh parses:
--
--   anju-bench-result {"scenario":"units-first","connections":16,...}
--
-- Latencies are wrk's (microseconds, from the request's first byte sent
-- to the answer's last byte read), reported in milliseconds.

local common = {}

common.token = os.getenv ("ANJU_BENCH_TOKEN")
common.data_dir = os.getenv ("ANJU_BENCH_DATA") or "."
common.scenario = os.getenv ("ANJU_BENCH_SCENARIO") or "unnamed"
common.connections = tonumber (os.getenv ("ANJU_BENCH_CONNECTIONS") or "0")

-- The threads, kept by setup () so done () can read their counters
-- (done runs in the setup environment, not in the threads').
local threads = {}

function common.headers (json_body)
  local headers = { ["Accept"] = "application/json" }
  if common.token ~= nil and common.token ~= "" then
    headers["Authorization"] = "Bearer " .. common.token
  end
  if json_body then
    headers["Content-Type"] = "application/json"
  end
  return headers
end

function common.get (path)
  return wrk.format ("GET", path, common.headers (false), nil)
end

function common.post (path, body)
  return wrk.format ("POST", path, common.headers (body ~= nil), body)
end

-- The lines of a sample file written by run-bench.sh (one value a line).
function common.lines (name)
  local values = {}
  local file = io.open (common.data_dir .. "/" .. name, "r")
  if file == nil then
    error ("anju-bench: missing sample file " .. common.data_dir .. "/" .. name)
  end
  for line in file:lines () do
    if line ~= "" then
      values[#values + 1] = line
    end
  end
  file:close ()
  if #values == 0 then
    error ("anju-bench: empty sample file " .. name)
  end
  return values
end

-- Percent-encoding of a query value (names are UTF-8 Chinese).
function common.escape (text)
  return (string.gsub (text, "[^%w%-%._~]", function (c)
    return string.format ("%%%02X", string.byte (c))
  end))
end

-- A monotonic clock in seconds, for scenarios whose threads stop early
-- (a used-up pool): wrk's own duration is the whole run.
local ffi = require ("ffi")
ffi.cdef [[
  typedef struct { long tv_sec; long tv_nsec; } anju_timespec;
  int clock_gettime (int clock_id, anju_timespec *tp);
]]
function common.now ()
  local ts = ffi.new ("anju_timespec")
  ffi.C.clock_gettime (1, ts) -- CLOCK_MONOTONIC
  return tonumber (ts.tv_sec) + tonumber (ts.tv_nsec) / 1e9
end

-- Per-thread counters (globals of the thread's own Lua state).
thread_index = 0
thread_count = 1
non2xx = 0
ok = 0
first_at = 0
last_at = 0

-- scenario: { request = function () -> request string,
--             response = optional function (status, headers, body),
--             init = optional function (),
--             extra = optional function (threads) -> table of extra numbers }
function common.run (scenario)
  function setup (thread)
    thread:set ("thread_index", #threads)
    threads[#threads + 1] = thread
  end

  function init (args)
    thread_count = tonumber (os.getenv ("ANJU_BENCH_THREADS") or "2")
    if scenario.init ~= nil then
      scenario.init ()
    end
  end

  request = scenario.request

  function response (status, headers, body)
    local now = common.now ()
    if first_at == 0 then
      first_at = now
    end
    last_at = now
    if status < 200 or status > 299 then
      non2xx = non2xx + 1
      if non2xx <= 3 then
        io.stderr:write (string.format ("anju-bench: %s: HTTP %d %s\n", common.scenario,
                                        status, string.sub (body or "", 1, 300)))
      end
    else
      ok = ok + 1
    end
    if scenario.response ~= nil then
      scenario.response (status, headers, body)
    end
  end

  function done (summary, latency, requests)
    local non2xx_total, ok_total = 0, 0
    local first, last = nil, 0
    for _, thread in ipairs (threads) do
      non2xx_total = non2xx_total + (thread:get ("non2xx") or 0)
      ok_total = ok_total + (thread:get ("ok") or 0)
      local f, l = thread:get ("first_at") or 0, thread:get ("last_at") or 0
      if f > 0 and (first == nil or f < first) then
        first = f
      end
      if l > last then
        last = l
      end
    end
    local errors = summary.errors
    local socket_errors = errors.connect + errors.read + errors.write + errors.timeout
    local seconds = summary.duration / 1e6
    -- A scenario whose threads stopped early (approvals ran out of open
    -- tasks) counts over the time it was answered, not the whole run.
    if scenario.stops_early and first ~= nil and last > first then
      seconds = math.min (seconds, last - first)
    end
    local fields = {
      string.format ('"scenario":"%s"', common.scenario),
      string.format ('"connections":%d', common.connections),
      string.format ('"requests":%d', summary.requests),
      string.format ('"ok":%d', ok_total),
      string.format ('"seconds":%.3f', seconds),
      string.format ('"rps":%.1f', seconds > 0 and summary.requests / seconds or 0),
      string.format ('"p50_ms":%.2f', latency:percentile (50.0) / 1000),
      string.format ('"p90_ms":%.2f', latency:percentile (90.0) / 1000),
      string.format ('"p99_ms":%.2f', latency:percentile (99.0) / 1000),
      string.format ('"max_ms":%.2f', latency.max / 1000),
      string.format ('"non2xx":%d', non2xx_total),
      string.format ('"socket_errors":%d', socket_errors),
      string.format ('"bytes":%d', summary.bytes),
    }
    if scenario.extra ~= nil then
      for name, value in pairs (scenario.extra (threads)) do
        fields[#fields + 1] = string.format ('"%s":%s', name, tostring (value))
      end
    end
    io.write ("anju-bench-result {" .. table.concat (fields, ",") .. "}\n")
  end
end

return common
