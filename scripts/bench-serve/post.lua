-- wrk: POST one JSON body (BODY file), count answers by status, print a JSON summary.
local f = assert(io.open(os.getenv("BODY"), "rb"))
wrk.method = "POST"
wrk.body = f:read("*a")
f:close()
wrk.headers["Content-Type"] = "application/json"

local threads = {}
function setup(thread) table.insert(threads, thread) end

s200, s503, sother = 0, 0, 0
function response(status, headers, body)
  if status == 200 then s200 = s200 + 1 elseif status == 503 then s503 = s503 + 1 else sother = sother + 1 end
end

function done(summary, latency, requests)
  local a, b, c = 0, 0, 0
  for _, t in ipairs(threads) do a = a + t:get("s200"); b = b + t:get("s503"); c = c + t:get("sother") end
  local e = summary.errors
  io.write(string.format(
    '{"requests":%d,"seconds":%.3f,"ok":%d,"busy":%d,"other":%d,"socket_errors":%d,' ..
    '"p50_ms":%.3f,"p90_ms":%.3f,"p99_ms":%.3f,"max_ms":%.3f}\n',
    summary.requests, summary.duration / 1e6, a, b, c, e.connect + e.read + e.write + e.timeout,
    latency:percentile(50) / 1000, latency:percentile(90) / 1000, latency:percentile(99) / 1000, latency.max / 1000))
end
