import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.factories import OrganisationFactory
from twinning.library.actions import add_document
from twinning.library.models import Document

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("rows", [1, 3])
def test_search_page_query_count_does_not_grow_with_results(
    client, django_assert_num_queries, index, database_vendor, rows
):
    """PostgreSQL ranks vectors in SQL (pgvector, one query for chunks and whole records; its
    settings and BM25 word statistics are read once before); SQLite first asks whether the
    in-memory vectors are current.
    One more query per record type found checks that the records are still public."""
    for number in range(rows):
        add_document(title=f"Compost report {number}", text="Kitchen scraps become compost.")
    index()
    client.get(reverse("library:search"), {"q": "other"})  # once per process or connection
    with django_assert_num_queries(7):
        response = client.get(reverse("library:search"), {"q": "compost"})
    assert response.status_code == 200
    assert response.content.decode().count('class="card search-result"') == rows


def test_search_page_shows_escaped_highlighted_snippets_and_filters(client, index):
    add_document(title="<b>Bold</b> compost", text="Compost <script>x</script> here.")
    index()
    page = client.get(
        reverse("library:search"), {"q": "compost", "type": "document"}
    ).content.decode()
    assert "<mark>Compost</mark> &lt;script&gt;x&lt;/script&gt; here." in page
    assert "&lt;b&gt;Bold&lt;/b&gt; compost" in page
    assert '<option value="document" selected>' in page
    assert (
        client.get(reverse("library:search"), {"q": "compost", "type": "event"}).context["results"]
        == []
    )


def test_search_page_answers_htmx_with_the_results_fragment_only(client, index):
    add_document(title="Composting", text="Compost.")
    index()
    response = client.get(
        reverse("library:search"), {"q": "compost"}, headers={"HX-Request": "true"}
    )
    assert b"<html" not in response.content and b"Composting" in response.content


def test_home_page_search_box_and_nav_lead_to_the_search_page(client):
    page = client.get(reverse("home")).content.decode()
    assert f'<form action="{reverse("library:search")}" method="get" role="search">' in page
    assert f'<a href="{reverse("library:search")}">Search</a>' in page


def test_document_and_organisation_pages_offer_more_like_this(client, index):
    first = add_document(title="Compost bins", text="Residents compost kitchen peelings.")
    second = add_document(title="Compost heaps", text="Residents compost kitchen scraps in heaps.")
    organisation = OrganisationFactory()
    index()
    link = reverse("library:similar", args=["document", first.slug])
    assert f'hx-get="{link}"' in client.get(first.get_absolute_url()).content.decode()
    assert (
        reverse("library:similar", args=["organisation", organisation.slug])
        in client.get(organisation.get_absolute_url()).content.decode()
    )
    fragment = client.get(link, headers={"HX-Request": "true"}).content.decode()
    assert (
        f'<a href="{second.get_absolute_url()}">Compost heaps</a>' in fragment
        and "<html" not in fragment
    )
    assert client.get(reverse("library:similar", args=["pair", "1"])).status_code == 404


def test_coordinator_uploads_a_text_document(coordinator_client, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    upload = SimpleUploadedFile("notes.txt", "Compost notes\n\n社区堆肥的经验。".encode())
    response = coordinator_client.post(
        reverse("library:upload"),
        {"upload": upload, "kind": "report", "language": "zh", "is_published": "on"},
    )
    document = Document.objects.get()
    assert response.status_code == 302 and response["Location"] == document.get_absolute_url()
    assert (document.title, document.source, document.language, document.text) == (
        "Compost notes",
        "notes.txt",
        "zh",
        "Compost notes\n\n社区堆肥的经验。",
    )
    assert document.file.read() == "Compost notes\n\n社区堆肥的经验。".encode()


def test_upload_refuses_oversized_and_unreadable_files_and_keeps_nothing(
    coordinator_client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    settings.TWINNING_MAX_UPLOAD_BYTES = 1024 * 1024
    big = SimpleUploadedFile("big.txt", b"x" * (1024 * 1024 + 1))
    response = coordinator_client.post(
        reverse("library:upload"), {"upload": big, "kind": "report", "language": "en"}
    )
    assert response.status_code == 400 and "larger than the 1 MB limit" in response.content.decode()
    empty = SimpleUploadedFile("empty.txt", b"   ")
    response = coordinator_client.post(
        reverse("library:upload"), {"upload": empty, "kind": "report", "language": "en"}
    )
    assert response.status_code == 400 and "empty.txt: file is empty" in response.content.decode()
    sheet = SimpleUploadedFile("table.xlsx", b"PK\x03\x04")
    assert (
        coordinator_client.post(
            reverse("library:upload"), {"upload": sheet, "kind": "report", "language": "en"}
        ).status_code
        == 400
    )
    assert Document.objects.count() == 0 and list(tmp_path.rglob("*.*")) == []


def test_visitors_and_members_cannot_upload(client, member_client):
    upload = SimpleUploadedFile("notes.txt", b"Notes")
    assert (
        client.post(
            reverse("library:upload"), {"upload": upload, "kind": "report", "language": "en"}
        ).status_code
        == 403
    )
    assert member_client.get(reverse("library:upload")).status_code == 403
    assert Document.objects.count() == 0


def test_api_search_and_documents(client, index):
    document = add_document(
        title="Compost report",
        text="社区堆肥。Kitchen compost.",
        source="reports/a.txt",
        language="en",
    )
    index()
    data = client.get("/api/search", {"q": "堆肥", "type": "document"}).json()
    assert [(r["type"], r["id"], r["source"], r["url"]) for r in data["results"]] == [
        ("document", document.slug, "reports/a.txt", document.get_absolute_url())
    ]
    assert "<mark>堆肥</mark>" in data["results"][0]["snippet_html"]
    listed = client.get("/api/documents").json()
    assert [item["slug"] for item in listed["items"]] == [document.slug]
    detail = client.get(f"/api/documents/{document.slug}").json()
    assert (detail["text"], detail["organisations"]) == ("社区堆肥。Kitchen compost.", [])
    assert client.get(f"/api/documents/{document.slug}/similar").json() == {
        "results": [],
        "kinds": {},
    }
    assert client.get("/api/documents/missing").status_code == 404
    assert "/api/search" in json.dumps(client.get("/api/openapi.json").json()["paths"])


def test_api_search_hides_unpublished_documents_from_visitors(client, coordinator_client, index):
    add_document(title="Draft compost", text="Compost.", is_published=False)
    index()
    assert client.get("/api/search", {"q": "compost"}).json() == {"results": [], "kinds": {}}
    assert [
        r["title"]
        for r in coordinator_client.get("/api/search", {"q": "compost"}).json()["results"]
    ] == ["Draft compost"]
