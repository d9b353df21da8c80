"""Pages of plans and budgets: the directorate edits them, territory managers read them, and
the public reads the published plans."""

from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from schemes import charts, forms, publication, selectors, services
from schemes.models import (
    Action,
    Budget,
    BudgetLine,
    Funding,
    Indicator,
    Measurement,
    Milestone,
    Objective,
    Scheme,
)
from schemes.permissions import EDIT_ROLES, READ_ROLES, can_edit
from welfare.forms.errors import refusal_as_messages, save_or_show_errors
from welfare.permissions import public_view, staff_view

PAGE_SIZE = 20

# Plans and budgets name no child: their pages are not nominative, and no-store all the same.
read_page = staff_view(roles=READ_ROLES, nominative=False)
edit_page = staff_view(roles=EDIT_ROLES, methods=("GET", "POST"), nominative=False)


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("page"))


def _edit(request, *, form, title, back_url, next_url=None):
    """Show ``form``; once valid, save its record through the service, then go back to
    ``back_url``, or to ``next_url(record)`` when the page to show depends on the record."""
    # The service checks the record again: another request may have taken the number or the
    # date between the form's validation and the save.
    record = (
        request.method == "POST"
        and form.is_valid()
        and save_or_show_errors(
            form, lambda: services.record_save(record=form.instance, data=form.cleaned_data)
        )
    )
    if record:
        messages.success(request, _("Enregistré."))
        return redirect(next_url(record) if next_url else back_url)
    return render(
        request, "schemes/form.html", {"form": form, "title": title, "back_url": back_url}
    )


def _delete(request, *, record, title, warning, back_url, success_url=None):
    """Ask for confirmation on GET, delete on POST."""
    if request.method == "POST":
        services.record_delete(record=record)
        messages.success(request, _("Supprimé."))
        return redirect(success_url or back_url)
    return render(
        request,
        "schemes/confirm_delete.html",
        {"title": title, "warning": warning, "back_url": back_url},
    )


def _scheme_url(scheme):
    return reverse("schemes:scheme_detail", args=[scheme.pk])


def _action_url(action):
    return reverse("schemes:action_detail", args=[action.pk])


def _budget_url(budget):
    return reverse("schemes:budget_detail", args=[budget.year])


# --- Plans -----------------------------------------------------------------------------------


@read_page
def scheme_list(request):
    schemes = selectors.scheme_list(schemes=Scheme.objects.for_user(request.user))
    return render(
        request,
        "schemes/scheme_list.html",
        {"page": _page(request, schemes), "can_edit": can_edit(request.user)},
    )


@read_page
def scheme_detail(request, pk):
    schemes = selectors.scheme_with_plan(schemes=Scheme.objects.for_user(request.user))
    scheme = get_object_or_404(schemes, pk=pk)
    totals = selectors.plan_totals(scheme=scheme)
    return render(
        request,
        "schemes/scheme_detail.html",
        {
            "scheme": scheme,
            "totals": totals,
            "funding_chart": charts.funding_chart(totals=totals),
            "can_edit": can_edit(request.user),
            "unpublished_changes": selectors.has_unpublished_changes(scheme=scheme),
        },
    )


@staff_view(roles=EDIT_ROLES, methods=("POST",), nominative=False)
def scheme_publication(request, pk):
    """Publish the plan's draft in one step, or take the plan off the public site."""
    scheme = get_object_or_404(Scheme.objects.for_user(request.user), pk=pk)
    with refusal_as_messages(request):
        if request.POST.get("retirer"):
            services.scheme_unpublish(scheme=scheme)
            messages.success(request, _("Le schéma n'est plus sur le site public."))
        else:
            services.scheme_publish(scheme=scheme)
            messages.success(request, _("La page publique montre désormais cette version."))
    return redirect(_scheme_url(scheme))


@edit_page
def scheme_create(request):
    return _edit(
        request,
        form=forms.SchemeForm(request.POST or None),
        title=_("Nouveau schéma ou plan"),
        back_url=reverse("schemes:scheme_list"),
        next_url=_scheme_url,
    )


@edit_page
def scheme_update(request, pk):
    scheme = get_object_or_404(Scheme.objects.for_user(request.user), pk=pk)
    return _edit(
        request,
        form=forms.SchemeForm(request.POST or None, instance=scheme),
        title=_("Modifier le schéma"),
        back_url=_scheme_url(scheme),
    )


@edit_page
def scheme_delete(request, pk):
    scheme = get_object_or_404(Scheme.objects.for_user(request.user), pk=pk)
    return _delete(
        request,
        record=scheme,
        title=_("Supprimer « %(title)s »") % {"title": scheme.title},
        warning=_("Ses objectifs et ses actions, avec leurs financements, seront supprimés."),
        back_url=_scheme_url(scheme),
        success_url=reverse("schemes:scheme_list"),
    )


@edit_page
def objective_create(request, pk):
    scheme = get_object_or_404(Scheme.objects.for_user(request.user), pk=pk)
    number = selectors.next_number(siblings=scheme.objectives.all())
    return _edit(
        request,
        form=forms.ObjectiveForm(
            request.POST or None, instance=Objective(scheme=scheme), initial={"number": number}
        ),
        title=_("Nouvel objectif"),
        back_url=_scheme_url(scheme),
    )


def _objective(request, pk):
    schemes = Scheme.objects.for_user(request.user)
    return get_object_or_404(Objective.objects.filter(scheme__in=schemes), pk=pk)


@edit_page
def objective_update(request, pk):
    objective = _objective(request, pk)
    return _edit(
        request,
        form=forms.ObjectiveForm(request.POST or None, instance=objective),
        title=_("Modifier l'objectif %(number)s") % {"number": objective.number},
        back_url=_scheme_url(objective.scheme),
    )


@edit_page
def objective_delete(request, pk):
    objective = _objective(request, pk)
    return _delete(
        request,
        record=objective,
        title=_("Supprimer l'objectif %(number)s") % {"number": objective.number},
        warning=_("Ses actions, leurs financements et indicateurs seront supprimés."),
        back_url=_scheme_url(objective.scheme),
    )


def _action(request, pk):
    schemes = Scheme.objects.for_user(request.user)
    actions = Action.objects.filter(objective__scheme__in=schemes)
    return get_object_or_404(actions.select_related("objective__scheme"), pk=pk)


@edit_page
def action_create(request, pk):
    objective = _objective(request, pk)
    number = selectors.next_number(siblings=objective.actions.all())
    form = forms.ActionForm(
        request.POST or None,
        instance=Action(),
        initial={"objective": objective, "number": number},
        scheme=objective.scheme,
    )
    return _edit(
        request,
        form=form,
        title=_("Nouvelle action"),
        back_url=_scheme_url(objective.scheme),
    )


@read_page
def action_detail(request, pk):
    schemes = Scheme.objects.for_user(request.user)
    actions = selectors.action_with_details(
        actions=Action.objects.filter(objective__scheme__in=schemes)
    )
    action = get_object_or_404(actions, pk=pk)
    return render(
        request,
        "schemes/action_detail.html",
        {"action": action, "can_edit": can_edit(request.user)},
    )


@edit_page
def action_update(request, pk):
    action = _action(request, pk)
    return _edit(
        request,
        form=forms.ActionForm(
            request.POST or None, instance=action, scheme=action.objective.scheme
        ),
        title=_("Modifier la fiche action %(code)s") % {"code": action.code},
        back_url=_action_url(action),
    )


@edit_page
def action_delete(request, pk):
    action = _action(request, pk)
    return _delete(
        request,
        record=action,
        title=_("Supprimer la fiche action %(code)s") % {"code": action.code},
        warning=_("Ses financements, jalons et indicateurs seront supprimés."),
        back_url=_action_url(action),
        success_url=_scheme_url(action.objective.scheme),
    )


def _part_of_action(request, model, pk):
    """A milestone, funding line or indicator of an action the user may see."""
    schemes = Scheme.objects.for_user(request.user)
    records = model.objects.filter(action__objective__scheme__in=schemes)
    return get_object_or_404(records.select_related("action__objective"), pk=pk)


def _part_create(request, pk, *, model, form_class, title):
    action = _action(request, pk)
    return _edit(
        request,
        form=form_class(request.POST or None, instance=model(action=action)),
        title=title,
        back_url=_action_url(action),
    )


def _part_update(request, pk, *, model, form_class, title):
    record = _part_of_action(request, model, pk)
    return _edit(
        request,
        form=form_class(request.POST or None, instance=record),
        title=title,
        back_url=_action_url(record.action),
    )


def _part_delete(request, pk, *, model, title):
    record = _part_of_action(request, model, pk)
    return _delete(
        request,
        record=record,
        title=title % {"name": record},
        warning="",
        back_url=_action_url(record.action),
    )


@edit_page
def milestone_create(request, pk):
    return _part_create(
        request, pk, model=Milestone, form_class=forms.MilestoneForm, title=_("Nouveau jalon")
    )


@edit_page
def milestone_update(request, pk):
    return _part_update(
        request, pk, model=Milestone, form_class=forms.MilestoneForm, title=_("Modifier le jalon")
    )


@edit_page
def milestone_delete(request, pk):
    return _part_delete(request, pk, model=Milestone, title=_("Supprimer le jalon « %(name)s »"))


@edit_page
def funding_create(request, pk):
    return _part_create(
        request,
        pk,
        model=Funding,
        form_class=forms.FundingForm,
        title=_("Nouvelle ligne de financement"),
    )


@edit_page
def funding_update(request, pk):
    return _part_update(
        request,
        pk,
        model=Funding,
        form_class=forms.FundingForm,
        title=_("Modifier la ligne de financement"),
    )


@edit_page
def funding_delete(request, pk):
    return _part_delete(
        request, pk, model=Funding, title=_("Supprimer le financement « %(name)s »")
    )


@edit_page
def indicator_create(request, pk):
    return _part_create(
        request, pk, model=Indicator, form_class=forms.IndicatorForm, title=_("Nouvel indicateur")
    )


@edit_page
def indicator_update(request, pk):
    return _part_update(
        request,
        pk,
        model=Indicator,
        form_class=forms.IndicatorForm,
        title=_("Modifier l'indicateur"),
    )


@edit_page
def indicator_delete(request, pk):
    return _part_delete(
        request, pk, model=Indicator, title=_("Supprimer l'indicateur « %(name)s » et ses mesures")
    )


def _measurement(request, pk):
    schemes = Scheme.objects.for_user(request.user)
    records = Measurement.objects.filter(indicator__action__objective__scheme__in=schemes)
    return get_object_or_404(records.select_related("indicator__action"), pk=pk)


@edit_page
def measurement_create(request, pk):
    indicator = _part_of_action(request, Indicator, pk)
    return _edit(
        request,
        form=forms.MeasurementForm(request.POST or None, instance=Measurement(indicator=indicator)),
        title=_("Nouvelle mesure de « %(name)s »") % {"name": indicator.name},
        back_url=_action_url(indicator.action),
    )


@edit_page
def measurement_update(request, pk):
    measurement = _measurement(request, pk)
    return _edit(
        request,
        form=forms.MeasurementForm(request.POST or None, instance=measurement),
        title=_("Modifier la mesure de « %(name)s »") % {"name": measurement.indicator.name},
        back_url=_action_url(measurement.indicator.action),
    )


@edit_page
def measurement_delete(request, pk):
    measurement = _measurement(request, pk)
    return _delete(
        request,
        record=measurement,
        title=_("Supprimer la mesure du %(date)s")
        % {"date": date_format(measurement.measured_on, "SHORT_DATE_FORMAT")},
        warning="",
        back_url=_action_url(measurement.indicator.action),
    )


# --- Budgets ---------------------------------------------------------------------------------


def _budget(request, year):
    return get_object_or_404(Budget.objects.for_user(request.user), year=year)


@read_page
def budget_list(request):
    budgets = selectors.budget_list(budgets=Budget.objects.for_user(request.user))
    return render(
        request,
        "schemes/budget_list.html",
        {"page": _page(request, budgets), "can_edit": can_edit(request.user)},
    )


@read_page
def budget_detail(request, year):
    budget = _budget(request, year)
    figures = selectors.budget_figures(budget=budget)
    return render(
        request,
        "schemes/budget_detail.html",
        {
            "figures": figures,
            "chart": charts.budget_chart(figures=figures),
            "can_edit": can_edit(request.user),
            "can_add_line": bool(selectors.free_domains(budget=budget)),
        },
    )


@edit_page
def budget_create(request):
    return _edit(
        request,
        form=forms.BudgetForm(request.POST or None),
        title=_("Nouveau budget annuel"),
        back_url=reverse("schemes:budget_list"),
        next_url=_budget_url,
    )


@edit_page
def budget_update(request, year):
    budget = _budget(request, year)
    return _edit(
        request,
        form=forms.BudgetForm(request.POST or None, instance=budget),
        title=_("Modifier le budget %(year)s") % {"year": budget.year},
        back_url=_budget_url(budget),
        # The address names the year, which the form may have changed.
        next_url=_budget_url,
    )


@edit_page
def budget_delete(request, year):
    budget = _budget(request, year)
    return _delete(
        request,
        record=budget,
        title=_("Supprimer le budget %(year)s") % {"year": budget.year},
        warning=_("Toutes ses lignes seront supprimées."),
        back_url=_budget_url(budget),
        success_url=reverse("schemes:budget_list"),
    )


@edit_page
def budget_line_create(request, year):
    budget = _budget(request, year)
    if not selectors.free_domains(budget=budget):
        messages.info(request, _("Ce budget a déjà une ligne pour chaque domaine."))
        return redirect(_budget_url(budget))
    return _edit(
        request,
        form=forms.BudgetLineForm(request.POST or None, instance=BudgetLine(budget=budget)),
        title=_("Nouvelle ligne du budget %(year)s") % {"year": budget.year},
        back_url=_budget_url(budget),
    )


def _budget_line(request, pk):
    budgets = Budget.objects.for_user(request.user)
    return get_object_or_404(BudgetLine.objects.filter(budget__in=budgets), pk=pk)


@edit_page
def budget_line_update(request, pk):
    line = _budget_line(request, pk)
    return _edit(
        request,
        form=forms.BudgetLineForm(request.POST or None, instance=line),
        title=_("Modifier la ligne « %(domain)s »") % {"domain": line.get_domain_display()},
        back_url=_budget_url(line.budget),
    )


@edit_page
def budget_line_delete(request, pk):
    line = _budget_line(request, pk)
    return _delete(
        request,
        record=line,
        title=_("Supprimer la ligne « %(domain)s »") % {"domain": line.get_domain_display()},
        warning="",
        back_url=_budget_url(line.budget),
    )


# --- Public pages ----------------------------------------------------------------------------


@public_view
@require_GET
def public_schemes(request):
    # Each plan as its last publication put it, not as it is being edited.
    page = _page(request, Scheme.objects.published())
    plans = [publication.published_plan(scheme) for scheme in page]
    rows = [(plan, selectors.plan_totals(scheme=plan)) for plan in plans]
    return render(request, "schemes/public_list.html", {"page": page, "rows": rows})


@public_view
@require_GET
def public_scheme_detail(request, pk):
    scheme = publication.published_plan(get_object_or_404(Scheme.objects.published(), pk=pk))
    totals = selectors.plan_totals(scheme=scheme)
    return render(
        request,
        "schemes/public_detail.html",
        {"scheme": scheme, "totals": totals, "funding_chart": charts.funding_chart(totals=totals)},
    )
