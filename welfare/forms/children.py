"""Forms of the children's files: identity, guardians, measures, documents, and the filters of
the list and caseload pages. Labels are the models' French verbose names."""

from django import forms
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from welfare.enums import ClockKind, ClockStatus, DocumentKind, MeasureEndReason, MeasureType
from welfare.forms.choices import SearchableSelectMultiple
from welfare.forms.dates import DateInput, PlausibleDatesMixin
from welfare.models import Child, Guardian, Measure, StatutoryDocument
from welfare.rules import add_years
from welfare.services.children import MEASURE_FIELDS, guardian_twin
from welfare.services.duplicates import Duplicates, duplicate_candidates


def sibling_label(child):
    return _("%(name)s, né(e) le %(day)s") % {
        "name": child,
        "day": child.birth_date.strftime("%d/%m/%Y"),
    }


class DuplicateCheckMixin(forms.Form):
    """Before a file is opened, the possible duplicates (``duplicate_candidates``) among the
    files of ``visible``: when there are some, the form is refused until the user ticks the
    box saying it is another child; ``duplicates`` holds them for the page to show."""

    confirm_distinct = forms.BooleanField(
        label=_("Je confirme qu'il s'agit d'un autre enfant que les dossiers signalés ci-dessus."),
        required=False,
        widget=forms.HiddenInput,
    )

    def __init__(self, *args, visible, **kwargs):
        super().__init__(*args, **kwargs)
        self.visible = visible
        self.duplicates = Duplicates()

    def check_duplicates(self, cleaned, exclude=()):
        """Look for the duplicates of a new file once its names and birth date are valid."""
        confirmed = cleaned.pop("confirm_distinct", False)
        names = (cleaned.get("first_name"), cleaned.get("last_name"), cleaned.get("birth_date"))
        if self.instance.pk or not all(names):
            return
        first_name, last_name, birth_date = names
        self.duplicates = duplicate_candidates(
            first_name=first_name,
            last_name=last_name,
            birth_date=birth_date,
            visible=self.visible,
            exclude=exclude,
        )
        if not self.duplicates:
            return
        # Shown as a box to tick, now that there is something to confirm.
        self.fields["confirm_distinct"].widget = forms.CheckboxInput()
        if not confirmed:
            self.add_error(
                "confirm_distinct",
                _(
                    "Un dossier existe peut-être déjà pour cet enfant : vérifiez les dossiers "
                    "signalés, puis cochez cette case s'il s'agit bien d'un autre enfant."
                ),
            )


class ChildForm(DuplicateCheckMixin, PlausibleDatesMixin, forms.ModelForm):
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
        # A sibling chosen is known to be another child.
        self.check_duplicates(cleaned, exclude=cleaned.get("siblings") or ())
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

    def __init__(self, *args, child, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.child = child

    def clean(self):
        cleaned = super().clean()
        first_name, last_name = cleaned.get("first_name"), cleaned.get("last_name")
        if first_name and last_name:
            twin = guardian_twin(guardian=self.instance, first_name=first_name, last_name=last_name)
            if twin:
                self.add_error(
                    "last_name",
                    format_html(
                        '{} <a href="{}">{}</a>',
                        _("Cette personne figure déjà dans le dossier :"),
                        reverse(
                            "children:guardian_edit",
                            args=[self.instance.child.public_id, twin.public_id],
                        ),
                        _("modifier la fiche de %(name)s") % {"name": twin},
                    ),
                )
        return cleaned


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
            "judge_referral_date": DateInput(),
            "merits_extension_date": DateInput(),
        }
        help_texts = {
            "end_date": _("Obligatoire pour les mesures limitées dans le temps."),
            "court": _("Pour une mesure judiciaire, ex. « Tribunal judiciaire de Dole »."),
            "parental_agreement": _("Obligatoire pour un accueil provisoire."),
            "durable_difficulties": _(
                "Permet une mesure d'accueil de plus de deux ans, quand les difficultés des "
                "parents sont graves, sévères et chroniques (art. 375 al. 4 C. civ.) ; jamais "
                "pour une AEMO."
            ),
            "placement_basis": _("Pour un placement judiciaire seulement."),
            "without_hearing": _(
                "Pour une OPP du juge : les parties sont convoquées dans les 15 jours."
            ),
            "merits_extension_date": _(
                "Pour une OPP du juge : la prolongation unique de six mois, avec sa date."
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
            "measure",
            "sent_to_judge_on",
            "shared_with_family_on",
            "not_shared_reason",
        ]
        widgets = {
            "completed_on": DateInput(),
            "sent_to_judge_on": DateInput(),
            "shared_with_family_on": DateInput(),
            "not_shared_reason": forms.Textarea(attrs={"rows": 2}),
            "objectives": forms.Textarea(attrs={"rows": 4}),
            "summary": forms.Textarea(attrs={"rows": 4}),
        }
        help_texts = {
            "referent": _("Pour un PPE : le référent désigné."),
            "trusted_person": _("Pour un PPE : la personne de confiance choisie par le mineur."),
            "objectives": _("Pour un PPE : les objectifs et le plan d'action."),
            "measure": _("Pour un rapport d'échéance : la mesure judiciaire qui prend fin."),
            "shared_with_family_on": _(
                "Pour un rapport transmis au juge : son contenu est d'abord porté à la "
                "connaissance des parents et de l'enfant (art. L223-5 al. 4 du CASF)."
            ),
        }

    def __init__(self, *args, child, caseworkers, **kwargs):
        super().__init__(*args, **kwargs)
        self.instance.child = child
        self.fields["referent"].queryset = caseworkers
        self.fields["measure"].queryset = child.measures.filter(
            type__in=MeasureType.deadline_report()
        ).order_by("-start_date")

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
