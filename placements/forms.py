"""Forms of the placements pages. The rules themselves are checked by the services; these
forms check what a person typed and put the services' messages next to the fields."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from placements.enums import (
    AgrementState,
    ApplicationDecision,
    ApplicationKind,
    EstablishmentKind,
    PlaceKind,
    PlacementEndReason,
)
from placements.models import Establishment, FosterCarer
from placements.permissions import sees_whole_departement
from placements.rules import agrement_parameters, default_places
from placements.selectors import places_by_free_places
from placements.services import ESTABLISHMENT_FIELDS, PEAD_MEASURES
from welfare.enums import MeasureType
from welfare.forms.choices import SearchableSelect
from welfare.forms.dates import DateInput, PlausibleDatesMixin
from welfare.models import Territory

HOTEL_BAN = _(
    "Les hôtels, résidences de tourisme et structures « jeunesse et sport » ne figurent pas "
    "dans cette liste : depuis la loi du 7 février 2022 (art. L221-2-3 CASF), un enfant confié "
    "est accueilli par un assistant familial ou dans un établissement ou service autorisé, "
    "jamais à l'hôtel."
)


def kind_choices(*, blank_label):
    return [
        ("", blank_label),
        (PlaceKind.FOSTER_CARER.value, PlaceKind.FOSTER_CARER.label),
        *EstablishmentKind.choices,
    ]


class BoardFilterForm(PlausibleDatesMixin, forms.Form):
    """The capacity board's filters (GET); a bad date is an error here, never a 500."""

    day = forms.DateField(label=_("Situation au"), required=False, widget=DateInput())
    territory = forms.ModelChoiceField(
        label=_("Territoire"),
        queryset=Territory.objects.all(),
        required=False,
        empty_label=_("Tous les territoires"),
    )
    kind = forms.ChoiceField(
        label=_("Type d'accueil"),
        required=False,
        choices=kind_choices(blank_label=_("Tous les types")),
        help_text=HOTEL_BAN,
    )
    age = forms.IntegerField(
        label=_("Âge de l'enfant"),
        required=False,
        min_value=0,
        max_value=20,
        help_text=_(
            "Les établissements autorisés pour cet âge ; les assistants familiaux restent tous "
            "(l'agrément n'en fixe pas)."
        ),
    )
    free_only = forms.BooleanField(
        label=_("Seulement les lieux qui ont des places libres"), required=False
    )
    order = forms.ChoiceField(
        label=_("Ordre"),
        required=False,
        choices=[
            ("", _("Territoire, type et nom")),
            ("libres", _("Places libres d'abord")),
        ],
    )

    def __init__(self, *args, whole_departement: bool, **kwargs):
        super().__init__(*args, **kwargs)
        if not whole_departement:
            del self.fields["territory"]


def place_label(place):
    """A place in the lists of a placement form: its name and its free places today."""
    # The count after a colon: no plural to agree with it.
    free = _("places libres : %(count)d") % {"count": place.free_places}
    return f"{place} ({place.territory}) · {free}"


class PlaceFields(PlausibleDatesMixin, forms.Form):
    """The place chosen for a child: its kind, then the carer or establishment."""

    place_kind = forms.ChoiceField(
        label=_("Type d'accueil"), choices=PlaceKind.choices, widget=forms.RadioSelect
    )
    foster_carer = forms.ModelChoiceField(
        label=_("Assistant familial"),
        queryset=FosterCarer.objects.none(),
        required=False,
        widget=SearchableSelect,
        help_text=_(
            "Obligatoire pour un accueil chez un assistant familial. Les places libres "
            "aujourd'hui d'abord."
        ),
    )
    establishment = forms.ModelChoiceField(
        label=_("Établissement"),
        queryset=Establishment.objects.none(),
        required=False,
        widget=SearchableSelect,
        help_text=HOTEL_BAN,
    )
    measure = forms.ModelChoiceField(
        label=_("Mesure qui ordonne l'accueil"),
        queryset=None,
        help_text=_(
            "Un PEAD repose sur une AEMO renforcée ou avec hébergement ; un accueil hors du "
            "domicile, sur une mesure qui confie l'enfant."
        ),
    )

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        carers, establishments = places_by_free_places(timezone.localdate())
        self.fields["foster_carer"].queryset = carers
        self.fields["foster_carer"].label_from_instance = place_label
        self.fields["establishment"].queryset = establishments
        self.fields["establishment"].label_from_instance = place_label
        self.fields["measure"].queryset = child.measures.filter(
            type__in=[*MeasureType.accommodation(), *PEAD_MEASURES]
        ).order_by("-start_date")

    def clean(self):
        cleaned = super().clean()
        kind = cleaned.get("place_kind")
        for field, needed in (
            ("foster_carer", kind == PlaceKind.FOSTER_CARER),
            ("establishment", kind == PlaceKind.ESTABLISHMENT),
        ):
            if needed and not cleaned.get(field):
                self.add_error(field, _("Choisissez le lieu d'accueil."))
            elif not needed:
                cleaned[field] = None
        return cleaned


class PlacementForm(PlaceFields):
    start_date = forms.DateField(label=_("Arrivée le"), widget=DateInput())
    end_date = forms.DateField(
        label=_("Départ prévu le"),
        required=False,
        widget=DateInput(),
        help_text=_("Le jour du départ n'est pas compté. Laissez vide si la date est inconnue."),
    )
    field_order = ["measure", "place_kind", "foster_carer", "establishment", "start_date"]


END_REASONS = [("", "---------"), *PlacementEndReason.choices]


class PlacementEndForm(PlausibleDatesMixin, forms.Form):
    end_date = forms.DateField(
        label=_("Départ le"),
        widget=DateInput(),
        help_text=_("Le jour du départ n'est pas compté dans l'accueil."),
    )
    end_reason = forms.ChoiceField(label=_("Motif de fin"), choices=END_REASONS)
    confirm = forms.BooleanField(
        label=_("Je confirme la fin de ce placement."),
        error_messages={"required": _("Cochez la case pour confirmer.")},
    )


class PlacementMoveForm(PlaceFields):
    move_date = forms.DateField(
        label=_("Date du changement"),
        widget=DateInput(),
        help_text=_("L'enfant quitte l'accueil actuel et arrive dans le nouveau ce jour-là."),
    )
    end_reason = forms.ChoiceField(
        label=_("Motif de fin de l'accueil actuel"),
        choices=END_REASONS,
        initial=PlacementEndReason.MOVE,
    )
    end_date = forms.DateField(
        label=_("Départ prévu du nouvel accueil"), required=False, widget=DateInput()
    )
    field_order = ["move_date", "end_reason", "measure", "place_kind"]


# --- Providers --------------------------------------------------------------------------------


def _territories_for(user):
    territories = Territory.objects.all()
    if not sees_whole_departement(user):
        territories = territories.filter(pk=user.territory_id)
    return territories


class EstablishmentForm(forms.ModelForm):
    class Meta:
        model = Establishment
        # The fields the service writes, named once.
        fields = ESTABLISHMENT_FIELDS
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}
        help_texts = {"kind": HOTEL_BAN}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = _territories_for(user)


class FosterCarerForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = FosterCarer
        fields = [
            "last_name",
            "first_name",
            "territory",
            "address",
            "phone",
            "employer",
            "deaf_obtained_on",
        ]
        widgets = {
            "address": forms.Textarea(attrs={"rows": 3}),
            "deaf_obtained_on": DateInput(),
        }

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].queryset = _territories_for(user)

    def clean_deaf_obtained_on(self):
        value = self.cleaned_data["deaf_obtained_on"]
        if value and value > timezone.localdate():
            raise forms.ValidationError(_("Le diplôme ne peut être obtenu dans le futur."))
        return value


class AgrementForm(PlausibleDatesMixin, forms.Form):
    """A new agrément or its renewal; its expiry follows from the DEAF. The places beyond
    which a derogation is needed are checked by ``Agrement.clean`` (dated, art. L421-5)."""

    number = forms.CharField(label=_("Numéro d'agrément"), max_length=40, required=False)
    granted_on = forms.DateField(label=_("Début de l'agrément"), widget=DateInput())
    places = forms.IntegerField(
        label=_("Nombre de places"),
        min_value=1,
        max_value=10,
    )
    derogation_reason = forms.CharField(
        label=_("Motif de la dérogation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
    derogation_decided_on = forms.DateField(
        label=_("Dérogation accordée le"), required=False, widget=DateInput()
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        places = default_places(agrement_parameters(), timezone.localdate())
        self.fields["places"].initial = places
        self.fields["places"].help_text = _(
            "%(places)d au plus, sauf dérogation accordée (art. L421-5 CASF)."
        ) % {"places": places}


class AgrementStateForm(PlausibleDatesMixin, forms.Form):
    state = forms.ChoiceField(label=_("Nouvel état"), choices=AgrementState.choices)
    since = forms.DateField(label=_("À compter du"), widget=DateInput())
    reason = forms.CharField(
        label=_("Motif de la décision"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Obligatoire pour une suspension, un retrait ou une expiration."),
    )


class AgrementReminderForm(PlausibleDatesMixin, forms.Form):
    sent_on = forms.DateField(label=_("Avis envoyé le"), widget=DateInput())


class DailyRateForm(forms.Form):
    year = forms.IntegerField(label=_("Année"), min_value=2000, max_value=2100)
    amount = forms.DecimalField(
        label=_("Prix de journée (€)"), min_value=0.01, max_digits=8, decimal_places=2
    )


class DefaultRateForm(DailyRateForm):
    place_kind = forms.ChoiceField(
        label=_("Type d'accueil"),
        choices=[
            (PlaceKind.FOSTER_CARER.value, _("Assistants familiaux (tarif départemental)")),
            (PlaceKind.FAMILY_HOME.value, _("PEAD (tarif départemental)")),
        ],
    )
    field_order = ["place_kind", "year", "amount"]


# --- Applications for agrément ----------------------------------------------------------------


class ApplicationReceiveForm(PlausibleDatesMixin, forms.Form):
    """The receipt of an application for agrément (and its completeness, when known)."""

    kind = forms.ChoiceField(label=_("Objet de la demande"), choices=ApplicationKind.choices)
    places = forms.IntegerField(label=_("Nombre de places demandé"), min_value=1, max_value=10)
    received_on = forms.DateField(label=_("Demande reçue le"), widget=DateInput())
    complete_on = forms.DateField(
        label=_("Dossier complet le"),
        required=False,
        widget=DateInput(),
        help_text=_(
            "Date du récépissé ou de l'avis de réception du dossier complet : le délai de "
            "décision court à partir de ce jour (art. L421-6 CASF). Laissez vide s'il manque "
            "des pièces."
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["places"].initial = default_places(agrement_parameters(), timezone.localdate())


class ApplicationCompleteForm(PlausibleDatesMixin, forms.Form):
    complete_on = forms.DateField(label=_("Dossier complet le"), widget=DateInput())


class ApplicationExtendForm(PlausibleDatesMixin, forms.Form):
    extended_on = forms.DateField(label=_("Prolongation décidée le"), widget=DateInput())
    reason = forms.CharField(
        label=_("Motif de la prolongation"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("La prolongation de 2 mois est une décision motivée (art. L421-6 CASF)."),
    )


class ApplicationDecisionForm(PlausibleDatesMixin, forms.Form):
    decision = forms.ChoiceField(
        label=_("Décision"),
        choices=[
            (ApplicationDecision.GRANTED.value, ApplicationDecision.GRANTED.label),
            (ApplicationDecision.REFUSED.value, ApplicationDecision.REFUSED.label),
        ],
        widget=forms.RadioSelect,
    )
    decided_on = forms.DateField(label=_("Décision du"), widget=DateInput())
    reason = forms.CharField(
        label=_("Motif"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Obligatoire pour un refus (art. L211-2 du code des relations entre le public et "
            "l'administration)."
        ),
    )
    number = forms.CharField(
        label=_("Numéro d'agrément"), max_length=40, required=False, help_text=_("Si accordé.")
    )
    derogation_reason = forms.CharField(
        label=_("Motif de la dérogation"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=_("Au-delà de 3 places seulement (art. L421-5 CASF)."),
    )


class ApplicationTacitForm(forms.Form):
    number = forms.CharField(label=_("Numéro d'agrément"), max_length=40, required=False)
