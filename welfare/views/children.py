"""Pages of the children's files, for référents ASE and territory managers only.

Every page is scoped by ``Child.objects.for_user`` (another territory's child answers 404),
sent with ``Cache-Control: no-store``, and every page that shows children's names writes
their ``AccessLog`` rows in one insert: the file, its forms, the search, the lists.
"""

import uuid
from datetime import timedelta
from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from welfare.enums import AccessPurpose, DocumentKind, MeasureType, Role
from welfare.forms.children import (
    CaseloadFilterForm,
    ChildForm,
    ChildSearchForm,
    DocumentForm,
    GuardianForm,
    LegalHoldForm,
    MeasureEndForm,
    MeasureForm,
)
from welfare.forms.errors import save_or_show_errors
from welfare.models import Child, Measure
from welfare.permissions import CASE_ROLES, staff_view
from welfare.selectors import children as selectors
from welfare.services import children as services
from welfare.services.access_log import access_log_reads
from welfare.services.merges import merged_into
from welfare.timeline import sections_for, timeline_for

LIST_PAGE_SIZE = 25
CASELOAD_PAGE_SIZE = 50
ACCESS_LOG_PAGE_SIZE = 50
ARCHIVE_PAGE_SIZE = 50
# Who decides that a file stays in the active base: the territory manager for his territory's
# files, the archivist for the archived ones (each reaches only those through ``for_user``).
LEGAL_HOLD_ROLES = (Role.TERRITORY_MANAGER, Role.ARCHIVIST)

# A page of one child's file: a refused attempt at it is noted in the file's access log.
file_page = partial(staff_view, nominative=True, child_argument="public_id")


@staff_view(roles=CASE_ROLES, nominative=True)
def child_list(request):
    form = ChildSearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    children = selectors.children_search(user=request.user, text=text, today=timezone.localdate())
    page = Paginator(children, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    # Only the children of the page shown, with the words typed when there are some.
    access_log_reads(
        user=request.user,
        children=page.object_list,
        purpose=AccessPurpose.SEARCH if text.strip() else AccessPurpose.CHILDREN_LIST,
        detail=text.strip(),
    )
    return render(
        request,
        "welfare/children/list.html",
        {"form": form, "page": page, "text": text},
    )


def _page_number(value) -> int:
    """The page asked for, as ``Paginator.get_page`` reads it: the first one when it is not
    a number, the last one (read again by the selector) when it is past the end."""
    try:
        return max(int(value), 1)
    except (TypeError, ValueError):
        return 1


@staff_view(roles=CASE_ROLES, nominative=True)
def caseload(request):
    manager = request.user.role == Role.TERRITORY_MANAGER
    caseworkers = selectors.territory_caseworkers(request.user.territory) if manager else None
    form = CaseloadFilterForm(request.GET, caseworkers=caseworkers)
    filters = form.cleaned_data if form.is_valid() else {}
    result = selectors.caseload(
        user=request.user,
        today=timezone.localdate(),
        referent=filters.get("referent"),
        status=filters.get("status", ""),
        kind=filters.get("kind", ""),
        page=_page_number(request.GET.get("page")),
        per_page=CASELOAD_PAGE_SIZE,
    )
    page = Paginator(result.rows, CASELOAD_PAGE_SIZE).get_page(request.GET.get("page"))
    access_log_reads(
        user=request.user,
        children=[row.child for row in page.object_list],
        purpose=AccessPurpose.WORKLIST,
    )
    return render(
        request,
        "welfare/children/caseload.html",
        {"form": form, "caseload": result, "page": page, "manager": manager},
    )


@staff_view(roles=CASE_ROLES, methods=("GET", "POST"), nominative=True)
def child_create(request):
    territory = request.user.territory
    caseworkers = selectors.territory_caseworkers(territory)
    initial = {"referent": request.user} if request.user.role == Role.CASEWORKER else {}
    form = ChildForm(
        request.POST or None,
        territory=territory,
        caseworkers=caseworkers,
        initial=initial,
        visible=Child.objects.for_user(request.user),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        siblings = data.pop("siblings")
        child = save_or_show_errors(
            form,
            lambda: services.child_create(territory=territory, siblings=siblings, **data),
        )
        if child:
            messages.success(request, _("Le dossier de l'enfant est créé."))
            return redirect("children:detail", public_id=child.public_id)
    # The possible duplicates shown are read from their files.
    access_log_reads(
        user=request.user,
        children=[candidate.child for candidate in form.duplicates.candidates],
        purpose=AccessPurpose.DUPLICATE_CHECK,
    )
    return render(request, "welfare/children/child_form.html", {"form": form, "child": None})


@staff_view(roles=(Role.ARCHIVIST,), nominative=True)
def archive_list(request):
    form = ChildSearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    children = selectors.archived_files(user=request.user, text=text)
    page = Paginator(children, ARCHIVE_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "welfare/children/archive_list.html",
        {"form": form, "page": page, "text": text},
    )


@file_page(roles=(*CASE_ROLES, Role.ARCHIVIST))
def child_detail(request, public_id):
    """The file: in the active base for the case roles, in intermediate archiving, read-only,
    for the archivist (``for_user`` gives each only theirs, the others answer 404). The
    address of a file merged into another leads to the file kept."""
    try:
        child = selectors.child_file(user=request.user, public_id=public_id)
    except Http404:
        kept = merged_into(public_id)
        if kept is None or not Child.objects.for_user(request.user).filter(pk=kept.pk).exists():
            raise
        return redirect("children:detail", public_id=kept.public_id)
    access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.FILE_OPENED)
    today = timezone.localdate()
    clocks = selectors.child_clocks(child, today=today)
    measures = list(child.measures.all())
    renewed = {measure.renews_id for measure in measures}
    return render(
        request,
        "welfare/children/detail.html",
        {
            "child": child,
            "age": child.age_on(today),
            "clocks": clocks,
            "measures": list(reversed(measures)),
            "renewed": renewed,
            "active_measures": [m for m in measures if m.is_active_on(today)],
            "documents": list(reversed(child.documents.all())),
            "timeline": timeline_for(child, selectors.own_timeline(child)),
            "sections": sections_for(child, request.user),
            "document_kinds": DocumentKind.choices,
            "report_kinds": (DocumentKind.SITUATION_REPORT, DocumentKind.DEADLINE_REPORT),
            "hearings": list(reversed(child.hearings.all())),
            "can_read_access_log": request.user.role == Role.TERRITORY_MANAGER,
            "read_only": child.archived_at is not None,
            "can_hold": request.user.role in LEGAL_HOLD_ROLES,
        },
    )


@file_page(roles=LEGAL_HOLD_ROLES, methods=("GET", "POST"))
def legal_hold(request, public_id):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    form = LegalHoldForm(
        request.POST or None,
        initial={"hold": child.legal_hold, "reason": child.legal_hold_reason},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        archived = child.archived_at is not None
        if save_or_show_errors(
            form,
            lambda: services.child_legal_hold_set(
                child=child, by=request.user, hold=data["hold"], reason=data["reason"]
            ),
        ):
            if not data["hold"]:
                messages.success(request, _("Le maintien en base active est levé."))
                return redirect("children:detail", public_id=child.public_id)
            if archived:
                # Back in the active base, the file is no longer the archivist's to read.
                messages.success(request, _("Le dossier est revenu en base active."))
                return redirect("children:archive_list")
            messages.success(request, _("Le dossier est maintenu en base active."))
            return redirect("children:detail", public_id=child.public_id)
    return render(request, "welfare/children/legal_hold_form.html", {"form": form, "child": child})


@file_page(roles=CASE_ROLES, methods=("GET", "POST"))
def child_edit(request, public_id):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    form = ChildForm(
        request.POST or None,
        instance=child,
        territory=child.territory,
        caseworkers=selectors.territory_caseworkers(child.territory),
        visible=Child.objects.none(),
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        siblings = data.pop("siblings")
        if save_or_show_errors(
            form, lambda: services.child_update(child=child, siblings=siblings, **data)
        ):
            messages.success(request, _("Le dossier de l'enfant est mis à jour."))
            return redirect("children:detail", public_id=child.public_id)
    access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.IDENTITY_FORM)
    return render(request, "welfare/children/child_form.html", {"form": form, "child": child})


@file_page(roles=CASE_ROLES, methods=("GET", "POST"))
def guardian_edit(request, public_id, guardian_id=None):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    # Through the child's own manager, so that ``guardian.child`` is this child (no query).
    guardian = get_object_or_404(child.guardians, public_id=guardian_id) if guardian_id else None
    form = GuardianForm(request.POST or None, instance=guardian, child=child)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        if guardian:
            saved = save_or_show_errors(
                form, lambda: services.guardian_update(guardian=guardian, **data)
            )
        else:
            saved = save_or_show_errors(form, lambda: services.guardian_create(child=child, **data))
        if saved:
            messages.success(request, _("Le responsable ou proche est enregistré."))
            return redirect("children:detail", public_id=child.public_id)
    access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.GUARDIAN_FORM)
    return render(
        request,
        "welfare/children/guardian_form.html",
        {"form": form, "child": child, "guardian": guardian},
    )


def _renewal_initial(child, request):
    """Initial values of a renewal: the same measure, starting the day after it ends."""
    try:
        renews_id = uuid.UUID(request.GET.get("renouvelle", ""))
    except ValueError:
        return {}
    renews = Measure.objects.filter(child=child, public_id=renews_id).first()
    if renews is None or renews.end_date is None:
        return {}
    return {
        "renews": renews,
        "type": renews.type,
        "decided_by": renews.decided_by,
        "court": renews.court,
        "parental_agreement": renews.parental_agreement,
        "start_date": renews.end_date + timedelta(days=1),
    }


@file_page(roles=CASE_ROLES, methods=("GET", "POST"))
def measure_edit(request, public_id, measure_id=None):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    measure = get_object_or_404(child.measures, public_id=measure_id) if measure_id else None
    initial = {} if measure else _renewal_initial(child, request)
    form = MeasureForm(request.POST or None, instance=measure, child=child, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        renews = data.pop("renews")
        if measure:
            saved = save_or_show_errors(
                form, lambda: services.measure_update(measure=measure, renews=renews, **data)
            )
        else:
            saved = save_or_show_errors(
                form,
                lambda: services.measure_create(
                    child=child, author=request.user, renews=renews, **data
                ),
            )
        if saved:
            messages.success(request, _("La mesure est enregistrée."))
            return redirect("children:detail", public_id=child.public_id)
    access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.RECORD_FORM)
    return render(
        request,
        "welfare/children/measure_form.html",
        {
            "form": form,
            "child": child,
            "measure": measure,
            "administrative_types": MeasureType.administrative(),
        },
    )


@file_page(roles=CASE_ROLES, methods=("GET", "POST"))
def measure_end(request, public_id, measure_id):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    measure = get_object_or_404(child.measures, public_id=measure_id)
    if measure.end_reason:
        raise Http404
    form = MeasureEndForm(
        request.POST or None,
        initial={"end_date": measure.end_date or timezone.localdate()},
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ended = save_or_show_errors(
            form,
            lambda: services.measure_end(
                measure=measure, end_date=data["end_date"], end_reason=data["end_reason"]
            ),
        )
        if ended:
            messages.success(request, _("La fin de la mesure est enregistrée."))
            return redirect("children:detail", public_id=child.public_id)
    access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.RECORD_FORM)
    return render(
        request,
        "welfare/children/measure_end.html",
        {"form": form, "child": child, "measure": measure},
    )


@file_page(roles=CASE_ROLES, methods=("GET", "POST"))
def document_create(request, public_id):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    kind = request.GET.get("type")
    initial = {"kind": kind} if kind in DocumentKind.values else {}
    if kind == DocumentKind.PPE:
        initial["referent"] = child.referent
    form = DocumentForm(
        request.POST or None,
        child=child,
        caseworkers=selectors.territory_caseworkers(child.territory),
        initial=initial,
    )
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        document = save_or_show_errors(
            form,
            lambda: services.document_create(child=child, author=request.user, **data),
        )
        if document:
            messages.success(request, _("Le document est enregistré."))
            return redirect("children:detail", public_id=child.public_id)
    access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.RECORD_FORM)
    return render(request, "welfare/children/document_form.html", {"form": form, "child": child})


@file_page(roles=(Role.TERRITORY_MANAGER,))
def access_log(request, public_id):
    child = selectors.child_for_user(user=request.user, public_id=public_id)
    page = Paginator(selectors.access_log(child), ACCESS_LOG_PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    response = render(request, "welfare/children/access_log.html", {"child": child, "page": page})
    # Noted once the page is read, so that the page does not list its own reading.
    access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.ACCESS_REVIEW)
    return response


@staff_view(roles=(Role.TERRITORY_MANAGER,), nominative=True)
def refused_accesses(request):
    page = Paginator(
        selectors.territory_refusals(request.user.territory), ACCESS_LOG_PAGE_SIZE
    ).get_page(request.GET.get("page"))
    response = render(request, "welfare/children/refused_accesses.html", {"page": page})
    access_log_reads(
        user=request.user,
        children=[entry.child for entry in page.object_list],
        purpose=AccessPurpose.ACCESS_REVIEW,
    )
    return response
