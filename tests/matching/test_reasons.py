import numpy as np

from twinning.matching.features import FEATURES
from twinning.matching.profiles import Profile
from twinning.matching.reasons import Reason, explain_pair, render


def test_shared_topics_render_in_english_and_chinese():
    reason = Reason("shared_topics", {"topics": ["waste", "circular-economy"]})
    assert render(reason, "en") == "both work on waste and zero waste and circular economy"
    assert render(reason, "zh-hans") == "双方都关注废弃物与零废弃、循环经济"


def test_complementary_roles_render():
    reason = Reason("complementary_roles", {"a_role": "advocacy", "b_role": "education"})
    assert render(reason) == "one advocates for policy change, the other trains and educates"
    assert render(reason, "zh") == "一方推动政策倡导，另一方开展教育和培训"


def test_explain_pair_leads_with_the_shared_topic():
    a = Profile(
        "a", "A", "A", "We campaign for waste policy and lobby the city.", topics=("waste",)
    )
    b = Profile(
        "b", "B", "B", "We train teachers and run school workshops.", topics=("waste", "education")
    )
    features = np.zeros(len(FEATURES), dtype=np.float32)
    features[FEATURES.index("topic_shared")] = 0.7
    features[FEATURES.index("roles_complementary")] = 1.0
    weights = {"topic_shared": 2.0, "roles_complementary": 0.5}
    reasons = explain_pair(a, b, features, weights)
    assert [render(r) for r in reasons] == [
        "both work on waste and zero waste",
        "one advocates for policy change, the other trains and educates",
    ]


def test_no_common_ground_says_so():
    a = Profile("a", "A", "A", "", topics=("water",))
    b = Profile("b", "B", "B", "", topics=("gender",))
    reasons = explain_pair(a, b, np.zeros(len(FEATURES), dtype=np.float32), {})
    assert reasons == [Reason("weak_fit")]
