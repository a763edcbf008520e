"""Everything Twinning reads from the environment, in one place (`TWINNING_*` variables)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Config:
    data_dir: Path
    database_url: str
    secret_key: str
    debug: bool
    allowed_hosts: list[str]
    max_upload_bytes: int
    email_backend: str
    task_backend: str
    matching_embedder: str
    https: bool = False
    retention_days: int = 0
    site_url: str = "http://127.0.0.1:8000"
    page_cache_seconds: int = 600
    csrf_trusted_origins: tuple[str, ...] = ()
    search_index_build_from: int = 20_000


def _flag(name: str, default: bool) -> bool:
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def load() -> Config:
    data_dir = Path(os.environ.get("TWINNING_DATA_DIR", PROJECT_ROOT / "var")).resolve()
    default_database = f"sqlite:///{data_dir / 'twinning.sqlite3'}"
    return Config(
        data_dir=data_dir,
        database_url=os.environ.get("TWINNING_DATABASE_URL", default_database),
        # A fixed key is fine for the laptop demo; shared deployments must set their own.
        secret_key=os.environ.get(
            "TWINNING_SECRET_KEY", "insecure-twinning-demo-key-set-TWINNING_SECRET_KEY"
        ),
        debug=_flag("TWINNING_DEBUG", False),
        allowed_hosts=os.environ.get(
            "TWINNING_ALLOWED_HOSTS", "127.0.0.1,localhost,testserver"
        ).split(","),
        max_upload_bytes=int(os.environ.get("TWINNING_MAX_UPLOAD_BYTES", 50 * 1024 * 1024)),
        email_backend=os.environ.get(
            "TWINNING_EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend"
        ),
        task_backend=os.environ.get("TWINNING_TASK_BACKEND", "django_tasks_db.DatabaseBackend"),
        matching_embedder=os.environ.get("TWINNING_MATCHING_EMBEDDER", "use"),
        # Off for the http://127.0.0.1 demo; a deployment behind HTTPS turns it on.
        https=_flag("TWINNING_HTTPS", False),
        # Days an unsuccessful application is kept before `twinning apply-retention` deletes it.
        retention_days=int(os.environ.get("TWINNING_RETENTION_DAYS", "0") or 0),
        # Every link in an e-mail, a calendar feed or an export starts with this (CONTRACTS §8).
        site_url=os.environ.get(
            "TWINNING_SITE_URL", f"http://127.0.0.1:{os.environ.get('PORT', '8000')}"
        ).rstrip("/"),
        # Public pages served to anonymous visitors from the cache until data changes; 0 turns it off.
        # With TWINNING_HTTPS: the https origins forms may be posted from (default: the allowed hosts).
        csrf_trusted_origins=tuple(
            origin.strip()
            for origin in os.environ.get("TWINNING_CSRF_TRUSTED_ORIGINS", "").split(",")
            if origin.strip()
        ),
        page_cache_seconds=int(os.environ.get("TWINNING_PAGE_CACHE_SECONDS", 600)),
        # The worker builds a missing embedded search index once the library holds this many chunks.
        search_index_build_from=int(os.environ.get("TWINNING_SEARCH_INDEX_BUILD_FROM", 20_000)),
    )
