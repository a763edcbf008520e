import pytest
from django.core.exceptions import PermissionDenied

from tests.city_factories import CityFactory
from tests.factories import OrganisationFactory
from twinning.directory.actions import (
    DirectoryError,
    create_city,
    locate_city,
    place_organisations,
    set_organisation_city,
    update_city,
)
from twinning.directory.enums import OrganisationType, PopulationBand, population_band
from twinning.directory.models import City
from twinning.directory.places import find_city


def test_gazetteer_gives_names_province_and_coordinates():
    guiyang = find_city("Guiyang", "CN")
    assert (guiyang.name, guiyang.name_zh, guiyang.province, guiyang.province_zh) == (
        "Guiyang",
        "贵阳",
        "Guizhou",
        "贵州",
    )
    assert (round(guiyang.latitude, 2), round(guiyang.longitude, 2)) == (26.58, 106.72)


def test_gazetteer_reads_chinese_names_and_prefers_the_common_one():
    assert find_city("北京市").name == "Beijing"
    assert find_city("Shenzhen").name_zh == "深圳"
    assert find_city("Brussels", "BE").name_zh == "布鲁塞尔"


def test_gazetteer_knows_no_vague_place():
    assert find_city("Chinese pilot cities") is None
    assert find_city("Online") is None
    assert find_city("Beijing", "FR") is None


@pytest.mark.parametrize(
    ("population", "band"),
    [
        (None, PopulationBand.UNKNOWN),
        (50_000, PopulationBand.SMALL),
        (330_579, PopulationBand.MEDIUM),
        (3_037_159, PopulationBand.LARGE),
        (9_314_685, PopulationBand.VERY_LARGE),
        (18_960_744, PopulationBand.MEGACITY),
    ],
)
def test_population_bands(population, band):
    assert population_band(population) == band


@pytest.mark.django_db
def test_locate_city_adds_the_gazetteer_city_once():
    first = locate_city(name="Nanning")
    again = locate_city(name="南宁")
    assert first.pk == again.pk
    assert (first.slug, first.country, first.province, first.population_band) == (
        "nanning-cn",
        "CN",
        "Guangxi",
        PopulationBand.LARGE,
    )
    assert City.objects.count() == 1
    assert locate_city(name="Eldorado Springs of Nowhere") is None
    assert City.objects.count() == 1


@pytest.mark.django_db
def test_place_organisations_ties_the_text_city_to_a_record():
    chengdu = OrganisationFactory(country="CN", city="Chengdu")
    nowhere = OrganisationFactory(country="CN", city="Somewhere in the hills")
    assert place_organisations() == 1
    chengdu.refresh_from_db()
    nowhere.refresh_from_db()
    assert chengdu.locality.name == "Chengdu"
    assert nowhere.locality is None


@pytest.mark.django_db
def test_coordinator_creates_and_corrects_a_city(coordinator):
    city = create_city(actor=coordinator, name="Lantau Village", country="hk", latitude=22.26)
    assert (city.country, city.slug, city.latitude) == ("HK", "lantau-village-hk", 22.26)
    update_city(actor=coordinator, city=city, name_zh="大屿山村", population=12_000)
    city.refresh_from_db()
    assert (city.name_zh, city.population_band) == ("大屿山村", PopulationBand.SMALL)


@pytest.mark.django_db
def test_bad_city_input_changes_nothing(coordinator):
    with pytest.raises(DirectoryError):
        create_city(actor=coordinator, name="  ", country="DE")
    with pytest.raises(DirectoryError):
        create_city(actor=coordinator, name="Nowhere", country="XX")
    city = CityFactory(name="Bonn", country="DE")
    with pytest.raises(DirectoryError):
        create_city(actor=coordinator, name="bonn", country="DE")
    with pytest.raises(DirectoryError):
        update_city(actor=coordinator, city=city, latitude=123.0)
    city.refresh_from_db()
    assert city.latitude == 50.0
    assert City.objects.count() == 1


@pytest.mark.django_db
def test_only_coordinators_change_cities(member):
    city = CityFactory(name="Bonn")
    with pytest.raises(PermissionDenied):
        create_city(actor=member, name="Cologne", country="DE")
    with pytest.raises(PermissionDenied):
        update_city(actor=member, city=city, name="Bad Godesberg")
    city.refresh_from_db()
    assert city.name == "Bonn"
    assert City.objects.count() == 1


@pytest.mark.django_db
def test_municipality_tied_to_its_city_by_a_coordinator(coordinator, member):
    city = CityFactory(name="Freiburg", country="DE")
    municipality = OrganisationFactory(
        name="City of Freiburg", type=OrganisationType.MUNICIPALITY, city=""
    )
    with pytest.raises(PermissionDenied):
        set_organisation_city(actor=member, organisation=municipality, city=city)
    municipality.refresh_from_db()
    assert municipality.locality is None
    set_organisation_city(actor=coordinator, organisation=municipality, city=city)
    municipality.refresh_from_db()
    assert (municipality.locality, municipality.city) == (city, "Freiburg")


@pytest.mark.django_db
def test_an_organisation_cannot_move_to_a_city_abroad(coordinator):
    organisation = OrganisationFactory(country="DE", city="Berlin")
    lyon = CityFactory(name="Lyon", country="FR")
    with pytest.raises(DirectoryError):
        set_organisation_city(actor=coordinator, organisation=organisation, city=lyon)
    organisation.refresh_from_db()
    assert (organisation.locality, organisation.city) == (None, "Berlin")
