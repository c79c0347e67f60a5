-- submit.lua: a walk-in application made and submitted, as the kiosk and
-- the desktop do: POST /api/v1/pubrent/applications (a unique applicant
-- with a valid ID number) and, once it is answered, POST …/{id}/submit,
-- which pre-reviews it and starts its review (a street_review task that
-- approve.lua can act on later).  Both are writes; each is one request.
--
-- Every run gets its own ID numbers: ANJU_BENCH_SEQ_BASE (from
-- run-bench.sh) + thread_index * 100,000 + a counter.
local common = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/common.lua")
local idnumber = dofile (os.getenv ("ANJU_BENCH_WRK_DIR") .. "/idnumber.lua")

local to_submit = {}
local next_person = 0
submitted = 0
prereview_failed = 0
created = 0

local surnames = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴" }
local given = { "芳", "伟", "娜", "敏", "静", "强", "磊", "洋", "艳", "勇" }

local function body_for (n)
  local name = surnames[n % 10 + 1] .. given[math.floor (n / 10) % 10 + 1] .. given[math.floor (n / 100) % 10 + 1]
  return string.format (
    '{"business_type":"open_physical","applicant_name":"%s","id_no":"%s",' ..
    '"phone":"139%08d","hukou_county_code":"430104","household_size":1,' ..
    '"annual_income_per_capita":"30000.00","annual_income_total":"30000.00",' ..
    '"floor_area_per_capita":"10.00","floor_area_total":"10.00",' ..
    '"members":[{"relation":"self","hukou_years":5}]}',
    name, idnumber.make (n), n % 100000000)
end

common.run {
  init = function ()
    next_person = tonumber (os.getenv ("ANJU_BENCH_SEQ_BASE") or "0") + thread_index * 100000
  end,
  request = function ()
    local id = table.remove (to_submit)
    if id ~= nil then
      return common.post ("/api/v1/pubrent/applications/" .. id .. "/submit", nil)
    end
    next_person = next_person + 1
    return common.post ("/api/v1/pubrent/applications", body_for (next_person))
  end,
  response = function (status, headers, body)
    if status == 201 then
      created = created + 1
      local id = string.match (body, '^{"id"%s*:%s*(%d+)')
      if id ~= nil then
        to_submit[#to_submit + 1] = id
      end
    elseif status == 200 then
      submitted = submitted + 1
      if string.find (body, '"status"%s*:%s*"prereview_failed"') then
        prereview_failed = prereview_failed + 1
      end
    end
  end,
  extra = function (threads)
    local totals = { created = 0, submitted = 0, prereview_failed = 0 }
    for _, thread in ipairs (threads) do
      for name in pairs (totals) do
        totals[name] = totals[name] + (thread:get (name) or 0)
      end
    end
    return totals
  end,
}
