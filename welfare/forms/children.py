"""Forms of the children's files: identity, guardians, measures, documents, and the filters of
the list and caseload pages. Labels are the models' French verbose names."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from welfare.enums import ClockKind, ClockStatus, DocumentKind, MeasureEndReason
from welfare.forms.choices import SearchableSelectMultiple
from welfare.forms.dates import DateInput, PlausibleDatesMixin
from welfare.models import Child, Guardian, Measure, StatutoryDocument
from welfare.rules import add_years
from welfare.services.children import MEASURE_FIELDS


def sibling_label(child):
    return _("%(name)s, né(e) le %(day)s") % {
        "name": child,
        "day": child.birth_date.strftime("%d/%m/%Y"),
    }


class ChildForm(PlausibleDatesMixin, forms.ModelForm):
    """Identity of a child; the référent and siblings are chosen within the territory."""

    class Meta:
        model = Child
        fields = [
            "last_name",
            "first_name",
            "birth_date",
            "sex",
            "referent",
            "disability",
            "mdph_decision_date",
            "unaccompanied_minor",
            "siblings",
        ]
        widgets = {
            "birth_date": DateInput(),
            "mdph_decision_date": DateInput(),
            "sex": forms.RadioSelect,
            "siblings": SearchableSelectMultiple(attrs={"size": 8}),
        }
        help_texts = {
            "siblings": _(
                "Le lien est enregistré dans les deux dossiers. Pour en choisir plusieurs, "
                "maintenez Ctrl (Cmd sur Mac)."
            ),
            "mdph_decision_date": _("Seulement si un handicap est reconnu."),
        }

    def __init__(self, *args, territory, caseworkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.territory = territory
        self.fields["referent"].queryset = caseworkers
        siblings = (
            Child.objects.active_base()
            .filter(territory=territory)
            .order_by("last_name", "first_name")
        )
        if self.instance.pk:
            siblings = siblings.exclude(pk=self.instance.pk)
        self.fields["siblings"].queryset = siblings
        # Two children of a territory may share a name: the birth date tells them apart.
        self.fields["siblings"].label_from_instance = sibling_label
        self.fields["sex"].choices = self.fields["sex"].choices[1:]

    def clean_birth_date(self):
        birth_date = self.cleaned_data["birth_date"]
        today = timezone.localdate()
        if birth_date > today:
            raise forms.ValidationError(_("La date de naissance ne peut être dans le futur."))
        if add_years(birth_date, 21) <= today:
            raise forms.ValidationError(
                _("L'aide sociale à l'enfance suit les enfants et jeunes de moins de 21 ans.")
            )
        return birth_date

    def clean(self):
        cleaned = super().clean()
        mdph = cleaned.get("mdph_decision_date")
        if mdph and not cleaned.get("disability"):
            self.add_error(
                "mdph_decision_date",
                _("Une décision MDPH ne peut être saisie que pour un handicap reconnu."),
            )
        birth_date = cleaned.get("birth_date")
        if (
            cleaned.get("unaccompanied_minor")
            and birth_date
            and add_years(birth_date, 18) <= timezone.localdate()
            and not self.instance.pk
        ):
            self.add_error("unaccompanied_minor", _("Un mineur non accompagné a moins de 18 ans."))
        return cleaned


class GuardianForm(forms.ModelForm):
    class Meta:
        model = Guardian
        fields = [
            "relationship",
            "last_name",
            "first_name",
            "holds_parental_authority",
            "deceased",
            "phone",
            "email",
            "address",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3})}


class MeasureForm(PlausibleDatesMixin, forms.ModelForm):
    """A measure of one child; the legal limits are checked by ``Measure.clean``."""

    class Meta:
        model = Measure
        # The fields the service writes, named once; ``renews`` is its own argument.
        fields = [*MEASURE_FIELDS, "renews"]
        widgets = {
            "decision_date": DateInput(),
            "start_date": DateInput(),
            "end_date": DateInput(),
        }
        help_texts = {
            "end_date": _("Obligatoire pour les mesures limitées dans le temps."),
            "court": _("Pour une mesure judiciaire, ex. « Tribunal judiciaire de Dole »."),
            "parental_agreement": _("Obligatoire pour un accueil provisoire."),
            "durable_difficulties": _(
                "Permet un placement ou une AEMO de plus de deux ans, sur décision motivée."
            ),
        }

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.child = child
        renewable = Measure.objects.filter(child=child).order_by("-start_date")
        if self.instance.pk:
            renewable = renewable.exclude(pk=self.instance.pk)
        self.fields["renews"].queryset = renewable


class MeasureEndForm(PlausibleDatesMixin, forms.Form):
    end_date = forms.DateField(label=_("Date de fin"), widget=DateInput())
    end_reason = forms.ChoiceField(
        label=_("Motif de fin"),
        choices=[("", "---------")]
        + [
            (value, label)
            for value, label in MeasureEndReason.choices
            if value != MeasureEndReason.RENEWED
        ],
    )
    confirm = forms.BooleanField(
        label=_("Je confirme la fin de cette mesure."),
        error_messages={"required": _("Cochez la case pour confirmer.")},
    )


class DocumentForm(PlausibleDatesMixin, forms.ModelForm):
    class Meta:
        model = StatutoryDocument
        fields = [
            "kind",
            "completed_on",
            "referent",
            "trusted_person",
            "objectives",
            "summary",
            "sent_to_judge_on",
        ]
        widgets = {
            "completed_on": DateInput(),
            "sent_to_judge_on": DateInput(),
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "referent": _("Pour un PPE : le référent désigné."),
            "trusted_person": _("Pour un PPE : la personne de confiance choisie par le mineur."),
            "objectives": _("Pour un PPE : les objectifs et le plan d'action."),
        }

    def __init__(self, *args, child, caseworkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.child = child
        self.fields["referent"].queryset = caseworkers

    def clean_completed_on(self):
        completed_on = self.cleaned_data["completed_on"]
        if completed_on > timezone.localdate():
            raise forms.ValidationError(
                _("Un document s'enregistre une fois réalisé : la date ne peut être future.")
            )
        birth_date = self.instance.child.birth_date
        if completed_on < birth_date:
            raise forms.ValidationError(
                _("L'enfant est né le %(day)s : le document ne peut être antérieur à sa naissance.")
                % {"day": f"{birth_date:%d/%m/%Y}"}
            )
        return completed_on

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("kind") == DocumentKind.PPE and not cleaned.get("objectives"):
            self.add_error("objectives", _("Un PPE énonce ses objectifs."))
        return cleaned


class ChildSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Nom ou prénom"),
        required=False,
        max_length=100,
        widget=forms.TextInput(attrs={"type": "search", "autocomplete": "off"}),
    )


class LegalHoldForm(forms.Form):
    """Keep a file in the active base, or lift the hold (CNIL 2022-008, § 46)."""

    hold = forms.BooleanField(
        label=_("Maintenir ce dossier en base active"),
        required=False,
        help_text=_(
            "Un dossier maintenu n'est pas archivé, quel que soit son dernier contact ; "
            "maintenu alors qu'il est archivé, il revient en base active."
        ),
    )
    reason = forms.CharField(
        label=_("Motif"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_(
            "Par exemple : contentieux en cours, demande d'accès au dossier, retour du jeune."
        ),
    )

    def clean(self):
        data = super().clean()
        if data.get("hold") and not data.get("reason", "").strip():
            self.add_error("reason", _("Indiquez le motif du maintien en base active."))
        return data


class CaseloadFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("État"),
        required=False,
        choices=[("", _("Toutes les échéances ouvertes"))]
        + [(value, label) for value, label in ClockStatus.choices if value != ClockStatus.DONE],
    )
    kind = forms.ChoiceField(
        label=_("Échéance"),
        required=False,
        choices=[("", _("Toutes"))] + list(ClockKind.choices),
    )
    referent = forms.ModelChoiceField(
        label=_("Référent"), required=False, queryset=None, empty_label=_("Tous")
    )

    def __init__(self, *args, caseworkers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if caseworkers is None:
            del self.fields["referent"]
        else:
            self.fields["referent"].queryset = caseworkers
