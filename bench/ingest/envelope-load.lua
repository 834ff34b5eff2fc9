-- wrk script: POSTs Sentry envelopes with a fresh event_id per request, cycling through templates.
-- Templates are read from the file named by the BENCH_TEMPLATES env var, one per line (an envelope's own
-- newlines are written as __NL__), with __EVENT_ID__ marks (split once at init so a request only
-- concatenates strings).
local templates = {}
local counter = 0
local thread_tag = 0
local delay_ms = tonumber(os.getenv("BENCH_DELAY_MS") or "0")

function setup(thread)
  thread_tag = thread_tag + 1
  thread:set("thread_tag", thread_tag)
end

function init(args)
  local file = assert(io.open(os.getenv("BENCH_TEMPLATES"), "r"))
  for raw in file:lines() do
    local line = string.gsub(raw, "__NL__", "\n")
    local parts = {}
    local start = 1
    while true do
      local s, e = string.find(line, "__EVENT_ID__", start, true)
      if not s then break end
      parts[#parts + 1] = string.sub(line, start, s - 1)
      start = e + 1
    end
    parts[#parts + 1] = string.sub(line, start)
    templates[#templates + 1] = parts
  end
  file:close()
  math.randomseed(os.time() + (thread_tag or 0) * 7919)
  wrk.method = "POST"
  wrk.headers["Content-Type"] = nil
end

function delay()
  return delay_ms
end

function request()
  counter = counter + 1
  local id = string.format("%08x%08x%016x", thread_tag or 0, math.random(0, 0x7fffffff), counter)
  local parts = templates[(counter % #templates) + 1]
  local body = table.concat(parts, id)
  return wrk.format(nil, nil, nil, body)
end
