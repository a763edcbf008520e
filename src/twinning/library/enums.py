from django.db import models
from django.utils.translation import gettext_lazy as _


class DocumentKind(models.TextChoices):
    REPORT = "report", _("Report")
    NEWS = "news", _("News")
    PAGE = "page", _("Web page")
    PROFILE = "profile", _("Profile")
    SHEET = "sheet", _("Spreadsheet")
    OTHER = "other", _("Other")


class SourceMethod(models.TextChoices):
    DOCUMENT = "document", _("Extracted from a document")
    IMPORT = "import", _("Imported")
    PERSON = "person", _("Entered by a person")
    SAMPLE = "sample", _("Sample data")


class SearchKind(models.TextChoices):
    """The kinds of record the search box finds."""

    DOCUMENT = "document", _("Document")
    ORGANISATION = "organisation", _("Organisation")
    PAIR = "pair", _("Twinning pair")
    EVENT = "event", _("Event")
    VISIT = "visit", _("Delegation visit")
    ACTIVITY = "activity", _("Activity")
    PERSON = "person", _("Person")
