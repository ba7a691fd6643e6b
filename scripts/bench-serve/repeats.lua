-- wrk: render requests of which REPEAT (default 0.9) repeat one of 10 fixed images and the rest
-- are new images (a size never asked before), for the cache benchmark. New images stay close to
-- 1200x675 (widths 1210-1289, heights 600-749, a distinct pair per request), so that a miss
-- costs what a repeat's first render cost and memory measures the cache, not ever larger images.
local f = assert(io.open(os.getenv("BODY"), "rb"))
local body = f:read("*a")
f:close()
-- BODY ends with "height":675,"width":1200}}; split it there.
local cut = assert(body:find('"height":675,"width":1200}}', 1, true))
local prefix, suffix = body:sub(1, cut - 1), "}}"
local repeat_share = tonumber(os.getenv("REPEAT") or "0.9")
local headers = { ["Content-Type"] = "application/json" }

local threads = {}
local next_id = 0
function setup(thread)
  thread:set("id", next_id)
  next_id = next_id + 1
  table.insert(threads, thread)
end

s200, s503, sother, fresh = 0, 0, 0, 0
function init(args) math.randomseed(1000 + id) end

function request()
  local w, h = 0, 675
  if math.random() < repeat_share then
    w = 1200 + math.random(0, 9)
  else
    fresh = fresh + 1
    -- Thread `id` takes heights 600 + 75 * id ... (two threads: 600-674 and 675-749).
    local n = fresh - 1
    w = 1210 + n % 80
    h = 600 + 75 * id + math.floor(n / 80) % 75
  end
  return wrk.format("POST", nil, headers, prefix .. '"height":' .. h .. ',"width":' .. w .. suffix)
end

function response(status, headers, body)
  if status == 200 then s200 = s200 + 1 elseif status == 503 then s503 = s503 + 1 else sother = sother + 1 end
end

function done(summary, latency, requests)
  local a, b, c, n = 0, 0, 0, 0
  for _, t in ipairs(threads) do
    a = a + t:get("s200"); b = b + t:get("s503"); c = c + t:get("sother"); n = n + t:get("fresh")
  end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"ok":%d,"busy":%d,"other":%d,"fresh":%d,"socket_errors":%d,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, a, b, c, n, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
