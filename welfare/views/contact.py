"""The families' contact inbox, for reception and the directorate.

Its pages show the families' messages and addresses: like the children's files, they are sent
``no-store`` so that no browser or proxy keeps a copy after the session ends.
"""

import json

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from welfare import tasks
from welfare.forms.contact import (
    ContactAssignForm,
    ContactFilterForm,
    ContactReplyForm,
    retention_period,
)
from welfare.forms.errors import refusal_as_messages
from welfare.jobs import enqueue_on_commit
from welfare.models import ContactRequest
from welfare.permissions import CONTACT_ROLES, staff_view
from welfare.selectors.contact import contact_request_history, contact_requests_filtered
from welfare.services.contact import (
    EMAIL_CATCH_UP,
    contact_request_assign,
    contact_request_close,
    contact_request_export,
    contact_request_reply,
)

PAGE_SIZE = 25


def _get_request(public_id) -> ContactRequest:
    return get_object_or_404(ContactRequest.objects.for_inbox(), public_id=public_id)


@staff_view(roles=CONTACT_ROLES, nominative=True)
def inbox(request):
    filter_form = ContactFilterForm(request.GET)
    requests = contact_requests_filtered(**filter_form.filters())
    page = Paginator(requests, PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "welfare/contact/inbox.html", {"filter_form": filter_form, "page": page})


@staff_view(roles=CONTACT_ROLES, nominative=True)
def detail(request, public_id):
    return _render_detail(request, _get_request(public_id))


@staff_view(roles=CONTACT_ROLES, methods=("POST",), nominative=True)
def assign(request, public_id):
    contact_request = _get_request(public_id)
    form = ContactAssignForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, contact_request, assign_form=form)
    assignee = form.cleaned_data["assignee"]
    with refusal_as_messages(request):
        contact_request_assign(contact_request=contact_request, assignee=assignee, by=request.user)
        messages.success(request, _("Demande attribuée à %(name)s.") % {"name": assignee})
    return redirect("contact_request_detail", public_id=public_id)


@staff_view(roles=CONTACT_ROLES, methods=("POST",), nominative=True)
def reply(request, public_id):
    contact_request = _get_request(public_id)
    form = ContactReplyForm(request.POST)
    if not form.is_valid():
        return _render_detail(request, contact_request, reply_form=form)
    with refusal_as_messages(request):
        saved = contact_request_reply(
            contact_request=contact_request, author=request.user, body=form.cleaned_data["body"]
        )
        enqueue_on_commit(tasks.contact_reply_send, saved.pk, catch_up=EMAIL_CATCH_UP)
        messages.success(
            request,
            _("Réponse enregistrée ; elle part par courriel à %(email)s.")
            % {"email": contact_request.email},
        )
    return redirect("contact_request_detail", public_id=public_id)


@staff_view(roles=CONTACT_ROLES, methods=("GET", "POST"), nominative=True)
def close(request, public_id):
    contact_request = _get_request(public_id)
    if contact_request.is_closed:
        messages.info(request, _("Cette demande est déjà clôturée."))
        return redirect("contact_request_detail", public_id=public_id)
    if request.method == "POST":
        with refusal_as_messages(request):
            contact_request_close(contact_request=contact_request, by=request.user)
            messages.success(request, _("Demande clôturée."))
        return redirect("contact_request_detail", public_id=public_id)
    return render(
        request,
        "welfare/contact/close.html",
        {"contact_request": contact_request, "retention": retention_period()},
    )


@staff_view(roles=CONTACT_ROLES, methods=("POST",), nominative=True)
def export(request, public_id):
    """The person's data as a JSON file, when they ask for it (right of access)."""
    contact_request = _get_request(public_id)
    data = contact_request_export(contact_request=contact_request, by=request.user)
    response = HttpResponse(
        json.dumps(data, ensure_ascii=False, indent=2), content_type="application/json"
    )
    response["Content-Disposition"] = (
        f'attachment; filename="demande-{contact_request.reference}.json"'
    )
    return response


def _render_detail(request, contact_request, *, assign_form=None, reply_form=None):
    return render(
        request,
        "welfare/contact/detail.html",
        {
            "contact_request": contact_request,
            "replies": contact_request.replies.select_related("author"),
            "history": contact_request_history(contact_request=contact_request),
            "assign_form": assign_form
            or ContactAssignForm(initial={"assignee": contact_request.assignee_id}),
            "reply_form": reply_form or ContactReplyForm(),
        },
    )
