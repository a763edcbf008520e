import pytest

from twinning.matching.profiles import CohortError, make_cohort, make_profile
from twinning.matching.text import activity_roles, tokenise


def test_free_topic_labels_are_normalised_and_unknown_ones_kept():
    profile = make_profile(
        {
            "id": "x",
            "side": "A",
            "description": "",
            "topics": ["Urbanization", "低碳", "Knitting"],
            "interests": ["watershed protection"],
        }
    )
    assert profile.topics == ("urbanisation", "low-carbon")
    assert profile.free_labels == ("Knitting",)
    assert profile.exchange_topics == ("urbanisation", "low-carbon", "water")


def test_pairs_are_oriented_side_a_first():
    cohort = make_cohort(
        {
            "organisations": [{"id": "a", "side": "A"}, {"id": "b", "side": "B"}],
            "forbidden": [["b", "a"]],
        }
    )
    assert cohort.forbidden == [("a", "b")]


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ([], "the cohort must be a JSON object"),
        ({"organisations": []}, "'organisations' must be a non-empty list"),
        (
            {"organisations": [{"id": "a", "side": "A"}, {"id": "a", "side": "B"}]},
            "duplicate organisation id 'a'",
        ),
        (
            {"organisations": [{"id": "a", "side": "A"}], "fixed": [["a", "z"]]},
            "'fixed' names unknown organisation 'z'",
        ),
        (
            {
                "organisations": [{"id": "a", "side": "A"}, {"id": "b", "side": "A"}],
                "fixed": [["a", "b"]],
            },
            "'fixed' pair 'a', 'b' is not across sides A and B",
        ),
        (
            {
                "organisations": [{"id": "a", "side": "A"}, {"id": "b", "side": "B"}],
                "fixed": [["a", "b"]],
                "forbidden": [["b", "a"]],
            },
            "pair 'a', 'b' is both fixed and forbidden",
        ),
    ],
)
def test_bad_cohorts_give_one_line_errors(data, message):
    with pytest.raises(CohortError) as error:
        make_cohort(data)
    assert str(error.value) == message


def test_tokens_and_roles_in_english_and_chinese():
    assert tokenise("Monitoring rivers and the 垃圾分类 policy") == [
        "monitor",
        "river",
        "policy",
        "垃圾",
        "分类",
    ]
    assert activity_roles("We monitor rivers and lobby for policy; 开展环境教育培训") == {
        "research": 1,
        "advocacy": 2,
        "education": 2,
    }
