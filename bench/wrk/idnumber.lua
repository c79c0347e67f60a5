-- idnumber.lua: resident ID numbers (GB 11643-1999) for the submit
-- scenario, the same check character as shared/anju-id-number.c.
--
-- idnumber.make (n) is a valid, distinct number for every n in
-- [0, 3,650,000): address 430100 (长沙市市辖区, the city's own code,
-- which no generated person has: the generated households' elders were
-- born in 1935-1944 too, and one of them in 430104 made one submit of a
-- city run a 409), a birth date in 1935-1944 (day n / 1000) and the
-- sequence n % 1000.
local idnumber = {}

local weights = { 7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2 }
local checks = "10X98765432"

function idnumber.check_char (first17)
  local sum = 0
  for i = 1, 17 do
    sum = sum + (string.byte (first17, i) - 48) * weights[i]
  end
  local r = sum % 11
  return string.sub (checks, r + 1, r + 1)
end

function idnumber.make (n)
  -- Noon, so no daylight-saving hour moves the date.
  local t = os.time { year = 1935, month = 1, day = 1 + math.floor (n / 1000), hour = 12 }
  local first17 = "430100" .. os.date ("%Y%m%d", t) .. string.format ("%03d", n % 1000)
  return first17 .. idnumber.check_char (first17)
end

return idnumber
