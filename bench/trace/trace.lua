-- wrk script: the public lookup, GET /api/v1/public/trace/{traceCode}, round robin over the trace codes in a file (one
-- a line), each thread starting at its own place in the list so that two threads do not ask for the same gift in lock
-- step. Counts every answer by status and prints the totals as "status <code> <count>" lines, then the latency
-- percentiles and the maximum, so that the caller can tell a 200 from a 429 (the public rate limit) or a 404.
--
-- usage: wrk -t2 -c16 -d30s --latency -s bench/trace/trace.lua http://127.0.0.1:8080 -- CODES_FILE THREADS

local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("tid", #threads)
end

function init(args)
  codes = {}
  for line in io.lines(args[1]) do
    if #line > 0 then table.insert(codes, line) end
  end
  if #codes == 0 then error("no trace codes in " .. args[1]) end
  -- each thread begins at its own share of the list (a thread does not know how many there are: the caller says, as
  -- the second argument)
  local nthreads = tonumber(args[2] or "1") or 1
  counter = math.floor((tid - 1) * #codes / nthreads)
  statuses = {}
end

function request()
  counter = counter + 1
  local code = codes[(counter - 1) % #codes + 1]
  return wrk.format("GET", "/api/v1/public/trace/" .. code)
end

function response(status, hdrs, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status ~= 200 and statuses[status] <= 3 then
    io.stderr:write("answer " .. status .. ": " .. string.sub(body or "", 1, 400) .. "\n")
  end
end

function done(summary, latency, requests)
  local total = {}
  for _, thread in ipairs(threads) do
    local s = thread:get("statuses")
    for code, count in pairs(s) do total[code] = (total[code] or 0) + count end
  end
  for code, count in pairs(total) do io.write(string.format("status %d %d\n", code, count)) end
  io.write(string.format("duration_us %d\n", summary.duration))
  io.write(string.format("requests %d\n", summary.requests))
  io.write(string.format("errors connect=%d read=%d write=%d status=%d timeout=%d\n", summary.errors.connect,
    summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
  for _, p in ipairs({50, 90, 99, 99.9}) do
    io.write(string.format("latency_p%s_ms %.2f\n", tostring(p), latency:percentile(p) / 1000.0))
  end
  io.write(string.format("latency_max_ms %.2f\n", latency.max / 1000.0))
  io.write(string.format("latency_mean_ms %.2f\n", latency.mean / 1000.0))
end
