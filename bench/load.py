"""A bounded keep-alive HTTP load generator for loopback benchmarks (no system package needed).

`python bench/load.py http://127.0.0.1:8200 --connections 200 --seconds 60 /path ...`
Each connection sends requests back to back over one keep-alive socket, cycling through the
paths; a request that gets no complete answer in `--timeout` seconds, a reset or a status of 500
or more is a failure (the connection is then opened again). Prints one JSON object.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import time
import urllib.parse
from dataclasses import dataclass, field


@dataclass
class Tally:
    latencies: list[float] = field(default_factory=list)
    failures: int = 0
    statuses: dict[int, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    by_path: dict[str, list[float]] = field(default_factory=dict)

    def record(self, path: str, seconds: float) -> None:
        self.latencies.append(seconds)
        self.by_path.setdefault(path, []).append(seconds)


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """Read one HTTP/1.1 response; returns its status and whether the server keeps the socket."""
    status_line = await reader.readline()
    if not status_line:
        raise ConnectionResetError("closed before the answer")
    status = int(status_line.split()[1])
    length, chunked, keep = 0, False, True
    while True:
        line = await reader.readline()
        if line in (b"\r\n", b"\n", b""):
            break
        name, _, value = line.decode("latin-1").partition(":")
        name, value = name.strip().lower(), value.strip().lower()
        if name == "content-length":
            length = int(value)
        elif name == "transfer-encoding" and "chunked" in value:
            chunked = True
        elif name == "connection" and value == "close":
            keep = False
    if chunked:
        while True:
            size = int((await reader.readline()).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    elif length:
        await reader.readexactly(length)
    return status, keep


async def _visitor(
    number: int,
    host: str,
    port: int,
    paths: list[str],
    stop_at: float,
    timeout: float,
    tally: Tally,
) -> None:
    position = number % len(paths)
    connection: tuple[asyncio.StreamReader, asyncio.StreamWriter] | None = None
    while time.monotonic() < stop_at:
        path = paths[position]
        position = (position + 1) % len(paths)
        started = time.monotonic()
        try:
            if connection is None:
                connection = await asyncio.wait_for(asyncio.open_connection(host, port), timeout)
            reader, writer = connection
            writer.write(
                f"GET {path} HTTP/1.1\r\nHost: {host}:{port}\r\nAccept: text/html\r\n\r\n".encode()
            )
            await writer.drain()
            status, keep = await asyncio.wait_for(_read_response(reader), timeout)
        except (TimeoutError, OSError, asyncio.IncompleteReadError, ValueError) as error:
            tally.failures += 1
            tally.errors[type(error).__name__] = tally.errors.get(type(error).__name__, 0) + 1
            tally.record(path, time.monotonic() - started)
            if connection is not None:
                connection[1].close()
            connection = None
            continue
        tally.record(path, time.monotonic() - started)
        tally.statuses[status] = tally.statuses.get(status, 0) + 1
        if status >= 500:
            tally.failures += 1
        if not keep:
            writer.close()
            connection = None
    if connection is not None:
        connection[1].close()


def _percentile(values: list[float], share: float) -> float:
    if not values:
        return 0.0
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


async def run_load(
    base: str, paths: list[str], *, connections: int, seconds: float, timeout: float = 30.0
) -> dict:
    """Drive `connections` keep-alive visitors for `seconds`; figures for the whole run."""
    address = urllib.parse.urlsplit(base)
    host, port = address.hostname or "127.0.0.1", address.port or 80
    tally = Tally()
    started = time.monotonic()
    stop_at = started + seconds
    await asyncio.gather(
        *(_visitor(n, host, port, paths, stop_at, timeout, tally) for n in range(connections))
    )
    elapsed = time.monotonic() - started
    return {
        "requests": len(tally.latencies),
        "failures": tally.failures,
        "requests_per_second": round(len(tally.latencies) / elapsed, 1),
        "p50_seconds": round(_percentile(tally.latencies, 0.50), 3),
        "p99_seconds": round(_percentile(tally.latencies, 0.99), 3),
        "max_seconds": round(max(tally.latencies, default=0.0), 3),
        "statuses": {str(k): v for k, v in sorted(tally.statuses.items())},
        "errors": tally.errors,
        "paths": {
            path: {
                "requests": len(values),
                "p50_seconds": round(_percentile(values, 0.50), 3),
                "p99_seconds": round(_percentile(values, 0.99), 3),
            }
            for path, values in tally.by_path.items()
        },
        "connections": connections,
        "seconds": seconds,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("base", help="e.g. http://127.0.0.1:8200 (loopback only)")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--connections", type=int, default=200)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--timeout", type=float, default=30)
    args = parser.parse_args()
    if urllib.parse.urlsplit(args.base).hostname not in ("127.0.0.1", "localhost", "::1"):
        parser.error("load tests target loopback only")
    if args.connections > 1000 or args.seconds > 300:
        parser.error("bounded: at most 1000 connections for 300 seconds")
    result = asyncio.run(
        run_load(
            args.base,
            args.paths,
            connections=args.connections,
            seconds=args.seconds,
            timeout=args.timeout,
        )
    )
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
