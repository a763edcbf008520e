"""Review drafts keep partial scores, submitting says so, and a submitted review is locked."""

import pytest
from django.test import Client
from django.urls import reverse

from tests.calls.factories import european, reviewer_for, staff_of, submitted
from twinning.calls.actions import CallError, assign_reviewer, score_application
from twinning.calls.models import Review, Score

pytestmark = pytest.mark.django_db


def _review(call, username="rita"):
    reviewer = reviewer_for(call, username)
    organisation = european(name="Zero Waste Lyon")
    application = submitted(call, organisation, staff_of(organisation))
    return assign_reviewer(application=application, reviewer=reviewer, actor=None)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _criteria(call):
    return list(call.criteria.order_by("position", "pk"))


def test_a_draft_saves_a_partial_score(call):
    review = _review(call)
    relevance, capacity = _criteria(call)
    client = _client(review.reviewer)
    url = reverse("calls:review", args=[review.pk])
    response = client.post(url, {f"score_{relevance.pk}": "4", "save": "1"}, follow=True)
    assert response.redirect_chain[-1][0] == url
    body = response.content.decode()
    assert "Your draft is saved. It is not submitted yet" in body
    assert "Draft: 1 of 2 scores given. Not submitted yet." in body
    review.refresh_from_db()
    assert review.submitted_at is None
    assert list(review.scores.values_list("criterion_id", "value")) == [(relevance.pk, 4)]
    listing = client.get(reverse("calls:reviews")).content.decode()
    assert "<td>Draft</td>" in listing


def test_submitting_needs_every_score_and_says_submitted(call):
    review = _review(call)
    relevance, capacity = _criteria(call)
    client = _client(review.reviewer)
    url = reverse("calls:review", args=[review.pk])
    refused = client.post(url, {f"score_{relevance.pk}": "4", "submit": "1"}, follow=True)
    assert "Please score every criterion: Capacity." in refused.content.decode()
    review.refresh_from_db()
    assert review.submitted_at is None
    assert review.scores.count() == 0
    response = client.post(
        url, {f"score_{relevance.pk}": "4", f"score_{capacity.pk}": "3", "submit": "1"}, follow=True
    )
    body = response.content.decode()
    assert "Your review is submitted. Thank you." in body
    assert "Your review is saved." not in body
    review.refresh_from_db()
    assert review.submitted_at is not None


def test_a_submitted_review_is_locked_on_the_page_and_in_the_action(call):
    review = _review(call)
    relevance, capacity = _criteria(call)
    score_application(
        review=review,
        scores={relevance.pk: (4, ""), capacity.pk: (3, "")},
        actor=review.reviewer,
        submit=True,
    )
    client = _client(review.reviewer)
    url = reverse("calls:review", args=[review.pk])
    page = client.get(url).content.decode()
    assert "A submitted review is locked." in page
    assert 'name="submit"' not in page
    response = client.post(
        url, {f"score_{relevance.pk}": "0", f"score_{capacity.pk}": "0", "submit": "1"}, follow=True
    )
    assert "This review is submitted and can no longer be changed." in response.content.decode()
    with pytest.raises(CallError):
        score_application(
            review=Review.objects.get(pk=review.pk),
            scores={relevance.pk: (1, "")},
            actor=review.reviewer,
            submit=False,
        )
    assert sorted(Score.objects.filter(review=review).values_list("value", flat=True)) == [3, 4]
