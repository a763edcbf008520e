"""A job's progress bar draws its width as an SVG attribute: no style attribute (CSP style-src 'self')."""

import pytest
from django.template.loader import render_to_string

from twinning.common.jobs import create_job, report_progress

pytestmark = pytest.mark.django_db


def test_the_bar_is_as_wide_as_the_share_done():
    job = create_job(kind="ingest", title="Reading two files", total=4)
    report_progress(job, done=1, message="one of four")

    html = render_to_string("_job.html", {"job": job, "no_poll": True})

    assert '<rect width="25" height="1"/>' in html
    assert 'aria-valuenow="25"' in html
    assert "style=" not in html
