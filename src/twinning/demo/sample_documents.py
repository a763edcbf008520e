"""Invented English reports and news of the sample pairs, for the library."""

from __future__ import annotations

import datetime

from twinning.demo.records import DocumentRecord
from twinning.demo.sample_programmes import ALUMNI
from twinning.demo.seed_programmes import TWINNING
from twinning.library.enums import DocumentKind

D = datetime.date

SAMPLE_DOCUMENTS_ENGLISH: tuple[DocumentRecord, ...] = (
    DocumentRecord(
        "Lakes and floodplains: what volunteers can measure",
        """When the Yunnan Highland Wetlands Conservation Centre and Friends of the Middle Danube started their twinning year, both had the same problem: volunteers collected plenty of data on birds and water, but little of it reached the people who decide how lake shores and floodplains are managed.

During the exchange, staff from Kunming spent two weeks on the Danube joining the spring monitoring of side arms, while a Hungarian coordinator spent three weeks around Dian Lake and Fuxian Lake. The partners compared their counting protocols and found that a simple shared form — species, numbers, water level, visible pollution — was enough to make the two data sets comparable.

The most useful lesson was about presentation. Friends of the Middle Danube sends water authorities a two-page summary every season with one map and three recommendations. The Yunnan centre has now adopted this format for its reports to county governments, and two counties have asked for the next edition.

Next steps: a joint bird-count protocol in Chinese, Hungarian and English, and a school module on floodplains that both partners will test in 2017.""",
        D(2017, 2, 10),
        summary="Joint report of the 2016 pair on citizen monitoring of lakes and floodplains.",
        organisations=("yunnan-wetlands", "friends-middle-danube"),
        people=("li-mingyue", "zsofia-kovacs"),
        topics=("biodiversity", "water", "education"),
        programme=TWINNING,
        cohort_year=2016,
    ),
    DocumentRecord(
        "Repair cafés in high-rise neighbourhoods",
        """Shenzhen Zero Waste Community Centre and Circular Neighbourhoods Amsterdam spent their twinning year on one question: can the repair café, a format born in low-rise Dutch neighbourhoods, work in a Chinese housing estate of thirty-storey towers?

The first pilot, in an estate of 4,000 households in Futian district, drew 120 visitors in its first month. Small appliances, bicycles and clothes were the most common repairs. Residents asked for fixed opening hours and a space on the ground floor near the lifts, which the property manager agreed to provide.

The Amsterdam team learned from Shenzhen's food-waste sorting guides, volunteers who stand by the bins in the evening and explain sorting to neighbours. Amsterdam is now testing a similar role in two districts where separate collection of food waste has just started.

The partners recommend that cities treat repair and reuse as part of their waste plans, with space in new housing set aside for repair and sharing.""",
        D(2017, 1, 15),
        summary="How a Dutch repair-café model was adapted to a Shenzhen housing estate, and what Amsterdam learnt in return.",
        organisations=("shenzhen-zero-waste", "circular-neighbourhoods-amsterdam"),
        people=("chen-xiaolan", "maartje-de-vries"),
        topics=("waste", "circular-economy"),
        programme=TWINNING,
        cohort_year=2016,
    ),
    DocumentRecord(
        "Community ownership of village solar: notes from a visit to Guizhou",
        """In June 2019 two members of the Freiburg Citizens' Energy Cooperative travelled to Guizhou to see the village solar systems installed by their twinning partner, the Guizhou Rural Solar Initiative.

In three mountain villages, solar water heaters and small photovoltaic arrays now supply a school, a clinic and a cooperative's drying room. Local technicians trained by the initiative handle most repairs; spare parts are the main difficulty, since the nearest supplier is a day's drive away.

The visitors shared how the Freiburg cooperative lets residents buy shares and decide together on new projects. Village leaders were most interested in how income from selling electricity could pay for maintenance. The partners agreed to draft a maintenance checklist and a simple bookkeeping template for village energy groups.""",
        D(2019, 6, 20),
        kind=DocumentKind.NEWS,
        summary="A Freiburg delegation visits the village solar projects of its Guizhou partner.",
        organisations=("guizhou-rural-solar", "freiburg-energy-cooperative"),
        people=("katrin-albers", "jonas-weber", "wu-tao"),
        topics=("renewable-energy", "civil-society"),
        programme=TWINNING,
        cohort_year=2018,
    ),
    DocumentRecord(
        "Measuring green lending: a joint method from Zhengzhou and Milan",
        """The Zhengzhou Green Finance Research Centre and Sustainable Finance Watch Milano both publish rankings of how banks lend, but they used different definitions of a "green" loan, which made comparison impossible.

During the twinning year the two teams agreed on a common method. Loans are sorted into four groups — clearly green, transition, neutral and fossil — using public disclosures, and each bank's score is the share of its lending in the first two groups minus the share in the last.

Applied to twelve Italian and nine Chinese regional banks, the method showed that most banks in both countries disclose too little to be scored with confidence. The partners therefore recommend disclosure rules before any new labels, and they will train journalists in both countries to read bank reports.""",
        D(2020, 2, 28),
        summary="A shared scoring method for green and fossil lending, tested on Italian and Chinese banks.",
        organisations=("zhengzhou-green-finance", "milan-sustainable-finance"),
        people=("ma-lin",),
        topics=("finance", "low-carbon"),
        programme=TWINNING,
        cohort_year=2019,
    ),
    DocumentRecord(
        "School streets in Hangzhou and Prague",
        """School streets close the road in front of a school to cars for half an hour at the start and end of the day. The Prague Sustainable Mobility Forum had run six of them as temporary experiments; the Hangzhou Green Commute Alliance wanted to try the idea near two primary schools.

The partners counted children arriving on foot, by bike and by car before and during each trial. In Prague, walking and cycling rose from 48 to 61 percent of trips; in Hangzhou, where many grandparents accompany children on e-bikes, the change was smaller but parents reported feeling safer.

Both partners found that the trial only lasted when the school itself asked for it. Their joint guide describes how to involve head teachers, parents and traffic police from the first week.""",
        D(2020, 1, 30),
        summary="Results of temporary school-street trials in two cities and a joint guide.",
        organisations=("hangzhou-green-commute", "prague-mobility-forum"),
        people=("sun-wei", "jana-horakova"),
        topics=("transport", "urbanisation", "air-quality"),
        programme=TWINNING,
        cohort_year=2019,
    ),
    DocumentRecord(
        "Alumni meet in Chengdu to plan low-carbon follow-up projects",
        """Sixty former twinning partners met in Chengdu on 8 and 9 November 2022 for the second in-person meeting of the Twinning Alumni Network, after two years of online webinars.

Host organisation Chengdu Low Carbon Community Network took participants to a neighbourhood where residents run an energy-saving day and a rooftop garden. Five alumni pairs presented follow-up projects, from a shared air-sensor calibration method to a handbook for repair cafés.

The network awarded four small grants and launched a mentoring scheme in which alumni advise new pairs during their first months.""",
        D(2022, 11, 15),
        kind=DocumentKind.NEWS,
        summary="News from the 2022 alumni meeting in Chengdu.",
        organisations=("twinning-alumni-network", "chengdu-low-carbon"),
        people=("bram-claes",),
        topics=("civil-society", "low-carbon"),
        programme=ALUMNI,
    ),
)
