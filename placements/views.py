"""Pages of the placements: placing, ending and moving a child (from the child's file), the
capacity board, and the management of establishments, assistants familiaux and agréments.

Every view checks the role, then reads through a scoped query: a child or a provider outside
the user's scope answers 404. The forms of a child's placements note the child's name read in
the access log, and a refused attempt at them (through the child or the placement) too.
"""

from functools import partial

from django.contrib import messages
from django.core.paginator import Paginator
from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from placements import selectors, services
from placements.enums import AgrementState, PlaceKind
from placements.forms import (
    AgrementForm,
    AgrementReminderForm,
    AgrementStateForm,
    ApplicationCompleteForm,
    ApplicationDecisionForm,
    ApplicationExtendForm,
    ApplicationReceiveForm,
    ApplicationTacitForm,
    BoardFilterForm,
    DailyRateForm,
    DefaultRateForm,
    EstablishmentForm,
    FosterCarerForm,
    PlacementEndForm,
    PlacementForm,
    PlacementMoveForm,
)
from placements.models import (
    Agrement,
    AgrementApplication,
    DailyRate,
    Establishment,
    FosterCarer,
    Placement,
)
from placements.permissions import (
    BOARD_ROLES,
    PLACEMENT_ROLES,
    PROVIDER_ROLES,
    RATE_ROLES,
    sees_whole_departement,
)
from placements.rules import agrement_parameters, application_clock, suspension_end
from welfare.enums import AccessPurpose
from welfare.forms.errors import save_or_show_errors
from welfare.models import Child
from welfare.permissions import ChildrenOf, staff_view
from welfare.scope import Scope
from welfare.services.access_log import access_log_reads

BOARD_PAGE_SIZE = 50
LIST_PAGE_SIZE = 25


def _posted(request, form) -> bool:
    return request.method == "POST" and form.is_valid()


def _form_page(request, form, *, title, submit, back_url, intro="", child=None):
    """A form page; its Cancel link returns to ``back_url``. A child's name it shows is noted
    in the child's access log."""
    if child is not None:
        access_log_reads(user=request.user, children=[child], purpose=AccessPurpose.RECORD_FORM)
    return render(
        request,
        "placements/form.html",
        {
            "form": form,
            "title": title,
            "submit": submit,
            "back_url": back_url,
            "intro": intro,
            "child": child,
        },
    )


# --- A child's placements ---------------------------------------------------------------------


def _file_url(child):
    return reverse("children:detail", args=[child.public_id])


def _child(request, public_id):
    return get_object_or_404(
        Child.objects.for_user(request.user).select_related("territory"), public_id=public_id
    )


def _placement(request, public_id):
    return get_object_or_404(
        Placement.objects.for_user(request.user).select_related(
            "child", "measure", "establishment", "foster_carer"
        ),
        public_id=public_id,
        end_reason="",
    )


@staff_view(
    roles=PLACEMENT_ROLES, methods=("GET", "POST"), nominative=True, child_argument="public_id"
)
def placement_create(request, public_id):
    child = _child(request, public_id)
    form = PlacementForm(
        request.POST or None, child=child, initial={"start_date": timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        placement = save_or_show_errors(
            form,
            lambda: services.placement_create(
                child=child, author=request.user, **form.cleaned_data
            ),
        )
        if placement:
            messages.success(request, _("Le placement est enregistré."))
            return redirect("children:detail", public_id=child.public_id)
    return _form_page(
        request,
        form,
        title=_("Placer l'enfant"),
        submit=_("Enregistrer le placement"),
        back_url=_file_url(child),
        child=child,
    )


# A page of one placement: a refused attempt at it is noted in the child's access log.
placement_page = partial(
    staff_view,
    nominative=True,
    children_of=ChildrenOf(argument="public_id", model=Placement, lookup="placements"),
)


@placement_page(roles=PLACEMENT_ROLES, methods=("GET", "POST"))
def placement_end(request, public_id):
    placement = _placement(request, public_id)
    form = PlacementEndForm(
        request.POST or None, initial={"end_date": placement.end_date or timezone.localdate()}
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        ended = save_or_show_errors(
            form,
            lambda: services.placement_end(
                placement=placement, end_date=data["end_date"], end_reason=data["end_reason"]
            ),
        )
        if ended:
            messages.success(request, _("La fin du placement est enregistrée."))
            return redirect("children:detail", public_id=placement.child.public_id)
    return _form_page(
        request,
        form,
        title=_("Terminer : %(placement)s") % {"placement": placement},
        submit=_("Terminer le placement"),
        back_url=_file_url(placement.child),
        child=placement.child,
        intro=_(
            "Le placement sera enregistré comme terminé au jour du départ. Pour un changement "
            "de lieu d'accueil, utilisez plutôt « Changer de lieu d'accueil »."
        ),
    )


@placement_page(roles=PLACEMENT_ROLES, methods=("GET", "POST"))
def placement_move(request, public_id):
    placement = _placement(request, public_id)
    child = placement.child
    form = PlacementMoveForm(
        request.POST or None,
        child=child,
        initial={"move_date": timezone.localdate(), "measure": placement.measure},
    )
    if request.method == "POST" and form.is_valid():
        moved = save_or_show_errors(
            form,
            lambda: services.placement_move(
                placement=placement, author=request.user, **form.cleaned_data
            ),
        )
        if moved:
            messages.success(request, _("Le changement de lieu d'accueil est enregistré."))
            return redirect("children:detail", public_id=child.public_id)
    return _form_page(
        request,
        form,
        title=_("Changer de lieu d'accueil"),
        submit=_("Enregistrer le changement"),
        back_url=_file_url(child),
        child=child,
        intro=_(
            "Accueil actuel : %(placement)s. Il se termine le jour du changement et le nouvel "
            "accueil commence ce même jour ; si le nouvel accueil est refusé, rien n'est modifié."
        )
        % {"placement": placement},
    )


# --- Capacity board ---------------------------------------------------------------------------


@staff_view(roles=BOARD_ROLES, nominative=False)
def board(request):
    whole = sees_whole_departement(request.user)
    form = BoardFilterForm(request.GET or None, whole_departement=whole)
    filters = form.cleaned_data if form.is_valid() else {}
    day = filters.get("day") or timezone.localdate()
    scope = {
        "scope": Scope.for_user(request.user).narrowed(filters.get("territory")),
        "day": day,
    }
    places = {
        **scope,
        "kind": filters.get("kind", ""),
        "age": filters.get("age"),
        "free_only": filters.get("free_only", False),
    }
    rows = selectors.capacity_board_rows(**places, by_free_places=filters.get("order") == "libres")
    page = Paginator(rows, BOARD_PAGE_SIZE).get_page(request.GET.get("page"))
    labels = selectors.place_kind_labels()
    return render(
        request,
        "placements/board.html",
        {
            "form": form,
            "day": day,
            "page": page,
            "rows": [_board_row(row, labels) for row in page.object_list],
            "totals": selectors.capacity_board_totals(**places),
            "pead": selectors.pead_count_on(**scope),
            "expiring": list(selectors.agrements_expiring(**scope)),
            "lapsed": [
                {"carer": carer, "state": AgrementState(carer.lapsed_state).label}
                for carer in selectors.carers_with_lapsed_agrement(**scope)
            ],
            "can_manage": request.user.role in PROVIDER_ROLES,
        },
    )


def _board_row(row, labels):
    public_id, kind, name, territory, places, occupied, free = row
    return {
        "public_id": public_id,
        "is_carer": kind == PlaceKind.FOSTER_CARER,
        "kind": labels[kind],
        "name": name,
        "territory": territory,
        "places": places,
        "occupied": occupied,
        "occupancy": selectors.occupancy_rate(occupied=occupied, places=places),
        "free": free,
    }


# --- Providers --------------------------------------------------------------------------------


def _establishments(request):
    return Establishment.objects.for_user(request.user).select_related("territory")


def _carers(request):
    return FosterCarer.objects.for_user(request.user).select_related("territory")


@staff_view(roles=PROVIDER_ROLES, nominative=False)
def establishment_list(request):
    page = Paginator(_establishments(request), LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "placements/establishment_list.html",
        {"page": page, "can_set_rates": request.user.role in RATE_ROLES},
    )


@staff_view(roles=PROVIDER_ROLES, nominative=False)
def foster_carer_list(request):
    today = timezone.localdate()
    carers = _carers(request).prefetch_related(
        Prefetch(
            "agrements",
            queryset=Agrement.objects.order_by("-granted_on"),
            to_attr="agrement_history",
        )
    )
    page = Paginator(carers, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "placements/foster_carer_list.html", {"page": page, "today": today})


@staff_view(roles=PROVIDER_ROLES, nominative=False)
def establishment_detail(request, public_id):
    establishment = get_object_or_404(_establishments(request), public_id=public_id)
    today = timezone.localdate()
    return render(
        request,
        "placements/establishment_detail.html",
        {
            "establishment": establishment,
            "occupied": establishment.placements.active_on(today).count(),
            "rates": list(establishment.rates.order_by("-year")),
            "today": today,
        },
    )


@staff_view(roles=PROVIDER_ROLES, nominative=False)
def foster_carer_detail(request, public_id):
    carer = get_object_or_404(_carers(request), public_id=public_id)
    today = timezone.localdate()
    agrements = list(carer.agrements.with_notice_late(today).order_by("-granted_on"))
    in_force = next((a for a in agrements if a.is_in_force_on(today)), None)
    occupied = carer.placements.active_on(today).count()
    lapsed = None
    if in_force is None:
        lapsed = next((a for a in agrements if a.is_lapsed_on(today)), None)
    return render(
        request,
        "placements/foster_carer_detail.html",
        {
            "carer": carer,
            "agrements": agrements,
            "in_force": in_force,
            "occupied": occupied,
            "lapsed": lapsed,
            "suspension_ends": (
                suspension_end(agrement=lapsed, parameters=agrement_parameters())
                if lapsed and lapsed.state == AgrementState.SUSPENDED
                else None
            ),
            "rates": list(carer.rates.order_by("-year")),
            "applications": _with_clocks(carer.applications.order_by("-received_on"), today),
            "today": today,
            "can_manage": True,
        },
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def establishment_edit(request, public_id=None):
    establishment = (
        get_object_or_404(_establishments(request), public_id=public_id) if public_id else None
    )
    form = EstablishmentForm(request.POST or None, instance=establishment, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = save_or_show_errors(
            form,
            lambda: services.establishment_save(establishment=establishment, **form.cleaned_data),
        )
        if saved:
            messages.success(request, _("L'établissement est enregistré."))
            return redirect("placements:establishment_detail", public_id=saved.public_id)
    return _form_page(
        request,
        form,
        title=_("Modifier l'établissement") if establishment else _("Nouvel établissement"),
        submit=_("Enregistrer"),
        back_url=(
            establishment.get_absolute_url()
            if establishment
            else reverse("placements:establishment_list")
        ),
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def foster_carer_edit(request, public_id=None):
    carer = get_object_or_404(_carers(request), public_id=public_id) if public_id else None
    form = FosterCarerForm(request.POST or None, instance=carer, user=request.user)
    if request.method == "POST" and form.is_valid():
        saved = save_or_show_errors(
            form,
            lambda: services.foster_carer_save(foster_carer=carer, **form.cleaned_data),
        )
        if saved:
            messages.success(request, _("L'assistant familial est enregistré."))
            return redirect("placements:foster_carer_detail", public_id=saved.public_id)
    return _form_page(
        request,
        form,
        title=_("Modifier l'assistant familial") if carer else _("Nouvel assistant familial"),
        submit=_("Enregistrer"),
        back_url=(carer.get_absolute_url() if carer else reverse("placements:foster_carer_list")),
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def agrement_create(request, public_id):
    carer = get_object_or_404(_carers(request), public_id=public_id)
    form = AgrementForm(request.POST or None)
    if _posted(request, form) and save_or_show_errors(
        form, lambda: services.agrement_grant(foster_carer=carer, **form.cleaned_data)
    ):
        messages.success(request, _("L'agrément est enregistré."))
        return redirect("placements:foster_carer_detail", public_id=carer.public_id)
    return _form_page(
        request,
        form,
        title=_("Agrément de %(carer)s") % {"carer": carer},
        submit=_("Enregistrer l'agrément"),
        back_url=carer.get_absolute_url(),
        intro=_(
            "L'agrément vaut 5 ans, sans limite de durée pour un titulaire du DEAF. Un "
            "renouvellement s'enregistre comme un nouvel agrément."
        ),
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def agrement_state(request, public_id):
    agrement = get_object_or_404(
        Agrement.objects.filter(foster_carer__in=_carers(request)).select_related("foster_carer"),
        public_id=public_id,
    )
    form = AgrementStateForm(
        request.POST or None, initial={"state": agrement.state, "since": timezone.localdate()}
    )
    if (
        request.method == "POST"
        and form.is_valid()
        and save_or_show_errors(
            form,
            lambda: services.agrement_change_state(agrement=agrement, **form.cleaned_data),
        )
    ):
        messages.success(request, _("L'état de l'agrément est enregistré."))
        return redirect("placements:foster_carer_detail", public_id=agrement.foster_carer.public_id)
    return _form_page(
        request,
        form,
        title=_("Suspendre, retirer ou rétablir : %(agrement)s") % {"agrement": agrement},
        submit=_("Enregistrer la décision"),
        back_url=agrement.foster_carer.get_absolute_url(),
        intro=_(
            "Les enfants déjà accueillis restent inscrits ; aucun nouvel enfant ne peut être "
            "confié tant que l'agrément n'est pas valide."
        ),
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def agrement_reminder(request, public_id):
    today = timezone.localdate()
    agrement = get_object_or_404(
        Agrement.objects.filter(foster_carer__in=_carers(request))
        .with_notice_late(today)
        .select_related("foster_carer"),
        public_id=public_id,
    )
    form = AgrementReminderForm(request.POST or None, initial={"sent_on": today})
    if _posted(request, form) and save_or_show_errors(
        form,
        lambda: services.agrement_record_reminder(
            agrement=agrement, today=today, **form.cleaned_data
        ),
    ):
        messages.success(request, _("L'envoi de l'avis de renouvellement est enregistré."))
        return redirect("placements:foster_carer_detail", public_id=agrement.foster_carer.public_id)
    return _form_page(
        request,
        form,
        title=_("Avis de renouvellement : %(agrement)s") % {"agrement": agrement},
        submit=_("Enregistrer l'envoi"),
        back_url=agrement.foster_carer.get_absolute_url(),
        intro=_(
            "Le président du conseil départemental indique au titulaire, au moins 4 mois "
            "avant l'échéance, qu'il doit demander le renouvellement au moins 3 mois avant "
            "(art. D421-19 CASF). Cet agrément expire le %(expiry)s : l'avis est dû au plus "
            "tard le %(due)s."
        )
        % {
            "expiry": f"{agrement.expires_on:%d/%m/%Y}" if agrement.expires_on else "—",
            "due": f"{agrement.notice_due_on:%d/%m/%Y}" if agrement.expires_on else "—",
        },
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def establishment_rate(request, public_id):
    establishment = get_object_or_404(_establishments(request), public_id=public_id)
    return _rate_page(
        request,
        back_url=establishment.get_absolute_url(),
        place_kind=PlaceKind.ESTABLISHMENT,
        establishment=establishment,
        title=_("Prix de journée : %(name)s") % {"name": establishment},
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def foster_carer_rate(request, public_id):
    carer = get_object_or_404(_carers(request), public_id=public_id)
    return _rate_page(
        request,
        back_url=carer.get_absolute_url(),
        place_kind=PlaceKind.FOSTER_CARER,
        foster_carer=carer,
        title=_("Prix de journée propre à %(carer)s") % {"carer": carer},
    )


def _rate_page(request, *, back_url, title, **target):
    form = DailyRateForm(request.POST or None, initial={"year": timezone.localdate().year})
    if _posted(request, form) and save_or_show_errors(
        form, lambda: services.daily_rate_set(**target, **form.cleaned_data)
    ):
        messages.success(request, _("Le prix de journée est enregistré."))
        return redirect(back_url)
    return _form_page(
        request,
        form,
        title=title,
        submit=_("Enregistrer"),
        back_url=back_url,
        intro=_("Un prix déjà saisi pour la même année est remplacé."),
    )


@staff_view(roles=RATE_ROLES, methods=("GET", "POST"), nominative=False)
def default_rates(request):
    form = DefaultRateForm(request.POST or None, initial={"year": timezone.localdate().year})
    if _posted(request, form) and save_or_show_errors(
        form, lambda: services.daily_rate_set(**form.cleaned_data)
    ):
        messages.success(request, _("Le tarif départemental est enregistré."))
        return redirect("placements:default_rates")
    rates = DailyRate.objects.filter(establishment=None, foster_carer=None).order_by(
        "-year", "place_kind"
    )
    return render(
        request,
        "placements/default_rates.html",
        {"form": form, "rates": rates, "can_set_rates": True},
    )


# --- Applications for agrément (art. L421-3 and L421-6 CASF) ----------------------------------


def _applications(request):
    return AgrementApplication.objects.filter(applicant__in=_carers(request)).select_related(
        "applicant", "applicant__territory", "agrement"
    )


def _application(request, public_id):
    return get_object_or_404(_applications(request), public_id=public_id)


def _with_clocks(applications, day):
    """Each application with its decision clock on ``day`` (the dated delays: one query)."""
    parameters = agrement_parameters()
    return [
        {"application": item, "clock": application_clock(item, day=day, parameters=parameters)}
        for item in applications
    ]


@staff_view(roles=PROVIDER_ROLES, nominative=False)
def application_list(request):
    today = timezone.localdate()
    decided = request.GET.get("vue") == "decidees"
    applications = _applications(request)
    applications = (
        applications.decided().order_by("-decided_on", "-pk")
        if decided
        else applications.pending().order_by(
            F("complete_on").asc(nulls_first=True), "received_on", "pk"
        )
    )
    page = Paginator(applications, LIST_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(
        request,
        "placements/application_list.html",
        {
            "page": page,
            "rows": _with_clocks(page.object_list, today),
            "decided": decided,
            "today": today,
            "can_set_rates": request.user.role in RATE_ROLES,
        },
    )


@staff_view(roles=PROVIDER_ROLES, nominative=False)
def application_detail(request, public_id):
    application = _application(request, public_id)
    today = timezone.localdate()
    return render(
        request,
        "placements/application_detail.html",
        {
            "application": application,
            "clock": application_clock(application, day=today, parameters=agrement_parameters()),
            "today": today,
        },
    )


def _application_step(request, application, form, write, *, title, submit, intro, done):
    """A step of an application (completeness, extension, decision): its form, the service
    call, and back to the application."""
    if _posted(request, form) and save_or_show_errors(
        form,
        lambda: write(application=application, today=timezone.localdate(), **form.cleaned_data),
    ):
        messages.success(request, done)
        return redirect(application.get_absolute_url())
    return _form_page(
        request,
        form,
        title=title % {"application": application},
        submit=submit,
        back_url=application.get_absolute_url(),
        intro=intro,
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def application_create(request, public_id):
    carer = get_object_or_404(_carers(request), public_id=public_id)
    form = ApplicationReceiveForm(
        request.POST or None, initial={"received_on": timezone.localdate()}
    )
    if _posted(request, form):
        application = save_or_show_errors(
            form,
            lambda: services.application_receive(
                applicant=carer,
                author=request.user,
                today=timezone.localdate(),
                **form.cleaned_data,
            ),
        )
        if application:
            messages.success(request, _("La demande d'agrément est enregistrée."))
            return redirect(application.get_absolute_url())
    return _form_page(
        request,
        form,
        title=_("Demande d'agrément de %(carer)s") % {"carer": carer},
        submit=_("Enregistrer la demande"),
        back_url=carer.get_absolute_url(),
        intro=_(
            "Le président du conseil départemental notifie sa décision dans les 4 mois du "
            "dossier complet, délai prolongeable de 2 mois par décision motivée ; à défaut, "
            "l'agrément est réputé acquis (art. L421-6 al. 2 CASF)."
        ),
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def application_complete(request, public_id):
    application = _application(request, public_id)
    return _application_step(
        request,
        application,
        ApplicationCompleteForm(
            request.POST or None, initial={"complete_on": timezone.localdate()}
        ),
        services.application_record_complete,
        title=_("Dossier complet : %(application)s"),
        submit=_("Enregistrer"),
        intro=_("Le délai de décision de 4 mois court à partir de ce jour (art. L421-6 CASF)."),
        done=_("Le dossier complet est enregistré : le délai de décision court."),
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def application_extend(request, public_id):
    application = _application(request, public_id)
    return _application_step(
        request,
        application,
        ApplicationExtendForm(request.POST or None, initial={"extended_on": timezone.localdate()}),
        services.application_extend,
        title=_("Prolonger le délai : %(application)s"),
        submit=_("Prolonger de 2 mois"),
        intro=_(
            "Le délai de 4 mois peut être prolongé une fois de 2 mois, par une décision motivée "
            "prise avant qu'il n'expire (art. L421-6 al. 2 CASF)."
        ),
        done=_("La prolongation du délai est enregistrée."),
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def application_decide(request, public_id):
    application = _application(request, public_id)
    return _application_step(
        request,
        application,
        ApplicationDecisionForm(request.POST or None, initial={"decided_on": timezone.localdate()}),
        services.application_decide,
        title=_("Décision : %(application)s"),
        submit=_("Enregistrer la décision"),
        intro=_(
            "Un agrément accordé vaut à compter de la décision ; un refus est motivé et "
            "notifié au demandeur (art. L421-6 CASF)."
        ),
        done=_("La décision est enregistrée."),
    )


@staff_view(roles=PROVIDER_ROLES, methods=("GET", "POST"), nominative=False)
def application_tacit(request, public_id):
    application = _application(request, public_id)
    clock = application_clock(
        application, day=timezone.localdate(), parameters=agrement_parameters()
    )
    return _application_step(
        request,
        application,
        ApplicationTacitForm(request.POST if request.method == "POST" else None),
        services.application_record_tacit,
        title=_("Agrément accordé tacitement : %(application)s"),
        submit=_("Enregistrer l'agrément tacite"),
        intro=(
            _(
                "Aucune décision n'a été notifiée dans le délai, expiré le %(due)s : "
                "l'agrément est réputé acquis depuis le %(tacit)s (art. L421-6 al. 2 CASF). "
                "Il est enregistré à cette date."
            )
            % {"due": f"{clock.due_on:%d/%m/%Y}", "tacit": f"{clock.tacit_from:%d/%m/%Y}"}
            if clock.due_on
            else _("Le dossier n'est pas complet : le délai ne court pas.")
        ),
        done=_("L'agrément accordé tacitement est enregistré."),
    )
