"""Extraction work grows linearly with the text: counted, not timed.

Every rule reads sentences through `Registry.mentions`; the test counts the characters it is
given and the name look-ups it makes (its `tried` counter). Four times the text (four times as many
organisations) must cost at most about four times the work: a rule that re-read the whole
text for each sentence, or tried every known name at every character, would cost sixteen.
"""

import pytest

from twinning.extract import extract_text
from twinning.extract import registry as registry_module
from twinning.extract.readers import MAX_TEXT_CHARS

WORDS = ["Amber", "Birch", "Cedar", "Delta", "Elm", "Fern", "Grove", "Heath", "Iris", "Juniper"]
HAN = "甲乙丙丁戊己庚辛壬癸"


def english_section(i: int) -> str:
    a = f"{WORDS[i % 10]} {WORDS[i // 10 % 10]} Water Society"
    b = f"Guangxi {WORDS[i % 10]} {WORDS[i // 10 % 10]} Association"
    return (
        f"{a}, Netherlands\n\n{a} is a non-profit network founded in 1998 in Rotterdam. "
        f"In 2019 {a} signed a memorandum with {b}. Mr. Jan Kot, Director of {a}, visited "
        f"{b} on 3 May 2019.\n\n{b}, China\n\n{b} was established in 2009 in Nanning.\n\n"
        "Exchange Topic: Water, Education\n\n"
    )


def chinese_section(i: int) -> str:
    a = f"广西{HAN[i % 10]}{HAN[i // 10 % 10]}环境保护协会"
    b = f"成都{HAN[i % 10]}{HAN[i // 10 % 10]}河流守护中心"
    return f"{a}成立于2009年，总部位于南宁。2019年，{a}与{b}签署合作协议。秘书长王明带队访问了{b}。\n\n"


@pytest.fixture
def work(monkeypatch):
    counted = {"characters": 0, "forms tried": 0}
    original = registry_module.Registry.mentions

    def counting(self, text):
        before = self.tried
        found = original(self, text)
        counted["characters"] += len(text)
        counted["forms tried"] += self.tried - before
        return found

    monkeypatch.setattr(registry_module.Registry, "mentions", counting)
    return counted


@pytest.mark.parametrize("section", [english_section, chinese_section])
def test_four_times_the_text_costs_about_four_times_the_work(work, section):
    costs = []
    for copies in (10, 40):
        work.update({"characters": 0, "forms tried": 0})
        result = extract_text("".join(section(i) for i in range(copies)))
        assert len(result.organisations) >= 2 * copies  # every section's names were read
        costs.append(dict(work))
    for measure in ("characters", "forms tried"):
        assert costs[1][measure] <= 4 * 1.25 * costs[0][measure], (measure, costs)


def test_the_longest_accepted_text_is_bounded():
    assert MAX_TEXT_CHARS == 200_000
