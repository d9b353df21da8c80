"""Forms of plans and budgets. The model rules (period of at most five years, dates in order,
progress of a done action) come back from ``Model.clean`` next to their field; the rules that
need a query (numbers and dates taken) are checked here."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from schemes.enums import BudgetDomain
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
from schemes.selectors import free_domains
from welfare.forms.dates import DateInput, PlausibleDatesMixin


def ensure_free(form, field, siblings, message):
    """The cleaned ``field`` value, unless another of ``siblings`` already has it."""
    value = form.cleaned_data[field]
    if siblings.filter(**{field: value}).exclude(pk=form.instance.pk).exists():
        raise forms.ValidationError(message)
    return value


class SchemeForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Scheme
        fields = [
            "title",
            "kind",
            "start_year",
            "end_year",
            "adopted_on",
            "status",
            "summary",
        ]
        widgets = {"adopted_on": DateInput(), "summary": forms.Textarea(attrs={"rows": 5})}


class ObjectiveForm(forms.ModelForm):
    class Meta:
        model = Objective
        fields = ["number", "title", "description"]
        widgets = {"description": forms.Textarea(attrs={"rows": 3})}

    def clean_number(self):
        return ensure_free(
            self,
            "number",
            self.instance.scheme.objectives.all(),
            _("Un autre objectif de ce schéma porte déjà ce numéro."),
        )


class ActionForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Action
        fields = [
            "objective",
            "number",
            "title",
            "description",
            "lead_service",
            "partners",
            "start_date",
            "end_date",
            "status",
            "progress",
        ]
        widgets = {
            "description": forms.Textarea(attrs={"rows": 4}),
            "partners": forms.Textarea(attrs={"rows": 2}),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }

    def __init__(self, *args, scheme, **kwargs):
        super().__init__(*args, **kwargs)
        # An action may move between the objectives of its own plan only.
        self.fields["objective"].queryset = scheme.objectives.all()
        self.fields["objective"].empty_label = None

    def clean(self):
        cleaned_data = super().clean()
        objective, number = cleaned_data.get("objective"), cleaned_data.get("number")
        taken = objective and objective.actions.filter(number=number).exclude(pk=self.instance.pk)
        if number and taken and taken.exists():
            self.add_error("number", _("Une autre action de cet objectif porte déjà ce numéro."))
        return cleaned_data


class MilestoneForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Milestone
        fields = ["label", "due_on", "reached_on"]
        widgets = {"due_on": DateInput(), "reached_on": DateInput()}


class FundingForm(forms.ModelForm):
    class Meta:
        model = Funding
        fields = ["funder", "amount", "note"]


class IndicatorForm(forms.ModelForm):
    class Meta:
        model = Indicator
        fields = ["name", "unit", "baseline", "target"]


class MeasurementForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Measurement
        fields = ["measured_on", "value", "comment"]
        widgets = {"measured_on": DateInput()}

    def clean_measured_on(self):
        return ensure_free(
            self,
            "measured_on",
            self.instance.indicator.measurements.all(),
            _("Une mesure existe déjà à cette date : modifiez-la."),
        )


class BudgetForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Budget
        fields = ["year", "voted_on", "notes"]
        widgets = {"voted_on": DateInput(), "notes": forms.Textarea(attrs={"rows": 3})}


class BudgetLineForm(forms.ModelForm):
    class Meta:
        model = BudgetLine
        fields = ["domain", "voted", "executed", "note"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # One line per domain: offer the domains still free in this budget.
        domains = free_domains(budget=self.instance.budget, keep=self.instance.domain)
        self.fields["domain"].choices = [(domain.value, domain.label) for domain in domains]
        self.fields["executed"].required = False
        self.fields["executed"].help_text = _(
            "Le montant constaté, 0 s'il n'est pas encore connu ; la page du budget le compare "
            "au montant calculé d'après les dossiers."
        )

    def clean_executed(self):
        return self.cleaned_data["executed"] or Decimal(0)

    def clean_domain(self):
        return ensure_free(
            self,
            "domain",
            self.instance.budget.lines.all(),
            _("Ce budget a déjà une ligne « %(domain)s ».")
            % {"domain": BudgetDomain(self.cleaned_data["domain"]).label},
        )
