"""URL map: the API under /api/, pages under language prefixes (English unprefixed, /zh-hans/)."""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path

from twinning import views
from twinning.api.urls import api

urlpatterns = [
    path("api/", api.urls),
    path("i18n/setlang/", views.switch_language, name="set_language"),
    path("favicon.ico", views.favicon),
]
urlpatterns += i18n_patterns(
    path("", views.home, name="home"),
    path("admin/", admin.site.urls),
    path("accounts/", include("twinning.accounts.urls")),
    path("organisations/", include("twinning.directory.urls")),
    path("programmes/", include("twinning.programmes.urls")),
    path("cities/", include("twinning.programmes.city_urls")),
    path("library/", include("twinning.library.urls")),
    path("calls/", include("twinning.calls.urls")),
    path("ingest/", include("twinning.ingest.urls")),
    path("privacy/", include("twinning.privacy.urls")),
    path("exchanges/", include("twinning.exchanges.urls")),
    path("audit/", include("twinning.audit.urls")),
    prefix_default_language=False,
)
