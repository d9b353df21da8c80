"""Pages of the prevention catalogue and of the CRIP (who sees what: ``permissions.py``).

Every page is sent with ``Cache-Control: no-store`` since most carry names of families or
children; an object outside the user's scope answers 404. A page that names children writes
their access log rows in one insert; a refused concern page is noted on its children's logs.
"""

import uuid
from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode
from django.utils.translation import gettext as _

from prevention import selectors, services
from prevention.enums import FirstAnalysis, PreventionAccessPurpose
from prevention.forms import (
    ActionFilterForm,
    ActionForm,
    ConcernAnalysisForm,
    ConcernFeedbackForm,
    ConcernForm,
    ConcernOutcomeForm,
    ConcernSignalForm,
    CripFilterForm,
    FiguresForm,
    InterventionForm,
    NewChildForm,
    PartnerForm,
)
from prevention.models import Concern
from prevention.permissions import (
    CONCERN_ROLES,
    CRIP_LIST_ROLES,
    READ_ROLES,
    WRITE_ROLES,
    sees_names,
    writes,
)
from welfare.enums import AccessPurpose, Role
from welfare.forms.children import ChildSearchForm
from welfare.forms.errors import refusal_as_messages, save_or_show_errors
from welfare.models import Child
from welfare.permissions import ChildrenOf, staff_view
from welfare.services.access_log import Read, access_log_reads

PAGE_SIZE = 25

# A page of one concern: a refused attempt at it is noted in its children's access logs.
concern_page = partial(
    staff_view,
    nominative=True,
    children_of=ChildrenOf(argument="public_id", model=Concern, lookup="concerns"),
)


def _filters(form) -> dict:
    return form.cleaned_data if form.is_valid() else {}


def _page(request, items):
    return Paginator(items, PAGE_SIZE).get_page(request.GET.get("page"))


# --- Catalogue --------------------------------------------------------------------------------


@staff_view(roles=READ_ROLES, nominative=False)
def action_list(request):
    form = ActionFilterForm(request.GET)
    data = _filters(form)
    filters = {
        "year": data.get("year"),
        "territory": data.get("territory"),
        "kind": data.get("kind", ""),
    }
    return render(
        request,
        "prevention/action_list.html",
        {
            "form": form,
            "page": _page(request, selectors.actions_list(**filters)),
            "totals": selectors.actions_totals(**filters),
            "can_write": writes(request.user),
        },
    )


@staff_view(roles=READ_ROLES, nominative=True)
def action_detail(request, public_id):
    action = selectors.action_for(public_id)
    page = _page(request, selectors.action_interventions(action))
    if sees_names(request.user):
        access_log_reads(
            user=request.user,
            children=[child for intervention in page for child in intervention.children.all()],
            purpose=PreventionAccessPurpose.PREVENTION,
            detail=action.title,
        )
    return render(
        request,
        "prevention/action_detail.html",
        {
            "action": action,
            "delivery": selectors.action_delivery(action),
            "page": page,
            "sees_names": sees_names(request.user),
            "can_write": writes(request.user),
        },
    )


@staff_view(roles=WRITE_ROLES, methods=("GET", "POST"), nominative=False)
def action_edit(request, public_id=None):
    action = selectors.action_for(public_id) if public_id else None
    form = ActionForm(request.POST or None, instance=action)
    if request.method == "POST" and form.is_valid():
        if action:
            saved = save_or_show_errors(
                form, lambda: services.action_update(action=action, **form.cleaned_data)
            )
        else:
            saved = save_or_show_errors(form, lambda: services.action_create(**form.cleaned_data))
        if saved:
            messages.success(request, _("L'action est enregistrée."))
            return redirect("prevention:action_detail", public_id=saved.public_id)
    return render(request, "prevention/action_form.html", {"form": form, "action": action})


@staff_view(roles=WRITE_ROLES, methods=("GET", "POST"), nominative=False)
def partner_create(request):
    form = PartnerForm(request.POST or None)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_show_errors(form, lambda: services.partner_create(**form.cleaned_data))
    ):
        messages.success(request, _("Le partenaire est ajouté : choisissez-le dans la liste."))
        return redirect("prevention:action_create")
    return render(request, "prevention/partner_form.html", {"form": form})


@staff_view(roles=WRITE_ROLES, methods=("GET", "POST"), nominative=True)
def intervention_create(request, public_id):
    action = selectors.action_for(public_id)
    form = InterventionForm(request.POST or None, action=action)
    if request.method == "POST" and form.is_valid():
        intervention = save_or_show_errors(
            form,
            lambda: services.intervention_create(
                action=action, author=request.user, **form.cleaned_data
            ),
        )
        if intervention:
            messages.success(request, _("L'intervention est enregistrée."))
            if action.is_home_intervention:
                return redirect(
                    "prevention:intervention_children", public_id=intervention.public_id
                )
            return redirect("prevention:action_detail", public_id=action.public_id)
    return render(
        request,
        "prevention/intervention_form.html",
        {"form": form, "action": action, "intervention": None},
    )


@staff_view(roles=WRITE_ROLES, methods=("GET", "POST"), nominative=True)
def intervention_edit(request, public_id):
    intervention = selectors.intervention_for(public_id)
    action = intervention.action
    form = InterventionForm(request.POST or None, instance=intervention, action=action)
    if request.method == "POST" and form.is_valid():
        saved = save_or_show_errors(
            form,
            lambda: services.intervention_update(intervention=intervention, **form.cleaned_data),
        )
        if saved:
            messages.success(request, _("L'intervention est enregistrée."))
            return redirect("prevention:action_detail", public_id=action.public_id)
    # The family's name identifies the children linked to the intervention.
    access_log_reads(
        user=request.user,
        children=intervention.children.only("pk"),
        purpose=PreventionAccessPurpose.PREVENTION,
        detail=intervention.action.title,
    )
    return render(
        request,
        "prevention/intervention_form.html",
        {"form": form, "action": action, "intervention": intervention},
    )


@staff_view(roles=WRITE_ROLES, methods=("GET", "POST"), nominative=True)
def intervention_delete(request, public_id):
    intervention = selectors.intervention_for(public_id)
    action = intervention.action
    if request.method == "POST":
        services.intervention_delete(intervention=intervention)
        messages.success(request, _("L'intervention est supprimée."))
        return redirect("prevention:action_detail", public_id=action.public_id)
    return render(
        request,
        "prevention/intervention_delete.html",
        {"intervention": intervention, "action": action},
    )


def _posted_child(request) -> Child:
    try:
        public_id = uuid.UUID(request.POST.get("child", ""))
    except ValueError:
        raise Http404 from None
    return get_object_or_404(Child, public_id=public_id)


def _back_to(request, url_name, public_id):
    """The same picker page, with the search the user had typed."""
    url = reverse(url_name, args=[public_id])
    text = request.POST.get("q", "")
    return redirect(f"{url}?{urlencode({'q': text})}" if text else url)


def _search(request, linked, *, purpose, detail, also=()):
    """The picker's search of children's files by name; the children shown (those already
    linked, for ``purpose``, those found, with the words typed, and the other ``Read``s of
    the page, ``also``) go to the access log."""
    form = ChildSearchForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    found = [child for child in selectors.children_find(text) if child not in linked]
    access_log_reads(
        user=request.user,
        children=linked,
        purpose=purpose,
        detail=detail,
        also=[Read(found, AccessPurpose.SEARCH, text.strip()), *also],
    )
    return form, text, found


@staff_view(roles=WRITE_ROLES, methods=("GET", "POST"), nominative=True)
def intervention_children(request, public_id):
    intervention = selectors.intervention_for(public_id)
    if not intervention.action.is_home_intervention:
        raise Http404
    if request.method == "POST":
        child = _posted_child(request)
        if "remove" in request.POST:
            services.intervention_child_remove(
                intervention=intervention, child=child, by=request.user
            )
            messages.success(request, _("%(child)s n'est plus rattaché.") % {"child": child})
        else:
            services.intervention_child_add(intervention=intervention, child=child, by=request.user)
            messages.success(request, _("%(child)s est rattaché.") % {"child": child})
        return _back_to(request, "prevention:intervention_children", public_id)
    linked = list(intervention.children.select_related("territory"))
    form, text, found = _search(
        request,
        linked,
        purpose=PreventionAccessPurpose.PREVENTION,
        detail=intervention.action.title,
    )
    return render(
        request,
        "prevention/intervention_children.html",
        {
            "intervention": intervention,
            "action": intervention.action,
            "linked": linked,
            "form": form,
            "text": text,
            "found": found,
        },
    )


@staff_view(roles=READ_ROLES, nominative=False)
def figures(request):
    form = FiguresForm(request.GET)
    data = _filters(form)
    years = selectors.prevention_years()
    year = data.get("year") or (years[0] if years else timezone.localdate().year)
    return render(
        request,
        "prevention/figures.html",
        {
            "form": form,
            "years": years,
            "figures": selectors.prevention_figures(year=year, territory=data.get("territory")),
        },
    )


# --- Informations préoccupantes ---------------------------------------------------------------


@staff_view(roles=CRIP_LIST_ROLES, nominative=True)
def concern_list(request):
    # A territory manager's list is his territory's: no filter to offer.
    manager = request.user.role == Role.TERRITORY_MANAGER
    form = None if manager else CripFilterForm(request.GET)
    territory = _filters(form).get("territory") if form else None
    today = timezone.localdate()
    return render(
        request,
        "prevention/concern_list.html",
        {
            "form": form,
            "page": _page(request, selectors.crip_list(user=request.user, territory=territory)),
            "counts": selectors.crip_counts(user=request.user, today=today),
            "today": today,
            "opens": request.user.role in CONCERN_ROLES,
            "can_write": writes(request.user),
        },
    )


@staff_view(roles=WRITE_ROLES, methods=("GET", "POST"), nominative=True)
def concern_create(request):
    form = ConcernForm(request.POST or None, initial={"received_on": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        concern = save_or_show_errors(
            form, lambda: services.concern_create(author=request.user, **form.cleaned_data)
        )
        if concern:
            messages.success(
                request,
                _("L'information préoccupante est enregistrée : indiquez les enfants concernés."),
            )
            return redirect("prevention:concern_children", public_id=concern.public_id)
    return render(request, "prevention/concern_form.html", {"form": form, "concern": None})


@concern_page(roles=CONCERN_ROLES)
def concern_detail(request, public_id):
    concern = selectors.concern_for(user=request.user, public_id=public_id)
    access_log_reads(
        user=request.user,
        children=concern.children.all(),
        purpose=PreventionAccessPurpose.CONCERN,
        detail=concern.reference,
    )
    return render(
        request,
        "prevention/concern_detail.html",
        {
            "concern": concern,
            "today": timezone.localdate(),
            "can_write": writes(request.user),
            "is_concern": concern.first_analysis == FirstAnalysis.CONCERN,
        },
    )


@concern_page(roles=WRITE_ROLES, methods=("GET", "POST"))
def concern_edit(request, public_id):
    concern = selectors.concern_for(user=request.user, public_id=public_id)
    form = ConcernForm(request.POST or None, instance=concern)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_show_errors(
            form, lambda: services.concern_update(concern=concern, **form.cleaned_data)
        )
    ):
        messages.success(request, _("L'information préoccupante est mise à jour."))
        return redirect("prevention:concern_detail", public_id=concern.public_id)
    return render(request, "prevention/concern_form.html", {"form": form, "concern": concern})


@concern_page(roles=WRITE_ROLES, methods=("GET", "POST"))
def concern_children(request, public_id):
    concern = selectors.concern_for(user=request.user, public_id=public_id)
    # The officer finds any file of the Département in the picker: the duplicates shown are
    # among the same files.
    new_child = NewChildForm(
        request.POST if request.POST.get("create") else None,
        visible=Child.objects.active_base(),
    )
    if request.method == "POST":
        if request.POST.get("create"):
            if new_child.is_valid():
                child = save_or_show_errors(
                    new_child,
                    lambda: services.concern_child_create(
                        concern=concern, by=request.user, **new_child.cleaned_data
                    ),
                )
                if child:
                    messages.success(
                        request, _("Le dossier de %(child)s est ouvert.") % {"child": child}
                    )
                    return redirect("prevention:concern_children", public_id=public_id)
        else:
            child = _posted_child(request)
            with refusal_as_messages(request):
                if "remove" in request.POST:
                    services.concern_child_remove(concern=concern, child=child, by=request.user)
                else:
                    services.concern_child_add(concern=concern, child=child, by=request.user)
            return _back_to(request, "prevention:concern_children", public_id)
    linked = list(concern.children.all())
    duplicates = [candidate.child for candidate in new_child.duplicates.candidates]
    form, text, found = _search(
        request,
        linked,
        purpose=PreventionAccessPurpose.CONCERN,
        detail=concern.reference,
        also=[Read(duplicates, AccessPurpose.DUPLICATE_CHECK)],
    )
    return render(
        request,
        "prevention/concern_children.html",
        {
            "concern": concern,
            "linked": linked,
            "form": form,
            "text": text,
            "found": found,
            "new_child": new_child,
        },
    )


@concern_page(roles=WRITE_ROLES, methods=("GET", "POST"))
def concern_analysis(request, public_id):
    concern = selectors.concern_for(user=request.user, public_id=public_id)
    if concern.evaluation_ended_on:
        raise Http404
    initial = {
        "first_analysis": concern.first_analysis,
        "analysed_on": concern.analysed_on or timezone.localdate(),
        "evaluation_started_on": concern.evaluation_started_on,
        "evaluators": list(concern.evaluators.all()),
    }
    form = ConcernAnalysisForm(
        request.POST or None,
        initial=initial,
        concern=concern,
        evaluators=selectors.possible_evaluators(concern),
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_show_errors(
            form, lambda: services.concern_analyse(concern=concern, **form.cleaned_data)
        )
    ):
        messages.success(request, _("L'analyse est enregistrée."))
        return redirect("prevention:concern_detail", public_id=concern.public_id)
    return render(request, "prevention/concern_analysis.html", {"form": form, "concern": concern})


@concern_page(roles=WRITE_ROLES, methods=("GET", "POST"))
def concern_outcome(request, public_id):
    concern = selectors.concern_for(user=request.user, public_id=public_id)
    if concern.first_analysis != FirstAnalysis.CONCERN or concern.evaluation_ended_on:
        raise Http404
    form = ConcernOutcomeForm(
        request.POST or None, concern=concern, initial={"evaluation_ended_on": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        closed = save_or_show_errors(
            form,
            lambda: services.concern_close(
                concern=concern,
                author=request.user,
                evaluation_ended_on=data["evaluation_ended_on"],
                outcome=data["outcome"],
                prosecutor_referral_on=data["prosecutor_referral_on"],
                measure=form.measure(),
            ),
        )
        if closed:
            messages.success(request, _("La suite donnée est enregistrée."))
            return redirect("prevention:concern_detail", public_id=concern.public_id)
    # The measure's beneficiary is chosen among the concern's children, listed by name.
    access_log_reads(
        user=request.user,
        children=concern.children.all(),
        purpose=PreventionAccessPurpose.CONCERN,
        detail=concern.reference,
    )
    return render(request, "prevention/concern_outcome.html", {"form": form, "concern": concern})


@concern_page(roles=WRITE_ROLES, methods=("GET", "POST"))
def concern_signal(request, public_id):
    concern = selectors.concern_for(user=request.user, public_id=public_id)
    if not concern.grave_danger or not concern.is_open:
        raise Http404
    form = ConcernSignalForm(
        request.POST or None,
        initial={"prosecutor_referral_on": concern.prosecutor_referral_on or timezone.localdate()},
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_show_errors(
            form,
            lambda: services.concern_signal(
                concern=concern, author=request.user, **form.cleaned_data
            ),
        )
    ):
        messages.success(
            request, _("Le signalement au procureur est enregistré : l'information est close.")
        )
        return redirect("prevention:concern_detail", public_id=concern.public_id)
    return render(request, "prevention/concern_signal.html", {"form": form, "concern": concern})


@concern_page(roles=WRITE_ROLES, methods=("GET", "POST"))
def concern_feedback(request, public_id):
    concern = selectors.concern_for(user=request.user, public_id=public_id)
    if not concern.prosecutor_referral_on:
        raise Http404
    form = ConcernFeedbackForm(request.POST or None, instance=concern)
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_show_errors(
            form, lambda: services.concern_feedback(concern=concern, **form.cleaned_data)
        )
    ):
        messages.success(request, _("Le retour du parquet est enregistré."))
        return redirect("prevention:concern_detail", public_id=concern.public_id)
    return render(request, "prevention/concern_feedback.html", {"form": form, "concern": concern})
