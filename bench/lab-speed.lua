-- wrk script for bench/lab-speed.sh: each wrk thread is one learner (run wrk with as many
-- connections as threads). Learner N's cookies come from the curl cookie jar
-- $LAB_LEARNERS/N.jar, which bench/lab-speed.sh filled by loading a page and running once.
-- Every cookie of the jar is sent, not just the session's: the lab may hand out more (a lab pass,
-- say) and refresh them, so a Set-Cookie in any response replaces that cookie from then on, and a
-- new XSRF-TOKEN becomes the X-XSRF-TOKEN header too. The body is $LAB_BODY (JSON).
-- $LAB_MAX_RUNS (optional): each learner stops after that many answers.
-- At the end it prints "non-2xx: N" (N = 0 when all went well) and the first few failures.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
  thread:set("id", #threads)
end

local cookies, order = {}, {}
local request_text
-- globals, so that done() can read them from each thread with thread:get
runs, failures, failed = 0, 0, ""
local max_runs = tonumber(os.getenv("LAB_MAX_RUNS") or "")

local function set_cookie(name, value)
  if cookies[name] == nil then table.insert(order, name) end
  cookies[name] = value
end

-- A curl cookie jar: tab-separated domain, subdomains, path, secure, expiry, name, value; lines
-- starting with "#" are comments except "#HttpOnly_", curl's mark for an HttpOnly cookie. The jar
-- holds this learner's cookies for the app's host only, so all of them are sent.
local function read_jar(file)
  for line in io.lines(file) do
    line = line:gsub("^#HttpOnly_", "")
    if line ~= "" and line:sub(1, 1) ~= "#" then
      local fields = {}
      for field in (line .. "\t"):gmatch("([^\t]*)\t") do table.insert(fields, field) end
      if #fields >= 7 then set_cookie(fields[6], fields[7]) end
    end
  end
end

local function build_request()
  local pairs_ = {}
  for _, name in ipairs(order) do
    if cookies[name] ~= nil then table.insert(pairs_, name .. "=" .. cookies[name]) end
  end
  local headers = {
    ["Content-Type"] = "application/json",
    ["Cookie"] = table.concat(pairs_, "; "),
    ["X-XSRF-TOKEN"] = cookies["XSRF-TOKEN"],
  }
  request_text = wrk.format("POST", nil, headers, wrk.body)
end

function init(args)
  read_jar(os.getenv("LAB_LEARNERS") .. "/" .. id .. ".jar")
  wrk.method = "POST"
  wrk.body = os.getenv("LAB_BODY")
  build_request()
end

function request()
  return request_text
end

-- "name=value; Path=/; ..." -> a cookie set, or removed when it expires at once
local function apply_set_cookie(header)
  local name, value = header:match("^%s*([^=;]+)=([^;]*)")
  if not name then return end
  local attributes = header:lower()
  if attributes:find("max%-age=0") or attributes:find("expires=thu, 01 jan 1970") then
    cookies[name] = nil
  else
    set_cookie(name, value)
  end
end

function response(status, headers, body)
  runs = runs + 1
  if status < 200 or status > 299 then
    failures = failures + 1
    if failures <= 3 then
      failed = failed .. "  learner " .. id .. ": HTTP " .. status .. " " .. string.sub(body or "", 1, 300) .. "\n"
    end
  end
  -- wrk keeps one value per header name: of several Set-Cookie headers in one response only the
  -- last is seen here (the others stay as they were)
  for name, value in pairs(headers) do
    if name:lower() == "set-cookie" then
      apply_set_cookie(value)
      build_request()
    end
  end
  if max_runs and runs >= max_runs then
    wrk.thread:stop()
  end
end

function done(summary, latency, requests)
  local total, answered, text = 0, 0, ""
  for _, thread in ipairs(threads) do
    total = total + thread:get("failures")
    answered = answered + thread:get("runs")
    text = text .. thread:get("failed")
  end
  io.write(string.format("answers: %d\nnon-2xx: %d\n%s", answered, total, text))
end
