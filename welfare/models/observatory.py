"""The observatory's reference data: the table that turns the portal's local values into the
codes of the national OLINPE dataset (domain_rules.md §4.1), and the young population behind
the rates per 1,000 (§4.3). Both are data, edited in the admin: when the DREES publishes a new
code list or the INSEE new estimates, nobody changes the code."""

import pghistory
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _

from welfare.observatory_enums import NationalVariable


class NationalCodeQuerySet(models.QuerySet):
    def as_mapping(self) -> dict:
        """``{variable: {local value: code}}`` of every row (one query); blank codes left out."""
        mapping = {variable: {} for variable in NationalVariable.values}
        for variable, local_value, code in self.values_list("variable", "local_value", "code"):
            if code:
                mapping[variable][local_value] = code
        return mapping


@pghistory.track(pghistory.InsertEvent(), pghistory.UpdateEvent(), pghistory.DeleteEvent())
class NationalCode(models.Model):
    """The national code of one local value of one OLINPE variable."""

    variable = models.CharField(
        _("variable nationale"), max_length=16, choices=NationalVariable.choices
    )
    local_value = models.CharField(_("valeur dans le portail"), max_length=64)
    local_label = models.CharField(_("libellé dans le portail"), max_length=200)
    code = models.CharField(
        _("code national"),
        max_length=8,
        blank=True,
        help_text=_("Laissé vide, la valeur est signalée dans le rapport de qualité."),
    )
    national_label = models.CharField(_("libellé national"), max_length=200, blank=True)
    verified = models.BooleanField(
        _("vérifié"),
        default=False,
        help_text=_("Code contrôlé dans l'annexe 2-8 du CASF et le guide OLINPE en vigueur."),
    )

    objects = NationalCodeQuerySet.as_manager()

    class Meta:
        ordering = ["variable", "local_value"]
        verbose_name = _("code national OLINPE")
        verbose_name_plural = _("codes nationaux OLINPE")
        constraints = [
            models.UniqueConstraint(
                fields=["variable", "local_value"], name="national_code_unique"
            ),
            models.CheckConstraint(
                name="national_code_variable_valid",
                condition=Q(variable__in=NationalVariable.values),
            ),
        ]

    def __str__(self):
        return f"{self.variable} : {self.local_label} → {self.code or '?'}"


class PopulationEstimate(models.Model):
    """The young population of a territory at 1 January of a year (INSEE estimates), the
    denominator of the rates per 1,000 that the observatory compares with other Départements."""

    territory = models.ForeignKey(
        "welfare.Territory",
        verbose_name=_("territoire"),
        on_delete=models.PROTECT,
        related_name="population_estimates",
    )
    year = models.PositiveSmallIntegerField(
        _("année"),
        validators=[MinValueValidator(1990), MaxValueValidator(2100)],
        help_text=_("Population au 1er janvier de cette année."),
    )
    under_21 = models.PositiveIntegerField(_("jeunes de moins de 21 ans"))
    under_18 = models.PositiveIntegerField(_("mineurs (moins de 18 ans)"))
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Par exemple : INSEE, estimations de population au 1er janvier."),
    )

    class Meta:
        ordering = ["territory", "-year"]
        verbose_name = _("estimation de population")
        verbose_name_plural = _("estimations de population")
        constraints = [
            models.UniqueConstraint(
                fields=["territory", "year"], name="population_estimate_unique"
            ),
            models.CheckConstraint(
                name="population_minors_within_under_21",
                condition=Q(under_18__lte=F("under_21")),
                violation_error_message=_(
                    "Les mineurs ne peuvent être plus nombreux que les moins de 21 ans."
                ),
            ),
        ]

    def __str__(self):
        return f"{self.territory} – {self.year}"
