"""The worker keeps quiet: tasks log at INFO, and only warnings reach the terminal."""

from __future__ import annotations

import io
import logging


def test_task_info_lines_are_dropped_and_warnings_kept(monkeypatch) -> None:
    stream = io.StringIO()
    for name in ("django_tasks", "django_tasks_db"):
        logger = logging.getLogger(name)
        assert logger.propagate is False
        # Only our own terminal handler; pytest adds capture handlers of its own.
        terminal = [h for h in logger.handlers if type(h) is logging.StreamHandler]
        assert [handler.level for handler in terminal] == [logging.WARNING]
        monkeypatch.setattr(terminal[0], "stream", stream)
    # db_worker sets its loggers to INFO at start (verbosity 1), as here.
    worker = logging.getLogger("django_tasks_db")
    monkeypatch.setattr(worker, "level", logging.INFO)
    worker.info("Task id=1 state=SUCCESSFUL")
    worker.warning("Task id=2 failed")
    assert stream.getvalue() == "Task id=2 failed\n"
