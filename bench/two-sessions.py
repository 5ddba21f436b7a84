#!/usr/bin/env python3
"""Two-session lab benchmark (issue 16), against a running app:

1. What a second session costs: learner backends and the sandbox cluster's memory (PSS, so shared
   buffers are not counted once per process) with N learners using the one-session lab, then with
   each also using sessions A and B.
2. The latency from A's COMMIT to B's result on the page: B waits for A's row lock; the clock starts
   when the page sends A's COMMIT and stops when its first GET …/sessions after that answer holds
   B's result (what lab.js does).

Usage: bench/two-sessions.py BASE_URL SANDBOX_DATA_DIR ADMIN_SQL_COMMAND [learners] [rounds]
(bench/two-sessions.sh starts the app and passes these).
"""
import http.cookiejar
import json
import os
import statistics
import subprocess
import sys
import time
import urllib.request

BASE, SANDBOX_DIR, ADMIN_SQL = sys.argv[1], sys.argv[2], sys.argv[3]
LEARNERS = int(sys.argv[4]) if len(sys.argv) > 4 else 10
ROUNDS = int(sys.argv[5]) if len(sys.argv) > 5 else 40
LESSON = BASE + "/api/lab/postgresql/transactions"


class Learner:
    def __init__(self):
        self.jar = http.cookiejar.CookieJar()
        self.http = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.jar))
        self.http.open(BASE + "/tracks/postgresql/transactions").read()

    def token(self):
        return next(c.value for c in self.jar if c.name == "XSRF-TOKEN")

    def post(self, path, body):
        request = urllib.request.Request(
            LESSON + path, data=json.dumps(body).encode(), method="POST",
            headers={"Content-Type": "application/json", "X-XSRF-TOKEN": self.token()})
        return json.loads(self.http.open(request).read())

    def run(self, sql, session=None):
        body = {"sql": sql}
        if session:
            body["session"] = session
        return self.post("/run", body)

    def sessions(self):
        return json.loads(self.http.open(LESSON + "/sessions").read())["sessions"]


def admin(sql):
    return subprocess.run(ADMIN_SQL.split() + [sql], capture_output=True, text=True, check=True).stdout.strip()


def sandbox_pss_kb():
    total = 0
    for pid in os.listdir("/proc"):
        if not pid.isdigit():
            continue
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                cmd = f.read().decode(errors="replace")
            if "postgres" not in cmd:
                continue
            if SANDBOX_DIR not in cmd and os.readlink(f"/proc/{pid}/cwd") != SANDBOX_DIR:
                continue
            with open(f"/proc/{pid}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        total += int(line.split()[1])
        except (FileNotFoundError, PermissionError, ProcessLookupError):
            pass
    return total


def backends():
    return int(admin("select count(*) from pg_stat_activity where usename like 'lr\\_%'"))


learners = [Learner() for _ in range(LEARNERS)]
for learner in learners:
    learner.run("select count(*) from accounts;")
time.sleep(1)
one_backends, one_pss = backends(), sandbox_pss_kb()
for learner in learners:
    learner.run("begin; select count(*) from accounts;", "a")
    learner.run("begin; select count(*) from transfers;", "b")
time.sleep(1)
two_backends, two_pss = backends(), sandbox_pss_kb()
print(f"## a second session, {LEARNERS} learners")
print(f"learner backends: {one_backends} with the one-session lab, {two_backends} with A and B open too "
      f"({(two_backends - one_backends) / (2 * LEARNERS):.2f} per session)")
print(f"sandbox cluster PSS: {one_pss} kB, then {two_pss} kB: {(two_pss - one_pss) / (2 * LEARNERS):.0f} kB per session")
for learner in learners:
    learner.run("rollback;", "a")
    learner.run("rollback;", "b")

print(f"## from A's COMMIT to B's result on the page ({ROUNDS} rounds, one learner)")
learner = learners[0]
to_result, commit_only, polls, plain_commit, one_session = [], [], [], [], []
for _ in range(ROUNDS):
    # for scale, in the same rounds: a COMMIT nobody waits for, and a one-session run
    learner.run("begin; update accounts set balance = balance + 1 where id = 2;", "a")
    start = time.perf_counter()
    learner.run("commit;", "a")
    plain_commit.append((time.perf_counter() - start) * 1000)
    start = time.perf_counter()
    learner.run("select 1;")
    one_session.append((time.perf_counter() - start) * 1000)
    learner.run("begin; update accounts set balance = balance + 1 where id = 1;", "a")
    waiting = learner.run("update accounts set balance = balance - 1 where id = 1 returning balance;", "b")
    assert waiting["results"][-1]["kind"] == "waiting", waiting
    start = time.perf_counter()
    learner.run("commit;", "a")
    committed = time.perf_counter()
    tries = 0
    while True:
        tries += 1
        view = {s["name"]: s for s in learner.sessions()}
        if view["b"]["pending"]:
            break
        time.sleep(0.5)  # the page's poll interval
    to_result.append((time.perf_counter() - start) * 1000)
    commit_only.append((committed - start) * 1000)
    polls.append(tries)


def pct(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))]


print(f"for scale: a one-session run of select 1: p50 {pct(one_session, 50):.1f} ms; "
      f"a COMMIT in A that nobody waits for: p50 {pct(plain_commit, 50):.1f} ms, p95 {pct(plain_commit, 95):.1f} ms")
print(f"A's COMMIT answered: p50 {pct(commit_only, 50):.1f} ms, p95 {pct(commit_only, 95):.1f} ms")
print(f"B's result on the page: p50 {pct(to_result, 50):.1f} ms, p95 {pct(to_result, 95):.1f} ms, "
      f"max {max(to_result):.1f} ms; GETs needed: {statistics.mean(polls):.2f} on average, at most {max(polls)}")
