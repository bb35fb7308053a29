-- wrk script: restricted gifts, POST /api/v1/donations, each request with its own Idempotency-Key, spread round
-- robin over the projects named on the command line, from many donors. Counts every answer by status and prints
-- the totals as "status <code> <count>" lines, plus the latency percentiles, so that the caller counts only 201s.
--
-- usage: wrk -t2 -c32 -d30s -s bench/http/gifts.lua http://127.0.0.1:8080 -- TOKEN FUND PROJECTS RECEIVED_AT KEY_PREFIX
--   PROJECTS is comma-separated; RECEIVED_AT is an ISO-8601 time inside the projects' window (e.g. an hour ago).

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  token, fund, received, prefix = args[1], args[2], args[4], args[5]
  projects = {}
  for code in string.gmatch(args[3], "[^,]+") do table.insert(projects, code) end
  counter = 0
  statuses = {}
  replayed = 0
  headers = {
    ["Authorization"] = "Bearer " .. token,
    ["Content-Type"] = "application/json",
  }
end

function request()
  counter = counter + 1
  local n = counter
  -- tid differs per thread, so that two threads do not send the same project in lock step
  local project = projects[(n + tid * 7) % #projects + 1]
  local donor = (n * 2 + tid) % 20000
  headers["Idempotency-Key"] = prefix .. "-" .. tid .. "-" .. n
  local body = string.format(
    '{"fundCode":"%s","projectCode":"%s","amount":"%d.%02d","channel":"WECHAT_PAY",' ..
    '"donor":{"name":"居民%d","kind":"PERSON","phone":"139%08d"},"receivedAt":"%s","note":"社区义捐"}',
    fund, project, n % 500 + 1, n % 100, donor, donor, received)
  return wrk.format("POST", "/api/v1/donations", headers, body)
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
  if hdrs["Idempotent-Replayed"] ~= nil then replayed = replayed + 1 end
  if status ~= 201 and (statuses[status] or 0) <= 3 then
    io.stderr:write("answer " .. status .. ": " .. string.sub(body or "", 1, 400) .. "\n")
  end
end

function done(summary, latency, requests)
  local total = {}
  local replays = 0
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, count in pairs(s) do total[code] = (total[code] or 0) + count end
    replays = replays + (thread:get("replayed") or 0)
  end
  for code, count in pairs(total) do io.write(string.format("status %d %d\n", code, count)) end
  io.write(string.format("replayed %d\n", replays))
  io.write(string.format("duration_us %d\n", summary.duration))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("errors connect=%d read=%d write=%d status=%d timeout=%d\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({50, 90, 99}) do
    io.write(string.format("latency_p%d_ms %.2f\n", p, latency:percentile(p) / 1000.0))
  end
  io.write(string.format("latency_mean_ms %.2f\n", latency.mean / 1000.0))
end
