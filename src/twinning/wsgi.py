"""WSGI entry point for `twinning serve` and any WSGI server."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "twinning.settings")
application = get_wsgi_application()

if os.environ.get("TWINNING_WEB_PARENT", "").isdigit():  # a web process of `twinning serve`
    from twinning.cli.server import die_with_parent

    if os.getpid() != int(os.environ["TWINNING_WEB_PARENT"]):
        die_with_parent(int(os.environ["TWINNING_WEB_PARENT"]))

if os.environ.get("TWINNING_WARM_UP", "1") != "0":  # ready before the first visitor (ADR 0023)
    from twinning.common.warmup import warm_up

    warm_up(application)
