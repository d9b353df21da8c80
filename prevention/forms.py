"""Forms of the prevention pages. Labels are the models' French verbose names; the rules that
read several fields answer next to the field concerned."""

from django import forms
from django.core.validators import MinValueValidator
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from prevention.enums import ActionKind, ConcernOutcome, FirstAnalysis
from prevention.models import Concern, Intervention, Partner, PreventionAction
from prevention.services import ACTION_FIELDS
from welfare.enums import MeasureType
from welfare.forms.children import DuplicateCheckMixin
from welfare.forms.dates import DateInput, PlausibleDatesMixin
from welfare.models import Child, Territory
from welfare.rules import add_years

FUTURE = _("La date ne peut être dans le futur.")
YEARS = (2000, 2100)


def _not_future(form, *names):
    today = timezone.localdate()
    for name in names:
        day = form.cleaned_data.get(name)
        if day and day > today:
            form.add_error(name, FUTURE)


def _not_before(form, name, earliest, message):
    day = form.cleaned_data.get(name)
    if day and earliest and day < earliest:
        form.add_error(name, message)


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Année"), min_value=YEARS[0], max_value=YEARS[1], required=False, **kwargs
        )


class TerritoryField(forms.ModelChoiceField):
    def __init__(self, **kwargs):
        kwargs.setdefault("empty_label", _("Tout le Département"))
        super().__init__(
            label=_("Territoire"),
            queryset=Territory.objects.order_by("name"),
            required=False,
            **kwargs,
        )


# --- Catalogue --------------------------------------------------------------------------------


class ActionFilterForm(forms.Form):
    year = YearField()
    territory = TerritoryField()
    kind = forms.ChoiceField(
        label=_("Type d'action"),
        required=False,
        choices=[("", _("Tous"))] + list(ActionKind.choices),
    )


class FiguresForm(forms.Form):
    year = YearField()
    territory = TerritoryField()


class PartnerForm(forms.ModelForm):
    class Meta:
        model = Partner
        fields = ["name", "kind"]


class ActionForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = PreventionAction
        # The fields the service writes, named once.
        fields = ACTION_FIELDS
        widgets = {
            "start_date": DateInput(),
            "end_date": DateInput(),
            "description": forms.Textarea(attrs={"rows": 3}),
            "assessment": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "end_date": _("Dans la même année que le début : une action couvre une année."),
            "cost": _("À saisir une fois connu ; seul le coût réalisé compte dans les dépenses."),
            "kind": _(
                "TISF, AED / AEP et AESF sont des interventions à domicile, saisies famille par "
                "famille ; les autres actions comptent les familles par séance."
            ),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["territory"].empty_label = _("Tout le Département")
        for name in ("budget", "cost"):
            self.fields[name].validators.append(
                MinValueValidator(0, _("Un montant ne peut être négatif."))
            )
            self.fields[name].widget.attrs["min"] = 0

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start_date"), cleaned.get("end_date")
        if start and end:
            if end < start:
                self.add_error("end_date", _("La fin de l'action ne peut précéder son début."))
            elif end.year != start.year:
                self.add_error(
                    "end_date",
                    _(
                        "Une action couvre une seule année budgétaire : saisissez-la à nouveau "
                        "pour l'année suivante."
                    ),
                )
        return cleaned


class InterventionForm(PlausibleDatesMixin, forms.ModelForm):
    """A home intervention (one family, named) or a session of a group activity (families
    counted), depending on the action."""

    class Meta:
        model = Intervention
        fields = [
            "family_name",
            "started_on",
            "ended_on",
            "visits_count",
            "families_count",
            "participants_count",
            "outcome",
            "notes",
        ]
        widgets = {
            "started_on": DateInput(),
            "ended_on": DateInput(),
            "notes": forms.Textarea(attrs={"rows": 3}),
        }

    def __init__(self, *args, action, **kwargs):
        super().__init__(*args, **kwargs)
        self.action = action
        self.instance.action = action
        if action.is_home_intervention:
            for name in ("families_count", "participants_count"):
                del self.fields[name]
            self.fields["family_name"].required = True
            self.fields["family_name"].help_text = _("Par exemple « Famille Morel ».")
            self.fields["started_on"].label = _("Début de l'intervention")
            self.fields["ended_on"].help_text = _("À saisir à la fin, avec l'issue.")
        else:
            for name in ("family_name", "ended_on", "visits_count", "outcome"):
                del self.fields[name]
            self.fields["started_on"].label = _("Date de la séance")
            self.fields["families_count"].help_text = _(
                "Les familles venues pour la première fois à cette action, pour que le total "
                "compte chaque famille une fois."
            )
        self.fields["started_on"].help_text = _("Entre le %(start)s et le %(end)s.") % {
            "start": f"{action.start_date:%d/%m/%Y}",
            "end": f"{action.end_date:%d/%m/%Y}",
        }

    def clean(self):
        cleaned = super().clean()
        action = self.action
        started = cleaned.get("started_on")
        if started and not action.start_date <= started <= action.end_date:
            self.add_error(
                "started_on", _("La date doit être comprise dans la période de l'action.")
            )
        _not_before(
            self, "ended_on", started, _("La fin de l'intervention ne peut précéder son début.")
        )
        _not_future(self, "ended_on")
        if cleaned.get("outcome") and not cleaned.get("ended_on"):
            self.add_error("ended_on", _("Indiquez la date de fin de l'intervention."))
        return cleaned


class NewChildForm(DuplicateCheckMixin, PlausibleDatesMixin, forms.ModelForm):
    """A child named in a concern who has no file yet: the file is opened in the concern's
    territory, once the possible duplicates are ruled out."""

    class Meta:
        model = Child
        fields = ["last_name", "first_name", "birth_date", "sex"]
        widgets = {"birth_date": DateInput(), "sex": forms.RadioSelect}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["sex"].choices = self.fields["sex"].choices[1:]

    def clean_birth_date(self):
        birth_date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if birth_date > today:
            raise forms.ValidationError(_("La date de naissance ne peut être dans le futur."))
        if add_years(birth_date, 18) <= today:
            raise forms.ValidationError(
                _("Une information préoccupante concerne un mineur : il a 18 ans ou plus.")
            )
        return birth_date

    def clean(self):
        cleaned = super().clean()
        self.check_duplicates(cleaned)
        return cleaned


# --- Informations préoccupantes ---------------------------------------------------------------


class CripFilterForm(forms.Form):
    territory = TerritoryField()


class ConcernForm(PlausibleDatesMixin, forms.ModelForm):
    """The intake of an information préoccupante."""

    class Meta:
        model = Concern
        fields = [
            "received_on",
            "territory",
            "source",
            "transmitter",
            "grave_danger",
            "danger_kind",
            "facts",
            "prosecutor_referral_on",
        ]
        widgets = {
            "received_on": DateInput(),
            "prosecutor_referral_on": DateInput(),
            "facts": forms.Textarea(attrs={"rows": 5}),
        }
        help_texts = {
            "grave_danger": _(
                "La situation est signalée au procureur le jour même, sans attendre "
                "l'évaluation (art. L226-4 et D226-2-4 I 2° CASF) ; l'envoi du signalement "
                "clôt l'information."
            ),
            "prosecutor_referral_on": _("En cas de danger grave et immédiat."),
            "territory": _("Le territoire de résidence de l'enfant."),
        }

    def clean(self):
        cleaned = super().clean()
        _not_future(self, "received_on", "prosecutor_referral_on")
        _not_before(
            self,
            "prosecutor_referral_on",
            cleaned.get("received_on"),
            _("Le signalement ne peut précéder la réception de l'information."),
        )
        return cleaned


class ConcernAnalysisForm(PlausibleDatesMixin, forms.Form):
    first_analysis = forms.ChoiceField(
        label=_("Première analyse"), choices=FirstAnalysis.choices, widget=forms.RadioSelect
    )
    analysed_on = forms.DateField(label=_("Analysée le"), widget=DateInput())
    evaluation_started_on = forms.DateField(
        label=_("Évaluation commencée le"), required=False, widget=DateInput()
    )
    evaluators = forms.ModelMultipleChoiceField(
        label=_("Équipe d'évaluation"),
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Une équipe pluridisciplinaire formée (art. L226-3 CASF)."),
    )

    def __init__(self, *args, concern, evaluators, **kwargs):
        super().__init__(*args, **kwargs)
        self.concern = concern
        self.fields["evaluators"].queryset = evaluators

    def clean(self):
        cleaned = super().clean()
        received = self.concern.received_on
        too_early = _("Au plus tôt le jour de la réception (%(day)s).") % {
            "day": f"{received:%d/%m/%Y}"
        }
        _not_future(self, "analysed_on", "evaluation_started_on")
        _not_before(self, "analysed_on", received, too_early)
        _not_before(self, "evaluation_started_on", received, too_early)
        if cleaned.get("first_analysis") == FirstAnalysis.NOT_CONCERN:
            message = _("Une information qui ne relève pas d'une IP n'est pas évaluée.")
            if cleaned.get("evaluation_started_on"):
                self.add_error("evaluation_started_on", message)
            if cleaned.get("evaluators"):
                self.add_error("evaluators", message)
        return cleaned


class ConcernOutcomeForm(PlausibleDatesMixin, forms.Form):
    """The end of the evaluation; an administrative help opens its measure in the file of
    one of the concern's children."""

    evaluation_ended_on = forms.DateField(label=_("Évaluation terminée le"), widget=DateInput())
    outcome = forms.ChoiceField(
        label=_("Suite donnée"), choices=ConcernOutcome.choices, widget=forms.RadioSelect
    )
    prosecutor_referral_on = forms.DateField(
        label=_("Signalement au procureur le"), required=False, widget=DateInput()
    )
    measure_child = forms.ModelChoiceField(
        label=_("Enfant bénéficiaire"), queryset=None, required=False
    )
    measure_type = forms.ChoiceField(
        label=_("Prestation"),
        required=False,
        choices=[("", "---------")]
        + [
            (value, label)
            for value, label in MeasureType.choices
            if value in (MeasureType.HOME_HELP, MeasureType.AED, MeasureType.PROVISIONAL_CARE)
        ],
    )
    measure_decision_date = forms.DateField(
        label=_("Décision du président du conseil départemental le"),
        required=False,
        widget=DateInput(),
    )
    measure_start_date = forms.DateField(
        label=_("Début de la prestation"), required=False, widget=DateInput()
    )
    measure_end_date = forms.DateField(
        label=_("Fin de la prestation"),
        required=False,
        widget=DateInput(),
        help_text=_("Une prestation administrative dure au plus un an, renouvelable."),
    )
    measure_parental_agreement = forms.BooleanField(
        label=_("Accord écrit des représentants légaux"), required=False
    )

    MEASURE_REQUIRED = (
        "measure_child",
        "measure_type",
        "measure_decision_date",
        "measure_start_date",
        "measure_end_date",
    )

    def __init__(self, *args, concern, **kwargs):
        super().__init__(*args, **kwargs)
        self.concern = concern
        self.fields["measure_child"].queryset = concern.children.all()
        self.fields["prosecutor_referral_on"].initial = concern.prosecutor_referral_on

    def clean(self):
        cleaned = super().clean()
        received = self.concern.received_on
        _not_future(self, "evaluation_ended_on", "prosecutor_referral_on")
        _not_before(
            self,
            "evaluation_ended_on",
            self.concern.evaluation_started_on or received,
            _("L'évaluation ne peut se terminer avant d'avoir commencé."),
        )
        _not_before(
            self,
            "prosecutor_referral_on",
            received,
            _("Le signalement ne peut précéder la réception de l'information."),
        )
        outcome = cleaned.get("outcome")
        if outcome == ConcernOutcome.PROSECUTOR and not cleaned.get("prosecutor_referral_on"):
            self.add_error("prosecutor_referral_on", _("Indiquez la date du signalement."))
        if outcome == ConcernOutcome.ADMINISTRATIVE_HELP:
            for name in self.MEASURE_REQUIRED:
                if not cleaned.get(name) and name not in self.errors:
                    self.add_error(name, _("Obligatoire pour ouvrir une prestation."))
        return cleaned

    def measure(self) -> dict | None:
        """The measure to open, as welfare's ``measure_create`` takes it."""
        data = self.cleaned_data
        if data["outcome"] != ConcernOutcome.ADMINISTRATIVE_HELP:
            return None
        return {
            "child": data["measure_child"],
            "type": data["measure_type"],
            "decision_date": data["measure_decision_date"],
            "start_date": data["measure_start_date"],
            "end_date": data["measure_end_date"],
            "parental_agreement": data["measure_parental_agreement"],
        }


class ConcernSignalForm(PlausibleDatesMixin, forms.Form):
    """The day the signalement of a grave and immediate danger left for the parquet."""

    prosecutor_referral_on = forms.DateField(
        label=_("Signalement envoyé au procureur le"), widget=DateInput()
    )

    def clean(self):
        cleaned = super().clean()
        _not_future(self, "prosecutor_referral_on")
        return cleaned


class ConcernFeedbackForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Concern
        fields = ["prosecutor_feedback", "prosecutor_feedback_on"]
        widgets = {"prosecutor_feedback_on": DateInput()}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["prosecutor_feedback"].required = True
        self.fields["prosecutor_feedback_on"].required = True

    def clean(self):
        cleaned = super().clean()
        _not_future(self, "prosecutor_feedback_on")
        _not_before(
            self,
            "prosecutor_feedback_on",
            self.instance.prosecutor_referral_on,
            _("Au plus tôt le jour du signalement."),
        )
        return cleaned
