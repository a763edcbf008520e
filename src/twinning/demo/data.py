"""The demo data set in loading order: the seed facts first, then the sample records."""

from __future__ import annotations

from twinning.demo.library_corpus import EVALUATION_DOCUMENTS
from twinning.demo.records import DataSet
from twinning.demo.sample_cities import SAMPLE_CITY_PAIRS, SAMPLE_PILOT_CITIES
from twinning.demo.sample_documents import SAMPLE_DOCUMENTS_ENGLISH
from twinning.demo.sample_documents_zh import SAMPLE_DOCUMENTS_CHINESE
from twinning.demo.sample_events import SAMPLE_EVENTS, SAMPLE_VISITS
from twinning.demo.sample_organisations_china import SAMPLE_ORGANISATIONS_CHINA
from twinning.demo.sample_organisations_europe import SAMPLE_ORGANISATIONS_EUROPE
from twinning.demo.sample_people import SAMPLE_AFFILIATIONS, SAMPLE_PEOPLE
from twinning.demo.sample_programmes import SAMPLE_ACTIVITIES, SAMPLE_PAIRS, SAMPLE_PROGRAMMES
from twinning.demo.seed_programmes import SEEDS

SAMPLES = DataSet(
    is_sample=True,
    organisations=SAMPLE_ORGANISATIONS_CHINA + SAMPLE_ORGANISATIONS_EUROPE,
    people=SAMPLE_PEOPLE,
    affiliations=SAMPLE_AFFILIATIONS,
    programmes=SAMPLE_PROGRAMMES,
    pairs=SAMPLE_PAIRS,
    activities=SAMPLE_ACTIVITIES,
    events=SAMPLE_EVENTS,
    visits=SAMPLE_VISITS,
    documents=SAMPLE_DOCUMENTS_ENGLISH + SAMPLE_DOCUMENTS_CHINESE + EVALUATION_DOCUMENTS,
    pilot_cities=SAMPLE_PILOT_CITIES,
    city_pairs=SAMPLE_CITY_PAIRS,
)

DATA_SETS: tuple[DataSet, ...] = (SEEDS, SAMPLES)
