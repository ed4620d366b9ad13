-- The Lua workload of ci/bench part 7 (programs): recursion, string
-- building and matching, table sort, closures and floating point. Prints one
-- line of results that every build must reproduce.
local function fib(n) if n < 2 then return n end return fib(n - 1) + fib(n - 2) end
local f = fib(30)

local parts = {}
for i = 1, 300000 do parts[#parts + 1] = string.format("%d:%x", i, i * 7) end
local s = table.concat(parts, ",")
local ones = select(2, s:gsub("1", "1"))
local words = 0
for _ in s:gmatch("%d+:%x+") do words = words + 1 end

local arr, x = {}, 42
for i = 1, 300000 do
  x = (x * 1103515245 + 12345) % 2147483648
  arr[i] = x
end
table.sort(arr)
table.sort(arr, function(a, b) return a > b end)

local function counter()
  local c = 0
  return function() c = c + 1 return c end
end
local acc = 0
for _ = 1, 100000 do
  local next = counter()
  for _ = 1, 10 do acc = acc + next() end
end

local sum = 0.0
for i = 1, 2000000 do sum = sum + math.sin(i) * 0.5 + math.sqrt(i) end

local objs = {}
for i = 1, 200000 do objs[i] = { id = i, name = "n" .. (i % 1000), v = i * 0.5 } end
local byname = {}
for _, o in ipairs(objs) do byname[o.name] = (byname[o.name] or 0) + o.v end
local total = 0
for _, v in pairs(byname) do total = total + v end

print(string.format("%d %d %d %d %d %d %.6f %.1f", f, #s, ones, words,
  arr[1] - arr[#arr], acc, sum, total))
