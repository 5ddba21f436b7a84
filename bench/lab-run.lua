-- wrk script: each wrk thread is one learner with its own session (cookie + CSRF token), read
-- from the file that bench/lab.sh prepares, so 32 threads are 32 learners running "select 1".
local sessions = {}
for line in io.lines(os.getenv("LAB_SESSIONS")) do table.insert(sessions, line) end
local count = 0
function setup(thread)
  count = count + 1
  thread:set("id", count)
end
function init(args)
  local session, token = sessions[id]:match("(%S+) (%S+)")
  wrk.method = "POST"
  wrk.body = '{"sql":"select 1"}'
  wrk.headers["Content-Type"] = "application/json"
  wrk.headers["Cookie"] = "SESSION=" .. session .. "; XSRF-TOKEN=" .. token
  wrk.headers["X-XSRF-TOKEN"] = token
end
