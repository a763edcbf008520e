"""Background work of pairing: cohort pairing runs."""

from __future__ import annotations

from django_tasks import task

from twinning.common.jobs import run_job


@task()
def pairing_task(job_id: int, run_id: int) -> None:
    from twinning.pairing.actions import run_pairing

    run_job(job_id, lambda job: run_pairing(job, run_id))
