"""`twinning demo`, `twinning serve` and `twinning worker`: run the site on this machine."""

from __future__ import annotations

import argparse
import logging
import multiprocessing
import os
import signal
import subprocess
import sys
import threading
import time

from twinning.cli import setup_django

logger = logging.getLogger(__name__)


def register(subcommands: argparse._SubParsersAction) -> None:
    demo = subcommands.add_parser(
        "demo", help="create the database, load the demo data and serve it"
    )
    demo.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT", 8000)),
        help="port to serve on (default: $PORT or 8000)",
    )
    demo.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    demo.add_argument("--no-serve", action="store_true", help="load the demo data and exit")
    demo.set_defaults(handler=run_demo)

    serve = subcommands.add_parser("serve", help="serve the site and run a background worker")
    serve.add_argument(
        "--port",
        type=int,
        default=int(os.environ.get("PORT", 8000)),
        help="port to serve on (default: $PORT or 8000)",
    )
    serve.add_argument(
        "--host", default="127.0.0.1", help="address to listen on (default: 127.0.0.1)"
    )
    serve.add_argument("--workers", type=int, default=2, help="web server processes (default: 2)")
    serve.add_argument(
        "--threads", type=int, default=8, help="threads per web server process (default: 8)"
    )
    serve.add_argument(
        "--no-worker",
        action="store_true",
        help="do not start a background worker beside the server",
    )
    serve.set_defaults(handler=run_serve)

    worker = subcommands.add_parser(
        "worker", help="run a background worker that executes queued tasks"
    )
    worker.add_argument("--batch", action="store_true", help="exit when the queue is empty")
    worker.set_defaults(handler=run_worker)


def _site_url_from(args: argparse.Namespace) -> None:
    """Links in e-mails and feeds point at the port actually served, unless TWINNING_SITE_URL says otherwise."""
    os.environ.setdefault("TWINNING_SITE_URL", f"http://{args.host}:{args.port}")


def run_demo(args: argparse.Namespace) -> int:
    _site_url_from(args)
    setup_django()
    from rich.progress import Progress

    from twinning.demo.load import load_demo
    from twinning.library.search.indexing import drain_pending

    counts = load_demo()
    print("Demo data: " + ", ".join(f"{value} {key}" for key, value in counts.items()))
    # Index now, so the first search on the demo site already finds everything.
    with Progress(transient=True) as progress:
        bar = progress.add_task("indexing the demo library for search", total=None)
        drain_pending(
            progress=lambda done, total: progress.update(bar, completed=done, total=total)
        )
    print(
        "Demo accounts (password twinning-demo): coordinator, applicant, applicant-europe, applicant-single, reviewer-1, reviewer-2"
    )
    if args.no_serve:
        return 0
    return run_serve(
        argparse.Namespace(port=args.port, host=args.host, workers=2, threads=8, no_worker=False)
    )


def worker_command() -> list[str]:
    return [sys.executable, "-m", "twinning", "worker"]


SUPERVISED = "TWINNING_WORKER_SUPERVISED"
WEB_PARENT = "TWINNING_WEB_PARENT"


def die_with_parent(parent: int) -> None:
    """Linux: this process gets SIGTERM when its parent dies, even by SIGKILL (no orphans)."""
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):  # not Linux: the supervisor's `stop()` is the only way
        return
    if os.getppid() != parent:  # the parent died before the line above
        raise SystemExit(1)


class Supervisor:
    """Keeps one worker process running beside the web server: restarted when it dies, stopped with us."""

    def __init__(self, command: list[str], *, first_delay: float = 1.0, max_delay: float = 30.0):
        self.command = command
        self.first_delay, self.max_delay = first_delay, max_delay
        self.process: subprocess.Popen | None = None
        self.starts = 0
        self._stopping = threading.Event()
        self._thread = threading.Thread(target=self._keep_running, daemon=True, name="supervisor")

    def start(self) -> Supervisor:
        self._thread.start()
        return self

    def _keep_running(self) -> None:
        delay = self.first_delay
        while not self._stopping.is_set():
            started = time.monotonic()
            self.process = subprocess.Popen(
                self.command, env={**os.environ, SUPERVISED: str(os.getpid())}
            )
            self.starts += 1
            status = self.process.wait()
            if self._stopping.is_set():
                return
            # A worker that ran a while restarts at once; one that keeps dying waits longer each time.
            delay = self.first_delay if time.monotonic() - started > 60 else delay
            logger.warning(
                "the worker stopped (exit status %s); restarting in %.0f s", status, delay
            )
            if self._stopping.wait(delay):
                return
            delay = min(delay * 2, self.max_delay)

    def stop(self, timeout: float = 15.0) -> None:
        """SIGTERM lets the worker finish its task; after `timeout` seconds it is killed."""
        self._stopping.set()
        process = self.process
        if process is not None and process.poll() is None:
            process.terminate()
            try:
                process.wait(timeout=timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
        self._thread.join(timeout=5)


PERIODIC_SECONDS = 3600


def enqueue_periodic_work() -> None:
    """Queue the work that is due on a schedule (deadline reminders) for the worker."""
    from twinning.calls.tasks import send_reminders_task
    from twinning.exchanges.tasks import send_exchange_reminders_task

    send_reminders_task.enqueue()
    send_exchange_reminders_task.enqueue()


def _every(seconds: int) -> None:
    from django.db import close_old_connections

    while True:
        try:
            enqueue_periodic_work()
            close_old_connections()  # this thread keeps no connection open between rounds
        except Exception:  # a failed round must not stop the next one; the error is logged
            logging.getLogger(__name__).exception("could not queue periodic work")
        time.sleep(seconds)


def _stop_on_sigterm(signum: int, frame: object) -> None:
    raise KeyboardInterrupt  # unwinds the server so the worker is stopped with it


def run_serve(args: argparse.Namespace) -> int:
    """Granian (ADR 0004) serves the WSGI application from `--workers` processes; the worker beside it is supervised."""
    _site_url_from(args)
    setup_django()
    from django.db import connections
    from granian import Granian
    from granian.constants import Interfaces

    connections.close_all()
    # Fresh interpreters for the web processes: a fork would copy locks held by our threads.
    multiprocessing.set_start_method("spawn", force=True)
    os.environ[WEB_PARENT] = str(os.getpid())  # read by twinning.wsgi: no orphaned web processes
    signal.signal(signal.SIGTERM, _stop_on_sigterm)
    supervisor = None if args.no_worker else Supervisor(worker_command()).start()
    if supervisor is not None:
        # Shared deployments may run `twinning send-reminders` from cron instead.
        threading.Thread(
            target=_every, args=(PERIODIC_SECONDS,), daemon=True, name="periodic"
        ).start()
    server = Granian(
        "twinning.wsgi:application",
        address=args.host,
        port=args.port,
        interface=Interfaces.WSGI,
        workers=max(1, args.workers),
        blocking_threads=max(1, args.threads),
        backlog=2048,
        respawn_failed_workers=True,
        log_access=False,
    )
    print(f"Twinning is serving on http://{args.host}:{args.port}/  (Ctrl+C stops it)", flush=True)
    try:
        server.serve()  # returns on SIGINT or SIGTERM, once the web processes have stopped
    except KeyboardInterrupt:
        pass
    finally:
        if supervisor is not None:
            supervisor.stop()
    return 0


def run_worker(args: argparse.Namespace) -> int:
    if os.environ.get(SUPERVISED, "").isdigit():
        die_with_parent(int(os.environ[SUPERVISED]))
    setup_django()
    from twinning.common.workers import run_worker as run_heartbeat_worker

    run_heartbeat_worker(interval=1, batch=args.batch)
    return 0
