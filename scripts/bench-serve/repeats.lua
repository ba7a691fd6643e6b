-- wrk: render requests of which REPEAT (default 0.9) repeat one of 10 fixed images and the rest
-- are new images (a width never asked before), for the cache benchmark.
local f = assert(io.open(os.getenv("BODY"), "rb"))
local body = f:read("*a")
f:close()
-- BODY ends with "width":1200}}; split it there.
local cut = body:find('"width":1200}}', 1, true)
local prefix, suffix = body:sub(1, cut + 7), "}}"
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
  local w
  if math.random() < repeat_share then
    w = 1200 + math.random(0, 9)
  else
    fresh = fresh + 1
    w = 1300 + id * 3000 + fresh
  end
  return wrk.format("POST", nil, headers, prefix .. w .. suffix)
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
