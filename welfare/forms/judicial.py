"""Forms of the judicial cycle: a hearing, a decision received from the judge (one form for
the measure it opens, renews, modifies or ends), a report sent to the judge."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from welfare.enums import DecisionEffect, MeasureType
from welfare.forms.dates import DateInput, PlausibleDatesMixin
from welfare.models import Hearing, Measure

DECISION_MEASURE_FIELDS = [
    "type",
    "decided_by",
    "decision_date",
    "start_date",
    "end_date",
    "court",
    "decision_reference",
    "placement_basis",
    "durable_difficulties",
    "without_hearing",
]


def measure_label(measure):
    return _("%(type)s, du %(start)s au %(end)s") % {
        "type": measure.get_type_display(),
        "start": f"{measure.start_date:%d/%m/%Y}",
        "end": f"{measure.end_date:%d/%m/%Y}" if measure.end_date else "…",
    }


class HearingForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = Hearing
        fields = ["date", "kind", "measure", "court", "judge", "summoned", "outcome"]
        widgets = {
            "date": DateInput(),
            "summoned": forms.Textarea(attrs={"rows": 2}),
            "outcome": forms.Textarea(attrs={"rows": 3}),
        }
        help_texts = {
            "measure": _("La mesure qu'examine l'audience ; le rapport d'échéance la précède."),
            "outcome": _("À compléter une fois l'audience tenue."),
        }

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.child = child
        self.fields["measure"].queryset = child.measures.judicial().order_by("-start_date")
        self.fields["measure"].label_from_instance = measure_label


class DecisionForm(PlausibleDatesMixin, forms.Form):
    """A judgment or order received: what it does, to which measure, and the measure it opens
    (checked by the service against the legal limits, as every measure)."""

    effect = forms.ChoiceField(
        label=_("La décision"), choices=DecisionEffect.choices, widget=forms.RadioSelect
    )
    target = forms.ModelChoiceField(
        label=_("Mesure concernée"),
        queryset=Measure.objects.none(),
        required=False,
        help_text=_("Pour un renouvellement, une modification ou une mainlevée."),
    )
    hearing = forms.ModelChoiceField(
        label=_("Audience qui l'a rendue"), queryset=Hearing.objects.none(), required=False
    )

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields.update(forms.fields_for_model(Measure, fields=DECISION_MEASURE_FIELDS))
        for name in ("type", "decided_by", "end_date", "court"):
            self.fields[name].required = False
        self.fields["type"].choices = [("", "---------")] + [
            (value, label)
            for value, label in MeasureType.choices
            if value in MeasureType.judicial()
        ]
        self.fields["start_date"].label = _("Prend effet le")
        self.fields["start_date"].help_text = _(
            "Pour une mainlevée : le jour où la mesure prend fin."
        )
        for name in ("decision_date", "start_date", "end_date"):
            self.fields[name].widget = DateInput()
        self.fields["target"].queryset = child.measures.filter(end_reason="").order_by(
            "-start_date"
        )
        self.fields["target"].label_from_instance = measure_label
        self.fields["hearing"].queryset = child.hearings.order_by("-date")

    def clean_decision_date(self):
        day = self.cleaned_data["decision_date"]
        if day > timezone.localdate():
            raise forms.ValidationError(_("Une décision reçue ne peut être datée du futur."))
        return day

    def clean(self):
        cleaned = super().clean()
        effect = cleaned.get("effect")
        if effect and effect != DecisionEffect.OPENS and not cleaned.get("target"):
            self.add_error("target", _("Choisissez la mesure que cette décision concerne."))
        if effect and effect != DecisionEffect.ENDS:
            for name in ("type", "decided_by"):
                if not cleaned.get(name):
                    self.add_error(name, _("Ce champ est obligatoire."))
        return cleaned

    def measure_fields(self) -> dict:
        return {name: self.cleaned_data[name] for name in DECISION_MEASURE_FIELDS}


class ReportSentForm(PlausibleDatesMixin, forms.Form):
    sent_to_judge_on = forms.DateField(label=_("Transmis au juge le"), widget=DateInput())
    shared_with_family_on = forms.DateField(
        label=_("Contenu partagé avec les parents et l'enfant le"),
        required=False,
        widget=DateInput(),
        help_text=_("Art. L223-5 al. 4 du CASF : avant la transmission au juge."),
    )
    not_shared_reason = forms.CharField(
        label=_("Sinon, pourquoi"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 2}),
    )
