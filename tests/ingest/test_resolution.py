import pytest

from tests.factories import OrganisationFactory
from twinning.ingest.resolution import OrganisationIndex, resolution_key

pytestmark = pytest.mark.django_db


def test_resolution_key_sets_aside_legal_forms_and_punctuation():
    assert resolution_key("Deutsche Umwelthilfe e.V.") == resolution_key("Deutsche Umwelthilfe")
    assert resolution_key("The Climate Group Ltd.") == "climate group"


@pytest.fixture
def index():
    OrganisationFactory(name="Deutsche Umwelthilfe", acronym="DUH", country="DE")
    OrganisationFactory(
        name="Chongqing Renewable Energy Society",
        name_zh="重庆市可再生能源学会",
        acronym="CRES",
        country="CN",
    )
    return OrganisationIndex.build()


@pytest.mark.parametrize(
    ("written", "acronym", "expected_reason"),
    [
        (
            "Deutsche Umwelthilfe e.V.",
            None,
            "same name once legal forms and punctuation are set aside",
        ),
        ("DUH", None, "same acronym DUH"),
        ("Deutsche Umweltstiftung Hilfe", "DUH", "same acronym DUH"),
        ("重庆市可再生能源学会", None, "same name once legal forms and punctuation are set aside"),
        (
            "Chongqing Renewable Energy Societ",
            None,
            "nearly the same name (similarity 0.99), likely a typo",
        ),
        ("Chongqing Renewable Energy Society", None, "same name"),
    ],
)
def test_one_organisation_written_many_ways_resolves_to_one_record(
    index, written, acronym, expected_reason
):
    resolution = index.resolve(written, acronym)
    assert resolution is not None
    assert index.names[resolution.organisation_id] in {
        "Deutsche Umwelthilfe",
        "Chongqing Renewable Energy Society",
    }
    assert resolution.reason == expected_reason


def test_different_organisations_do_not_resolve(index):
    assert index.resolve("Chongqing Science and Technology Association") is None
    assert index.resolve("CRES", None, country="FR") is None  # same acronym, other country
