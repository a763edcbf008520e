"""`twinning demo`, `twinning serve` and `twinning worker`: run the site on this machine."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
import threading
import time

from twinning.cli import setup_django


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
    serve.add_argument("--threads", type=int, default=8, help="web server threads (default: 8)")
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
    return run_serve(argparse.Namespace(port=args.port, host=args.host, threads=8, no_worker=False))


def _worker_process() -> subprocess.Popen:
    command = [
        sys.executable,
        "-m",
        "django",
        "db_worker",
        "--settings",
        "twinning.settings",
        "--interval",
        "1",
    ]
    return subprocess.Popen(
        command, env={**os.environ, "DJANGO_SETTINGS_MODULE": "twinning.settings"}
    )


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


def run_serve(args: argparse.Namespace) -> int:
    _site_url_from(args)
    setup_django()
    from waitress import serve

    from twinning.wsgi import application

    worker = None if args.no_worker else _worker_process()
    if worker is not None:
        # Shared deployments may run `twinning send-reminders` from cron instead.
        threading.Thread(
            target=_every, args=(PERIODIC_SECONDS,), daemon=True, name="periodic"
        ).start()
    print(f"Twinning is serving on http://{args.host}:{args.port}/  (Ctrl+C stops it)", flush=True)
    try:
        serve(application, host=args.host, port=args.port, threads=args.threads, ident="twinning")
    finally:
        if worker is not None:
            worker.terminate()
            worker.wait(timeout=10)
    return 0


def run_worker(args: argparse.Namespace) -> int:
    setup_django()
    from django.core.management import call_command

    call_command("db_worker", interval=1, batch=args.batch)
    return 0
