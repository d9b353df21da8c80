"""The dashboard's filters (GET), shared by the page, the ``indicators`` command and the PDF
report (whose parameters they validate): whatever is typed, a wrong value is a message next to
its field, never an error page."""

from datetime import date

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from observatory.base import Params
from schemes.reports.kinds import ReportParametersForm
from welfare.enums import Role
from welfare.forms.dates import DateField
from welfare.models import Territory
from welfare.scope import Scope

# The records hold nothing older; a date before this is a typing error.
EARLIEST = date(1990, 1, 1)


class DashboardForm(ReportParametersForm):
    day = DateField(
        label=_("Situation au"),
        required=False,
        help_text=_("Par défaut, aujourd'hui."),
    )
    start = DateField(
        label=_("Période du"),
        required=False,
        help_text=_("Par défaut, le 1er janvier de l'année de fin."),
    )
    end = DateField(
        label=_("au"),
        required=False,
        help_text=_("Par défaut, la date de situation."),
    )
    territory = forms.ModelChoiceField(
        label=_("Territoire"),
        queryset=Territory.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Tout le Département"),
        error_messages={"invalid_choice": _("Ce territoire n'existe pas.")},
    )

    def __init__(self, data=None, *, user=None, today: date | None = None):
        super().__init__(data, user=user)
        self.today = today or timezone.localdate()
        # A territory manager reads his own territory: there is nothing to choose, and a
        # territory typed into the address is ignored.
        self.fixed_territory = None
        if user is not None and user.role == Role.TERRITORY_MANAGER:
            self.fixed_territory = user.territory
            del self.fields["territory"]

    def _check_bounds(self, name):
        value = self.cleaned_data.get(name)
        if value is None:
            return
        if value > self.today:
            self.add_error(name, _("Choisissez une date qui n'est pas dans le futur."))
        elif value < EARLIEST:
            self.add_error(
                name,
                _("Choisissez une date à partir du %(day)s.") % {"day": f"{EARLIEST:%d/%m/%Y}"},
            )

    def clean(self):
        cleaned = super().clean()
        manager = self.user is not None and self.user.role == Role.TERRITORY_MANAGER
        if manager and self.fixed_territory is None:
            # Without a territory a manager would read the whole Département.
            raise forms.ValidationError(
                _(
                    "Votre compte n'est rattaché à aucun territoire : demandez-le à "
                    "l'administrateur."
                )
            )
        for name in ("day", "start", "end"):
            self._check_bounds(name)
        start, end = cleaned.get("start"), cleaned.get("end")
        if start and end and start > end:
            self.add_error("start", _("Le début de la période doit précéder sa fin."))
        return cleaned

    def params(self) -> Params:
        """The reading these filters ask for, defaults filled in (call after ``is_valid``)."""
        day = self.cleaned_data.get("day") or self.today
        end = self.cleaned_data.get("end") or day
        start = self.cleaned_data.get("start") or date(end.year, 1, 1)
        territory = self.fixed_territory or self.cleaned_data.get("territory")
        rights = Scope.for_user(self.user) if self.user is not None else Scope.departement()
        return Params(day=day, start=min(start, end), end=end, territory=territory, rights=rights)

    def parameters(self) -> dict:
        """The reading as the PDF report stores it (every default filled in)."""
        params = self.params()
        return params.query() | {"territory": params.territory.code if params.territory else ""}

    def title(self) -> str:
        params = self.params()
        title = _("Tableau de bord au %(day)s") % {"day": f"{params.day:%d/%m/%Y}"}
        return f"{title} – {params.territory or _('Tout le Département')}"


def _not_future_year(year):
    if year > timezone.localdate().year:
        raise forms.ValidationError(_("Choisissez une année qui n'est pas dans le futur."))


class YearField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(
            label=_("Année"),
            min_value=EARLIEST.year,
            required=False,
            validators=[_not_future_year],
            **kwargs,
        )


class ObservatoryForm(forms.Form):
    """The year of the national export; by default last year, the one due by 30 April."""

    year = YearField(help_text=_("Par défaut, l'année écoulée."))

    def year_or_default(self) -> int:
        return self.cleaned_data.get("year") or timezone.localdate().year - 1


class QualityForm(forms.Form):
    """The year and, for the directorate, the territory of the data-quality report."""

    year = YearField(
        help_text=_("Par défaut, l'année en cours, pour compléter les dossiers à temps.")
    )
    territory = forms.ModelChoiceField(
        label=_("Territoire"),
        queryset=Territory.objects.order_by("name"),
        to_field_name="code",
        required=False,
        empty_label=_("Tout le Département"),
        error_messages={"invalid_choice": _("Ce territoire n'existe pas.")},
    )

    def __init__(self, data=None, *, user):
        super().__init__(data)
        self.fixed_territory = None
        if user.role == Role.TERRITORY_MANAGER:
            self.fixed_territory = user.territory
            del self.fields["territory"]

    def year_or_default(self) -> int:
        return self.cleaned_data.get("year") or timezone.localdate().year

    def chosen_territory(self):
        return self.fixed_territory or self.cleaned_data.get("territory")
