"""Reviewer pages: the reviews assigned to me, scoring one, declaring a conflict of interest."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Count
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from twinning.calls import actions
from twinning.calls.access import access_review, listed_reviews
from twinning.calls.enums import ApplicationStatus, CallStatus
from twinning.calls.forms import ConflictForm, ScoreForm
from twinning.calls.views import show_refusal
from twinning.common.http import AuthenticatedHttpRequest
from twinning.directory.models import Organisation


@login_required
def my_reviews(request: AuthenticatedHttpRequest) -> HttpResponse:
    reviews = (
        listed_reviews(request.user)
        .annotate(scored=Count("scores"))
        .order_by("-application__call__deadline", "pk")
    )
    applying = (
        Organisation.objects.filter(
            applications__call__committee__user=request.user,
            applications__call__status=CallStatus.OPEN,
        )
        .exclude(applications__status=ApplicationStatus.WITHDRAWN)
        .distinct()
        .order_by("name")
    )
    form = ConflictForm(request.POST or None, organisations=applying)
    if request.method == "POST" and form.is_valid():
        try:
            actions.declare_conflict(
                reviewer=request.user,
                organisation=form.cleaned_data["organisation"],
                reason=form.cleaned_data["reason"],
            )
        except actions.CallError as error:
            show_refusal(request, error)
        else:
            messages.success(
                request,
                _("Your conflict of interest is recorded; you will not review this organisation."),
            )
            return redirect("calls:reviews")
    return render(
        request,
        "calls/my_reviews.html",
        {
            "reviews": reviews,
            "form": form,
            "declared": request.user.declared_conflicts.select_related("organisation"),
        },
    )


@login_required
def review_detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = access_review(request.user, pk)
    application = review.application
    criteria = list(application.call.criteria.all())
    initial = {score.criterion_id: (score.value, score.comment) for score in review.scores.all()}
    form = ScoreForm(
        request.POST or None,
        criteria=criteria,
        initial_scores=initial,
        initial={"comment": review.comment},
    )
    can_score = (
        not review.is_submitted
        and application.call.status == CallStatus.OPEN
        and application.status == ApplicationStatus.SUBMITTED
    )
    if request.method == "POST" and not can_score:
        show_refusal(
            request, actions.CallError(_("This review is submitted and can no longer be changed."))
        )
    elif request.method == "POST" and form.is_valid():
        submit = "submit" in request.POST
        try:
            actions.score_application(
                review=review,
                scores=form.scores(),
                comment=form.cleaned_data["comment"],
                actor=request.user,
                submit=submit,
            )
        except actions.CallError as error:
            show_refusal(request, error)
        else:
            if submit:
                messages.success(request, _("Your review is submitted. Thank you."))
                return redirect("calls:reviews")
            messages.success(
                request,
                _(
                    "Your draft is saved. It is not submitted yet: the committee counts submitted reviews only."
                ),
            )
            return redirect(review.get_absolute_url())
    answers = [
        (question, application.answers.get(question.key, ""))
        for question in application.call.questions.all()
    ]
    return render(
        request,
        "calls/review.html",
        {
            "review": review,
            "application": application,
            "form": form,
            "answers": answers,
            "can_score": can_score,
            "scored_count": len(initial),
            "criteria_count": len(criteria),
        },
    )
