#!/usr/bin/env python3
"""Load scenario for live results: many SSE viewers of one ballot, a steady trickle of votes.

Start an instance with the Prometheus endpoint exposed and room for the streams, e.g.

    ulimit -n 20000
    OPONN_DATABASE_URL=... java -jar target/oponn-*.jar \
        --management.endpoints.web.exposure.include=health,prometheus

then run  python3 bench/live_results.py --port 8080 --viewers 10000 --votes 60 [--pid <java pid>]

Viewers connect from 127.0.x.y addresses, 40 per address, to stay under the per-client cap (Linux routes all of
127/8 to loopback). With --pid, heap per viewer is measured with jcmd (full GC before and after the viewers
connect). Prints the viewers the server counts, the commit-to-write latency percentiles (from the server's own
histogram) and heap per viewer. Results depend on the machine; this is a measurement, not a test.
"""
import argparse
import asyncio
import http.cookiejar
import re
import subprocess
import time
import urllib.error
import urllib.parse
import urllib.request


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def csrf(jar):
    return next(c.value for c in jar if c.name == "oponn_csrf_token")


def session(base, first_path):
    jar = http.cookiejar.CookieJar()
    client = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())
    client.open(base + first_path).read()
    return client, jar


def create_ballot(base):
    client, jar = session(base, "/create")
    fields = {"X-CSRF-Token": csrf(jar), "measure": "Benchmark ballot", "options_raw": "yes, no",
              "start_time_type": "now", "duration_mins": "0"}
    try:
        client.open(base + "/create", urllib.parse.urlencode(fields).encode())
    except urllib.error.HTTPError as redirect:
        return redirect.headers["Location"].rsplit("/", 1)[1]
    raise SystemExit("create did not redirect")


def vote(base, ballot, option):
    client, jar = session(base, "/vote/" + ballot)
    fields = {"X-CSRF-Token": csrf(jar), "option_id": str(option)}
    try:
        client.open(base + "/vote/" + ballot, urllib.parse.urlencode(fields).encode())
    except urllib.error.HTTPError as redirect:
        if redirect.code != 303:
            raise


def metrics(base):
    return urllib.request.urlopen(base + "/actuator/prometheus").read().decode()


def percentiles(text):
    rows = []
    for line in text.splitlines():
        m = re.match(r'oponn_live_fanout_latency_seconds_bucket\{le="([^"]+)"\} (\S+)', line)
        if m:
            rows.append((float(m.group(1).replace("+Inf", "inf")), float(m.group(2))))
    total = rows[-1][1] if rows else 0
    result = {}
    for q in (0.5, 0.9, 0.99, 0.999):
        result[q] = next((le for le, count in rows if total and count >= q * total), None)
    return total, result


def gauge(text, name):
    m = re.search(r"^" + name + r" (\S+)$", text, re.M)
    return float(m.group(1)) if m else 0.0


def heap_kb(pid):
    subprocess.run(["jcmd", str(pid), "GC.run"], capture_output=True, check=True)
    info = subprocess.run(["jcmd", str(pid), "GC.heap_info"], capture_output=True, text=True, check=True).stdout
    used = 0
    for line in info.splitlines():
        m = re.search(r"^\s*\S+\s+total \d+K, used (\d+)K", line)
        if m:
            used += int(m.group(1))
    return used


async def viewer(port, ballot, index, state):
    address = "127.0.%d.%d" % (1 + (index // 40) // 250, 1 + (index // 40) % 250)
    try:
        reader, writer = await asyncio.open_connection("127.0.0.1", port, local_addr=(address, 0), limit=1 << 16)
        writer.write(f"GET /ballots/{ballot}/live-results HTTP/1.1\r\nHost: bench\r\n"
                     f"Accept: text/event-stream\r\n\r\n".encode())
        await writer.drain()
        first = True
        while data := await reader.read(65536):
            if first:
                state["answered"] += 1
                first = False
    except OSError:
        state["errors"] += 1


async def main():
    args = argparse.ArgumentParser()
    args.add_argument("--port", type=int, default=8080)
    args.add_argument("--viewers", type=int, default=10000)
    args.add_argument("--votes", type=int, default=60)
    args.add_argument("--votes-per-second", type=float, default=1.0)
    args.add_argument("--pid", type=int)
    options = args.parse_args()
    base = f"http://127.0.0.1:{options.port}"
    ballot = create_ballot(base)
    before = heap_kb(options.pid) if options.pid else None

    state = {"answered": 0, "errors": 0}
    tasks = []
    for i in range(options.viewers):
        tasks.append(asyncio.create_task(viewer(options.port, ballot, i, state)))
        if i % 500 == 499:
            await asyncio.sleep(0.2)
    deadline = time.time() + 120
    while state["answered"] + state["errors"] < options.viewers and time.time() < deadline:
        await asyncio.sleep(1)
    await asyncio.sleep(2)
    counted = gauge(metrics(base), "oponn_live_viewers")
    print(f"viewers: {state['answered']} answered, {state['errors']} failed, server counts {counted:.0f}")
    if before is not None:
        after = heap_kb(options.pid)
        print(f"heap per viewer: {(after - before) / max(counted, 1):.1f} KB")

    loop = asyncio.get_running_loop()
    for i in range(options.votes):
        await loop.run_in_executor(None, vote, base, ballot, 1 + i % 2)
        await asyncio.sleep(1 / options.votes_per_second)
    await asyncio.sleep(3)
    count, quantiles = percentiles(metrics(base))
    print(f"writes measured: {count:.0f} (votes x viewers = {options.votes * counted:.0f})")
    for q, le in quantiles.items():
        print(f"commit-to-write p{q * 100:g} <= {le:.3f} s")
    for task in tasks:
        task.cancel()


if __name__ == "__main__":
    asyncio.run(main())
