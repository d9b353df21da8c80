"""Pages of the judicial cycle in a child's file: a hearing, a decision received from the
judge, a report sent to the judge. Scoped, traced and uncached like every page of the file
(``welfare.views.children``)."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from welfare.enums import AccessPurpose, DocumentKind
from welfare.forms.errors import save_or_show_errors
from welfare.forms.judicial import DecisionForm, HearingForm, ReportSentForm
from welfare.permissions import CASE_ROLES
from welfare.selectors import children as selectors
from welfare.services import judicial as services
from welfare.services.access_log import access_log_reads
from welfare.views.children import file_page


def _form_page(request, child, template, context):
    access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.RECORD_FORM)
    return render(request, template, {"child": child, **context})


@file_page(roles=CASE_ROLES, methods=("GET", "POST"))
def hearing_create(request, public_id):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    form = HearingForm(request.POST or None, child=child)
    if request.method == "POST" and form.is_valid():
        saved = save_or_show_errors(
            form,
            lambda: services.hearing_create(child=child, author=request.user, **form.cleaned_data),
        )
        if saved:
            messages.success(request, _("L'audience est enregistrée."))
            return redirect("children:detail", public_id=child.public_id)
    return _form_page(request, child, "welfare/children/hearing_form.html", {"form": form})


@file_page(roles=CASE_ROLES, methods=("GET", "POST"))
def decision_record(request, public_id):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    form = DecisionForm(request.POST or None, child=child)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_show_errors(
            form,
            lambda: services.decision_record(
                child=child,
                author=request.user,
                effect=data["effect"],
                target=data["target"],
                hearing=data["hearing"],
                **form.measure_fields(),
            ),
        )
        if saved:
            messages.success(request, _("La décision est enregistrée."))
            return redirect("children:detail", public_id=child.public_id)
    return _form_page(request, child, "welfare/children/decision_form.html", {"form": form})


@file_page(roles=CASE_ROLES, methods=("GET", "POST"))
def report_sent(request, public_id, document_id):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    document = get_object_or_404(child.documents, public_id=document_id)
    if document.kind not in (DocumentKind.SITUATION_REPORT, DocumentKind.DEADLINE_REPORT):
        raise Http404
    form = ReportSentForm(
        request.POST or None,
        initial={
            "sent_to_judge_on": document.sent_to_judge_on or timezone.localdate(),
            "shared_with_family_on": document.shared_with_family_on,
            "not_shared_reason": document.not_shared_reason,
        },
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        saved = save_or_show_errors(
            form,
            lambda: services.record_report_sent(
                document=document,
                sent_on=data["sent_to_judge_on"],
                shared_on=data["shared_with_family_on"],
                not_shared_reason=data["not_shared_reason"],
            ),
        )
        if saved:
            messages.success(request, _("La transmission au juge est enregistrée."))
            return redirect("children:detail", public_id=child.public_id)
    return _form_page(
        request,
        child,
        "welfare/children/report_sent_form.html",
        {"form": form, "document": document},
    )
